"""The brief's counting rules on a real store: one night's barrage told by three
outlets (tests/brief/fixtures/barrage, our own writing), ingested by the real
pipeline and fused. Then the rules' edge cases on hand-made lines."""
from __future__ import annotations

import json
from datetime import date

import pytest

from dateline.brief import BriefRequest, build_brief
from dateline.brief.counting import add, barrage_nights, casualty_total, spread
from dateline.brief.model import Claim, Item
from dateline.brief.render import to_json, to_markdown
from dateline.errors import InputError
from dateline.models import Quantity

NIGHT = date(2025, 3, 14)
pytestmark = pytest.mark.slow  # the store is filled by the spaCy pipeline


@pytest.fixture(scope="module")
def brief(barrage_store):  # noqa: ANN001, ANN201
    return build_brief(barrage_store, BriefRequest(NIGHT, NIGHT))


def test_launched_totals_are_one_reports_figures_not_their_sum(brief):
    launched, intercepted = brief.totals.launched, brief.totals.intercepted
    # Three outlets each report 48 drones and 6 missiles: the barrage had 48 and 6.
    assert (launched["drones"].min, launched["drones"].max) == (48, 48)
    assert (launched["missiles"].min, launched["missiles"].max) == (6, 6)
    assert (intercepted["drones"].min, intercepted["drones"].max) == (40, 40)
    (night,) = brief.nights
    assert night.day == NIGHT and night.country == "UA"
    # The Odesa strike is part of the barrage: its 'missile' adds nothing to the night.
    odesa = next(i for i in brief.items if i.place == "Odesa")
    assert odesa.part_of == night.event_ids[0]
    assert odesa.event_id not in night.event_ids


def test_the_worst_strike_appears_once_with_all_sources_and_its_claimed_range(brief):
    odesa = [i for i in brief.items if i.place == "Odesa"]
    assert len(odesa) == 1 and odesa[0].source_count == 3 and len(odesa[0].sources) == 3
    strike = odesa[0]
    # '4 people', 'at least five', '3 people': lowest and highest claimed, words kept.
    assert (strike.fatalities.min, strike.fatalities.max) == (3, 5)
    words = {c.quantity.text.lower() for c in strike.fatality_claims}
    assert words == {"4 people", "at least five people", "3 people"}
    assert all(c.claimant for c in strike.fatality_claims)
    assert any(c.kind == "fatalities" for c in strike.conflicts)
    violence = next(s for s in brief.sections if s.key == "violence")
    assert violence.event_ids.count(strike.event_id) == 1
    assert violence.regions[0].name == "Odesa Oblast"  # the worst region first


def test_each_real_event_is_counted_once(brief):
    assert brief.totals.events == {"violence": 2}  # the barrage and the Odesa strike
    assert (brief.totals.fatalities.min, brief.totals.fatalities.max) == (3, 5)
    assert brief.totals.injured.min == 12
    assert [(d.day, d.events) for d in brief.days] == [(NIGHT, 2)]


def test_renderings_link_every_line_and_name_its_sources(brief):
    data = json.loads(to_json(brief))
    assert data["schema"] == "dateline.brief/1"
    assert data["period"] == {"start": "2025-03-14", "end": "2025-03-14"}
    assert set(data["totals"]) == {"events", "fatalities", "injured", "launched", "intercepted"}
    shown = {e for s in data["sections"] for e in s["items"]}
    assert shown == {i["event_id"] for i in data["items"]}
    for item in data["items"]:
        assert item["sources"] >= 1 and item["source_list"]
        assert set(item["fatalities"] or {}) <= {"min", "max", "qualifier", "text"}
    md = to_markdown(brief, base_url="http://127.0.0.1:8000")
    lines = [line for line in md.splitlines() if line.startswith("- 2025-03-14 · ")]
    assert len(lines) == 2
    for line in lines:
        assert "](http://127.0.0.1:8000/events/ev_" in line and "Sources (3)" in line
    assert "4 people (Oleh Kiper)" in md and "conflicting" in md


def test_another_day_and_another_country_are_empty(barrage_store):
    other = build_brief(barrage_store, BriefRequest(date(2025, 3, 15), date(2025, 3, 15)))
    assert other.items == () and other.totals.events == {} and other.totals.launched == {}
    elsewhere = build_brief(barrage_store, BriefRequest(NIGHT, NIGHT, ("RU",)))
    assert elsewhere.totals.events == {}


# -- the rules on hand-made lines (no store) ----------------------------------------------
def _q(low, high, qualifier="exact", text=""):  # noqa: ANN001, ANN202
    return Quantity(low, high, qualifier, text or str(low))


def _item(event_id: str, *, place: str | None, precision: str | None, deaths=None,  # noqa: ANN001
          drones: tuple[Claim, ...] = (), day: date = NIGHT) -> Item:
    return Item(event_id=event_id, type="attack", subtype=None, family="violence",
                status="reported", scope="incident", date=day, place=place, precision=precision,
                region=None, country="UA", lat=None, lon=None, summary="", fatalities=deaths,
                injured=None, fatality_claims=(), injured_claims=(), claimants=(), conflicts=(),
                confidence=0.8, launched={"drones": drones} if drones else {})


def test_spread_keeps_claims_apart_and_add_sums_events():
    over = Claim("Zelenskyy", _q(460, None, "more_than", "over 460 drones"))
    exact = Claim("Air Force", _q(464, 464, "exact", "464 drones"))
    q = spread((over, exact))
    assert (q.min, q.max) == (460, 464) and "over 460 drones (Zelenskyy)" in q.text
    assert spread((exact, exact)).qualifier == "exact"
    total = add([_q(6, None, "at_least"), _q(2, 2)])
    assert (total.min, total.max, total.qualifier) == (8, None, "at_least")


def test_separate_strikes_without_a_nationwide_report_add_up():
    a = _item("a", place="Odesa", precision="city", drones=(Claim(None, _q(10, 10)),))
    b = _item("b", place="Kharkiv", precision="city", drones=(Claim(None, _q(5, 5)),))
    (night,) = barrage_nights([a, b], {})
    assert (night.launched["drones"].min, night.launched["drones"].max) == (15, 15)
    # With a nationwide report that night, it alone is the barrage's figure.
    c = _item("c", place="Ukraine", precision="country", drones=(Claim(None, _q(40, 40)),))
    (night,) = barrage_nights([a, b, c], {})
    assert night.event_ids == ("c",) and night.launched["drones"].min == 40
    # Two nights are two barrages: they add up over the period.
    d = _item("d", place="Ukraine", precision="country", drones=(Claim(None, _q(7, 7)),),
              day=date(2025, 3, 15))
    assert len(barrage_nights([c, d], {})) == 2


def test_a_barrage_and_its_strikes_share_their_dead():
    barrage = _item("b", place="Ukraine", precision="country", deaths=_q(7, 7))
    kyiv = _item("k", place="Kyiv", precision="city", deaths=_q(6, None, "at_least"))
    lviv = _item("l", place="Lviv", precision="city", deaths=_q(2, 2))
    total = casualty_total([barrage, kyiv, lviv], {"k": "b", "l": "b"}, "fatalities")
    assert total.min == 8  # not 15: the barrage's 7 are among its strikes' 8 or more
    unlinked = casualty_total([barrage, kyiv, lviv], {}, "fatalities")
    assert unlinked.min == 15


def test_bad_requests_are_refused_with_one_line():
    with pytest.raises(InputError, match="before it starts"):
        BriefRequest(date(2025, 3, 2), date(2025, 3, 1))
    with pytest.raises(InputError, match="alpha-2"):
        BriefRequest(NIGHT, NIGHT, ("Ukraine",))
    with pytest.raises(InputError, match="at most"):
        BriefRequest(date(2024, 1, 1), date(2025, 6, 1))


def test_low_confidence_lines_are_marked():
    from dateline.brief.model import Brief, Section, Totals

    shaky = _item("x", place="Lviv", precision="city", deaths=_q(1, 1))
    shaky = Item(**{**{f: getattr(shaky, f) for f in Item.__slots__}, "confidence": 0.4})
    brief = Brief(NIGHT, NIGHT, (), Totals({"violence": 1}, shaky.fatalities, None, {}, {}), (),
                  (Section("violence", "Violence by region", ("x",), 1),), (shaky,), ())
    assert shaky.low_confidence and brief.to_dict()["items"][0]["low_confidence"] is True
    assert "**low confidence (0.40)**" in to_markdown(brief)
