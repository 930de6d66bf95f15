"""The ASGI application: routes, static files, the read-only engine, and one error page.

Every request runs in a session of its own on an engine whose connections cannot write
(`quotes.store.engine.make_readonly_engine`), so the web view is read-only by construction,
whatever a handler did."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from quotes.errors import NotFound, QuotesError
from quotes.store.schema import open_readonly_database
from quotes.web import routes
from quotes.web.pages import error_page

STATIC = Path(__file__).with_name("static")


def _routes() -> list[Route | Mount]:
    pages = [
        ("/", routes.search_page, "home"),
        ("/search", routes.search_page, "search"),
        ("/quotes/{quote_id:int}", routes.quote_page, "quote"),
        ("/remarks", routes.remarks_page, "remarks"),
        ("/remarks/{remark_id:int}", routes.remark_page, "remark"),
        ("/speakers", routes.speakers_page, "speakers"),
        ("/speakers/{speaker_id:int}", routes.speaker_page, "speaker"),
    ]
    found: list[Route | Mount] = []
    for path, endpoint, name in pages:
        found.append(Route(path, endpoint, name=name))
        if path != "/":  # the same page as JSON or CSV: /search.json, /remarks/10.csv
            found.append(Route(path + ".{format}", endpoint, name=f"{name}_as"))
    found.append(Mount("/static", StaticFiles(directory=STATIC), name="static"))
    return found


async def _domain_error(request: Request, exc: Exception) -> Response:
    status = 404 if isinstance(exc, NotFound) else 400
    return error_page(request, status, str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error_page(request, exc.status_code, exc.detail)


def create_app(database: str | None = None) -> Starlette:
    """The web view of `database` (a URL or SQLite path; else $QUOTES_DATABASE_URL, ./quotes.db),
    opened read-only: a missing, empty or outdated database is refused here, with one line."""
    engine = open_readonly_database(database)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = Starlette(
        routes=_routes(),
        exception_handlers={QuotesError: _domain_error, HTTPException: _http_error},
        lifespan=lifespan,
    )
    app.state.engine = engine
    return app
