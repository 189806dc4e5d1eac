"""What a pronoun or a description stands for: a person named before it, the most prominent one in
the nearest sentences that name someone who fits (gender, not inside someone else's words)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from quotes.extract.people import OTHER, UNNAMED_ROLE_HEADS, gender_of, introduced_unnamed, phrase_head
from quotes.text import QuoteSpan

from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MALE, FEMALE = {"he", "him", "his"}, {"she", "her", "hers"}
POSSESSIVE = {"his", "her"}  # a speaker is never an object: "her" as a speaker owns the words ("her comment")
ASKING = frozenset({"ask", "asks", "asked", "asking", "questioned", "pressed"})  # no lemmatizer runs
SALIENCE_SENTENCES = 3  # sentences naming a fitting person looked back on before any subject anywhere


def antecedent(state: ArticleState, offset: int, pronoun: str) -> str | None:
    """The person a pronoun refers to: in the nearest sentences before it that name someone who fits
    (gender, not inside someone else's words), the main clause's subject first, then any subject,
    then anyone; failing that, the latest subject, then the latest person, anywhere before."""
    if pronoun in {"it", "we", "i", "who"}:
        return None
    earlier = bisect_left(state.mention_starts, offset)
    if (described := described_before(state, offset, pronoun, earlier)) is not None or pronoun == "they":
        return described
    fits = fitting(state, offset, pronoun)
    own = sentence_start(state.doc, offset)
    chosen = asked_before(state, earlier, own, fits)
    if chosen is None:
        chosen = nearest_salient(state, earlier, own, fits, pronoun=pronoun, own_anyone=pronoun in POSSESSIVE)
    if pronoun in {"he", "she"} and (unnamed := unnamed_since(state, offset, pronoun, fits)) is not None:
        return unnamed
    if chosen is None:
        chosen = next((k for k in reversed(range(earlier)) if state.subject_mentions[k] and fits(k)), None)
    if chosen is None:
        chosen = next((k for k in reversed(range(earlier)) if fits(k)), None)
    return mention_name(state, chosen) if chosen is not None else None


def unnamed_since(
    state: ArticleState, offset: int, gender: str | None, fits: Callable[[int], bool], *, head: str | None = None
) -> str | None:
    """Someone brought in without a name in the pronoun's sentence before it or the last sentence before
    with words outside quote marks ("the home of a 26-year-old Berlin man was raided ... / Along with the
    photo, he had posted: ..."), when no one who ``fits`` is named in those sentences: the pronoun stands
    for that person, printed as the article says, never for someone named further back (Angela Merkel
    three paragraphs up). So too for a description of a person as such with ``head`` ("a 26-year-old man
    ... after the man had posted")."""
    own = state.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if own is None:
        return None
    first = own.sent.start  # a sentence the parser cut inside quote marks ("Filth out!") is not one
    previous = next((t for t in reversed(state.doc[:first])
                     if t.is_alpha and quote_at(state.spans, state.span_starts, t.idx) == -1), None)
    if previous is not None:
        first = previous.sent.start
    named = range(bisect_left(state.mention_starts, state.doc[first].idx), bisect_left(state.mention_starts, offset))
    if any(fits(k) for k in named):
        return None
    inside = quote_at(state.spans, state.span_starts, offset)
    found = introduced_unnamed(state.doc[first : own.start], gender,
                               lambda at: quote_at(state.spans, state.span_starts, at) in {-1, inside}, head=head)
    return None if found is None else found[:1].upper() + found[1:]


def described_before(state: ArticleState, offset: int, pronoun: str, earlier: int) -> str | None:
    """Someone the article does not name, the main subject of the sentence right before the pronoun's
    and named nowhere since: "A reporter for Agence France-Presse called it “absolute chaos.” / “We saw
    people hit,” he said" (the reporter); "the protesters ... they chanted" (the protesters). A singular
    person noun for he/she (of a gendered noun, the same gender), a plural one for "they"."""
    own = sentence_start(state.doc, offset)
    before = state.doc.char_span(own, own + 1, alignment_mode="expand")
    if before is None or before.sent.start == 0:
        return None
    last = next((t for t in reversed(state.doc[: before.sent.start]) if t.is_alpha), None)
    if last is None:
        return None
    plural = pronoun == "they"
    k = earlier - 1  # anyone named since, or in that sentence (for "they": as its subject), takes the pronoun
    while k >= 0 and state.mention_starts[k] >= last.sent.start_char:
        if not plural or state.subject_mentions[k] or state.mention_starts[k] >= last.sent.end_char:
            return None
        k -= 1
    subject = next((c for c in last.sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.tag_ != ("NNS" if plural else "NN") or subject.lower_ not in UNNAMED_ROLE_HEADS:
        return None
    det = next((c.lower_ for c in subject.children if c.dep_ in {"det", "nummod", "poss"}), "")
    if not plural and det not in {"a", "an", "one", "another"}:
        return None  # "The Vermont senator", "his brother": someone named before
    said = gender_of(subject.lower_)
    if said is not None and said != ("he" if pronoun in MALE else "she" if pronoun in FEMALE else None):
        return None
    end = next((t.left_edge.i if t.dep_ == "relcl" else t.i for t in subject.subtree
                if t.i > subject.i and (t.text == "," or t.dep_ == "relcl")), subject.right_edge.i + 1)
    words = state.doc[subject.left_edge.i : end].text
    return words[:1].upper() + words[1:]


def asked_before(state: ArticleState, earlier: int, own_sentence: int, fits: Callable[[int], bool]) -> int | None:
    """The person just asked a question answers it: "Conroy asked Sanders whether ... / 'Sure it is,' he
    said" (Sanders): the object of an asking verb in the last sentence before the pronoun's that
    mentions anyone, when at most one paragraph break lies between the two (sentences that mention
    nobody may come between)."""
    k = earlier - 1
    if k < 0 or state.mention_sentences[k] == own_sentence:
        return None
    sentence = state.mention_sentences[k]
    between = state.doc.char_span(sentence, own_sentence, alignment_mode="expand")
    if between is None or between.text.count("\n") > 2:  # the asking sentence must be this close
        return None
    while k >= 0 and state.mention_sentences[k] == sentence:
        span = state.doc.char_span(state.mention_starts[k], state.people.mentions[k].end, alignment_mode="expand")
        head = phrase_head(span.root) if span is not None else None
        if head is not None and head.dep_ == "dobj" and head.head.lower_ in ASKING and fits(k):
            return k
        k -= 1
    return None


def mention_name(state: ArticleState, k: int) -> str:
    mention = state.people.mentions[k]
    return state.people.canonical(mention.name, state.mention_starts[k], mention.gender)


def fitting(state: ArticleState, offset: int, pronoun: str) -> Callable[[int], bool]:
    """Whether mention ``k`` can be what the pronoun at ``offset`` stands for."""
    # "Mrs. Clinton" is never "he": people whose honorific or written gender says otherwise are passed over.
    gender = "he" if pronoun in MALE else "she" if pronoun in FEMALE else None
    # A name inside someone's words ("(Petraeus) was wrong") is no antecedent outside them.
    inside = quote_at(state.spans, state.span_starts, offset)

    def fits(k: int) -> bool:  # read lazily: the nearest fitting mention is usually close
        if state.quoted_in[k] not in {-1, inside}:
            return False
        return gender is None or state.people.genders.get(mention_name(state, k), gender) == gender

    return fits


def nearest_salient(
    state: ArticleState,
    earlier: int,
    own_sentence: int,
    fits: Callable[[int], bool],
    *,
    own_subjects: bool = True,
    pronoun: str | None = None,
    own_anyone: bool = False,
) -> int | None:
    """Among the ``SALIENCE_SENTENCES`` nearest sentences naming someone who fits, the best by rank; in
    the sentence of the pronoun itself only a subject before it counts, and with ``own_subjects=False``
    not even that (a description is no one named in its own sentence: "In an interview with X, the
    candidate said"); with ``own_anyone`` (a possessive: "unlikely to give Clinton the nod after her
    comment") anyone it names before the pronoun counts, first. A sentence whose main subject is the
    same ``pronoun`` goes on about the same person, so no one it names after that subject is who the
    pronoun stands for ("She told CNN that Trump is a faker. 'He has no consistency,' she said")."""
    fallback: int | None = None
    sentences = 0
    k = earlier - 1
    while k >= 0 and sentences < SALIENCE_SENTENCES:
        sentence = state.mention_sentences[k]
        group = []
        while k >= 0 and state.mention_sentences[k] == sentence:
            group.append(k)
            k -= 1
        own = sentence == own_sentence
        # A sentence whose main subject is the same pronoun: who it names after that subject is someone
        # else ("She told CNN that Trump ..."), who it names before may be the one it takes up ("Shays ..., he said")
        again = same_pronoun_subject(state, sentence, pronoun) if pronoun is not None and not own else None
        # in its own sentence, the owner of the subject counts as the subject ("Mr. Comey's suggestion was that
        # ... what he called"): a pronoun after it goes back to it
        candidates = [j for j in group if fits(j)
                      and (not own or own_anyone or (own_subjects and (state.mention_ranks[j] < OTHER
                                                                       or owns_subject(state, j))))
                      and (again is None or state.mention_starts[j] < again)]
        if not candidates:
            continue
        sentences += 1
        best = min(candidates, key=lambda j: (state.mention_ranks[j], -j))
        if state.mention_ranks[best] < OTHER or (own and (own_anyone or owns_subject(state, best))):
            return best
        fallback = best if fallback is None else fallback
    return fallback


def owns_subject(state: ArticleState, k: int) -> bool:
    """Mention ``k`` owns the subject of its clause ("Mr. Comey's most surprising suggestion was ...")."""
    owner = possessor(state, k)
    return owner is not None and owner.head.dep_ in {"nsubj", "nsubjpass"}


def possessor(state: ArticleState, k: int) -> Token | None:
    """Mention ``k``'s last word when the parser made it a possessive ("Comey" of "Mr. Comey's suggestion"):
    its head is what the person owns."""
    mention = state.people.mentions[k]
    span = state.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    owner = next((t for t in reversed(span) if t.tag_ != "POS"), None) if span is not None else None
    return owner if owner is not None and owner.dep_ == "poss" else None


def same_pronoun_subject(state: ArticleState, sentence: int, pronoun: str) -> int | None:
    """Where the main clause of the sentence starting at ``sentence`` has a subject "he" (or "she", as
    ``pronoun``) outside quote marks, if it has."""
    span = state.doc.char_span(sentence, sentence + 1, alignment_mode="expand")
    if span is None:
        return None
    group = MALE if pronoun in MALE else FEMALE if pronoun in FEMALE else set()
    return next((c.idx for c in span.sent.root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in group
                 and quote_at(state.spans, state.span_starts, c.idx) == -1), None)


def quote_at(spans: list[QuoteSpan], starts: list[int], offset: int) -> int:
    """The index of the quote span (in text order, ``starts`` theirs) holding ``offset``, or -1."""
    k = bisect_left(starts, offset + 1) - 1
    return k if k >= 0 and offset < spans[k].end else -1


def sentences_back(doc: Doc, start: int, count: int) -> int:
    """The first token of the sentence ``count`` sentences before the one starting at token ``start``
    (0 when the article starts sooner)."""
    for _ in range(count):
        start = doc[start - 1].sent.start if start else 0
    return start


def sentence_start(doc: Doc, offset: int) -> int:
    """Where the sentence holding character ``offset`` starts."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.sent.start_char if span is not None else offset
