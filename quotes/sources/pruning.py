"""Page furniture pruned from a parsed page before main-text extraction, and the headline after it.

trafilatura finds the article body and drops navigation, footers, asides and
comments; it keeps some furniture on some layouts: donation and newsletter
boxes, related-article lists, captions and credits, cookie notices, ads, and the
hover cards some sites hide inside a paragraph (``Kristi Noem<span
class="rollover-people-block">Kristi Lynn Noem South Dakota governor ...``),
which would break the sentence a quote is attributed in.

A class name is only a hint. Paywall, premium and subscriber markers wrap the
article itself on real sites (``<div class="article__body paywalled">``), and
furniture words turn up in body containers' names (``Page-ad-margins``,
``entry-content-read-more``), so a node that holds a large share of the page's
paragraph text is never furniture, whatever it is called.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml.html import HtmlElement

# Class/id fragments of page furniture that trafilatura keeps on some layouts.
_FURNITURE_WORDS = (
    "donat", "support-us", "supportus", "support-box", "contribut", "newsletter",
    "subscribe", "signup", "sign-up", "related", "recommend", "read-more", "readmore",
    "more-stories", "caption", "credit", "cookie", "consent", "gdpr", "advert", "sponsor", "promo",
    "banner", "social", "share", "comment", "byline-photo", "breadcrumb", "tags", "author-bio",
)
# Pop-ups shown on hover, written inside the sentence they annotate. The outermost such node often wraps
# the word hovered over too (``<span class="rollover-people"><a>Kristi Noem</a><span
# class="rollover-people-block">...``): only the innermost is the pop-up.
_HOVER_WORDS = ("rollover", "tooltip", "popover", "hovercard", "hover-card")
_HOVER_RE = re.compile("|".join(_HOVER_WORDS))
_FURNITURE_RE = re.compile("|".join(map(re.escape, _FURNITURE_WORDS)))
_FURNITURE_ROLES = {"complementary", "navigation", "banner", "contentinfo", "dialog", "alertdialog"}
# Too short to match as substrings: whole tokens of a class name only ("ad-slot", not "header").
_AD_RE = re.compile(r"(?:^|[\s_-])(?:ad|ads|adslot|dfp|gpt)(?=$|[\s_-])")
_KEEP_TAGS = {"html", "body", "main", "article"}
# A node holding this share of the page's paragraph text is the body (or wraps it), not furniture.
_BODY_SHARE = 0.3
# "Related: <a>Other story</a>", "READ MORE: <a>...</a>": a label, then nothing but a link.
_LINK_LABEL = re.compile(
    r"^\W*(?:related|read more|see more|see also|also read|read also|more|don'?t miss|must read|watch"
    r"|recommended|more from [^:|]{1,40})\s*[:|»>-]",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_NOTICE = re.compile(r"^\W*(?:©|copyright\b|\(c\)\s)(?:\W*\w+){0,20}\W*$", re.IGNORECASE)
# Nodes worth a look (in document order): named ones, captions, lists, and lines with a link.
_CANDIDATES = (
    "//*[@class or @id or @role] | //figcaption | //ul | //ol"
    " | //p[.//a] | //li[.//a] | //h2[.//a] | //h3[.//a] | //h4[.//a] | //strong[.//a]"
    " | //a[.//h2 or .//h3 or .//h4]"
)


def prune_furniture(tree: HtmlElement) -> list[str]:
    """Drop furniture from ``tree`` in place; return a short description of each dropped node.

    Furniture: captions, credits and boxes named so (class, id, ARIA role), lists
    whose every item is only a link, and labelled link lines ("Related: ...").
    """
    prose = _paragraph_text(tree)
    total = max(prose[tree], 1)
    doomed = [
        node
        for node in tree.xpath(_CANDIDATES)
        if node.tag not in _KEEP_TAGS
        and prose[node] / total < _BODY_SHARE
        and (_is_furniture(node) or _is_link_list(node) or _is_labelled_link(node) or _is_teaser(node))
    ]
    dropped = []
    for node in doomed:
        if _still_in(node, tree):  # not inside a node dropped before it
            dropped.append(describe(node))
            node.drop_tree()  # keeps the tail text, which belongs to the parent
    return dropped


def _still_in(node: HtmlElement, tree: HtmlElement) -> bool:
    return any(ancestor is tree for ancestor in node.iterancestors())


def _paragraph_text(tree: HtmlElement) -> Counter[HtmlElement]:
    """Characters of ``<p>`` text under each node (one pass over the paragraphs, added to their ancestors)."""
    counts: Counter[HtmlElement] = Counter()
    for para in tree.iter("p"):
        size = len(" ".join(para.text_content().split()))
        counts[para] += size
        for ancestor in para.iterancestors():
            counts[ancestor] += size
    return counts


def _is_furniture(node: HtmlElement) -> bool:
    if node.tag == "figcaption" or (node.get("role") or "").lower() in _FURNITURE_ROLES:
        return True
    names = _names(node)
    if _FURNITURE_RE.search(names):
        return True
    if _HOVER_RE.search(names):  # a link is what is hovered over, never the pop-up
        return node.tag != "a" and not any(_is_hover(inner) for inner in node.iterdescendants())
    return bool(_AD_RE.search(names))


def _is_hover(node: HtmlElement) -> bool:
    return isinstance(node.tag, str) and node.tag != "a" and bool(_HOVER_RE.search(_names(node)))


def _names(node: HtmlElement) -> str:
    return f"{node.get('class') or ''} {node.get('id') or ''}".lower()


def _is_link_list(node: HtmlElement) -> bool:
    """A list of two or more items, each nothing but a link: more stories, not the story."""
    if node.tag not in ("ul", "ol"):
        return False
    items = node.findall("li")
    return len(items) >= 2 and all(_all_link(item) for item in items)


def _all_link(node: HtmlElement) -> bool:
    words = _WORD.findall(node.text_content())
    linked = sum(len(_WORD.findall(link.text_content())) for link in node.iter("a"))
    return bool(words) and linked >= len(words)


def _is_teaser(node: HtmlElement) -> bool:
    """A link wrapping a heading: a card for another story (``<a><img><h3>Other story</h3></a>``)."""
    return node.tag == "a" and bool(node.xpath(".//h2 | .//h3 | .//h4"))


def _is_labelled_link(node: HtmlElement) -> bool:
    if node.tag not in ("p", "li", "h2", "h3", "h4", "strong"):
        return False
    text = node.text_content()
    label = _LINK_LABEL.match(text)
    if label is None or node.find(".//a") is None:
        return False
    rest = _WORD.findall(text[label.end() :])
    linked = sum(len(_WORD.findall(link.text_content())) for link in node.iter("a"))
    return bool(rest) and linked >= 0.8 * len(rest)


def describe(node: HtmlElement) -> str:
    """``div.article__body.paywalled`` and its first words, for messages."""
    classes = ".".join((node.get("class") or "").split())
    ident = f"#{node.get('id')}" if node.get("id") else ""
    words = " ".join(node.text_content().split()[:8])
    return f"<{node.tag}{ident}{'.' + classes if classes else ''}> {words!r}"


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


def headline_forms(tree: HtmlElement, *stated: str | None) -> set[str]:
    """The page's headline as words: its ``<h1>`` texts, ``og:title``/``twitter:title`` and ``stated`` titles."""
    forms = {_words(h1.text_content()) for h1 in tree.iter("h1")}
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in ("og:title", "twitter:title"):
            forms.add(_words(meta.get("content") or ""))
    forms.update(_words(title) for title in stated if title)
    forms.discard("")
    return forms


def drop_headline(text: str, headlines: set[str]) -> str:
    """The text without leading lines that repeat the headline (it is the title, not the body), and
    without copyright notices ("© 2019 ...", "copyright Inexhibit 2019 - ISSN ...")."""
    lines = [line for line in text.splitlines() if not _NOTICE.match(line)]
    while lines and (not lines[0].strip() or _words(lines[0]) in headlines):
        lines.pop(0)
    return "\n".join(lines)


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))
