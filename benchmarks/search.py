"""Search benchmark: latency of ``Store.search`` over N stored quotes, and CLI start-up time.

The database is filled directly with SQL (one cluster per quote, ten quotes per article) through
the real schema, so the FTS triggers index every row exactly as an ingest would; quotes come from
the dedup benchmark's generator (seed-article vocabulary, Zipf word frequencies). Usage::

    .venv/bin/python benchmarks/search.py            # 100k quotes
    .venv/bin/python benchmarks/search.py --full     # 1M quotes
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotes.store import Store

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("dedup_bench", HERE / "dedup.py")
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

SURNAMES = [
    "Medvedev",
    "Putin",
    "Rogozin",
    "Ivanov",
    "Lavrov",
    "Obama",
    "Kerry",
    "Antonov",
    "Ryabkov",
    "Clinton",
]


def fill(store: Store, n: int, rng: random.Random) -> list[str]:
    """Insert n quotes; return the vocabulary used, for drawing queries."""
    vocab = bench.vocabulary(rng)
    speakers = [f"{first} {last}" for last in SURNAMES for first in ("Dmitry", "Sergei", "Anna", "John")]
    conn = store.db.conn
    conn.execute("BEGIN")
    for base in range(0, n, 10):
        aid = hashlib.sha256(str(base).encode()).hexdigest()
        day = f"20{10 + base % 10:02d}-{1 + base % 12:02d}-{1 + base % 28:02d}"
        conn.execute(
            "INSERT INTO articles (id, doc, source, outlet, published, text, encoding)"
            " VALUES (?,?,?,?,?,?,?)",
            [aid, f"d{base}", f"d{base}.txt", f"Outlet {base % 40}", day, "text", "utf-8"],
        )
        for i in range(base, min(base + 10, n)):
            words = " ".join(bench.statement(rng, vocab, rng.randint(8, 40)))
            cid = f"c-{i:08x}"
            speaker = rng.choice(speakers)
            conn.execute(
                "INSERT INTO clusters (id, text, norm, speaker, occurrences) VALUES (?,?,?,?,1)",
                [cid, words, words, speaker],
            )
            conn.execute(
                'INSERT INTO occurrences (id, article_id, cluster_id, start, "end", text, norm, speaker,'
                " role, kind, date_key) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [f"o{i}", aid, cid, 0, len(words), words, words, speaker, "Minister", "direct", day],
            )
    for speaker in speakers:
        conn.execute("INSERT OR IGNORE INTO speakers (name, quotes) VALUES (?, 1)", [speaker])
    conn.execute("COMMIT")
    return vocab


def queries(rng: random.Random, vocab: list[str], count: int) -> list[str]:
    """A realistic mix: one or two topical words, a speaker's surname, a short phrase."""
    topical = vocab[30:3000]
    mix = []
    for i in range(count):
        kind = i % 4
        if kind == 0:
            mix.append(rng.choice(topical))
        elif kind == 1:
            mix.append(f"{rng.choice(topical)} {rng.choice(topical)}")
        elif kind == 2:
            mix.append(rng.choice(SURNAMES))
        else:
            mix.append(" ".join(bench.statement(rng, vocab, 3)))
    return mix


def latency(store: Store, mix: list[str]) -> list[float]:
    times = []
    for query in mix:
        start = time.perf_counter()
        store.search(query, limit=20)
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def startup(db: Path) -> tuple[float, float]:
    """Median wall time of `quotes --help` and of a real `quotes search` on the benchmark database."""
    exe = str(Path(sys.executable).with_name("quotes"))

    def median(args: list[str]) -> float:
        runs = []
        for _ in range(7):
            start = time.perf_counter()
            subprocess.run([exe, *args], capture_output=True, check=True)
            runs.append(time.perf_counter() - start)
        return statistics.median(runs)

    return median(["--help"]), median(["search", "missile defense", "--db", str(db)])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--full", action="store_true", help="1M quotes instead of 100k")
    parser.add_argument("-n", type=int, default=0, help="number of quotes (overrides --full)")
    args = parser.parse_args()
    n = args.n or (1_000_000 if args.full else 100_000)
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.db"
        with Store.open(path, create=True) as store:
            start = time.perf_counter()
            vocab = fill(store, n, rng)
            print(f"filled {n:,} quotes (FTS by triggers) in {time.perf_counter() - start:.1f} s")
            times = latency(store, queries(rng, vocab, 400))
        median = statistics.median(times)
        p99 = times[int(len(times) * 0.99) - 1]
        print(
            f"search over {n:,} quotes: median {median:.1f} ms, p99 {p99:.1f} ms, max {times[-1]:.1f} ms "
            f"({len(times)} queries, limit 20)"
        )
        help_s, search_s = startup(path)
        print(
            f"CLI start-up: `quotes --help` {help_s * 1000:.0f} ms, "
            f"`quotes search` on this db {search_s * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
