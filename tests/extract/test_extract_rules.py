"""Rules that keep extraction general, each on a short text of our own (real model, real gazetteer)."""
from __future__ import annotations

import pytest

from dateline.ingest.read import read_text

pytestmark = pytest.mark.slow


def events(extractor, body: str, published: str = "2026-03-12"):
    article = read_text(f"Headline for a test\n\n{body}\n", published=published)
    return [e.to_dict() for e in extractor.extract_article(article).events]


def of_type(evs, *types):
    return [e for e in evs if e["type"] in types]


def test_a_lone_missile_counts_as_one(extractor):
    evs = events(extractor, "A ballistic missile hit a warehouse in Dnipro on Tuesday, killing three workers, "
                            "the regional governor said.")
    attack = of_type(evs, "attack")[0]
    assert attack["weapons"]["missiles"]["min"] == 1
    assert attack["fatalities"]["min"] == 3


def test_debris_of_a_downed_drone_is_no_weapon_count(extractor):
    evs = events(extractor, "Debris from a downed drone damaged a roof in Odesa overnight, the mayor said.")
    assert all("drones" not in (e.get("weapons") or {}) for e in evs)


def test_left_dead_counts_the_dead(extractor):
    evs = events(extractor, "Clashes between the army and rebels near Goma on Monday left 14 people dead, "
                            "a local official said.")
    violent = of_type(evs, "clash", "attack", "casualties")[0]
    assert violent["fatalities"]["min"] == 14 and violent["injured"] is None


def test_a_threat_is_no_strike(extractor):
    evs = events(extractor, "The ministry said on Tuesday that its forces would keep striking depots used by "
                            "the rebels until they disarm.")
    assert not of_type(evs, "attack")


def test_a_missile_over_a_country_is_an_airspace_violation(extractor):
    evs = events(extractor, "SEOUL, March 12 (Yonhap) -- North Korea fired a ballistic missile that flew over "
                            "northern Japan on Thursday morning, officials said.", published="2026-03-12")
    assert not of_type(evs, "attack")
    violation = of_type(evs, "airspace_violation")[0]
    assert violation["location"]["country"] == "JP"


def test_a_test_into_the_sea_is_no_attack(extractor):
    evs = events(extractor, "The North fired two short-range missiles into the sea off its east coast on Friday.")
    assert not of_type(evs, "attack")


def test_protesters_clashing_with_police_is_the_protest(extractor):
    evs = events(extractor, "In Cusco, demonstrators gathered in the main square and clashed briefly with police, "
                            "who said nine officers were hurt.")
    assert of_type(evs, "protest") and not of_type(evs, "attack", "clash")


def test_police_opening_fire_on_demonstrators_stays_an_attack(extractor):
    evs = events(extractor, "Police opened fire on demonstrators in Lahore on Monday, killing two people, "
                            "witnesses said.")
    assert of_type(evs, "attack", "clash")


def test_an_event_eleven_months_old_is_coded_and_two_years_old_is_not(extractor):
    recent = events(extractor, "Under an agreement signed in Damascus in April 2025, the two forces were to merge.",
                    published="2026-03-12")
    old = events(extractor, "Rebels captured the town of Kitchanga in May 2023, residents said.",
                 published="2026-03-12")
    assert of_type(recent, "agreement")
    assert not of_type(old, "territorial_change")


def test_a_name_used_as_a_place_is_a_place_again(extractor):
    evs = events(extractor, "Russian forces said they had taken the village of Novopavlivka on Sunday.\n\n"
                            "Heavy fighting was still going on around Novopavlivka on Monday, Ukraine's army said.")
    clash = of_type(evs, "clash")[0]
    assert clash["location"]["text"] == "Novopavlivka"
    assert not of_type(evs, "visit")


def test_a_speaker_from_an_international_body_has_no_nationality(extractor):
    evs = events(extractor, "\"Families will see their loved ones again,\" said Anna Berg, head of the ICRC "
                            "delegation in Yemen.")
    statement = of_type(evs, "statement")[0]
    assert statement["actors"][0]["country"] is None


@pytest.mark.parametrize("text, kind", [
    ("A bomb exploded among protesters in Quetta on Monday, killing 12 people including two policemen.", "attack"),
    ("Gunmen attacked a police station in Kano on Monday, killing five officers as crowds gathered nearby.", "attack"),
    ("The strike on the hospital in Gaza on Monday will be investigated, the army said.", "attack"),
    ("There was a drone attack on a checkpoint in Gao on Monday, officials said.", "attack"),
    ("The prisoner exchange was agreed in Istanbul on Monday.", "agreement"),
])
def test_events_the_narrow_rules_must_not_lose(extractor, text, kind):
    assert of_type(events(extractor, text), kind), text


@pytest.mark.parametrize("text, kind", [
    ("Sudanese army helicopters flew over Khartoum on Monday.", "airspace_violation"),
    ("A plane carrying the foreign minister passed over Turkey on Monday.", "airspace_violation"),
    ("Relatives entered the morgue in Gaza for identification of the victims.", "airspace_violation"),
    ("A drone strike on a war memorial in Kharkiv killed five people on Monday.", "casualties"),
])
def test_events_the_broad_words_must_not_make(extractor, text, kind):
    assert not of_type(events(extractor, text), kind), text


def test_weapon_words_that_count_nothing(extractor):
    for text in ("Ukrainian drones struck a drone factory in Taganrog overnight, the governor said.",
                 "A car hit by rocket fire burned in Sderot on Monday."):
        for e in of_type(events(extractor, text), "attack"):
            assert not {"drones", "missiles"} & set(e.get("weapons") or {}), text


@pytest.mark.parametrize("text", [
    "Residents said the gunmen held parts of the town for several hours before withdrawing.",
    "The army said it had repelled the raid. It said no civilians were harmed.",
    "Late on Thursday, the government declared a 30-day state of emergency in the capital.",
])
def test_accounts_facts_and_acts_are_no_statements(extractor, text):
    assert not of_type(events(extractor, text), "statement"), text


@pytest.mark.parametrize("text", [
    "\"We will not leave our homes again,\" said Omar Haddad, a resident whose house was damaged.",
    "The French president warned that no peace deal should amount to a surrender.",
])
def test_positions_stay_statements(extractor, text):
    assert of_type(events(extractor, text), "statement"), text
