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

from ..models import Article, ArticleError, EventMention, Extraction, Place
from . import schema as s


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
        """Stored (content_hash, minhash) of canonical articles sharing a band with ``bands``."""
        if not bands:
            return []
        b = s.article_bands
        cond = None
        for band, value in bands:
            clause = (b.c.band == band) & (b.c.band_hash == value)
            cond = clause if cond is None else cond | clause
        query = (select(s.articles.c.content_hash, s.article_signatures.c.minhash)
                 .select_from(b.join(s.articles, s.articles.c.id == b.c.article_id)
                              .join(s.article_signatures,
                                    s.article_signatures.c.article_id == b.c.article_id))
                 .where(cond).distinct())
        with self.engine.connect() as conn:
            return [(row[0], bytes(row[1])) for row in conn.execute(query)]

    # -- the batch ----------------------------------------------------------------
    def write_batch(self, records: Sequence[ArticleRecord],
                    errors: Sequence[ArticleError] = ()) -> BatchResult:
        result = BatchResult()
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            for record in records:
                article_id = self._write_article(conn, record, now)
                result.article_ids.append(article_id)
                result.articles += 1
                if record.duplicate_of_hash:
                    result.near_duplicates += 1
                if record.extraction is not None:
                    result.events += self._write_extraction(conn, article_id, record, now)
                # A source that now reads fine is no longer an error.
                conn.execute(delete(s.ingest_errors)
                             .where(s.ingest_errors.c.source_hash == source_hash(record.origin)))
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

    def _write_article(self, conn: Connection, record: ArticleRecord, now: datetime) -> int:
        article = record.article
        duplicate_of = None
        if record.duplicate_of_hash:
            duplicate_of = conn.scalar(select(s.articles.c.id).where(
                s.articles.c.content_hash == record.duplicate_of_hash))
        events = record.extraction.events if record.extraction else ()
        article_id = conn.execute(insert(s.articles).values(
            content_hash=record.content_hash, raw_hash=record.raw_hash,
            source_id=self._source_id(conn, article), origin=record.origin,
            url=article.url, title=article.title, byline=article.byline,
            published=article.published,
            dateline=article.dateline.to_dict() if article.dateline else None,
            language=article.language, text=article.text,
            paragraphs=[list(p) for p in article.paragraphs],
            duplicate_of=duplicate_of, similarity=record.similarity,
            event_count=len(events), ingested_at=now,
        ).returning(s.articles.c.id)).scalar_one()
        if conn.dialect.name == "sqlite":  # FTS5 external-content index, kept by hand
            conn.exec_driver_sql("INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
                                 (article_id, article.title, article.text))
        if record.minhash is not None and duplicate_of is None:
            # Only canonical articles are indexed: copies link to the original.
            conn.execute(insert(s.article_signatures).values(article_id=article_id,
                                                             minhash=record.minhash))
            if record.bands:
                conn.execute(insert(s.article_bands), [
                    {"article_id": article_id, "band": band, "band_hash": value}
                    for band, value in record.bands])
        return article_id

    def _write_extraction(self, conn: Connection, article_id: int, record: ArticleRecord,
                          now: datetime) -> int:
        extraction = record.extraction
        assert extraction is not None
        published = record.article.published
        if extraction.events:
            event_rows = [_event_row(event_id_for(record.content_hash, m.id), m, published, now)
                          for m in extraction.events]
            conn.execute(insert(s.events), event_rows)
            mention_ids = conn.execute(
                insert(s.event_mentions).returning(s.event_mentions.c.id,
                                                   sort_by_parameter_order=True),
                [_mention_row(article_id, i, row["event_id"], m)
                 for i, (m, row) in enumerate(zip(extraction.events, event_rows, strict=True))],
            ).scalars().all()
            actor_rows, place_rows = [], []
            for mention_id, mention in zip(mention_ids, extraction.events, strict=True):
                actor_rows.extend(_actor_rows(mention_id, mention))
                place_rows.extend(_place_rows(mention_id, mention.location))
            if actor_rows:
                conn.execute(insert(s.actors), actor_rows)
            if place_rows:
                conn.execute(insert(s.places), place_rows)
        if extraction.quotes:
            conn.execute(insert(s.quotes), [
                {"article_id": article_id, "ordinal": i, "speaker": q.speaker, "text": q.text,
                 "start": q.start, "end": q.end, "event_key": q.event_id}
                for i, q in enumerate(extraction.quotes)])
        return len(extraction.events)

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
        "fatalities_min": mention.fatalities.min if mention.fatalities else None,
        "fatalities_max": mention.fatalities.max if mention.fatalities else None,
        "injured_min": mention.injured.min if mention.injured else None,
        "injured_max": mention.injured.max if mention.injured else None,
        "civilian_targeting": mention.civilian_targeting,
        "confidence": mention.confidence,
        "search_text": " ".join(w for w in words if w).lower(),
        "data": mention.to_dict(), "first_published": published, "updated_at": now,
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
