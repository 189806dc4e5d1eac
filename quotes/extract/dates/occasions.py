"""The time cues of an article, read once in text order: each time expression outside the quotes,
resolved against the publication date, with what it dates and who took part.

A cue that dates a person's act or an occasion ("Trump on Tuesday dismissed Walker", "during an
interview this month with CBS News") sets the scene for the quotes that follow; one that dates a
thing ("Gore's 2000 campaign") sets nothing. "At the time" and "that year" take the date of the
cue before them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from quotes.models import DateBasis
from quotes.text import parse_iso

from .expressions import Said, resolve_expression
from .governance import Anchor, anchor_of, is_occasion, is_speech, is_verb
from .past import past_anchor, past_occasions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Counted from publication by days or weeks: the news of the day, whoever's act they date.
NEWS_SPAN_WORDS = ("day", "night", "morning", "afternoon", "evening", "week", "yesterday", "today", "tonight")
WEEKDAY_PREFIXES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative"})
PARTICIPANT_PREPOSITIONS = frozenset({"by", "with", "to"})
# Times that point back to the one named before: the same ("at the time", "that year"), or a number of
# days from it ("the day before", "two days later"); not "the day before the election" nor "at the time of
# his death" or "when ..." (each its own date).
ANAPHOR_RE = re.compile(
    r"\b(?:at the time|that (?:year|month|week|day|night)|the same day"
    r"|(?P<offset>(?:the|a|(?P<count>one|two|three|four|five|six)) days? (?:before|earlier|(?P<later>later|after))"
    r"|the (?:previous|(?P<next>next|following)) day))\b(?!\s+(?:the|a|an|his|her|their|its|of|when|(?-i:[A-Z])))",
    re.I,
)
# Events a text names again ("during the debate") after dating them once.
NAMED_AGAIN = frozenset(
    {
        "interview", "speech", "address", "rally", "debate", "conference", "briefing", "event", "meeting",
        "hearing", "forum", "appearance", "testimony", "session", "summit", "breakfast", "dinner", "luncheon",
        "convention", "fundraiser", "lecture", "panel",
    }
)
DEFINITE = frozenset({"the", "that", "this", "his", "her", "their", "its"})
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "appos", "punct", "cc", "conj"})
REPORTED_DEPS = frozenset({"ccomp", "csubj"})  # what someone is reported to have said or thought
CONTENT_DEPS = REPORTED_DEPS | {"relcl", "acl"}  # ... and descriptions of someone or something
# Verbs whose object is what is talked about: an occasion there is a topic ("cited his 2011 visit").
CITING_VERBS = frozenset(
    f"{stem}{ending}"
    for stem, endings in (
        ("cite", ("", "s", "d")), ("recall", ("", "s", "ed")), ("mention", ("", "s", "ed")),
        ("reference", ("", "s", "d")), ("describe", ("", "s", "d")), ("invoke", ("", "s", "d")),
        ("criticize", ("", "s", "d")), ("defend", ("", "s", "ed")), ("recount", ("", "s", "ed")),
    )
    for ending in endings
)
# A news report's verb: what it reports is a fact of the narrative, its source named ("..., the Times reported").
REPORT_VERBS = frozenset({"reported", "reports", "report"})
# Verbs of thinking or finding whose clause is what someone holds, like a verb of saying's.
THINKING_VERBS = frozenset(
    f"{stem}{ending}"
    for stem, endings in (
        ("think", ("", "s")), ("thought", ("",)), ("believe", ("", "s", "d")), ("know", ("", "s")), ("knew", ("",)),
        ("hope", ("", "s", "d")), ("fear", ("", "s", "ed")), ("expect", ("", "s", "ed")), ("feel", ("", "s")),
        ("felt", ("",)), ("suspect", ("", "s", "ed")), ("find", ("", "s")), ("found", ("",)),
        ("show", ("", "s", "ed")), ("suggest", ("", "s", "ed")), ("report", ("", "s", "ed")),
        ("note", ("", "s", "d")), ("acknowledge", ("", "s", "d")), ("admit", ("", "s", "ted")),
        ("confirm", ("", "s", "ed")), ("insist", ("", "s", "ed")), ("allege", ("", "s", "d")),
        ("recall", ("", "s", "ed")), ("indicate", ("", "s", "d")), ("reveal", ("", "s", "ed")),
    )
    for ending in endings
)


@dataclass(frozen=True, kw_only=True)
class TimeCue:
    """One time expression of the article and what it dates."""

    start: int
    end: int
    date: str | None  # None: an earlier occasion the article does not date ("according to his book")
    basis: DateBasis | None
    anchor: Anchor
    sentence_start: int
    scene: bool  # dates a person's act or an occasion in the narrative, not reported content
    participants: tuple[tuple[int, int], ...]  # character spans of the people the act or occasion involves


@dataclass(kw_only=True)
class ArticleTimes:
    """An article's time cues, read once, and what dating its quotes in order learns about them."""

    text: str  # the doc's text (spaCy builds ``doc.text`` anew on every read)
    cues: list[TimeCue]
    cue_sentences: list[int]  # per cue: where its sentence starts (each quote bisects them)
    quote_opens: list[int]  # per quote span: where its opening mark is
    expression_starts: list[int]  # per time expression the tagger found: where it starts
    scene_speakers: dict[int, str] = field(default_factory=dict)  # cue start -> the speaker whose words it dated
    written: set[int] = field(default_factory=set)  # cue starts of those whose words were written (a post, a letter)
    cue_people: dict[int, frozenset[str]] = field(default_factory=dict)  # cue index -> the people on it
    # per quote dated so far, in text order: where it starts, its speaker, its date and how it was found
    said: list[tuple[int, str | None, str | None, DateBasis | None]] = field(default_factory=list)


def find_time_cues(doc: Doc, expressions: Iterable[Span], published: str | None,
                   quoted: Callable[[int], bool]) -> list[TimeCue]:
    """Every resolvable time expression outside quotes, in text order (``quoted(offset)`` says
    whether an offset lies inside someone's words)."""
    cues: list[TimeCue] = []
    latest: Said | None = None  # the last time told, of an act or a thing: what "that month" points back to
    # The longest first where two start together ("the day before" over the tagger's "the day").
    found = [*expressions, *anaphora(doc), *occasion_references(doc)]
    spans = joined(doc, sorted(found, key=lambda s: (s.start_char, -s.end_char)))
    past = past_occasions(doc)
    for span in sorted([*spans, *past], key=lambda s: (s.start_char, -s.end_char)):
        if quoted(span.start_char) or (cues and span.start_char < cues[-1].end):
            continue
        if span in past:
            undated = undated_cue(doc, span)
            cues.extend(undated)
            latest = None if undated else latest
            continue
        anchor = anchor_of(span)
        told = resolve_expression(span.text, published)
        if anchor is None:  # "The 2012 request by CREW ...": a thing's year, which "that month" is in
            latest = told if told is not None and not after(told[0], published) else latest
            continue
        if span.root.lower_ in NAMED_AGAIN and len(span) == 1:  # "during the debate": the one dated before
            anchor = Anchor(verb=anchor.verb, occasion=span.root.i)
            said = same_occasion(doc, span.root, cues)
        else:
            said = told or resolve_anaphor(span.text, latest)
        if said is None or after(said[0], published):
            continue  # a time after publication dates nothing said
        latest = said
        cues.append(TimeCue(
            start=span.start_char, end=span.end_char, date=said[0], basis=said[1], anchor=anchor,
            sentence_start=span.sent.start_char, scene=sets_scene(doc, span, anchor, said[1]),
            participants=tuple(participants(doc, anchor)),
        ))
    return cues


def after(iso: str | None, published: str | None) -> bool:
    """``iso`` is later than the publication date (both ISO, compared as written: "2016-11" is after
    "2016-09-20", "2016" and "2016-09" are not)."""
    return bool(iso and published and published[:1].isdigit() and iso > published)


def undated_cue(doc: Doc, span: Span) -> list[TimeCue]:
    """An earlier occasion the article does not date, as a cue without a date (``past``)."""
    anchor = past_anchor(span)
    if anchor is None:
        return []
    return [TimeCue(
        start=span.start_char, end=span.end_char, date=None, basis=None, anchor=anchor,
        sentence_start=span.sent.start_char, scene=in_narrative(doc[anchor.verb], CONTENT_DEPS),
        participants=tuple(participants(doc, anchor)),
    )]


def joined(doc: Doc, spans: list[Span]) -> list[Span]:
    """Adjacent expressions as one: the tagger splits "Tuesday night" into a date and a time, and "the
    morning of Feb. 28" into a time, "of" and a date."""
    out: list[Span] = []
    for span in spans:
        if out and (out[-1].end == span.start or (out[-1].end + 1 == span.start and doc[out[-1].end].lower_ == "of")):
            out[-1] = doc[out[-1].start : span.end]
        else:
            out.append(span)
    return out


def anaphora(doc: Doc) -> list[Span]:
    """"at the time", "that year", "the day before": times that point back to the one named before."""
    spans = (doc.char_span(m.start(), m.end()) for m in ANAPHOR_RE.finditer(doc.text))
    return [span for span in spans if span is not None]


def occasion_references(doc: Doc) -> list[Span]:
    """Events named again without a time: "the debate", "his address" (one token each); not a
    document ("that statement" is seldom the last one dated), nor many ("the GOP debates": the tag NN)."""
    return [
        doc[token.i : token.i + 1]
        for token in doc
        if token.lower_ in NAMED_AGAIN and token.tag_ == "NN"
        and any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in token.children)
        and not any(t.ent_type_ in {"DATE", "TIME"} for t in token.subtree)
    ]


def same_occasion(doc: Doc, noun: Token, cues: list[TimeCue]) -> Said | None:
    """The date of the latest occasion of the same kind dated before ("Sunday night's debate")."""
    word = noun.lower_.removesuffix("s")
    for cue in reversed(cues):
        if cue.anchor.occasion >= 0 and doc[cue.anchor.occasion].lower_.removesuffix("s") == word:
            return (cue.date, cue.basis) if cue.date is not None and cue.basis is not None else None
    return None


def resolve_anaphor(text: str, before: Said | None) -> Said | None:
    """The date an anaphor points to: the time told before it, cut to a year or a month ("that year"), or
    moved by whole days ("a day earlier") when it names a day."""
    match = ANAPHOR_RE.fullmatch(text)
    if match is None or before is None:
        return None
    date, basis = before
    if not match.group("offset"):
        unit = text.lower().rsplit(" ", 1)[-1]
        return date[: {"year": 4, "month": 7}.get(unit, len(date))], basis
    day = parse_iso(date)
    full = day.full() if day else None
    if full is None:
        return None
    count = NUMBER_WORDS.get(match.group("count").lower(), 1) if match.group("count") else 1
    sign = 1 if match.group("later") or match.group("next") else -1
    return (full + timedelta(days=sign * count)).isoformat(), basis


def sets_scene(doc: Doc, span: Span, anchor: Anchor, basis: DateBasis | None) -> bool:
    """An occasion, a speech act, or the day's news of a person's act, told in the narrative (not
    inside what someone is reported to have said, nor describing someone)."""
    if anchor.occasion >= 0:  # "Trump gave those attending a Jan. 7 campaign rally ...": on the scene
        if is_cited(doc[anchor.occasion]):
            return False  # "she cited Clinton's September 2011 visit": what she talks about, not where she is
        return anchor.verb < 0 or in_narrative(doc[anchor.verb], REPORTED_DEPS)
    if not in_narrative(doc[anchor.verb], CONTENT_DEPS):
        return False
    verb = doc[anchor.verb]
    if is_speech(verb) or any(c.dep_ == "dobj" and is_occasion(c) for c in verb.children):
        return True  # words said then, or an occasion held then ("gave an interview to Playboy in 1990")
    return basis == "relative" and is_news_span(span)


def is_cited(occasion: Token) -> bool:
    """The occasion is the object of a verb of citing or recalling it ("cited his 2011 visit")."""
    return occasion.dep_ == "dobj" and occasion.head.lower_ in CITING_VERBS


def in_narrative(verb: Token, outside: frozenset[str]) -> bool:
    """No clause on the way up to the sentence's root is of the kinds ``outside`` the narrative (a
    clause the parser hung under a later verb that reports nothing is not: ``misread_content``; nor is
    what a news report tells: ``news_report``)."""
    while verb.head.i != verb.i:
        if verb.dep_ in outside and not misread_content(verb) and not news_report(verb):
            return False
        verb = verb.head
    return True


def news_report(clause: Token) -> bool:
    """What a report tells happened, with its own subject: the narrative's fact with its source named, not
    anyone's words ("Swanson slammed the Girl Scouts on Monday's installment of his radio show, Right Wing
    Watch first reported"), unlike "Clinton met the voters on Tuesday, Trump said"."""
    return (clause.dep_ == "ccomp" and clause.head.lower_ in REPORT_VERBS
            and any(c.dep_ in SUBJECT_DEPS for c in clause.children))


def misread_content(clause: Token) -> bool:
    """A clause with its own subject the parser read as what a later verb reports, though that verb
    reports nothing ("Chaffetz on Tuesday requested another investigation - this one focused on ...",
    "Mr. Comey couched his concern on Tuesday by repeating ''we assess''"), or a colon parts them ("de
    Blasio on Monday intervened: If Sanders would debate ..., de Blasio tweeted"). Words reported
    before their verb ("He met them Tuesday, Trump said") stay reported."""
    head = clause.head
    if clause.dep_ != "ccomp" or head.i < clause.i or not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return False
    if any(t.text == ":" for t in clause.doc[clause.right_edge.i + 1 : head.i]):
        return True
    return not (is_speech(head) or head.lower_ in THINKING_VERBS)


def is_news_span(span: Span) -> bool:
    text = span.text.lower()
    return any(word in text for word in NEWS_SPAN_WORDS) or any(
        t.lower_.startswith(WEEKDAY_PREFIXES) and t.lower_.endswith("day") for t in span
    )


def participants(doc: Doc, anchor: Anchor) -> list[tuple[int, int]]:
    """The people an act or occasion involves, as the character spans of their noun phrases: the
    subject and objects of its verb (climbing "tried to draw"), those it is "by", "with" or "to",
    and whose occasion it is ("Obama's speech")."""
    heads: list[Token] = []
    for verb in involved_verbs(doc, anchor):
        owner = "poss" if verb.i == anchor.occasion else ""  # whose occasion it is: "Obama's speech"
        heads.extend(c for c in verb.children if c.dep_ in SUBJECT_DEPS or c.dep_ == owner)
        heads.extend(objects(verb))
    return [noun_phrase(t) for t in [*heads, *(c for h in heads for c in h.conjuncts)]]


def addressees(cue: Token) -> list[tuple[int, int]]:
    """Whom a reporting verb's words are for: "Boyle asked Trump", "she told Clinton"."""
    return [noun_phrase(t) for t in objects(cue)]


def objects(verb: Token) -> list[Token]:
    """The objects of a verb and those it is "by", "with" or "to"."""
    found = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    for child in verb.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in PARTICIPANT_PREPOSITIONS:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def noun_phrase(head: Token) -> tuple[int, int]:
    """The characters of ``head``'s phrase without the clauses on it ("Paradis, who volunteered ...")."""
    kept = [c for c in head.children if c.dep_ not in CLAUSE_DEPS]
    first = min([head, *(c.left_edge for c in kept)], key=lambda t: t.i)
    last = max([head, *(c.right_edge for c in kept)], key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def involved_verbs(doc: Doc, anchor: Anchor) -> list[Token]:
    """The anchored verb and the verbs it completes ("tried to draw"), the occasion noun and the
    clauses on it ("a 2007 address Lindsey Graham gave")."""
    found: list[Token] = []
    if anchor.verb >= 0:
        verb = doc[anchor.verb]
        found.append(verb)
        while verb.dep_ in {"xcomp", "conj"} and verb.head.i != verb.i and is_verb(verb.head):
            verb = verb.head
            found.append(verb)
        governing = governing_verb(verb)
        if governing is not None:
            found.append(governing)
    if anchor.occasion >= 0:
        occasion = doc[anchor.occasion]
        found.append(occasion)
        found.extend(c for c in occasion.children if c.dep_ in {"acl", "relcl"})
        found.append(occasion.sent.root)  # who is at the occasion: the sentence is about them
    return found


def governing_verb(verb: Token) -> Token | None:
    """The verb whose subject does what a subject-less participle says: "after meeting with the
    council on Tuesday, Obama repeated" (meeting -> repeated), "Speaking Monday, she said"."""
    if verb.tag_ not in {"VBG", "VBN"} or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    token = verb
    while token.dep_ in {"pcomp", "advcl", "pobj", "prep"} and token.head.i != token.i:
        token = token.head
        if is_verb(token):
            return token
    return None
