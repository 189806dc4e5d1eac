"""Which statements of a family a member may fit, found by the weeks of their occasions, not by trying each.

``partition`` tries a member against every statement of its family, and a line many people repeat on
many days (a slogan: one family of thousands of members, as many statements as occasions) made that
quadratic: 1,000 members took 2.8 CPU seconds, 2,000 took 8. Most of those tries are ruled out by the
occasion alone, and for a short quote the rule is simple: its days must meet the statement's likely
days (``member.occasions_meet``; only a long quote, a word-for-word recap or an organisation's own
words may meet on the days not ruled out). So statements are filed under the weeks their likely days
span, and a short quote is tried against those of its own weeks only; everything else (a long quote, a
quote of unknown date, a statement of unknown or wide occasion) is tried as before. The statements
offered are a superset of those that fit, in the order they were started, so the outcome is exactly
the one trying every statement gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .match import SHORT_WORDS
from .member import Member
from .names import organisation_name
from .occasion import Occasion

WEEK = 7
# A statement whose likely days span more weeks than this (a month or a year) is tried with every
# member rather than filed under each of its weeks.
MAX_WEEKS = 6


def only_likely_days(member: Member) -> bool:
    """``member`` can meet a statement only on its likely days: short, and not an organisation's words
    (``member.occasions_meet``: the certain days count from SHORT_WORDS words, or for an organisation's
    own words said again), with a known occasion to compare."""
    short = len(member.wording.words) < SHORT_WORDS
    return short and member.occasion.known and organisation_name(member.speaker) is None


def weeks(occasion: Occasion) -> range:
    assert occasion.first is not None and occasion.last is not None
    return range(occasion.first // WEEK, occasion.last // WEEK + 1)


@dataclass
class Candidates:
    """Statements (by their index in the order started) filed by the weeks of their likely days."""

    count: int = 0
    by_week: dict[int, list[int]] = field(default_factory=dict)
    anywhen: dict[int, None] = field(default_factory=dict)  # unknown or wide occasions (ordered set)

    def file(self, index: int, occasion: Occasion) -> None:
        """File statement ``index`` (new, or whose occasion just became known) under its weeks."""
        self.count = max(self.count, index + 1)
        self.anywhen.pop(index, None)
        if not occasion.known or len(weeks(occasion)) > MAX_WEEKS:
            self.anywhen[index] = None
            return
        for week in weeks(occasion):
            self.by_week.setdefault(week, []).append(index)

    def for_member(self, member: Member) -> list[int] | range:
        """The statements ``member`` may fit, in the order they were started."""
        if not only_likely_days(member):
            return range(self.count)
        found = set(self.anywhen)
        for week in weeks(member.occasion):
            found.update(self.by_week.get(week, ()))
        return sorted(found)
