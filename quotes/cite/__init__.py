"""Citations: records and citation formats (``export``: JSON Lines, CSV, CSL-JSON, BibTeX, RIS,
Markdown) and hand-written APA, MLA and Chicago strings (``styles``)."""

from .export import (
    EXPORT_FORMATS,
    cluster_record,
    occurrence_record,
    render,
    speaker_record,
    write_export,
    write_records,
)

__all__ = [
    "EXPORT_FORMATS",
    "cluster_record",
    "occurrence_record",
    "render",
    "speaker_record",
    "write_export",
    "write_records",
]
