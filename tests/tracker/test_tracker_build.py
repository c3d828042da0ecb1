"""Merging across articles, the JSON shape and the matrix, on text written here."""
from datetime import date

from dateline import tracker
from dateline.ingest.read import read_text
from dateline.models import Actor, Evidence, EventMention, Extraction

FIRST = """Envoys table truce plan

GENEVA, March 3 (Wire) — Norwegian mediators presented a five-point plan on Monday that calls for a 60-day ceasefire, the exchange of all prisoners and elections within a year.

Armenia said it backed the plan. Azerbaijan rejected the Norwegian proposal.
"""
SECOND = """Revised truce plan drops elections

OSLO, March 10 (Wire) — Negotiators produced a revised version of the Norwegian plan after talks in Oslo.

Azerbaijan's foreign minister said Baku would accept the revised plan if the ceasefire was monitored by observers.
"""


def _extraction(text, day):
    return Extraction(read_text(text, published=day), ())


def test_two_articles_make_one_proposal_with_a_timeline():
    proposals = tracker.build([("a1", _extraction(FIRST, date(2025, 3, 3))),
                               ("a2", _extraction(SECOND, date(2025, 3, 10)))])
    assert len(proposals) == 1, [p.name for p in proposals]
    plan = proposals[0]
    assert plan.sponsor == "Norway"
    assert [v.kind for v in plan.versions] == ["original", "revision"]
    assert plan.versions[1].venue == "Oslo"
    topics = {p.topic for p in plan.provisions}
    assert {"ceasefire", "prisoner_exchange", "elections"} <= topics
    positions = [(s.party, s.position) for s in tracker.timeline(plan, "Azerbaijan")]
    assert positions[0] == ("Azerbaijan", "rejects")
    assert positions[-1] == ("Azerbaijan", "conditional")
    grid = tracker.matrix(plan)
    assert grid["cells"][("Azerbaijan", "proposal")].position == "conditional"  # the latest
    data = tracker.to_dict(proposals)
    stance = data["proposals"][0]["stances"][0]
    assert set(stance) >= {"party", "target", "position", "evidence", "date", "source"}
    assert set(stance["evidence"]) >= {"sentence", "article_id"}
    assert data["proposals"][0]["versions"][0]["points"] == 5


def test_extractor_actor_names_the_party_when_the_text_does_not():
    text = "Talks\n\nThe leaders met on Monday.\n\nKarimov said Baku backed the plan.\n\nLater, Karimov rejected the revised plan.\n"
    article = read_text(text, published=date(2025, 4, 1))
    start = text.index("Later")
    end = text.index("plan.", start) + 5
    event = EventMention("e1", "statement", Evidence(text[start:end], start, end),
                         actors=(Actor("Elnur Karimov", "AZ"),))
    proposals = tracker.build([("x", Extraction(article, (event,)))])
    parties = {(s.party, s.position) for p in proposals for s in p.stances}
    assert ("Azerbaijan", "rejects") in parties
