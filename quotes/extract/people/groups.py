"""Roles a name shares with a group the article names: an example of it ("Clinton economic advisers like
Gene Sperling", "candidates such as Marco Rubio") or one of the speaker's own kind ("Sanders is pushing
fellow Senate Democrats", "Trump took swipes at fellow GOP contender Jeb Bush": Sanders is a Senate
Democrat, Trump a GOP contender). The group's words are printed for one person ("Clinton economic
adviser"), without what says how many or which ("other", "many", "leading")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .nationality import drop_countries
from .role_nouns import names_a_person
from .role_words import MAX_ROLE_WORDS, MERE_PEOPLE, NOUN_TAGS, PARTIES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Words before a group's role that say how many or which of them, not what they are.
QUANTIFIERS = frozenset({"other", "many", "some", "several", "few", "most", "all", "fellow", "such", "those", "these"})
EXAMPLE_WORDS = frozenset({"like", "including", "as"})  # "advisers like X", "including X", "such as X"


def singular_title(words: list[Token]) -> str | None:
    """A plural title shared by coordinated names, for one of them: "Morning Joe hosts" -> "Morning Joe host"."""
    words = [w for w in words if w.tag_ not in {"DT", "PRP$", "CD"}]  # "three constitutional scholars"
    if not words or len(words) > MAX_ROLE_WORDS or words[-1].lower_ in MERE_PEOPLE:
        return None
    if not names_a_person(words[-1].text):
        return None
    head = words[-1].text
    if head.endswith("s") and not head.endswith("ss"):
        head = head[:-3] + "y" if head.endswith("ies") else head[:-2] if head.endswith(("ches", "shes")) else head[:-1]
    return "".join(w.text_with_ws for w in words[:-1]) + head


def role_of_group(name: Span) -> tuple[str, bool] | None:
    """The name given as an example of a group: "Clinton economic advisers like Gene Sperling" ->
    "Clinton economic adviser" (for a later name joined by "and" too)."""
    root = name.root
    while root.dep_ == "conj" and root.head.ent_type_ == "PERSON" and root.head.i < root.i:
        root = root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in EXAMPLE_WORDS:
        return None
    if prep.lower_ == "as" and (prep.i == 0 or prep.doc[prep.i - 1].lower_ != "such"):
        return None
    group = prep.head
    if group.tag_ not in {"NNS", "NNPS"} or group.i >= prep.i:
        return None
    text = group_role(group)
    return (text, False) if text else None


def role_by_fellow(name: Span) -> tuple[str, bool] | None:
    """The kind the subject's clause calls "fellow": "Sanders is pushing fellow Senate Democrats to ..." ->
    "Senate Democrat" for Sanders."""
    root = name.root
    if root.dep_ not in {"nsubj", "nsubjpass"} or root.head.tag_[:2] != "VB":
        return None
    verb = root.head
    for token in verb.subtree:
        fellow = token.lower_ == "fellow" and token.dep_ == "amod" and token.head.tag_ in NOUN_TAGS
        if fellow and clause_of(token) == verb.i:
            text = group_role(token.head, after=token.i)
            return (text, False) if text else None
    return None


def clause_of(token: Token) -> int:
    """The index of the nearest verb above ``token`` (-1 if none)."""
    while token.head.i != token.i:
        token = token.head
        if token.tag_[:2] == "VB":
            return token.i
    return -1


def group_role(head: Token, *, after: int = -1) -> str | None:
    """A group's noun phrase up to its head ``head``, said of one of its members, from the word after
    ``after`` if given: nouns and adjectives only, without quantifiers, a nationality or a name."""
    doc = head.doc
    if head.ent_type_ in {"NORP", "GPE", "LOC"} and head.lower_.rstrip("s") not in PARTIES:
        return None  # "wealthy New Yorkers like Mr. Trump": where someone is from is no role
    words: list[Token] = []
    i = head.i - 1
    while i > after and doc[i].tag_ in NOUN_TAGS | {"JJ", "HYPH"} and doc[i].lower_ not in QUANTIFIERS:
        if doc[i].ent_type_ == "PERSON" and doc[i].tag_ in NOUN_TAGS and doc[i].dep_ != "nmod":
            break  # "fellow GOP contender [Jeb Bush]": the name is no part of the kind
        words.insert(0, doc[i])
        i -= 1
    if head.tag_ not in {"NNS", "NNPS"}:
        words = drop_countries([*words, head])
        return "".join(w.text_with_ws for w in words).strip() if words and names_a_person(head.text) else None
    return singular_title(drop_countries([*words, head]))
