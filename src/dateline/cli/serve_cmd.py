"""`dateline serve` (the web app) and `dateline user add|token` (analyst accounts)."""
from __future__ import annotations

import gc
import getpass
import sys
from typing import Annotated, Optional

import typer

from ..errors import ConfigError, InputError
from ..settings import Settings
from .options import DbOption

user_app = typer.Typer(help="Analyst accounts for the web app.", no_args_is_help=True)


def _web():  # noqa: ANN202 - the web package, or a clear error when the extra is missing
    try:
        from .. import web  # noqa: F401
        from ..web import accounts, app
    except ModuleNotFoundError as exc:
        raise ConfigError(f"the web app needs {exc.name!r}: pip install 'dateline[web]'") from exc
    return app, accounts


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 8000,
    db: DbOption = None,
    private: Annotated[bool, typer.Option("--private", help="Reading needs sign-in too.")] = False,
    forwarded_allow_ips: Annotated[Optional[str], typer.Option(
        "--forwarded-allow-ips", help="Comma-separated addresses of the reverse proxy whose "
        "X-Forwarded-For/-Proto are believed (default: none; the peer address is the client).")
    ] = None,
) -> None:
    """Start the web app and REST API (http://HOST:PORT, API docs at /api/docs)."""
    app_module, _ = _web()
    import uvicorn

    settings = Settings.load(db_url=db, private_reading=True if private else None)
    application = app_module.create_app(settings)
    print(f"dateline: serving {settings.db_url} at http://{host}:{port}/", file=sys.stderr)
    # Everything loaded so far (the app, SQLAlchemy, FastAPI) lives as long as the
    # server: freezing it keeps the garbage collector's full passes, set off by the
    # thousands of rows a map response allocates, from walking it all again; at 1M
    # events that halved the world map's p95 (docs/web.md).
    gc.collect()
    gc.freeze()
    # Proxy headers only from the proxy named: uvicorn would otherwise believe
    # X-Forwarded-For from 127.0.0.1, and any local client could pick the address the
    # rate limit counts. Behind a TLS proxy, X-Forwarded-Proto makes cookies Secure.
    uvicorn.run(application, host=host, port=port, log_level="warning",
                proxy_headers=bool(forwarded_allow_ips),
                forwarded_allow_ips=forwarded_allow_ips or "")


def _engine(db: str | None):  # noqa: ANN202
    from ..store.db import open_engine

    _web()
    return open_engine(Settings.load(db_url=db).db_url)


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="The analyst's user name.")],
    password_stdin: Annotated[bool, typer.Option("--password-stdin",
                                                 help="Read the password from standard input.")] = False,
    db: DbOption = None,
) -> None:
    """Create an analyst who can sign in, review events and add articles."""
    _, accounts = _web()
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            raise InputError("the two passwords differ")
    accounts.add_user(_engine(db), name, password)
    print(f"user {name} added", file=sys.stderr)


@user_app.command("token")
def user_token(
    name: Annotated[str, typer.Argument(help="The analyst's user name.")],
    days: Annotated[int, typer.Option(min=1, max=3650, help="Days until it expires.")] = 90,
    db: DbOption = None,
) -> None:
    """Print a new API token for NAME (send it as `Authorization: Bearer TOKEN`)."""
    _, accounts = _web()
    engine = _engine(db)
    print(accounts.new_token(engine, _user(accounts, engine, name), kind="api", days=days))


@user_app.command("revoke")
def user_revoke(
    name: Annotated[str, typer.Argument(help="The analyst's user name.")],
    db: DbOption = None,
) -> None:
    """Revoke every API token and browser session of NAME."""
    _, accounts = _web()
    engine = _engine(db)
    count = accounts.revoke_user_tokens(engine, _user(accounts, engine, name))
    print(f"{count} token(s) of {name} revoked", file=sys.stderr)


def _user(accounts, engine, name: str):  # noqa: ANN001, ANN202
    user = accounts.find_user(engine, name)
    if user is None:
        raise InputError(f"no user {name!r}: create it with `dateline user add {name}`")
    return user


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(user_app, name="user")
