"""Writing many extracted articles in one transaction: what storing them one by one would store.

``add_extraction`` (``write``) does everything for one article in its own transaction: its
occurrences, their members placed in statements, every touched statement's summary, every
touched surname's speakers rows. A statement's summary and a surname's speakers rows are
functions of what is stored, so within one transaction they need computing only once, after the
batch's last article, not after each; and what each quote adds to a speaker's name (a count, a
mention, a role with its dates) adds up the same in any grouping. So a batch:

- places every member as ``write`` does, one at a time (the clustering index sees each earlier one),
  but in memory (``index``): the stored members, key postings and families it needs are read with
  a few queries per batch, and what changed is written once at the end;
- inserts the occurrences with one statement each (``executemany``), each given its member's
  statement as it stands at the end (a later member may have moved an earlier one's);
- sums each speaker name's counts, mentions and roles in memory and writes each name once;
- refreshes each touched statement and regroups each touched surname once, each kind of row read
  with one query for the whole batch and written with one statement (``executemany``).

The result is row for row what ``add_extraction`` gives article by article (tests/test_batch_writer.py),
with the same atomicity per transaction: a killed ingest leaves whole batches of whole articles.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from quotes.models import Extraction
from quotes.text import earliest, latest

from . import appended
from . import speakers as store_speakers
from .aliases import stored_hashes
from .compat import sqlite_utils
from .index import Index
from .transaction import immediate
from .write import (
    OCCURRENCE_COLUMNS,
    OCCURRENCE_PARAMETERS,
    SUMMARY_COLUMNS,
    date_key,
    member_of,
    nested_json,
    occurrence_id,
    settle,
)


@dataclass(frozen=True)
class Stored:
    """What storing one batch changed."""

    new: int = 0  # articles stored
    skipped: int = 0  # articles already stored (or twice in the batch): nothing changed for them
    quotes: int = 0
    new_clusters: int = 0


@dataclass
class _Name:
    """One speaker name's additions in a batch: quotes, mentions, and per role (first, last, count)."""

    quotes: int = 0
    mentions: set[str] = field(default_factory=set)
    roles: dict[str, tuple[str | None, str | None, int]] = field(default_factory=dict)


def add_extractions(db: sqlite_utils.Database, extractions: Sequence[Extraction]) -> Stored:
    """Store a batch of articles in one transaction; articles already stored are left untouched."""
    if not extractions:
        return Stored()
    with _collector_paused(), immediate(db):
        return _add(db, extractions)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection during a batch (restored after, as it was).

    A batch allocates some hundred thousand short-lived objects (rows, members, entries) that form no
    reference cycles, and every few thousand allocations the collector walked them and the whole heap
    again: about a tenth of the writer's CPU time. Reference counting still frees everything at once.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _add(db: sqlite_utils.Database, extractions: Sequence[Extraction]) -> Stored:
    fresh = _fresh(db, extractions)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    db.conn.executemany(
        "INSERT INTO articles (id, doc, source, outlet, title, author, published, text, encoding,"
        " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(a.content_hash, a.doc, a.source, a.outlet, a.title, a.author, a.published, a.text, a.encoding, now)
         for a in (e.article for e in fresh)],
    )
    placed = [(extraction.article, quote, member_of(quote, extraction.article.published))
              for extraction in fresh for quote in extraction.quotes]
    index = Index(db)
    index.prepare(member for _, _, member in placed)
    rows: list[list[object]] = []
    names: dict[str, _Name] = {}
    for article, quote, member in placed:
        index.place(member)
        when = date_key(quote, article.published)
        rows.append([occurrence_id(article.content_hash, quote), article.content_hash, member.id, quote.start,
                     quote.end, quote.text, member.wording.norm, quote.speaker, quote.speaker_start,
                     quote.speaker_end, quote.role, quote.date, quote.date_basis, quote.cue, quote.kind,
                     quote.confidence, when, member.id, nested_json(quote)])
        if quote.speaker:
            mention = None
            if quote.speaker_start is not None and quote.speaker_end is not None:
                mention = article.text[quote.speaker_start : quote.speaker_end]
            _count(names.setdefault(quote.speaker, _Name()), quote.speaker, mention, quote.role, when)
    index.flush()
    _insert_occurrences(db, rows, index)
    surnames = _record_speakers(db, names)
    new_clusters = len(_summarise(db, index, rows, {e.article.content_hash: e.article.published for e in fresh})
                       & index.changes.created)
    store_speakers.regroup(db, surnames)
    return Stored(new=len(fresh), skipped=len(extractions) - len(fresh), quotes=len(rows), new_clusters=new_clusters)


def _fresh(db: sqlite_utils.Database, extractions: Sequence[Extraction]) -> list[Extraction]:
    """The batch's articles not stored yet, each once (the first of two with the same content)."""
    stored = stored_hashes(db, (e.article.content_hash for e in extractions))
    fresh = []
    for extraction in extractions:
        key = extraction.article.content_hash
        if key not in stored:
            stored.add(key)
            fresh.append(extraction)
    return fresh


def _insert_occurrences(db: sqlite_utils.Database, rows: list[list[object]], index: Index) -> None:
    """Each row's member (third column, for now) replaced by its statement as it stands after the batch.

    The rows go to a temporary table first, then into ``occurrences`` with one statement, in the same
    order (``INSERT OR IGNORE``: the first of two with one id): the full-text index's trigger runs
    for every row either way, but FTS5 flushes its pending terms into a new segment of the index at
    the end of every statement, so one ``INSERT`` a row (``executemany``) wrote a segment a row and
    kept the index merging them (at 100k quotes 1.2x the articles per CPU second, side by side)."""
    for row in rows:
        row[2] = index.statement(str(row[2]))
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS batch_occurrences ({OCCURRENCE_COLUMNS})")
    db.conn.executemany(f"INSERT INTO temp.batch_occurrences ({OCCURRENCE_COLUMNS})"
                        f" VALUES ({OCCURRENCE_PARAMETERS})", rows)
    db.execute(f"INSERT OR IGNORE INTO occurrences ({OCCURRENCE_COLUMNS})"
               f" SELECT {OCCURRENCE_COLUMNS} FROM temp.batch_occurrences ORDER BY rowid")
    db.execute("DELETE FROM temp.batch_occurrences")


def _summarise(
    db: sqlite_utils.Database, index: Index, rows: list[list[object]], published: dict[str, str | None]
) -> set[str]:
    """``write.settle`` for the touched statements, but those a batch only appended occurrences to whose
    summary follows from the stored one (``appended``): the statements that remain."""
    only_added = index.changes.touched - index.changes.created - index.moved
    added: dict[str, list[appended.Added]] = {}
    inserted: set[object] = set()
    for row in rows:  # as ``INSERT OR IGNORE`` stored them: the first of two with one id
        if row[2] in only_added and row[0] not in inserted:
            added.setdefault(str(row[2]), []).append(
                (str(row[5]), _text(row[7]), _text(row[10]), _text(row[16]), published[str(row[1])]))
        inserted.add(row[0])
    derived = appended.summaries(db, added)
    db.conn.executemany(f"UPDATE clusters SET {SUMMARY_COLUMNS} WHERE id = ?",
                        [(*summary, cid) for cid, summary in sorted(derived.items())])
    return settle(db, index.changes.touched - derived.keys()) | derived.keys()


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _count(name: _Name, speaker: str, mention: str | None, role: str | None, when: str | None) -> None:
    """What ``speakers.record_speaker`` adds for one quote, added up in memory."""
    name.quotes += 1
    mention = " ".join(mention.split()) if mention else None
    if mention and mention != speaker:
        name.mentions.add(mention)
    if role:
        first, last, count = name.roles.get(role, (when, when, 0))
        name.roles[role] = (earliest([first, when]), latest([last, when]), count + 1)


def _record_speakers(db: sqlite_utils.Database, names: dict[str, _Name]) -> list[str]:
    """Each name's batch totals written once (``speakers.record_speaker``'s rows); the surnames touched."""
    speakers = sorted(names)
    each = json.dumps(speakers)
    surnames = [store_speakers.surname(speaker) for speaker in speakers]
    db.conn.executemany("INSERT OR IGNORE INTO speaker_names (name, surname) VALUES (?, ?)",
                        zip(speakers, surnames, strict=True))
    known = dict(db.execute("SELECT name, mentions FROM speaker_names WHERE name IN (SELECT value FROM json_each(?))",
                            [each]).fetchall())
    db.conn.executemany(
        "UPDATE speaker_names SET quotes = quotes + ?, mentions = ? WHERE name = ?",
        [(names[s].quotes, json.dumps(sorted(set(json.loads(known[s])) | names[s].mentions)), s) for s in speakers],
    )
    stored = {(name, role): (first, last) for name, role, first, last in db.execute(
        "SELECT name, role, first_seen, last_seen FROM speaker_name_roles WHERE name IN"
        " (SELECT value FROM json_each(?))", [each])}
    added, widened = [], []
    for speaker in speakers:
        for role, (first, last, count) in sorted(names[speaker].roles.items()):
            was = stored.get((speaker, role))
            if was is None:
                added.append((speaker, role, first, last, count))
            else:
                widened.append((earliest([was[0], first]), latest([was[1], last]), count, speaker, role))
    db.conn.executemany("INSERT INTO speaker_name_roles (name, role, first_seen, last_seen, quotes)"
                        " VALUES (?, ?, ?, ?, ?)", added)
    db.conn.executemany("UPDATE speaker_name_roles SET first_seen = ?, last_seen = ?, quotes = quotes + ?"
                        " WHERE name = ? AND role = ?", widened)
    return surnames
