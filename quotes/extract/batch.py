"""A stream of articles in, results out in input order: in this process or in worker processes."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator

from quotes.errors import QuotesError
from quotes.models import Article, Extraction, Failure

from . import model as nlp_loader
from .article import extract_one, oversize_failure

log = logging.getLogger(__name__)

# Starting a worker costs a model load (~2 s): below this many articles one process is faster.
WORKERS_PAY_OFF_AT = 24


def extract_many(
    items: Iterable[Article | Failure], *, model: str | None = None, jobs: int = 1
) -> Iterator[Extraction | Failure]:
    """Extract a stream of articles; one that fails is logged and yielded as a ``Failure``.

    Results come in input order; an article over ``MAX_ARTICLE_CHARS`` is a ``Failure``. ``jobs=1``
    runs in this process; more runs that many worker processes (see ``quotes.extract.workers``),
    reading ahead only a bounded number of articles; they are spawned, so a script calling this with
    ``jobs > 1`` needs the ``if __name__ == "__main__":`` guard.
    """
    if jobs < 1:
        raise QuotesError(f"jobs must be at least 1, not {jobs}; pass 1 to run in this process")
    stream = map(oversize_failure, items)  # failed here: a worker is not sent megabytes to refuse
    head = list(itertools.islice(stream, WORKERS_PAY_OFF_AT))
    if jobs > 1 and len(head) == WORKERS_PAY_OFF_AT:
        from .workers import extract_parallel

        yield from map(warn_unclosed, extract_parallel(itertools.chain(head, stream), model=model, jobs=jobs))
        return
    pipeline = nlp_loader.load(model)
    for item in itertools.chain(head, stream):
        yield item if isinstance(item, Failure) else warn_unclosed(extract_one(item, pipeline))


def warn_unclosed(result: Extraction | Failure) -> Extraction | Failure:
    """Log the quotes an article leaves open (here, in the calling process, not in a worker)."""
    if isinstance(result, Extraction) and result.unclosed:
        at = ("char " if len(result.unclosed) == 1 else "chars ") + ", ".join(map(str, result.unclosed))
        log.warning("%s: a quote mark is never closed (at %s); the quote was taken to the end of its "
                    "paragraph: check where it ends in the source", result.article.source, at)
    return result
