"""Reading the store: full-text search, filters, clusters with their occurrences, speakers.

User text never reaches FTS5 syntax: every word becomes a double-quoted phrase token, so quote
characters, ``AND``, ``*``, ``:``, ``(`` or ``-`` in a query are just words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from quotes.errors import QueryError, shown
from quotes.models import Cluster, Occurrence
from quotes.text import STOPWORDS, order_sql, parse_iso

from .compat import sqlite_utils

_WORD = re.compile(r"\w+")
# Column weights for bm25 (text, speaker, role): a hit on the speaker's name outranks one in the words.
_BM25 = "bm25(1.0, 8.0, 2.0)"
# Without filters only the best hits can make the top clusters: FTS5 keeps a top-N heap in C instead
# of handing every match (100k for a common surname in 1M quotes) to the join and GROUP BY.
HITS_PER_RESULT = 20
# Longest search query or name filter: past SQLite's LIKE limit (50,000 bytes) a pasted page would
# fail as "pattern too complex"; no name or search is this long.
MAX_QUERY_CHARS = 2_000
OCCURRENCE_SQL = """SELECT o.id, o.cluster_id, a.doc, a.source, a.outlet, a.title, a.author, a.published,
    a.id, o.text, o.start, o."end", o.speaker, o.role, o.date, o.cue, o.kind
    FROM occurrences o JOIN articles a ON a.id = o.article_id"""


@dataclass(frozen=True)
class Speaker:
    """A speaker as stored: canonical name, other mentions, roles with the dates they were seen."""

    name: str
    aliases: tuple[str, ...]
    roles: tuple[tuple[str, str | None, str | None], ...]  # (role, first seen, last seen), earliest first
    quotes: int


@dataclass(frozen=True)
class Filters:
    speaker: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    cluster: str | None = None


def check_date(value: str | None, option: str) -> str | None:
    """A --since/--until bound as YYYY, YYYY-MM or YYYY-MM-DD, or a QueryError saying so."""
    if value is None:
        return None
    parsed = parse_iso(value)
    if parsed is None or parsed.year is None:  # a year-less --MM-DD bounds nothing
        raise QueryError(f"{option} {shown(value)} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (2012-05-18)")
    return parsed.iso()


def fts_phrases(query: str) -> list[str]:
    """Each word of the user's query as an FTS5 phrase token (``"word"``); punctuation is dropped."""
    return ['"' + word + '"' for word in _WORD.findall(query)]


def match_expression(query: str) -> str:
    check_length(query, "search query")
    phrases = fts_phrases(query)
    if not phrases:
        raise QueryError(f"search query {shown(query)} has no words to search for; give at least one word")
    return " ".join(phrases)


def check_length(value: str, what: str) -> None:
    if len(value) > MAX_QUERY_CHARS:
        raise QueryError(f"{what} {shown(value)} is longer than {MAX_QUERY_CHARS:,} characters; "
                         "give a few words or a name")


def filter_sql(filters: Filters) -> tuple[str, list[Any]]:
    """WHERE conditions (joined with AND, leading ' AND ') over occurrences ``o`` and articles ``a``."""
    parts: list[str] = []
    params: list[Any] = []
    for value, option in ((filters.speaker, "--speaker"), (filters.outlet, "--outlet"), (filters.cluster, "cluster")):
        check_length(value or "", option)
    if filters.speaker:
        parts.append("(o.speaker = ? COLLATE NOCASE OR o.speaker LIKE ? ESCAPE '\\')")
        params += [filters.speaker, "% " + like_escape(filters.speaker)]
    if filters.outlet:
        parts.append("a.outlet = ? COLLATE NOCASE")
        params.append(filters.outlet)
    if filters.since or filters.until:
        parts.append("o.date_key GLOB '[0-9][0-9][0-9][0-9]*'")  # a year-less date is in no year's range
    if filters.since:
        parts.append("substr(o.date_key, 1, ?) >= ?")
        params += [len(filters.since), filters.since]
    if filters.until:
        parts.append("substr(o.date_key, 1, ?) <= ?")
        params += [len(filters.until), filters.until]
    if filters.cluster:
        parts.append("o.cluster_id = ?")
        params.append(filters.cluster)
    return "".join(" AND " + p for p in parts), params


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def speakers_named(db: sqlite_utils.Database, query: str) -> list[str]:
    """Speakers whose full name, surname or a recorded alias is the whole query (``Medvedev``).

    Returned with their aliases: occurrences keep the name their article gave ("Medvedev").
    """
    words = " ".join(_WORD.findall(query))
    if not words:
        return []
    rows = db.execute(
        "SELECT name, aliases FROM speakers WHERE name = ? COLLATE NOCASE OR name LIKE ? ESCAPE '\\'"
        " OR aliases LIKE ? ESCAPE '\\'",
        [words, "% " + like_escape(words), '%"' + like_escape(words) + '"%'],
    ).fetchall()
    return list(dict.fromkeys(name for row in rows for name in [row[0], *json.loads(row[1])]))


def search_ids(
    db: sqlite_utils.Database, query: str, filters: Filters, limit: int
) -> list[tuple[str, float]]:
    """Cluster ids ranked by bm25 (best occurrence), the query's speaker's own quotes first."""
    expression = match_expression(query)  # checked before the speaker lookup's LIKE sees it
    names = speakers_named(db, query)
    first = f"o.speaker IN ({','.join('?' * len(names))})" if names else "0"
    where, params = filter_sql(filters)
    # Filters may reject the best hits, so then every hit is needed. A speaker's name needs no more:
    # the speaker column's weight already puts their own quotes at the top of the bm25 order.
    cap = -1 if params else limit * HITS_PER_RESULT
    rows = db.execute(
        f"""WITH hits AS MATERIALIZED (SELECT rowid, rank AS score FROM occurrences_fts
            WHERE occurrences_fts MATCH ? AND rank MATCH '{_BM25}' ORDER BY rank LIMIT ?)
        SELECT o.cluster_id, min(h.score) AS score, max({first}) AS own FROM hits h
        JOIN occurrences o ON o.rowid = h.rowid JOIN articles a ON a.id = o.article_id
        WHERE 1 {where} GROUP BY o.cluster_id ORDER BY own DESC, score, o.cluster_id LIMIT ?""",
        [expression, cap, *names, *params, limit],
    ).fetchall()
    return [(cid, -float(score)) for cid, score, _ in rows]


def candidate_ids(db: sqlite_utils.Database, text: str, limit: int) -> list[str]:
    """Clusters sharing any of the rarer words of ``text`` (an FTS OR-query), best bm25 first."""
    words = sorted({w.lower() for w in _WORD.findall(text)} - STOPWORDS, key=lambda w: (-len(w), w))[:16]
    if not words:
        return []
    expression = " OR ".join('"' + w + '"' for w in words)
    rows = db.execute(
        """WITH hits AS MATERIALIZED (SELECT rowid, bm25(occurrences_fts) AS score FROM occurrences_fts
        WHERE occurrences_fts MATCH ?)
        SELECT o.cluster_id FROM hits h JOIN occurrences o ON o.rowid = h.rowid
        GROUP BY o.cluster_id ORDER BY min(h.score), o.cluster_id LIMIT ?""",
        [expression, limit],
    ).fetchall()
    return [row[0] for row in rows]


def to_occurrence(row: Sequence[Any]) -> Occurrence:
    names = ("occurrence_id", "cluster_id", "doc", "source", "outlet", "title", "author", "published",
             "content_hash", "text", "start", "end", "speaker", "role", "date", "cue", "kind")
    return Occurrence(**dict(zip(names, row, strict=True)))


def occurrences(db: sqlite_utils.Database, query: str | None, filters: Filters) -> Iterator[Occurrence]:
    where, params = filter_sql(filters)
    if query is not None:
        where += " AND o.rowid IN (SELECT rowid FROM occurrences_fts WHERE occurrences_fts MATCH ?)"
        params.append(match_expression(query))
    sql = f"{OCCURRENCE_SQL} WHERE 1 {where} ORDER BY {order_sql('a.published')}, a.doc, o.start"
    for row in db.execute(sql, params):
        yield to_occurrence(row)


def load_cluster(db: sqlite_utils.Database, cid: str, score: float | None = None) -> Cluster:
    row = db.execute(
        "SELECT id, text, speaker, role, date, first_seen, speakers FROM clusters WHERE id = ?", [cid]
    ).fetchone()
    if row is None:
        raise QueryError(f"no cluster {shown(cid)} in the database; take an id from quotes search (c-1a2b3c4d)")
    found = tuple(occurrences(db, None, Filters(cluster=cid)))
    return Cluster(
        cluster_id=row[0], text=row[1], speaker=row[2], role=row[3], date=row[4], first_seen=row[5],
        speakers=tuple((name, count) for name, count in json.loads(row[6])), occurrences=found, score=score,
    )


def speakers(db: sqlite_utils.Database) -> list[Speaker]:
    roles: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for name, role, first, last in db.execute(
        f"SELECT speaker, role, first_seen, last_seen FROM speaker_roles"
        f" ORDER BY speaker, {order_sql('first_seen')}, role"
    ):
        roles.setdefault(name, []).append((role, first, last))
    rows = db.execute("SELECT name, aliases, quotes FROM speakers ORDER BY quotes DESC, name").fetchall()
    return [Speaker(name, tuple(json.loads(al)), tuple(roles.get(name, ())), n) for name, al, n in rows]


def stats(db: sqlite_utils.Database) -> dict[str, int]:
    counts = {
        "articles": "SELECT count(*) FROM articles",
        "quotes": "SELECT count(*) FROM occurrences",
        "clusters": "SELECT count(*) FROM clusters",
        "speakers": "SELECT count(*) FROM speakers",
        "disputed": "SELECT count(*) FROM clusters WHERE disputed",
        "outlets": "SELECT count(DISTINCT outlet) FROM articles",
    }
    return {name: int(db.execute(sql).fetchone()[0]) for name, sql in counts.items()}
