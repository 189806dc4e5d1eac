"""One person quoting another's words inside their own statement is not the other's statement (issue 13).

Two real reports (PolNeAR train, pair r041, cut to their paragraphs): Politico gives Trump's tweet
quoting Comey inside his own words, the Western Journal gives Comey's words. Extracted, stored,
clustered and verified through the real path; a third report giving Comey's words to Trump without
inner quote marks is a genuine misattribution, which ``verify`` must still answer disputed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from store_dump import differences

from quotes.extract import extract_article
from quotes.models import Article, Extraction
from quotes.provenance.verify import verify
from quotes.store import Store

pytestmark = pytest.mark.slow

COMEY = "extremely careless in their handling of very sensitive, highly classified information."
POLITICO = (
    "Trump took to Twitter early Wednesday morning to continue his verbal assault on the presumptive "
    "Democratic nominee.\n\n“Crooked Hillary Clinton and her team ‘were extremely careless in their handling "
    "of very sensitive, highly classified information.’ Not fit!” Trump tweeted, quoting Comey’s statement.\n"
)
WEST_JOURNAL = (
    "Concerning her use of her private server, FBI Director James Comey stated Clinton and her team were "
    f"“{COMEY}”\n\nThe director further stated, while testifying before Congress earlier this month, that "
    "Clinton had not been truthful.\n"
)
MISATTRIBUTED = (
    "Speaking in Ohio, Donald Trump said Clinton and her team were “extremely careless in their handling of "
    "very sensitive, highly classified information.”\n"
)


@pytest.fixture(scope="module")
def reports(nlp: Any) -> dict[str, Extraction]:
    found = {}
    for doc, text, published in [("politico", POLITICO, "2016-07-06"), ("west-journal", WEST_JOURNAL, "2016-07-28"),
                                 ("misattributed", MISATTRIBUTED, "2016-07-08")]:
        found[doc] = extract_article(Article(doc=doc, text=text, source=f"{doc}.txt", outlet=doc,
                                             published=published), nlp=nlp)
    return found


def store_of(path: Path, extractions: list[Extraction]) -> Path:
    with Store.open(path, create=True) as store:
        store.add_many(extractions)
    return path


def test_the_tweet_keeps_the_quotation_it_quotes(reports: dict[str, Extraction]) -> None:
    [tweet] = [q for q in reports["politico"].quotes if q.text.startswith("Crooked")]
    assert tweet.speaker == "Trump" and [tweet.text[s:e] for s, e in tweet.nested] == [f"were {COMEY}"]
    [comey] = reports["west-journal"].quotes
    assert comey.speaker == "James Comey" and comey.nested == ()


def test_a_tweet_quoting_comey_is_not_comeys_statement(reports: dict[str, Extraction], tmp_path: Path) -> None:
    path = store_of(tmp_path / "q.db", [reports["politico"], reports["west-journal"]])
    with Store.open(path, create=False, readonly=True) as store:
        clusters = {c.speaker: c for c in store.search("extremely careless")}
        assert set(clusters) == {"Trump", "James Comey"}
        assert not any(c.disputed for c in clusters.values())
        checked = verify(store, COMEY)
        assert checked.verdict == "verbatim" and [name for name, _ in checked.speakers] == ["James Comey"]
        assert verify(store, COMEY, speaker="Donald Trump").verdict == "misattributed"
        assert verify(store, "Crooked Hillary Clinton and her team", speaker="Donald Trump").verdict == "verbatim"


def test_words_found_only_inside_a_quotation_name_nobody(reports: dict[str, Extraction], tmp_path: Path) -> None:
    """The tweet alone: the words are found, but it is no evidence that Trump said them (nor anyone else)."""
    path = store_of(tmp_path / "t.db", [reports["politico"]])
    with Store.open(path, create=False, readonly=True) as store:
        checked = verify(store, COMEY, speaker="Donald Trump")
        assert checked.matches and checked.verdict == "verbatim" and checked.speakers == ()


def test_the_same_words_credited_to_another_person_are_still_disputed(
    reports: dict[str, Extraction], tmp_path: Path
) -> None:
    path = store_of(tmp_path / "m.db", [reports["misattributed"], reports["west-journal"]])
    with Store.open(path, create=False, readonly=True) as store:
        [cluster] = store.search("extremely careless")
        assert cluster.disputed
        assert verify(store, COMEY).verdict == "disputed"


def test_a_store_from_before_migration_8_keeps_its_content_and_recluster_parts_the_tweet(
    reports: dict[str, Extraction], tmp_path: Path
) -> None:
    """Version 7 had no quotations kept and its rules put the tweet with Comey's words, in dispute."""
    both = [reports["politico"], reports["west-journal"]]
    old, fresh = store_of(tmp_path / "v7.db", both), store_of(tmp_path / "fresh.db", both)
    with sqlite3.connect(old) as conn:
        [tweet] = conn.execute("SELECT cluster_id FROM occurrences WHERE text LIKE 'Crooked%'").fetchone()
        conn.execute("UPDATE occurrences SET cluster_id = ? WHERE text LIKE '%extremely careless%'", [tweet])
        conn.execute("UPDATE members SET cluster_id = ? WHERE norm LIKE '%extremely careless%'", [tweet])
        conn.execute("DELETE FROM clusters WHERE id NOT IN (SELECT cluster_id FROM occurrences)")
        conn.execute("UPDATE clusters SET disputed = 1 WHERE id = ?", [tweet])
        conn.execute("UPDATE settings SET value = '3' WHERE key = 'clustering_rules'")
        conn.execute("ALTER TABLE occurrences DROP COLUMN nested")
        conn.execute("ALTER TABLE members DROP COLUMN quoted")
        conn.execute("DROP TABLE article_aliases")  # migration 9
        conn.execute("PRAGMA user_version = 7")
        before = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("articles", "occurrences", "clusters")}
    with Store.open(old, create=False) as store:
        assert {table: store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in before} == before
        kept = "SELECT id, text, speaker, nested FROM occurrences ORDER BY id"  # each, with its quotation found
        with Store.open(fresh, create=False, readonly=True) as reader:
            assert store.db.execute(kept).fetchall() == reader.db.execute(kept).fetchall()
        assert store.stats()["disputed"] == 1  # readers see the statements as stored until they are rebuilt
        store.recluster()
        assert store.stats()["disputed"] == 0
    assert differences(old, fresh) == {}
