"""Pages, sign-in, CSRF, private reading, limits, /add and the user commands."""
from __future__ import annotations

import re

from web_fixtures import PASSWORD, make_settings
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dateline.cli.main import app as cli_app
from dateline.store.db import open_engine
from dateline.web import create_app
from dateline.web.accounts import user_for_token


def _csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def _sign_in(client) -> None:  # noqa: ANN001
    token = _csrf(client.get("/login").text)
    r = client.post("/login", data={"name": "analyst", "password": PASSWORD, "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie


def test_every_page_renders(client, store):  # noqa: ANN001
    event_id = client.get("/api/events").json()["events"][0]["id"]
    for path in ("/", "/map", "/events", "/events?family=violence&sort=fatalities", "/articles",
                 "/articles?q=rubble", f"/articles/{store['article_ids'][0]}", "/add",
                 "/proposals", "/login", f"/events/{event_id}"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "GeoNames" in r.text and "CC BY 4.0" in r.text
        assert "default-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/events/ev_nope").status_code == 404


def test_event_page_highlights_evidence_and_sources(client):  # noqa: ANN001
    event_id = client.get("/api/events", params={"place": "Kharkiv"}).json()["events"][0]["id"]
    html = client.get(f"/events/{event_id}").text
    assert ('<mark class="hl-focus" id="evidence">A missile strike on Kharkiv killed 3 people on '
            'Monday, the regional governor said.</mark>') in html
    assert "Sign in</a> to review" in html and 'action="/events/' not in html


def test_article_page_links_spans_to_events(client, store):  # noqa: ANN001
    html = client.get(f"/articles/{store['article_ids'][0]}").text
    events = client.get("/api/events", params={"article": store["article_ids"][0]}).json()["events"]
    for event in events:
        assert f'<a href="/events/{event["id"]}">' in html
    assert '<mark class="hl-quote">We are clearing the rubble,</mark>' in html


def test_hostile_article_is_inert(client, store):  # noqa: ANN001
    html = client.get(f"/articles/{store['article_ids'][2]}").text
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert 'href="javascript:' not in html
    assert re.findall(r"<script[^>]*>", html) == []  # the article page needs no script at all
    event_id = client.get("/api/events", params={"article": store["article_ids"][2]}).json()["events"][0]["id"]
    event_html = client.get(f"/events/{event_id}").text
    assert "<script>window" not in event_html and 'href="javascript:' not in event_html


def test_page_review_needs_sign_in_and_csrf(client):  # noqa: ANN001
    event_id = client.get("/api/events", params={"place": "Geneva"}).json()["events"][0]["id"]
    url = f"/events/{event_id}/review"
    assert client.post(url, data={"action": "confirm"}).status_code == 401
    _sign_in(client)
    page = client.get(f"/events/{event_id}").text
    assert f'action="/events/{event_id}/review"' in page
    assert client.post(url, data={"action": "confirm", "csrf_token": "forged"}).status_code == 403
    r = client.post(url, data={"action": "edit", "place": "Geneva (Palais des Nations)",
                               "note": "venue from the second source", "csrf_token": _csrf(page)},
                    follow_redirects=False)
    assert r.status_code == 303
    page = client.get(f"/events/{event_id}").text
    assert "Geneva (Palais des Nations)" in page and "venue from the second source" in page
    assert page.count('class="audit-row"') == 1


def test_private_reading(tmp_path, store):  # noqa: ANN001
    settings = make_settings(store["tmp"], private_reading=True)
    with TestClient(create_app(settings, engine=store["engine"])) as client:
        assert client.get("/api/events").status_code == 401
        r = client.get("/events", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login"
        ok = client.get("/api/events", headers={"Authorization": f"Bearer {store['token']}"})
        assert ok.status_code == 200 and ok.json()["total"] == 4
        _sign_in(client)
        assert client.get("/events").status_code == 200


def test_rate_limit_and_body_limit(store):  # noqa: ANN001
    settings = make_settings(store["tmp"], web_rate_per_second=0.01, web_rate_burst=3,
                             web_max_upload_bytes=1000)
    with TestClient(create_app(settings, engine=store["engine"])) as client:
        codes = [client.get("/api/stats").status_code for _ in range(5)]
        assert codes == [200, 200, 200, 429, 429]
    settings = make_settings(store["tmp"], web_max_upload_bytes=1000)
    with TestClient(create_app(settings, engine=store["engine"])) as client:
        r = client.post("/api/tokens", content=b"x" * 5000, headers={"content-type": "application/json"})
        assert r.status_code == 413


def test_add_pasted_text_and_bad_input(client):  # noqa: ANN001
    assert client.post("/add", data={"text": "x"}).status_code == 401
    _sign_in(client)
    token = _csrf(client.get("/add").text)
    text = "Port hit again\n\nShelling struck Odesa port on Friday, officials said."
    r = client.post("/add", data={"text": text, "published": "2025-03-07", "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    article = client.get(r.headers["location"])
    assert "Shelling struck Odesa port on Friday" in article.text and "Added: 1 event extracted" in article.text
    events = client.get("/api/events", params={"since": "2025-03-07"}).json()["events"]
    assert events[0]["date"]["start"] == "2025-03-07"
    again = client.post("/add", data={"text": text, "csrf_token": token}, follow_redirects=False)
    assert again.headers["location"] == r.headers["location"]  # a duplicate leads to the stored one
    bad = client.post("/add", data={"published": "soon", "text": "a", "csrf_token": token})
    assert bad.status_code == 400 and "is not a date" in bad.text
    none = client.post("/add", data={"csrf_token": token})
    assert none.status_code == 400 and "exactly one of" in none.text
    binary = client.post("/add", data={"csrf_token": token},
                         files={"file": ("blob.bin", b"\x00\x01\x02" * 200, "application/octet-stream")})
    assert binary.status_code == 400 and "role=\"alert\"" in binary.text
    assert client.get("/api/stats").json()["totals"]["articles"] == 4  # nothing else lost


def test_user_commands(tmp_path):  # noqa: ANN001
    db = str(tmp_path / "users.sqlite")
    runner = CliRunner()
    r = runner.invoke(cli_app, ["user", "add", "reviewer", "--password-stdin", "--db", db],
                      input="a long password\n")
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli_app, ["user", "token", "reviewer", "--db", db])
    assert r.exit_code == 0
    token = r.stdout.strip().splitlines()[-1]
    assert user_for_token(open_engine(db), token, kind="api").name == "reviewer"
    dup = runner.invoke(cli_app, ["user", "add", "reviewer", "--password-stdin", "--db", db],
                        input="a long password\n")
    assert dup.exit_code != 0 and "already exists" in str(dup.exception)
    missing = runner.invoke(cli_app, ["user", "token", "nobody", "--db", db])
    assert missing.exit_code != 0


def test_demo_prepare_ingests_examples(tmp_path):  # noqa: ANN001
    from dateline.web import demo

    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / "one.txt").write_text("Port hit\n\nShelling struck Odesa port on Friday.\n",
                                      encoding="utf-8")
    settings = make_settings(tmp_path)
    assert demo.prepare(settings, examples, gazetteer=False) == 1
    assert demo.prepare(settings, examples, gazetteer=False) == 0  # already there: nothing twice
    assert demo.EXAMPLES.name == "examples" and any(demo.EXAMPLES.glob("*.txt"))


def test_proposals_page_from_the_seed(client, store):  # noqa: ANN001
    from datetime import date
    from pathlib import Path

    import pytest

    from dateline.ingest import dedup
    from dateline.models import Article, Extraction
    from dateline.store.writer import ArticleRecord, StoreWriter

    seed = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "article.txt"
    if not seed.is_file():
        pytest.skip(f"seed article not found at {seed}")
    text = seed.read_text(encoding="utf-8")
    article = Article(text=text, title=text.splitlines()[0], published=date(2025, 11, 25))
    StoreWriter(store["engine"]).write_batch([ArticleRecord(
        article=article, extraction=Extraction(article, ()), content_hash=dedup.content_hash(text),
        raw_hash=dedup.raw_hash(text.encode()), origin="seed")])
    body = client.get("/api/proposals").json()
    assert body["proposals"], "the tracker found no proposal in the seed"
    cells = body["proposals"][0]["matrix"]["cells"]
    assert any(c["position"] == "opposes" for c in cells.values())
    html = client.get("/proposals").text
    link = re.search(r'class="cell pos-opposes" data-position="opposes"><a href="(/articles/\d+\?hl=\d+-\d+#evidence)"', html)
    assert link, "no colour-coded cell linked to its evidence"
    target = client.get(link.group(1)).text
    assert '<mark class="hl-focus" id="evidence">' in target
