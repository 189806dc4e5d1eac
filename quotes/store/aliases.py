"""Articles stored before mojibake was repaired where text enters, found again by their repaired text.

Since ``sources`` repairs mojibake ("TomÃ¡s Regalado" -> "Tomás Regalado"), an article stored
before that holds the unrepaired text under the hash of that text; read again, the same file hashes
differently and would be stored a second time, its quotes counted twice in every statement. The
``article_aliases`` table maps the hash of each such stored text, repaired, to the stored article,
and every "is it stored?" check looks there too: the article is skipped, as any stored one is. Its
quotes keep the characters they were stored with (re-extracting them would change what users have
cited); ``quotes ingest`` of a fresh database gives the repaired names.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from .compat import sqlite_utils

# Characters every cp1252 reading of UTF-8 letters and punctuation starts with: text without any of
# them has nothing for ftfy to repair, so SQLite filters the candidates without Python reading every text.
_MOJIBAKE_LEADS = ("Ã", "Â", "â€", "Å", "Ä")


def create_aliases(db: sqlite_utils.Database) -> None:
    """The alias table, filled for the stored articles whose text the source reader now repairs."""
    db.execute("CREATE TABLE article_aliases (hash TEXT PRIMARY KEY, article_id TEXT NOT NULL) WITHOUT ROWID")
    found = " OR ".join("instr(text, ?) > 0" for _ in _MOJIBAKE_LEADS)
    candidates = db.execute(f"SELECT id, text FROM articles WHERE {found}", list(_MOJIBAKE_LEADS)).fetchall()
    if not candidates:
        return
    from quotes.sources import repair_mojibake  # ftfy: imported only when a stored text may need it

    aliases = []
    for article_id, text in candidates:
        repaired = repair_mojibake(text, f"stored article {article_id}")
        if repaired != text:
            aliases.append((hashlib.sha256(repaired.encode("utf-8")).hexdigest(), article_id))
    db.conn.executemany("INSERT OR IGNORE INTO article_aliases (hash, article_id) VALUES (?, ?)", aliases)


def stored_hashes(db: sqlite_utils.Database, hashes: Iterable[str]) -> set[str]:
    """The content hashes among ``hashes`` whose article is stored, under that hash or as an alias."""
    wanted = json.dumps(sorted(set(hashes)))
    return {h for (h,) in db.execute(
        "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?1)) "
        "UNION SELECT hash FROM article_aliases WHERE hash IN (SELECT value FROM json_each(?1))",
        [wanted],
    )}
