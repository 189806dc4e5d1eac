"""The SQLite store of articles, quote occurrences, statements (clusters) and speakers.

- ``database``: opening a database and the ``Store`` facade;
- ``readonly``: read-only connections (``mode=ro``; ``immutable`` in a folder that cannot be written);
- ``aliases``: articles stored before mojibake was repaired, found again by their repaired text;
- ``schema``: migrations (``PRAGMA user_version``), refusing foreign or newer files;
- ``write``: one article per transaction, cluster assignment and summaries (imports rapidfuzz);
- ``batch``: many articles per transaction, storing what ``write`` would one by one (the ingest's writer);
- ``members``: the clustering index (members, blocking keys, families) and placing a member;
- ``index``: the same placing for a whole batch in memory, read and written with a few statements (``batch``);
- ``checkpoint``: the batched writer's WAL checkpoints, in a thread and connection of their own;
- ``recluster``: rebuilding statements and speakers from the stored occurrences;
- ``rules``: the clustering rules a database was clustered by; rebuilt under this release's on the first write;
- ``query``: search, filters, clusters, speakers, stats (never imports rapidfuzz);
- ``speakers``: the speakers table, one row per person, regrouped from per-name counts;
- ``integrity``: SQLite's quick check on open (writers refuse a damaged file, readers warn);
- ``messages``: SQLite errors said as what happened to the file (locked, read-only, damaged);
- ``compat``: the one sqlite-utils import.
"""

from .database import DEFAULT_DB, Store, resolve_path
from .query import Filters, Speaker

__all__ = ["DEFAULT_DB", "Filters", "Speaker", "Store", "resolve_path"]
