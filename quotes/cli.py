"""The `quotes` command line: a thin layer over the library (the only typer importer).

Data goes to stdout, diagnostics to stderr. Every command runs inside one error
boundary: a ``QuotesError`` becomes ``Error: ...`` on stderr and exit status 1.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TextIO, TypeVar

import typer

from .display import format_quote_table, role_span, shorten, table
from .errors import QuotesError
from .export import cluster_record, occurrence_record, write_records
from .models import Extraction, Failure, Occurrence, Quote

if TYPE_CHECKING:
    from .ingest import IngestStats
    from .store import Store

app = typer.Typer(
    help="Find, attribute, store and verify quotes in news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

P = ParamSpec("P")
R = TypeVar("R")


def boundary(func: Callable[P, R]) -> Callable[P, R]:
    """The CLI's single error boundary: library errors become one line on stderr and exit 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except QuotesError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(1) from exc

    return wrapper


JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Worker processes extracting (default: all cores; 1: no workers)."),
]


def resolve_jobs(jobs: int | None) -> int:
    """``--jobs`` as given, else one worker per core."""
    return jobs if jobs is not None else os.cpu_count() or 1


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def report_failure(failure: Failure) -> None:
    typer.echo(f"Error: {failure.message}", err=True)


@app.command()
@boundary
def extract(
    paths: Annotated[list[str], typer.Argument(help="Article files, directories, URLs, or - for stdin.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.table,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) when the text does not give it.")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name when the text does not give it.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use (default: $QUOTES_MODEL).")] = None,
    jobs: JobsOption = None,
) -> None:
    """Print the quotes of articles, with speaker, role and date. Touches no database."""
    from .dates import parse_user_date
    from .extract import extract_many
    from .sources import iter_articles

    published_iso = parse_user_date(published, "--published") if published else None
    quotes: list[Quote] = []
    failures = 0
    articles = iter_articles(paths, published=published_iso, outlet=outlet)
    for result in extract_many(articles, model=model, jobs=resolve_jobs(jobs)):
        if isinstance(result, Failure):
            report_failure(result)
            failures += 1
            continue
        quotes.extend(result.quotes)
        if fmt is ExtractFormat.jsonl:
            emit_jsonl(result)
    if fmt is ExtractFormat.json:
        typer.echo(json.dumps([q.to_dict() for q in quotes], ensure_ascii=False, indent=2))
    elif fmt is ExtractFormat.table:
        typer.echo(format_quote_table(quotes))
    if failures:
        raise typer.Exit(1)


def emit_jsonl(result: Extraction) -> None:
    for quote in result.quotes:
        typer.echo(json.dumps(quote.to_dict(), ensure_ascii=False))


# -- the store: ingest, search, speakers, show, stats, export ---------------------------------------

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database file (default: $QUOTES_DB, else db/quotes.db).")
]
PROGRESS_EVERY = 100  # articles between progress lines when stderr is not a terminal


class SearchFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


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


def open_store(db: str | None, *, create: bool = False) -> Store:
    from .store import Store

    return Store.open(db, create=create)


@app.command()
@boundary
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Article files or directories (searched recursively).")],
    db: DbOption = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) when the text does not give it.")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name when the text does not give it.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use (default: $QUOTES_MODEL).")] = None,
    jobs: JobsOption = None,
) -> None:
    """Extract quotes from articles into the database; articles already stored are skipped."""
    from .ingest import ingest as run_ingest

    published_iso = None
    if published:
        from .dates import parse_user_date

        published_iso = parse_user_date(published, "--published")
    with open_store(db, create=True) as store:
        stats = run_ingest(
            paths, store, published=published_iso, outlet=outlet, model=model, jobs=resolve_jobs(jobs),
            on_progress=progress_printer(), on_failure=report_failure,
        )
        totals = store.stats()
    if sys.stderr.isatty():
        typer.echo("", err=True)
    typer.echo(
        f"{stats.new} new articles, {stats.skipped} skipped, {stats.failed} failed; {stats.quotes} quotes, "
        f"{stats.new_clusters} new clusters. Database {store.path}: {totals['articles']} articles, "
        f"{totals['quotes']} quotes, {totals['clusters']} clusters.",
        err=True,
    )
    if stats.failed:
        raise typer.Exit(1)


def progress_printer() -> Callable[[IngestStats], None]:
    """A \\r counter on a terminal; otherwise one plain line every PROGRESS_EVERY articles."""
    tty = sys.stderr.isatty()

    def show(stats: IngestStats) -> None:
        line = f"{stats.done} articles: {stats.new} new, {stats.skipped} skipped, {stats.failed} failed"
        if tty:
            typer.echo(f"\r{line}, {stats.quotes} quotes", err=True, nl=False)
        elif stats.done % PROGRESS_EVERY == 0:
            typer.echo(f"progress: {line}", err=True)

    return show


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
            [shorten(r["text"], 60), r["speaker"] or "-", r["role"] or "-", r["date"] or "-",
             shorten(", ".join(r["outlets"]) or "(unknown)", 28), str(r["occurrences"]), r["cluster_id"]]
            for r in records
        ]
        typer.echo(table(["quote", "speaker", "role", "date", "outlets", "articles", "cluster"], rows))
    elif fmt is SearchFormat.json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        write_records(records, fmt.value, sys.stdout)


def write_export(
    occurrences: Iterable[Occurrence],
    fmt: ExportFormat,
    stream: TextIO,
    style: CitationStyle = CitationStyle.apa,
) -> None:
    """Write occurrences in an export format; new formats add an ExportFormat member and a branch here."""
    if fmt in (ExportFormat.csl_json, ExportFormat.bibtex, ExportFormat.ris, ExportFormat.markdown):
        from .export import render

        stream.write(render(fmt.value, occurrences, style=style.value))
        return
    write_records((occurrence_record(o) for o in occurrences), fmt.value, stream)


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
        records = [
            {"name": s.name, "aliases": list(s.aliases), "quotes": s.quotes,
             "roles": [{"role": r, "first_seen": a, "last_seen": b} for r, a, b in s.roles]}
            for s in found
        ]
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    rows = [[s.name, "; ".join(role_span(*r) for r in s.roles) or "-", str(s.quotes)] for s in found]
    typer.echo(table(["speaker", "roles", "quotes"], rows))


@app.command()
@boundary
def show(
    cluster_id: Annotated[str, typer.Argument(help="A cluster id from `quotes search`, e.g. c-1a2b3c4d.")],
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
    from .verify_report import cluster_history  # wordings in date order with word diffs (issue 5)

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
    """Check a quote against the stored articles: verbatim, variant, misattributed, disputed or not_found."""
    from .verify import check_query
    from .verify import verify as run_verify
    from .verify_report import to_json, to_text

    check_query(text)  # an empty quote is reported before a missing database
    with open_store(db) as store:
        result = run_verify(store, text, speaker=speaker)
    for check in result.failed_rechecks:  # loud: a citation must never rest on offsets that do not hold
        occ = check.occurrence
        typer.echo(f"Warning: re-check {check.status}: {occ.source} chars {occ.start}-{occ.end}", err=True)
    typer.echo(json.dumps(to_json(result), ensure_ascii=False, indent=2) if as_json else to_text(result))


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


def main() -> Any:
    """Console-script entry point."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s", stream=sys.stderr)
    return app()
