"""The screenshots in docs/web.md, taken with Debian's Chromium through Playwright.

    dateline ingest examples/*.txt --db /tmp/demo.sqlite && dateline fuse --db /tmp/demo.sqlite
    dateline serve --port 8765 --db /tmp/demo.sqlite &
    python scripts/web_screenshots.py http://127.0.0.1:8765 docs/img

Only the example articles written for the demo (examples/) appear in them.
"""
from __future__ import annotations

import sys
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def main(base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    events = httpx.get(f"{base}/api/events?limit=200").json()["events"]
    # the event with most weapon figures: the page shows its launched / intercepted table
    event = max(events, key=lambda e: len(e.get("weapons") or {}) + len(e.get("intercepted") or {}))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.goto(f"{base}/map")
        page.wait_for_selector("#map[data-loaded=true]")
        page.select_option("select[name=region]", label="Ukraine")
        page.wait_for_timeout(600)
        page.wait_for_selector("#map[data-loaded=true]")
        page.locator("#map g.marker[data-event-id]").first.click()
        page.locator("#map").scroll_into_view_if_needed()
        page.screenshot(path=str(out / "map.png"))
        page.goto(f"{base}/events/{event['id']}")
        page.screenshot(path=str(out / "event.png"))
        page.goto(f"{base}/")
        page.screenshot(path=str(out / "dashboard.png"))
        phone = browser.new_page(viewport={"width": 390, "height": 844}, has_touch=True,
                                 is_mobile=True)
        phone.goto(f"{base}/events")
        phone.screenshot(path=str(out / "phone-events.png"))
        phone.goto(f"{base}/map")
        phone.wait_for_selector("#map[data-loaded=true]")
        phone.get_by_role("button", name="Zoom in").tap()
        phone.wait_for_timeout(600)
        phone.locator("#map").scroll_into_view_if_needed()
        phone.screenshot(path=str(out / "phone-map.png"))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), Path(sys.argv[2]))
