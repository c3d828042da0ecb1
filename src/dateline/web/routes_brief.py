"""The situation brief in the web app: the /brief page (date picker, country choice,
printable), /brief.css, and /api/brief (JSON, same parameters). The brief itself is
built by dateline.brief; this module parses the query and renders."""
from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

from ..brief import BriefRequest, build_brief
from ..brief import html as brief_html
from ..brief.period import parse_day, resolve_period
from ..brief.render import to_markdown
from ..errors import InputError
from ..store import brief_reads
from .deps import EngineDep, ReaderDep, current_user
from .pages import render

router = APIRouter()
FORMATS = ("html", "md", "json")
Countries = Annotated[list[str] | None, Query(description="ISO2 country (repeatable).")]


def _request(engine, date: str | None, since: str | None, until: str | None,  # noqa: ANN001
             country: list[str] | None) -> BriefRequest:
    start, end = resolve_period(parse_day(date, "date"), parse_day(since, "since"),
                                parse_day(until, "until"), latest=brief_reads.latest_day(engine))
    return BriefRequest(start, end, tuple(c.strip().upper() for c in country or () if c.strip()))


@router.get("/brief", response_class=HTMLResponse, include_in_schema=False)
async def brief_page(request: Request, engine: EngineDep, date: str | None = None,
                     since: str | None = None, until: str | None = None,
                     country: Countries = None, format: str = "html") -> Response:
    if request.app.state.settings.private_reading and current_user(request) is None:
        raise HTTPException(303, headers={"Location": "/login"})
    if format not in FORMATS:
        raise InputError(f"format {format!r}: choose one of {', '.join(FORMATS)}")
    asked = _request(engine, date, since, until, country)
    brief = await run_in_threadpool(build_brief, engine, asked)
    if format == "json":
        return JSONResponse(brief.to_dict())
    if format == "md":
        base = str(request.base_url).rstrip("/")
        return PlainTextResponse(to_markdown(brief, base_url=base),
                                 media_type="text/markdown; charset=utf-8")
    choices = await run_in_threadpool(brief_reads.period_countries, engine, brief.start, brief.end)
    chosen = set(brief.countries)
    choices += [(c, 0) for c in sorted(chosen - {c for c, _ in choices})]
    query = [("since", brief.start.isoformat()), ("until", brief.end.isoformat())]
    query += [("country", c) for c in brief.countries]
    return render(request, "brief.html", brief=brief, body=brief_html.fragment(brief),
                  period=brief_html.render.period_words(brief), countries=choices,
                  chosen=chosen, single=brief.start == brief.end, query=urlencode(query))


@router.get("/brief.css", include_in_schema=False)
def brief_css() -> Response:
    # Served, not inlined: the app's Content-Security-Policy allows only 'self' styles.
    return Response(brief_html.css(), media_type="text/css",
                    headers={"Cache-Control": "public, max-age=300"})


@router.get("/api/brief", tags=["brief"])
async def brief_api(engine: EngineDep, _reader: ReaderDep, date: str | None = None,
                    since: str | None = None, until: str | None = None,
                    country: Countries = None) -> JSONResponse:
    """The situation brief of a day (date) or period (since/until) as ``dateline.brief/1``."""
    brief = await run_in_threadpool(build_brief, engine, _request(engine, date, since, until, country))
    return JSONResponse(brief.to_dict())
