"""Read-only store connections for the worker threads: one connection per request at a time.

SQLite connections are not to be used by two threads at once, and opening one per request costs
the schema checks, so idle connections wait in a queue for the next request. The counts of the
home page (half a second at 1M quotes) are kept until the database's files change.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from quotes.store import Store

MAX_IDLE = 8  # connections kept open between requests (the server runs up to 40 worker threads)


class StorePool:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle_count = 0
        self._stats: tuple[tuple[int, ...], dict[str, int]] | None = None

    def check(self) -> None:
        """Open (and upgrade, if the database is from an older release) once, so errors show at start."""
        with self.store():
            pass

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A read-only store for the duration of the ``with`` block."""
        store = self._take()
        try:
            yield store
        finally:
            self._give_back(store)

    def _take(self) -> Store:
        with self._lock:
            if self._idle_count:
                self._idle_count -= 1
                return self._idle.get_nowait()
        return Store.open(self.path, create=False, readonly=True)

    def _give_back(self, store: Store) -> None:
        with self._lock:
            if self._idle_count < MAX_IDLE:
                self._idle_count += 1
                self._idle.put(store)
                return
        store.close()

    def stats(self) -> dict[str, int]:
        """``Store.stats``, counted again only when the database or its -wal file has changed."""
        signature = self._signature()
        cached = self._stats
        if cached is not None and cached[0] == signature:
            return dict(cached[1])
        with self.store() as store:
            counts = store.stats()
        self._stats = (signature, counts)
        return dict(counts)

    def _signature(self) -> tuple[int, ...]:
        """Size and modification time of the database and its -wal file: a commit changes one of them."""
        parts: list[int] = []
        for path in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                stat = path.stat()
            except FileNotFoundError:
                parts += [-1, -1]
                continue
            parts += [stat.st_size, stat.st_mtime_ns]
        return tuple(parts)

    def close(self) -> None:
        with self._lock:
            while self._idle_count:
                self._idle_count -= 1
                self._idle.get_nowait().close()
