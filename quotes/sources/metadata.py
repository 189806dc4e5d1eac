"""Outlet names found in plain article text, and ISO forms of dates given in metadata.

Plain-text articles (pasted pages, archive dumps) carry the outlet where it
stands in the text rather than in any metadata field:

* a dateline, ``MOSCOW, August 8 (RIA Novosti) –``: the agency that wrote the story;
* a credit at the start of a paragraph, ``PanARMENIAN.Net - The missile ...``;
* donation furniture, ``A Message from The Moscow Times:`` / ``By supporting The Moscow Times``;
* a site-name line or caption suffix, ``... - Sputnik International``.

They are tried in that order because a dateline names the outlet that wrote the
story, while a site name only names the site that republished it. ``Source:
Agencies`` and similar lines name no outlet and give ``None``.

Publication dates of plain text are not found here (``dates.py`` does that in the
extraction pipeline); ``iso_date`` only normalises dates that metadata states.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from datetime import date

log = logging.getLogger(__name__)

_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
)
_NAME = r"[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}"
# CITY[, Month Day[, Year]] (Outlet) followed by a dash or the end of the line.
_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Z.'’ -]{{1,40}}(?:,[ \t]+{_MONTH}[ \t]+\d{{1,2}}(?:,[ \t]+\d{{4}})?)?[ \t]+"
    r"\(([A-Z][^()\n]{1,40})\)[ \t]*(?:[-–—:]|$)",
    re.MULTILINE,
)
# Outlet - A sentence of at least eight words (a credit opening the first paragraph).
_CREDIT = re.compile(rf"^[ \t]*({_NAME})[ \t]+[-–—][ \t]+(\S+(?:[ \t]+\S+){{7,}})[ \t]*$", re.MULTILINE)
_FURNITURE = (
    re.compile(rf"\bA [Mm]essage from ((?:[Tt]he )?{_NAME})[ \t]*:"),
    re.compile(rf"\b[Bb]y supporting ((?:[Tt]he )?{_NAME})[ \t]*(?:,|\byou\b)"),
)
# A line that is, or ends with, " - Site Name" (site-name lines and photo-caption suffixes).
_SITE_LINE = re.compile(rf"(?:^|\S[ \t]+)[-|][ \t]+({_NAME})[ \t]*$", re.MULTILINE)

# Words and shapes that make a short capitalised name an outlet rather than a person or place.
_OUTLET_WORDS = {
    "agency", "ap", "afp", "armenpress", "bbc", "cnn", "daily", "dpa", "gazette", "guardian",
    "herald", "interfax", "international", "itar-tass", "journal", "media", "news", "novosti",
    "online", "post", "press", "radio", "reuters", "ria", "sputnik", "tass", "telegraph", "times",
    "today", "tribune", "tv", "wire", "xinhua",
}
_DOMAIN = re.compile(r"\.(?:net|com|org|info|news|ru|am|az|ge|ua|uk|by|kz|de|fr)\b", re.IGNORECASE)
_NOT_OUTLETS = {"agencies", "agency", "staff", "wires", "news agencies", "source"}


def looks_like_outlet(name: str) -> bool:
    """A capitalised name that carries a domain suffix or a newsroom word ("Times", "Novosti")."""
    if name.strip().lower() in _NOT_OUTLETS:
        return False
    if _DOMAIN.search(name):
        return True
    return any(word.lower().strip(".,") in _OUTLET_WORDS for word in name.split())


def find_outlet(text: str) -> str | None:
    """The outlet the text names where it stands (dateline, credit, furniture, site line), or ``None``."""
    for finder in (_dateline_outlet, _credit_outlet, _furniture_outlet, _site_line_outlet):
        found = finder(text)
        if found:
            log.debug("outlet %r found by %s", found, finder.__name__)
            return found
    return None


def _dateline_outlet(text: str) -> str | None:
    for match in _DATELINE.finditer(text):
        name = match.group(1).strip()
        if name.lower() not in _NOT_OUTLETS:
            return name
    return None


def _credit_outlet(text: str) -> str | None:
    for match in _CREDIT.finditer(text):
        name, sentence = match.group(1).strip(), match.group(2).rstrip()
        # The rest must read as a sentence, not as the tail of a headline.
        if looks_like_outlet(name) and sentence[-1] in ".!?\"”’":
            return name
    return None


def _furniture_outlet(text: str) -> str | None:
    for pattern in _FURNITURE:
        match = pattern.search(text)
        if match:
            return re.sub(r"^the ", "The ", match.group(1).strip())
    return None


def _site_line_outlet(text: str) -> str | None:
    names = Counter(m.group(1).strip() for m in _SITE_LINE.finditer(text) if looks_like_outlet(m.group(1)))
    return names.most_common(1)[0][0] if names else None


_ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?=$|[T\s])")
_FIRST_YEAR = 1000  # no page states an earlier publication date; CMSs write year 1 for none
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?=$|[T\s])")


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` from a metadata date (ISO 8601 or ``YYYYMMDD``), else ``None``.

    The date is the one written in the value: a time zone offset is not applied,
    because the publisher's local date is the one readers and citations use.
    """
    if not value:
        return None
    match = _ISO_DATE.match(value) or _COMPACT_DATE.match(value)
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None  # the pattern requires it
    if year < _FIRST_YEAR:
        log.debug("placeholder date: %r", value)  # "0001-01-01T00:00:00Z" stands for no date at all
        return None
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        log.debug("not a calendar date: %r", value)
        return None
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def find_title(text: str, lines_to_scan: int = 8) -> str | None:
    """The headline of a plain-text article: an early line that reads like one.

    A headline has 4 to 25 words, no closing full stop, is not page furniture, and
    comes before the first paragraph of running text (a line that ends a sentence).
    """
    from quotes.text import is_furniture

    for line in [raw.strip() for raw in text.splitlines() if raw.strip()][:lines_to_scan]:
        words = line.split()
        bare = line.rstrip("\"'”’ ")  # a sentence may end inside its closing quote mark
        if bare.endswith((".", "?", "!", ":")) and len(words) > 25:
            return None  # running text reached: the article has no headline of its own
        if 4 <= len(words) <= 25 and looks_like_headline(line, bare) and not is_furniture(line):
            return line
    return None


def looks_like_headline(line: str, bare: str) -> bool:
    """No closing full stop, not a credit, and some lower-case words (not a shouted banner)."""
    words = line.split()
    credit = line.lstrip("-–— ").startswith(("©", "(c)"))
    return not bare.endswith((".", ":")) and not credit and any(w[:1].islower() for w in words)
