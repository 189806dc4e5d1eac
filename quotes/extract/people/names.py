"""A person's name as a string: the words that are no part of it (titles, honorifics, an outlet owning it),
and whether two names can be one person's."""

from __future__ import annotations

import re

from .role_words import PAST_MARKERS, ROLE_NOUNS, TITLE_WORDS

NOT_NAME_WORDS = TITLE_WORDS | PAST_MARKERS | ROLE_NOUNS  # words that open a name's span but are no part of it
HONORIFICS = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "prof.", "rev."}
# What closes a full name after the surname ("Joseph R. Biden Jr."): never the surname itself.
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def compatible(short: list[str], full: list[str]) -> bool:
    """``short`` names the same person as ``full``: every word of it appears there, in order."""
    lowered = [w.lower() for w in full]
    return all(w.lower() in lowered for w in short)


def one_person(a: list[str], b: list[str]) -> bool:
    """``a`` and ``b`` can name one person: one holds the other's words, and no suffix tells a father from
    his son ("Duncan Hunter Sr." is not "Duncan Hunter"; "James B. Comey Jr." is "James Comey")."""
    ours, theirs = suffix(a), suffix(b)
    if ours != theirs and len(a) > 1 and len(b) > 1 and ("sr" in {ours, theirs} or (ours and theirs)):
        return False
    return compatible(a, b) or compatible(b, a)


def suffix(words: list[str]) -> str:
    """The suffix closing a name ("jr", "sr", "ii"), without its stop; "" if none."""
    last = words[-1].lower().rstrip(".") if words else ""
    return last if last in SUFFIXES else ""


def clean_name(name: str) -> str:
    name = name.replace("’", "'").replace("[", "").replace("]", "")  # "[Hillary] Clinton" in someone's words
    name = name.strip(" ,.;:\"'“”-–—•&")  # a list line's dash or bullet ("-Pollster Ann Selzer"); "X &"
    name = re.sub(r"'s$", "", name)
    name = re.sub(r"^.*'s\s+(?=[A-Z])", "", name)  # "Breitbart's Joel Pollak": the outlet is no part of it
    words = [w for w in name.split() if w.lower() not in HONORIFICS]
    while words and words[0].lower() in NOT_NAME_WORDS:
        words = words[1:]
    if len(words) > 2 and words[-1].lower() in {"jr", "sr"}:
        words[-1] += "."  # the stop stripped with the sentence's: "Joseph R. Biden Jr."
    return " ".join(words)


def surname(words: list[str]) -> str:
    """The word a name is known by alone, lower-cased: the last, or the one before a suffix ("Biden" of
    "Joseph R. Biden Jr.")."""
    if len(words) > 1 and suffix(words):
        return words[-2].lower()
    return words[-1].lower()
