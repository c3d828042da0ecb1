"""Rules tested on hand-built Docs (tests/extract/handbuilt.py): independent of the model."""
from __future__ import annotations

from handbuilt import build, drafts

from dateline.extraction.components.diplomacy import leaders_spoke
from dateline.extraction.components.base import Draft
from dateline.extraction.prepare import split_parenthesised_places


def kinds(spec, ents=()):
    found, _ = drafts(spec, ents)
    return [(d.type, d.subtype) for d in found]


def test_an_abduction_is_an_attack_with_its_subtype():
    assert kinds("Gunmen/gunman/NOUN/NNS/1/nsubj abducted/abduct/VERB/VBD/1/ROOT 20/20/NUM/CD/3/nummod "
                 "passengers/passenger/NOUN/NNS/1/dobj ././PUNCT/./1/punct") == [("attack", "abduction")]


def test_police_arrest_is_an_arrest_and_militants_detaining_is_an_abduction():
    assert kinds("Police/police/NOUN/NNS/1/nsubj arrested/arrest/VERB/VBD/1/ROOT 15/15/NUM/CD/3/nummod "
                 "men/man/NOUN/NNS/1/dobj ././PUNCT/./1/punct") == [("other", "arrest")]
    assert kinds("Militants/militant/NOUN/NNS/1/nsubj detained/detain/VERB/VBD/1/ROOT 3/3/NUM/CD/3/nummod "
                 "villagers/villager/NOUN/NNS/1/dobj ././PUNCT/./1/punct") == [("attack", "abduction")]


def test_an_ambush_answered_by_fire_is_a_clash():
    spec = ("Militants/militant/NOUN/NNS/1/nsubj ambushed/ambush/VERB/VBD/1/ROOT a/a/DET/DT/3/det "
            "convoy/convoy/NOUN/NN/1/dobj and/and/CCONJ/CC/1/cc soldiers/soldier/NOUN/NNS/6/nsubj "
            "fought/fight/VERB/VBD/1/conj back/back/ADV/RB/6/advmod ././PUNCT/./1/punct")
    assert kinds(spec)[0] == ("clash", "armed_clash")


def test_a_shelling_beside_fighting_stays_an_attack():
    spec = ("Troops/troop/NOUN/NNS/1/nsubj shelled/shell/VERB/VBD/1/ROOT the/the/DET/DT/3/det "
            "town/town/NOUN/NN/1/dobj during/during/ADP/IN/1/prep fighting/fighting/NOUN/NN/4/pobj "
            "././PUNCT/./1/punct")
    assert kinds(spec)[0][0] == "attack"


def test_tear_gas_at_protesters_is_no_strike():
    spec = ("Police/police/NOUN/NNS/1/nsubj fired/fire/VERB/VBD/1/ROOT tear/tear/NOUN/NN/3/compound "
            "gas/gas/NOUN/NN/1/dobj at/at/ADP/IN/1/prep protesters/protester/NOUN/NNS/4/pobj ././PUNCT/./1/punct")
    assert not [k for k in kinds(spec) if k[0] == "attack"]


def test_seizing_a_weapons_cache_takes_no_ground():
    spec = ("Police/police/NOUN/NNS/1/nsubj seized/seize/VERB/VBD/1/ROOT a/a/DET/DT/4/det "
            "weapons/weapon/NOUN/NNS/4/compound cache/cache/NOUN/NN/1/dobj ././PUNCT/./1/punct")
    assert kinds(spec) == [("other", "weapons_seized")]


def test_a_base_set_up_is_a_movement():
    spec = ("Mercenaries/mercenary/NOUN/NNS/1/nsubj established/establish/VERB/VBD/1/ROOT a/a/DET/DT/4/det "
            "new/new/ADJ/JJ/4/amod base/base/NOUN/NN/1/dobj in/in/ADP/IN/1/prep Tessalit/Tessalit/PROPN/NNP/5/pobj "
            "././PUNCT/./1/punct")
    assert ("military_movement", "base_established") in kinds(spec, [(6, 7, "GPE")])


def test_speaking_with_a_president_is_a_call_but_speaking_to_reporters_is_not():
    doc = build("Blinken/Blinken/PROPN/NNP/1/nsubj spoke/speak/VERB/VBD/1/ROOT with/with/ADP/IN/1/prep "
                "President/President/PROPN/NNP/4/compound Ruto/Ruto/PROPN/NNP/2/pobj ././PUNCT/./1/punct")
    assert leaders_spoke(Draft(type="diplomatic_meeting", facts=None, trigger=doc[1]))
    press = build("Blinken/Blinken/PROPN/NNP/1/nsubj spoke/speak/VERB/VBD/1/ROOT to/to/ADP/IN/1/prep "
                  "reporters/reporter/NOUN/NNS/2/pobj ././PUNCT/./1/punct")
    assert not leaders_spoke(Draft(type="diplomatic_meeting", facts=None, trigger=press[1]))


def test_a_village_with_its_district_in_brackets_is_two_places():
    doc = build("in/in/ADP/IN/0/ROOT Ardamata/Ardamata/PROPN/NNP/0/pobj (/(/PUNCT/-LRB-/1/punct "
                "West/West/PROPN/NNP/4/compound Darfur/Darfur/PROPN/NNP/1/appos )/)/PUNCT/-RRB-/1/punct",
                [(1, 6, "GPE")])
    split_parenthesised_places(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Ardamata", "GPE"), ("West Darfur", "GPE")]


def test_patterns_with_optional_and_repeated_words_match_without_spacys_matcher():
    import spacy

    from dateline.extraction.lexicon import load_lexicon
    from dateline.extraction.nlp import _match_from, build_matcher

    nlp = spacy.blank("en")
    matcher, _, _ = build_matcher(nlp, load_lexicon())
    assert len(matcher) == 0   # every trigger rule is a word lookup plus a check of the next words
    phone = [{"LOWER": {"IN": ["spoke", "talked"]}}, {"LOWER": "by", "OP": "?"}, {"LOWER": {"IN": ["phone"]}}]
    assert _match_from(nlp("they spoke by phone today"), 1, phone) == 4
    assert _match_from(nlp("they spoke phone today"), 1, phone) == 3
    assert _match_from(nlp("they spoke to reporters"), 1, phone) is None
    force = [{"LOWER": "truce"}, {"LOWER": "came"}, {"LOWER": {"IN": ["into", "force"]}, "OP": "+"}]
    assert _match_from(nlp("the truce came into force"), 1, force) == 5
    assert _match_from(nlp("the truce came and went"), 1, force) is None
    travel = [{"LOWER": "flew"}, {"OP": "?", "LOWER": {"NOT_IN": ["back"]}}, {"LOWER": "to"}]
    assert _match_from(nlp("she flew straight to Kyiv"), 1, travel) == 4
    assert _match_from(nlp("she flew back to Kyiv"), 1, travel) is None
