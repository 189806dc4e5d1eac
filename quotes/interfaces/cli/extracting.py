"""Commands that read articles: ``extract`` (print quotes) and ``ingest`` (into the database)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from quotes.models import Extraction, Failure, Quote

from .app import (
    DbOption,
    JobsOption,
    app,
    boundary,
    open_store,
    report_failure,
    resolve_jobs,
    stop_name,
    stop_status,
)
from .terminal import ingest_progress, print_quote_table


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


PublishedOption = Annotated[
    str | None, typer.Option(help="Publication date (YYYY-MM-DD) when the text does not give it.")
]
OutletOption = Annotated[str | None, typer.Option(help="Outlet name when the text does not give it.")]
ModelOption = Annotated[str | None, typer.Option(help="spaCy pipeline to use (default: $QUOTES_MODEL).")]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        envvar="QUOTES_SCHEDULER", show_envvar=False,
        help="Extract on this Dask cluster (tcp://HOST:PORT, default: $QUOTES_SCHEDULER) instead of --jobs "
        "local processes; needs pip install 'quotes[cluster]'.",
    ),
]


@app.command()
@boundary
def extract(
    paths: Annotated[list[str], typer.Argument(help="Article files, directories, URLs, or - for stdin.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.table,
    published: PublishedOption = None,
    outlet: OutletOption = None,
    model: ModelOption = None,
    jobs: JobsOption = None,
) -> None:
    """Print the quotes of articles, with speaker, role and date. Touches no database."""
    from quotes.extract import extract_many
    from quotes.ingestion import warn_if_lost
    from quotes.sources import iter_articles
    from quotes.text import parse_user_date

    published_iso = parse_user_date(published, "--published") if published else None
    quotes: list[Quote] = []
    failures = 0
    articles = iter_articles(paths, published=published_iso, outlet=outlet)
    for result in extract_many(articles, model=model, jobs=resolve_jobs(jobs)):
        if isinstance(result, Failure):
            report_failure(result)
            failures += 1
            continue
        warn_if_lost(result)
        quotes.extend(result.quotes)
        if fmt is ExtractFormat.jsonl:
            emit_jsonl(result)
    if fmt is ExtractFormat.json:
        typer.echo(json.dumps([q.to_dict() for q in quotes], ensure_ascii=False, indent=2))
    elif fmt is ExtractFormat.table:
        print_quote_table(quotes)
    if failures:
        raise typer.Exit(1)


def emit_jsonl(result: Extraction) -> None:
    for quote in result.quotes:
        typer.echo(json.dumps(quote.to_dict(), ensure_ascii=False))


@app.command()
@boundary
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Article files or directories (searched recursively).")],
    db: DbOption = None,
    published: PublishedOption = None,
    outlet: OutletOption = None,
    model: ModelOption = None,
    jobs: JobsOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """Extract quotes from articles into the database; articles already stored are skipped."""
    from quotes.ingestion import ingest as run_ingest

    if scheduler:
        from quotes.extract import check_cluster

        check_cluster(scheduler)  # before the database is created
    published_iso = None
    if published:
        from quotes.text import parse_user_date

        published_iso = parse_user_date(published, "--published")
    with open_store(db, create=True) as store, ingest_progress(expected_articles(paths)) as progress:
        try:
            stats = run_ingest(
                paths, store, published=published_iso, outlet=outlet, model=model, jobs=resolve_jobs(jobs),
                scheduler=scheduler or None, on_progress=progress, on_failure=report_failure,
            )
        except KeyboardInterrupt as stop:  # Ctrl-C, SIGTERM: every stored article is whole, the rest is not
            stored = progress.stats.new if progress.stats else 0
            typer.echo(f"Stopped ({stop_name(stop)}): {stored} new articles stored in {store.path}; run the "
                       "same command again to do the rest (stored articles are skipped).", err=True)
            raise typer.Exit(stop_status(stop)) from stop
        totals = store.stats()
    typer.echo(
        f"{stats.new} new articles, {stats.skipped} skipped, {stats.failed} failed; {stats.quotes} quotes, "
        f"{stats.new_clusters} new clusters. Database {store.path}: {totals['articles']} articles, "
        f"{totals['quotes']} quotes, {totals['clusters']} clusters.",
        err=True,
    )
    if stats.failed:
        raise typer.Exit(1)


def expected_articles(paths: list[str]) -> int | None:
    """How many articles the progress bar expects: counted only when a person watches it."""
    if not sys.stderr.isatty():
        return None
    from quotes.sources import count_articles

    return count_articles(paths)


@app.command()
@boundary
def recluster(db: DbOption = None) -> None:
    """Rebuild statements (clusters) and speakers from the stored quotes, without re-ingesting.

    Safe to run at any time and again: one transaction, and the result is what ingesting the same
    articles would give in any order.
    """
    with open_store(db, write=True) as store:
        result = store.recluster()
    typer.echo(
        f"{result.occurrences} quotes regrouped: {result.clusters_before} clusters before, "
        f"{result.clusters_after} after; {result.moved} quotes changed cluster. Database {store.path}.",
        err=True,
    )
