"""Small hand-built mention records for fusion tests (imported by name: fuse_helpers)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from dateline.fuse.records import MentionRecord
from dateline.models import Actor, EventMention, Evidence, Place, Quantity, TimeSpan

GOLD_DIR = Path(__file__).resolve().parent / "data"

KHARKIV = Place(text="Kharkiv", name="Kharkiv", country="UA", admin1="Kharkiv Oblast",
                lat=49.9935, lon=36.2304, precision="city")
KYIV = Place(text="Kyiv", name="Kyiv", country="UA", admin1="Kyiv City", lat=50.45, lon=30.52,
             precision="city")


def make_record(article_id: str, published: str, sentence: str, *, mention_id: str = "e1",
                type_: str = "attack", place: Place | None = KHARKIV, day: str | None = None,
                fatalities: Quantity | None = None, claimed_by: str | None = None,
                actors: tuple[Actor, ...] = (Actor("Russia", "RU"),),
                near_dup_group: str | None = None) -> MentionRecord:
    when = date.fromisoformat(day or published)
    mention = EventMention(id=mention_id, type=type_, evidence=Evidence(sentence, 0, len(sentence)),
                           date=TimeSpan(when, when, "overnight"), location=place, actors=actors,
                           fatalities=fatalities, claimed_by=claimed_by)
    return MentionRecord(article_id=article_id, published=date.fromisoformat(published),
                         mention=mention, near_dup_group=near_dup_group)
