"""Finding 7 (issue 17): session cookies and API tokens are separate kinds, both
expire, both can be revoked, and only their SHA-256 is stored."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from dateline.web import auth_schema as t
from dateline.web.accounts import find_user, new_token, user_for_token
from dateline.web.deps import SESSION_COOKIE


def _event_url(client) -> str:  # noqa: ANN001
    return f"/api/events/{client.get('/api/events').json()['events'][0]['id']}/review"


def test_a_session_cookie_is_no_bearer_token(client, store):  # noqa: ANN001
    session = new_token(store["engine"], find_user(store["engine"], "analyst"), kind="session")
    r = client.post(_event_url(client), json={"action": "confirm"},
                    headers={"Authorization": f"Bearer {session}"})
    assert r.status_code == 401


def test_an_api_token_is_no_session_cookie(client, store):  # noqa: ANN001
    client.cookies.set(SESSION_COOKIE, store["token"])
    page = client.get("/add")
    assert 'data-user="analyst"' not in page.text  # not signed in by an API token
    assert user_for_token(store["engine"], store["token"], kind="session") is None
    assert user_for_token(store["engine"], store["token"], kind="api").name == "analyst"


def test_api_tokens_expire(client, store, auth):  # noqa: ANN001
    assert client.post(_event_url(client), json={"action": "confirm"}, headers=auth).status_code == 200
    with store["engine"].begin() as conn:
        expires = conn.scalar(select(t.api_tokens.c.expires_at).where(t.api_tokens.c.kind == "api"))
        assert expires is not None  # every token has an end
        conn.execute(update(t.api_tokens).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    assert client.post(_event_url(client), json={"action": "confirm"}, headers=auth).status_code == 401


def test_revoking_the_current_token(client, store):  # noqa: ANN001
    token = client.post("/api/tokens", json={"name": "analyst",
                                             "password": "correct horse battery"}).json()
    assert token["expires_in_days"] == 90
    headers = {"Authorization": f"Bearer {token['token']}"}
    assert client.delete("/api/tokens/current", headers=headers).status_code == 200
    assert client.post(_event_url(client), json={"action": "confirm"},
                       headers=headers).status_code == 401
    with store["engine"].connect() as conn:  # only hashes are kept
        stored = set(conn.scalars(select(t.api_tokens.c.token_hash)))
    assert store["token"] not in stored and all(len(h) == 64 for h in stored)
