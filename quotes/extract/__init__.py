"""Extraction: an ``Article`` in, its quotes with speaker, role and date said out (spaCy).

The walk of one article (``pipeline``): page furniture masked, quote spans found, the text
parsed (the paragraphs ``focus`` picks: by default all), then for each quote the attributing
clause (``attribution/``), the person behind the mention (``speaker``, with ``people/``; ``joint``: people
speaking together), the
role, and when the words were said (``said_when``; ``scenes``: the occasion earlier sentences set;
with ``dates/``). ``article`` and ``batch``
are the entry points; ``windows`` walks a long article window by window, so that memory stays
that of one window; ``workers`` runs batches in worker processes; ``remote`` and
``dask_cluster`` run articles on a Dask cluster (the optional ``quotes[cluster]`` extra);
``model`` loads the spaCy pipeline.
"""

from .article import extract_article, extract_one, extract_quotes
from .batch import WORKERS_PAY_OFF_AT, extract_many
from .model import load as load_model
from .remote import Fetch, check_cluster, cluster_available, extract_on_cluster

__all__ = [
    "WORKERS_PAY_OFF_AT",
    "Fetch",
    "check_cluster",
    "cluster_available",
    "extract_article",
    "extract_many",
    "extract_on_cluster",
    "extract_one",
    "extract_quotes",
    "load_model",
]
