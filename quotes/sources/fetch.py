"""Fetching article pages over HTTP(S) with the standard library.

Every request identifies the tool, has a timeout, and stops reading as soon as
the body passes the size limit, so a huge or endless response cannot exhaust
memory. Every failure is an ``InputError`` naming the URL and what to do.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quotes.errors import InputError

if TYPE_CHECKING:
    from email.message import Message
    from http.client import HTTPResponse

log = logging.getLogger(__name__)

USER_AGENT = "quotes/0.1 (+quote attribution tool)"
DEFAULT_TIMEOUT = 10.0  # seconds, for the connection and for each read
DEFAULT_MAX_BYTES = 5_000_000
_CHUNK = 64 * 1024
# Article pages are HTML; plain text and JSON(L) feeds are read the same way as local files.
ACCEPTED_TYPES = {
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "application/json",
    "application/x-ndjson",
    "application/jsonl",
}


@dataclass(frozen=True, kw_only=True)
class Page:
    """The body of a fetched URL and what the server said about it."""

    url: str  # as requested
    final_url: str  # after redirects
    data: bytes
    content_type: str  # media type only, lower case, "" when the server sent none
    charset: str | None  # declared in Content-Type, if any


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
    """GET ``url``; raise ``InputError`` on network and HTTP errors, wrong content types, oversize bodies."""
    # Imported here: urllib.request costs every command's start-up, and only URL inputs need it.
    import urllib.error
    import urllib.request
    from http.client import HTTPException

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    log.info("fetching %s", url)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return _read_response(url, response, max_bytes=max_bytes)
    except urllib.error.HTTPError as exc:
        raise InputError(_http_error_message(url, exc.code, exc.reason)) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise InputError(_timeout_message(url, timeout)) from exc
        raise InputError(
            f"{url}: cannot connect ({exc.reason}); check the address and your network connection"
        ) from exc
    except TimeoutError as exc:
        raise InputError(_timeout_message(url, timeout)) from exc
    except (HTTPException, OSError) as exc:
        raise InputError(
            f"{url}: the connection failed while reading ({exc}); "
            "try again or save the page and pass the file"
        ) from exc


def _read_response(url: str, response: HTTPResponse, *, max_bytes: int) -> Page:
    headers: Message = response.headers
    content_type = headers.get_content_type() if headers.get("Content-Type") else ""
    if content_type and content_type not in ACCEPTED_TYPES:
        raise InputError(
            f"{url}: the server sent {content_type}, not an HTML page or text; "
            "pass the URL of the article page"
        )
    declared = headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputError(_size_message(url, max_bytes))
    data = _read_limited(url, response, max_bytes)
    charset = headers.get_content_charset()
    log.info("%s: %d bytes of %s (charset %s)", url, len(data), content_type or "unknown type", charset)
    return Page(url=url, final_url=response.geturl(), data=data, content_type=content_type, charset=charset)


def _read_limited(url: str, response: HTTPResponse, max_bytes: int) -> bytes:
    """Read the body in chunks, stopping once it passes ``max_bytes`` (servers may lie or omit the length)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise InputError(_size_message(url, max_bytes))
        chunks.append(chunk)


def _http_error_message(url: str, code: int, reason: object) -> str:
    if code in (404, 410):
        advice = "check the URL"
    elif code in (401, 403):
        advice = "the page needs a login or blocks tools; save it in a browser and pass the file"
    else:
        advice = "try again later or save the page in a browser and pass the file"
    return f"{url}: the server answered HTTP {code} ({reason}); {advice}"


def _timeout_message(url: str, timeout: float) -> str:
    return f"{url}: no response within {timeout:g} s; try again later or save the page and pass the file"


def _size_message(url: str, max_bytes: int) -> str:
    return (
        f"{url}: the page is larger than {max_bytes:,} bytes; "
        "save the article text and pass the file instead"
    )
