"""The per-document work done in a worker: read -> hash -> MinHash -> extract.

Each worker process loads the extractor once (``init_worker``); the main
process keeps all database work and the order of results.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, replace

from ..errors import ConfigError, DatelineError
from ..models import Article, ArticleError, Extraction
from ..settings import Settings
from . import dedup
from .sources import RawDocument

_extractor = None  # one per process, loaded by init_worker
_max_bytes = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Processed:
    name: str
    raw_hash: str
    article: Article
    extraction: Extraction
    content_hash: str
    minhash: bytes
    bands: dedup.Bands


def load_extractor(settings: Settings):  # noqa: ANN201 - any object with extract_article
    """Import ``settings.extractor`` ("module:Class") and build it with from_settings."""
    module_name, _, attr = settings.extractor.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attr or "Extractor")
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"cannot load the extractor {settings.extractor!r}: {exc}") from exc
    return factory.from_settings(settings)


def init_worker(settings: Settings) -> None:
    global _extractor, _max_bytes
    _extractor = load_extractor(settings)
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


def process(doc: RawDocument) -> Processed | ArticleError:
    """Never raises: a failure on this document comes back as an ArticleError."""
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
