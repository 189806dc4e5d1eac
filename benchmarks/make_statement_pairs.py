"""Merge the statement-pair tasks and their labels into ``benchmarks/data/statement_pairs.jsonl``.

    python benchmarks/make_statement_pairs.py TASKS.jsonl... --labels LABELS.jsonl... [--fixes FIXES.jsonl]

Each output line is a task (``a``/``b``: doc, offsets, text) with its label fields. The held-out
third is decided here, before any result is looked at, by a hash of the pair id; pairs that share
a quote (same doc and overlapping offsets) are kept in one part, so no quote is tuned on through
one pair and measured through another: a group of linked pairs takes the part of its smallest id.
``--fixes`` holds label corrections made by reading the articles (id, label, fix_note).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "data" / "statement_pairs.jsonl"


def read_jsonl(paths: list[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for path in paths for line in Path(path).read_text().splitlines() if line.strip()]


def part_of(pair_id: str) -> str:
    return "held-out" if int(hashlib.sha1(pair_id.encode()).hexdigest(), 16) % 3 == 0 else "tuned"


def groups(tasks: list[dict[str, Any]]) -> dict[str, str]:
    """Each pair id -> the smallest pair id linked to it through shared quotes (union-find)."""
    parent = {t["id"]: t["id"] for t in tasks}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    quotes: dict[str, list[tuple[int, int, str]]] = {}
    for task in tasks:
        for side in ("a", "b"):
            q = task[side]
            for start, end, other in quotes.get(q["doc"], []):
                if start < q["end"] and q["start"] < end:
                    ra, rb = find(task["id"]), find(other)
                    parent[max(ra, rb)] = min(ra, rb)
            quotes.setdefault(q["doc"], []).append((q["start"], q["end"], task["id"]))
    return {pid: find(pid) for pid in parent}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tasks", nargs="+")
    parser.add_argument("--labels", nargs="+", required=True)
    parser.add_argument("--fixes")
    args = parser.parse_args()
    tasks = read_jsonl(args.tasks)
    labels = {row["id"]: row for row in read_jsonl(args.labels)}
    missing = [t["id"] for t in tasks if t["id"] not in labels]
    if missing:
        raise SystemExit(f"no label for {len(missing)} tasks, e.g. {missing[:5]}; wait for the annotators")
    fixes = {row["id"]: row for row in read_jsonl([args.fixes])} if args.fixes else {}
    group = groups(tasks)
    with OUT.open("w") as out:
        for task in sorted(tasks, key=lambda t: t["id"]):
            label = {k: v for k, v in labels[task["id"]].items() if k != "id"}
            if task["id"] in fixes:
                fix = fixes[task["id"]]
                label["original_label"], label["label"] = label["label"], fix["label"]
                label["fix_note"] = fix["fix_note"]
            row = {**task, **label, "group": group[task["id"]], "part": part_of(group[task["id"]])}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
