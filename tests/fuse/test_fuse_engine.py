import random
from datetime import date, timedelta

import pytest

from dateline.fuse.clustering import average_link
from dateline.fuse.engine import Fuser
from dateline.fuse.evaluate import evaluate_gold_mentions, gold_records, load_gold
from dateline.fuse.features import build_features
from dateline.fuse.scoring import FusionParams, candidate_pairs
from dateline.fuse.similarity import LexicalModel, embedding_files, load_sentence_model
from dateline.models import Actor, Place, Quantity

from fuse_helpers import KYIV, make_record


def _gold_scores(gold_dir, model):
    fuser = Fuser(model)
    return evaluate_gold_mentions(gold_dir, lambda recs: fuser.fuse(recs).event_of())


def test_gold_set_lexical(gold_dir):
    scores = _gold_scores(gold_dir, LexicalModel())
    assert scores.mentions >= 50 and scores.gold_clusters >= 12
    assert scores.pairwise_f1 >= 0.9 and scores.bcubed_f1 >= 0.9, scores


@pytest.mark.skipif(embedding_files() is None, reason="fuse extra / tokenizer package not installed")
def test_gold_set_minilm(gold_dir):
    scores = _gold_scores(gold_dir, load_sentence_model("minilm"))
    assert scores.pairwise_f1 >= 0.9 and scores.bcubed_f1 >= 0.9, scores


def test_gold_evidence_sentences_are_exact(gold_dir):
    articles, places = load_gold(gold_dir)
    assert len(articles) >= 30
    records, truth = gold_records(articles, places)
    text = {a.id: a.text for a in articles}
    for r in records:
        ev = r.mention.evidence
        assert text[r.article_id][ev.start:ev.end] == ev.sentence


def test_fused_event_keeps_sources_claims_and_copies_count_once():
    recs = [
        make_record("wire", "2025-10-14", "Russian drones struck an apartment block in Kharkiv, killing at least six.",
                    fatalities=Quantity(6, None, "at_least", "at least six"), claimed_by="Oleh Syniehubov",
                    near_dup_group="g1"),
        make_record("reprint", "2025-10-14", "Russian drones struck an apartment block in Kharkiv, killing at least six.",
                    fatalities=Quantity(6, None, "at_least", "at least six"), claimed_by="Oleh Syniehubov",
                    near_dup_group="g1"),
        make_record("local", "2025-10-15", "The toll from the drone strike on Kharkov rose to seven.",
                    day="2025-10-14", place=Place(text="Kharkov", country="UA"),
                    fatalities=Quantity(7, 7, "exact", "rose to seven"), claimed_by="Oleh Syniehubov"),
    ]
    (event,) = Fuser(LexicalModel()).fuse(recs).events
    data = event.to_dict()
    assert data["source_count"] == 3 and data["independent_source_count"] == 2
    assert {s["article_id"] for s in data["sources"]} == {"wire", "reprint", "local"}
    assert data["fatalities"]["min"] == 7 and len(data["revisions"]) == 1
    assert data["id"] == event.id and event.id.startswith("ev_")


def test_different_places_days_and_sides_stay_apart():
    base = "Russian drones struck Kharkiv overnight, wounding residents."
    recs = [
        make_record("a", "2025-10-14", base),
        make_record("b", "2025-10-14", base, place=KYIV),                      # other city
        make_record("c", "2025-10-17", base, day="2025-10-17"),               # three days later
        make_record("d", "2025-10-14", base, actors=(Actor("Ukraine", "UA"),)),  # the other side's strike
    ]
    result = Fuser(LexicalModel()).fuse(recs)
    assert len(result.events) == 4


def test_ids_stable_across_reruns_and_incremental_ingest():
    fuser = Fuser(LexicalModel())
    day1 = [make_record("a", "2025-10-14", "Russian drones hit Kharkiv, killing six people.",
                        fatalities=Quantity(6, 6, "exact", "six"))]
    first = fuser.fuse(day1)
    again = fuser.fuse(list(reversed(day1)))
    assert [e.id for e in first.events] == [e.id for e in again.events]
    existing = first.event_of()
    day2 = day1 + [make_record("b", "2025-10-15", "The toll from the Russian drone strike on Kharkiv rose to seven.",
                               day="2025-10-14", fatalities=Quantity(7, 7, "exact", "seven"))]
    (event,) = fuser.fuse(day2, existing=existing).events
    assert event.id == first.events[0].id and len(event.mentions) == 2
    assert event.revisions and event.revisions[0].article_id == "b"


def test_merge_keeps_the_older_id_and_records_the_alias():
    fuser = Fuser(LexicalModel())
    a = make_record("a", "2025-10-14", "Russian drones hit Kharkiv overnight.")
    b = make_record("b", "2025-10-15", "Russian drones hit Kharkiv overnight.", day="2025-10-14")
    # Pretend an earlier run kept them apart; a later report that ties both together merges them.
    existing = {a.key: "ev_old", b.key: "ev_newer"}
    result = fuser.fuse([b, a], existing=existing)
    (event,) = result.events
    assert event.id == "ev_old" and event.aliases == ("ev_newer",)
    assert result.aliases == {"ev_newer": "ev_old"}


def test_one_article_tells_one_event_once_unless_two_sides_disagree():
    s = "Fighting broke out at the border crossing overnight."
    same_article = [make_record("a", "2025-10-15", s, mention_id="e1", type_="clash"),
                    make_record("a", "2025-10-15", s, mention_id="e2", type_="clash")]
    assert len(Fuser(LexicalModel()).fuse(same_article).events) == 2
    two_sides = [make_record("a", "2025-10-15", s, mention_id="e1", type_="clash", claimed_by="Kabul"),
                 make_record("a", "2025-10-15", s, mention_id="e2", type_="clash", claimed_by="Islamabad")]
    assert len(Fuser(LexicalModel()).fuse(two_sides).events) == 1


def test_blocking_finds_every_pair_a_brute_force_would():
    rng = random.Random(7)
    countries = [("UA", KYIV), ("PS", Place(text="Gaza", country="PS")), (None, None)]
    recs = []
    for i in range(150):
        code, place = rng.choice(countries)
        day = (date(2025, 10, 1) + timedelta(days=rng.randrange(8))).isoformat()
        actors = (Actor("X", code),) if code else ()
        recs.append(make_record(f"a{i}", day, f"s{i}", type_=rng.choice(["attack", "statement"]),
                                place=place, actors=actors))
    feats = build_features(recs)
    params = FusionParams()
    got = list(candidate_pairs(feats, params))
    assert len(got) == len(set(got))
    expected = set()
    for i, a in enumerate(feats):
        for b in feats[i + 1:]:
            if a.family != b.family or abs(a.day - b.day) > params.windows[a.family]:
                continue
            if a.block_countries and b.block_countries and not (a.block_countries & b.block_countries):
                continue
            expected.add((i, b.index))
    assert set(got) == expected


def test_average_link_resists_chaining_and_keeps_initial_clusters():
    # 0-1 and 1-2 are strong, 0-2 never compared: a chain, not a cluster.
    scores = {(0, 1): 0.9, (1, 2): 0.9}
    assert average_link(3, scores, threshold=0.6) in ([[0, 1], [2]], [[0], [1, 2]])
    assert average_link(3, {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.8}, threshold=0.6) == [[0, 1, 2]]
    # Given clusters are never split, even with no score inside them.
    assert average_link(3, {}, threshold=0.6, initial=[[0, 2]]) == [[0, 2], [1]]
    assert average_link(2, {(0, 1): 0.9}, threshold=0.6, can_merge=lambda a, b: False) == [[0], [1]]
