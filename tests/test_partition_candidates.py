"""``partition`` tries a member only against the statements of its weeks (``statements.candidates``):
the outcome must be exactly the one trying every statement gives, on families mixing short and long
wordings, named and unnamed speakers, organisations, exact, relative, month and undated occasions."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from quotes.statements import Member, partition
from quotes.statements.candidates import only_likely_days
from quotes.statements.partition import Statement, cluster_id, rank

WORDINGS = [
    "Make America great again", "make America great again!", "great again", "Make America great",
    "We will make America great again", "We are going to make America great again, believe me",
    "make America great again and we will win so much you will be tired of winning",
    "Our fight is to transform our country and to understand that we are in this together",
    "our fight is to transform this country and to understand that we are in this together.",
]
SPEAKERS = [
    "Donald Trump", "Donald J. Trump", "Trump", "Mike Pence", "Hillary Clinton", None, "The crowd",
    "Trump's campaign", "The Trump Organization", "a senior aide", "Bernie Sanders", "Sanders",
]


def every_statement(members: list[Member]) -> dict[str, str]:
    """The partition as it was before the index: each member tried against every statement."""
    statements: list[Statement] = []
    for member in sorted(members, key=rank):
        best: Statement | None = None
        best_score = -1.0
        for statement in statements:
            found = statement.fit(member)
            if found is not None and found > best_score:
                best, best_score = statement, found
        if best is None:
            statements.append(Statement.start(member))
        else:
            best.add(member, best_score)
    return {m.id: cluster_id(s.center) for s in statements for m in s.members}


def said(rng: random.Random, day: date) -> tuple[str | None, str | None]:
    """A date said and its basis, of every kind a quote can have."""
    kind = rng.choice(["explicit", "relative", "article", "article", "month", "year", "none"])
    if kind == "month":
        return day.isoformat()[:7], "explicit"
    if kind == "year":
        return day.isoformat()[:4], "explicit"
    if kind in {"article", "none"}:
        return None, "article" if kind == "article" else None
    return day.isoformat(), kind


def family(size: int, seed: int, days: int) -> list[Member]:
    rng = random.Random(seed)
    members = []
    for _ in range(size):
        day = date(2016, 1, 1) + timedelta(days=rng.randrange(days))
        when, basis = said(rng, day)
        published = (day + timedelta(days=rng.randrange(4))).isoformat() if rng.random() > 0.05 else None
        members.append(Member.of(rng.choice(WORDINGS), rng.choice(SPEAKERS), when, basis, published))
    return members


@pytest.mark.parametrize(("size", "seed", "days"), [(60, 1, 10), (300, 2, 60), (600, 3, 200), (900, 4, 400)])
def test_partition_by_weeks_is_the_partition_trying_every_statement(size: int, seed: int, days: int) -> None:
    members = family(size, seed, days)
    assert partition(members) == every_statement(members)


@pytest.mark.parametrize(
    ("text", "speaker", "when", "basis", "expected"),
    [
        ("Make America great again", "Donald Trump", "2016-03-01", "explicit", True),
        ("Make America great again", "Donald Trump", None, "article", True),  # the publication day stands in
        ("Make America great again", "Donald Trump", None, None, False),  # no day at all: meets every statement
        ("We will make America great again", "Donald Trump", "2016-03-01", "explicit", False),  # 6 words: recaps
        ("top secret material", "The State Department", "2016-01-29", "explicit", False),  # its words said again
    ],
)
def test_which_members_meet_statements_on_their_likely_days_only(
    text: str, speaker: str, when: str | None, basis: str | None, expected: bool
) -> None:
    published = "2016-03-02" if basis else None
    assert only_likely_days(Member.of(text, speaker, when, basis, published)) is expected
