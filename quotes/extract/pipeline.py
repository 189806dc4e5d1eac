"""One article through every step: furniture out, quote spans, parse, attribution, names, roles, dates."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

from quotes.extract.attribution import Attribution, attribute_all, quote_kind
from quotes.extract.dates import find_publication_date
from quotes.extract.people import add_genders, build_index, mention_rank, roles_written_for, unnamed_role
from quotes.models import Article, Extraction, Quote
from quotes.text import QuoteSpan, article_body, find_spans, nested_spans

from .antecedents import quote_at, sentence_start
from .bodies import body_role
from .focus import Focus, blank_outside, chosen_focus, needed_paragraphs
from .joint import joint_members, joint_role
from .references import add_description_roles, mark_quoted_roles
from .said_when import said_when
from .speaker import is_subject, resolve_speaker
from .state import ArticleState

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from thinc.types import Ints2d

CONFIDENCE = {
    "transcript": 0.9, "tail": 0.9, "lead": 0.9, "continued": 0.85, "split": 0.8,
    "tree": 0.75, "byline": 0.75, "paragraph": 0.65, "subject": 0.5,
}
UNCLOSED_CONFIDENCE = 0.8  # where such a quote ends is a guess (the paragraph's end)
DATE_LABELS = {"DATE", "TIME"}
UNNAMED_LABELS = frozenset({"PRON", "NOUN"})  # speakers that are no name: their roles come another way


def analyse(article: Article, nlp: Language, *, focus: Focus | None = None) -> Extraction:
    """Extract the quotes of ``article``; publication date completed from the text when missing.

    Only the paragraphs ``focus`` picks (the quotes' and the context they need; by default the
    preset ``focus.chosen_focus`` names) are parsed."""
    published = article.published or find_publication_date(article.text)
    article = replace(article, published=published)
    body = article_body(article.text)
    spans = find_spans(body.masked, list(body.paragraphs))
    if not spans:  # no quote marks: no parse needed at all
        return Extraction(article=article, quotes=())
    paragraphs = list(body.paragraphs)
    keep = needed_paragraphs(body.masked, paragraphs, spans, focus or chosen_focus())
    doc = parse(nlp, blank_outside(body.masked, paragraphs, keep))
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
        mention_ranks=[mention_rank(doc, m.start, m.end) for m in people.mentions],
        mention_sentences=[sentence_start(doc, m.start) for m in people.mentions],
    )
    add_description_roles(state)
    mark_quoted_roles(state)
    attributions = attribute_all(doc, spans, paragraphs)
    found = [(span, f) for span, f in zip(spans, attributions, strict=True) if f is not None]
    quotes = tuple(make_quote(article, state, span, f) for span, f in found)
    unclosed = tuple(span.open_at for span, _ in found if is_unclosed(span))
    return Extraction(article=article, quotes=quotes, unclosed=unclosed)


def antecedent_role(state: ArticleState, speaker: str, before: int) -> str | None:
    """The role of an unnamed speaker a pronoun stands for ("A reporter for Agence France-Presse ... he
    said"): what its description, the last written before the pronoun, says it does; None for a person."""
    if speaker in state.people.roles or state.people.is_person(speaker):
        return None
    at = state.doc.text.lower().rfind(speaker.lower(), 0, before)
    return unnamed_role(state.doc, at, at + len(speaker)) if at != -1 else None


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
    date, basis = said_when(state, found, speaker, span)
    year = (date or state.published or "")[:4]
    members = joint_members(state, speaker)
    if members:  # people speaking together ("Bob Goodlatte and Trey Gowdy"): the role they share
        role = joint_role(state, members, found, span.start, year if year.isdigit() else None)
    else:
        role = speaker_role(state, speaker, found, span.start, year if year.isdigit() else None)
    return Quote(
        doc=article.doc,
        start=span.start,
        end=span.end,
        text=article.text[span.start : span.end],
        nested=nested_spans(article.text[span.start : span.end]),
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


def speaker_role(state: ArticleState, speaker: str | None, found: Attribution, at: int, year: str | None) -> str | None:
    """The role of one speaker when the words at ``at`` were said: a person's, an unnamed one's, a body's."""
    role = None
    if speaker and speaker not in state.people.roles and found.speaker_label not in UNNAMED_LABELS:
        # a person the parser missed; a name read as anything else (an organisation, a nationality:
        # "Rosette Pambakian, a Tinder spokeswoman" with "Pambakian" NORP) only with a role naming a person
        state.people.roles[speaker] = roles_written_for(state.doc, speaker, person=found.speaker_label == "PERSON")
    if speaker and speaker in state.people.roles:
        role = state.people.role(speaker, mention_at=found.speaker_start, quote_at=at, year=year)
    elif speaker and found.speaker_label == "NOUN":  # an unnamed speaker: its description says what it does
        role = unnamed_role(state.doc, found.speaker_start, found.speaker_end)
    elif speaker and found.speaker_label == "PRON":  # "A reporter for AFP called it ... 'We saw ...,' he said"
        role = antecedent_role(state, speaker, found.speaker_start)
    if speaker and role is None:  # an organisation: what the article says it is ("a government watchdog group")
        role = body_role(state, speaker, at)
    return role
