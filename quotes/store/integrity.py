"""Is the database file sound? SQLite's quick check, run when a database is opened.

A writer (``ingest``) refuses a database that fails the check before writing anything to it:
writing into a damaged b-tree spreads the damage, and the new articles would be committed into
a file whose answers are already wrong. A reader of a file small enough to check quickly runs the
same check and warns: its answers may be incomplete, but what is readable stays readable. (On a
larger file, a query that reaches a damaged page still fails with an error that says so.)

``PRAGMA quick_check`` reads every page once (it verifies b-tree structure, free lists and record
formats, not that indexes match their tables), so it costs about one read of the file; it is run
once per open, never per article. ``benchmarks/integrity.py`` measures it at 1M quotes.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from quotes.errors import StoreError

from .compat import sqlite_utils

log = logging.getLogger(__name__)

MAX_PROBLEMS = 3  # the check stops after this many findings: the verdict needs only the first
# A reader checks a file up to this size (about 20k quotes: ~0.05 s), and never for longer than the
# budget; a larger file is not checked at all rather than paying the budget for a partial check.
READ_CHECK_MAX_BYTES = 32 * 2**20
READ_CHECK_BUDGET_S = 0.2


def quick_check(conn: sqlite3.Connection, *, budget_s: float | None = None) -> list[str] | None:
    """The problems ``PRAGMA quick_check`` finds ([] when sound); None if ``budget_s`` ran out first."""
    if budget_s is None:
        return _quick_check(conn)
    done = threading.Event()

    def interrupt_when_late() -> None:
        # The check runs inside one SQLite instruction, which no progress handler sees, but it
        # honours sqlite3_interrupt; interrupting until it is over catches it even if it starts late.
        if not done.wait(budget_s):
            while not done.wait(0.005):
                conn.interrupt()

    watcher = threading.Thread(target=interrupt_when_late, name="quotes-check-budget", daemon=True)
    watcher.start()
    try:
        return _quick_check(conn)
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            return None
        raise
    finally:
        done.set()
        watcher.join()


def _quick_check(conn: sqlite3.Connection) -> list[str]:
    try:
        rows = conn.execute(f"PRAGMA quick_check({MAX_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and "interrupt" in str(exc):
            raise
        return [str(exc)]  # damage bad enough that the check itself cannot run
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


def refuse_if_damaged(db: sqlite_utils.Database, path: Path) -> None:
    """Raise ``StoreError`` before the first write when the file fails the quick check."""
    problems = quick_check(db.conn)
    if problems:
        raise StoreError(damaged_message(path, _finding(problems)) + "; nothing was written to it")


def warn_if_damaged(db: sqlite_utils.Database, path: Path, *, budget_s: float = READ_CHECK_BUDGET_S) -> bool:
    """Log a warning when the file fails the quick check (run for at most ``budget_s``, and only on a
    file of at most ``READ_CHECK_MAX_BYTES``); True if it did."""
    size = path.stat().st_size if path.exists() else 0
    if size > READ_CHECK_MAX_BYTES:
        log.debug("%s: %d bytes, too large to check on every read; ingest checks it", path, size)
        return False
    problems = quick_check(db.conn, budget_s=budget_s)
    if problems is None:
        log.debug("%s: integrity check skipped, it needs more than %.1f s", path, budget_s)
        return False
    if problems:
        log.warning("%s; answers from it may be incomplete or wrong", damaged_message(path, _finding(problems)))
    return bool(problems)


def _finding(problems: list[str]) -> str:
    """The first finding, without the "*** in database main ***" heading SQLite puts above it."""
    lines = [line for p in problems for line in p.splitlines() if line.strip() and not line.startswith("***")]
    return "integrity check: " + " ".join((lines or problems)[0].split())[:200]


def damaged_message(path: Path, detail: str) -> str:
    return (
        f"database {path} is damaged ({detail}); restore it from a backup, or ingest the articles again "
        "into a new --db"
    )
