"""JSON and JSON Lines inputs: one article per record, a bad record a ``Failure`` and the rest kept.

A record has ``text`` or ``html`` and optional ``url``, ``title``, ``outlet``,
``published``, ``author`` and ``id``/``doc``; its own fields win over what its
HTML states.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from quotes.errors import InputError
from quotes.models import Article, Failure

from .metadata import iso_date

log = logging.getLogger(__name__)

RECORD_FIELDS = ("url", "title", "outlet", "published", "author")
INVALID = object()  # what ``load_json`` gives for text that is not JSON


def load_json(text: str) -> Any:
    """The parsed JSON, or ``INVALID`` (also for a huge integer or nesting too deep to read)."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return INVALID


def json_articles(text: str, fmt: str, *, name: str, doc: str) -> Iterator[Article | Failure]:
    """One article per JSON Lines line or JSON list item; a bad one is a ``Failure`` and the rest go on."""
    reader = _jsonl_items if fmt == "jsonl" else _json_items
    items = reader(text, name=name, doc=doc)
    for label, default_doc, record in items:
        try:
            yield record_article(record, name=name, label=label, default_doc=default_doc)
        except InputError as exc:
            # Info, not warning: the caller reports the Failure itself.
            log.info("%s", exc)
            yield Failure(source=name, message=str(exc))


# (label for messages, default doc id, parsed record or the InputError that parsing it raised)
_Item = tuple[str, str, Any]


def _jsonl_items(text: str, *, name: str, doc: str) -> Iterator[_Item]:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            label = f"{name}, line {number}"
            yield label, f"{doc}-{number}", _parse_line(line, label)


def _json_items(text: str, *, name: str, doc: str) -> Iterator[_Item]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InputError(
            f"{name}: not valid JSON ({why_invalid(exc)}); "
            "fix the file, or give one JSON object per line in a .jsonl file"
        ) from exc
    if not isinstance(data, list):
        yield name, doc, data
        return
    for number, record in enumerate(data, 1):
        yield f"{name}, item {number}", f"{doc}-{number}", record


def _parse_line(line: str, label: str) -> Any:
    """The record on one line, or the ``InputError`` describing it (raised later, so the walk goes on)."""
    try:
        return json.loads(line)
    except (ValueError, RecursionError) as exc:
        return InputError(f"{label}: not valid JSON ({why_invalid(exc)}); fix or remove this line")


def why_invalid(exc: ValueError | RecursionError) -> str:
    """What is wrong with the JSON, for a message: a syntax error's place, or the limit it broke."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno}, column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    return str(exc).split(";")[0]  # Python's cap on digits in an integer


def record_article(record: Any, *, name: str, label: str, default_doc: str) -> Article:
    """One JSON record -> ``Article``; its own fields win over what its HTML states."""
    if isinstance(record, InputError):
        raise record
    if not isinstance(record, dict):
        raise InputError(
            f'{label}: expected a JSON object with a "text" or "html" field, got {type(record).__name__}; '
            "give one article object per line"
        )
    fields = {key: _field(record, key) for key in RECORD_FIELDS}
    doc = _field(record, "id") or _field(record, "doc") or fields["url"] or default_doc
    text, markup = _field(record, "text", strip=False), _field(record, "html", strip=False)
    if text:
        article = Article(doc=doc, text=text, source=name)
    elif markup:
        from .html import html_article

        article = replace(html_article(markup, doc=doc, source=label, url=fields["url"]), source=name)
    else:
        raise InputError(f'{label}: the record has no "text" or "html"; put the article text in "text"')
    published = _record_date(fields["published"], label)
    return replace(
        article,
        title=fields["title"] or article.title,
        outlet=fields["outlet"] or article.outlet,
        author=fields["author"] or article.author,
        published=published or article.published,
    )


def _field(record: dict[str, Any], key: str, *, strip: bool = True) -> str | None:
    value = record.get(key)
    if isinstance(value, bool) or not isinstance(value, str | int | float) or not str(value).strip():
        return None  # absent, empty, or a structure where a string belongs
    return str(value).strip() if strip else str(value)


def _record_date(value: str | None, label: str) -> str | None:
    found = iso_date(value)
    if value and found is None:
        log.warning("%s: published %r is not an ISO date (YYYY-MM-DD); ignored", label, value)
    return found
