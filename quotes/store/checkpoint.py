"""Checkpoints of the write-ahead log in a thread of their own, while the writer goes on with its next batch.

In WAL mode a commit appends the pages it changed to the ``-wal`` file, and a checkpoint copies them
into the database file. SQLite runs that checkpoint in the committing connection, inside ``COMMIT``,
once the log holds ``wal_autocheckpoint`` pages: at 1M quotes a batch of 1,024 articles changes
pages all over the indexes (about 250 MiB of the log), and copying them is a good part of the commit. Copying them
does not change what the store holds, and SQLite lets another connection do it while the writer
works (a ``PASSIVE`` checkpoint takes no lock a writer or reader waits on; the log restarts from its
beginning when a writer finds it copied whole). So the batched writer turns the automatic checkpoint
off and wakes this thread after every commit; its own connection copies what is committed, and the
machine's other core does that work. A killed process loses nothing: what is committed is in the log
or the file, and the next connection to open the store checkpoints what is left (as after any crash).

The log restarts only when a write transaction begins with the log copied whole, and the writer
begins its next batch as soon as it commits, before this thread has copied that commit: the log
would grow without end. So once it holds ``RESTART_BYTES``, the writer waits for this thread to
finish and truncates the log itself (``restart_if_long``), copying only what the thread has not. A
reader still reading an older snapshot (an export) keeps the log from restarting: the writer waits a
second for it, then goes on and tries again when the log is twice as long.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from pathlib import Path

from .compat import sqlite_utils

log = logging.getLogger(__name__)
RESTART_BYTES = 512 * 2**20  # two batches' pages at 1M quotes (about 250 MiB a batch)
TRUNCATE_WAIT_MS = 1000  # how long the writer waits for readers to leave the log before it truncates it


class Checkpointer:
    """A daemon thread that checkpoints ``path``'s log whenever ``wake`` is called (``stop`` to end it)."""

    def __init__(self, path: Path, busy_timeout_s: float) -> None:
        self._conn = sqlite3.connect(path, timeout=busy_timeout_s, isolation_level=None, check_same_thread=False)
        self._log = Path(f"{path}-wal")
        self._wanted = threading.Event()
        self._idle = threading.Event()  # no checkpoint under way and none asked for
        self._idle.set()
        self._stopping = False
        self._restart_at = 0  # the log's length at which to truncate it, when a reader kept it last time
        self.failed: BaseException | None = None  # the last checkpoint's error, if any (the writer's own then runs)
        self.last: tuple[int, int, int] | None = None  # the last checkpoint's (busy, pages in the log, copied)
        self._thread = threading.Thread(target=self._run, name="quotes-checkpoint", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._idle.clear()
        self._wanted.set()

    def restart_if_long(self, db: sqlite_utils.Database) -> None:
        """Before a write transaction on ``db``: if the log has grown long, let this thread finish, then
        copy the rest and truncate the log (a reader of another process may keep it from truncating)."""
        try:
            length = os.path.getsize(self._log)
        except OSError:
            return
        if length >= max(RESTART_BYTES, self._restart_at):
            self._idle.wait()
            timeout = db.execute("PRAGMA busy_timeout").fetchone()[0]
            db.execute(f"PRAGMA busy_timeout = {TRUNCATE_WAIT_MS}")  # a reader's long snapshot: not a stall
            try:
                busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            finally:
                db.execute(f"PRAGMA busy_timeout = {int(timeout)}")
            self._restart_at = 2 * length if busy else 0  # held by a reader: tried again when twice as long

    def stop(self) -> None:
        """Finish the checkpoint under way, if any, and close the connection."""
        self._stopping = True
        self._wanted.set()
        self._thread.join()
        self._conn.close()

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            if self._stopping:
                self._idle.set()
                return
            try:
                busy, logged, copied = self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                self.last = (int(busy), int(logged), int(copied))
            except sqlite3.Error as exc:  # the writer's connection checkpoints instead (``Store``)
                log.debug("background checkpoint failed", exc_info=exc)
                self.failed = exc
                self._idle.set()
                return
            if not self._wanted.is_set():
                self._idle.set()
