"""Helpers for the Ray tests: the fixture corpus with bad inputs and copies, and a
comparable snapshot of a store."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import func, select

from dateline.store import queries
from dateline.store import schema as s

DATA = Path(__file__).parent / "data"
OUTLETS = Path(__file__).parents[1] / "fuse" / "outlets"  # three outlets' reports of one night


def build_corpus(folder: Path) -> Path:
    """The six fixture articles, three outlets' reports of one night (fused into shared
    events), plus what a real crawl holds: an exact copy, a syndicated near-copy, an
    empty file and a binary file."""
    folder.mkdir(parents=True)
    for path in sorted([*DATA.glob("*.txt"), *OUTLETS.glob("*.txt")]):
        shutil.copy(path, folder / path.name)
    shutil.copy(DATA / "geneva_talks_round.txt", folder / "zz_exact_copy.txt")
    wire = (DATA / "kharkiv_night_strike.txt").read_text(encoding="utf-8")
    (folder / "zz_syndicated.txt").write_text(wire.replace(
        "Missiles and drones hit Kharkiv power plant overnight",
        "Kharkiv power plant hit in overnight attack (Wire)"), encoding="utf-8")
    (folder / "zz_empty.txt").write_text("\n\n", encoding="utf-8")
    (folder / "zz_binary.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    return folder


def snapshot(engine) -> dict:  # noqa: ANN001 - a SQLAlchemy Engine
    """What a run stored, keyed by input name (database ids differ only by backend)."""
    a = s.articles
    with engine.connect() as conn:
        origin_of = dict(conn.execute(select(a.c.id, a.c.origin)).all())
        rows = conn.execute(select(a.c.id, a.c.origin, a.c.content_hash, a.c.raw_hash, a.c.title,
                                   a.c.published, a.c.duplicate_of, a.c.similarity,
                                   a.c.event_count)).all()
        places = conn.execute(select(s.event_mentions.c.article_id, s.event_mentions.c.ordinal,
                                     s.places.c.role, s.places.c.text, s.places.c.name,
                                     s.places.c.country, s.places.c.geonameid)
                              .join(s.places, s.places.c.mention_id == s.event_mentions.c.id)
                              ).all()
        errors = conn.execute(select(s.ingest_errors.c.source, s.ingest_errors.c.kind,
                                     s.ingest_errors.c.reason)).all()
        # Every column of every event but the time it was written, JSON included.
        fused = conn.execute(select(*(c for c in s.events.c if c.name != "updated_at"))).all()
        mentions = conn.execute(select(s.event_mentions.c.article_id,
                                       s.event_mentions.c.mention_key,
                                       s.event_mentions.c.event_id)).all()
    return {
        "articles": {r.origin: (r.content_hash, r.raw_hash, r.title, r.published,
                                origin_of.get(r.duplicate_of), r.similarity, r.event_count)
                     for r in rows},
        "contract": {r.origin: queries.get_article(engine, r.id)["extraction"] for r in rows},
        "places": sorted((origin_of[p.article_id], p.ordinal, p.role, p.text, p.name or "",
                          p.country or "", p.geonameid or 0) for p in places),
        "errors": sorted(tuple(e) for e in errors),
        "fused_events": sorted(repr(tuple(_comparable(v) for v in e)) for e in fused),
        "event_of_mention": sorted((origin_of[m.article_id], m.mention_key, m.event_id)
                                   for m in mentions),
        "counts": queries.counts(engine),
    }


def _comparable(value):  # noqa: ANN001, ANN202
    """JSON with its keys sorted: PostgreSQL's JSONB keeps keys in its own order."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


def duplicate_rows(engine) -> dict[str, int]:  # noqa: ANN001
    """Rows stored more than once: should all be zero."""
    a, m = s.articles, s.event_mentions
    with engine.connect() as conn:
        return {
            "articles": conn.scalar(select(func.count()).select_from(a))
            - conn.scalar(select(func.count(func.distinct(a.c.content_hash)))),
            "mentions": conn.scalar(select(func.count()).select_from(m))
            - len(conn.execute(select(m.c.article_id, m.c.ordinal).distinct()).all()),
        }
