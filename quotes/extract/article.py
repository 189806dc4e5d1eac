"""One article in, its quotes out: the library's extraction entry points for a single article."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from quotes.errors import QuotesError
from quotes.models import Article, Extraction, Failure, Quote

from . import model as nlp_loader

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)


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
    from .pipeline import analyse  # the rules: imported on first use

    pipeline = nlp if nlp is not None else nlp_loader.load()
    return analyse(article, pipeline)


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
