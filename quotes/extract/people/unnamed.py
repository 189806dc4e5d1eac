"""People an article brings in without a name ("a 26-year-old Berlin man", "a delegate from Ohio"): the
words that introduce them, for a pronoun that can only stand for them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .gender import gender_of
from .role_nouns import names_a_person

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

INDEFINITE = {"a", "an", "one", "another"}
PRONOUNS = {"he": {"he", "him", "his"}, "she": {"she", "her", "hers"}}
# Nouns of a person as such, with the pronoun they take (None: either).
PERSON_NOUNS = {
    "man": "he", "guy": "he", "boy": "he", "woman": "she", "lady": "she", "girl": "she", "person": None,
    "resident": None, "native": None,
}


def introduced_unnamed(
    window: Span, gender: str | None, outside: Callable[[int], bool], *, head: str | None = None
) -> str | None:
    """The person ``window`` brings in without a name, outside quote marks (``outside`` of a character
    offset) and of the pronoun's ``gender`` ("he"/"she"): a singular noun of a person with an indefinite
    determiner ("a 26-year-old Berlin man", "A 29-year-old Berlin woman"), written as the article does,
    without what follows a comma or a relative clause. A subject first, then a noun of the pronoun's
    gender ("woman" for "she" before "an asylum seeker"), then the last; with ``head``, only a noun that
    is that word ("a 26-year-old man" for "the man"). Only one ``brought_in``, and none after a pronoun of
    that gender (it takes up someone before, or the one found); none at all when such a pronoun is an
    object ("a voter asked him"). None when that person is named
    in the phrase ("a delegate, Wes Nakagiri") or ``window`` introduces no one."""
    found: list[tuple[bool, bool, int]] = []
    for token in window:
        if token.lower_ in PRONOUNS.get(gender or "", PRONOUNS["he"] | PRONOUNS["she"]) and outside(token.idx):
            if not found or token.dep_ in {"dobj", "dative", "pobj"}:
                return None  # "he earned a reputation", "a voter asked him": someone before is about
            break  # "a woman ... after she had posted about a German woman": it took up one found before
        said = person_gender(token)
        if said is False or not outside(token.idx) or (said is not None and gender is not None and said != gender):
            continue
        if (head is not None and token.lower_ != head) or not brought_in(token):
            continue
        det = next((c for c in token.children if c.dep_ == "det"), None)
        if det is not None and det.lower_ in INDEFINITE and not named(token):
            found.append((token.dep_ in {"nsubj", "nsubjpass"}, said is not None, token.i))
    return phrase(window.doc[max(found)[2]]) if found else None


def brought_in(token: Token) -> bool:
    """The noun brings someone into the story: a subject or an object of its clause ("A 29-year-old Berlin
    woman received", "sentenced a 26-year-old man"), or what such a noun is of ("the home of a 26-year-old
    Berlin man was raided"); not a noun that says what someone is ("views her as a candidate", "is a
    leader"), owns a thing ("An ambassador's job") or is merely compared with ("losing to a mainstream
    candidate")."""
    if token.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        return True
    of = token.head
    return token.dep_ == "pobj" and of.lower_ == "of" and of.head.dep_ in {"nsubj", "nsubjpass", "dobj"}


def person_gender(token: Token) -> str | bool | None:
    """The pronoun a singular noun of a person takes ("he", "she", None for either); False for no such noun."""
    if token.tag_ != "NN":
        return False
    word = token.lower_
    if word in PERSON_NOUNS:
        return PERSON_NOUNS[word]
    return gender_of(word) if names_a_person(word) else False


def named(token: Token) -> bool:
    """The noun's phrase names the person: "Wes Nakagiri, a delegate", "a delegate, Wes Nakagiri," or "a
    man named Smith"."""
    if token.dep_ == "appos" and token.head.ent_type_ == "PERSON":
        return True
    if any(c.dep_ in {"appos", "acl"} and any(t.ent_type_ == "PERSON" for t in c.subtree) for c in token.children):
        return True
    return any(t.ent_type_ == "PERSON" for t in token.doc[token.left_edge.i : phrase_end(token)])


def phrase_end(token: Token) -> int:
    """Where the noun's phrase ends: at a comma or a relative clause after it, else with its subtree."""
    return next((t.left_edge.i if t.dep_ == "relcl" else t.i for t in token.subtree
                 if t.i > token.i and (t.text == "," or t.dep_ in {"relcl", "acl"})), token.right_edge.i + 1)


def phrase(token: Token) -> str:
    """The noun's phrase up to a comma or a relative clause after it: "a 26-year-old Berlin man"."""
    return " ".join(token.doc[token.left_edge.i : phrase_end(token)].text.split())
