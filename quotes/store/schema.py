"""The database schema as an ordered list of migrations, tracked in ``PRAGMA user_version``.

Each migration runs once, in order, all pending ones inside one ``BEGIN IMMEDIATE`` transaction,
so a database is always at exactly one version. Never edit a released migration: append one.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from quotes.errors import StoreError
from quotes.text import nested_spans

from .compat import sqlite_utils
from .transaction import immediate

Migration = Callable[[sqlite_utils.Database], None]


def m001_tables(db: sqlite_utils.Database) -> None:
    """Articles, speakers, clusters and occurrences."""
    db.execute("""CREATE TABLE articles (
        id TEXT PRIMARY KEY, doc TEXT NOT NULL, source TEXT NOT NULL, outlet TEXT, title TEXT,
        author TEXT, published TEXT, text TEXT NOT NULL, encoding TEXT NOT NULL, ingested_at TEXT)""")
    db.execute("""CREATE TABLE speakers (
        name TEXT PRIMARY KEY, aliases TEXT NOT NULL DEFAULT '[]', quotes INTEGER NOT NULL DEFAULT 0)""")
    db.execute("""CREATE TABLE speaker_roles (
        speaker TEXT NOT NULL REFERENCES speakers(name), role TEXT NOT NULL,
        first_seen TEXT, last_seen TEXT, quotes INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (speaker, role))""")
    db.execute("""CREATE TABLE clusters (
        id TEXT PRIMARY KEY, text TEXT NOT NULL, norm TEXT NOT NULL, speaker TEXT, role TEXT, date TEXT,
        first_seen TEXT, occurrences INTEGER NOT NULL DEFAULT 0, speakers TEXT NOT NULL DEFAULT '[]',
        disputed INTEGER NOT NULL DEFAULT 0)""")
    # A rowid table (id is UNIQUE, not the key) because FTS5 external content needs integer rowids.
    db.execute("""CREATE TABLE occurrences (
        id TEXT NOT NULL UNIQUE, article_id TEXT NOT NULL REFERENCES articles(id),
        cluster_id TEXT NOT NULL REFERENCES clusters(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, norm TEXT NOT NULL, speaker TEXT, speaker_start INTEGER, speaker_end INTEGER,
        role TEXT, date TEXT, date_basis TEXT, cue TEXT, kind TEXT NOT NULL, confidence REAL,
        date_key TEXT)""")
    db.execute("CREATE INDEX occurrences_article ON occurrences(article_id)")
    db.execute("CREATE INDEX occurrences_cluster ON occurrences(cluster_id)")
    db.execute("CREATE INDEX occurrences_speaker ON occurrences(speaker)")


def m002_fts(db: sqlite_utils.Database) -> None:
    """Full-text index over quote text, speaker and role, kept in sync by triggers."""
    db.table("occurrences").enable_fts(
        ["text", "speaker", "role"],
        create_triggers=True,
        tokenize="porter unicode61 remove_diacritics 2",
    )
    db.execute("INSERT INTO occurrences_fts(occurrences_fts) VALUES ('rebuild')")


def m003_blocking(db: sqlite_utils.Database) -> None:
    """Blocking keys for incremental deduplication (a cluster is found by key, never by a full scan)."""
    db.execute("""CREATE TABLE cluster_keys (
        key INTEGER NOT NULL, cluster_id TEXT NOT NULL REFERENCES clusters(id),
        PRIMARY KEY (key, cluster_id)) WITHOUT ROWID""")


def m004_speaker_names(db: sqlite_utils.Database) -> None:
    """Surnames to find one person's rows by; summaries recomputed with names of one person merged.

    Before this, "Medvedev" and "Dmitry Medvedev" were two speakers: clusters carrying both were
    marked disputed and the speakers table listed two people.
    """
    db.execute("ALTER TABLE speakers ADD COLUMN surname TEXT")
    db.execute("CREATE INDEX speakers_surname ON speakers(surname)")
    from .write import resummarise  # the write path (rapidfuzz): imported only when migrating

    resummarise(db)


def m005_statements(db: sqlite_utils.Database) -> None:
    """Statements by wording, speaker and occasion, independent of ingest order; speakers likewise.

    Members (one wording, speaker and occasion), their blocking keys and families replace the
    per-cluster keys; each distinct speaker name keeps its own counts so the speakers table can be
    regrouped from them whatever the order names arrived in. Clusters and speakers are rebuilt from
    the stored occurrences (``quotes recluster`` does the same on demand).
    """
    db.execute("""CREATE TABLE members (
        id TEXT PRIMARY KEY, norm TEXT NOT NULL, elided INTEGER NOT NULL, speaker TEXT,
        first_day INTEGER, last_day INTEGER, open_before INTEGER NOT NULL, keys INTEGER NOT NULL,
        family TEXT NOT NULL, cluster_id TEXT NOT NULL)""")
    db.execute("CREATE INDEX members_family ON members(family)")
    db.execute("""CREATE TABLE member_keys (
        key INTEGER NOT NULL, member TEXT NOT NULL, PRIMARY KEY (key, member)) WITHOUT ROWID""")
    db.execute("ALTER TABLE occurrences ADD COLUMN member TEXT")
    db.execute("CREATE INDEX occurrences_member ON occurrences(member)")
    db.execute("DROP TABLE cluster_keys")
    db.execute("""CREATE TABLE speaker_names (
        name TEXT PRIMARY KEY, surname TEXT NOT NULL, quotes INTEGER NOT NULL DEFAULT 0,
        mentions TEXT NOT NULL DEFAULT '[]')""")
    db.execute("CREATE INDEX speaker_names_surname ON speaker_names(surname)")
    db.execute("""CREATE TABLE speaker_name_roles (
        name TEXT NOT NULL, role TEXT NOT NULL, first_seen TEXT, last_seen TEXT,
        quotes INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (name, role))""")
    from .recluster import recluster  # the write path (rapidfuzz): imported only when migrating

    recluster(db)


def m006_settings(db: sqlite_utils.Database) -> None:
    """Named settings of the database; ``clustering_rules``: the statements rules it was clustered by.

    A database without it was clustered by rules older than any release that records them: the
    first write reclusters it (``rules.ensure_current``).
    """
    db.execute("CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def m007_fewer_indexes(db: sqlite_utils.Database) -> None:
    """No index of occurrences by member: a member's occurrences are found through its statement
    (``cluster_id`` and ``member``), and every occurrence written no longer updates a fifth index."""
    db.execute("DROP INDEX IF EXISTS occurrences_member")


def m008_nested_quotes(db: sqlite_utils.Database) -> None:
    """Quotations inside a quote kept with it: ``occurrences.nested`` (JSON ``[[start, end], ...]``,
    offsets into its text) and ``members.quoted`` (the word ranges they hold, ``Wording.quoted_text``).

    Before this, Trump's tweet quoting Comey's words inside his own ("... her team ‘were extremely
    careless ...’ Not fit!") was Comey's statement credited to Trump, in dispute. Stored occurrences
    get their spans from their text (``quotes.text.nested_spans``, as extraction finds them); members
    are rebuilt by the recluster the clustering rules of this release bring on the first write
    (``rules.ensure_current``) or by ``quotes recluster``.
    """
    db.execute("ALTER TABLE occurrences ADD COLUMN nested TEXT")
    db.execute("ALTER TABLE members ADD COLUMN quoted TEXT")
    rows = db.execute("SELECT id, text FROM occurrences").fetchall()
    db.conn.executemany("UPDATE occurrences SET nested = ? WHERE id = ?",
                        [(json.dumps(found), oid) for oid, text in rows if (found := nested_spans(text))])


def m009_article_aliases(db: sqlite_utils.Database) -> None:
    """Articles stored before mojibake was repaired on input are found again under their repaired
    text's hash (``aliases``), so reading the same file again skips them instead of storing them twice."""
    from .aliases import create_aliases  # ftfy: imported only when migrating

    create_aliases(db)


def m010_fts_on_words_only(db: sqlite_utils.Database) -> None:
    """The full-text index follows an occurrence's indexed columns only (text, speaker, role).

    The update trigger ``enable_fts`` made (m002) fired on every update of an occurrence: each one
    moved to another statement (``cluster_id``, by a batch, a recluster or ``members.move``) had
    its full-text row deleted and inserted again, unchanged, each such statement flushing a segment
    of its own into the index. The rows of the index are the same before and after."""
    db.execute('DROP TRIGGER IF EXISTS "occurrences_au"')
    db.execute(f"""CREATE TRIGGER "occurrences_au" AFTER UPDATE OF {FTS_COLUMNS} ON "occurrences" BEGIN
  INSERT INTO "occurrences_fts" ("occurrences_fts", rowid, {FTS_COLUMNS}) VALUES('delete', old.rowid, {_of("old")});
  INSERT INTO "occurrences_fts" (rowid, {FTS_COLUMNS}) VALUES (new.rowid, {_of("new")});
END""")


FTS_NAMES = ("text", "speaker", "role")  # the columns m002 indexed
FTS_COLUMNS = ", ".join(f'"{name}"' for name in FTS_NAMES)


def _of(row: str) -> str:
    return ", ".join(f'{row}."{name}"' for name in FTS_NAMES)


MIGRATIONS: list[Migration] = [
    m001_tables, m002_fts, m003_blocking, m004_speaker_names, m005_statements, m006_settings, m007_fewer_indexes,
    m008_nested_quotes, m009_article_aliases, m010_fts_on_words_only,
]
SCHEMA_VERSION = len(MIGRATIONS)


def version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def check_usable(db: sqlite_utils.Database, path: str, *, create: bool) -> None:
    """Refuse, by reading only, a database that is not ours to migrate.

    Garbage bytes raise ``sqlite3.DatabaseError`` here; a newer schema, another program's tables,
    or (when not creating) an empty database raise ``StoreError``.
    """
    current = version(db)
    check_not_newer(current, path)
    if current > 0:
        return
    if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise StoreError(
            f"database {path} is not a quotes database: it holds other tables and no quotes schema;"
            " pass --db with another file"
        )
    if not create:
        raise StoreError(
            f"database {path} is not a quotes database: it is empty; run quotes ingest --db {path}"
            " to set it up, or pass --db with another file"
        )


def check_not_newer(current: int, path: str) -> None:
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"database {path} has schema version {current} but this quotes release knows only up to "
            f"{SCHEMA_VERSION}; upgrade quotes or use another --db"
        )


def migrate(db: sqlite_utils.Database, path: str, *, target: int = SCHEMA_VERSION) -> None:
    """Bring the database up to ``target``; refuse one written by a newer release."""
    current = version(db)
    check_not_newer(current, path)
    if current >= target:
        return
    with immediate(db):
        current = version(db)  # another process may have migrated while we waited for the lock
        if current >= target:
            return
        for migration in MIGRATIONS[current:target]:
            migration(db)
        db.execute(f"PRAGMA user_version = {int(target)}")
