"""Gold gate: the user's seed articles against the hand-checked answers.

Uses ../shared/seeds-gold when present (the living copy), else the copy in tests/data.
Every required quote must be found with the right speaker, role and date; no scare
quote or furniture may be attributed to a person; no year may be invented.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, SHARED_GOLD, read_jsonl

from quotes import Quote, extract_article
from quotes.models import Article

GOLD_DIR = SHARED_GOLD if SHARED_GOLD.is_dir() else DATA / "seeds-gold"
NATIONALITY = {"russian", "russia's", "us", "u.s.", "american", "then", "former", "the"}
STRIP = " \t\n\"'“”‘’«»„…,.;:"


def stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in STRIP:
        start += 1
    while end > start and text[end - 1] in STRIP:
        end -= 1
    return start, end


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def norm_role(role: str | None) -> str | None:
    if not role:
        return None
    return " ".join(w for w in re.split(r"[\s-]+", role.lower()) if w and w not in NATIONALITY)


@pytest.fixture(scope="module")
def predicted(nlp: Any, seed_texts: dict[str, str]) -> dict[str, list[Quote]]:
    return {
        doc: list(extract_article(Article(doc=doc, text=text, source=doc), nlp=nlp).quotes)
        for doc, text in seed_texts.items()
    }


def best_match(text: str, gold: dict[str, Any], quotes: list[Quote]) -> Quote | None:
    target = stripped(text, gold["start"], gold["end"])
    scored = [(overlap(target, stripped(text, q.start, q.end)), q) for q in quotes]
    score, quote = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return quote if score >= 0.5 else None


REQUIRED = [g for g in read_jsonl(GOLD_DIR / "quotes.jsonl") if g["required"]]


@pytest.mark.parametrize("gold", REQUIRED, ids=lambda g: f"{g['doc'][:3]}-{g['start']}")
def test_required_seed_quote(
    gold: dict[str, Any], predicted: dict[str, list[Quote]], seed_texts: dict[str, str]
) -> None:
    quote = best_match(seed_texts[gold["doc"]], gold, predicted[gold["doc"]])
    assert quote is not None, f"missed: {gold['text'][:60]!r}"
    assert quote.speaker == gold["speaker"]
    assert norm_role(quote.role) == norm_role(gold["role"])
    if gold["date"] is not None:
        assert quote.date == gold["date"]


@pytest.mark.parametrize("scare", read_jsonl(GOLD_DIR / "not_person_quotes.jsonl"), ids=lambda s: s["text"][:20])
def test_scare_quote_not_given_to_a_person(
    scare: dict[str, Any], predicted: dict[str, list[Quote]], seed_texts: dict[str, str]
) -> None:
    quote = best_match(seed_texts[scare["doc"]], scare, predicted[scare["doc"]])
    assert quote is None or quote.speaker is None


def test_no_invented_year(predicted: dict[str, list[Quote]]) -> None:
    years = {q.date[:4] for quotes in predicted.values() for q in quotes if q.date and q.date[:1] != "-"}
    assert all(1990 <= int(year) <= 2013 for year in years), years


@pytest.mark.parametrize("article", read_jsonl(GOLD_DIR / "articles.jsonl"), ids=lambda a: a["doc"][:3])
def test_publication_date_as_the_text_gives_it(article: dict[str, Any], seed_texts: dict[str, str]) -> None:
    from quotes.extract.dates import find_publication_date

    assert find_publication_date(seed_texts[article["doc"]]) == article["published"]


def test_gold_copy_is_current() -> None:
    """tests/data keeps a copy of the gold so the suite runs without ../shared; it must not drift."""
    if not SHARED_GOLD.is_dir():
        pytest.skip("../shared/seeds-gold is not here; the copy in tests/data is used")
    for name in ("quotes.jsonl", "not_person_quotes.jsonl", "articles.jsonl"):
        assert (DATA / "seeds-gold" / name).read_text() == (SHARED_GOLD / name).read_text(), name


def test_seed_copies_are_current() -> None:
    shared = SHARED_GOLD.parent / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not here")
    for path in shared.glob("*.txt"):
        assert (Path(__file__).resolve().parent.parent / "seeds" / path.name).read_bytes() == path.read_bytes()
