"""Speakers the parse strands away from their verb, tested on the parse itself."""

from __future__ import annotations

from typing import Any

import pytest

from quotes.pipeline import parse
from quotes.stranded import appositive_before


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("In Iowa, Paul Ryan, the House spokesman, asked: “Is it over?”", "asked", "spokesman"),
        # The tagger reads the verb as a participle; nothing makes it passive, so it is finite after all.
        ("Mitt Romney, the 2012 Republican presidential nominee, tweeted in response: “Important distinction.”",
         "tweeted", "nominee"),
        # Negative rows: a passive or perfect participle has its subject in the parse, not stranded.
        ("In Iowa, Paul Ryan, the House spokesman, was asked: “Is it over?”", "asked", None),
        ("In Iowa, Paul Ryan, the House spokesman, had asked: “Is it over?”", "asked", None),
    ],
)
def test_apposition_before_a_subjectless_cue(nlp: Any, text: str, cue: str, expected: str | None) -> None:
    doc = parse(nlp, text)
    verb = next(t for t in doc if t.text == cue)
    found = appositive_before(verb, [False] * len(doc))
    assert (found.text if found is not None else None) == expected
