"""The ingest run: idempotence, near-copies across runs, bad inputs, workers 1 == 2."""
from __future__ import annotations

import os

import pytest
from ingest_helpers import RULES
from ingest_corpus import article_text, write_jsonl, write_text_corpus
from sqlalchemy import select

from dateline.ingest.runner import run_ingest
from dateline.settings import Settings
from dateline.store import db, queries
from dateline.store import schema as s


def settings_for(url: str, **extra) -> Settings:
    return Settings.load(db_url=url, **{"extractor": RULES, **extra})


def ingest(url, specs, **kwargs):
    settings = kwargs.pop("settings", None) or settings_for(url)
    engine = db.open_engine(url)
    return run_ingest([str(x) for x in specs], settings=settings, engine=engine, **kwargs), engine


def test_same_ingest_twice_adds_nothing(db_url, tmp_path):
    write_text_corpus(tmp_path / "c", 12)
    first, engine = ingest(db_url, [tmp_path / "c"], batch_size=5)
    # 24 mentions: four cities, each struck (undated) and its toll; every report of one
    # city joins its two events as the batches are stored.
    assert first.to_dict() == {"ingested": 12, "duplicates": 0, "near_duplicates": 0,
                               "failed": 0, "events": 24, "fused_mentions": 24,
                               "events_created": 8}
    before = queries.counts(engine)
    second, _ = ingest(db_url, [tmp_path / "c", tmp_path / "c" / "article_0003.txt"])
    assert second.to_dict() == {"ingested": 0, "duplicates": 13, "near_duplicates": 0,
                                "failed": 0, "events": 0, "fused_mentions": 0,
                                "events_created": 0}
    assert queries.counts(engine) == before == {"articles": 12, "near_duplicates": 0,
                                                 "events": 8, "mentions": 24, "errors": 0}


def test_same_text_in_another_wrapper_is_a_duplicate(sqlite_url, tmp_path):
    (tmp_path / "a.txt").write_text(article_text(1))
    (tmp_path / "b.txt").write_text(article_text(1).replace("\n\n", "\n\n\n"))  # other bytes
    summary, _ = ingest(sqlite_url, [tmp_path])
    assert (summary.ingested, summary.duplicates) == (1, 1)


def syndicated(index: int, site: str) -> str:
    """The same wire story as another site runs it: its own headline and sign-off."""
    body = article_text(index).split("\n\n", 1)[1]
    return f"{site}: overnight strikes, report {index}\n\n{body}\nReporting by the {site} desk.\n"


def test_near_copies_are_linked_not_counted_across_runs(db_url, tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "wire.txt").write_text(syndicated(5, "Daily Planet"))
    (tmp_path / "one" / "other.txt").write_text(article_text(6))
    first, engine = ingest(db_url, [tmp_path / "one"])
    assert (first.ingested, first.near_duplicates) == (2, 0)
    (tmp_path / "two" / "copy.txt").write_text(syndicated(5, "Evening Star"))
    second, _ = ingest(db_url, [tmp_path / "two"])  # a new run: found via stored signatures
    assert (second.ingested, second.near_duplicates, second.events) == (0, 1, 0)
    articles, total = queries.list_articles(engine, limit=10)
    assert total == 3
    copy = next(a for a in articles if a["origin"].endswith("copy.txt"))
    original = next(a for a in articles if a["origin"].endswith("wire.txt"))
    assert copy["duplicate_of"] == original["id"] and copy["similarity"] >= 0.7
    assert copy["event_count"] == 0
    assert queries.get_article(engine, original["id"])["near_copies"] == [copy["id"]]
    assert queries.counts(engine)["events"] == 4  # the copy's events are not counted twice


def test_bad_inputs_become_error_rows_and_the_batch_goes_on(db_url, tmp_path, site):
    folder = tmp_path / "mixed"
    write_text_corpus(folder, 3)
    (folder / "empty.txt").write_text("")
    (folder / "blank.txt").write_text("  \n\n \n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "huge.txt").write_text("word " * 3000)
    (folder / "broken.rss").write_text("<?xml version='1.0'?><rss><chan")
    write_jsonl(folder / "lines.jsonl", [{"text": article_text(9), "url": "https://x.example/9"},
                                         {"url": "https://x.example/10"}])
    site.add("/slow", "<p>late</p>", delay=2.0)
    site.add("/pic", b"\x89PNG", content_type="image/png")
    specs = [folder, site.base + "/missing", site.base + "/slow", site.base + "/pic",
             tmp_path / "nowhere"]
    settings = settings_for(db_url, max_input_bytes=10_000, fetch_timeout=0.5,
                            allow_private=True)
    summary, engine = ingest(db_url, specs, settings=settings, batch_size=2)
    assert (summary.ingested, summary.failed) == (4, 10)
    errors, total = queries.list_errors(engine)
    assert total == 10
    reasons = {e["source"].rsplit("/", 1)[-1]: e["reason"] for e in errors}
    assert "empty input" in reasons["empty.txt"] and "empty input" in reasons["blank.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "byte limit" in reasons["huge.txt"]
    assert "malformed" in reasons["broken.rss"]
    assert "no \"text\" or \"html\"" in reasons["lines.jsonl:2"]
    assert "HTTP 404" in reasons["missing"] and "timed out" in reasons["slow"]
    assert "content type" in reasons["pic"] and "no such file" in reasons["nowhere"]
    assert all("\n" not in e["reason"] for e in errors)  # one line each


def stored_rows(engine) -> dict:
    with engine.connect() as conn:
        return {
            "events": [tuple(r) for r in conn.execute(
                select(s.events.c.event_id, s.events.c.data).order_by(s.events.c.event_id))],
            "mentions": [tuple(r) for r in conn.execute(
                select(s.event_mentions.c.id, s.event_mentions.c.article_id,
                       s.event_mentions.c.event_id).order_by(s.event_mentions.c.id))],
            "articles": [tuple(r) for r in conn.execute(
                select(s.articles.c.id, s.articles.c.content_hash, s.articles.c.duplicate_of)
                .order_by(s.articles.c.id))],
        }


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs two cores")
def test_two_workers_store_exactly_what_one_stores(tmp_path):
    write_text_corpus(tmp_path / "c", 16)
    # Two sites running the wire copy of article 3: both are near-copies of it.
    (tmp_path / "c" / "z_copy.txt").write_text(syndicated(3, "Mirror"))
    (tmp_path / "c" / "z_wire.txt").write_text(syndicated(3, "Wire"))
    (tmp_path / "c" / "z_bad.txt").write_bytes(b"\x00\x01" * 50)
    results = []
    for workers in (1, 2):
        url = f"sqlite:///{tmp_path / f'w{workers}.sqlite'}"
        summary, engine = ingest(url, [tmp_path / "c"], workers=workers, batch_size=3)
        results.append((summary.to_dict(), stored_rows(engine)))
    assert results[0] == results[1]
    assert results[0][0]["near_duplicates"] == 2 and results[0][0]["failed"] == 1


def test_private_addresses_are_refused_unless_allowed(sqlite_url, site):
    from ingest_corpus import html_page

    url = site.add("/story", html_page(2))
    refused, engine = ingest(sqlite_url, [url])
    assert (refused.ingested, refused.failed) == (0, 1) and site.hits == []
    assert "refused" in queries.list_errors(engine)[0][0]["reason"]
    allowed, _ = ingest(sqlite_url, [url], settings=settings_for(sqlite_url, allow_private=True))
    assert allowed.ingested == 1 and site.hits == ["/story"]
    assert queries.list_errors(engine)[1] == 0  # the source reads fine now: error cleared


def test_every_source_kind_end_to_end(db_url, tmp_path, site):
    """Read, extracted and stored, with the publication date each source gives."""
    from ingest_corpus import html_page
    from test_ingest_sources import rss, write_warc

    folder = tmp_path / "all"
    folder.mkdir()
    (folder / "page.html").write_text(html_page(10, published="2025-11-02"))
    write_jsonl(folder / "lines.jsonl", [
        {"url": "https://j.example/11", "published": "2025-11-03", "text": article_text(11)},
        {"url": "https://j.example/12", "published": "2025-11-04", "html": html_page(12)}])
    write_warc(folder / "crawl.warc.gz", [
        ("https://w.example/13", "200 OK", "text/html", html_page(13, published="2025-11-05").encode()),
        ("https://w.example/14", "200 OK", "text/plain", article_text(14).encode())])
    site.add("/story", html_page(8, published="2025-11-10"))
    (folder / "wire.rss").write_text(rss(site.base))
    url = site.add("/article", html_page(15, published="2025-11-06"))
    settings = settings_for(db_url, allow_private=True)
    summary, engine = ingest(db_url, [folder, url], settings=settings)
    assert summary.failed == 1  # the feed's broken link
    assert summary.ingested == 8 and summary.events >= 8
    articles = {a["origin"].rsplit("/", 1)[-1]: a for a in queries.list_articles(engine, limit=20)[0]}
    published = {name.split("#")[0]: a["published"] for name, a in articles.items()}
    assert published["page.html"] == "2025-11-02"  # page metadata
    assert published["11"] == "2025-11-03" and published["12"] == "2025-11-04"  # JSONL field
    dates = sorted(a["published"] for n, a in articles.items() if n.startswith("crawl.warc.gz"))
    assert dates == ["2025-11-05", "2025-11-21"]  # page metadata, else the crawl date
    assert published["full"] == "2025-11-18" and published["story"] == "2025-11-19"  # feed dates
    assert published["article"] == "2025-11-06"
    assert all(a["event_count"] >= 1 for a in articles.values())


def test_a_dying_worker_costs_only_the_documents_in_flight(sqlite_url, tmp_path):
    write_text_corpus(tmp_path / "c", 12)
    (tmp_path / "c" / "article_0005.txt").write_text(article_text(5) + "\nCRASH\n")
    settings = settings_for(sqlite_url, extractor="ingest_rule_extractor:CrashingRuleExtractor")
    summary, engine = ingest(sqlite_url, [tmp_path / "c"], settings=settings, workers=2)
    assert (summary.ingested, summary.failed) == (11, 1)  # in-flight neighbours retried
    errors = queries.list_errors(engine)[0]
    assert errors[0]["source"].endswith("article_0005.txt") and errors[0]["kind"] == "crash"
    with engine.connect() as conn:  # stored in input order, as one worker would
        origins = conn.scalars(select(s.articles.c.origin).order_by(s.articles.c.id)).all()
    assert [o.rsplit("_", 1)[1] for o in origins] == [
        f"{i:04d}.txt" for i in range(12) if i != 5]
    again, _ = ingest(sqlite_url, [tmp_path / "c"], settings=settings, workers=2)
    assert (again.duplicates, again.failed) == (11, 1)  # the failure is retried, and fails


def test_workers_that_cannot_start_stop_the_run_with_one_error(sqlite_url, tmp_path):
    from dateline.errors import ConfigError

    write_text_corpus(tmp_path / "c", 3)
    with pytest.raises(ConfigError, match="cannot load the extractor"):
        ingest(sqlite_url, [tmp_path / "c"], workers=2,
               settings=settings_for(sqlite_url, extractor="no_such_module:Extractor"))
    with pytest.raises(ConfigError, match="failed to load in a worker: OSError: model files"):
        ingest(sqlite_url, [tmp_path / "c"], workers=2,
               settings=settings_for(sqlite_url, extractor="ingest_rule_extractor:BrokenRuleExtractor"))
