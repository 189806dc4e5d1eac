"""The library as a user's script uses it: only names exported by ``quotes`` itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotes

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_every_public_name_resolves() -> None:
    missing = [name for name in quotes.__all__ if getattr(quotes, name, None) is None]
    assert missing == []


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = quotes.nothing_here  # type: ignore[attr-defined]


@pytest.mark.slow
def test_a_users_script_extracts_stores_verifies_and_cites(tmp_path: Path) -> None:
    text = 'Moscow will not back down. "There is no flexibility," Dmitry Medvedev said on Sunday.'
    found = quotes.extract_quotes(text, published="2013-01-28")
    expected = [("There is no flexibility,", "Dmitry Medvedev", "2013-01-27")]
    assert [(q.text, q.speaker, q.date) for q in found] == expected

    with quotes.Store.open(tmp_path / "mine.db", create=True) as store:
        stats = quotes.ingest([SEEDS], store, jobs=1)
        assert (stats.new, stats.failed) == (5, 0)
        result = quotes.verify(store, "cooperation needs to be from A to Z", speaker="Sergei Ivanov")
        assert result.verdict == "verbatim"
        cited = json.loads(quotes.render_citations("csl-json", store.occurrences(speaker="Ivanov")))
    assert cited and all(item["type"] for item in cited)
    with pytest.raises(quotes.QuotesError):
        quotes.Store.open(tmp_path / "absent.db", create=False)
