"""Incremental clustering: candidate clusters found by blocking keys, never by comparing every pair.

Each wording yields a few *keys* (winnowed hashes of content-word bigrams) and only clusters
sharing a key are scored, so cost grows near-linearly with the number of occurrences.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from quotes.text import STOPWORDS

from .match import SHORT_WORDS, Wording, same_statement

WINDOW = 3  # winnowing window: any shared run of WINDOW + 1 content words shares a key
MAX_CANDIDATES = 8  # clusters scored per new wording, most shared keys first
MAX_VARIANTS = 16  # distinct wordings kept for matching per cluster: enough to represent it, bounded cost


def blocking_keys(wording: Wording) -> list[int]:
    """Winnowed 63-bit hashes of content-word bigrams (signed to fit an SQLite INTEGER).

    Winnowing keeps the smallest hash of every window, so a truncated or partly reworded
    copy that shares a run of WINDOW + 1 content words with the original shares a key.
    """
    content = [w for w in wording.words if w not in STOPWORDS] or list(wording.words)
    if len(content) < 2:
        return [_hash(" ".join(content))] if content else []
    grams = [_hash(f"{x} {y}") for x, y in itertools.pairwise(content)]
    if len(grams) <= WINDOW:
        return sorted(set(grams))
    chosen = {min(grams[i : i + WINDOW]) for i in range(len(grams) - WINDOW + 1)}
    return sorted(chosen)


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def cluster_id(wording: Wording) -> str:
    """Short stable id from the first wording (plus the speaker for short quotes, never cross-speaker)."""
    seed = wording.norm
    if len(wording.words) < SHORT_WORDS:
        seed += "\x00" + (wording.speaker or "")
    return "c-" + hashlib.sha1(seed.encode()).hexdigest()[:8]


def best_cluster(wording: Wording, candidates: Iterable[tuple[str, Iterable[Wording]]]) -> str | None:
    """The first candidate cluster (callers order them by shared keys) with a matching variant."""
    for cid, variants in candidates:
        if any(same_statement(wording, v) for v in variants):
            return cid
    return None


@dataclass
class Clusterer:
    """In-memory incremental clustering (benchmarks and tests; the store keeps the same index in SQLite)."""

    index: dict[int, list[str]] = field(default_factory=dict)
    variants: dict[str, dict[tuple[str, str | None], Wording]] = field(default_factory=dict)

    def add(self, text: str, speaker: str | None = None) -> str:
        wording = Wording.of(text, speaker)
        keys = blocking_keys(wording)
        found = best_cluster(wording, self._candidates(keys))
        cid = found or self._new_id(wording)
        variants = self.variants.setdefault(cid, {})
        if len(variants) < MAX_VARIANTS and (wording.norm, wording.speaker) not in variants:
            variants[wording.norm, wording.speaker] = wording
            for key in keys:
                postings = self.index.setdefault(key, [])
                if cid not in postings:
                    postings.append(cid)
        return cid

    def _candidates(self, keys: list[int]) -> Iterator[tuple[str, Iterable[Wording]]]:
        counts: Counter[str] = Counter()
        for key in keys:
            counts.update(self.index.get(key, ()))
        for cid, _ in counts.most_common(MAX_CANDIDATES):
            yield cid, self.variants[cid].values()

    def _new_id(self, wording: Wording) -> str:
        cid = cluster_id(wording)
        while cid in self.variants:  # a 32-bit id collision: lengthen deterministically
            cid = "c-" + hashlib.sha1(cid.encode()).hexdigest()[:12]
        return cid
