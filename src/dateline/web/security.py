"""Request guards: security headers (CSP), body size cap, per-address rate limit, CSRF.

The rate limit is a token bucket per client address, kept in memory: enough for
one server process; behind several workers each keeps its own buckets.
"""
from __future__ import annotations

import secrets
import threading
import time

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")
CSRF_COOKIE = "dateline_csrf"
CSRF_FIELD = "csrf_token"


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


class GuardMiddleware(BaseHTTPMiddleware):
    def __init__(self, app, *, bucket: TokenBucket, max_body: int) -> None:  # noqa: ANN001
        super().__init__(app)
        self.bucket, self.max_body = bucket, max_body

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        client = request.client.host if request.client else "unknown"
        if not request.url.path.startswith("/static/") and not self.bucket.allow(client):
            return JSONResponse({"detail": "too many requests; slow down"}, status_code=429,
                                headers={"Retry-After": "1"})
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return PlainTextResponse(f"request body over the {self.max_body}-byte limit",
                                     status_code=413)
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response


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
    return bool(cookie and submitted and secrets.compare_digest(cookie, submitted))
