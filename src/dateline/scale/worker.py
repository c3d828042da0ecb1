"""What runs on the Ray workers: reading units and extracting batches of documents.

Rows cross Ray as one ``item`` column of pickled objects (our frozen dataclasses),
so Arrow never has to know the shape of an Extraction. ``ExtractActor`` is the
class handed to ``map_batches``: Ray builds one per worker, so the spaCy model
and the gazetteer load once per worker (``pipeline.init_worker``), not per batch.
"""
from __future__ import annotations

import logging
import os
import pickle
import time
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from ..ingest import dedup, pipeline
from ..ingest.fetch import HttpFetcher
from ..ingest.sources import RawDocument, iter_sources
from ..models import ArticleError
from ..settings import Settings

log = logging.getLogger(__name__)

# Test hook: a file path; the first actor batch that can create it exits the worker
# process (os._exit), as a lost node would. Ray restarts the actor and retries the batch.
CRASH_ONCE_ENV = "DATELINE_SCALE_CRASH_ONCE"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One input's result, in input order: kind is "error", "stored" or "done".

    ``raw_hash`` is set for documents, so the driver can tell exact copies of a
    failed input apart as the local engine does; ``result`` is the ArticleError
    or the ingest pipeline's Processed (None for "stored": already in the store).
    """

    kind: str
    raw_hash: str | None
    result: Any = None
    started: float = 0.0  # wall clock (time.time) around this input's work on the worker
    ended: float = 0.0
    cpu_seconds: float = 0.0  # the worker's CPU time for it (load on the node does not count)


def encode(obj: object) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def decode(blob: bytes) -> Any:
    return pickle.loads(blob)  # noqa: S301 - our own rows, produced by our own workers


def items_table(blobs: list[bytes]) -> pa.Table:
    return pa.table({"item": pa.array(blobs, type=pa.large_binary())})


def read_unit(row: dict[str, Any], *, settings: Settings) -> list[dict[str, bytes]]:
    """One unit -> its documents (or per-item errors), exactly as the local sources give them."""
    unit = row["unit"]
    fetcher = HttpFetcher.from_settings(settings) if unit.startswith(("http://", "https://")) \
        else None
    try:
        return [{"item": encode(item)} for item in
                iter_sources([unit], fetcher=fetcher, max_bytes=settings.max_input_bytes)]
    except Exception as exc:  # noqa: BLE001 - a source bug must not stop the other units
        return [{"item": encode(ArticleError(unit, f"{unit}: cannot read: "
                                             f"{type(exc).__name__}: {exc}", "unreadable"))}]
    finally:
        if fetcher is not None:
            fetcher.close()


class ExtractActor:
    """Per worker: the extractor (loaded once) and a read-only view of the store."""

    def __init__(self, settings: Settings, *, check_store: bool = True,
                 crash_marker: str | None = None) -> None:
        pipeline.init_worker(settings)
        self.crash_marker = crash_marker
        self.writer = None
        if check_store:
            from ..store.db import create
            from ..store.writer import StoreWriter

            self.writer = StoreWriter(create(settings.db_url))

    def __call__(self, batch: pa.Table) -> pa.Table:
        self._crash_once()
        items = [decode(blob) for blob in batch.column("item").to_pylist()]
        keys = [None if isinstance(item, ArticleError) else dedup.raw_hash(item.payload)
                for item in items]
        stored = self._stored({k for k in keys if k})
        outcomes = []
        for item, key in zip(items, keys, strict=True):
            started = time.time()
            if isinstance(item, ArticleError):
                outcomes.append(Outcome("error", None, item, started, started))
            elif key in stored:
                outcomes.append(Outcome("stored", key, None, started, started))
            else:
                assert isinstance(item, RawDocument)
                cpu = time.process_time()
                result = pipeline.process(item)
                outcomes.append(Outcome("done", key, result, started, time.time(),
                                        time.process_time() - cpu))
        return items_table([encode(o) for o in outcomes])

    def _stored(self, keys: set[str]) -> set[str]:
        """Inputs already stored are not extracted again (a re-run stays cheap).

        Only a saving: the driver checks again before it writes, so a failed lookup
        (a SQLite file this node cannot see, a busy database) just costs extraction.
        """
        if self.writer is None or not keys:
            return set()
        try:
            return self.writer.known_raw_hashes(keys)
        except Exception as exc:  # noqa: BLE001
            log.warning("store lookup from a worker failed (%s); extracting anyway", exc)
            self.writer = None
            return set()

    def _crash_once(self) -> None:
        if not self.crash_marker:
            return
        try:
            fd = os.open(self.crash_marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        os._exit(1)
