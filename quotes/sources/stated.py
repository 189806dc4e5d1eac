"""Metadata a page states about its article: title, outlet, authors, publication date.

Read from what the page says exactly (JSON-LD ``NewsArticle``, OpenGraph and
other meta tags, ``<time datetime>``, bylines) before trafilatura's guesses,
which come from heuristics over the whole page.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from .metadata import iso_date

log = logging.getLogger(__name__)

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "backgroundnewsarticle", "webpage", "liveblogposting"}
_DATE_METAS = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
)


@dataclass(frozen=True, kw_only=True)
class Stated:
    """Metadata the page states explicitly (meta tags, JSON-LD, <time>)."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None


def read_stated_metadata(tree: HtmlElement) -> Stated:
    """Title, author, outlet and date as the page states them (JSON-LD, meta tags, ``<time>``)."""
    ld = _json_ld_article(tree)
    published = _meta_date(tree) or iso_date(_text(ld.get("datePublished"))) or _time_date(tree)
    return Stated(
        title=clean(_text(ld.get("headline"))),
        author=clean(_names(ld.get("author"))),
        outlet=clean(_names(ld.get("publisher"))) or clean(_meta(tree, "og:site_name")),
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


def clean(value: str | None) -> str | None:
    return " ".join(value.split()) if value and value.strip() else None
