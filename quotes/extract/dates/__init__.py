"""Dates in an article's text: the publication date it states (``publication``), time expressions
resolved against it (``expressions``), what each expression dates (``governance``: an act, an
occasion or a thing), earlier occasions named without a date ("according to his book": ``past``)
and the article's time cues in text order with the people they involve (``occasions``)."""

from .expressions import Said, counts_from_publication, resolve_expression
from .governance import anchor_of, governs, is_speech
from .occasions import ArticleTimes, TimeCue, addressees, find_time_cues
from .past import earlier_words
from .publication import find_publication_date

__all__ = [
    "ArticleTimes",
    "Said",
    "TimeCue",
    "addressees",
    "anchor_of",
    "counts_from_publication",
    "earlier_words",
    "find_publication_date",
    "find_time_cues",
    "governs",
    "is_speech",
    "resolve_expression",
]
