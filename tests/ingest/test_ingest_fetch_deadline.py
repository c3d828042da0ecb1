"""Finding 3 (issue 17): the fetch timeout is a total deadline -- connect, headers and
body -- so a server dripping its headers a byte at a time is given up in time."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from ingest_helpers import RULES

from dateline.errors import FetchError
from dateline.ingest.fetch import HttpFetcher
from dateline.ingest.runner import run_ingest
from dateline.settings import Settings
from dateline.store import db


@pytest.fixture()
def drip() -> Iterator[str]:  # noqa: ANN001
    """A loopback server that sends a status line, then one header byte every 0.2 s
    (or, on /body, full headers then one body byte every 0.2 s), for up to 30 s."""
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def handle(conn: socket.socket) -> None:
        with conn:
            request = conn.recv(4096)
            try:
                if b"GET /body" in request:
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                 b"Content-Length: 1000\r\n\r\n")
                else:
                    conn.sendall(b"HTTP/1.1 200 OK\r\nX-Drip: ")
                for _ in range(150):
                    if stop.wait(0.2):
                        return
                    conn.sendall(b"a")
            except OSError:
                return

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    server.close()


@pytest.mark.parametrize("path", ["/headers", "/body"])
def test_a_dripping_server_is_given_up_within_the_timeout(drip, path):  # noqa: ANN001
    fetcher = HttpFetcher(timeout=1.5, allow_private=True)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetcher.fetch(drip + path)
    assert time.monotonic() - started < 2.5
    fetcher.close()


def test_ingest_of_a_dripping_url_ends_in_time_with_an_error_row(drip, tmp_path):  # noqa: ANN001
    url = f"sqlite:///{tmp_path / 'd.sqlite'}"
    settings = Settings.load(db_url=url, extractor=RULES, fetch_timeout=2, allow_private=True)
    started = time.monotonic()
    summary = run_ingest([drip + "/headers"], settings=settings, engine=db.open_engine(url))
    assert time.monotonic() - started < 4
    assert summary.failed == 1 and "timed out" in summary.failures[0].reason


def test_the_deadline_does_not_outlive_its_fetch(site):  # noqa: ANN001
    """A kept-alive connection reused by the next fetch gets that fetch's own deadline."""
    url = site.add("/a", "<p>one</p>")
    fetcher = HttpFetcher(timeout=1.0, allow_private=True)
    assert fetcher.fetch(url).body == b"<p>one</p>"
    time.sleep(1.2)  # past the first fetch's deadline
    assert fetcher.fetch(url).body == b"<p>one</p>"
    fetcher.close()
