"""Article text with spans highlighted -- built safely from untrusted text.

Each piece of the text is escaped on its own and only our own tags are added
around it, so the result can be marked safe without ever trusting the article.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # evidence | quote | focus: a CSS class suffix
    event_id: str | None = None  # links the span to /events/<id>


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with every mark wrapped in <mark>; overlapping marks split cleanly."""
    spans = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in spans), *(m.end for m in spans)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = str(escape(text[a:b]))
        covering = [m for m in spans if m.start <= a and m.end >= b]
        if not covering:
            out.append(piece)
            continue
        kinds = sorted({m.kind for m in covering})
        events = list(dict.fromkeys(m.event_id for m in covering if m.event_id))
        attrs = f' class="{" ".join("hl-" + k for k in kinds)}"'
        if events:
            attrs += f' data-events="{escape(" ".join(events))}"'
            piece = f'<a href="/events/{escape(events[0])}">{piece}</a>'
        if "focus" in kinds and a == min(m.start for m in covering if m.kind == "focus"):
            attrs += ' id="evidence"'
        out.append(f"<mark{attrs}>{piece}</mark>")
    return Markup("".join(out))
