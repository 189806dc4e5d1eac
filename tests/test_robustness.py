"""Failure modes of the store commands with real files: killed ingests, hostile queries, bad databases."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.interfaces.cli import app
from quotes.models import Article, Extraction, Quote
from quotes.store import Store
from quotes.store.schema import SCHEMA_VERSION

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
READ_COMMANDS = [
    ["search", "flexibility"],
    ["show", "c-1a2b3c4d"],
    ["stats"],
    ["speakers"],
    ["export"],
    ["verify", "There is no flexibility"],
]
SPEAKERS = [("Dmitry Medvedev", "the prime minister"), ("Sergei Ivanov", "the deputy prime minister"),
            ("Dmitry Rogozin", "Russia's envoy to NATO"), ("Sergei Lavrov", "the foreign minister")]
TOPICS = ["missile defense", "the treaty", "gas prices", "the election", "the border", "the sanctions"]


def write_articles(folder: Path, count: int) -> Path:
    """``count`` small articles, each quoting a few officials about a few topics (distinct wordings)."""
    folder.mkdir()
    for i in range(count):
        paragraphs = [f"MOSCOW, January {i % 28 + 1}, 2013 (RIA Novosti) - Officials spoke on Tuesday."]
        for j, topic in enumerate(TOPICS):
            name, role = SPEAKERS[(i + j) % len(SPEAKERS)]
            paragraphs.append(
                f'"We have not changed our position on {topic}, and report {i} part {j} will not change it '
                f'either," {name}, {role}, told reporters in Moscow.'
            )
        (folder / f"article-{i:02d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


def counts(db: Path) -> dict[str, int]:
    with Store.open(db, create=False) as store:
        return store.stats()


def per_article(db: Path) -> dict[str, int]:
    """Occurrences per stored article (articles without quotes count 0)."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT a.id, count(o.id) FROM articles a LEFT JOIN occurrences o ON o.article_id = a.id GROUP BY a.id"
        ).fetchall()
    return dict(rows)


def stored_articles(db: Path) -> int:
    """Articles committed so far, read without disturbing the writer (0 while the schema is not there)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def ingest_command(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "quotes", "ingest", str(folder), "--db", str(db)]


@pytest.mark.slow
def test_ingest_killed_midway_leaves_whole_articles_and_resumes(tmp_path: Path) -> None:
    # Enough articles that the rest are not all extracted and committed while the poll below waits to
    # read the first commit (with 30, a read refused during a log checkpoint let the run finish first).
    total = 100
    folder = write_articles(tmp_path / "articles", total)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    subprocess.run(ingest_command(folder, clean), cwd=ROOT, check=True, capture_output=True, timeout=300)
    assert counts(clean)["articles"] == total

    # its own session, so that SIGKILL reaches any extraction workers too
    proc = subprocess.Popen(ingest_command(folder, killed), cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while stored_articles(killed) < 1 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert proc.poll() is None, "ingest finished before it could be killed: give it more articles"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)

    with sqlite3.connect(killed) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial, complete = per_article(killed), per_article(clean)
    assert 1 <= len(partial) < total
    assert all(partial[aid] == complete[aid] for aid in partial)  # no half-stored article

    subprocess.run(ingest_command(folder, killed), cwd=ROOT, check=True, capture_output=True, timeout=300)
    assert counts(killed) == counts(clean)
    assert per_article(killed) == complete


# -- hostile search queries -------------------------------------------------------------------------


def one_article_db(path: Path) -> Path:
    text = 'Dmitry Medvedev said: "There is no flexibility on missile defense."'
    words = "There is no flexibility on missile defense."
    start = text.index(words)
    quote = Quote(doc="mt-1", start=start, end=start + len(words), text=words, speaker="Dmitry Medvedev",
                  speaker_start=0, speaker_end=15, role="Prime Minister", date="2013-01-27", cue="said")
    article = Article(doc="mt-1", text=text, source="mt-1.txt", outlet="The Moscow Times", published="2013-01-27")
    with Store.open(path, create=True) as store:
        store.add(Extraction(article=article, quotes=(quote,)))
    return path


@pytest.mark.parametrize(
    "query",
    ['"', "“unbalanced", "AND OR NOT", "*", "col:val", "(", "NEAR(", "flex*", "text:flexibility",
     'NEAR("no" "flexibility", 2)', "flexibility)", "- -", "^", "\x00", "“”", "''"],
)
def test_search_with_fts_syntax_never_crashes(tmp_path: Path, query: str) -> None:
    db = one_article_db(tmp_path / "q.db")
    result = runner.invoke(app, ["search", "--db", str(db), "--", query])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 1:
        assert result.stderr.count("Error: ") == 1 and result.stderr.startswith("Error: ")


# -- databases that are missing, not SQLite, or too new ---------------------------------------------


def assert_one_error(command: list[str], db: Path, *words: str) -> str:
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and str(db) in lines[0], result.stderr
    assert all(word in lines[0] for word in words), lines[0]
    return lines[0]


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_missing_database_is_an_error_and_not_created(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "absent" / "x.db"
    assert_one_error(command, db, "does not exist")
    assert not db.exists() and not db.parent.exists()


GARBAGE = {
    "random": bytes(range(256)) * 64,
    "text": b"this is a shopping list, not a database\n" * 200,
    "short": b"SQLite format 3\x00oops",
    "empty": b"",
}


@pytest.mark.parametrize(
    ("kind", "command"),
    # an empty file is an empty SQLite database, which ingest may set up: only readers refuse it
    [(kind, c) for kind in sorted(GARBAGE) for c in [*READ_COMMANDS, ["ingest", "IN"]]
     if kind != "empty" or c[0] != "ingest"],
)
def test_file_that_is_not_a_quotes_database_is_left_untouched(
    tmp_path: Path, command: list[str], kind: str
) -> None:
    db = tmp_path / "x.db"
    db.write_bytes(GARBAGE[kind])
    if command[0] == "ingest":
        (tmp_path / "a.txt").write_text('"Words," he said.', encoding="utf-8")
        command = ["ingest", str(tmp_path / "a.txt")]
    assert_one_error(command, db)
    assert db.read_bytes() == GARBAGE[kind]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("x.db")) == ["x.db"]


@pytest.mark.parametrize("command", [*READ_COMMANDS, ["ingest", "IN"]])
def test_sqlite_database_of_another_program_is_left_untouched(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE bookmarks (url TEXT)")
    before = db.read_bytes()
    if command[0] == "ingest":
        (tmp_path / "a.txt").write_text('"Words," he said.', encoding="utf-8")
        command = ["ingest", str(tmp_path / "a.txt")]
    assert_one_error(command, db, "not a quotes database")
    assert db.read_bytes() == before


@pytest.mark.parametrize("command", [*READ_COMMANDS, ["ingest", "IN"]])
def test_database_of_a_newer_schema_is_refused_untouched(tmp_path: Path, command: list[str]) -> None:
    db = one_article_db(tmp_path / "new.db")
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.execute("PRAGMA journal_mode = delete")  # as another release might leave it
    before = db.read_bytes()
    if command[0] == "ingest":
        (tmp_path / "a.txt").write_text('"Words," he said.', encoding="utf-8")
        command = ["ingest", str(tmp_path / "a.txt")]
    assert_one_error(command, db, f"schema version {SCHEMA_VERSION + 1}", "upgrade quotes")
    assert db.read_bytes() == before


# -- bad input files next to good ones --------------------------------------------------------------


@pytest.mark.slow
def test_ingest_empty_binary_and_good_file(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in", 1)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "q.db"
    first = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert first.exit_code == 1, first.output
    errors = [line for line in first.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 2, first.stderr
    assert any("empty.txt" in e for e in errors) and any("binary.txt" in e for e in errors)
    stored = counts(db)
    assert stored["articles"] == 1 and stored["quotes"] == len(TOPICS)
    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert again.exit_code == 1 and "0 new articles, 1 skipped, 2 failed" in again.stderr
    assert counts(db) == stored
    assert json.loads(runner.invoke(app, ["stats", "--json", "--db", str(db)]).stdout) == stored
