"""The JSON API under /api (OpenAPI at /api/docs). Handlers call the store's read
side and this package's query modules; no SQL here."""
from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ..store import queries
from . import queries_extra, reviews
from .accounts import API_TOKEN_DAYS, new_token, revoke_token
from .deps import (MAX_ID, MAX_OFFSET, EngineDep, FilterDep, ReaderDep, WriterDep,
                   bearer_token, throttled_sign_in)
from .exports import MEDIA, export
from .proposals import proposals_view

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
ArticleId = Annotated[int, Path(ge=1, le=MAX_ID)]
Sort = Literal["-date", "date", "fatalities", "confidence", "-published"]
# Lists count their matches up to this many, then say "at least" (total_is_lower_bound):
# an exact count of a million matches costs more than the page (docs/web.md).
COUNT_LIMIT = 10_000


def fast_json(payload: Any) -> Response:
    """Serialise with json.dumps directly: FastAPI's generic encoder walks every value
    again, which costs more than the query on large map responses."""
    return Response(json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
                    media_type="application/json")


def event_with_review(engine, event: dict[str, Any] | None) -> dict[str, Any]:  # noqa: ANN001
    if event is None:
        raise HTTPException(404, "no such event")
    return reviews.with_review(event, reviews.reviews_for(engine, [event["id"]]).get(event["id"]))


@router.get("/events", summary="Events, filtered, sorted and paged")
def list_events(engine: EngineDep, _: ReaderDep, filters: FilterDep, limit: Limit = 50,
                offset: Offset = 0, sort: Sort = "-date") -> Response:
    page = queries.event_page(engine, filters, limit=limit, offset=offset, sort=sort,
                              count_limit=COUNT_LIMIT)
    found_reviews = reviews.reviews_for(engine, [e["id"] for e in page.events])
    return fast_json({"events": [reviews.with_review(e, found_reviews.get(e["id"]))
                                 for e in page.events], "total": page.total,
                      "total_is_lower_bound": page.total_is_lower_bound})


@router.get("/events/{event_id}", summary="One event with every source, its evidence and reviews")
def get_event(event_id: str, engine: EngineDep, _: ReaderDep) -> dict[str, Any]:
    event = event_with_review(engine, queries.get_event(engine, event_id))
    event["mentions"] = [{k: v for k, v in m.items() if k != "text"}
                         for m in queries_extra.mentions_of_event(engine, event_id)]
    event["audit"] = reviews.audit_for(engine, event_id)
    return event


class ReviewIn(BaseModel):
    action: Literal["confirm", "reject", "edit"]
    note: str | None = Field(default=None, max_length=2000)
    edits: dict[str, str | int | None] = Field(default_factory=dict)


@router.post("/events/{event_id}/review", summary="Confirm, reject or edit an event (token)")
def review_event(event_id: str, body: ReviewIn, engine: EngineDep, user: WriterDep
                 ) -> dict[str, Any]:
    if queries.get_event(engine, event_id) is None:
        raise HTTPException(404, "no such event")
    return reviews.record_review(engine, event_id, user=user.name, action=body.action,
                                 note=body.note, edits=body.edits)


@router.get("/events/{event_id}/audit", summary="The review history of an event")
def event_audit(event_id: str, engine: EngineDep, _: ReaderDep) -> dict[str, Any]:
    return {"audit": reviews.audit_for(engine, event_id)}


@router.get("/articles", summary="Articles, newest first; q= searches the full text")
def list_articles(engine: EngineDep, _: ReaderDep, q: str | None = None, limit: Limit = 50,
                  offset: Offset = 0) -> dict[str, Any]:
    found, total = queries.list_articles(engine, q=q or None, limit=limit, offset=offset)
    return {"articles": found, "total": total}


@router.get("/articles/{article_id}", summary="One article: text and extraction")
def get_article(article_id: ArticleId, engine: EngineDep, _: ReaderDep) -> dict[str, Any]:
    article = queries.get_article(engine, article_id)
    if article is None:
        raise HTTPException(404, "no such article")
    return article


@router.get("/places", summary="Places with event counts")
def list_places(engine: EngineDep, _: ReaderDep, q: str | None = None,
                limit: Limit = 100) -> dict[str, Any]:
    return {"places": queries_extra.places(engine, q=q, limit=limit)}


@router.get("/actors", summary="Actors and targets with mention counts")
def list_actors(engine: EngineDep, _: ReaderDep, q: str | None = None,
                limit: Limit = 100) -> dict[str, Any]:
    return {"actors": queries_extra.actors(engine, q=q, limit=limit)}


@router.get("/stats", summary="Totals, and event counts by day x family x country")
def stats(engine: EngineDep, _: ReaderDep, filters: FilterDep) -> dict[str, Any]:
    return {"totals": queries.counts(engine), "by_day": queries.stats(engine, filters)}


@router.get("/map.geojson", summary="Map points in a bounding box; aggregated by place beyond 5,000")
def map_geojson(engine: EngineDep, _: ReaderDep, filters: FilterDep) -> Response:
    return Response(queries_extra.map_geojson(engine, filters), media_type="application/json")


@router.get("/export.{fmt}", summary="Filtered events as CSV, GeoJSON, JSON lines or Parquet")
def export_events(fmt: Literal["csv", "geojson", "jsonl", "parquet"], engine: EngineDep,
                  _: ReaderDep, filters: FilterDep,
                  limit: Annotated[int, Query(ge=1, le=100_000)] = 10_000,
                  sort: Sort = "date") -> Response:
    return Response(export(engine, filters, fmt, limit=limit, sort=sort), media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="events.{fmt}"'})


@router.get("/proposals", summary="Peace proposals: versions, provisions, party stances")
def proposals(engine: EngineDep, _: ReaderDep) -> dict[str, Any]:
    data, views = proposals_view(engine)
    for item, view in zip(data["proposals"], views):
        item["matrix"] = {"parties": [r["party"] for r in view["rows"]],
                          "targets": [t["id"] for t in view["targets"]],
                          "cells": {f'{r["party"]}|{t["id"]}': c
                                    for r in view["rows"]
                                    for t, c in zip(view["targets"], r["cells"]) if c}}
    return data


class LoginIn(BaseModel):
    name: str = Field(max_length=64)
    password: str = Field(max_length=1024)


@router.post("/tokens", summary="Exchange a name and password for an API token")
def create_token(request: Request, engine: EngineDep,
                 body: Annotated[LoginIn, Body()]) -> dict[str, Any]:
    user = throttled_sign_in(request, body.name, body.password)
    if user is None:
        raise HTTPException(401, "wrong name or password")
    return {"token": new_token(engine, user, kind="api"), "user": user.name,
            "expires_in_days": API_TOKEN_DAYS}


@router.delete("/tokens/current", summary="Revoke the bearer token this request carries")
def revoke_current_token(request: Request, engine: EngineDep, _: WriterDep) -> dict[str, str]:
    revoke_token(engine, bearer_token(request) or "")
    return {"revoked": "current"}
