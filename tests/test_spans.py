"""Quote marks to quoted stretches: a table of the shapes news text takes."""

from __future__ import annotations

import pytest

from quotes.text.spans import find_spans, nested_spans


def contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We hope so," Rogozin said.', ["We hope so,"]),
        # A nickname between a first name and a surname quotes nobody.
        ('Marine John “Tig” Tiegen said: "We left."', ["We left."]),
        ('He called it “Fake” news.', ["Fake"]),
        ("“We hope so,” Rogozin said.", ["We hope so,"]),
        ('"We hope so,” Rogozin said.', ["We hope so,"]),  # mixed straight and curly
        ("He said ''no deal'' today.", ["no deal"]),  # NYT's doubled apostrophes
        ("He called it ”a disaster” twice.", ["a disaster"]),  # a closing mark typed as opener
        # a closing mark first on its line opens
        ("Intro.\n” … the train has left the station,” wrote Time.", ["… the train has left the station,"]),
        ("Intro.\n“Closed here.”\nNext line.", ["Closed here."]),  # a closer ending a line still closes
        ("“A,” he said. “B.”", ["A,", "B."]),
        ("“Outer “inner” outer,” she said.", ["Outer “inner” outer,"]),  # nested curly marks
        ("“Left open at the end", ["Left open at the end"]),  # unbalanced: kept to paragraph end
        ("No quotes here, only don't and it's.", []),
        ("Scare “quotes” too.", ["quotes"]),
    ],
)
def test_quote_contents(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_multi_paragraph_quote_is_linked() -> None:
    text = "“First paragraph goes on.\n\n“Second paragraph ends,” he said.\n"
    spans = find_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["First paragraph goes on.", "Second paragraph ends,"]
    assert spans[0].continues and spans[1].continued


def test_unclosed_quote_does_not_swallow_next_paragraph() -> None:
    text = "He said “this is open\n\nNext paragraph is plain.\n"
    spans = find_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["this is open"]
    assert not spans[0].continues


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("Crooked Hillary Clinton and her team ‘were extremely careless in their handling of very sensitive, "
         "highly classified information.’ Not fit!",
         ["were extremely careless in their handling of very sensitive, highly classified information."]),
        ("They treat it like, 'Oh, this is important,' and move on", ["Oh, this is important,"]),
        ("I know my friends are telling me, ‘Feel the Bern,’ but I can’t say", ["Feel the Bern,"]),
        ("they just say ‘do this, do that.’ and ‘no, I want this.’", ["do this, do that.", "no, I want this."]),
        ("He said “we’re done” and left", ["we’re done"]),
        # apostrophes are no marks: contractions, possessives, elided years
        ("We don't know what the voters' minds hold", []),
        ("It isn’t the ’80s and Trump’s plan won’t work", []),
        ("a mark ‘never closed inside the quote", []),
    ],
)
def test_quotations_nested_in_a_quote(quote: str, expected: list[str]) -> None:
    assert [quote[start:end] for start, end in nested_spans(quote)] == expected
