"""Words two people wrote together are each one's: `quotes verify` with either name answers verbatim, and with
someone else's misattributed; the speakers table keeps the pair apart from a member speaking alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quotes.extract import extract_article
from quotes.models import Article
from quotes.provenance.verify import verify
from quotes.store import Store

pytestmark = pytest.mark.slow

WORDS = "there is precedent for prosecution of the mishandling of classified information by senior officials"
LETTER = (
    "Judiciary Committee Chairman Bob Goodlatte and Benghazi Committee Chairman Trey Gowdy sent a letter to FBI "
    "Director James Comey on Monday.\n\nComey said there was no precedent. The two lawmakers, however, argue that "
    f"“{WORDS}.”\n\nGowdy also spoke on Tuesday. “We will hold hearings on the matter this month,” Gowdy said.\n"
)


@pytest.fixture(scope="module")
def store_path(nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    found = extract_article(Article(doc="letter", text=LETTER, source="letter.txt", outlet="politico",
                                    published="2016-07-12"), nlp=nlp)
    assert [q.speaker for q in found.quotes] == ["Bob Goodlatte and Trey Gowdy", "Trey Gowdy"]
    path = tmp_path_factory.mktemp("joint") / "q.db"
    with Store.open(path, create=True) as store:
        store.add_many([found])
    return path


@pytest.mark.parametrize(
    ("speaker", "verdict"),
    [("Bob Goodlatte", "verbatim"), ("Trey Gowdy", "verbatim"), ("Goodlatte", "verbatim"),
     ("James Comey", "misattributed")],
)
def test_either_of_two_people_said_what_they_wrote_together(store_path: Path, speaker: str, verdict: str) -> None:
    with Store.open(store_path, create=False, readonly=True) as store:
        assert verify(store, WORDS, speaker=speaker).verdict == verdict


def test_the_pair_and_one_of_them_are_two_speakers(store_path: Path) -> None:
    with Store.open(store_path, create=False, readonly=True) as store:
        clusters = {c.speaker for words in ("precedent", "hearings") for c in store.search(words)}
        speakers = {s.name for s in store.speakers()}
    assert clusters == {"Bob Goodlatte and Trey Gowdy", "Trey Gowdy"}
    assert "Trey Gowdy" in speakers
