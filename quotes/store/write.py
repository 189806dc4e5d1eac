"""Writing one extracted article: the article row, its occurrences, cluster assignment, speakers.

Everything for one article happens in one ``BEGIN IMMEDIATE`` transaction, so a killed ingest
leaves either the whole article or none of it, and concurrent ingests are serialised by SQLite
(the busy timeout makes the second writer wait instead of failing).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from quotes import statements
from quotes.models import Article, Extraction, Quote
from quotes.text import earliest, order_sql

from . import members as store_members
from . import speakers as store_speakers
from .aliases import stored_hashes
from .compat import sqlite_utils
from .transaction import immediate


@dataclass(frozen=True)
class Added:
    """What storing one article changed."""

    new: bool  # False when the same content was already stored (nothing changed)
    quotes: int = 0
    new_clusters: int = 0


def occurrence_id(content_hash: str, quote: Quote) -> str:
    return hashlib.sha1(f"{content_hash}:{quote.start}:{quote.end}".encode()).hexdigest()[:16]


def date_key(quote: Quote, published: str | None) -> str | None:
    """The date used by --since/--until: the date said, completed with the publication year if partial.

    A year-less date said in an article without a year stays year-less (the date said, not the
    publication day); with no date said, the publication date stands in.
    """
    if quote.date and quote.date.startswith("--") and published and published[:4].isdigit():
        return published[:4] + quote.date[1:]  # "--05-18" said in an article of 2012 -> "2012-05-18"
    return quote.date or published


def add_extraction(db: sqlite_utils.Database, extraction: Extraction) -> Added:
    """Store an article and its quotes atomically; an article already stored is left untouched."""
    article = extraction.article
    with immediate(db):
        if stored_hashes(db, [article.content_hash]):
            return Added(new=False)
        insert_article(db, article)
        changes = store_members.Changes()
        surnames = [key for quote in extraction.quotes if (key := add_quote(db, article, quote, changes))]
        new_clusters = len(settle(db, changes.touched) & changes.created)
        store_speakers.regroup(db, surnames)
    return Added(new=True, quotes=len(extraction.quotes), new_clusters=new_clusters)


def insert_article(db: sqlite_utils.Database, article: Article) -> None:
    db.execute(
        "INSERT INTO articles (id, doc, source, outlet, title, author, published, text, encoding,"
        " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [article.content_hash, article.doc, article.source, article.outlet, article.title, article.author,
         article.published, article.text, article.encoding, datetime.now(UTC).isoformat(timespec="seconds")],
    )


def member_of(quote: Quote, published: str | None) -> statements.Member:
    return statements.Member.of(quote.text, quote.speaker, quote.date, quote.date_basis, published, quote.nested)


def nested_json(quote: Quote) -> str | None:
    """``occurrences.nested``: the quotations inside the quote (``Quote.nested``), None when there are none."""
    return json.dumps([list(span) for span in quote.nested]) if quote.nested else None


def add_quote(
    db: sqlite_utils.Database, article: Article, quote: Quote, changes: store_members.Changes
) -> str | None:
    """Insert one occurrence into its statement (found or created, others re-partitioned as needed).

    Returns the speaker's surname key (for ``speakers.regroup``), if the quote has a speaker. The
    statements' summaries are left to the caller (``settle``, once per article)."""
    member = member_of(quote, article.published)
    cid = store_members.place(db, member, changes)
    db.execute(
        f"INSERT OR IGNORE INTO occurrences ({OCCURRENCE_COLUMNS}) VALUES ({OCCURRENCE_PARAMETERS})",
        [occurrence_id(article.content_hash, quote), article.content_hash, cid, quote.start, quote.end,
         quote.text, member.wording.norm, quote.speaker, quote.speaker_start, quote.speaker_end, quote.role,
         quote.date, quote.date_basis, quote.cue, quote.kind, quote.confidence,
         date_key(quote, article.published), member.id, nested_json(quote)],
    )
    if not quote.speaker:
        return None
    mention = None
    if quote.speaker_start is not None and quote.speaker_end is not None:
        mention = article.text[quote.speaker_start : quote.speaker_end]
    return store_speakers.record_speaker(db, quote.speaker, mention, quote.role, date_key(quote, article.published))


def refresh_cluster(db: sqlite_utils.Database, cid: str) -> None:
    """Recompute a cluster's summary from its occurrences (``summary``)."""
    rows = db.execute(f"{SUMMARY_SQL} WHERE o.cluster_id = ? ORDER BY {SUMMARY_ORDER}", [cid]).fetchall()
    db.execute(f"UPDATE clusters SET {SUMMARY_COLUMNS} WHERE id = ?", [*summary(rows), cid])


SUMMARY_SQL = ("SELECT o.text, o.speaker, o.role, o.date_key, a.published, o.cluster_id FROM occurrences o"
               " JOIN articles a ON a.id = o.article_id")
SUMMARY_ORDER = f"{order_sql('a.published')}, a.doc, o.start, o.id"  # never ingest order: ties stay put
# An occurrence's columns in the order both writers give them (``add_quote`` one by one, ``batch`` at once).
OCCURRENCE_COLUMNS = ('id, article_id, cluster_id, start, "end", text, norm, speaker, speaker_start, speaker_end,'
                      ' role, date, date_basis, cue, kind, confidence, date_key, member, nested')
OCCURRENCE_PARAMETERS = ", ".join("?" * len(OCCURRENCE_COLUMNS.split(",")))
SUMMARY_COLUMNS = ("text = ?, speaker = ?, role = ?, date = ?, first_seen = ?, occurrences = ?, speakers = ?,"
                   " disputed = ?")


def summary(rows: list[tuple[str, str | None, str | None, str | None, str | None, str]]) -> list[object]:
    """A cluster's summary from its occurrences in ``SUMMARY_ORDER``: main speaker, disagreement, dates, wording.

    Names of one person ("Medvedev", "Dmitry Medvedev") count as one speaker under the fullest
    name, so they are no disagreement. Ties go to the speaker of the earliest publication, and
    "earliest" (of dates said and of publications) follows ``quotes.text.date_order``: dated values before
    year-less ones, a year-less one only when nothing is dated, missing dates never.
    """
    ranked = statements.merge_names(row[1] for row in rows if row[1])
    people = statements.people(ranked)
    main = people[0][0] if people else None
    names = {row[1] for row in rows if row[1]}
    is_main = {name: statements.same_person(name, main) for name in names} if main else {}  # each name once
    roles = Counter(row[2] for row in rows if row[2] and row[1] and main and is_main[row[1]])
    longest = max((row[0] for row in rows), key=len)  # the most complete wording (truncations are shorter)
    return [longest, main, roles.most_common(1)[0][0] if roles else None, earliest(row[3] for row in rows),
            earliest(row[4] for row in rows), len(rows), json.dumps(ranked), int(len(people) > 1)]


def settle(db: sqlite_utils.Database, touched: set[str]) -> set[str]:
    """Refresh the summaries of changed statements and drop those left empty; the ones that remain.

    One query reads all the statements' occurrences and one statement writes each kind of change
    (an article's statements, or a whole batch's)."""
    found: dict[str, list[tuple[str, str | None, str | None, str | None, str | None, str]]] = {}
    for row in db.execute(
        f"{SUMMARY_SQL} WHERE o.cluster_id IN (SELECT value FROM json_each(?)) ORDER BY o.cluster_id, {SUMMARY_ORDER}",
        [json.dumps(sorted(touched))],
    ):
        found.setdefault(row[5], []).append(row)
    db.conn.executemany("DELETE FROM clusters WHERE id = ?", [(cid,) for cid in sorted(touched) if cid not in found])
    db.conn.executemany(f"UPDATE clusters SET {SUMMARY_COLUMNS} WHERE id = ?",
                        [(*summary(rows), cid) for cid, rows in sorted(found.items())])
    return set(found)


def resummarise(db: sqlite_utils.Database) -> None:
    """Recompute every cluster summary (migration 4; migration 5 then rebuilds statements and speakers)."""
    for (cid,) in db.execute("SELECT id FROM clusters").fetchall():
        refresh_cluster(db, cid)
