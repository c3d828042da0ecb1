"""The write side: one transaction per batch, so a crash loses at most the batch
in flight and a re-run (which skips what is stored) finishes the job.

Identity: an article is its ``content_hash`` (normalised text); ``raw_hash`` of
the input bytes lets a re-run skip a stored input without reading it again.
Until fusion lands, every mention gets its own event with a stable ``event_id``
derived from the article hash and the mention's contract id.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError, OperationalError, StatementError

from ..models import Article, ArticleError, EventMention, Extraction, Place
from . import schema as s
from .db import write_transaction


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article ready to store, with what the ingest learned about it."""

    article: Article
    extraction: Extraction | None  # None for a near-duplicate (not extracted twice)
    content_hash: str
    raw_hash: str
    origin: str
    minhash: bytes | None = None
    bands: tuple[tuple[int, int], ...] = ()
    duplicate_of_hash: str | None = None  # content hash of the article this copies
    similarity: float | None = None


@dataclass(slots=True)
class BatchResult:
    articles: int = 0
    near_duplicates: int = 0
    events: int = 0
    errors: int = 0
    article_ids: list[int] = field(default_factory=list)
    # Content hashes another writer stored first (a concurrent ingest): not written.
    raced: list[str] = field(default_factory=list)
    # Records the store could not take, written as error rows instead (``_write_each``).
    rejected: list[ArticleError] = field(default_factory=list)


# What a record the store cannot take raises (a value of the wrong type or size):
# caught per batch, then per record. OperationalError (database down, disk full) is
# not among them: that stops the run, it is no fault of one input.
UNSTORABLE = (DataError, StatementError, TypeError, ValueError, AttributeError, OverflowError)


def _rejected(record: ArticleRecord, exc: Exception) -> ArticleError:
    first = (str(exc).splitlines() or [""])[0][:300]
    return ArticleError(record.origin, f"{record.origin}: cannot be stored: "
                        f"{type(exc).__name__}: {first}", "store")


def event_id_for(content_hash: str, mention_key: str) -> str:
    return "ev_" + hashlib.sha1(f"{content_hash}:{mention_key}".encode()).hexdigest()[:24]


def source_hash(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()


class StoreWriter:
    """Writes batches of ArticleRecords and ArticleErrors; reads what dedup needs."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._source_ids: dict[str, int] = {}

    # -- lookups the ingest needs before it writes -------------------------------
    def known_raw_hashes(self, hashes: Iterable[str]) -> set[str]:
        wanted = list(set(hashes))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i:i + 500]
                found.update(conn.scalars(select(s.articles.c.raw_hash)
                                          .where(s.articles.c.raw_hash.in_(chunk))))
        return found

    def known_content_hashes(self, hashes: Iterable[str]) -> set[str]:
        wanted = list(set(hashes))
        with self.engine.connect() as conn:
            return set(conn.scalars(select(s.articles.c.content_hash)
                                    .where(s.articles.c.content_hash.in_(wanted))))

    def band_candidates(self, bands: Sequence[tuple[int, int]]) -> list[tuple[str, bytes]]:
        """Stored (content_hash, minhash) of original articles sharing a band with ``bands``."""
        if not bands:
            return []
        wanted = set(bands)
        b = s.article_bands
        with self.engine.connect() as conn:
            hits = conn.execute(select(b.c.article_id, b.c.band, b.c.band_hash)
                                .where(b.c.band_hash.in_([value for _, value in bands]))).all()
            article_ids = sorted({row.article_id for row in hits
                                  if (row.band, row.band_hash) in wanted})
            if not article_ids:
                return []
            rows = conn.execute(
                select(s.articles.c.content_hash, s.article_signatures.c.minhash)
                .select_from(s.articles.join(s.article_signatures,
                                             s.article_signatures.c.article_id == s.articles.c.id))
                .where(s.articles.c.id.in_(article_ids)))
            return [(row[0], bytes(row[1])) for row in rows]

    # -- the batch ----------------------------------------------------------------
    def write_batch(self, records: Sequence[ArticleRecord],
                    errors: Sequence[ArticleError] = ()) -> BatchResult:
        """All of it in one transaction, with one statement per table (not per article).

        If another writer stored one of these articles meanwhile (unique content
        hash), the batch is retried article by article and that one is skipped.
        """
        try:
            return self._write(records, errors)
        except IntegrityError:
            self._source_ids.clear()  # ids cached inside the rolled-back transaction
            taken = self.known_content_hashes(r.content_hash for r in records)
            if not taken:
                return self._write_each(records, errors)
        except UNSTORABLE as exc:
            if isinstance(exc, OperationalError):
                raise
            self._source_ids.clear()
            return self._write_each(records, errors)
        result = BatchResult(raced=[r.content_hash for r in records if r.content_hash in taken])
        for record in records:
            if record.content_hash not in taken:
                part = self._write([record], ())
                result.articles += part.articles
                result.near_duplicates += part.near_duplicates
                result.events += part.events
                result.article_ids += part.article_ids
        result.errors = self._write((), errors).errors if errors else 0
        return result

    def _write_each(self, records: Sequence[ArticleRecord],
                    errors: Sequence[ArticleError]) -> BatchResult:
        """One transaction per record, after the batch's failed: a record the store
        cannot take becomes an error row (``rejected``) and the others are kept --
        so one poisoned input never rolls back a batch, and a rerun finishes."""
        result = BatchResult()
        for record in records:
            try:
                part = self._write([record], ())
            except IntegrityError as exc:
                self._source_ids.clear()
                if self.known_content_hashes([record.content_hash]):
                    result.raced.append(record.content_hash)
                    continue
                result.rejected.append(_rejected(record, exc))
                continue
            except UNSTORABLE as exc:
                if isinstance(exc, OperationalError):
                    raise
                self._source_ids.clear()
                result.rejected.append(_rejected(record, exc))
                continue
            result.articles += part.articles
            result.near_duplicates += part.near_duplicates
            result.events += part.events
            result.article_ids += part.article_ids
        all_errors = [*errors, *result.rejected]
        result.errors = self._write((), all_errors).errors if all_errors else 0
        return result

    def _write(self, records: Sequence[ArticleRecord],
               errors: Sequence[ArticleError]) -> BatchResult:
        result = BatchResult()
        now = datetime.now(UTC)
        with write_transaction(self.engine) as conn:  # SQLite: the write lock at once
            if records:
                ids = self._insert_articles(conn, records, now)
                result.article_ids = ids
                result.articles = len(records)
                result.near_duplicates = sum(1 for r in records if r.duplicate_of_hash)
                self._link_copies(conn, records, ids)
                self._insert_search_and_signatures(conn, records, ids)
                result.events = self._insert_extractions(conn, records, ids, now)
                # A source that now reads fine is no longer an error.
                conn.execute(delete(s.ingest_errors).where(s.ingest_errors.c.source_hash.in_(
                    [source_hash(r.origin) for r in records])))
            for error in errors:
                self._write_error(conn, error, now)
                result.errors += 1
        return result

    def write_errors(self, errors: Sequence[ArticleError]) -> int:
        return self.write_batch((), errors).errors

    def _source_id(self, conn: Connection, article: Article) -> int:
        if article.url and urlsplit(article.url).hostname:
            name, kind = (article.site or urlsplit(article.url).hostname or "").lower(), "site"
        else:
            name, kind = article.site or "local files", "file"
        if name not in self._source_ids:
            found = conn.scalar(select(s.sources.c.id).where(s.sources.c.name == name))
            if found is None:
                found = conn.execute(insert(s.sources).values(name=name, kind=kind)
                                     .returning(s.sources.c.id)).scalar_one()
            self._source_ids[name] = found
        return self._source_ids[name]

    def _insert_articles(self, conn: Connection, records: Sequence[ArticleRecord],
                         now: datetime) -> list[int]:
        rows = []
        for record in records:
            article = record.article
            rows.append({
                "content_hash": record.content_hash, "raw_hash": record.raw_hash,
                "source_id": self._source_id(conn, article), "origin": record.origin,
                "url": article.url, "title": article.title, "byline": article.byline,
                "published": article.published,
                "dateline": article.dateline.to_dict() if article.dateline else None,
                "language": article.language, "text": article.text,
                "paragraphs": [list(p) for p in article.paragraphs],
                "duplicate_of": None, "similarity": record.similarity,
                "event_count": len(record.extraction.events) if record.extraction else 0,
                "ingested_at": now})
        return list(conn.execute(insert(s.articles).returning(
            s.articles.c.id, sort_by_parameter_order=True), rows).scalars())

    def _link_copies(self, conn: Connection, records: Sequence[ArticleRecord],
                     ids: Sequence[int]) -> None:
        """Point near-copies at their original (stored earlier or in this very batch)."""
        for record, article_id in zip(records, ids, strict=True):
            if record.duplicate_of_hash:
                original = conn.scalar(select(s.articles.c.id).where(
                    s.articles.c.content_hash == record.duplicate_of_hash))
                conn.execute(update(s.articles).where(s.articles.c.id == article_id)
                             .values(duplicate_of=original))

    def _insert_search_and_signatures(self, conn: Connection, records: Sequence[ArticleRecord],
                                      ids: Sequence[int]) -> None:
        if conn.dialect.name == "sqlite":  # FTS5 external-content index, kept by hand
            conn.exec_driver_sql(
                "INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
                [(i, r.article.title, r.article.text) for r, i in zip(records, ids, strict=True)])
        # Only originals are indexed for near-copy search: copies link to the original.
        originals = [(r, i) for r, i in zip(records, ids, strict=True)
                     if r.minhash is not None and not r.duplicate_of_hash]
        if originals:
            conn.execute(insert(s.article_signatures),
                         [{"article_id": i, "minhash": r.minhash} for r, i in originals])
        bands = [{"article_id": i, "band": band, "band_hash": value}
                 for r, i in originals for band, value in r.bands]
        if bands:
            conn.execute(insert(s.article_bands), bands)

    def _insert_extractions(self, conn: Connection, records: Sequence[ArticleRecord],
                            ids: Sequence[int], now: datetime) -> int:
        mentions: list[EventMention] = []
        event_rows, mention_rows, quote_rows = [], [], []
        for record, article_id in zip(records, ids, strict=True):
            extraction = record.extraction
            if extraction is None:
                continue
            for ordinal, mention in enumerate(extraction.events):
                event_id = event_id_for(record.content_hash, mention.id)
                row = _event_row(event_id, mention, record.article.published, now)
                # The whole is a mention of the same article: its placeholder event.
                if mention.part_of:
                    row["part_of"] = event_id_for(record.content_hash, mention.part_of)
                event_rows.append(row)
                mention_rows.append(_mention_row(article_id, ordinal, event_id, mention))
                mentions.append(mention)
            quote_rows += [{"article_id": article_id, "ordinal": i, "speaker": q.speaker,
                            "text": q.text, "start": q.start, "end": q.end,
                            "event_key": q.event_id} for i, q in enumerate(extraction.quotes)]
        if event_rows:
            conn.execute(insert(s.events), event_rows)
            conn.execute(insert(s.event_mentions), mention_rows)
            # Ids read back in one query: cheaper than INSERT ... RETURNING of a batch,
            # whose statement text changes with every batch size (no statement cache).
            m = s.event_mentions
            stored = {(row.article_id, row.ordinal): row.id for row in conn.execute(
                select(m.c.id, m.c.article_id, m.c.ordinal)
                .where(m.c.article_id.in_(sorted({r["article_id"] for r in mention_rows}))))}
            mention_ids = [stored[(r["article_id"], r["ordinal"])] for r in mention_rows]
            actor_rows, place_rows = [], []
            for mention_id, mention in zip(mention_ids, mentions, strict=True):
                actor_rows.extend(_actor_rows(mention_id, mention))
                place_rows.extend(_place_rows(mention_id, mention.location))
            if actor_rows:
                conn.execute(insert(s.actors), actor_rows)
            if place_rows:
                conn.execute(insert(s.places), place_rows)
        if quote_rows:
            conn.execute(insert(s.quotes), quote_rows)
        return len(event_rows)

    def _write_error(self, conn: Connection, error: ArticleError, now: datetime) -> None:
        key = source_hash(error.source)
        table = s.ingest_errors
        existing = conn.scalar(select(table.c.id).where(table.c.source_hash == key))
        if existing is None:
            conn.execute(insert(table).values(source=error.source, source_hash=key,
                                              kind=error.kind, reason=error.reason[:2000],
                                              attempts=1, last_seen=now))
        else:
            conn.execute(update(table).where(table.c.id == existing).values(
                kind=error.kind, reason=error.reason[:2000],
                attempts=table.c.attempts + 1, last_seen=now))


def _event_row(event_id: str, mention: EventMention, published, now: datetime) -> dict:  # noqa: ANN001
    loc = mention.location
    words = [mention.evidence.sentence, mention.claimed_by or "", mention.quote or ""]
    if loc:
        words += [loc.text, loc.name or ""]
    words += [a.name for a in mention.actors] + [t.name for t in mention.targets]
    return {
        "event_id": event_id, "type": mention.type, "subtype": mention.subtype,
        "family": mention.family, "status": mention.status, "scope": mention.scope,
        "date_start": mention.date.start if mention.date else None,
        "date_end": mention.date.end if mention.date else None,
        "country": loc.country if loc else None,
        "place_name": (loc.name or loc.text) if loc else None,
        "admin1": loc.admin1 if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "place_precision": loc.precision if loc else None, "part_of": None,
        "fatalities_min": mention.fatalities.min if mention.fatalities else None,
        "fatalities_max": mention.fatalities.max if mention.fatalities else None,
        "injured_min": mention.injured.min if mention.injured else None,
        "injured_max": mention.injured.max if mention.injured else None,
        "civilian_targeting": mention.civilian_targeting,
        "confidence": mention.confidence,
        "search_text": " ".join(w for w in words if w).lower(),
        # Empty until fusion: an unfused event is its one mention, whose contract JSON
        # is in event_mentions.data (queries.py reads it from there); storing it twice
        # made a third of the database. Fusion writes the fused event's JSON here.
        "data": {}, "first_published": published, "updated_at": now,
    }


def _mention_row(article_id: int, ordinal: int, event_id: str, mention: EventMention) -> dict:
    return {
        "article_id": article_id, "ordinal": ordinal, "mention_key": mention.id,
        "event_id": event_id, "type": mention.type, "family": mention.family,
        "status": mention.status,
        "date_start": mention.date.start if mention.date else None,
        "date_end": mention.date.end if mention.date else None,
        "country": mention.location.country if mention.location else None,
        "claimed_by": mention.claimed_by, "data": mention.to_dict(),
    }


def _actor_rows(mention_id: int, mention: EventMention) -> list[dict]:
    rows = [{"mention_id": mention_id, "role": "actor", "name": a.name,
             "name_lower": a.name.lower(), "country": a.country, "category": None}
            for a in mention.actors]
    rows += [{"mention_id": mention_id, "role": "target", "name": t.name,
              "name_lower": t.name.lower(), "country": t.country, "category": t.category}
             for t in mention.targets]
    rows += [{"mention_id": mention_id, "role": "disputed_by", "name": name,
              "name_lower": name.lower(), "country": None, "category": None}
             for name in mention.disputed_by]
    return rows


def _place_rows(mention_id: int, place: Place | None) -> list[dict]:
    if place is None:
        return []

    def row(p: Place, role: str) -> dict:
        return {"mention_id": mention_id, "role": role, "text": p.text, "name": p.name,
                "name_lower": (p.name or p.text).lower(), "country": p.country,
                "admin1": p.admin1, "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid,
                "precision": p.precision}

    return [row(place, "location")] + [row(sub, "sublocation") for sub in place.sublocations]
