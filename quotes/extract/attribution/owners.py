"""Quotes that belong to the owner of a speech noun printed before them, read by word order.

``Trump's past descriptions of women he doesn't like as “pigs”``, ``her comments before a House
committee that "I was responsible"``, ``Mr. Clinton's remark in 2008 describing Mr. Obama's
statement as ''the biggest fairy tale''``: the quote is the content of the possessed noun, but the
parse hangs it elsewhere (on the verb of a relative clause, on the clause's main verb), so the walk
up the tree reaches the sentence's reporting verb ("Clinton told ... of") instead of the noun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import POSSESSIVE_PRONOUNS, SPEECH_NOUNS, SUBJECT_DEPS, attribution_for, is_agent, is_cue, pos

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from quotes.text import QuoteSpan

    from .cues import Attribution

# Words that join a speech noun to its content or object: "remark that", "descriptions ... as",
# "call for", "pledge to be", "promise of".
LINKS = {"that", "as", "of", "for", "to"}
DESCRIBING_NOUNS = {"description", "characterization"}
MAX_GAP = 18  # tokens between the noun and the opening mark: "remark in 2008 describing ... as"


def possessed_speech_noun(doc: Doc, span: QuoteSpan, inside: list[bool]) -> Attribution | None:
    """The owner of the nearest possessed speech noun before the quote in its clause, when a link word
    ties the quote to it and no reporting verb of another clause comes between."""
    opening = doc.char_span(span.open_at, span.open_at + 1, alignment_mode="expand")
    if opening is None or not len(opening):
        return None
    first = opening[0]
    link = doc[first.i - 1] if first.i > 0 and doc[first.i - 1].text != "," else doc[max(first.i - 2, 0)]
    if first.i < 2 or link.lower_ not in LINKS:
        return None
    for token in reversed(doc[max(first.sent.start, first.i - MAX_GAP) : first.i]):
        if inside[token.i] or token.text in {";", ":", "—", "–"}:
            return None
        if is_speech_noun(token):
            owner = next((c for c in token.children if c.dep_ == "poss" and not inside[c.i]), None)
            if owner is None or not (is_agent(owner) or owner.lower_ in POSSESSIVE_PRONOUNS):
                return None
            return attribution_for(doc, token, owner, "tree") if owns(token, link, first) else None
    return None


def is_speech_noun(token: Token) -> bool:
    return token.tag_ in {"NN", "NNS"} and singular(token) in SPEECH_NOUNS


def singular(token: Token) -> str:
    """The noun without a plural "-s" (the pipeline has no lemmatizer)."""
    return token.lower_[:-1] if token.tag_ == "NNS" and token.lower_.endswith("s") else token.lower_


def owns(noun: Token, link: Token, first: Token) -> bool:
    """Nothing between the noun and the quote says the quote is someone else's: no reporting verb but
    the noun's own ("remark describing"), the noun is not the subject the quote is said of ("Trump's
    comments amounted to “racism”"), nor the object a verb judges ("described her comments as “false”")."""
    doc = noun.doc
    for token in doc[noun.i + 1 : first.i]:
        if pos(token) == "VERB" and is_cue(token) and not own_verb(token, noun):
            return False
    if noun.dep_ in SUBJECT_DEPS and noun.head.i < first.i:
        return False
    if link.lower_ != "as":
        return True
    # "as" belongs to a word of describing: the noun itself ("descriptions of women as"), or a verb of
    # its own ("remark describing ... as"); else to the verb the noun is the object of ("called his
    # remarks", "described her comments as", "played down Trump's comments as").
    return singular(noun) in DESCRIBING_NOUNS or any(own_verb(t, noun) for t in doc[noun.i + 1 : first.i])


def own_verb(verb: Token, noun: Token) -> bool:
    """A participle of the noun's own ("remark describing"), not a relative clause with a subject of its
    own ("the remarks that Ryan called")."""
    return pos(verb) == "VERB" and verb.dep_ == "acl" and verb.head.i == noun.i
