"""APA 7, MLA 9 and Chicago 17 (notes-bibliography, bibliography entry) strings for a newspaper article.

Written by hand because citeproc-py gets MLA and Chicago wrong. Output is Markdown: the outlet
is italicised with ``*...*``. Choices where the style manuals leave room, or where our data is
thinner than they assume:

* No author: APA moves the title (or description) to the author position; MLA starts with the
  title; Chicago (CMOS 14.207) puts the newspaper in the author position of a bibliography entry.
* No title: a description takes its place ("News report quoting Dmitry Medvedev"): in square
  brackets for APA (7th ed. 9.22), plain and unquoted for MLA (9th ed. 5.25) and Chicago.
* Partial dates are given as far as they go: APA ``(2013, January)``, ``(2013)``; MLA ``Jan. 2013``,
  ``2013``; Chicago ``January 2013``, ``2013``.
* No year (a year-less ``--MM-DD`` date) or no date: APA gives ``(n.d.)``; MLA gives what is known
  ("18 May") or omits the date, as it gives any date "as fully as the source does"; Chicago gives
  ``n.d.``, its term for an undated source (a month and day without a year date nothing). A year
  is never invented.
* An element ends with exactly one period: an abbreviated month ("Aug.") or "n.d." closing it
  takes no second one.
* Titles are kept in the case the article gives them: converting to APA sentence case would
  lower-case proper nouns we cannot recognise.
* MLA drops ``http://``/``https://`` from URLs (MLA 9th ed. 5.95); APA and Chicago keep them.
* A local file (no URL) is named after the source elements as ``Local file: PATH``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.errors import ExportError
from quotes.models import Occurrence
from quotes.sources import is_url
from quotes.text import PartialDate, parse_iso

STYLES = ("apa", "mla", "chicago")
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
# MLA abbreviates months longer than four letters ("June" and "July" stay whole; "Sept." per MLA).
MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
_PARTICLES = frozenset(
    ["van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "le", "la", "bin", "al", "ibn"]
)
_SUFFIXES = frozenset(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"])
_ORG_WORDS = re.compile(
    r"\b(staff|agency|agencies|news|press|reuters|associated|desk|editorial|board|bureau|correspondents?|"
    r"service|wire|afp|tass|novosti|bloomberg|interfax)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, kw_only=True)
class Name:
    family: str = ""
    given: str = ""
    suffix: str = ""
    literal: str = ""  # an organisation, or a name we cannot split


@dataclass(frozen=True, kw_only=True)
class Reference:
    """What a newspaper citation needs, independent of style."""

    authors: tuple[Name, ...]
    title: str | None
    description: str  # stands in for a missing title
    outlet: str | None
    date: PartialDate | None
    url: str | None  # http(s) only
    file: str | None  # the source path when there is no URL


def reference(occ: Occurrence) -> Reference:
    url = occ.source if occ.source and is_url(occ.source) else None
    return Reference(
        authors=parse_authors(occ.author),
        title=clean(occ.title) or None,
        description=f"News report quoting {occ.speaker}" if occ.speaker else "Untitled news report",
        outlet=clean(occ.outlet) or None,
        date=parse_iso((occ.published or "")[:10]),
        url=url,
        file=None if url else (occ.source or occ.doc),
    )


def cite(occ: Occurrence, style: str) -> str:
    ref = reference(occ)
    if style == "apa":
        return apa(ref)
    if style == "mla":
        return mla(ref)
    if style == "chicago":
        return chicago(ref)
    raise ExportError(f"unknown citation style {style!r}; use one of {', '.join(STYLES)}")


def clean(text: str | None) -> str:
    return " ".join((text or "").split())


def md(text: str) -> str:
    """Escape the Markdown emphasis characters of a value we wrap in ``*...*``."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")


def end(text: str, mark: str = ".") -> str:
    """Close an element with ``mark`` unless it already ends with terminal punctuation."""
    return text if text.endswith((".", "?", "!")) else text + mark


# -- names ----------------------------------------------------------------------------------------


def parse_authors(text: str | None) -> tuple[Name, ...]:
    """ "By John Smith and Jane Doe" -> two names; an organisation stays one literal name."""
    text = re.sub(r"^\s*by\s+", "", clean(text), flags=re.IGNORECASE)
    if not text:
        return ()
    if re.fullmatch(r"[^,\s]+(?: [^,\s]+)*, [^,\s]+(?: [A-Z]\.)*", text) and " and " not in text:
        family, given = text.split(", ", 1)  # "Smith, John": already inverted
        if given.lower() not in _SUFFIXES:
            return (Name(family=family, given=given),)
    parts = re.split(r"\s*(?:,\s*and\s+|,|;|&|\band\b)\s*", text)
    return tuple(parse_name(p) for p in parts if p and p.lower().strip(".") not in ("jr", "sr"))


def parse_name(text: str) -> Name:
    words = text.split()
    if len(words) < 2 or _ORG_WORDS.search(text):
        return Name(literal=text)
    suffix = ""
    if words[-1].lower() in _SUFFIXES:
        suffix, words = words[-1], words[:-1]
    family_start = len(words) - 1
    while family_start > 1 and words[family_start - 1].lower() in _PARTICLES:
        family_start -= 1
    return Name(family=" ".join(words[family_start:]), given=" ".join(words[:family_start]), suffix=suffix)


def initials(given: str) -> str:
    """ "Dmitry Anatolyevich" -> "D. A."; "Jean-Paul" -> "J.-P." """
    out = []
    for word in given.split():
        out.append("-".join(part[0] + "." for part in word.split("-") if part))
    return " ".join(out)


def inverted(name: Name, *, given: str | None = None) -> str:
    if name.literal:
        return name.literal
    first = name.given if given is None else given
    text = f"{name.family}, {first}" if first else name.family
    return f"{text}, {name.suffix}" if name.suffix else text


def direct(name: Name) -> str:
    if name.literal:
        return name.literal
    text = f"{name.given} {name.family}".strip()
    return f"{text}, {name.suffix}" if name.suffix else text


def apa_authors(names: tuple[Name, ...]) -> str:
    items = [inverted(n, given=initials(n.given)) for n in names]
    if len(items) > 20:  # APA 7 9.8: first 19, an ellipsis, the last
        return ", ".join(items[:19]) + ", . . . " + items[-1]
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + ", & " + items[-1]


def mla_authors(names: tuple[Name, ...]) -> str:
    if len(names) == 1:
        return inverted(names[0])
    if len(names) == 2:
        return f"{inverted(names[0])}, and {direct(names[1])}"
    return f"{inverted(names[0])}, et al"


def chicago_authors(names: tuple[Name, ...]) -> str:
    if len(names) > 10:  # CMOS 17 14.76: more than ten authors -> the first seven and et al.
        return ", ".join([inverted(names[0]), *(direct(n) for n in names[1:7])]) + ", et al"
    if len(names) == 1:
        return inverted(names[0])
    rest = [direct(n) for n in names[1:]]
    if len(names) == 2:
        return f"{inverted(names[0])}, and {rest[0]}"
    return ", ".join([inverted(names[0]), *rest[:-1]]) + ", and " + rest[-1]


# -- dates ----------------------------------------------------------------------------------------


def apa_date(date: PartialDate | None) -> str:
    if date is None or date.year is None:
        return "(n.d.)"
    if date.month and date.day:
        return f"({date.year}, {MONTHS[date.month - 1]} {date.day})"
    if date.month:
        return f"({date.year}, {MONTHS[date.month - 1]})"
    return f"({date.year})"


def mla_date(date: PartialDate | None) -> str:
    if date is None:
        return ""
    parts = [str(date.day) if date.day and date.month else ""]
    parts.append(MLA_MONTHS[date.month - 1] if date.month else "")
    parts.append(str(date.year) if date.year else "")
    return " ".join(p for p in parts if p)


def chicago_date(date: PartialDate | None) -> str:
    if date is None or date.year is None:
        return "n.d."
    month = MONTHS[date.month - 1] if date.month else ""
    day_month = f"{month} {date.day}" if month and date.day else month
    return f"{day_month}, {date.year}" if date.day else f"{day_month} {date.year}".strip()


# -- the three styles -----------------------------------------------------------------------------


def quoted_title(title: str) -> str:
    """MLA/Chicago: "Title." with the period inside; inner double quotes become single."""
    inner = title.replace('"', "'").replace("“", "‘").replace("”", "’")
    return '"' + md(end(inner)) + '"'


def apa(ref: Reference) -> str:
    """APA 7 (10.1, newspaper article): Author, A. (2013, January 28). Title. *Outlet*. URL"""
    title = md(end(ref.title)) if ref.title else f"[{ref.description}]."
    head = f"{end(apa_authors(ref.authors))} {apa_date(ref.date)}. {title}" if ref.authors else (
        f"{title} {apa_date(ref.date)}."
    )
    parts = [head]
    if ref.outlet:
        parts.append(f"*{md(ref.outlet)}*.")
    if ref.url:
        parts.append(ref.url)
    elif ref.file:
        parts.append(f"Local file: {ref.file}")
    return " ".join(parts)


def mla(ref: Reference) -> str:
    """MLA 9: Last, First. "Title." *Outlet*, 28 Jan. 2013, URL."""
    parts = [end(mla_authors(ref.authors))] if ref.authors else []
    parts.append(quoted_title(ref.title) if ref.title else end(ref.description))
    container = [f"*{md(ref.outlet)}*"] if ref.outlet else []
    if mla_date(ref.date):
        container.append(mla_date(ref.date))
    if ref.url:
        container.append(re.sub(r"^https?://", "", ref.url, flags=re.IGNORECASE))
    if container:
        parts.append(end(", ".join(container)))  # "28 Aug." ends the element already
    if not ref.url and ref.file:
        parts.append(f"Local file: {ref.file}.")
    return " ".join(parts)


def chicago(ref: Reference) -> str:
    """Chicago 17 bibliography (14.191): Last, First. "Title." *Outlet*, January 28, 2013. URL."""
    title = quoted_title(ref.title) if ref.title else end(ref.description)
    date = chicago_date(ref.date)
    if ref.authors:
        parts = [end(chicago_authors(ref.authors)), title]
        parts.append(end(f"*{md(ref.outlet)}*, {date}") if ref.outlet else end(date))
    elif ref.outlet:  # CMOS 14.207: the newspaper stands in place of the author
        parts = [f"*{md(ref.outlet)}*.", title, end(date)]
    else:
        parts = [title, end(date)]
    if ref.url:
        parts.append(f"{ref.url}.")
    elif ref.file:
        parts.append(f"Local file: {ref.file}.")
    return " ".join(parts)
