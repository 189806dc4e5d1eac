"""One error hierarchy for the whole library.

Every message names what failed, the offending value, and what to do about it,
so the CLI can print it as a single ``Error: ...`` line.
"""

from __future__ import annotations

SHOWN_CHARS = 80  # of a user's value quoted in a message: a pasted 100 KB argument is not echoed


def shown(value: str, limit: int = SHOWN_CHARS) -> str:
    """``value`` quoted for a message, cut in the middle (with its length) when it is long."""
    if len(value) <= limit:
        return repr(value)
    return repr(value[: limit - 20] + "…" + value[-12:]) + f" ({len(value):,} characters)"


class QuotesError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(QuotesError):
    """An article could not be read: missing, empty, binary, undecodable, malformed."""


class ModelError(QuotesError):
    """No usable spaCy pipeline is installed or the configured one cannot be loaded."""


class StoreError(QuotesError):
    """The database is missing, unreadable, from a newer schema, or a query is malformed."""


class QueryError(StoreError):
    """A user query (search text, date bound, cluster id) is not acceptable."""


class ExportError(QuotesError):
    """A citation export cannot be produced with the requested options."""


class NotFoundError(QueryError):
    """What a query names (a statement id, a speaker) is not in the database."""
