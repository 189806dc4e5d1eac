"""The writer's rate (clustering + SQLite, extraction excluded) into a store already holding 1M quotes.

    python benchmarks/store_throughput.py [--base 1000000] [--articles 3000] [--old 300] [--cache DIR]

The articles are pre-extracted (``store_corpus.py``: PolNeAR train and dev, extracted once and
cached), copied with new content hashes, moved dates and rewritten quote words, so the store fills
with many distinct statements, a quarter of the copies being wire copies of earlier ones. The
base store of ``--base`` quotes is built once through the batched writer and cached beside the
extractions (``$QUOTES_BENCH_CACHE``, default /tmp/quotes-bench); each measurement runs on a
fresh copy of it, side by side:

- ``batched``: what ``quotes ingest`` does now, ``BATCH_ARTICLES`` articles per transaction
  (``Store.add_many``), over ``--articles`` new articles, with the rate of each tenth of the run;
- ``per article``: the path before batching, one ``Store.add`` per article, over ``--old`` of them
  taken evenly from the same articles (the same mix of wire copies and new statements).

Target: at least 500 articles/s (about 5,000 quotes/s) sustained at 1M quotes. The writer's CPU
seconds are printed too: on a shared machine, articles per CPU second is its rate on a core of its own.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterable
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from store_corpus import CACHE, extractions, stream  # noqa: E402

from quotes.ingestion import BATCH_ARTICLES  # noqa: E402
from quotes.models import Extraction  # noqa: E402
from quotes.store import Store  # noqa: E402

TARGET_ARTICLES_S = 500


def chunks(items: Iterable[Extraction], size: int) -> Iterable[list[Extraction]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def base_store(base: list[Extraction], quotes: int, cache: Path) -> tuple[Path, int]:
    """The cached store of at least ``quotes`` quotes, built once; and the first copy number it does not hold.

    Built in bulk: the articles and occurrences inserted with SQL, then ``Store.recluster``, which
    gives what ingesting them would (members, statements, speakers), in a fraction of the time.
    """
    path = cache / f"store-{quotes}.db"
    info = path.with_suffix(".json")
    if path.exists() and info.exists():
        return path, int(json.loads(info.read_text())["next_copy"])
    per_copy = sum(len(e.quotes) for e in base)
    copies = -(-quotes // per_copy)
    print(f"building the base store {path}: {copies} copies of {len(base)} articles ({per_copy} quotes each) ...",
          file=sys.stderr, flush=True)
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    with Store.open(path, create=True) as store:
        conn = store.db.conn
        conn.execute("BEGIN")
        conn.execute("INSERT INTO clusters (id, text, norm) VALUES ('c-pending', '', '')")
        for chunk in chunks(stream(base, 0, copies * len(base)), 5000):
            insert_rows(conn, chunk)
        conn.execute("COMMIT")
        print(f"  rows inserted in {time.perf_counter() - started:.0f} s; reclustering ...",
              file=sys.stderr, flush=True)
        store.recluster()
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    info.write_text(json.dumps({"next_copy": copies, "seconds": time.perf_counter() - started}))
    print(f"  built in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return path, copies


def insert_rows(conn: sqlite3.Connection, chunk: list[Extraction]) -> None:
    from quotes.store.write import date_key, member_of, occurrence_id

    conn.executemany(
        "INSERT OR IGNORE INTO articles (id, doc, source, outlet, title, author, published, text, encoding,"
        " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '')",
        [(a.content_hash, a.doc, a.source, a.outlet, a.title, a.author, a.published, a.text, a.encoding)
         for a in (e.article for e in chunk)],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO occurrences (id, article_id, cluster_id, start, \"end\", text, norm, speaker,"
        " speaker_start, speaker_end, role, date, date_basis, cue, kind, confidence, date_key, member)"
        " VALUES (?, ?, 'c-pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
        [(occurrence_id(e.article.content_hash, q), e.article.content_hash, q.start, q.end, q.text,
          member_of(q, e.article.published).wording.norm, q.speaker,
          q.speaker_start, q.speaker_end, q.role, q.date, q.date_basis, q.cue, q.kind, q.confidence,
          date_key(q, e.article.published)) for e in chunk for q in e.quotes],
    )


def fresh_copy(path: Path, work: Path, name: str) -> Path:
    target = work / f"{name}.db"
    shutil.copyfile(path, target)
    return target


def measure_batched(path: Path, articles: list[Extraction]) -> dict[str, object]:
    tenths: list[float] = []
    step = max(1, len(articles) // 10)
    with Store.open(path, create=True) as store:
        started = last = time.perf_counter()
        cpu = time.process_time()
        done = mark = 0
        for chunk in chunks(articles, BATCH_ARTICLES):
            store.add_many(chunk)
            done += len(chunk)
            if done - mark >= step:
                now = time.perf_counter()
                tenths.append((done - mark) / (now - last))
                mark, last = done, now
    # the close counts: it copies into the file what the run left in the log (a short run leaves
    # a good part of its checkpoints to it when they run in a thread, ``store/checkpoint.py``)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    return {"articles": len(articles), "quotes": sum(len(e.quotes) for e in articles), "seconds": seconds,
            "tenths": tenths, "cpu": cpu}


def measure_per_article(path: Path, articles: list[Extraction]) -> dict[str, object]:
    with Store.open(path, create=True) as store:
        started, cpu = time.perf_counter(), time.process_time()
        for extraction in articles:
            store.add(extraction)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"articles": len(articles), "quotes": sum(len(e.quotes) for e in articles), "seconds": seconds,
            "cpu": cpu}


def stored_quotes(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM occurrences").fetchone()[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=1_000_000, help="quotes in the store before the run")
    parser.add_argument("--articles", type=int, default=3000, help="articles stored by the batched writer")
    parser.add_argument("--old", type=int, default=300, help="articles stored one per transaction (0: skip)")
    parser.add_argument("--cache", default=str(CACHE))
    parser.add_argument("--profile", action="store_true", help="print where the batched writer spends its time")
    args = parser.parse_args()
    cache = Path(args.cache)
    base = extractions(cache)
    path, next_copy = base_store(base, args.base, cache)
    held = stored_quotes(path)
    new = list(stream(base, next_copy, args.articles))
    print(f"base store: {held} quotes ({path.stat().st_size / 2**30:.2f} GiB); new articles: copies from "
          f"{next_copy} of {len(base)} PolNeAR extractions; batches of {BATCH_ARTICLES}\n")
    rows = []
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        profile = cProfile.Profile()
        if args.profile:
            profile.enable()
        batched = measure_batched(fresh_copy(path, Path(tmp), "batched"), new)
        profile.disable()
        rows.append(("batched (ingest now)", batched))
        if args.old:
            sample = new[:: max(1, len(new) // args.old)][: args.old]  # the same mix of copies as the batched run
            old = measure_per_article(fresh_copy(path, Path(tmp), "old"), sample)
            rows.append(("per article (before)", old))
    print(f"{'writer':<22} {'articles':>8} {'quotes':>7} {'seconds':>8} {'articles/s':>10} {'quotes/s':>9} "
          f"{'CPU s':>6} {'articles/CPU s':>14}")
    rates = {}
    for name, row in rows:
        seconds = float(row["seconds"])  # type: ignore[arg-type]
        rates[name] = int(row["articles"]) / seconds  # type: ignore[call-overload]
        cpu = float(row["cpu"])  # type: ignore[arg-type]
        print(f"{name:<22} {row['articles']:>8} {row['quotes']:>7} {seconds:>8.1f} {rates[name]:>10.1f} "
              f"{int(row['quotes']) / seconds:>9.0f} {cpu:>6.1f} "  # type: ignore[call-overload]
              f"{int(row['articles']) / cpu:>14.1f}")  # type: ignore[call-overload]
    tenths = batched["tenths"]
    print("\nbatched, articles/s by tenth of the run: " + " ".join(f"{r:.0f}" for r in tenths))  # type: ignore[attr-defined]
    rate = rates["batched (ingest now)"]
    verdict = "met" if min(tenths) >= TARGET_ARTICLES_S else "NOT met"  # type: ignore[type-var]
    print(f"target >= {TARGET_ARTICLES_S} articles/s sustained at {held} quotes: {verdict} "
          f"(mean {rate:.0f}, slowest tenth {min(tenths):.0f})")  # type: ignore[type-var]
    if len(rates) == 2:
        print(f"batched / per article: {rate / rates['per article (before)']:.1f}x")
    if args.profile:
        print()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
