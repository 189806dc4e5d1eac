"""Extraction in worker processes gives what the in-process path gives, in input order."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.extract import WORKERS_PAY_OFF_AT, extract_many
from quotes.extract.article import MAX_ARTICLE_CHARS
from quotes.extract.workers import extract_parallel
from quotes.interfaces.cli import app
from quotes.models import Article, Extraction, Failure

pytestmark = pytest.mark.slow
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Longer than MAX_ARTICLE_CHARS (and spaCy's max_length): the worker refuses it (issue 15).
TOO_LONG = 'He said "yes." ' + "word " * (MAX_ARTICLE_CHARS // 5 + 1)


def seed_articles() -> list[Article]:
    return [
        Article(doc=p.stem, text=p.read_text(encoding="utf-8"), source=str(p)) for p in sorted(SEEDS.glob("*.txt"))
    ]


def summary(results: list[Extraction | Failure]) -> list[object]:
    """Results as comparable values: the source and quotes of an extraction, the source of a failure."""
    return [
        ("failure", r.source) if isinstance(r, Failure) else (r.article.source, r.quotes) for r in results
    ]


@pytest.fixture(scope="module")
def in_process() -> list[Extraction | Failure]:
    return list(extract_many(seed_articles(), jobs=1))


def test_two_jobs_give_the_same_quotes_in_input_order(in_process: list[Extraction | Failure]) -> None:
    parallel = list(extract_parallel(seed_articles(), jobs=2))
    assert summary(parallel) == summary(in_process)
    assert [r.article.source for r in parallel if isinstance(r, Extraction)] == [a.source for a in seed_articles()]
    assert sum(len(r.quotes) for r in parallel if isinstance(r, Extraction)) > 0


def test_failures_in_input_and_in_workers_are_passed_through(in_process: list[Extraction | Failure]) -> None:
    articles = seed_articles()
    unreadable = Failure(source="missing.txt", message="missing.txt: no such file")
    too_long = Article(doc="too-long", text=TOO_LONG, source="too-long.txt")
    items: list[Article | Failure] = [articles[0], unreadable, too_long, *articles[1:]]
    results = list(extract_parallel(items, jobs=2))
    assert results[1] == unreadable
    assert isinstance(results[2], Failure) and results[2].source == "too-long.txt"
    assert "characters long, over the" in results[2].message  # refused in the worker
    assert summary([results[0], *results[3:]]) == summary(in_process)


def test_a_killed_worker_fails_no_article(
    in_process: list[Extraction | Failure], caplog: pytest.LogCaptureFixture
) -> None:
    """A worker that dies mid-batch (killed from outside): the articles in flight are run again."""
    results: list[Extraction | Failure] = []
    # Enough tasks that both workers are busy when the first result comes back.
    for result in extract_parallel(seed_articles() * 6, jobs=2):
        if not results:  # workers are up and busy with the articles read ahead
            os.kill(multiprocessing.active_children()[0].pid or 0, signal.SIGKILL)
        results.append(result)
    assert "a worker process died" in caplog.text
    assert summary(results) == summary(in_process) * 6


KILL_AN_IDLE_WORKER = """
import multiprocessing, os, signal, sys
from pathlib import Path
from quotes.models import Article
from quotes.extract.article import MAX_ARTICLE_CHARS
from quotes.extract.workers import extract_parallel

if __name__ == "__main__":
    seeds = sorted(Path(sys.argv[1]).glob("*.txt"))
    articles = [Article(doc=p.stem, text=p.read_text(encoding="utf-8"), source=str(p)) for p in seeds] * 2
    done = 0
    for _ in range(2):
        # Two tasks (8 + 2 articles): when the first comes back the other worker may be idle,
        # waiting for work while holding the task queue's lock.
        first = True
        for result in extract_parallel(articles, jobs=2, chunksize=8):
            if first:
                os.kill(multiprocessing.active_children()[0].pid or 0, signal.SIGKILL)
                first = False
            done += 1
    print(done)
"""


def test_a_worker_killed_when_idle_does_not_hang_the_caller(tmp_path: Path) -> None:
    """A worker killed while waiting for work can leave the other one blocked on the queue's lock:
    stopping the pool must not wait on it for ever. Run in a child process so a hang fails the test."""
    script = tmp_path / "kill_idle.py"
    script.write_text(KILL_AN_IDLE_WORKER, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(SEEDS)], capture_output=True, text=True, timeout=240, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "20"


def test_a_small_batch_starts_no_workers(in_process: list[Extraction | Failure]) -> None:
    """Workers cost a model load each: a handful of articles is faster in this process."""
    results = []
    for result in extract_many(seed_articles(), jobs=2):
        assert multiprocessing.active_children() == []
        results.append(result)
    assert summary(results) == summary(in_process)


def test_cli_extract_with_two_jobs_equals_one_job(tmp_path: Path) -> None:
    copies = -(-WORKERS_PAY_OFF_AT // 5)  # enough articles for the workers to start
    for n in range(copies):
        for path in SEEDS.glob("*.txt"):
            (tmp_path / f"{n}-{path.name}").write_bytes(path.read_bytes())
    runner = CliRunner()
    outputs = {}
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["extract", str(tmp_path), "--jobs", jobs, "--format", "jsonl"])
        assert result.exit_code == 0, result.output
        outputs[jobs] = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert outputs["2"] == outputs["1"]
    assert outputs["1"]


def test_cli_rejects_zero_jobs() -> None:
    result = CliRunner().invoke(app, ["extract", str(SEEDS), "--jobs", "0"])
    assert result.exit_code == 2
