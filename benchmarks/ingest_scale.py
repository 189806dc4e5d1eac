"""Ingest at scale: N articles end to end (read, dedup check, extract, cluster, store) into a temp database.

    python benchmarks/ingest_scale.py [--n 10000] [--jobs 2] [--texts DIR]

The articles cycle the PolNeAR train texts; from the second cycle on each copy gets a unique
"Reporting by" line, so content hashes differ and every copy is extracted and stored (and its
quotes cluster with the earlier copies', as wire copies do). Prints a progress line, articles/s,
peak RSS of this process and of each worker, the time per stage and a cProfile summary.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import multiprocessing
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from throughput import peak_rss_kb  # noqa: E402

from quotes.ingestion import IngestStats, ingest_articles  # noqa: E402
from quotes.models import Article, Extraction  # noqa: E402
from quotes.store import Store  # noqa: E402
from quotes.store.write import Added  # noqa: E402

SHARED = HERE.parent.parent / "shared"
GIB = 1024 * 1024  # kB


class Clock:
    """Seconds spent per stage of the parent process."""

    def __init__(self) -> None:
        self.read = self.store = self.check = 0.0


class TimedStore(Store):
    """The real store, timing its writes and its already-stored checks (not a mock: same SQLite)."""

    clock = Clock()

    def add(self, extraction: Extraction) -> Added:
        started = time.perf_counter()
        try:
            return super().add(extraction)
        finally:
            self.clock.store += time.perf_counter() - started

    def has_article(self, content_hash: str) -> bool:
        started = time.perf_counter()
        try:
            return super().has_article(content_hash)
        finally:
            self.clock.check += time.perf_counter() - started


def corpus(texts: Path, n: int, clock: Clock) -> Iterator[Article]:
    """``n`` articles cycling the texts of ``texts``, read lazily; copies made unique by a byline line."""
    paths = sorted(texts.glob("*.txt"))
    for i, path in enumerate(islice(cycle(paths), n)):
        started = time.perf_counter()
        text = path.read_text(encoding="utf-8")
        lap = i // len(paths)
        if lap:
            text = f"{text.rstrip()}\n\nReporting by Desk {lap} ({i}).\n"
        article = Article(doc=f"{path.stem}-{lap}", text=text, source=f"{path}#{lap}")
        clock.read += time.perf_counter() - started
        yield article


class Progress:
    """A progress line on stderr and the workers' peak RSS, sampled while they are alive."""

    def __init__(self, total: int) -> None:
        self.total, self.started, self.workers = total, time.perf_counter(), dict[int, int]()

    def __call__(self, stats: IngestStats) -> None:
        if stats.done % 25 and stats.done != self.total:
            return
        for child in multiprocessing.active_children():
            pid = child.pid or 0
            self.workers[pid] = max(self.workers.get(pid, 0), peak_rss_kb(pid))
        rate = stats.done / (time.perf_counter() - self.started)
        eta = (self.total - stats.done) / rate if rate else 0.0
        print(f"\r{stats.done}/{self.total} articles, {stats.quotes} quotes, {rate:.1f}/s, "
              f"RSS parent {peak_rss_kb() / 1024:.0f} MiB, ETA {eta / 60:.1f} min  ", end="", file=sys.stderr)


def run(texts: Path, n: int, jobs: int, db: Path) -> tuple[IngestStats, float, Progress, pstats.Stats]:
    clock = TimedStore.clock
    progress = Progress(n)
    profile = cProfile.Profile()
    with TimedStore.open(db, create=True) as store:
        started = time.perf_counter()
        profile.enable()
        stats = ingest_articles(corpus(texts, n, clock), store, jobs=jobs, on_progress=progress)
        profile.disable()
        seconds = time.perf_counter() - started
    print(file=sys.stderr)
    return stats, seconds, progress, pstats.Stats(profile)


def report(stats: IngestStats, seconds: float, progress: Progress, profile: pstats.Stats, db: Path) -> None:
    clock = TimedStore.clock
    print(f"{stats.done} articles in {seconds:.0f} s: {stats.done / seconds:.2f} articles/s; {stats.new} new, "
          f"{stats.skipped} skipped, {stats.failed} failed; {stats.quotes} quotes, {stats.new_clusters} clusters; "
          f"database {db.stat().st_size / 1e6:.0f} MB")
    parent = peak_rss_kb()
    workers = sorted(progress.workers.values())
    print(f"peak RSS: parent {parent / 1024:.0f} MiB, workers "
          + (" + ".join(f"{kb / 1024:.0f}" for kb in workers) or "none (in-process)")
          + f" MiB; largest process {max([parent, *workers]) / 1024:.0f} MiB, "
          f"sum {(parent + sum(workers)) / 1024:.0f} MiB (target: under 1024 MiB)")
    wait = seconds - clock.read - clock.check - clock.store
    print(f"parent time per stage: read {clock.read:.1f} s, already-stored check {clock.check:.1f} s, "
          f"store (dedup + SQLite) {clock.store:.1f} s, waiting for extraction + rest {wait:.1f} s")
    out = io.StringIO()
    profile.stream = out  # type: ignore[attr-defined]
    profile.sort_stats("cumulative").print_stats(15)
    print("\ncProfile of the parent process, top 15 by cumulative time:")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to ingest (default 10000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    parser.add_argument("--texts", default=str(SHARED / "polnear" / "train" / "texts"))
    args = parser.parse_args()
    texts = Path(args.texts)
    if not any(texts.glob("*.txt")):
        print(f"no .txt articles in {texts}; pass --texts DIR", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "scale.db"
        print(f"ingesting {args.n} articles from {texts} with {args.jobs} jobs into {db}")
        stats, seconds, progress, profile = run(texts, args.n, args.jobs, db)
        report(stats, seconds, progress, profile, db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
