"""Read-only store connections: the reading commands and the web app never write the database,
and they read one in a folder they may not write to.

The CLI runs in a subprocess here (not CliRunner) because the folder must be unwritable for the
process itself: as root, the child drops the capabilities that let root ignore file modes.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from verify_corpus import build_store, variant_extractions

from quotes.errors import StoreError
from quotes.store import Store
from quotes.store.schema import SCHEMA_VERSION

# As root, a process may write whatever the file modes say; without these capabilities it may not.
# setpriv (util-linux, essential in Debian) drops them before exec, so no code runs between fork and exec.
AS_ORDINARY_WRITER = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` as a process for which file modes hold (also when the tests run as root)."""
    prefix = AS_ORDINARY_WRITER if os.geteuid() == 0 else []
    return subprocess.run([*prefix, sys.executable, *args], capture_output=True, text=True, timeout=120)


def lock(folder: Path) -> None:
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A quotes database in a folder nobody may write to, as the last writer left it (WAL merged)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = build_store(folder / "quotes.db")
    assert sorted(p.name for p in folder.iterdir()) == ["quotes.db"]  # no -wal, no -shm left
    lock(folder)
    yield db
    folder.chmod(0o755)


def test_the_folder_is_really_unwritable_for_the_commands(locked: Path) -> None:
    probe = run("-c", f"open({str(locked.parent / 'x')!r}, 'w')")
    assert probe.returncode != 0 and "PermissionError" in probe.stderr


@pytest.mark.parametrize(
    ("args", "expected", "status"),
    [
        (["search", "flexibility"], "There is no flexibility", 0),
        (["show", "c-a2086f8b7565"], "Canonical wording", 0),  # the id comes from the wording
        (["verify", "There is no flexibility", "--speaker", "Putin"], "MISATTRIBUTED", 3),  # 3: not as credited
        (["speakers"], "Dmitry Medvedev", 0),
        (["stats", "--json"], '"articles": 4', 0),
        (["export", "--format", "csl-json", "--speaker", "Medvedev"], '"container-title": "RIA Novosti"', 0),
    ],
)
def test_reading_commands_read_a_database_in_a_read_only_folder(
    locked: Path, args: list[str], expected: str, status: int
) -> None:
    result = run("-m", "quotes", *args, "--db", str(locked))
    assert result.returncode == status, result.stderr
    assert expected in result.stdout
    assert "its folder cannot be written, so it is read as an immutable file" in result.stderr
    assert sorted(p.name for p in locked.parent.iterdir()) == ["quotes.db"]


def test_unmerged_wal_changes_are_not_silently_skipped(tmp_path: Path) -> None:
    """Reading a WAL database without its -wal file's changes would give an older database: refused."""
    source = build_store(tmp_path / "quotes.db", names=("ria-translation",))
    writer = sqlite3.connect(source, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # keep the change in the -wal file
    writer.execute("UPDATE clusters SET text = text || ' (edited)'")
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copy(source, folder / "quotes.db")
    shutil.copy(source.with_name("quotes.db-wal"), folder / "quotes.db-wal")
    writer.close()
    lock(folder)
    try:
        result = run("-m", "quotes", "stats", "--db", str(folder / "quotes.db"))
    finally:
        folder.chmod(0o755)
    assert result.returncode == 1
    assert "has changes in quotes.db-wal that only a writer can merge" in result.stderr
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1


def test_a_read_only_store_cannot_write(tmp_path: Path) -> None:
    db = build_store(tmp_path / "quotes.db", names=())
    with Store.open(db, create=False, readonly=True) as store:
        with pytest.raises(StoreError, match="is read-only here"):
            store.add(variant_extractions(("daily-putin",))[0])
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.db.execute("DELETE FROM clusters")
        assert store.stats()["articles"] == 1


def test_a_read_only_store_sees_later_writes(tmp_path: Path) -> None:
    """In a writable folder it is an ordinary reader (mode=ro), not a frozen snapshot."""
    db = build_store(tmp_path / "quotes.db", names=())
    with Store.open(db, create=False, readonly=True) as reader:
        assert reader.stats()["articles"] == 1
        with Store.open(db, create=False) as writer:
            writer.add(variant_extractions(("daily-putin",))[0])
        assert reader.stats()["articles"] == 2


def test_a_database_from_an_older_release_is_upgraded_once_then_read(tmp_path: Path) -> None:
    db = build_store(tmp_path / "quotes.db", names=())
    with Store.open(db, create=False) as opened:  # back to schema 4: no member index, per-cluster keys
        for table in ("speaker_name_roles", "speaker_names", "member_keys", "members"):
            opened.db.execute(f"DROP TABLE {table}")
        opened.db.execute("DROP INDEX IF EXISTS occurrences_member")
        opened.db.execute("ALTER TABLE occurrences DROP COLUMN member")
        opened.db.execute("ALTER TABLE occurrences DROP COLUMN nested")  # migration 8
        opened.db.execute("DROP TABLE article_aliases")  # migration 9
        opened.db.execute("CREATE TABLE cluster_keys (key INTEGER NOT NULL, cluster_id TEXT NOT NULL"
                          " REFERENCES clusters(id), PRIMARY KEY (key, cluster_id)) WITHOUT ROWID")
        opened.db.execute("PRAGMA user_version = 4")
    with Store.open(db, create=False, readonly=True) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [s.name for s in store.speakers()] == ["Dmitry Medvedev"]


def test_read_only_never_creates(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "none.db", create=False, readonly=True)
    with pytest.raises(StoreError, match="read-only store cannot create"):
        Store.open(tmp_path / "new.db", create=True, readonly=True)
    assert not (tmp_path / "new.db").exists()


def test_a_file_that_is_no_database_is_refused_read_only(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match=r"cannot open database .*junk\.db.*pass --db"):
        Store.open(junk, create=False, readonly=True)
