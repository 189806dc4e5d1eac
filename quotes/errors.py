"""One error hierarchy for the whole library.

Every message names what failed, the offending value, and what to do about it,
so the CLI can print it as a single ``Error: ...`` line.
"""

from __future__ import annotations


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
