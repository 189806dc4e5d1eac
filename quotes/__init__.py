"""quotes: find, attribute, store and verify quotes in news articles.

Public API (what a user's script imports; everything else is internal)::

    from quotes import extract_quotes
    for q in extract_quotes(text, published="2013-01-28"):
        print(q.speaker, q.role, q.date, q.text)

    from quotes import Store, ingest, verify, render_citations
    with Store.open("db/quotes.db", create=True) as store:
        ingest(["seeds/"], store)
        print(verify(store, "There is no flexibility", speaker="Dmitry Medvedev").verdict)

The data walks one way through the subpackages: ``sources`` (files, URLs, feeds -> ``Article``)
-> ``extract`` (quotes with speaker, role, date) -> ``statements`` (the same words across
outlets) -> ``store`` (SQLite) -> ``provenance`` (verdicts) and ``cite`` (citation formats);
``ingestion`` ties the first four together; ``interfaces`` (the CLI) calls all of them.
The store, ingest, verify and citation names load on first use, so that ``import quotes``
stays light (no SQLite layer or fuzzy matcher for a script that only extracts).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import ExportError, InputError, ModelError, QueryError, QuotesError, StoreError
from .extract import extract_article, extract_many, extract_quotes
from .models import Article, Cluster, Extraction, Failure, Occurrence, Quote

if TYPE_CHECKING:
    from .cite import render as render_citations
    from .ingestion import IngestStats, ingest, ingest_articles
    from .provenance import verify
    from .store import Store

# name -> (module, attribute): imported on first access (PEP 562)
_LAZY = {
    "IngestStats": ("quotes.ingestion", "IngestStats"),
    "Store": ("quotes.store", "Store"),
    "ingest": ("quotes.ingestion", "ingest"),
    "ingest_articles": ("quotes.ingestion", "ingest_articles"),
    "render_citations": ("quotes.cite", "render"),
    "verify": ("quotes.provenance", "verify"),
}

__all__ = [
    "Article",
    "Cluster",
    "ExportError",
    "Extraction",
    "Failure",
    "IngestStats",
    "InputError",
    "ModelError",
    "Occurrence",
    "QueryError",
    "Quote",
    "QuotesError",
    "Store",
    "StoreError",
    "extract_article",
    "extract_many",
    "extract_quotes",
    "ingest",
    "ingest_articles",
    "render_citations",
    "verify",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attribute = _LAZY[name]
        value = getattr(importlib.import_module(module), attribute)
        globals()[name] = value  # later lookups skip this function
        return value
    raise AttributeError(f"module 'quotes' has no attribute {name!r}")
