"""The situation brief: what happened in a period (and countries), each real event
counted once, built from the stored, fused record; rendered as Markdown, HTML or
JSON (schema ``dateline.brief/1``, docs/brief.md)."""
from .build import BriefRequest, build_brief
from .model import SCHEMA, Brief

__all__ = ["SCHEMA", "Brief", "BriefRequest", "build_brief"]
