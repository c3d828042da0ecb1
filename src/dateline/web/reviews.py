"""Analyst reviews: confirm, reject or edit an event, with a note.

The extraction in the store is never changed: a review keeps the edited values
beside it (``reviews``) and every change appends a row to ``audit_log`` with the
review before and after. Readers see the event with the edits applied and the
review attached (``event["review"]``, which also keeps the extracted values).
"""
from __future__ import annotations

import copy
import re
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, insert, select, update

from ..errors import InputError
from . import auth_schema as t

ACTIONS = {"confirm": "confirmed", "reject": "rejected", "edit": "edited"}
# Editable fields: name -> (parser, path in the contract event).
INT_FIELDS = {"fatalities_min": ("fatalities", "min"), "fatalities_max": ("fatalities", "max"),
              "injured_min": ("injured", "min"), "injured_max": ("injured", "max")}
DATE_FIELDS = {"date_start": ("date", "start"), "date_end": ("date", "end")}
TEXT_FIELDS = {"type": (None, "type"), "subtype": (None, "subtype"), "place": ("location", "name")}
EDITABLE = (*TEXT_FIELDS, *DATE_FIELDS, *INT_FIELDS)
WHOLE_NUMBER = re.compile(r"[0-9]{1,8}")


def clean_edits(raw: dict[str, Any]) -> dict[str, Any]:
    """Keep the non-empty editable fields, parsed; refuse bad values with one clear line."""
    edits: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in EDITABLE:
            raise InputError(f"field {name!r} cannot be edited; editable: {', '.join(EDITABLE)}")
        if value is None or str(value).strip() == "":
            continue
        value = str(value).strip()
        if name in INT_FIELDS:
            # ASCII digits only: str.isdigit() is true for "²" and "٣", which int() refuses
            # or reads as another number; eight digits bound the value before int().
            if not WHOLE_NUMBER.fullmatch(value) or int(value) > 10_000_000:
                raise InputError(f"{name}: {value!r} is not a whole number >= 0")
            edits[name] = int(value)
        elif name in DATE_FIELDS:
            try:
                edits[name] = date.fromisoformat(value).isoformat()
            except ValueError as exc:
                raise InputError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from exc
        else:
            if len(value) > 200:
                raise InputError(f"{name}: longer than 200 characters")
            edits[name] = value
    return edits


def _review_dict(row: Any) -> dict[str, Any]:
    return {"state": row.state, "edits": dict(row.edits or {}), "note": row.note,
            "by": row.user_name, "at": row.updated_at.isoformat()}


def reviews_for(engine: Engine, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    if not event_ids:
        return {}
    with engine.connect() as conn:
        rows = conn.execute(select(t.reviews).where(t.reviews.c.event_id.in_(event_ids))).all()
    return {row.event_id: _review_dict(row) for row in rows}


def audit_for(engine: Engine, event_id: str) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(t.audit_log).where(t.audit_log.c.event_id == event_id)
                            .order_by(t.audit_log.c.at, t.audit_log.c.id)).all()
    return [{"id": r.id, "user": r.user_name, "at": r.at.isoformat(), "action": r.action,
             "note": r.note, "before": r.before, "after": r.after} for r in rows]


def record_review(engine: Engine, event_id: str, *, user: str, action: str, note: str | None,
                  edits: dict[str, Any] | None = None) -> dict[str, Any]:
    """Store the analyst's verdict; returns the review as it now stands."""
    if action not in ACTIONS:
        raise InputError(f"action {action!r}: choose confirm, reject or edit")
    note = (note or "").strip()[:2000] or None
    edits = clean_edits(edits or {})
    if action == "edit" and not edits:
        raise InputError("edit: change at least one field")
    now = datetime.now(UTC)
    with engine.begin() as conn:
        row = conn.execute(select(t.reviews).where(t.reviews.c.event_id == event_id)).first()
        before = _review_dict(row) if row else None
        merged = {**(before["edits"] if before else {}), **edits}
        values = {"state": ACTIONS[action], "edits": merged, "note": note, "user_name": user,
                  "updated_at": now}
        if row is None:
            conn.execute(insert(t.reviews).values(event_id=event_id, **values))
        else:
            conn.execute(update(t.reviews).where(t.reviews.c.event_id == event_id).values(**values))
        after = {"state": values["state"], "edits": merged, "note": note, "by": user,
                 "at": now.isoformat()}
        conn.execute(insert(t.audit_log).values(event_id=event_id, user_name=user, at=now,
                                                action=action, note=note, before=before,
                                                after=after))
    return after


def with_review(event: dict[str, Any], review: dict[str, Any] | None) -> dict[str, Any]:
    """The event as analysts left it: edits applied, ``review`` holding the extracted values."""
    if review is None:
        return event
    shown = copy.deepcopy(event)
    original: dict[str, Any] = {}
    for name, value in review["edits"].items():
        parent, key = {**TEXT_FIELDS, **DATE_FIELDS, **INT_FIELDS}[name]
        holder = shown if parent is None else (shown.get(parent) or {})
        original[name] = holder.get(key)
        holder[key] = value
        if parent is not None:
            shown[parent] = holder
    shown["review"] = {**review, "original": original}
    return shown
