"""Which paragraphs of an article the NLP pipeline must read to attribute its quotes.

Parsing is most of the time spent on an article, and most paragraphs hold no quote. The pipeline
reads the paragraphs holding a quote mark and, found by string matching alone, the context their
attribution can reach (``needed_paragraphs``); every other paragraph is blanked to spaces, newlines
kept, so every offset stays valid and the rules run unchanged over what was parsed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from quotes.errors import ModelError
from quotes.text import STOPWORDS, QuoteSpan


@dataclass(frozen=True, kw_only=True)
class Focus:
    """How much context is parsed around the quote paragraphs (``FULL``: everything)."""

    everything: bool = False
    lead: int = 2  # the first paragraphs: dateline, the scene set for the story's first quotes
    before: int = 1  # paragraphs before a quote paragraph (pronoun and description antecedents)
    after: int = 1  # paragraphs after one (a clause naming the speaker of the words just quoted)
    names: str = "all"  # "all" / "first" / "none": earlier paragraphs naming a name a quote paragraph names
    needed_only: bool = False  # the paragraph before / after only where the quote paragraph's own words need it
    names_outside: bool = False  # names looked up only from the words outside the quotes
    times: bool = False  # paragraphs before the last quote that write a time (the scene set for later quotes)


FOCUS_ENV = "QUOTES_FOCUS"
PRESETS = {
    "full": Focus(everything=True),
    "wide": Focus(lead=2, before=1, after=1, names="all"),
    "timed": Focus(lead=1, needed_only=True, names="all", names_outside=True, times=True),
    "named": Focus(lead=1, needed_only=True, names="all", names_outside=True),
    "near": Focus(lead=1, needed_only=True, names="first", names_outside=True),
    "lines": Focus(lead=0, before=0, after=0, names="none"),
}
DEFAULT = "full"


def chosen_focus(name: str | None = None) -> Focus:
    """The preset named by the argument, else ``$QUOTES_FOCUS``, else ``DEFAULT``."""
    name = name or os.environ.get(FOCUS_ENV) or DEFAULT
    if name not in PRESETS:
        raise ModelError(f"{FOCUS_ENV}={name!r} names no focus preset; use one of {', '.join(PRESETS)}")
    return PRESETS[name]

NAME_RE = re.compile(r"\b[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*")
NOT_NAMES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms", "dr",
})


def needed_paragraphs(text: str, paragraphs: list[tuple[int, int]], spans: list[QuoteSpan],
                      focus: Focus) -> list[int]:
    """Indices of the paragraphs to parse, in order: the quote paragraphs and their context."""
    if focus.everything:
        return list(range(len(paragraphs)))
    quoted = sorted({s.paragraph for s in spans})
    keep = set(quoted) | set(range(min(focus.lead, len(paragraphs))))
    outside = {p: outside_quotes(text, paragraphs[p], [s for s in spans if s.paragraph == p]) for p in quoted}
    for p in quoted:
        own = outside[p]
        names, pronoun = name_words(own), PRONOUN_RE.search(own) is not None
        if not focus.needed_only or pronoun or not names or DESCRIPTION_RE.search(own):
            keep.update(range(max(0, p - focus.before), p))
        if not focus.needed_only or (not names and not pronoun):
            keep.update(range(p + 1, min(len(paragraphs), p + focus.after + 1)))
    if focus.times and quoted:
        keep.update(i for i in range(quoted[-1]) if TIME_RE.search(text, *paragraphs[i]))
    if focus.names != "none":
        sources = {p: (outside[p] if focus.names_outside and p in outside else text[slice(*paragraphs[p])])
                   for p in sorted(keep)}
        keep |= naming_paragraphs(text, paragraphs, sources, first_only=focus.names == "first")
    return sorted(keep)


TIME_RE = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|1[89]\d\d|20\d\d|yesterday|today"
    r"|tonight|tomorrow|morning|afternoon|evening|night|week|month|year|weekend|ago|earlier|later|time)\b",
    re.IGNORECASE,
)
PRONOUN_RE = re.compile(r"\b(he|she|his|her|they|[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Tt]hey)\b")
DESCRIPTION_RE = re.compile(r"\b[Tt]he [a-z]+\b")


def outside_quotes(text: str, bounds: tuple[int, int], spans: list[QuoteSpan]) -> str:
    """The paragraph's words outside its quotes (where the attributing clause is)."""
    start, end = bounds
    parts, at = [], start
    for span in spans:
        parts.append(text[at : max(at, span.open_at)])
        at = max(at, (span.close_at + 1) if span.close_at is not None else span.end)
    parts.append(text[at:end])
    return " ".join(parts)


def naming_paragraphs(text: str, paragraphs: list[tuple[int, int]], kept: dict[int, str], *,
                      first_only: bool) -> set[int]:
    """Paragraphs that write a capitalised word a kept one writes ("Rogozin" finds "Deputy Prime
    Minister Dmitry Rogozin" three paragraphs up): the first such, or all."""
    words_of = [name_words(text[s:e]) for s, e in paragraphs]
    first_at: dict[str, int] = {}
    for i, words in enumerate(words_of):
        for word in words:
            first_at.setdefault(word, i)
    found: set[int] = set()
    for p, source in kept.items():
        for word in name_words(source):
            if first_only:
                found.add(first_at.get(word, p))
            else:  # a role is also read from a later mention when none is written before the quote
                found.update(i for i in range(first_at.get(word, p), len(paragraphs)) if word in words_of[i])
    return found


def name_words(paragraph: str) -> set[str]:
    return {w for w in NAME_RE.findall(paragraph) if w.lower() not in STOPWORDS and w.lower() not in NOT_NAMES}


def blank_outside(text: str, paragraphs: list[tuple[int, int]], keep: list[int]) -> str:
    """``text`` with every paragraph not in ``keep`` blanked to spaces (newlines kept)."""
    if len(keep) == len(paragraphs):
        return text
    chars = list(text)
    kept = set(keep)
    for i, (start, end) in enumerate(paragraphs):
        if i not in kept:
            chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    return "".join(chars)
