"""The Jinja2 environment (autoescaping every template) and HTML responses from templates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse

from quotes.provenance import show_date

from .views import link, role_span, safe_url, shorten

TEMPLATES = Path(__file__).resolve().parent / "templates"

ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,  # every value is HTML-escaped unless a template says otherwise (none does)
    undefined=jinja2.StrictUndefined,  # a misspelt name fails in the tests, not silently on a page
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters.update(safe_url=safe_url, show_date=show_date, shorten=shorten)
ENV.globals.update(link=link, role_span=role_span)


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``templates/name`` with ``context``; every page also gets the request and the query."""
    context.setdefault("q", request.query_params.get("q", ""))
    html = ENV.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=status)
