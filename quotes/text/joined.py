"""People named together as one speaker, written as the article joins them: "Bob Goodlatte and Trey Gowdy",
"Jason Dana, Robyn Dawes and Nathanial Peterson". Extraction writes the form (``join_names``); the
statements stage and the store read it back (``names_joined``), so the two cannot drift apart."""

from __future__ import annotations


def join_names(names: list[str]) -> str:
    """Two or more names as one speaker: commas between them, "and" before the last."""
    return ", ".join(names[:-1]) + " and " + names[-1]


def names_joined(speaker: str) -> list[str]:
    """The names ``speaker`` joins, in order, as ``join_names`` wrote them; [] when it holds no " and "."""
    if " and " not in speaker:
        return []
    first, last = speaker.rsplit(" and ", 1)
    return [*first.split(", "), last]
