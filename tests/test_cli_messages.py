"""Issue 15 (6, 8): what the command line says when there is nothing to say, when the input is
unreadable or huge, and when a dependency logs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_damaged_db import as_another_user, shared_folder  # noqa: F401 - a fixture
from typer.testing import CliRunner

from quotes.extract.article import MAX_ARTICLE_CHARS
from quotes.interfaces.cli import app
from quotes.models import Failure
from quotes.sources.inputs import iter_files
from quotes.store import Store

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
HUGE = "x" * 100_000


@pytest.fixture
def empty_db(tmp_path: Path) -> str:
    path = tmp_path / "q.db"
    Store.open(path, create=True).close()
    return str(path)


@pytest.mark.parametrize(
    "args",
    [["export", "--speaker", "Nobody"], ["export", "--format", "csv", "--since", "2030"],
     ["export", "--format", "bibtex", "--query", "zebra"], ["export"]],
)
def test_export_with_nothing_matching_says_so_on_stderr(empty_db: str, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", empty_db])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() in ("", "[]")  # csl-json would be an empty list; these print nothing
    assert result.stderr.startswith(("No stored quote matches", "The database holds no quotes")), result.stderr
    assert "nothing exported" in result.stderr


@pytest.mark.parametrize(
    "args",
    [["search", HUGE], ["show", HUGE], ["export", "--since", HUGE], ["export", "--speaker", HUGE],
     ["search", "Medvedev", "--outlet", HUGE], ["export", "--query", HUGE]],
    ids=["search", "show", "since", "speaker", "outlet", "query"],
)
def test_an_argument_of_100_kb_is_not_echoed(empty_db: str, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", empty_db])
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and len(lines[0]) < 400, lines[0][:500]
    assert "100,000 characters" in lines[0] and "damaged" not in lines[0]


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_path_of_100_kb_is_one_short_error(tmp_path: Path, command: str) -> None:
    result = runner.invoke(app, [command, HUGE, *(["--db", str(tmp_path / "q.db")] if command == "ingest" else [])])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and len(errors[0]) < 400 and "too long" in errors[0], errors


def test_an_unreadable_directory_is_not_an_empty_one(shared_folder: Path) -> None:  # noqa: F811
    folder = shared_folder
    (folder / "inner").mkdir()
    (folder / "a.txt").write_text('"Yes," he said.', encoding="utf-8")
    (folder / "inner" / "b.txt").write_text('"No," she said.', encoding="utf-8")
    (folder / "inner").chmod(0o000)
    try:
        found = as_another_user(lambda: list(iter_files([folder])))
    finally:
        (folder / "inner").chmod(0o755)
    assert folder / "a.txt" in found  # the readable part is still read
    failures = [f for f in found if isinstance(f, Failure)]
    assert len(failures) == 1, found
    assert failures[0].message.startswith(f"{folder / 'inner'}: cannot read this directory (Permission denied)")


@pytest.mark.slow
def test_a_page_without_text_is_one_error_naming_it(tmp_path: Path) -> None:
    """trafilatura's own "WARNING: discarding data: None" named no file and said what our error says."""
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "quotes", "extract", str(page)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert done.returncode == 1
    assert "discarding data" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f"Error: {page}: no article text found in the HTML; save the full article page or pass its text"
    ]


@pytest.mark.slow
def test_an_article_over_the_size_limit_is_one_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    """Issue 15 (4): time grows with the article; one past ``MAX_ARTICLE_CHARS`` is refused alone."""
    folder = tmp_path / "in"
    folder.mkdir()
    big = folder / "transcript.txt"
    big.write_text('"Yes," he said. ' * (MAX_ARTICLE_CHARS // 16 + 1), encoding="utf-8")
    (folder / "short.txt").write_text('"We will not back down," Angela Merkel said on Monday.', encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith(("Error", "WARNING"))]
    assert errors == [
        f"Error: {big}: the article is {len(big.read_text()):,} characters long, over the {MAX_ARTICLE_CHARS:,} "
        "extracted (minutes per megabyte); split it into smaller files, e.g. one per story or per part of a "
        "transcript"
    ]
    assert "1 new articles, 0 skipped, 1 failed; 1 quotes" in result.stderr
