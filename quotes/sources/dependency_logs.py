"""trafilatura's own log lines name no file ("discarding data: None"): while it reads a page, they are
prefixed with the page's source, and dropped when our own error says the same thing better."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_PAGE: ContextVar[str | None] = ContextVar("quotes_html_page", default=None)
_DEPENDENCIES = ("trafilatura", "htmldate", "courlan", "justext")
_REDUNDANT = ("discarding data",)  # no text extracted: the InputError naming the page follows


class _NameThePage(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        page = _PAGE.get()
        if page is None:
            return True
        message = record.getMessage()
        if message.startswith(_REDUNDANT):
            return False
        record.msg, record.args = f"{page}: {message}", ()
        return True


def name_the_page_in_dependency_logs() -> None:
    """A logger filter sees only its own logger's records, so each of their loggers gets one."""
    loggers = [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)
               if name.split(".")[0] in _DEPENDENCIES]
    for logger in loggers:
        if not any(isinstance(f, _NameThePage) for f in logger.filters):
            logger.addFilter(_NameThePage())


@contextmanager
def reading_page(source: str) -> Iterator[None]:
    """Dependency log lines written meanwhile carry ``source``."""
    page = _PAGE.set(source)
    try:
        yield
    finally:
        _PAGE.reset(page)
