"""Outlets found where the text states them, and ISO forms of metadata dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.sources.metadata import find_outlet, find_title, iso_date, looks_like_outlet

ROOT = Path(__file__).resolve().parents[1]
GOLD = [json.loads(line) for line in (ROOT / "tests/data/seeds-gold/articles.jsonl").read_text().splitlines()]


@pytest.mark.parametrize(("doc", "expected"), [(g["doc"], g["outlet"]) for g in GOLD], ids=lambda v: str(v))
def test_seed_outlets_match_gold(doc: str, expected: str | None) -> None:
    text = (ROOT / "seeds" / f"{doc}.txt").read_text(encoding="utf-8")
    assert find_outlet(text) == expected


SENTENCE = "The missile defense dispute between the two countries will not be resolved soon, officials said."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # datelines: the agency that wrote the story
        ("MOSCOW, August 8 (RIA Novosti) – Russia’s Defense Ministry said...", "RIA Novosti"),
        ("WASHINGTON, May 18 (RIA Novosti)", "RIA Novosti"),
        ("WASHINGTON (Reuters) - The United States said on Monday...", "Reuters"),
        ("NEW YORK, Jan. 5, 2013 (AP) — Officials said...", "AP"),
        ("MOSCOW - The ministry said on Monday that talks would go on.", None),
        ("LONDON, March 3 (Agencies) - Talks went on.", None),
        # a credit opening a paragraph
        (f"Title line\n\nPanARMENIAN.Net - {SENTENCE}", "PanARMENIAN.Net"),
        (f"Trend News - {SENTENCE}", "Trend News"),
        ("Russia-U.S. missile defense dispute resolution unlikely – Putin", None),
        (f"Vladimir Putin - {SENTENCE}", None),
        ("PanARMENIAN.Net - short headline", None),
        # donation furniture
        ("Story.\nA Message from The Moscow Times:\nDear readers,", "The Moscow Times"),
        ("By supporting The Moscow Times, you're defending open journalism.", "The Moscow Times"),
        # site-name lines and caption suffixes
        ("- Sputnik International\nRussia\n\nStory text.", "Sputnik International"),
        ("Minister Sergei Ivanov  - Sputnik International\nStory.", "Sputnik International"),
        ("- Sputnik International\nStory.\nWASHINGTON, May 18 (RIA Novosti)\n", "RIA Novosti"),
        # not outlets
        ("Story text.\n\nSource: Agencies", None),
        ("US President Barack Obama and Russian President Vladimir Putin. [AP]", None),
        ("Putin said, RIA Novosti reported.", None),
        ("", None),
    ],
)
def test_find_outlet(text: str, expected: str | None) -> None:
    assert find_outlet(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("PanARMENIAN.Net", True),
        ("The Moscow Times", True),
        ("Sputnik International", True),
        ("Agencies", False),
        ("Putin", False),
        ("Vladimir Putin", False),
    ],
)
def test_looks_like_outlet(name: str, expected: bool) -> None:
    assert looks_like_outlet(name) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2013-03-14T09:42:00+02:00", "2013-03-14"),
        ("2013-03-14T23:30:00-05:00", "2013-03-14"),  # the publisher's local date, not UTC
        ("2013-03-14", "2013-03-14"),
        ("2013-03-14 09:42", "2013-03-14"),
        ("2013-3-4", "2013-03-04"),
        ("2013-03", "2013-03"),
        ("2013", "2013"),
        ("20130314", "2013-03-14"),
        ("2013-02-30", None),
        ("0001-01-01T00:00:00Z", None),  # a CMS's placeholder for no date (detroitnews.com)
        ("March 14, 2013", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("No flexibility in missile talks says Russia\nJanuary 28, 2013\n\nBody text here.",
         "No flexibility in missile talks says Russia"),
        ("Follow us on:\nMoscow expects U.S. reaction by year end\nBody.", "Moscow expects U.S. reaction by year end"),
        ("He said it was “a big, big problem in this country.”\nMore text.", None),  # a sentence, not a headline
        ("Deputy Prime Minister Dmitry Rogozin said Thursday that Russia expects more flexibility.\n", None),
    ],
)
def test_find_title(text: str, title: str | None) -> None:
    assert find_title(text) == title
