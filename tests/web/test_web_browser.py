"""End to end in a real browser: `dateline serve` on loopback over a temp SQLite store,
the seed article added through the /add page with the real extractor, then the map,
the event page, a review round trip, a hostile article and an anonymous reader.

Needs Debian's /usr/bin/chromium (scripts/install-browser.sh) and the built gazetteer.
Screenshots go to test-artifacts/ (gitignored).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from dateline.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
PASSWORD = "browser test password"
HOSTILE = ("Shop notice <script>window.__pwned=1</script>\n\n"
           "KYIV, Nov. 26 — A missile strike hit a warehouse in Kyiv on Wednesday, officials said. "
           '<img src=x onerror="window.__pwned=1;alert(1)"> '
           '<a href="javascript:window.__pwned=1">read more</a>\n')
CLI = [sys.executable, "-c", "from dateline.cli.main import main; main()"]

pytestmark = [
    pytest.mark.browser, pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: run scripts/install-browser.sh"),
    pytest.mark.skipif(not SEED.is_file(), reason=f"seed article not found at {SEED}"),
    pytest.mark.skipif(not Settings.load().gazetteer_path.is_file(),
                       reason="gazetteer not built: run `dateline gazetteer build`"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):  # noqa: ANN001, ANN201
    db = str(tmp_path_factory.mktemp("web-e2e") / "e2e.sqlite")
    subprocess.run([*CLI, "user", "add", "analyst", "--password-stdin", "--db", db],
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    port = _free_port()
    proc = subprocess.Popen([*CLI, "serve", "--port", str(port), "--db", db],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail(f"server did not start: {proc.stdout.read() if proc.stdout else ''}")
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROME_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def analyst(server, browser):  # noqa: ANN001, ANN201
    """A signed-in page, after the seed article was added through /add."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(90_000)  # CI machines can be busy
    page = context.new_page()
    page.goto(server + "/login")
    page.fill("input[name=name]", "analyst")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(server + "/")
    page.goto(server + "/add")
    page.fill("textarea[name=text]", SEED.read_text(encoding="utf-8"))
    page.fill("input[name=published]", "2025-11-25")
    page.screenshot(path=str(ARTIFACTS / "add.png"))
    # The POST answers only when extraction is done (spaCy loads first): wait for that
    # navigation explicitly, not inside click().
    with page.expect_navigation(url="**/articles/*?added=1", timeout=300_000):
        page.click("form.add-form button[type=submit]", no_wait_after=True)
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)
    yield page
    context.close()


def _map_circles(page, server: str) -> list[dict[str, str]]:  # noqa: ANN001
    page.goto(server + "/map")
    page.wait_for_selector("#map[data-loaded=true]", timeout=30_000)
    return page.eval_on_selector_all(
        "svg.world circle.event",
        "cs => cs.map(c => ({place: c.getAttribute('data-place'), id: c.getAttribute('data-event-id'),"
        " country: c.getAttribute('data-country')}))")


def _map_places(page, server: str) -> dict[str, str]:  # noqa: ANN001
    return {c["place"]: c["id"] for c in _map_circles(page, server)}


def test_map_shows_kyiv_and_geneva(analyst, server):  # noqa: ANN001
    places = _map_places(analyst, server)
    analyst.screenshot(path=str(ARTIFACTS / "map.png"))
    assert {"Kyiv", "Geneva"} <= set(places), sorted(places)
    circles = _map_circles(analyst, server)
    assert {c["country"] for c in circles if c["place"] == "Kyiv"} == {"UA"}
    assert {c["country"] for c in circles if c["place"] == "Geneva"} == {"CH"}  # not Geneva, Illinois
    analyst.select_option("select[name=region]", label="Ukraine")
    analyst.wait_for_selector("#map[data-loaded=true]")
    analyst.screenshot(path=str(ARTIFACTS / "map-ukraine.png"))


def test_event_page_highlights_evidence_and_review_round_trip(analyst, server):  # noqa: ANN001
    # Several events are in Kyiv (the strike, a resident's statement): take the strike.
    kyiv = [c["id"] for c in _map_circles(analyst, server) if c["place"] == "Kyiv"]
    events = {i: httpx.get(f"{server}/api/events/{i}").json() for i in kyiv}
    event_id = next(i for i, e in events.items() if e.get("fatalities"))
    expected = events[event_id]
    analyst.goto(f"{server}/events/{event_id}")
    mark = analyst.locator("mark#evidence")
    assert mark.inner_text() == expected["evidence"]["sentence"]
    analyst.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)
    analyst.fill("input[name=fatalities_min]", "7")
    analyst.fill("textarea[name=note]", "toll updated by the city administration")
    analyst.click("button[name=action][value=edit]")
    analyst.wait_for_url(f"**/events/{event_id}#review")
    assert analyst.locator("[data-review-state]").inner_text() == "edited"
    row = analyst.locator("tr.audit-row").first.inner_text()
    assert "analyst" in row and "toll updated by the city administration" in row
    analyst.screenshot(path=str(ARTIFACTS / "event-reviewed.png"), full_page=True)
    shown = httpx.get(f"{server}/api/events/{event_id}").json()
    assert shown["fatalities"]["min"] == 7
    assert shown["review"]["original"]["fatalities_min"] == expected["fatalities"]["min"]


def test_hostile_article_runs_no_script(analyst, server):  # noqa: ANN001
    dialogs: list[str] = []
    analyst.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    analyst.goto(server + "/add")
    analyst.fill("textarea[name=text]", HOSTILE)
    with analyst.expect_navigation(url="**/articles/*?added=1", timeout=300_000):
        analyst.click("form.add-form button[type=submit]", no_wait_after=True)
    analyst.wait_for_timeout(300)
    assert analyst.evaluate("typeof window.__pwned") == "undefined"
    assert "<script>window.__pwned=1</script>" in analyst.locator("h1.article-title").inner_text()
    assert analyst.locator("main a[href^='javascript:']").count() == 0
    assert analyst.locator("main img").count() == 0
    analyst.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=True)
    for path in ("/", "/events", "/articles", "/proposals"):
        analyst.goto(server + path)
        assert analyst.evaluate("typeof window.__pwned") == "undefined"
        analyst.screenshot(path=str(ARTIFACTS / f"{path.strip('/') or 'dashboard'}.png"), full_page=True)
    assert dialogs == []


def test_anonymous_reader_cannot_write(analyst, server, browser):  # noqa: ANN001
    event_id = _map_places(analyst, server)["Kyiv"]
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}/events/{event_id}")
    assert page.locator("form.review-form").count() == 0
    assert page.get_by_text("to review").count() == 1
    api = page.request.post(f"{server}/api/events/{event_id}/review", data={"action": "reject"})
    assert api.status == 401
    form = page.request.post(f"{server}/events/{event_id}/review", form={"action": "reject"})
    assert form.status in (401, 403)
    page.goto(server + "/add")
    assert page.locator("form.add-form").count() == 0
    context.close()


def test_proposals_matrix_from_the_seed(analyst, server):  # noqa: ANN001
    """The peace-process tracker's party x provision matrix for the seed, each cell linked to its sentence."""
    analyst.goto(server + "/proposals")
    rows = analyst.eval_on_selector_all(
        "table.matrix tbody tr",
        "trs => trs.map(tr => ({party: tr.querySelector('th').innerText.trim(),"
        " cells: Array.from(tr.querySelectorAll('td[data-position]')).map(td => ({"
        " position: td.getAttribute('data-position'), href: td.querySelector('a').getAttribute('href')}))}))")
    analyst.screenshot(path=str(ARTIFACTS / "proposals.png"), full_page=True)
    positions = {r["party"]: {c["position"] for c in r["cells"]} for r in rows}
    for party in ("Ukraine", "European governments", "Russia", "France", "Germany"):
        assert party in positions, sorted(positions)
    assert "opposes" in positions["Ukraine"] and "opposes" in positions["France"]
    assert "opposes" in positions["Germany"] and "opposes" in positions["European governments"]
    assert positions["Russia"] & {"supports", "rejects", "demands"}
    href = next(c["href"] for r in rows if r["party"] == "France" for c in r["cells"])
    analyst.goto(server + href)
    assert analyst.locator("mark#evidence").inner_text().startswith("France")
    # the sentence may be highlighted in several pieces (a quote inside it is its own span)
    focus = " ".join(analyst.eval_on_selector_all("mark.hl-focus", "ms => ms.map(m => m.innerText)"))
    assert "restricted in size" in focus, focus
