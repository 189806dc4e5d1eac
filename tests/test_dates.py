"""Publication dates from the text and time expressions resolved against them."""

from __future__ import annotations

import pytest

from quotes.errors import QueryError
from quotes.extract.dates import find_publication_date, resolve_expression
from quotes.text import parse_user_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\nJanuary 28, 2013, 10:10 am\n\nBody.", "2013-01-28"),
        ("MOSCOW, August 8 (RIA Novosti) – Russia's Defense Ministry said.", "--08-08"),
        ("Body text.\n\nWASHINGTON, May 18 (RIA Novosti)\n", "--05-18"),
        ("WASHINGTON, May 18, 2012 (AP) - Officials said.", "2012-05-18"),
        ("Published: 2016-09-12\nBody.", "2016-09-12"),
        ("Nothing here says when this was written.", None),
    ],
)
def test_publication_date(text: str, expected: str | None) -> None:
    assert find_publication_date(text) == expected


@pytest.mark.parametrize(
    ("expr", "published", "expected"),
    [
        ("on Sunday", "2013-01-28", ("2013-01-27", "relative")),  # Monday -> day before
        ("Monday", "2013-01-28", ("2013-01-28", "relative")),  # the weekday of publication itself
        ("last Monday", "2013-01-28", ("2013-01-21", "relative")),  # ... unless "last": a week back
        ("last Sunday", "2013-01-28", ("2013-01-27", "relative")),
        ("on Sunday", "--08-08", None),  # no year: the weekday cannot be placed
        ("on Sunday", None, None),
        ("in March 2012", None, ("2012-03", "explicit")),
        ("in March", "2012-11-09", ("2012-03", "relative")),
        ("in December", "2013-01-28", ("2012-12", "relative")),  # the most recent December
        ("May 18", None, ("--05-18", "explicit")),
        ("yesterday", "2016-03-01", ("2016-02-29", "relative")),
        ("last month", "2016-01-15", ("2015-12", "relative")),
        ("in 2010", None, ("2010", "explicit")),
        ("in 1865", "2016-07-27", ("1865", "explicit")),  # words quoted from long ago
        ("March 4, 1865", None, ("1865-03-04", "explicit")),
        ("1699", None, None),  # before 1700: no year we read
        ("at some point", "2013-01-28", None),
        ("last year", "2016-04-07", ("2015", "relative")),
        ("this month", "2016-03-18", ("2016-03", "relative")),
        ("earlier this week", "2016-09-03", ("2016", "relative")),  # Mon 08-29 to Fri 09-02: only the year
        ("earlier this week", "2016-09-09", ("2016-09", "relative")),
        ("last December", "2016-03-10", ("2015-12", "relative")),
        ("last March", "2016-03-10", ("2015-03", "relative")),  # "last" March in March: a year back
        ("the last year", "2016-03-10", None),  # a duration, not a date
        ("ABC's This Week", "2015-11-23", None),  # a programme
        ("Remarks to CME Group, 11/18/13.", None, ("2013-11-18", "explicit")),
        ("a Jan. 7 campaign rally", "2016-01-08", ("2016-01-07", "relative")),
        # A day without its year: the nearer of the coming one and the one a year back.
        ("the Feb. 1 caucus", "2016-01-19", ("2016-02-01", "relative")),
        ("Dec. 4", "2016-01-19", ("2015-12-04", "relative")),
        ("Nov. 8", "2016-07-27", ("2016-11-08", "relative")),
        # The last weekend before publication, as precise as its two days allow.
        ("over the weekend", "2016-01-19", ("2016-01", "relative")),  # Tuesday: Jan. 16-17
        ("this past weekend", "2016-08-01", ("2016-07", "relative")),  # Monday: July 30-31
        ("this weekend", "2016-05-02", ("2016", "relative")),  # Monday: April 30 - May 1, only the year
        ("the weekend", "2016-09-17", ("2016-09-17", "relative")),  # a Saturday paper: that day
        ("last weekend", "2016-09-18", ("2016-09", "relative")),  # a Sunday paper: Sept. 10-11
        ("this weekend", "2016-09-16", None),  # on a Friday: yet to come
        ("next weekend", "2016-09-19", None),
        ("every weekend", "2016-09-19", None),
        # A season: the year of the one last begun by publication, or for "last", of the one last ended.
        ("the spring", "2015-12-01", ("2015", "relative")),
        ("last summer", "2016-02-10", ("2015", "relative")),
        ("last summer", "2016-07-10", ("2015", "relative")),  # in July: the one before
        ("the fall", "2016-03-10", ("2015", "relative")),
        ("this fall", "2016-03-10", None),  # yet to come
        ("the fall of 2015", "2016-03-10", ("2015", "explicit")),
        ("the fall of the Berlin Wall", "2016-03-10", None),
    ],
)
def test_resolve_expression(expr: str, published: str | None, expected: tuple[str, str] | None) -> None:
    assert resolve_expression(expr, published) == expected


@pytest.mark.parametrize("value", ["2013-01-28", "2013-01", "2013", "--05-18"])
def test_user_dates_accepted(value: str) -> None:
    assert parse_user_date(value, "--published") == value


@pytest.mark.parametrize("value", ["28/01/2013", "2013-13-01", "yesterday", "--02-30", ""])
def test_user_dates_rejected_with_the_fix(value: str) -> None:
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        parse_user_date(value, "--published")
