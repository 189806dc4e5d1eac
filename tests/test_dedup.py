"""Normalisation, similarity and the clustering policy, as (input, expected) tables."""

from __future__ import annotations

import itertools
import random

import pytest

from quotes.statements import (
    Clusterer,
    Member,
    Wording,
    blocking_keys,
    is_person_name,
    linked,
    linked_families,
    links,
    merge_names,
    normalize,
    one_of,
    partition,
    same_person,
    similarity,
    speakers_agree,
)
from quotes.text import nested_spans

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


@pytest.mark.parametrize(
    ("text", "expected", "elided"),
    [
        ("not me, not Bill [Clinton], nobody", "not me not bill nobody", False),  # an outlet's insertions
        ("he [Trump] is being used (on social media) [sic]", "he is being used", False),
        ("We can [...] win", "we can win", True),
        ("We can [ ... ] win", "we can win", True),
    ],
)
def test_a_wording_is_the_speakers_words(text: str, expected: str, elided: bool) -> None:
    wording = Wording.of(text)
    assert (wording.norm, wording.elided) == (expected, elided)



# (a, speaker of a, b, speaker of b, same cluster?)
ISIS_HEAD = ("He is becoming ISIS' best recruiter. They are going to people, showing videos of Donald Trump "
             "insulting Islam and Muslims")
ISIS_TAIL = ("showing videos of Donald Trump insulting Islam and Muslims in order to recruit more radical jihadists, "
             "and we cannot let that happen.")
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
    # a three-content-word cut of a long quote (both found by blocking, too)
    (
        "It has recently been returned to me by the Department of Justice. The pistol currently has the "
        "case number written on it in silver permanent marker. Many have expressed interest in owning and "
        "displaying the firearm including The Smithsonian Museum in Washington D.C. This is a piece of "
        "American History.",
        "George Zimmerman",
        "This is a piece of American History,",
        "George Zimmerman",
        True,
    ),
    # two transcriptions of one debate answer: most words, in order
    (
        "The problem is presidents can't just say anything they want, because it has consequences here and "
        "around the world.",
        "Marco Rubio",
        "But presidents can’t just say anything they want. It has consequences around the world.",
        "Marco Rubio",
        True,
    ),
    # two transcriptions of one short line that share no run of three content words (found by blocking)
    (
        "What difference - at this point, what difference does it make?",
        "Hillary Clinton",
        "What difference at this point does it make?",
        "Hillary Clinton",
        True,
    ),
    # ... but a short line whose words are scattered through a long one is no transcription of it
    (
        "We will cut taxes for the middle class and for small business, we will rebuild the roads and bridges "
        "of this country, and we will win again",
        "Marco Rubio",
        "we will cut taxes and rebuild the roads and win again",
        "Marco Rubio",
        False,
    ),
    # one passage cut at different ends by two outlets: a run of twelve words in both
    (f"{ISIS_HEAD} in order to recruit", "Hillary Clinton", ISIS_TAIL, "Hillary Clinton", True),
    (f"{ISIS_HEAD} in order to recruit", None, ISIS_TAIL, "The Democratic front-runner", True),
    # ... nine words are not enough, and two people by name need the very words (a dispute)
    (ISIS_HEAD, "Hillary Clinton", ISIS_TAIL, "Hillary Clinton", False),
    (f"{ISIS_HEAD} in order to recruit", "Hillary Clinton", ISIS_TAIL, "Donald Trump", False),
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
def test_linked(a: str, speaker_a: str | None, b: str, speaker_b: str | None, same: bool) -> None:
    ma, mb = Member.of(a, speaker_a), Member.of(b, speaker_b)
    assert linked(ma, mb) is same
    assert linked(mb, ma) is same  # symmetric


# (words, speaker, date said, basis, published) twice, and whether they can be one statement
SLOGAN = "We are going to build a wall"
FOUNDATION = "As such, the foundation has no comment on the actions of that person."
MARTIN = "has no comment on the actions of that person that murdered Trayvon."
DT, SI = "Donald Trump", "Sergei Ivanov"
OCCASIONS = [
    # one occasion: dates that meet
    ((SLOGAN, DT, None, "article", "2016-02-09"),
     (SLOGAN, "Trump", "2016-02-08", "relative", "2016-02-09"), True),
    # a stump line on two occasions six months apart, each dated only by its article
    ((SLOGAN, DT, None, "article", "2016-02-09"), (SLOGAN, DT, None, "article", "2016-08-25"), False),
    # a firm date rules out another firm date
    ((SLOGAN, DT, "2016-02-03", "explicit", None), (SLOGAN, DT, "2016-02-08", "explicit", None), False),
    # a long quote reported months later without a date of its own can be the same statement
    ((IVANOV, SI, "2012-05-17", "explicit", "2012-05-18"), (IVANOV, SI, None, "article", "2012-09-01"), True),
    # ... but not one said after the report was published
    ((IVANOV, SI, "2012-10-17", "explicit", "2012-10-18"), (IVANOV, SI, None, "article", "2012-09-01"), False),
    # six words or more given word for word, once on a date of their own and once in an undated recap
    (("It’s going to be completely useless.", "Felipe Calderon", "2016-02-06", "relative", "2016-02-08"),
     ("And it’s going to be completely useless.", "Felipe Calderón", None, "article", "2016-07-18"), True),
    # ... but a line repeated reworded is a second occasion
    (("I am trying to save lives and prevent the next terrorist attack. We can't afford to be politically "
      "correct anymore.", DT, "2016-06-12", "relative", "2016-06-13"),
     ("We cannot afford to be so politically correct anymore,", DT, None, "article", "2016-07-22"), False),
    # ... and so is a short line given word for word
    (("I'm not changing.", DT, "2016-05-27", "explicit", "2016-06-14"),
     ("I'm not changing.", DT, None, "article", "2016-09-14"), False),
    # a year-less date takes the publication year
    ((SLOGAN, DT, "--02-08", "explicit", "2016-02-10"), (SLOGAN, DT, "2016-02-08", "explicit", None), True),
    # the same long words by two people on one occasion: one statement, in dispute
    ((IVANOV, SI, "2012-05-17", "explicit", None),
     (IVANOV, "Dmitry Medvedev", None, "article", "2012-05-18"), True),
    # one person quoting another's slogan inside their own sentence is not the slogan's statement
    (("make America great again", DT, None, "article", "2016-03-01"),
     ("When Donald Trump says make America great again, that is code for going backwards", "Hillary Clinton", None,
      "article", "2016-03-01"), False),
    # short words: a description of the source does not contradict a name, two descriptions prove nothing
    (("He is becoming ISIS's best recruiter", "Hillary Clinton", None, "article", "2015-12-20"),
     ("becoming ISIS' best recruiter", "The Democratic front-runner", "2015-12-20", "relative", "2015-12-22"), True),
    (("make America great again", "Kasich's speech", None, "article", "2016-03-15"),
     ("Make America Great Again", "The disruptions", None, "article", "2016-03-12"), False),
    # two words by one person, one report's transcription a word's ending apart (r086)
    (("extremely careless.", "James B. Comey", "2016-07", "relative", "2016-07-15"),
     ("extreme careless", "James Comey", "2016-07-10", "relative", "2016-07-12"), True),
    (("extremely careless.", "James B. Comey", "2016-07", "relative", "2016-07-15"),
     ("very careless", "James Comey", "2016-07-10", "relative", "2016-07-12"), False),
    (("extremely careless.", "James B. Comey", "2016-07", "relative", "2016-07-15"),
     ("extreme careless", "An FBI investigation", "2016-07-10", "relative", "2016-07-12"), False),
    # an organisation's finding, by its name, in a report dated by its article and an undated one
    # three weeks later (r121); a person's or a description's two words so far apart are two occasions
    (("top secret", "The State Department", None, "article", "2016-02-10"),
     ("top secret", "The State Department", None, None, "2016-03-03"), True),
    (("top secret", "Ben Carson", None, "article", "2016-02-10"),
     ("top secret", "Ben Carson", None, None, "2016-03-03"), False),
    (("top secret", "The polls", None, "article", "2016-02-10"),
     ("top secret", "The polls", None, None, "2016-02-10"), False),
    # an organisation named after a person's family speaks as them; on one known occasion two cuts of
    # one passage overlap by 8 words (r206), not so for another organisation or with no occasion known
    ((FOUNDATION, "The Trayvon Martin Foundation", None, "article", "2016-05-12"),
     (MARTIN, "Tracy Martin", "2016-05-12", "relative", "2016-05-13"), True),
    ((FOUNDATION, "The Clinton Foundation", None, "article", "2016-05-12"),
     (MARTIN, "Tracy Martin", "2016-05-12", "relative", "2016-05-13"), False),
    ((FOUNDATION, "The Trayvon Martin Foundation", None, None, None),
     (MARTIN, "Tracy Martin", None, None, None), False),
]


@pytest.mark.parametrize(("a", "b", "same"), OCCASIONS)
def test_speaker_and_occasion_decide_with_the_words(
    a: tuple[str, str, str | None, str, str | None], b: tuple[str, str, str | None, str, str | None], same: bool
) -> None:
    ma, mb = Member.of(*a), Member.of(*b)
    assert linked(ma, mb) is same and linked(mb, ma) is same


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [("Donald J. Trump", True), ("Sanders", True), ("Felipe Calderón", True), ("Beto de la Rosa", True),
     ("The Democratic front-runner", False), ("One Clinton spokesman", False), ("Clinton's campaign", False),
     ("a senior aide", False), ("Her critics", False), (None, False),
     ("Critics", False), ("Officials", False), ("Democrats", False), ("Mr", False), ("Someone", False),
     ("Reynolds", True),
     ("Obama Claims Hillary Most Qualified Presidential Candidate Ever", False)],
)
def test_is_person_name(speaker: str | None, expected: bool) -> None:
    assert is_person_name(speaker) is expected


def test_no_chaining_a_member_must_fit_the_statement_as_a_whole() -> None:
    """A-B and B-C are close, A and C are not: C does not join A's statement through B."""
    a = Member.of(IVANOV, "Sergei Ivanov")
    b = Member.of("evaluate the risks together, and begin creating a defense system", "Sergei Ivanov")
    c = Member.of("They evaluate the risks together and begin creating a defense system, while we watch the "
                  "markets fall around us", "Sergei Ivanov")
    assert linked(a, b) and linked(b, c) and not linked(a, c)
    groups = partition([a, b, c])
    assert groups[a.id] != groups[c.id] and groups[b.id] in (groups[a.id], groups[c.id])


def test_a_statement_takes_the_words_an_overlapping_cut_adds() -> None:
    """Two cuts of one passage make one statement, and a later fragment of either end fits it as a whole."""
    head = Member.of(f"{ISIS_HEAD} in order to recruit", "Hillary Clinton")
    tail = Member.of(ISIS_TAIL, "Hillary Clinton")
    end = Member.of("recruit more radical jihadists", "Hillary Clinton", "2015-12-20", "explicit")
    start = Member.of("ISIS' best recruiter", "Hillary Clinton", "2015-12-20", "explicit")
    assert not linked(head, end) and not linked(tail, start)
    assert len(set(partition([head, tail, end, start]).values())) == 1


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
    copy = clusterer.add(ROGOZIN.replace("defense", "defence"), "Dmitry Rogozin")
    cut = clusterer.add("We hope that President Obama after his re-election will be more flexible", None)
    other = clusterer.add(IVANOV, "Sergei Ivanov")
    assert clusterer.cluster(copy) == clusterer.cluster(first) == clusterer.cluster(cut)
    assert clusterer.cluster(other) != clusterer.cluster(first)
    lavrov = clusterer.add("This is unacceptable", "Sergei Lavrov")
    kerry = clusterer.add("This is unacceptable", "John Kerry")
    assert clusterer.cluster(lavrov) != clusterer.cluster(kerry)
    assert clusterer.cluster(first).startswith("c-") and len(clusterer.cluster(first)) == 14


ORDER_ITEMS = [
    (ROGOZIN, "Dmitry Rogozin"), (ROGOZIN[:90], None), (ROGOZIN[40:], "Rogozin"), (IVANOV, "Sergei Ivanov"),
    (IVANOV, "Dmitry Medvedev"), (IVANOV[:60], "Ivanov"), ("We will assess the threats together", "Sergei Ivanov"),
    ("This is unacceptable", "Sergei Lavrov"), ("This is unacceptable!", "Sergei Lavrov"),
    ("We will assess the threats together, evaluate the risks together, and begin creating", "Sergei Ivanov"),
    ("evaluate the risks together, and then we will see about the rest of it", "Sergei Ivanov"),
]


def test_clusters_do_not_depend_on_the_order_of_arrival() -> None:
    def clusters(items: list[tuple[str, str | None]]) -> dict[str, str]:
        clusterer = Clusterer()
        ids = [clusterer.add(text, speaker) for text, speaker in items]
        return {text + str(speaker): clusterer.cluster(mid) for (text, speaker), mid in zip(items, ids, strict=True)}

    expected = clusters(ORDER_ITEMS)
    orders = list(itertools.islice(itertools.permutations(ORDER_ITEMS), 0, 40000, 997))
    orders += [random.Random(seed).sample(ORDER_ITEMS, len(ORDER_ITEMS)) for seed in range(20)]
    for order in orders:
        assert clusters(list(order)) == expected


def test_statements_asked_for_after_each_member_or_once_are_each_familys_partition() -> None:
    """The clusterer partitions a family when a statement is asked for, not when a member joins it:
    asked after every member or only at the end, the statements are the partition of each family."""
    each, once = Clusterer(), Clusterer()
    for text, speaker in ORDER_ITEMS:
        each.cluster(each.add(text, speaker))
        once.add(text, speaker)
    assert each.statement_of == once.statement_of
    expected: dict[str, str] = {}
    for family in once.families.values():
        expected.update(partition(once.members[mid] for mid in family))
    assert once.statement_of == expected
    assert len(set(expected.values())) > 3 and len(once.families) > 1  # more than one family, several statements


def test_a_member_joins_the_families_of_the_members_it_links_to() -> None:
    clusterer = Clusterer()
    for text, speaker in ORDER_ITEMS[1:]:
        clusterer.add(text, speaker)
    member = Member.of(*ORDER_ITEMS[0])  # Rogozin's words, of which two cuts are in
    candidates = list(clusterer.members.values())
    found = links(member, candidates)
    assert len(found) >= 2, "the whole quote links to both cuts"
    expected = sorted({clusterer.family_of[m.id] for m in found})
    assert linked_families(member, [(clusterer.family_of[m.id], m) for m in candidates]) == expected


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
        ("Sen. Bernie Sanders", "Bernard Sanders", True),  # titles dropped; usual forms of a given name
        ("Secretary Clinton", "Hillary Clinton", True),
        ("Former Secretary Hillary Clinton", "Hillary Rodham Clinton", True),
        ("Justice Department", "State Department", False),
        ("Tom Burke", "Thomas Burke", True),
        ("Stan Greenberg", "Stanley B. Greenberg", True),
        ("Pete Santilli", "Peter Santilli", True),
        ("Martin Luther King Jr.", "Martin Luther King", True),
        ("Bill Clinton", "William J. Clinton", True),
        ("Tom Burke", "Tim Burke", False),
        ("Ed Rendell", "Edward G. Rendell", True),
        ("Al Gore", "Albert Gore Jr.", True),
        ("Chris Christie", "Chelsea Christie", False),
        ("Jo Smith", "John Smith", False),
        ("Eric Garner", "Erica Garner", False),  # a name that starts another is not a form of it
        ("Robert Kennedy", "Roberta Kennedy", False),
        ("Dan Smith", "Dana Smith", False),
        # People named together are one speaker only with the same people, in any order.
        ("Bob Goodlatte and Trey Gowdy", "Trey Gowdy", False),
        ("Bob Goodlatte and Trey Gowdy", "Goodlatte", False),
        ("Bob Goodlatte and Trey Gowdy", "Trey Gowdy and Robert Goodlatte", True),
        ("David and Jeanne Heidler", "David Heidler and Jeanne Heidler", True),
        ("Jason Dana, Robyn Dawes and Nathanial Peterson", "Jason Dana and Robyn Dawes", False),
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


def test_containment_bound_skips_only_what_partial_ratio_would_rule_out() -> None:
    """``match.contained`` gives what rapidfuzz's partial_ratio gives under a cutoff, on wordings cut,
    reworded and paired at random from the seeds (the bound must never hide a score)."""
    from conftest import seed_corpus
    from rapidfuzz import fuzz

    from quotes.statements.match import contained

    rng = random.Random(17)
    sentences = [s for _, text in seed_corpus() for s in normalize(text).split(" the ") if len(s) > 10]
    pairs = []
    for _ in range(3000):
        long = rng.choice(sentences)
        words = long.split()
        start = rng.randrange(len(words))
        cut = words[start : start + rng.randint(3, 20)]
        if rng.random() < 0.5 and cut:
            cut[rng.randrange(len(cut))] = rng.choice(words)
        pairs.append((" ".join(cut) or long, long) if rng.random() < 0.7 else (rng.choice(sentences), long))
    under = 0
    for short, long in pairs:
        short, long = sorted((short, long), key=len)
        for cutoff in (0.0, 86.0, 95.0):
            expected = float(fuzz.partial_ratio(short, long, score_cutoff=cutoff))
            assert contained(short, long, cutoff) == expected, (short, long, cutoff)
            under += expected == 0.0
    assert under, "no pair fell under a cutoff: the test does not exercise the bound"


def test_no_character_before_the_combining_marks_has_a_combining_class() -> None:
    """``normalize`` looks for marks only from U+0300 on."""
    import unicodedata

    from quotes.statements.normalize import MARKABLE

    assert [c for c in range(0x300) if unicodedata.combining(chr(c))] == []
    assert unicodedata.combining("\u0300") and MARKABLE.fullmatch("\u0300")
    assert normalize("Ele\u0301onore\u2019s cafe\u0301") == normalize("Eléonore’s café") == "eleonores cafe"


COMEY = "extremely careless in their handling of very sensitive, highly classified information."
TWEET = f"Crooked Hillary Clinton and her team ‘were {COMEY}’ Not fit!"
# (words, speaker) twice, and whether they can be one statement; quotations inside a quote's words
# are found as extraction finds them (``nested_spans``)
QUOTING = [
    # one person quoting another's words inside their own is not the other's statement
    (TWEET, "Donald Trump", f"Clinton and her team were {COMEY}", "James Comey", False),
    (TWEET, "Donald Trump", COMEY, "James Comey", False),
    (TWEET, "Donald Trump", COMEY, None, False),
    # ... though the same words credited to another person, not inside marks, are one statement in dispute
    (f"Crooked Hillary Clinton and her team were {COMEY} Not fit!", "Donald Trump", COMEY, "James Comey", True),
    # the quoting statement itself, reported again by its speaker's name or with no name, is one statement
    (TWEET, "Donald Trump", TWEET, "Trump", True),
    (TWEET, "Donald Trump", f"Crooked Hillary Clinton and her team ‘were {COMEY[:40]}…’ Not fit!", None, True),
    # and the same person quoting it again is compared on all the words
    (TWEET, "Donald Trump", f"her team ‘were {COMEY}’", "Donald Trump", True),
]


@pytest.mark.parametrize(("a", "speaker_a", "b", "speaker_b", "same"), QUOTING)
def test_words_quoted_inside_a_quote_are_not_its_speakers(
    a: str, speaker_a: str | None, b: str, speaker_b: str | None, same: bool
) -> None:
    ma = Member.of(a, speaker_a, nested=nested_spans(a))
    mb = Member.of(b, speaker_b, nested=nested_spans(b))
    assert linked(ma, mb) is same and linked(mb, ma) is same
    assert (len(set(partition([ma, mb]).values())) == 1) is same


def test_a_quoted_wording_keeps_its_quotation_through_the_store_form() -> None:
    wording = Wording.of(TWEET, nested=nested_spans(TWEET))
    assert wording.quoted == ((6, 18),) and wording.quoted_text == "6-18"
    assert Wording.stored(wording.norm, wording.elided, wording.quoted_text) == wording
    assert wording.own().words == ("crooked", "hillary", "clinton", "and", "her", "team", "not", "fit")
    assert Member.of(TWEET, "Donald Trump").id != Member.of(TWEET, "Donald Trump", nested=nested_spans(TWEET)).id


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Donald Trump", "Trump", True),
        ("Donald Trump", "Hillary Clinton", False),
        ("The State Department", "State Department", True),  # one organisation by name
        ("The State Department", "The Justice Department", None),
        ("The Trayvon Martin Foundation", "Tracy Martin", True),  # named after the person's family
        ("The Clinton Foundation", "Tracy Martin", None),
        ("The polls", "The polls", None),  # descriptions prove nothing
        ("An FBI investigation", "James Comey", None),
        ("Critics", "Critics", None),
        (None, "Donald Trump", None),
    ],
)
def test_speakers_agree(a: str | None, b: str | None, expected: bool | None) -> None:
    assert speakers_agree(a, b) is expected and speakers_agree(b, a) is expected


def test_two_words_an_ending_apart_share_a_blocking_key() -> None:
    """``inflected`` tiny wordings are compared at all: they share the key of their words' first letters."""
    assert set(blocking_keys(Wording.of("extreme careless"))) & set(blocking_keys(Wording.of("extremely careless.")))
    assert not set(blocking_keys(Wording.of("very careless"))) & set(blocking_keys(Wording.of("extremely careless")))


@pytest.mark.parametrize(
    ("person", "speaker", "expected"),
    [
        ("Bob Goodlatte", "Bob Goodlatte and Trey Gowdy", True),
        ("Gowdy", "Bob Goodlatte and Trey Gowdy", True),
        ("Jeanne Heidler", "David and Jeanne Heidler", True),
        ("David Heidler", "David and Jeanne Heidler", True),
        ("Trey Gowdy", "Trey Gowdy", True),
        # Negative rows: someone not among them; words of an organisation with "and" in its name.
        ("James Comey", "Bob Goodlatte and Trey Gowdy", False),
        ("Gamble", "Procter and Gamble Company", False),
    ],
)
def test_one_of_people_named_together(person: str, speaker: str, expected: bool) -> None:
    assert one_of(person, speaker) is expected
