"""Issue 15 (1): stopping `quotes ingest --jobs 2` leaves no process behind, for real.

The ingest runs as a child process; it is stopped the three ways an operator's tools stop it
(SIGTERM from `timeout`/systemd/`docker stop`, SIGINT from Ctrl-C to the whole process group,
SIGKILL to the parent alone) while its workers are extracting. Its workers and the
multiprocessing resource tracker must be gone within a few seconds; what was committed is whole,
and the next ingest does the rest.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from test_robustness import ROOT, counts, ingest_command, per_article, stored_articles, write_articles

pytestmark = pytest.mark.slow
GONE_WITHIN_S = 5.0  # workers poll their parent every 0.5 s; a killed one is gone at once


def process_table() -> dict[int, tuple[int, str, str]]:
    """pid -> (parent pid, state, start time) of every process, read from /proc."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # exited meanwhile
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (command)"
        table[int(entry.name)] = (int(fields[1]), fields[0], fields[19])
    return table


def descendants(pid: int) -> dict[int, str]:
    """The processes below ``pid``, with their start times (a pid may be reused later)."""
    table = process_table()
    found: dict[int, str] = {}
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for child, (ppid, _, started) in table.items():
            if ppid == parent and child not in found:
                found[child] = started
                frontier.append(child)
    return found


def command_line(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def alive(processes: dict[int, str]) -> list[int]:
    """Those still running (a zombie waiting for init to reap it has exited)."""
    table = process_table()
    return [pid for pid, started in processes.items()
            if pid in table and table[pid][2] == started and table[pid][1] != "Z"]


def default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_ingest(folder: Path, db: Path) -> tuple[subprocess.Popen[bytes], dict[int, str]]:
    """An ingest with two workers, once both workers and the resource tracker run and it has stored
    an article (so the workers are mid-extraction): the process and its descendants."""
    # SIGINT at its default, as for a command in a terminal's foreground: a shell without job control starts
    # background commands (``pytest ... &``) with SIGINT ignored, and Python keeps an ignored SIGINT ignored
    proc = subprocess.Popen([*ingest_command(folder, db), "--jobs", "2"], cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=default_sigint)
    deadline = time.monotonic() + 180
    helpers: dict[int, str] = {}
    while time.monotonic() < deadline and proc.poll() is None:
        helpers = descendants(proc.pid)
        lines = [command_line(pid) for pid in helpers]
        workers = sum("multiprocessing.spawn" in line for line in lines)
        tracker = any("resource_tracker" in line for line in lines)
        if workers == 2 and tracker and stored_articles(db) >= 1:
            return proc, helpers
        time.sleep(0.02)
    proc.kill()
    for pid in alive(helpers):  # they hold its stderr open
        os.kill(pid, signal.SIGKILL)
    assert proc.stderr is not None
    raise AssertionError(f"the ingest never ran two workers (exit {proc.wait()}): {proc.stderr.read()!r}")


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_articles(tmp_path_factory.mktemp("stop") / "articles", 60)


@pytest.fixture(scope="module")
def complete(articles: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    subprocess.run([*ingest_command(articles, db), "--jobs", "1"], cwd=ROOT, check=True, capture_output=True,
                   timeout=600)
    return db


@pytest.mark.parametrize(
    ("how", "status"),
    [("SIGTERM to the parent", 128 + signal.SIGTERM), ("SIGINT to the group", 128 + signal.SIGINT),
     ("SIGKILL to the parent", -signal.SIGKILL)],
)
def test_no_worker_outlives_a_stopped_ingest(articles: Path, complete: Path, tmp_path: Path, how: str,
                                             status: int) -> None:
    db = tmp_path / "stopped.db"
    proc, helpers = start_ingest(articles, db)
    assert len(helpers) >= 3, helpers  # two workers and the resource tracker
    if how.startswith("SIGINT"):
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal does on Ctrl-C
    else:
        os.kill(proc.pid, signal.SIGTERM if how.startswith("SIGTERM") else signal.SIGKILL)
    try:
        exit_status = proc.wait(timeout=30)
        deadline = time.monotonic() + GONE_WITHIN_S
        while alive(helpers) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = {pid: command_line(pid) for pid in alive(helpers)}
    finally:  # whatever fails, leave no process to the next test
        proc.kill()
        for pid in alive(helpers):
            os.kill(pid, signal.SIGKILL)
    assert proc.stderr is not None
    message = proc.stderr.read().decode()
    # the stored count says whether the signal came too late (the ingest done) or was not acted on
    assert exit_status == status, f"exit {exit_status}, {stored_articles(db)} articles stored; stderr: {message}"
    assert not left, f"still running {GONE_WITHIN_S} s after the ingest stopped: {left}"
    if status != -signal.SIGKILL:
        assert "Stopped (" in message and "run the same command again" in message, message

    partial, whole = per_article(db), per_article(complete)
    assert 1 <= len(partial) < len(whole)
    assert all(partial[aid] == whole[aid] for aid in partial)  # no article half-stored
    subprocess.run(ingest_command(articles, db), cwd=ROOT, check=True, capture_output=True, timeout=600)
    assert counts(db) == counts(complete)
    assert per_article(db) == whole
