"""Statements stored under other clustering rules are rebuilt before new occurrences join them.

Members and blocking keys are stored as the rules of their day made them. The database below is
taken back to "clustered by another release": its recorded rules are changed and its blocking keys
removed (an older release's keys would not meet this release's). Storing the rest of the articles
must give exactly what one ingest of all of them under this release gives.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import seed_corpus
from store_dump import differences

from quotes import statements
from quotes.extract import extract_article
from quotes.models import Article, Extraction
from quotes.store import Store

pytestmark = pytest.mark.slow


def wire_copy(extraction: Extraction, n: int) -> Extraction:
    """The same quotes in another outlet's article: they join the stored statements."""
    article = extraction.article
    quotes = tuple(replace(q, doc=f"{q.doc}~{n}") for q in extraction.quotes)
    moved = replace(article, doc=f"{article.doc}~{n}", text=article.text + f"\n\nCopy {n}.",
                    source=f"{article.source}~{n}")
    return Extraction(article=moved, quotes=quotes)


@pytest.fixture(scope="module")
def extractions(nlp: Any) -> list[Extraction]:
    return [extract_article(Article(doc=name, text=text, source=f"{name}.txt", published="2016-03-01"), nlp=nlp)
            for name, text in seed_corpus()]


def rules_of(path: Path) -> str | None:
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = 'clustering_rules'").fetchone()
    return None if row is None else str(row[0])


def age(path: Path) -> None:
    """Make the database look clustered by an older release: other rules, keys that meet nothing."""
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE settings SET value = 'older' WHERE key = 'clustering_rules'")
        conn.execute("DELETE FROM member_keys")


def test_a_database_clustered_by_other_rules_is_rebuilt_before_new_quotes_join_it(
    extractions: list[Extraction], tmp_path: Path
) -> None:
    later = [wire_copy(e, n) for n, e in enumerate(extractions, 1)]
    fresh, aged = tmp_path / "fresh.db", tmp_path / "aged.db"
    with Store.open(fresh, create=True) as store:
        store.add_many(extractions + later)
    with Store.open(aged, create=True) as store:
        store.add_many(extractions)
    assert rules_of(aged) == str(statements.RULES)
    age(aged)
    with Store.open(aged, create=False, readonly=True) as reader:
        assert reader.search("Medvedev")  # readers answer from the stored statements, unchanged
    assert rules_of(aged) == "older"
    with Store.open(aged, create=False) as store:
        store.add_many(later)
    assert rules_of(aged) == str(statements.RULES)
    assert differences(fresh, aged) == {}


def test_recluster_records_the_rules(extractions: list[Extraction], tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    with Store.open(path, create=True) as store:
        store.add_many(extractions[:3])
    age(path)
    with Store.open(path, create=False) as store:
        store.recluster()
    assert rules_of(path) == str(statements.RULES)
