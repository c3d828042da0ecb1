"""Every source kind, from fixtures written here, and every bad input kind."""
from __future__ import annotations

import gzip
import io
import json
from datetime import date

import pytest
from ingest_corpus import article_text, html_page, write_jsonl, write_text_corpus

from dateline.ingest.fetch import HttpFetcher
from dateline.ingest.sources import RawDocument, iter_sources
from dateline.models import ArticleError

MAX = 1_000_000


def collect(specs, fetcher=None, max_bytes=MAX):
    items = list(iter_sources([str(s) for s in specs], fetcher=fetcher, max_bytes=max_bytes))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, ArticleError)]
    return docs, errors


def test_files_directories_and_globs(tmp_path):
    write_text_corpus(tmp_path / "a", 3)
    write_text_corpus(tmp_path / "a" / "deeper", 2, start=3)
    (tmp_path / "a" / ".hidden.txt").write_text("secret")
    docs, errors = collect([tmp_path / "a"])
    assert [d.name.rsplit("/", 1)[1] for d in docs] == [
        "article_0000.txt", "article_0001.txt", "article_0002.txt",
        "article_0003.txt", "article_0004.txt"]  # recursive, sorted, hidden left out
    assert errors == []
    docs, _ = collect([f"{tmp_path}/a/**/article_000[34].txt"])
    assert len(docs) == 2
    docs, errors = collect([tmp_path / "a" / "article_0001.txt", tmp_path / "missing.txt"])
    assert len(docs) == 1 and docs[0].data == article_text(1).encode()
    assert errors[0].kind == "missing" and "missing.txt" in errors[0].reason


def test_jsonl_lines_with_text_or_html_and_bad_lines(tmp_path):
    path = write_jsonl(tmp_path / "batch.jsonl", [
        {"url": "https://a.example/1", "title": "One", "published": "2025-11-03",
         "text": article_text(1)},
        {"url": "https://b.example/2", "published": "2025-11-04T22:30:00-05:00",
         "html": html_page(2)},
        {"url": "https://c.example/3", "text": ""},
        {"title": "no date", "text": article_text(4), "published": "last week"},
    ])
    with path.open("a") as stream:
        stream.write("{not json\n\n[1, 2]\n")
    docs, errors = collect([path])
    assert [(d.url, d.published, d.content_type) for d in docs] == [
        ("https://a.example/1", date(2025, 11, 3), "text/plain"),
        ("https://b.example/2", date(2025, 11, 4), "text/html")]  # as dated locally
    assert docs[0].title == "One"
    assert [e.kind for e in errors] == ["empty", "malformed", "malformed", "malformed"]
    assert errors[1].source.endswith("batch.jsonl:4") and "not a date" in errors[1].reason


def write_warc(path, records, *, damaged=False):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, status, content_type, body in records:
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                           http_headers=http,
                                           warc_headers_dict={"WARC-Date": "2025-11-21T06:00:00Z"})
        writer.write_record(record)
    data = buffer.getvalue()
    if damaged:
        data += b"\x1f\x8b\x08\x00garbage that is not gzip" * 3
    path.write_bytes(data)
    return path


def test_warc_gz_records_streamed(tmp_path):
    path = write_warc(tmp_path / "news.warc.gz", [
        ("https://a.example/one", "200 OK", "text/html; charset=utf-8", html_page(1).encode()),
        ("https://a.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n"),
        ("https://a.example/gone", "404 Not Found", "text/html", b"<p>gone</p>"),
        ("https://a.example/two", "200 OK", "text/html", html_page(2).encode()),
    ], damaged=True)
    docs, errors = collect([path])
    assert [d.url for d in docs] == ["https://a.example/one", "https://a.example/two"]
    assert docs[0].fallback_published == date(2025, 11, 21)
    assert docs[0].name.startswith(str(path) + "#<urn:uuid:")
    assert len(errors) == 1 and errors[0].kind == "malformed" and "damaged" in errors[0].reason


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example wire</title>
<item><title>Full story</title><link>{base}/full</link>
<pubDate>Tue, 18 Nov 2025 07:00:00 GMT</pubDate>
<content:encoded><![CDATA[{content}]]></content:encoded></item>
<item><title>Teaser only</title><link>{base}/story</link>
<pubDate>Wed, 19 Nov 2025 07:00:00 GMT</pubDate><description>Short teaser.</description></item>
<item><title>Broken link</title><link>{base}/gone</link>
<pubDate>Wed, 19 Nov 2025 08:00:00 GMT</pubDate><description>Teaser.</description></item>
</channel></rss>"""


def rss(base: str) -> str:
    content = "".join(f"<p>{p}</p>" for p in article_text(7).split("\n\n")[1:])
    return RSS.format(base=base, content=content)


def test_feed_file_and_feed_url(tmp_path, site):
    site.add("/story", html_page(8, published="2025-11-10"))
    feed_url = site.add("/feed.xml", rss(site.base), content_type="application/rss+xml")
    (tmp_path / "wire.rss").write_text(rss(site.base))
    with HttpFetcher(allow_private=True) as fetcher:
        for spec in (tmp_path / "wire.rss", feed_url):
            docs, errors = collect([spec], fetcher=fetcher)
            full, fetched = docs
            assert full.title == "Full story" and full.published == date(2025, 11, 18)
            assert full.content_type == "text/html" and b"incident 7" in full.payload
            assert fetched.url == site.base + "/story" and fetched.published == date(2025, 11, 19)
            assert b"report 8" in fetched.payload  # the page, fetched
            assert len(errors) == 1 and "HTTP 404" in errors[0].reason
            assert errors[0].source == site.base + "/gone"


def test_url_article_and_malformed_feed(tmp_path, site):
    page = site.add("/article", html_page(3))
    (tmp_path / "broken.xml").write_text("<?xml version='1.0'?><rss><channel><item>")
    with HttpFetcher(allow_private=True) as fetcher:
        docs, errors = collect([page, tmp_path / "broken.xml"], fetcher=fetcher)
    assert docs[0].url == page and docs[0].content_type == "text/html"
    assert errors[0].kind == "feed" and "malformed or empty feed" in errors[0].reason


def test_oversized_file_is_not_read(tmp_path):
    (tmp_path / "huge.txt").write_text("word " * 1000)
    docs, errors = collect([tmp_path / "huge.txt"], max_bytes=1000)
    assert docs == [] and errors[0].kind == "too_large"


def test_gzip_json_lines_are_not_mistaken(tmp_path):
    """A .jsonl.gz is not a known kind: it is read as one file and refused as binary later."""
    path = tmp_path / "x.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"text": "x"}).encode()))
    docs, errors = collect([path])
    assert len(docs) == 1 and errors == []
