"""Fetching URLs safely: timeouts, a streamed size cap, content-type checks, and
redirects followed by hand so every hop is checked.

SSRF: the host is resolved once per hop and every address must be public
(private, loopback, link-local, multicast, reserved and unspecified addresses are
refused unless ``allow_private``). The request then goes to the checked address
itself (Host header and TLS SNI keep the name), so a second DNS answer cannot
swap in an internal address between the check and the connection.
"""
from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from ..errors import FetchError
from ..settings import Settings
from .deadline import DeadlineBackend, DeadlineTransport

ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml", "application/feed+json")
DEFAULT_TYPES = ARTICLE_TYPES + FEED_TYPES
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case ("text/html")
    body: bytes


class Fetcher(Protocol):
    """What ingest (and the scale-out code) needs from a fetcher."""

    def fetch(self, url: str) -> FetchResult: ...

    def close(self) -> None: ...


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified or not ip.is_global)


def resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host}: {exc.strerror}") from exc
    return list(dict.fromkeys(info[4][0] for info in infos))


class HttpFetcher:
    """The default Fetcher, on httpx. One client, reused across fetches."""

    def __init__(self, *, timeout: float = 20.0, max_bytes: int = 10 * 1024 * 1024,
                 max_redirects: int = 5, allow_private: bool = False,
                 accept_types: tuple[str, ...] = DEFAULT_TYPES,
                 user_agent: str = "dateline/0.1 (+https://github.com/dateline)") -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.allow_private = allow_private
        self.accept_types = accept_types
        # Redirects and proxies are ours to handle: never let httpx follow or route.
        # httpx's timeouts are per socket operation; the backend adds the fetch's total
        # deadline to each of them (a server dripping its headers is given up in time).
        self._backend = DeadlineBackend()
        self._client = httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False,
                                    trust_env=False, headers={"User-Agent": user_agent},
                                    transport=DeadlineTransport(self._backend))

    @classmethod
    def from_settings(cls, settings: Settings) -> HttpFetcher:
        return cls(timeout=settings.fetch_timeout, max_bytes=settings.fetch_max_bytes,
                   max_redirects=settings.fetch_max_redirects,
                   allow_private=settings.allow_private)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str) -> FetchResult:
        deadline = time.monotonic() + self.timeout
        current = url
        for _hop in range(self.max_redirects + 1):
            with self._backend.until(deadline):
                status, location, content_type, body = self._one_hop(current, deadline)
            if status in REDIRECTS:
                if not location:
                    raise FetchError(f"{url}: HTTP {status} without a Location header")
                current = urljoin(current, location)
                continue
            return FetchResult(url=current, status=status, content_type=content_type, body=body)
        raise FetchError(f"{url}: more than {self.max_redirects} redirects")

    def _target(self, url: str) -> tuple[str, str, str]:
        """Check the URL and its addresses; return (pinned url, Host header, host)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"{url}: only http and https URLs are fetched")
        host = parts.hostname
        if not host:
            raise FetchError(f"{url}: no host in URL")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = resolve(host, port)
        if not self.allow_private:
            refused = [a for a in addresses if not is_public_address(a)]
            if refused:
                raise FetchError(f"{url}: refused, {host} resolves to a private or local "
                                 f"address ({refused[0]}); use --allow-private to permit it")
        address = addresses[0]
        literal = f"[{address}]" if ":" in address else address
        netloc = f"{literal}:{parts.port}" if parts.port else literal
        host_header = parts.netloc.rsplit("@", 1)[-1]
        return urlunsplit(parts._replace(netloc=netloc)), host_header, host

    def _one_hop(self, url: str, deadline: float) -> tuple[int, str | None, str, bytes]:
        pinned, host_header, host = self._target(url)
        extensions = {"sni_hostname": host} if url.startswith("https") else {}
        try:
            with self._client.stream("GET", pinned, headers={"Host": host_header},
                                     extensions=extensions) as response:
                if response.status_code in REDIRECTS:
                    return response.status_code, response.headers.get("location"), "", b""
                if response.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {response.status_code}")
                content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if content_type and not content_type.startswith(self.accept_types):
                    raise FetchError(f"{url}: unsupported content type {content_type!r}")
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(f"{url}: {declared} bytes is over the "
                                     f"{self.max_bytes}-byte cap")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(f"{url}: body is over the {self.max_bytes}-byte cap")
                    if time.monotonic() > deadline:
                        raise FetchError(f"{url}: timed out after {self.timeout:g}s")
                    chunks.append(chunk)
                return response.status_code, None, content_type, b"".join(chunks)
        except httpx.TimeoutException as exc:
            raise FetchError(f"{url}: timed out after {self.timeout:g}s") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from exc
