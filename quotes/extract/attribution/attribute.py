"""Who said each quoted stretch: the cue and the speaker mention, as pure functions over a ``Doc``.

For every quote the attributing clause is looked for in this order: right
after the closing mark (``," Rogozin said``), right before the opening mark
(``Ivanov said, adding: "``), then up the dependency tree from the quote to a
reporting verb outside it (fragments inside reported speech). Quotes left
without a clause borrow one from the quote they continue: the other half of a
split quote, the earlier paragraphs of a multi-paragraph quote, or a quote-only
paragraph right after an attributed one (see ``continuation``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quotes.text import QuoteSpan, char_before_mark

from .clauses import main_clause_subject
from .continuation import (
    byline_after,
    reported_earlier_in_paragraph,
    reported_just_before,
    share_in_groups,
    share_in_paragraph,
    share_in_sentence,
    share_with_next_paragraph,
)
from .cues import (
    SUBJECT_DEPS,
    Attribution,
    attribution_for,
    can_speak,
    is_agent,
    is_cue,
    make_attribution,
    outermost_cue,
    pos,
    tokens_between,
)
from .misread import phrase_before_cue
from .owners import possessed_speech_noun
from .titles import names_something
from .walks import according_to, lexical_attribution, owner_of_speech_noun, subject_attribution, tree_attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# The cue stands within this many words of the closing mark ("Miller, a retired worker, said").
MAX_TAIL_WORDS = 10
# An unlisted verb attributes only when it comes this soon after the closing mark ("Trump shot back").
UNLISTED_CUE_WORDS = 6
SHORT_CLAUSE = 4  # tokens: "Hannity pressed." after a question is its attribution, not a new sentence
MARKS = {'"', "“", "”", "„", "«", "'"}
TRANSCRIPT_RE = re.compile(r"((?:[A-Z][A-Z.'’-]+ ){0,3}[A-Z][A-Z.'’-]+):\s")


def attribute_all(doc: Doc, spans: list[QuoteSpan], paragraphs: list[tuple[int, int]]) -> list[Attribution | None]:
    """An attribution (or ``None``) for every span, in the same order."""
    text = doc.text  # built by joining every token: read once, never per quote
    inside = quote_mask(doc, spans)
    found = [own_attribution(doc, text, spans, i, paragraphs, inside) for i in range(len(spans))]
    found = share_in_groups(spans, found)
    found = share_in_paragraph(text, spans, found)
    found = share_in_sentence(doc, text, spans, found)
    found = reported_earlier_in_paragraph(doc, text, spans, paragraphs, found, inside)
    found = share_with_next_paragraph(text, spans, paragraphs, found)
    found = byline_after(doc, text, spans, paragraphs, found)  # a signature before a guess from the paragraph above
    found = reported_just_before(doc, text, spans, paragraphs, found, inside)
    found = share_with_next_paragraph(text, spans, paragraphs, found)
    return [None if names_something(doc, text, spans, i, f) else f for i, f in enumerate(found)]


def quote_mask(doc: Doc, spans: list[QuoteSpan]) -> list[bool]:
    """Per token: does it lie inside a quote (marks included)?"""
    inside = [False] * len(doc)
    for span in spans:
        stop = (span.close_at + 1) if span.close_at is not None else span.end
        char_span = doc.char_span(span.open_at, stop, alignment_mode="expand")
        if char_span is not None:
            for token in char_span:
                inside[token.i] = True
    return inside


def own_attribution(
    doc: Doc, text: str, spans: list[QuoteSpan], i: int, paragraphs: list[tuple[int, int]], inside: list[bool]
) -> Attribution | None:
    span = spans[i]
    transcript = transcript_attribution(doc, text, span)
    if transcript is not None:
        return transcript
    p_start, p_end = paragraphs[span.paragraph]
    next_open = next((s.open_at for s in spans[i + 1 :] if s.paragraph == span.paragraph), p_end)
    prev_close = max(
        [(s.close_at or s.end) + 1 for s in spans[:i] if s.paragraph == span.paragraph], default=p_start
    )
    if mid_sentence(text, span):
        # What a speech noun introduces ("stood by his comment Monday that “Islam hates us,” refusing to
        # acknowledge ...") is its owner's, though a verb of another clause follows the quote.
        found = possessed_speech_noun(doc, span, inside)
        if found:
            return found
    if span.close_at is not None:
        found = tail_attribution(doc, text, span, span.close_at + 1, next_open, inside)
        if found:
            return found
    found = lead_attribution(doc, text, prev_close, span.open_at, inside)
    return (
        found
        or possessed_speech_noun(doc, span, inside)
        or tree_attribution(doc, span, inside)
        or according_to(doc, span, inside)
        or lexical_attribution(doc, span, inside)
        or introduced_by_previous_paragraph(doc, text, span, paragraphs, prev_close == p_start, inside)
        or owner_of_speech_noun(doc, span, inside)
        or subject_attribution(doc, span, inside)
    )


def introduced_by_previous_paragraph(
    doc: Doc,
    text: str,
    span: QuoteSpan, paragraphs: list[tuple[int, int]], first_in_paragraph: bool, inside: list[bool]
) -> Attribution | None:
    """``Trump issued the following statement:`` as a paragraph of its own, the quote below it."""
    if not first_in_paragraph or span.paragraph == 0:
        return None
    p_start, _ = paragraphs[span.paragraph]
    if text[p_start : span.open_at].strip():
        return None
    prev_start, prev_end = paragraphs[span.paragraph - 1]
    if not text[prev_start:prev_end].rstrip().endswith(":"):
        return None
    return lead_attribution(doc, text, prev_start, prev_end, inside) or statement_subject(
        doc, prev_start, prev_end, inside
    )


def statement_subject(doc: Doc, start: int, end: int, inside: list[bool]) -> Attribution | None:
    """``X issued the following statement:``: no reporting verb, but the clause's subject speaks."""
    tokens = tokens_between(doc, start, end)
    if not tokens:
        return None
    root = tokens[-1].sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS and not inside[c.i]), None)
    return make_attribution(doc, root, "lead", inside) if subject is not None and is_agent(subject) else None


def transcript_attribution(doc: Doc, text: str, span: QuoteSpan) -> Attribution | None:
    """A transcript line: ``"PENCE: Well, look, ...`` names its speaker in capitals before a colon."""
    match = TRANSCRIPT_RE.match(text, span.start, span.end)
    if match is None:
        return None
    start, end = match.span(1)
    sentence = doc.char_span(span.start, span.end, alignment_mode="expand")
    return Attribution(
        cue=":",
        cue_start=end,
        speaker_start=start,
        speaker_end=end,
        speaker_text=match.group(1).title(),
        speaker_label="PERSON",
        method="transcript",
        sentence_start=start,
        sentence_end=sentence.end_char if sentence is not None else span.end,
    )


def tail_attribution(
    doc: Doc, text: str, span: QuoteSpan, start: int, end: int, inside: list[bool]
) -> Attribution | None:
    """``"...," Rogozin said`` / ``"...," said Rogozin`` / ``"...?" he asked``."""
    content = text[span.start : span.end].rstrip()
    # A nested quote closing with it ("'helping my husband,'") leaves the comma just inside its mark.
    if mid_sentence(text, span) and content.rstrip("’'")[-1:] not in {",", "?", "!"}:
        return None  # a fragment inside a sentence ("Sims say he was “riding the fence” until Haley said")
    if introduces_next_quote(text, span, start, end) or content.endswith("."):
        # A full stop inside the marks ends the sentence: what follows is a new one
        # ("...in my opinion." Reid said both ...), not this quote's attribution.
        return None
    tokens = [t for t in tokens_between(doc, start, end) if not inside[t.i]]
    starts_sentence = opens_sentence(text, span)
    inner = mid_sentence(text, span)
    words = 0
    for token in tokens:
        if token.text in {".", "!", "?", ";"} or token.text in "“\"":
            break
        if inner and token.lower_ in {"and", "but", "while", "whereas"}:
            break  # 'make sand "glow," and Trump vowed': a new clause, with a speaker of its own
        if is_cue(token):
            found = make_attribution(doc, token, "tail", inside)
            if found is None and starts_sentence and pos(token) == "VERB":
                found = named_before_cue(doc, tokens, token, inside) or phrase_before_cue(doc, tokens)
            return found
        if token.is_alpha:
            words += 1
            if words > MAX_TAIL_WORDS:
                break
    if not (starts_sentence and opens_with_tail(content, tokens)):
        return None
    verb = unlisted_cue(tokens, inside) if words <= MAX_TAIL_WORDS else None
    return make_attribution(doc, verb, "tail", inside) if verb is not None else phrase_before_cue(doc, tokens)


def third_party(token: Token) -> bool:
    """Someone reported on: a noun or name (capitalised, whatever its tag), or he, she, they
    (not "I like", "which votes")."""
    if token.lower_ in {"he", "she", "they"}:
        return True
    return pos(token) in {"NOUN", "PROPN"} or (token.text[:1].isupper() and pos(token) != "PRON")


def named_before_cue(doc: Doc, tokens: list[Token], cue: Token, inside: list[bool]) -> Attribution | None:
    """``"...," William M. Daley, Obama's chief of staff, said``: when the parse hangs the name
    off the quote, the first noun phrase between the closing mark and the cue is the speaker."""
    for token in tokens:
        if token.i >= cue.i:
            return None
        if pos(token) in {"PROPN", "PRON", "NOUN"} and can_speak(token, inside):
            while token.dep_ in {"compound", "flat"} and token.head.i < cue.i:
                token = token.head
            return attribution_for(doc, cue, token, "tail")
    return None


def opens_with_tail(content: str, tokens: list[Token]) -> bool:
    """A quote ending in a comma leaves its sentence open for the clause that attributes it; after
    ``?`` or ``!`` a lower-case word goes on with the same sentence (``"No!" the crowd cried``), and
    so does a clause too short to be a sentence of its own (``"Why?" Hannity pressed.``)."""
    if content[-1:] == ",":
        return True
    if content[-1:] not in {"?", "!"} or not tokens:
        return False
    ends = [k for k, t in enumerate(tokens) if t.text in {".", "!", "?", ";", ":"}]
    return tokens[0].text[:1].islower() or (bool(ends) and ends[0] <= SHORT_CLAUSE)


def unlisted_cue(tokens: list[Token], inside: list[bool]) -> Token | None:
    """``"Jeb wants to be a tough guy," Trump shot back``: in the clause right after a quote that
    opens its sentence, the first verb with a subject reports it, listed reporting verb or not."""
    for token in tokens[:UNLISTED_CUE_WORDS]:
        if token.text in {".", "!", "?", ";", ":"}:
            return None
        # The small model tags some names as verbs ("Trump shot back"): a subject is no cue.
        if pos(token) == "VERB" and token.dep_ not in {"aux", "auxpass", "relcl", "acl", "amod"} | SUBJECT_DEPS:
            subject = any(c.dep_ in SUBJECT_DEPS and can_speak(c, inside) and third_party(c) for c in token.children)
            return token if subject else None
    return None


def opens_sentence(text: str, span: QuoteSpan) -> bool:
    """The quote starts its sentence: nothing but a paragraph start, a finished sentence or a colon
    before it (stricter than ``not mid_sentence``: ``Sanders' "diagnoses"``, ``(''select ...''),``)."""
    before = char_before_mark(text, span)
    return not before or before in ".!?:\n\"”"


def mid_sentence(text: str, span: QuoteSpan) -> bool:
    return char_before_mark(text, span).isalnum()


def introduces_next_quote(text: str, span: QuoteSpan, start: int, end: int) -> bool:
    """``"...life." He added, "..."``: after a finished sentence, a clause ending in a comma or
    colon right before another quote introduces that quote, not this one."""
    finished = text[span.start : span.end].rstrip()[-1:] in {".", "!", "?"}
    between = text[start:end].rstrip()
    return finished and end < len(text) and text[end] in MARKS and between[-1:] in {",", ":"}


def lead_attribution(doc: Doc, text: str, start: int, end: int, inside: list[bool]) -> Attribution | None:
    """``Ivanov said, adding: "...`` / ``According to Putin, "...`` (cue closest to the quote)."""
    clause = text[start:end].rstrip()
    if not clause or clause[-1] not in ":,—–-":
        return None
    tokens = [t for t in tokens_between(doc, start, end) if not inside[t.i]]
    sentence_start = tokens[-1].sent.start if tokens else 0
    for token in reversed(tokens):
        if token.i < sentence_start:
            break
        if is_cue(token) or token.lower_ == "according":
            main = main_clause_subject(token)
            if main is not None and can_speak(main, inside) and is_agent(main):
                return attribution_for(doc, main.head, main, "lead")
            return make_attribution(doc, outermost_cue(token, inside), "lead", inside)
    return name_before_colon(doc, tokens, inside) if clause.endswith(":") else None


def name_before_colon(doc: Doc, tokens: list[Token], inside: list[bool]) -> Attribution | None:
    """``More from Jones: "..."`` / ``Pew Research: "..."``: a name right before the colon speaks."""
    if len(tokens) < 2 or tokens[-1].text != ":":
        return None
    last = tokens[-2]
    if not (last.ent_type_ in {"PERSON", "ORG"} or pos(last) == "PROPN"):
        return subject_before_colon(doc, last)
    # "contrasted the Republican with Clinton:", "celebrated the attacks on Twitter:": a name in a
    # phrase of the clause is who or what the words went to; the clause's own subject speaks.
    prep = last.head
    phrase = doc[prep.i : last.i]
    if last.dep_ == "pobj" and prep.lower_ in {"to", "with", "on", "in"} and not any(t.is_punct for t in phrase):
        found = make_attribution(doc, prep.head, "lead", inside) if pos(prep.head) == "VERB" else None
        if found is not None:
            return found
    return attribution_for(doc, tokens[-1], last, "lead")


def subject_before_colon(doc: Doc, last: Token) -> Attribution | None:
    """"Hoff's letter makes a case:", "Clinton's response was:": the clause's subject speaks."""
    root = last.sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or root.i > last.i or subject.i > last.i:
        return None  # the sentence's root lies in the quote: its subject is the quote's own
    # Any noun subject before the colon introduces what follows ("Obama's questioners were hostile:").
    if is_agent(subject) or pos(subject) == "NOUN" or any(c.dep_ == "poss" and is_agent(c) for c in subject.children):
        return attribution_for(doc, root, subject, "lead")
    return None
