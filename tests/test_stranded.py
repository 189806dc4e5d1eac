"""Speakers the parse strands away from their verb, tested on the parse itself."""

from __future__ import annotations

from typing import Any

import pytest

from quotes.extract.attribution import quote_mask
from quotes.extract.attribution.stranded import appositive_before, participle_owner
from quotes.extract.pipeline import parse
from quotes.text.spans import find_spans, paragraphs


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


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # A verb tagged finite but hung on the noun before it is that noun's own.
        ("As Rubio thanked Miami and said it was great to be home, a man yelled “Stay there!”", "yelled", "man"),
        # A participle with an object of its own before the quote is active: its noun speaks.
        ("Sanders’ campaign called AP’s report a “rush to judgment,” because superdelegates can change their "
         "mind.", "called", "campaign"),
        # Negative rows: a finite verb set off by a comma is an aside, and a participle with nothing but the
        # quote and an agent after it is passive.
        ("A blog, called the “Feed,” pumps out articles.", "called", None),
        ("The campaign, called “a disaster” by aides, folded.", "called", None),
    ],
)
def test_noun_before_a_verb_hung_on_it(nlp: Any, text: str, cue: str, expected: str | None) -> None:
    doc = parse(nlp, text)
    verb = next(t for t in doc if t.text == cue)
    found = participle_owner(verb, quote_mask(doc, find_spans(text, paragraphs(text))))
    assert (found.text if found is not None else None) == expected
