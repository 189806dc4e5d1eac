"""Fuzzy matching of two wordings (the only rapidfuzz importer) and the clustering policy.

Two wordings are one statement when their normalised texts are close (``ratio``), when one is
contained in the other (truncation, ``partial_ratio``), when an elided quote's words all appear
in order in the other (ellipsis, token LCS), or when the two share a long run of words (one passage
cut at different ends, ``overlap``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from .normalize import has_ellipsis, normalize, without_insertions

THRESHOLD = 86.0  # tuned on benchmarks/dedup.py: variants score >= 88, distinct siblings <= 80
SHORT_WORDS = 6  # quotes shorter than this are generic ("This is unacceptable") and need the same speaker
TINY_WORDS = 3  # below this only exact normalised equality (and the same speaker) joins
CONTAIN_WORDS = 4  # containment/ellipsis matching needs this many words in the shorter wording
# Two transcriptions of one sentence ("The problem is presidents can't just say anything they want,
# because it has consequences here and around the world" / "But presidents can't just say anything
# they want. It has consequences around the world.") or a delivered line with an ad-lib inserted keep
# most words in order though their letters align worse: the shorter's words in order in the longer
# count when the shorter has this many words and most of the longer's length.
VARIANT_WORDS = 8
VARIANT_SHARE = 0.6
# Two outlets often quote one passage cut at different ends: the first sentences in one, the last in
# the other, neither inside the other. A run of this many words, word for word, in both is one
# passage, when it ends one and starts the other (a run with a word's difference is not: "is a direct
# threat" / "is not a threat"); OVERLAP_SCORE ranks it under a whole or contained match.
OVERLAP_WORDS = 12
OVERLAP_SCORE = 90.0
END_SLACK = 2  # words another transcription may have before the start or after the end of a passage
BOUND_SLACK = 1e-6  # a bound is trusted to rule a score out only this far under the cutoff (rounding)


def similarity(a: str, b: str) -> float:
    """Similarity of two wordings in 0..100 on normalised text, robust to truncation and small changes."""
    return score(Wording.of(a), Wording.of(b))


@dataclass(frozen=True)
class Wording:
    """A wording prepared once for repeated comparison: normalised text, its words, whether elided."""

    norm: str
    words: tuple[str, ...]
    elided: bool
    speaker: str | None = None
    # Ranges [i, j) of ``words`` the speaker quotes from someone else (``Wording.of``'s ``nested``).
    quoted: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, text: str, speaker: str | None = None, nested: tuple[tuple[int, int], ...] = ()) -> Wording:
        """``nested``: quotations inside ``text`` (offsets into it, ``quotes.text.nested_spans``)."""
        norm = normalize(without_insertions(text))
        words = split_words(norm)
        return cls(norm, words, has_ellipsis(text), speaker_key(speaker), quoted_words(text, nested, words))

    @classmethod
    def stored(cls, norm: str, elided: bool, quoted: str | None = None) -> Wording:
        """The wording a store row keeps (``norm``, ``elided`` and ``quoted_text``)."""
        ranges = tuple((int(i), int(j)) for i, _, j in (r.partition("-") for r in quoted.split())) if quoted else ()
        return cls(norm, tuple(norm.split()), elided, None, ranges)

    @property
    def quoted_text(self) -> str | None:
        """``quoted`` as stored ("3-17 20-22"), None when the speaker quotes nobody."""
        return " ".join(f"{i}-{j}" for i, j in self.quoted) if self.quoted else None

    def own(self) -> Wording:
        """The speaker's own words: those quoted from someone else left out, as by an ellipsis."""
        if not self.quoted:
            return self
        words = tuple(w for k, w in enumerate(self.words) if not any(i <= k < j for i, j in self.quoted))
        return Wording(" ".join(words), words, True, self.speaker)


def quoted_words(text: str, nested: tuple[tuple[int, int], ...], words: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """The word ranges of ``words`` (``text`` normalised) that the ``nested`` character spans hold.

    Each piece between the spans' edges is normalised apart (the edges are quote marks, which split
    words anyway); when the pieces do not add up to ``words`` (an ellipsis or insertion across an
    edge), nothing is taken as quoted.
    """
    if not nested:
        return ()
    ranges: list[tuple[int, int]] = []
    found: list[str] = []
    at = 0
    for start, end in sorted(nested):
        if start < at or end > len(text):
            return ()
        found += normalize(without_insertions(text[at:start])).split()
        inner = normalize(without_insertions(text[start:end])).split()
        if inner:
            ranges.append((len(found), len(found) + len(inner)))
        found += inner
        at = end
    found += normalize(without_insertions(text[at:])).split()
    return tuple(ranges) if tuple(found) == words else ()


def split_words(norm: str) -> tuple[str, ...]:
    """The words of a normalised wording, each held once however many wordings use it (a million
    wordings share a vocabulary of tens of thousands: a third less memory for the clusterer)."""
    return tuple(map(sys.intern, norm.split()))


def speaker_key(speaker: str | None) -> str | None:
    return " ".join(speaker.lower().split()) if speaker else None


def score(a: Wording, b: Wording, *, contain_from: int = CONTAIN_WORDS, cutoff: float = 0.0) -> float:
    """The best of whole-text, containment and (for elided quotes) in-order word coverage.

    Containment counts only when the shorter wording has ``contain_from`` words: three words are found
    inside many sentences, so callers allow that only with other evidence (one speaker, one occasion).
    Scores under ``cutoff`` may come back as 0 (rapidfuzz stops early: callers that only compare with
    a threshold pass it).
    """
    if not a.norm or not b.norm:
        return 0.0
    if a.norm == b.norm:
        return 100.0
    best = fuzz.ratio(a.norm, b.norm, score_cutoff=cutoff)
    short, long = (a, b) if len(a.norm) <= len(b.norm) else (b, a)
    if len(short.words) >= contain_from:
        # partial_ratio aligns the shorter text inside the longer one: a truncated quote scores ~100.
        best = max(best, contained(short.norm, long.norm, max(cutoff, best)))
        if short.elided or long.elided or transcribed(short, long):
            shared = LCSseq.similarity(short.words, long.words)
            best = max(best, 100.0 * shared / len(short.words))
    return float(best)


# Endings one report's transcription adds to a word of another's ("extremely careless" / "extreme
# careless"): two tiny quotes by one person differing only by these are one wording.
INFLECTIONS = frozenset(["s", "es", "d", "ed", "ing", "ly", "y"])
STEM_CHARS = 4  # the shorter word keeps at least this many letters


def inflected(a: Wording, b: Wording) -> bool:
    """The same words, one by one, up to an ending (``INFLECTIONS``)."""
    if len(a.words) != len(b.words):
        return False
    for x, y in zip(a.words, b.words, strict=True):
        short, long = sorted((x, y), key=len)
        if x != y and not (len(short) >= STEM_CHARS and long.startswith(short) and long[len(short):] in INFLECTIONS):
            return False
    return True


def verbatim(a: Wording, b: Wording) -> bool:
    """Every word of the shorter wording stands, in order, in the other (the same words, or a cut of
    them with words left out): word for word what the other reports, not a paraphrase."""
    short, long = (a, b) if len(a.words) <= len(b.words) else (b, a)
    return bool(short.words) and LCSseq.similarity(short.words, long.words) == len(short.words)


def contained(short: str, long: str, cutoff: float) -> float:
    """``fuzz.partial_ratio(short, long, score_cutoff=cutoff)``, without aligning when it cannot reach ``cutoff``.

    Every window of ``long`` is a part of it, so it shares at most ``common`` (the longest common
    subsequence of the two texts) characters with ``short``, and its ratio, 200 * shared / (len(short)
    + len(window)), is at most 200 * common / (len(short) + common). That bound takes a fraction of
    the alignment's time and rules out most pairs that share a blocking key but not their words.
    """
    common = LCSseq.similarity(short, long)
    if 200.0 * common / (len(short) + common) < cutoff - BOUND_SLACK:
        return 0.0  # what partial_ratio returns under its cutoff
    return float(fuzz.partial_ratio(short, long, score_cutoff=cutoff))


def overlap(a: Wording, b: Wording, run: int = OVERLAP_WORDS) -> float:
    """OVERLAP_SCORE when one wording ends with a run of ``run`` words the other starts with
    (within END_SLACK words of either edge), else 0. Two quotes opening alike and going on
    differently are not two cuts of one passage."""
    if min(len(a.words), len(b.words)) < run:
        return 0.0
    for op in LCSseq.opcodes(a.words, b.words):
        if op.tag != "equal" or op.src_end - op.src_start < run:
            continue
        if (op.src_end >= len(a.words) - END_SLACK and op.dest_start <= END_SLACK) or (
            op.dest_end >= len(b.words) - END_SLACK and op.src_start <= END_SLACK
        ):
            return OVERLAP_SCORE
    return 0.0


def extend(whole: Wording, part: Wording) -> Wording:
    """The passage ``whole`` with the words ``part`` quotes before its start or after its end (two
    outlets' cuts of one passage, overlapping): a later cut of either end then fits the passage."""
    equal = [op for op in LCSseq.opcodes(whole.words, part.words) if op.tag == "equal"]
    if not equal:
        return whole
    first, last = equal[0], equal[-1]
    before = part.words[: first.dest_start] if first.src_start <= END_SLACK else ()
    after = part.words[last.dest_end :] if last.src_end >= len(whole.words) - END_SLACK else ()
    if not before and not after:
        return whole
    words = (*before, *whole.words, *after)
    quoted = tuple((i + len(before), j + len(before)) for i, j in whole.quoted)
    return Wording(" ".join(words), words, whole.elided, whole.speaker, quoted)


def transcribed(short: Wording, long: Wording) -> bool:
    """Long enough, and close enough in length, to compare as two transcriptions word by word."""
    return len(short.words) >= VARIANT_WORDS and len(short.words) >= VARIANT_SHARE * len(long.words)


def same_statement(a: Wording, b: Wording) -> bool:
    """The clustering policy: similar enough, and short generic quotes only for the same speaker."""
    words = min(len(a.words), len(b.words))
    same_speaker = a.speaker is not None and a.speaker == b.speaker
    if words < TINY_WORDS:
        return same_speaker and a.norm == b.norm
    if words < SHORT_WORDS and not same_speaker:
        return False
    return score(a, b) >= THRESHOLD
