"""Request guards: security headers (CSP), a streamed body cap, per-address rate limit,
per-account login throttle, CSRF.

``GuardMiddleware`` is plain ASGI, outermost in the app, so its checks run before
any body is parsed and before any sign-in check. The body cap counts the bytes as
they arrive: a ``Content-Length`` over the cap is refused at once, and a chunked
body (which has no length) is cut off the moment it passes the cap -- never read
whole into memory or a temp file.

The rate limit is a token bucket per client address, kept in memory: enough for
one server process; behind several workers each keeps its own buckets. The client
address is the socket's peer unless ``dateline serve --forwarded-allow-ips`` names
the proxy whose ``X-Forwarded-For`` may be believed (see docs/security.md).
"""
from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")
SECURITY_HEADERS = ((b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"))
CSRF_COOKIE = "dateline_csrf"
CSRF_FIELD = "csrf_token"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class TokenBucket:
    """``rate`` tokens a second up to ``burst``, one bucket per key."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            allowed = tokens >= 1.0
            self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
            if len(self._buckets) > 100_000:  # forget idle clients rather than grow forever
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 60}
            return allowed


class LoginThrottle:
    """Failed sign-ins per account name: after ``failures`` misses within ``window``
    seconds the name is locked for the rest of that window, whatever address the
    guesses come from (the per-address bucket alone lets a botnet guess freely)."""

    def __init__(self, failures: int = 10, window: float = 300.0) -> None:
        self.failures, self.window = failures, window
        self._misses: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, name: str, now: float) -> list[float]:
        misses = [t for t in self._misses.get(name, ()) if now - t < self.window]
        if misses:
            self._misses[name] = misses
        else:
            self._misses.pop(name, None)
        return misses

    def locked_for(self, name: str) -> float:
        """Seconds until ``name`` may try again (0 when it may now)."""
        now = time.monotonic()
        with self._lock:
            misses = self._recent(name.lower(), now)
            if len(misses) < self.failures:
                return 0.0
            return max(1.0, self.window - (now - misses[0]))

    def failed(self, name: str) -> None:
        now = time.monotonic()
        with self._lock:
            key = name.lower()
            self._misses[key] = [*self._recent(key, now), now][-self.failures:]
            if len(self._misses) > 100_000:  # bounded memory under a spray of names
                self._misses = {k: v for k, v in self._misses.items() if now - v[-1] < self.window}

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._misses.pop(name.lower(), None)


class BodyTooLarge(Exception):
    """Raised from ``receive`` when the body passes the cap; the middleware answers 413."""


async def _plain(send: Send, status: int, message: str, headers: dict[str, str] | None = None
                 ) -> None:
    body = json.dumps({"detail": message}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
           *((k.lower().encode(), v.encode()) for k, v in (headers or {}).items()),
           *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class GuardMiddleware:
    def __init__(self, app: ASGIApp, *, bucket: TokenBucket, max_body: int) -> None:
        self.app, self.bucket, self.max_body = app, bucket, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        address = client[0] if client else "unknown"
        if not scope["path"].startswith("/static/") and not self.bucket.allow(address):
            await _plain(send, 429, "too many requests; slow down", {"Retry-After": "1"})
            return
        too_large = f"request body over the {self.max_body}-byte limit"
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _plain(send, 413, too_large, {"Connection": "close"})
            return
        received = 0
        state = {"started": False, "over": False}

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    state["over"] = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                if state["over"]:  # a handler turned the cut-off into its own answer
                    return
                state["started"] = True
                present = {k.lower() for k, _ in message.get("headers", ())}
                message["headers"] = [*message.get("headers", ()),
                                      *((k, v) for k, v in SECURITY_HEADERS if k not in present)]
            elif state["over"] and not state["started"]:
                return
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except BodyTooLarge:
            pass
        if state["over"] and not state["started"]:
            await _plain(send, 413, too_large, {"Connection": "close"})


def csrf_token(request: Request) -> str:
    """The double-submit token: the cookie's value, or a new one (set by ``set_csrf``)."""
    token = request.cookies.get(CSRF_COOKIE)
    if not token:
        token = request.state.__dict__.setdefault("new_csrf", secrets.token_urlsafe(24))
    return token


def set_csrf(request: Request, response: Response) -> None:
    new = request.state.__dict__.get("new_csrf")
    if new:
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="lax",
                            secure=request.url.scheme == "https", path="/")


def csrf_ok(request: Request, submitted: str | None) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE)
    # As bytes: compare_digest raises TypeError on non-ASCII str (a 500, found by fuzzing).
    return bool(cookie and submitted and secrets.compare_digest(
        cookie.encode("utf-8", "surrogateescape"), submitted.encode("utf-8", "surrogateescape")))
