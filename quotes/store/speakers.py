"""The speakers table: one row per person, the names of one person merged under the fullest.

Articles name people differently ("Medvedev", "D. Medvedev", "Dmitry Medvedev"), and each
extraction only knows its own article. So every distinct name keeps its own counts
(``speaker_names``, ``speaker_name_roles``), and the rows of the speakers table for one surname are
regrouped from those names after each article by the one rule clusters use too
(``statements.name_labels``): names of one person under the fullest, a name that would join
different people ("Clinton" beside Bill and Hillary Clinton) on its own. Counts are sums and the
grouping depends only on the set of names, so the table is the same whatever the ingest order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from quotes import statements
from quotes.text import earliest, latest

from .compat import sqlite_utils


def surname(name: str) -> str:
    """The blocking key of a name: its last word, case- and mark-insensitive."""
    tokens = statements.name_tokens(name)
    return tokens[-1] if tokens else name.casefold()


def record_speaker(
    db: sqlite_utils.Database, name: str, mention: str | None, role: str | None, when: str | None
) -> str:
    """Count one quote for the name; remember the mention and the role with its date. The surname,
    whose rows the caller regroups (``regroup``) once the article is stored."""
    key = surname(name)
    db.execute("INSERT OR IGNORE INTO speaker_names (name, surname) VALUES (?, ?)", [name, key])
    mentions: list[str] = json.loads(
        db.execute("SELECT mentions FROM speaker_names WHERE name = ?", [name]).fetchone()[0]
    )
    mention = " ".join(mention.split()) if mention else None
    if mention and mention != name and mention not in mentions:
        mentions = sorted([*mentions, mention])
    db.execute(
        "UPDATE speaker_names SET quotes = quotes + 1, mentions = ? WHERE name = ?", [json.dumps(mentions), name]
    )
    if role:
        add_role(db, "speaker_name_roles", "name", name, role, (when, when, 1))
    return key


def add_role(
    db: sqlite_utils.Database, table: str, column: str, name: str, role: str,
    seen: tuple[str | None, str | None, int],
) -> None:
    """Count quotes in a role and widen its dates (``quotes.text.date_order``: dated before year-less)."""
    first, last, count = seen
    row = db.execute(
        f"SELECT first_seen, last_seen FROM {table} WHERE {column} = ? AND role = ?", [name, role]
    ).fetchone()
    if row is None:
        db.execute(
            f"INSERT INTO {table} ({column}, role, first_seen, last_seen, quotes) VALUES (?, ?, ?, ?, ?)",
            [name, role, first, last, count],
        )
        return
    db.execute(
        f"UPDATE {table} SET first_seen = ?, last_seen = ?, quotes = quotes + ? WHERE {column} = ? AND role = ?",
        [earliest([row[0], first]), latest([row[1], last]), count, name, role],
    )


def regroup(db: sqlite_utils.Database, keys: Iterable[str]) -> None:
    """Rebuild the speakers rows of these surnames from the names recorded under them, with a few
    statements for all of them (an article's surnames, or a whole batch's)."""
    each = json.dumps(sorted(set(keys)))
    rows: dict[str, list[tuple[str, int, str]]] = {}
    for name, quotes, mentions, key in db.execute(
        "SELECT name, quotes, mentions, surname FROM speaker_names WHERE surname IN (SELECT value FROM json_each(?))",
        [each],
    ):
        rows.setdefault(key, []).append((name, quotes, mentions))
    roles: dict[str, list[tuple[str, str | None, str | None, int]]] = {}
    for name, role, first, last, count in db.execute(
        "SELECT name, role, first_seen, last_seen, quotes FROM speaker_name_roles WHERE name IN"
        " (SELECT name FROM speaker_names WHERE surname IN (SELECT value FROM json_each(?)))", [each]
    ):
        roles.setdefault(name, []).append((role, first, last, count))
    db.execute("DELETE FROM speaker_roles WHERE speaker IN (SELECT name FROM speakers WHERE surname IN"
               " (SELECT value FROM json_each(?)))", [each])
    db.execute("DELETE FROM speakers WHERE surname IN (SELECT value FROM json_each(?))", [each])
    people: list[tuple[str, str, str, int]] = []
    seen: dict[tuple[str, str], tuple[str | None, str | None, int]] = {}
    for key, named in sorted(rows.items()):
        labels = statements.name_labels(row[0] for row in named)
        for label in sorted(set(labels.values())):
            group = [row for row in named if labels[row[0]] == label]
            aliases = {row[0] for row in group} | {m for row in group for m in json.loads(row[2])}
            aliases.discard(label)
            people.append((label, key, json.dumps(sorted(aliases)), sum(row[1] for row in group)))
            for role, first, last, count in (r for row in group for r in roles.get(row[0], ())):
                was = seen.get((label, role))
                seen[(label, role)] = (first, last, count) if was is None else (
                    earliest([was[0], first]), latest([was[1], last]), was[2] + count)
    db.conn.executemany("INSERT INTO speakers (name, surname, aliases, quotes) VALUES (?, ?, ?, ?)", people)
    db.conn.executemany(
        "INSERT INTO speaker_roles (speaker, role, first_seen, last_seen, quotes) VALUES (?, ?, ?, ?, ?)",
        [(label, role, *dates) for (label, role), dates in seen.items()],
    )


def rebuild(db: sqlite_utils.Database) -> None:
    """Recount every speaker from the stored occurrences (``quotes recluster``, migrations)."""
    for table in ("speaker_roles", "speakers", "speaker_name_roles", "speaker_names"):
        db.execute(f"DELETE FROM {table}")
    rows = db.execute(
        "SELECT o.speaker, substr(a.text, o.speaker_start + 1, o.speaker_end - o.speaker_start), o.role,"
        " o.date_key FROM occurrences o JOIN articles a ON a.id = o.article_id"
        " WHERE o.speaker IS NOT NULL AND o.speaker != ''"
    ).fetchall()
    regroup(db, [record_speaker(db, name, mention, role, when) for name, mention, role, when in rows])
