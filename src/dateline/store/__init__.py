"""The store: SQLAlchemy Core schema for SQLite and PostgreSQL, Alembic migrations
(db.py), the batch writer (writer.py) and the read side (queries.py)."""
from .db import open_engine, upgrade
from .queries import EventFilter, get_article, get_event, list_articles, list_errors, list_events, stats
from .writer import ArticleRecord, StoreWriter

__all__ = ["ArticleRecord", "EventFilter", "StoreWriter", "get_article", "get_event",
           "list_articles", "list_errors", "list_events", "open_engine", "stats", "upgrade"]
