"""Write fresh labelling tasks for the printed-fields gold (``benchmarks/fields.py``), one file per labeller.

    python benchmarks/make_fields_tasks.py [--prefix m] [--seed 20261203] [--labellers 2] --out DIR

Articles are PolNeAR train articles (``../shared/polnear/train``) nobody has used: not in
``benchmarks/data/fields_gold.jsonl`` (rows of this round, ids starting with ``<prefix>``, are
ignored, so the round can be rebuilt after it was added) and not in
``benchmarks/data/statement_pairs.jsonl``. Among those with 2-12 gold quotes, six per publisher are
drawn by a seeded shuffle, 42 at most, dealt to the labellers in turn; each task is one gold quote
with its article, offsets and the corpus's source mention (a hint, not the answer). Task ids are
``<prefix><k>-NNN`` for labeller ``k``. Labels are written by ``benchmarks/data/fields_rules.md``.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
from pathlib import Path

POLNEAR_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "polnear" / "train"
DATA = Path(__file__).resolve().parent / "data"
PER_PUBLISHER = 6
MAX_ARTICLES = 42


def used_documents(prefix: str) -> set[str]:
    """Articles already in the fields gold (other rounds) or in the statement pairs."""
    used: set[str] = set()
    for line in (DATA / "fields_gold.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if not row["id"].startswith(prefix):
            used.add(row["doc"])
    for line in (DATA / "statement_pairs.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        used.update((row["a"]["doc"], row["b"]["doc"]))
    return used


def draw_articles(
    prefix: str, seed: int, gold: dict[str, list[dict[str, object]]], meta: dict[str, dict[str, str]]
) -> list[str]:
    """Six unused articles per publisher, at most 42, in a seeded order."""
    used = used_documents(prefix)
    by_publisher: dict[str, list[str]] = collections.defaultdict(list)
    for doc in sorted(gold):
        if doc not in used and 2 <= len(gold[doc]) <= 12:
            by_publisher[meta[doc]["publisher"]].append(doc)
    rng = random.Random(seed)
    chosen: list[str] = []
    for publisher in sorted(by_publisher):
        rng.shuffle(by_publisher[publisher])
        chosen += by_publisher[publisher][:PER_PUBLISHER]
    rng.shuffle(chosen)
    return chosen[:MAX_ARTICLES]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", default="m")
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--labellers", type=int, default=2)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    meta = {row["doc"]: row for row in map(json.loads, (POLNEAR_TRAIN / "meta.jsonl").open(encoding="utf-8"))}
    gold: dict[str, list[dict[str, object]]] = collections.defaultdict(list)
    for row in map(json.loads, (POLNEAR_TRAIN / "gold.jsonl").open(encoding="utf-8")):
        gold[row["doc"]].append(row)
    articles = draw_articles(args.prefix, args.seed, gold, meta)
    args.out.mkdir(parents=True, exist_ok=True)
    for k in range(args.labellers):
        with (args.out / f"tasks_{k}.jsonl").open("w", encoding="utf-8") as out:
            for n, (doc, quote) in enumerate((d, q) for d in sorted(articles[k :: args.labellers]) for q in gold[d]):
                task = {
                    "id": f"{args.prefix}{k}-{n:03d}",
                    "doc": doc,
                    "polnear": "train",
                    "publisher": meta[doc]["publisher"],
                    "publication_date": meta[doc]["publication_date"],
                    "start": quote["start"],
                    "end": quote["end"],
                    "text": quote["text"],
                    "mention": quote["speaker"],
                }
                out.write(json.dumps(task) + "\n")


if __name__ == "__main__":
    main()
