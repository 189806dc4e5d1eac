"""Filtered search walks the hits in bm25 order a chunk at a time (``query.filtered_ids``): its
results must be those of ranking every hit that passes the filters, also when the ones that pass
are the last hits of the last chunk.

The store is filled with SQL through the real schema (the FTS triggers index every row), like
``benchmarks/search.py``: 2,600 quotes hold the word "reactor"; the fifteen by Anna Rare are the
longest, so bm25 ranks them last, behind more than two chunks of hits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest

from quotes.store import Filters, Store
from quotes.store.query import FILTER_CHUNK, filter_sql, match_expression, search_ids

COMMON = 2_585
RARE = 15


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("filters") / "q.db"
    with Store.open(path, create=True) as opened:
        conn = opened.db.conn
        conn.execute("BEGIN")
        for i in range(COMMON + RARE):
            rare = i >= COMMON
            words = "reactor safety " + ("is a long and winding matter of many more words " * 6 if rare else f"now {i}")
            add(conn, i, words, "Anna Rare" if rare else f"Bob Common{i % 7}", f"Outlet {i % 3}",
                f"20{10 + i % 5}-0{1 + i % 9}-1{i % 10}")
        conn.execute("COMMIT")
    with Store.open(path, create=False, readonly=True) as reader:
        yield reader


def add(conn: object, i: int, words: str, speaker: str, outlet: str, day: str) -> None:
    aid = hashlib.sha256(str(i).encode()).hexdigest()
    run = conn.execute  # type: ignore[attr-defined]
    run("INSERT INTO articles (id, doc, source, outlet, published, text, encoding) VALUES (?,?,?,?,?,?,?)",
        [aid, f"d{i}", f"d{i}.txt", outlet, day, words, "utf-8"])
    run("INSERT INTO clusters (id, text, norm, speaker, occurrences) VALUES (?,?,?,?,1)",
        [f"c-{i:08x}", words, words, speaker])
    run('INSERT INTO occurrences (id, article_id, cluster_id, start, "end", text, norm, speaker, role, kind,'
        " date_key) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [f"o{i}", aid, f"c-{i:08x}", 0, len(words), words, words, speaker, "Engineer", "direct", day])


def every_hit_ranked(store: Store, query: str, filters: Filters, limit: int) -> list[tuple[str, float]]:
    """The reference: every hit that passes the filters, grouped and ranked in one query."""
    where, params = filter_sql(filters)
    rows = store.db.execute(
        f"""WITH hits AS MATERIALIZED (SELECT rowid, rank AS score FROM occurrences_fts
            WHERE occurrences_fts MATCH ? AND rank MATCH 'bm25(1.0, 8.0, 2.0)')
        SELECT o.cluster_id, min(h.score) AS score FROM hits h
        JOIN occurrences o ON o.rowid = h.rowid JOIN articles a ON a.id = o.article_id
        WHERE 1 {where} GROUP BY o.cluster_id ORDER BY score, o.cluster_id LIMIT ?""",
        [match_expression(query), *params, limit],
    ).fetchall()
    return [(cid, -float(score)) for cid, score in rows]


def test_the_rare_speakers_hits_come_after_more_than_two_chunks(store: Store) -> None:
    order = [row[0] for row in store.db.execute(
        "SELECT o.speaker FROM occurrences_fts f JOIN occurrences o ON o.rowid = f.rowid"
        " WHERE occurrences_fts MATCH 'reactor' ORDER BY rank"
    )]
    assert order.index("Anna Rare") > 2 * FILTER_CHUNK and set(order[-RARE:]) == {"Anna Rare"}


@pytest.mark.parametrize(
    "filters",
    [
        Filters(speaker="Anna Rare"),
        Filters(speaker="Rare"),
        Filters(speaker="Rare", outlet="Outlet 1"),
        Filters(outlet="Outlet 2"),
        Filters(since="2012", until="2013-06"),
        Filters(since="2014-09-19"),
        Filters(speaker="Nobody"),
        Filters(speaker='Anna "Rare'),  # FTS5 syntax in a name is just words
        Filters(speaker="Rare OR Common1 NOT *"),
        Filters(speaker="%"),
    ],
)
@pytest.mark.parametrize("limit", [1, 5, 20, 200])
def test_chunked_walk_finds_what_ranking_every_hit_finds(store: Store, filters: Filters, limit: int) -> None:
    expected = every_hit_ranked(store, "reactor safety", filters, limit)
    assert search_ids(store.db, "reactor safety", filters, limit) == expected


def test_the_last_hits_are_found(store: Store) -> None:
    found = store.search("reactor", speaker="Anna Rare", limit=50)
    assert len(found) == RARE and {c.speaker for c in found} == {"Anna Rare"}
