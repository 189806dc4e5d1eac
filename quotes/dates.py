"""Dates: publication dates found in the text, time expressions resolved against them.

Dates are ISO 8601 strings with the precision known: ``YYYY-MM-DD``, ``YYYY-MM``,
``YYYY``, or ``--MM-DD`` when the year is not knowable from the text. A year is
never invented: a weekday cannot be resolved without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import QueryError
from .models import DateBasis

Said = tuple[str, DateBasis]  # (ISO date, how it was found)

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
MONTH_RE = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE_LINE_RE = re.compile(rf"^\s*(?:\w+day,?\s+)?{MONTH_RE}\s+(?P<day>\d{{1,2}}),\s+(?P<year>(?:19|20)\d\d)\b")
ISO_LINE_RE = re.compile(
    r"^\s*(?:Published|Updated|Posted|Date)?:?\s*(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"
)
# "MOSCOW, August 8 (RIA Novosti)" / "WASHINGTON, May 18, 2012 (AP) -"
DATELINE_RE = re.compile(
    rf"^\s*[A-Z][A-Z .'’-]{{2,}},\s+{MONTH_RE}\s+(?P<day>\d{{1,2}})(?:,\s+(?P<year>(?:19|20)\d\d))?\s*(?:\(|[–—-]|$)"
)
USER_DATE_RE = re.compile(r"^(?:(?P<year>\d{4})(?:-(?P<month>\d\d)(?:-(?P<day>\d\d))?)?|--(?P<m>\d\d)-(?P<d>\d\d))$")


@dataclass(frozen=True, kw_only=True)
class PartialDate:
    year: int | None
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def full(self) -> date | None:
        if self.year and self.month and self.day:
            return date(self.year, self.month, self.day)
        return None


def parse_iso(value: str | None) -> PartialDate | None:
    """Read one of our ISO forms back; ``None`` for anything else."""
    match = USER_DATE_RE.match(value.strip()) if value else None
    if not match:
        return None
    if match.group("m"):
        return valid(None, int(match.group("m")), int(match.group("d")))
    month, day = match.group("month"), match.group("day")
    return valid(int(match.group("year")), int(month) if month else None, int(day) if day else None)


def valid(year: int | None, month: int | None, day: int | None) -> PartialDate | None:
    try:
        date(year or 2000, month or 1, day or 1)  # 2000 is a leap year: accepts --02-29
    except ValueError:
        return None
    return PartialDate(year=year, month=month, day=day)


def parse_user_date(value: str, option: str) -> str:
    """Validate a date typed by a user (``--published``, ``--since``); return it in ISO form."""
    parsed = parse_iso(value)
    if parsed is None:
        raise QueryError(
            f"{option} {value!r} is not a date; use YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD"
        )
    return parsed.iso()


def find_publication_date(text: str, lines_to_scan: int = 12) -> str | None:
    """The publication date where the text states it: a date line near the top, or a dateline."""
    lines = [line for line in text.splitlines() if line.strip()]
    candidates = lines[:lines_to_scan] + lines[-lines_to_scan:]
    for line in candidates:
        found = date_line(line)
        if found:
            return found.iso()
    for line in candidates:
        found = dateline(line)
        if found:
            return found.iso()
    return None


def date_line(line: str) -> PartialDate | None:
    match = DATE_LINE_RE.match(line)
    if match:
        return valid(int(match.group("year")), month_number(match.group("month")), int(match.group("day")))
    match = ISO_LINE_RE.match(line)
    if match:
        return valid(int(match.group("year")), int(match.group("m")), int(match.group("d")))
    return None


def dateline(line: str) -> PartialDate | None:
    match = DATELINE_RE.match(line)
    if not match:
        return None
    year = int(match.group("year")) if match.group("year") else None
    return valid(year, month_number(match.group("month")), int(match.group("day")))


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


WEEKDAY_RE = re.compile(r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
MONTH_YEAR_RE = re.compile(
    rf"\b{MONTH_RE}(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?,?(?:\s+(?P<year>(?:19|20)\d\d))?\b"
)
YEAR_RE = re.compile(r"\b(?:in|since|during)\s+(?P<year>(?:19|20)\d\d)\b", re.I)
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
    match = MONTH_YEAR_RE.search(expr)
    if match:
        return month_expression(match, pub)
    match = WEEKDAY_RE.search(expr)
    if match:
        return weekday_expression(WEEKDAYS[match.group("weekday").lower()], pub)
    match = YEAR_RE.search(expr) or re.fullmatch(r"\s*(?P<year>(?:19|20)\d\d)\s*", expr)
    if match:
        return f"{int(match.group('year')):04d}", "explicit"
    if "last week" in lowered:
        return within_days(pub, 7, 1)
    if "last month" in lowered:
        return previous_month(pub)
    return None


def shift(pub: PartialDate | None, back: int) -> Said | None:
    day = pub.full() if pub else None
    if day is None:
        return None
    return (day - timedelta(days=back)).isoformat(), "relative"


def weekday_expression(weekday: int, pub: PartialDate | None) -> Said | None:
    """The most recent such weekday on or before publication; needs a full publication date."""
    day = pub.full() if pub else None
    if day is None:
        return None
    back = (day.weekday() - weekday) % 7
    return (day - timedelta(days=back)).isoformat(), "relative"


def month_expression(match: re.Match[str], pub: PartialDate | None) -> Said | None:
    month = month_number(match.group("month"))
    day = int(match.group("day")) if match.group("day") else None
    if match.group("year"):
        found = valid(int(match.group("year")), month, day)
        return (found.iso(), "explicit") if found else None
    if pub is None or pub.year is None or pub.month is None:
        if day is not None and valid(None, month, day):
            return PartialDate(year=None, month=month, day=day).iso(), "explicit"
        return None
    # No year given: the most recent such month on or before publication.
    year = pub.year if (month, day or 1) <= (pub.month, pub.day or 31) else pub.year - 1
    found = valid(year, month, day)
    return (found.iso(), "relative") if found else None


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
