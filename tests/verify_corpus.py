"""A small store for the verify/export tests: seed 003 plus variants written for them.

Built through the real store API (``Store.add`` with hand-made ``Extraction`` records), so the
tests need no spaCy. The variants: another outlet's translation with slightly different words,
a truncated copy with an ellipsis and a year-less date, and a copy that gives the words to
someone else.
"""

from __future__ import annotations

from pathlib import Path

from quotes.models import Article, Extraction, Quote
from quotes.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED_003 = ROOT / "seeds" / "003_1ad898ca5491ab7b.txt"

FLEX = (
    "There is no flexibility. We have not changed our previous positions – the US has one opinion and "
    "the Russian Federation, unfortunately, has a different opinion. And these positions are not getting "
    "any closer,"
)
GENERATIONS = (
    "We do not want next generations of politicians in 2019 or 2020 to take decisions which would open a new "
    "page in the arms race. But such a threat exists and everyone in Russia and the United States should "
    "understand this, that’s why we still have chances to come to an agreement,"
)
TRANSLATION = (
    "We do not want the next generation of politicians in 2019 or 2020 to make decisions that would open "
    "a new page in the arms race. But such a threat exists and everyone in Russia and the United States "
    "should understand this, that is why we still have a chance to reach an agreement,"
)
TRUNCATED = "There is no flexibility … these positions are not getting any closer,"
PUTIN_COPY = "We do not want next generations of politicians in 2019 or 2020 to take decisions"

# doc -> (article text, quote words, speaker, role, date said, article metadata)
Variant = tuple[str, str, str | None, str | None, str | None, dict[str, str | None]]
VARIANT_ARTICLES: dict[str, Variant] = {
    "ria-translation": (
        f"Russian Prime Minister Dmitry Medvedev said in an interview with CNN: “{TRANSLATION}” he added.\n",
        TRANSLATION, "Dmitry Medvedev", "Prime Minister", "2013-01-27",
        {"outlet": "RIA Novosti", "published": "2013-01-29", "author": "Ivan Petrov",
         "title": "Medvedev: no flexibility on missile defense",
         "source": "https://example.org/ria/medvedev-flexibility"},
    ),
    "pan-truncated": (
        f"“{TRUNCATED}” Medvedev said, according to the report.\n",
        TRUNCATED, "Medvedev", None, None,
        {"outlet": "PanARMENIAN.Net", "published": "--01-30", "author": None, "title": None,
         "source": "articles/pan-truncated.txt"},
    ),
    "daily-putin": (
        f"“{PUTIN_COPY},” Russian President Vladimir Putin said on Sunday.\n",
        PUTIN_COPY, "Vladimir Putin", "President", "2013-01-27",
        {"outlet": "The Daily Example", "published": "2013-02-02", "author": "Jane Doe",
         "title": "Putin rules out missile compromise", "source": "articles/daily-putin.txt"},
    ),
}


def quote_in(
    doc: str, text: str, words: str, speaker: str | None, role: str | None, date: str | None
) -> Quote:
    start = text.index(words)
    return Quote(doc=doc, start=start, end=start + len(words), text=words, speaker=speaker, role=role,
                 date=date, date_basis="explicit" if date else None, cue="said", confidence=0.9)


def seed_extraction() -> Extraction:
    text = SEED_003.read_text(encoding="utf-8")
    doc = SEED_003.stem
    article = Article(doc=doc, text=text, source=f"seeds/{SEED_003.name}", outlet=None,
                      title="No flexibility in missile talks says Russia", published="2013-01-28")
    quotes = tuple(quote_in(doc, text, q, "Dmitry Medvedev", "Prime Minister", "2013-01-27")
                   for q in (FLEX, GENERATIONS))
    return Extraction(article=article, quotes=quotes)


def variant_extractions(names: tuple[str, ...] = tuple(VARIANT_ARTICLES)) -> list[Extraction]:
    out = []
    for doc in names:
        text, words, speaker, role, date, meta = VARIANT_ARTICLES[doc]
        article = Article(doc=doc, text=text, source=str(meta["source"]), outlet=meta["outlet"],
                          title=meta["title"], author=meta["author"], published=meta["published"])
        out.append(Extraction(article=article, quotes=(quote_in(doc, text, words, speaker, role, date),)))
    return out


def build_store(path: Path, names: tuple[str, ...] = tuple(VARIANT_ARTICLES)) -> Path:
    with Store.open(path, create=True) as store:
        for extraction in [seed_extraction(), *variant_extractions(names)]:
            store.add(extraction)
    return path
