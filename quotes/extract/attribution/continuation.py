"""Quotes with no attributing clause of their own borrow one from the quote they continue.

The other half of a split quote, the earlier paragraphs of a multi-paragraph
quote, a quote-only paragraph after an attributed one or after reported speech.
Also here: whether a quote is direct or partial (titles of works are in ``titles``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from quotes.models import QuoteKind
from quotes.text import QuoteSpan, char_before_mark, last_char_before

from .cues import Attribution, attribution_for, is_cue, make_attribution, outermost_cue, tokens_between
from .titles import looks_like_a_name

if TYPE_CHECKING:
    from spacy.tokens import Doc

# "- Bernie Sanders.", "-Michelle Marks, Philadelphia.", "-President Obama, tweeting after the speech."
# After the comma a description, not a clause ("- Sanders, in Iowa, was wrong" is a bullet point).
BYLINE = re.compile(
    r"\s*[-—–]\s*([A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,4})"
    r"(?:,(?![^\n]*\b(?:is|was|are|were|has|have|had|will|says|said)\b)[^\n]*)?\.?\s*$"
)
def share_in_groups(spans: list[QuoteSpan], found: list[Attribution | None]) -> list[Attribution | None]:
    """A quote running over several paragraphs takes one attribution for all its parts."""
    result = list(found)
    i = 0
    while i < len(spans):
        j = i
        while spans[j].continues and j + 1 < len(spans):
            j += 1
        group = range(i, j + 1)
        shared = next((found[k] for k in reversed(group) if found[k]), None)
        for k in group:
            if result[k] is None and shared is not None:
                result[k] = replace(shared, method="continued")
        i = j + 1
    return result


def share_in_paragraph(
    text: str, spans: list[QuoteSpan], found: list[Attribution | None]
) -> list[Attribution | None]:
    """The halves of a split quote share the clause between them: ``"A," he said. "B."``."""
    result = list(found)
    for i, span in enumerate(spans):
        if result[i] is not None or not (is_sentence(text, span) or fills_its_sentence(text, span)):
            continue
        same = [k for k in range(len(spans)) if spans[k].paragraph == span.paragraph and found[k]]
        if same:
            nearest = min(same, key=lambda k: (abs(k - i), k > i))
            shared = found[nearest]
            assert shared is not None
            result[i] = replace(shared, method="split")
    return result


def share_in_sentence(
    doc: Doc, text: str, spans: list[QuoteSpan], found: list[Attribution | None]
) -> list[Attribution | None]:
    """Quoted fragments of one sentence come from one source: ``Clinton said she wants "pay raises,"
    not "arbitrary pay freezes"`` (the second has no clause of its own). Only a source named by a
    reporting clause is shared: "Bush ordered ... "eligible candidates"" reports nothing."""
    result = list(found)
    sentences = [sentence_start(doc, span) for span in spans]
    for i, sentence in enumerate(sentences):
        if result[i] is not None or sentence is None or looks_like_a_name(text[spans[i].start : spans[i].end]):
            continue
        same = [k for k, other in enumerate(sentences) if k != i and other == sentence and reported(found[k])]
        if same:
            shared = found[min(same, key=lambda k: (abs(k - i), k > i))]
            assert shared is not None
            result[i] = replace(shared, method="split")
    return result


def reported(found: Attribution | None) -> bool:
    """Attributed by a reporting clause of its own, not just by the subject of any verb."""
    return found is not None and found.method in {"tail", "lead", "tree", "transcript"}


def sentence_start(doc: Doc, span: QuoteSpan) -> int | None:
    """Where the sentence holding the opening mark starts (token index)."""
    region = doc.char_span(span.open_at, span.open_at + 1, alignment_mode="expand")
    return region[0].sent.start if region is not None and len(region) else None


def share_with_next_paragraph(
    text: str, spans: list[QuoteSpan], paragraphs: list[tuple[int, int]], found: list[Attribution | None]
) -> list[Attribution | None]:
    """A quote-only paragraph right after an attributed quote goes on with the same speaker."""
    result = list(found)
    for i, span in enumerate(spans):
        if result[i] is not None or i == 0 or not quote_only_paragraph(text, span, paragraphs):
            continue
        previous = result[i - 1]
        if previous is not None and spans[i - 1].paragraph in {span.paragraph, span.paragraph - 1}:
            result[i] = replace(previous, method="paragraph")
    return result


def byline_after(
    doc: Doc, text: str, spans: list[QuoteSpan], paragraphs: list[tuple[int, int]], found: list[Attribution | None]
) -> list[Attribution | None]:
    """A quoted paragraph signed on the next line: ``"...the top 1 percent." | - Bernie Sanders.``"""
    result = list(found)
    for i, span in enumerate(spans):
        if result[i] is not None or span.paragraph + 1 >= len(paragraphs):
            continue
        if not quote_only_paragraph(text, span, paragraphs):
            continue
        start, end = paragraphs[span.paragraph + 1]
        match = BYLINE.match(text, start, end)
        if match is None:
            continue
        name = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if name is not None and len(name):
            result[i] = without_dash(attribution_for(doc, doc[name.start - 1], name.root, "byline"), match.start(1))
    return result


def without_dash(found: Attribution, name_start: int) -> Attribution:
    """The tokenizer glues a dash to the name after it ("-Michelle Marks"): the mention starts after it."""
    if found.speaker_text[:1] not in "-—–":
        return found
    return replace(found, cue="-", speaker_start=name_start, speaker_text=found.speaker_text.lstrip("-—– "))


def reported_just_before(
    doc: Doc,
    text: str,
    spans: list[QuoteSpan],
    paragraphs: list[tuple[int, int]],
    found: list[Attribution | None],
    inside: list[bool],
) -> list[Attribution | None]:
    """A quote-only paragraph right after a paragraph of reported speech goes on with its speaker
    ("Carter said the deal was weak. | “It will not hold.”")."""
    result = list(found)
    for i, span in enumerate(spans):
        if result[i] is not None or span.paragraph == 0 or not quote_only_paragraph(text, span, paragraphs):
            continue
        if i > 0 and spans[i - 1].paragraph == span.paragraph - 1:
            continue  # the previous paragraph ends in a quote nobody claimed: do not guess
        prev_start, prev_end = paragraphs[span.paragraph - 1]
        result[i] = last_reported(doc, prev_start, prev_end, inside)
    return result


def reported_earlier_in_paragraph(
    doc: Doc,
    text: str,
    spans: list[QuoteSpan],
    paragraphs: list[tuple[int, int]],
    found: list[Attribution | None],
    inside: list[bool],
) -> list[Attribution | None]:
    """A quoted sentence after reported speech in the same paragraph goes on with its speaker
    ("She said she and Obama had made progress. “I really believe ...”")."""
    result = list(found)
    for i, span in enumerate(spans):
        if result[i] is not None or not starts_a_sentence(text, span):
            continue
        p_start, _ = paragraphs[span.paragraph]
        result[i] = last_reported(doc, p_start, span.open_at, inside, strict=True)
    return result


def last_reported(doc: Doc, start: int, end: int, inside: list[bool], *, strict: bool = False) -> Attribution | None:
    """The speaker of the last reporting verb between ``start`` and ``end``, outside quotes."""
    cues = [t for t in tokens_between(doc, start, end) if not inside[t.i] and is_cue(t, strict=strict)]
    return make_attribution(doc, outermost_cue(cues[-1], inside), "paragraph", inside) if cues else None


def starts_a_sentence(text: str, span: QuoteSpan) -> bool:
    """A capitalised quote right after a finished sentence (not the paragraph's first words)."""
    before = char_before_mark(text, span)
    content = text[span.start : span.end]
    return bool(before) and before in ".!?" and content[:1].isupper()


def quote_only_paragraph(text: str, span: QuoteSpan, paragraphs: list[tuple[int, int]]) -> bool:
    start, end = paragraphs[span.paragraph]
    content = len(text[start:end].strip())
    return content > 0 and (span.end - span.start) >= 0.6 * content and span.open_at - start <= 2


def is_sentence(text: str, span: QuoteSpan) -> bool:
    """A quote of at least one full sentence (starts upper case, several words)."""
    content = text[span.start : span.end]
    return bool(content) and content[0].isupper() and len(content.split()) >= 3


def fills_its_sentence(text: str, span: QuoteSpan) -> bool:
    """``Trump said. Instead, “he just acts like a defeated man.”``: a quote of several words that is
    its whole sentence but for a word or two of lead-in is a sentence of the quoted speaker."""
    content = text[span.start : span.end].rstrip()
    if span.close_at is None or len(content.split()) < 3 or content[-1:] not in {".", "!", "?"}:
        return False
    lead = text[max(0, span.open_at - 60) : span.open_at]
    lead = re.split(r"[.!?][\"”’']?\s|\n", lead)[-1]
    return len(lead.split()) <= 2 and not lead.strip().endswith(("’s", "'s"))


def quote_kind(text: str, span: QuoteSpan) -> QuoteKind:
    """``direct`` for a full quoted sentence, ``partial`` for a fragment inside reported speech."""
    before = last_char_before(text, span.open_at)
    introduced = not before or before in ".:,;!?—–-\n"
    return "direct" if (is_sentence(text, span) and introduced) or span.continues or span.continued else "partial"

