"""The web app: FastAPI app factory, JSON API under /api, Jinja2 pages, vendored front end.

    from dateline.web import create_app
    app = create_app(Settings.load(db_url="..."))
"""
from .app import create_app

__all__ = ["create_app"]
