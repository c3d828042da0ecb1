"""WARC / WARC.gz archives (Common Crawl News and the like), streamed record by record."""
from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ..models import ArticleError
from .sources import RawDocument

ARTICLE_MEDIA = ("text/html", "application/xhtml+xml", "text/plain")


def iter_warc(path: Path, *, max_bytes: int) -> Iterator[RawDocument | ArticleError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        count = 0
        while True:
            try:
                record = next(records)
                count += 1
                document = _document(path, record, max_bytes=max_bytes)
            except StopIteration:
                problem = _gzip_problem(path) if path.name.lower().endswith(".gz") else None
                if problem is None and count == 0 and path.stat().st_size > 0:
                    problem = "no complete WARC record"
                if problem:
                    yield ArticleError(str(path), f"{path}: damaged archive: {problem}",
                                       "malformed")
                return
            except (ArchiveLoadFailed, ValueError, OSError, EOFError, AttributeError,
                    KeyError, IndexError, TypeError, zlib.error) as exc:
                # A damaged or truncated archive (warcio fails in many ways on one: an
                # AttributeError on a cut header, EOFError or zlib.error inside a
                # member): report it and stop; the records before it are kept.
                yield ArticleError(str(path), f"{path}: damaged archive: "
                                   f"{type(exc).__name__}: {exc}", "malformed")
                return
            if document is not None:
                yield document


def _gzip_problem(path: Path) -> str | None:
    """Why the gzip stream of ``path`` is incomplete, or None. warcio ends quietly when
    an archive is cut inside a record's headers or between members; a second,
    streamed pass through gzip (CPU only, 1 MB at a time) is what notices."""
    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error) as exc:
        return f"truncated or corrupt gzip ({exc})"
    return None


def _document(path: Path, record, *, max_bytes: int) -> RawDocument | ArticleError | None:  # noqa: ANN001
    if record.rec_type not in ("response", "resource", "conversion"):
        return None
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    name = f"{path}#{headers.get_header('WARC-Record-ID') or url}"
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode()
        if not status or not status.startswith("2"):
            return None  # redirects and errors the crawler stored are not articles
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = headers.get_header("Content-Type") or ""
    media = content_type.split(";")[0].strip().lower()
    if media and not media.startswith(ARTICLE_MEDIA):
        return None  # images, scripts...: not articles, and not errors either
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return ArticleError(name, f"{name}: record is over the {max_bytes}-byte limit",
                            "too_large")
    if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ended inside this record
        return ArticleError(name, f"{name}: truncated record ({record.raw_stream.limit} "
                            "bytes missing)", "malformed")
    crawl = headers.get_header("WARC-Date") or ""
    try:
        crawl_date = date.fromisoformat(crawl[:10]) if crawl else None
    except ValueError:
        crawl_date = None
    return RawDocument(name=name, data=data, content_type=media or None, url=url,
                       fallback_published=crawl_date)
