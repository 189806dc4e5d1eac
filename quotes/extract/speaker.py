"""Who said it: the canonical person behind an attribution's mention (pronouns, surnames, descriptions)."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from quotes.extract.attribution import Attribution
from quotes.extract.people import described_by
from quotes.text import QuoteSpan

from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Doc

MALE, FEMALE = {"he", "him", "his"}, {"she", "her", "hers"}


def resolve_speaker(state: ArticleState, found: Attribution) -> str | None:
    """The canonical name behind the mention: pronouns to their person, surnames to full names."""
    if found.speaker_label == "PRON":
        return antecedent(state, found.speaker_start, found.speaker_text.lower())
    if described := described_by(state.doc, found.speaker_start, found.speaker_end):
        return described  # "a senior Cruz adviser" is not Cruz
    if found.speaker_label == "PERSON" or state.people.is_person(found.speaker_text):
        k = bisect_left(state.mention_starts, found.speaker_start)
        mentioned = k < len(state.mention_starts) and state.mention_starts[k] < found.speaker_end
        gender = state.people.mentions[k].gender if mentioned else None  # "Ms. Khan" is a woman
        return state.people.canonical(found.speaker_text, found.speaker_start, gender) or None
    # Organisations and descriptions keep their words ("Russia's Defense Ministry").
    name = found.speaker_text.replace("’", "'").strip(" ,.;:")
    return (name[:1].upper() + name[1:]) or None


def antecedent(state: ArticleState, offset: int, pronoun: str) -> str | None:
    """The person a pronoun refers to: the latest person mentioned as a subject before it."""
    if pronoun in {"it", "they", "we", "i", "who"}:
        return None
    earlier = bisect_left(state.mention_starts, offset)
    # "Mrs. Clinton" is never "he": people whose honorific says otherwise are passed over.
    gender = "he" if pronoun in MALE else "she" if pronoun in FEMALE else None
    people = state.people

    def name(k: int) -> str:
        return people.canonical(people.mentions[k].name, state.mention_starts[k], people.mentions[k].gender)

    # A name inside someone's words ("(Petraeus) was wrong") is no antecedent outside them.
    inside = quote_at(state.spans, state.span_starts, offset)

    def fits(k: int) -> bool:  # read lazily: the nearest fitting mention is usually close
        if state.quoted_in[k] not in {-1, inside}:
            return False
        return gender is None or people.genders.get(name(k), gender) == gender

    chosen = next((k for k in reversed(range(earlier)) if state.subject_mentions[k] and fits(k)), None)
    if chosen is None:
        chosen = next((k for k in reversed(range(earlier)) if fits(k)), None)
    return name(chosen) if chosen is not None else None


def quote_at(spans: list[QuoteSpan], starts: list[int], offset: int) -> int:
    """The index of the quote span (in text order, ``starts`` theirs) holding ``offset``, or -1."""
    k = bisect_left(starts, offset + 1) - 1
    return k if k >= 0 and offset < spans[k].end else -1


def is_subject(doc: Doc, offset: int) -> bool:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    while token.dep_ in {"compound", "flat", "appos"} and token.head != token:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}
