"""Query parameters, checked: a bad one raises ``QueryError`` naming it, its value and the fix (a 400 page)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quotes.errors import QueryError
from quotes.text import parse_iso

MAX_TEXT = 2000  # characters in one parameter: a long quote fits, a pasted article does not
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def shown(value: str, width: int = 60) -> str:
    """A bad value as an error message repeats it: cut short, so a huge one stays readable."""
    return repr(value if len(value) <= width else value[: width - 1] + "…")


@dataclass(frozen=True)
class Params:
    """The query string of one request."""

    values: Mapping[str, str]

    def text(self, name: str, *, max_len: int = MAX_TEXT) -> str | None:
        """A text parameter without surrounding spaces; absent or blank is None."""
        value = (self.values.get(name) or "").strip()
        if len(value) > max_len:
            raise QueryError(f"parameter {name} is {len(value)} characters long; give at most {max_len}")
        if "\x00" in value:
            raise QueryError(f"parameter {name} holds a NUL character; remove it")
        return value or None

    def number(self, name: str, default: int, low: int, high: int) -> int:
        value = self.text(name, max_len=12)
        if value is None:
            return default
        if not value.isdigit() or not low <= int(value) <= high:
            raise QueryError(f"parameter {name}={shown(value)} is not a whole number from {low} to {high}")
        return int(value)

    def date(self, name: str) -> str | None:
        """A date bound as YYYY, YYYY-MM or YYYY-MM-DD."""
        value = self.text(name, max_len=32)
        if value is None:
            return None
        parsed = parse_iso(value)
        if parsed is None or parsed.year is None:
            raise QueryError(f"parameter {name}={shown(value)} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
        return parsed.iso()

    def choice(self, name: str, choices: Sequence[str], default: str | None = None) -> str:
        value = self.text(name, max_len=32) or default
        if value is None:
            raise QueryError(f"parameter {name} is missing; use one of {', '.join(choices)}")
        if value not in choices:
            raise QueryError(f"parameter {name}={shown(value)} is not known; use one of {', '.join(choices)}")
        return value


def statement_id(value: str) -> str:
    """A cluster id as ``quotes search`` shows it (``c-1a2b3c4d5e6f``), checked before any query."""
    if not _ID.fullmatch(value):
        raise QueryError(f"{shown(value)} is not a statement id; take one from a search (c-1a2b3c4d5e6f)")
    return value


def speaker_name(value: str) -> str:
    name = " ".join(value.split())
    if not name or len(name) > 300:
        raise QueryError(f"{shown(value)} is not a speaker's name; take one from the speakers page")
    return name
