"""Ingest: sources -> extraction -> deduplication -> store, reporting progress through callbacks.

The library never prints: the caller passes ``on_progress`` (after every article) and
``on_failure`` (once per unreadable or unprocessable input) and gets a summary back.
Articles already stored (same content hash) are skipped before extraction, the expensive step.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .models import Article, Extraction, Failure
from .store import Store

log = logging.getLogger(__name__)
# A quoted passage this long is someone's words, not a scare-quoted term.
QUOTE_WORDS = 5
# Furniture masking that keeps less than this share of an article's words has likely hidden its body.
KEPT_SHARE = 0.5


@dataclass
class IngestStats:
    """Running totals, passed to ``on_progress`` after every input and returned at the end."""

    new: int = 0
    skipped: int = 0
    failed: int = 0
    quotes: int = 0
    new_clusters: int = 0

    @property
    def done(self) -> int:
        return self.new + self.skipped + self.failed


ProgressCallback = Callable[[IngestStats], None]
FailureCallback = Callable[[Failure], None]


def _ignore(_: object) -> None:
    return None


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    published: str | None = None,
    outlet: str | None = None,
    model: str | None = None,
    jobs: int = 1,
    on_progress: ProgressCallback = _ignore,
    on_failure: FailureCallback = _ignore,
) -> IngestStats:
    """Read, extract and store every article under ``paths``; failures are counted and the rest goes on.

    ``jobs`` worker processes extract (1: in this process); this process alone writes to the store.
    """
    from .sources import iter_articles

    return ingest_articles(
        iter_articles(paths, published=published, outlet=outlet), store, model=model, jobs=jobs,
        on_progress=on_progress, on_failure=on_failure,
    )


def ingest_articles(
    articles: Iterable[Article | Failure],
    store: Store,
    *,
    model: str | None = None,
    jobs: int = 1,
    on_progress: ProgressCallback = _ignore,
    on_failure: FailureCallback = _ignore,
) -> IngestStats:
    """Like ``ingest`` over an article stream (for callers with their own sources)."""
    from .extract import extract_many  # loads spaCy: only when there is something to extract

    stats = IngestStats()
    fresh = _unseen(articles, store, stats, on_progress)
    for result in extract_many(fresh, model=model, jobs=jobs):
        if isinstance(result, Failure):
            stats.failed += 1
            on_failure(result)  # the caller keeps what it needs: a long batch must not hoard failures
        else:
            warn_if_lost(result)
            store_extraction(store, result, stats)
        on_progress(stats)
    return stats


def store_extraction(store: Store, extraction: Extraction, stats: IngestStats) -> None:
    added = store.add(extraction)
    if added.new:
        stats.new += 1
        stats.quotes += added.quotes
        stats.new_clusters += added.new_clusters
    else:  # stored meanwhile by a concurrent ingest: its transaction won, nothing to do
        stats.skipped += 1


def _unseen(
    articles: Iterable[Article | Failure], store: Store, stats: IngestStats, on_progress: ProgressCallback
) -> Iterator[Article | Failure]:
    """Drop articles whose content is already stored, counting them as skipped."""
    for item in articles:
        if isinstance(item, Article) and store.has_article(item.content_hash):
            stats.skipped += 1
            on_progress(stats)
            continue
        yield item


def warn_if_lost(extraction: Extraction) -> None:
    """Log a warning when an article's text was mostly masked as furniture, or its quote marks gave no quote.

    Neither is an error (a page of comments, an article quoting only titles), but
    either can mean a body or its quotes were lost, and that must not pass unsaid.
    """
    from .text import article_body, find_spans, paragraphs

    article = extraction.article
    text = article.text
    body = set(article_body(text).paragraphs)
    kept, total = sum(len(text[s:e].split()) for s, e in body), len(text.split())
    if kept < KEPT_SHARE * total:
        masked = [text[s:e] for s, e in paragraphs(text) if (s, e) not in body]
        log.warning(
            "%s: page-furniture masking kept %d of the article's %d words; dropped from %r",
            article.source, kept, total, _cut(masked[0] if masked else ""),
        )
    if not extraction.quotes:
        quoted = [s for s in find_spans(text) if len(text[s.start : s.end].split()) >= QUOTE_WORDS]
        if quoted:
            log.warning(
                "%s: %d quoted passages in the text but no quote attributed (first: %r); check the text is the article",
                article.source, len(quoted), _cut(text[quoted[0].start : quoted[0].end]),
            )


def _cut(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")
