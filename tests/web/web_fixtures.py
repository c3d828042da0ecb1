"""Hand-written articles and events for the web tests (written for these tests).

``FixtureExtractor`` is a tiny deterministic extractor (loaded by the ingest
runner through Settings.extractor) so /add can be tested without spaCy; the
browser tests use the real one.
"""
from __future__ import annotations

import re
from datetime import date

from pathlib import Path

from dateline.ingest import dedup
from dateline.models import (Actor, Article, Evidence, EventMention, Extraction, Place, Quantity,
                             Quote, TimeSpan)
from dateline.settings import Settings
from dateline.store.writer import ArticleRecord, StoreWriter

PASSWORD = "correct horse battery"  # the analyst's, in the `store` fixture


def make_settings(tmp_path: Path, **overrides) -> Settings:  # noqa: ANN003
    return Settings.load(user_file=tmp_path / "none.toml", db_url=f"sqlite:///{tmp_path / 'web.sqlite'}",
                         extractor="web_fixtures:FixtureExtractor", **overrides)

KHARKIV = Place("Kharkiv", "Kharkiv", "UA", "Kharkiv Oblast", 49.98, 36.25, 706483, "city")
GENEVA = Place("Geneva", "Geneva", "CH", "Geneva", 46.20, 6.14, 2660646, "city")
ODESA = Place("Odesa", "Odesa", "UA", "Odesa Oblast", 46.48, 30.72, 698740, "city")

HOSTILE_TITLE = 'Market report <script>window.__pwned=1</script>'
HOSTILE_BODY = ('Traders met in Odesa on Monday. <img src=x onerror="window.__pwned=1"> '
                '<a href="javascript:window.__pwned=1">click here</a> for prices. '
                'Shelling struck Odesa port, killing 2 people.')


def _event(text: str, sentence: str, key: str, kind: str, family_place: Place, day: date,
           killed: int | None = None, claimed_by: str | None = None,
           actor: str | None = None) -> EventMention:
    start = text.index(sentence)
    return EventMention(
        id=key, type=kind, evidence=Evidence(sentence, start, start + len(sentence)),
        date=TimeSpan(day, day, "on Monday"), location=family_place,
        actors=(Actor(actor, "RU"),) if actor else (),
        fatalities=Quantity(killed, killed, "exact", f"{killed} people") if killed else None,
        claimed_by=claimed_by, confidence=0.8)


def articles() -> list[Extraction]:
    a_text = ("Strike on Kharkiv kills three\n\n"
              "KHARKIV, March 3 (Fixture) — A missile strike on Kharkiv killed 3 people on Monday, "
              "the regional governor said. \u201cWe are clearing the rubble,\u201d he said. "
              "Envoys met in Geneva on Monday to discuss a ceasefire.")
    a = Article(text=a_text, title="Strike on Kharkiv kills three", published=date(2025, 3, 3),
                url="https://example.org/kharkiv-strike", site="example.org")
    a_events = (
        _event(a_text, "A missile strike on Kharkiv killed 3 people on Monday, the regional governor said.",
               "e1", "attack", KHARKIV, date(2025, 3, 3), killed=3, claimed_by="governor",
               actor="Russian forces"),
        _event(a_text, "Envoys met in Geneva on Monday to discuss a ceasefire.", "e2",
               "diplomatic_meeting", GENEVA, date(2025, 3, 3)),
    )
    q_start = a_text.index("We are")
    a_quote = (Quote("the regional governor", "We are clearing the rubble,", q_start,
                     q_start + len("We are clearing the rubble,"), "e1"),)
    b_text = ("Odesa port shelled\n\nODESA, March 5 (Fixture) — Shelling struck Odesa port on "
              "Wednesday, killing 5 people, officials said.")
    b = Article(text=b_text, title="Odesa port shelled", published=date(2025, 3, 5))
    b_events = (_event(b_text, "Shelling struck Odesa port on Wednesday, killing 5 people, officials said.",
                       "e1", "attack", ODESA, date(2025, 3, 5), killed=5, claimed_by="officials"),)
    h = Article(text=HOSTILE_TITLE + "\n\n" + HOSTILE_BODY, title=HOSTILE_TITLE,
                published=date(2025, 3, 6), url="javascript:window.__pwned=1")
    h_sentence = "Shelling struck Odesa port, killing 2 people."
    h_events = (_event(h.text, h_sentence, "e1", "attack", ODESA, date(2025, 3, 6), killed=2),)
    return [Extraction(a, a_events, a_quote), Extraction(b, b_events), Extraction(h, h_events)]


def fill_store(engine) -> list[int]:  # noqa: ANN001
    """Write the fixture articles; returns their article ids in order."""
    records = [ArticleRecord(article=x.article, extraction=x,
                             content_hash=dedup.content_hash(x.article.text),
                             raw_hash=dedup.raw_hash(x.article.text.encode()),
                             origin=x.article.url or x.article.title)
               for x in articles()]
    return StoreWriter(engine).write_batch(records).article_ids


class FixtureExtractor:
    """One attack event per sentence naming Kharkiv or Odesa and a verb 'struck'."""

    @classmethod
    def from_settings(cls, settings) -> FixtureExtractor:  # noqa: ANN001
        return cls()

    def extract_article(self, article: Article) -> Extraction:
        events = []
        for match in re.finditer(r"[^.\n]*\bstruck\b[^.\n]*\.", article.text):
            sentence = match.group().strip()
            place = KHARKIV if "Kharkiv" in sentence else ODESA if "Odesa" in sentence else None
            start = article.text.index(sentence, match.start())
            events.append(EventMention(
                id=f"e{len(events) + 1}", type="attack",
                evidence=Evidence(sentence, start, start + len(sentence)), location=place,
                date=TimeSpan(article.published, article.published, "today")
                if article.published else None, confidence=0.6))
        return Extraction(article, tuple(events))
