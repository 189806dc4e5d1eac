"""Normalisation, similarity and the clustering policy, as (input, expected) tables."""

from __future__ import annotations

import pytest

from quotes.statements import (
    Clusterer,
    Wording,
    blocking_keys,
    merge_names,
    normalize,
    same_person,
    same_statement,
    similarity,
)

ROGOZIN = (
    "We hope that President Obama after his re-election will be more flexible on the issue of taking "
    "into the account the opinions of Russia and others regarding a future configuration of NATO's "
    "missile defense,"
)
IVANOV = (
    "We will assess the threats together, evaluate the risks together, "
    "and begin creating a defense system together."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We don’t want this,” he said.", "we dont want this he said"),
        ('"We DON\'T want   this!"', "we dont want this"),
        ("We must organise the defence programme.", "we must organize the defense program"),
        ("The colour of honour, our hour.", "the color of honor our hour"),
        ("We travelled... to the centre …", "we traveled to the center"),
        ("Café résumé", "cafe resume"),
        ("We promise nothing, otherwise", "we promise nothing otherwise"),
        ("", ""),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


# (a, speaker of a, b, speaker of b, same cluster?)
CASES = [
    # the same words with different marks, case, punctuation and spelling
    (f"“{ROGOZIN}”", "Dmitry Rogozin", f'"{ROGOZIN.upper()}"', "Dmitry Rogozin", True),
    (IVANOV, "Sergei Ivanov", IVANOV.replace("defense", "defence"), "Sergei Ivanov", True),
    # truncation: one quote contained in a longer one
    (
        ROGOZIN,
        "Dmitry Rogozin",
        "We hope that President Obama after his re-election will be more flexible",
        None,
        True,
    ),
    (
        ROGOZIN,
        "Dmitry Rogozin",
        "more flexible on the issue of taking into the account the opinions of Russia",
        None,
        True,
    ),
    # an ellipsis in the middle
    (
        IVANOV,
        None,
        "We will assess the threats together … and begin creating a defense system together.",
        None,
        True,
    ),
    # another translation: small wording differences
    (
        "We will never accept the conditions that the West is trying to impose on us",
        None,
        "We shall never accept the conditions the West is trying to impose upon us",
        None,
        True,
    ),
    # a misattribution still joins: that is how disagreement gets recorded
    (IVANOV, "Sergei Ivanov", IVANOV, "Dmitry Medvedev", True),
    # different statements sharing many words stay apart
    (
        "We will not allow NATO to expand to our borders under any circumstances",
        None,
        "We will not allow NATO to deploy missiles near our borders in the coming years",
        None,
        False,
    ),
    (
        "The missile defense system in Europe is a direct threat to Russia's security",
        None,
        "The missile defense system in Europe is not a threat to Russia at all, we are told",
        None,
        False,
    ),
    # short generic quotes: same words by different people are different statements
    ("This is unacceptable", "Sergei Lavrov", "This is unacceptable.", "John Kerry", False),
    ("This is unacceptable", "Sergei Lavrov", "“This is unacceptable!”", "Sergei Lavrov", True),
    ("This is unacceptable", None, "This is unacceptable", None, False),
    ("no flexibility", "Dmitry Medvedev", "No flexibility.", "Dmitry Medvedev", True),
    ("no flexibility", "Dmitry Medvedev", "more flexibility", "Dmitry Medvedev", False),
    ("We will respond", "Dmitry Medvedev", "We will respond firmly", "Dmitry Medvedev", False),
]


@pytest.mark.parametrize(("a", "speaker_a", "b", "speaker_b", "same"), CASES)
def test_same_statement(a: str, speaker_a: str | None, b: str, speaker_b: str | None, same: bool) -> None:
    wa, wb = Wording.of(a, speaker_a), Wording.of(b, speaker_b)
    assert same_statement(wa, wb) is same
    assert same_statement(wb, wa) is same  # symmetric


@pytest.mark.parametrize(("a", "speaker_a", "b", "speaker_b", "same"), [c for c in CASES if c[4]])
def test_joined_pairs_share_a_blocking_key(
    a: str, speaker_a: str | None, b: str, speaker_b: str | None, same: bool
) -> None:
    """Blocking must never hide a true match: matching wordings share at least one key."""
    assert set(blocking_keys(Wording.of(a))) & set(blocking_keys(Wording.of(b)))


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        (ROGOZIN, ROGOZIN.replace("defense", "defence"), 100, 100),
        (ROGOZIN, ROGOZIN[:80], 95, 100),  # truncation
        ("We will never accept", "completely different words here", 0, 50),
        ("", "anything", 0, 0),
    ],
)
def test_similarity_range(a: str, b: str, low: float, high: float) -> None:
    assert low <= similarity(a, b) <= high
    assert similarity(a, b) == similarity(b, a)


def test_clusterer_is_incremental_and_keeps_distinct_statements_apart() -> None:
    clusterer = Clusterer()
    first = clusterer.add(ROGOZIN, "Dmitry Rogozin")
    assert clusterer.add(ROGOZIN.replace("defense", "defence"), "Dmitry Rogozin") == first
    assert (
        clusterer.add("We hope that President Obama after his re-election will be more flexible", None)
        == first
    )
    other = clusterer.add(IVANOV, "Sergei Ivanov")
    assert other != first
    assert clusterer.add("This is unacceptable", "Sergei Lavrov") != clusterer.add(
        "This is unacceptable", "John Kerry"
    )
    assert first.startswith("c-") and len(first) == 10


# -- speakers' names (one implementation, shared with quotes.verify) -------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Medvedev", "Dmitry Medvedev", True),
        ("Dmitry Medvedev", "D. Medvedev", True),  # an initial matches whichever side it is on
        ("D. Medvedev", "Dmitry Medvedev", True),
        ("dmitry MEDVEDEV", "Dmitry Medvedev", True),
        ("O'Brien", "Conan OBrien", True),  # apostrophes do not split or change a name
        ("Conan O’Brien", "Conan O'Brien", True),
        ("Putin's", "Vladimir Putin", True),
        ("Hillary Clinton", "Bill Clinton", False),
        ("H. Clinton", "Bill Clinton", False),
        ("Clinton", "Clintons", False),
        ("", "Clinton", False),
    ],
)
def test_same_person(a: str, b: str, expected: bool) -> None:
    assert same_person(a, b) is expected and same_person(b, a) is expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Medvedev", "Dmitry Medvedev", "D. Medvedev"], [("Dmitry Medvedev", 3)]),
        (["Medvedev", "Dmitry Medvedev", "Sergei Ivanov"], [("Dmitry Medvedev", 2), ("Sergei Ivanov", 1)]),
        (["Sergei Ivanov", "Medvedev"], [("Sergei Ivanov", 1), ("Medvedev", 1)]),  # ties: first given first
        (["Hillary Clinton", "Bill Clinton"], [("Hillary Clinton", 1), ("Bill Clinton", 1)]),
        (["Clinton", "Bill Clinton", "Hillary Clinton"], [("Clinton", 1), ("Bill Clinton", 1), ("Hillary Clinton", 1)]),
        (["Clinton", "Hillary Clinton", "Clinton"], [("Hillary Clinton", 3)]),
        ([], []),
    ],
)
def test_merge_names(names: list[str], expected: list[tuple[str, int]]) -> None:
    assert merge_names(names) == expected
