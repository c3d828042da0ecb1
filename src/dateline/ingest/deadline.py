"""A total deadline for one fetch, enforced on every socket operation.

httpx's timeouts are per operation: a server that sends one header byte a second
never trips a 4-second read timeout, and would hold an ingest for as long as it
likes. Here each connect, TLS handshake, read and write is given at most the time
left before the fetch's deadline, so connect + headers + body together can never
take longer than the fetch timeout.

``DeadlineTransport`` is httpx's own transport with its connection pool built on
``DeadlineBackend`` (httpcore's sync backend, wrapped). The deadline lives in a
thread-local, so one fetcher may serve several threads.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx


class _Deadline(threading.local):
    at: float | None = None


class DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self._inner, self._deadline = inner, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(self._deadline, timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(self._deadline, timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,  # noqa: ANN401
                  timeout: float | None = None) -> httpcore.NetworkStream:
        left = _left(self._deadline, timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, left),
                              self._deadline)

    def get_extra_info(self, info: str) -> Any:  # noqa: ANN401 - httpcore's signature
        return self._inner.get_extra_info(info)


def _left(deadline: _Deadline, timeout: float | None, error: type[Exception]) -> float | None:
    """The smaller of the operation's own timeout and the time left; past it, ``error``."""
    if deadline.at is None:
        return timeout
    left = deadline.at - time.monotonic()
    if left <= 0:
        raise error("the fetch deadline has passed")
    return left if timeout is None else min(timeout, left)


class DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self.deadline = _Deadline()
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        left = _left(self.deadline, timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, left, local_address, socket_options)
        return DeadlineStream(stream, self.deadline)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None
                            ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    @contextmanager
    def until(self, at: float) -> Iterator[None]:
        """Every socket operation inside the block ends by monotonic time ``at``."""
        self.deadline.at = at
        try:
            yield
        finally:
            self.deadline.at = None


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport (no proxy, no environment), its pool on a DeadlineBackend."""

    def __init__(self, backend: DeadlineBackend) -> None:
        super().__init__(trust_env=False)
        # httpx (pinned ==0.28.1) takes no network backend: the pool it built is
        # replaced by the same pool on ours.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False), network_backend=backend)
