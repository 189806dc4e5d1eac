"""The ``export`` command: stored quotes as records or citations."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, TextIO

import typer

from quotes.errors import QuotesError
from quotes.models import Occurrence

from .app import DbOption, app, boundary, open_store


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    # citation formats (quotes.export, issue 5)
    csl_json = "csl-json"
    bibtex = "bibtex"
    ris = "ris"
    markdown = "markdown"


class CitationStyle(StrEnum):
    apa = "apa"
    mla = "mla"
    chicago = "chicago"


def write_export(
    occurrences: Iterable[Occurrence],
    fmt: ExportFormat,
    stream: TextIO,
    style: CitationStyle = CitationStyle.apa,
) -> None:
    """Write occurrences in an export format (``quotes.cite.write_export``, shared with the web app)."""
    from quotes.cite import write_export as write_any

    write_any(fmt.value, occurrences, stream, style=style.value)


@app.command()
@boundary
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.jsonl,
    query: Annotated[str | None, typer.Option(help="Only occurrences matching these words.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only quotes by this speaker.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Said on or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option(help="Said on or before YYYY[-MM[-DD]].")] = None,
    cluster: Annotated[str | None, typer.Option(help="Only this cluster id.")] = None,
    out: Annotated[str | None, typer.Option(help="Write to this file instead of stdout.")] = None,
    style: Annotated[
        CitationStyle, typer.Option(help="Citation style of --format markdown.")
    ] = CitationStyle.apa,
    db: DbOption = None,
) -> None:
    """Export stored quotes as records (jsonl, csv) or citations (csl-json, bibtex, ris, markdown)."""
    with open_store(db) as store:
        found = store.occurrences(
            query=query, speaker=speaker, outlet=outlet, since=since, until=until, cluster=cluster
        )
        if out is None:
            write_export(found, fmt, sys.stdout, style)
            return
        try:
            with open(out, "w", encoding="utf-8", newline="") as stream:
                write_export(found, fmt, stream, style)
        except OSError as exc:
            raise QuotesError(f"cannot write {out}: {exc.strerror}; check the path") from exc
