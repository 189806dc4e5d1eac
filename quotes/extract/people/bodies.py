"""What an article says an organisation is, printed as its role when its words are quoted, as a person's
role is: "Judicial Watch, a government watchdog group," -> "government watchdog group"; "the nationalist
Global Times tabloid" -> "nationalist Global Times tabloid"; "the pro-ethanol campaign group America's
Renewable Future" -> "pro-ethanol campaign group". Only phrases whose head noun names a kind of body
(``BODY_HEADS``) count: "Gallup, the polling firm" gives "polling firm", "Gallup, which polled ..." nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .nationality import drop_countries
from .role_words import MAX_ROLE_WORDS, NOUN_TAGS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Nouns naming a kind of organisation: the head of what an article says a body is.
BODY_HEADS = frozenset({
    "newspaper", "paper", "tabloid", "daily", "weekly", "magazine", "network", "broadcaster", "channel", "station",
    "outlet", "publication", "website", "site", "wire", "agency", "group", "organization", "organisation", "company",
    "firm", "corporation", "conglomerate", "foundation", "institute", "institution", "tank", "nonprofit", "charity",
    "association", "federation", "coalition", "alliance", "union", "council", "committee", "commission", "caucus",
    "pac", "lobby", "watchdog", "party", "movement", "bank", "fund", "center", "centre", "university",
})
# Words that open a phrase saying what a body is, in apposition after its name: "Gallup, a polling firm".
APPOSITION_DETERMINERS = frozenset({"a", "an", "the"})
PHRASE_TAGS = NOUN_TAGS | {"JJ", "HYPH", "VBN", "POS", "CD"}  # "pro-ethanol campaign group", "Koch-backed group"


def body_roles_at(doc: Doc, name: str) -> list[tuple[int, str]]:
    """Where and what the article says the body called ``name`` is, at each place that name is written."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return []
    found: list[tuple[int, str]] = []
    for token in doc:
        if token.text != words[0] or [t.text for t in doc[token.i : token.i + len(words)]] != words:
            continue
        span = doc[token.i : token.i + len(words)]
        text = body_after(span) or body_around(span) or body_before(span)
        if text:
            found.append((span.start_char, text))
    return found


def body_after(span: Span) -> str | None:
    """"Judicial Watch, a government watchdog group, said": the apposition after the name."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or doc[span.end + 1].lower_ not in APPOSITION_DETERMINERS:
        return None
    words: list[Token] = []
    for token in doc[span.end + 2 : span.end + 2 + MAX_ROLE_WORDS]:
        if token.tag_ not in PHRASE_TAGS:
            break
        words.append(token)
    return body_text(words)


def body_around(span: Span) -> str | None:
    """"the nationalist Global Times tabloid": the name inside a phrase whose head, right after it, is a body."""
    head = span[-1].head
    if span[-1].dep_ != "compound" or head.i != span.end:
        return None
    return body_text(phrase_before(span.doc, span.start) + list(span) + [head])


def body_before(span: Span) -> str | None:
    """"the pro-ethanol campaign group America's Renewable Future": a body's kind right before its name."""
    if span.start == 0 or span.doc[span.start - 1].lower_ not in BODY_HEADS:
        return None
    return body_text(phrase_before(span.doc, span.start))


def phrase_before(doc: Doc, start: int) -> list[Token]:
    """The words of a noun phrase ending right before token ``start``, back to its determiner."""
    i = start - 1
    while i >= 0 and doc[i].tag_ in PHRASE_TAGS and not doc[i].is_space and start - i <= MAX_ROLE_WORDS:
        i -= 1
    return list(doc[i + 1 : start])


def body_text(words: list[Token]) -> str | None:
    """The phrase as printed, whose head (its last noun, lower case: not another name, "the Times, the
    Washington Post") is a body's kind, with a word saying which kind; without a determiner or a nationality."""
    while words and (words[0].tag_ in {"DT", "PRP$", "POS", "HYPH", "CD"} or words[0].is_punct):
        words = words[1:]
    while words and words[-1].tag_ not in NOUN_TAGS:
        words = words[:-1]
    words = drop_countries(words)
    # a lower-case head: a kind of body, not another name ("the Times, the Washington Post")
    if not words or words[-1].lower_ not in BODY_HEADS or not words[-1].is_lower or len(words) > MAX_ROLE_WORDS:
        return None
    if len(words) == 1:  # "an organization" says nothing of what kind
        return None
    return "".join(w.text_with_ws for w in words[:-1]) + words[-1].text
