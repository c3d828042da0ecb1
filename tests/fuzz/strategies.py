"""Hypothesis strategies for hostile inputs: HTML, feeds, JSON lines, WARC records,
text in many encodings. Written for these tests."""
from __future__ import annotations

import io
import json

from hypothesis import strategies as st

WORDS = st.sampled_from(["Kharkiv", "shelling", "struck", "ceasefire", "<", ">", "&amp;", "&#0;",
                         "\u202e", "\ufeff", "\x00", "\r\n", "—", "Ω", "😀", "\ud7ff", "'", '"',
                         "javascript:", "=cmd|' /C calc'!A0", "]]>", "<!--", "\\", "%00"])
TEXT = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))
TAGS = st.sampled_from(["p", "div", "article", "script", "style", "title", "h1", "a", "img",
                        "svg", "math", "table", "td", "iframe", "meta", "body", "html", "br"])


@st.composite
def html_documents(draw) -> str:  # noqa: ANN001
    """HTML, often broken: unclosed, misnested, deep, with odd attributes and entities."""
    parts = [draw(st.sampled_from(["", "<!DOCTYPE html>", "<html>", "<?xml version='1.0'?>"]))]
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(TAGS)
        attrs = draw(st.sampled_from(["", ' class="x"', " onerror=alert(1)", ' href="javascript:x"',
                                      ' content="2025-13-45T99:99"', " " + "a" * 500 + "=1",
                                      ' property="article:published_time" content="0000-00-00"']))
        parts.append(f"<{tag}{attrs}>{draw(TEXT)}")
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    depth = draw(st.integers(0, 3)) * draw(st.sampled_from([1, 50, 400]))
    parts.append("<div>" * depth + draw(TEXT) + "</div>" * (depth // 2))
    return "".join(parts)


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252",
                             "latin-1", "shift_jis", "koi8-r", "gb18030", "utf-32"])


@st.composite
def encoded_documents(draw) -> bytes:  # noqa: ANN001
    """Text or HTML in some encoding (errors replaced), sometimes cut or spliced with noise."""
    body = draw(st.one_of(TEXT, html_documents()))
    data = body.encode(draw(ENCODINGS), errors="replace")
    how = draw(st.sampled_from(["whole", "cut", "noise", "bytes"]))
    if how == "cut" and data:
        data = data[:draw(st.integers(0, len(data)))]
    elif how == "noise":
        data = data + draw(st.binary(max_size=200))
    elif how == "bytes":
        data = draw(st.binary(max_size=2000))
    return data


JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                         TEXT)
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
KEYS = ("url", "title", "published", "text", "html")


@st.composite
def jsonl_lines(draw) -> bytes:  # noqa: ANN001
    """One line of a JSON-lines file: mostly records with the known keys holding any
    JSON value, sometimes other JSON, sometimes not JSON at all."""
    kind = draw(st.sampled_from(["record", "record", "record", "json", "garbage", "deep"]))
    if kind == "record":
        record = {key: draw(JSON_VALUES) for key in KEYS if draw(st.booleans())}
        if draw(st.booleans()):
            record["text"] = draw(TEXT)
        line = json.dumps(record, allow_nan=True).encode()
    elif kind == "json":
        line = json.dumps(draw(JSON_VALUES), allow_nan=True).encode()
    elif kind == "deep":
        depth = draw(st.sampled_from([10, 1000, 100_000]))
        line = b"[" * depth + b"]" * depth
    else:
        line = draw(st.binary(max_size=300)).replace(b"\n", b" ")
    return line.replace(b"\n", b" ")


@st.composite
def feeds(draw) -> bytes:  # noqa: ANN001
    """RSS or Atom, well-formed or not, items with odd links, dates and content."""
    atom = draw(st.booleans())
    items = []
    for _ in range(draw(st.integers(0, 6))):
        link = draw(st.sampled_from(["", "http://", "javascript:alert(1)", "file:///etc/passwd",
                                     "ftp://x", "not a url", "http://[::1", "mailto:a@b"]))
        date = draw(st.sampled_from(["", "Tue, 18 Nov 2025 07:00:00 GMT", "yesterday",
                                     "2025-02-30T25:61:00Z", "9999-99-99", "0"]))
        content = draw(st.one_of(TEXT, html_documents())).replace("]]>", "")
        if atom:
            items.append(f"<entry><title>{draw(TEXT)}</title><link href='{link}'/>"
                         f"<updated>{date}</updated><content type='html'><![CDATA[{content}]]>"
                         f"</content></entry>")
        else:
            items.append(f"<item><title>{draw(TEXT)}</title><link>{link}</link>"
                         f"<pubDate>{date}</pubDate><description><![CDATA[{content}]]>"
                         f"</description></item>")
    body = "".join(items)
    doc = (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
           f"{body}</feed>" if atom else
           f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>{body}"
           f"</channel></rss>")
    data = doc.encode("utf-8", errors="replace")
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    return data


def warc_bytes(records: list[tuple[str, str, str, bytes]], *, gzip: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for number, (url, status, media, body) in enumerate(records):
        http = StatusAndHeaders(status, [("Content-Type", media)], protocol="HTTP/1.1")
        # A fixed record id: the bytes (and so Hypothesis's draws) must not vary by run.
        record_id = f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>"
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict={"WARC-Date": "2025-11-21T06:00:00Z",
                               "WARC-Record-ID": record_id}))
    return buffer.getvalue()


@st.composite
def warc_archives(draw) -> tuple[bytes, int]:  # noqa: ANN001
    """A WARC(.gz) of a few records, then damaged: cut, bytes flipped, or garbage added.
    Returns (bytes, how many articles are in the intact leading records: these must be read)."""
    gzip = draw(st.booleans())
    count = draw(st.integers(1, 4))
    records = [(draw(st.sampled_from([f"https://w.example/{i}", "not a url", "http://\x00"])),
                draw(st.sampled_from(["200 OK", "404 Not Found", "200 OK", "999 ???"])),
                draw(st.sampled_from(["text/html", "text/plain", "image/png", "", "text/html; x"])),
                draw(st.one_of(TEXT, html_documents())).encode("utf-8", "replace"))
               for i in range(count)]
    whole = warc_bytes(records, gzip=gzip)
    prefix_lengths = [len(warc_bytes(records[:k], gzip=gzip)) for k in range(count + 1)]
    how = draw(st.sampled_from(["cut", "flip", "append", "whole"]))
    data = whole
    if how == "cut":
        data = whole[:draw(st.integers(0, len(whole)))]
    elif how == "flip" and whole:
        at = draw(st.integers(0, len(whole) - 1))
        data = whole[:at] + bytes([whole[at] ^ draw(st.integers(1, 255))]) + whole[at + 1:]
    elif how == "append":
        data = whole + draw(st.binary(max_size=200))
    damaged_at = next((i for i, (a, b) in enumerate(zip(data, whole)) if a != b),
                      min(len(data), len(whole)))
    if how in ("whole", "append"):
        damaged_at = len(whole)
    intact = [records[k - 1] for k in range(1, count + 1) if prefix_lengths[k] <= damaged_at]
    # Articles: HTTP responses (warcio reads HTTP headers only for http(s) URIs), 2xx,
    # of a text media type; the rest are skipped by design, not lost.
    articles = sum(1 for url, status, media, _ in intact
                   if url.startswith("https://") and status.startswith("2")
                   and media.split(";")[0] in ("text/html", "text/plain", ""))
    return data, articles
