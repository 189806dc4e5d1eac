"""Speakers who are two or more people named together: "wrote Jason Dana, Robyn Dawes and Nathanial
Peterson", and what takes such a group up after it ("the two lawmakers", "the pair", "the committee
chairmen", "they" right after "Professors Foner and Alba suggest"): the people by name, joined as the article
joins them ("Bob Goodlatte and Trey Gowdy"), never one of them alone."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from quotes.extract.attribution import Attribution
from quotes.extract.people import unnamed_role
from quotes.text import join_names, names_joined

from .antecedents import mention_name, quote_at
from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

COUNTS = {"two": 2, "both": 2, "pair": 2, "duo": 2, "three": 3, "trio": 3}
BACK = {"they": 2}  # sentences looked back on for a pronoun; a description looks further
DESCRIPTION_BACK = 6
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def joint_speakers(state: ArticleState, found: Attribution) -> str | None:
    """The people the speaker's words name together, or the group a plural reference takes up."""
    span = state.doc.char_span(found.speaker_start, found.speaker_end, alignment_mode="expand")
    if span is None:
        return None
    head = span[-1] if span.root.tag_ == "DT" else span.root
    if found.speaker_label == "PERSON" or head.tag_ == "NNS":  # "Henry Clay's biographers, David and Jeanne ..."
        named = joined(state, head)
        if named is not None or found.speaker_label == "PERSON":
            return named
    wanted = group_size(span)
    if wanted is None:
        return None
    back = BACK.get(span[-1].lower_, DESCRIPTION_BACK)
    first = span.sent.start
    for _ in range(back):
        first = state.doc[first - 1].sent.start if first else 0
    subjects = [t for t in state.doc[first : span.start] if t.dep_ in SUBJECT_DEPS]
    # With no number said, each member bears the noun's title ("the committee chairmen" after "Committee
    # Chairman Jason Chaffetz ... and ... Committee Chairman Bob Goodlatte"): not "the protesters".
    title = singular(span[-1].lower_) if wanted == 0 and span[-1].lower_ != "they" else None
    for subject in reversed(subjects):
        names = joined(state, subject, wanted, title)
        if names is not None or (span[-1].lower_ == "they" and plural(subject)):
            return names  # "they" takes up the nearest plural subject ("Their aides ... they"), a pair or not
    return None


def plural(subject: Token) -> bool:
    """A subject standing for more than one: a plural noun, or words joined by "and" ("they" aside)."""
    return subject.lower_ != "they" and (subject.tag_ in {"NNS", "NNPS"} or bool(subject.conjuncts))


def together(head: Token) -> list[Token]:
    """``head`` if a name, and the names joined to it by "and" or set beside it ("Jason Dana, Robyn Dawes and
    Nathanial Peterson", "biographers, David and Jeanne Heidler"), in text order."""
    found = [head] if head.tag_ == "NNP" else []
    frontier = [head]
    while frontier:
        token = frontier.pop()
        joined_names = [c for c in token.children if c.dep_ in {"conj", "appos"} and c.tag_ == "NNP"
                        and not in_brackets(c)  # "Jason Chaffetz (R-Utah)": a party and a state
                        and not (c.dep_ == "appos" and c.left_edge.tag_ == "DT")]  # "X, the Arjay and ... Chair"
        found.extend(joined_names)
        frontier.extend(joined_names)
    return sorted(found, key=lambda t: t.i)


def member_name(state: ArticleState, k: int) -> str:
    """Mention ``k``'s full name; a first name alone as written ("David" of "David and Jeanne Heidler" is no
    David named elsewhere)."""
    written = state.people.mentions[k].name
    name = mention_name(state, k)
    return written if " " not in written and not name.endswith(written) else name


def in_brackets(token: Token) -> bool:
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].text == "("


def singular(noun: str) -> str:
    if noun.endswith("men"):
        return noun[:-3] + "man"
    return noun[:-3] + "y" if noun.endswith("ies") else noun.removesuffix("s")


def titled(token: Token, title: str) -> bool:
    """``title`` is written before the name ``token`` ends ("Judiciary Committee Chairman Bob Goodlatte")."""
    return any(t.lower_ == title for t in token.subtree if t.i < token.i)


def group_size(span: Span) -> int | None:
    """How many people a plural reference stands for (0: two or more), or None if it is none: "they", "the
    two", "the pair", "both", a definite plural noun ("the committee chairmen", "the two lawmakers")."""
    root = span[-1] if span.root.tag_ == "DT" else span.root  # "the two write": both words hang on the verb
    if root.lower_ == "they" and len(span) == 1:
        return 0
    definite = span[0].lower_ in {"the", "both"}
    if not definite or not (root.tag_ == "NNS" or root.lower_ in COUNTS):
        return None
    return next((COUNTS[t.lower_] for t in span if t.lower_ in COUNTS), 0)


def joined(state: ArticleState, head: Token, wanted: int = 0, title: str | None = None) -> str | None:
    """The names of ``head`` and the names joined to it by "and", when each is a person the article names
    outside quote marks, two or more (``wanted`` of them if not 0), each with ``title`` if given."""
    members = together(head)
    if len(members) < 2 or (wanted and len(members) != wanted):
        return None
    # A name with another set beside it by commas only is one person and what he is or whom he worked for
    # ("Michael Baselice, a pollster who worked for Cruz's opponent, then-lieutenant governor David Dewhurst"):
    # names are a group when "and" joins them; a plural noun's names ("biographers, David and Jeanne Heidler") too.
    if head.tag_ == "NNP" and not any(m.dep_ == "conj" for m in members):
        return None
    if title is not None and not all(titled(t, title) for t in members):
        return None
    names = []
    for token in members:
        k = bisect_right(state.mention_starts, token.idx) - 1
        if k < 0 or token.idx >= state.people.mentions[k].end or state.quoted_in[k] != -1:
            return None
        if quote_at(state.spans, state.span_starts, token.idx) != -1:
            return None
        names.append(member_name(state, k))
    if len(set(names)) < len(names):
        return None
    return join_names(names)


def joint_members(state: ArticleState, speaker: str | None) -> list[str]:
    """The people a printed speaker joins ("Bob Goodlatte and Trey Gowdy"), when each is a person the
    article names; [] for one speaker."""
    if not speaker or speaker in state.people.roles:
        return []
    members = names_joined(speaker)
    return members if members and all(m in state.people.roles for m in members) else []


def joint_role(state: ArticleState, members: list[str], found: Attribution, at: int, year: str | None) -> str | None:
    """The role people speaking together share ("Senator" for "Senator Ted Cruz ... and Senator Rand Paul"),
    else what the description taking them up says they are ("the two lawmakers"); never one member's alone."""
    roles = {state.people.role(m, mention_at=None, quote_at=at, year=year) for m in members}
    if len(roles) == 1 and (shared := roles.pop()) is not None:
        return shared
    return unnamed_role(state.doc, found.speaker_start, found.speaker_end) if found.speaker_label == "NOUN" else None
