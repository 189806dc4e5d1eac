"""quotes: find, attribute, store and verify quotes in news articles.

Public API::

    from quotes import extract_quotes
    for q in extract_quotes(text, published="2013-01-28"):
        print(q.speaker, q.role, q.date, q.text)
"""

from .errors import ExportError, InputError, ModelError, QueryError, QuotesError, StoreError
from .extract import extract_article, extract_many, extract_quotes
from .models import Article, Extraction, Failure, Quote

__all__ = [
    "Article",
    "ExportError",
    "Extraction",
    "Failure",
    "InputError",
    "ModelError",
    "QueryError",
    "Quote",
    "QuotesError",
    "StoreError",
    "extract_article",
    "extract_many",
    "extract_quotes",
]
__version__ = "0.1.0"
