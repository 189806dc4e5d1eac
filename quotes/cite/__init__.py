"""Citations: records and citation formats (``export``: JSON Lines, CSV, CSL-JSON, BibTeX, RIS,
Markdown) and hand-written APA, MLA and Chicago strings (``styles``)."""

from .export import cluster_record, occurrence_record, render, write_records

__all__ = ["cluster_record", "occurrence_record", "render", "write_records"]
