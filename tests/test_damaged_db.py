"""Issue 15 (2, 8): a damaged database is refused before the first write and readers warn; a
database that is only locked or read-only is not called damaged.

The damaged database is a copy of a real one (the seed articles ingested by `quotes ingest`) with
random bytes written over a page (as the issue's report did), one the reading commands do not need.
"""

from __future__ import annotations

import os
import pickle
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quotes.interfaces.cli import app
from quotes.store import Store
from quotes.store.integrity import quick_check
from quotes.store.messages import sqlite_message

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
NEW_ARTICLE = '"We will not back down on the pipeline," Angela Merkel said in Berlin on Monday.\n'
READERS = [["search", "Medvedev"], ["export", "--speaker", "Medvedev"], ["speakers"], ["stats"]]


@pytest.fixture(scope="module")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("real") / "seeds.db"
    result = runner.invoke(app, ["ingest", str(ROOT / "seeds"), "--db", str(db), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return db


def damaged_copy(real: Path, folder: Path) -> Path:
    """The real database with random bytes over one page that the reading commands do not need (the
    clustering index's): the check must then fail while search, export and speakers can still answer."""
    db = folder / "damaged.db"
    shutil.copy(real, db)
    with closing(sqlite3.connect(db)) as conn:  # closed, or SQLite keeps its -wal and -shm files
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (page,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'member_keys'").fetchone()
    with db.open("r+b") as stream:
        stream.seek((page - 1) * page_size)  # pages are numbered from 1
        stream.write(random.Random(15).randbytes(page_size))
    with closing(sqlite3.connect(db)) as conn:
        assert quick_check(conn), "the damage must be what SQLite's check sees: pick another page"
    return db


def files_beside(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir() if p.name.startswith(db.name))


@pytest.mark.slow
def test_ingest_refuses_a_damaged_database_before_writing(real_db: Path, tmp_path: Path) -> None:
    db = damaged_copy(real_db, tmp_path)
    before = db.read_bytes()
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "merkel.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "new"), "--db", str(db)])
    assert result.exit_code == 1, result.output
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"Error: database {db} is damaged"), result.stderr
    assert "nothing was written" in errors[0] and "backup" in errors[0]
    assert db.read_bytes() == before
    assert files_beside(db) == ["damaged.db"]


@pytest.mark.slow
@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_readers_warn_about_a_damaged_database(real_db: Path, tmp_path: Path, command: list[str]) -> None:
    """A reader still answers what it can read, but never silently: a warning, or an error that
    says "damaged" when its query reaches the damaged page."""
    db = damaged_copy(real_db, tmp_path)
    done = subprocess.run([sys.executable, "-m", "quotes", *command, "--db", str(db)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert f"WARNING: database {db} is damaged" in done.stderr, done.stderr
    assert done.returncode == 0 or (done.returncode == 1 and "damaged" in done.stderr.splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_readers_of_a_sound_database_do_not_warn(real_db: Path, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--db", str(real_db)])
    assert result.exit_code == 0 and "damaged" not in result.stderr


# -- locked and read-only are not damaged (issue 15, 8) ---------------------------------------------


def test_a_locked_database_is_said_to_be_locked(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    Store.open(db, create=True).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another ingest in the middle of an article
    impatient = sqlite3.connect(db, timeout=0, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError) as raised:
        impatient.execute("BEGIN IMMEDIATE")
    holder.execute("ROLLBACK")
    message = sqlite_message(db, raised.value, busy_timeout_s=60)
    assert message.startswith(f"database {db} is locked") and "damaged" not in message


def test_a_read_only_database_is_said_to_be_read_only(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    Store.open(db, create=True).close()
    reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as raised:
        reader.execute("CREATE TABLE t (x)")
    message = sqlite_message(db, raised.value, busy_timeout_s=60)
    assert message.startswith(f"database {db} is read-only here") and "damaged" not in message


def as_another_user(action: Callable[[], Any]) -> Any:
    """Run ``action`` in a forked child that cannot write what this user owns (as root, it takes
    the uid of nobody; otherwise this user already cannot write a folder chmod-ed 0555)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        try:
            os.close(read)
            if os.geteuid() == 0:
                os.setegid(65534)
                os.seteuid(65534)
            result: Any = action()
        except BaseException as exc:
            result = exc
        with os.fdopen(write, "wb") as stream:
            pickle.dump(result, stream)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as stream:
        result = pickle.load(stream)
    os.waitpid(pid, 0)
    return result


def cli(args: list[str]) -> tuple[int, str]:
    result = runner.invoke(app, args)
    return result.exit_code, result.stderr or repr(result.exception)


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder others may read but not write (pytest's own are private to this user)."""
    folder = Path(tempfile.mkdtemp(prefix="quotes-shared-"))
    folder.chmod(0o755)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


@pytest.mark.slow
def test_ingest_into_a_database_it_cannot_write_says_read_only(shared_folder: Path, tmp_path: Path) -> None:
    db = shared_folder / "q.db"
    Store.open(db, create=True).close()
    (shared_folder / "a.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    # the same run where it may write first: the other user cannot read this interpreter's files,
    # so every module the command imports must be imported before
    assert cli(["ingest", str(shared_folder / "a.txt"), "--db", str(tmp_path / "w.db")])[0] == 0
    if os.geteuid() != 0:
        shared_folder.chmod(0o555)
    status, stderr = as_another_user(lambda: cli(["ingest", str(shared_folder / "a.txt"), "--db", str(db)]))
    assert status == 1, stderr
    assert "read-only" in stderr and "damaged" not in stderr, stderr


def test_the_readers_check_is_cut_off_at_its_budget(tmp_path: Path) -> None:
    """The check runs inside one SQLite instruction: the budget must still stop it, and leave the
    connection usable for the reader's query."""
    db = tmp_path / "big.db"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("CREATE TABLE t (x BLOB)")
        conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
                     "INSERT INTO t SELECT randomblob(400) FROM n")
        conn.execute("CREATE INDEX t_x ON t (x)")
        conn.commit()
        started = time.perf_counter()
        assert quick_check(conn) == []
        whole = time.perf_counter() - started
        started = time.perf_counter()
        assert quick_check(conn, budget_s=whole / 20) is None
        assert time.perf_counter() - started < whole / 2 + 0.05
        assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 100000
