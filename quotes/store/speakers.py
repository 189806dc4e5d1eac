"""The speakers table: one row per person, the names of one person merged under the fullest.

Articles name people differently ("Medvedev", "D. Medvedev", "Dmitry Medvedev"), and each
extraction only knows its own article. So a speaker is resolved against the rows with the same
surname (``statements.same_person``): a new name that matches them is counted under the fullest form,
an existing row with a shorter name is folded into a fuller newcomer, and the other names become
aliases. A name that would join different people ("Clinton" with rows for Bill and Hillary
Clinton) is ambiguous and keeps a row of its own.

Limits: rows are merged as names arrive, so an ambiguous surname-only row that later meets a
fuller name of one of the people is folded into that person.
"""

from __future__ import annotations

import itertools
import json

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
    """Count one quote for the person ``name`` names; remember the mention and the role with its date."""
    label = resolve(db, name)
    db.execute("UPDATE speakers SET quotes = quotes + 1 WHERE name = ?", [label])
    if mention:
        add_aliases(db, label, [mention])
    if role:
        add_role(db, label, role, (when, when, 1))
    return label


def resolve(db: sqlite_utils.Database, name: str) -> str:
    """The row ``name`` is counted under, creating the row or merging rows of the same person."""
    rows = [str(row[0]) for row in db.execute("SELECT name FROM speakers WHERE surname = ?", [surname(name)])]
    if name in rows:
        return name
    matches = [row for row in rows if statements.same_person(row, name)]
    group = [name, *matches]
    if not matches or not all(statements.same_person(a, b) for a, b in itertools.combinations(group, 2)):
        insert(db, name)  # a new person, or a name that would join different people
        return name
    label = min(group, key=statements.fullness)
    if label == name:
        insert(db, name)
    else:
        add_aliases(db, label, [name])
    for other in matches:
        if other != label:
            fold(db, other, label)
    return label


def insert(db: sqlite_utils.Database, name: str) -> None:
    db.execute("INSERT OR IGNORE INTO speakers (name, surname) VALUES (?, ?)", [name, surname(name)])


def fold(db: sqlite_utils.Database, old: str, into: str) -> None:
    """Move row ``old`` (its count, aliases and roles) into row ``into``; ``old`` becomes an alias."""
    aliases, quotes = db.execute("SELECT aliases, quotes FROM speakers WHERE name = ?", [old]).fetchone()
    add_aliases(db, into, [old, *json.loads(aliases)])
    db.execute("UPDATE speakers SET quotes = quotes + ? WHERE name = ?", [quotes, into])
    roles = db.execute(
        "SELECT role, first_seen, last_seen, quotes FROM speaker_roles WHERE speaker = ?", [old]
    ).fetchall()
    db.execute("DELETE FROM speaker_roles WHERE speaker = ?", [old])  # before the row: foreign key
    for role, first, last, count in roles:
        add_role(db, into, role, (first, last, count))
    db.execute("DELETE FROM speakers WHERE name = ?", [old])


def add_aliases(db: sqlite_utils.Database, name: str, mentions: list[str]) -> None:
    """Add other forms of the name (whitespace-normalised, without duplicates) to its row."""
    aliases: list[str] = json.loads(db.execute("SELECT aliases FROM speakers WHERE name = ?", [name]).fetchone()[0])
    new = [m for m in (" ".join(x.split()) for x in mentions) if m and m != name and m not in aliases]
    if new:
        aliases.extend(dict.fromkeys(new))
        db.execute("UPDATE speakers SET aliases = ? WHERE name = ?", [json.dumps(aliases), name])


def add_role(db: sqlite_utils.Database, name: str, role: str, seen: tuple[str | None, str | None, int]) -> None:
    """Count quotes in a role and widen its dates (``quotes.text.date_order``: dated before year-less)."""
    first, last, count = seen
    row = db.execute(
        "SELECT first_seen, last_seen FROM speaker_roles WHERE speaker = ? AND role = ?", [name, role]
    ).fetchone()
    if row is None:
        db.execute(
            "INSERT INTO speaker_roles (speaker, role, first_seen, last_seen, quotes) VALUES (?, ?, ?, ?, ?)",
            [name, role, first, last, count],
        )
        return
    db.execute(
        "UPDATE speaker_roles SET first_seen = ?, last_seen = ?, quotes = quotes + ? WHERE speaker = ? AND role = ?",
        [earliest([row[0], first]), latest([row[1], last]), count, name, role],
    )


def rebuild(db: sqlite_utils.Database) -> None:
    """Recount every speaker from the stored occurrences, in ingest order (used by a migration)."""
    db.execute("DELETE FROM speaker_roles")
    db.execute("DELETE FROM speakers")
    rows = db.execute(
        "SELECT o.speaker, substr(a.text, o.speaker_start + 1, o.speaker_end - o.speaker_start), o.role,"
        " o.date_key FROM occurrences o JOIN articles a ON a.id = o.article_id"
        " WHERE o.speaker IS NOT NULL AND o.speaker != '' ORDER BY a.rowid, o.rowid"
    ).fetchall()
    for name, mention, role, when in rows:
        record_speaker(db, name, mention, role, when)
