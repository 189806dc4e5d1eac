"""The occasion of a quote: the span of days on which the words can have been said.

A statement is words said by one person on one occasion, so two quotes whose days cannot meet are
two statements, however alike their words. How firm the span is depends on where the date came
from (``Quote.date_basis``):

- ``explicit`` (a date the article states): that day, month or year;
- ``relative`` ("said on Sunday", counted from the publication day): a few days either side, since
  the counting can be off;
- ``article`` (no date said: the publication day stands in): most likely the few days before
  publication, since news mostly reports what was just said; for certain only "not after it", as
  a report can come back to words said months ago.

Callers choose how to compare (``meets``): the likely days for short, common lines that people
repeat on many occasions; the certain days for long quotes, which are rarely said twice word for word,
and for words one report gives word for word from another that has a date of its own (a recap).

A year-less date takes the publication year; no date and no publication date is an unknown
occasion, which meets every other.
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass
from datetime import date

from quotes.text import parse_iso

RELATIVE_SLACK = 2  # days either side of a date counted from the publication day
ARTICLE_BEFORE = 3  # days before publication that words reported without a date may have been said
ARTICLE_AFTER = 1  # a publication date in another time zone can be a day early


@dataclass(frozen=True)
class Occasion:
    """Days (proleptic ordinals) the words were likely said on, ``first`` to ``last`` inclusive;
    ``open_before``: for certain only not after ``last`` (a date that is only the publication's)."""

    first: int | None = None
    last: int | None = None
    open_before: bool = False

    @property
    def known(self) -> bool:
        return self.first is not None and self.last is not None

    def meets(self, other: Occasion, *, certain: bool = False) -> bool:
        """The two spans share a day: the likely days, or with ``certain`` the days not ruled out
        (an unknown occasion meets every other)."""
        if not self.known or not other.known:
            return True
        assert self.first is not None and self.last is not None
        assert other.first is not None and other.last is not None
        mine = None if certain and self.open_before else self.first
        theirs = None if certain and other.open_before else other.first
        return (mine is None or mine <= other.last) and (theirs is None or theirs <= self.last)


UNKNOWN = Occasion()


@functools.lru_cache(maxsize=1 << 14)  # a corpus repeats its dates: each combination is worked out once
def occasion_of(said: str | None, basis: str | None, published: str | None) -> Occasion:
    """The occasion of a quote from its date said, the date's basis and the publication date."""
    if said and basis != "article":
        span = days(said, published)
        if span is None:
            return UNKNOWN
        slack = RELATIVE_SLACK if basis == "relative" else 0
        return Occasion(span[0] - slack, span[1] + slack)
    span = days(said or published, published)
    if span is None:
        return UNKNOWN
    return Occasion(span[0] - ARTICLE_BEFORE, span[1] + ARTICLE_AFTER, open_before=True)


def days(value: str | None, published: str | None) -> tuple[int, int] | None:
    """First and last day of an ISO partial date; a year-less one takes the publication year."""
    parsed = parse_iso(value)
    if parsed is None:
        return None
    year = parsed.year
    if year is None:
        context = parse_iso(published)
        year = context.year if context else None
        if year is None:
            return None
    if parsed.month is None:
        return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    if parsed.day is None:
        last = calendar.monthrange(year, parsed.month)[1]
        return date(year, parsed.month, 1).toordinal(), date(year, parsed.month, last).toordinal()
    try:
        day = date(year, parsed.month, parsed.day).toordinal()
    except ValueError:  # --02-29 in a year without one
        return None
    return day, day
