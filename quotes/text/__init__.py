"""Text utilities every stage shares (no NLP, no storage): the base layer.

- ``spans``: quoted stretches from quote marks (curly, straight, doubled apostrophes, quotes
  carried over paragraphs), offsets into the text;
- ``furniture``: page furniture and boilerplate lines masked out of an article body;
- ``isodates``: dates in ISO form with the precision known (``2013-01-28``, ``2012-03``, ``--05-18``);
- ``date_order``: ordering such partial dates (dated before year-less, nested by precision);
- ``words``: function words shared by clustering and stored-quote lookup;
- ``joined``: people named together as one speaker, written and read back in one form.
"""

from .date_order import earliest, latest, order_key, order_sql
from .furniture import Body, article_body, is_furniture
from .isodates import MONTH_RE, MONTHS, PartialDate, month_number, parse_iso, parse_user_date, valid
from .joined import join_names, names_joined
from .spans import QuoteSpan, char_before_mark, find_spans, last_char_before, nested_spans, paragraphs
from .words import STOPWORDS

__all__ = [
    "MONTHS",
    "MONTH_RE",
    "STOPWORDS",
    "Body",
    "PartialDate",
    "QuoteSpan",
    "article_body",
    "char_before_mark",
    "earliest",
    "find_spans",
    "is_furniture",
    "join_names",
    "last_char_before",
    "latest",
    "month_number",
    "names_joined",
    "nested_spans",
    "order_key",
    "order_sql",
    "paragraphs",
    "parse_iso",
    "parse_user_date",
    "valid",
]
