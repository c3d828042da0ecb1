"""Finding 6 (issue 17): X-Forwarded-For is believed only from a configured proxy, so
a local client cannot pick the address the rate limit counts; sign-ins are throttled
per account name."""
from __future__ import annotations

import httpx
from fastapi.testclient import TestClient

from dateline.web import create_app
from live_server import serve
from web_fixtures import PASSWORD

LIMITED = {"DATELINE_WEB_RATE_BURST": "5", "DATELINE_WEB_RATE_PER_SECOND": "0.01"}


def _statuses(port: int, n: int) -> list[int]:
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", trust_env=False) as client:
        return [client.get("/api/stats", headers={"X-Forwarded-For": f"203.0.113.{i + 1}"}
                           ).status_code for i in range(n)]


def test_rotating_forwarded_for_from_loopback_does_not_lift_the_rate_limit(tmp_path):  # noqa: ANN001
    with serve(tmp_path / "a.sqlite", env=LIMITED) as (port, _):
        codes = _statuses(port, 12)
    assert codes[:5] == [200] * 5 and set(codes[5:]) == {429}


def test_a_configured_proxy_is_believed(tmp_path):  # noqa: ANN001
    """With --forwarded-allow-ips naming the proxy, each forwarded client has its own bucket."""
    with serve(tmp_path / "b.sqlite", "--forwarded-allow-ips", "127.0.0.1",
               env=LIMITED) as (port, _):
        codes = _statuses(port, 12)
    assert codes == [200] * 12


def test_failed_sign_ins_lock_the_account_name_not_the_others(store):  # noqa: ANN001
    from dateline.web.accounts import add_user

    add_user(store["engine"], "second", PASSWORD)
    with TestClient(create_app(store["settings"], engine=store["engine"])) as client:
        for _ in range(10):
            r = client.post("/api/tokens", json={"name": "analyst", "password": "guess"})
            assert r.status_code == 401
        locked = client.post("/api/tokens", json={"name": "analyst", "password": PASSWORD})
        assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 0
        also = client.post("/api/tokens", json={"name": "ANALYST", "password": PASSWORD})
        assert also.status_code == 429  # the name's case does not open a second lock
        other = client.post("/api/tokens", json={"name": "second", "password": PASSWORD})
        assert other.status_code == 200
        huge = client.post("/api/tokens", json={"name": "second", "password": "x" * 5000})
        assert huge.status_code == 422  # no argon2 work on a megabyte "password"
