"""The /brief page in a real browser: `dateline serve` on loopback over a store filled
by the real pipeline (the seed + our reports of 25 Nov 2025); the page renders, its
links open their events, the map draws, and printing hides the navigation and form.

Needs Debian's /usr/bin/chromium (scripts/install-browser.sh). Screenshots go to
test-artifacts/ (gitignored).
"""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
CLI = [sys.executable, "-c", "from dateline.cli.main import main; main()"]

pytestmark = [
    pytest.mark.browser, pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: run scripts/install-browser.sh"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(seed_day_store):  # noqa: ANN001, ANN201
    port = _free_port()
    proc = subprocess.Popen([*CLI, "serve", "--port", str(port), "--db", str(seed_day_store.url)],
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
def page(server):  # noqa: ANN001, ANN201
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROME_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(60_000)
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.errors = errors
        yield tab
        browser.close()


def test_the_brief_renders_with_its_map_and_chart(page, server):  # noqa: ANN001
    page.goto(server + "/")
    page.click("a[href='/brief']")  # the dashboard's link: the latest day with events
    page.wait_for_selector("#brief-map[data-loaded=true]")
    assert "Situation brief: 25 Nov 2025" in page.inner_text("h1")
    assert "Kyiv" in page.inner_text("section[data-section=violence]")
    circles = page.eval_on_selector_all(
        "#brief-map svg.world circle.event", "cs => cs.map(c => c.getAttribute('data-place'))")
    assert "Kyiv" in circles and len(circles) >= 5
    assert page.eval_on_selector_all("#brief-map svg path.country", "ps => ps.length") > 100
    assert page.eval_on_selector_all("svg.day-chart rect.bar", "rs => rs.length") == 1
    assert page.errors == []
    page.screenshot(path=str(ARTIFACTS / "brief.png"), full_page=True)


def test_the_pickers_and_links_work(page, server):  # noqa: ANN001
    page.goto(server + "/brief")
    page.fill("input[name=date]", "2025-11-25")
    page.select_option("select[name=country]", ["UA"])
    page.click("form.brief-filters button[type=submit]")
    page.wait_for_url("**/brief?date=2025-11-25*country=UA*")
    assert "· UA" in page.inner_text("h1")
    first = page.locator("a.event-link").first
    event_id = first.get_attribute("href").rsplit("/", 1)[1]
    first.click()
    page.wait_for_url(f"**/events/{event_id}")
    assert page.locator("h1").count() == 1
    page.go_back()
    page.wait_for_selector("#brief-map[data-loaded=true]")
    page.locator("#brief-map circle.event").first.dispatch_event("click")
    page.wait_for_url("**/events/ev_*")


def test_printing_hides_navigation_and_form(page, server):  # noqa: ANN001
    page.goto(server + "/brief?date=2025-11-25")
    page.emulate_media(media="print")
    assert not page.is_visible("header.top") and not page.is_visible("form.brief-filters")
    assert page.is_visible("section[data-section=violence]")
    page.pdf(path=str(ARTIFACTS / "brief.pdf"))
    page.emulate_media(media="screen")
    assert page.is_visible("form.brief-filters")
