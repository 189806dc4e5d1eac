"""Dates in an article's text: the publication date it states (``publication``) and time
expressions resolved against it (``expressions``)."""

from .expressions import Said, resolve_expression
from .publication import find_publication_date

__all__ = ["Said", "find_publication_date", "resolve_expression"]
