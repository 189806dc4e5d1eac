"""Print fresh candidate pairs for the statement benchmark, one task line each (to be read and labelled).

    python benchmarks/make_statement_candidates.py [--seed 13] [--prefix r] [--pairs PAIRS.jsonl] > TASKS.jsonl

Candidates are cross-article pairs of PolNeAR train gold quotes (``../shared/polnear/train``). Every
quote overlapping a quote of the already labelled pairs (``benchmarks/data/statement_pairs.jsonl``) is
left out, so no old pair is linked to a new one and no old group changes its part; each gold quote is
used by at most one new pair, so every new pair is a group of its own. Each pair falls in one bin,
decided in this order on the wordings (rapidfuzz ``default_process``: lower case, no punctuation):

- ``2contained``: the shorter wording (3 words or more) is contained in the longer one, not equal;
- ``r90``: ``ratio`` >= 90;  ``2high``: ``token_set`` >= 90, ``ratio`` >= 50 and the shorter wording 4 words
  or more (same words, other order or extra words);
- ``r80``: ``ratio`` >= 80;  ``frag``: a short quote (<= 70 characters) with ``partial`` >= 80;
- ``r70``: ``ratio`` >= 70;  ``2same_speaker``: the same named speaker mention (its last capitalised
  word, pronouns left out), ``token_set`` >= 60 and ``ratio`` < 60;
- ``r60``, ``r50``, ``r40``: ``ratio`` in that decade.

Each bin draws its quota (``QUOTA``; the bins where "same" pairs live are over-sampled) at random with
a fixed seed, pairs from two publishers first, then pairs from one publisher in two articles; two
thirds of the ``r90`` and ``r80`` quotas come from quotes of 5 words or more (else one-word scare
quotes, mostly "different", fill them). A
wording that is very common ("make america great again") is used by at most two pairs. Ids are
``<prefix>000``, ``<prefix>001``, ... in a seeded shuffle, so ``make_statement_pairs.py``'s hash of the
id puts about a third of them in the held-out part.

The first pass gave few "same" pairs from two outlets (most of its "same" pairs were one outlet's
article printed twice), so a second pass (bin ``3near``, numbered after the first) draws ``NEAR_QUOTA``
pairs of unused quotes from any bin, published within ``NEAR_DAYS`` days of each other, both
``NEAR_WORDS`` words or more and ``partial`` >= ``NEAR_PARTIAL`` (two publishers first): where one
outlet's quote of a remark another outlet also quotes is likely. The first pass's pairs and ids do not
change. Few such pairs are left (about a dozen): the earlier rounds' pairs took most of them.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "data" / "statement_pairs.jsonl"
POLNEAR = HERE.parent.parent / "shared" / "polnear" / "train"
QUOTA = {"r90": 60, "r80": 35, "2high": 40, "2contained": 50, "frag": 30, "r70": 15,
         "2same_speaker": 10, "r60": 8, "r50": 5, "r40": 4}
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "his", "her", "their", "who", "which", "that", "this"}
MIN_CHARS = 10
LONG_FIRST = {"r90", "r80"}  # two thirds of these quotas from quotes of LONG_WORDS words or more
LONG_WORDS = 5
MAX_PER_WORDING = 2
NEAR_QUOTA, NEAR_DAYS, NEAR_WORDS, NEAR_PARTIAL = 70, 30, 4, 80


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fresh_quotes(pairs: Path) -> list[dict[str, Any]]:
    """Gold quotes of at least MIN_CHARS characters overlapping no quote of the labelled pairs."""
    taken: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    for pair in load(pairs):
        for side in ("a", "b"):
            taken[pair[side]["doc"]].append((pair[side]["start"], pair[side]["end"]))
    meta = {row["doc"]: row for row in load(POLNEAR / "meta.jsonl")}
    found = []
    for q in load(POLNEAR / "gold.jsonl"):
        if len(q["text"].strip()) < MIN_CHARS or not default_process(q["text"]):
            continue
        if any(s < q["end"] and q["start"] < e for s, e in taken[q["doc"]]):
            continue
        found.append({**q, "publisher": meta[q["doc"]]["publisher"], "published": meta[q["doc"]]["publication_date"],
                      "norm": default_process(q["text"])})
    return found


def speaker_key(mention: str | None) -> str | None:
    words = [w for w in (mention or "").replace("'s", "").split() if w[:1].isupper()]
    if not words or words[-1].lower() in PRONOUNS:
        return None
    return words[-1].strip(".,").lower()


def scores(a: str, b: str) -> dict[str, int]:
    return {"ratio": round(fuzz.ratio(a, b)), "partial": round(fuzz.partial_ratio(a, b)),
            "token_set": round(fuzz.token_set_ratio(a, b))}


def bin_of(qa: dict[str, Any], qb: dict[str, Any], s: dict[str, int]) -> str | None:
    short, long_ = sorted((qa["norm"], qb["norm"]), key=len)
    if len(short.split()) >= 3 and short != long_ and f" {short} " in f" {long_} ":
        return "2contained"
    if s["ratio"] >= 90:
        return "r90"
    if s["token_set"] >= 90 and s["ratio"] >= 50 and len(short.split()) >= 4:
        return "2high"
    if s["ratio"] >= 80:
        return "r80"
    if len(short) <= 70 and s["partial"] >= 80:
        return "frag"
    if s["ratio"] >= 70:
        return "r70"
    key = speaker_key(qa.get("speaker"))
    if key and key == speaker_key(qb.get("speaker")) and s["token_set"] >= 60:
        return "2same_speaker"
    if s["ratio"] >= 40:
        return f"r{s['ratio'] // 10 * 10}"
    return None


def candidates(quotes: list[dict[str, Any]], rng: random.Random) -> dict[str, list[tuple[int, int]]]:
    """Pairs (i, j), i < j, of quotes of two articles, by bin: every pair close in wording, a sample of the rest."""
    norms = [q["norm"] for q in quotes]
    ratio = process.cdist(norms, norms, scorer=fuzz.ratio, dtype=np.uint8, workers=2)
    token_set = process.cdist(norms, norms, scorer=fuzz.token_set_ratio, dtype=np.uint8, workers=2)
    close = np.argwhere(np.triu((ratio >= 70) | (token_set >= 60), k=1))
    pool = [(int(i), int(j)) for i, j in close]
    n = len(quotes)
    pool += [tuple(sorted(rng.sample(range(n), 2))) for _ in range(20000)]  # type: ignore[misc]
    by_bin: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    for i, j in sorted(set(pool)):
        if quotes[i]["doc"] == quotes[j]["doc"]:
            continue
        name = bin_of(quotes[i], quotes[j], scores(norms[i], norms[j]))
        if name in QUOTA:
            by_bin[name].append((i, j))
    return by_bin


def pick(quotes: list[dict[str, Any]], by_bin: dict[str, list[tuple[int, int]]],
         rng: random.Random) -> list[tuple[str, int, int]]:
    used: set[int] = set()
    wordings: collections.Counter[str] = collections.Counter()
    chosen = []
    for name, quota in QUOTA.items():
        pool = list(by_bin.get(name, []))
        rng.shuffle(pool)
        pool.sort(key=lambda p: quotes[p[0]]["publisher"] == quotes[p[1]]["publisher"])  # stable: two publishers first
        long_first = -(-quota * 2 // 3) if name in LONG_FIRST else 0
        taken = 0
        for wanted, min_words in ((long_first, LONG_WORDS), (quota, 0)):
            for i, j in pool:
                if taken >= wanted:
                    break
                if i in used or j in used or min(len(quotes[k]["norm"].split()) for k in (i, j)) < min_words:
                    continue
                if max(wordings[quotes[i]["norm"]], wordings[quotes[j]["norm"]]) >= MAX_PER_WORDING:
                    continue
                used.update((i, j))
                wordings.update({quotes[i]["norm"], quotes[j]["norm"]})
                chosen.append((name, i, j))
                taken += 1
    return chosen


def near(qa: dict[str, Any], qb: dict[str, Any]) -> bool:
    """Published within NEAR_DAYS days, both NEAR_WORDS words or more, one wording nearly inside the other."""
    days = abs((date.fromisoformat(qa["published"]) - date.fromisoformat(qb["published"])).days)
    if days > NEAR_DAYS:
        return False
    if min(len(qa["norm"].split()), len(qb["norm"].split())) < NEAR_WORDS:
        return False
    return fuzz.partial_ratio(qa["norm"], qb["norm"]) >= NEAR_PARTIAL


def pick_near(quotes: list[dict[str, Any]], by_bin: dict[str, list[tuple[int, int]]],
              chosen: list[tuple[str, int, int]], rng: random.Random) -> list[tuple[str, int, int]]:
    """The second pass: NEAR_QUOTA more pairs from any bin that pass ``near``, quotes not used by the first pass."""
    used = {k for _, i, j in chosen for k in (i, j)}
    pool = sorted((i, j) for pairs in by_bin.values() for i, j in pairs if near(quotes[i], quotes[j]))
    rng.shuffle(pool)
    pool.sort(key=lambda p: quotes[p[0]]["publisher"] == quotes[p[1]]["publisher"])  # stable: two publishers first
    picked: list[tuple[str, int, int]] = []
    for i, j in pool:
        if len(picked) == NEAR_QUOTA:
            break
        if i not in used and j not in used:
            used.update((i, j))
            picked.append(("3near", i, j))
    return picked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--prefix", default="r")
    parser.add_argument("--pairs", type=Path, default=PAIRS, help="labelled pairs whose quotes are left out")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    quotes = fresh_quotes(args.pairs)
    by_bin = candidates(quotes, rng)
    chosen = pick(quotes, by_bin, rng)
    rng.shuffle(chosen)
    near = pick_near(quotes, by_bin, chosen, rng)
    rng.shuffle(near)
    chosen += near  # numbered after the first pass, whose ids stay as they were
    counts = collections.Counter(name for name, _, _ in chosen)
    print(f"candidates by bin: {dict(sorted((k, len(v)) for k, v in by_bin.items()))}", file=sys.stderr)
    print(f"{len(quotes)} fresh quotes; {len(chosen)} pairs: {dict(sorted(counts.items()))}", file=sys.stderr)
    for number, (name, i, j) in enumerate(chosen):
        a, b = sorted((quotes[i], quotes[j]), key=lambda q: (q["doc"], q["start"]))
        row = {"id": f"{args.prefix}{number:03d}", "bin": name, **scores(a["norm"], b["norm"]),
               "a": {k: a[k] for k in ("doc", "start", "end", "text")},
               "b": {k: b[k] for k in ("doc", "start", "end", "text")}}
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
