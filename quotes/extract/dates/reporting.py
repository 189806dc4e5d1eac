"""What the words around a quote tell of its time: a source note closing it ("[Remarks to CME Group,
11/18/13.]"); a reporting verb of words said on no one occasion ("has said", "often says", "once said");
a reply ("fired back", "responded"); a verb of speaking to an audience ("told The Associated Press",
"opened up to Decode DC")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .expressions import Said, resolve_expression
from .governance import is_speech
from .occasions import ArticleTimes

if TYPE_CHECKING:
    from spacy.tokens import Token

    from quotes.text import QuoteSpan

# A source note in brackets closing the words: "[Remarks to CME Group, 11/18/13.]": what, a comma, when
# (not an editor's insertion: "we did it [in 2013]").
NOTE = r"\[(?P<note>[A-Z][^\[\]\n,]{2,100},[^\[\]\n]*\d[^\[\]\n]*)\]"
NOTE_AFTER_RE = re.compile(rf"[\s.,;:]*{NOTE}")
NOTE_CLOSING_RE = re.compile(rf"{NOTE}[\s.,;:]*$")
HABIT_ADVERBS = frozenset({"often", "repeatedly", "frequently", "routinely", "regularly", "always"})
# ... or on an earlier occasion the article does not date: "once said", "previously wrote", "said in the past".
PAST_ADVERBS = frozenset({"once", "previously", "formerly"})
PERFECT_AUXILIARIES = frozenset({"has", "have", "'ve"})
REPLY_VERBS = frozenset({"responded", "responds", "replied", "replies", "retorted", "retorts", "countered"})
BACK_VERBS = frozenset({"fired", "fires", "shot", "shoots", "hit", "hits", "wrote", "writes", "tweeted", "tweets"})
OPENING_VERBS = frozenset({"opened", "opens", "open", "sat", "sits"})  # "opened up to X", "sat down with X"


def transcript_note(times: ArticleTimes, span: QuoteSpan, published: str | None) -> Said | None:
    """A bracketed source note with a date that closes the quote, inside or right after its marks."""
    text = times.text
    after = (span.close_at + 1) if span.close_at is not None else span.end
    match = NOTE_AFTER_RE.match(text, after, min(len(text), after + 130)) or NOTE_CLOSING_RE.search(
        text, max(span.start, span.end - 130), span.end
    )
    said = resolve_expression(match.group("note"), published) if match else None
    return said if said and said[1] == "explicit" else None


def from_no_occasion(cue: Token) -> bool:
    """Words reported as said over time, on no one occasion: "has said", "often speaks of", "has
    criticized them, declaring" (a participle: the time of the verb it hangs from); or on an earlier
    one with no date ("once said", "said in the past")."""
    if cue.tag_ == "VBG" and cue.dep_ in {"advcl", "xcomp"} and not any(c.dep_ == "nsubj" for c in cue.children):
        return from_no_occasion(cue.head) if cue.head.i != cue.i else False
    children = list(cue.children)
    # "has said" (the tagger reads some as past tense); "'s said" only when the tag says participle.
    perfect = any(c.dep_ == "aux" and (c.lower_ in PERFECT_AUXILIARIES or (c.lower_ == "'s" and cue.tag_ == "VBN"))
                  for c in children)
    habit = any(c.dep_ == "advmod" and c.lower_ in HABIT_ADVERBS | PAST_ADVERBS for c in children)
    in_the_past = any(c.dep_ == "prep" and c.lower_ == "in" and any(o.lower_ == "past" and o.dep_ == "pobj"
                      for o in c.children) for c in children)
    return perfect or habit or in_the_past


def is_reply(token: Token) -> bool:
    """"responded", "replied", "retorted"; "fired back", "shot back", "hit back"."""
    if token.lower_ in REPLY_VERBS:
        return True
    nxt = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.tag_[:2] == "VB" and nxt is not None and nxt.lower_ == "back" and token.lower_ in BACK_VERBS


def is_address(verb: Token) -> bool:
    """A verb of speaking to someone: "told", "spoke", "opened up" (to)."""
    if verb.tag_[:2] != "VB":
        return False
    return is_speech(verb) or (verb.lower_ in OPENING_VERBS and any(c.dep_ == "prt" for c in verb.children))


def audience(verb: Token) -> Token | None:
    """The proper noun a verb's words are told to ("told The Associated Press", "opened up to Decode DC"),
    not a person."""
    heads = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    heads += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "with"} for o in c.children
              if o.dep_ == "pobj"]
    return next((h for h in heads if h.tag_ == "NNP" and h.ent_type_ not in {"PERSON", "", "DATE", "TIME"}), None)
