"""The database schema, one SQLAlchemy Core MetaData for SQLite and PostgreSQL.

Tables, and why each exists:

    sources         one row per site (domain) or local origin an article came from
    articles        the article as read: exact text (evidence offsets refer to it),
                    metadata, content hash (identity), raw hash (cheap re-run skip),
                    duplicate_of (syndicated near-copy of another article)
    article_bands   MinHash LSH band keys, so near-copies are found across runs
    events          fused events (one per mention until fusion lands): stable
                    event_id, filter columns, the representative contract JSON
    event_mentions  one contract event as one article tells it; event_id points
                    to the event it belongs to (fusion only reassigns this)
    actors          actors, targets and deniers of each mention (for --actor)
    places          location and sublocations of each mention (for --place)
    quotes          the contract's quotes of each article
    ingest_errors   one row per input that failed, with its reason
    event_map_counts  located events counted per place x family x year/month/dekad, for
                    the map's aggregated view; kept by triggers (migrations 0003, 0004)

Full-text search lives outside this MetaData because it is dialect-specific:
an FTS5 table on SQLite, a GIN expression index on PostgreSQL (see the migration).
"""
from __future__ import annotations

from sqlalchemy import (
    JSON, BigInteger, Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer,
    LargeBinary, MetaData, String, Table, Text, UniqueConstraint, text,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()

# JSONB on PostgreSQL (indexable, compact), JSON text elsewhere.
JsonType = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(255), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),  # site | file
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("raw_hash", String(64), nullable=False, index=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=True),
    Column("origin", Text, nullable=False),  # the path, URL or archive record it came from
    Column("url", Text),
    Column("title", Text, nullable=False),
    Column("byline", Text),
    Column("published", Date, index=True),
    Column("dateline", JsonType),  # {"place", "date"} as the contract writes it
    Column("language", String(8), nullable=False, default="en"),
    Column("text", Text, nullable=False),
    Column("paragraphs", JsonType),
    Column("duplicate_of", Integer, ForeignKey("articles.id"), index=True),
    Column("similarity", Float),  # estimated Jaccard to duplicate_of
    Column("event_count", Integer, nullable=False, default=0),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

article_bands = Table(
    "article_bands", metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("band", Integer, nullable=False),
    Column("band_hash", BigInteger, nullable=False),
    Index("ix_article_bands_lookup", "band_hash", "band"),
)

# The MinHash signature itself, to verify LSH candidates.
article_signatures = Table(
    "article_signatures", metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),
)

events = Table(
    "events", metadata,
    Column("event_id", String(40), primary_key=True),
    Column("type", String(32), nullable=False),
    Column("subtype", String(32)),
    Column("family", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("scope", String(16), nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("country", String(2)),
    Column("place_name", Text),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    # how coarse lat/lon are: point | district | city | region | country (migration 0005)
    Column("place_precision", String(16)),
    # the barrage (event id) this strike is part of, written by ingest and fusion for
    # the brief's counting (migration 0007); NULL for every other event
    Column("part_of", String(40)),
    Column("fatalities_min", Integer),
    Column("fatalities_max", Integer),
    Column("injured_min", Integer),
    Column("injured_max", Integer),
    Column("civilian_targeting", Boolean),
    Column("confidence", Float, nullable=False),
    Column("search_text", Text, nullable=False, default=""),  # lower-cased, for --text
    # The fused event's JSON; {} while the event is one unfused mention (its JSON is
    # then event_mentions.data, which queries.py reads instead).
    Column("data", JsonType, nullable=False),
    Column("first_published", Date),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # Each filter index carries date_end, so the `since` test (which reads it) is
    # done in the index, never by fetching the JSON-carrying row (migration 0002);
    # the family one carries lat/lon too, for the map's bounding box.
    # They end with the sort keys (migration 0003), so a list sorts and pages its
    # matches' ids in the index too.
    Index("ix_events_type_dates", "type", "date_start", "date_end", "fatalities_min",
          "event_id"),
    Index("ix_events_family_dates", "family", "date_start", "date_end", "lat", "lon",
          "fatalities_min", "event_id"),
    Index("ix_events_date", "date_start", "date_end"),
    Index("ix_events_country_dates", "country", "date_start", "date_end", "fatalities_min",
          "event_id"),
    Index("ix_events_latlon", "lat", "lon"),
    # The map's date range read from the index alone: the bounding box test, the
    # per-place counts of edge days and (migration 0008) the points of a short
    # window need no row lookup (store/map_points.py, store/map_point_rows.py).
    Index("ix_events_map", "date_start", "date_end", "lat", "lon", "place_name", "family",
          "fatalities_min", "event_id", "type", "country", "place_precision"),
    Index("ix_events_status", "status"),
    # Events spanning several days are few; this index finds, for `since`, the
    # earliest start among those still running then, so a date filter becomes a
    # range bounded on both sides of date_start (queries.event_conditions).
    Index("ix_events_multiday", "date_end", "date_start",
          sqlite_where=text("date_end > date_start"),
          postgresql_where=text("date_end > date_start")),
    # The events the map's counts table keeps under grain 'a' only (migration 0003).
    Index("ix_events_irregular", "date_start", "date_end", "lat", "lon", "family",
          "place_name", "fatalities_min",
          sqlite_where=text("date_start IS NULL OR date_end <> date_start"),
          postgresql_where=text("date_start IS NULL OR date_end <> date_start")),
    # The parts of a whole, found when fusion merges the whole away (migration 0007).
    Index("ix_events_part_of", "part_of", sqlite_where=text("part_of IS NOT NULL"),
          postgresql_where=text("part_of IS NOT NULL")),
)

# Database triggers on `events` keep these counts (dialect-specific, so they live in
# the migrations only: 0003, remade by 0004); grain 'a' = every located event,
# 'y'/'m'/'d' = single-day events by year/month/dekad (days 1-10, 11-20, 21-end;
# period = its first day). Each place is counted per family and once
# more under family '*' (all families). Read by store/map_points.py.
event_map_counts = Table(
    "event_map_counts", metadata,
    Column("grain", String(1), primary_key=True),
    Column("period", Date, primary_key=True),
    Column("family", String(16), primary_key=True),  # or '*'
    Column("lat", Float, primary_key=True),
    Column("lon", Float, primary_key=True),
    Column("place", Text, primary_key=True),  # events.place_name, '' when it has none
    Column("n", Integer, nullable=False),
    Column("fatalities", Integer, nullable=False),  # sum of fatalities_min (unknown as 0)
    Column("fatalities_known", Integer, nullable=False),  # events with fatalities_min set
    Column("top_family", String(16)),  # on '*' rows: the family with most events
    Index("ix_event_map_counts_place", "grain", "period", "lat", "lon", "place", "n"),
    sqlite_with_rowid=False,
)

event_mentions = Table(
    "event_mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),  # position in the article's events
    Column("mention_key", String(32), nullable=False),  # the contract id ("e2")
    Column("event_id", String(40), ForeignKey("events.event_id"), nullable=False, index=True),
    Column("type", String(32), nullable=False),
    Column("family", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("country", String(2)),
    Column("claimed_by", Text),
    Column("data", JsonType, nullable=False),  # the full contract event
    UniqueConstraint("article_id", "ordinal", name="uq_mentions_article_ordinal"),
)

actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True),
    Column("mention_id", Integer, ForeignKey("event_mentions.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("role", String(16), nullable=False),  # actor | target | disputed_by
    Column("name", Text, nullable=False),
    Column("name_lower", Text, nullable=False, index=True),
    Column("country", String(2)),
    Column("category", String(16)),
)

places = Table(
    "places", metadata,
    Column("id", Integer, primary_key=True),
    Column("mention_id", Integer, ForeignKey("event_mentions.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("role", String(16), nullable=False),  # location | sublocation
    Column("text", Text, nullable=False),
    Column("name", Text),
    Column("name_lower", Text, index=True),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", BigInteger),
    Column("precision", String(16)),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("ordinal", Integer, nullable=False),
    Column("speaker", Text),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("event_key", String(32)),
)

ingest_errors = Table(
    "ingest_errors", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("source_hash", String(64), nullable=False, unique=True),  # one row per input
    Column("kind", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Column("attempts", Integer, nullable=False, default=1),
    Column("last_seen", DateTime(timezone=True), nullable=False),
)
