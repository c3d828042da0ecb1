"""Rendering pages: one Jinja2 environment (autoescaping on), the signed-in user and
the CSRF token in every template, and the small view helpers templates share."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .deps import current_user
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


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.update(request=request, user=current_user(request), csrf=csrf_token(request),
                   private=request.app.state.settings.private_reading)
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    set_csrf(request, response)
    return response
