"""A small deterministic extractor for ingest/store tests (the real one loads spaCy).

It is what the store must carry, not what extraction should be: one event per
sentence with a trigger word, a location from a five-name table, the
publication date. Loaded by ingest through Settings.extractor
("ingest_rule_extractor:RuleExtractor", with tests/ingest on PYTHONPATH).
"""
from __future__ import annotations

import re
import time

from dateline.models import (Actor, Article, Evidence, EventMention, Extraction, Place, Quantity,
                             Quote, Span, Target, TimeSpan)

PLACES = {
    "Kharkiv": Place("Kharkiv", "Kharkiv", "UA", "Kharkivska", 49.98, 36.25, 706483, "city"),
    "Odesa": Place("Odesa", "Odesa", "UA", "Odeska", 46.48, 30.72, 698740, "city"),
    "Geneva": Place("Geneva", "Geneva", "CH", "Geneva", 46.20, 6.14, 2660646, "city"),
    "Zaporizhzhia": Place("Zaporizhzhia", "Zaporizhzhia", "UA", None, 47.82, 35.17, 687700, "city"),
    "Sumy": Place("Sumy", "Sumy", "UA", None, 50.91, 34.80, 692194, "city"),
}
TRIGGERS = (("struck", "attack", "missile_strike"), ("shelled", "attack", "shelling"),
            ("killed", "casualties", None), ("met", "diplomatic_meeting", "talks"))
SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
NUMBER = re.compile(r"(at least )?(\d+) (people|civilians)")


class RuleExtractor:
    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    @classmethod
    def from_settings(cls, settings) -> RuleExtractor:  # noqa: ANN001
        return cls()

    def extract_article(self, article: Article) -> Extraction:
        if self.delay:
            time.sleep(self.delay)
        text = article.text
        events: list[EventMention] = []
        for match in SENTENCE.finditer(text):
            sentence = match.group().strip()
            start = text.index(sentence, match.start())
            for word, kind, subtype in TRIGGERS:
                if f" {word} " not in f" {sentence} ":
                    continue
                place = next((p for name, p in PLACES.items() if name in sentence), None)
                number = NUMBER.search(sentence)
                killed = None
                if number:
                    value = int(number.group(2))
                    killed = Quantity(value, None if number.group(1) else value,
                                      "at_least" if number.group(1) else "exact",
                                      number.group().removesuffix(" " + number.group(3)))
                events.append(EventMention(
                    id=f"e{len(events) + 1}", type=kind, subtype=subtype,
                    evidence=Evidence(sentence, start, start + len(sentence),
                                      (Span(text[:10], 0, 10),)),
                    date=TimeSpan(article.published, article.published, "today")
                    if article.published else None,
                    location=place.with_sublocations((Place("a district"),)) if place else None,
                    actors=(Actor("Russia", "RU"),) if kind == "attack" else (),
                    targets=(Target("homes", "UA", "residential"),) if kind == "attack" else (),
                    weapons={"missiles": Quantity(3, 3, "exact", "3 missiles")}
                    if subtype == "missile_strike" else {},
                    fatalities=killed, claimed_by="officials" if kind == "casualties" else None,
                    confidence=0.7,
                    disputed_by=("Moscow",) if "denied" in sentence else ()))
                break
        quotes = tuple(Quote("a spokesman", m.group(1), m.start(1), m.end(1),
                             events[0].id if events else None)
                       for m in re.finditer(r"\u201c([^\u201d]+)\u201d", text))
        return Extraction(article=article, events=tuple(events), quotes=quotes)


class SlowRuleExtractor(RuleExtractor):
    """Sleeps per article, so a test can kill an ingest between batches."""

    @classmethod
    def from_settings(cls, settings) -> SlowRuleExtractor:  # noqa: ANN001
        return cls(delay=0.15)


class CrashingRuleExtractor(RuleExtractor):
    """Kills its own process on an article saying CRASH: a worker dying mid-run."""

    @classmethod
    def from_settings(cls, settings) -> CrashingRuleExtractor:  # noqa: ANN001
        return cls()

    def extract_article(self, article: Article) -> Extraction:
        if "CRASH" in article.text:
            import os

            os._exit(1)
        return super().extract_article(article)


class BrokenRuleExtractor(RuleExtractor):
    """Cannot load (a missing model, say)."""

    @classmethod
    def from_settings(cls, settings) -> BrokenRuleExtractor:  # noqa: ANN001
        raise OSError("model files not found")
