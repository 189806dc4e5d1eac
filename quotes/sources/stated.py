"""Metadata a page states about its article: title, outlet, authors, publication date.

Read from what the page says exactly (JSON-LD ``NewsArticle``, OpenGraph and
other meta tags, ``<time datetime>``, bylines) before trafilatura's guesses,
which come from heuristics over the whole page.
"""

from __future__ import annotations

import html
import json
import logging
import re
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

_AUTHOR_METAS = ("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author")
# Where bylines stand, the most specific first.
_BYLINE_PATHS = (
    "//*[@rel='author']", "//*[@itemprop='author']", "//*[contains(@class, 'byline__author')]",
    "//*[contains(@class, 'author-name')]", "//*[contains(@class, 'entry-author')]", "//*[contains(@class, 'byline')]",
)
# Bars and spaced dashes between a headline and the site's name, or a site's name and its tagline.
_SEPARATORS = re.compile(r"\s+[|•·»]\s+|\s+[-–—]\s+|\s+::\s+")
_SUFFIX_WORDS = 5
_SECTION_WORDS = 2
_NAME_SPLIT = re.compile(r"\s*(?:[,;|/]|\band\b|&)\s*")
_BY = re.compile(r"^\s*(?:by|written by|von|por|par)\b[:\s]*", re.IGNORECASE)
_ROLE = re.compile(
    r"\b(?:writer|staff|correspondent|reporter|editor|contributor|columnist|author|media|bureau|updated|posted"
    r"|published|\d{4})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, kw_only=True)
class Stated:
    """Metadata the page states explicitly (meta tags, JSON-LD, <time>)."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None


def read_stated_metadata(tree: HtmlElement) -> Stated:
    """Title, authors, outlet and date as the page states them (JSON-LD, meta tags, ``<time>``, bylines)."""
    ld = _json_ld_article(tree)
    published = _meta_date(tree) or iso_date(_text(ld.get("datePublished"))) or _time_date(tree)
    outlet = site_name(tree, ld)
    names = {fold(name) for name in (outlet, _names(ld.get("publisher")), _meta(tree, "og:site_name")) if name}
    names.add(fold(_title_suffix(tree) or ""))
    return Stated(
        title=headline(tree, ld, names - {""}),
        author=authors(tree, ld, names - {""}),
        outlet=outlet,
        published=published,
    )


def site_name(tree: HtmlElement, ld: dict[str, Any]) -> str | None:
    """The site's name: ``og:site_name``, the JSON-LD publisher, ``application-name``, the ``<title>`` suffix.

    The site comes before the publisher: an agency story on a newspaper's site
    names the agency as publisher, but the outlet the reader saw is the site.
    A tagline after a bar goes (``LinkNaija | Nigeria's popular news platform``).
    """
    for name in (_meta(tree, "og:site_name"), _names(ld.get("publisher")), _meta(tree, "application-name"),
                 _title_suffix(tree)):
        cleaned = clean(html.unescape(name)) if name else None
        if cleaned:
            return _SEPARATORS.split(cleaned)[0].strip() or cleaned
    return None


def headline(tree: HtmlElement, ld: dict[str, Any], sites: set[str]) -> str | None:
    """The article's headline (JSON-LD, ``og:title``, ``<title>``) without a site-name suffix."""
    node = tree.find(".//title")
    page_title = node.text_content() if node is not None else None
    for title in (_text(ld.get("headline")), _meta(tree, "og:title"), page_title):
        cleaned = clean(html.unescape(title)) if title else None
        if cleaned:
            first = _SEPARATORS.split(cleaned)[0]
            shown = {fold(h1.text_content()) for h1 in tree.iter("h1")}
            # "Headline | Editorial": what comes before the bar is the headline the page shows.
            return first.strip() if fold(first) in shown else without_site_name(cleaned, sites)
    return None


def without_site_name(title: str, sites: set[str]) -> str:
    """``Headline | Section | Site`` -> ``Headline`` when the last part names the site."""
    cuts = list(_SEPARATORS.finditer(title))
    if not cuts or fold(title[cuts[-1].end() :]) not in sites:
        return title
    cuts.pop()  # the site; then sections of a word or two ("| World | News | Express.co.uk")
    while cuts and "|" in cuts[-1].group() and len(title[cuts[-1].end() : _end(title, cuts)].split()) <= _SECTION_WORDS:
        cuts.pop()
    return title[: _end(title, cuts)].strip()


def _end(title: str, cuts: list[re.Match[str]]) -> int:
    """Where the part after the last kept separator ends: at the next separator, or the title's end."""
    later = [m.start() for m in _SEPARATORS.finditer(title) if not cuts or m.start() > cuts[-1].start()]
    return later[0] if later else len(title)


def _title_suffix(tree: HtmlElement) -> str | None:
    """The last part of ``<title>`` after a separator (``Headline - Sputnik International``), if short."""
    node = tree.find(".//title")
    parts = _SEPARATORS.split(clean(node.text_content()) or "") if node is not None else []
    return parts[-1].strip() if len(parts) >= 2 and len(parts[-1].split()) <= _SUFFIX_WORDS else None


def authors(tree: HtmlElement, ld: dict[str, Any], sites: set[str]) -> str | None:
    """The article's authors, ``"A, B"``: JSON-LD, then author meta tags, then the byline.

    Bylines say more than names (``By TOM KRISHER, AP Auto Writer``, ``Troy L. Smith,
    Cleveland.com``); roles, the outlet's own name and "By" are left out.
    """
    for raw in (_names(ld.get("author")), *(_meta(tree, key) for key in _AUTHOR_METAS), _byline(tree)):
        if raw is None or re.match(r"(?:https?:|www\.)", raw):  # a profile page, not a name
            continue
        names = person_names(raw, sites)
        if names:
            return ", ".join(names)
    return None


def person_names(raw: str, sites: set[str]) -> list[str]:
    """Names in an author string, without "By", roles, outlet names and URLs; upper-case names in title case."""
    found: list[str] = []
    for part in _NAME_SPLIT.split(html.unescape(raw)):
        name = _BY.sub("", part).strip(" .-–—:|")
        for site in sites:  # "Finian Cunningham. Sputnik International"
            words = r"\W+".join(map(re.escape, site.split()))
            name = re.sub(rf"(?<=\w)\W+(?:the\W+)?{words}\W*$", "", name, flags=re.IGNORECASE)
        if not name or "://" in name or fold(name) in sites or _ROLE.search(name) or len(name.split()) > 5:
            continue
        name = name.title() if name.isupper() and len(name) > 3 else name
        if name not in found:
            found.append(name)
    return found


def _byline(tree: HtmlElement) -> str | None:
    for path in _BYLINE_PATHS:
        for node in tree.xpath(path):
            text = clean(node.text_content())
            if text and len(text.split()) <= 12:
                return text
    return None


def fold(text: str) -> str:
    """Case, punctuation and a leading "the" do not count (``The Guardian`` = ``the Guardian`` = ``Guardian``)."""
    words = re.findall(r"\w+", text.lower())
    return " ".join(words[1:] if words[:1] == ["the"] else words)


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
    """The page's JSON-LD article object, else its web page object, else the first with a ``datePublished``.

    An author given by reference (``{"@id": ...}``, as Yoast writes) is replaced by the object it names.
    """
    candidates = list(_json_ld_objects(tree))
    by_id = {item["@id"]: item for item in candidates if isinstance(item.get("@id"), str)}
    for kinds in (_ARTICLE_TYPES - {"webpage"}, {"webpage"}):
        for item in candidates:
            if kinds & _types(item):
                return _with_authors(item, by_id)
    return _with_authors(next((item for item in candidates if "datePublished" in item), {}), by_id)


def _types(item: dict[str, Any]) -> set[str]:
    kinds = item.get("@type")
    return {k.lower() for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)}


def _with_authors(item: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    found = item.get("author")
    refs = found if isinstance(found, list) else [found]
    resolved = [
        by_id.get(ref.get("@id", ""), ref) if isinstance(ref, dict) and "name" not in ref else ref for ref in refs
    ]
    return {**item, "author": resolved} if found else item


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
