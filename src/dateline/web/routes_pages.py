"""Server-rendered pages. Handlers fetch through the store's read side and this
package's query modules, then render; forms carry a CSRF token."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from starlette.datastructures import UploadFile
from starlette.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from ..store import queries
from . import queries_extra, reviews
from .accounts import new_token, revoke_token
from .adding import add_article
from .charts import build_chart, daily_totals, date_range
from .deps import (MAX_OFFSET, SESSION_COOKIE, EngineDep, FilterDep, current_user,
                   throttled_sign_in)
from .routes_api import ArticleId
from .highlight import Mark, highlight
from .describe import quantity_text
from .icons import TYPE_SHAPES
from .pages import render, templates
from .routes_api import COUNT_LIMIT
from .proposals import proposals_view
from .security import csrf_ok

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
Page = Annotated[int, Query(ge=1, le=MAX_OFFSET // PAGE_SIZE)]
COMPARED = (("claimed by", lambda m: m.get("claimed_by")),
            ("status", lambda m: m.get("status")),
            ("date", lambda m: _span((m.get("date") or {}).get("start"), (m.get("date") or {}).get("end"))),
            ("place", lambda m: (m.get("location") or {}).get("name")),
            ("killed", lambda m: quantity_text(m.get("fatalities"))),
            ("injured", lambda m: quantity_text(m.get("injured"))))


def _span(low: Any, high: Any) -> str | None:
    if low is None and high is None:
        return None
    return str(low) if high in (None, low) else f"{low}–{high}"


def _reader(request: Request) -> None:
    """Pages of a private instance send anonymous readers to the sign-in page."""
    if request.app.state.settings.private_reading and current_user(request) is None:
        raise _Redirect("/login")


class _Redirect(HTTPException):
    def __init__(self, url: str) -> None:
        super().__init__(303, headers={"Location": url})


def error_page(request: Request, status: int, message: str,
               headers: dict[str, str] | None = None) -> Response:
    if status == 303 and headers and "Location" in headers:
        return RedirectResponse(headers["Location"], status_code=303)
    return render(request, "error.html", status_code=status, status=status, message=message)


def _writer(request: Request, csrf: str | None) -> str:
    user = current_user(request)
    if user is None:
        raise HTTPException(401, "sign in to make changes")
    if not csrf_ok(request, csrf):
        raise HTTPException(403, "the form expired (CSRF check failed); reload the page")
    return user.name


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, engine: EngineDep) -> Response:
    _reader(request)
    latest, _ = queries.list_events(engine, limit=12, sort="-published")
    return render(request, "dashboard.html", counts=queries.counts(engine), latest=latest)


@router.get("/chart", response_class=HTMLResponse)
def chart_fragment(request: Request, engine: EngineDep, filters: FilterDep) -> Response:
    """The timeline chart alone (an HTML fragment), for the dashboard and the events
    page to load after the page itself: at a million events counting by day takes
    0.3-1 s, which the list should not wait for."""
    _reader(request)
    chart = build_chart(daily_totals(engine, filters), since=filters.since, until=filters.until)
    return render(request, "chart_fragment.html", chart=chart,
                  title="Filtered events over time" if request.query_params else "Events over time")


@router.get("/favicon.ico")
def favicon() -> Response:
    """Browsers ask for /favicon.ico whatever the page links; the SVG answers it."""
    return FileResponse(Path(__file__).with_name("static") / "favicon.svg",
                        media_type="image/svg+xml",
                        headers={"Cache-Control": "public, max-age=86400"})


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, engine: EngineDep) -> Response:
    _reader(request)
    first, last = date_range(engine)
    return render(request, "map.html", families=queries_extra.families(engine),
                  first_day=first and first.isoformat(), last_day=last and last.isoformat(),
                  span_days=(last - first).days if first and last else 0)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, engine: EngineDep, filters: FilterDep,
                sort: str = "-date", page: Page = 1) -> Response:
    _reader(request)
    listed = queries.event_page(engine, filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE,
                                sort=sort, count_limit=COUNT_LIMIT)
    found, total = listed.events, listed.total
    found_reviews = reviews.reviews_for(engine, [e["id"] for e in found])
    found = [reviews.with_review(e, found_reviews.get(e["id"])) for e in found]
    args = [(k, v) for k, v in request.query_params.multi_items() if k not in ("page", "sort") and v]
    # With a date filter, the chart of the filtered events over the filter's dates
    # (loaded by the page from /chart); without one it would count every event.
    chart = bool(filters.since or filters.until)
    return render(request, "events.html", events=found, total=total, page=page, chart=chart,
                  types=TYPE_SHAPES,
                  total_is_lower_bound=listed.total_is_lower_bound,
                  pages=max(1, -(-total // PAGE_SIZE)), sort=sort, args=args,
                  query=dict(request.query_params), families=queries_extra.families(engine))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(event_id: str, request: Request, engine: EngineDep) -> Response:
    _reader(request)
    event = queries.get_event(engine, event_id)
    if event is None:
        raise HTTPException(404, "no such event")
    event = reviews.with_review(event, reviews.reviews_for(engine, [event_id]).get(event_id))
    mentions = queries_extra.mentions_of_event(engine, event_id)
    for m in mentions:
        ev = m["mention"]["evidence"]
        m["html"] = highlight(m["text"], [Mark(ev["start"], ev["end"], "focus")])
    compared = [(label, [get(m["mention"]) for m in mentions]) for label, get in COMPARED]
    compared = [(label, values, len(set(values)) > 1) for label, values in compared
                if any(v is not None for v in values)]
    return render(request, "event.html", event=event, mentions=mentions, compared=compared,
                  audit=reviews.audit_for(engine, event_id), editable=reviews.EDITABLE)


@router.post("/events/{event_id}/review")
async def review_form(event_id: str, request: Request, engine: EngineDep) -> Response:
    form = await request.form()
    user = _writer(request, _field(form, "csrf_token"))
    action = _field(form, "action") or ""
    edits = {name: _field(form, name) for name in reviews.EDITABLE} if action == "edit" else {}
    if await run_in_threadpool(queries.get_event, engine, event_id) is None:
        raise HTTPException(404, "no such event")
    await run_in_threadpool(lambda: reviews.record_review(
        engine, event_id, user=user, action=action, note=_field(form, "note"), edits=edits))
    return RedirectResponse(f"/events/{event_id}#review", status_code=303)


def _field(form: Any, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) else None


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, engine: EngineDep, q: str | None = None,
                  page: Page = 1) -> Response:
    _reader(request)
    found, total = queries.list_articles(engine, q=q or None, limit=PAGE_SIZE,
                                         offset=(page - 1) * PAGE_SIZE)
    return render(request, "articles.html", articles=found, total=total, q=q or "", page=page,
                  pages=max(1, -(-total // PAGE_SIZE)))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: ArticleId, request: Request, engine: EngineDep,
                 hl: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None) -> Response:
    _reader(request)
    article = queries.get_article(engine, article_id)
    if article is None:
        raise HTTPException(404, "no such article")
    events = article["extraction"]["events"]
    marks = [Mark(e["evidence"]["start"], e["evidence"]["end"], "evidence", event_id)
             for e, event_id in zip(events, article["event_ids"])]
    marks += [Mark(q["start"], q["end"], "quote") for q in article["extraction"]["quotes"]]
    if hl:  # a sentence another page points at (a tracker stance, say)
        start, end = (int(x) for x in hl.split("-"))
        marks.append(Mark(start, end, "focus"))
    return render(request, "article.html", article=article, html=highlight(article["text"], marks),
                  events=list(zip(events, article["event_ids"])))


@router.get("/add", response_class=HTMLResponse)
def add_page(request: Request) -> Response:
    _reader(request)
    return render(request, "add.html", result=None)


@router.post("/add", response_class=HTMLResponse)
async def add_submit(request: Request, engine: EngineDep) -> Response:
    # The documented limit, not python-multipart's 1 MB per field (the body itself is
    # already capped at the same size by GuardMiddleware).
    form = await request.form(max_part_size=request.app.state.settings.web_max_upload_bytes)
    user = _writer(request, _field(form, "csrf_token"))
    upload = form.get("file")
    file = None
    # request.form() gives Starlette's UploadFile (FastAPI's is a subclass it never returns).
    if isinstance(upload, UploadFile) and upload.filename:
        file = (upload.filename, await upload.read(), upload.content_type)
    result = await run_in_threadpool(
        add_article, request.app.state.settings, engine, text=_field(form, "text"),
        url=_field(form, "url"), file=file, published=_field(form, "published"), user=user)
    if result.article_id is not None and not result.errors:
        return RedirectResponse(f"/articles/{result.article_id}?added=1", status_code=303)
    return render(request, "add.html", status_code=400 if result.errors else 200, result=result)


@router.get("/proposals", response_class=HTMLResponse)
def proposals_page(request: Request, engine: EngineDep) -> Response:
    _reader(request)
    _, views = proposals_view(engine)
    return render(request, "proposals.html", views=views)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    return render(request, "login.html", failed=False)


@router.post("/login")
def login(request: Request, engine: EngineDep, name: Annotated[str, Form(max_length=64)],
          password: Annotated[str, Form(max_length=1024)],
          csrf_token: Annotated[str | None, Form()] = None) -> Response:
    if not csrf_ok(request, csrf_token):
        raise HTTPException(403, "the form expired (CSRF check failed); reload the page")
    user = throttled_sign_in(request, name, password)
    if user is None:
        return render(request, "login.html", status_code=401, failed=True)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(SESSION_COOKIE, new_token(engine, user, kind="session"), httponly=True,
                        samesite="lax", secure=request.url.scheme == "https",
                        max_age=14 * 24 * 3600, path="/")
    return response


@router.post("/logout")
def logout(request: Request, engine: EngineDep,
           csrf_token: Annotated[str | None, Form()] = None) -> Response:
    if not csrf_ok(request, csrf_token):
        raise HTTPException(403, "the form expired (CSRF check failed); reload the page")
    if token := request.cookies.get(SESSION_COOKIE):
        revoke_token(engine, token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response



def templates_response(request: Request, name: str) -> Response:
    """A bare template (no site chrome), e.g. the API docs."""
    return templates.TemplateResponse(request, name, {})
