"""Normalisation, fuzzy matching and incremental clustering of quote wordings (the only rapidfuzz importer).

Two wordings are one statement when their normalised texts are close (``ratio``), when one is
contained in the other (truncation, ``partial_ratio``), or when an elided quote's words all appear
in order in the other (ellipsis, token LCS). Candidates are found by blocking, never by comparing
every pair: each wording yields a few *keys* (winnowed hashes of content-word bigrams) and only
clusters sharing a key are scored, so cost grows near-linearly with the number of occurrences.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from .words import STOPWORDS

THRESHOLD = 86.0  # tuned on benchmarks/dedup.py: variants score >= 88, distinct siblings <= 80
SHORT_WORDS = 6  # quotes shorter than this are generic ("This is unacceptable") and need the same speaker
TINY_WORDS = 3  # below this only exact normalised equality (and the same speaker) joins
CONTAIN_WORDS = 4  # containment/ellipsis matching needs this many words in the shorter wording
WINDOW = 3  # winnowing window: any shared run of WINDOW + 1 content words shares a key
MAX_CANDIDATES = 8  # clusters scored per new wording, most shared keys first
MAX_VARIANTS = 16  # distinct wordings kept for matching per cluster: enough to represent it, bounded cost


def _words(text: str) -> list[str]:
    """Word lists written as one string (readable, and cheaper to maintain than a list literal)."""
    return text.split()


_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…|\[\s*\.\.\.\s*\]")
_APOSTROPHE = re.compile(r"(?<=\w)['’‘ʼ`´](?=\w)")
_NON_WORD = re.compile(r"[^\w]+|_")


def normalize(text: str) -> str:
    """Case-, mark-, punctuation-, spacing- and spelling-insensitive form of a wording; ellipses removed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _ELLIPSIS.sub(" ", text.lower())
    text = _APOSTROPHE.sub("", text)  # "don't" and "dont" are one word
    words = _NON_WORD.sub(" ", text).split()
    return " ".join(americanize(word) for word in words)


# British -> American: whole words first, then suffix rules limited to known stems so that
# "hour", "four", "promise" or "wise" are left alone.
_WORDS: dict[str, str] = dict(
    pair.split(":", 1)
    for pair in _words(
        "defence:defense offence:offense licence:license pretence:pretense programme:program "
        "programmes:programs catalogue:catalog centre:center centres:centers centred:centered "
        "metre:meter metres:meters theatre:theater litre:liter fibre:fiber calibre:caliber "
        "sombre:somber spectre:specter meagre:meager manoeuvre:maneuver manoeuvres:maneuvers "
        "grey:gray tyre:tire tyres:tires cheque:check cheques:checks jewellery:jewelry "
        "aluminium:aluminum mould:mold plough:plow sceptical:skeptical sceptic:skeptic whilst:while "
        "amongst:among judgement:judgment ageing:aging analyse:analyze analysed:analyzed "
        "analyses:analyzes analysing:analyzing paralyse:paralyze paralysed:paralyzed enrol:enroll "
        "fulfil:fulfill instil:instill paediatric:pediatric anaesthetic:anesthetic "
        "encyclopaedia:encyclopedia foetus:fetus oestrogen:estrogen mediaeval:medieval "
        "draught:draft storey:story kerb:curb pyjamas:pajamas"
    )
)
_OUR = re.compile(
    r"^(colo|hono|labo|favo|behavio|neighbo|harbo|humo|rumo|vigo|endeavo|armo|flavo|savo|odo|valo|"
    r"parlo|splendo|clamo|rigo|fervo|ardo|tumo|cando)ur"
)
_LL = re.compile(
    r"^(travel|cancel|label|model|fuel|signal|total|channel|level|marshal|counsel|quarrel|dial|duel|"
    r"equal|jewel|rival|tunnel|pencil|shovel|libel|panel|impanel|worshipp?)l(ed|ing|er|ers)$"
)
_ISE = re.compile(r"^(\w{3,}?)(is)(e|es|ed|ing|ation|ations|er|ers)$")
_ISE_KEEP = frozenset(
    _words(
        "advise advised advises advising apprise arise compromise compromised comprise comprised "
        "despise devise devised disguise enterprise exercise exercised franchise improvise "
        "merchandise premise promise promised promises promising raise raised raises raising revise "
        "revised supervise supervised surprise surprised surprises surprising televise televised "
        "treatise cruise praise praised precise concise expertise otherwise clockwise likewise "
        "noise poise bruise chaise paradise demise excise incise circumcise guise anise porpoise "
        "tortoise turquoise mortise valise reprise rise rises risen wise"
    )
)


def americanize(word: str) -> str:
    """American spelling of a lower-case British word (unknown words come back unchanged)."""
    if word in _WORDS:
        return _WORDS[word]
    if _OUR.match(word):
        return _OUR.sub(lambda m: m.group(1) + "r", word)
    if _LL.match(word):
        return _LL.sub(lambda m: m.group(1) + m.group(2), word)
    if word not in _ISE_KEEP and _ISE.match(word):
        return _ISE.sub(lambda m: m.group(1) + "iz" + m.group(3), word)
    return word


def has_ellipsis(text: str) -> bool:
    return _ELLIPSIS.search(text) is not None


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

    @classmethod
    def of(cls, text: str, speaker: str | None = None) -> Wording:
        norm = normalize(text)
        return cls(norm, tuple(norm.split()), has_ellipsis(text), speaker_key(speaker))


def speaker_key(speaker: str | None) -> str | None:
    return " ".join(speaker.lower().split()) if speaker else None


def score(a: Wording, b: Wording) -> float:
    """The best of whole-text, containment and (for elided quotes) in-order word coverage."""
    if not a.norm or not b.norm:
        return 0.0
    if a.norm == b.norm:
        return 100.0
    best = fuzz.ratio(a.norm, b.norm)
    short, long = (a, b) if len(a.norm) <= len(b.norm) else (b, a)
    if len(short.words) >= CONTAIN_WORDS:
        # partial_ratio aligns the shorter text inside the longer one: a truncated quote scores ~100.
        best = max(best, fuzz.partial_ratio(short.norm, long.norm))
        if short.elided or long.elided:
            shared = LCSseq.similarity(short.words, long.words)
            best = max(best, 100.0 * shared / len(short.words))
    return float(best)


def same_statement(a: Wording, b: Wording) -> bool:
    """The clustering policy: similar enough, and short generic quotes only for the same speaker."""
    words = min(len(a.words), len(b.words))
    same_speaker = a.speaker is not None and a.speaker == b.speaker
    if words < TINY_WORDS:
        return same_speaker and a.norm == b.norm
    if words < SHORT_WORDS and not same_speaker:
        return False
    return score(a, b) >= THRESHOLD


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


# -- speakers' names --------------------------------------------------------------------------------

# Words that may precede a name without making it another person ("President Putin").
_HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "dr", "sir", "president", "prime", "minister", "pm", "gen", "general"]
)
_POSSESSIVE = re.compile(r"['’]s\b")


def name_tokens(name: str) -> list[str]:
    """Case-, mark- and apostrophe-insensitive words of a name, leading honorifics dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", text))  # "Putin's" -> putin, "O'Brien" = "OBrien"
    tokens = re.findall(r"\w+", text)
    while len(tokens) > 1 and tokens[0] in _HONORIFICS:
        tokens = tokens[1:]
    return tokens


def same_person(a: str, b: str) -> bool:
    """Lenient name match: same surname, and the other names agree (an initial matches a name).

    "Medvedev" = "Dmitry Medvedev" = "D. Medvedev", but "Hillary Clinton" != "Bill Clinton".
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    short, long = (ta[:-1], tb[:-1]) if len(ta) <= len(tb) else (tb[:-1], ta[:-1])
    return all(any(_same_given_name(s, t) for t in long) for s in short)


def _same_given_name(a: str, b: str) -> bool:
    """Equal, or one is the other's initial (either way round: the relation must be symmetric)."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def fullness(name: str) -> tuple[int, int, str]:
    """Sort key putting the fullest form of a name first: most words, then longest, then by text."""
    return (-len(name_tokens(name)), -len(name), name)


def merge_names(names: Iterable[str]) -> list[tuple[str, int]]:
    """(name, count) with names of one person merged under the fullest, most common first.

    Ties keep the order of first appearance. A name that matches several different people
    ("Clinton" with "Bill Clinton" and "Hillary Clinton") is ambiguous and stays on its own.
    """
    given = [name for name in names if name]
    label_of = name_labels(given)
    counts: Counter[str] = Counter()
    for name in given:  # Counter keeps insertion order: first appearance decides ties below
        counts[label_of[name]] += 1
    return sorted(counts.items(), key=lambda item: -item[1])


def name_labels(names: Iterable[str]) -> dict[str, str]:
    """Each name -> the fullest name of its person; an ambiguous name is its own label."""
    labels: list[str] = []
    label_of: dict[str, str] = {}
    for name in sorted(set(names), key=fullness):
        matches = [label for label in labels if same_person(label, name)]
        label_of[name] = matches[0] if len(matches) == 1 else name
        if len(matches) != 1:
            labels.append(name)
    return label_of
