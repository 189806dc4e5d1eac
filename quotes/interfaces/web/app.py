"""The Starlette application: routes, security headers on every response, one error boundary.

Errors: a ``QuotesError`` is the user's to fix and becomes a page saying what was wrong
(404 for an unknown statement or speaker, 400 for a bad parameter, 503 when the database
cannot be read); anything else is logged with its traceback and the browser gets a plain
500 page. API paths (``/api/...``) get the same as JSON ``{"error", "status"}``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Collection
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from quotes.errors import NotFoundError, QueryError, QuotesError, StoreError

from . import api, pages
from .pool import StorePool
from .render import page

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
STATUS_OF = ((NotFoundError, 404), (QueryError, 400), (StoreError, 503), (QuotesError, 400))
TITLES = {400: "Bad request", 404: "Not found", 405: "Read only", 500: "Server error", 503: "Database unavailable"}


def create_app(db: Path, *, allowed_hosts: Collection[str] | None = None) -> ASGIApp:
    """The web app over the database at ``db``, opened read-only (checked now: errors raise here).

    ``allowed_hosts``: the Host names requests may use (``None``: any); a server bound to
    127.0.0.1 accepts only loopback names, so no other site can reach it through DNS rebinding.
    """
    pool = StorePool(db)
    pool.check()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        pool.close()

    app = Starlette(routes=routes(), exception_handlers=handlers(), lifespan=lifespan)  # type: ignore[arg-type]
    app.state.pool = pool
    app.state.db_name = db.name
    return Guard(app, None if allowed_hosts is None else frozenset(h.lower() for h in allowed_hosts))


def routes() -> list[Route | Mount]:
    return [
        Route("/", pages.home),
        Route("/search", pages.search),
        Route("/clusters/{cluster_id}", pages.cluster),
        Route("/speakers", pages.speakers),
        Route("/speakers/{name:path}", pages.speaker),
        Route("/verify", pages.verify),
        Route("/export", api.export),
        Route("/api/search", api.search),
        Route("/api/clusters/{cluster_id}", api.cluster),
        Route("/api/speakers", api.speakers),
        Route("/api/verify", api.verify),
        Route("/api/stats", api.stats),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),  # refuses paths outside STATIC
    ]


def handlers() -> dict[type[Exception], object]:
    return {QuotesError: quotes_error, HTTPException: http_error, Exception: server_error}


def error_response(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return page(request, "error.html", status, title=TITLES.get(status, "Error"), code=status, message=message)


def quotes_error(request: Request, exc: Exception) -> Response:
    status = next(code for kind, code in STATUS_OF if isinstance(exc, kind))
    return error_response(request, status, str(exc))


def http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    if status == 404:
        message = "there is no page at this address; start from the home page"
    elif status == 405:
        message = "this interface only reads: send GET requests"
    else:
        message = exc.detail if isinstance(exc, HTTPException) else "request failed"
    return error_response(request, status, message)


def server_error(request: Request, exc: Exception) -> Response:
    """The last boundary: the traceback goes to the server's log, never to the browser."""
    log.error("request %s failed: %r (the server logs the traceback)", request.url.path, exc)
    try:
        return error_response(request, 500, "the server failed on this request; its log has the details")
    except Exception:  # a template that fails here must not leak either
        return PlainTextResponse("Server error", status_code=500)


class Guard:
    """The outermost layer: security headers on every response (error pages included), and only
    the allowed Host names."""

    def __init__(self, app: ASGIApp, allowed_hosts: frozenset[str] | None) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + SECURITY_HEADERS}
            await send(message)

        if self.allowed_hosts is not None and host_name(scope) not in self.allowed_hosts:
            wrong = PlainTextResponse("Error: this server answers only requests for localhost", status_code=400)
            await wrong(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def host_name(scope: Scope) -> str:
    """The Host header without its port ("[::1]:8000" -> "[::1]")."""
    host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "").strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
