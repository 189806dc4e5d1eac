"""The role in force when a quote was said, of the roles an article gives a person (``roles``)."""

from __future__ import annotations

import re

from .roles import Role

# A party alone says which side someone is on, not what they do: any other role stated comes first.
BARE_PARTIES = frozenset({"republican", "democrat", "independent", "libertarian", "conservative", "liberal"})
# What someone believes says which side they are on too: "the self-described democratic socialist".
BELIEFS = frozenset({"socialist", "conservative", "liberal", "progressive", "populist", "libertarian", "moderate",
                     "centrist", "leftist", "nationalist", "evangelical", "fascist", "communist", "marxist"})
FORMER = re.compile(r"\b(?:former|ex-|onetime|one-time)", re.IGNORECASE)


def choose_role(roles: list[Role], *, mention_at: int | None, quote_at: int, year: str | None) -> str | None:
    """The role in force when a quote was said: the one written at the attributing mention, else the
    latest stated before the quote, else the first stated after it; never one of another time (marked
    "then-", or stated in a sentence about another year than the quote's) unless the words are of that
    year ("In 2008, then-Sen. Barack Obama said"); one whose own words name
    another year ("spokeswoman for Gore's 2000 campaign"), or written inside someone's words ("Trump is
    a businessman," Adelson said; never a belief so claimed: "to show that Trump is a fascist"), or a party
    or a belief alone ("Carlos Guerrero, 55, a Republican"; "the self-described democratic socialist") only
    when the article gives no other ("Mr. Guerrero, who is an actor")."""
    # "In 2008, then-Sen. Barack Obama said": a role of another time is the one in force for words of that year
    then = [r for r in roles if r.past and year is not None and r.year == year]
    if then:
        return next((r.text for r in then if r.at == mention_at), then[-1].text)
    # "Feinberg said she intended to show that Trump is a fascist": a belief someone else claims is no role at all
    current = [r for r in roles if not r.past and (r.year is None or year is None or r.year == year)
               and not (r.quoted and a_side(r.text))]
    held = [r for r in current if (r.dated is None or year is None or r.dated == year) and not r.quoted
            and not a_side(r.text)]
    if held and held != current:  # a role tied to another year, in someone's words or a party alone: if no other
        return choose_role(held, mention_at=mention_at, quote_at=quote_at, year=year)
    own = [r for r in current if r.at == mention_at]
    before = [r for r in current if r.at <= quote_at]
    if own:
        return fuller(own[0].text, before)
    held = [r for r in before if not FORMER.search(r.text)]  # what someone is beats what they were
    if held or before:  # of the roles written at the latest mention, the nearest the name
        pool = held or before
        return fuller(next(r.text for r in pool if r.at == pool[-1].at), before)
    return current[0].text if current else None


def a_side(role: str) -> bool:
    """A party alone ("Republican") or a belief ("self-described democratic socialist"): which side someone
    is on, not what they do."""
    words = role.lower().split()
    cut = next((k for k, w in enumerate(words) if w in {"in", "of", "at", "on"} and k), len(words))
    return role.lower() in BARE_PARTIES or (bool(words) and words[cut - 1] in BELIEFS)  # "fascist in his thinking"


def fuller(title: str, roles: list[Role]) -> str:
    """A bare title worn with a name ("Secretary" of "Secretary Clinton") is said whole as the article
    wrote it before, the latest role holding that word ("former secretary of state"); else as it is."""
    word = title.lower().rstrip(".")
    if " " in title.strip():
        return title
    whole = (r.text for r in reversed(roles) if word in r.text.lower().replace(".", "").split() and " " in r.text)
    return next(whole, title)
