"""What is known about an article while its quotes are resolved in order (shared by the resolvers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quotes.extract.dates import ArticleTimes
from quotes.extract.people import PeopleIndex
from quotes.text import QuoteSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


@dataclass(kw_only=True)
class ArticleState:
    """What is known about an article while its quotes are resolved in order."""

    doc: Doc
    people: PeopleIndex
    published: str | None
    spans: list[QuoteSpan]
    # Read once per article: per quote, ``doc.ents`` and per-mention parses would make long
    # articles quadratic.
    time_entities: list[Span]
    subject_mentions: list[bool]  # per ``people.mentions``: is that mention a clause subject?
    mention_starts: list[int]  # per ``people.mentions``, in text order: where each starts
    span_starts: list[int]  # per ``spans``, in text order: where each quote's words start
    quoted_in: list[int]  # per ``people.mentions``: the index of the quote span it lies in, or -1
    mention_ranks: list[int] = field(default_factory=list)  # per ``people.mentions``: ``salience.mention_rank``
    mention_sentences: list[int] = field(default_factory=list)  # per ``people.mentions``: its sentence's start
    times: ArticleTimes | None = None  # the time cues, read on the first quote's date
    body_roles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # per organisation: ``bodies.body_role``
