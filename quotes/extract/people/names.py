"""A person's name as a string: the words that are no part of it (titles, honorifics, an outlet owning it),
and whether two names can be one person's."""

from __future__ import annotations

import re

from .role_words import PAST_MARKERS, ROLE_NOUNS, TITLE_WORDS

NOT_NAME_WORDS = TITLE_WORDS | PAST_MARKERS | ROLE_NOUNS  # words that open a name's span but are no part of it
HONORIFICS = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "prof.", "rev."}


def compatible(short: list[str], full: list[str]) -> bool:
    """``short`` names the same person as ``full``: every word of it appears there, in order."""
    lowered = [w.lower() for w in full]
    return all(w.lower() in lowered for w in short)


def one_person(a: list[str], b: list[str]) -> bool:
    return compatible(a, b) or compatible(b, a)


def clean_name(name: str) -> str:
    name = name.replace("’", "'").replace("[", "").replace("]", "")  # "[Hillary] Clinton" in someone's words
    name = name.strip(" ,.;:\"'“”-–—•")  # a dash or bullet opening a list line ("-Pollster Ann Selzer")
    name = re.sub(r"'s$", "", name)
    name = re.sub(r"^.*'s\s+(?=[A-Z])", "", name)  # "Breitbart's Joel Pollak": the outlet is no part of it
    words = [w for w in name.split() if w.lower() not in HONORIFICS]
    while words and words[0].lower() in NOT_NAME_WORDS:
        words = words[1:]
    return " ".join(words)
