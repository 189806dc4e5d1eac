"""The clustering index of one batch in memory: ``members.place`` for many members, with few queries.

``members.place`` asks SQLite about every member (is it stored, which members share its keys, their
families) and writes it at once: about a dozen statements a quote. A batch instead reads, once, the
batch's stored members, the postings of all its blocking keys (with the members they name) and,
when a merge needs them, whole families; it then links its members one at a time in memory,
exactly as ``place`` would (the postings and families it sees include the batch's earlier
members), partitions each family it changed once (``settle``: ``place`` partitions a family anew
for every member that joins it, quadratic in a wire story's family of near-identical quotes, and
the last of those partitions is the same), and writes the outcome at the end (``flush``): new
members and keys, new statement rows, and for stored members the family and statement they ended
with, their occurrences moved along. Nothing is written before ``flush``, so what is read is always the
store as it was when the batch began, completed by what the batch holds in memory.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from quotes import statements

from .compat import sqlite_utils
from .members import Changes

COLUMNS = "id, norm, elided, speaker, first_day, last_day, open_before, keys, family, cluster_id, quoted"
Row = tuple[str, str, int, str | None, int | None, int | None, int, int, str, str, str | None]


@dataclass
class Entry:
    """A member the batch knows: its index data now, and the family and statement stored (None if new)."""

    member: statements.Member
    keys: int
    family: str
    cluster: str
    stored: tuple[str, str] | None


def entry_of(row: Row) -> Entry:
    mid, norm, elided, speaker, first, last, before, keys, family, cluster, quoted = row
    member = statements.Member(mid, statements.Wording.stored(norm, bool(elided), quoted), speaker,
                               statements.Occasion(first, last, bool(before)))
    return Entry(member, keys, family, cluster, (family, cluster))


def _each(values: Iterable[object]) -> str:
    return json.dumps(sorted(set(values)))


class Index:
    """The index as ``place`` sees it, for the members of one batch (``prepare`` them first)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.changes = Changes()
        self.entries: dict[str, Entry] = {}
        self.rows: dict[str, Row] = {}  # stored members read with the postings, made entries when needed
        self.key_count: dict[str, int] = {}  # blocking keys per member (``members.keys``)
        self.keys: dict[str, list[int]] = {}  # blocking keys of the batch's new members
        self.count: Counter[int] = Counter()  # members per key: stored, then the batch's
        self.postings: dict[int, list[str]] = {}  # for keys held by at most MAX_POSTINGS stored members
        self.families: dict[str, list[str]] = {}  # the families read or merged, by id
        self.clusters: set[str] = set()  # statement rows known to exist
        self.absent: set[str] = set()  # statement ids known not to be stored
        self.created: dict[str, str] = {}  # statement rows to insert -> their norm (the canonical member's)
        self.dirty: set[str] = set()  # families the batch changed, to partition (``settle``)
        self.placed: set[str] = set()  # the members of the batch's occurrences: their statements are touched
        self.moved: set[str] = set()  # statements a stored member left or joined (their occurrences move)

    def prepare(self, members: Iterable[statements.Member]) -> None:
        """Read what placing ``members`` needs: the stored ones, and the postings of the others' keys."""
        batch = {m.id: m for m in members}
        for row in self.db.execute(f"SELECT {COLUMNS} FROM members WHERE id IN (SELECT value FROM json_each(?))",
                                   [_each(batch)]).fetchall():
            self.entries[row[0]] = entry_of(row)
            self.clusters.add(row[9])
        for mid, member in batch.items():
            if mid not in self.entries:
                self.keys[mid] = statements.blocking_keys(member.wording)
        self.read_postings(sorted({key for keys in self.keys.values() for key in keys}))
        own = {statements.cluster_id(m) for m in batch.values()}
        self.clusters.update(cid for (cid,) in self.db.execute(
            "SELECT id FROM clusters WHERE id IN (SELECT value FROM json_each(?))", [_each(own)]
        ))
        self.absent = own - self.clusters  # not stored (nothing is written before ``flush``)

    def read_postings(self, wanted: list[int]) -> None:
        """The stored postings of ``wanted`` keys but for those held by more than ``MAX_POSTINGS``
        members, and the members they name, each read once.

        Each key's members are counted up to one past ``MAX_POSTINGS`` (a crowded key is not walked to
        its end: it is only known to be crowded), then the postings of the others are read from the
        key table alone, and the members they name with one query, by sorted id: a member holding
        several of the batch's keys is read once, not once a key (the join of keys and members read
        the same row again for every key it shares)."""
        for key, held in self.db.execute(
            "SELECT j.value, (SELECT count(*) FROM (SELECT 1 FROM member_keys k WHERE k.key = j.value LIMIT ?))"
            " FROM json_each(?) j", [statements.MAX_POSTINGS + 1, json.dumps(wanted)],
        ).fetchall():
            self.count[key] = held
        usable = [key for key in wanted if self.count[key] <= statements.MAX_POSTINGS]
        for key in usable:
            self.postings[key] = []
        for key, mid in self.db.execute(
            "SELECT key, member FROM member_keys WHERE key IN (SELECT value FROM json_each(?))", [json.dumps(usable)]
        ).fetchall():
            self.postings[key].append(mid)
        named = {mid for key in usable for mid in self.postings[key]}
        for row in self.db.execute(f"SELECT {COLUMNS} FROM members WHERE id IN (SELECT value FROM json_each(?))",
                                   [_each(named)]).fetchall():
            self.rows[row[0]] = row
            self.key_count[row[0]] = row[7]
            self.clusters.add(row[9])  # a stored member's statement row exists (its occurrences use it)

    def entry(self, mid: str) -> Entry:
        found = self.entries.get(mid)
        if found is None:
            found = self.entries[mid] = entry_of(self.rows[mid])
        return found

    def place(self, member: statements.Member) -> None:
        """``members.place`` in memory, but for the partition: ``member`` joins the families it links to,
        and each family a batch changed is partitioned once, by ``settle``, not once per member placed.
        A family's statements are a function of its members (``statements.partition``), so the last
        partition ``place`` would make of it is the one ``settle`` makes."""
        self.placed.add(member.id)
        if member.id in self.entries:
            return
        keys = self.keys[member.id]
        joined = statements.linked_families(
            member, ((entry.family, entry.member) for entry in map(self.entry, self.candidates(keys))))
        family = min([member.id, *joined])
        kin = self.kin(joined)
        self.entries[member.id] = Entry(member, len(keys), family, "", None)  # its statement: ``settle``
        self.key_count[member.id] = len(keys)
        for key in keys:
            self.count[key] += 1
            self.postings.setdefault(key, []).append(member.id)
        for other in kin:
            other.family = family
        self.families[family] = [member.id, *(e.member.id for e in kin)]
        self.dirty.difference_update(joined)
        self.dirty.add(family)

    def settle(self) -> None:
        """Partition each family the batch changed, once; record the statements that gained or lost members."""
        for family in sorted(self.dirty):
            kin = [self.entries[mid] for mid in self.families[family]]
            assignment = statements.partition(e.member for e in kin)
            self.ensure_clusters(set(assignment.values()), {statements.cluster_id(e.member): e.member for e in kin})
            for other in kin:
                new = assignment[other.member.id]
                if other.stored is not None and new != other.cluster:
                    self.changes.touched.update((other.cluster, new))
                    self.moved.update((other.cluster, new))
                other.cluster = new
        self.dirty.clear()
        self.changes.touched.update(self.entries[mid].cluster for mid in self.placed)

    def candidates(self, keys: list[int]) -> list[str]:
        """The members sharing enough keys with ``keys`` (``members.candidates``), in a fixed order."""
        shared: dict[str, int] = {}
        for key in keys:
            if self.count[key] <= statements.MAX_POSTINGS:
                for mid in self.postings.get(key, ()):
                    shared[mid] = shared.get(mid, 0) + 1
        count = self.key_count
        return [mid for mid, n in shared.items() if statements.enough_keys(n, len(keys), count[mid])]

    def kin(self, families: list[str]) -> list[Entry]:
        """The members of ``families`` (read from the store the first time; each then merged away)."""
        unread = [f for f in families if f not in self.families]
        if unread:
            rows = self.db.execute(
                f"SELECT {COLUMNS} FROM members WHERE family IN (SELECT value FROM json_each(?))", [_each(unread)]
            ).fetchall()
            for family in unread:
                self.families[family] = []
            for row in rows:
                self.rows.setdefault(row[0], row)
                self.clusters.add(row[9])
                self.families[row[8]].append(row[0])
        return [self.entry(mid) for family in families for mid in self.families.pop(family)]

    def ensure_clusters(self, ids: set[str], centers: dict[str, statements.Member]) -> None:
        """``members.ensure_clusters``: a row for each statement id not stored yet, noted for ``flush``
        (its ``norm`` the canonical member's: ``clusters.norm`` is read by no one)."""
        missing = [cid for cid in ids if cid not in self.clusters]
        if not missing:
            return
        unknown = [cid for cid in missing if cid not in self.absent]
        if unknown:
            self.clusters.update(cid for (cid,) in self.db.execute(
                "SELECT id FROM clusters WHERE id IN (SELECT value FROM json_each(?))", [_each(unknown)]
            ))
        for cid in sorted(missing):
            if cid not in self.clusters:
                self.clusters.add(cid)
                self.created[cid] = centers[cid].wording.norm
                self.changes.created.add(cid)

    def statement(self, mid: str) -> str:
        return self.entries[mid].cluster

    def flush(self) -> None:
        """Write what the batch placed: statement rows, new members and keys, stored members' moves."""
        self.settle()
        self.db.conn.executemany("INSERT INTO clusters (id, text, norm) VALUES (?, ?, ?)",
                                 [(cid, norm, norm) for cid, norm in sorted(self.created.items())])
        new = [e for e in self.entries.values() if e.stored is None]
        self.db.conn.executemany(
            f"INSERT INTO members ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.member.id, e.member.wording.norm, int(e.member.wording.elided), e.member.speaker,
              e.member.occasion.first, e.member.occasion.last, int(e.member.occasion.open_before), e.keys,
              e.family, e.cluster, e.member.wording.quoted_text) for e in new],
        )
        self.db.conn.executemany("INSERT OR IGNORE INTO member_keys (key, member) VALUES (?, ?)",
                                 [(key, e.member.id) for e in new for key in self.keys[e.member.id]])
        changed = [e for e in self.entries.values() if e.stored is not None and e.stored != (e.family, e.cluster)]
        self.db.conn.executemany("UPDATE members SET family = ?, cluster_id = ? WHERE id = ?",
                                 [(e.family, e.cluster, e.member.id) for e in changed])
        self.db.conn.executemany("UPDATE occurrences SET cluster_id = ? WHERE cluster_id = ? AND member = ?",
                                 [(e.cluster, e.stored[1], e.member.id)
                                  for e in changed if e.stored and e.stored[1] != e.cluster])
