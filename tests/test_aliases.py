"""A store written before mojibake was repaired on input: the same file read again is not stored twice.

Before ``sources`` repaired mojibake, "TomÃ¡s Regalado" was stored as read, under the hash of that
text. Read again, the repaired text hashes differently; migration 9 records the repaired text's hash
as an alias of the stored article, so ``quotes ingest`` skips it as it skips any stored article.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.interfaces.cli import app
from quotes.models import Article, Extraction, Quote
from quotes.sources import repair_mojibake
from quotes.store import Store

runner = CliRunner()
MOJIBAKE = "Miami Mayor TomÃ¡s Regalado said: “We will not give up on this.”\n"
PLAIN = "The mayor of Doral said: “We will not give up either.”\n"


def old_store(path: Path, texts: dict[str, str]) -> Path:
    """A store at schema version 8 holding ``texts`` exactly as given (no repair), one quote each."""
    with Store.open(path, create=True) as store:
        for doc, text in texts.items():
            start = text.index("“") + 1
            quote = Quote(doc=doc, start=start, end=text.index("”"), text=text[start:text.index("”")],
                          speaker="Tomás Regalado")
            store.add_many([Extraction(article=Article(doc=doc, text=text, source=f"{doc}.txt"), quotes=(quote,))])
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE article_aliases")
        conn.execute("PRAGMA user_version = 8")
    return path


def counts(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM occurrences)").fetchone()


@pytest.mark.parametrize(
    ("text", "aliased"),
    [
        (MOJIBAKE, True),  # repaired on input now: the stored text gets an alias
        (PLAIN, False),  # nothing to repair: no alias, the stored hash is the text's own
        ("Ältere Leute, said Åsa Berg: “Nein.”\n", False),  # lead characters that are no mojibake
    ],
)
def test_migration_9_aliases_only_texts_the_reader_now_repairs(tmp_path: Path, text: str, aliased: bool) -> None:
    db = old_store(tmp_path / "v8.db", {"a": text})
    with Store.open(db, create=False) as store:
        aliases = store.db.execute("SELECT hash, article_id FROM article_aliases").fetchall()
        assert (len(aliases) == 1) is aliased
        assert store.has_article(Article(doc="a", text=repair_mojibake(text), source="a.txt").content_hash)


def test_the_same_file_read_again_after_the_upgrade_is_skipped(tmp_path: Path) -> None:
    db = old_store(tmp_path / "v8.db", {"regalado": MOJIBAKE})
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "regalado.txt").write_text(MOJIBAKE, encoding="utf-8")
    before = counts(db)
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "0 new articles, 1 skipped" in result.stderr
    assert counts(db) == before == (1, 1)
