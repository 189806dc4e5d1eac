"""One write transaction: ``BEGIN IMMEDIATE``, then ``COMMIT``, or ``ROLLBACK`` on any exception.

Connections are opened with ``isolation_level=None`` (transactions are explicit), and every writer
takes the write lock up front so concurrent ingests wait on SQLite's busy timeout instead of failing
half-way; a killed or failing writer leaves the store as the last commit left it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .compat import sqlite_utils


@contextmanager
def immediate(db: sqlite_utils.Database) -> Iterator[None]:
    """Run the block in one ``BEGIN IMMEDIATE`` transaction: all of it is stored, or none."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")  # inside: a failed commit (disk full, busy) is rolled back too
    except BaseException:
        if db.conn.in_transaction:  # SQLite may already have rolled back after the error
            db.execute("ROLLBACK")
        raise
