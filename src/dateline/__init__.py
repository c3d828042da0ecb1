"""dateline: war and diplomacy reporting turned into a sourced, dated, geocoded record of events.

    import dateline
    result = dateline.extract(text, published="2025-11-25")
    result.events[0].to_dict()
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ConfigError, DatelineError, FetchError, GazetteerError, InputError, StoreError
from .models import Article, EventMention, Extraction, Place, Quantity, Quote

if TYPE_CHECKING:
    from .extraction.pipeline import Extractor

__version__ = "0.1.0"
__all__ = ["extract", "extract_article", "Article", "EventMention", "Extraction", "Place",
           "Quantity", "Quote", "DatelineError", "InputError", "FetchError", "GazetteerError",
           "StoreError", "ConfigError", "__version__"]


@lru_cache(maxsize=1)
def _default_extractor() -> Extractor:
    from .extraction.pipeline import Extractor
    from .settings import Settings

    return Extractor.from_settings(Settings.load())


def extract(text: str, *, published: date | str | None = None) -> Extraction:
    """Extract the events of one plain-text or HTML article (the `dateline extract` data)."""
    from .ingest.read import looks_like_html, read_html, read_text

    if not isinstance(text, str) or not text.strip():
        raise InputError("empty input")
    article = read_html(text, published=published) if looks_like_html(text) else read_text(text, published=published)
    return _default_extractor().extract_article(article)


def extract_article(article: Article) -> Extraction:
    """Extract the events of an Article already read (see dateline.ingest.read)."""
    return _default_extractor().extract_article(article)
