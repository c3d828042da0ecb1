"""The gazetteer: place mentions -> models.Place, offline, from the SQLite file.

    from dateline.geo import Gazetteer, GeoContext
    gaz = Gazetteer.open(path)               # <1 s; GazetteerError if missing/corrupt
    gaz = Gazetteer.from_settings(settings)
    gaz.resolve("Kharkiv", context=GeoContext(cue="region", article_countries=("UA",)))
    # -> Place(text="Kharkiv", name="Kharkiv Oblast", country="UA", admin1="Kharkiv Oblast",
    #          lat=..., lon=..., geonameid=706482, precision="region")
    gaz.resolve("Atlantis", context=GeoContext())   # -> None: unknown, never a guess
    gaz.country_place("UA")                  # Place for the country ("nationwide")
    gaz.find_mentions(text)                  # [(start, end, surface)] gazetteer-backed
    gaz.ruler_patterns(min_population=15000) # spaCy EntityRuler patterns (plain dicts)

How ``resolve`` reads a mention, in order:
1. stop list      organisations that look like places (NATO, the Kremlin) -> None
2. relation       "south of Krasnohorivka" -> Krasnohorivka, relation "south of"
3. qualifier      "Paris, Texas" / "Krasnohorivka, Donetsk Oblast" -> a region or country hint
4. cue word       "Kharkiv region" -> "Kharkiv" with cue "region" (the context's cue wins)
5. candidates     exact name keys; else transliteration keys; else fuzzy (rapidfuzz)
6. ranking        geo/ranking.py, with the article's context
Results are cached per (text, context); the file is opened read-only.
"""
from __future__ import annotations

import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from ..errors import GazetteerError
from ..models import Place
from ..settings import Settings
from .context import (context_countries, foreign_without_evidence, framed_place, in_countries, is_fragment,
                      is_notable)
from .countries import country_code, country_info
from .gazetteer_file import SCHEMA_VERSION, PlaceRecord, write_places
from .names import loose_key, name_key, split_cue
from .ranking import Candidate, GeoContext, Scope, best

REBUILD = "run `dateline gazetteer build`"
CACHE_SIZE = 100_000
FUZZY_MIN_POPULATION = 15_000
FUZZY_CUTOFF = 0.84
REGION_KINDS = frozenset({"admin1", "admin1city", "admin2", "region"})  # Damerau-Levenshtein similarity: one edit in 7 letters

_COLUMNS = ("p.id, p.name, p.kind, p.precision, p.country, p.admin1_code, p.admin1, p.lat, "
            "p.lon, p.population, p.parent, p.capital")
_EXACT = f"SELECT {_COLUMNS}, n.quality FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?"
_LOOSE = f"SELECT {_COLUMNS}, 1 FROM loose n JOIN places p ON p.id = n.place WHERE n.key = ?"
_BY_ID = f"SELECT {_COLUMNS}, 3 FROM places p WHERE p.id = ?"

_RELATION = re.compile(
    r"^(?P<rel>(?:(?:about|some|around|roughly)\s+)?(?:\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|miles|mi)\s+)?"
    r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
    r"south-east|south-west)(?:ern)?\s+of|near|around|outside(?:\s+of)?|close\s+to|"
    r"on\s+the\s+outskirts\s+of|the\s+outskirts\s+of|outskirts\s+of|in\s+the\s+vicinity\s+of|"
    r"just\s+outside|off\s+the\s+coast\s+of|off))\s+(?P<rest>\S.*)$", re.IGNORECASE)


def _stop_list() -> frozenset[str]:
    text = (resources.files("dateline.geo") / "data" / "stoplist.txt").read_text(encoding="utf-8")
    return frozenset(name_key(line) for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


class Gazetteer:
    """Resolve place names against the built SQLite gazetteer (see the module docstring)."""

    def __init__(self, connection: sqlite3.Connection, *, source: str) -> None:
        self._db = connection
        self.source = source
        self._stop = _stop_list()
        self._cache: OrderedDict[tuple, Place | None] = OrderedDict()
        self._lock = threading.RLock()  # re-entrant: resolving a dateline resolves again
        # Candidates per name key, whatever the context: the same names recur across articles.
        self._exact = lru_cache(maxsize=CACHE_SIZE)(self._exact_rows)
        self._loose_cached = lru_cache(maxsize=CACHE_SIZE)(self._loose_rows)

    # -- opening -----------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path) -> Gazetteer:
        path = Path(path)
        if not path.is_file():
            raise GazetteerError(f"gazetteer missing at {path}: {REBUILD}")
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            # Read through a memory map: lookups touch random pages of a ~45 MB file.
            connection.execute("PRAGMA mmap_size = 268435456")
            connection.execute("PRAGMA cache_size = -32768")
            row = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            connection.execute("SELECT count(*) FROM (SELECT 1 FROM places LIMIT 1)").fetchone()
        except sqlite3.Error as exc:
            raise GazetteerError(f"gazetteer corrupt at {path} ({exc}): {REBUILD}") from None
        if not row or row[0] != SCHEMA_VERSION:
            connection.close()
            raise GazetteerError(f"gazetteer at {path} is an old or foreign file: {REBUILD}")
        return cls(connection, source=str(path))

    @classmethod
    def from_settings(cls, settings: Settings) -> Gazetteer:
        return cls.open(settings.gazetteer_path)

    @classmethod
    def from_places(cls, places: Iterable[PlaceRecord]) -> Gazetteer:
        """An in-memory gazetteer of the given places (for unit tests and small tools)."""
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        write_places(connection, {p.id: p for p in places}, {"schema": SCHEMA_VERSION})
        return cls(connection, source=":memory:")

    def close(self) -> None:
        self._db.close()

    # -- resolving ---------------------------------------------------------------
    def resolve(self, text: str, *, context: GeoContext | None = None) -> Place | None:
        """The Place a mention most likely means, or None when the gazetteer cannot tell."""
        if not isinstance(text, str):
            return None
        context = context or GeoContext()
        key = (text, context)
        with self._lock:  # one Gazetteer may serve several threads (web workers)
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            try:
                place = self._resolve(text, context)
            except sqlite3.Error as exc:
                raise GazetteerError(f"gazetteer corrupt at {self.source} ({exc}): {REBUILD}") from None
            self._cache[key] = place
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
            return place

    def _resolve(self, text: str, context: GeoContext) -> Place | None:
        if not isinstance(text, str) or not text.strip():
            return None
        mention = " ".join(text.split()).strip(" .,;:")
        relation = None
        match = _RELATION.match(mention)
        if match:
            relation, mention = " ".join(match.group("rel").lower().split()), match.group("rest")
        if name_key(mention) in self._stop or is_fragment(mention):
            return None
        scope_hint, admin1 = context.country_hint, None
        if "," in mention:
            mention, qualifier = (part.strip() for part in mention.split(",", 1))
            scope_hint, admin1 = self._qualifier(qualifier, scope_hint)
        elif context.qualifier:  # "X village, Y locality, North Darfur" told as separate places
            scope_hint, admin1 = self._qualifier(context.qualifier, scope_hint)
        base, text_cue = split_cue(mention)
        cue = context.cue or text_cue
        candidates = list(self._exact(name_key(mention)))
        if text_cue and base != mention:
            seen = {c.id for c in candidates}
            candidates += [c for c in self._exact(name_key(base)) if c.id not in seen]
        weak = False
        if not candidates:
            candidates, weak = self._loose(base), True
        if not candidates:
            candidates = self._fuzzy(name_key(base))
        if not candidates:
            return None
        scope = Scope(cue=cue, country_hint=scope_hint, admin1=admin1,
                      article_countries=tuple(context.article_countries),
                      anchor=self._anchor(context.dateline_place), parent=context.parent,
                      sides=tuple(context.side_countries))
        countries = context_countries(scope)
        if countries and not weak and not any(in_countries(c, countries) or is_notable(c) for c in candidates):
            # Only small namesakes abroad: the text's own country may spell the place another
            # way (Hiran / Hiiraan); a variant there beats an exact name elsewhere. One indexed
            # lookup (no fuzzy scan: that would cost ~40x the resolution itself).
            candidates += [c for c in self._loose(base) if in_countries(c, countries)]
        elif cue == "region" and not weak and not any(c.kind in REGION_KINDS for c in candidates):
            # "Hiran region": the city Hīrān (Iraq) is no region; the Somali Hiiraan region is
            candidates += [c for c in self._loose(base) if c.kind in REGION_KINDS]
        chosen = best(candidates, scope)
        if chosen is None or foreign_without_evidence(chosen, scope):
            return None
        if (weak or chosen.quality == 0) and not self._in_context(chosen, scope):
            return None  # a variant spelling far from the article's places is not a guess we make
        if chosen.quality <= 2 and (scope.article_countries or scope.country_hint) \
                and not self._in_context(chosen, scope) and (len(base) <= 4 or chosen.population < 1_000_000):
            # another language's name for a far-away place ("Sol" for Seoul in a Madrid story,
            # "Dahiyeh" for a Japanese town in a Beirut one) is no match for a local name
            return None
        return self._place(chosen, text=text.strip(), relation=relation)

    def _qualifier(self, qualifier: str, hint: str | None) -> tuple[str | None, tuple[str, str] | None]:
        code = country_code(qualifier)
        if code:
            return hint or code, None
        region = self._resolve(qualifier, GeoContext(cue="region", country_hint=hint))
        if region is None or region.precision != "region":
            return hint, None
        row = self._db.execute("SELECT country, admin1_code FROM places WHERE id = ?",
                               (region.geonameid,)).fetchone() if region.geonameid else None
        if row and row[1]:
            return hint or row[0], (row[0], row[1])
        return hint or region.country, None

    @staticmethod
    def _in_context(candidate: Candidate, scope: Scope) -> bool:
        countries = context_countries(scope) | set(scope.sides)
        if countries:
            return in_countries(candidate, frozenset(countries))  # a sea or a named region fits any text
        return candidate.population >= FUZZY_MIN_POPULATION or candidate.kind != "city"

    def _exact_rows(self, key: str) -> tuple[Candidate, ...]:
        return tuple(Candidate._make(row) for row in self._db.execute(_EXACT, (key,))) if key else ()

    def _loose(self, text: str) -> list[Candidate]:
        return list(self._loose_cached(loose_key(text)))

    def _loose_rows(self, key: str) -> tuple[Candidate, ...]:
        return tuple(Candidate._make(row) for row in self._db.execute(_LOOSE, (key,))) if len(key) >= 4 else ()

    def _fuzzy(self, key: str) -> list[Candidate]:
        if len(key) < 5:
            return []
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        # Misspellings keep their first letter and roughly their length; looking only at
        # names that do keeps a miss cheap (it used to scan every name).
        keys, ids = self._fuzzy_index.get((key[0], len(key) // 3), ((), ()))
        found = process.extract(key, keys, scorer=DamerauLevenshtein.normalized_similarity,
                                score_cutoff=FUZZY_CUTOFF, limit=5)
        out = []
        for _, _, index in found:
            row = self._db.execute(_BY_ID, (ids[index],)).fetchone()
            out.append(Candidate._make(row)._replace(quality=0))
        return out

    @cached_property
    def _fuzzy_index(self) -> dict[tuple[str, int], tuple[list[str], list[int]]]:
        """Names bucketed by first letter and length band (each name in its own and the next bands)."""
        rows = self._db.execute(
            "SELECT n.key, n.place FROM names n JOIN places p ON p.id = n.place "
            "WHERE p.population >= ? OR p.kind NOT IN ('city', 'admin2') "
            "ORDER BY n.key, n.place", (FUZZY_MIN_POPULATION,)).fetchall()
        buckets: dict[tuple[str, int], tuple[list[str], list[int]]] = {}
        for name, place in rows:
            if not name:
                continue
            band = len(name) // 3
            for b in (band - 1, band, band + 1):
                keys, ids = buckets.setdefault((name[0], b), ([], []))
                keys.append(name)
                ids.append(place)
        return buckets

    def _anchor(self, dateline_place: str | None) -> Candidate | None:
        if not dateline_place:
            return None
        place = self.resolve(dateline_place, context=GeoContext())
        if place is None or place.geonameid is None:
            return None
        row = self._db.execute(_BY_ID, (place.geonameid,)).fetchone()
        return Candidate._make(row) if row else None

    @staticmethod
    def _place(c: Candidate, *, text: str, relation: str | None) -> Place:
        return Place(text=text, name=c.name, country=c.country, admin1=c.admin1,
                     lat=round(c.lat, 5), lon=round(c.lon, 5),
                     geonameid=c.id if c.id > 0 else None, precision=c.precision,  # type: ignore[arg-type]
                     relation=relation)

    def is_place_text(self, text: str) -> bool:
        """False for words that name no place however they are resolved: an organisation
        or armed group (data/stoplist.txt) or a cut fragment ("Hiran (", "Saudi Arabia's state")."""
        mention = " ".join(str(text).split()).strip(" .,;:")
        return bool(mention) and name_key(mention) not in self._stop and not is_fragment(mention)

    @staticmethod
    def framed_place(text: str, frame: Place | None, country: Place | None) -> Place:
        """A place the gazetteer lacks, at the precision the text gives (geo/context.py)."""
        return framed_place(text, frame, country)

    def country_place(self, code: str, *, text: str | None = None) -> Place | None:
        """The Place of a whole country (precision "country"), e.g. for "nationwide"."""
        try:
            info = country_info(code)
        except KeyError:
            return None
        row = self._db.execute(_BY_ID, (info.geonameid,)).fetchone() if info.geonameid else None
        if row is None:
            return Place(text=text or info.name, name=info.name, country=info.code, lat=info.lat,
                         lon=info.lon, geonameid=info.geonameid, precision="country")
        return self._place(Candidate._make(row), text=text or info.name,
                           relation=None)

    def lookup(self, text: str, *, context: GeoContext | None = None, limit: int = 5) -> list[Place]:
        """Every candidate for a name, best first (for `dateline gazetteer lookup --all`)."""
        from .ranking import score

        context = context or GeoContext()
        base, text_cue = split_cue(text)
        candidates = list(self._exact(name_key(text)) or self._exact(name_key(base)))
        scope = Scope(cue=context.cue or text_cue, country_hint=context.country_hint, admin1=None,
                      article_countries=tuple(context.article_countries),
                      anchor=self._anchor(context.dateline_place), parent=context.parent)
        ranked = sorted(candidates, key=lambda c: (-score(c, scope), -c.population, c.id))
        return [self._place(c, text=text, relation=None) for c in ranked[:limit]]

    @cached_property
    def meta(self) -> dict[str, str]:
        """The build's metadata: schema, builder fingerprint, source package versions."""
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    def is_current(self) -> bool:
        """True when the file was built by this code and these data (see build.builder_fingerprint)."""
        from .build import builder_fingerprint

        return self.meta.get("builder") == builder_fingerprint()

    def stats(self) -> dict[str, int]:
        rows = self._db.execute("SELECT kind, count(*) FROM places GROUP BY kind ORDER BY kind")
        return dict(rows.fetchall())

    # -- recognising mentions (see geo/matcher.py) -----------------------------
    @cached_property
    def _matcher(self):  # noqa: ANN202 - internal
        from .matcher import MentionMatcher

        return MentionMatcher(self._db)

    def find_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """Place names found in ``text`` by the gazetteer alone: (start, end, surface)."""
        return self._matcher.find(text)

    def ruler_patterns(self, *, min_population: int = 15_000) -> list[dict]:
        """spaCy EntityRuler patterns (label GPE or LOC) for known place names, as plain dicts."""
        return self._matcher.patterns(min_population=min_population)


__all__ = ["Gazetteer", "GeoContext"]
