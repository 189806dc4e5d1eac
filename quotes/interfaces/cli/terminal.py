"""What a person at a terminal sees (rich, which typer brings): tables that fit the terminal's width
with long cells wrapped at word boundaries, and the ingest progress bar.

Output that is not a terminal (a pipe, a file, a test runner) stays plain text, as stable for
scripts as before: rich is imported only when there is a terminal to draw on.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import typer

from .display import shorten
from .display import table as plain_table

if TYPE_CHECKING:
    from quotes.ingestion import IngestStats
    from quotes.models import Quote

PROGRESS_EVERY = 100  # articles between progress lines when stderr is not a terminal
LONGEST_UNBROKEN = 20  # a word longer than this (a URL) may be folded rather than widen its column
MAIN_WIDTH = 32  # the quote column's width before the other columns grow past their longest word


@dataclass(frozen=True, kw_only=True)
class Column:
    header: str
    wrap: bool = True  # False: never broken across lines (dates, ids, counts)
    plain_width: int | None = None  # cut (at a word) to this many characters in the plain table
    most: int = 240  # on a terminal: cut (at a word) to this many characters, then wrapped
    share: int = 1  # on a terminal: its part of the width left after the unwrapped columns
    optional: int = 0  # on a narrow terminal, columns are left out from the highest number down


def print_table(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
    """Rows on stdout: fitted to the terminal's width there, else the plain two-space table."""
    if not rows or not sys.stdout.isatty():
        cut = [[shorten(cell, c.plain_width) if c.plain_width else cell for c, cell in zip(columns, row,
                strict=True)] for row in rows]
        typer.echo(plain_table([c.header for c in columns], cut))
        return
    from rich.cells import cell_len  # columns on screen: a CJK character takes two
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    cells = [[shorten(cell, c.most) for c, cell in zip(columns, row, strict=True)] for row in rows]
    widths = column_widths(columns, cells, console.width, cell_len)
    if widths is None:  # too narrow for columns: one "header  value" block per row
        for row in cells:
            card = Table(box=None, show_header=False, pad_edge=False, show_edge=False)
            card.add_column(style="bold", no_wrap=True)
            card.add_column(overflow="fold")
            for column, cell in zip(columns, row, strict=True):
                card.add_row(column.header, escape(cell))
            console.print(card, "")
        return
    grid = Table(box=None, header_style="bold", pad_edge=False, show_edge=False)
    for column, width in zip(columns, widths, strict=True):
        if width:
            grid.add_column(column.header, no_wrap=not column.wrap, overflow="fold", width=width)
    for row in cells:
        grid.add_row(*(escape(cell) for cell, width in zip(row, widths, strict=True) if width))
    console.print(grid)


def column_widths(
    columns: Sequence[Column], cells: Sequence[Sequence[str]], width: int, measure: Callable[[str], int] = len
) -> list[int] | None:
    """Each column's width on a terminal ``width`` wide (0: left out; None: columns do not fit).

    A column is never narrower than its longest word (a word over ``LONGEST_UNBROKEN``, a URL,
    excepted), so words are never broken; optional columns are left out until that fits with the
    quote ``MAIN_WIDTH`` wide. What is left goes to the quote (``share`` > 1) up to ``MAIN_WIDTH``,
    then to every wrapped column in proportion to ``share``, none wider than its longest cell.
    """
    least = [longest_word(c, [row[i] for row in cells], measure) for i, c in enumerate(columns)]
    most = [max(map(measure, [c.header, *(row[i] for row in cells)])) for i, c in enumerate(columns)]
    keep = _kept(columns, least, most, width)
    widths = [w if k else 0 for w, k in zip(least, keep, strict=True)]
    spare = width - sum(widths) - 2 * (sum(keep) - 1)
    if spare < 0:
        return None
    for i, column in enumerate(columns):  # the quote first: it is what the table is for
        if keep[i] and column.share > 1:
            grant = max(0, min(spare, MAIN_WIDTH - widths[i], most[i] - widths[i]))
            widths[i] += grant
            spare -= grant
    while spare > 0:
        growing = [i for i, c in enumerate(columns) if keep[i] and c.wrap and widths[i] < most[i]]
        if not growing:
            break
        total = sum(columns[i].share for i in growing)
        for i in growing:
            grant = min(most[i] - widths[i], max(1, spare * columns[i].share // total), spare)
            widths[i] += grant
            spare -= grant
    return widths


def _kept(columns: Sequence[Column], least: list[int], most: list[int], width: int) -> list[bool]:
    """Which columns to show: optional ones go, highest number first, until the rest fit."""
    wanted = sum(max(0, min(MAIN_WIDTH, most[i]) - least[i]) for i, c in enumerate(columns) if c.share > 1)
    keep = [True] * len(columns)
    for _, i in sorted(((c.optional, i) for i, c in enumerate(columns) if c.optional), reverse=True):
        if sum(w for w, k in zip(least, keep, strict=True) if k) + 2 * (sum(keep) - 1) + wanted <= width:
            break
        keep[i] = False
    return keep


def longest_word(column: Column, cells: Sequence[str], measure: Callable[[str], int] = len) -> int:
    """The width below which a column would break words (or, unwrapped, its widest cell)."""
    if not column.wrap:
        return max(map(measure, [column.header, *cells]))
    words = [measure(word) for cell in [column.header, *cells] for word in cell.split()]
    return min(max(words), LONGEST_UNBROKEN)


QUOTE_COLUMNS = [
    Column(header="doc", optional=1), Column(header="speaker"), Column(header="role", optional=2),
    Column(header="date", wrap=False), Column(header="quote", plain_width=70, share=3),
]


def print_quote_table(quotes: Sequence[Quote]) -> None:
    print_table(QUOTE_COLUMNS, [[q.doc, q.speaker or "-", q.role or "-", q.date or "-", q.text] for q in quotes])


def escape(cell: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(cell)  # a quote holding "[b]" is text, not markup


@dataclass
class IngestProgress:
    """``on_progress`` for an ingest; keeps the latest totals for the summary after a stop."""

    stats: IngestStats | None = None
    bar: Any = None  # rich.progress.Progress, on a terminal
    shown: set[int] = field(default_factory=set)

    def __call__(self, stats: IngestStats) -> None:
        self.stats = stats
        if self.bar is not None:
            task = self.bar.tasks[0]
            self.bar.update(
                task.id, completed=stats.done, rate=f"{task.speed:.1f} articles/s" if task.speed else "",
                description=f"{stats.new} new, {stats.skipped} skipped, {stats.failed} failed",
            )
        elif stats.done % PROGRESS_EVERY == 0 and stats.done not in self.shown:
            self.shown.add(stats.done)  # skipped articles report twice: once is enough
            typer.echo(f"progress: {stats.done} articles: {stats.new} new, {stats.skipped} skipped, "
                       f"{stats.failed} failed", err=True)


@contextmanager
def ingest_progress(total: int | None) -> Iterator[IngestProgress]:
    """A bar with the count, rate and time left on a terminal (stderr); plain lines otherwise.
    ``total`` is the number of articles expected (None: unknown, the bar shows no time left)."""
    progress = IngestProgress()
    if not sys.stderr.isatty():
        yield progress
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress.bar = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
        console=Console(stderr=True, highlight=False), redirect_stderr=True,
    )
    progress.bar.add_task("starting", total=total, rate="")
    with progress.bar, _logs_above():
        yield progress


@contextmanager
def _logs_above() -> Iterator[None]:
    """Log lines (warnings) go through the bar's stderr, which prints them above the bar."""
    handlers = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
    streams = [h.stream for h in handlers]
    for handler in handlers:
        handler.setStream(sys.stderr)  # rich's stand-in for stderr while the bar is drawn
    try:
        yield
    finally:
        for handler, stream in zip(handlers, streams, strict=True):
            handler.setStream(stream)
