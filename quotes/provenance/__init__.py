"""Provenance: is this quote real, who said it, when and where was it first seen (``verify``),
the reports of it (``report``: plain text, JSON, a statement's history) and a statement's history
as data (``history``: for pages that draw it)."""

from .history import History, Wording, history
from .report import HEADLINES, cluster_history, to_json, to_text
from .verify import Verification, check_query, diff_segments, show_date, verify

__all__ = [
    "HEADLINES",
    "History",
    "Verification",
    "Wording",
    "check_query",
    "cluster_history",
    "diff_segments",
    "history",
    "show_date",
    "to_json",
    "to_text",
    "verify",
]
