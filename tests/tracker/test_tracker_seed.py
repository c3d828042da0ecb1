"""The seed article (read from ../shared, never copied): the matrix holds Ukraine,
European governments, Russia, France and Germany with the stances the text gives."""
import pytest

from dateline import tracker
from dateline.tracker.models import PROPOSAL_TARGET



@pytest.fixture(scope="module")
def proposal(seed_extraction):
    proposals = tracker.build([("seed", seed_extraction[1])])
    us = [p for p in proposals if p.sponsor == "United States"]
    assert len(us) == 1, [p.name for p in proposals]
    return us[0]


def _cell(grid, party, topic):
    target = PROPOSAL_TARGET if topic == PROPOSAL_TARGET else next(
        t for t in grid["targets"] if t.endswith("/" + topic))
    return grid["cells"][(party, target)]


def test_versions_and_provisions(proposal):
    kinds = [v.kind for v in proposal.versions]
    assert kinds[0] == "original" and "revision" in kinds
    assert proposal.versions[0].points == 28
    assert any(v.venue == "Geneva" for v in proposal.versions)
    topics = {p.topic: p for p in proposal.provisions}
    assert {"territory_lines", "recognition", "army_size", "alliances"} <= set(topics)
    assert 600000 in topics["army_size"].figures
    assert topics["alliances"].removed_in is not None


def test_matrix_parties_and_stances(proposal, seed_extraction):
    grid = tracker.matrix(proposal)
    assert {"Ukraine", "European governments", "Russia", "France", "Germany"} <= set(grid["parties"])
    for party in ("Ukraine", "European governments"):
        for topic in ("territory_lines", "recognition", "army_size", "alliances"):
            assert _cell(grid, party, topic).position == "opposes"
    assert _cell(grid, "France", "army_size").position == "opposes"
    assert _cell(grid, "Germany", "alliances").position == "opposes"
    assert _cell(grid, "Germany", "eu_membership").position == "opposes"
    russia = [s for s in tracker.timeline(proposal, "Russia") if s.target == PROPOSAL_TARGET]
    assert [(s.position, s.version) for s in russia] == [
        ("rejects", "Geneva revision"), ("supports", "original draft")]
    # a Kyiv resident and a Moscow analyst are commentary, not parties
    assert all(s.party in {"Ukraine", "European governments", "Russia", "France", "Germany"}
               for s in proposal.stances)
    for stance in proposal.stances:
        text = seed_extraction[1].article.text
        assert text[stance.evidence.start:stance.evidence.end] == stance.evidence.sentence
