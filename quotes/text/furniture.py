"""Page furniture and boilerplate: which paragraphs of a plain-text article are the article.

Nothing is deleted: offsets must keep pointing into the original text. Instead
the body is returned as paragraph bounds, and ``masked`` blanks out the rest
with spaces (newlines kept) so the NLP pipeline never sees the furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .spans import paragraphs

# A heading after which nothing belongs to the article (widgets, appeals, link lists).
END_MARKERS = re.compile(
    r"^\W*(Related articles|Related stories|Related coverage|Related|Read more|Read also|More from .{1,40}"
    r"|Top stories|Most read|Most popular|Trending|Recommended|You may also like|Partner news|Newsfeed"
    r"|No comments|Post a Comment|Comments|Leave a comment|Join the discussion|A Message from .{1,60}"
    r"|Dear readers,?|Share this( article)?|Tags|Filed under)\s*:?\W*$"
)
# Lines that are furniture wherever they stand: widgets, credits, captions, sharing prompts.
FURNITURE_LINE = re.compile(
    r"^\W*(Subscribe|Follow us on:?.*|Remind me later\.?|Chats|loader|log in or register|Share|Tweet|Email|Print"
    r"|To participate in the discussion|Advertisement|ADVERTISEMENT|Skip to (main )?content|Source: .{1,40}"
    r"|\d+|Photo: .*|Image: .*|Getty Images|Reuters|AP Photo.*|©.*)\W*$"
)
# A photo caption closed by an agency credit: "US President Barack Obama and ... [AP]"
CAPTION_CREDIT = re.compile(r"(\[(AP|AFP|Reuters|EPA|Getty Images?)\]|\((AP|AFP|Reuters) Photo[^)]*\))\s*$")
APPEAL = re.compile(
    r"\b(please (support|donate|consider)|support us|make a (donation|contribution)|become a (member|patron)"
    r"|every contribution|donate now|your support, no matter)\b",
    re.IGNORECASE,
)


# "MOSCOW, August 8 (RIA Novosti) – " and "PanARMENIAN.Net - ": not part of the first sentence.
DATELINE_PREFIX = re.compile(
    r"^\s*(?:[A-Z][A-Z .'’-]{2,},\s+[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s+\d{4})?\s*(?:\([^)]{2,40}\))?"
    r"|[A-Z][\w.]{2,30}\.(?:net|com|org|ru|am)|\([A-Z][\w .]{1,30}\))\s+[–—-]\s+"
)


# Markup left in text exports (embedded tweets: <tweet id="..." author="...">).
MARKUP_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s+[a-zA-Z_:-]+=\"[^\"<>]*\")*\s*/?>")


@dataclass(frozen=True, kw_only=True)
class Body:
    """The article body within the full text."""

    paragraphs: tuple[tuple[int, int], ...]  # (start, end) of each body paragraph
    masked: str  # the full text with everything outside the body blanked to spaces


def article_body(text: str) -> Body:
    """Split ``text`` into paragraphs and keep those that belong to the article."""
    kept: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        line = text[start:end].strip()
        if END_MARKERS.match(line) and kept:
            break
        if not is_furniture(line):
            kept.append((start, end))
    kept = drop_repeats(text, kept)
    return Body(paragraphs=tuple(kept), masked=mask(text, kept))


def is_furniture(line: str) -> bool:
    return bool(FURNITURE_LINE.match(line) or CAPTION_CREDIT.search(line) or APPEAL.search(line))


def drop_repeats(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop a paragraph repeated verbatim (headline and teaser printed twice); keep the last copy,
    which is the one inside the story."""
    seen: dict[str, int] = {}
    for index, (start, end) in enumerate(bounds):
        seen[" ".join(text[start:end].split()).rstrip(".")] = index
    return [b for i, b in enumerate(bounds) if seen[" ".join(text[b[0] : b[1]].split()).rstrip(".")] == i]


def mask(text: str, bounds: list[tuple[int, int]]) -> str:
    """Blank everything outside ``bounds`` to spaces, keeping newlines (offsets stay valid)."""
    chars = [c if c == "\n" else " " for c in text]
    for start, end in bounds:
        prefix = DATELINE_PREFIX.match(text, start, end)
        keep_from = prefix.end() if prefix else start
        chars[keep_from:end] = text[keep_from:end]
    # Embed markup: its attributes are not quotes. Searched over the whole text, not per paragraph:
    # an attribute value can run over a line break (``tweet-date="March 9, 2016\n">``).
    for tag in MARKUP_TAG.finditer(text):
        chars[tag.start() : tag.end()] = [c if c == "\n" else " " for c in text[tag.start() : tag.end()]]
    return "".join(chars)
