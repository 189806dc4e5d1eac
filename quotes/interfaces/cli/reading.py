"""Commands that read the database: ``search``, ``speakers``, ``show``, ``verify``, ``stats``."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from quotes.cite import cluster_record, occurrence_record, speaker_record, write_records

from .app import DbOption, app, boundary, open_store
from .display import role_span
from .terminal import Column, print_table

# `quotes verify` exit statuses: a script can tell "the quote stands" from "check it" without parsing
WORDS_STAND = ("verbatim", "variant")
VERDICT_NOT_CONFIRMED = 3  # misattributed, disputed, not_found (1 is an error, 2 a usage error)


SEARCH_COLUMNS = [  # on a narrow terminal: articles, then outlets, then role are left out
    Column(header="quote", plain_width=60, share=3), Column(header="speaker"), Column(header="role", optional=1),
    Column(header="date", wrap=False), Column(header="outlets", plain_width=28, optional=2),
    Column(header="articles", wrap=False, optional=3), Column(header="cluster", wrap=False),
]


class SearchFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


@app.command()
@boundary
def search(
    query: Annotated[str, typer.Argument(help="Words to find in quotes, speakers' names and roles.")],
    speaker: Annotated[str | None, typer.Option(help="Only quotes by this speaker (or surname).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only quotes carried by this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Said on or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option(help="Said on or before YYYY[-MM[-DD]].")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Most clusters to show.")] = 20,
    fmt: Annotated[SearchFormat, typer.Option("--format", "-f", help="Output format.")] = SearchFormat.table,
    db: DbOption = None,
) -> None:
    """Full-text search of stored quotes, most relevant first (a speaker's name finds their quotes)."""
    with open_store(db) as store:
        clusters = store.search(query, speaker=speaker, outlet=outlet, since=since, until=until, limit=limit)
    records = [cluster_record(c) for c in clusters]
    if fmt is SearchFormat.table:
        rows = [
            [r["text"], r["speaker"] or "-", r["role"] or "-", r["date"] or "-",
             ", ".join(r["outlets"]) or "(unknown)", str(r["occurrences"]), r["cluster_id"]]
            for r in records
        ]
        print_table(SEARCH_COLUMNS, rows)
    elif fmt is SearchFormat.json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        write_records(records, fmt.value, sys.stdout)


@app.command()
@boundary
def speakers(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Stored speakers: names, roles over time, quote counts."""
    with open_store(db) as store:
        found = store.speakers()
    if as_json:
        typer.echo(json.dumps([speaker_record(s) for s in found], ensure_ascii=False, indent=2))
        return
    rows = [[s.name, "; ".join(role_span(*r) for r in s.roles) or "-", str(s.quotes)] for s in found]
    print_table([Column(header="speaker"), Column(header="roles"), Column(header="quotes", wrap=False)], rows)


@app.command()
@boundary
def show(
    cluster_id: Annotated[str, typer.Argument(help="A cluster id from `quotes search`, e.g. c-1a2b3c4d5e6f.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Every occurrence of one quote cluster: outlet, date, doc, wording, speaker."""
    with open_store(db) as store:
        cluster = store.cluster(cluster_id)
    if as_json:
        record = cluster_record(cluster)
        record["occurrences"] = [occurrence_record(o) for o in cluster.occurrences]
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    if cluster.disputed:
        given = ", ".join(f"{name} ({n})" for name, n in cluster.speakers)
        typer.echo(f"DISPUTED: sources attribute these words to {given}")
    from quotes.provenance import cluster_history  # wordings in date order with word diffs (issue 5)

    typer.echo(cluster_history(cluster))


@app.command()
@boundary
def verify(
    text: Annotated[str, typer.Argument(help="The words to check; they may be shortened, or cut with '…'.")],
    speaker: Annotated[
        str | None, typer.Option(help="Who the words are attributed to (a surname is enough).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    db: DbOption = None,
) -> None:
    """Check a quote against the stored articles: verbatim, variant, misattributed, disputed or not_found.

    Exit status: 0 verbatim or variant; 3 misattributed, disputed or not_found; 1 error; 2 usage.
    """
    from quotes.provenance import check_query, to_json, to_text
    from quotes.provenance import verify as run_verify

    check_query(text)  # an empty quote is reported before a missing database
    with open_store(db) as store:
        result = run_verify(store, text, speaker=speaker)
    for check in result.failed_rechecks:  # loud: a citation must never rest on offsets that do not hold
        occ = check.occurrence
        typer.echo(f"Warning: re-check {check.status}: {occ.source} chars {occ.start}-{occ.end}", err=True)
    typer.echo(json.dumps(to_json(result), ensure_ascii=False, indent=2) if as_json else to_text(result))
    if result.verdict not in WORDS_STAND:
        raise typer.Exit(VERDICT_NOT_CONFIRMED)


@app.command()
@boundary
def stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Counts of articles, quotes, clusters and speakers in the database."""
    with open_store(db) as store:
        counts = store.stats()
    if as_json:
        typer.echo(json.dumps(counts))
    else:
        typer.echo("\n".join(f"{name}: {value}" for name, value in counts.items()))
