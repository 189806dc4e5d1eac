"""Issue 15 (5): on a terminal, tables fit its width with words whole, and ingest shows a progress
bar; elsewhere the output stays the plain text scripts parse.

The commands run in a child process attached to a real pseudo-terminal of a given size.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from typer.testing import CliRunner
from verify_corpus import build_store

from quotes.interfaces.cli import app

ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
runner = CliRunner()


def on_terminal(args: list[str], columns: int, *, stream: str = "stdout") -> str:
    """What ``quotes ARGS`` writes to ``stream`` when that stream is a terminal ``columns`` wide."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env["TERM"] = "xterm-256color"
    wiring = {"stdout": follower, "stderr": subprocess.DEVNULL} if stream == "stdout" else {
        "stdout": subprocess.DEVNULL, "stderr": follower}
    proc = subprocess.Popen([sys.executable, "-m", "quotes", *args], cwd=ROOT, stdin=follower, env=env, **wiring)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=300)
    os.close(leader)
    return ANSI.sub("", b"".join(chunks).decode("utf-8")).replace("\r\n", "\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_store(tmp_path_factory.mktemp("terminal") / "q.db"))


@pytest.mark.parametrize("columns", [140, 100, 80, 60, 40])
def test_search_table_fits_the_terminal_with_words_whole(db: str, columns: int) -> None:
    records = json.loads(runner.invoke(app, ["search", "flexibility", "--format", "json", "--db", db]).stdout)
    assert records
    shown = on_terminal(["search", "flexibility", "--db", db], columns)
    lines = shown.rstrip("\n").split("\n")
    assert all(len(line.rstrip()) <= columns for line in lines), [len(line) for line in lines]
    words = set(shown.split())
    for record in records:
        assert record["date"] in words, record["date"]  # never split across lines
        assert record["cluster_id"] in words
        cited = " ".join(record["text"].split())[:200].rsplit(" ", 1)[0]  # the table cuts at 240
        missing = [w for w in cited.split() if w not in words]
        assert not missing, f"words cut at {columns} columns: {missing}"


def test_search_table_on_a_wide_terminal_is_one_line_per_short_quote(db: str) -> None:
    shown = on_terminal(["search", "flexibility", "--db", db], 200)
    header = shown.split("\n")[0].split()
    assert header == ["quote", "speaker", "role", "date", "outlets", "articles", "cluster"]


def test_speakers_fit_a_narrow_terminal(db: str) -> None:
    shown = on_terminal(["speakers", "--db", db], 50)
    assert all(len(line.rstrip()) <= 50 for line in shown.split("\n"))
    assert "Dmitry Medvedev" in shown or ("Dmitry" in shown.split() and "Medvedev" in shown.split())


def test_plain_table_when_not_a_terminal_cuts_at_a_word(db: str) -> None:
    """Scripts and pipes get the plain table as before, with a long quote cut at a word boundary."""
    result = runner.invoke(app, ["search", "flexibility", "--db", db])
    assert result.exit_code == 0
    records = json.loads(runner.invoke(app, ["search", "flexibility", "--format", "json", "--db", db]).stdout)
    words = {w for r in records for w in r["text"].split()}
    for line in result.stdout.splitlines()[2:]:
        quote = line[:60].split("  ")[0].rstrip("…").split()
        assert all(word in words or word.rstrip(",.;:") in words for word in quote), line


@pytest.mark.slow
def test_ingest_shows_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    shown = on_terminal(["ingest", str(ROOT / "seeds"), "--db", str(tmp_path / "q.db")], 120, stream="stderr")
    assert "5/5" in shown and "articles/s" in shown, shown[-800:]
    assert "5 new articles, 0 skipped, 0 failed" in shown
    assert "progress:" not in shown  # the plain lines are for logs, not terminals
