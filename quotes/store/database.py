"""Opening a quotes database and the ``Store`` facade over ``schema``, ``write`` and ``query``.

Only ``quotes/store/`` imports sqlite-utils. Reading commands never import the write path
(``write`` and ``speakers``, which use the statements stage and rapidfuzz).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from quotes.errors import StoreError
from quotes.models import Cluster, Extraction, Occurrence

from . import query as q
from . import readonly
from .aliases import stored_hashes
from .compat import sqlite_utils
from .integrity import refuse_if_damaged, warn_if_damaged
from .messages import sqlite_message
from .query import Filters, Speaker
from .schema import check_usable, migrate
from .transaction import immediate

if TYPE_CHECKING:
    from .batch import Stored
    from .checkpoint import Checkpointer
    from .recluster import Reclustered
    from .write import Added

__all__ = ["DEFAULT_DB", "Filters", "Speaker", "Store", "resolve_path"]

log = logging.getLogger(__name__)
DEFAULT_DB = Path("db/quotes.db")
BUSY_TIMEOUT_S = 60.0  # a second ingest waits this long for the first one's article transaction


def resolve_path(path: str | Path | None) -> Path:
    """``--db`` if given, else ``$QUOTES_DB``, else ``db/quotes.db``."""
    if path:
        return Path(path)
    env = os.environ.get("QUOTES_DB")
    return Path(env) if env else DEFAULT_DB


class Store:
    """One connection to the quotes database. Use ``Store.open``; close it or use ``with``."""

    def __init__(self, db: sqlite_utils.Database, path: Path) -> None:
        self.db = db
        self.path = path
        self._rules_current = False  # checked on the first write (``rules.ensure_current``)
        self._checkpointer: Checkpointer | None = None  # started by the first batch (``add_many``)

    @classmethod
    def open(cls, path: str | Path | None = None, *, create: bool, readonly: bool = False) -> Store:
        """Open (and migrate) the database; with ``create=False`` a missing file is an error, not created.

        A file that is not a quotes database (not SQLite, another program's tables, a newer schema)
        is refused before anything is written to it. ``readonly=True`` opens a connection that
        cannot write (``readonly``: SQLite ``mode=ro``); a database from an older release is
        upgraded once first, through a short-lived writable connection.
        """
        target = resolve_path(path)
        if not target.exists() and not create:
            raise StoreError(f"database {target} does not exist; run quotes ingest first (or pass --db PATH)")
        if readonly:
            if create:
                raise StoreError("a read-only store cannot create its database; open it with readonly=False")
            return cls._open_readonly(target, upgrade=True)
        conn: sqlite3.Connection | None = None
        try:
            if create:
                target.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: transactions are explicit (store/transaction.py)
            conn = sqlite3.connect(
                target, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            db = sqlite_utils.Database(conn)
            _prepare(db, target, create=create)
        except (sqlite3.DatabaseError, OSError) as exc:
            if conn is not None:
                conn.close()
            raise StoreError(_open_message(target, exc)) from exc
        except BaseException:
            if conn is not None:
                conn.close()
            raise
        return cls(db, target)

    @classmethod
    def _open_readonly(cls, target: Path, *, upgrade: bool) -> Store:
        store = cls(sqlite_utils.Database(readonly.connect(target)), target)
        try:
            with store._errors():
                outdated = readonly.prepare(store.db, str(target))
        except BaseException:
            store.close()
            raise
        if not outdated or not upgrade:
            warn_if_damaged(store.db, target)  # readers answer, but say the file failed its check
            return store
        store.close()
        cls.open(target, create=False).close()  # migrates: the one write a read-only open may cause
        return cls._open_readonly(target, upgrade=False)

    def close(self) -> None:
        try:
            self._stop_checkpointer()
        finally:
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------
    def add(self, extraction: Extraction) -> Added:
        """Store one article and its quotes in one transaction; an already stored article is skipped."""
        from .write import add_extraction  # imports rapidfuzz: only ingest pays for it

        with self._errors():
            self._ensure_current_rules()
            added = add_extraction(self.db, extraction)
        self._committed()
        return added

    def add_many(self, extractions: Sequence[Extraction]) -> Stored:
        """Store a batch of articles in one transaction: what ``add`` would store one by one, faster."""
        from .batch import add_extractions  # imports rapidfuzz: only ingest pays for it

        with self._errors():
            self._ensure_current_rules()
            self._start_checkpointer()
            if self._checkpointer is not None:
                self._checkpointer.restart_if_long(self.db)
            stored = add_extractions(self.db, extractions)
        self._committed()
        return stored

    def _start_checkpointer(self) -> None:
        """Checkpoints in a thread of their own from now on (``checkpoint``): the writer's commits only append."""
        if self._checkpointer is not None:
            return
        from .checkpoint import Checkpointer

        try:
            self._checkpointer = Checkpointer(self.path, BUSY_TIMEOUT_S)
        except sqlite3.Error as exc:  # the writer's commits checkpoint, as SQLite does by default
            log.debug("no checkpoint thread for %s", self.path, exc_info=exc)
            return
        self.db.execute("PRAGMA wal_autocheckpoint = 0")

    def _committed(self) -> None:
        checkpointer = self._checkpointer
        if checkpointer is None:
            return
        if checkpointer.failed is None:
            checkpointer.wake()
            return
        self._stop_checkpointer()  # the writer's commits checkpoint again, as SQLite does by default

    def _stop_checkpointer(self) -> None:
        checkpointer, self._checkpointer = self._checkpointer, None
        if checkpointer is not None:
            checkpointer.stop()
            self.db.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT}")

    def _ensure_current_rules(self) -> None:
        """Before the first write: rebuild statements clustered by another release's rules."""
        if self._rules_current:
            return
        from .rules import ensure_current  # the write path (rapidfuzz)

        rebuilt = ensure_current(self.db)
        if rebuilt is not None:
            log.warning(
                "database %s was clustered by another release's rules: statements rebuilt from its %d"
                " occurrences before storing new ones (%d moved)", self.path, rebuilt.occurrences, rebuilt.moved,
            )
        self._rules_current = True

    def recluster(self) -> Reclustered:
        """Rebuild statements and speakers from the stored occurrences, in one transaction.

        Gives what ingesting the same articles anew would give (in any order); a second run changes nothing.
        """
        from .recluster import recluster  # the write path (rapidfuzz)
        from .rules import record_rules

        with self._errors(), immediate(self.db):
            result = recluster(self.db)
            record_rules(self.db)
        self._committed()
        return result

    def has_article(self, content_hash: str) -> bool:
        with self._errors():
            return bool(stored_hashes(self.db, [content_hash]))

    # -- reading ---------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        speaker: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
    ) -> list[Cluster]:
        """Clusters matching ``query`` by relevance (bm25); a speaker's name finds their quotes first."""
        filters = self._filters(speaker, outlet, since, until, None)
        with self._errors():
            ranked = q.search_ids(self.db, query, filters, max(1, limit))
            return [q.load_cluster(self.db, cid, score) for cid, score in ranked]

    def cluster(self, cluster_id: str) -> Cluster:
        """One cluster with every occurrence; ``QueryError`` if the id is unknown."""
        with self._errors():
            return q.load_cluster(self.db, cluster_id.strip())

    def occurrences(
        self,
        *,
        query: str | None = None,
        speaker: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        cluster: str | None = None,
    ) -> Iterator[Occurrence]:
        """Every occurrence matching the filters, by publication date (bad filters raise at the call)."""
        filters = self._filters(speaker, outlet, since, until, cluster)
        if query is not None:
            q.match_expression(query)  # validate now, not at the first next()
        return self._iter_occurrences(query, filters)

    def _iter_occurrences(self, query: str | None, filters: Filters) -> Iterator[Occurrence]:
        with self._errors():
            yield from q.occurrences(self.db, query, filters)

    def candidates(self, text: str, limit: int = 50) -> list[Cluster]:
        """Clusters sharing rarer words with ``text``, for the caller to rank with ``dedup.similarity``."""
        with self._errors():
            return [q.load_cluster(self.db, cid) for cid in q.candidate_ids(self.db, text, limit)]

    def stats(self) -> dict[str, int]:
        """Counts: articles, quotes, clusters, speakers, disputed (clusters), outlets."""
        with self._errors():
            return q.stats(self.db)

    def speakers(self, *, limit: int | None = None, offset: int = 0) -> list[Speaker]:
        """Every speaker (or ``limit`` of them) with aliases, roles over time and quote count, most quoted first."""
        with self._errors():
            return q.speakers(self.db, -1 if limit is None else max(0, limit), max(0, offset))

    def speaker(self, name: str) -> Speaker:
        """One speaker as the speakers table names them; ``NotFoundError`` if unknown."""
        with self._errors():
            return q.speaker(self.db, name)

    def speaker_clusters(self, name: str, *, limit: int = 50, offset: int = 0) -> list[Cluster]:
        """The statements given to a speaker (under any of their names), latest said first."""
        person = self.speaker(name)
        with self._errors():
            ids = q.speaker_cluster_ids(self.db, person, max(1, limit), max(0, offset))
            return [q.load_cluster(self.db, cid) for cid in ids]

    def article_text(self, content_hash: str) -> str | None:
        """The stored text of an article, which occurrence offsets index into."""
        with self._errors():
            row = self.db.execute("SELECT text FROM articles WHERE id = ?", [content_hash]).fetchone()
        return None if row is None else str(row[0])

    def _filters(
        self,
        speaker: str | None,
        outlet: str | None,
        since: str | None,
        until: str | None,
        cluster: str | None,
    ) -> Filters:
        return Filters(
            speaker=speaker, outlet=outlet, since=q.check_date(since, "--since"),
            until=q.check_date(until, "--until"), cluster=cluster,
        )

    def _errors(self) -> _SqlErrors:
        return _SqlErrors(self.path)


WAL_AUTOCHECKPOINT = 1000  # pages: SQLite's default, when no thread checkpoints (``checkpoint``)
CACHE_KIB = 512 * 1024  # an upper bound: SQLite takes pages as they are read, a small store never fills it


def _prepare(db: sqlite_utils.Database, target: Path, *, create: bool) -> None:
    """Check the file is ours (reads only), then set the connection up and migrate."""
    db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    check_usable(db, str(target), create=create)  # before the first write: never alter a foreign file
    if create:
        refuse_if_damaged(db, target)  # nor write into a damaged one
    else:
        warn_if_damaged(db, target)
    if create or db.journal_mode != "wal":
        db.execute("PRAGMA journal_mode = wal")  # readers never block the writer, and vice versa
    db.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no committed article
    db.execute("PRAGMA foreign_keys = ON")
    # The writer's inserts land all over the indexes (ids are hashes). At 1M quotes a batch of 256
    # articles dirties about 25,000 pages (100 MiB): a cache of 64 MiB spilled them to the WAL before
    # the commit and read the indexes anew every batch (796 reads and 512 writes a stored article, a
    # third of the writer's CPU time in the kernel); 512 MiB keeps a batch whole and the indexes'
    # pages from one batch to the next (428 reads, 394 writes; 1.14x the articles per CPU second).
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    migrate(db, str(target))


def _open_message(target: Path, exc: sqlite3.DatabaseError | OSError) -> str:
    if isinstance(exc, sqlite3.Error):
        return sqlite_message(target, exc, busy_timeout_s=BUSY_TIMEOUT_S)
    return f"cannot open database {target} ({exc.strerror or exc}); check the path, or pass --db with another file"


class _SqlErrors:
    """Turn an unexpected SQLite error into a StoreError naming the database."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if isinstance(exc, sqlite3.DatabaseError):
            log.debug("sqlite error", exc_info=exc)
            raise StoreError(sqlite_message(self.path, exc, busy_timeout_s=BUSY_TIMEOUT_S)) from exc
