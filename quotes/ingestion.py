"""Ingest: sources -> extraction -> deduplication -> store, reporting progress through callbacks.

The library never prints: the caller passes ``on_progress`` (after every article) and
``on_failure`` (once per unreadable or unprocessable input) and gets a summary back.
Articles already stored (same content hash) are skipped before extraction, the expensive step.
Extraction runs here, in worker processes (``jobs``) or on a Dask cluster (``scheduler``); this
process alone writes, in batches of up to ``BATCH_ARTICLES`` articles or ``BATCH_SECONDS`` of
results per transaction (``Store.add_many``: what storing them one by one would store).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .models import Article, Extraction, Failure
from .store import Store

if TYPE_CHECKING:
    from .extract import Fetch

log = logging.getLogger(__name__)
# A quoted passage this long is someone's words, not a scare-quoted term.
QUOTE_WORDS = 5
# Furniture masking that keeps less than this share of an article's words has likely hidden its body.
KEPT_SHARE = 0.5
# Articles stored per transaction: one commit per batch, and statement summaries and speakers rows
# recomputed once per batch. A batch is written once it is this big or the last commit this old, so
# a slow extraction still commits (and shows progress) every few seconds, and the first result,
# which comes after the workers have loaded spaCy, is committed at once. When the writer is what
# the ingest waits on, batches are full: a batch of 1,024 stored 1.1x-1.4x the articles per CPU
# second of one of 256 into a store of 1M quotes, 1.35x at 100k (``benchmarks/store_throughput.py``,
# runs alternating), as a family or statement that several batches touch is partitioned and
# summarised once a batch, and each random index page written carries more rows; 2,048 gained too
# little to double the batch (and the memory a batch holds).
BATCH_ARTICLES = 1024
BATCH_SECONDS = 2.0


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
    scheduler: str | None = None,
    on_progress: ProgressCallback = _ignore,
    on_failure: FailureCallback = _ignore,
) -> IngestStats:
    """Read, extract and store every article under ``paths``; failures are counted and the rest goes on.

    ``jobs`` worker processes extract (1: in this process); with ``scheduler`` (``tcp://HOST:PORT``)
    the workers of that Dask cluster do, and URLs are fetched there. This process alone writes to the store.
    """
    from .sources import iter_articles

    inputs: Iterable[Article | Failure | Fetch]
    if scheduler:
        inputs = _cluster_inputs(paths, published=published, outlet=outlet)
    else:
        inputs = iter_articles(paths, published=published, outlet=outlet)
    return ingest_articles(
        inputs, store, model=model, jobs=jobs, scheduler=scheduler, on_progress=on_progress, on_failure=on_failure,
    )


def _cluster_inputs(
    paths: Iterable[str | Path], *, published: str | None, outlet: str | None
) -> Iterator[Article | Failure | Fetch]:
    """Local inputs read here (their text is shipped); URLs left for the workers to fetch."""
    from .extract import Fetch
    from .sources import is_url, iter_articles

    for raw in paths:
        if is_url(str(raw)):
            yield Fetch(url=str(raw), published=published, outlet=outlet)
        else:
            yield from iter_articles([raw], published=published, outlet=outlet)


def ingest_articles(
    articles: Iterable[Article | Failure | Fetch],
    store: Store,
    *,
    model: str | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    on_progress: ProgressCallback = _ignore,
    on_failure: FailureCallback = _ignore,
) -> IngestStats:
    """Like ``ingest`` over an article stream (for callers with their own sources).

    Stopped early (an error, Ctrl-C), the results already extracted are stored before the stop goes on,
    unless the store itself failed."""
    stats = IngestStats()
    writer = _Writer(store, stats, on_progress)
    try:
        for result in _extracted(_unseen(articles, store, stats, on_progress), model, jobs, scheduler):
            if isinstance(result, Failure):
                stats.failed += 1
                on_failure(result)  # the caller keeps what it needs: a long batch must not hoard failures
                on_progress(stats)
            else:
                warn_if_lost(result)
                writer.add(result)
    except BaseException:
        writer.flush_after_stop()
        raise
    writer.flush()
    return stats


def _extracted(
    items: Iterable[Article | Failure | Fetch], model: str | None, jobs: int, scheduler: str | None
) -> Iterator[Extraction | Failure]:
    if scheduler:
        from .extract import extract_on_cluster

        return extract_on_cluster(items, scheduler=scheduler, model=model)
    from .extract import Fetch, extract_many  # loads spaCy: only when there is something to extract

    return extract_many((i for i in items if not isinstance(i, Fetch)), model=model, jobs=jobs)


@dataclass
class _Writer:
    """Extractions gathered into batches, each stored in one transaction (``Store.add_many``)."""

    store: Store
    stats: IngestStats
    on_progress: ProgressCallback
    batch: list[Extraction] = field(default_factory=list)
    since: float = field(default_factory=time.monotonic)  # the last commit, or the writer's start
    broken: bool = False  # the store failed: nothing more is written

    def add(self, extraction: Extraction) -> None:
        self.batch.append(extraction)
        if len(self.batch) >= BATCH_ARTICLES or time.monotonic() - self.since >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        try:
            stored = self.store.add_many(self.batch)
        except BaseException:
            self.broken = True
            raise
        self.batch = []
        self.since = time.monotonic()
        self.stats.quotes += stored.quotes
        self.stats.new_clusters += stored.new_clusters
        for _ in range(stored.new):
            self.stats.new += 1
            self.on_progress(self.stats)
        for _ in range(stored.skipped):  # stored meanwhile by a concurrent ingest: nothing to do
            self.stats.skipped += 1
            self.on_progress(self.stats)

    def flush_after_stop(self) -> None:
        """Store what was extracted before a stop, unless the store is what failed."""
        if not self.broken:
            self.flush()


def _unseen(
    articles: Iterable[Article | Failure | Fetch], store: Store, stats: IngestStats, on_progress: ProgressCallback
) -> Iterator[Article | Failure | Fetch]:
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
