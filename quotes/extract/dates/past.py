"""Earlier occasions an article names without dating them: works written before the news ("according
to his book", "in an oral history", "in one of her college columns"), occasions marked as past ("an
earlier interview", "his old tweets") and earlier reporting ("As reported by Western Journalism, ...").

Words from such an occasion were said at a time the article does not give: they take no date, not the
publication date, and the occasion holds for the speaker's next quotes as a dated one would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .governance import OCCASION_NOUNS, Anchor, is_noun, is_occasion, is_speech, is_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Works that are written before the news that quotes them.
PAST_WORKS = frozenset({"book", "books", "memoir", "memoirs", "autobiography", "biography", "dissertation", "thesis"})
# Words marking an occasion as earlier than the news ("an earlier interview", "her college columns").
PAST_MARKERS = frozenset({"past", "earlier", "previous", "prior", "old", "college", "resurfaced", "archived"})
# ... or as news of the day, whatever its kind ("his new book").
RECENT_MARKERS = frozenset({"new", "latest", "recent", "upcoming", "forthcoming"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Nouns for words said, besides the occasions and documents: "Trump's past descriptions of women as ...".
WORDS_NOUNS = OCCASION_NOUNS | frozenset(
    {"description", "descriptions", "words", "claim", "claims", "characterization", "characterizations",
     "quote", "quotes", "writings", "posts", "messages", "emails", "letters", "articles", "columns", "essays"}
)


def past_occasions(doc: Doc) -> list[Span]:
    """The undated earlier occasions of ``doc``: one token each, the occasion noun (or "reported")."""
    return [doc[t.i : t.i + 1] for t in doc if is_past_occasion(t) or is_earlier_report(t)]


def is_past_occasion(token: Token) -> bool:
    """A work written before the news, or an occasion marked as earlier, with no time on it."""
    if not is_noun(token):
        return False
    modifiers = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound", "nmod"}}
    if modifiers & RECENT_MARKERS or is_dated(token):
        return False
    if not is_source(token):
        return False
    oral_history = token.lower_ == "history" and "oral" in modifiers
    occasion = is_occasion(token) or token.lower_.removesuffix("s") in OCCASION_NOUNS
    return token.lower_ in PAST_WORKS or oral_history or (occasion and bool(modifiers & PAST_MARKERS))


def is_dated(occasion: Token) -> bool:
    """A time on the occasion ("his 2015 book", "an interview last week"); not one on what it is about
    ("an oral history of the Clinton years")."""
    return occasion.ent_type_ in TIME_ENTITIES or any(
        t.ent_type_ in TIME_ENTITIES for c in occasion.children if c.lower_ != "of" for t in c.subtree
    )


def is_source(token: Token) -> bool:
    """The occasion is where words come from: "in his book", "in one of her columns", "according to
    her memoir"; not a thing written or held ("wrote a children's book", "Holding open a book")."""
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.tag_ in {"CD", "JJS"}:
        token = token.head.head  # "one of her college columns", "most of his books"
    preposition = token.head
    return token.dep_ == "pobj" and (
        preposition.lower_ == "in" or (preposition.lower_ == "to" and preposition.head.lower_ == "according")
    )


def is_earlier_report(token: Token) -> bool:
    """"As reported by Western Journalism, ...": what a sentence so opened tells was reported before."""
    return (
        token.lower_ == "reported" and token.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i == c.sent.start for c in token.children)
        and any(c.dep_ == "agent" for c in token.children) and is_verb(token.head)
    )


def past_anchor(span: Span) -> Anchor | None:
    """What an earlier occasion dates: for an earlier report, the clause it opens; for a work, the verb
    it hangs from ("according to his book", "In one of her college columns, Bradley criticized")."""
    token = span.root
    if token.lower_ == "reported":
        return Anchor(verb=token.head.i, occasion=-1)
    occasion = token.i
    while token.head.i != token.i:
        token = token.head
        if is_verb(token):
            return Anchor(verb=token.i, occasion=occasion)
    return None


def earlier_words(cue: Token, open_at: int) -> bool:
    """The quote, opening at ``open_at`` in the attributing sentence after its cue (a verb, or the noun
    itself), is named as words of an earlier occasion with no time: "Clinton told the audience of Trump's
    past descriptions of women as "pigs"" (not "his earlier statements: "I'm busy," he wrote")."""
    between = [t for t in cue.sent if cue.i <= t.i and t.idx < open_at]  # the cue itself: "past descriptions"
    for k, token in enumerate(between):
        if token.lower_ not in WORDS_NOUNS or not is_noun(token) or is_dated(token):
            continue
        modifiers = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound", "nmod"}}
        if modifiers & PAST_MARKERS and not any(is_speech(t) and is_verb(t) for t in between[k + 1 :]):
            return True
    return False
