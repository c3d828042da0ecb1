"""Gazetteer-backed place recognition (no spaCy) and EntityRuler patterns."""


def _surfaces(gazetteer, text):
    return [s for _, _, s in gazetteer.find_mentions(text)]


def test_finds_places_ner_misses_and_offsets_are_exact(gazetteer):
    text = ("Debris fell in Kyiv's Pechersk and Darnytskyi districts, while drones struck "
            "the regions of Kharkiv and Cherkasy and a tanker burned in the Black Sea.")
    found = gazetteer.find_mentions(text)
    for start, end, surface in found:
        assert text[start:end] == surface
    names = [s for _, _, s in found]
    for expected in ("Kyiv", "Pechersk", "Darnytskyi", "Kharkiv", "Cherkasy", "Black Sea"):
        assert expected in names, names


def test_common_words_and_first_names_are_not_places_without_a_cue(gazetteer):
    text = ("Of the Mobile units, Marco said Nice and Split were Reading Hope into it; "
            "Victoria and Florence backed Independence at Bath.")
    assert _surfaces(gazetteer, text) == []
    assert "Split" in _surfaces(gazetteer, "Officials in the city of Split said so.")


def test_organisations_that_look_like_places_are_skipped(gazetteer):
    assert _surfaces(gazetteer, "NATO and the EU met as the Kremlin and the Pentagon spoke.") == []


def test_ruler_patterns_are_plain_spacy_dicts(gazetteer):
    patterns = gazetteer.ruler_patterns(min_population=100_000)
    assert len(patterns) > 1000
    labels = {p["label"] for p in patterns}
    assert labels <= {"GPE", "LOC"} and labels == {"GPE", "LOC"}
    by_words = {" ".join(t["LOWER"] for t in p["pattern"] if "LOWER" in t): p for p in patterns}
    assert by_words["kryvyi rih"]["label"] == "GPE"
    assert by_words["black sea"]["label"] == "LOC"
    assert "nice" not in by_words and "mobile" not in by_words
    for pattern in patterns[:200]:
        assert isinstance(pattern["pattern"], list) and all(isinstance(t, dict) for t in pattern["pattern"])


def test_spans_leave_out_a_leading_the_acronyms_and_first_names(gazetteer):
    text = "The Red Sea was calm, NOV 25. President Volodymyr Zelenskyy flew from KYIV to Palm Beach."
    assert _surfaces(gazetteer, text) == ["Red Sea", "KYIV", "Palm Beach"]
