"""How prominent a mention is in its sentence, for choosing what a pronoun or a description refers to.

The main clause's subject is what the next sentence most often goes on about ("White House spokesman
Josh Earnest said Obama has kept in touch ... "I would think ...," he said": Earnest, not Obama, the
subject of the reported clause). A name inside the subject's noun phrase counts as the subject ("a
worker named Antonio Arroyo has nothing but positive things to say").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAIN_SUBJECT, SUBJECT, OTHER = 0, 1, 2
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Ways a name hangs inside a noun phrase: "Josh Earnest" in "spokesman Josh Earnest", "named X", "X, a ..."
INSIDE_PHRASE = {"compound", "flat", "appos", "acl", "oprd", "attr", "npadvmod"}


def mention_rank(doc: Doc, start: int, end: int) -> int:
    """MAIN_SUBJECT, SUBJECT or OTHER for the mention at characters ``[start, end)``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return OTHER
    token = phrase_head(span.root)
    if token.dep_ == "pobj" and token.head.dep_ == "agent":  # "supported by Sen. Feinstein": who does it
        return SUBJECT
    if misread_root(span, token):
        return SUBJECT
    verb = apposition_subject_of(span)
    if verb is not None:
        return MAIN_SUBJECT if governs_sentence(verb) else SUBJECT
    if token.dep_ not in SUBJECT_DEPS:
        return OTHER
    return MAIN_SUBJECT if governs_sentence(token.head) else SUBJECT


def misread_root(span: Span, token: Token) -> bool:
    """A name opening its sentence that the parser made the root, the sentence's verb joined to it: "Rep.
    Devin Nunes (R-Calif.), chairman of ..., didn’t second-guess ..., but he did call for ..." (its subject)."""
    if token.dep_ != "ROOT" or token.tag_ not in {"NNP", "NN"}:
        return False
    opening = all(t.dep_ == "compound" and t.head == token for t in span.doc[span.sent.start : span.start])
    return opening and any(c.dep_ == "conj" and c.tag_[:2] == "VB" for c in token.children)


def apposition_subject_of(span: Span) -> Token | None:
    """The verb a name after a comma is the subject of, though the parser hung it as an apposition on the
    phrase before ("Now that it's game on with Hillary Clinton, Donald Trump will try another pivot"):
    a verb right after the name (or its auxiliary) that has no subject of its own; None otherwise."""
    doc = span.doc
    if span.root.dep_ != "appos" or span.start == 0 or doc[span.start - 1].text != "," or span.end >= len(doc):
        return None
    verb = doc[span.end]
    if verb.tag_ == "MD" or verb.dep_ in {"aux", "auxpass"}:
        verb = verb.head
    if verb.i < span.end or verb.tag_ not in {"VBD", "VBZ", "VBP", "VB"}:
        return None
    return None if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children) else verb


def phrase_head(token: Token) -> Token:
    """The noun phrase a name belongs to, climbing out of compounds, appositions and "named X"."""
    steps = 0
    while token.dep_ in INSIDE_PHRASE and token.head != token and steps < 4:
        token = token.head
        steps += 1
    return token


def governs_sentence(verb: Token) -> bool:
    """The verb is the sentence's root, or joined to it ("Sanders spoke and ..."), or the root's
    auxiliary chain: not a verb of a reported or subordinate clause."""
    while verb.dep_ in {"conj", "aux", "auxpass"} and verb.head != verb:
        verb = verb.head
    return verb.dep_ == "ROOT"
