"""The `quotes` command line: a thin layer over the library (the only typer importer).

Data goes to stdout, diagnostics to stderr. Every command runs inside one error
boundary: a ``QuotesError`` becomes ``Error: ...`` on stderr and exit status 1. A stop asked by
Ctrl-C, SIGTERM or SIGHUP unwinds the command (workers stopped, the open article transaction
rolled back) and exits with 128 + the signal's number.
The commands live by what they do: ``extracting`` (extract, ingest, recluster), ``reading`` (search,
speakers, show, verify, stats), ``exporting`` (export), ``serving`` (serve); this module holds what they share.
"""

from __future__ import annotations

import functools
import logging
import os
import signal
import sys
import threading
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


class Stopped(KeyboardInterrupt):
    """A stop asked by a signal, raised in the main thread so that it unwinds like Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def stop_on_signals() -> None:
    """SIGTERM (sent by ``timeout``, systemd, ``docker stop``) and SIGHUP stop the command as Ctrl-C
    does, instead of killing it where it stands; a second one kills it (its workers still exit)."""
    if threading.current_thread() is not threading.main_thread():
        return  # signal handlers can only be set from the main thread (an embedding program's choice)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_stopped)


def _raise_stopped(signum: int, _frame: object) -> None:
    signal.signal(signum, signal.SIG_DFL)
    raise Stopped(signum)


def stop_status(stop: KeyboardInterrupt) -> int:
    """The shell's convention: 128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM)."""
    return 128 + (stop.signum if isinstance(stop, Stopped) else signal.SIGINT)


def boundary(func: Callable[P, R]) -> Callable[P, R]:
    """The CLI's single error boundary: library errors become one line on stderr and exit 1;
    a stop (Ctrl-C, SIGTERM) one line and 128 + the signal's number."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except QuotesError as exc:
            typer.echo(f"Error: {one_line(str(exc))}", err=True)
            raise typer.Exit(1) from exc
        except KeyboardInterrupt as stop:
            typer.echo(f"Stopped ({stop_name(stop)}).", err=True)
            raise typer.Exit(stop_status(stop)) from stop

    return wrapper


def stop_name(stop: KeyboardInterrupt) -> str:
    return signal.Signals(stop.signum).name if isinstance(stop, Stopped) else "interrupted"


LONGEST_WORD = 200  # characters of one word of an error line: a pasted 100 KB argument is cut


def one_line(message: str) -> str:
    """An error message as one readable line: newlines folded, any overlong word cut in the middle."""
    words = []
    for word in message.split():
        if len(word) > LONGEST_WORD:
            word = f"{word[:60]}…[{len(word):,} characters]…{word[-20:]}"
        words.append(word)
    return " ".join(words)


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
    typer.echo(f"Error: {one_line(failure.message)}", err=True)


def open_store(db: str | None, *, create: bool = False, write: bool = False) -> Store:
    """The store for ``ingest`` (``create=True``) and ``recluster`` (``write=True``), else a read-only
    connection for the reading commands."""
    from quotes.store import Store

    return Store.open(db, create=create, readonly=not (create or write))


def main() -> Any:
    """Console-script entry point."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s", stream=sys.stderr)
    stop_on_signals()
    return app()
