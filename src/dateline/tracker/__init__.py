"""The peace-process tracker: proposals, versions, provisions and each party's stance.

    from dateline.tracker import build, matrix, timeline, to_dict
    proposals = build([(article_id, extraction), ...])

Rules live in ``tracker/data`` (no spaCy here); see docs/tracker.md.
"""
from .build import build, matrix, matrix_to_dict, merge, read_articles, timeline, to_dict
from .models import Proposal, Provision, Stance, Version

__all__ = ["build", "matrix", "matrix_to_dict", "merge", "read_articles", "timeline", "to_dict",
           "Proposal", "Provision", "Stance", "Version"]
