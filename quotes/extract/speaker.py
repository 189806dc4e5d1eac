"""Who said it: the canonical person behind an attribution's mention (pronouns, surnames, descriptions)."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from quotes.extract.attribution import Attribution
from quotes.extract.people import described_by

from .antecedents import antecedent
from .references import described_person
from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Doc


def resolve_speaker(state: ArticleState, found: Attribution) -> str | None:
    """The canonical name behind the mention: pronouns to their person, surnames to full names."""
    if found.speaker_label == "PRON":
        return antecedent(state, found.speaker_start, found.speaker_text.lower())
    if described := described_by(state.doc, found.speaker_start, found.speaker_end):
        return described  # "a senior Cruz adviser" is not Cruz
    described = None if found.speaker_label in {"PERSON", "ORG"} else described_person(
        state, found.speaker_start, found.speaker_end
    )
    if described:  # "the Democratic presidential candidate" stands for the person named before
        return described
    if (inside := person_inside(state, found)) is not None:
        return inside
    if found.speaker_label == "PERSON" or state.people.is_person(found.speaker_text):
        k = bisect_left(state.mention_starts, found.speaker_start)
        mentioned = k < len(state.mention_starts) and state.mention_starts[k] < found.speaker_end
        gender = state.people.mentions[k].gender if mentioned else None  # "Ms. Khan" is a woman
        return state.people.canonical(found.speaker_text, found.speaker_start, gender) or None
    # Organisations and descriptions keep their words ("Russia's Defense Ministry").
    name = found.speaker_text.replace("’", "'").strip(" ,.;:")
    return (name[:1].upper() + name[1:]) or None


def person_inside(state: ArticleState, found: Attribution) -> str | None:
    """A mention that is no name but holds one ("Trump told The Associated Press of ...", a clause the
    parse took for the speaker's phrase): the person named first in it."""
    if found.speaker_label in {"PERSON", "PRON"}:
        return None
    k = bisect_left(state.mention_starts, found.speaker_start)
    if k < len(state.mention_starts) and state.mention_starts[k] < found.speaker_end:
        mention = state.people.mentions[k]
        if mention.start > found.speaker_start:  # not the name itself with words after it
            return state.people.canonical(mention.name, mention.start, mention.gender) or None
    return None


def is_subject(doc: Doc, offset: int) -> bool:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    while token.dep_ in {"compound", "flat", "appos"} and token.head != token:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}
