"""Which paragraphs are parsed: the quotes' and the context their attribution can reach."""

from __future__ import annotations

from typing import Any

import pytest

from quotes.errors import ModelError
from quotes.extract import extract_article
from quotes.extract.focus import PRESETS, Focus, blank_outside, chosen_focus, needed_paragraphs
from quotes.extract.pipeline import analyse
from quotes.models import Article
from quotes.text import find_spans, paragraphs

ARTICLE = "\n\n".join([
    "MOSCOW, May 18 - The budget was cut on Friday.",  # 0: the lead
    "Deputy Prime Minister Dmitry Rogozin spoke at a meeting.",  # 1: a name the quote paragraph writes
    "Oil prices fell sharply.",  # 2: nothing a quote needs
    "The weather was cold.",  # 3: nothing a quote needs
    "The ministry disagreed.",  # 4: the paragraph before a quote
    '"We will not give up," Rogozin said.',  # 5: the quote
    "Markets closed lower.",  # 6: after a quote named in its own paragraph
])


def kept(text: str, focus: Focus) -> list[int]:
    bounds = paragraphs(text)
    return needed_paragraphs(text, bounds, find_spans(text, bounds), focus)


@pytest.mark.parametrize(
    ("focus", "expected"),
    [
        (PRESETS["full"], [0, 1, 2, 3, 4, 5, 6]),
        (PRESETS["lines"], [5]),
        (Focus(lead=1, before=0, after=0, names="none"), [0, 5]),
        (Focus(lead=0, before=1, after=1, names="none"), [4, 5, 6]),
        (Focus(lead=0, before=1, after=1, names="none", needed_only=True), [5]),  # named in its own words
        (Focus(lead=0, before=0, after=0, names="first"), [1, 5]),  # "Rogozin" finds his full name
        (Focus(lead=0, before=0, after=0, names="all"), [1, 5]),
    ],
)
def test_needed_paragraphs(focus: Focus, expected: list[int]) -> None:
    assert kept(ARTICLE, focus) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will win," he said.', [0]),  # a pronoun: the paragraph before names who
        ('"We will win," the senator said.', [0, 2]),  # a description names no one: both sides
        ('"We will win."', [0, 2]),  # no one named: the attribution may follow
    ],
)
def test_context_only_where_needed(text: str, expected: list[int]) -> None:
    article = "\n\n".join(["The senator spoke.", text, "Then the crowd left."])
    focus = Focus(lead=0, before=1, after=1, names="none", needed_only=True)
    assert [i for i in kept(article, focus) if i != 1] == expected


@pytest.mark.parametrize(
    ("keep", "expected"),
    [
        ([0, 1], "Aa b.\nCc d.\n"),
        ([1], "     \nCc d.\n"),
        ([], "     \n     \n"),
    ],
)
def test_blank_outside_keeps_offsets(keep: list[int], expected: str) -> None:
    text = "Aa b.\nCc d.\n"
    assert blank_outside(text, paragraphs(text), keep) == expected


def test_unknown_preset_names_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTES_FOCUS", "fastest")
    with pytest.raises(ModelError, match=r"QUOTES_FOCUS='fastest'.*full"):
        chosen_focus()


def test_default_parses_everything(nlp: Any) -> None:
    article = Article(doc="a", text=ARTICLE, source="a")
    assert extract_article(article, nlp=nlp) == analyse(article, nlp, focus=PRESETS["full"])


def test_blanked_context_changes_the_name(nlp: Any) -> None:
    article = Article(doc="a", text=ARTICLE, source="a")
    full = analyse(article, nlp, focus=PRESETS["full"]).quotes
    lines = analyse(article, nlp, focus=PRESETS["lines"]).quotes
    assert [(q.speaker, q.role) for q in full] == [("Dmitry Rogozin", "Deputy Prime Minister")]
    assert [q.speaker for q in lines] == ["Rogozin"]  # the full name was in a paragraph not parsed
