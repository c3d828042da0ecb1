"""Reading one document (plain text, HTML or raw bytes) into an Article.

Plain text: the headline is the first non-empty line; a second short line
without a final period is an alternate headline; "By NAME" is the byline; a
line such as "WASHINGTON, NOV. 25, 2025 —" is the dateline (place and date).
Page furniture that survives as text ("Leave a Comment", comment-form notices,
share/subscribe lines, photo credits) is left out of the paragraphs that are
analysed, but the text itself is never altered: evidence offsets always refer
to the exact input.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..models import Article, Dateline

MAX_BYTES = 20 * 1024 * 1024  # documented limit; Settings.max_input_bytes overrides
MAX_PARAGRAPH_CHARS = 100_000  # one spaCy call at most; see _bounded

MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}

# Lines that are page furniture, not reporting.
FURNITURE = re.compile(
    r"^\s*(leave a (comment|reply)|your email address will not be published|required fields are marked"
    r"|share (this|on)\b|subscribe\b|sign up for\b|follow us\b|click here\b|read more\b|related:?\s*$"
    r"|(photo|image|picture)( credit)?s?\s*:|\(?(photo|image)\s*(by|courtesy)\b|advertisement\s*$"
    r"|comments?\s*$|post navigation|all rights reserved|©|copyright\b)",
    re.IGNORECASE)
BYLINE = re.compile(r"^\s*by\s+([A-Z][\w.'\- ]{1,80}?)\s*$", re.IGNORECASE)
# "WASHINGTON, NOV. 25, 2025 —", "KYIV (Reuters) -", "GENEVA, March 3 (AP) —"
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'/\-]{1,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z. ]{1,40}?))?"
    r"(?:\s*,\s*(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z .]+)\))?(?:\s*(?:—|–|--)|\s+-)\s*(?P<rest>.*)$")   # a lone hyphen needs a space: QALA-E-NAW

# news agencies named in datelines ("Addis Ababa (AFP) -"); a bracket alone ("Rapid Support
# Forces (RSF) —") makes no dateline
AGENCIES = {"afp", "ap", "reuters", "efe", "dpa", "ansa", "xinhua", "ani", "pti", "yonhap", "kyodo", "tass", "ria",
            "interfax", "ukrinform", "anadolu", "aa", "bernama", "apa", "upi", "sana", "irna", "wafa", "mena", "kuna",
            "spa", "wam", "qna", "bna", "ina", "apa-dpa", "anp", "belga", "pap", "ctk", "mti", "hina", "bta", "lusa",
            "notimex", "telam", "prensa latina", "agi", "adnkronos", "ips", "cna", "pna", "antara", "vna", "rfe/rl"}
TITLE_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][\w'’\-]+(?:[ /][A-Z][\w'’\-]+){0,2})(?:\s*\((?P<region>[A-Z][^()]{1,30})\))?"
    r"(?:\s*,\s*(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z .]+)\))?\s*(?:\.-|—|–|-{1,2})\s*(?P<rest>.+)$")


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(f"{name}: empty input")
    head = data[:8192]
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        raise InputError(f"{name}: binary input, not a text or HTML article")
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    # Not UTF-8: Windows-1252 is the usual culprit and a superset of Latin-1's printables.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\r\n\t\f")
    if controls > len(text[:4096]) * 0.05:
        raise InputError(f"{name}: binary input, not a text or HTML article")
    return text


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head) or (
        head.lstrip().startswith("<") and ("<p" in head or "<div" in head or "<article" in head))


def read_path(path: str | Path, *, published: date | str | None = None,
              max_bytes: int = MAX_BYTES) -> Article:
    """Read a file ('-' is standard input) into an Article."""
    import sys

    if str(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{p}: no such file")
        if p.is_dir():
            raise InputError(f"{p}: is a directory (use `dateline ingest` for folders)")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(f"{p}: {size} bytes is over the {max_bytes}-byte limit for one article")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from exc
        name = str(p)
    return read_bytes(data, name=name, published=published, max_bytes=max_bytes)


def read_bytes(data: bytes, *, name: str, content_type: str | None = None,
               published: date | str | None = None, url: str | None = None,
               max_bytes: int = MAX_BYTES) -> Article:
    if len(data) > max_bytes:
        raise InputError(f"{name}: {len(data)} bytes is over the {max_bytes}-byte limit for one article")
    text = _decode(data, name)
    if (content_type and "html" in content_type) or looks_like_html(text):
        return read_html(text, url=url, published=published, name=name)
    return read_text(text, published=published, url=url, name=name)


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(f"published date {value!r} is not YYYY-MM-DD") from exc


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, stripped, in the original text."""
    out = []
    for m in re.finditer(r"[^\r\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def parse_dateline(line: str, *, year_hint: int | None = None) -> tuple[Dateline | None, int]:
    """A dateline at the start of a line -> (Dateline, length of the dateline part)."""
    m = DATELINE.match(line)
    if m is None or not re.sub(r"[ .'/\-]", "", m["place"]).isupper():
        # "Bogotá, May 19 (EFE).-", "Addis Ababa (AFP) -", "Brussels, 12 June 2026 —": a place in
        # title case counts when a date or an agency follows it
        t = TITLE_DATELINE.match(line)
        agency = next((g for g in (t["agency"], t["region"]) if g and g.strip().lower() in AGENCIES), None) if t else None
        if t and (t["date"] or agency) and t["place"].split()[0] not in ("The", "A", "An", "In", "On"):
            when = _parse_short_date(t["date"], year_hint) if t["date"] else None
            return Dateline(place=t["place"].split("/")[0], date=when), t.start("rest")
    if not m:
        # "Kyiv -- ...": a capitalised place of one or two words before a double dash
        m2 = re.match(r"^\s*(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?:--|—)\s+(?P<rest>.+)$", line)
        if not m2:
            return None, 0
        return Dateline(place=m2["place"], date=None), m2.start("rest")
    place = m["place"].strip(" .")
    letters = re.sub(r"[ .'/\-]", "", place)
    if len(place) < 3 or not letters.isupper():
        return None, 0
    when = None
    if m["date"]:
        when = _parse_short_date(m["date"], year_hint)
    elif not m["agency"] and not m["rest"]:
        return None, 0
    consumed = m.start("rest") if m["rest"] else len(line)
    return Dateline(place=place.split("/")[0].title(), date=when), consumed


def _parse_short_date(value: str, year_hint: int | None) -> date | None:
    parts = re.findall(r"[A-Za-z]+|\d+", value)
    month = day = year = None
    for part in parts:
        if part.isalpha() and part[:3].lower() in MONTHS:
            month = MONTHS[part[:3].lower()]
        elif part.isdigit() and len(part) == 4:
            year = int(part)
        elif part.isdigit():
            day = int(part)
    year = year or year_hint
    if not (month and day and year):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_text(text: str, *, published: date | str | None = None, url: str | None = None,
              name: str = "<text>", title: str | None = None, byline: str | None = None,
              site: str | None = None) -> Article:
    """Plain text -> Article; offsets in later stages refer to ``text`` as given."""
    published_date = _as_date(published)
    lines = _lines(text)
    if not lines:
        raise InputError(f"{name}: empty input")
    paragraphs: list[tuple[int, int]] = []
    headline = title
    dateline = None
    for index, (s, e) in enumerate(lines):
        line = text[s:e]
        if FURNITURE.match(line) or re.fullmatch(r"[\W_]+", line):
            continue
        m = BYLINE.match(line)
        if m and index < 6 and len(line) < 80:
            byline = byline or m.group(1).strip()
            continue
        if dateline is None and index < 8:
            found, consumed = parse_dateline(line, year_hint=published_date.year if published_date else None)
            if found:
                dateline = found
                rest = line[consumed:].strip()
                if not rest:
                    continue
                s = s + line.index(rest, consumed)
        if headline is None:
            headline = text[s:e]
        paragraphs.append((s, e))
    if not paragraphs:
        raise InputError(f"{name}: no article text found")
    if title is None and len(paragraphs) == 1:
        # One paragraph (an event note, a flash, a post) is all body: the title shown for it is
        # its first sentence, but the paragraph itself is analysed as the lead, not a headline.
        headline = _first_sentence(text[paragraphs[0][0]:paragraphs[0][1]])
    return Article(text=text, title=(headline or "").strip(), byline=byline,
                   published=published_date, dateline=dateline, url=url, site=site,
                   paragraphs=tuple(p for s, e in paragraphs for p in _bounded(text, s, e)))


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a paragraph longer than MAX_PARAGRAPH_CHARS at sentence ends (else at
    spaces, else anywhere): spaCy refuses a text over its max_length (1,000,000
    characters), and its memory grows with the text parsed at once, while the input
    limit is 20 MB. The spans still cover the text exactly, so offsets are unchanged."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_PARAGRAPH_CHARS:
        window = text[start:start + MAX_PARAGRAPH_CHARS]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 2 if cut > MAX_PARAGRAPH_CHARS // 2 else window.rfind(" ") + 1
        if cut <= MAX_PARAGRAPH_CHARS // 2:
            cut = MAX_PARAGRAPH_CHARS
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, end))
    return pieces


def _first_sentence(paragraph: str, limit: int = 160) -> str:
    m = re.search(r"[.!?](?=\s+[A-Z\"“(])", paragraph)
    first = paragraph[:m.end()] if m else paragraph
    return first if len(first) <= limit else first[:limit].rsplit(" ", 1)[0] + " …"


def read_html(html: str, *, url: str | None = None, published: date | str | None = None,
              name: str = "<html>") -> Article:
    """HTML -> Article via trafilatura (title, author, date, site kept)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises many kinds on hostile markup
        raise InputError(f"{name}: cannot parse HTML: {type(exc).__name__}") from exc
    if doc is None:
        raise InputError(f"{name}: no article found in the HTML page")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    if len(body) < 40:
        raise InputError(f"{name}: no article found in the HTML page")
    title = (data.get("title") or "").strip() or None
    text = f"{title}\n\n{body}\n" if title and not body.startswith(title) else body + "\n"
    meta_date = data.get("date")
    pub = _as_date(published)
    if pub is None and meta_date:
        try:
            pub = _as_date(meta_date)
        except InputError:
            pub = None  # a malformed date in page metadata is not fatal
    return read_text(text, published=pub, url=url or data.get("url"), name=name,
                     byline=(data.get("author") or None), site=data.get("sitename") or data.get("hostname"))
