"""When the words were said, from the cues that govern the quote wherever they sit: the attributing
clause's own time ("said Monday", "in a 2013 interview", "at the time"), a transcript note closing
the quote ("[Remarks to CME Group, 11/18/13.]"), the scene an earlier sentence set for the speaker
("On Sunday night, Clinton said ..." before her quotes); else nothing when the words come from no
one occasion ("has said", "often says"), else the publication date. A year merely mentioned nearby
("a spokeswoman for Gore's 2000 campaign") dates nothing."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from quotes.extract.attribution import Attribution
from quotes.extract.dates import Said, TimeCue, find_time_cues, governs, is_speech, resolve_expression
from quotes.models import DateBasis
from quotes.text import QuoteSpan

from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Token

# A source note in brackets right after the words: "[Remarks to CME Group, 11/18/13.]"
NOTE_AFTER_RE = re.compile(r"^[\s.,;:]*\[(?P<note>[^\[\]\n]{4,120})\]")
NOTE_CLOSING_RE = re.compile(r"\[(?P<note>[^\[\]\n]{4,120})\][\s.,;:]*$")
HABIT_ADVERBS = frozenset({"often", "repeatedly", "frequently", "routinely", "regularly", "always", "long"})
PERFECT_AUXILIARIES = frozenset({"has", "have", "'s", "'ve"})


def said_when(state: ArticleState, found: Attribution, speaker: str | None,
              span: QuoteSpan) -> tuple[str | None, DateBasis | None]:
    """When the words were said (see the module docstring), as ``(iso_date, basis)``."""
    cues = time_cues(state)
    cue = cue_token(state, found)
    own = own_time(state, cues, found, cue)
    if own is not None:
        if speaker and cue is not None and is_speech(cue):  # words said then: the scene of their next quotes
            state.scene_speakers.setdefault(own.start, speaker)
        return own.date, own.basis
    said = transcript_note(state, span) or scene(state, cues, found, speaker)
    if said is not None:
        return said
    if cue is not None and from_no_occasion(cue):
        return None, None
    if state.published:
        return state.published, "article"
    return None, None


def time_cues(state: ArticleState) -> list[TimeCue]:
    """The article's time cues, read once (each quote then bisects them)."""
    if state.time_cues is None:
        opens = [s.open_at for s in state.spans]

        def quoted(offset: int) -> bool:
            k = bisect_right(opens, offset) - 1
            return k >= 0 and offset < (state.spans[k].close_at or state.spans[k].end)

        state.time_cues = find_time_cues(state.doc, state.time_entities, state.published, quoted)
        state.cue_sentences = [c.sentence_start for c in state.time_cues]
    return state.time_cues


def cue_token(state: ArticleState, found: Attribution) -> Token | None:
    region = state.doc.char_span(found.cue_start, found.cue_start + 1, alignment_mode="expand")
    return region[0] if region is not None and len(region) else None


def own_time(state: ArticleState, cues: list[TimeCue], found: Attribution, cue: Token | None) -> TimeCue | None:
    """A time in the attributing sentence that governs the reporting verb."""
    if cue is None:
        return None
    first = bisect_left(state.cue_sentences, found.sentence_start)
    last = bisect_right(state.cue_sentences, found.sentence_start)
    return next((time for time in cues[first:last] if governs(time.anchor, cue)), None)


def transcript_note(state: ArticleState, span: QuoteSpan) -> Said | None:
    """A bracketed source note with a date that closes the quote, inside or right after its marks."""
    text = state.doc.text
    after = (span.close_at + 1) if span.close_at is not None else span.end
    match = NOTE_AFTER_RE.match(text, after, min(len(text), after + 130)) or NOTE_CLOSING_RE.search(
        text, max(span.start, span.end - 130), span.end
    )
    return resolve_expression(match.group("note"), state.published) if match else None


def scene(state: ArticleState, cues: list[TimeCue], found: Attribution, speaker: str | None) -> Said | None:
    """The occasion set before the quote's sentence for this speaker, unless another occasion has
    been set since (then the speaker's words are no longer on that scene)."""
    if not speaker:
        return None
    before = bisect_left(state.cue_sentences, found.sentence_start)
    for time in reversed(cues[:before]):
        dated = state.scene_speakers.get(time.start)
        if not time.scene and dated is None:
            continue
        if dated == speaker or involves(state, time, speaker):
            return time.date, time.basis
        return None
    return None


def involves(state: ArticleState, time: TimeCue, speaker: str) -> bool:
    """One of the cue's participants is the speaker: a person named in the phrase, else its words."""
    people = state.people
    for start, end in time.participants:
        k = bisect_left(state.mention_starts, start)
        named = False
        while k < len(people.mentions) and people.mentions[k].start < end:
            mention, named = people.mentions[k], True
            if people.canonical(mention.name, mention.start, mention.gender) == speaker:
                return True
            k += 1
        if not named and same_words(speaker).endswith(same_words(state.doc.text[start:end]).removeprefix("the ")):
            return True
    return False


def same_words(text: str) -> str:
    return text.lower().replace("’", "'").strip()


def from_no_occasion(cue: Token) -> bool:
    """Words reported as said over time, on no one occasion: "has said", "often speaks of"."""
    children = list(cue.children)
    perfect = cue.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in PERFECT_AUXILIARIES for c in children)
    habit = any(c.dep_ == "advmod" and c.lower_ in HABIT_ADVERBS for c in children)
    return perfect or habit
