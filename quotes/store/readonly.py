"""Read-only connections: SQLite ``mode=ro``, or ``immutable=1`` when the folder cannot be written.

A reader of a WAL database needs its ``-shm`` index file. When the last writer closed cleanly that
file is gone, and a reader that may not create it (a read-only folder or mount) cannot open the
database at all. Then, and only when no ``-wal`` file holds changes not yet merged into the
database, the file is opened ``immutable``: SQLite takes no locks and assumes nobody changes it,
so a write made while it is open is not seen (a warning says so).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from quotes.errors import StoreError

from .compat import sqlite_utils
from .schema import SCHEMA_VERSION, check_usable, version

log = logging.getLogger(__name__)
BUSY_TIMEOUT_S = 60.0  # a reader waits this long while a writer checkpoints
# SQLITE_CANTOPEN, SQLITE_READONLY_CANTINIT and SQLITE_READONLY_DIRECTORY: the -shm file could
# neither be opened nor made
_NO_SHM = {14, 1288, 1544}


def connect(target: Path) -> sqlite3.Connection:
    """A connection that cannot write to ``target`` (an existing file)."""
    uri = target.resolve().as_uri() + "?mode=ro"
    conn = _connect(uri)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the file (and the -shm)
        return conn
    except sqlite3.DatabaseError as exc:
        conn.close()
        if not _shm_unavailable(target, exc):
            raise StoreError(
                f"cannot open database {target}: {exc}; check the path, or pass --db with another file"
            ) from exc
    log.warning(
        "database %s: its folder cannot be written, so it is read as an immutable file: "
        "changes written to it while this runs are not seen",
        target,
    )
    return _connect(uri + "&immutable=1")


def _connect(uri: str) -> sqlite3.Connection:
    # check_same_thread=False: a web worker thread may close a connection another one opened
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)


def _shm_unavailable(target: Path, exc: sqlite3.DatabaseError) -> bool:
    """The open failed only for want of a -shm file in a folder we may not write; refuse if a
    -wal file holds changes, since reading without it would give an older database."""
    if getattr(exc, "sqlite_errorcode", None) not in _NO_SHM or os.access(target.parent, os.W_OK):
        return False
    wal = target.with_name(target.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(
            f"database {target} has changes in {wal.name} that only a writer can merge, and its folder "
            "cannot be written; run any quotes command on it once with write access, or copy the "
            "database with its -wal file to a writable folder"
        ) from exc
    return True


def prepare(db: sqlite_utils.Database, path: str) -> bool:
    """Check the file is a quotes database this release reads; True when its schema is older."""
    db.execute("PRAGMA query_only = ON")  # a second guard beside mode=ro
    check_usable(db, path, create=False)
    return version(db) < SCHEMA_VERSION
