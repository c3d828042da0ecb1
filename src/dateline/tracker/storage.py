"""Reading the tracker's input from the store (another engineer's schema).

The tracker does not write tables yet (see docs/tracker.md, "Not done"): it
reads stored articles back as Articles and builds proposals from their text.
SQLAlchemy Core only; the store's own ``articles`` table is read, never written.
"""
from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..models import Article, Extraction


def stored_articles(engine: Engine, *, limit: int | None = None) -> list[tuple[str, Extraction]]:
    """Every stored article that is not a near-copy of another, oldest first."""
    from ..store.schema import articles

    query = (select(articles.c.id, articles.c.text, articles.c.title, articles.c.published,
                    articles.c.url, articles.c.paragraphs)
             .where(articles.c.duplicate_of.is_(None))
             .order_by(articles.c.published, articles.c.id))
    if limit:
        query = query.limit(limit)
    try:
        with engine.connect() as conn:
            rows = conn.execute(query).all()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read articles: {str(exc).splitlines()[0]}") from exc
    out = []
    for row in rows:
        paragraphs = tuple(tuple(p) for p in (row.paragraphs or ()))
        article = Article(text=row.text, title=row.title, published=row.published, url=row.url,
                          paragraphs=paragraphs)
        out.append((str(row.id), Extraction(article, ())))
    return out
