"""The words naming a speaker: the phrase around the subject of a reporting verb, a named entity, a
person named inside a title phrase ("Sirius XM Vice President for news and talk Dave Gorab"), not the
person a speaker works for ("a longtime adviser to Trump")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .stranded import is_person_noun, stands_for_people

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

WHOSE = {"for", "of", "at", "with", "to"}  # what a person noun is of: "a spokesman for", "an adviser to"
PROPER_TAGS = {"NNP", "NNPS"}
PRONOUN_TAGS = {"PRP", "PRP$", "WP"}


def mention_span(doc: Doc, token: Token) -> tuple[Span, str]:
    """The words naming the speaker, and what kind of mention they are."""
    if token.ent_type_ and not stands_for_people(token):  # "one of two witnesses" is no mere number
        ent, label = entity_of(token), token.ent_type_
        owner = next((c for c in ent.root.lefts if c.dep_ == "poss" and c.i < ent.start), None)
        if owner is not None and label != "PERSON":  # "Russia's Defense Ministry"
            return doc[owner.left_edge.i : ent.end], label
        return ent, label
    if token.tag_ in PRONOUN_TAGS:
        return doc[token.i : token.i + 1], "PRON"
    person = person_within(doc, token)
    if person is not None:  # "Sirius XM Vice President for news and talk Dave Gorab"
        return person, "PERSON"
    left = token.i
    for child in token.lefts:
        if child.dep_ in {"compound", "amod", "poss", "det", "nmod", "flat", "nummod"}:  # "One attendee"
            left = min(left, child.left_edge.i)
    right = token.i + 1
    for child in token.rights:
        name_part = child.dep_ in {"compound", "flat", "appos"} and child.tag_ in PROPER_TAGS
        whose = child.lower_ in WHOSE - {"to"} or (child.lower_ == "to" and is_person_noun(token))
        if name_part:
            right = max(right, child.right_edge.i + 1)
        elif child.dep_ == "prep" and whose:  # "an adviser to Trump", not ", who declined to be identified"
            right = max(right, next((t.i for t in child.subtree if t.text == "," and not name_follows(t)),
                                    child.right_edge.i + 1))
    label = "PROPN" if token.tag_ in PROPER_TAGS else "NOUN"
    return doc[left:right], label


def name_follows(comma: Token) -> bool:
    """A name in apposition comes after the comma ("his best friend at Lehigh, Bruce Turry,")."""
    doc = comma.doc
    return comma.i + 1 < len(doc) and doc[comma.i + 1].tag_ in PROPER_TAGS


def person_within(doc: Doc, token: Token) -> Span | None:
    """The person named inside a title phrase that heads the subject, if any."""
    words = {t.i for t in token.subtree if t.dep_ in {"compound", "appos", "flat", "pobj"} or t.i == token.i}
    # "a longtime adviser to Trump", "a spokesman for Clinton": whom a person works for is not who speaks.
    words -= {t.i for t in token.subtree
              if t.dep_ == "pobj" and t.head.head.i == token.i and t.head.lower_ in WHOSE and is_person_noun(token)}
    # nor is anyone named in a clause said of the phrase ("..., who is not in the Lewandowski camp")
    words -= {t.i for c in token.subtree if c.dep_ == "relcl" for t in c.subtree}
    # Entities are found from the words themselves: ``doc.ents`` rebuilds every entity of the article.
    entities = {e.start: e for e in (entity_of(doc[i]) for i in words if doc[i].ent_type_ == "PERSON")}
    people = [e for e in entities.values() if e.root.i in words and e.root.i != token.i]
    return min(people, key=lambda e: abs(e.root.i - token.i)) if people else None


def entity_of(token: Token) -> Span:
    """The words of the named entity ``token`` belongs to, read from the IOB tags; its label is
    ``token.ent_type_`` (a token outside any entity gives itself alone)."""
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]
