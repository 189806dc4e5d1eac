"""A statement's summary from its stored summary and the occurrences a batch appended, when that is exact.

``write.summary`` is a function of a statement's occurrences in ``write.SUMMARY_ORDER``, and
``write.settle`` reads them all back: at 1M quotes a batch's touched statements hold about ten
times the occurrences it adds (a wire copy adds one to a statement of a hundred), and that read was
a fifth of the writer's time. When a batch only appended occurrences to a stored statement (no
stored member moved in or out), most of the summary follows from the stored one: the count adds up,
the earliest dates are the earliest of the stored ones and the new, and a new occurrence whose words
are no longer than the summary's, whose speaker is already one of its ranked names and who does not
draw level with another name, and whose role is none, another person's, or the main speaker's
current role, leaves the rest as it was or moves one name up a rank.

Every other case depends on the order of the occurrences (ties go to the earliest published), which
this module never computes: it gives up on that statement (``None``) and ``write.settle`` reads its
occurrences, so the summary is the one ``write.summary`` gives in every case (tests/test_batch_writer.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from quotes import statements
from quotes.text import earliest

from .compat import sqlite_utils

# What a new occurrence brings: text, speaker, role, date_key, the article's publication date.
Added = tuple[str, str | None, str | None, str | None, str | None]
Ranked = list[tuple[str, int]]


def summaries(db: sqlite_utils.Database, added: dict[str, list[Added]]) -> dict[str, list[object]]:
    """The summaries (``write.summary``'s values) of those statements in ``added`` whose summary follows
    from the stored one and the occurrences appended to them; the others are left out."""
    found: dict[str, list[object]] = {}
    for cid, *stored in db.execute(
        "SELECT id, text, speaker, role, date, first_seen, occurrences, speakers FROM clusters"
        " WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(added))],
    ):
        summary = extended(stored, added[cid])
        if summary is not None:
            found[cid] = summary
    return found


def extended(stored: list[object], rows: Iterable[Added]) -> list[object] | None:
    """A stored summary with ``rows`` appended, or ``None`` when the order of the occurrences decides it."""
    text, main, role, date, first, count, speakers = stored
    ranked: Ranked = [(str(name), int(n)) for name, n in json.loads(str(speakers))]
    state = (str(text), None if main is None else str(main), None if role is None else str(role), ranked)
    rows = list(rows)
    for row in rows:
        step = _appended(*state, row)
        if step is None:
            return None
        state = step
    text, main, role, ranked = state
    people = statements.people(ranked)
    return [text, main, role, earliest([str(date) if date else None, *(row[3] for row in rows)]),
            earliest([str(first) if first else None, *(row[4] for row in rows)]), int(str(count)) + len(rows),
            json.dumps(ranked), int(len(people) > 1)]


def _appended(
    text: str, main: str | None, role: str | None, ranked: Ranked, row: Added
) -> tuple[str, str | None, str | None, Ranked] | None:
    """One occurrence appended: the summary's text, main speaker, role and ranked names, if order-free."""
    words, speaker, said_as = row[0], row[1], row[2]
    if len(words) > len(text) or (len(words) == len(text) and words != text):
        return None  # a longer (or as long) wording: which comes first decides
    if not speaker:
        return text, main, role, ranked
    counts = dict(ranked)
    if speaker not in counts:
        return None  # a new name may regroup the names (``statements.name_labels``)
    counts[speaker] += 1
    if any(n == counts[speaker] for name, n in counts.items() if name != speaker):
        return None  # level with another name: first appearance decides
    moved = sorted(((name, counts[name]) for name, _ in ranked), key=lambda item: -item[1])  # stable: ties kept
    people = statements.people(moved)
    if (people[0][0] if people else None) != main:
        return None  # another main speaker: the roles are counted anew
    if said_as and main and statements.same_person(speaker, main) and role != said_as:
        if role is not None:
            return None  # another role of the main speaker: it may draw level
        role = said_as
    return text, main, role, moved
