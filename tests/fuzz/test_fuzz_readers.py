"""Fuzzing the readers and parsers (issue 17): generated HTML, text in many encodings,
JSON lines, feeds and damaged WARC archives. A reader may refuse an input -- with a
DatelineError, or an ArticleError row from a source -- but never raise anything
else, and never drop an input without saying so."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from strategies import encoded_documents, feeds, html_documents, jsonl_lines, warc_archives

from dateline.errors import DatelineError
from dateline.ingest.read import read_bytes
from dateline.ingest.sources import RawDocument, iter_sources
from dateline.models import ArticleError

MAX = 200_000
ARTICLE_MEDIA = ("text/html", "text/plain", "", "text/html; x")


def _crash(tally, target: str, exc: BaseException) -> None:  # noqa: ANN001
    tally[target]["crashes"] += 1
    raise AssertionError(f"{target}: {type(exc).__name__} escaped: {exc}") from exc


def _check_article(article, name: str) -> None:  # noqa: ANN001
    text = article.text
    assert all(0 <= s <= e <= len(text) for s, e in article.paragraphs), name
    assert isinstance(article.title, str)


@given(data=st.one_of(encoded_documents(), html_documents().map(str.encode)),
       content_type=st.sampled_from([None, "text/html", "text/plain", "application/xhtml+xml"]))
def test_read_bytes_refuses_cleanly_or_reads(tally, data, content_type):  # noqa: ANN001
    tally["reader: html/text/encodings"]["inputs"] += 1
    try:
        article = read_bytes(data, name="fuzz", content_type=content_type, max_bytes=MAX)
    except DatelineError:
        return
    except Exception as exc:  # noqa: BLE001 - the property under test
        _crash(tally, "reader: html/text/encodings", exc)
    _check_article(article, "fuzz")


def _items(path: Path) -> list[RawDocument | ArticleError]:
    return list(iter_sources([str(path)], fetcher=None, max_bytes=MAX))


@given(lines=st.lists(jsonl_lines(), min_size=1, max_size=8))
def test_jsonl_every_line_has_an_outcome(tally, lines):  # noqa: ANN001
    target = "reader: jsonl"
    tally[target]["inputs"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        try:
            items = _items(path)
        except Exception as exc:  # noqa: BLE001
            _crash(tally, target, exc)
    expected = sum(1 for line in lines if line.strip())
    if len(items) != expected:  # every non-blank line: one document or one error row
        tally[target]["records_lost"] += abs(expected - len(items))
    assert len(items) == expected
    for item in items:
        if isinstance(item, RawDocument):
            assert isinstance(item.text, str) and item.text.strip()
            assert item.url is None or isinstance(item.url, str)
            assert item.title is None or isinstance(item.title, str)


@given(data=feeds())
def test_feeds_never_raise(tally, data):  # noqa: ANN001
    target = "reader: feeds"
    tally[target]["inputs"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.xml"
        path.write_bytes(data)
        try:
            items = _items(path)
        except Exception as exc:  # noqa: BLE001
            _crash(tally, target, exc)
    assert items, "a feed file gave neither a document nor an error"
    for item in items:
        if isinstance(item, RawDocument):
            try:
                article = read_bytes(item.payload, name=item.name, content_type=item.content_type,
                                     max_bytes=MAX)
            except DatelineError:
                continue
            except Exception as exc:  # noqa: BLE001
                _crash(tally, target, exc)
            _check_article(article, item.name)


@given(archive=warc_archives())
def test_damaged_warc_keeps_the_intact_records(tally, archive):  # noqa: ANN001
    target = "reader: warc"
    data, intact_articles = archive
    tally[target]["inputs"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("fuzz.warc.gz" if data[:2] == b"\x1f\x8b" else "fuzz.warc")
        path.write_bytes(data)
        try:
            items = _items(path)
        except Exception as exc:  # noqa: BLE001
            _crash(tally, target, exc)
    docs = [i for i in items if isinstance(i, RawDocument)]
    # Every article in the records before the damage is read: nothing lost silently.
    lost = max(0, intact_articles - len(docs))
    tally[target]["records_lost"] += lost
    assert lost == 0, f"{lost} intact article record(s) not read"
