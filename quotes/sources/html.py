"""Main text and metadata of HTML pages (the only trafilatura importer).

The body is trafilatura's precision mode on the page with its furniture pruned
(``pruning``), the headline moved out of the body into the title. Pruning and
precision can go wrong on a layout nobody foresaw, so the result is checked
against trafilatura's plain main-text extraction of the unpruned page: when the
cleaned text keeps far less than that, or nothing at all, the plain extraction
is used and a warning names the page and what cleaning had dropped. A page is
only refused when no extraction finds running text in it.

Metadata the page states (``stated``) comes before trafilatura's guesses.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Callable
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import set_date_params

from quotes.errors import InputError
from quotes.models import Article

from .dependency_logs import name_the_page_in_dependency_logs, reading_page
from .metadata import iso_date
from .pruning import drop_headline, headline_forms, prune_furniture, unwrap_layout_tables
from .stated import clean, person_names, read_stated_metadata

log = logging.getLogger(__name__)

_MIN_SENTENCE_WORDS = 6
_MIN_ARTICLE_WORDS = 20
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# Cleaning that keeps less than this share of the plain main text has dropped part of the body.
KEPT_SHARE = 0.5
name_the_page_in_dependency_logs()  # trafilatura's loggers exist now: give each a filter


def html_article(
    markup: str, *, doc: str, source: str, url: str | None = None, encoding: str = "utf-8"
) -> Article:
    """The article of an HTML page: body text (one paragraph per line) and metadata.

    Raise ``InputError`` when the page has no article text. ``outlet`` is the
    page's stated publisher or site name; a name guessed from the URL's host is
    not used (the caller can fall back on the text or a default).
    """
    with reading_page(source):  # trafilatura's log lines name the page
        return _read_page(markup, doc=doc, source=source, url=url, encoding=encoding)


def _read_page(markup: str, *, doc: str, source: str, url: str | None, encoding: str) -> Article:
    tree = trafilatura.load_html(_wrap_fragment(markup))
    if tree is None:
        raise InputError(_no_text(source))
    stated = read_stated_metadata(tree)
    headlines = headline_forms(tree, stated.title)
    cleaned = _cleaned_text(copy.deepcopy(tree), url, headlines)  # pruned copy: the plain extraction reads the page
    found = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_images=False, fast=True,
        date_extraction_params=set_date_params(extensive=False),
    )
    plain = drop_headline(_paragraphs(getattr(found, "text", None) or ""), headlines)
    text = _checked(
        *cleaned, plain, source=source, unpruned=lambda: _precise_text(copy.deepcopy(tree), url, headlines)
    )
    if not has_article_text(text):
        raise InputError(_no_text(source))
    return Article(
        doc=doc,
        text=text,
        source=source,
        outlet=stated.outlet or _stated_sitename(getattr(found, "sitename", None), url),
        title=stated.title or clean(getattr(found, "title", None)),
        author=stated.author or ", ".join(person_names(getattr(found, "author", None) or "", set())) or None,
        published=stated.published or iso_date(getattr(found, "date", None)),
        encoding=encoding,
    )


def _cleaned_text(pruned: HtmlElement, url: str | None, headlines: set[str]) -> tuple[str, list[str]]:
    """The body with furniture pruned from ``pruned`` (in place) and precision extraction; what was pruned."""
    dropped = prune_furniture(pruned)
    unwrap_layout_tables(pruned)
    return _precise_text(pruned, url, headlines), dropped


def _precise_text(tree: HtmlElement, url: str | None, headlines: set[str]) -> str:
    found = trafilatura.bare_extraction(
        tree, url=url, favor_precision=True, include_comments=False, include_images=False
    )
    return drop_headline(_paragraphs(getattr(found, "text", None) or ""), headlines)


def _checked(cleaned: str, dropped: list[str], plain: str, *, source: str, unpruned: Callable[[], str]) -> str:
    """The cleaned text, unless it kept far less than the plain main text: then say so, and recover.

    Pruning is undone first (``unpruned``: precision extraction of the whole page);
    if that still keeps far less, the cleaned text stays (precision mode judged the
    rest furniture) unless it has no running text, when the plain text is used.
    """
    if _enough(cleaned, plain):
        return cleaned
    total = word_count(plain)
    retried = unpruned()
    if dropped and _enough(retried, plain):
        log.warning(
            "%s: furniture pruning kept %d of the %d words of the page's main text; dropped %s; "
            "read the page without pruning", source, word_count(cleaned), total, "; ".join(dropped[:3]),
        )
        return retried
    if has_article_text(cleaned):
        log.warning(
            "%s: cleaning kept %d of the %d words of the page's main text; dropped: %s",
            source, word_count(cleaned), total, _missing(cleaned, plain),
        )
        return cleaned
    if has_article_text(plain):
        log.warning("%s: cleaning left no running text; the page's main text is used, check it for furniture", source)
    return plain


def _enough(text: str, plain: str) -> bool:
    return has_article_text(text) and word_count(text) >= KEPT_SHARE * word_count(plain)


def _missing(text: str, plain: str, shown: int = 2) -> str:
    """The first paragraphs of ``plain`` that ``text`` lacks, cut short, for a message."""
    have = set(text.splitlines())
    lines = [line for line in plain.splitlines() if word_count(line) >= _MIN_SENTENCE_WORDS and line not in have]
    return "; ".join(repr(" ".join(line.split()[:12]) + " ...") for line in lines[:shown])


def word_count(text: str) -> int:
    """Words separated by spaces; in Chinese, Japanese and Korean, which write none, every two characters."""
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2


def has_article_text(text: str) -> bool:
    """Some running prose: menus and forms left over from a page without an article have none."""
    sentences = [count for count in map(word_count, text.splitlines()) if count >= _MIN_SENTENCE_WORDS]
    return sum(sentences) >= _MIN_ARTICLE_WORDS


def _no_text(source: str) -> str:
    return f"{source}: no article text found in the HTML; save the full article page or pass its text"


def _wrap_fragment(markup: str) -> str:
    # trafilatura rejects a bare one-block fragment as "not HTML"; a wrapper element makes it a page.
    return markup if re.search(r"<(html|body)\b", markup[:4096], re.IGNORECASE) else f"<div>{markup}</div>"


def _paragraphs(text: str) -> str:
    """One paragraph per line with a blank line between, so offsets do not depend on the page's whitespace.

    trafilatura has already turned no-break spaces into plain ones; runs of spaces become one.
    """
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _stated_sitename(sitename: str | None, url: str | None) -> str | None:
    """trafilatura's site name unless it merely repeats the URL's host name."""
    name = clean(sitename)
    if name is None or url is None:
        return name
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return None if name.lower().removeprefix("www.") == host else name
