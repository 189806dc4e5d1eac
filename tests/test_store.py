"""The SQLite store with real databases in tmp_path: idempotence, dedup, search, migrations, concurrency."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
import sqlite_utils

from quotes.errors import QueryError, StoreError
from quotes.models import Article, Extraction, Quote
from quotes.store import Store
from quotes.store_schema import SCHEMA_VERSION, migrate

QUOTE = (
    "We will assess the threats together, evaluate the risks together, and begin creating a defence system."
)


def extraction(
    doc: str,
    quotes: list[tuple[str, str | None]],
    *,
    outlet: str = "RIA",
    published: str = "2012-05-18",
    role: str | None = "Deputy Prime Minister",
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
                date="--05-17",
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
        assert [c.cluster_id for c in upgraded.search("old words")] == ["c-1"]  # FTS rebuilt from old rows


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
