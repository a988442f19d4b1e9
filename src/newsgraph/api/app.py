"""The FastAPI app: REST endpoints under /api, server-rendered pages, vendored static files."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.api import pages, questions, rest
from newsgraph.api.access import StoreAccess, StoreUnavailable
from newsgraph.api.config import ServerConfig
from newsgraph.api.limits import BodyLimit, QueryTimeout
from newsgraph.errors import NewsgraphError, NotFoundError
from newsgraph.query.search import SearchIndexError

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent


def create_app(config: ServerConfig) -> FastAPI:
    """The web app over one store; the store file is created empty when missing."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if config.warm_up:
            threading.Thread(
                target=questions.warm_up, name="newsgraph-warm-up", daemon=True
            ).start()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="newsgraph",
        summary="Who did what to whom, where, when and why — every fact tied to its sentence.",
        version="0.1.0",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    access = StoreAccess(config.db, wait_seconds=config.read_wait_seconds)
    access.ensure_exists()
    app.state.config = config
    app.state.access = access
    app.state.templates = Jinja2Templates(directory=HERE / "templates")
    app.add_middleware(BodyLimit, max_bytes=config.max_upload_bytes, prefixes=("/api/ingest",))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(rest.router)
    app.include_router(pages.router)
    _handle_errors(app)
    return app


def _handle_errors(app: FastAPI) -> None:
    def reply(request: Request, status: int, message: str, headers: dict[str, str]) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": message}, status, headers=headers)
        return pages.error_page(request, status, message, headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api"):
            return await http_exception_handler(request, err)
        return pages.error_page(request, err.status_code, str(err.detail), dict(err.headers or {}))

    @app.exception_handler(StoreUnavailable)
    async def unavailable(request: Request, err: StoreUnavailable) -> Response:
        return reply(request, 503, str(err), {"Retry-After": str(err.retry_after)})

    @app.exception_handler(QueryTimeout)
    async def timeout(request: Request, err: QueryTimeout) -> Response:
        return reply(request, 504, str(err), {})

    @app.exception_handler(SearchIndexError)
    async def no_index(request: Request, err: SearchIndexError) -> Response:
        return reply(request, 503, str(err), {"Retry-After": "30"})

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, err: NotFoundError) -> Response:
        return reply(request, 404, str(err), {})

    @app.exception_handler(NewsgraphError)
    async def library_error(request: Request, err: NewsgraphError) -> Response:
        log.warning("%s %s: %s", request.method, request.url.path, err)
        return reply(request, 400, str(err), {})
