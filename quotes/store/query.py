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

from quotes.errors import NotFoundError, QueryError, shown
from quotes.models import Cluster, Occurrence
from quotes.text import STOPWORDS, order_sql, parse_iso

from .compat import sqlite_utils

_WORD = re.compile(r"\w+")
# Column weights for bm25 (text, speaker, role): a hit on the speaker's name outranks one in the words.
_BM25 = "bm25(1.0, 8.0, 2.0)"
_BM25_OF_ROW = "bm25(occurrences_fts, 1.0, 8.0, 2.0)"  # the same as rank with _BM25
# Without filters only the best hits can make the top clusters: FTS5 keeps a top-N heap in C instead
# of handing every match (100k for a common surname in 1M quotes) to the join and GROUP BY.
HITS_PER_RESULT = 20
FILTER_CHUNK = 1000  # hits joined with the filters at a time, in bm25 order
# Longest search query or name filter: past SQLite's LIKE limit (50,000 bytes) a pasted page would
# fail as "pattern too complex"; no name or search is this long.
MAX_QUERY_CHARS = 2_000
OCCURRENCE_SQL = """SELECT o.id, o.cluster_id, a.doc, a.source, a.outlet, a.title, a.author, a.published,
    a.id, o.text, o.start, o."end", o.speaker, o.role, o.date, o.cue, o.kind, o.nested
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
    if filter_sql(filters)[1]:
        return filtered_ids(db, expression, (first, names), filters, limit)
    # A speaker's name needs no more than the best hits: the speaker column's weight already puts
    # their own quotes at the top of the bm25 order.
    rows = db.execute(
        f"""WITH hits AS MATERIALIZED (SELECT rowid, rank AS score FROM occurrences_fts
            WHERE occurrences_fts MATCH ? AND rank MATCH '{_BM25}' ORDER BY rank LIMIT ?)
        SELECT o.cluster_id, min(h.score) AS score, max({first}) AS own FROM hits h
        JOIN occurrences o ON o.rowid = h.rowid JOIN articles a ON a.id = o.article_id
        GROUP BY o.cluster_id ORDER BY own DESC, score, o.cluster_id LIMIT ?""",
        [expression, limit * HITS_PER_RESULT, *names, limit],
    ).fetchall()
    return [(cid, -float(score)) for cid, score, _ in rows]


def filtered_ids(
    db: sqlite_utils.Database, expression: str, own: tuple[str, list[str]], filters: Filters, limit: int
) -> list[tuple[str, float]]:
    """Filters may reject the best hits, so the hits are read in bm25 order, FILTER_CHUNK at a time,
    keeping those the filters pass, until ``limit`` clusters are found or the hits run out: a filter
    most hits pass costs one chunk, not a join of every hit (100k for a surname in 1M quotes)."""
    where, params = filter_sql(filters)
    best: dict[str, tuple[int, float]] = {}  # cluster -> (own quote?, best score)
    for chunk in ranked_chunks(db, expression, speaker_hits(db, expression, filters.speaker)):
        scores = dict(chunk)
        passed = db.execute(
            f"SELECT o.rowid, o.cluster_id, {own[0]} FROM occurrences o JOIN articles a ON a.id = o.article_id"
            f" WHERE o.rowid IN (SELECT value FROM json_each(?)) {where}",
            [*own[1], json.dumps(list(scores)), *params],
        )
        for rowid, cid, is_own in passed:
            was_own, score = best.get(cid, (0, scores[rowid]))
            best[cid] = (max(was_own, is_own), min(score, scores[rowid]))
        if len(best) >= limit:
            break
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[1][1], item[0]))[:limit]
    return [(cid, -float(score)) for cid, (_, score) in ranked]


def ranked_chunks(
    db: sqlite_utils.Database, expression: str, allowed: set[int] | None
) -> Iterator[list[tuple[int, float]]]:
    """(rowid, bm25) of the hits, best first, FILTER_CHUNK at a time; only ``allowed`` rowids if given.

    With ``allowed``, bm25 is computed for those rows alone and sorted here: FTS5 sorting all 150k
    hits of a surname in 1M quotes takes a second, scoring 6k of them a tenth of that."""
    if allowed is None:
        cursor = db.execute(
            f"SELECT rowid, rank FROM occurrences_fts WHERE occurrences_fts MATCH ? AND rank MATCH '{_BM25}'"
            " ORDER BY rank",
            [expression],
        )
        try:
            while chunk := cursor.fetchmany(FILTER_CHUNK):
                yield chunk
        finally:
            cursor.close()
        return
    rows = db.execute(
        f"SELECT rowid, CASE WHEN rowid IN (SELECT value FROM json_each(?)) THEN {_BM25_OF_ROW} END"
        " FROM occurrences_fts WHERE occurrences_fts MATCH ?",
        [json.dumps(sorted(allowed)), expression],
    )
    scored = sorted((score, rowid) for rowid, score in rows if score is not None)
    for start in range(0, len(scored), FILTER_CHUNK):
        yield [(rowid, score) for score, rowid in scored[start : start + FILTER_CHUNK]]


def speaker_hits(db: sqlite_utils.Database, expression: str, speaker: str | None) -> set[int] | None:
    """The hits whose FTS speaker column holds the speaker filter's words in a row (None: no filter).

    The filter keeps a speaker equal to the name or ending in " name" (``filter_sql``), so every hit
    it keeps is in this set: hits outside it are skipped unjoined. Found unranked (cheap), so the bm25
    order stays that of the user's words alone. The name goes in as one FTS5 string (quotes doubled),
    tokenised exactly as the column was.
    """
    if not speaker or not _WORD.search(speaker):
        return None
    column = 'speaker : "' + speaker.replace('"', '""') + '"'
    rows = db.execute("SELECT rowid FROM occurrences_fts WHERE occurrences_fts MATCH ?", [f"{expression} AND {column}"])
    return {row[0] for row in rows}


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
    return Occurrence(**dict(zip(names, row[:-1], strict=True)), nested=nested_of(row[-1]))


def nested_of(stored: str | None) -> tuple[tuple[int, int], ...]:
    """``Quote.nested`` from ``occurrences.nested`` (``write.nested_json``)."""
    return tuple((int(start), int(end)) for start, end in json.loads(stored)) if stored else ()


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
        raise NotFoundError(f"no cluster {shown(cid)} in the database; take an id from quotes search (c-1a2b3c4d5e6f)")
    found = tuple(occurrences(db, None, Filters(cluster=cid)))
    return Cluster(
        cluster_id=row[0], text=row[1], speaker=row[2], role=row[3], date=row[4], first_seen=row[5],
        speakers=tuple((name, count) for name, count in json.loads(row[6])), occurrences=found, score=score,
    )


def speakers(db: sqlite_utils.Database, limit: int = -1, offset: int = 0) -> list[Speaker]:
    """Speakers, most quoted first (``limit`` -1: all), with their roles earliest first."""
    rows = db.execute(
        "SELECT name, aliases, quotes FROM speakers ORDER BY quotes DESC, name LIMIT ? OFFSET ?", [limit, offset]
    ).fetchall()
    roles: dict[str, list[tuple[str, str | None, str | None]]] = {}
    names = "" if limit < 0 else " WHERE speaker IN (SELECT value FROM json_each(?))"
    for name, role, first, last in db.execute(
        f"SELECT speaker, role, first_seen, last_seen FROM speaker_roles{names}"
        f" ORDER BY speaker, {order_sql('first_seen')}, role",
        [] if limit < 0 else [json.dumps([row[0] for row in rows])],
    ):
        roles.setdefault(name, []).append((role, first, last))
    return [Speaker(name, tuple(json.loads(al)), tuple(roles.get(name, ())), n) for name, al, n in rows]


def speaker(db: sqlite_utils.Database, name: str) -> Speaker:
    """One speaker by the name the speakers table lists, else by another of their names (an alias)."""
    row = db.execute("SELECT name, aliases, quotes FROM speakers WHERE name = ?", [name]).fetchone()
    if row is None:
        row = db.execute(
            "SELECT name, aliases, quotes FROM speakers WHERE aliases LIKE ? ESCAPE '\\'"
            " ORDER BY quotes DESC, name LIMIT 1",
            ['%' + like_escape(json.dumps(name)) + '%'],
        ).fetchone()
    if row is None:
        raise NotFoundError(f"no speaker {name!r} in the database; take a name from quotes speakers")
    roles = db.execute(
        "SELECT role, first_seen, last_seen FROM speaker_roles WHERE speaker = ?"
        f" ORDER BY {order_sql('first_seen')}, role",
        [row[0]],
    ).fetchall()
    return Speaker(row[0], tuple(json.loads(row[1])), tuple((r, a, b) for r, a, b in roles), row[2])


def speaker_cluster_ids(db: sqlite_utils.Database, person: Speaker, limit: int, offset: int) -> list[str]:
    """Clusters holding a quote given to ``person`` under their name, or under an alias that is no
    other speaker's row (an ambiguous "Clinton" keeps its own row), latest said first, undated last."""
    rows = db.execute(
        "SELECT cluster_id FROM occurrences WHERE speaker IN (SELECT ? UNION SELECT value FROM json_each(?)"
        " WHERE value NOT IN (SELECT name FROM speakers)) GROUP BY cluster_id"
        " ORDER BY max(date_key) IS NULL, max(date_key) DESC, cluster_id LIMIT ? OFFSET ?",
        [person.name, json.dumps(list(person.aliases)), limit, offset],
    ).fetchall()
    return [row[0] for row in rows]


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
