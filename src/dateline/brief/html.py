"""Render a Brief as HTML: a fragment (the web page's /brief body) or a standalone,
printable document (`dateline brief --format html`). One Jinja2 environment with
autoescaping; every stored word is escaped, every link is an event page or an
http(s) source URL."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from ..errors import ConfigError
from . import render
from .chart import day_chart
from .model import Brief

TEMPLATES = Path(__file__).with_name("templates")
CSS_PATH = TEMPLATES / "brief.css"


def _environment() -> Any:
    try:
        from jinja2 import Environment, FileSystemLoader, select_autoescape
    except ModuleNotFoundError as exc:  # pragma: no cover - jinja2 comes with spaCy
        raise ConfigError("HTML briefs need jinja2: pip install 'dateline[web]'") from exc
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(figure=render.figure, claims_text=render.claims_text,
                       conflicting=render.conflicting, source_label=render.source_label,
                       summary=render.summary, item_facts=render.item_facts,
                       night_lines=render.night_lines, family_counts=render.family_counts,
                       stances_title=render.STANCES_TITLE)
    env.filters["safe_url"] = _safe_url
    env.filters["unquote"] = lambda text: text.strip(render.QUOTE_MARKS)
    return env


_ENV: Any = None


def _env() -> Any:
    global _ENV  # built once: template parsing is the slow part of a render
    if _ENV is None:
        _ENV = _environment()
    return _ENV


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links go into an href (never javascript: or data:)."""
    return url if url and urlsplit(url).scheme in ("http", "https") else None


def map_points(brief: Brief) -> list[dict[str, Any]]:
    """The located lines of the brief, for the map (drawn by static/brief-map.js)."""
    return [{"id": i.event_id, "place": i.place, "family": i.family, "lat": i.lat, "lon": i.lon,
             "date": i.date.isoformat() if i.date else None,
             "deaths": (i.fatalities.min or i.fatalities.max or 0) if i.fatalities else 0}
            for i in brief.items if i.lat is not None and i.lon is not None]


def fragment(brief: Brief, *, base_url: str = "", with_map: bool = True) -> Markup:
    """The brief's body: totals, the chart, the map holder, the sections."""
    return Markup(_env().get_template("brief_body.html").render(
        brief=brief, chart=day_chart(brief.days), base=base_url.rstrip("/"),
        with_map=with_map, points=map_points(brief), period=render.period_words(brief)))


def css() -> str:
    return CSS_PATH.read_text(encoding="utf-8")


def standalone(brief: Brief, *, base_url: str = "") -> str:
    """A whole printable document (no scripts, so no map: the web page draws it)."""
    return _env().get_template("brief_document.html").render(
        brief=brief, body=fragment(brief, base_url=base_url, with_map=False), css=Markup(css()),
        period=render.period_words(brief))
