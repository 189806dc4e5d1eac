"""Article in, quotes out: the library entry point that ties the extraction steps together."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from . import nlp as nlp_loader
from .errors import QuotesError
from .models import Article, Extraction, Failure, Quote

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

# Starting a worker costs a model load (~2 s): below this many articles one process is faster.
WORKERS_PAY_OFF_AT = 24


def extract_quotes(
    text: str,
    *,
    published: str | None = None,
    outlet: str | None = None,
    doc: str = "article",
    nlp: Language | None = None,
) -> list[Quote]:
    """Every attributed quote in ``text``, in order of appearance."""
    article = Article(doc=doc, text=text, source=doc, published=published, outlet=outlet)
    return list(extract_article(article, nlp=nlp).quotes)


def extract_article(article: Article, *, nlp: Language | None = None) -> Extraction:
    """Quotes of one article, with its publication date and outlet completed from the text."""
    from .pipeline import analyse

    pipeline = nlp if nlp is not None else nlp_loader.load()
    return analyse(article, pipeline)


def extract_many(
    items: Iterable[Article | Failure], *, model: str | None = None, jobs: int = 1
) -> Iterator[Extraction | Failure]:
    """Extract a stream of articles; one that fails is logged and yielded as a ``Failure``.

    Results come in input order. ``jobs=1`` runs in this process; more runs that many worker
    processes (see ``quotes.parallel``), reading ahead only a bounded number of articles; they are
    spawned, so a script calling this with ``jobs > 1`` needs the ``if __name__ == "__main__":`` guard.
    """
    if jobs < 1:
        raise QuotesError(f"jobs must be at least 1, not {jobs}; pass 1 to run in this process")
    stream = iter(items)
    head = list(itertools.islice(stream, WORKERS_PAY_OFF_AT))
    if jobs > 1 and len(head) == WORKERS_PAY_OFF_AT:
        from .parallel import extract_parallel

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


def extract_one(article: Article, pipeline: Language) -> Extraction | Failure:
    """One article of a batch: an error on it becomes its ``Failure`` instead of stopping the batch."""
    try:
        return extract_article(article, nlp=pipeline)
    except QuotesError as exc:
        log.warning("%s: %s", article.source, exc)
        return Failure(source=article.source, message=f"{article.source}: {exc}")
    except (ValueError, RuntimeError) as exc:  # a spaCy failure on odd input must not stop a batch
        log.exception("%s: extraction failed", article.source)
        return Failure(source=article.source, message=f"{article.source}: extraction failed ({exc})")
