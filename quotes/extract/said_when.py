"""When the words were said: the attributing clause's own time expression, else the speaker's
established time in this article, else the publication date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotes.extract.attribution import Attribution, pos
from quotes.extract.dates import Said, resolve_expression
from quotes.models import DateBasis

from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Token


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
