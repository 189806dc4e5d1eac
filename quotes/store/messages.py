"""SQLite errors said as what happened to the database file and what to do about it.

SQLite names its failures by result code (``sqlite3.Error.sqlite_errorname``): a database that is
only locked by another writer, or only read-only here, must not be reported as damaged.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .integrity import damaged_message


def sqlite_message(path: Path, exc: sqlite3.Error, *, busy_timeout_s: float) -> str:
    """One line for ``exc`` raised on the database at ``path``."""
    code = str(getattr(exc, "sqlite_errorname", "") or "")
    kind = code.removeprefix("SQLITE_").split("_")[0]
    if kind == "CORRUPT":
        return damaged_message(path, str(exc))
    if kind == "NOTADB":
        return f"{path} is not a SQLite database ({exc}); check the path, or pass --db with another file"
    if kind in ("BUSY", "LOCKED"):
        return (f"database {path} is locked: another program (another quotes ingest?) kept it busy for more "
                f"than {busy_timeout_s:.0f} s; try again when it has finished")
    if kind == "READONLY":
        return (f"database {path} is read-only here: this user cannot write the file or its folder (SQLite "
                "writes journal files beside it); run as a user who can, or copy it to a writable folder "
                "and pass --db")
    if kind in ("CANTOPEN", "PERM", "AUTH"):
        return (f"cannot open database {path} ({exc}); check that the file and its folder exist and that "
                "this user may read them")
    if kind == "FULL":
        return f"database {path}: the disk is full ({exc}); free some space and run the command again"
    if kind == "IOERR":
        return f"database {path}: reading or writing the file failed ({exc}); check the disk it is on"
    return f"database {path}: {exc}; check the file with: sqlite3 {path} 'PRAGMA integrity_check'"
