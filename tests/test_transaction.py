"""store.transaction.immediate: all of a block is stored, or none of it (real SQLite)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from quotes.store.transaction import immediate


def _db(path: Path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    db.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)")
    return db


def _rows(path: Path) -> list[int]:
    with sqlite3.connect(path) as other:  # another connection sees only what was committed
        return [x for (x,) in other.execute("SELECT x FROM t ORDER BY x")]


def test_a_block_that_ends_is_committed(tmp_path: Path) -> None:
    db = _db(tmp_path / "a.db")
    with immediate(db):
        db.execute("INSERT INTO t VALUES (1)")
        db.execute("INSERT INTO t VALUES (2)")
    assert _rows(tmp_path / "a.db") == [1, 2] and not db.conn.in_transaction


@pytest.mark.parametrize("error", [ValueError("bad"), KeyboardInterrupt()])
def test_a_block_that_fails_leaves_nothing(tmp_path: Path, error: BaseException) -> None:
    db = _db(tmp_path / "a.db")
    with pytest.raises(type(error)), immediate(db):
        db.execute("INSERT INTO t VALUES (1)")
        raise error
    assert _rows(tmp_path / "a.db") == [] and not db.conn.in_transaction


def test_a_failing_statement_keeps_its_own_error(tmp_path: Path) -> None:
    db = _db(tmp_path / "a.db")
    with pytest.raises(sqlite3.IntegrityError), immediate(db):
        db.execute("INSERT INTO t VALUES (1)")
        db.execute("INSERT INTO t VALUES (1)")
    assert _rows(tmp_path / "a.db") == [] and not db.conn.in_transaction


def test_a_return_inside_the_block_commits(tmp_path: Path) -> None:
    db = _db(tmp_path / "a.db")

    def store_once() -> str:
        with immediate(db):
            db.execute("INSERT INTO t VALUES (7)")
            return "stored"

    assert store_once() == "stored" and _rows(tmp_path / "a.db") == [7]
