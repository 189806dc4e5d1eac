"""Verdict logic: rule tables on hand-made records, then verdicts on a real store built from seed 003."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from verify_corpus import FLEX, GENERATIONS, build_store

from quotes.errors import QueryError
from quotes.models import Cluster, Occurrence
from quotes.provenance.history import history
from quotes.provenance.report import cluster_history, to_json, to_text
from quotes.provenance.verify import (
    Verification,
    first_seen,
    fragments,
    judge,
    merged_speakers,
    same_person,
    show_date,
    stands_in,
    verify,
    word_diff,
)
from quotes.store import Store
from quotes.text.date_order import order_key


def occ(text: str, *, speaker: str | None = "Dmitry Medvedev", published: str | None = "2013-01-28",
        outlet: str | None = "Outlet", oid: str = "o1", cid: str = "c-1") -> Occurrence:
    return Occurrence(
        occurrence_id=oid, cluster_id=cid, doc=oid, source=f"{oid}.txt", outlet=outlet, title=None,
        author=None, published=published, content_hash="0" * 64, text=text, start=0, end=len(text),
        speaker=speaker, role=None, date=None, cue="said", kind="direct",
    )


def cluster(*occs: Occurrence, cid: str = "c-1") -> Cluster:
    return Cluster(cluster_id=cid, text=occs[0].text, speaker=occs[0].speaker, role=None, date=None,
                   first_seen=None, occurrences=occs)


# -- rule tables ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Medvedev", "Dmitry Medvedev", True),
        ("dmitry medvedev", "Dmitry Medvedev", True),
        ("D. Medvedev", "Dmitry Medvedev", True),
        ("President Putin", "Vladimir Putin", True),
        ("Putin", "Dmitry Medvedev", False),
        ("Sergei Ivanov", "Sergei Lavrov", False),
        ("Dmitry Rogozin", "Dmitry Medvedev", False),
        ("Anatoly Medvedev", "Dmitry Medvedev", False),
        ("Müller", "Jürgen Muller", True),
    ],
)
def test_same_person_is_lenient_but_not_loose(a: str, b: str, expected: bool) -> None:
    assert same_person(a, b) is expected


@pytest.mark.parametrize(
    ("stored", "query", "expected"),
    [
        ("There is no flexibility. We have not changed", "There is no flexibility", True),
        ("There is no flexibility. We have not changed", "“there is NO flexibility”", True),
        ("There is no flexibility. We have not changed", "'There is no flexibility...'", True),
        ("There is no flexibility. We have not changed", "There is … not changed", True),
        ("There is no flexibility. We have not changed", "There is [...] not changed", True),
        ("There is no flexibility. We have not changed", "not changed … There is", False),
        ("There is no flexibility. We have not changed", "There is no flex", False),
        ("There is no flexibility. We have not changed", "There is little flexibility", False),
        ("Either we are together or we [Russia] have to react", "or we have to react", True),
        ("Either we are together or we [Russia] have to react", "or we [Russia] have to react", True),
        ("Either we are together or we [Russia] have to react", "or we Russia have to", True),
    ],
)
def test_words_stand_in_stored_wording(stored: str, query: str, expected: bool) -> None:
    assert stands_in(stored, fragments(query)) is expected


@pytest.mark.parametrize(
    ("old", "new", "trim", "expected"),
    [
        ("We have not changed our positions", "We have not changed our position", False,
         "We have not changed our [-positions-] {+position+}"),
        ("“We have not changed,” he", '"we have NOT changed," he', False, '"we have NOT changed," he'),
        ("A b c d e f", "c d", True, "… c d …"),
        ("A b c d e f", "c d", False, "[-A b-] c d [-e f-]"),
    ],
)
def test_word_diff(old: str, new: str, trim: bool, expected: str) -> None:
    assert word_diff(old, new, trim_ends=trim) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2013-01-28", "2013-01-28"), ("--05-18", "--05-18 (year unknown)"), (None, "undated"),
     ("2013", "2013")],
)
def test_show_date_never_invents_a_year(value: str | None, expected: str) -> None:
    assert show_date(value) == expected


def test_first_seen_puts_yearless_and_undated_after_dated() -> None:
    items = [occ("x", published=None, oid="a"), occ("x", published="--01-01", oid="b"),
             occ("x", published="2014-05", oid="c"), occ("x", published="2013-12-31", oid="d")]
    assert sorted((o.published for o in items), key=order_key) == [
        "2013-12-31", "2014-05", "--01-01", None]
    found = first_seen(items)
    assert found is not None and found.occurrence_id == "d"


def test_merged_speakers_counts_surname_with_full_name() -> None:
    counts = merged_speakers([occ("x", speaker="Medvedev"), occ("x", speaker="Dmitry Medvedev"),
                              occ("x", speaker="Vladimir Putin"), occ("x", speaker=None)])
    assert counts == {"Dmitry Medvedev": 2, "Vladimir Putin": 1}


# -- verdicts on hand-made clusters ---------------------------------------------------------------

HAND = [
    cluster(occ("There is no flexibility. We have not changed our previous positions", oid="a"),
            occ("There is no flexibility, we have not changed our positions", speaker="Medvedev", oid="b")),
    cluster(occ("Russia will respond to the missile shield in Europe", speaker="Vladimir Putin", oid="c"),
            occ("Russia will respond to the missile shield in Europe", speaker="Sergei Ivanov", oid="d",
                cid="c-2"), cid="c-2"),
    # A description beside a name reports who spoke: it is no second speaker.
    cluster(occ("We are going to make a great deal with Mexico on the border", speaker="Donald J. Trump",
                oid="e", cid="c-3"),
            occ("We are going to make a great deal with Mexico on the border", speaker="Trump", oid="f",
                cid="c-3"),
            occ("We are going to make a great deal with Mexico on the border", speaker="the Republican nominee",
                oid="g", cid="c-3"), cid="c-3"),
]


@pytest.mark.parametrize(
    ("query", "speaker", "verdict"),
    [
        ("There is no flexibility", None, "verbatim"),
        ("There is no flexibility", "Medvedev", "verbatim"),
        ("There is no flexibility", "Putin", "misattributed"),
        ("There is no flexibility. We have not changed our old positions", "Medvedev", "variant"),
        ("There is no flexibility. We have not changed our old positions", "Putin", "misattributed"),
        ("Russia will respond to the missile shield", None, "disputed"),
        ("Russia will respond to the missile shield", "Putin", "disputed"),
        ("Russia will respond to the missile shield", "Lavrov", "misattributed"),
        ("The weather in Moscow is cold this week", None, "not_found"),
        ("a great deal with Mexico on the border", None, "verbatim"),
        ("a great deal with Mexico on the border", "Donald Trump", "verbatim"),
        ("a great deal with Mexico on the border", "Hillary Clinton", "misattributed"),
        ("We are going to make a great deal with Mexico at the border", "Trump", "variant"),
    ],
)
def test_judge_verdicts(query: str, speaker: str | None, verdict: str) -> None:
    assert judge(query, HAND, speaker=speaker).verdict == verdict


@pytest.mark.parametrize("query", ["", "   ", "“ … ”"])
def test_empty_query_is_a_query_error(query: str) -> None:
    with pytest.raises(QueryError, match="nothing to verify"):
        judge(query, HAND)


# -- verdicts on a real store ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("verify") / "quotes.db")


def run(db: Path, text: str, speaker: str | None = None) -> Verification:
    with Store.open(db, create=False) as store:
        return verify(store, text, speaker=speaker)


def test_verbatim_first_seen_and_yearless_copy(db: Path) -> None:
    result = run(db, "There is no flexibility", "Medvedev")
    assert result.verdict == "verbatim"
    match = to_json(result)["matches"][0]
    assert match["first_seen"]["doc"] == "seeds/003_1ad898ca5491ab7b.txt"
    assert match["first_seen"]["date"] == "2013-01-28"
    assert match["speakers"] == {"Dmitry Medvedev": 2}
    assert [o["published"] for o in match["occurrences"]] == ["2013-01-28", "--01-30"]
    assert all(o["recheck"] == "ok" for o in match["occurrences"])
    text = to_text(result)
    assert "--01-30 (year unknown)" in text and "ordered after the dated ones" in text
    assert "2013-01-30" not in text  # no invented year


def test_ellipsis_query_is_verbatim(db: Path) -> None:
    assert run(db, "“There is no flexibility … not getting any closer”").verdict == "verbatim"


def test_variant_shows_word_diff(db: Path) -> None:
    result = run(db, "There is no flexibility. We have not changed our previous position", "Dmitry Medvedev")
    assert result.verdict == "variant"
    assert "[-positions-] {+position+}" in to_text(result)


def test_translation_and_other_speaker_make_a_dispute(db: Path) -> None:
    result = run(db, "We do not want next generations of politicians in 2019 or 2020 to take decisions")
    assert result.verdict == "disputed"
    assert dict(result.speakers) == {"Dmitry Medvedev": 1, "Vladimir Putin": 1}
    text = to_text(result)
    assert "Vladimir Putin: The Daily Example (2013-02-02)" in text
    assert "Dmitry Medvedev: (outlet unknown) (2013-01-28)" in text
    # the translation is carried in the same statement, with its own wording
    outlets = {o["outlet"]: o["text"] for o in to_json(result)["matches"][0]["occurrences"]}
    assert outlets["RIA Novosti"].startswith("We do not want the next generation")


def test_wrong_speaker_is_misattributed(db: Path) -> None:
    result = run(db, "There is no flexibility", "Vladimir Putin")
    assert result.verdict == "misattributed"
    assert "Dmitry Medvedev" in to_text(result)


def test_unrelated_text_is_not_found(db: Path) -> None:
    result = run(db, "The football season starts next week in Manchester")
    assert result.verdict == "not_found" and result.matches == ()
    assert to_json(result)["matches"] == []


def test_recheck_reports_changed_article_text(tmp_path: Path) -> None:
    path = build_store(tmp_path / "q.db", names=())
    with sqlite3.connect(path) as conn:  # simulate a tampered or re-encoded stored article
        conn.execute(
            "UPDATE articles SET text = replace(text, 'There is no flexibility', 'There was flexibility')"
        )
    result = run(path, "There is no flexibility")
    assert [r.status for r in result.failed_rechecks] == ["mismatch"]
    assert "!! RE-CHECK FAILED" in to_text(result)


def test_cluster_history_lists_variants_with_diffs(db: Path) -> None:
    with Store.open(db, create=False) as store:
        stored = store.cluster(store.candidates(GENERATIONS)[0].cluster_id)
    history = cluster_history(stored)
    assert history.index("2013-01-28") < history.index("2013-01-29") < history.index("2013-02-02")
    assert "[-generation-] {+generations+}" in history or "[-generations-] {+generation+}" in history
    assert "decisions …" in history  # the truncated copy: the rest of the canonical words, elided
    assert "Vladimir Putin" in history and "RIA Novosti" in history
    assert FLEX not in history


def test_first_seen_prefers_the_known_day_to_its_year() -> None:
    """"2013" is not certainly earlier than "2013-01-28": the known day is reported first."""
    items = [occ("x", published="2013", oid="year"), occ("x", published="2013-01-28", oid="day")]
    found = first_seen(items)
    assert found is not None and found.occurrence_id == "day"


def test_history_counts_people_not_descriptions() -> None:
    described, disputed = history(HAND[2]), history(HAND[1])
    assert not described.disputed and described.speaker == "Donald J. Trump"
    assert dict(described.speakers) == {"Donald J. Trump": 2, "the Republican nominee": 1}
    assert disputed.disputed
