"""Country context decides (geo/context.py): the real gazetteer, and the real extractor on
short texts of our own."""
from __future__ import annotations

import pytest

from dateline.geo import GeoContext
from dateline.geo.context import framed_place, is_fragment, text_country
from dateline.ingest.read import read_text
from dateline.models import Place

SO = GeoContext(article_countries=("SO",))


def test_a_local_spelling_beats_an_exact_name_abroad(gazetteer):
    # "Hiran" is exactly an Iraqi town's name; in a Somalia text it is the Hiiraan region
    assert gazetteer.resolve("Hiran region", context=SO).geonameid == 57060
    assert gazetteer.resolve("Hiran region", context=GeoContext()).country == "SO"  # the cue says region


def test_a_small_namesake_abroad_needs_evidence(gazetteer):
    assert gazetteer.resolve("Elbe", context=SO) is None          # not the German town
    assert gazetteer.resolve("Tina", context=GeoContext(article_countries=("SD",))) is None
    assert gazetteer.resolve("Jenin", context=GeoContext(article_countries=("PS",))).country == "PS"
    # evidence: a capital, a big city, a province's own name, a country named with it
    assert gazetteer.resolve("Doha", context=GeoContext(article_countries=("PS", "IL"))).country == "QA"
    assert gazetteer.resolve("Gaza Strip", context=GeoContext(article_countries=("IL",))).country == "PS"
    assert gazetteer.resolve("Elbe", context=GeoContext(article_countries=("SO",), country_hint="DE")).country == "DE"


def test_an_admin1_named_beside_picks_the_namesake(gazetteer):
    west = gazetteer.resolve("Al Fulah", context=GeoContext(article_countries=("SD",), qualifier="West Kordofan"))
    south = gazetteer.resolve("Al Fulah", context=GeoContext(article_countries=("SD",)))
    assert west.admin1 == "West Kordofan State" and south.admin1 == "South Kordofan State"


def test_the_actors_sides_rank_but_do_not_exclude(gazetteer):
    # RSF -> SD admits a Sudanese spelling variant; Israeli forces do not push Bureij out of Gaza
    assert gazetteer.resolve("Um Kadada", context=GeoContext(side_countries=("SD",))).country == "SD"
    assert gazetteer.resolve("Um Kadada", context=GeoContext()) is None
    assert gazetteer.resolve("Bureij", context=GeoContext(side_countries=("IL",))).country == "PS"


def test_fragments_and_armed_groups_are_no_places(gazetteer):
    for text in ("Hiran (", "Saudi Arabia's state", "al-Shabab", "RSF", "African Union", "the Kremlin"):
        assert not gazetteer.is_place_text(text), text
        assert gazetteer.resolve(text, context=SO) is None, text
    assert gazetteer.is_place_text("Russia's Belgorod region") and not is_fragment("Kherson Oblast")


def test_a_missing_village_keeps_the_precision_the_text_gives():
    region = Place(text="Hiran region", name="Hiiran Region", country="SO", admin1="Hiiran Region",
                   lat=3.99, lon=45.46, geonameid=57060, precision="region")
    country = Place(text="Somalia", name="Somalia", country="SO", lat=10.0, lon=49.0, geonameid=51537,
                    precision="country")
    framed = framed_place("Dhagaxley", region, country)
    assert (framed.name, framed.country, framed.admin1, framed.precision, framed.geonameid) == \
        (None, "SO", "Hiiran Region", "region", None)
    assert (framed.lat, framed.lon) == (3.99, 45.46)
    bare = framed_place("Dhagaxley", None, country)
    assert (bare.precision, bare.country, bare.geonameid, bare.text) == ("country", "SO", None, "Dhagaxley")
    sea = framed_place("Yellow Sea", None, country)
    assert sea.lat is None and sea.precision == "region"


def test_the_text_country_needs_a_majority():
    assert text_country(["SO", "SO", "US"]) == "SO"
    assert text_country(["SO", "US", "KE"]) is None
    assert text_country([]) is None


# -- the extractor on texts of our own ------------------------------------------------
def events(extractor, body: str, published: str = "2025-03-12"):
    article = read_text(f"Headline for a test\n\n{body}\n", published=published)
    return [e.to_dict() for e in extractor.extract_article(article).events]


@pytest.mark.slow
def test_a_village_the_gazetteer_lacks_is_drawn_at_its_region(extractor):
    evs = events(extractor, "Al-Shabab militants stormed the village of Dhagaxley in Hiran region on Monday, killing four "
                            "soldiers, the Somali army said.")
    loc = next(e["location"] for e in evs if e["type"] == "attack")
    assert loc["text"] == "Dhagaxley" and loc["country"] == "SO"
    assert loc["precision"] == "region" and loc["admin1"] == "Hiiran Region"


@pytest.mark.slow
def test_no_namesake_abroad_and_no_armed_group_as_place(extractor):
    evs = events(extractor, "Al-Shabab militants attacked an African Union base in the Somali town of Elbe on "
                            "Friday, killing dozens of soldiers, a Somali official said.")
    attack = next(e for e in evs if e["type"] == "attack")
    assert attack["location"]["country"] == "SO"
    assert attack["location"]["text"] != "African Union"


@pytest.mark.slow
def test_every_located_event_has_a_precision(extractor):
    evs = events(extractor, "Fighters burned homes in Kutum, North Darfur, on Sunday, residents said. "
                            "Gunmen also looted a clinic in Sudan's south, aid workers said on Monday.")
    assert evs and all(e["location"] is None or e["location"]["precision"] for e in evs)


@pytest.mark.slow
def test_a_date_written_in_the_paragraph_beats_the_news_day(extractor):
    evs = events(extractor, "Aid groups said on Friday that attacks on markets in Darfur were rising.\n\n"
                            "On 21 February 2024, warplanes struck a market in Kutum, North Darfur, killing 12 "
                            "people. Witnesses said a second strike hit a clinic in Kabkabiya.", published="2024-02-24")
    by_place = {e["location"]["text"]: e["date"]["start"] for e in evs if e["type"] == "attack" and e["location"]}
    # the second strike's sentence is undated: its paragraph's date, not the lead's Friday
    assert by_place["Kutum"] == by_place["Kabkabiya"] == "2024-02-21"


@pytest.mark.slow
def test_a_region_named_in_the_text_is_its_country(extractor):
    evs = events(extractor, "On 21 February 2024, army aircraft bombed the Tina area (Kornoi locality, "
                            "North Darfur), killing three civilians, a monitoring group said.", published="2024-02-24")
    loc = next(e["location"] for e in evs if e["type"] == "attack")
    assert loc["country"] == "SD" and loc["precision"] in ("region", "district", "city")


def test_two_sides_of_one_country_place_an_unknown_village_in_it():
    from types import SimpleNamespace as NS

    from dateline.extraction.placing import civil_war_country
    from dateline.models import Actor

    rsf_saf = [NS(actors=[Actor("RSF", "SD")]), NS(actors=[Actor("the army", "SD")])]
    assert civil_war_country(rsf_saf) == "SD"
    assert civil_war_country([NS(actors=[Actor("Israeli forces", "IL")])]) is None  # one side: no evidence
    assert civil_war_country([NS(actors=[Actor("RSF", "SD"), Actor("Chadian troops", "TD")])]) is None


@pytest.mark.slow
def test_a_missing_place_right_before_a_city_takes_the_city(extractor):
    evs = events(extractor, "On 14 March 2024, airstrikes hit a tent in Al-Mawasi, west of Khan Younis, killing "
                            "eleven people, medics said.", published="2024-03-17")
    loc = next(e["location"] for e in evs if e["type"] == "attack")
    assert (loc["text"], loc["country"], loc["precision"], loc["geonameid"]) == ("Al-Mawasi", "PS", "city", None)
