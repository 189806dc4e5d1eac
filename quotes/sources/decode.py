"""Bytes to text, and the format of the text: decoding (UTF-8, declared, detected) and sniffing.

Text is decoded as UTF-8 when it is; otherwise the declared charset (HTTP header
or ``<meta charset>``) or a detected one is used (Latin-1 and Windows-1252 are
common in archives) and the choice is logged. Mojibake the text already holds
(UTF-8 read once or twice as cp1252 upstream: "TomÃ¡s Regalado") is repaired with
ftfy (``repair_mojibake``), so names read as their people write them.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections.abc import Iterator
from typing import Literal

from quotes.errors import InputError

from .records import INVALID, load_json

log = logging.getLogger(__name__)

Format = Literal["text", "html", "json", "jsonl"]  # records.json_articles takes the last two
TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
# Bytes that never appear in a text article but are everywhere in binaries.
_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}
# Non-ASCII characters of Western news text besides the accented letters À-ÿ.
_TYPOGRAPHY = set("“”‘’‚„–—…•€£¥©®™°«»§¶·¡¿\u00a0´¨")
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:p|div|article|meta|title|br)\b[^>]*>", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]+encoding\s*=\s*[\"']([\w.:-]+)", re.I)
_HEAD_END = re.compile(rb"</head\s*>|<body[\s>]", re.I)
# Pages put the charset after long inline scripts and styles: read the whole head, up to this much.
_HEAD_BYTES = 512 * 1024
# Labels that browsers read as a superset (WHATWG Encoding): the superset decodes what pages really hold.
_SUPERSETS = {
    "iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254", "tis-620": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932", "euc_kr": "cp949",
}


def decode_bytes(
    data: bytes, name: str, *, declared: str | None = None, what: str = "file"
) -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding)`` or raise ``InputError``.

    UTF-8 wins when the bytes are valid UTF-8 (pages often declare Latin-1 wrongly);
    then the ``declared`` charset; then detection. Latin-1 is read as cp1252, as
    browsers do, so the curly quotes at 0x93/0x94 come out as “ and ”.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(data, name, what)  # checked apart: the NUL bytes of UTF-16 would look binary
    _check_text(data, name, what)
    try:
        return repair_mojibake(data.decode("utf-8-sig"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding, how in _encodings(data, declared):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        log.info("%s: not UTF-8, decoded as %s (%s)", name, encoding, how)
        return repair_mojibake(text, name), encoding
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def repair_mojibake(text: str, name: str = "text") -> str:
    """``text`` with the mojibake it holds repaired by ftfy: UTF-8 decoded as cp1252 once ("TomÃ¡s" ->
    "Tomás") or twice, also in decomposed form ("BasÃ\x83Â¡Ã\x83Â±ez" -> "Basáñez"). Only encoding
    errors are fixed: quotes stay curly, HTML entities, widths and line breaks as written. Text with
    nothing to repair is returned as it is (not even composed to NFC), so its offsets hold."""
    if text.isascii():
        return text
    from ftfy import TextFixerConfig, fix_text  # only text with non-ASCII characters needs it

    composed = unicodedata.normalize("NFC", text)
    fixed = fix_text(composed, TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=False, normalization=None, explain=False,
    ))
    if fixed == composed:
        return text
    log.info("%s: mojibake repaired (%d characters shorter)", name, len(text) - len(fixed))
    return fixed


def _check_text(data: bytes, name: str, what: str) -> None:
    if not data.strip():
        raise InputError(f"{name}: the {what} is empty; give an article with text in it")
    if looks_binary(data):
        raise InputError(
            f"{name}: this is a binary {what}, not a text article; pass .txt, .html or .jsonl files"
        )


def _utf16(data: bytes, name: str, what: str) -> tuple[str, str]:
    """Text with a UTF-16 byte-order mark, recorded as the encoding it was in (utf-16-le/-be)."""
    encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
    try:
        text = data[2:].decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: the {what} starts with a UTF-16 byte-order mark but is not valid UTF-16 "
            f"({exc.reason}); re-save it as UTF-8"
        ) from exc
    _check_text(text.encode("utf-8"), name, what)
    return text, encoding


def _encodings(data: bytes, declared: str | None) -> Iterator[tuple[str, str]]:
    """Encodings to try, best first: the declared one, the plausible Western one, the detected one.

    Detectors are unreliable on a short article with a few curly quotes (they
    name cp775 or mac_latin2), so a plausible Western reading comes before them.
    """
    codec = _declared_codec(declared) if declared else None
    if codec:
        yield codec, "declared"
    for candidate in ("cp1252", "latin-1"):
        try:
            if plausibly_western(data.decode(candidate)):
                yield candidate, "Western text"
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        yield best.encoding, "detected"
    yield "latin-1", "fallback"


def plausibly_western(text: str) -> bool:
    """Mostly ASCII letters, and every other character a Latin letter or typographic punctuation.

    Cyrillic in cp1251 also decodes to Latin-1 letters, but then nearly every
    letter is non-ASCII, which Western languages never are.
    """
    extra = [c for c in text if ord(c) > 127]
    if not extra:
        return True
    odd = sum(1 for c in extra if c not in _TYPOGRAPHY and not ("À" <= c <= "ÿ" and c not in "×÷"))
    letters = sum(1 for c in text if c.isalpha())
    accented = sum(1 for c in extra if c.isalpha())
    return odd <= len(extra) // 20 and accented <= 0.3 * letters


def _declared_codec(charset: str) -> str | None:
    """The codec of a declared charset, read as browsers do: Latin-1 as cp1252 (0x93/0x94 are curly
    quotes), GB2312 as GB18030, Shift_JIS as cp932 and so on (``_SUPERSETS``)."""
    try:
        codec = codecs.lookup(charset.strip().lower()).name
    except LookupError:
        log.info("unknown declared charset %r, detecting instead", charset)
        return None
    return _SUPERSETS.get(codec, codec)


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > max(8, len(head) // 100)


def looks_like_html(text: str) -> bool:
    """A page starts with a doctype or ``<html>``, or at least is tag soup with paragraphs."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= 2


def sniff_format(text: str, suffix: str) -> Format:
    """The format of decoded ``text``: by content first, the ``suffix`` breaking ties."""
    body = text.lstrip()
    if body[:1] in ("{", "["):
        if body[:1] == "{" and suffix in {".jsonl", ".ndjson"}:
            return "jsonl"
        first, _, rest = body.partition("\n")
        if rest.strip() and isinstance(load_json(first), dict):
            return "jsonl"  # an object per line
        # A JSON file is parsed once, by the reader; only text that merely starts with a bracket
        # ("[Photo] ...") is parsed here to tell it from JSON.
        if suffix in JSON_SUFFIXES or load_json(body) is not INVALID:
            return "json"  # invalid JSON in a .json file is reported by the reader
    elif suffix in JSON_SUFFIXES:
        return "json"
    if suffix in HTML_SUFFIXES or looks_like_html(body):
        return "html"
    return "text"


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its head: ``<meta charset>``, ``<meta http-equiv>`` or ``<?xml encoding>``."""
    head = data[:_HEAD_BYTES]
    end = _HEAD_END.search(head)
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head, 0, end.start() if end else len(head))
    return match.group(1).decode("ascii", "replace") if match else None
