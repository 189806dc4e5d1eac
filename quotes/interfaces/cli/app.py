"""The `quotes` command line: a thin layer over the library (the only typer importer).

Data goes to stdout, diagnostics to stderr. Every command runs inside one error
boundary: a ``QuotesError`` becomes ``Error: ...`` on stderr and exit status 1.
The commands live by what they do: ``extracting`` (extract, ingest, recluster), ``reading`` (search,
speakers, show, verify, stats), ``exporting`` (export); this module holds what they share.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

from quotes.errors import QuotesError
from quotes.models import Failure

if TYPE_CHECKING:
    from quotes.store import Store

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


DbOption = Annotated[
    str | None, typer.Option("--db", help="Database file (default: $QUOTES_DB, else db/quotes.db).")
]


def report_failure(failure: Failure) -> None:
    typer.echo(f"Error: {failure.message}", err=True)


def open_store(db: str | None, *, create: bool = False) -> Store:
    from quotes.store import Store

    return Store.open(db, create=create)


def main() -> Any:
    """Console-script entry point."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s", stream=sys.stderr)
    return app()
