"""The SQLite store with real databases in tmp_path: idempotence, dedup, search, migrations, concurrency."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
import sqlite_utils
from store_dump import differences, dump

from quotes.errors import QueryError, StoreError
from quotes.models import Article, Extraction, Quote
from quotes.store import Store
from quotes.store.schema import SCHEMA_VERSION, migrate
from quotes.text.date_order import earliest, latest, order_key, order_sql

QUOTE = (
    "We will assess the threats together, evaluate the risks together, and begin creating a defence system."
)


def extraction(
    doc: str,
    quotes: list[tuple[str, str | None]],
    *,
    outlet: str = "RIA",
    published: str | None = "2012-05-18",
    role: str | None = "Deputy Prime Minister",
    date: str | None = "--05-17",
) -> Extraction:
    """An article whose text is its quotes, each followed by ``said NAME.`` (offsets are real)."""
    text, records = f"{doc}\n", []
    for words, speaker in quotes:
        start = len(text) + 1
        text += f'"{words}" said {speaker or "someone"}.\n'
        mention = text.index(speaker or "someone", start + len(words))
        records.append(
            Quote(
                doc=doc,
                start=start,
                end=start + len(words),
                text=words,
                speaker=speaker,
                speaker_start=mention if speaker else None,
                speaker_end=mention + len(speaker) if speaker else None,
                role=role if speaker else None,
                date=date,
                date_basis="relative",
                cue="said",
            )
        )
    article = Article(doc=doc, text=text, source=f"{doc}.txt", outlet=outlet, published=published)
    return Extraction(article=article, quotes=tuple(records))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "q.db", create=True) as opened:
        opened.add(extraction("a1", [(QUOTE, "Sergei Ivanov"), ("This is unacceptable", "Sergei Ivanov")]))
        opened.add(
            extraction(
                "a2",
                [(QUOTE.replace("defence", "defense").upper(), "Sergei Ivanov")],
                outlet="AP",
                published="2012-05-19",
            )
        )
        opened.add(
            extraction(
                "a3",
                [
                    ("We will assess the threats together", "Dmitry Medvedev"),
                    ("This is unacceptable!", "Dmitry Medvedev"),
                ],
                outlet="TASS",
            )
        )
    return Store.open(tmp_path / "q.db", create=False)


def test_missing_database_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nope" / "x.db"
    with pytest.raises(StoreError, match=r"does not exist; run quotes ingest first"):
        Store.open(path, create=False)
    assert not path.exists()


def test_env_var_names_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTES_DB", str(tmp_path / "env.db"))
    with Store.open(None, create=True) as opened:
        assert opened.path == tmp_path / "env.db"
    assert (tmp_path / "env.db").exists()


def test_reingest_changes_nothing(store: Store) -> None:
    before = store.stats()
    again = store.add(extraction("a1", [(QUOTE, "Sergei Ivanov"), ("This is unacceptable", "Sergei Ivanov")]))
    assert not again.new
    assert store.stats() == before
    assert before | {} == {
        "articles": 3,
        "quotes": 5,
        "clusters": 3,
        "speakers": 2,
        "disputed": 1,
        "outlets": 3,
    }


def test_variants_join_one_cluster_and_disagreement_is_recorded(store: Store) -> None:
    [cluster] = store.search("assess threats")
    assert len(cluster.occurrences) == 3
    assert {o.outlet for o in cluster.occurrences} == {"RIA", "AP", "TASS"}
    assert cluster.speaker == "Sergei Ivanov"
    assert cluster.speakers == (("Sergei Ivanov", 2), ("Dmitry Medvedev", 1))
    assert cluster.disputed
    assert cluster.text == QUOTE  # the most complete wording
    assert cluster.first_seen == "2012-05-18" and cluster.date == "2012-05-17"
    assert store.cluster(cluster.cluster_id) == cluster.__class__(**{**cluster.__dict__, "score": None})


def test_short_generic_quotes_of_different_speakers_stay_apart(store: Store) -> None:
    clusters = store.search("unacceptable")
    assert sorted(c.speaker or "" for c in clusters) == ["Dmitry Medvedev", "Sergei Ivanov"]
    assert not any(c.disputed for c in clusters)


def test_speaker_name_query_ranks_their_quotes_first(store: Store) -> None:
    results = store.search("Medvedev")
    assert results and all("Dmitry Medvedev" in dict(c.speakers) for c in results)
    assert store.search("Medvedev", speaker="Ivanov") == [] or all(
        c.speaker == "Sergei Ivanov" for c in store.search("Medvedev", speaker="Ivanov")
    )


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "threats*",
        "threats AND",
        "(threats",
        "speaker:Ivanov",
        "-threats",
        "NEAR(a b)",
        "a OR",
        "'; DROP TABLE articles; --",
        "threats ^",
        "über",
        "😀 threats",
    ],
)
def test_fts_syntax_in_queries_never_crashes(store: Store, query: str) -> None:
    results = store.search(query)
    assert isinstance(results, list)
    assert store.stats()["articles"] == 3


@pytest.mark.parametrize("query", ["", "   ", '"', '"*()', "-:"])
def test_query_without_words_is_a_clear_error(store: Store, query: str) -> None:
    with pytest.raises(QueryError, match="no words"):
        store.search(query)


@pytest.mark.parametrize("bad", ["yesterday", "2012-13-01", "2012-02-30", "12-05-2012", "2012/05/01"])
def test_bad_dates_are_query_errors(store: Store, bad: str) -> None:
    with pytest.raises(QueryError, match="--since"):
        store.search("threats", since=bad)
    with pytest.raises(QueryError, match="--until"):
        store.occurrences(until=bad)


def test_filters(store: Store) -> None:
    assert {o.outlet for o in store.occurrences(outlet="ap")} == {"AP"}
    assert {o.speaker for o in store.occurrences(speaker="Medvedev")} == {"Dmitry Medvedev"}
    # "--05-17" said, published in 2012: the date said completes to 2012-05-17
    assert len(list(store.occurrences(since="2012-05-17", until="2012-05"))) == 5
    assert list(store.occurrences(since="2012-05-18")) == list(store.occurrences(until="2011")) == []
    assert [o.doc for o in store.occurrences(query="unacceptable", speaker="Sergei Ivanov")] == ["a1"]


def test_unknown_cluster(store: Store) -> None:
    with pytest.raises(QueryError, match="c-00000000"):
        store.cluster("c-00000000")


def test_candidates_and_article_text(store: Store) -> None:
    found = store.candidates("they said: we'll evaluate risks together and build a defence system")
    assert found and "assess" in found[0].text
    occ = found[0].occurrences[0]
    text = store.article_text(occ.content_hash)
    assert text is not None and text[occ.start : occ.end] == occ.text
    assert store.article_text("0" * 64) is None


def test_speakers_roles_and_aliases(store: Store) -> None:
    ivanov = next(s for s in store.speakers() if s.name == "Sergei Ivanov")
    assert ivanov.quotes == 3
    assert ivanov.roles == (("Deputy Prime Minister", "2012-05-17", "2012-05-17"),)
    assert ivanov.aliases == ()  # the mention is the full name


def test_fts_is_kept_in_sync_by_triggers(store: Store) -> None:
    store.db.execute("UPDATE occurrences SET text = 'zanzibar' WHERE text LIKE 'This is unacceptable!'")
    assert [c.speaker for c in store.search("zanzibar")] == ["Dmitry Medvedev"]
    store.db.execute("DELETE FROM occurrences WHERE text = 'zanzibar'")
    assert store.search("zanzibar") == []


def test_old_schema_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    migrate(db, str(path), target=1)  # version 1: tables, no FTS, no blocking keys
    db.execute(
        "INSERT INTO articles (id, doc, source, text, encoding) VALUES ('h', 'd', 'd.txt', 'x', 'utf-8')"
    )
    db.execute("INSERT INTO clusters (id, text, norm) VALUES ('c-1', 'old words here', 'old words here')")
    db.execute(
        'INSERT INTO occurrences (id, article_id, cluster_id, start, "end", text, norm, kind)'
        " VALUES ('o', 'h', 'c-1', 0, 1, 'old words here', 'old words here', 'direct')"
    )
    db.close()
    with Store.open(path, create=False) as upgraded:
        assert upgraded.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        [found] = upgraded.search("old words")  # FTS rebuilt from old rows
        # statements rebuilt from the stored occurrence (migration 5): the id is the statement's own
        assert found.text == "old words here" and found.cluster_id.startswith("c-") and found.cluster_id != "c-1"
        assert upgraded.db.execute("SELECT count(*) FROM clusters").fetchone()[0] == 1


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match=r"schema version \d+ .* upgrade quotes"):
        Store.open(path, create=False)


def test_two_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    Store.open(path, create=True).close()
    batches = [
        [
            extraction(f"d{i}", [(f"{QUOTE} number {i % 7}", "Sergei Ivanov")])
            for i in range(start, start + 40)
        ]
        for start in (0, 20)
    ]  # overlapping: d20..d39 are ingested by both writers
    errors: list[BaseException] = []

    def run(batch: list[Extraction]) -> None:
        try:
            with Store.open(path, create=False) as own:  # a separate connection per writer
                for item in batch:
                    own.add(item)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with Store.open(path, create=False) as done:
        assert done.stats()["articles"] == 60 and done.stats()["quotes"] == 60
        assert done.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert done.db.execute("SELECT sum(occurrences) FROM clusters").fetchone()[0] == 60


# -- dates of known precision (quotes.text.date_order) --------------------------------------------------------

DATES_IN_ORDER = [
    "2012",  # certainly before everything in 2013
    "2013-01-05",
    "2013-01",  # nested: the known day inside the month comes first
    "2013-01-28",  # ends after the month? no: 01-28 < 01-31, so before "2013-01"
    "2013-02",
    "2013-12-31",
    "2013",
    "--01-30",  # year unknown: after every dated value
    "--12-01",
    "last week",  # not a date of this project: after the known forms
    None,
]


def test_order_key_puts_dated_first_then_yearless_then_missing() -> None:
    expected = ["2012", "2013-01-05", "2013-01-28", "2013-01", "2013-02", "2013-12-31", "2013",
                "--01-30", "--12-01", "last week", None]
    assert sorted(DATES_IN_ORDER, key=order_key) == expected


def test_order_sql_sorts_like_order_key() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (v TEXT)")
    db.executemany("INSERT INTO t VALUES (?)", [(v,) for v in reversed(DATES_IN_ORDER)])
    in_sql = [row[0] for row in db.execute(f"SELECT v FROM t ORDER BY {order_sql('v')}")]
    assert in_sql == sorted(DATES_IN_ORDER, key=order_key)


@pytest.mark.parametrize(
    ("values", "first", "last"),
    [
        (["--01-30", "2013-01-28"], "2013-01-28", "2013-01-28"),
        (["2013", "2013-01-28"], "2013-01-28", "2013-01-28"),  # nested: the known day, both ways
        (["2012", "2013-01-28"], "2012", "2013-01-28"),
        (["2013-02", "2013-01-28", None], "2013-01-28", "2013-02"),
        (["--05-17", "--01-30", None], "--01-30", "--05-17"),  # only year-less: they are used
        ([None, ""], None, None),
    ],
)
def test_earliest_and_latest(values: list[str | None], first: str | None, last: str | None) -> None:
    assert earliest(values) == first and latest(values) == last


def test_cluster_dates_prefer_dated_values_and_put_undated_last(tmp_path: Path) -> None:
    """Year-less "--01-30" used to sort before "2013-01-28" and decide first_seen and the main speaker."""
    with Store.open(tmp_path / "d.db", create=True) as opened:
        opened.add(extraction("yearless", [(QUOTE, "Dmitry Rogozin")], published="--01-30", date="--01-29"))
        opened.add(extraction("undated", [(QUOTE, None)], published=None, date=None))
        opened.add(extraction("year", [(QUOTE, None)], published="2013", date=None))
        opened.add(extraction("dated", [(QUOTE, "Sergei Ivanov")], published="2013-01-28", date="2013-01-27"))
        [cluster] = opened.search("assess threats")
    assert cluster.first_seen == "2013-01-28" and cluster.date == "2013-01-27"
    assert [o.doc for o in cluster.occurrences] == ["dated", "year", "yearless", "undated"]
    # a 1-1 tie goes to the speaker of the earliest publication, which is the dated one
    assert cluster.speaker == "Sergei Ivanov"
    assert cluster.speakers == (("Sergei Ivanov", 1), ("Dmitry Rogozin", 1))


def test_cluster_of_only_yearless_dates_keeps_them(tmp_path: Path) -> None:
    with Store.open(tmp_path / "y.db", create=True) as opened:
        opened.add(extraction("b", [(QUOTE, "Sergei Ivanov")], published="--03-02", date="--03-01"))
        opened.add(extraction("a", [(QUOTE, "Sergei Ivanov")], published="--02-11", date=None))
        [cluster] = opened.search("assess threats")
        assert cluster.first_seen == "--02-11" and cluster.date == "--02-11"
        # a year-less date is in no year: date filters leave it out rather than guess
        assert list(opened.occurrences(until="2011")) == list(opened.occurrences(since="2000")) == []


def test_role_dates_are_ordered_by_precision(tmp_path: Path) -> None:
    with Store.open(tmp_path / "r.db", create=True) as opened:
        opened.add(extraction("x", [(QUOTE, "Sergei Ivanov")], published="--01-30", date=None))
        opened.add(extraction("y", [(QUOTE, "Sergei Ivanov")], published="2013", date="2013-01-28"))
        opened.add(extraction("z", [(QUOTE, "Sergei Ivanov")], published="2013", date=None))
        [ivanov] = opened.speakers()
    assert ivanov.roles == (("Deputy Prime Minister", "2013-01-28", "2013-01-28"),)


# -- one person under several names ---------------------------------------------------------------

MEDVEDEV_NAMES = ["Medvedev", "Dmitry Medvedev", "D. Medvedev"]


@pytest.mark.parametrize("names", [MEDVEDEV_NAMES, list(reversed(MEDVEDEV_NAMES))])
def test_names_of_one_person_are_not_a_dispute(tmp_path: Path, names: list[str]) -> None:
    with Store.open(tmp_path / "m.db", create=True) as opened:
        for i, name in enumerate(names):
            opened.add(extraction(f"m{i}", [(QUOTE, name)], published=f"2013-01-2{i}"))
        [cluster] = opened.search("assess threats")
        assert not cluster.disputed
        assert cluster.speakers == (("Dmitry Medvedev", 3),) and cluster.speaker == "Dmitry Medvedev"
        assert opened.stats()["disputed"] == 0 and opened.stats()["speakers"] == 1
        [medvedev] = opened.speakers()
    assert medvedev.name == "Dmitry Medvedev" and medvedev.quotes == 3
    assert sorted(medvedev.aliases) == ["D. Medvedev", "Medvedev"]
    assert medvedev.roles == (("Deputy Prime Minister", "2013-05-17", "2013-05-17"),)


def test_names_within_one_article_are_one_speaker(tmp_path: Path) -> None:
    other = "We shall never accept the conditions that the West is trying to impose upon our country."
    with Store.open(tmp_path / "one.db", create=True) as opened:
        opened.add(extraction("a", [(QUOTE, "Medvedev"), (other, "Dmitry Medvedev")]))
        assert [(s.name, s.quotes, s.aliases) for s in opened.speakers()] == [("Dmitry Medvedev", 2, ("Medvedev",))]
        # a cluster is labelled with the fullest name its own sources give; the name finds both
        assert sorted(c.speaker or "" for c in opened.search("Medvedev")) == ["Dmitry Medvedev", "Medvedev"]


def test_different_people_with_one_surname_stay_apart(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db", create=True) as opened:
        opened.add(extraction("h", [(QUOTE, "Hillary Clinton")]))
        opened.add(extraction("b", [(QUOTE, "Bill Clinton")]))
        opened.add(extraction("c", [(QUOTE, "Clinton")]))  # which one? ambiguous: kept apart
        [cluster] = opened.search("assess threats")
        assert cluster.disputed and len(cluster.speakers) == 3
        assert sorted(s.name for s in opened.speakers()) == ["Bill Clinton", "Clinton", "Hillary Clinton"]


def undo_nested(db: sqlite_utils.Database) -> None:
    """Take a database back to before migration 8 (no quotations inside quotes kept; so no aliases of 9)."""
    db.execute("DROP TABLE article_aliases")
    db.execute("ALTER TABLE occurrences DROP COLUMN nested")
    db.execute("ALTER TABLE members DROP COLUMN quoted")


def undo_statements(db: sqlite_utils.Database) -> None:
    """Take a database back to before migration 5 (members, families, per-name speaker counts)."""
    for table in ("member_keys", "members", "speaker_name_roles", "speaker_names"):
        db.execute(f"DROP TABLE {table}")
    db.execute("DROP INDEX IF EXISTS occurrences_member")
    db.execute("ALTER TABLE occurrences DROP COLUMN member")
    db.execute("CREATE TABLE cluster_keys (key INTEGER NOT NULL, cluster_id TEXT NOT NULL REFERENCES clusters(id),"
               " PRIMARY KEY (key, cluster_id)) WITHOUT ROWID")


def test_migration_merges_speakers_of_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    with Store.open(path, create=True) as opened:
        opened.add(extraction("m1", [(QUOTE, "Dmitry Medvedev")]))
        opened.add(extraction("m2", [(QUOTE, "Medvedev")]))
        # what version 3 wrote: two speakers, a disputed cluster, no surname column
        unmerged = '[["Dmitry Medvedev", 1], ["Medvedev", 1]]'
        opened.db.execute("UPDATE clusters SET disputed = 1, speakers = ?", [unmerged])
        opened.db.execute("UPDATE speakers SET quotes = 1")
        opened.db.execute("INSERT INTO speakers (name, quotes) VALUES ('Medvedev', 1)")
        opened.db.execute("DROP INDEX speakers_surname")
        opened.db.execute("ALTER TABLE speakers DROP COLUMN surname")
        undo_nested(opened.db)
        undo_statements(opened.db)
        opened.db.execute("PRAGMA user_version = 3")
    with Store.open(path, create=False) as upgraded:
        assert upgraded.stats()["disputed"] == 0 and upgraded.stats()["speakers"] == 1
        [cluster] = upgraded.search("assess threats")
        assert cluster.speakers == (("Dmitry Medvedev", 2),)


def test_a_version_6_store_loses_only_its_member_index(tmp_path: Path) -> None:
    """Migration 7 drops ``occurrences_member``; the content, searches and later writes are unchanged."""
    first = [extraction("v1", [(QUOTE, "Dmitry Medvedev"), ("This is unacceptable", "Sergei Ivanov")]),
             extraction("v2", [(QUOTE, "Medvedev")], published="2012-06-01")]
    later = extraction("v3", [(QUOTE[: QUOTE.index(", and")], "Dmitry Medvedev")], published="2012-07-02")
    old, fresh = tmp_path / "v6.db", tmp_path / "fresh.db"
    for path in (old, fresh):
        with Store.open(path, create=True) as opened:
            for article in first:
                opened.add(article)
    before = dump(old)
    with Store.open(old, create=False) as opened:  # what version 6 held: the same rows and the index
        opened.db.execute("CREATE INDEX occurrences_member ON occurrences(member)")
        undo_nested(opened.db)
        opened.db.execute("PRAGMA user_version = 6")
    with Store.open(old, create=False) as upgraded:
        assert upgraded.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert upgraded.db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'occurrences_member'"
                                   ).fetchone()[0] == 0
        assert dump(old) == before and before["occurrences"]
        with Store.open(fresh, create=False, readonly=True) as reader:
            assert upgraded.search("assess threats") == reader.search("assess threats")
        upgraded.add(later)
    with Store.open(fresh, create=False) as opened:
        opened.add(later)
    assert differences(old, fresh) == {}


OLD_UPDATE_TRIGGER = """CREATE TRIGGER "occurrences_au" AFTER UPDATE ON "occurrences" BEGIN
  INSERT INTO "occurrences_fts" ("occurrences_fts", rowid, "text", "speaker", "role")
    VALUES('delete', old.rowid, old."text", old."speaker", old."role");
  INSERT INTO "occurrences_fts" (rowid, "text", "speaker", "role")
    VALUES (new.rowid, new."text", new."speaker", new."role");
END"""


def full_text_blocks(db: sqlite_utils.Database) -> list[tuple[object, ...]]:
    return list(db.execute("SELECT id, block FROM occurrences_fts_data ORDER BY id").fetchall())


@pytest.mark.parametrize("version", [9, SCHEMA_VERSION])
def test_moving_an_occurrence_to_another_statement_leaves_the_full_text_index_alone(
    tmp_path: Path, version: int
) -> None:
    """Migration 10: the update trigger of version 9 rewrote an occurrence's full-text row on every
    update (a move to another statement too); now only a change of its words, speaker or role does."""
    path = tmp_path / "v9.db"
    with Store.open(path, create=True) as opened:
        opened.add_many([extraction("a1", [(QUOTE, "Dmitry Medvedev")]),
                         extraction("a2", [("This is unacceptable", "Sergei Ivanov")])])
        if version == 9:
            opened.db.execute('DROP TRIGGER "occurrences_au"')
            opened.db.execute(OLD_UPDATE_TRIGGER)
            opened.db.execute("PRAGMA user_version = 9")
    with sqlite3.connect(path) as conn:  # what version 9 did
        conn.execute("BEGIN")
        before = list(conn.execute("SELECT id, block FROM occurrences_fts_data ORDER BY id"))
        conn.execute("UPDATE occurrences SET cluster_id = (SELECT min(id) FROM clusters)")
        moved = list(conn.execute("SELECT id, block FROM occurrences_fts_data ORDER BY id"))
        conn.execute("ROLLBACK")
    assert (moved != before) == (version == 9)
    with Store.open(path, create=False) as upgraded:
        assert upgraded.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        before = full_text_blocks(upgraded.db)
        with upgraded.db.conn:
            upgraded.db.execute("UPDATE occurrences SET cluster_id = (SELECT min(id) FROM clusters)")
        assert full_text_blocks(upgraded.db) == before
        with upgraded.db.conn:
            upgraded.db.execute("UPDATE occurrences SET text = 'We reject the plan' WHERE speaker = 'Sergei Ivanov'")
        upgraded.db.execute("INSERT INTO occurrences_fts(occurrences_fts) VALUES ('integrity-check')")
        assert upgraded.search("reject plan") and not upgraded.search("unacceptable")
