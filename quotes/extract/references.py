"""Definite descriptions that stand for a person named before them ("the Republican nominee", "the man
who ..."): who they are, and the role their words give that person ("Democratic presidential candidate").

A description is linked to the person whose written role has the description's head noun; one that
describes a person as such ("the man") to the nearest prominent person of its gender. Descriptions
used as a sentence's subject anywhere in the article ("The former secretary of state said ...") give
the person they stand for a role, so that later quotes of that person carry it; so do descriptions of
someone running or of an office said with where it is held, outside a subject ("a second home for the
Vermont senator"), when their sentence names no one else they could stand for.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from quotes.extract.people import (
    CANDIDATE_HEADS,
    MAIN_SUBJECT,
    SUBJECT,
    Description,
    Role,
    definite_description,
    description_objects,
    description_subjects,
    role_by_relative,
)

from .antecedents import fitting, mention_name, nearest_salient, quote_at, sentence_start, unnamed_since
from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Token


def described_person(state: ArticleState, start: int, end: int) -> str | None:
    """The person the description at ``[start, end)`` (a quote's speaker) stands for; its words become
    that person's role at this mention."""
    described = definite_description(state.doc, start, end)
    if described is None or not described.referring or owned_by_a_thing(state, start, end):
        return None
    chosen = linked_mention(state, start, described)
    fits = fitting(state, start, described.gender or "")
    if described.generic and (unnamed := unnamed_since(state, start, described.gender, fits,
                                                       head=described.head)) is not None:
        return unnamed  # "a 26-year-old man ... after the man had posted": no one named before
    if chosen is None:
        return None
    name = mention_name(state, chosen)
    if described.role:
        state.people.roles.setdefault(name, []).append(Role(at=start, text=described.role))
    return name


def owned_by_a_thing(state: ArticleState, start: int, end: int) -> bool:
    """"The ad’s narrator", "the firm's partner": a description owned by a thing names whoever does that job
    for it, not the person the article was last about (Hillary Clinton for the narrator of an ad attacking her)."""
    span = state.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    owners = [c for c in span.root.children if c.i < span.root.i and any(g.tag_ == "POS" for g in c.children)]
    return any(owner.tag_ in {"NN", "NNS"} for owner in owners)  # the parser hangs "the ad’s" as poss or nmod


def described_name(state: ArticleState, start: int, end: int) -> str | None:
    """The person a definite description at ``[start, end)`` stands for, without recording a role."""
    described = definite_description(state.doc, start, end)
    if described is None or not described.referring:
        return None
    chosen = linked_mention(state, start, described)
    return None if chosen is None else mention_name(state, chosen)


def linked_mention(state: ArticleState, start: int, described: Description) -> int | None:
    """The mention a description at ``start`` stands for (``candidate_mention``), never one its own sentence
    names after it outside quotes: "The Republican presidential nominee has not stepped forward to defend
    Manafort" is not Manafort."""
    chosen = candidate_mention(state, start, described)
    if chosen is None:
        return None
    own = state.doc.char_span(start, start + 1, alignment_mode="expand")
    if own is None:
        return chosen
    later = range(bisect_left(state.mention_starts, start), bisect_left(state.mention_starts, own.sent.end_char))
    named = {mention_name(state, k) for k in later if state.quoted_in[k] == -1 and same_clause(state, k, own[0])}
    return None if mention_name(state, chosen) in named else chosen


CLAUSE_LINKS = {"conj", "ccomp", "parataxis", "csubj"}  # an infinitival advcl ("to defend X") is the clause's own


def same_clause(state: ArticleState, k: int, first: Token) -> bool:
    """Mention ``k`` is an argument in the clause of the description starting at ``first`` (or in the
    description's own words: "the bluster that propelled Trump"), not in a clause of its own with its own
    subject ("... criticism that Trump was urging", "and yet Trump tripped")."""
    span = state.doc.char_span(state.mention_starts[k], state.mention_starts[k] + 1, alignment_mode="expand")
    if span is None:
        return False
    described = first.head  # the description's head noun
    verb = described.head
    token = span[0]
    while token.i != token.head.i:
        if token.i in {described.i, verb.i}:
            return True
        own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in {"WDT", "WP"} for c in token.children)
        if token.dep_ in CLAUSE_LINKS or (own_subject and token.pos_ in {"VERB", "AUX"}):
            return False
        token = token.head
    return token.i in {described.i, verb.i}


def candidate_mention(state: ArticleState, start: int, described: Description) -> int | None:
    """The mention a description at ``start`` may stand for: for a sitting office, the main subject of its own
    sentence (``own_subject``); else the latest holder of a role with its head;
    else, for a description of a person as such ("the man"), the nearest prominent person of its
    gender; else, for a candidate or a former office, the main subject of the sentences before; so too for
    an office said with where or of which party it is held ("The Florida senator said"), unless that
    subject is known to hold another office."""
    earlier = bisect_left(state.mention_starts, start)
    sitting = not (described.generic or described.candidate_like or described.qualified)
    chosen = own_subject(state, start, described, earlier) if sitting else None
    if chosen is None and sitting:
        chosen = subject_just_before(state, start, described)
    if chosen is None:
        chosen = role_holder(state, described.head, earlier)
    if chosen is None and described.role:
        chosen = qualifier_holder(state, described.role, earlier)
    if chosen is None and described.head in CANDIDATE_HEADS:
        chosen = object_before(state, start, earlier)
    if chosen is not None:
        return chosen
    own = sentence_start(state.doc, start)
    if described.generic:
        fits = fitting(state, start, described.gender or "")
        return nearest_salient(state, earlier, own, fits, own_subjects=False)
    if sitting:
        # A sitting office ("the senator", "the president") is not whoever was named last: in a
        # dialogue that is the interviewer ("Borger asked. ... the senator said"; tried above).
        return None
    unquoted, fits = not_quoted(state), fitting(state, start, described.gender or "")
    other = other_office(state, start, described.head)
    chosen = nearest_salient(state, earlier, own, lambda k: unquoted(k) and fits(k) and not other(k),
                             own_subjects=False)
    if chosen is None or state.mention_ranks[chosen] > SUBJECT or paired(state, chosen):
        return None
    if described.head in CANDIDATE_HEADS and named_once(state, chosen):
        return None  # "the real estate mogul" is not a voter quoted in passing, even named just before
    # "The Vermont senator" (an office where) is no one already known to hold another office before it,
    # and "the businessman" (a candidate) no one known to work for someone ("a top aide").
    held = offices_before(state, chosen, start)
    if described.candidate_like:
        return None if held & STAFF_HEADS else chosen
    return None if held - {described.head} else chosen


# Offices held by one person at a time: "the former secretary of state" is no one the article calls a senator.
OFFICES = {"senator", "governor", "secretary", "president", "mayor", "representative", "congressman",
           "congresswoman", "minister", "ambassador"}


def other_office(state: ArticleState, start: int, head: str) -> Callable[[int], bool]:
    """Whether the person of mention ``k`` is written before ``start`` to hold an office other than ``head``
    (itself an office): "The former secretary of state's approach" after "Sanders ... while Clinton has
    slammed his proposal" is not Sen. Sanders."""
    def holds_other(k: int) -> bool:
        return head in OFFICES and bool(offices_before(state, k, start) & OFFICES - {head})

    return holds_other


def named_once(state: ArticleState, k: int) -> bool:
    """The person of mention ``k`` is named once in an article that names someone else three times or more:
    a passer-by, not whom a description of a candidate or a known figure ("the real estate mogul", "the
    presumptive nominee") stands for."""
    counts = Counter(mention_name(state, j) for j in range(len(state.mention_starts)))
    return counts[mention_name(state, k)] < 2 and max(counts.values()) >= 3


def object_before(state: ArticleState, start: int, earlier: int) -> int | None:
    """The one person its own sentence names before a candidate's description, outside quotes, as a verb's
    object: "She went on to attack Donald Trump, saying the presumptive Republican nominee ..." (not one
    named in a phrase: "In an interview with X, the candidate said")."""
    first = bisect_left(state.mention_starts, sentence_start(state.doc, start))
    before = [k for k in range(first, earlier) if state.quoted_in[k] == -1]
    if not before or len({mention_name(state, k) for k in before}) != 1:
        return None
    span = state.doc.char_span(state.mention_starts[before[-1]], state.mention_starts[before[-1]] + 1,
                               alignment_mode="expand")
    if span is None:
        return None
    token = span[0]
    while token.dep_ in {"compound", "flat"} and token.head.i != token.i:
        token = token.head  # "Trump" of "Donald Trump"
    described = state.doc.char_span(start, start + 1, alignment_mode="expand")
    if token.dep_ != "dobj" or described is None:
        return None
    # The description in a clause the subject goes on with ("attack X, saying ..."), not one the object's
    # own ("watch Mitt Romney insist that the GOP front-runner ...": Romney insists)
    verbs = {token.head.i, *(a.i for a in token.head.ancestors)}
    clause = next((a for a in described[0].ancestors if a.dep_ == "advcl"), None)
    return before[-1] if clause is not None and clause.head.i in verbs and clause.i not in verbs else None


def offices_before(state: ArticleState, k: int, start: int) -> set[str]:
    """The heads of the roles the person of mention ``k`` is written to hold before ``start``."""
    return {role_head(r.text) for r in state.people.roles.get(mention_name(state, k), []) if r.at < start}


def paired(state: ArticleState, k: int) -> bool:
    """Mention ``k`` is one of people named together ("Paradis and Bennett didn't know"): which of them
    a description that follows stands for, nothing says."""
    span = state.doc.char_span(state.mention_starts[k], state.mention_starts[k] + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    while token.dep_ in {"compound", "flat"} and token.head.i != token.i:
        token = token.head  # "Bennett" of "Jim Bennett"
    linked = [c for c in token.children if c.dep_ == "conj"] + ([token.head] if token.dep_ == "conj" else [])
    return any(t.ent_type_ == "PERSON" for t in linked)


def own_subject(state: ArticleState, start: int, described: Description, earlier: int) -> int | None:
    """A sitting office after the main subject of its own sentence, the one person named before it there
    outside quotes: "Cruz defends his bona fides in a commercial: “Securing our borders ...,” the senator
    says" (Cruz, not a senator named paragraphs before). Not one known to hold an office of another kind."""
    own = sentence_start(state.doc, start)
    first = bisect_left(state.mention_starts, own)
    before = [k for k in range(first, earlier) if state.quoted_in[k] == -1]
    if not before or len({mention_name(state, k) for k in before}) != 1:
        return None
    fits = fitting(state, start, described.gender or "")
    chosen = next((k for k in before if state.mention_ranks[k] <= SUBJECT and fits(k)), None)
    if chosen is None:
        return None
    return None if offices_before(state, chosen, start) - {described.head} else chosen


def subject_just_before(state: ArticleState, start: int, described: Description) -> int | None:
    """A sitting office that goes on about the main subject of the sentence just before, in the same
    paragraph: "Salceda, citing data ..., said that ... The lawmaker, who represents ..., said" (a dialogue's
    interviewer is a paragraph away). Not when its own sentence names anyone before it outside quotes, nor
    one known to hold an office of another kind."""
    span = state.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.sent.start == 0:
        return None
    own, before = span.sent, state.doc[span.sent.start - 1].sent
    if "\n" in state.doc[before.end - 1 : own.start + 1].text:
        return None
    earlier = bisect_left(state.mention_starts, start)
    if any(state.quoted_in[k] == -1 for k in range(bisect_left(state.mention_starts, own.start_char), earlier)):
        return None
    fits = fitting(state, start, described.gender or "")
    chosen = next((k for k in reversed(range(earlier)) if state.mention_sentences[k] == before.start_char
                   and state.mention_ranks[k] == MAIN_SUBJECT and state.quoted_in[k] == -1 and fits(k)), None)
    if chosen is None:
        return None
    return None if offices_before(state, chosen, start) - {described.head} else chosen


def role_holder(state: ArticleState, head: str, earlier: int) -> int | None:
    """The latest mention before ``earlier`` of a person whose written role has ``head`` as its head."""
    holders = {name for name, roles in state.people.roles.items() if any(role_head(r.text) == head for r in roles)}
    return next((k for k in reversed(range(earlier)) if mention_name(state, k) in holders), None)


def qualifier_holder(state: ArticleState, role: str, earlier: int) -> int | None:
    """The one person before ``earlier`` whose written role shares a proper qualifier with the
    description: "the Republican nominee" after "Trump, her Republican rival" (not the last speaker); a
    role that is another office does not count ("Democratic Rep. Gwen Graham" is not "the Democratic
    presidential candidate")."""
    wanted = {w for w in role.split() if w[:1].isupper()}
    if not wanted:
        return None
    others = OFFICES - {role_head(role)}
    holders = {name for name, roles in state.people.roles.items()
               if any(wanted & set(r.text.split()) for r in roles if not r.past and role_head(r.text) not in others)}
    if len(holders) != 1:
        return None
    return next((k for k in reversed(range(earlier)) if mention_name(state, k) in holders), None)


def add_description_roles(state: ArticleState) -> None:
    """Roles from descriptions used as a subject ("The real estate mogul said"), outside quotes, for the
    person each stands for (``linked_mention``; never a sitting office by mere prominence: "the
    president" is not whoever was named last)."""
    subjects = description_subjects(state.doc)
    # An object or an owner ("a second home for the Vermont senator") too, but only a description of someone
    # running or known for what they do, or of an office said with where it is held: "the senator" alone is anyone.
    for start, end in sorted([*subjects, *description_objects(state.doc)]):
        if quote_at(state.spans, state.span_starts, start) != -1:
            continue  # someone's words, not the article's description
        described = definite_description(state.doc, start, end)
        if described is None or not described.role or described.generic:
            continue
        objected = (start, end) not in subjects
        if objected and not (described.candidate_like or described.qualified):
            continue
        chosen = linked_mention(state, start, described)
        if chosen is not None and objected and subject_before(state, start, chosen):
            continue
        if chosen is not None:
            # "the New York billionaire, who is now the presumptive Republican nominee": what it is now
            span = state.doc.char_span(start, end, alignment_mode="expand")
            said = role_by_relative(span) if span is not None else None
            roles = state.people.roles.setdefault(mention_name(state, chosen), [])
            roles.append(Role(at=start, text=said[0] if said else described.role))
            roles.sort(key=lambda r: r.at)


def subject_before(state: ArticleState, start: int, chosen: int) -> bool:
    """A description outside a subject stands for someone other than its sentence's subject, and for no
    one sure when its sentence names someone else before it: the person of ``chosen`` is that subject
    ("Christie defended the Republican presidential nominee's ..."), a pronoun is, who could be anyone ("he
    made the suggestion that ... as the GOP nominee"), or another person is named before it, not as its
    main subject ("made no mention of Clinton and the Democratic front-runner"; "Not long after Trump
    tweeted ..., Todd asked the GOP frontrunner")."""
    span = state.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return True
    subjects = [t for t in state.doc[span.sent.start : span.start] if t.dep_ in {"nsubj", "nsubjpass"}]
    name = mention_name(state, chosen)
    if any((t.tag_ in {"PRP", "WP"} and t.lower_ in PERSONAL) or t.text in name.split() for t in subjects):
        return True  # "..., writes Prager, seeming to understand the opposition to the New York billionaire"
    first = bisect_left(state.mention_starts, span.sent.start_char)
    for k in range(first, bisect_left(state.mention_starts, start)):
        rank, same = state.mention_ranks[k], mention_name(state, k) == name
        if (same and rank <= SUBJECT) or (not same and state.quoted_in[k] == -1 and rank != MAIN_SUBJECT):
            return True
    return False


PERSONAL = frozenset({"he", "she", "i", "we", "they", "who"})


def mark_quoted_roles(state: ArticleState) -> None:
    """Roles written inside someone's words are that speaker's say ("Trump is a businessman," Adelson
    said): marked, so that the article's own words about the person come first (``tenure``)."""
    for roles in state.people.roles.values():
        roles[:] = [replace(r, quoted=True) if quote_at(state.spans, state.span_starts, r.at) != -1 else r
                    for r in roles]


def not_quoted(state: ArticleState) -> Callable[[int], bool]:
    def fits(k: int) -> bool:
        return state.quoted_in[k] == -1

    return fits


# Heads of roles of people who work for someone else: never the candidate a description stands for.
STAFF_HEADS = {
    "aide", "adviser", "advisor", "strategist", "spokesman", "spokeswoman", "spokesperson", "staffer", "manager",
    "chairman", "chairwoman", "operative", "consultant", "pollster", "surrogate", "director",
}
SPELLED_OUT = {"sen.": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general",
               "sec.": "secretary", "amb.": "ambassador"}


def role_head(role: str) -> str:
    """The head noun of a role as written, spelled out: its last word before a preposition ("director"
    of "director of communications", "senator" of "Sen.")."""
    words = role.lower().split()
    cut = next((k for k, w in enumerate(words) if w in {"of", "at", "for", "to", "in", "on", "with"} and k), len(words))
    head = words[cut - 1].strip(",;:")
    if head == "president" and cut >= 2 and words[cut - 2] == "vice":  # "Vice President": another office
        return "vice president"
    return SPELLED_OUT.get(head, head.rstrip("."))
