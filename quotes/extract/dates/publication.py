"""Publication dates stated in an article's text: a date line near the top or bottom, or a dateline."""

from __future__ import annotations

import re

from quotes.text import MONTH_RE, PartialDate, month_number, valid

DATE_LINE_RE = re.compile(rf"^\s*(?:\w+day,?\s+)?{MONTH_RE}\s+(?P<day>\d{{1,2}}),\s+(?P<year>(?:19|20)\d\d)\b")
ISO_LINE_RE = re.compile(
    r"^\s*(?:Published|Updated|Posted|Date)?:?\s*(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"
)
# "MOSCOW, August 8 (RIA Novosti)" / "WASHINGTON, May 18, 2012 (AP) -"
DATELINE_RE = re.compile(
    rf"^\s*[A-Z][A-Z .'’-]{{2,}},\s+{MONTH_RE}\s+(?P<day>\d{{1,2}})(?:,\s+(?P<year>(?:19|20)\d\d))?\s*(?:\(|[–—-]|$)"
)


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
