"""Dates in the forms this package writes: ISO 8601 with the precision known.

``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, or ``--MM-DD`` when the year is not knowable from the
text. A year is never invented. Reading them back (``parse_iso``), checking a date a user
typed (``parse_user_date``) and month names are shared by extraction, the store and citations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from quotes.errors import QueryError

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
MONTH_RE = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
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


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]
