"""People in an article: their mentions, canonical full names and roles in force, over a spaCy ``Doc``.

Pure functions over the ``Doc`` build a ``PeopleIndex`` that maps any later
mention ("Medvedev", "Dmitry Medvedev's") to the fullest name the article uses
and to the role in force in this article ("Prime Minister"; "then-President"
describes the past and is skipped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .roles import PAST_MARKERS, TITLE_WORDS, apposition_after, title_before

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NOT_NAME_WORDS = TITLE_WORDS | PAST_MARKERS  # words that open a name's span but are no part of it
HONORIFICS = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "prof.", "rev."}
NAME_LABELS = {"PERSON"}
NEARBY = 600  # characters back in which a full name settles whom a shared surname means


@dataclass(frozen=True, kw_only=True)
class Mention:
    start: int
    end: int
    name: str  # the name as written, titles and possessive removed
    role: str | None
    past: bool  # the title is marked as past ("then-President", "former")
    gender: str | None = None  # "he" after "Mr.", "she" after "Mrs." or "Ms."


@dataclass(kw_only=True)
class PeopleIndex:
    """Names and roles of the people an article mentions."""

    mentions: list[Mention] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)  # last token (lower) -> fullest name
    roles: dict[str, str] = field(default_factory=dict)  # canonical name -> role in force
    genders: dict[str, str] = field(default_factory=dict)  # canonical name -> "he" or "she", when written
    # Surnames two people share ("Carly Fiorina", "Frank Fiorina"): where each is named in full.
    full_mentions: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    def canonical(self, name: str, at: int | None = None, gender: str | None = None) -> str:
        """The fullest form the article uses of ``name`` ("Medvedev" -> "Dmitry Medvedev"); a surname
        two people share is the one named in full shortly before ``at``, if any, else the first named."""
        cleaned = clean_name(name)
        words = cleaned.split()
        if not words:
            return cleaned
        if at is not None and len(words) == 1:
            near = [full for start, full in self.full_mentions.get(words[0].lower(), []) if at - NEARBY <= start < at]
            if near:
                return self.agreeing(near[-1], words[0], at, gender)
        full = self.full_names.get(words[-1].lower())
        if full and at is not None and len(words) == 1:
            return self.agreeing(full, words[0], at, gender)
        if full and len(full.split()) >= len(words) and compatible(words, full.split()):
            return full
        return cleaned

    def agreeing(self, chosen: str, surname: str, at: int, gender: str | None) -> str:
        """"Ms. Khan" is not Humayun Khan, known to be a man: the latest other Khan named in full
        before ``at`` and known to be a woman, if any."""
        if gender is None or self.genders.get(chosen, gender) == gender:
            return chosen
        others = [full for start, full in self.full_mentions.get(surname.lower(), []) if start < at]
        return next((full for full in reversed(others) if self.genders.get(full) == gender), chosen)

    def is_person(self, name: str) -> bool:
        words = clean_name(name).split()
        return bool(words) and words[-1].lower() in self.full_names

    def role(self, canonical_name: str) -> str | None:
        return self.roles.get(canonical_name)


def compatible(short: list[str], full: list[str]) -> bool:
    """``short`` names the same person as ``full``: every word of it appears there, in order."""
    lowered = [w.lower() for w in full]
    return all(w.lower() in lowered for w in short)


def one_person(a: list[str], b: list[str]) -> bool:
    return compatible(a, b) or compatible(b, a)


def clean_name(name: str) -> str:
    name = name.replace("’", "'").strip(" ,.;:\"'“”")
    name = re.sub(r"'s$", "", name)
    words = [w for w in name.split() if w.lower() not in HONORIFICS]
    while words and words[0].lower() in NOT_NAME_WORDS:
        words = words[1:]
    return " ".join(words)


def build_index(doc: Doc) -> PeopleIndex:
    """Collect every person mention of ``doc`` with its title, then settle names and roles."""
    index = PeopleIndex()
    for ent in (ent for ent in doc.ents if ent.label_ in NAME_LABELS):  # in text order
        name = clean_name(ent.text)
        if not name or not any(ch.isupper() for ch in name) or " v. " in name:  # "Trump v. Trump" is a case
            continue
        role, past = title_before(doc, ent.start)
        if role is None:
            role, past = apposition_after(doc, ent.end)
        index.mentions.append(
            Mention(
                start=ent.start_char, end=ent.end_char, name=name, role=role, past=past,
                gender=honorific_gender(doc, ent.start),
            )
        )
    settle(index)
    missed = [missed_mention(token) for token in doc if is_missed_surname(index, token)]
    if missed:  # settled again: a missed full name ("Carly Fiorina" read as an organisation) is a person
        index = PeopleIndex(mentions=sorted(index.mentions + missed, key=lambda m: m.start))
        settle(index)
    return index


def honorific_gender(doc: Doc, start: int) -> str | None:
    """"Mr. Trump", "Mrs. Clinton": the honorific before a name says which pronoun stands for it."""
    word = doc[start - 1].lower_.rstrip(".") if start > 0 else ""
    return "he" if word == "mr" else "she" if word in {"mrs", "ms"} else None


def is_missed_surname(index: PeopleIndex, token: Token) -> bool:
    """``Fiorina wrote, she began ...`` with "Fiorina" tagged as an organisation or nothing: the
    surname of a person the article names elsewhere is a mention of that person (not inside a
    longer name such as "Trump Tower", and not a place such as "Washington")."""
    return (
        token.tag_ == "NNP"
        and token.ent_type_ in {"", "ORG"}
        and token.dep_ not in {"compound", "poss"}
        and token.lower_ in index.full_names
        and " " in index.full_names[token.lower_]
        and bool(clean_name(token.text))  # "House" of a misread "White House" is no surname
    )


def missed_mention(token: Token) -> Mention:
    """The surname, with the first name the parser put in the same entity ("Carly Fiorina")."""
    first = token.doc[token.i - 1] if token.i > 0 else token
    if not (
        token.ent_iob_ == "I"
        and first.ent_type_ == token.ent_type_
        and first.tag_ == "NNP"
        and first.text.istitle()
        and first.lower_ not in NOT_NAME_WORDS | HONORIFICS
    ):
        first = token
    name = token.doc[first.i : token.i + 1].text  # never ``doc.text``: it is rebuilt on every read
    return Mention(start=first.idx, end=token.idx + len(token), name=name, role=None, past=False)


def settle(index: PeopleIndex) -> None:
    """Fullest name per person, the first named in full owning the bare surname; then the first
    present-tense role and the honorific of each person."""
    people: dict[str, list[str]] = {}  # surname -> fullest name of each person, first named first
    owners = []  # per mention: its surname and the person it names (an index into ``people``)
    for mention in sorted(index.mentions, key=lambda m: (" " not in m.name, m.start)):
        words = mention.name.split()
        names = people.setdefault(words[-1].lower(), [])
        same = next((i for i, n in enumerate(names) if one_person(words, n.split())), None)
        if same is None:
            same = len(names)
            names.append(mention.name)
        elif len(words) > len(names[same].split()):
            names[same] = mention.name
        owners.append((mention, words[-1].lower(), same))
    index.full_names.update((last, names[0]) for last, names in people.items())
    for mention, last, same in sorted(owners, key=lambda o: o[0].start):
        if len(people[last]) > 1 and " " in mention.name:
            index.full_mentions.setdefault(last, []).append((mention.start, people[last][same]))
    complete_first_names(index)
    for mention in index.mentions:
        canonical = index.canonical(mention.name, mention.start)
        if mention.gender:
            index.genders.setdefault(canonical, mention.gender)
        if mention.role and not mention.past and canonical not in index.roles:
            index.roles[canonical] = mention.role


def complete_first_names(index: PeopleIndex) -> None:
    """``"Donald is very tough," she said`` after ``Donald Trump filed``: a name used alone that no
    fuller name ends with, but exactly one fuller name begins with, is that person's first name."""
    fuller = [m.name for m in index.mentions if " " in m.name]
    for last, name in list(index.full_names.items()):
        if " " in name:
            continue
        owners = {index.canonical(full) for full in fuller if full.split()[0] == name}
        if len(owners) == 1:
            index.full_names[last] = owners.pop()
