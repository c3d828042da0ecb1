"""Fuzzing the web app's parameters (issue 17): every route family gets generated
query strings, path segments and bodies -- huge and negative numbers, odd Unicode,
broken percent-encoding, wrong JSON types. Anything may be refused (4xx); nothing
may be a server error (5xx), and the stored records must all still be there."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

import web_fixtures
from dateline.store import queries
from dateline.store.db import open_engine
from dateline.web import create_app
from dateline.web.accounts import add_user, new_token

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
NUMBERS = st.one_of(st.integers(), st.integers(-5, 600), st.sampled_from(
    [2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, 10**30, -(2**63)])).map(str)
FLOATS = st.floats(allow_nan=True, allow_infinity=True).map(repr)
VALUE = st.one_of(TEXT, NUMBERS, FLOATS, st.sampled_from(
    ["", " ", "2025-03-03", "2025-02-30", "-date", "fatalities", "0,0,1,1", "nan,nan,nan,nan",
     "-180,-90,180,90", "1e309", "²", "١٢٣", "%00", "\x00", "csv", "1-2", "99999999999-1"]))
FILTER_KEYS = ["type", "family", "country", "status", "place", "actor", "since", "until",
               "text", "bbox", "article", "limit", "offset", "sort", "page", "q", "hl", "fmt"]
PARAMS = st.lists(st.tuples(st.sampled_from(FILTER_KEYS), VALUE), max_size=8)
RAW_QUERY = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789%&=+;._-~[]{}'\"<>"),
                    max_size=60)
# Finite floats: httpx will not send NaN or Infinity as JSON (raw bodies carry them).
JSON = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(),
                              st.floats(allow_nan=False, allow_infinity=False), TEXT),
                    lambda inner: st.one_of(st.lists(inner, max_size=3),
                                            st.dictionaries(TEXT, inner, max_size=3)),
                    max_leaves=10)


@pytest.fixture(scope="module")
def app_store(tmp_path_factory):  # noqa: ANN001, ANN201
    tmp = tmp_path_factory.mktemp("fuzzapi")
    settings = web_fixtures.make_settings(tmp, web_rate_burst=10**9, web_rate_per_second=10**6)
    engine = open_engine(settings.db_url)
    web_fixtures.fill_store(engine)
    token = new_token(engine, add_user(engine, "fuzzer", web_fixtures.PASSWORD))
    before = queries.counts(engine)
    with TestClient(create_app(settings, engine=engine), raise_server_exceptions=False) as c:
        event_ids = [e["id"] for e in c.get("/api/events").json()["events"]]
        yield {"client": c, "engine": engine, "auth": {"Authorization": f"Bearer {token}"},
               "event_ids": event_ids}
    after = queries.counts(engine)
    assert (after["articles"], after["events"]) == (before["articles"], before["events"])


def _check(tally, family: str, response) -> None:  # noqa: ANN001
    tally[f"api: {family}"]["inputs"] += 1
    if response.status_code >= 500:
        tally[f"api: {family}"]["server_errors"] += 1
        raise AssertionError(f"{family}: {response.status_code} for "
                             f"{response.request.method} {response.request.url}: "
                             f"{response.text[:300]}")


@given(path=st.sampled_from(["/api/events", "/api/stats", "/api/map.geojson",
                             "/api/export.csv", "/api/export.geojson", "/api/export.jsonl"]),
       params=PARAMS)
def test_event_filters(app_store, tally, path, params):  # noqa: ANN001
    _check(tally, "event lists and exports", app_store["client"].get(path, params=params))


@given(path=st.sampled_from(["/api/articles", "/api/places", "/api/actors", "/api/proposals",
                             "/articles", "/events", "/", "/map", "/proposals"]),
       params=PARAMS)
def test_lists_and_pages(app_store, tally, path, params):  # noqa: ANN001
    _check(tally, "lists and pages", app_store["client"].get(path, params=params))


@given(prefix=st.sampled_from(["/api/articles/", "/articles/", "/api/events/", "/events/",
                               "/api/events/{id}/audit#", "/api/export."]),
       segment=st.one_of(TEXT, NUMBERS), params=PARAMS)
def test_path_segments(app_store, tally, prefix, segment, params):  # noqa: ANN001
    url = prefix.split("{id}")[0].rstrip("#") + quote(segment, safe="")
    if "{id}" in prefix:
        url = f"/api/events/{quote(segment, safe='')}/audit"
    _check(tally, "path segments", app_store["client"].get(url, params=params))


@given(path=st.sampled_from(["/api/events", "/events", "/api/articles", "/articles/1",
                             "/api/map.geojson", "/api/export.csv"]), raw=RAW_QUERY)
def test_raw_query_strings(app_store, tally, path, raw):  # noqa: ANN001
    _check(tally, "raw query strings", app_store["client"].get(f"{path}?{raw}"))


@given(body=st.one_of(JSON, st.fixed_dictionaries(
    {"action": st.one_of(st.sampled_from(["confirm", "reject", "edit"]), JSON)},
    optional={"note": st.one_of(TEXT, JSON), "edits": st.one_of(
        st.dictionaries(st.one_of(st.sampled_from(["fatalities_min", "injured_max", "place",
                                                   "date_start", "type"]), TEXT),
                        st.one_of(VALUE, JSON), max_size=4), JSON)})),
       which=st.integers(0, 3))
def test_review_bodies(app_store, tally, body, which):  # noqa: ANN001
    ids = app_store["event_ids"]
    event_id = ids[which % len(ids)] if which < 3 else "ev_missing"
    response = app_store["client"].post(f"/api/events/{event_id}/review", json=body,
                                        headers=app_store["auth"])
    _check(tally, "review bodies", response)


@given(body=st.one_of(JSON, st.fixed_dictionaries({"name": st.one_of(TEXT, JSON),
                                                   "password": st.one_of(TEXT, JSON)})),
       raw=st.one_of(st.none(), st.binary(max_size=200), st.sampled_from(
           [b'{"name": NaN, "password": Infinity}', b'{"name": "a", "password": "b"' * 3,
            b'{"name": "\\ud800", "password": "x"}', b"[" * 5000, b'{"name": 1e999}'])))
def test_token_bodies(app_store, tally, body, raw):  # noqa: ANN001
    client = app_store["client"]
    if raw is None:
        response = client.post("/api/tokens", json=body)
    else:
        response = client.post("/api/tokens", content=raw,
                               headers={"Content-Type": "application/json"})
    _check(tally, "token bodies", response)


@given(fields=st.dictionaries(st.sampled_from(["name", "password", "csrf_token", "text", "url",
                                               "published", "action", "note", "place"]),
                              TEXT, max_size=5),
       path=st.sampled_from(["/login", "/logout", "/add", "/events/{id}/review"]))
def test_form_posts(app_store, tally, fields, path):  # noqa: ANN001
    url = path.replace("{id}", app_store["event_ids"][0])
    _check(tally, "form posts", app_store["client"].post(url, data=fields))
