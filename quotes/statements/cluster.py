"""Incremental clustering: linked members found by blocking keys, never by comparing every pair.

Each wording yields a few *keys* (winnowed hashes of content-word bigrams); only members sharing a
key are compared (``member.linked``). Members linked directly or through others form a *family*;
a new member merges the families it links to, and the families changed since the last look are
partitioned into statements (``partition``) when a statement is asked for: once per family, not once
per member joining it (a wire story carried by hundreds of outlets makes a family of hundreds of
near-identical quotes). A family, and so its statements, is the same whatever order its members came in,
because links are symmetric and found from whichever member arrives second.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from quotes.text import STOPWORDS

from .match import STEM_CHARS, TINY_WORDS, Wording
from .member import Member, linked
from .partition import partition

WINDOW = 2  # winnowing window: any shared run of WINDOW + 1 content words shares a key ("a piece of
# American History" has three)
# A key held by more members than this (a bigram as common as "white house") finds nothing the
# member's rarer keys do not; skipping it keeps the work per member bounded as the store grows.
MAX_POSTINGS = 400
LONG_KEYS = 5  # wordings with this many keys each must share two to be compared
# A short wording keeps every bigram: two transcriptions of one short line may share no run of
# three content words ("What difference - at this point, what difference does it make?" / "What
# difference at this point does it make?" share "difference point" only).
ALL_GRAMS = 4


def blocking_keys(wording: Wording) -> list[int]:
    """Winnowed 63-bit hashes of content-word bigrams (signed to fit an SQLite INTEGER).

    Winnowing keeps the smallest hash of every window, so a truncated or partly reworded
    copy that shares a run of WINDOW + 1 content words with the original shares a key; a wording
    of up to ALL_GRAMS bigrams keeps them all, so it shares a key with any wording sharing a bigram.
    """
    content = [w for w in wording.words if w not in STOPWORDS] or list(wording.words)
    if 0 < len(wording.words) < TINY_WORDS:  # and a key for its words' first letters: "extreme careless"
        # meets "extremely careless" (``match.inflected``), each shorter word being the other's start
        return sorted({_hash(" ".join(content)), _hash("\x01" + " ".join(w[:STEM_CHARS] for w in wording.words))})
    if len(content) < 2:
        return [_hash(" ".join(content))] if content else []
    grams = [_hash(f"{x} {y}") for x, y in itertools.pairwise(content)]
    if len(grams) <= ALL_GRAMS:
        return sorted(set(grams))
    windows = zip(*(grams[k:] for k in range(WINDOW)), strict=False)  # shifted copies: every run of WINDOW grams
    return sorted(set(map(min, windows)))


@functools.lru_cache(maxsize=1 << 16)  # bigrams recur across wordings: each is hashed once
def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def enough_keys(shared: int, keys_a: int, keys_b: int) -> bool:
    """Two long wordings sharing one key of many are rarely close: compare those sharing two; a short
    wording (a fragment of another, with few keys) is compared on one."""
    return shared >= (2 if min(keys_a, keys_b) >= LONG_KEYS else 1)


def links(member: Member, candidates: Iterable[Member]) -> list[Member]:
    """The candidates ``member`` is linked to (each compared once)."""
    return [other for other in candidates if other.id != member.id and linked(member, other)]


def linked_families(member: Member, candidates: Iterable[tuple[str, Member]]) -> list[str]:
    """The families (ids, sorted) ``member`` is linked to, of ``(family, candidate)`` pairs.

    One link joins a family, so a family's next candidates are not compared once one of its members
    links: a new copy of a wire story's quote is compared with one or two of the hundreds of
    near-identical members of its family, not with each (``links`` of them would give the same families).
    """
    joined: set[str] = set()
    for family, other in candidates:
        if family not in joined and other.id != member.id and linked(member, other):
            joined.add(family)
    return sorted(joined)


@dataclass
class Clusterer:
    """In-memory incremental clustering (benchmarks, ``recluster``); the store keeps the same index in SQLite."""

    postings: dict[int, list[str]] = field(default_factory=dict)
    members: dict[str, Member] = field(default_factory=dict)
    family_of: dict[str, str] = field(default_factory=dict)
    families: dict[str, list[str]] = field(default_factory=dict)
    assigned: dict[str, str] = field(default_factory=dict)  # member -> statement, but for ``dirty`` families
    key_count: dict[str, int] = field(default_factory=dict)
    dirty: set[str] = field(default_factory=set)  # families changed since they were last partitioned

    def add(
        self, text: str, speaker: str | None = None, said: str | None = None, basis: str | None = None,
        published: str | None = None, nested: tuple[tuple[int, int], ...] = (),
    ) -> str:
        """Add one occurrence; its member id (``cluster`` gives the member's statement, which later
        occurrences may change)."""
        return self.add_member(Member.of(text, speaker, said, basis, published, nested))

    def add_member(self, member: Member) -> str:
        if member.id in self.members:
            return member.id
        keys = blocking_keys(member.wording)
        shared = Counter(
            mid for key in keys if len(posting := self.postings.get(key, ())) <= MAX_POSTINGS for mid in posting
        )
        seen = [mid for mid, n in shared.items() if enough_keys(n, len(keys), self.key_count[mid])]
        joined = linked_families(member, ((self.family_of[mid], self.members[mid]) for mid in seen))
        family = min([member.id, *joined])
        ids = [member.id, *(mid for fid in joined for mid in self.families.pop(fid))]
        self.members[member.id] = member
        self.key_count[member.id] = len(keys)
        for key in keys:
            self.postings.setdefault(key, []).append(member.id)
        for mid in ids:
            self.family_of[mid] = family
        self.families[family] = ids
        self.dirty.difference_update(joined)
        self.dirty.add(family)
        return member.id

    def settle(self) -> None:
        """Partition the families changed since the last call (a family's statements depend only on its members)."""
        for family in sorted(self.dirty):
            self.assigned.update(partition(self.members[mid] for mid in self.families[family]))
        self.dirty.clear()

    @property
    def statement_of(self) -> dict[str, str]:
        """Every member's statement as the members added so far make it."""
        self.settle()
        return self.assigned

    def cluster(self, member_id: str) -> str:
        self.settle()
        return self.assigned[member_id]
