"""One article in, its quotes out: the library's extraction entry points for a single article."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from quotes.errors import InputError, QuotesError
from quotes.models import Article, Extraction, Failure, Quote

from . import model as nlp_loader

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

# Longest article extracted, in characters. A parse takes about 3.4 KiB per character of news text,
# so an article longer than ``windows.WINDOW_CHARS`` is extracted window by window and peak memory
# stays that of one window (benchmarks/memory.py: under 1 GiB at 1,000,000 characters); past this
# size the time taken (minutes per megabyte) is the reason to refuse.
MAX_ARTICLE_CHARS = 5_000_000


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
    """Quotes of one article, with its publication date and outlet completed from the text.

    An article over ``windows.WINDOW_CHARS`` is parsed window by window; one over
    ``MAX_ARTICLE_CHARS`` raises ``InputError``."""
    from .pipeline import analyse  # the rules: imported on first use
    from .windows import WINDOW_CHARS, analyse_windowed

    check_size(article)
    pipeline = nlp if nlp is not None else nlp_loader.load()
    if len(article.text) <= WINDOW_CHARS:
        return analyse(article, pipeline)
    return analyse_windowed(article, pipeline)


def check_size(article: Article) -> None:
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"{article.source}: the article is {len(article.text):,} characters long, over the "
            f"{MAX_ARTICLE_CHARS:,} extracted (minutes per megabyte); split it into smaller files, e.g. one "
            "per story or per part of a transcript"
        )


def oversize_failure(item: Article | Failure) -> Article | Failure:
    """An article over the size limit as its ``Failure``, found before it is sent to a worker."""
    if isinstance(item, Article) and len(item.text) > MAX_ARTICLE_CHARS:
        try:
            check_size(item)
        except InputError as exc:
            return Failure(source=item.source, message=str(exc))
    return item


def extract_one(article: Article, pipeline: Language) -> Extraction | Failure:
    """One article of a batch: an error on it becomes its ``Failure`` instead of stopping the batch."""
    try:
        return extract_article(article, nlp=pipeline)
    except QuotesError as exc:
        # Info, not warning: the caller reports the Failure itself; a warning would print it twice.
        log.info("%s: %s", article.source, exc)
        message = str(exc) if str(exc).startswith(f"{article.source}: ") else f"{article.source}: {exc}"
        return Failure(source=article.source, message=message)
    except (ValueError, RuntimeError) as exc:  # a spaCy failure on odd input must not stop a batch
        log.exception("%s: extraction failed", article.source)
        return Failure(source=article.source, message=f"{article.source}: extraction failed ({exc})")
