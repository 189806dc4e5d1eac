"""One wire story carried by many outlets: the store's time as the family of near-identical quotes grows.

    python benchmarks/wire_family.py [--sizes 30 90 270] [--against main] [--cache FILE] [--jobs N]
                                     [--limit SECONDS] [--orders]

An AP story of the PolNeAR train set (``STORY``) is printed by N outlets, each with the small
differences outlets make: its own headline and dateline, a sentence or paragraph dropped, quotes
as its own reporter transcribed them (a filler word more or less, a contraction spelled out), a
quote cut to a fragment (words off either end), straight instead of curly marks, a day's delay in
publishing: most copies then carry wordings of their own, so each quote's family of near-identical
members grows with the number of outlets. Each copy is extracted for real (``--cache`` keeps the
extractions between runs), and then the first N copies are stored into a fresh database through
``Store.add_many`` in ``quotes ingest``'s batches: the figure is the store's seconds (extraction
excluded), and the wording comparisons made (calls of ``rapidfuzz.fuzz.ratio``, counted in a
second, separate run). ``--cache`` may also hold other extractions (a list of ``Extraction``), such as
the synthetic articles of ``tests/test_robustness.py``.

``--against REF`` runs the same with the code of git revision REF (``git archive`` of its ``quotes``
package, in a subprocess), side by side with this tree's, and compares the two stores table by
table (every column but ``clusters.norm``, which no reader uses: ``tests/store_dump.py``). A run
over ``--limit`` seconds is stopped and printed as such. ``--orders`` also stores the copies in
reverse order with this tree's code and compares the clusters (as sets of occurrences, with ids).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CODE = "WIRE_FAMILY_CODE"  # the tree whose ``quotes`` a ``--one`` subprocess runs
sys.path.insert(0, os.environ.get(CODE, str(ROOT)))
sys.path.insert(1, str(ROOT / "tests"))  # store_dump

POLNEAR = ROOT.parent / "shared" / "polnear" / "train"
STORY = "breitbart_2016-05-12_trump-ryan-pledge-to-work-togeth"  # AP: "WASHINGTON (AP) — Donald Trump and ..."
HEADLINES = [
    "Trump, Ryan pledge to work together; endorsement may come",
    "Trump and Ryan pledge unity after Capitol Hill meeting",
    "Ryan, Trump say they are working toward unity",
    "After meeting, Trump and Ryan vow to work together",
    "Trump, Ryan meet: 'very positive step toward unification'",
    "GOP leaders pledge to bridge differences with Trump",
    "Ryan moves closer to Trump endorsement after meeting",
    "Trump-Ryan meeting: common ground, but no endorsement yet",
]
DATELINES = ["WASHINGTON (AP) — ", "WASHINGTON (AP) -- ", "WASHINGTON — ", "", "WASHINGTON, May 12 (AP) — "]
FILLERS = ["just", "really", "very", "always", "certainly", "now"]
CONTRACTIONS = {"don't": "do not", "it's": "it is", "that's": "that is", "he'll": "he will", "I'd": "I would",
                "they're": "they are", "we're": "we are", "can't": "cannot", "isn't": "is not"}
QUOTED = re.compile(r"“([^”]+)”")


def outlet_copy(text: str, n: int) -> str:
    """Copy ``n`` of the story as one outlet prints it (deterministic in ``n``)."""
    rng = random.Random(n)
    paragraphs = text.strip().split("\n\n")
    paragraphs[0] = HEADLINES[rng.randrange(len(HEADLINES))] + "."
    paragraphs[1] = rng.choice(DATELINES) + paragraphs[1].removeprefix("WASHINGTON (AP) — ")
    if rng.random() < 0.6:  # a sentence (or a one-sentence paragraph) dropped for length
        at = rng.randrange(2, len(paragraphs))
        sentences = re.split(r"(?<=[.”])\s+(?=[A-Z“])", paragraphs[at])
        del sentences[rng.randrange(len(sentences))]
        paragraphs[at] = " ".join(sentences)
        paragraphs = [p for p in paragraphs if p.strip()]
    body = "\n\n".join(paragraphs)
    for quote in reversed([m for m in QUOTED.finditer(body) if len(m.group(1).split()) >= 8]):
        words = quote.group(1).split()
        if rng.random() < 0.5:  # the outlet's own transcription: a word more, a word less, a contraction
            words = transcribed(words, rng)
        if len(words) >= 10 and rng.random() < 0.3:  # cut to a fragment: words off its end, sometimes its start
            start = rng.choice([0, 0, 1, 2])
            end = rng.randrange(start + 6, len(words) + 1)
            last = words[-1][-1] if words[-1][-1] in ",.?!" else ""
            words = [*words[start : end - 1], words[end - 1].rstrip(",;.?!") + last]
        body = body[: quote.start(1)] + " ".join(words) + body[quote.end(1) :]
    if rng.random() < 0.5:  # a site that prints straight marks
        body = body.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return body + "\n"


def transcribed(words: list[str], rng: random.Random) -> list[str]:
    """The quote as another reporter heard it: a filler word more or less, or a contraction undone."""
    at = rng.randrange(1, len(words) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return [*words[:at], *words[at + 1 :]]
    if kind == 1:
        return [*words[:at], rng.choice(FILLERS), *words[at:]]
    spelled = [CONTRACTIONS.get(w.replace("’", "'"), w) for w in words]
    return spelled if spelled != words else [*words[:at], *words[at + 1 :]]


def copies(count: int) -> list[Any]:
    from quotes.models import Article

    meta = next(json.loads(line) for line in (POLNEAR / "meta.jsonl").read_text(encoding="utf-8").splitlines()
                if json.loads(line)["doc"] == STORY)
    text = (POLNEAR / "texts" / f"{STORY}.txt").read_text(encoding="utf-8")
    published = date.fromisoformat(meta["publication_date"])
    made = []
    for n in range(count):
        day = published + timedelta(days=random.Random(-n).choice([0, 0, 0, 1]))  # some print it the next day
        made.append(Article(doc=f"{STORY}~{n:03d}", text=outlet_copy(text, n), source=f"outlet-{n:03d}/{STORY}",
                            outlet=f"outlet-{n:03d}", published=day.isoformat(), title=None, author="AP"))
    return made


def extract(count: int, cache: Path | None, jobs: int) -> list[Any]:
    if cache and cache.exists():
        cached: list[Any] = pickle.loads(cache.read_bytes())
        if len(cached) >= count:
            return cached[:count]
    from quotes.extract import extract_many
    from quotes.models import Extraction

    done = [r for r in extract_many(copies(count), jobs=jobs) if isinstance(r, Extraction)]
    if cache:
        cache.write_bytes(pickle.dumps(done))
    return done


def store(extractions: list[Any], db: Path) -> float:
    """Seconds to store ``extractions`` in ``quotes ingest``'s batches into a fresh ``db``."""
    from quotes.ingestion import BATCH_ARTICLES
    from quotes.store import Store

    with Store.open(db, create=True) as opened:
        started = time.perf_counter()
        for first in range(0, len(extractions), BATCH_ARTICLES):
            opened.add_many(extractions[first : first + BATCH_ARTICLES])
        return time.perf_counter() - started


def comparisons(extractions: list[Any], db: Path) -> int:
    """Wording comparisons (``fuzz.ratio`` calls) made storing ``extractions`` into a fresh ``db``."""
    from rapidfuzz import fuzz

    ratio, calls = fuzz.ratio, [0]

    def counted(*args: Any, **kwargs: Any) -> float:
        calls[0] += 1
        return float(ratio(*args, **kwargs))

    fuzz.ratio = counted
    try:
        store(extractions, db)
    finally:
        fuzz.ratio = ratio
    return calls[0]


def run_one(args: argparse.Namespace) -> int:
    """``--one``: store the first N copies with the code on ``sys.path``; print a JSON line."""
    extractions = pickle.loads(args.cache.read_bytes())[: args.one]
    db = Path(args.db)
    seconds = store(extractions, db)
    counted = comparisons(extractions, db.with_suffix(".count.db")) if seconds < args.limit / 2 else None
    db.with_suffix(".count.db").unlink(missing_ok=True)
    print(json.dumps({"seconds": seconds, "comparisons": counted,
                      "quotes": sum(len(e.quotes) for e in extractions)}))
    return 0


def in_subprocess(code: Path, size: int, cache: Path, db: Path, limit: float) -> dict[str, Any] | None:
    env = {**os.environ, "PYTHONPATH": str(code), CODE: str(code)}
    command = [sys.executable, __file__, "--one", str(size), "--cache", str(cache), "--db", str(db),
               "--limit", str(limit)]
    try:
        done = subprocess.run(command, env=env, cwd=code, capture_output=True, text=True, timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return None
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def export(ref: str, into: Path) -> Path:
    """The ``quotes`` package of git revision ``ref``, unpacked under ``into``."""
    into.mkdir()
    archive = subprocess.run(["git", "archive", ref, "quotes"], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def clusters(db: Path) -> set[tuple[str, frozenset[str]]]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT cluster_id, id FROM occurrences").fetchall()
    found: dict[str, set[str]] = {}
    for cid, oid in rows:
        found.setdefault(cid, set()).add(oid)
    return {(cid, frozenset(ids)) for cid, ids in found.items()}


def reverse_order(extractions: list[Any], tmp: Path, forward: Path) -> str:
    """This tree's clusters storing ``extractions`` in reverse order against ``forward``'s. Of two
    articles with one text the store keeps the first it meets: those are left out, as in
    ``benchmarks/statements.py``."""
    unique = list({e.article.content_hash: e for e in extractions[::-1]}.values())[::-1]
    if len(unique) < len(extractions):
        forward = tmp / "unique.db"
        forward.unlink(missing_ok=True)
        store(unique, forward)
    back = tmp / "reverse.db"
    back.unlink(missing_ok=True)
    store(unique[::-1], back)
    differ = len(clusters(back) ^ clusters(forward))
    left_out = f", {len(extractions) - len(unique)} copies of another's text left out" if len(unique) < len(
        extractions) else ""
    return ("identical" if not differ else f"DIFFER ({differ} clusters)") + left_out


def compare(sizes: list[int], args: argparse.Namespace, tmp: Path) -> None:
    from store_dump import differences

    old = export(args.against, tmp / "old") if args.against else None
    print(f"{'copies':>6} {'quotes':>6} {'members':>7} {'largest family':>14} | "
          f"{'store s new':>11} {'old':>9} {'old/new':>7} | {'comparisons new':>15} {'old':>10} | same store")
    for size in sizes:
        new_db = tmp / f"new-{size}.db"
        new = in_subprocess(ROOT, size, args.cache, new_db, args.limit)
        was = in_subprocess(old, size, args.cache, tmp / f"old-{size}.db", args.limit) if old else None
        line = describe(size, new, was, new_db)
        if new and was:
            diff = differences(tmp / f"old-{size}.db", new_db)
            line += " yes" if not diff else f" NO {diff}"
        elif old:
            line += f" (old over {args.limit:.0f} s)"
        if args.orders and new:
            extractions = pickle.loads(args.cache.read_bytes())[:size]
            line += f"; reverse order: {reverse_order(extractions, tmp, new_db)}"
        print(line, flush=True)


def describe(size: int, new: dict[str, Any] | None, was: dict[str, Any] | None, db: Path) -> str:
    import sqlite3

    if new is None:
        return f"{size:>6} new over the limit"
    with sqlite3.connect(db) as conn:
        members = conn.execute("SELECT count(*) FROM members").fetchone()[0]
        family = conn.execute("SELECT max(n) FROM (SELECT count(*) n FROM members GROUP BY family)").fetchone()[0]
    old_s = f"{was['seconds']:9.2f}" if was else f"{'-':>9}"
    ratio = f"{was['seconds'] / new['seconds']:6.1f}x" if was else f"{'-':>7}"
    count_new = new["comparisons"] if new["comparisons"] is not None else "-"
    count_old = was["comparisons"] if was and was["comparisons"] is not None else "-"
    return (f"{size:>6} {new['quotes']:>6} {members:>7} {family:>14} | {new['seconds']:11.2f} {old_s} {ratio} | "
            f"{count_new:>15} {count_old:>10} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 90, 270])
    parser.add_argument("--against", default="main", help="git revision to compare with ('' for none)")
    parser.add_argument("--cache", type=Path, help="keep the extractions in this file between runs")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=float, default=900.0, help="seconds before a run is stopped")
    parser.add_argument("--orders", action="store_true", help="also store in reverse order and compare")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return run_one(args)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if args.cache is None:
            args.cache = tmp / "extractions.pkl"
        extractions = extract(max(args.sizes), args.cache, args.jobs)
        print(f"{STORY}: {len(extractions)} outlets' copies extracted, "
              f"{sum(len(e.quotes) for e in extractions)} quotes\n")
        compare(args.sizes, args, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
