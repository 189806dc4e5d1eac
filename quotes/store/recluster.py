"""Rebuilding statements and speakers from the stored occurrences (``quotes recluster``, migration 5).

The result is what ingesting the same articles would give, in any order: the clustering runs in
memory over every occurrence (``statements.Clusterer``), then members, keys, cluster ids, summaries
and the speakers table are rewritten. Running it twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotes import statements

from . import speakers as store_speakers
from .compat import sqlite_utils
from .query import nested_of
from .write import refresh_cluster


@dataclass(frozen=True)
class Reclustered:
    """What a rebuild changed."""

    occurrences: int
    moved: int  # occurrences whose statement changed
    clusters_before: int
    clusters_after: int


def recluster(db: sqlite_utils.Database) -> Reclustered:
    """Rebuild members, statements and speakers from the occurrences (inside the caller's transaction)."""
    before = int(db.execute("SELECT count(*) FROM clusters").fetchone()[0])
    nested = "o.nested" if migrated(db) else "NULL"
    rows = db.execute(
        f"SELECT o.id, o.text, o.speaker, o.date, o.date_basis, a.published, o.cluster_id, o.member, {nested}"
        " FROM occurrences o JOIN articles a ON a.id = o.article_id ORDER BY o.id"
    ).fetchall()
    clusterer = statements.Clusterer()
    placed = [(row, clusterer.add(row[1], row[2], row[3], row[4], row[5], nested_of(row[8]))) for row in rows]
    write_members(db, clusterer)
    db.conn.executemany(
        "INSERT OR IGNORE INTO clusters (id, text, norm) VALUES (?, '', '')",
        [(cid,) for cid in sorted(set(clusterer.statement_of.values()))],
    )
    changed = [(clusterer.cluster(mid), mid, row[0]) for row, mid in placed
               if (row[6], row[7]) != (clusterer.cluster(mid), mid)]
    db.conn.executemany("UPDATE occurrences SET cluster_id = ?, member = ? WHERE id = ?", changed)
    db.execute("DELETE FROM clusters WHERE id NOT IN (SELECT cluster_id FROM occurrences)")
    for (cid,) in db.execute("SELECT id FROM clusters ORDER BY id").fetchall():
        refresh_cluster(db, cid)
    store_speakers.rebuild(db)
    after = int(db.execute("SELECT count(*) FROM clusters").fetchone()[0])
    return Reclustered(occurrences=len(rows), moved=len(changed), clusters_before=before, clusters_after=after)


def migrated(db: sqlite_utils.Database) -> bool:
    """The quotations inside quotes are stored (migration 8; migration 5 reclusters before they are)."""
    return any(row[1] == "quoted" for row in db.execute("PRAGMA table_info(members)"))


def write_members(db: sqlite_utils.Database, clusterer: statements.Clusterer) -> None:
    db.execute("DELETE FROM member_keys")
    db.execute("DELETE FROM members")
    quoted = migrated(db)
    db.conn.executemany(
        "INSERT INTO members (id, norm, elided, speaker, first_day, last_day, open_before, keys, family,"
        f" cluster_id{', quoted' if quoted else ''}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?{', ?' if quoted else ''})",
        [(m.id, m.wording.norm, int(m.wording.elided), m.speaker, m.occasion.first, m.occasion.last,
          int(m.occasion.open_before), clusterer.key_count[m.id], clusterer.family_of[m.id], clusterer.cluster(m.id),
          *([m.wording.quoted_text] if quoted else [])) for m in clusterer.members.values()],
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO member_keys (key, member) VALUES (?, ?)",
        [(key, mid) for key, mids in clusterer.postings.items() for mid in mids],
    )
