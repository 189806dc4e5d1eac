"""Issue 17: many articles per transaction (``Store.add_many``) store what ``Store.add`` stores one by one.

Real extractions (the seeds, whole and in halves) with copies that make the clustering work:
wire copies (same quotes, another article), cut quotes (a fragment of a stored quote), the same
words on another day, and a speaker named differently, stored one article per transaction in input
order and in batches of random sizes in a shuffled order.
"""

from __future__ import annotations

import gc
import random
import threading
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import seed_corpus
from store_dump import differences, dump

from quotes import statements
from quotes.errors import StoreError
from quotes.extract import extract_article
from quotes.models import Article, Extraction, Quote
from quotes.store import Store, appended, checkpoint
from quotes.store.write import summary

pytestmark = pytest.mark.slow


def copy(extraction: Extraction, n: int, *, published: str | None = None, cut: bool = False,
         speaker: str | None = None) -> Extraction:
    article = extraction.article
    text = article.text + f"\n\nCopy {n}."
    quotes = []
    for q in extraction.quotes:
        if cut and len(q.text.split()) >= 8:  # the first half of its words: a fragment another outlet quotes
            keep = " ".join(q.text.split(" ")[: len(q.text.split(" ")) // 2])
            q = replace(q, end=q.start + len(keep), text=keep)
        if speaker and q.speaker:
            q = replace(q, speaker=speaker if n % 2 else q.speaker.split()[-1])
        quotes.append(replace(q, doc=f"{q.doc}~{n}"))
    moved = replace(article, doc=f"{article.doc}~{n}", text=text, source=f"{article.source}~{n}",
                    published=published or article.published)
    return Extraction(article=moved, quotes=tuple(quotes))


@pytest.fixture(scope="module")
def extractions(nlp: Any) -> list[Extraction]:
    base = [extract_article(Article(doc=name, text=text, source=f"{name}.txt", published="2016-03-01"), nlp=nlp)
            for name, text in seed_corpus()]
    made = list(base)
    for n, extraction in enumerate(base, 1):
        made.append(copy(extraction, n))  # a wire copy
        made.append(copy(extraction, 100 + n, cut=True))
        made.append(copy(extraction, 200 + n, published="2016-09-15"))
        if n % 3 == 0:
            made.append(copy(extraction, 300 + n, speaker="Dr. Someone Else"))
    assert sum(len(e.quotes) for e in made) > 150
    return made


def test_batches_in_any_order_store_what_one_article_per_transaction_stores(
    extractions: list[Extraction], tmp_path: Path
) -> None:
    one, batched = tmp_path / "one.db", tmp_path / "batched.db"
    with Store.open(one, create=True) as store:
        for extraction in extractions:
            store.add(extraction)
    shuffled = list(extractions)
    random.Random(17).shuffle(shuffled)
    shuffled.insert(5, shuffled[40])  # the same article twice in one batch
    rng = random.Random(3)
    with Store.open(batched, create=True) as store:
        start = stored = skipped = 0
        while start < len(shuffled):
            size = rng.randint(1, 40)
            result = store.add_many(shuffled[start : start + size])
            stored, skipped = stored + result.new, skipped + result.skipped
            start += size
    assert (stored, skipped) == (len(extractions), 1)
    assert dump(one)["occurrences"], "nothing was stored"
    assert differences(one, batched) == {}


def test_a_batch_skips_what_is_stored_and_changes_nothing(extractions: list[Extraction], tmp_path: Path) -> None:
    db = tmp_path / "again.db"
    with Store.open(db, create=True) as store:
        store.add_many(extractions[:30])
        before = dump(db)
        again = store.add_many(extractions[:30])
    assert (again.new, again.skipped, again.quotes) == (0, 30, 0)
    assert dump(db) == before


def test_one_large_batch_on_a_stored_index_stores_what_one_article_per_transaction_stores(
    extractions: list[Extraction], tmp_path: Path
) -> None:
    """Half the articles stored one by one, the other half (among them wire copies, cut copies and
    rewordings of stored quotes) placed in memory as one batch on the stored index."""
    one, batched = tmp_path / "one.db", tmp_path / "batched.db"
    order = list(extractions)
    random.Random(5).shuffle(order)
    with Store.open(one, create=True) as store:
        for extraction in order:
            store.add(extraction)
    half = len(order) // 2
    with Store.open(batched, create=True) as store:
        for extraction in order[:half]:
            store.add(extraction)
        before = dump(batched)
        store.add_many(order[half:])
    assert len(dump(batched)["members"]) > len(before["members"])
    assert differences(one, batched) == {}


def test_the_collector_is_paused_during_a_batch_and_left_as_it_was(
    extractions: list[Extraction], tmp_path: Path
) -> None:
    """The batch pauses the cyclic collector (a tenth of the writer's time at 1M quotes) and restores it,
    also when the batch fails and when the caller had turned it off.

    A trigger on each article stored asks Python whether the collector runs: watching collections
    instead would also see the one that may follow the batch, when the objects it kept (caches of
    normalised wordings) reach the collector's threshold, depending on what ran before the test."""
    states: list[bool] = []
    with Store.open(tmp_path / "gc.db", create=True) as store:
        store.db.conn.create_function("collector_state", 0, lambda: states.append(gc.isenabled()))
        store.db.execute("CREATE TEMP TRIGGER watch AFTER INSERT ON articles BEGIN SELECT collector_state(); END")
        store.add_many(extractions)
        assert states == [False] * len(extractions) and gc.isenabled()
        gc.disable()
        try:
            store.add_many([copy(e, 900 + n) for n, e in enumerate(extractions[:5])])
            assert not gc.isenabled()
        finally:
            gc.enable()
        store.db.execute("CREATE TRIGGER refuse BEFORE INSERT ON articles BEGIN SELECT RAISE(ABORT, 'no'); END")
        with pytest.raises(StoreError):
            store.add_many([copy(extractions[0], 999)])
        assert gc.isenabled()


def _taxes(n: int, words: str = "") -> Extraction:
    """An article quoting a line that opens "Taxes will rise, and that is all" (one blocking key shared by
    every such line), then three made-up words (so that no two of them are one statement)."""
    rng = random.Random(n)
    words = words or "Taxes will rise, and that is all, " + " ".join(
        "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(3))
    article = Article(doc=f"taxes-{n}", text=f'"{words}," said Jane Roe.', source=f"taxes-{n}.txt",
                      published="2016-03-01")
    return Extraction(article=article, quotes=(Quote(doc=f"taxes-{n}", start=1, end=1 + len(words), text=words,
                                                     speaker="Jane Roe"),))


def test_a_key_held_by_too_many_members_is_skipped_by_a_batch_as_one_article_at_a_time_skips_it(
    tmp_path: Path,
) -> None:
    """A batch counts a key's stored members only to one past ``MAX_POSTINGS`` and then skips the key:
    one batch takes the key past the limit, the next finds it crowded before it starts, and its last
    article's line, a fragment of each of theirs, is linked to none of them."""
    articles = [_taxes(n) for n in range(statements.MAX_POSTINGS + 12)]
    articles.append(_taxes(-1, "Taxes will rise, and that is all"))  # in each, but found through the crowded key only
    one, batched = tmp_path / "one.db", tmp_path / "batched.db"
    with Store.open(one, create=True) as store:
        for extraction in articles:
            store.add(extraction)
    below = statements.MAX_POSTINGS - 4
    with Store.open(batched, create=True) as store:
        for extraction in articles[:below]:
            store.add(extraction)
        store.add_many(articles[below : below + 8])
        store.add_many([articles[-1], *articles[below + 8 : -1]])  # the fragment first: the key is crowded already
    held = dump(one)["member_keys"]
    assert max(Counter(row[0] for row in held).values()) > statements.MAX_POSTINGS
    statement = Counter(row[2] for row in dump(one)["occurrences"])
    fragment = next(row[2] for row in dump(one)["occurrences"] if row[1] == articles[-1].article.content_hash)
    assert statement[fragment] == 1, "the fragment was compared through a crowded key"
    assert differences(one, batched) == {}


_PUTIN = ("We will not back down", "Vladimir Putin", "president", "2016-03-01", "2016-03-02")
_OLD = [_PUTIN, _PUTIN, ("We will not back down", "Vladimir Putin", "president", "2016-03-01", "2016-03-03"),
        ("We will not back down", "Sergei Lavrov", "minister", None, "2016-03-04"),
        ("not back down", None, None, None, "2016-02-28")]


@pytest.mark.parametrize(("added", "derived"), [
    ([_PUTIN], True),  # a wire copy
    ([("not back down", None, None, "2016-02-01", "2016-01-05")], True),  # a cut, said and published earlier
    ([("We will not back down", "Sergei Lavrov", "spokesman", None, "2016-03-05")], True),  # another's role
    ([("We will not back down", "Sergei Lavrov", None, None, "2016-03-05")] * 3, False),  # Lavrov draws level
    ([("We will not back down, ever", "Vladimir Putin", None, None, "2016-03-05")], False),  # a longer wording
    ([("We will not back down!", None, None, None, "2016-03-05")], False),  # as long, other words: order decides
    ([("We will not back down", "Putin", None, None, "2016-03-05")], False),  # a name not yet ranked
    ([("We will not back down", "Vladimir Putin", "candidate", None, "2016-03-05")], False),  # the main's other role
])
def test_a_summary_follows_from_the_stored_one_only_when_the_order_of_occurrences_cannot_matter(
    added: list[tuple[str, str | None, str | None, str | None, str | None]], derived: bool,
) -> None:
    """``appended.extended`` gives what ``write.summary`` gives over all the occurrences, in either
    order, or gives up (``None``) and leaves the statement to ``write.settle``."""
    rows = [(*row, "c-1") for row in _OLD]
    new = [(*row, "c-1") for row in added]
    found = appended.extended(summary(rows)[:7], added)
    assert (found is not None) == derived
    if found is not None:
        assert found == summary(rows + new) == summary(new + rows)


def test_the_main_speakers_first_role_follows_from_a_summary_without_one() -> None:
    rows = [("We will not back down", "Vladimir Putin", None, None, "2016-03-02", "c-1")]
    added = ("We will not back down", "Vladimir Putin", "president", None, "2016-03-05")
    found = appended.extended(summary(rows)[:7], [added, added])
    assert found is not None and found[2] == "president"
    assert found == summary([*rows, (*added, "c-1"), (*added, "c-1")])



def test_batches_are_checkpointed_by_a_thread_of_their_own_which_ends_with_the_store(
    extractions: list[Extraction], tmp_path: Path
) -> None:
    """The writer's commits only append to the log; another connection copies them into the file."""
    with Store.open(tmp_path / "checkpointed.db", create=True) as store:
        store.add_many(extractions[:20])
        assert store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
        store.add_many(extractions[20:40])
        checkpointer = store._checkpointer
        assert checkpointer is not None
        deadline = time.monotonic() + 60
        while not (checkpointer.last and checkpointer.last[1] == checkpointer.last[2]) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert checkpointer.last is not None and checkpointer.last[1] == checkpointer.last[2] > 0  # copied whole
        assert "quotes-checkpoint" in {thread.name for thread in threading.enumerate()}
    assert "quotes-checkpoint" not in {thread.name for thread in threading.enumerate()}
    with Store.open(tmp_path / "checkpointed.db", create=False, readonly=True) as again:
        assert again.stats()["articles"] == 40


def test_the_log_restarts_once_it_is_long_though_the_writer_never_waits_between_batches(
    extractions: list[Extraction], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch begins right after the last commit, before the thread has copied it, so the log would
    only grow (each batch appended to it); the writer truncates it once it is long (here: always)."""
    monkeypatch.setattr(checkpoint, "RESTART_BYTES", 1)
    db = tmp_path / "log.db"
    sizes = []
    with Store.open(db, create=True) as store:
        for start in range(0, 60, 10):
            store.add_many(extractions[start : start + 10])
            sizes.append(Path(f"{db}-wal").stat().st_size)
    assert max(sizes[1:]) < sum(sizes[:2]), sizes  # each batch's pages alone


def test_a_reader_holding_the_log_does_not_stall_the_batches(
    extractions: list[Extraction], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader's long snapshot keeps the log from being truncated: the writer waits a second, not its
    busy timeout (a minute), and tries again only once the log is twice as long."""
    monkeypatch.setattr(checkpoint, "RESTART_BYTES", 1)
    db = tmp_path / "read.db"
    with Store.open(db, create=True) as store:
        store.add_many(extractions[:10])
        with Store.open(db, create=False, readonly=True) as reader:
            reader.db.execute("BEGIN")
            assert reader.stats()["articles"] == 10  # its snapshot is held until the end of the block
            started = time.monotonic()
            for start in range(10, 50, 10):
                store.add_many(extractions[start : start + 10])
            waited = time.monotonic() - started
            reader.db.execute("COMMIT")
        store.add_many(extractions[50:60])
        assert store.stats()["articles"] == 60
    assert waited < 30, waited
