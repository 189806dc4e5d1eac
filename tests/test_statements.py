"""Statements on real articles: the same clusters and speakers whatever the ingest order, and
``quotes recluster`` rebuilding them on an existing database (real SQLite, real extraction)."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quotes.extract import extract_article
from quotes.interfaces.cli import app
from quotes.models import Article, Extraction, Quote
from quotes.store import Store

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "polnear" / "train"
PAIRS = ROOT / "benchmarks" / "data" / "statement_pairs.jsonl"
ARTICLES = 30  # the articles of the first labelled pairs: several outlets quoting the same people
runner = CliRunner()


def pair_docs() -> list[str]:
    docs: dict[str, None] = {}
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        docs.update({pair["a"]["doc"]: None, pair["b"]["doc"]: None})
    return list(docs)[:ARTICLES]


@pytest.fixture(scope="module")
def extractions(nlp: Any) -> list[Extraction]:
    if not POLNEAR.exists():
        pytest.skip(f"{POLNEAR} is missing: the shared PolNeAR copy is needed")
    meta = {row["doc"]: row for row in map(json.loads, (POLNEAR / "meta.jsonl").read_text().splitlines())}
    found = []
    for doc in pair_docs():
        path = POLNEAR / "texts" / f"{doc}.txt"
        article = Article(doc=doc, text=path.read_text(encoding="utf-8"), source=str(path),
                          outlet=meta[doc]["publisher"], published=meta[doc]["publication_date"])
        found.append(extract_article(article, nlp=nlp))
    return found


def state(path: Path) -> dict[str, Any]:
    """Everything clustering and name merging decide, as comparable values."""
    with sqlite3.connect(path) as conn:
        return {
            "occurrences": sorted(conn.execute("SELECT id, cluster_id, member FROM occurrences")),
            "clusters": sorted(conn.execute(
                "SELECT id, text, speaker, role, date, first_seen, occurrences, speakers, disputed FROM clusters")),
            "members": sorted(conn.execute("SELECT * FROM members")),
            "speakers": sorted(conn.execute("SELECT name, aliases, quotes, surname FROM speakers")),
            "roles": sorted(conn.execute("SELECT * FROM speaker_roles")),
        }


def ingest(path: Path, items: list[Extraction]) -> dict[str, Any]:
    with Store.open(path, create=True) as store:
        for item in items:
            store.add(item)
    return state(path)


def test_ingest_order_changes_no_statement_and_no_speaker(extractions: list[Extraction], tmp_path: Path) -> None:
    expected = ingest(tmp_path / "forward.db", extractions)
    assert len(expected["clusters"]) < len(expected["occurrences"])  # some quotes did join others
    assert ingest(tmp_path / "reverse.db", extractions[::-1]) == expected
    shuffled = random.Random(13).sample(extractions, len(extractions))
    assert ingest(tmp_path / "shuffled.db", shuffled) == expected


def test_recluster_rebuilds_an_old_database_and_is_idempotent(extractions: list[Extraction], tmp_path: Path) -> None:
    expected = ingest(tmp_path / "fresh.db", extractions)
    path = tmp_path / "old.db"
    ingest(path, extractions)
    with sqlite3.connect(path) as conn:  # what an older clustering left: everything in one cluster, no speakers
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("UPDATE occurrences SET cluster_id = (SELECT min(id) FROM clusters)")
        conn.execute("DELETE FROM clusters WHERE id NOT IN (SELECT cluster_id FROM occurrences)")
        conn.execute("DELETE FROM speaker_roles")
        conn.execute("DELETE FROM speakers")
    first = runner.invoke(app, ["recluster", "--db", str(path)])
    assert first.exit_code == 0, first.output
    assert "clusters before" in first.stderr and state(path) == expected
    again = runner.invoke(app, ["recluster", "--db", str(path)])
    assert again.exit_code == 0 and "0 quotes changed cluster" in again.stderr
    assert state(path) == expected


def test_recluster_of_a_missing_database_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["recluster", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "does not exist" in result.stderr
    assert not (tmp_path / "none.db").exists()


def named(doc: str, speaker: str, published: str) -> Extraction:
    words = "We are going to win so much you are going to be sick and tired of winning"
    text = f'"{words}," {speaker} said.\n'
    quote = Quote(doc=doc, start=1, end=1 + len(words), text=words, speaker=speaker,
                  speaker_start=text.index(speaker), speaker_end=text.index(speaker) + len(speaker),
                  role="candidate", date=published, date_basis="explicit")
    return Extraction(article=Article(doc=doc, text=text, source=f"{doc}.txt", published=published),
                      quotes=(quote,))


def test_names_merge_by_one_rule_whatever_the_order(tmp_path: Path) -> None:
    """"Donald Trump" joins "Donald J. Trump" in either order; "Trump" beside Ivanka stays apart."""
    items = [named("a", "Donald Trump", "2016-02-09"), named("b", "Donald J. Trump", "2016-02-09"),
             named("c", "Trump", "2016-02-09"), named("d", "Ivanka Trump", "2016-05-01")]
    expected = ingest(tmp_path / "one.db", items)
    assert ingest(tmp_path / "two.db", items[::-1]) == expected
    assert [(name, count) for name, _, count, _ in expected["speakers"]] == [
        ("Donald J. Trump", 2), ("Ivanka Trump", 1), ("Trump", 1)]
    with Store.open(tmp_path / "one.db", create=False) as store:
        [cluster] = [c for c in store.search("winning") if len(c.occurrences) == 3]
    assert cluster.speaker == "Donald J. Trump" and cluster.speakers == (("Donald J. Trump", 3),)
