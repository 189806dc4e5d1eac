"""JSON endpoints with the CLI's ``--json`` records, and export downloads with the CLI's export output."""

from __future__ import annotations

import io
import re

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from quotes.cite import EXPORT_FORMATS, cluster_record, occurrence_record, speaker_record, write_export
from quotes.errors import QueryError
from quotes.provenance import check_query, to_json
from quotes.provenance import verify as run_verify

from .pages import pool
from .params import Params, statement_id

# format -> (file name ending, media type)
DOWNLOADS = {
    "csl-json": ("csl.json", "application/vnd.citationstyles.csl+json; charset=utf-8"),
    "bibtex": ("bib", "application/x-bibtex; charset=utf-8"),
    "ris": ("ris", "application/x-research-info-systems; charset=utf-8"),
    "markdown": ("md", "text/markdown; charset=utf-8"),
    "csv": ("csv", "text/csv; charset=utf-8"),
    "jsonl": ("jsonl", "application/jsonl; charset=utf-8"),
}
STYLES = ("apa", "mla", "chicago")


def required(params: Params, name: str, what: str) -> str:
    value = params.text(name)
    if value is None:
        raise QueryError(f"parameter {name} is missing; give {what}")
    return value


def search(request: Request) -> Response:
    """``quotes search --format json``."""
    params = Params(request.query_params)
    query = required(params, "q", "the words to search for (q=missile)")
    filters = {name: params.text(name) for name in ("speaker", "outlet")}
    since, until = params.date("since"), params.date("until")
    limit = params.number("limit", 20, 1, 1000)
    with pool(request).store() as store:
        found = store.search(query, since=since, until=until, limit=limit, **filters)
    return JSONResponse([cluster_record(c) for c in found])


def cluster(request: Request) -> Response:
    """``quotes show ID --json``."""
    cluster_id = statement_id(request.path_params["cluster_id"])
    with pool(request).store() as store:
        found = store.cluster(cluster_id)
    record = cluster_record(found)
    record["occurrences"] = [occurrence_record(o) for o in found.occurrences]
    return JSONResponse(record)


def speakers(request: Request) -> Response:
    """``quotes speakers --json`` (all of them, or ``limit`` from ``offset``)."""
    params = Params(request.query_params)
    limit = params.number("limit", 0, 0, 1_000_000) or None
    offset = params.number("offset", 0, 0, 100_000_000)
    with pool(request).store() as store:
        found = store.speakers(limit=limit, offset=offset)
    return JSONResponse([speaker_record(s) for s in found])


def verify(request: Request) -> Response:
    """``quotes verify TEXT [--speaker NAME] --json``."""
    params = Params(request.query_params)
    text = required(params, "text", "the words to check (text=There is no flexibility)")
    check_query(text)
    with pool(request).store() as store:
        result = run_verify(store, text, speaker=params.text("speaker", max_len=300))
    return JSONResponse(to_json(result))


def stats(request: Request) -> Response:
    """``quotes stats --json`` (counted again when the database has changed)."""
    return JSONResponse(pool(request).stats())


def export(request: Request) -> Response:
    """``quotes export --format F [--style S] [--query Q] [--speaker S] [--cluster C] ...`` as a download."""
    params = Params(request.query_params)
    fmt = params.choice("format", EXPORT_FORMATS)
    style = params.choice("style", STYLES, "apa")
    cluster_id = params.text("cluster")
    query, speaker, outlet = params.text("q"), params.text("speaker"), params.text("outlet")
    since, until = params.date("since"), params.date("until")
    out = io.StringIO()
    with pool(request).store() as store:
        if cluster_id is not None:
            store.cluster(statement_id(cluster_id))  # an unknown id is a 404, not an empty file
        found = store.occurrences(
            query=query, speaker=speaker, outlet=outlet, since=since, until=until, cluster=cluster_id
        )
        write_export(fmt, found, out, style=style)
    ending, media_type = DOWNLOADS[fmt]
    name = file_name(cluster_id or speaker or query or outlet, ending)
    return Response(
        out.getvalue(), media_type=media_type, headers={"content-disposition": f'attachment; filename="{name}"'}
    )


def file_name(subject: str | None, ending: str) -> str:
    """quotes-<subject>.<ending> in plain ASCII letters, digits and dashes (safe in a header)."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", subject or "").strip("-")[:40].strip("-").lower()
    return f"quotes-{slug}.{ending}" if slug else f"quotes.{ending}"
