"""One article through every step: furniture out, quote spans, parse, attribution, names, roles, dates."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, cast

from .attribution import attribute_all
from .cleaning import article_body
from .continuation import quote_kind
from .cues import Attribution, pos
from .dates import Said, find_publication_date, resolve_expression
from .gender import add_genders
from .models import Article, DateBasis, Extraction, Quote
from .people import PeopleIndex, build_index, described_by
from .spans import QuoteSpan, find_spans

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token
    from thinc.types import Ints2d

CONFIDENCE = {
    "transcript": 0.9, "tail": 0.9, "lead": 0.9, "continued": 0.85, "split": 0.8,
    "tree": 0.75, "byline": 0.75, "paragraph": 0.65, "subject": 0.5,
}
UNCLOSED_CONFIDENCE = 0.8  # where such a quote ends is a guess (the paragraph's end)
MALE, FEMALE = {"he", "him", "his"}, {"she", "her", "hers"}
DATE_LABELS = {"DATE", "TIME"}


@dataclass(kw_only=True)
class ArticleState:
    """What is known about an article while its quotes are resolved in order."""

    doc: Doc
    people: PeopleIndex
    published: str | None
    spans: list[QuoteSpan]
    # Read once per article: per quote, ``doc.ents`` and per-mention parses would make long
    # articles quadratic.
    time_entities: list[Span]
    subject_mentions: list[bool]  # per ``people.mentions``: is that mention a clause subject?
    mention_starts: list[int]  # per ``people.mentions``, in text order: where each starts
    span_starts: list[int]  # per ``spans``, in text order: where each quote's words start
    quoted_in: list[int]  # per ``people.mentions``: the index of the quote span it lies in, or -1
    said_on: dict[str, Said] = field(default_factory=dict)  # speaker -> (date, basis)


def analyse(article: Article, nlp: Language) -> Extraction:
    """Extract the quotes of ``article``; publication date completed from the text when missing."""
    published = article.published or find_publication_date(article.text)
    article = replace(article, published=published)
    body = article_body(article.text)
    spans = find_spans(body.masked, list(body.paragraphs))
    if not spans:  # no quote marks: no parse needed at all
        return Extraction(article=article, quotes=())
    doc = parse(nlp, body.masked)
    people = build_index(doc)
    add_genders(doc, people)
    span_starts = [span.start for span in spans]
    state = ArticleState(
        doc=doc,
        people=people,
        published=published,
        spans=spans,
        time_entities=[e for e in doc.ents if e.label_ in DATE_LABELS],
        subject_mentions=[is_subject(doc, m.start) for m in people.mentions],
        mention_starts=[m.start for m in people.mentions],
        span_starts=span_starts,
        quoted_in=[quote_at(spans, span_starts, m.start) for m in people.mentions],
    )
    attributions = attribute_all(doc, spans, list(body.paragraphs))
    found = [(span, f) for span, f in zip(spans, attributions, strict=True) if f is not None]
    quotes = tuple(make_quote(article, state, span, f) for span, f in found)
    unclosed = tuple(span.open_at for span, _ in found if is_unclosed(span))
    return Extraction(article=article, quotes=quotes, unclosed=unclosed)


def is_unclosed(span: QuoteSpan) -> bool:
    """No closing mark, and no next paragraph carrying the quote on (the newswire convention)."""
    return span.close_at is None and not span.continues


def parse(nlp: Language, text: str) -> Doc:
    """Run the pipeline with every line starting a sentence: a sentence never spans two
    paragraphs (headlines and date lines have no final full stop)."""
    import numpy
    from spacy.attrs import SENT_START

    doc = nlp.make_doc(text)
    # Set all at once: each ``token.is_sent_start = True`` rescans the whole doc (quadratic).
    starts = numpy.zeros((len(doc), 1), dtype="uint64")
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            starts[token.i] = 1
    doc.from_array([SENT_START], cast("Ints2d", starts))
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def make_quote(article: Article, state: ArticleState, span: QuoteSpan, found: Attribution) -> Quote:
    speaker = resolve_speaker(state, found)
    role = state.people.role(speaker) if speaker else None
    date, basis = said_when(state, found, speaker)
    return Quote(
        doc=article.doc,
        start=span.start,
        end=span.end,
        text=article.text[span.start : span.end],
        speaker=speaker,
        speaker_start=found.speaker_start,
        speaker_end=found.speaker_end,
        role=role,
        date=date,
        date_basis=basis,
        cue=found.cue,
        kind=quote_kind(article.text, span),
        confidence=CONFIDENCE.get(found.method, 0.5)
        * (0.9 if found.speaker_label == "PRON" else 1.0)
        * (UNCLOSED_CONFIDENCE if is_unclosed(span) else 1.0),
    )


def resolve_speaker(state: ArticleState, found: Attribution) -> str | None:
    """The canonical name behind the mention: pronouns to their person, surnames to full names."""
    if found.speaker_label == "PRON":
        return antecedent(state, found.speaker_start, found.speaker_text.lower())
    if described := described_by(state.doc, found.speaker_start, found.speaker_end):
        return described  # "a senior Cruz adviser" is not Cruz
    if found.speaker_label == "PERSON" or state.people.is_person(found.speaker_text):
        k = bisect_left(state.mention_starts, found.speaker_start)
        mentioned = k < len(state.mention_starts) and state.mention_starts[k] < found.speaker_end
        gender = state.people.mentions[k].gender if mentioned else None  # "Ms. Khan" is a woman
        return state.people.canonical(found.speaker_text, found.speaker_start, gender) or None
    # Organisations and descriptions keep their words ("Russia's Defense Ministry").
    name = found.speaker_text.replace("’", "'").strip(" ,.;:")
    return (name[:1].upper() + name[1:]) or None


def antecedent(state: ArticleState, offset: int, pronoun: str) -> str | None:
    """The person a pronoun refers to: the latest person mentioned as a subject before it."""
    if pronoun in {"it", "they", "we", "i", "who"}:
        return None
    earlier = bisect_left(state.mention_starts, offset)
    # "Mrs. Clinton" is never "he": people whose honorific says otherwise are passed over.
    gender = "he" if pronoun in MALE else "she" if pronoun in FEMALE else None
    people = state.people

    def name(k: int) -> str:
        return people.canonical(people.mentions[k].name, state.mention_starts[k], people.mentions[k].gender)

    # A name inside someone's words ("(Petraeus) was wrong") is no antecedent outside them.
    inside = quote_at(state.spans, state.span_starts, offset)

    def fits(k: int) -> bool:  # read lazily: the nearest fitting mention is usually close
        if state.quoted_in[k] not in {-1, inside}:
            return False
        return gender is None or people.genders.get(name(k), gender) == gender

    chosen = next((k for k in reversed(range(earlier)) if state.subject_mentions[k] and fits(k)), None)
    if chosen is None:
        chosen = next((k for k in reversed(range(earlier)) if fits(k)), None)
    return name(chosen) if chosen is not None else None


def quote_at(spans: list[QuoteSpan], starts: list[int], offset: int) -> int:
    """The index of the quote span (in text order, ``starts`` theirs) holding ``offset``, or -1."""
    k = bisect_left(starts, offset + 1) - 1
    return k if k >= 0 and offset < spans[k].end else -1


def is_subject(doc: Doc, offset: int) -> bool:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    while token.dep_ in {"compound", "flat", "appos"} and token.head != token:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}


def said_when(state: ArticleState, found: Attribution, speaker: str | None) -> tuple[str | None, DateBasis | None]:
    """When the words were said: the clause's own time expression, else the speaker's established
    time in this article, else the publication date."""
    own = time_expression(state, found)
    if own is not None:
        if speaker:
            state.said_on.setdefault(speaker, own)
        return own
    if speaker and speaker in state.said_on:
        return state.said_on[speaker]
    if state.published:
        return state.published, "article"
    return None, None


def time_expression(state: ArticleState, found: Attribution) -> Said | None:
    """A date expression in the attributing sentence, outside quotes, governing the cue."""
    for ent in state.time_entities:
        if not (found.sentence_start <= ent.start_char < found.sentence_end):
            continue
        if any(s.open_at <= ent.start_char < (s.close_at or s.end) for s in state.spans):
            continue
        if governs_cue(ent.root, found.cue_start):
            resolved = resolve_expression(ent.text, state.published)
            if resolved:
                return resolved
    return None


def governs_cue(token: Token, cue_start: int) -> bool:
    """The expression hangs off the cue verb or a verb above it, not a clause of its own."""
    cue = next((t for t in token.sent if t.idx == cue_start), None)
    if cue is None:
        return False
    above = {cue.i} | {a.i for a in cue.ancestors}
    head = token.head
    while pos(head) != "VERB" and head.head != head:
        head = head.head
    return head.i in above
