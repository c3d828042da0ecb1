"""A corpus of hostile files, generated here, ingested beside good articles (issue 17):
nothing escapes, every hostile file is accounted for (stored or an error row), the
good articles all land, nothing from outside the inputs leaks in, and a rerun
finishes adding nothing."""
from __future__ import annotations

import gzip
import json
import time

from ingest_corpus import article_text
from ingest_helpers import RULES
from strategies import warc_bytes

from dateline.ingest.runner import run_ingest
from dateline.settings import Settings
from sqlalchemy import select

from dateline.store import db
from dateline.store import schema

LIMIT = 400_000  # max_input_bytes for this run, so "over the limit" stays cheap


def _hostile(folder) -> dict[str, bytes]:  # noqa: ANN001
    good_line = json.dumps({"url": "https://j.example/good", "text": article_text(9)})
    html_page = "<html><body><article><p>Officials said shelling struck Odesa.</p></article>"
    files = {
        "deep.html": b"<html><body>" + b"<div>" * 100_000 + b"Shelling struck Odesa." * 5,
        "huge_attribute.html": b'<html><body><p title="' + b"a" * 300_000 + b'">x</p>',
        "entities.html": (html_page + "&#x110000;&#0;&#xD800;&amp" * 2000).encode(),
        "script_only.html": b"<html><script>" + b"alert(1);" * 5000 + b"</script></html>",
        "laughs.xml": (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                       + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1
                                                                 else b"&lol;") * 10)
                                  for i in range(1, 10))
                       + b']><rss version="2.0"><channel><item><title>&lol9;</title>'
                         b"<description>&lol9;</description></item></channel></rss>"),
        "xxe.rss": (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    b'<rss version="2.0"><channel><item><title>t</title><description>'
                    + b"Shelling struck Odesa on Monday, officials said. &x; " * 20
                    + b"</description></item></channel></rss>"),
        "deep.jsonl": (b"[" * 200_000 + b"]" * 200_000 + b"\n" + good_line.encode() + b"\n"),
        "types.jsonl": "\n".join([json.dumps({"url": 7, "text": "x y z"}),
                                  json.dumps({"title": {"a": 1}, "text": "x y z"}),
                                  json.dumps({"text": ["a"]}), "null", "[]", '"str"',
                                  json.dumps({"published": 20250101, "text": "a b"})]).encode(),
        "surrogate.jsonl": b'{"url": "https://j.example/s", "text": "Shelling \\ud800 struck Odesa '
                           b'on Monday, officials said, and again \\udfff later."}\n',
        "utf16_nobom.txt": article_text(11).encode("utf-16-le"),
        "bom_then_latin1.txt": b"\xef\xbb\xbf" + article_text(12).encode("latin-1", "replace")
                               + b"\xe9\xff",
        "nul.txt": b"Shelling\x00struck\x00Odesa" * 100,
        "empty.txt": b"",
        "blank.txt": b" \n\t\r\n" * 100,
        "over_limit.txt": b"a " * (LIMIT // 2 + 1),
        "pdf_named.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 20,
        "bomb.warc.gz": _warc_bomb(),
        "truncated.warc.gz": warc_bytes([("https://w.example/1", "200 OK", "text/html",
                                          article_text(13).encode())] * 2)[:-40],
        "noise.warc": bytes(range(256)) * 40,
        "feed_garbage.xml": b"<?xml version='1.0'?><rss><channel><item>" + b"\xff\xfe" * 500,
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return files


def _warc_bomb() -> bytes:
    """A WARC record whose payload is 30 MB of spaces (about 30 kB gzipped)."""
    body = b"<html><body><p>" + b" " * (30 * 1024 * 1024) + b"</p></body></html>"
    return gzip.compress(warc_bytes([("https://w.example/bomb", "200 OK", "text/html", body)],
                                    gzip=False), compresslevel=9)


def test_hostile_files_beside_good_ones(tmp_path, tally):  # noqa: ANN001
    inputs = tmp_path / "in"
    inputs.mkdir()
    hostile = _hostile(inputs)
    good = {f"good_{i}.txt": article_text(i) for i in (1, 2, 3)}
    for name, text in good.items():
        (inputs / name).write_text(text)
    (inputs / "loop").symlink_to(inputs, target_is_directory=True)  # a directory cycle
    url = f"sqlite:///{tmp_path / 'h.sqlite'}"
    settings = Settings.load(db_url=url, extractor=RULES, max_input_bytes=LIMIT)
    engine = db.open_engine(url)
    started = time.monotonic()
    summary = run_ingest([str(inputs)], settings=settings, engine=engine)
    assert time.monotonic() - started < 120
    tally["corpus: hostile files"]["inputs"] += len(hostile) + len(good)
    with engine.connect() as conn:
        stored = conn.execute(select(schema.articles.c.text, schema.articles.c.origin,
                                     schema.articles.c.url)).all()
        error_sources = list(conn.scalars(select(schema.ingest_errors.c.source)))
    texts = " ".join(row.text for row in stored)
    assert "root:" not in texts  # the XXE entity was never resolved
    good_lost = [name for name, text in good.items() if text.split("\n")[0] not in texts]
    good_lost += [] if "https://j.example/good" in {row.url for row in stored} else ["deep.jsonl:2"]
    tally["corpus: hostile files"]["records_lost"] += len(good_lost)
    assert not good_lost, f"good inputs not stored: {good_lost}"
    # Every hostile file left a trace: an error row, or (if readable) a stored article.
    traces = [*error_sources, *(row.origin for row in stored)]
    # (A JSON line with a url is named by it; the lone surrogate cannot be stored in
    # UTF-8 and becomes a "store" error row under that name.)
    named = {"surrogate.jsonl": "https://j.example/s"}
    silent = [name for name in hostile
              if not any(t.startswith((str(inputs / name), named.get(name, "\0")))
                         for t in traces)]
    assert not silent, f"hostile files with no error row and no article: {silent}"
    rerun = run_ingest([str(inputs)], settings=settings, engine=engine)
    assert rerun.ingested == 0  # a rerun finishes, adding nothing
