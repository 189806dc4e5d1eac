"""Long articles in windows: peak memory bounded by the window, not by the article.

An article longer than ``WINDOW_CHARS`` is cut between body paragraphs (never inside a quote that
runs over several paragraphs; a paragraph longer than a window between its sentences, outside its
quotes) into windows of about ``WINDOW_CHARS`` characters. Each window is
parsed, resolved and released before the next. Around the paragraphs whose quotes it reports (its
own), a window's text also holds, as context whose quotes are not reported:

- the paragraphs just before and after its own (``CONTEXT_BEFORE``, ``CONTEXT_AFTER``): the
  previous speakers that pronouns and continued quotes refer to, attributions in the next line;
- earlier paragraphs that write in full a name the window uses (``INTRO_CHARS`` at most): "Lopez"
  in the window is "Maria Lopez" named three windows back, with the role written there.

Offsets in the results point into the whole article; the publication date is read from the whole
article, so dates said in any window see it. Planning is pure text (``plan``); only
``analyse_windowed`` parses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from quotes.errors import InputError
from quotes.extract.dates import find_publication_date
from quotes.models import Article, Extraction, Quote
from quotes.text import QuoteSpan, article_body, find_spans

if TYPE_CHECKING:
    from spacy.language import Language

# Characters of own paragraphs per window: at about 3.4 KiB of parse per character, a window of
# this size and its context peak near 0.6 GiB (benchmarks/memory.py).
WINDOW_CHARS = 100_000
CONTEXT_BEFORE = 4_000  # characters of paragraphs before a window's own, at least
CONTEXT_AFTER = 1_500  # and after them
INTRO_CHARS = 20_000  # at most, of earlier paragraphs naming in full the people a window names
INTRO_PER_NAME = 4  # earlier paragraphs per surname: the first with each distinct first word
SEPARATOR = "\n\n"
WORD_RE = re.compile(r"\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\b")
SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“A-Z])")
FULL_NAME_RE = re.compile(r"(?=\b([A-Z][a-z]+|[A-Z]\.) ([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*)\b)")

Bounds = tuple[int, int]


@dataclass(frozen=True, kw_only=True)
class Window:
    """One window: the paragraphs whose quotes it reports, and the text it parses."""

    own: Bounds  # article offsets: from its first own paragraph's start to its last one's end
    pieces: tuple[Bounds, ...]  # article slices parsed, in order, joined by ``SEPARATOR``


def plan(text: str, size: int = WINDOW_CHARS) -> list[Window]:
    """The windows of ``text``: one when the body fits in ``size`` characters."""
    body = article_body(text)
    paras = list(body.paragraphs)
    if not paras or paras[-1][1] - paras[0][0] <= size:
        return [Window(own=(0, len(text)), pieces=((0, len(text)),))]
    spans = find_spans(body.masked, paras)
    units = [unit for index, bounds in enumerate(paras) for unit in sentences(body.masked, bounds, index, spans, size)]
    carried_on = {paras[span.paragraph + 1][0] for span in spans if span.continues}
    cuts = {i for i, (start, _) in enumerate(units) if start not in carried_on} | {len(units)}
    intros = introductions(body.masked, units)
    windows = []
    for first, last in group(units, cuts, size):
        before = reach_back(units, cuts, first, CONTEXT_BEFORE)
        after = reach_on(units, cuts, last + 1, CONTEXT_AFTER) - 1
        region = (units[before][0], units[after][1])
        named = intro_paragraphs(body.masked, region, units, intros, (before, after))
        earlier = tuple(units[i] for i in named if i < before)
        later = tuple(units[i] for i in named if i > after)
        windows.append(Window(own=(units[first][0], units[last][1]), pieces=(*earlier, region, *later)))
    return windows


def sentences(masked: str, bounds: Bounds, index: int, spans: list[QuoteSpan], size: int) -> list[Bounds]:
    """The paragraph as it is, or, when longer than ``size``, cut after sentences outside its quotes
    into pieces of ``size`` characters at most."""
    start, end = bounds
    if end - start <= size:
        return [bounds]
    quoted = [(s.open_at, s.close_at if s.close_at is not None else s.end) for s in spans if s.paragraph == index]
    ends = [m.end() for m in SENTENCE_END.finditer(masked, start, end) if not any(a < m.end() <= b for a, b in quoted)]
    pieces, previous = [], start
    for cut in [*ends, end]:
        if cut - start > size and previous > start:
            pieces.append((start, previous))
            start = previous
        if cut - start > size:
            raise InputError(
                f"the text from character {start:,} runs {cut - start:,} characters without a paragraph break or "
                f"a sentence end outside a quote, over the {size:,} parsed at once; break it into paragraphs "
                "(one per line)"
            )
        previous = cut
    return [*pieces, (start, end)]


def group(units: list[Bounds], cuts: set[int], size: int) -> list[Bounds]:
    """Runs of paragraphs (``units``) ``(first, last)`` of about equal length, ``size`` characters at
    most, cut only where allowed (past ``size`` when a quote runs on)."""
    groups: list[Bounds] = []
    first = 0
    total = units[-1][1] - units[0][0]
    target = -(-total // -(-total // size))  # as many windows as ``size`` needs, evened out
    for i, (_, end) in enumerate(units):
        if i > first and i in cuts and (end - units[first][0] > size or units[i - 1][1] - units[first][0] >= target):
            groups.append((first, i - 1))
            first = i
    groups.append((first, len(units) - 1))
    return groups


def reach_back(paras: list[Bounds], cuts: set[int], first: int, chars: int) -> int:
    """The paragraph ``chars`` characters or more before paragraph ``first``, where no quote is cut."""
    i = first
    while i > 0 and (paras[first][0] - paras[i][0] < chars or i not in cuts):
        i -= 1
    return i


def reach_on(paras: list[Bounds], cuts: set[int], stop: int, chars: int) -> int:
    """The exclusive end ``chars`` characters or more past the paragraphs before ``stop``, where no
    quote is cut."""
    i = stop
    while i < len(paras) and (paras[i - 1][1] - paras[stop - 1][1] < chars or i not in cuts):
        i += 1
    return i


def introductions(masked: str, paras: list[Bounds]) -> dict[str, list[int]]:
    """Surname (lower) -> indices of the first paragraphs writing it after a capitalised word, one per
    distinct word ("Maria Lopez", "Senator Lopez"), ``INTRO_PER_NAME`` at most."""
    found: dict[str, list[int]] = {}
    seen: set[tuple[str, str]] = set()
    for index, (start, end) in enumerate(paras):
        for match in FULL_NAME_RE.finditer(masked, start, end):
            first, last = match.group(1), match.group(2).lower()
            places = found.setdefault(last, [])
            if (first, last) not in seen and len(places) < INTRO_PER_NAME:
                seen.add((first, last))
                if index not in places:
                    places.append(index)
    return found


def intro_paragraphs(
    masked: str, region: Bounds, paras: list[Bounds], intros: dict[str, list[int]], inside: Bounds
) -> list[int]:
    """Indices of paragraphs outside the window's (``inside``: first and last) that name in full the
    words it uses most, ``INTRO_CHARS`` at most, in article order."""
    used = Counter(match.group().lower() for match in WORD_RE.finditer(masked, *region))
    chosen: set[int] = set()
    total = 0
    for word, _ in used.most_common():
        for index in intros.get(word, []):
            length = paras[index][1] - paras[index][0]
            if not inside[0] <= index <= inside[1] and index not in chosen and total + length <= INTRO_CHARS:
                chosen.add(index)
                total += length
    return sorted(chosen)


def analyse_windowed(article: Article, nlp: Language, *, size: int = WINDOW_CHARS) -> Extraction:
    """``pipeline.analyse`` window by window: the same quotes for an article that fits in one."""
    from .pipeline import analyse  # the rules: imported on first use

    windows = plan(article.text, size)
    if len(windows) == 1:
        return analyse(article, nlp)
    published = article.published or find_publication_date(article.text)
    article = replace(article, published=published)
    masked = article_body(article.text).masked
    quotes: list[Quote] = []
    unclosed: list[int] = []
    for window in windows:
        offsets = Offsets(window.pieces)
        text = SEPARATOR.join(masked[start:end] for start, end in window.pieces)
        found = analyse(replace(article, text=text), nlp)  # parsed and released, window by window
        quotes.extend(placed(article, window, offsets, found))
        unclosed.extend(at for at in map(offsets.article, found.unclosed) if window.own[0] <= at < window.own[1])
    return Extraction(article=article, quotes=tuple(quotes), unclosed=tuple(unclosed))


def placed(article: Article, window: Window, offsets: Offsets, found: Extraction) -> list[Quote]:
    """The window's own quotes, their offsets moved into the article."""
    out = []
    for quote in found.quotes:
        start, end = offsets.article(quote.start), offsets.article_end(quote.end)
        if not window.own[0] <= start < window.own[1]:
            continue  # context: reported by the window that owns it
        speaker_start = None if quote.speaker_start is None else offsets.article(quote.speaker_start)
        speaker_end = None if quote.speaker_end is None else offsets.article_end(quote.speaker_end)
        out.append(replace(quote, start=start, end=end, text=article.text[start:end],
                           speaker_start=speaker_start, speaker_end=speaker_end))
    return out


class Offsets:
    """Offsets in a window's text to offsets in the article."""

    def __init__(self, pieces: tuple[Bounds, ...]) -> None:
        self.starts: list[int] = []  # where each piece starts in the window text
        self.origins = [start for start, _ in pieces]
        at = 0
        for start, end in pieces:
            self.starts.append(at)
            at += end - start + len(SEPARATOR)

    def article(self, offset: int) -> int:
        k = max(bisect_right(self.starts, offset) - 1, 0)
        return self.origins[k] + offset - self.starts[k]

    def article_end(self, offset: int) -> int:
        """An exclusive end: mapped through its last character."""
        return self.article(offset - 1) + 1 if offset > 0 else self.article(0)
