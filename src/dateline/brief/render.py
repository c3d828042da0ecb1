"""Render a Brief as JSON (``dateline.brief/1``) or Markdown for pasting into a report.
The HTML rendering is in html.py; the words shared by both (figures, claims,
sources, dates) are here."""
from __future__ import annotations

import json
from datetime import date

from ..models import Quantity
from .counting import spread
from .model import Brief, Claim, Item, Night, Section, Source

SUMMARY_CHARS = 320
STANCES_TITLE = "Proposals: each party's latest stance"
QUOTE_MARKS = "\u201c\u201d\"' "


def to_json(brief: Brief) -> str:
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=1)


def figure(q: Quantity | None) -> str:
    """A figure in words: '22', '460–464', 'at least 6', 'over 460', 'up to 30'."""
    if q is None:
        return "unknown"
    if q.min is not None and q.max is not None:
        return str(q.min) if q.min == q.max else f"{q.min}–{q.max}"
    if q.min is not None:
        return f"over {q.min}" if q.qualifier == "more_than" else f"at least {q.min}"
    if q.max is not None:
        return f"up to {q.max}"
    return q.text or "unknown"


def claims_text(claims: tuple[Claim, ...]) -> str:
    """Each claim in its own words and claimant's name, side by side."""
    return "; ".join(dict.fromkeys(
        f"{c.quantity.text or figure(c.quantity)}" + (f" ({c.claimant})" if c.claimant else "")
        for c in claims))


def conflicting(item: Item, kind: str) -> bool:
    """Fusion found the claimants' latest figures cannot all be true ('4' and '3')."""
    return any(c.kind == kind for c in item.conflicts)


def source_label(source: Source) -> str:
    if source.name and source.title and source.name != source.title:
        return f"{source.name}: {source.title}"
    return source.label


def period_words(brief: Brief) -> str:
    def day(d: date) -> str:
        return f"{d.day} {d.strftime('%b %Y')}"
    if brief.start == brief.end:
        return day(brief.start)
    return f"{day(brief.start)} – {day(brief.end)}"


def family_counts(brief: Brief) -> str:
    return " · ".join(f"{f} {n}" for f, n in brief.totals.events.items()) or "none"


def item_facts(item: Item) -> list[str]:
    """The figures and stances of one line, as short phrases."""
    facts = []
    for label, kind, q, claims in (("killed", "fatalities", item.fatalities, item.fatality_claims),
                                   ("injured", "injured", item.injured, item.injured_claims)):
        if q is not None:
            words = f"{label} {figure(q)}"
            if len(claims) > 1:
                clash = "; conflicting" if conflicting(item, kind) else ""
                words += f" ({claims_text(claims)}{clash})"
            elif claims and claims[0].claimant:
                words += f" ({claims_text(claims)})"
            facts.append(words)
    for group in ("launched", "intercepted"):
        for key, claims in getattr(item, group).items():
            facts.append(f"{group} {key.replace('_', ' ')} {figure(spread(claims))}"
                         f" ({claims_text(claims)})")
    if item.scope == "cumulative":
        facts.append("cumulative toll, not added to the totals")
    if item.status != "reported":
        facts.append(item.status)
    if item.family in ("territory", "statement", "diplomacy", "proposal") and item.claimants:
        facts.append("according to " + ", ".join(item.claimants))
    if item.disputed_by:
        facts.append("denied by " + ", ".join(item.disputed_by))
    if item.part_of:
        facts.append(f"part of {item.part_of}")
    return facts


def summary(item: Item) -> str:
    text = " ".join(item.summary.split())
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS - 1].rstrip() + "…"


def night_lines(night: Night) -> list[tuple[str, str, str]]:
    """(group, weapon, words) for each figure of a night."""
    out = []
    for group in ("launched", "intercepted"):
        for key, q in getattr(night, group).items():
            out.append((group, key.replace("_", " "),
                        f"{figure(q)} ({claims_text(night.claims.get(f'{group}.{key}', ()))})"))
    return out


# -- Markdown --------------------------------------------------------------------------
def _md(text: str) -> str:
    """Text safe inside a Markdown line: no stray emphasis, links or line breaks."""
    text = " ".join(str(text).split())
    for ch in "\\`*_[]<>|":
        text = text.replace(ch, "\\" + ch)
    return text


def _md_item(item: Item, base_url: str) -> str:
    where = " · ".join(_md(x) for x in (item.date.isoformat() if item.date else "undated",
                                        item.place or item.country or "unlocated",
                                        (item.subtype or item.type).replace("_", " ")))
    line = f"- {where}: {_md(summary(item)).rstrip('.')}"
    if item.quote and item.family == "statement" and item.quote not in item.summary:
        line += f" — “{_md(item.quote.strip(QUOTE_MARKS))}”"
    facts = item_facts(item)
    if facts:
        line += " — " + "; ".join(_md(f) for f in facts)
    line += "."
    sources = ", ".join(f"[{_md(source_label(s))}]({s.url})" if s.url else _md(source_label(s))
                        for s in item.sources)
    line += f" Sources ({item.source_count}): {sources or 'none stored'}."
    line += f" [{item.event_id}]({base_url}{item.url})"
    if item.low_confidence:
        line += f" **low confidence ({item.confidence:.2f})**"
    return line


def _md_section(section: Section, brief: Brief, base_url: str) -> list[str]:
    out = [f"## {section.title}", ""]
    if section.regions:
        for region in section.regions:
            dead = f" — killed {figure(region.fatalities)}" if region.fatalities else ""
            out += [f"### {_md(region.name)}{f' ({region.country})' if region.country else ''}{dead}", ""]
            out += [_md_item(brief.item(e), base_url) for e in region.event_ids]
            out.append("")
    else:
        out += [_md_item(brief.item(e), base_url) for e in section.event_ids]
        out.append("")
    if section.total > len(section.event_ids):
        out += [f"_{section.total - len(section.event_ids)} more not shown._", ""]
    return out


def to_markdown(brief: Brief, *, base_url: str = "") -> str:
    """The brief as Markdown; links to events are ``base_url + /events/<id>``."""
    base_url = base_url.rstrip("/")
    where = f" · {', '.join(brief.countries)}" if brief.countries else ""
    t = brief.totals
    out = [f"# Situation brief: {period_words(brief)}{where}", "",
           f"Period {brief.start} to {brief.end}. Each real event counted once; figures as "
           "each source worded them, conflicting claims side by side.", "",
           "## Totals", "",
           f"- Events: {_md(family_counts(brief))}",
           f"- Killed: {_md(figure(t.fatalities))}" + (f" — {_md(t.fatalities.text)}" if t.fatalities else ""),
           f"- Injured: {_md(figure(t.injured))}" + (f" — {_md(t.injured.text)}" if t.injured else "")]
    for group in ("launched", "intercepted"):
        figures = getattr(t, group)
        if figures:
            out.append(f"- {group.capitalize()}: " + "; ".join(
                f"{_md(k.replace('_', ' '))} {_md(figure(q))}" for k, q in figures.items()))
    out.append("")
    if brief.nights:
        out += ["### Weapons launched and intercepted, per night", ""]
        for night in brief.nights:
            words = "; ".join(f"{g} {w}: {_md(x)}" for g, w, x in night_lines(night))
            links = ", ".join(f"[{e}]({base_url}/events/{e})" for e in night.event_ids)
            out.append(f"- {night.day} {night.country or ''}: {words}. Barrage: {links}")
        out.append("")
    for section in brief.sections:
        out += _md_section(section, brief, base_url)
    if brief.stances:
        out += [f"## {STANCES_TITLE}", ""]
        for s in brief.stances:
            speaker = f" ({_md(s.speaker)})" if s.speaker else ""
            out.append(f"- {_md(s.proposal)}: {_md(s.party)}{speaker} {s.position} "
                       f"{_md(s.target)}: {_md(s.sentence)} [article {s.article_id}]"
                       f"({base_url}{s.url})")
        out.append("")
    if not brief.sections:
        out += ["No events stored for this period.", ""]
    return "\n".join(out).rstrip() + "\n"
