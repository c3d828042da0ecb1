"""Users, passwords (argon2) and tokens. Only a SHA-256 of each token is stored, so
a copy of the database does not hand out working tokens. Two kinds, never
interchangeable: browser sessions (the cookie) and API tokens (the bearer header);
both expire and both can be revoked."""
from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.exc import IntegrityError

from ..errors import InputError
from . import auth_schema as t

SESSION_DAYS = 14
API_TOKEN_DAYS = 90
TokenKind = Literal["api", "session"]
KINDS: tuple[TokenKind, ...] = ("api", "session")
NAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")
_hasher = PasswordHasher()


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_user(engine: Engine, name: str, password: str) -> User:
    if not NAME.match(name):
        raise InputError(f"user name {name!r}: use 2-64 letters, digits, '.', '_' or '-'")
    if len(password) < 8:
        raise InputError("password: use at least 8 characters")
    try:
        with engine.begin() as conn:
            user_id = conn.execute(insert(t.users).values(
                name=name, password_hash=_hasher.hash(password), created_at=datetime.now(UTC))
                .returning(t.users.c.id)).scalar_one()
    except IntegrityError as exc:
        raise InputError(f"user {name!r} already exists") from exc
    return User(user_id, name)


def find_user(engine: Engine, name: str) -> User | None:
    with engine.connect() as conn:
        row = conn.execute(select(t.users.c.id, t.users.c.name).where(t.users.c.name == name)).first()
    return User(row.id, row.name) if row else None


def check_password(engine: Engine, name: str, password: str) -> User | None:
    with engine.connect() as conn:
        row = conn.execute(select(t.users).where(t.users.c.name == name)).first()
    if row is None:
        _hasher.hash(password)  # spend the same time, so timing does not reveal names
        return None
    try:
        _hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return User(row.id, row.name)


def new_token(engine: Engine, user: User, *, kind: TokenKind = "api",
              days: int | None = None) -> str:
    """A fresh random token for ``user``. Both kinds expire: sessions after
    SESSION_DAYS, API tokens after ``days`` (API_TOKEN_DAYS unless given)."""
    if kind not in KINDS:
        raise InputError(f"token kind {kind!r}: choose {' or '.join(KINDS)}")
    lifetime = SESSION_DAYS if kind == "session" else (days or API_TOKEN_DAYS)
    if not 1 <= lifetime <= 3650:
        raise InputError(f"token lifetime {lifetime} days: give 1 to 3650")
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(insert(t.api_tokens).values(
            user_id=user.id, token_hash=_token_hash(token), kind=kind, created_at=now,
            expires_at=now + timedelta(days=lifetime)))
    return token


def user_for_token(engine: Engine, token: str, *, kind: TokenKind) -> User | None:
    """The user of a live token of this kind: a session cookie is no bearer token, and
    an API token is no session cookie."""
    if not token or len(token) > 200:
        return None
    query = (select(t.users.c.id, t.users.c.name, t.api_tokens.c.expires_at)
             .select_from(t.api_tokens.join(t.users, t.users.c.id == t.api_tokens.c.user_id))
             .where(t.api_tokens.c.token_hash == _token_hash(token),
                    t.api_tokens.c.kind == kind))
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        return None
    if row.expires_at is None:  # fail closed: every token is issued with an end
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
    if expires < datetime.now(UTC):
        return None
    return User(row.id, row.name)


def revoke_token(engine: Engine, token: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(t.api_tokens).where(t.api_tokens.c.token_hash == _token_hash(token)))


def revoke_user_tokens(engine: Engine, user: User, *, kind: TokenKind | None = None) -> int:
    """Revoke every token of ``user`` (of one kind, or all); returns how many."""
    query = delete(t.api_tokens).where(t.api_tokens.c.user_id == user.id)
    if kind is not None:
        query = query.where(t.api_tokens.c.kind == kind)
    with engine.begin() as conn:
        return conn.execute(query).rowcount
