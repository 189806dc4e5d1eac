"""Dates in an article's text: the publication date it states (``publication``), time expressions
resolved against it (``expressions``), what each expression dates (``governance``: an act, an
occasion or a thing), earlier occasions named without a date ("according to his book": ``past``),
the article's time cues in text order with the people they involve (``occasions``), what the words
around a quote tell of its time (``reporting``: a closing source note, "has said", a reply, an
audience) and whether a name stands for someone on an occasion (``people``)."""

from .expressions import Said, counts_from_publication, resolve_expression
from .governance import anchor_of, governs, is_speech
from .occasions import ArticleTimes, TimeCue, addressees, find_time_cues
from .past import earlier_words
from .people import is_among, others_act, same_person, same_words
from .publication import find_publication_date
from .reporting import audience, from_no_occasion, is_address, is_reply, transcript_note

__all__ = [
    "ArticleTimes",
    "Said",
    "TimeCue",
    "addressees",
    "anchor_of",
    "audience",
    "counts_from_publication",
    "earlier_words",
    "find_publication_date",
    "find_time_cues",
    "from_no_occasion",
    "governs",
    "is_address",
    "is_among",
    "is_reply",
    "is_speech",
    "others_act",
    "resolve_expression",
    "same_person",
    "same_words",
    "transcript_note",
]
