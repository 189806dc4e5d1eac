"""The `quotes` command line: a thin layer over the library (the only typer importer).

Data goes to stdout, diagnostics to stderr. Every command runs inside one error
boundary: a ``QuotesError`` becomes ``Error: ...`` on stderr and exit status 1.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, ParamSpec, TypeVar

import typer

from .errors import QuotesError
from .models import Extraction, Failure, Quote

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


class ExtractFormat(str, Enum):
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
) -> None:
    """Print the quotes of articles, with speaker, role and date. Touches no database."""
    from .dates import parse_user_date
    from .extract import extract_many
    from .sources import iter_articles

    published_iso = parse_user_date(published, "--published") if published else None
    quotes: list[Quote] = []
    failures = 0
    for result in extract_many(iter_articles(paths, published=published_iso, outlet=outlet), model=model):
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


def format_quote_table(quotes: list[Quote]) -> str:
    from .display import table

    rows = [
        [q.doc, q.speaker or "-", q.role or "-", q.date or "-", shorten(q.text, 70)] for q in quotes
    ]
    return table(["doc", "speaker", "role", "date", "quote"], rows)


def shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def main() -> Any:
    """Console-script entry point."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s", stream=sys.stderr)
    return app()
