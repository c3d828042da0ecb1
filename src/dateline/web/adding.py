"""The /add page's work: pasted text, an uploaded file or a URL, ingested through the
ingest runner (same reading, extraction, de-duplication and store as `dateline ingest`).

Pasted text goes through a one-line JSONL file so its publication date travels
with it; an upload is written under its own (sanitised) name; a URL is fetched by
the runner's SSRF-safe fetcher. The stored article is then found by its raw hash
(or its URL), so a duplicate submission leads to the article already there.
"""
from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from ..errors import DatelineError, InputError
from ..ingest import dedup
from ..ingest.runner import run_ingest
from ..settings import Settings
from .queries_extra import article_id_for


@dataclass(slots=True)
class AddResult:
    article_id: int | None = None
    events: int = 0
    duplicate: bool = False
    errors: list[str] = field(default_factory=list)


def _safe_name(name: str) -> str:
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name).strip("._") or "upload"
    return base[:100]


def add_article(settings: Settings, engine: Engine, *, text: str | None, url: str | None,
                file: tuple[str, bytes, str | None] | None, published: str | None,
                user: str) -> AddResult:
    """Ingest one submission; every failure comes back as a one-line message."""
    given = [bool(text and text.strip()), bool(url and url.strip()), file is not None]
    if sum(given) != 1:
        return AddResult(errors=["give exactly one of: pasted text, a file or a URL"])
    try:
        day = date.fromisoformat(published).isoformat() if published else None
    except ValueError:
        return AddResult(errors=[f"published {published!r} is not a date (YYYY-MM-DD)"])
    try:
        with tempfile.TemporaryDirectory(prefix="dateline-add-") as tmp:
            if text and text.strip():
                if len(text.encode("utf-8", "surrogatepass")) > settings.web_max_upload_bytes:
                    raise InputError("the pasted text is over the upload limit")
                spec = Path(tmp) / f"pasted-by-{_safe_name(user)}.jsonl"
                spec.write_text(json.dumps({"text": text, "published": day}) + "\n",
                                encoding="utf-8")
                lookup = {"raw_hash": dedup.raw_hash(text.encode("utf-8", "surrogatepass"))}
            elif file is not None:
                name, data, _ = file
                if len(data) > settings.web_max_upload_bytes:
                    raise InputError(f"{name}: over the {settings.web_max_upload_bytes}-byte limit")
                spec = Path(tmp) / _safe_name(name)
                spec.write_bytes(data)
                lookup = {"raw_hash": dedup.raw_hash(data)}
            else:
                url = (url or "").strip()
                if not url.startswith(("http://", "https://")):
                    raise InputError(f"{url!r} is not an http(s) URL")
                spec, lookup = url, {"origin": url}
            summary = run_ingest([str(spec)], settings=settings, engine=engine)
    except DatelineError as exc:
        return AddResult(errors=[str(exc)])
    result = AddResult(events=summary.events, duplicate=summary.duplicates > 0,
                       errors=[f.reason for f in summary.failures])
    result.article_id = article_id_for(engine, **lookup)
    if result.article_id is None and not result.errors:
        result.errors.append("nothing was stored (the input had no readable article)")
    return result
