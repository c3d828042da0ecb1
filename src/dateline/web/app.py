"""The FastAPI application factory: one app over one store, JSON under /api, pages at /."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import DatelineError, InputError
from ..settings import Settings
from ..store.db import open_engine
from .security import GuardMiddleware, LoginThrottle, TokenBucket

HERE = Path(__file__).parent


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """Build the app; opens (and migrates) the store, web tables included."""
    settings = settings or Settings.load()
    engine = engine or open_engine(settings.db_url)

    app = FastAPI(title="dateline", version="0.1.0", docs_url=None,
                  redoc_url=None, openapi_url="/api/openapi.json")
    app.state.settings = settings
    app.state.engine = engine
    app.state.login_throttle = LoginThrottle()
    app.add_middleware(GuardMiddleware,
                       bucket=TokenBucket(settings.web_rate_per_second, settings.web_rate_burst),
                       max_body=settings.web_max_upload_bytes)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    from . import routes_api, routes_brief, routes_pages

    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)
    app.include_router(routes_brief.router)

    @app.get("/api/docs", include_in_schema=False)
    def api_docs(request: Request):  # noqa: ANN202 - Swagger UI from vendored files
        return routes_pages.templates_response(request, "api_docs.html")
    _error_handlers(app)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_handlers(app: FastAPI) -> None:
    from .routes_pages import error_page

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError):  # noqa: ANN202
        status = 400 if isinstance(exc, InputError) else 500
        if _wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=status)
        return error_page(request, status, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):  # noqa: ANN202
        if _wants_json(request) or exc.status_code == 405:
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return error_page(request, exc.status_code, str(exc.detail),
                          getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):  # noqa: ANN202
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        message = f"{where}: {first.get('msg', 'invalid request')}"
        if _wants_json(request):
            # Only type, place and message: the rejected input itself may be NaN or
            # Infinity, which JSONResponse refuses to render (a 500, found by fuzzing).
            errors = [{key: error[key] for key in ("type", "loc", "msg") if key in error}
                      for error in exc.errors()]
            return JSONResponse({"detail": message, "errors": errors}, status_code=422)
        return error_page(request, 422, message)
