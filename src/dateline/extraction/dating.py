"""When: dating drafts the text leaves undated, and dropping history.

- ``drop_background``: events the text dates more than about a year before the
  news are scene-setting; a toll dated that far back is a running total;
- ``nights_told_before``: "that night" and a later "overnight" take the night
  the article told before;
- ``default_dates``: incidents the text does not date happened on the day the
  lead tells of (else the publication day).
"""
from __future__ import annotations

import re

from ..models import TimeSpan
from ..temporal import explicit_day
from .components.base import Context, Draft
from .facts import SentenceFacts
from .components.common import names_earlier_year
from .families import FAMILIES
from .merge import Cluster
from .lexicon import load_lexicon

SAME_DAY = re.compile(r"\b(that|the same) (night|day|morning|evening|afternoon)\b", re.I)


NIGHT_WORDS = re.compile(r"overnight|pre-?dawn|early hours")


NIGHT_TOLD = re.compile(r"night|hours|dawn", re.I)


WEEKDAY_NAMES = load_lexicon().words["dates.weekday_names"]


# Events dated more than about a year before the news are history, not news
BACKGROUND_DAYS = 365


def drop_background(drafts: list[Draft], anchor) -> list[Draft]:
    """Scene-setting is not coded: events the text dates to a past year, or more than
    BACKGROUND_DAYS before the news; a toll dated that far back is a running total."""
    out = []
    for d in drafts:
        span = d.date
        toll = d.type == "casualties" or (d.type == "attack" and d.fatalities is not None and d.trigger is not None
                                          and d.trigger.lemma_.lower() in ("kill", "die") and not d.weapons)
        if toll and d.scope == "incident" and span is not None and anchor is not None \
                and (span.precision == "year" or (span.end is not None and (anchor - span.end).days > BACKGROUND_DAYS)):
            d.type, d.subtype, d.scope = "casualties", None, "cumulative"
            # "more than 5,900 people were killed in gang violence last year": a running toll
            out.append(d)
            continue
        if d.type != "statement" and d.scope == "incident" and anchor is not None and d.status != "planned":
            if span is not None and (span.precision == "year" or (span.end is not None and (anchor - span.end).days > BACKGROUND_DAYS)) \
                    and not _current_year(span, anchor):
                continue  # "an attack on tourists last month", "earlier this year"
            if span is None and _older_year(d.facts.text, anchor):
                continue  # "Eritrea, which fought a 1998-2000 war", "the war began in 2023 when ..."
        out.append(d)
    return out


def _current_year(span, anchor) -> bool:
    """'his third visit this year': the year the news is in, not a time before it ("earlier
    this year" is before)."""
    return span.text.strip().lower() == "this year" and span.start is not None and span.start.year == anchor.year


def _older_year(text: str, anchor) -> bool:
    return names_earlier_year(text, anchor) or bool(
        re.search(r"(?<!since )\b(the war|the conflict|the fighting) (began|started|erupted)\b", text, re.I))


def news_day(all_facts: list[SentenceFacts], ctx: Context) -> TimeSpan | None:
    """The day the lead tells of ("... on Tuesday"): later undated incidents happened then too."""
    for f in all_facts:
        if not f.is_lead:
            continue
        for t in f.times:
            span = t.span
            if span.start is not None and span.precision == "day" and (ctx.anchor is None or span.start <= ctx.anchor):
                return TimeSpan(span.start, span.end, span.text, "day")
    if ctx.anchor:
        return TimeSpan(ctx.anchor, ctx.anchor, "", "day")
    return None


def _night_told_before(all_facts: list[SentenceFacts], index: int, anchor) -> TimeSpan | None:
    """The last night before publication an earlier sentence dated ("Monday night", "early hours of Tuesday")."""
    found = None
    for f in all_facts:
        if f.index >= index:
            break
        for t in f.times:
            if t.span.start is not None and t.span.start < anchor and NIGHT_TOLD.search(t.span.text):
                found = t.span
    return found


def nights_told_before(drafts: list[Draft], ctx: Context, all_facts: list[SentenceFacts]) -> None:
    """Published days later, "the same overnight wave" is the night told before, not the eve of
    publication (done before merging, so the mentions of one night meet)."""
    if ctx.anchor is None:
        return
    for d in drafts:
        if d.date is not None and d.date.start == ctx.anchor and NIGHT_WORDS.fullmatch(d.date.text.lower()):
            told = _night_told_before(all_facts, d.facts.index, ctx.anchor)
            if told is not None:
                d.date = TimeSpan(told.start, told.end, d.date.text, "day")


def default_dates(clusters: list[Cluster], ctx: Context, all_facts: list[SentenceFacts]) -> None:
    day = news_day(all_facts, ctx)
    for c in clusters:
        d = c.primary
        if d.status == "planned" and d.date and d.date.start and ctx.anchor and d.date.start < ctx.anchor \
                and d.date.precision == "day" and d.date.text.lower().lstrip("on ").split(" ")[0].capitalize() in WEEKDAY_NAMES:
            # "will meet on Friday": the coming Friday, not the last one
            from datetime import timedelta
            shift = timedelta(days=7)
            d.date = TimeSpan(d.date.start + shift, (d.date.end or d.date.start) + shift, d.date.text, "day")
        if d.date is not None and d.date.start is None and day and SAME_DAY.search(d.date.text):
            d.date = TimeSpan(day.start, day.end, d.date.text, "day")
        if d.date is None:
            d.date = next((x.date for x in c.drafts if x.date is not None), None)
        if d.date is None and FAMILIES[d.family].dated_by_default and d.status in ("reported", "claimed") \
                and d.scope == "incident":
            # a date written out earlier in the paragraph beats the news day ("On 21 February 2024, ...")
            d.date = explicit_day([t for f in all_facts if f.paragraph == d.facts.paragraph
                                   and f.index < d.facts.index for t in f.times], ctx.anchor)
            if d.date is None and day:
                d.date = TimeSpan(day.start, day.end, "", "day")
    _occasion_dates(clusters)


def _occasion_dates(clusters: list[Cluster]) -> None:
    """'X spoke with Y today. The Secretary reaffirmed ...': a statement the text does not date,
    made by the speaker of a dated call, meeting or statement a sentence or two before it,
    belongs to that occasion and takes its date."""
    ordered = sorted(clusters, key=lambda c: c.primary.facts.index)
    for i, c in enumerate(ordered):
        d = c.primary
        if d.type != "statement" or d.date is not None or not d.actors:
            continue
        for prev in reversed(ordered[max(0, i - 4):i]):
            p = prev.primary
            if d.facts.index - p.facts.index > 3:
                break
            if p.type not in ("statement", "diplomatic_meeting", "visit") or p.status == "planned":
                continue
            if p.date is None or p.date.start is None:
                continue
            if d.actors[0].name in {a.name for a in p.actors} | {t.name for t in p.targets}:
                d.date = p.date
                break
