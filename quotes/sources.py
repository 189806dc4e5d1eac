"""Reading articles from disk: paths and directories in, ``Article`` records (or ``Failure``s) out.

Text is decoded as UTF-8 when it is; otherwise the encoding is detected
(Latin-1 and Windows-1252 are common in archives) and the choice is logged.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .models import Article, Failure

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ""}
# Bytes that never appear in a text article but are everywhere in binaries.
_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding)`` or raise ``InputError``."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty; give an article with text in it")
    if looks_binary(data):
        raise InputError(f"{name}: this is a binary file, not a text article; pass .txt, .html or .jsonl files")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    # Western news archives are nearly always cp1252 when not UTF-8; latin-1 is a
    # subset for printable text, so prefer cp1252 when the detector hesitates.
    if encoding in {"latin_1", "iso8859_1", "iso8859_15"}:
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text, encoding = data.decode("latin-1"), "latin-1"
    log.info("%s: not UTF-8, decoded as %s", name, encoding)
    return text, encoding


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > max(8, len(head) // 100)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    """Files named directly, and text files found recursively under directories, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and is_article_file(p))
            if not found:
                yield Failure(source=str(path), message=f"{path}: no article files (.txt) in this directory")
            yield from found
        elif path.is_file():
            yield path
        else:
            yield Failure(source=str(path), message=f"{path}: no such file or directory; check the path")


def is_article_file(path: Path) -> bool:
    return not path.name.startswith(".") and path.suffix.lower() in TEXT_SUFFIXES


def read_article(path: Path, *, published: str | None = None, outlet: str | None = None) -> Article:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror}); check permissions") from exc
    text, encoding = decode_bytes(data, str(path))
    return Article(
        doc=path.stem, text=text, source=str(path), outlet=outlet, published=published, encoding=encoding
    )


def iter_articles(
    paths: Iterable[str | Path], *, published: str | None = None, outlet: str | None = None
) -> Iterator[Article | Failure]:
    """Every article under ``paths``; unreadable ones come out as ``Failure`` and the walk goes on."""
    for item in iter_files(paths):
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield read_article(item, published=published, outlet=outlet)
        except InputError as exc:
            log.warning("%s", exc)
            yield Failure(source=str(item), message=str(exc))
