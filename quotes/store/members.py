"""The clustering index in SQLite: members, their blocking keys and families (``statements.cluster``).

Placing a member finds the members it links to through shared keys, merges their families and
partitions the merged family anew (``statements.partition``); members whose statement changed move
their occurrences. Work grows with the family, not with the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from quotes import statements

from .compat import sqlite_utils


@dataclass
class Changes:
    """Statements whose members changed (to refresh, or drop when empty), and those created."""

    touched: set[str] = field(default_factory=set)
    created: set[str] = field(default_factory=set)


def load(db: sqlite_utils.Database, where: str, params: list[str]) -> list[statements.Member]:
    rows = db.execute(
        f"SELECT id, norm, elided, speaker, first_day, last_day, open_before, quoted FROM members WHERE {where}",
        params,
    ).fetchall()
    return [
        statements.Member(mid, statements.Wording.stored(norm, bool(elided), quoted), speaker,
                          statements.Occasion(first, last, bool(before)))
        for mid, norm, elided, speaker, first, last, before, quoted in rows
    ]


def place(db: sqlite_utils.Database, member: statements.Member, changes: Changes) -> str:
    """Store ``member`` if new and re-partition its family; its statement's id (``changes`` records
    the statements whose members changed)."""
    row = db.execute("SELECT cluster_id FROM members WHERE id = ?", [member.id]).fetchone()
    if row is not None:  # the same wording, speaker and occasion as stored: its statement, one more copy
        changes.touched.add(str(row[0]))
        return str(row[0])
    keys = statements.blocking_keys(member.wording)
    found = statements.links(member, load(db, "id IN (SELECT value FROM json_each(?))", [candidates(db, keys)]))
    families = sorted({f for (f,) in db.execute(
        f"SELECT DISTINCT family FROM members WHERE id IN ({','.join('?' * len(found))})", [m.id for m in found]
    )}) if found else []
    family = min([member.id, *families])
    kin = load(db, f"family IN ({','.join('?' * len(families))})", families) if families else []
    assignment = statements.partition([member, *kin])
    ensure_clusters(db, set(assignment.values()), member, changes)
    db.execute(
        "INSERT INTO members (id, norm, elided, speaker, first_day, last_day, open_before, keys, family,"
        " cluster_id, quoted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [member.id, member.wording.norm, int(member.wording.elided), member.speaker, member.occasion.first,
         member.occasion.last, int(member.occasion.open_before), len(keys), family, assignment[member.id],
         member.wording.quoted_text],
    )
    db.conn.executemany("INSERT OR IGNORE INTO member_keys (key, member) VALUES (?, ?)", [(k, member.id) for k in keys])
    move(db, kin, assignment, family, changes)
    changes.touched.add(assignment[member.id])
    return assignment[member.id]


def candidates(db: sqlite_utils.Database, keys: list[int]) -> str:
    """Ids (a JSON list) of the members sharing enough keys (``statements.enough_keys``), skipping
    keys held by more than ``statements.MAX_POSTINGS`` members, as the in-memory clusterer does."""
    if not keys:
        return "[]"
    marks = ",".join("?" * len(keys))
    usable = [k for (k,) in db.execute(
        f"SELECT key FROM member_keys WHERE key IN ({marks}) GROUP BY key HAVING count(*) <= ?",
        [*keys, statements.MAX_POSTINGS],
    )]
    if not usable:
        return "[]"
    rows = db.execute(
        f"SELECT k.member, count(*), m.keys FROM member_keys k JOIN members m ON m.id = k.member"
        f" WHERE k.key IN ({','.join('?' * len(usable))}) GROUP BY k.member",
        usable,
    ).fetchall()
    return json.dumps([mid for mid, shared, count in rows if statements.enough_keys(shared, len(keys), count)])


def ensure_clusters(db: sqlite_utils.Database, ids: set[str], member: statements.Member, changes: Changes) -> None:
    """Rows for new statement ids (their summaries are filled in by ``write.refresh_cluster``)."""
    for cid in sorted(ids):
        if db.execute("SELECT 1 FROM clusters WHERE id = ?", [cid]).fetchone() is None:
            db.execute("INSERT INTO clusters (id, text, norm) VALUES (?, ?, ?)",
                       [cid, member.wording.norm, member.wording.norm])
            changes.created.add(cid)


def move(
    db: sqlite_utils.Database, kin: list[statements.Member], assignment: dict[str, str], family: str,
    changes: Changes,
) -> None:
    """Record the merged family and the new statements of members already stored."""
    current = dict(db.execute(
        f"SELECT id, cluster_id FROM members WHERE id IN ({','.join('?' * len(kin))})", [m.id for m in kin]
    ).fetchall()) if kin else {}
    db.conn.executemany("UPDATE members SET family = ? WHERE id = ?", [(family, m.id) for m in kin])
    for mid, old in current.items():
        new = assignment[mid]
        if new != old:
            db.execute("UPDATE members SET cluster_id = ? WHERE id = ?", [new, mid])
            db.execute("UPDATE occurrences SET cluster_id = ? WHERE cluster_id = ? AND member = ?", [new, old, mid])
            changes.touched.update((old, new))
