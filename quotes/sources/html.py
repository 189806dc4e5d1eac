"""Main text and metadata of HTML pages (the only trafilatura importer).

trafilatura finds the article body and drops navigation, footers, asides and
comments; we prune the page furniture it keeps on some layouts (donation and
newsletter boxes, related-article lists, photo captions and credits, cookie
notices, ads) before it runs, because quotes are only looked for in the body.

The publication date, outlet, author and title are read from what the page
states exactly (``article:published_time``, JSON-LD ``NewsArticle``, ``<time
datetime>``, ``og:site_name``) before trafilatura's own guesses, which come from
heuristics over the whole page.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import set_date_params

from quotes.errors import InputError
from quotes.models import Article

from .metadata import iso_date

log = logging.getLogger(__name__)

# Class/id fragments of page furniture that trafilatura keeps on some layouts.
_FURNITURE_WORDS = (
    "donat", "support-us", "supportus", "support-box", "contribut", "paywall", "newsletter",
    "subscribe", "subscription", "signup", "sign-up", "related", "recommend", "read-more", "readmore",
    "more-stories", "caption", "credit", "cookie", "consent", "gdpr", "advert", "sponsor", "promo",
    "banner", "social", "share", "comment", "byline-photo", "breadcrumb", "tags", "author-bio",
)
_FURNITURE_ROLES = {"complementary", "navigation", "banner", "contentinfo", "dialog", "alertdialog"}
_AD_TOKENS = {"ad", "ads", "adslot", "dfp", "gpt"}  # too short to match as substrings
_KEEP_TAGS = {"html", "body", "main", "article"}
# A match that holds this share of the page's text is a body container with an odd class name.
_MAX_FURNITURE_SHARE = 0.5
_MIN_SENTENCE_WORDS = 6
_MIN_ARTICLE_WORDS = 20
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "backgroundnewsarticle", "webpage", "liveblogposting"}
_DATE_METAS = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
)


# trafilatura's own log lines name no file ("discarding data: None"): while it reads a page, they
# are prefixed with the page's source, and dropped when our own error says the same thing better.
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


def _name_the_page_in_dependency_logs() -> None:
    """A logger filter sees only its own logger's records, so each of their loggers gets one."""
    loggers = [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)
               if name.split(".")[0] in _DEPENDENCIES]
    for logger in loggers:
        if not any(isinstance(f, _NameThePage) for f in logger.filters):
            logger.addFilter(_NameThePage())


_name_the_page_in_dependency_logs()


@dataclass(frozen=True, kw_only=True)
class _Stated:
    """Metadata the page states explicitly (meta tags, JSON-LD, <time>)."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None


def html_article(
    markup: str, *, doc: str, source: str, url: str | None = None, encoding: str = "utf-8"
) -> Article:
    """The article of an HTML page: body text (one paragraph per line) and metadata.

    Raise ``InputError`` when the page has no article text. ``outlet`` is the
    page's stated publisher or site name; a name guessed from the URL's host is
    not used (the caller can fall back on the text or a default).
    """
    page = _PAGE.set(source)
    try:
        tree = trafilatura.load_html(_wrap_fragment(markup))
        if tree is None:
            raise InputError(_no_text(source))
        stated = read_stated_metadata(tree)
        prune_furniture(tree)
        unwrap_layout_tables(tree)
        found = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_images=False,
            date_extraction_params=set_date_params(extensive=False),
        )
    finally:
        _PAGE.reset(page)
    text = _paragraphs(getattr(found, "text", None) or "")
    if not has_article_text(text):
        raise InputError(_no_text(source))
    return Article(
        doc=doc,
        text=text,
        source=source,
        outlet=stated.outlet or _stated_sitename(getattr(found, "sitename", None), url),
        title=stated.title or _clean(getattr(found, "title", None)),
        author=stated.author or _clean(getattr(found, "author", None)),
        published=stated.published or iso_date(getattr(found, "date", None)),
        encoding=encoding,
    )


def prune_furniture(tree: HtmlElement) -> None:
    """Drop captions, credits and furniture boxes (by class, id or ARIA role) from ``tree`` in place."""
    total = max(len(tree.text_content()), 1)
    doomed = [
        node
        for node in tree.iter()
        if isinstance(node.tag, str)
        and node.tag not in _KEEP_TAGS
        and _is_furniture(node)
        and len(node.text_content()) / total < _MAX_FURNITURE_SHARE
    ]
    for node in doomed:
        if node.getparent() is not None:
            node.drop_tree()  # keeps the tail text, which belongs to the parent


def unwrap_layout_tables(tree: HtmlElement) -> None:
    """Turn tables used for page layout (cells holding paragraphs) into plain blocks, in place.

    Old news sites lay pages out with tables; trafilatura reads every table as data
    and flattens its cells into one ``| a | b |`` line, losing the paragraphs.
    """
    for table in list(tree.iter("table")):
        rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
        cells = [cell for row in rows for cell in row.xpath("./td | ./th")]
        if any(cell.xpath(".//p | .//div | .//h1 | .//h2 | .//table") for cell in cells):
            # Only this table's own parts: a data table nested in a layout cell stays a table.
            for node in [table, *table.xpath("./thead | ./tbody | ./tfoot"), *rows, *cells]:
                node.tag = "div"


def _is_furniture(node: HtmlElement) -> bool:
    if node.tag == "figcaption" or (node.get("role") or "").lower() in _FURNITURE_ROLES:
        return True
    names = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
    if any(word in names for word in _FURNITURE_WORDS):
        return True
    return any(token in _AD_TOKENS for token in re.split(r"[\s_-]+", names))


def has_article_text(text: str) -> bool:
    """Some running prose: menus and forms left over from a page without an article have none."""
    sentences = [line for line in text.splitlines() if len(line.split()) >= _MIN_SENTENCE_WORDS]
    return sum(len(line.split()) for line in sentences) >= _MIN_ARTICLE_WORDS


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


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) if value and value.strip() else None


def _stated_sitename(sitename: str | None, url: str | None) -> str | None:
    """trafilatura's site name unless it merely repeats the URL's host name."""
    name = _clean(sitename)
    if name is None or url is None:
        return name
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return None if name.lower().removeprefix("www.") == host else name


def read_stated_metadata(tree: HtmlElement) -> _Stated:
    """Title, author, outlet and date as the page states them (JSON-LD, meta tags, ``<time>``)."""
    ld = _json_ld_article(tree)
    published = _meta_date(tree) or iso_date(_text(ld.get("datePublished"))) or _time_date(tree)
    return _Stated(
        title=_clean(_text(ld.get("headline"))),
        author=_clean(_names(ld.get("author"))),
        outlet=_clean(_names(ld.get("publisher"))) or _clean(_meta(tree, "og:site_name")),
        published=published,
    )


def _meta(tree: HtmlElement, key: str) -> str | None:
    for node in tree.iter("meta"):
        names = {(node.get(attr) or "").strip().lower() for attr in ("property", "name", "itemprop")}
        if key in names and (node.get("content") or "").strip():
            return str(node.get("content")).strip()
    return None


def _meta_date(tree: HtmlElement) -> str | None:
    for key in _DATE_METAS:
        found = iso_date(_meta(tree, key))
        if found:
            return found
    return None


def _time_date(tree: HtmlElement) -> str | None:
    """The first ``<time datetime>`` marked as the publication date, else the first in the article."""
    for path in (
        "//time[@itemprop='datePublished' or @pubdate][@datetime]",
        "//article//time[@datetime]",
        "//main//time[@datetime]",
        "//time[@datetime]",
    ):
        for node in tree.xpath(path):
            found = iso_date(node.get("datetime"))
            if found:
                return found
    return None


def _json_ld_article(tree: HtmlElement) -> dict[str, Any]:
    """The page's JSON-LD article object (or the first object with a ``datePublished``), else ``{}``."""
    candidates = list(_json_ld_objects(tree))
    for item in candidates:
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
            return item
    return next((item for item in candidates if "datePublished" in item), {})


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.xpath("//script[contains(@type, 'ld+json')]"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            log.debug("skipping invalid JSON-LD block")
            continue
        stack = data if isinstance(data, list) else [data]
        for item in stack:
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    yield from (g for g in graph if isinstance(g, dict))


def _names(value: Any) -> str | None:
    """``"A"``, ``{"name": "A"}`` or a list of them -> ``"A, B"``."""
    items = value if isinstance(value, list) else [value]
    names = [_text(item.get("name")) if isinstance(item, dict) else _text(item) for item in items]
    joined = ", ".join(name for name in names if name)
    return joined or None


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
