"""Issue 15: properties that must hold for any input, checked with hypothesis.

- Extraction never crashes on arbitrary text (any Unicode, stray and nested quote marks, odd
  whitespace, reporting verbs and names in any order), and every quote it returns indexes the
  text it came from.
- Any sequence of records stored (in any order, some twice) leaves a database that passes
  SQLite's integrity check, the full-text index's own check and the foreign keys, with the
  counts the records imply.

Examples are derandomized (the same ones on every run) so that `make test` is repeatable; raise
``max_examples`` locally to search further.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.extract import extract_quotes
from quotes.models import Article, Extraction, Quote
from quotes.store import Store

MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‚", "`", "—", "–", "…"]
FRAGMENTS = [
    '"We will not back down,"', "said", "told reporters", "Angela Merkel", "he", "she", "they", "the minister",
    "Mr.", "Dr.", "on Tuesday", "last week", "in 2013", "May 18", ",", ".", ":", "\n", "\n\n", " ", "(AP)",
    "according to", "added", "“", "”", '"', "'", "—", "Obama", "Putin", "'s", "U.S.", "http://x.org/a?b=1",
]
words = st.sampled_from(FRAGMENTS) | st.text(min_size=1, max_size=12) | st.sampled_from(MARKS)
soup = st.lists(words, max_size=40).map(" ".join)
# A paragraph shaped like reported speech, its parts drawn at random: marks, words, cue, speaker.
paragraph = st.tuples(
    st.sampled_from(['"', "“", "‘", "'", "«", ""]), soup, st.sampled_from(['"', "”", "’", "'", "»", ""]),
    st.sampled_from([",", ".", "", " —"]), st.sampled_from(["said", "told reporters", "added", "", "wrote"]),
    st.sampled_from(["Angela Merkel", "he", "she", "the minister", "Obama", "Mr. Putin", "", "a spokesman"]),
    soup,
).map(lambda p: f"{p[0]}{p[1]}{p[3]}{p[2]} {p[5]} {p[4]} {p[6]}.")
article_text = (st.lists(paragraph | soup, min_size=1, max_size=8).map("\n\n".join) | soup
                | st.text(max_size=400))


@pytest.mark.slow
@settings(max_examples=200, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=article_text)
def test_extraction_never_crashes_and_offsets_index_the_text(nlp: Any, text: str) -> None:
    for quote in extract_quotes(text, nlp=nlp, published="2013-01-28"):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None and quote.speaker_end is not None:
            assert 0 <= quote.speaker_start <= quote.speaker_end <= len(text)


# -- the store -------------------------------------------------------------------------------------

names = st.sampled_from(["Dmitry Medvedev", "Medvedev", "Vladimir Putin", "Putin", "the ministry", "Zoë O'Brien",
                         "Ана Петрова", "%_\\", '"quoted"', "AND OR NOT"]) | st.text(min_size=1, max_size=20)
dates = st.sampled_from(["2013-01-27", "2013-01", "2013", "--05-18", "1999-12-31"]) | st.none()
quote_words = st.text(min_size=1, max_size=80) | st.sampled_from(
    ["There is no flexibility.", "There is no flexibility", "no flexibility", "NEAR(a b)", "*", "“”"])


@st.composite
def extractions(draw: st.DrawFn) -> Extraction:
    """An article of random quotes: each quote's words laid into the text where its offsets say."""
    doc = draw(st.sampled_from(["a", "b", "c", "d"]))
    pieces, quotes = [draw(st.text(max_size=30))], []
    for _ in range(draw(st.integers(0, 4))):
        words = draw(quote_words)
        start = sum(map(len, pieces)) + 1
        pieces.append(f"“{words}” ")
        speaker = draw(names | st.none())
        quotes.append(Quote(
            doc=doc, start=start, end=start + len(words), text=words, speaker=speaker,
            role=draw(st.sampled_from(["Prime Minister", "President", None])), date=draw(dates),
            date_basis=draw(st.sampled_from(["explicit", "relative", "article", None])),
            cue=draw(st.sampled_from(["said", "told", None])), kind=draw(st.sampled_from(["direct", "partial"])),
            confidence=draw(st.floats(0, 1)),
        ))
        pieces.append(draw(st.text(max_size=20)))
    article = Article(doc=doc, text="".join(pieces), source=f"{doc}.txt", outlet=draw(names | st.none()),
                      title=draw(st.text(max_size=30) | st.none()), published=draw(dates))
    return Extraction(article=article, quotes=tuple(quotes))


def health(db: Path) -> tuple[str, list[Any], int]:
    with sqlite3.connect(db) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        conn.execute("INSERT INTO occurrences_fts(occurrences_fts) VALUES ('integrity-check')")  # raises if out of sync
        stored = conn.execute("SELECT count(*) FROM occurrences").fetchone()[0]
    return integrity, foreign, stored


@settings(max_examples=120, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(records=st.lists(extractions(), max_size=6), repeat=st.booleans())
def test_random_records_leave_a_sound_store(records: list[Extraction], repeat: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "q.db"
        with Store.open(db, create=True) as store:
            for extraction in records + (records[::-1] if repeat else []):
                store.add(extraction)
            stats = store.stats()
            for extraction in records:  # every stored quote is found where it was put
                for quote in extraction.quotes:
                    assert store.article_text(extraction.article.content_hash) == extraction.article.text
                    assert extraction.article.text[quote.start : quote.end] == quote.text
        integrity, foreign, stored = health(db)
    assert integrity == "ok" and foreign == []
    unique = {r.article.content_hash: r for r in records}  # the same text is one article, stored once
    assert stats["articles"] == len(unique)
    assert stored == sum(len({(q.start, q.end) for q in r.quotes}) for r in unique.values())
