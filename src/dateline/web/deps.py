"""Typed FastAPI dependencies: the engine, the signed-in user, read/write guards, filters."""
from __future__ import annotations

import math
from datetime import date
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from sqlalchemy import Engine

from ..errors import InputError
from ..settings import Settings
from ..store.queries import EventFilter
from .accounts import User, check_password, user_for_token

SESSION_COOKIE = "dateline_session"
# Ids are INTEGER columns, 32-bit on PostgreSQL: a larger id names nothing, and sent
# on it overflows the driver (a 500). Refused as a 422 instead, like any bad parameter.
MAX_ID = 2**31 - 1
# No list is this long; the bound keeps offset + limit inside a 64-bit integer.
MAX_OFFSET = 1_000_000_000
ArticleIdQuery = Annotated[int | None, Query(ge=1, le=MAX_ID,
                                             description="Events told by this article.")]


def get_engine(request: Request) -> Engine:
    return request.app.state.engine


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def current_user(request: Request) -> User | None:
    """The user of a bearer token, else of the session cookie, else None (anonymous)."""
    if "user" not in request.state.__dict__:
        engine = request.app.state.engine
        token = bearer_token(request)
        user = user_for_token(engine, token, kind="api") if token else None
        if user is None and (cookie := request.cookies.get(SESSION_COOKIE)):
            user = user_for_token(engine, cookie, kind="session")
        request.state.user = user
    return request.state.user


def api_reader(request: Request) -> User | None:
    user = current_user(request)
    if request.app.state.settings.private_reading and user is None:
        raise HTTPException(401, "sign in or send a bearer token to read",
                            headers={"WWW-Authenticate": "Bearer"})
    return user


def api_writer(request: Request) -> User:
    """Writes through the API need a bearer token (a cookie alone could be forged cross-site)."""
    token = bearer_token(request)
    user = user_for_token(request.app.state.engine, token, kind="api") if token else None
    if user is None:
        raise HTTPException(401, "a valid bearer token is needed to write",
                            headers={"WWW-Authenticate": "Bearer"})
    return user


def throttled_sign_in(request: Request, name: str, password: str) -> User | None:
    """The user for this name and password, unless the name is locked after too many
    misses (429, whichever address the guesses come from)."""
    throttle = request.app.state.login_throttle
    wait = throttle.locked_for(name)
    if wait:
        raise HTTPException(429, f"too many failed sign-ins for this name; try again in "
                            f"{math.ceil(wait)} s", headers={"Retry-After": str(math.ceil(wait))})
    user = check_password(request.app.state.engine, name, password)
    if user is None:
        throttle.failed(name)
    else:
        throttle.succeeded(name)
    return user


EngineDep = Annotated[Engine, Depends(get_engine)]
ReaderDep = Annotated[User | None, Depends(api_reader)]
WriterDep = Annotated[User, Depends(api_writer)]
UserDep = Annotated[User | None, Depends(current_user)]


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from exc


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        box = tuple(float(v) for v in value.split(","))
    except ValueError as exc:
        raise InputError(f"bbox: {value!r} is not four numbers") from exc
    if len(box) != 4 or not (-180 <= box[0] <= box[2] <= 180 and -90 <= box[1] <= box[3] <= 90):
        raise InputError("bbox: give min_lon,min_lat,max_lon,max_lat within the world")
    return box  # type: ignore[return-value]


def _clean(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v for v in (values or []) if v)


def event_filter(
    type: Annotated[list[str] | None, Query(description="Event type (repeatable).")] = None,
    family: Annotated[list[str] | None, Query(description="Event family (repeatable).")] = None,
    country: Annotated[list[str] | None, Query(description="ISO2 country (repeatable).")] = None,
    status: Annotated[list[str] | None, Query(description="reported, claimed, ...")] = None,
    place: Annotated[str | None, Query(description="Place name (substring).")] = None,
    actor: Annotated[str | None, Query(description="Actor name (substring).")] = None,
    since: Annotated[str | None, Query(description="From YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Until YYYY-MM-DD.")] = None,
    text: Annotated[str | None, Query(description="Words in the event's text.")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    article: ArticleIdQuery = None,
) -> EventFilter:
    return EventFilter(types=_clean(type), families=_clean(family), countries=_clean(country),
                       statuses=_clean(status), place=place or None, actor=actor or None,
                       since=_date(since, "since"), until=_date(until, "until"),
                       text=text or None, bbox=_bbox(bbox), article_id=article)


FilterDep = Annotated[EventFilter, Depends(event_filter)]
