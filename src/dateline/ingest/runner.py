"""`dateline ingest`: sources -> workers (read, hash, extract) -> store, in batches.

Steps, in the main process:
  1. iterate the sources lazily; errors go straight to the batch;
  2. skip inputs whose raw bytes are already stored or seen in this run (exact
     duplicates) without reading them again -- this is what makes a re-run cheap;
  3. send the rest to the workers, keeping at most a few per worker in flight,
     and take results back in input order (so 1 or N workers store the same rows);
  4. drop copies whose text is already stored (content hash), link syndicated
     near-copies (MinHash) to their original without storing their events;
  5. commit every ``batch_size`` inputs in one transaction;
  6. fuse the committed articles' event mentions into events (``fuse.store_sync``):
     each new mention joins the stored event it reports or starts one, so the
     store holds one event per real event after every batch (``fuse=False``
     leaves one raw event per mention, for `dateline fuse` later).
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..models import ArticleError
from ..settings import Settings
from ..store.writer import ArticleRecord, StoreWriter
from . import dedup, pipeline
from .fetch import Fetcher, HttpFetcher
from .sources import RawDocument, iter_sources

if TYPE_CHECKING:  # only store/ imports SQLAlchemy at run time
    from sqlalchemy import Engine

IN_FLIGHT_PER_WORKER = 4


@dataclass(slots=True)
class IngestSummary:
    ingested: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    events: int = 0  # event mentions extracted and stored
    fused_mentions: int = 0  # of those, fused into events (0 with fuse=False)
    events_created: int = 0  # events the fused mentions did not find stored already
    failures: list[ArticleError] = field(default_factory=list)

    def describe(self, *, fused: bool) -> str:
        """The closing line of `dateline ingest` (both engines)."""
        line = (f"ingested {self.ingested}, duplicates {self.duplicates}, near-duplicates "
                f"{self.near_duplicates}, failed {self.failed}, events {self.events}")
        if fused:
            line += (f", fused {self.fused_mentions} new mentions into "
                     f"{self.events_created} new events")
        return line

    @property
    def seen(self) -> int:
        return self.ingested + self.duplicates + self.near_duplicates + self.failed

    def to_dict(self) -> dict[str, int]:
        return {"ingested": self.ingested, "duplicates": self.duplicates,
                "near_duplicates": self.near_duplicates, "failed": self.failed,
                "events": self.events, "fused_mentions": self.fused_mentions,
                "events_created": self.events_created}


ProgressCallback = Callable[[IngestSummary], None]


def run_ingest(specs: Iterable[str], *, settings: Settings, engine: Engine, workers: int = 1,
               batch_size: int = 25, fetcher: Fetcher | None = None, fuse: bool = True,
               on_progress: ProgressCallback | None = None) -> IngestSummary:
    """Ingest ``specs`` into the store; with ``fuse`` (the default) every committed
    batch is fused into the stored events, as `--engine ray` and the web's /add do."""
    own_fetcher = fetcher is None
    fetcher = fetcher or HttpFetcher.from_settings(settings)
    try:
        documents = iter_sources(specs, fetcher=fetcher, max_bytes=settings.max_input_bytes)
        return _Ingest(settings, engine, batch_size, on_progress, fuse=fuse).run(documents, workers)
    finally:
        if own_fetcher:
            fetcher.close()


class _Ingest:
    def __init__(self, settings: Settings, engine: Engine, batch_size: int,
                 on_progress: ProgressCallback | None, *, fuse: bool = True) -> None:
        self.settings = settings
        self.fuse = fuse
        self.writer = StoreWriter(engine)
        self.near = dedup.NearDuplicateIndex(self.writer.band_candidates)
        self.batch_size = max(1, batch_size)
        self.on_progress = on_progress
        self.summary = IngestSummary()
        self.records: list[ArticleRecord] = []
        self.errors: list[ArticleError] = []
        self.raw_seen: set[str] = set()  # raw hashes seen in this run
        self.content_seen: set[str] = set()  # content hashes stored or pending

    def run(self, documents: Iterator[RawDocument | ArticleError], workers: int) -> IngestSummary:
        self.fuse_leftovers()
        fresh = self._fresh(documents)
        if workers <= 1:
            pipeline.init_worker(self.settings)
            for doc in fresh:
                self._take(pipeline.process(doc))
        else:
            self._run_parallel(fresh, workers)
        self._flush()
        return self.summary

    def _run_parallel(self, fresh: Iterator[RawDocument], workers: int) -> None:
        """Results in input order, at most IN_FLIGHT_PER_WORKER documents per worker queued."""
        pipeline.extractor_factory(self.settings)  # a bad setting fails here, not in N workers
        self.writer.engine.dispose()  # no pooled connections cross the fork
        pool = _Workers(self.settings, workers)
        try:
            for doc in fresh:
                try:
                    pool.submit(doc)
                except BrokenProcessPool:  # a worker died since the last result
                    self._restart(pool)
                    pool.submit(doc)
                while pool.in_flight >= workers * IN_FLIGHT_PER_WORKER:
                    self._take_next(pool)
            while pool.in_flight:
                self._take_next(pool)
        finally:
            pool.close()

    def _take_next(self, pool: _Workers) -> None:
        try:
            result = pool.next_result()
        except BrokenProcessPool:
            self._restart(pool)
            return
        self._accept(result)

    def _accept(self, result: pipeline.Processed | ArticleError) -> None:
        if isinstance(result, ArticleError) and result.kind == pipeline.LOAD_FAILED:
            raise ConfigError(result.reason)  # no worker can extract anything: stop here
        self._take(result)

    def _restart(self, pool: _Workers) -> None:
        """A worker died (killed, out of memory, a crash in native code). The documents
        that were in flight go again one at a time in a fresh pool, so only the one
        that kills a worker is recorded as failed; input order is kept."""
        for doc in pool.restart():
            try:
                pool.submit(doc)
                result = pool.next_result()
            except BrokenProcessPool:
                pool.restart()
                self._fail(ArticleError(doc.name, f"{doc.name}: the worker process died "
                                        "reading or extracting it", "crash"))
                continue
            self._accept(result)

    def _fresh(self, documents: Iterator[RawDocument | ArticleError]) -> Iterator[RawDocument]:
        """Documents not stored yet; errors and exact raw duplicates are counted here."""
        for item in documents:
            if isinstance(item, ArticleError):
                self._fail(item)
                continue
            key = dedup.raw_hash(item.payload)
            if key in self.raw_seen or self.writer.known_raw_hashes([key]):
                self.raw_seen.add(key)
                self.summary.duplicates += 1
                self._tick()
                continue
            self.raw_seen.add(key)
            yield item

    def _take(self, result: pipeline.Processed | ArticleError) -> None:
        if isinstance(result, ArticleError):
            self._fail(result)
            return
        if (result.content_hash in self.content_seen
                or self.writer.known_content_hashes([result.content_hash])):
            self.content_seen.add(result.content_hash)
            self.summary.duplicates += 1
            self._tick()
            return
        self.content_seen.add(result.content_hash)
        original = self.near.find(result.minhash, result.bands)
        if original is not None:
            self.records.append(ArticleRecord(
                article=result.article, extraction=None, content_hash=result.content_hash,
                raw_hash=result.raw_hash, origin=result.name, minhash=result.minhash,
                duplicate_of_hash=original[0], similarity=round(original[1], 4)))
            self.summary.near_duplicates += 1
        else:
            self.records.append(ArticleRecord(
                article=result.article, extraction=result.extraction,
                content_hash=result.content_hash, raw_hash=result.raw_hash, origin=result.name,
                minhash=result.minhash, bands=result.bands))
            self.near.add(result.content_hash, result.minhash, result.bands)
            self.summary.ingested += 1
            self.summary.events += len(result.extraction.events)
        self._tick()

    def _fail(self, error: ArticleError) -> None:
        self.errors.append(error)
        self.summary.failed += 1
        self.summary.failures.append(error)
        self._tick()

    def _tick(self) -> None:
        if len(self.records) + len(self.errors) >= self.batch_size:
            self._flush()
        if self.on_progress:
            self.on_progress(self.summary)

    def _flush(self) -> None:
        if self.records or self.errors:
            result = self.writer.write_batch(self.records, self.errors)
            rejected = {error.source for error in result.rejected}
            for record in self.records:
                if record.content_hash in result.raced:  # a concurrent run stored it first
                    self._uncount(record)
                elif record.origin in rejected:  # the store could not take it: an error row
                    self._uncount(record, failed=True)
            for error in result.rejected:
                self.summary.failures.append(error)
            self.near.committed()
            self.records, self.errors = [], []
            if self.fuse and result.article_ids:
                self._fuse(result.article_ids)

    def fuse_leftovers(self) -> None:
        """Before new articles: fuse what an interrupted or --no-fuse run left raw, so
        a fused ingest always leaves the whole store fused."""
        if self.fuse:
            from ..fuse.store_sync import unfused_article_ids

            leftovers = unfused_article_ids(self.writer.engine)
            if leftovers:
                self._fuse(leftovers)

    def _fuse(self, article_ids: list[int]) -> None:
        """Fuse what this batch stored (after its commit: a failed fusion loses no article,
        and `dateline fuse` picks up whatever was left unfused)."""
        from ..fuse.store_sync import fuse_store, fuser_for

        report = fuse_store(self.writer.engine, fuser_for(self.settings), article_ids=article_ids)
        self.summary.fused_mentions += report.new_mentions
        self.summary.events_created += report.events_created

    def _uncount(self, record: ArticleRecord, *, failed: bool = False) -> None:
        if record.duplicate_of_hash:
            self.summary.near_duplicates -= 1
        else:
            self.summary.ingested -= 1
            self.summary.events -= len(record.extraction.events) if record.extraction else 0
        if failed:
            self.summary.failed += 1
        else:
            self.summary.duplicates += 1


# The batch sink, for other engines that feed results in (scale/runner.py does).
IngestSink = _Ingest


class _Workers:
    """A process pool (fork; each worker loads the extractor once) that can be restarted."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings = settings
        self.workers = workers
        self.pending: deque[tuple[RawDocument, Future]] = deque()
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=pipeline.init_worker_safely,
                                   initargs=(self.settings,))

    @property
    def in_flight(self) -> int:
        return len(self.pending)

    def submit(self, doc: RawDocument) -> None:
        self.pending.append((doc, self.pool.submit(pipeline.process, doc)))

    def next_result(self) -> pipeline.Processed | ArticleError:
        _doc, future = self.pending[0]
        result = future.result()  # raises BrokenProcessPool if a worker died
        self.pending.popleft()
        return result

    def restart(self) -> list[RawDocument]:
        """Drop the broken pool; return the documents that were in flight."""
        lost = [doc for doc, _ in self.pending]
        self.pending.clear()
        self.close()
        self.pool = self._start()
        return lost

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
