"""dateline's components are spaCy factories others can add to their own pipelines."""
import pytest
import spacy


@pytest.mark.slow
def test_add_pipe_dateline_events():
    from dateline.extraction.nlp import load_model

    nlp = load_model("auto")
    nlp.add_pipe("dateline_events")
    doc = nlp("Russian drones struck an energy facility in Odesa overnight, killing three people.")
    drafts = doc._.dateline_drafts
    assert drafts and drafts[0].type == "attack"
    assert drafts[0].fatalities.min == 3


def test_family_factories_are_registered():
    import dateline.extraction.nlp  # noqa: F401  (registers the factories)

    for name in ("dateline_facts", "dateline_events", "dateline_violence", "dateline_statement",
                 "dateline_diplomacy", "dateline_territory"):
        assert spacy.language.Language.has_factory(name), name
