"""Finding 2 (issue 17): a poisoned input beside good ones is one error row; the good
ones land, the batch goes on and a rerun finishes."""
from __future__ import annotations

import io
import json

from ingest_corpus import article_text, html_page
from ingest_helpers import RULES
from sqlalchemy import select

from dateline.ingest import dedup
from dateline.ingest.runner import run_ingest
from dateline.models import Article, ArticleError, Extraction
from dateline.settings import Settings
from dateline.store import db, queries
from dateline.store import schema as s
from dateline.store.writer import ArticleRecord, StoreWriter


def _ingest(url: str, specs: list) -> tuple:  # noqa: ANN001
    engine = db.open_engine(url)
    settings = Settings.load(db_url=url, extractor=RULES)
    return run_ingest([str(p) for p in specs], settings=settings, engine=engine,
                      batch_size=50), engine


def _error_sources(engine) -> set[str]:  # noqa: ANN001
    with engine.connect() as conn:
        return set(conn.scalars(select(s.ingest_errors.c.source)))


def test_jsonl_url_of_the_wrong_type_is_an_error_row(sqlite_url, tmp_path):  # noqa: ANN001
    path = tmp_path / "mixed.jsonl"
    lines = [{"url": "https://a.example/1", "text": article_text(1)},
             {"url": 12345, "text": article_text(2)},
             {"url": {"href": "https://b.example"}, "text": article_text(3)},
             {"title": ["not", "a", "string"], "text": article_text(4)},
             {"url": "https://a.example/5", "text": article_text(5)}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    first, engine = _ingest(sqlite_url, [path])
    assert (first.ingested, first.failed) == (2, 3)
    assert _error_sources(engine) == {f"{path}:2", f"{path}:3", f"{path}:4"}
    assert queries.counts(engine)["articles"] == 2
    again, _ = _ingest(sqlite_url, [path])  # the rerun finishes too, adding nothing
    assert (again.ingested, again.duplicates, again.failed) == (0, 2, 3)


def _warc(records: list[tuple[str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for number, (url, body) in enumerate(records):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        # Fixed record ids: a random one changes the gzipped length, and the cut
        # positions below are measured on a separate copy of the first record.
        ids = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>"}
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=http, warc_headers_dict=ids))
    return buffer.getvalue()


def test_truncated_warc_gz_keeps_the_good_records_and_the_run(sqlite_url, tmp_path):  # noqa: ANN001
    data = _warc([("https://w.example/1", html_page(1).encode()),
                  ("https://w.example/2", html_page(2).encode())])
    first_len = len(_warc([("https://w.example/1", html_page(1).encode())]))
    # Cut at many places inside the second record: headers, payload, gzip trailer.
    for cut in range(first_len + 5, len(data) - 1, 97):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / "a_cut.warc.gz").write_bytes(data[:cut])
        (tmp_path / "in" / "b_good.txt").write_text(article_text(6))
        summary, engine = _ingest(sqlite_url, [tmp_path / "in"])  # must not raise
        stored = {a["url"] for a in queries.list_articles(engine, limit=50)[0]}
        assert "https://w.example/1" in stored, cut
        assert "https://w.example/2" not in stored, cut  # a cut record is never stored
        assert any("damaged archive" in e.reason or "truncated" in e.reason
                   for e in summary.failures), cut
    rerun, _ = _ingest(sqlite_url, [tmp_path / "in"])
    assert rerun.ingested == 0 and rerun.failed >= 1


def test_a_record_the_store_cannot_take_does_not_roll_back_the_batch(sqlite_url):  # noqa: ANN001
    engine = db.open_engine(sqlite_url)

    def record(text: str, url: object) -> ArticleRecord:
        article = Article(text=text, title=text.split("\n")[0], url=url)  # type: ignore[arg-type]
        return ArticleRecord(article=article, extraction=Extraction(article, ()),
                             content_hash=dedup.content_hash(text),
                             raw_hash=dedup.raw_hash(text.encode()), origin=f"in:{text[:6]}")

    good, bad, other = (record(article_text(1), "https://a.example/1"),
                        record(article_text(2), 404), record(article_text(3), None))
    result = StoreWriter(engine).write_batch([good, bad, other],
                                             [ArticleError("x.txt", "x.txt: empty", "empty")])
    assert result.articles == 2 and [e.source for e in result.rejected] == [bad.origin]
    assert "cannot be stored" in result.rejected[0].reason
    assert _error_sources(engine) == {"x.txt", bad.origin}
    assert queries.counts(engine)["articles"] == 2
