"""Quotes with no attributing clause beside them: the reporting verb up the parse from the quote, "according
to" anywhere in its sentence, a reporting verb the tagger misread, the owner of a speech noun above it, and,
with no reporting verb at all, the subject of the clause the quote sits in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotes.text import QuoteSpan

from .clauses import parenthetical_cue
from .cues import (
    RELATIVE_PRONOUNS,
    STRONG_CUES,
    SUBJECT_DEPS,
    Attribution,
    is_agent,
    is_cue,
    make_attribution,
    outermost_cue,
    pos,
    speech_noun_attribution,
    verb_base,
)
from .stranded import FINITE_TAGS, is_speaking_noun

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

BE_FORMS = {"is", "are", "was", "were", "be", "been", "being", "am"}


def tree_attribution(doc: Doc, span: QuoteSpan, inside: list[bool]) -> Attribution | None:
    """Walk up from the quote to a reporting verb outside it: ``said ... that they "damage ..."``."""
    region = doc.char_span(span.start, span.end, alignment_mode="expand")
    if region is None:
        return None
    for root in (t for t in region if not (region.start <= t.head.i < region.end) or t.head == t):
        token = root
        for _ in range(9):
            aside = parenthetical_cue(token, inside)
            if aside is not None or (not inside[token.i] and (is_cue(token) or token.lower_ == "according")):
                found = make_attribution(doc, aside or outermost_cue(token, inside), "tree", inside)
                if found is not None:  # a cue without a subject ("of asking") hangs on one higher up
                    return found
            if token.head == token or coordinated_clause(token, inside):
                break
            token = token.head
    return None


def coordinated_clause(verb: Token, inside: list[bool]) -> bool:
    """A clause joined to a reporting verb that tells what someone else did ("Clinton proposed a debate - but
    the Sanders campaign rejected the idea as “ludicrous”": a finite verb of its own, with a subject that can
    speak): that verb does not report what it holds. A clause joined inside what it reports ("said it was
    clear ... and that Clinton faced “felony charges”"), one that only says what its subject is ("said ...,
    but the vast majority were just “confidential”") or would do ("and Democrats would need to “depend on
    Bernie”") is still reported."""
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS or verb.lower_ in BE_FORMS or inside[verb.i]:
        return False
    if not is_cue(verb.head) or any(c.tag_ == "MD" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and not inside[c.i]), None)
    return subject is not None and (is_agent(subject) or is_speaking_noun(subject))


def according_to(doc: Doc, span: QuoteSpan, inside: list[bool]) -> Attribution | None:
    """``According to his physician, Trump had "excellent" results`` / ``"...," according to the
    outlet``: "according to" anywhere in the quote's sentence names its source (the parse often
    hangs it where the walk up from the quote never passes)."""
    ends = (span.open_at, (span.close_at or span.end) - 1)
    for end in ends:
        region = doc.char_span(end, end + 1, alignment_mode="expand")
        if region is None or not len(region):
            continue
        for token in region[0].sent:
            following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
            if token.lower_ == "according" and following == "to" and not inside[token.i]:
                return make_attribution(doc, token, "tree", inside)
    return None


def owner_of_speech_noun(doc: Doc, span: QuoteSpan, inside: list[bool]) -> Attribution | None:
    region = doc.char_span(span.start, span.end, alignment_mode="expand")
    return speech_noun_attribution(doc, region, inside) if region is not None else None


def subject_attribution(doc: Doc, span: QuoteSpan, inside: list[bool]) -> Attribution | None:
    """No reporting verb at all: a fragment in a clause whose subject is a person or organisation
    ("Beruff called the standards “strong”", "They are skeptical of the “sharing economy”")."""
    region = doc.char_span(span.start, span.end, alignment_mode="expand")
    if region is None:
        return None
    token = region.root
    if token.dep_ in {"compound", "amod", "nmod"} and pos(token.head) in {"NOUN", "PROPN"}:
        return None  # a designation naming something ("“2+2 format” consultations"), not words said
    for _ in range(8):
        if token.head == token and inside[token.i]:
            return None
        if not inside[token.i] and pos(token) == "VERB":
            subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
            speaks = subject is not None and (is_agent(subject) or is_speaking_noun(subject))
            if speaks and subject is not None and not only_describes(token, subject):
                return make_attribution(doc, token, "subject", inside)
        if token.head == token:
            return None
        token = token.head
    return None


def only_describes(verb: Token, subject: Token) -> bool:
    """``Wayne Borders is a "child of the '80s"``, ``the "countless Americans" who are "victims"``: a
    clause that only says what its subject is speaks for nobody; whoever does is further up."""
    return verb.lower_ in BE_FORMS or (subject.lower_ in RELATIVE_PRONOUNS and subject.lower_ != "who")


def lexical_attribution(doc: Doc, span: QuoteSpan, inside: list[bool]) -> Attribution | None:
    """When the parse mis-tags the cue ("telling" as a noun): a reporting verb form earlier in the
    quote's sentence, read from the word itself."""
    region = doc.char_span(span.open_at, span.open_at + 1, alignment_mode="expand")
    if region is None:
        return None
    first = region[0]
    for token in reversed(doc[first.sent.start : first.i]):
        if coordinated_clause(token, inside) and token.left_edge.i <= first.i <= token.right_edge.i:
            return None  # "... - but the Sanders campaign rejected the idea as “ludicrous”": not "proposed"
        # Lower case only: "State" in "State Department" is not the verb "state"; nor is a word after
        # an article or a possessive ("the cries of", "his remarks").
        if not inside[token.i] and token.text.islower() and verb_base(token.lower_) in STRONG_CUES:
            determined = doc[token.i - 1].lower_ in {"the", "a", "an"} or doc[token.i - 1].tag_ == "PRP$"
            return None if determined else make_attribution(doc, token, "tree", inside)
    return None
