"""Provenance verdicts: are these words in the store, in these words, from this speaker?

``verify`` asks the store for candidate clusters, ``judge`` scores them against the
checked text and decides the verdict (pure: it works on hand-made ``Cluster`` records),
and ``recheck`` slices every cited article at the stored offsets so that a verdict
never rests on a quote text that the article does not actually contain.
Presentation (the plain report, the JSON object, ``show``'s history) is in
``verify_report``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Literal, Protocol

from quotes.errors import QueryError
from quotes.models import Cluster, Occurrence
from quotes.statements import merge_names, normalize, one_of, people, same_person, similarity  # one name matcher
from quotes.text import order_key

Verdict = Literal["verbatim", "variant", "misattributed", "disputed", "not_found"]
RecheckStatus = Literal["ok", "mismatch", "missing"]

# Below this dedup.similarity a stored quote is another statement. dedup clusters at 86; a
# checker gets a little more slack because people retype and paraphrase quotes they check.
MATCH_THRESHOLD = 80.0
MAX_MATCHES = 5
CANDIDATES = 50
_EDITORIAL = re.compile(r"\[[^\]]*\]")  # "we [Russia] have": the bracketed words are the reporter's
_ELLIPSIS = re.compile(r"\[\s*(?:…|\.\s*\.\s*\.)\s*\]|…|\.\s*\.\s*\.")


class VerifyStore(Protocol):
    """The part of ``quotes.store.Store`` that verification needs (kept structural: no sqlite import)."""

    def candidates(self, text: str, limit: int = ...) -> list[Cluster]: ...

    def cluster(self, cluster_id: str) -> Cluster: ...

    def article_text(self, content_hash: str) -> str | None: ...


@dataclass(frozen=True, kw_only=True)
class Match:
    """A stored statement close to the checked text."""

    cluster: Cluster
    score: float  # best dedup.similarity of the checked text to any wording (100 if contained)
    verbatim: bool  # the checked words stand, in order, in at least one wording
    nearest: Occurrence | None  # the wording closest to the checked text
    supporting: tuple[Occurrence, ...]  # the occurrences whose wording matches


@dataclass(frozen=True, kw_only=True)
class Recheck:
    """The stored article text at an occurrence's offsets, compared with the occurrence text."""

    occurrence: Occurrence
    status: RecheckStatus
    found: str | None = None  # what the article has at the offsets, when it differs


@dataclass(frozen=True, kw_only=True)
class Verification:
    query: str
    speaker: str | None  # the speaker the user asked about
    verdict: Verdict
    verbatim: bool  # the words themselves stand (whatever the speaker verdict)
    matches: tuple[Match, ...]
    speakers: tuple[tuple[str, int], ...]  # speakers the sources give, lenient names merged
    rechecks: tuple[Recheck, ...] = ()

    @property
    def failed_rechecks(self) -> tuple[Recheck, ...]:
        return tuple(r for r in self.rechecks if r.status != "ok")


def verify(
    store: VerifyStore, text: str, *, speaker: str | None = None, limit: int = MAX_MATCHES
) -> Verification:
    """Verdict on ``text`` (and ``speaker``) against the store, every cited offset re-checked."""
    check_query(text)
    clusters = [with_occurrences(store, c) for c in store.candidates(text, limit=CANDIDATES)]
    result = judge(text, clusters, speaker=speaker, limit=limit)
    return replace(result, rechecks=recheck(result.matches, store.article_text))


def check_query(text: str) -> None:
    if not normalize(text):
        raise QueryError(f"nothing to verify in {text!r}; give the words of the quote: quotes verify 'words'")


def with_occurrences(store: VerifyStore, cluster: Cluster) -> Cluster:
    """Search results may come without occurrences; verification needs every wording."""
    return cluster if cluster.occurrences else store.cluster(cluster.cluster_id)


def judge(
    text: str, clusters: Iterable[Cluster], *, speaker: str | None = None, limit: int = MAX_MATCHES
) -> Verification:
    """The verdict on ``text`` given candidate clusters (with their occurrences)."""
    check_query(text)
    scored = (match_cluster(text, cluster) for cluster in clusters)
    matches = sorted((m for m in scored if m.score >= MATCH_THRESHOLD), key=rank)[:limit]
    # Speaker evidence: the clusters holding the exact words if any, else every close one.
    evidence = [m for m in matches if m.verbatim] or matches
    names = merged_speakers(o for m in evidence for o in m.supporting)
    verdict = decide(bool(matches), any(m.verbatim for m in matches), persons(names), speaker)
    return Verification(
        query=text,
        speaker=speaker,
        verdict=verdict,
        verbatim=bool(evidence) and evidence[0].verbatim,
        matches=tuple(matches),
        speakers=tuple(names.most_common()),
    )


def rank(match: Match) -> tuple[bool, float, str]:
    return (not match.verbatim, -match.score, match.cluster.cluster_id)


def decide(found: bool, verbatim: bool, names: Counter[str], speaker: str | None) -> Verdict:
    """Speaker problems outrank wording: a verbatim quote given to the wrong person is misattributed.

    ``names`` are the people the sources give (``persons``): a description beside a name ("the
    Republican nominee" beside "Donald Trump") reports who spoke, it is no second speaker. People named
    together ("Bob Goodlatte and Trey Gowdy") said the words each (``one_of``)."""
    if not found:
        return "not_found"
    if speaker and names and not any(one_of(speaker, name) for name in names):
        return "misattributed"
    if len(names) > 1:
        return "disputed"
    return "verbatim" if verbatim else "variant"


def match_cluster(text: str, cluster: Cluster) -> Match:
    """Score every wording of a cluster; keep the nearest one and those that match."""
    parts = fragments(text)
    joined = " ".join(" ".join(p) for p in parts)
    scored: list[tuple[float, bool, Occurrence]] = []
    for occ in cluster.occurrences:
        if stands_in(occ.text, parts):
            scored.append((100.0, True, occ))
        else:
            scored.append((similarity(joined, occ.text), False, occ))
    if not scored:  # a cluster without occurrences can only be judged on its canonical text
        verbatim = contains(normalize(cluster.text).split(), parts)
        return Match(cluster=cluster, score=100.0 if verbatim else similarity(joined, cluster.text),
                     verbatim=verbatim, nearest=None, supporting=())
    words = [w for p in parts for w in p]
    # ties (a truncated and a full wording can both score 100) go to the wording closest word for word
    best = max(scored, key=lambda s: (s[1], s[0], closeness(words, s[2].text)))
    # An occurrence with the words only inside what its speaker quotes from someone else finds them,
    # but is no evidence that its speaker said them (Trump's tweet quoting Comey).
    supporting = tuple(o for score, exact, o in scored
                       if (exact or (not best[1] and score >= MATCH_THRESHOLD)) and not quotes_them(o, parts))
    return Match(cluster=cluster, score=best[0], verbatim=best[1], nearest=best[2], supporting=supporting)


def quotes_them(occ: Occurrence, parts: Sequence[Sequence[str]]) -> bool:
    """The checked words stand in a quotation inside the occurrence (``Occurrence.nested``: Trump's
    tweet quoting Comey's "extremely careless"), not in its speaker's own words around it."""
    if not any(stands_in(occ.text[start:end], parts) for start, end in occ.nested):
        return False
    edges = [0, *(at for span in occ.nested for at in span), len(occ.text)]
    return not any(stands_in(occ.text[at:end], parts) for at, end in zip(edges[::2], edges[1::2], strict=True))


def stands_in(stored: str, parts: Sequence[Sequence[str]]) -> bool:
    """The checked words are in the stored wording, with or without its editorial [insertions]."""
    if contains(normalize(stored).split(), parts):
        return True
    bare = _EDITORIAL.sub(" ", stored)
    return bare != stored and contains(normalize(bare).split(), parts)


def closeness(words: list[str], text: str) -> float:
    return SequenceMatcher(None, words, normalize(text).split(), autojunk=False).ratio()


def fragments(text: str) -> list[list[str]]:
    """The normalised words of each stretch between ellipses ("A … B" must match A, then B)."""
    parts = (normalize(part).split() for part in _ELLIPSIS.split(text))
    return [p for p in parts if p]


def contains(words: Sequence[str], parts: Sequence[Sequence[str]]) -> bool:
    """Every fragment occurs as a run of whole words in ``words``, in order."""
    pos = 0
    for part in parts:
        size = len(part)
        starts = range(pos, len(words) - size + 1)
        hit = next((i for i in starts if list(words[i : i + size]) == list(part)), None)
        if hit is None:
            return False
        pos = hit + size
    return bool(parts)


# -- speakers -------------------------------------------------------------------------------------


def merged_speakers(occurrences: Iterable[Occurrence]) -> Counter[str]:
    """Speaker counts, names of one person merged under the fullest ("Medvedev" -> "Dmitry Medvedev");
    the rule is the store's own (``dedup.merge_names``), so reports and clusters agree."""
    return Counter(dict(merge_names(o.speaker for o in occurrences if o.speaker)))


def persons(names: Counter[str]) -> Counter[str]:
    """The merged speakers that can dispute each other: the people named, the descriptions only when
    nobody is named (``statements.people``, the rule of the clusters' own speakers)."""
    return Counter(dict(people(names.most_common())))


def main_speaker(occurrences: Sequence[Occurrence]) -> tuple[str | None, str | None, str | None]:
    """(name, role, earliest date said) of the speaker most sources give, from the occurrences themselves."""
    names = persons(merged_speakers(occurrences))
    if not names:
        return None, None, None
    name = names.most_common(1)[0][0]
    own = [o for o in occurrences if speaker_of(o, names) == name]
    roles = Counter(o.role for o in own if o.role)
    dates = sorted((o.date for o in own if o.date), key=order_key)
    return name, roles.most_common(1)[0][0] if roles else None, dates[0] if dates else None


def speaker_of(occ: Occurrence, names: Iterable[str]) -> str | None:
    """The merged name (one of ``names``, from ``merged_speakers``) an occurrence's speaker counts under."""
    if not occ.speaker:
        return None
    labels = list(names)
    if occ.speaker in labels:
        return occ.speaker  # a label itself, also when ambiguous ("Clinton" beside two Clintons)
    return next((n for n in labels if same_person(n, occ.speaker)), occ.speaker)


# -- re-checking offsets --------------------------------------------------------------------------


def recheck(matches: Iterable[Match], article_text: Callable[[str], str | None]) -> tuple[Recheck, ...]:
    """Slice each cited article at the stored offsets; the result must be the stored quote text."""
    texts: dict[str, str | None] = {}
    results: list[Recheck] = []
    for match in matches:
        for occ in match.cluster.occurrences:
            if occ.content_hash not in texts:
                texts[occ.content_hash] = article_text(occ.content_hash)
            results.append(recheck_one(occ, texts[occ.content_hash]))
    return tuple(results)


def recheck_one(occ: Occurrence, article: str | None) -> Recheck:
    if article is None:
        return Recheck(occurrence=occ, status="missing")
    found = article[occ.start : occ.end]
    if found == occ.text:
        return Recheck(occurrence=occ, status="ok")
    return Recheck(occurrence=occ, status="mismatch", found=found)


# -- dates and diffs ------------------------------------------------------------------------------


def by_date(occurrences: Iterable[Occurrence]) -> list[Occurrence]:
    return sorted(occurrences, key=lambda o: (order_key(o.published), o.outlet or "", o.doc))


def first_seen(occurrences: Iterable[Occurrence]) -> Occurrence | None:
    ordered = by_date(occurrences)
    return ordered[0] if ordered else None


def show_date(value: str | None) -> str:
    """A date as known: a year-less date stays year-less, never with an invented year."""
    if not value:
        return "undated"
    return f"{value} (year unknown)" if value.startswith("--") else value


DiffKind = Literal["same", "removed", "added", "elided"]
_DIFF_MARKS = {"same": "{}", "removed": "[-{}-]", "added": "{{+{}+}}", "elided": "{}"}


def word_diff(old: str, new: str, *, trim_ends: bool = False) -> str:
    """Word-level diff of two wordings as ``[-old-] {+new+}``; marks, case and spacing do not count.

    With ``trim_ends`` the stored words before and after the checked stretch show as ``…``:
    a shortened quote is not a changed one.
    """
    return " ".join(_DIFF_MARKS[kind].format(words) for kind, words in diff_segments(old, new, trim_ends=trim_ends))


def diff_segments(old: str, new: str, *, trim_ends: bool = False) -> list[tuple[DiffKind, str]]:
    """``word_diff`` as (kind, words) pieces: words both share (``same``), only ``old`` has
    (``removed``), only ``new`` has (``added``), and ``…`` for stored words not quoted (``elided``)."""
    a, b = old.split(), new.split()
    lo, hi = aligned_window(a, b) if trim_ends else (0, len(a))
    keys_a, keys_b = [normalize(w) for w in a[lo:hi]], [normalize(w) for w in b]
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    out: list[tuple[DiffKind, str]] = [("elided", "…")] if lo > 0 else []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("same", " ".join(b[j1:j2])))
            continue
        if i2 > i1:
            out.append(("removed", " ".join(a[lo + i1 : lo + i2])))
        if j2 > j1:
            out.append(("added", " ".join(b[j1:j2])))
    if hi < len(a):
        out.append(("elided", "…"))
    return out


def aligned_window(a: list[str], b: list[str]) -> tuple[int, int]:
    """The stretch of stored words ``a`` that the shorter wording ``b`` corresponds to.

    From the first to the last matching word, widened by as many words as ``b`` has
    unmatched at either end, so a changed last word still shows as a change.
    """
    matcher = SequenceMatcher(None, [normalize(w) for w in a], [normalize(w) for w in b], autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    if not blocks:
        return 0, len(a)
    first, last = blocks[0], blocks[-1]
    lo = max(0, first.a - first.b)
    hi = min(len(a), last.a + last.size + (len(b) - last.b - last.size))
    return lo, hi
