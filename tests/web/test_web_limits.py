"""Finding 1 (issue 17): bodies are capped as they stream in, before any parsing or
sign-in check -- a chunked body, which has no Content-Length, included."""
from __future__ import annotations

import asyncio

import pytest

from dateline.web import create_app
from live_server import peak_rss_kb, send_chunked, serve
from web_fixtures import make_settings

CHUNK = 64 * 1024
# Valid starts, so each parser really consumes the body (a wrong start fails early anyway).
MULTIPART_HEAD = (b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="big.txt"'
                  b"\r\nContent-Type: text/plain\r\n\r\n")
STARTS = {b"application/json": b'{"name": "', b"multipart/form-data; boundary=xyz": MULTIPART_HEAD,
          b"application/x-www-form-urlencoded": b"text="}


def _drive(app, path: str, content_type: bytes, chunks: int) -> tuple[int, int]:  # noqa: ANN001
    """Call the ASGI app with a chunked body of ``chunks`` pieces; return (status, pieces read)."""
    read = 0
    statuses: list[int] = []

    async def receive() -> dict:
        nonlocal read
        read += 1
        more = read < chunks
        start = STARTS[content_type] if read == 1 else b""
        return {"type": "http.request", "body": start + b"a" * CHUNK, "more_body": more}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    scope = {"type": "http", "http_version": "1.1", "method": "POST", "path": path,
             "raw_path": path.encode(), "root_path": "", "scheme": "http", "query_string": b"",
             "headers": [(b"host", b"testserver"), (b"content-type", content_type),
                         (b"transfer-encoding", b"chunked")],
             "client": ("127.0.0.1", 5000), "server": ("testserver", 80)}
    asyncio.run(app(scope, receive, send))
    return statuses[0], read


@pytest.mark.parametrize("path,content_type", [
    ("/api/tokens", b"application/json"),
    ("/add", b"multipart/form-data; boundary=xyz"),
    ("/login", b"application/x-www-form-urlencoded"),
    ("/events/ev_x/review", b"application/x-www-form-urlencoded"),
])
def test_a_chunked_body_is_cut_off_at_the_cap(store, path, content_type):  # noqa: ANN001
    settings = make_settings(store["tmp"], web_max_upload_bytes=4 * CHUNK)
    app = create_app(settings, engine=store["engine"])
    status, read = _drive(app, path, content_type, chunks=400)  # 25 MB offered
    assert status == 413
    assert read <= 5  # stopped right after the cap, not after the whole body


def test_a_declared_length_over_the_cap_is_refused_unread(store):  # noqa: ANN001
    from fastapi.testclient import TestClient

    settings = make_settings(store["tmp"], web_max_upload_bytes=1000)
    with TestClient(create_app(settings, engine=store["engine"])) as client:
        r = client.post("/api/tokens", content=b"x" * 5000,
                        headers={"content-type": "application/json"})
        assert r.status_code == 413 and "1000-byte limit" in r.json()["detail"]
        assert r.headers["x-frame-options"] == "DENY"
        under = client.post("/api/tokens", json={"name": "analyst", "password": "wrong one"})
        assert under.status_code == 401  # bodies under the cap are untouched


def test_sixty_megabytes_chunked_to_a_real_server(tmp_path):  # noqa: ANN001
    """Done-when of issue 17: 413, and the server's peak memory grows < 100 MB."""
    with serve(tmp_path / "live.sqlite") as (port, pid):
        before = peak_rss_kb(pid)
        for path, media in (("/api/tokens", "application/json"),
                            ("/add", "multipart/form-data; boundary=xyz")):
            status, sent = send_chunked(port, path, 60 * 1024 * 1024, content_type=media,
                                        start=STARTS[media.encode()])
            assert status == 413, (path, status)
            assert sent < 60 * 1024 * 1024  # cut off, not read to the end
        grown_mb = (peak_rss_kb(pid) - before) / 1024
        assert grown_mb < 100, f"peak memory grew by {grown_mb:.0f} MB"
