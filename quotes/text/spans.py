"""Quoted stretches found from quote marks alone (pure text, no NLP).

Handles straight and curly double marks, mixed pairs (``"...”``), NYT's doubled
apostrophes (``''...''``), a ``”`` typed as an opener, nested quotes, quotes that
run over several paragraphs (each paragraph re-opens with a mark, the last one
closes) and quotes left open at the end of a paragraph (kept: recall matters
more than tidy marks). Offsets are content offsets, marks excluded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

Side = Literal["open", "close", "either"]

# A doubled apostrophe is NYT's plain-text rendering of a double quote mark.
MARK_RE = re.compile(r"''|[\"“”„«»]")
OPENERS = {"“", "„", "«"}
CLOSERS = {"”", "»"}
PARAGRAPH_RE = re.compile(r"[^\n]+")
# What counts as space beside a mark: an opening mark may follow these, a closing one precede those.
SPACE_LIKE_BEFORE = "([{—–-/:"
SPACE_LIKE_AFTER = ".,;:!?)]}—–-"


@dataclass(frozen=True, kw_only=True)
class QuoteSpan:
    """One quoted stretch inside one paragraph."""

    start: int  # content start (after the opening mark and spaces)
    end: int  # content end (before the closing mark), exclusive
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark, None when left open
    paragraph: int  # index of the paragraph it lies in
    continues: bool = False  # the quote goes on in the next paragraph
    continued: bool = False  # this is the continuation of the previous paragraph's quote


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as ``(start, end)``: the paragraph unit of plain-text articles."""
    return [(m.start(), m.end()) for m in PARAGRAPH_RE.finditer(text) if m.group().strip()]


def mark_side(text: str, at: int, mark: str) -> Side:
    """Whether a mark opens or closes, read from the characters around it."""
    before = text[at - 1] if at > 0 else " "
    after_at = at + len(mark)
    after = text[after_at] if after_at < len(text) else " "
    space_before = before.isspace() or before in SPACE_LIKE_BEFORE
    space_after = after.isspace() or after in SPACE_LIKE_AFTER
    if mark in OPENERS:
        return "close" if (not space_before and space_after) else "open"
    if mark in CLOSERS:
        # A ”-as-opener: space before it and a word straight after, or first on its line (a closing
        # mark never starts a paragraph: ``” … in the case of Wyoming,” wrote Time``).
        return "open" if (space_before and after.isalnum()) or before == "\n" or at == 0 else "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def find_spans(text: str, bounds: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """Every quoted stretch of ``text`` within the paragraphs ``bounds`` (default: all)."""
    spans: list[QuoteSpan] = []
    paras = bounds if bounds is not None else paragraphs(text)
    carried = False
    for index, (p_start, p_end) in enumerate(paras):
        found = spans_in_paragraph(text, p_start, p_end, index)
        if carried and found and found[0].open_at == first_mark(text, p_start, p_end):
            found[0] = replace(found[0], continued=True)
        if found and found[-1].close_at is None and index + 1 < len(paras):
            nxt = paras[index + 1]
            if opens_paragraph(text, nxt[0], nxt[1]):
                found[-1] = replace(found[-1], continues=True)
        carried = bool(found) and found[-1].continues
        spans.extend(span for span in found if not is_nickname(text, span))
    return spans


NICKNAME_RE = re.compile(r"[A-Z][\w.'-]* $")
SURNAME_RE = re.compile(r" [A-Z]")


def is_nickname(text: str, span: QuoteSpan) -> bool:
    """One capitalised word in marks between a first name and a surname: 'John “Tig” Tiegen' names
    a person, nobody is quoted."""
    word = text[span.start : span.end]
    if span.close_at is None or not word[:1].isupper() or not word.replace("-", "").replace(".", "").isalpha():
        return False
    before = NICKNAME_RE.search(text, max(0, span.open_at - 30), span.open_at)
    return before is not None and SURNAME_RE.match(text, span.close_at + 1) is not None


def first_mark(text: str, start: int, end: int) -> int | None:
    match = MARK_RE.search(text, start, end)
    return match.start() if match else None


def opens_paragraph(text: str, start: int, end: int) -> bool:
    """The paragraph begins with an opening quote mark (a multi-paragraph quote goes on)."""
    stripped = start + (len(text[start:end]) - len(text[start:end].lstrip()))
    match = MARK_RE.match(text, stripped, end)
    return match is not None and mark_side(text, stripped, match.group()) != "close"


def spans_in_paragraph(text: str, start: int, end: int, index: int) -> list[QuoteSpan]:
    """Pair the marks of one paragraph; an unclosed outer quote runs to the paragraph end."""
    spans: list[QuoteSpan] = []
    stack: list[tuple[int, str]] = []  # (offset, mark) of open quotes, innermost last
    for match in MARK_RE.finditer(text, start, end):
        at, mark = match.start(), match.group()
        side = mark_side(text, at, mark)
        if side == "either":
            side = "close" if stack else "open"
        if side == "open" and not (stack and _straight(mark) and _straight(stack[-1][1])):
            stack.append((at, mark))
        elif stack:
            open_at, open_mark = stack.pop()
            if not stack:  # only outermost quotes are reported; nested ones belong to them
                spans.append(make_span(text, open_at, len(open_mark), at, index))
        # a closing mark with nothing open is a stray (or an apostrophe pair): ignored
    if stack:
        open_at, open_mark = stack[0]
        spans.append(make_span(text, open_at, len(open_mark), None, index, end=end))
    return [s for s in spans if s.end > s.start]


def _straight(mark: str) -> bool:
    """Straight marks cannot nest inside each other: a second one closes."""
    return mark in {'"', "''"}


def make_span(
    text: str, open_at: int, mark_len: int, close_at: int | None, index: int, *, end: int | None = None
) -> QuoteSpan:
    stop = close_at if close_at is not None else (end if end is not None else len(text))
    start, stop = trimmed(text, open_at + mark_len, stop)
    return QuoteSpan(start=start, end=stop, open_at=open_at, close_at=close_at, paragraph=index)


def trimmed(text: str, start: int, stop: int) -> tuple[int, int]:
    """``start``/``stop`` moved inwards past the spaces at either end of ``text[start:stop]``."""
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return start, stop


def char_before_mark(text: str, span: QuoteSpan) -> str:
    """The character just before the opening mark, spaces and tabs skipped (looking at most three
    characters back); "" at the start of the text or after only spaces."""
    return text[max(0, span.open_at - 3) : span.open_at].rstrip(" \t")[-1:]


def last_char_before(text: str, at: int) -> str:
    """The last non-space character before ``at``, "" if there is none (walks back over the
    whitespace only: slicing the whole prefix per quote would make long articles quadratic)."""
    i = at - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


# Marks of a quotation inside a quote: single marks (‘were extremely careless’, 'were extremely
# careless'), and double ones when the outer marks were single or the outlet nests doubles.
INNER_MARK_RE = re.compile(r"[‘’'\"“”«»]")
INNER_PAIRS = {"‘": "’", "'": "'", '"': '"', "“": "”", "«": "»"}
INNER_AFTER = SPACE_LIKE_AFTER + "\"”'’"  # a closing inner mark may also stand before the outer one


def nested_spans(quote: str) -> tuple[tuple[int, int], ...]:
    """The quotations inside a quote's text, as content offsets into it (marks excluded), outermost only.

    "Crooked Hillary Clinton and her team ‘were extremely careless ...’ Not fit!" holds the words of
    another person in its own. An opening mark has a space, a bracket or the start before it and a
    word or a quote-opening character after it; a closing one the reverse, so apostrophes ("don't",
    "voters' minds", "’80s") are not marks. A mark never closed opens nothing.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    opener = ""
    for match in INNER_MARK_RE.finditer(quote):
        at, mark = match.start(), match.group()
        before = quote[at - 1] if at > 0 else " "
        after = quote[at + 1] if at + 1 < len(quote) else " "
        if open_at is None:
            opens = (before.isspace() or before in SPACE_LIKE_BEFORE) and (after.isalnum() or after in "$#")
            if mark in INNER_PAIRS and opens:
                open_at, opener = at, mark
        elif mark == INNER_PAIRS[opener] and not before.isspace() and (after.isspace() or after in INNER_AFTER):
            start, end = trimmed(quote, open_at + 1, at)
            if end > start:
                spans.append((start, end))
            open_at = None
    return tuple(spans)
