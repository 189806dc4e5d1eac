"""A store's content as comparable rows: what two ways of ingesting the same articles must agree on.

Left out: ``articles.ingested_at`` (a clock), occurrence rowids (insertion order), and
``clusters.norm``, which no reader uses and which holds the wording of whichever member first
created the row (already dependent on ingest order before batching).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

COLUMNS = {
    "articles": "id, doc, source, outlet, title, author, published, text, encoding",
    "occurrences": "id, article_id, cluster_id, start, \"end\", text, norm, speaker, speaker_start, speaker_end,"
                   " role, date, date_basis, cue, kind, confidence, date_key, member, nested",
    "clusters": "id, text, speaker, role, date, first_seen, occurrences, speakers, disputed",
    "members": "*",
    "member_keys": "*",
    "speakers": "*",
    "speaker_roles": "*",
    "speaker_names": "*",
    "speaker_name_roles": "*",
}


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        return {table: sorted(conn.execute(f"SELECT {columns} FROM {table}").fetchall(), key=repr)
                for table, columns in COLUMNS.items()}


def differences(a: Path, b: Path) -> dict[str, tuple[int, int, int]]:
    """Per table that differs: (rows in a, rows in b, rows in only one of them)."""
    left, right = dump(a), dump(b)
    found = {}
    for table in COLUMNS:
        only = set(left[table]) ^ set(right[table])
        if only or len(left[table]) != len(right[table]):
            found[table] = (len(left[table]), len(right[table]), len(only))
    return found
