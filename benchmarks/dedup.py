"""Deduplication benchmark: pairwise precision/recall and clustering time on a synthetic corpus.

The corpus imitates wire copy: base statements built from the seed articles' vocabulary, each
carried by several outlets as variants (other quote marks and case, truncation, an ellipsis, a
word swapped by another translation, British spelling, a misattributed speaker), plus distinct
"sibling" statements that share half their words with a base, and short generic quotes
("This is unacceptable") said by different people. Usage::

    .venv/bin/python benchmarks/dedup.py            # 20k and 100k occurrences
    .venv/bin/python benchmarks/dedup.py --full     # also 1M occurrences
    .venv/bin/python benchmarks/dedup.py --store 5000  # also the SQLite-backed path (ingest speed)
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import resource
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from quotes.models import Article, Extraction, Quote
from quotes.statements import Clusterer
from quotes.store import Store

ROOT = Path(__file__).resolve().parent.parent
BRITISH = {
    "defense": "defence",
    "organize": "organise",
    "program": "programme",
    "center": "centre",
    "favor": "favour",
    "realize": "realise",
    "labor": "labour",
    "analyze": "analyse",
    "color": "colour",
    "recognize": "recognise",
    "behavior": "behaviour",
    "honor": "honour",
}
GENERIC = [
    "This is unacceptable",
    "We will respond",
    "No comment",
    "It is a provocation",
    "This is a mistake",
    "We are ready for dialogue",
    "Nothing has changed",
]
MARKS = [("“", "”"), ('"', '"'), ("«", "»"), ("‘", "’"), ("", "")]


def vocabulary(rng: random.Random) -> list[str]:
    """Seed-article words (Zipf-like by frequency) plus invented names so statements are distinct."""
    words = re.findall(r"[A-Za-z']+", " ".join(p.read_text() for p in sorted((ROOT / "seeds").glob("*.txt"))))
    common = [w for w, _ in Counter(w.lower() for w in words).most_common()]
    invented = [
        "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(20000)
    ]
    return common + list(BRITISH) * 3 + invented


_WEIGHTS: dict[int, list[float]] = {}


def statement(rng: random.Random, vocab: list[str], n: int) -> list[str]:
    """Zipf's law (weight 1/rank): the top ten words make about a fifth of the text, as in English."""
    cumulative = _WEIGHTS.get(len(vocab))
    if cumulative is None:
        cumulative = _WEIGHTS[len(vocab)] = list(itertools.accumulate(1 / (r + 2) for r in range(len(vocab))))
    return rng.choices(vocab, cum_weights=cumulative, k=n)


def variant(rng: random.Random, words: list[str], vocab: list[str]) -> str:
    """One outlet's rendering of a statement."""
    w = list(words)
    kind = rng.random()
    if kind < 0.2 and len(w) >= 10:  # truncation: a prefix or suffix of at least 70%
        keep = rng.randint(int(len(w) * 0.7), len(w) - 1)
        w = w[:keep] if rng.random() < 0.6 else w[len(w) - keep :]
    elif kind < 0.35 and len(w) >= 12:  # an ellipsis in the middle
        i = rng.randint(3, len(w) - 7)
        w = [*w[:i], "...", *w[i + rng.randint(2, 4) :]]
    elif kind < 0.55 and len(w) >= 10:  # another translation: one word differs
        w[rng.randrange(len(w))] = rng.choice(vocab[:3000])
    w = [BRITISH.get(x, x) if rng.random() < 0.5 else x for x in w]
    text = " ".join(w)
    text = text.upper() if rng.random() < 0.05 else text[:1].upper() + text[1:]
    left, right = rng.choice(MARKS)
    return f"{left}{text}{rng.choice(['', '.', ',', '!'])}{right}"


def corpus(n: int, seed: int = 1) -> list[tuple[str, str | None, int]]:
    """(text, speaker, true statement id) for about ``n`` occurrences, shuffled like a news stream."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    speakers = [f"Speaker {i}" for i in range(max(50, n // 200))]
    items: list[tuple[str, str | None, int]] = []
    truth = 0
    while len(items) < n:
        truth += 1
        speaker = rng.choice(speakers)
        if rng.random() < 0.05:  # a short generic quote: its own statement per speaker
            generic = GENERIC[truth % len(GENERIC)]
            items += [(f"{rng.choice(MARKS)[0]}{generic}", speaker, truth) for _ in range(rng.randint(1, 3))]
            continue
        words = statement(rng, vocab, rng.randint(10, 40))
        items += [
            (variant(rng, words, vocab), pick_speaker(rng, speaker, speakers), truth)
            for _ in range(1 + int(rng.expovariate(1 / 4)))
        ]
        if rng.random() < 0.2:  # a sibling: same opening, different statement
            truth += 1
            half = len(words) // 2
            sibling = words[:half] + statement(rng, vocab, len(words) - half)
            items += [(variant(rng, sibling, vocab), speaker, truth) for _ in range(rng.randint(1, 3))]
    rng.shuffle(items)
    return items[:n]


def pick_speaker(rng: random.Random, speaker: str, speakers: list[str]) -> str | None:
    roll = rng.random()
    return speaker if roll < 0.9 else None if roll < 0.95 else rng.choice(speakers)


def pair_scores(predicted: list[str], truth: list[int]) -> tuple[float, float]:
    """Pairwise precision and recall from the contingency table (no O(n^2) pair listing)."""

    def pairs(counts: Counter[object]) -> int:
        return sum(c * (c - 1) // 2 for c in counts.values())

    both = pairs(Counter(zip(predicted, truth, strict=True)))
    return both / max(1, pairs(Counter(predicted))), both / max(1, pairs(Counter(truth)))


def run_memory(n: int) -> None:
    items = corpus(n)
    clusterer = Clusterer()
    start, cpu_start = time.perf_counter(), time.process_time()
    members = [clusterer.add(text, speaker) for text, speaker, _ in items]
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    predicted = [clusterer.cluster(mid) for mid in members]  # statements as they stand at the end
    precision, recall = pair_scores(predicted, [t for _, _, t in items])
    print(
        f"clustering {n:>9,} occurrences: {elapsed:7.1f} s ({elapsed / n * 1e6:5.0f} µs each; CPU {cpu:.1f} s), "
        f"{len(set(predicted)):,} clusters for {len({t for *_, t in items}):,} true statements, "
        f"pairwise precision {precision:.4f} recall {recall:.4f}; process peak resident "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10:,.0f} MiB (corpus included)"
    )


def extractions(items: list[tuple[str, str | None, int]]) -> Iterator[Extraction]:
    for i in range(0, len(items), 5):  # five quotes per article
        chunk = items[i : i + 5]
        text = "\n".join(t for t, _, _ in chunk)
        quotes, offset = [], 0
        for t, speaker, _ in chunk:
            quotes.append(Quote(doc=f"d{i}", start=offset, end=offset + len(t), text=t, speaker=speaker))
            offset += len(t) + 1
        yield Extraction(article=Article(doc=f"d{i}", text=text, source=f"d{i}.txt"), quotes=tuple(quotes))


def run_store(n: int) -> None:
    items = corpus(n, seed=2)
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "b.db", create=True) as store:
        start = time.perf_counter()
        for extraction in extractions(items):
            store.add(extraction)
        elapsed = time.perf_counter() - start
        ids = {o.occurrence_id: o.cluster_id for o in store.occurrences()}
    predicted = list(ids.values())
    print(
        f"store ingest {n:>9,} occurrences: {elapsed:7.1f} s ({elapsed / n * 1e6:5.0f} µs each), "
        f"{len(set(predicted)):,} clusters (SQLite blocking index, one transaction per article)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--full", action="store_true", help="also cluster 1M occurrences")
    parser.add_argument("--sizes", type=int, nargs="*", default=[20_000, 100_000])
    parser.add_argument("--store", type=int, default=0, help="also ingest N occurrences through the store")
    args = parser.parse_args()
    for n in [*args.sizes, *([1_000_000] if args.full else [])]:
        run_memory(n)
    if args.store:
        run_store(args.store)


if __name__ == "__main__":
    main()
