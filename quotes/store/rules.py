"""Which clustering rules a database was clustered by, and bringing it to this release's rules.

Members and their blocking keys are stored as the rules of their day made them. A new occurrence
placed by other rules would miss stored members the new rules link it to (or keep links they no
longer make), and the statements would depend on which release ingested which article. So the
first write of a release to a database clustered by other rules (``statements.RULES``, recorded in
``settings``) rebuilds its statements before anything new is stored; readers answer from the
stored statements as they are, which are consistent among themselves.
"""

from __future__ import annotations

from quotes import statements

from .compat import sqlite_utils
from .recluster import Reclustered, recluster
from .transaction import immediate

KEY = "clustering_rules"


def stored_rules(db: sqlite_utils.Database) -> str | None:
    """The rules the database was clustered by; None when it predates their recording."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [KEY]).fetchone()
    return None if row is None else str(row[0])


def record_rules(db: sqlite_utils.Database) -> None:
    """Record that the database is clustered by this release's rules (inside the caller's transaction)."""
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [KEY, str(statements.RULES)],
    )


def ensure_current(db: sqlite_utils.Database) -> Reclustered | None:
    """Recluster a database clustered by other rules, in a transaction of its own.

    Returns what the rebuild changed, or None when there was nothing to rebuild (already current,
    or no occurrences yet: then the rules are only recorded).
    """
    current = str(statements.RULES)
    if stored_rules(db) == current:
        return None
    result = None
    with immediate(db):
        if stored_rules(db) != current:  # another writer may have rebuilt it while we waited for the lock
            if db.execute("SELECT 1 FROM occurrences LIMIT 1").fetchone():
                result = recluster(db)
            record_rules(db)
    return result
