"""The per-document work done in a worker: read -> hash -> MinHash -> extract.

Each worker process loads the extractor once (``init_worker``); the main
process keeps all database work and the order of results.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import importlib
import os
import signal
import threading
import time
from dataclasses import dataclass, replace

from ..errors import ConfigError, DatelineError
from ..models import Article, ArticleError, Extraction
from ..settings import Settings
from . import dedup
from .sources import RawDocument

_extractor = None  # one per process, loaded by init_worker
_max_bytes = 20 * 1024 * 1024
_loaded_for: Settings | None = None  # the settings _extractor was built from
_load_error: str | None = None  # why init_worker_safely failed in this process
LOAD_FAILED = "extractor_load"  # ArticleError.kind when the extractor could not load
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@dataclass(frozen=True, slots=True)
class Processed:
    name: str
    raw_hash: str
    article: Article
    extraction: Extraction
    content_hash: str
    minhash: bytes
    bands: dedup.Bands


def extractor_factory(settings: Settings):  # noqa: ANN201 - a class with from_settings
    """Import ``settings.extractor`` ("module:Class") without building it."""
    module_name, _, attr = settings.extractor.partition(":")
    try:
        return getattr(importlib.import_module(module_name), attr or "Extractor")
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"cannot load the extractor {settings.extractor!r}: {exc}") from exc


def load_extractor(settings: Settings):  # noqa: ANN201 - any object with extract_article
    """Import ``settings.extractor`` and build it with from_settings."""
    return extractor_factory(settings).from_settings(settings)


def init_worker(settings: Settings) -> None:
    """Load the extractor for this process, unless it was loaded for the same settings."""
    global _extractor, _max_bytes, _loaded_for
    if _extractor is None or _loaded_for != settings:
        _extractor = load_extractor(settings)
        _loaded_for = settings
    _max_bytes = settings.max_input_bytes


def read_document(doc: RawDocument, *, max_bytes: int) -> Article:
    from .read import read_bytes, read_text

    if doc.text is not None and doc.content_type == "text/plain":
        if len(doc.text) > max_bytes:
            raise DatelineError(f"{doc.name}: over the {max_bytes}-byte limit for one article")
        article = read_text(doc.text, published=doc.published, url=doc.url, name=doc.name,
                            title=doc.title)
    else:
        article = read_bytes(doc.payload, name=doc.name, content_type=doc.content_type,
                             published=doc.published, url=doc.url, max_bytes=max_bytes)
    if article.published is None and doc.fallback_published is not None:
        article = replace(article, published=doc.fallback_published)
    return article


def die_with_parent() -> None:
    """Make this pool process end when the ingest that forked it does.

    A killed ``dateline ingest --workers N`` (kill -9, OOM killer) left its workers
    behind, each holding a loaded model (~470 MB), waiting forever on a queue no one
    will write. On Linux the kernel sends SIGKILL on the parent's death
    (PR_SET_PDEATHSIG); elsewhere a daemon thread polls for the parent's change."""
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before prctl took effect
                os._exit(1)
            return
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def init_worker_safely(settings: Settings) -> None:
    """init_worker for pool processes: a failure is kept and reported by process(),
    because an exception in a pool initializer only says "the pool broke"."""
    global _load_error
    die_with_parent()
    try:
        init_worker(settings)
    except Exception as exc:  # noqa: BLE001 - reported through process()
        _load_error = f"the extractor failed to load in a worker: {type(exc).__name__}: {exc}"


def process(doc: RawDocument) -> Processed | ArticleError:
    """Never raises: a failure on this document comes back as an ArticleError."""
    if _load_error is not None:
        return ArticleError(doc.name, _load_error, LOAD_FAILED)
    if _extractor is None:
        raise RuntimeError("init_worker() was not called in this process")
    try:
        article = read_document(doc, max_bytes=_max_bytes)
    except DatelineError as exc:
        return ArticleError(doc.name, str(exc), "unreadable")
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch
        return ArticleError(doc.name, f"{doc.name}: cannot read: {type(exc).__name__}: {exc}",
                            "unreadable")
    try:
        extraction = _extractor.extract_article(article)
        sig = dedup.signature(article.text)
    except Exception as exc:  # noqa: BLE001 - same for the extractor
        return ArticleError(doc.name, f"{doc.name}: extraction failed: "
                            f"{type(exc).__name__}: {exc}", "extract")
    return Processed(name=doc.name, raw_hash=dedup.raw_hash(doc.payload), article=article,
                     extraction=extraction, content_hash=dedup.content_hash(article.text),
                     minhash=sig, bands=dedup.bands_of(sig))
