"""Fetching: SSRF refusal, redirects checked hop by hop, size cap, types, timeouts."""
from __future__ import annotations

import pytest

from dateline.errors import FetchError
from dateline.ingest.fetch import HttpFetcher, is_public_address


@pytest.mark.parametrize(("address", "public"), [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.9", False), ("172.16.5.5", False),
    ("169.254.169.254", False), ("::1", False), ("fe80::1", False), ("0.0.0.0", False),
    ("::ffff:127.0.0.1", False), ("100.64.0.1", False), ("224.0.0.1", False),
    ("93.184.216.34", True), ("2606:4700::1111", True),
])
def test_public_address_check(address, public):
    assert is_public_address(address) is public


def test_loopback_is_refused_by_default(site):
    url = site.add("/a", "<html><body><p>hello</p></body></html>")
    with HttpFetcher() as fetcher, pytest.raises(FetchError, match="refused.*--allow-private"):
        fetcher.fetch(url)
    assert site.hits == []  # refused before any connection
    with HttpFetcher(allow_private=True) as fetcher:
        result = fetcher.fetch(url)
    assert result.status == 200 and result.content_type == "text/html"
    assert b"hello" in result.body


def test_localhost_name_is_refused_after_resolution(site):
    url = site.add("/a", "<p>x</p>").replace("127.0.0.1", "localhost")
    with HttpFetcher() as fetcher, pytest.raises(FetchError, match="refused"):
        fetcher.fetch(url)


def test_every_redirect_hop_is_checked(site):
    """A public page redirecting inward is refused at the hop that goes private."""
    final = site.add("/final", "<p>article</p>")
    site.add("/hop2", b"", status=302, headers={"Location": "/final"})
    site.add("/hop1", b"", status=301, headers={"Location": site.base + "/hop2"})
    with HttpFetcher(allow_private=True) as fetcher:
        result = fetcher.fetch(site.base + "/hop1")
    assert result.url == final and site.hits == ["/hop1", "/hop2", "/final"]

    class PublicFirstHop(HttpFetcher):
        """Treats only the first hop's host as public, as if DNS said so."""

        def _target(self, url):  # noqa: ANN001, ANN202
            self.allow_private = url.endswith("/hop1")
            return super()._target(url)

    site.hits.clear()
    with PublicFirstHop() as fetcher, pytest.raises(FetchError, match="refused"):
        fetcher.fetch(site.base + "/hop1")
    assert site.hits == ["/hop1"]


def test_redirect_limit(site):
    site.add("/loop", b"", status=302, headers={"Location": "/loop"})
    with HttpFetcher(allow_private=True, max_redirects=3) as fetcher, \
            pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher.fetch(site.base + "/loop")
    assert len(site.hits) == 4


def test_size_cap_declared_and_streamed(site):
    big = site.add("/big", b"x" * 5000)
    with HttpFetcher(allow_private=True, max_bytes=1000) as fetcher, \
            pytest.raises(FetchError, match="1000-byte cap"):
        fetcher.fetch(big)
    # No Content-Length: the body is streamed and cut off at the cap.
    site.routes["/chunked"] = (200, {"Content-Type": "text/html", "Content-Length": ""},
                               b"y" * 5000, 0.0)
    with HttpFetcher(allow_private=True, max_bytes=1000) as fetcher, \
            pytest.raises(FetchError, match="cap"):
        fetcher.fetch(site.base + "/chunked")


def test_http_error_type_and_timeout(site):
    with HttpFetcher(allow_private=True) as fetcher:
        with pytest.raises(FetchError, match="HTTP 404"):
            fetcher.fetch(site.base + "/missing")
        url = site.add("/img", b"\x89PNG....", content_type="image/png")
        with pytest.raises(FetchError, match="unsupported content type 'image/png'"):
            fetcher.fetch(url)
        with pytest.raises(FetchError, match="only http and https"):
            fetcher.fetch("file:///etc/passwd")
    slow = site.add("/slow", "<p>late</p>", delay=1.5)
    with HttpFetcher(allow_private=True, timeout=0.5) as fetcher, \
            pytest.raises(FetchError, match="timed out"):
        fetcher.fetch(slow)
