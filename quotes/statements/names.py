"""One person's names: "Medvedev" = "D. Medvedev" = "Dmitry Medvedev", but "Hillary Clinton" is not
"Bill Clinton"; merged under the fullest form (used by clusters, the speakers table and verify)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from quotes.text import names_joined

from .normalize import APOSTROPHE

# Words that may precede a name without making it another person ("President Putin", "Sen. Bernie
# Sanders", "Former Secretary Clinton").
_HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "dr", "sir", "president", "prime", "minister", "pm", "gen", "general", "former",
     "vice", "sen", "senator", "rep", "representative", "gov", "governor", "secretary", "mayor", "rev",
     "reverend", "ambassador", "lt", "col", "sgt", "adm", "chairman", "chairwoman"]
)  # not "Justice" nor "State": the Justice Department is not the State Department
# Words that may follow a name without making it another person ("Martin Luther King Jr.").
_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
# One given name in its usual forms: "Bernie" Sanders is "Bernard" Sanders, "Tom" is "Thomas".
# Only listed forms: a name that merely starts another is often someone else's ("Eric" and "Erica"
# Garner, "Robert" and "Roberta", "Paul" and "Paula").
_GIVEN_FORMS = [
    frozenset(group.split())
    for group in (
        "bernard bernie", "william bill billy will", "robert bob bobby rob", "richard dick rick ricky",
        "thomas tom tommy", "james jim jimmy", "joseph joe joey", "michael mike mick", "edward ed ted eddie",
        "theodore ted teddy", "charles chuck charlie", "daniel dan danny", "david dave", "steven steve",
        "stephen steve", "anthony tony", "benjamin ben", "patrick pat", "patricia pat patty", "elizabeth liz beth",
        "katherine kate kathy", "catherine kate cathy", "christopher chris", "christine chris", "matthew matt",
        "nicholas nick", "andrew andy drew", "alexander alex", "samuel sam", "jonathan jon", "gregory greg",
        "jeffrey jeff", "ronald ron", "donald don", "timothy tim", "kenneth ken", "lawrence larry",
        "gerald jerry", "jerome jerry", "margaret maggie peggy", "susan sue", "deborah debbie deb",
        "jennifer jen jenny", "rebecca becky", "frederick fred", "harold harry", "henry hank harry",
        "albert al", "alan al", "allen al", "leonard leo len", "douglas doug", "raymond ray", "walter walt",
        "abraham abe", "zachary zach", "nathaniel nate", "nathan nate", "joshua josh", "vincent vince",
        "philip phil", "phillip phil", "randall randy", "rudolph rudy", "newton newt", "mitchell mitch",
        "stanley stan", "peter pete", "kimberly kim", "gabriel gabe", "jacob jake", "louis lou",
    )
]
_POSSESSIVE = re.compile(r"['’]s\b")


def name_tokens(name: str) -> list[str]:
    return list(_name_tokens(name))


@functools.lru_cache(maxsize=65536)  # a corpus names few people many times; clustering asks again and again
def _name_tokens(name: str) -> tuple[str, ...]:
    """Case-, mark- and apostrophe-insensitive words of a name, leading honorifics dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = APOSTROPHE.sub("", _POSSESSIVE.sub("", text))  # "Putin's" -> putin, "O'Brien" = "OBrien"
    tokens = re.findall(r"\w+", text)
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        tokens = tokens[:-1]
    while len(tokens) > 1 and tokens[0] in _HONORIFICS:
        tokens = tokens[1:]
    return tuple(tokens)


def same_person(a: str, b: str) -> bool:
    """Lenient name match: same surname, and the other names agree (an initial matches a name).

    "Medvedev" = "Dmitry Medvedev" = "D. Medvedev", but "Hillary Clinton" != "Bill Clinton". People named
    together ("Bob Goodlatte and Trey Gowdy") are one speaker only with the same people together, never
    with one of them ("Trey Gowdy" alone said other things: ``one_of`` asks whether he is among them).
    """
    ja, jb = joint_people(a), joint_people(b)
    if ja or jb:
        return len(ja) == len(jb) and all(any(same_person(x, y) for y in jb) for x in ja)
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    short, long = (ta[:-1], tb[:-1]) if len(ta) <= len(tb) else (tb[:-1], ta[:-1])
    return all(any(_same_given_name(s, t) for t in long) for s in short)


@functools.lru_cache(maxsize=65536)  # asked with every name comparison
def joint_people(name: str) -> tuple[str, ...]:
    """The people a speaker names together, as ``extract`` prints them ("Bob Goodlatte and Trey Gowdy",
    "Jason Dana, Robyn Dawes and Nathanial Peterson"; "David and Jeanne Heidler": David Heidler too), each a
    person's name; () for anything else ("Procter and Gamble" is no two people: "and" in lower case only
    between names that each read as a name, and an organisation's noun makes it one)."""
    parts = names_joined(name)
    if not parts or organisation_name(name) is not None or not all(is_person_name(part) for part in parts):
        return ()
    surname = parts[-1].split()[-1]
    return tuple(part if " " in part else f"{part} {surname}" for part in parts)


def one_of(person: str, name: str) -> bool:
    """``person`` is the speaker ``name``, or one of the people it names together ("Bob Goodlatte" of
    "Bob Goodlatte and Trey Gowdy"): asking whether someone said words credited to a group."""
    return same_person(person, name) or any(same_person(person, member) for member in joint_people(name))


def _same_given_name(a: str, b: str) -> bool:
    """Equal, one the other's initial, or two usual forms of one name ("Bernie" and "Bernard"); either
    way round (the relation must be symmetric)."""
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    return any(a in forms and b in forms for forms in _GIVEN_FORMS)


def fullness(name: str) -> tuple[int, int, str]:
    """Sort key putting the fullest form of a name first: most words, then longest, then by text."""
    return (-len(name_tokens(name)), -len(name), name)


def merge_names(names: Iterable[str]) -> list[tuple[str, int]]:
    """(name, count) with names of one person merged under the fullest, most common first.

    Ties keep the order of first appearance. A name that matches several different people
    ("Clinton" with "Bill Clinton" and "Hillary Clinton") is ambiguous and stays on its own.
    """
    given = [name for name in names if name]
    label_of = name_labels(given)
    counts: Counter[str] = Counter()
    for name in given:  # Counter keeps insertion order: first appearance decides ties below
        counts[label_of[name]] += 1
    return sorted(counts.items(), key=lambda item: -item[1])


def name_labels(names: Iterable[str]) -> dict[str, str]:
    """Each name -> the fullest name of its person; an ambiguous name is its own label."""
    labels: list[str] = []
    label_of: dict[str, str] = {}
    for name in sorted(set(names), key=fullness):
        matches = [label for label in labels if same_person(label, name)]
        label_of[name] = matches[0] if len(matches) == 1 else name
        if len(matches) != 1:
            labels.append(name)
    return label_of


# Words that open a description of a source rather than a name ("The Democratic front-runner",
# "One Clinton spokesman", "Her critics").
_DESCRIPTION_OPENERS = frozenset(
    ["the", "a", "an", "one", "two", "three", "some", "several", "many", "most", "other", "another",
     "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those"]
)
_PARTICLES = frozenset(
    ["de", "del", "della", "der", "di", "da", "du", "van", "von", "bin", "ibn", "al", "el", "la", "le", "los",
     "las", "st", "y"]
)
MAX_NAME_WORDS = 5  # "Obama Claims Hillary Most Qualified Presidential Candidate Ever" is a headline
# One capitalised word that names nobody: a pronoun, a title, or a group or kind of source at the
# start of a sentence ("Critics said", "Officials say", "Democrats argue", "Mr" cut from its name).
_NOT_NAMES = frozenset(str.split(
    """someone somebody anyone everyone everybody nobody all others another both many some few most
    mr mrs ms dr sir madam president senator governor secretary mayor judge official officials source
    sources critics supporters opponents protesters demonstrators voters residents attendees attendee
    analysts experts aides advisers advisors observers organizers organisers operative operatives
    witnesses witness reports report reporters police democrats republicans conservatives liberals
    progressives independents americans russians latinos officers spokesman spokeswoman spokesperson
    state camera shouts"""
))


@functools.lru_cache(maxsize=65536)
def is_person_name(speaker: str | None) -> bool:
    """A person's name ("Donald J. Trump", "Sanders"), not a description of a source ("The Democratic
    front-runner", "Clinton's campaign", "a senior aide") nor a misread headline.

    Only a name can contradict another: a description says who reported the words, not who else said them.
    """
    if not speaker:
        return False
    words = speaker.split()
    if not words or len(words) > MAX_NAME_WORDS or words[0].casefold() in _DESCRIPTION_OPENERS:
        return False
    if len(words) == 1 and words[0].strip(".,").casefold() in _NOT_NAMES:
        return False
    if _POSSESSIVE.search(speaker):
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.casefold() in _PARTICLES for w in words)


# Nouns that make capitalised words an organisation's name ("The State Department", "The Trayvon
# Martin Foundation"), not a description ("The Democratic front-runner") nor a group ("Democrats").
_ORGANISATION_NOUNS = frozenset(str.split(
    """department ministry agency bureau office commission committee council foundation institute
    association union party campaign administration house senate congress court fbi cia nsa pentagon
    kremlin corporation company inc corp group network university"""
))


@functools.lru_cache(maxsize=65536)  # asked for each pair of members compared
def organisation_name(speaker: str | None) -> str | None:
    """The name of an organisation as a key ("state department"), or None for a person or a description.

    Capitalised words (after a leading "The") with a noun naming an organisation among them."""
    if not speaker:
        return None
    words = speaker.split()
    if words[0].casefold() == "the":
        words = words[1:]
    if not words or len(words) > MAX_NAME_WORDS or not all(w[:1].isupper() or w.casefold() in _PARTICLES
                                                            or w.casefold() in {"of", "for", "and"} for w in words):
        return None
    key = [w.casefold().strip(".,") for w in words]
    return " ".join(key) if any(w in _ORGANISATION_NOUNS for w in key) else None


def speakers_agree(a: str | None, b: str | None) -> bool | None:
    """True: one person by name, or one organisation by the same name; False: two different people
    by name; None: no name to compare."""
    if not is_person_name(a) or not is_person_name(b):
        return True if one_voice(a, b) or one_voice(b, a) else None
    assert a is not None and b is not None
    return same_person(a, b)


def one_voice(a: str | None, b: str | None) -> bool:
    """``a`` names an organisation that speaks as ``b``: the same organisation by name, or one
    named after ``b``'s family (the Trayvon Martin Foundation's statement is Tracy Martin's)."""
    org = organisation_name(a)
    if org is None:
        return False
    if org == organisation_name(b):
        return True
    return is_person_name(b) and b is not None and _name_tokens(b)[-1:] in [(w,) for w in org.split()[:-1]]


def people(ranked: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The speakers that can dispute each other: the named people among merged speakers (a
    description such as "a Clinton spokesman" reports, it does not contradict); the descriptions
    themselves when nobody is named."""
    return [item for item in ranked if is_person_name(item[0])] or ranked
