"""A store's content as comparable rows: what two ways of ingesting the same articles must agree on.

The full-text index is compared by what it holds for each occurrence (every term, column and
position, ``fts5vocab``), which is what searches read. Left out: ``articles.ingested_at`` (a
clock), occurrence rowids (insertion order), and
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


FULL_TEXT = "full_text"


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        found = {table: sorted(conn.execute(f"SELECT {columns} FROM {table}").fetchall(), key=repr)
                 for table, columns in COLUMNS.items()}
        conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, occurrences_fts, 'instance')")
        found[FULL_TEXT] = sorted(conn.execute(
            "SELECT o.id, t.term, t.col, t.offset FROM temp.terms t JOIN occurrences o ON o.rowid = t.doc"
        ).fetchall(), key=repr)
    return found


def differences(a: Path, b: Path) -> dict[str, tuple[int, int, int]]:
    """Per table that differs: (rows in a, rows in b, rows in only one of them)."""
    left, right = dump(a), dump(b)
    found = {}
    for table in [*COLUMNS, FULL_TEXT]:
        only = set(left[table]) ^ set(right[table])
        if only or len(left[table]) != len(right[table]):
            found[table] = (len(left[table]), len(right[table]), len(only))
    return found
