"""Time expressions ("on Sunday", "in March 2012", "last week") resolved against the publication date.

Dates are ISO 8601 strings with the precision known: ``YYYY-MM-DD``, ``YYYY-MM``,
``YYYY``, or ``--MM-DD`` when the year is not knowable from the text. A year is
never invented: a weekday cannot be resolved without one.
"""

from __future__ import annotations

import re
from datetime import timedelta

from quotes.models import DateBasis
from quotes.text import MONTH_RE, PartialDate, month_number, parse_iso, valid

Said = tuple[str, DateBasis]  # (ISO date, how it was found)

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
WEEKDAY_RE = re.compile(r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# A year from 1700 on: words are quoted from long ago too ("his second inaugural address in 1865").
YEAR = r"(?:1[7-9]|20)\d\d"
MONTH_YEAR_RE = re.compile(
    rf"\b{MONTH_RE}(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?,?(?:\s+(?P<year>{YEAR}))?\b"
)
YEAR_RE = re.compile(rf"\b(?:in|since|during)\s+(?P<year>{YEAR})\b", re.I)
# "11/18/13", "11/18/2013": the American order, as in transcript notes ("[Remarks to CME Group, 11/18/13.]")
NUMERIC_RE = re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d\d(?:\d\d)?)\b")
# Spans counted back from publication: "last year" is no span when it is "the last year" (a duration).
# The unit in lower case: "ABC's This Week" is a programme.
THIS_RE = re.compile(r"\b(?:(?<![Tt]he )(?P<last>[Ll]ast)|[Tt]his)\s+(?P<unit>week|month|year)\b")
# The weekend: the last one before publication ("over the weekend", "this past weekend", "last weekend").
WEEKEND_RE = re.compile(
    r"\b(?:(?P<last>last)|(?P<this>this)(?P<past>\s+past)?|the(?P<next>\s+(?:next|coming))?|(?P<ahead>next))"
    r"\s+weekend\b",
    re.I,
)
# A season named from publication: "in the spring", "this summer", "last fall" (winter spans two years).
SEASON_RE = re.compile(
    r"\b(?:(?P<last>last)|(?P<this>this)(?:\s+past)?|the)\s+(?P<season>spring|summer|fall|autumn)\b"
    r"(?P<rest>\s+(?:of|in)\b.*)?", re.I
)
SEASON_MONTHS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9}  # the month each begins
RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                 "yesterday": 1, "last night": 1}


def resolve_expression(expr: str, published: str | None) -> Said | None:
    """Resolve a time expression ("on Sunday", "in March 2012") to ``(iso_date, basis)``.

    ``basis`` is ``explicit`` when the expression itself names the date and
    ``relative`` when it had to be counted from the publication date.
    """
    pub = parse_iso(published)
    lowered = expr.lower()
    for phrase, back in RELATIVE_DAYS.items():
        if phrase in lowered:
            return shift(pub, back)
    match = NUMERIC_RE.search(expr)
    if match:
        return numeric_date(match)
    match = MONTH_YEAR_RE.search(expr)
    if match:
        return month_expression(match, pub, last="last " + match.group("month") in expr)
    match = WEEKDAY_RE.search(expr)
    if match:
        last = re.search(rf"\blast\s+{match.group('weekday')}", expr, re.I) is not None
        return weekday_expression(WEEKDAYS[match.group("weekday").lower()], pub, last=last)
    match = WEEKEND_RE.search(expr)
    if match:
        return weekend(match, pub)
    match = SEASON_RE.search(expr)
    if match:
        return season(match, pub)
    match = YEAR_RE.search(expr) or re.fullmatch(rf"\s*(?P<year>{YEAR})\s*", expr)
    if match:
        return f"{int(match.group('year')):04d}", "explicit"
    match = THIS_RE.search(expr)
    if match:
        return counted_span(match.group("unit").lower(), bool(match.group("last")), pub)
    return None


def counts_from_publication(expr: str) -> bool:
    """The expression is placed only by counting from the publication date: a weekday, "yesterday",
    "last week", the weekend, a month or a season without its year."""
    lowered = expr.lower()
    month = MONTH_YEAR_RE.search(expr)
    return (
        any(phrase in lowered for phrase in RELATIVE_DAYS)
        or bool(WEEKDAY_RE.search(expr) or THIS_RE.search(expr) or WEEKEND_RE.search(expr))
        or (month is not None and not month.group("year"))
        or (SEASON_RE.search(expr) is not None and re.search(rf"\b{YEAR}\b", expr) is None)
    )


def counted_span(unit: str, last: bool, pub: PartialDate | None) -> Said | None:
    """"last week", "this month", "last year": the span counted back from publication."""
    if unit == "month":
        return previous_month(pub) if last else this_month(pub)
    if unit == "year":
        if pub is None or pub.year is None:
            return None
        return (f"{pub.year - 1:04d}" if last else f"{pub.year:04d}"), "relative"
    day = pub.full() if pub else None
    if day is None:
        return None
    if last:
        return within_days(pub, 7, 1)
    # "this week" before publication: from its Monday to the day before (the day itself on a Monday).
    return within_days(pub, day.weekday(), min(1, day.weekday()))


def weekend(match: re.Match[str], pub: PartialDate | None) -> Said | None:
    """The last weekend on or before publication, as precise as its two days allow: the Saturday of a
    Saturday paper, else the month (or the year) of that Saturday and Sunday. "Last weekend" in a weekend
    paper is the one before; "this weekend" late in the week, and "next weekend", are yet to come."""
    day = pub.full() if pub else None
    if day is None or match.group("next") or match.group("ahead"):
        return None
    weekday = day.weekday()  # Monday 0 ... Saturday 5, Sunday 6
    if match.group("this") and not match.group("past") and weekday in (3, 4):
        return None
    back = weekday - 6 if weekday >= 5 else weekday + 1  # days back to that weekend's Sunday (-1: tomorrow)
    if match.group("last") and weekday >= 5:
        back += 7
    if back < 0:  # a Saturday paper: the weekend is that day
        return shift(pub, 0)
    return within_days(pub, back + 1, back)


def season(match: re.Match[str], pub: PartialDate | None) -> Said | None:
    """The year of the season last begun by publication ("in the spring" in December: that year's), or for
    "last", of the season last ended ("last summer" in July: a year back); "this fall" in March is to come."""
    year = re.search(rf"\b{YEAR}\b", match.group(0))
    if year:  # "the fall of 2015"
        return year.group(0), "explicit"
    if match.group("rest") or pub is None or pub.year is None or pub.month is None:
        return None  # "the fall of the Berlin Wall", "this fall in prices"
    first = SEASON_MONTHS[match.group("season").lower()]
    if match.group("last"):
        return f"{pub.year if pub.month >= first + 3 else pub.year - 1:04d}", "relative"
    if pub.month >= first:
        return f"{pub.year:04d}", "relative"
    return None if match.group("this") else (f"{pub.year - 1:04d}", "relative")


def this_month(pub: PartialDate | None) -> Said | None:
    if pub is None or pub.year is None or pub.month is None:
        return None
    return f"{pub.year:04d}-{pub.month:02d}", "relative"


def numeric_date(match: re.Match[str]) -> Said | None:
    year = int(match.group("year"))
    if year < 100:  # "11/18/13": this century for years up to the 2030s, else the last
        year += 2000 if year < 40 else 1900
    found = valid(year, int(match.group("month")), int(match.group("day")))
    return (found.iso(), "explicit") if found else None


def shift(pub: PartialDate | None, back: int) -> Said | None:
    day = pub.full() if pub else None
    if day is None:
        return None
    return (day - timedelta(days=back)).isoformat(), "relative"


def weekday_expression(weekday: int, pub: PartialDate | None, *, last: bool = False) -> Said | None:
    """The most recent such weekday on or before publication ("last Wednesday" in a Wednesday paper:
    a week back); needs a full publication date."""
    day = pub.full() if pub else None
    if day is None:
        return None
    back = (day.weekday() - weekday) % 7 or (7 if last else 0)
    return (day - timedelta(days=back)).isoformat(), "relative"


def month_expression(match: re.Match[str], pub: PartialDate | None, *, last: bool = False) -> Said | None:
    month = month_number(match.group("month"))
    day = int(match.group("day")) if match.group("day") else None
    if match.group("year"):
        found = valid(int(match.group("year")), month, day)
        return (found.iso(), "explicit") if found else None
    if pub is None or pub.year is None or pub.month is None:
        if day is not None and valid(None, month, day):
            return PartialDate(year=None, month=month, day=day).iso(), "explicit"
        return None
    # No year given: the most recent such month on or before publication ("last March" in March: a year back),
    # but a day nearer ahead than back is the coming one ("days ahead of the Feb. 1 caucus" in January).
    year = pub.year if (month, day or 1) <= (pub.month, pub.day or 31) else pub.year - 1
    if last and day is None and month == pub.month:
        year -= 1
    if year < pub.year and not last and day is not None and upcoming(pub, month, day):
        year = pub.year
    found = valid(year, month, day)
    return (found.iso(), "relative") if found else None


def upcoming(pub: PartialDate, month: int, day: int) -> bool:
    """``month``/``day`` falls nearer after publication, that year, than before it, a year back."""
    published, ahead, back = pub.full(), valid(pub.year, month, day), valid((pub.year or 1) - 1, month, day)
    coming, past = (ahead.full() if ahead else None), (back.full() if back else None)
    if published is None or coming is None or past is None:
        return False
    return 0 < (coming - published).days < (published - past).days


def within_days(pub: PartialDate | None, first: int, last: int) -> Said | None:
    """A span of days before publication: as precise as the span allows (month, else year)."""
    day = pub.full() if pub else None
    if day is None:
        return None
    a, b = day - timedelta(days=first), day - timedelta(days=last)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.year:04d}-{a.month:02d}", "relative"
    return (f"{a.year:04d}", "relative") if a.year == b.year else None


def previous_month(pub: PartialDate | None) -> Said | None:
    if pub is None or pub.year is None or pub.month is None:
        return None
    year, month = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
    return f"{year:04d}-{month:02d}", "relative"
