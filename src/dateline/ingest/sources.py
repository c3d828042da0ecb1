"""Where articles come from: files, directories, globs, URLs, feeds, JSONL and WARC.

``iter_sources`` yields ``RawDocument``s lazily (an archive is streamed record by
record, never loaded whole) and turns every per-item failure into an
``ArticleError`` instead of raising, so one bad item never stops a batch.
"""
from __future__ import annotations

import glob
import html
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from time import struct_time

from ..errors import DatelineError
from ..models import ArticleError
from .fetch import Fetcher

FEED_SUFFIXES = (".rss", ".atom", ".xml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
FEED_MEDIA = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml")
# A feed item whose own content is at least this long is used as is, not fetched.
FULL_CONTENT_CHARS = 300


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input before reading: bytes or text, with what the source knows about it."""

    name: str  # where it came from: a path, a URL, "archive.warc.gz#<record id>"
    data: bytes | None = None
    text: str | None = None
    content_type: str | None = None
    url: str | None = None
    published: date | None = None
    title: str | None = None
    # A date to use when neither the source nor the page gives one (a WARC crawl date).
    fallback_published: date | None = None

    @property
    def payload(self) -> bytes:
        if self.data is not None:
            return self.data
        return (self.text or "").encode("utf-8", "surrogatepass")


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def iter_sources(specs: Iterable[str], *, fetcher: Fetcher | None,
                 max_bytes: int) -> Iterator[RawDocument | ArticleError]:
    for spec in specs:
        if is_url(spec):
            yield from _from_url(spec, fetcher=fetcher)
            continue
        paths = expand_spec(spec)
        if paths is None:
            yield ArticleError(spec, f"{spec}: no such file, directory or glob match", "missing")
            continue
        for path in paths:
            yield from _from_path(path, fetcher=fetcher, max_bytes=max_bytes)


def expand_spec(spec: str) -> Iterator[Path] | None:
    path = Path(spec).expanduser()
    if path.is_dir():
        return _walk(path)
    if path.exists():
        return iter([path])
    if glob.has_magic(spec):
        matches = sorted(Path(p) for p in glob.glob(str(path), recursive=True))
        if matches:
            return (f for m in matches for f in (_walk(m) if m.is_dir() else [m]))
    return None


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` in a stable order, hidden files and folders left out."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(root).parts):
            yield path


def kind_of_path(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(FEED_SUFFIXES):
        return "feed"
    return "file"


def _from_path(path: Path, *, fetcher: Fetcher | None,
               max_bytes: int) -> Iterator[RawDocument | ArticleError]:
    kind = kind_of_path(path)
    try:
        if kind == "jsonl":
            yield from _from_jsonl(path, max_bytes=max_bytes)
        elif kind == "warc":
            from .warc import iter_warc  # warcio is only imported for archives

            yield from iter_warc(path, max_bytes=max_bytes)
        else:
            size = path.stat().st_size
            if size > max_bytes:
                yield ArticleError(str(path), f"{path}: {size} bytes is over the "
                                   f"{max_bytes}-byte limit", "too_large")
                return
            data = path.read_bytes()
            if kind == "feed" or _sniff_feed(data):
                yield from _from_feed(data, name=str(path), fetcher=fetcher)
            else:
                yield RawDocument(name=str(path), data=data)
    except OSError as exc:
        yield ArticleError(str(path), f"{path}: cannot read: {exc.strerror or exc}", "unreadable")
    except Exception as exc:  # noqa: BLE001 - a reader bug on one file must not stop the run
        yield ArticleError(str(path), f"{path}: cannot read: {type(exc).__name__}: {exc}",
                           "unreadable")


def _sniff_feed(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def _from_url(url: str, *, fetcher: Fetcher | None) -> Iterator[RawDocument | ArticleError]:
    if fetcher is None:
        yield ArticleError(url, f"{url}: fetching is disabled", "fetch")
        return
    try:
        result = fetcher.fetch(url)
    except DatelineError as exc:
        yield ArticleError(url, str(exc), "fetch")
        return
    if result.content_type.startswith(FEED_MEDIA) or _sniff_feed(result.body):
        yield from _from_feed(result.body, name=url, fetcher=fetcher)
    else:
        yield RawDocument(name=url, data=result.body, content_type=result.content_type or None,
                          url=result.url)


def _struct_date(value: struct_time | None) -> date | None:
    return date(value.tm_year, value.tm_mon, value.tm_mday) if value else None


def _from_feed(data: bytes, *, name: str,
               fetcher: Fetcher | None) -> Iterator[RawDocument | ArticleError]:
    import feedparser  # only needed for feeds

    feed = feedparser.parse(data)
    problem = feed.get("bozo_exception")
    # Encoding mismatches are everyday noise that feedparser recovers from.
    if problem is not None and isinstance(problem, (feedparser.CharacterEncodingOverride,
                                                    feedparser.NonXMLContentType)):
        problem = None
    if not feed.entries or problem is not None:
        # Report the broken feed, then keep whatever items could still be read.
        reason = problem or "no items"
        yield ArticleError(name, f"{name}: malformed or empty feed: {reason}", "feed")
    for index, entry in enumerate(feed.entries):
        link = entry.get("link")
        title = entry.get("title")
        published = _struct_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        content = "".join(c.get("value", "") for c in entry.get("content", [])) or ""
        item_name = link or f"{name}#item{index + 1}"
        if len(content) < FULL_CONTENT_CHARS and link and fetcher is not None:
            try:  # a teaser only: fetch the page itself
                page = fetcher.fetch(link)
            except DatelineError as exc:
                yield ArticleError(item_name, str(exc), "fetch")
                continue
            yield RawDocument(name=item_name, data=page.body, content_type=page.content_type,
                              url=page.url, published=published, title=title)
            continue
        content = content or entry.get("summary", "")
        if not content.strip():
            yield ArticleError(item_name, f"{item_name}: feed item has no content and no link",
                               "feed")
            continue
        page = (f"<html><head><title>{html.escape(title or '')}</title></head><body><article>"
                f"<h1>{html.escape(title or '')}</h1>{content}</article></body></html>")
        yield RawDocument(name=item_name, text=page, content_type="text/html", url=link,
                          published=published, title=title)


def _from_jsonl(path: Path, *, max_bytes: int) -> Iterator[RawDocument | ArticleError]:
    """One article per line: {"url", "title", "published", "text" or "html"}."""
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            name = f"{path}:{number}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield ArticleError(name, f"{name}: line is over the {max_bytes}-byte limit",
                                   "too_large")
                continue
            try:
                record = json.loads(raw)
            except (ValueError, RecursionError) as exc:  # bad JSON, bad UTF-8, nested too deep
                yield ArticleError(name, f"{name}: not valid JSON: {exc}", "malformed")
                continue
            if not isinstance(record, dict):
                yield ArticleError(name, f"{name}: a JSON object was expected", "malformed")
                continue
            wrong = [key for key in ("url", "title", "published")
                     if record.get(key) is not None and not isinstance(record[key], str)]
            if wrong:
                yield ArticleError(name, f"{name}: \"{wrong[0]}\" must be a string, not "
                                   f"{type(record[wrong[0]]).__name__}", "malformed")
                continue
            url = record.get("url") or None
            body, content_type = record.get("text"), "text/plain"
            if not body and record.get("html"):
                body, content_type = record["html"], "text/html"
            if not isinstance(body, str) or not body.strip():
                yield ArticleError(name, f"{name}: no \"text\" or \"html\" field", "empty")
                continue
            try:
                published = _parse_date(record.get("published"))
            except ValueError:
                yield ArticleError(name, f"{name}: published {record.get('published')!r} "
                                   "is not a date", "malformed")
                continue
            yield RawDocument(name=url or name, text=body, content_type=content_type, url=url,
                              published=published, title=record.get("title") or None)


def _parse_date(value: object) -> date | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return stamp.astimezone(UTC).date() if stamp.tzinfo else stamp.date()
