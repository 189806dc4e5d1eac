"""Reading articles: files, directories, stdin and URLs in, ``Article`` records (or ``Failure``s) out.

Inputs are plain text, HTML pages, JSON Lines or JSON (one record per article
with ``text`` or ``html`` and optional ``url``, ``title``, ``outlet``,
``published``, ``author``, ``id``/``doc``). The format is decided by the content
as well as the extension: a ``.txt`` holding a saved page is parsed as HTML, a
file whose lines are JSON objects is JSON Lines.

Decoding and format sniffing are in ``decode``.

Anything that cannot be read becomes one ``Failure`` naming the input and the
fix, and the walk goes on.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from quotes.errors import InputError
from quotes.models import Article, Failure

from .decode import ARTICLE_SUFFIXES, decode_bytes, meta_charset, sniff_format
from .fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, fetch, is_url
from .metadata import find_outlet, find_title
from .records import json_articles

log = logging.getLogger(__name__)
STDIN = "-"


def iter_articles(
    paths: Iterable[str | Path],
    *,
    published: str | None = None,
    outlet: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Failure]:
    """Every article in ``paths``: files, directories (recursively), ``-`` for stdin, http(s) URLs.

    An input that cannot be read comes out as one ``Failure`` and the walk goes on;
    a JSON Lines file yields its good records and one ``Failure`` per bad line.
    ``timeout`` (seconds) and ``max_bytes`` bound each URL fetch.

    Metadata precedence, most trusted first: what the input states explicitly (the
    JSON record's fields, the HTML page's metadata), then the outlet the text names
    where it stands (a dateline, a credit: see ``metadata.find_outlet``), then the
    caller's defaults ``published`` and ``outlet`` (the CLI's ``--published`` and
    ``--outlet``, documented as "when the text does not give it"). Publication dates
    written in plain text are left to ``dates.py`` in the extraction pipeline.
    """
    for raw in paths:
        for item in _iter_input(str(raw), timeout=timeout, max_bytes=max_bytes):
            if isinstance(item, Failure):
                yield item
            else:
                yield complete_metadata(item, published=published, outlet=outlet)


def complete_metadata(article: Article, *, published: str | None, outlet: str | None) -> Article:
    """Fill what the input did not state: the outlet from the text, then the caller's defaults."""
    return replace(
        article,
        outlet=article.outlet or find_outlet(article.text) or outlet,
        title=article.title or find_title(article.text),
        published=article.published or published,
    )


def _iter_input(raw: str, *, timeout: float, max_bytes: int) -> Iterator[Article | Failure]:
    if raw == STDIN:
        stdin = sys.stdin
        # A replaced stdin (an embedding app, a test runner) may be text-only.
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
        yield from articles_from_bytes(data, name="<stdin>", doc="stdin", suffix="", what="input")
    elif is_url(raw):
        yield from _url_articles(raw, timeout=timeout, max_bytes=max_bytes)
    else:
        for item in iter_files([raw]):
            if isinstance(item, Failure):
                yield item
            else:
                yield from _file_articles(item)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    """Files named directly, and article files found recursively under directories, in a stable order."""
    for raw in paths:
        path = Path(raw)
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError as exc:  # a name too long for the file system, a loop of links
            yield Failure(source=str(path), message=f"{path}: cannot read this path ({exc.strerror}); check it")
            continue
        if is_dir:
            yield from _walk(path)
        elif is_file:
            yield path
        else:
            yield Failure(source=str(path), message=f"{path}: no such file or directory; check the path")


def _walk(folder: Path) -> Iterator[Path | Failure]:
    """Article files under ``folder``; a directory that cannot be listed is a ``Failure``, not an
    empty directory (``Path.rglob`` would skip it without a word)."""
    found: list[Path] = []
    unreadable: list[OSError] = []
    for parent, _dirs, files in os.walk(folder, onerror=unreadable.append):
        found.extend(p for p in (Path(parent) / f for f in files) if p.is_file() and is_article_file(p))
    for error in sorted(unreadable, key=lambda e: str(e.filename)):
        yield Failure(source=str(error.filename), message=(
            f"{error.filename}: cannot read this directory ({error.strerror}); check its permissions"))
    if not found and not unreadable:
        yield Failure(source=str(folder),
                      message=f"{folder}: no article files (.txt, .html, .json, .jsonl) in this directory")
    yield from sorted(found)


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """About how many articles ``paths`` hold (one per file, one per JSON Lines record), for a
    progress bar; None when that cannot be known without reading them (stdin, URLs)."""
    total = 0
    for raw in paths:
        if str(raw) == STDIN or is_url(str(raw)):
            return None
        for item in iter_files([raw]):
            if isinstance(item, Path):
                total += _records_in(item)
    return total


def _records_in(path: Path) -> int:
    if path.suffix.lower() not in {".jsonl", ".ndjson", ".json"}:
        return 1
    try:
        with path.open("rb") as stream:
            return max(1, sum(1 for line in stream if line.lstrip().startswith(b"{")))
    except OSError:
        return 1


def is_article_file(path: Path) -> bool:
    return not path.name.startswith(".") and path.suffix.lower() in ARTICLE_SUFFIXES


def _file_articles(path: Path) -> Iterator[Article | Failure]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _failure(str(path), f"{path}: cannot read the file ({exc.strerror}); check permissions")
        return
    yield from articles_from_bytes(data, name=str(path), doc=path.stem, suffix=path.suffix.lower())


def _url_articles(url: str, *, timeout: float, max_bytes: int) -> Iterator[Article | Failure]:
    try:
        page = fetch(url, timeout=timeout, max_bytes=max_bytes)
    except InputError as exc:
        yield _failure(url, str(exc))
        return
    suffix = {"text/html": ".html", "application/xhtml+xml": ".html", "application/json": ".json"}.get(
        page.content_type, ".jsonl" if "json" in page.content_type else ""
    )
    yield from articles_from_bytes(
        page.data, name=url, doc=url, suffix=suffix, declared=page.charset, url=page.final_url, what="page"
    )


def articles_from_bytes(
    data: bytes,
    *,
    name: str,
    doc: str,
    suffix: str,
    declared: str | None = None,
    url: str | None = None,
    what: str = "file",
) -> Iterator[Article | Failure]:
    """The articles in one input: one for text or HTML, one per record (or bad record) for JSON.

    ``name`` labels the input in messages and becomes ``Article.source``; ``doc``
    is the article id (JSON records use theirs, or ``<doc>-<line>``).
    """
    try:
        charset = declared or meta_charset(data)
        text, encoding = decode_bytes(data, name, declared=charset, what=what)
        fmt = sniff_format(text, suffix)
        if fmt == "json" or fmt == "jsonl":
            yield from json_articles(text, fmt, name=name, doc=doc)
        elif fmt == "html":
            from .html import html_article  # trafilatura is slow to import; only pages need it

            yield html_article(text, doc=doc, source=name, url=url, encoding=encoding)
        else:
            yield Article(doc=doc, text=text, source=name, encoding=encoding)
    except InputError as exc:
        yield _failure(name, str(exc))


def _failure(source: str, message: str) -> Failure:
    # Info, not warning: the caller reports the Failure itself; a warning would print it twice.
    log.info("%s", message)
    return Failure(source=source, message=message)
