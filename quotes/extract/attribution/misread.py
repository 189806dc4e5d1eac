"""Reporting clauses the tagger misreads: a reporting verb tagged as a noun (``," the two write.``),
a name tagged as a modal (``," Will wrote.``), a speaker it reads as a bare number or date
(``?" the 43-year-old asked in ...``). The parse then gives the verb no subject, or no verb at all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import REPORTING_VERBS, Attribution, pos, verb_base

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PHRASE_WORDS = 8  # tokens in the speaker's phrase ("a voice-over in the ad", "the 43-year-old")
NOMINAL = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
PHRASE_INNER = {"in", "of", "at", "for", "-", "'s", "’s"}  # words inside a noun phrase, never first


def phrase_before_cue(doc: Doc, tokens: list[Token]) -> Attribution | None:
    """The clause right after a quote that opens its sentence: a short noun phrase then a reporting
    verb form, read from the word whatever its tag, ending the clause or followed by a preposition
    (``," the Saudis state in the white paper``). The phrase speaks. ``tokens`` are those after the
    closing mark, quotes left out."""
    for k, token in enumerate(tokens[: PHRASE_WORDS + 1]):
        if token.i != tokens[0].i + k:
            return None  # a quote inside the phrase: not one plain noun phrase
        if k > 0 and token.is_lower and verb_base(token.lower_) in REPORTING_VERBS:
            return phrase_attribution(doc, tokens[:k], token) if ends_clause(tokens, k) else None
        if not nominal(token, first=k == 0):
            return None
    return None


def nominal(token: Token, *, first: bool) -> bool:
    """A word of a noun phrase: determiners, adjectives, nouns, numbers, any capitalised word (names
    the tagger misreads), and inner prepositions and hyphens."""
    if pos(token) in NOMINAL or (token.is_alpha and token.text[:1].isupper()):
        return True
    return not first and token.lower_ in PHRASE_INNER


def ends_clause(tokens: list[Token], k: int) -> bool:
    """The verb form ends its clause or goes on with a preposition or adverb, as a verb would
    (``the editorial read.``, ``asked in the video's description``), not with an object."""
    if k + 1 >= len(tokens):
        return True
    following = tokens[k + 1]
    return following.is_punct or pos(following) == "ADP" or following.tag_ == "RB"


def phrase_attribution(doc: Doc, phrase: list[Token], cue: Token) -> Attribution:
    span = doc[phrase[0].i : phrase[-1].i + 1]
    if any(t.ent_type_ == "PERSON" for t in phrase):
        label = "PERSON"
    else:
        label = "PROPN" if pos(phrase[-1]) == "PROPN" else "NOUN"
    sent = cue.sent
    return Attribution(
        cue=cue.text,
        cue_start=cue.idx,
        speaker_start=span.start_char,
        speaker_end=span.end_char,
        speaker_text=span.text,
        speaker_label=label,
        method="tail",
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
    )
