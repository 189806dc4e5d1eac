"""When the words were said, from the cues that govern the quote wherever they sit, in this order:
the attributing clause's own time ("said Monday", "in a 2013 interview", "at the time"); a transcript
note closing the quote ("[Remarks to CME Group, 11/18/13.]"); the next sentence pointing back at the
words ("That was in 1972."); nothing when the words come from no one occasion ("has said", "often
says"); the scene an earlier sentence set for the speaker or whom they address ("On Sunday night,
Clinton said ..." before her quotes; "according to his book": an earlier occasion with no date),
until another occasion is set (a post's day is none for the writer's spoken words after it); the day
of the week before publication that the lead tells in a sentence naming the speaker ("a protester who
interrupted him during a rally on Sunday"), unless another day or a new audience is set since; the day
before publication when the lead opens with it and no later cue tells another day ("... twice
Thursday" in a Friday paper), except for a commentator's words (an economist's, a professor's: the
reporter's own interview); else the publication date.
A year merely mentioned nearby ("a spokeswoman for Gore's 2000 campaign") dates nothing, nor does a
time yet to come ("which will air Tuesday night", "ahead of the Feb. 1 caucus")."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from quotes.extract.attribution import Attribution
from quotes.extract.dates import (
    ArticleTimes,
    TimeCue,
    anchor_of,
    counts_from_publication,
    earlier_words,
    find_time_cues,
    from_no_occasion,
    governs,
    is_among,
    is_speech,
    transcript_note,
)
from quotes.models import DateBasis
from quotes.text import QuoteSpan

from .scenes import When, document_scene, is_quoted, is_writing_verb, lead_day, news_day, people_in, reply_to, scene
from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Token

# Subjects that point back to the words just quoted: "That was in 1972", "The remarks came in 2013".
BACK_WORDS = frozenset({"that", "this", "it", "remark", "remarks", "comment", "comments", "words", "statement", "line"})


def said_when(state: ArticleState, found: Attribution, speaker: str | None,
              span: QuoteSpan) -> tuple[str | None, DateBasis | None]:
    """When the words were said (see the module docstring), as ``(iso_date, basis)``."""
    times = article_times(state)
    date, basis = decide(state, times, found, speaker, span)
    times.said.append((span.start, speaker, date, basis))
    return date, basis


def decide(state: ArticleState, times: ArticleTimes, found: Attribution, speaker: str | None,
           span: QuoteSpan) -> When:
    cue = cue_token(state, found)
    own = own_time(times, found, cue)
    if own is not None:
        if speaker and cue is not None and is_speech(cue):  # words said then: the scene of their next quotes
            times.scene_speakers.setdefault(own.start, speaker)
            if is_writing_verb(cue):
                times.written.add(own.start)
        return own.date, own.basis
    if cue is not None and unplaced_time(state, times, found, cue):
        return None, None  # "said Thursday" with no full publication date: never a guessed day
    said = transcript_note(times, span, state.published) or follow_up(state, times, found, span, speaker)
    if said is not None:
        return said
    if cue is not None and (from_no_occasion(cue) or earlier_words(cue, span.open_at)):
        return None, None
    if (said := reply_to(state, times, found, speaker, span)) is not None:
        return said
    said = (document_scene(state, times, found, speaker) or scene(state, times, found, speaker, cue)
            or lead_day(state, times, found, speaker) or news_day(state, times, found, speaker))
    if said is not None:
        return said
    if state.published:
        return state.published, "article"
    return None, None


def article_times(state: ArticleState) -> ArticleTimes:
    """The article's time cues, read on the first quote's date (each quote then bisects them)."""
    if state.times is None:
        opens = [s.open_at for s in state.spans]
        cues = find_time_cues(
            state.doc, state.time_entities, state.published, lambda at: is_quoted(state.spans, opens, at)
        )
        state.times = ArticleTimes(
            text=state.doc.text, cues=cues, cue_sentences=[c.sentence_start for c in cues], quote_opens=opens,
            expression_starts=[e.start_char for e in state.time_entities],
        )
    return state.times


def cue_token(state: ArticleState, found: Attribution) -> Token | None:
    region = state.doc.char_span(found.cue_start, found.cue_start + 1, alignment_mode="expand")
    return region[0] if region is not None and len(region) else None


def own_time(times: ArticleTimes, found: Attribution, cue: Token | None) -> TimeCue | None:
    """A time in the attributing sentence that governs the reporting verb; of several, the one on the
    verb nearest it ("Ryan endorsed Trump in June, telling reporters in May that ..." -> May)."""
    if cue is None:
        return None
    first = bisect_left(times.cue_sentences, found.sentence_start)
    last = bisect_right(times.cue_sentences, found.sentence_start)
    governing = [time for time in times.cues[first:last] if governs(time.anchor, cue)]
    return max(governing, key=lambda time: depth(cue.doc[time.anchor.verb]), default=None)


def depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def unplaced_time(state: ArticleState, times: ArticleTimes, found: Attribution, cue: Token) -> bool:
    """A time governs the reporting verb but, counted from a publication date the article does not give
    in full, cannot be placed ("said Thursday" with no year known)."""
    first = bisect_left(times.expression_starts, found.sentence_start)
    last = bisect_left(times.expression_starts, found.sentence_end)
    for expression in state.time_entities[first:last]:
        if not counts_from_publication(expression.text):
            continue
        if is_quoted(state.spans, times.quote_opens, expression.start_char):
            continue
        anchor = anchor_of(expression)
        if anchor is not None and governs(anchor, cue):
            return True
    return False


def follow_up(state: ArticleState, times: ArticleTimes, found: Attribution, span: QuoteSpan,
              speaker: str | None) -> When | None:
    """A time in the sentence right after the quote's, in its paragraph, on words that point back to it:
    "That was in 1972.", "The remarks came in 2013.", "She said it in 1990." (not "He said the same in 2013")."""
    end = max(found.sentence_end, span.close_at + 1 if span.close_at is not None else span.end)
    k = bisect_left(times.cue_sentences, end)
    if k == len(times.cues):
        return None
    time, gap = times.cues[k], times.text[end : times.cues[k].sentence_start]
    verb = state.doc[time.anchor.verb] if time.anchor.verb >= 0 else None
    if "\n" in gap or gap.strip(" .,;\"'”’") or verb is None or verb.dep_ != "ROOT":
        return None  # not the very next sentence, or the time is not on its main verb
    if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in BACK_WORDS for c in verb.children):
        return time.date, time.basis
    points_back = any(c.dep_ == "dobj" and c.lower_ in BACK_WORDS for c in verb.children)  # "She said it in 1990"
    by_speaker = speaker is not None and is_among(speaker, people_in(state, times, time.participants))
    return (time.date, time.basis) if points_back and by_speaker else None
