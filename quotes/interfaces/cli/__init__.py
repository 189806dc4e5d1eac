"""The `quotes` command line (typer): a thin layer over the library with one error boundary.

Importing the command modules registers their commands on ``app``.
"""

from . import exporting, extracting, reading, serving
from .app import app, main

__all__ = ["app", "exporting", "extracting", "main", "reading", "serving"]
