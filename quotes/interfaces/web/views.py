"""What the templates draw, computed here so the templates only place it: safe links, the
timeline picture of a statement, labels.

Everything that came from an article is untrusted. Jinja escapes it on output (autoescape);
``safe_url`` adds the rule for links: only ``http(s)`` URLs become links, anything else
(``javascript:``, ``data:``, a file path) is shown as text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode, urlsplit

from quotes.models import Occurrence
from quotes.provenance import History, show_date
from quotes.text import parse_iso

WIDTH = 720  # the timeline picture, in CSS pixels
LABELS = 170  # left column for outlet names
ROW = 22
TOP = 12
AXIS = 30
UNDATED = 70  # right band for articles without a year


def safe_url(value: str | None) -> str | None:
    """The URL if it is a plain http(s) URL with a host, else None (shown as text, never linked)."""
    if not value or any(ch.isspace() or ord(ch) < 32 or ch in "\"'<>\\`" for ch in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def link(path: str, params: Mapping[str, str | int | None] | None = None) -> str:
    """A link within the app with its query string (empty parameters left out)."""
    kept = {k: v for k, v in (params or {}).items() if v not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


def role_span(role: str, first: str | None, last: str | None) -> str:
    if not first:
        return role
    return f"{role} ({show_date(first)})" if first == last else f"{role} ({show_date(first)} to {show_date(last)})"


def shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@dataclass(frozen=True, kw_only=True)
class Dot:
    x: float
    y: float
    label: str  # the tooltip: outlet, date, title


@dataclass(frozen=True, kw_only=True)
class Timeline:
    width: int
    height: int
    rows: tuple[tuple[str, float], ...]  # outlet label and its y
    dots: tuple[Dot, ...]
    ticks: tuple[tuple[float, str, str], ...]  # x, the date written under the axis, its SVG text-anchor
    undated_x: float | None  # where articles without a year are drawn, if any


def day_number(published: str | None) -> int | None:
    """The first day a publication date covers, as a day count; None without a year."""
    parsed = parse_iso(published) if published else None
    if parsed is None or parsed.year is None:
        return None
    return date(parsed.year, parsed.month or 1, parsed.day or 1).toordinal()


def timeline(history: History) -> Timeline:
    """One row per outlet, one dot per article at its publication date; undated ones at the right."""
    outlets = list(dict.fromkeys(outlet_of(w.occurrence) for w in history.wordings))
    days = [day_number(w.occurrence.published) for w in history.wordings]
    dated = sorted((d, w.occurrence.published or "") for d, w in zip(days, history.wordings, strict=True)
                   if d is not None)
    low, high = (dated[0][0], dated[-1][0]) if dated else (0, 0)
    undated_x = WIDTH - UNDATED / 2 if len(dated) < len(days) else None
    plot = WIDTH - LABELS - 20 - (UNDATED if undated_x else 0)

    def x_of(day: int | None) -> float:
        if day is None:
            return undated_x or 0.0
        return round(LABELS + 10 + (plot / 2 if high == low else (day - low) / (high - low) * plot), 1)

    def y_of(outlet: str) -> float:
        return TOP + outlets.index(outlet) * ROW + ROW / 2

    dots = tuple(
        Dot(x=x_of(day), y=y_of(outlet_of(w.occurrence)), label=tooltip(w.occurrence))
        for w, day in zip(history.wordings, days, strict=True)
    )
    ends = [(*dated[0], "start"), (*dated[-1], "end")] if dated and high != low else [(*d, "middle") for d in dated[:1]]
    return Timeline(
        width=WIDTH, height=TOP + len(outlets) * ROW + AXIS, rows=tuple((shorten(o, 24), y_of(o)) for o in outlets),
        dots=dots, ticks=tuple((x_of(day), label, anchor) for day, label, anchor in ends), undated_x=undated_x,
    )


def outlet_of(occ: Occurrence) -> str:
    return occ.outlet or "(outlet unknown)"


def tooltip(occ: Occurrence) -> str:
    return f"{outlet_of(occ)}, {show_date(occ.published)}: {occ.title or '(untitled)'}"
