"""Issue 17: `quotes ingest --scheduler` on a Dask cluster stores what `--jobs 1` stores.

A real ``distributed.LocalCluster`` with two worker processes (one thread each) runs the
extraction; the stores are compared row for row (``store_dump``). A worker killed mid-run has its
articles run elsewhere: nothing lost, nothing twice. Without Dask installed, `--scheduler` is one
clear error naming the extra.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEEDS, seed_corpus
from distributed import Client, LocalCluster
from store_dump import differences, dump
from typer.testing import CliRunner

from quotes.ingestion import ingest
from quotes.interfaces.cli import app
from quotes.store import Store

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cluster") / "articles"
    folder.mkdir()
    for name, text in seed_corpus():  # and three copies of each (wire copies: other files, same quotes)
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        for n in range(1, 4):
            (folder / f"{name}~{n}.txt").write_text(f"{text}\n\nCopy {n}.\n", encoding="utf-8")
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], folder / "same-text-again.txt")  # one content, two files
    return folder


@pytest.fixture(scope="module")
def one_job(articles: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("jobs1") / "jobs1.db"
    result = runner.invoke(app, ["ingest", str(articles), "--db", str(db), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return db


def test_cluster_ingest_stores_what_one_job_stores_and_resumes(
    cluster: LocalCluster, articles: Path, one_job: Path, tmp_path: Path
) -> None:
    db = tmp_path / "cluster.db"
    result = runner.invoke(app, ["ingest", str(articles), "--db", str(db), "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    assert "60 new articles, 1 skipped, 0 failed" in result.output
    assert dump(one_job)["occurrences"], "nothing was stored"
    assert differences(one_job, db) == {}
    again = runner.invoke(app, ["ingest", str(articles), "--db", str(db)],
                          env={"QUOTES_SCHEDULER": cluster.scheduler_address})
    assert again.exit_code == 0, again.output
    assert "0 new articles, 61 skipped, 0 failed" in again.output


def kill_a_busy_worker(address: str, killed: list[int]) -> None:
    """SIGKILL the process of a worker once it has been extracting for a moment."""
    with Client(address, set_as_default=False) as client:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            busy = [worker for worker, keys in client.processing().items() if keys]
            if busy:
                time.sleep(1.0)  # mid-article, with more articles queued behind it
                pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
            time.sleep(0.05)


def test_a_worker_killed_mid_run_loses_nothing(
    cluster: LocalCluster, articles: Path, one_job: Path, tmp_path: Path
) -> None:
    db = tmp_path / "killed.db"
    killed: list[int] = []
    killer = threading.Thread(target=kill_a_busy_worker, args=(cluster.scheduler_address, killed))
    killer.start()
    try:
        with Store.open(db, create=True) as store:
            stats = ingest([articles], store, scheduler=cluster.scheduler_address)
    finally:
        killer.join()
    assert killed, "no worker was ever busy"
    assert (stats.new, stats.skipped, stats.failed) == (60, 1, 0)
    assert differences(one_job, db) == {}


def test_scheduler_without_dask_is_one_error_naming_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("dask", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # as if not installed: find_spec answers None
    db = tmp_path / "none.db"
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 1
    assert "pip install 'quotes[cluster]'" in result.output
    assert result.output.count("Error:") == 1
    assert not db.exists()


def churn_faults() -> int:
    """Minor page faults taken by allocating and freeing a 1 MiB buffer 200 times, in this process."""
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(200):
        buffer = bytearray(2**20)
        buffer[::4096] = b"\x01" * 256  # touch every page
        del buffer
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


def test_workers_keep_freed_memory_between_articles(cluster: LocalCluster, articles: Path, tmp_path: Path) -> None:
    """The nanny's MALLOC_TRIM_THRESHOLD_ would map and unmap each 1 MiB buffer anew (256 faults
    each); after the pipeline plugin ran (any ingest), a freed buffer is reused without faults."""
    with Store.open(tmp_path / "warm.db", create=True) as store:
        ingest([sorted(articles.glob("*.txt"))[0]], store, scheduler=cluster.scheduler_address)
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        faults = client.run(churn_faults)
        environ = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert set(environ.values()) == {"65536"}, environ  # what makes the plugin's setting matter
    assert all(count < 200 * 256 // 10 for count in faults.values()), faults
