"""Rendering pages: one Jinja2 environment (autoescaping on), the signed-in user and
the CSRF token in every template, and the small view helpers templates share."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..models import FAMILIES as TYPE_FAMILIES
from . import describe as words
from .deps import current_user
from .icons import TYPE_SHAPES, shape_id
from .security import csrf_token, set_csrf

FAMILIES = ("violence", "airspace", "movement", "territory", "diplomacy", "proposal",
            "statement", "protest")

templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are ever put in an href (never javascript: or data:)."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


def family_class(family: str | None) -> str:
    return f"fam-{family}" if family in FAMILIES else "fam-other"


templates.env.filters["safe_url"] = safe_url
templates.env.filters["family_class"] = family_class
templates.env.globals["FAMILIES"] = FAMILIES
templates.env.globals["TYPE_SHAPES"] = TYPE_SHAPES
templates.env.globals["LOW_CONFIDENCE"] = words.LOW_CONFIDENCE
templates.env.filters["shape_id"] = shape_id
templates.env.filters["family_of"] = lambda kind: TYPE_FAMILIES.get(kind, "other")
templates.env.filters["describe"] = words.describe
templates.env.filters["figure"] = words.quantity_text
templates.env.filters["killed"] = lambda event: words.event_figure(event, "fatalities")
templates.env.filters["injured"] = lambda event: words.event_figure(event, "injured")
templates.env.filters["interval"] = words.interval_text
templates.env.filters["figure_numbers"] = lambda q: words.quantity_text({**q, "text": None})
templates.env.filters["distinct_actors"] = words.distinct_actors
templates.env.filters["weapon_rows"] = words.weapon_rows
templates.env.filters["place_text"] = words.place_text
templates.env.tests["low_confidence"] = words.low_confidence
templates.env.tests["imprecise"] = words.imprecise


def days_ago(days: int) -> str:
    """The UTC date ``days`` days back, for "last 24 h / 7 days / 30 days" links
    (the filters take dates, so "24 h" is yesterday and today)."""
    return (datetime.now(UTC).date() - timedelta(days=days)).isoformat()


templates.env.globals["ago"] = days_ago


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.update(request=request, user=current_user(request), csrf=csrf_token(request),
                   private=request.app.state.settings.private_reading)
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    set_csrf(request, response)
    return response
