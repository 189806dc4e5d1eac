"""Whether a name stands for someone on an occasion: the same person written two ways ("Sandy Paradis",
"Sandra Paradis"), an organisation by its closing words ("the Sanders campaign"), other named people
acting on it."""

from __future__ import annotations


def is_among(speaker: str, names: frozenset[str]) -> bool:
    """The speaker by name, or an organisation by the same closing words ("the Sanders campaign"), or
    named short after it was named in full ("the budget office" after "the nonpartisan Congressional
    Budget Office": two words at least, "the campaign" may be anyone's)."""
    wanted = same_words(speaker)
    short = wanted.removeprefix("the ")
    return any(same_person(speaker, name) for name in names) or any(
        wanted.endswith(name) or (" " in short and same_words(name).endswith(" " + short))
        for name in names if name.islower()
    )


def same_person(a: str, b: str) -> bool:
    """Two written forms of one name: the same surname, and one form holds the other ("Billionaire
    Donald Trump", "Donald Trump") or the first names start alike ("Sandy Paradis", "Sandra Paradis");
    never "Bill Clinton" for "Hillary Clinton"."""
    if a == b:
        return True
    first, second = a.lower().split(), b.lower().split()
    if not first or not second or first[-1] != second[-1] or b.islower():
        return False
    return set(first) <= set(second) or set(second) <= set(first) or first[0][0] == second[0][0]


def same_words(text: str) -> str:
    return text.lower().replace("’", "'").strip()


def others_act(people: frozenset[str]) -> bool:
    """A cue on what other named people did ("Trump tweeted Sunday") interrupts the speaker's scene
    without ending it; an occasion of no one named ("on Wednesday, the crowd ...") ends it."""
    return any(not name.islower() for name in people)
