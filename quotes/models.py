"""Data passed between modules: frozen, keyword-only, offsets into the article text.

No spaCy objects and no loose dicts cross a module boundary; everything that
does is one of these records.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any, Literal

DateBasis = Literal["explicit", "relative", "article"]
QuoteKind = Literal["direct", "partial"]


@dataclass(frozen=True, kw_only=True)
class Article:
    """One article as read from a file, a feed record or a URL.

    ``text`` is the exact text that quote offsets refer to (for HTML, the
    extracted body text), so every quote can be re-checked against it.
    """

    doc: str  # file name without extension, or the URL
    text: str
    source: str  # path or URL it came from
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 with known precision, or "--MM-DD"
    encoding: str = "utf-8"

    @cached_property  # frozen, so the text cannot change under the cache; the store asks often
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, kw_only=True)
class Quote:
    """A quoted stretch of an article and who said it, when, in what role."""

    doc: str
    start: int  # content offsets, quote marks excluded, end exclusive
    end: int
    text: str
    speaker: str | None = None  # canonical full name or organisation
    speaker_start: int | None = None  # the mention in the attributing clause
    speaker_end: int | None = None
    role: str | None = None
    date: str | None = None
    date_basis: DateBasis | None = None
    cue: str | None = None
    kind: QuoteKind = "direct"
    confidence: float = 0.0
    # Quotations inside the quote, as offsets into ``text`` (marks excluded): another person's words
    # the speaker quotes in their own ("... her team ‘were extremely careless ...’ Not fit!").
    nested: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, kw_only=True)
class Extraction:
    """The result of extracting one article: its metadata as completed from the text, and its quotes."""

    article: Article
    quotes: tuple[Quote, ...] = field(default_factory=tuple)
    # Opening marks of quotes never closed (nor carried on by the next paragraph): each such quote
    # was taken to the end of its paragraph, a guess the user should check against the source.
    unclosed: tuple[int, ...] = field(default_factory=tuple)


@dataclass(frozen=True, kw_only=True)
class Failure:
    """An input that could not be read or processed; batches count these and go on."""

    source: str
    message: str


@dataclass(frozen=True, kw_only=True)
class Occurrence:
    """A stored quote occurrence joined with the article that carries it (store -> verify/export)."""

    occurrence_id: str
    cluster_id: str
    doc: str  # file name without extension, or the URL
    source: str  # path or URL
    outlet: str | None
    title: str | None
    author: str | None
    published: str | None
    content_hash: str  # sha256 of the stored article text the offsets refer to
    text: str
    start: int
    end: int
    speaker: str | None
    role: str | None
    date: str | None
    cue: str | None
    kind: str
    nested: tuple[tuple[int, int], ...] = ()  # quotations inside the quote (``Quote.nested``)


@dataclass(frozen=True, kw_only=True)
class Cluster:
    """One statement as carried by one or more outlets, with every wording kept."""

    cluster_id: str
    text: str  # canonical wording
    speaker: str | None  # the speaker most sources give
    role: str | None
    date: str | None  # earliest known date said
    first_seen: str | None  # earliest publication date of an occurrence
    speakers: tuple[tuple[str, int], ...] = ()  # (speaker, occurrence count), most common first
    occurrences: tuple[Occurrence, ...] = ()
    score: float | None = None  # relevance, when the cluster came from a search

    @property
    def disputed(self) -> bool:
        """Sources give the words to more than one speaker."""
        return len(self.speakers) > 1


def who_said(speaker: str | None, role: str | None, *, unknown: str = "(not attributed)") -> str:
    """``Dmitry Medvedev, Prime Minister``: the speaker with the role they held, for reports."""
    return (speaker or unknown) + (f", {role}" if role else "")
