"""Provenance: is this quote real, who said it, when and where was it first seen (``verify``),
and the reports of it (``report``: plain text, JSON, a statement's history)."""

from .report import cluster_history, to_json, to_text
from .verify import check_query, verify

__all__ = ["check_query", "cluster_history", "to_json", "to_text", "verify"]
