"""What the integrity check on open costs: ``PRAGMA quick_check`` at 100k and 1M quotes.

``ingest`` runs the quick check once when it opens the database for writing (never per article);
readers run it on files up to ``READ_CHECK_MAX_BYTES``. The database is filled directly with SQL through
the real schema (FTS triggers included), ten quotes per article as in ``search.py``, but each
article row carries a realistic text (about 4,000 characters cut from the seed articles), because
the check reads every page and article text is most of a real database's pages. Usage::

    .venv/bin/python benchmarks/integrity.py            # 100k quotes
    .venv/bin/python benchmarks/integrity.py --full     # 100k and 1M quotes
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from quotes.store import Store
from quotes.store.integrity import READ_CHECK_MAX_BYTES, quick_check

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
ARTICLE_CHARS = 4_000
_spec = importlib.util.spec_from_file_location("search_bench", HERE / "search.py")
assert _spec is not None and _spec.loader is not None
search_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(search_bench)


def article_texts(rng: random.Random, count: int) -> list[str]:
    corpus = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    corpus = (corpus + " ") * (ARTICLE_CHARS // len(corpus) + 2)
    return [corpus[s : s + ARTICLE_CHARS] for s in (rng.randrange(len(corpus) - ARTICLE_CHARS) for _ in range(count))]


def fill(store: Store, n: int, rng: random.Random) -> None:
    """``search.fill``'s quotes, then every article row given a real-sized text."""
    search_bench.fill(store, n, rng)
    texts = article_texts(rng, 64)
    conn = store.db.conn
    conn.execute("BEGIN")
    for base in range(0, n, 10):
        aid = hashlib.sha256(str(base).encode()).hexdigest()
        conn.execute("UPDATE articles SET text = ? WHERE id = ?", [f"{base} {texts[base % 64]}", aid])
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(n: int, runs: int) -> None:
    """Side by side, interleaved so that other load on the machine hits every figure alike."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "integrity.db"
        start = time.perf_counter()
        with Store.open(path, create=True) as store:
            fill(store, n, random.Random(5))
        built = time.perf_counter() - start
        path_size = path.stat().st_size
        size = path_size / 2**20
        figures: dict[str, list[float]] = {"check": [], "writer": [], "reader": []}
        for _ in range(runs):
            with sqlite3.connect(path) as conn:
                figures["check"].append(seconds(lambda conn=conn: quick_check(conn)))
            figures["writer"].append(seconds(lambda: Store.open(path, create=True).close()))
            figures["reader"].append(seconds(lambda: Store.open(path, create=False).close()))
        with sqlite3.connect(path) as conn:
            full = seconds(lambda: conn.execute("PRAGMA integrity_check").fetchall())
    med = {name: statistics.median(values) for name, values in figures.items()}
    print(f"{n:>9,} quotes, {size:,.0f} MiB (built in {built:.0f} s), medians of {runs}: quick_check "
          f"{med['check']:.2f} s ({', '.join(f'{t:.2f}' for t in figures['check'])}); integrity_check "
          f"{full:.2f} s; Store.open for writing {med['writer']:.2f} s, for reading {med['reader']:.2f} s; "
          f"readers {'check it' if path_size <= READ_CHECK_MAX_BYTES else 'do not check it (too large)'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="also 1M quotes")
    args = parser.parse_args()
    print("warm page cache (the file was just written); the machine is shared: timings are noisy")
    for n in (10_000, 100_000, 1_000_000) if args.full else (10_000, 100_000):
        measure(n, runs=5)


if __name__ == "__main__":
    main()
