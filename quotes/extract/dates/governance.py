"""What a time expression tells the time of: an act (a verb), an occasion ("a 2013 interview",
"Sunday night's debate") or a thing ("Gore's 2000 campaign", "the 2004 surgery").

Only the first two can date words: a year that modifies a thing is a topic, never when anybody spoke.
Pure functions over a parsed ``Doc``; the parser's coarse tags are read from the fine tag (the
pipeline runs without the attribute ruler).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Nouns that name an occasion on which words are said or written: a time on them dates the words.
EVENT_NOUNS = frozenset(
    {
        "interview", "interviews", "speech", "speeches", "address", "rally", "rallies", "debate", "debates",
        "conference", "briefing", "event", "meeting", "hearing", "forum", "town", "hall", "appearance",
        "testimony", "session", "summit", "breakfast", "dinner", "luncheon", "lunch", "call", "visit", "stop",
        "talk", "lecture", "panel", "discussion", "fundraiser", "convention", "caucus", "show", "program", "programme",
        "broadcast", "broadcasts", "episode", "installment", "segment", "edition", "podcast", "radio", "news", "oral",
    }
)
DOCUMENT_NOUNS = frozenset(
    {
        "remarks", "remark", "comment", "comments", "statement", "statements", "column", "op", "op-ed",
        "article", "editorial", "essay", "report", "letter", "memo", "email", "tweet", "tweets", "post",
        "posting", "announcement", "message", "video", "book", "memoir",
    }
)
OCCASION_NOUNS = EVENT_NOUNS | DOCUMENT_NOUNS
# Verbs of saying, every form: the time on them dates words (a year included).
SPEECH_VERBS = frozenset(
    f"{stem}{ending}"
    for stem, endings in (
        ("say", ("", "s", "ing")), ("said", ("",)), ("tell", ("", "s", "ing")), ("told", ("",)),
        ("speak", ("", "s", "ing")), ("spoke", ("", "n")), ("ask", ("", "s", "ed", "ing")),
        ("tweet", ("", "s", "ed", "ing")), ("write", ("", "s")), ("wrote", ("",)), ("writing", ("",)),
        ("argue", ("", "s", "d")), ("state", ("", "s", "d")), ("remark", ("", "s", "ed")),
        ("declare", ("", "s", "d")), ("testif", ("y", "ies", "ied")), ("respond", ("", "s", "ed")),
        ("repl", ("y", "ies", "ied")), ("add", ("", "s", "ed")), ("insist", ("", "s", "ed")),
        ("claim", ("", "s", "ed")), ("answer", ("", "s", "ed")), ("announce", ("", "s", "d")),
        ("call", ("", "s", "ed")), ("discuss", ("", "es", "ed", "ing")), ("talk", ("", "s", "ed", "ing")),
        ("chat", ("", "s", "ted", "ting")), ("email", ("", "s", "ed")), ("e-mail", ("", "s", "ed")),
        ("explain", ("", "s", "ed")), ("warn", ("", "s", "ed")), ("vow", ("", "s", "ed")),
    )
    for ending in endings
)
VERB_TAGS = ("VB", "MD")
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# Words that open what an act is about: a time inside dates the topic, not the act.
TOPIC_WORDS = frozenset({"about", "regarding", "concerning"})
# Auxiliaries of an act yet to come ("will air Tuesday night", "won't vote", "is going to speak Friday").
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})
# Subordinate clauses that set the time of the clause they hang off ("when he first described the wall").
TEMPORAL_MARKS = frozenset({"when", "as", "while", "after", "before", "once", "during"})


@dataclass(frozen=True, kw_only=True)
class Anchor:
    """Where a time expression attaches: the verb whose time it gives, and the occasion noun on the way."""

    verb: int  # token index of the verb, -1 when none
    occasion: int  # token index of the occasion noun the time dates ("a 2013 interview"), -1 when none


def is_verb(token: Token) -> bool:
    return token.tag_.startswith(VERB_TAGS)


def is_noun(token: Token) -> bool:
    return token.tag_.startswith("NN")


def anchor_of(expression: Span) -> Anchor | None:
    """The act or occasion ``expression`` dates, climbing the parse from its root; ``None`` when it
    dates a thing (a noun that is no occasion) or hangs off nothing."""
    inside = {t.i for t in expression}
    token, occasion = expression.root, -1
    if token.dep_ == "pobj" and token.head.lower_ == "for":
        return None  # "an interview filed for Sunday's Meet the Press": a time something is for, yet to come
    bare = token.dep_ == "npadvmod"  # "Thursday" with no preposition: an adverb of time, whatever its head
    while token.head.i != token.i:
        head = token.head
        if head.lower_ in TOPIC_WORDS:
            return None  # "Regarding Trump's rhetoric at last month's convention, Woods shared": what the act is about
        if head.i in inside or head.tag_ in {"IN", "TO", "RP"} or head.tag_.startswith(("RB", "JJ")) or is_place(head):
            token = head  # the expression, a preposition ("in 2013"), an adverb ("earlier"), a place
        elif token.dep_ == "prep" and is_agent(head):
            token = head  # "Trump on Tuesday dismissed ...": a person is no thing a time dates
        elif is_verb(head):
            if is_future(head):
                return None  # "the interview, which will air Tuesday night": no one has spoken then yet
            if head.dep_ in {"acl", "relcl"} and is_occasion(head.head):
                occasion, token = head.head.i, head.head  # "a letter filed last month", "an address he gave"
            else:
                return Anchor(verb=head.i, occasion=occasion)
        elif token.dep_ == "prep" and head.dep_ == "dobj" and is_verb(head.head) and names_weekday(expression):
            token = head  # "quick to offer condolences on Monday": the day of the act, the parse hung it on its object
        elif is_noun(head) and (is_occasion(head) or bare or occasion >= 0):
            # An occasion ("a 2013 interview") and what it hangs on; or a bare "Thursday" the parser hung on
            # a noun ("protesters loyal to Sanders Thursday"): it tells when, unlike "Gore's 2000 campaign".
            occasion, token = (head.i if is_occasion(head) else occasion), head
        else:
            return None
    if is_verb(token) or occasion >= 0:
        return Anchor(verb=token.i if is_verb(token) else -1, occasion=occasion)
    following = cut_off(token)
    return Anchor(verb=following.i, occasion=-1) if following is not None else None


def names_weekday(expression: Span) -> bool:
    return any(t.lower_ in WEEKDAYS for t in expression)


def cut_off(root: Token) -> Token | None:
    """The verb of the sentence a time phrase opens when the parser left the phrase a sentence of its own ("On
    the morning of Feb. 28 Trump jumped onto his Twitter account": "On" a root, "jumped" the next one):
    the root of the sentence right after, on the same line."""
    if root.dep_ != "ROOT" or root.tag_ != "IN" or root.sent.end >= len(root.doc):
        return None
    last, following = root.doc[root.sent.end - 1], root.doc[root.sent.end].sent.root
    if "\n" in last.whitespace_ or last.is_space or last.is_punct or not is_verb(following):
        return None
    return following


def is_future(verb: Token) -> bool:
    """An act yet to come: "will air", "'ll vote", "is going to speak"."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children):
        return True
    going = verb.head
    return verb.dep_ == "xcomp" and going.lower_ == "going" and any(
        c.dep_ == "aux" and c.lower_ in PRESENT_BE for c in going.children
    )


def is_agent(token: Token) -> bool:
    return token.ent_type_ in {"PERSON", "ORG", "NORP"} or token.tag_ == "PRP"


def is_place(token: Token) -> bool:
    """A place dates nothing: "a press conference in Hanahan, South Carolina on Monday"."""
    return token.ent_type_ in {"GPE", "LOC", "FAC"}


def is_occasion(token: Token) -> bool:
    return is_noun(token) and token.lower_ in OCCASION_NOUNS


def governs(anchor: Anchor, cue: Token) -> bool:
    """The anchored verb is the cue, a verb above it, or a clause of time hanging off either
    ("When he first described the wall in December, he said ...", "After speaking Monday, he said")."""
    if anchor.verb < 0:
        return False
    above = {cue.i} | {a.i for a in cue.ancestors}
    verb = cue.doc[anchor.verb]
    while verb.i not in above and ((verb.dep_ == "advcl" and is_temporal(verb)) or verb.dep_ == "pcomp"):
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head  # "after speaking": past the preposition
    return verb.i in above


def is_temporal(clause: Token) -> bool:
    """A clause of time, opened by "when", "as", "while" ..., or one of saying ("Speaking to CNN in 2015,
    Trump said"); not "referencing the period before 1972"."""
    marks = {c.lower_ for c in clause.children if c.dep_ in {"mark", "advmod"}}
    return is_speech(clause) or bool(marks & TEMPORAL_MARKS)


def is_speech(verb: Token) -> bool:
    return verb.lower_ in SPEECH_VERBS
