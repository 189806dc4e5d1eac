"""Ordering dates of known precision: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` and year-less ``--MM-DD``.

As text these sort wrongly: ``"--01-30" < "2013-01-28"`` puts a date of unknown year first, and
``"2013" < "2013-01-28"`` claims a year is earlier than a day inside it. The policy, the same in
Python (``order_key``) and in SQL (``order_sql``):

1. dated values (with a year) come first, then year-less ``--MM-DD`` (by month and day), then
   values in any other form (as text), then missing ones;
2. a dated value stands for the interval it covers ("2013" = 2013-01-01..2013-12-31) and values
   are ordered by the end of that interval. When one value is certainly earlier (its interval
   ends before the other's begins) it comes first. Intervals of these precisions are either
   disjoint or nested, so the only other case is nesting ("2013" and "2013-01-28"): neither is
   certainly earlier, and the more precise value comes first, because it is a known date while
   the coarse one tells nothing about where in its interval the event fell.

So the earliest of "2013" and "2013-01-28" is "2013-01-28", of "2012" and "2013-01-28" it is "2012",
and a cluster dated only by year-less values reports the earliest of those.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_DATED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_YEARLESS = re.compile(r"^--(\d{2})-(\d{2})$")
DATED, YEARLESS, OTHER, MISSING = 0, 1, 2, 3

OrderKey = tuple[int, str, int, str]


@functools.lru_cache(maxsize=1 << 14)  # a store's dates repeat: each is parsed once
def order_key(value: str | None) -> OrderKey:
    """(kind, end of the interval, -precision, text): sorts by the policy in the module docstring."""
    if not value:
        return (MISSING, "", 0, "")
    dated = _DATED.match(value)
    if dated:
        year, month, day = dated.groups()
        end = f"{year}-{month or '12'}-{day or '31'}"  # "-31" for a month: after its every real day
        return (DATED, end, -len(value), value)
    if _YEARLESS.match(value):
        return (YEARLESS, value, -len(value), value)
    return (OTHER, value, -len(value), value)


def earliest(values: Iterable[str | None]) -> str | None:
    """The earliest value by ``order_key`` (dated before year-less); None when there is none."""
    present = [v for v in values if v]
    if len(present) < 2:
        return present[0] if present else None
    return min(present, key=order_key)


def latest(values: Iterable[str | None]) -> str | None:
    """The latest dated value (the more precise when nested), else the latest year-less one."""
    present = [v for v in values if v]
    if len(present) < 2:
        return present[0] if present else None
    best_kind = min(order_key(v)[0] for v in present)  # a dated value beats any year-less one
    # By the start of the interval, more precise on ties: for these forms that is plain text order
    # ("2013-01-28" > "2013-01" > "2013", "2013-02" > "2013-01-28").
    return max(v for v in present if order_key(v)[0] == best_kind)


def order_sql(column: str) -> str:
    """An ORDER BY term list for ``column`` that sorts like ``order_key`` (no Python function needed)."""
    year = "[0-9][0-9][0-9][0-9]"
    forms = (year, f"{year}-[0-9][0-9]", f"{year}-[0-9][0-9]-[0-9][0-9]")
    dated = "(" + " OR ".join(f"{column} GLOB '{form}'" for form in forms) + ")"
    end = (
        f"CASE WHEN NOT {dated} THEN {column} WHEN length({column}) = 4 THEN {column} || '-12-31'"
        f" WHEN length({column}) = 7 THEN {column} || '-31' ELSE {column} END"
    )
    kind = (
        f"CASE WHEN {column} IS NULL OR {column} = '' THEN {MISSING} WHEN {dated} THEN {DATED}"
        f" WHEN {column} GLOB '--[0-9][0-9]-[0-9][0-9]' THEN {YEARLESS} ELSE {OTHER} END"
    )
    return f"{kind}, {end}, length({column}) DESC, {column}"
