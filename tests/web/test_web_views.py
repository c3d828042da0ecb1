"""What the pages say: descriptions, figures in their words, the chart, the event
page's weapons and revisions, the proposals matrix by version, marks, favicon.
Real SQLite store (the `store` fixture) and the app through TestClient."""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import update

from dateline.store import schema as s
from dateline.tracker.models import EvidenceRef, Proposal, Stance, Version
from dateline.web import describe
from dateline.web.charts import HEIGHT, TOP, build_chart
from dateline.web.proposals import proposal_grid

STRIKE = {
    "type": "attack", "subtype": "missile_strike", "status": "reported",
    "actors": [{"name": "Russia", "country": "RU"}, {"name": "Russian", "country": "RU"},
               {"name": "Russian forces", "country": "RU"}],
    "targets": [{"name": "a grain terminal", "category": "infrastructure"}],
    "location": {"name": "Izmail", "country": "UA", "precision": "city"},
    "fatalities": {"min": 4, "max": None, "qualifier": "at_least", "text": "at least four"},
    "injured": {"min": 9, "max": 9, "qualifier": "exact", "text": "nine people"},
    "weapons": {"missiles": {"min": 3, "max": 3, "qualifier": "exact", "text": "three missiles"}},
    "weapon_types": {}, "intercepted": {"missiles": {"min": 1, "max": 1, "qualifier": "exact",
                                                     "text": "one"}},
    "claimed_by": "the port authority", "confidence": 0.9,
}


def test_description_keeps_the_words_and_the_claimant():
    line = describe.describe(STRIKE)
    assert line == ("Russia and Russian forces struck with missiles a grain terminal in Izmail: "
                    "at least four killed, nine people injured, three missiles "
                    "(according to the port authority)")
    assert describe.describe({"type": "diplomatic_meeting", "subtype": "talks",
                              "location": {"name": "Doha"}}) == "Talks in Doha"
    # a figure with no words of its own still reads as an interval
    assert describe.quantity_text({"min": 5, "max": 8, "text": ""}) == "5–8"
    assert describe.quantity_text({"min": 40, "max": None, "qualifier": "more_than"}) == "40+"


def test_an_edited_figure_loses_the_reports_words():
    edited = {**STRIKE, "fatalities": {**STRIKE["fatalities"], "min": 7},
              "review": {"state": "edited", "edits": {"fatalities_min": 7}}}
    assert describe.event_figure(STRIKE, "fatalities") == "at least four"
    assert describe.event_figure(edited, "fatalities") == "7+ (edited)"
    assert "7+ (edited) killed" in describe.describe(edited)
    assert describe.event_figure(edited, "injured") == "nine people"


def test_actors_are_not_repeated():
    names = [a["name"] for a in describe.distinct_actors(STRIKE["actors"])]
    assert names == ["Russia", "Russian forces"]  # "Russian (RU)" is Russia again
    both = [{"name": "Ukraine", "country": "UA"}, {"name": "Russia", "country": "RU"}]
    assert describe.distinct_actors(both) == both


def test_marks_for_low_confidence_and_areas():
    assert describe.low_confidence({"confidence": 0.6})
    assert not describe.low_confidence({"confidence": 0.95})
    assert describe.imprecise({"location": {"precision": "country"}})
    assert not describe.imprecise(STRIKE)


def test_chart_spans_the_range_counts_killed_and_links_each_period():
    rows = [{"day": "2025-03-03", "family": "violence", "count": 2, "killed": 5},
            {"day": "2025-03-03", "family": "diplomacy", "count": 1, "killed": 0},
            {"day": "2025-03-20", "family": "violence", "count": 1, "killed": 7}]
    chart = build_chart(rows)
    assert chart.grain == "day" and chart.first == "2025-03-03" and chart.last == "2025-03-20"
    assert len(chart.periods) == 18 and chart.total_events == 4 and chart.total_killed == 12
    first = chart.periods[0]
    assert first.href == "/events?since=2025-03-03&until=2025-03-03"
    assert (first.events, first.killed) == (3, 5)
    assert sum(seg.height for seg in first.segments) == HEIGHT * 3 / chart.top_events
    assert [t.label for t in chart.event_ticks][-1] == str(chart.top_events) >= "3"
    # a year and a half of data: weekly periods, still from the first day to the last
    long = build_chart(rows + [{"day": "2026-09-01", "family": "violence", "count": 1,
                                "killed": 0}])
    assert long.grain == "week" and long.periods[0].start == "2025-03-03"
    assert long.periods[-1].end == "2026-09-01"
    # a filter's window is the chart's, even where it has no events
    window = build_chart(rows, since=date(2025, 2, 1), until=date(2025, 3, 31))
    assert (window.first, window.last, len(window.periods)) == ("2025-02-01", "2025-03-31", 59)
    assert all(TOP <= float(p.split(",")[1]) <= TOP + HEIGHT for p in window.killed_line.split())


def _stance(party: str, position: str, day: int, version: str | None) -> Stance:
    return Stance(party, "proposal", position, EvidenceRef("1", f"{party} {position}.", 0, 5),
                  date(2025, 11, day), version=version)


def test_matrix_shows_the_latest_stance_per_version():
    proposal = Proposal(
        "p1", "Plan", "US",
        versions=(Version("28-point plan", "original", date(2025, 11, 20)),
                  Version("19-point plan", "revision", date(2025, 11, 24))),
        stances=(_stance("Russia", "supports", 21, "28-point plan"),
                 _stance("Russia", "rejects", 25, "19-point plan"),
                 _stance("Ukraine", "opposes", 21, None),      # before the revision: the 28
                 _stance("Ukraine", "conditional", 26, None),  # after it: the 19
                 _stance("Ukraine", "supports", 27, "19-point plan")))
    grid = proposal_grid(proposal)
    assert [c.label for c in grid["columns"]] == ["the proposal: 28-point plan",
                                                  "the proposal: 19-point plan"]
    cells = {r["party"]: [c and c["position"] for c in r["cells"]] for r in grid["rows"]}
    assert cells == {"Russia": ["supports", "rejects"], "Ukraine": ["opposes", "supports"]}
    ukraine_19 = grid["rows"][1]["cells"][1]
    assert ukraine_19["earlier"] == {"position": "conditional", "date": "2025-11-26"}


def _first_event(client):  # noqa: ANN001, ANN202
    return client.get("/api/events?sort=fatalities").json()["events"][0]


def test_lists_read_as_sentences_with_figures_in_words(client):  # noqa: ANN001
    html = client.get("/events").text
    assert "attack · missile" not in html
    row = re.search(r'<tr class="fam-violence[^"]*" data-event-id="[^"]+">(.*?)</tr>', html, re.S)
    assert row and 'class="describe"' in row.group(1) and "<use href=\"#shape-attack\"/>" in row.group(1)
    assert "killed (according to" in html and ">5 people<" in html  # words, not just 5
    assert 'list="place-list"' in html and 'data-suggest="actors"' in html
    assert '<option value="attack">' in html  # types suggested
    assert 'href="/events?since=' in html  # last 24 h / 7 days / 30 days


def test_chart_links_days_and_counts_killed(client):  # noqa: ANN001
    assert 'data-chart-src="/chart"' in client.get("/").text  # loaded after the page
    html = client.get("/chart").text
    assert "people killed" in html and "events per day" in html
    periods = re.findall(r'<a class="period" href="([^"]+)" data-day="([^"]+)" aria-label="([^"]+)"', html)
    assert ("/events?since=2025-03-05&amp;until=2025-03-05", "2025-03-05",
            "2025-03-05: 1 event, 5 killed") in periods
    listed = client.get("/events?since=2025-03-01&until=2025-03-10").text
    assert 'data-chart-src="/chart?since=2025-03-01&amp;until=2025-03-10"' in listed
    assert "data-chart-src" not in client.get("/events").text  # no date filter: no full count
    filtered = client.get("/chart?since=2025-03-01&until=2025-03-10").text
    assert 'data-day="2025-03-01"' in filtered and 'data-day="2025-03-10"' in filtered
    assert "No dated events for these filters" in client.get("/chart?since=2030-01-01").text


def test_event_page_weapons_injured_revisions_and_marks(client, store):  # noqa: ANN001
    event = _first_event(client)
    fused = {**STRIKE, "id": event["id"], "confidence": 0.55,
             "evidence": event["evidence"],
             "revisions": [{"kind": "fatalities", "before": {"min": 3, "max": 3},
                            "after": {"min": 4, "max": None}, "as_of": "2025-03-06",
                            "article_id": str(store["article_ids"][1]),
                            "claimant": {"key": "UA:port", "label": "the port authority",
                                         "side": "UA"},
                            "text": "at least four"}]}
    with store["engine"].begin() as conn:
        conn.execute(update(s.events).where(s.events.c.event_id == event["id"])
                     .values(data=fused))
    html = client.get(f"/events/{event['id']}").text
    weapons = re.search(r'<table class="grid weapons">(.*?)</table>', html, re.S).group(1)
    assert "<th>missiles</th><td>three missiles</td><td>one</td>" in weapons
    assert 'data-field="injured">nine people' in html
    assert re.search(r'data-field="actors">Russia \(RU\); Russian forces \(RU\)</dd>', html)
    revision = re.search(r'<li data-kind="fatalities">(.*?)</li>', html, re.S).group(1)
    assert "3 → at least 4" in revision and "the port authority" in revision
    assert f'href="/articles/{store["article_ids"][1]}"' in revision
    assert "low confidence" in html and "low: check the sources" in html
    listed = client.get("/events").text
    assert re.search(rf'data-event-id="{event["id"]}">.*?low confidence', listed, re.S)


def test_every_page_has_a_skip_link_favicon_and_type_symbols(client):  # noqa: ANN001
    for path in ("/", "/map", "/events", "/articles", "/proposals", "/login"):
        html = client.get(path).text
        assert '<a class="skip" href="#main">' in html and 'id="main"' in html, path
        assert 'rel="icon" href="/static/favicon.svg"' in html
        assert '<symbol id="shape-attack"' in html and '<symbol id="shape-other"' in html
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"] == "image/svg+xml"
    assert icon.text.startswith("<svg")


def test_map_page_has_zoom_buttons_slider_and_the_data_range(client):  # noqa: ANN001
    html = client.get("/map").text
    assert 'aria-label="Zoom in"' in html and 'aria-label="Zoom out"' in html
    assert 'data-first="2025-03-03" data-last="2025-03-06"' in html
    assert 'max="3"' in html  # days between the first and the last event
    for days in ("1", "7", "30"):
        assert f'data-window="{days}"' in html
    assert 'id="map-list"' in html and "dashed area: placed only to a region or country" in html


def test_contrast_of_the_palette():
    """Secondary text on the page, table-head and card backgrounds: WCAG AA, 4.5:1
    (every page's rendered text is checked in the browser tests)."""
    from pathlib import Path

    css = (Path(describe.__file__).with_name("static") / "app.css").read_text()
    muted = re.search(r"--muted: (#[0-9a-f]{6})", css).group(1)
    for bg in ("#f7f8fa", "#ffffff", "#eef1f6", "#fff4e0"):
        assert _contrast(muted, bg) >= 4.5, (muted, bg, round(_contrast(muted, bg), 2))


def _contrast(a: str, b: str) -> float:
    def lum(h: str) -> float:
        chans = [int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in chans]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)

