"""The gazetteer's file format: its schema, the record of one place, and the writer.

Kept apart from the build (geo/build.py) and its sources (geo/sources.py) because
this is the contract between the builder and the reader (geo/gazetteer.py):
``Gazetteer.from_places`` writes the same tables into memory for unit tests, and
``Gazetteer.open`` refuses a file whose ``meta.schema`` is not SCHEMA_VERSION.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .names import loose_from_key, name_key

SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE places (
    id INTEGER PRIMARY KEY,          -- the GeoNames id, or negative for curated places without one
    name TEXT NOT NULL,
    kind TEXT NOT NULL,              -- country admin1 admin2 city district sea strait river region ...
    precision TEXT NOT NULL,         -- point district city region country
    country TEXT,
    admin1_code TEXT,
    admin1 TEXT,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    population INTEGER NOT NULL DEFAULT 0,
    parent INTEGER,
    capital INTEGER NOT NULL DEFAULT 0
);
-- quality: 3 the place's own name (or its bare form), 2 an alternate name
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, quality INTEGER NOT NULL,
                    PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE loose (key TEXT NOT NULL, place INTEGER NOT NULL,
                    PRIMARY KEY (key, place)) WITHOUT ROWID;
"""


@dataclass(slots=True)
class PlaceRecord:
    """One place while the gazetteer is built (mutable: later steps rename and re-parent)."""

    id: int
    name: str
    kind: str
    precision: str
    country: str | None
    lat: float
    lon: float
    admin1_code: str | None = None
    population: int = 0
    parent: int | None = None
    capital: bool = False
    main_names: set[str] = field(default_factory=set)
    alt_names: set[str] = field(default_factory=set)


def write_places(connection: sqlite3.Connection, records: dict[int, PlaceRecord],
                 sources: dict[str, str]) -> None:
    """Create the schema in ``connection`` and fill it (also used for in-memory gazetteers)."""
    admin1_names = {(r.country, r.admin1_code): r.name for r in records.values()
                    if r.kind in ("admin1", "admin1city") and r.admin1_code}
    connection.executescript(SCHEMA)
    connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(sources.items()))
    place_rows, name_rows, loose_rows = [], {}, set()
    for record in sorted(records.values(), key=lambda r: r.id):
        admin1 = admin1_names.get((record.country, record.admin1_code))
        if record.kind in ("admin1", "admin1city"):
            admin1 = record.name
        place_rows.append((record.id, record.name, record.kind, record.precision,
                           record.country, record.admin1_code, admin1, record.lat,
                           record.lon, record.population, record.parent,
                           int(record.capital)))
        main_loose = {loose_from_key(name_key(text)) for text in record.main_names}
        for quality, names in ((2, record.alt_names), (3, record.main_names)):
            for text in names:
                key = name_key(text)
                if not key:
                    continue
                loose = loose_from_key(key)
                # A spelling of the current name (Odessa, Kupiansk) is as good as the name;
                # a different alternate (Pokrovsk for Engels) is a former or other name.
                rank = 3 if loose in main_loose else quality
                name_rows[(key, record.id)] = max(rank, name_rows.get((key, record.id), 0))
                loose_rows.add((loose, record.id))
    connection.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    connection.executemany("INSERT INTO names VALUES (?,?,?)",
                           sorted((k, p, q) for (k, p), q in name_rows.items()))
    connection.executemany("INSERT INTO loose VALUES (?,?)", sorted(loose_rows))
    connection.commit()


def write_file(path: Path, records: dict[int, PlaceRecord], sources: dict[str, str]) -> None:
    """Write a new gazetteer file at ``path`` (the build writes a temporary name, then renames)."""
    connection = sqlite3.connect(path)
    # A fresh file written once: no journal needed (a failed build leaves only the tmp file).
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    try:
        write_places(connection, records, sources)
    finally:
        connection.close()
