"""People in an article: their mentions, canonical full names and roles in force, over a spaCy ``Doc``.

Pure functions over the ``Doc`` build a ``PeopleIndex`` that maps any later
mention ("Medvedev", "Dmitry Medvedev's") to the fullest name the article uses
and to the role in force in this article ("Prime Minister"; "then-President"
describes the past and is skipped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .gender import gender_of
from .names import HONORIFICS, NOT_NAME_WORDS, clean_name, compatible, one_person, surname
from .role_nouns import names_a_person
from .role_words import PAST_MARKERS, TITLE_HEADS
from .roles import Role, roles_at_mention
from .tenure import choose_role

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token

NAME_LABELS = {"PERSON"}
DASHES = {"-", "–", "—"}
KIN_NOUNS = {
    "wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "widow", "widower", "grandson",
    "granddaughter", "grandmother", "grandfather", "nephew", "niece", "cousin", "stepson", "stepdaughter",
}
# Capitalised words right before a name that the tagger reads as part of it, none a first name: a spouse in a
# headline ("From Wife Huma Abedin"), the second word of "General Counsel".
GLUED_WORDS = {"wife", "husband", "widow", "widower", "counsel"}
# Verbs of saying that open an inverted clause, capitalised ("Said Comey, ..."): no first name when the article
# also writes them as verbs ("Rose", "Won", "Sung" are first names, and never checked).
SPEECH_FORMS = {"said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "told", "tells", "noted"}
NEARBY = 600  # characters back in which a full name settles whom a shared surname means


@dataclass(frozen=True, kw_only=True)
class Mention:
    start: int
    end: int
    name: str  # the name as written, titles and possessive removed
    roles: tuple[Role, ...] = ()  # written at this mention: before it, in apposition, by a copula
    gender: str | None = None  # "he" after "Mr.", "she" after "Mrs." or "Ms."
    first_taken_in: bool = False  # a first name the entity missed ("Chair Debbie [Wasserman Schultz]")
    kin: str | None = None  # introduced as someone's relative ("his wife, X"): the relative noun


@dataclass(kw_only=True)
class PeopleIndex:
    """Names and roles of the people an article mentions."""

    mentions: list[Mention] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)  # last token (lower) -> fullest name
    roles: dict[str, list[Role]] = field(default_factory=dict)  # canonical name -> roles, in text order
    genders: dict[str, str] = field(default_factory=dict)  # canonical name -> "he" or "she", when written
    # Surnames two people share ("Carly Fiorina", "Frank Fiorina"): where each is named in full.
    full_mentions: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    # Surname (lower) -> "First Surname" forms written anywhere, people or not ("Colorado's Kendal Unruh").
    written: dict[str, set[str]] = field(default_factory=dict)
    kin_starts: dict[str | None, set[int]] = field(default_factory=dict)  # relatives named in full, by gender
    verbs: set[str] = field(default_factory=set)  # "said", "asked": verbs of saying the article writes so

    def written_in_full(self, word: str) -> str | None:
        """The one full name the article writes for a surname the parser did not read as a person."""
        names = self.written.get(word.lower(), set())
        return next(iter(names)) if len(names) == 1 else None

    def canonical(self, name: str, at: int | None = None, gender: str | None = None) -> str:
        """The fullest form the article uses of ``name`` ("Medvedev" -> "Dmitry Medvedev"); a surname
        two people share is the one named in full shortly before ``at``, if any, else the first named."""
        cleaned = clean_name(name) or self.title_surname(name)
        words = cleaned.split()
        if len(words) > 1 and words[0].lower() in self.verbs:  # "Said Comey, ...": the verb is no first name
            words = words[1:]
            cleaned = " ".join(words)
        if not words:
            return cleaned
        if at is not None and len(words) == 1:
            # a relative named in passing ("his wife, Gabriela Violeta Lazar") is not whom the bare surname
            # means, unless an honorific says it is that relative ("her husband, Bill Clinton ... Mr. Clinton")
            passing = {s for kin_gender, starts in self.kin_starts.items() if gender is None or kin_gender != gender
                       for s in starts}
            near = [full for start, full in self.full_mentions.get(words[0].lower(), [])
                    if at - NEARBY <= start < at and start not in passing]
            if near:
                return self.agreeing(near[-1], words[0], at, gender)
        full = self.full_names.get(surname(words))
        if full and at is not None and len(words) == 1:
            return self.agreeing(full, words[0], at, gender)
        if full and len(full.split()) >= len(words) and compatible(words, full.split()):
            return full
        return cleaned

    def title_surname(self, name: str) -> str:
        """A surname that is also a title word ("Mr. King", "Ms. White", "Prince" after "Erik Prince"): kept
        after an honorific, or when the article names someone in full with it; "" otherwise."""
        words = name.replace("’", "'").strip(" ,.;:\"'“”").split()
        if not words:
            return ""
        last = re.sub(r"'s$", "", words[-1])
        honorific = len(words) > 1 and words[-2].lower() in HONORIFICS
        return last if last[:1].isupper() and (honorific or last.lower() in self.full_names) else ""

    def agreeing(self, chosen: str, surname: str, at: int, gender: str | None) -> str:
        """"Ms. Khan" is not Humayun Khan, known to be a man: the latest other Khan named in full
        before ``at`` and known to be a woman, if any."""
        if gender is None or self.genders.get(chosen, gender) == gender:
            return chosen
        others = [full for start, full in self.full_mentions.get(surname.lower(), []) if start < at]
        return next((full for full in reversed(others) if self.genders.get(full) == gender), chosen)

    def is_person(self, name: str) -> bool:
        words = clean_name(name).split()
        return bool(words) and surname(words) in self.full_names

    def role(self, canonical_name: str, *, mention_at: int | None, quote_at: int, year: str | None) -> str | None:
        """The role in force when the quote at ``quote_at`` was said (see ``tenure.choose_role``)."""
        return choose_role(self.roles.get(canonical_name, []), mention_at=mention_at, quote_at=quote_at, year=year)


def roles_written_for(doc: Doc, name: str, *, person: bool = True) -> list[Role]:
    """The roles written at every place ``name`` is written, for a person the parser never read as one
    ("Amanda Renteria is the campaign's national political director", "Renteria" an organisation); unless
    ``person``, only roles whose head names a person ("director", not "FOX" of "FOX Fox News")."""
    words = name.split()
    if not words:
        return []
    roles: list[Role] = []
    ents = doc.ents
    for token in doc:
        if token.text != words[-1] or token.tag_ != "NNP":
            continue
        start = token.i - len(words) + 1
        if start < 0 or [t.text for t in doc[start : token.i + 1]] != words:
            start = token.i  # the surname alone
        roles.extend(roles_at_mention(doc, start, token.i + 1, ents))
    return [r for r in roles if person or names_a_person(role_head_word(r.text))]


def role_head_word(role: str) -> str:
    """The last word of a role before what it is of: "director" of "campaign director for Jane Roe"."""
    return re.split(r" (?:of|for|at|in|on|with|to) ", role)[0].split()[-1]


def build_index(doc: Doc) -> PeopleIndex:
    """Collect every person mention of ``doc`` with its roles, then settle names and roles."""
    index = PeopleIndex(verbs={t.lower_ for t in doc if t.lower_ in SPEECH_FORMS and t.is_lower and t.tag_[:2] == "VB"})
    ents = doc.ents
    names = (part for ent in ents if ent.label_ in NAME_LABELS for part in split_at_dashes(ent))
    for found in names:  # in text order
        start = name_start(found, index.verbs)
        found = with_nickname(found)
        # 'Juan "Chico" Manriquez of Oakland': no name ends with a lower-case word (but "Ban Ki-moon")
        while len(found) > 1 and found[-1].is_lower and found.doc[found.end - 2].whitespace_:
            found = found[:-1]
        name = clean_name(doc[start : found.end].text)
        if not name or not any(ch.isupper() for ch in name) or " v. " in name:  # "Trump v. Trump" is a case
            continue
        index.mentions.append(
            Mention(
                start=doc[start].idx, end=found.end_char, name=name,
                roles=tuple(roles_at_mention(doc, start, found.end, ents)),
                gender=honorific_gender(doc, start), first_taken_in=start < found.start, kin=named_as_kin(doc, start),
            )
        )
    index.mentions = unglued(index.mentions)
    settle(index)
    complete_from_text(index, doc)
    missed = [missed_mention(token, ents) for token in doc if is_missed_surname(index, token)]
    if missed:  # settled again: a missed full name ("Carly Fiorina" read as an organisation) is a person
        index = PeopleIndex(mentions=sorted(index.mentions + missed, key=lambda m: m.start), verbs=index.verbs)
        settle(index)
        complete_from_text(index, doc)
    return index


def with_nickname(ent: Span) -> Span:
    """'John “Tig” Tiegen' read as the entity 'John “Tig': the name runs on through the closing mark to
    the surname."""
    doc, end = ent.doc, ent.end
    if len(ent) < 3 or end + 1 >= len(doc) or not (doc[end - 2].is_quote and doc[end].is_quote):
        return ent
    surname = doc[end + 1]
    return doc[ent.start : end + 2] if surname.tag_ == "NNP" and surname.is_title else ent


def split_at_dashes(ent: Span) -> list[Span]:
    """"Deborah Jordan Reynolds - Santilli" read as one entity is two people around a spaced dash."""
    cuts = [t.i for t in ent if t.text in DASHES and t.whitespace_ and t.i > 0 and t.doc[t.i - 1].whitespace_]
    bounds = [ent.start, *[c for cut in cuts for c in (cut, cut + 1)], ent.end]
    return [ent.doc[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True) if b > a]


def name_start(ent: Span, verbs: set[str]) -> int:
    """The first token of the name proper: titles, honorifics and words the tagger does not read as
    a proper noun ("Certainly Donald Trump", "Telling Jeb Bush") are left out; a first name the entity
    missed ("Chair Debbie [Wasserman Schultz]") is taken in."""
    start = ent.start
    before = ent.doc[start - 1] if start > 0 else None
    if before is not None and missed_first_name(before, ent):
        return start - 1
    while start < ent.end - 1:
        token = ent.doc[start]
        word = token.lower_
        glued = token.tag_ not in {"NNP", "NNPS"} or word in verbs  # "Said Comey, ..."
        if not (word in NOT_NAME_WORDS or word in HONORIFICS or word.rstrip("-") in PAST_MARKERS or glued):
            break
        start += 1
    return start


def missed_first_name(token: Token, ent: Span) -> bool:
    """A capitalised proper noun right before the name, modifying it, that is no title or organisation,
    nor the last word of a title's "of" phrase ("Director of National Intelligence James Clapper")."""
    return (
        token.tag_ == "NNP"
        and token.is_title
        and token.ent_type_ in {"", "PERSON"}
        and token.lower_ not in NOT_NAME_WORDS | HONORIFICS | GLUED_WORDS
        and not (token.lower_ == "lady" and token.i > 0 and token.doc[token.i - 1].lower_ == "first")  # a title
        and token.dep_ == "compound"
        and ent.start <= token.head.i < ent.end
        and (token.left_edge.i == 0 or token.doc[token.left_edge.i - 1].lower_ != "of")
    )


def unglued(mentions: list[Mention]) -> list[Mention]:
    """A name that is another name of the article with words before it ("Billionaire Donald Trump",
    "Hillary Clinton Slams Donald Trump" in a headline) is that name: the words are not part of it; but a
    first name taken in from outside the entity is, before a two-word surname the article never shortens
    ("Debbie" of "Debbie [Wasserman Schultz]", not "Rival" of "Rival [Hillary Clinton]" with "Clinton" alone)."""
    names = {m.name for m in mentions if " " in m.name}
    alone = {m.name for m in mentions if " " not in m.name}
    fixed = []
    for mention in mentions:
        words = mention.name.split()
        shorter = next((" ".join(words[k:]) for k in range(1, len(words) - 1) if " ".join(words[k:]) in names), None)
        if shorter is None or (mention.first_taken_in and words[-1] not in alone):
            fixed.append(mention)
            continue
        fixed.append(replace(mention, name=shorter))
    return fixed


def named_as_kin(doc: Doc, start: int) -> str | None:
    """"his wife, Gabriela Violeta Lazar", "her son, Humayun Khan": the relative noun the name is given with."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    noun = doc[start - 2]
    return noun.lower_ if noun.lower_ in KIN_NOUNS and any(c.dep_ == "poss" for c in noun.children) else None


def honorific_gender(doc: Doc, start: int) -> str | None:
    """"Mr. Trump", "Mrs. Clinton": the honorific before a name says which pronoun stands for it."""
    word = doc[start - 1].lower_.rstrip(".") if start > 0 else ""
    return "he" if word == "mr" else "she" if word in {"mrs", "ms"} else None


def is_missed_surname(index: PeopleIndex, token: Token) -> bool:
    """``Fiorina wrote, she began ...`` with "Fiorina" tagged as an organisation, a nationality ("Cuban
    said" after "Mark Cuban") or nothing: the surname of a person the article names elsewhere is a
    mention of that person (not inside a longer name such as "Trump Tower", and not a place such as
    "Washington"); tagged a plural too ("a surging Sanders")."""
    return (
        (token.tag_ == "NNP" or (token.tag_ in {"NNPS", "NNS"} and token.is_title))
        and token.ent_type_ in {"", "ORG", "NORP"}
        and token.dep_ not in {"compound", "poss"}
        and token.lower_ in index.full_names
        and " " in index.full_names[token.lower_]
        and bool(clean_name(token.text))  # "House" of a misread "White House" is no surname
    )


def missed_mention(token: Token, ents: Sequence[Span]) -> Mention:
    """The surname, with the first name the parser put in the same entity ("Carly Fiorina"), and the titles
    written at it ("While Sanders, the independent senator from Vermont, has", "Sanders" an organisation):
    only those headed by an office's title, the parse there being less sure ("an Orlando Republican" is no
    office; a relative's "whose husband" is not hers)."""
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
    roles = tuple(r for r in roles_at_mention(token.doc, first.i, token.i + 1, ents)
                  if role_head_word(r.text.split(" from ")[0]).lower() in TITLE_HEADS)
    return Mention(start=first.idx, end=token.idx + len(token), name=name, roles=roles)


def settle(index: PeopleIndex) -> None:
    """Fullest name per person, the first named in full owning the bare surname; then the first
    present-tense role and the honorific of each person."""
    people: dict[str, list[str]] = {}  # surname -> fullest name of each person, first named first
    owners = []  # per mention: its surname and the person it names (an index into ``people``)
    for mention in sorted(index.mentions, key=lambda m: (" " not in m.name, m.start)):
        words = mention.name.split()
        names = people.setdefault(surname(words), [])
        same = next((i for i, n in enumerate(names) if one_person(words, n.split())), None)
        if same is None:
            same = len(names)
            names.append(mention.name)
        elif len(words) > len(names[same].split()):
            names[same] = mention.name
        owners.append((mention, surname(words), same))
    index.full_names.update((last, names[0]) for last, names in people.items())
    for mention, last, same in sorted(owners, key=lambda o: o[0].start):
        if len(people[last]) > 1 and " " in mention.name:
            index.full_mentions.setdefault(last, []).append((mention.start, people[last][same]))
    complete_first_names(index)
    index.kin_starts = {}
    for mention in index.mentions:
        if mention.kin is not None:
            index.kin_starts.setdefault(gender_of(mention.kin), set()).add(mention.start)
    for mention in index.mentions:
        canonical = index.canonical(mention.name, mention.start)
        if mention.gender:
            index.genders.setdefault(canonical, mention.gender)
        index.roles.setdefault(canonical, []).extend(mention.roles)


def complete_from_text(index: PeopleIndex, doc: Doc) -> None:
    """A person known by surname alone whose first name the article writes where the parser saw no
    person ("Colorado's Kendal Unruh", "ROME - Bernie Sanders met", a headline "Salma Hayek Described
    Her ..."): the one capitalised name word written right before the surname, if only one is."""
    for token in doc:
        if token.tag_ == "NNP" and token.is_title and token.i > 0 and written_full_name(doc[token.i - 1], token):
            index.written.setdefault(token.lower_, set()).add(doc[token.i - 1].text + " " + token.text)
        elif token.tag_ == "NNP" and token.is_title and (nicknamed := nickname_before(doc, token)):
            index.written.setdefault(token.lower_, set()).add(nicknamed)  # 'John "Tig" Tiegen'
    for last, name in list(index.full_names.items()):
        full = index.written_in_full(last)
        # a surname alone, or a nickname's name with a word glued before it ("Marine John “Tig” Tiegen")
        if full and (" " not in name or (name.endswith(" " + full) and any(m in full for m in "“”\""))):
            index.full_names[last] = full


def nickname_before(doc: Doc, last: Token) -> str | None:
    """'John “Tig” Tiegen': a first name, a nickname in quote marks, then the surname ``last``."""
    if last.i < 4:
        return None
    first, opening, nickname, closing = doc[last.i - 4 : last.i]
    marks = opening.is_quote and closing.is_quote and nickname.is_title and " " not in nickname.text
    if not marks or not written_full_name(first, nickname):
        return None
    return doc[first.i : last.i + 1].text


def written_full_name(first: Token, last: Token) -> bool:
    """Two capitalised proper nouns that may be a first name and a surname: no title, no group ("South
    Carolina Democrat"), no place unless the tagger ran the name into it ("ROME - Bernie Sanders" read
    as one place, "Salma Hayek Described ..." as a title) or an apposition says it is a person."""
    places = {"GPE", "NORP", "LOC", "FAC", "EVENT", "DATE"}
    if first.lower_ in NOT_NAME_WORDS | HONORIFICS:
        return False
    if last.ent_type_ in places and last.ent_iob_ == "B" and not described_as_person(last):
        return False
    if first.is_sent_start and not first.ent_type_ and last.ent_type_ == "ORG":  # "Outside Carrier's plant"
        return False
    ran_in = first.ent_iob_ == "I" or (first.ent_type_ and first.ent_type_ == last.ent_type_ and last.ent_iob_ == "I")
    return first.tag_ == "NNP" and first.is_title and (first.ent_type_ not in places or bool(ran_in))


def described_as_person(last: Token) -> bool:
    """A name the tagger read as a group or a place that an apposition says is a person: "Rosette
    Pambakian, a Tinder spokeswoman," ("Pambakian" read as a nationality)."""
    return any(c.dep_ == "appos" and c.tag_ == "NN" and names_a_person(c.text) for c in last.children)


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
