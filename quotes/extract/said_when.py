"""When the words were said, from the cues that govern the quote wherever they sit, in this order:
the attributing clause's own time ("said Monday", "in a 2013 interview", "at the time"); a transcript
note closing the quote ("[Remarks to CME Group, 11/18/13.]"); the next sentence pointing back at the
words ("That was in 1972."); nothing when the words come from no one occasion ("has said", "often
says"); the scene an earlier sentence set for the speaker or whom they address ("On Sunday night,
Clinton said ..." before her quotes; "according to his book": an earlier occasion with no date),
until another occasion is set; the day before publication when the lead opens with it and no later cue
tells another day ("... twice Thursday" in a Friday paper), except for a commentator's words (an
economist's, a professor's: the reporter's own interview); else the publication date.
A year merely mentioned nearby ("a spokeswoman for Gore's 2000 campaign") dates nothing, nor does a
time yet to come ("which will air Tuesday night", "ahead of the Feb. 1 caucus")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from quotes.extract.attribution import Attribution
from quotes.extract.dates import (
    ArticleTimes,
    Said,
    TimeCue,
    addressees,
    anchor_of,
    counts_from_publication,
    earlier_words,
    find_time_cues,
    governs,
    is_speech,
    resolve_expression,
)
from quotes.models import DateBasis
from quotes.text import QuoteSpan, parse_iso

from .antecedents import antecedent
from .references import described_name
from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Token

When = tuple[str | None, DateBasis | None]  # a date, or none for an earlier occasion the article does not date

# A source note in brackets closing the words: "[Remarks to CME Group, 11/18/13.]": what, a comma, when
# (not an editor's insertion: "we did it [in 2013]").
NOTE = r"\[(?P<note>[A-Z][^\[\]\n,]{2,100},[^\[\]\n]*\d[^\[\]\n]*)\]"
NOTE_AFTER_RE = re.compile(rf"[\s.,;:]*{NOTE}")
NOTE_CLOSING_RE = re.compile(rf"{NOTE}[\s.,;:]*$")
HABIT_ADVERBS = frozenset({"often", "repeatedly", "frequently", "routinely", "regularly", "always"})
# ... or on an earlier occasion the article does not date: "once said", "previously wrote", "said in the past".
PAST_ADVERBS = frozenset({"once", "previously", "formerly"})
PERFECT_AUXILIARIES = frozenset({"has", "have", "'ve"})
# Subjects that point back to the words just quoted: "That was in 1972", "The remarks came in 2013".
BACK_WORDS = frozenset({"that", "this", "it", "remark", "remarks", "comment", "comments", "words", "statement", "line"})
PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
SCENE_PARAGRAPHS = 4  # how far back a speaker's scene reaches past others' dated acts
LEAD_PARAGRAPHS = 3  # the headline and the lead: where a story tells the day of its news
DAY = "YYYY-MM-DD"
REPLY_VERBS = frozenset({"responded", "responds", "replied", "replies", "retorted", "retorts", "countered"})
BACK_VERBS = frozenset({"fired", "fires", "shot", "shoots", "hit", "hits", "wrote", "writes", "tweeted", "tweets"})
REPLY_PARAGRAPHS = 2  # how far up the words a reply answers may be
OPENING_VERBS = frozenset({"opened", "opens", "open", "sat", "sits"})  # "opened up to X", "sat down with X"
# Who comments on the news rather than takes part in it: their words are from the reporter's own interview.
COMMENTATORS = frozenset({"economist", "professor", "analyst", "expert", "scholar", "researcher", "historian",
                          "scientist", "lecturer", "pollster"})
NOT_NAMES = frozenset({"i", "me", "we", "us", "you", "they", "them", "it", "that", "this", "who", "which"})


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
    said = scene(state, times, found, speaker, cue) or news_day(state, times, found, speaker)
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


def is_quoted(spans: list[QuoteSpan], opens: list[int], offset: int) -> bool:
    """``offset`` lies inside someone's words (between a quote's marks; ``opens`` where each opens)."""
    k = bisect_right(opens, offset) - 1
    return k >= 0 and offset < (spans[k].close_at or spans[k].end)


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


def transcript_note(times: ArticleTimes, span: QuoteSpan, published: str | None) -> Said | None:
    """A bracketed source note with a date that closes the quote, inside or right after its marks."""
    text = times.text
    after = (span.close_at + 1) if span.close_at is not None else span.end
    match = NOTE_AFTER_RE.match(text, after, min(len(text), after + 130)) or NOTE_CLOSING_RE.search(
        text, max(span.start, span.end - 130), span.end
    )
    said = resolve_expression(match.group("note"), published) if match else None
    return said if said and said[1] == "explicit" else None


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


def scene(state: ArticleState, times: ArticleTimes, found: Attribution, speaker: str | None,
          cue: Token | None) -> When | None:
    """The occasion set before the quote's sentence, when the speaker, or whom the words are
    addressed to ("Boyle asked Trump"), is on it; another occasion set since ends the scene."""
    if not speaker:
        return None
    before = bisect_left(times.cue_sentences, found.sentence_start)
    for index in reversed(range(before)):
        time = times.cues[index]
        dated = times.scene_speakers.get(time.start)
        if not time.scene and dated is None:
            continue
        if index not in times.cue_people:  # each cue's people, resolved once
            times.cue_people[index] = people_in(state, times, time.participants)
        on_scene = times.cue_people[index] | ({dated} if dated else set())
        addressed = people_in(state, times, addressees(cue)) if cue is not None else frozenset()
        if is_among(speaker, on_scene) or any(is_among(heard, on_scene) for heard in addressed - {speaker}):
            if new_audience(state, times, index, found.sentence_end):
                return None  # "Groberg opened up to Decode DC": another occasion, undated
            return time.date, time.basis
        far = paragraphs_between(times.text, time.start, found.sentence_start) > SCENE_PARAGRAPHS
        if not others_act(on_scene) and just_before(state, times, time, found.sentence_start):
            return time.date, time.basis  # "In August, the actress was asked ... Hayek said, "..."": one occasion
        if far or not others_act(on_scene):
            return None
    return None


def just_before(state: ArticleState, times: ArticleTimes, time: TimeCue, start: int) -> bool:
    """The cue's sentence is the one right before ``start``, in the same paragraph, and tells no one's
    words but the occasion's ("What got under her skin, she said, was a question at a town hall last
    week": her words are not from the town hall)."""
    span = state.doc.char_span(time.start, time.end, alignment_mode="expand")
    text = times.text
    if span is None or "\n" in text[time.start : start] or text[span.sent.end_char : start].strip():
        return False
    return not any(is_speech(t) and t.i != time.anchor.verb for t in span.sent)


def new_audience(state: ArticleState, times: ArticleTimes, index: int, end: int) -> bool:
    """Between the scene cue ``index`` and ``end`` (the quote's sentence included), someone speaks to a
    new audience named without a time ("Groberg, 33, opened up to Decode DC about his decision" after
    "Thursday night at the convention, he spoke out"): the words that follow are from that occasion."""
    cue = times.cues[index]
    start = state.doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if start is None:
        return False
    dated = set(times.cue_sentences)
    known = {same_words(times.text[a:b]) for a, b in cue.participants}
    i = start.sent.end
    while i < len(state.doc) and state.doc[i].idx < end:
        sentence = state.doc[i].sent
        i = sentence.end
        if sentence.start_char in dated:
            continue
        for heard in (audience(t) for t in sentence if is_address(t)):
            if heard is not None and not any(same_words(heard.text) in k for k in known):
                return True
    return False


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


def reply_to(state: ArticleState, times: ArticleTimes, found: Attribution, speaker: str | None,
             span: QuoteSpan) -> When | None:
    """A reply with no time of its own ("Fallon fired back: ...", "Clinton responded") is from the exchange
    it answers: the date a cue gave the latest quote before it of someone else, a paragraph or two up."""
    words = state.doc.char_span(found.sentence_start, max(span.start, found.cue_start + 1), alignment_mode="expand")
    if words is None or not any(is_reply(t) for t in words if not is_quoted(state.spans, times.quote_opens, t.idx)):
        return None
    for start, other, date, basis in reversed(times.said):
        if paragraphs_between(times.text, start, span.start) > REPLY_PARAGRAPHS:
            return None
        if other and speaker and not same_person(other, speaker):
            return (date, basis) if date is not None and basis in {"explicit", "relative"} else None
    return None


def is_reply(token: Token) -> bool:
    """"responded", "replied", "retorted"; "fired back", "shot back", "hit back"."""
    if token.lower_ in REPLY_VERBS:
        return True
    nxt = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.tag_[:2] == "VB" and nxt is not None and nxt.lower_ == "back" and token.lower_ in BACK_VERBS


def news_day(state: ArticleState, times: ArticleTimes, found: Attribution, speaker: str | None) -> When | None:
    """The day of the news the lead tells ("... twice Thursday" in a Friday paper), when it is the day
    before publication and no other cue since has told another: words with no cue of their own in a story on
    yesterday's event are from it; not a commentator's ("Ben Zipperer, a labor economist at ..."), whose
    words come from the reporter's own interview."""
    published = parse_iso(state.published)
    day = published.full() if published else None
    if day is None or is_commentator(state, speaker):
        return None
    before = bisect_left(times.cue_sentences, found.sentence_start)
    days = [t for t in times.cues[:before] if t.scene and t.basis == "relative" and len(t.date or "") == len(DAY)]
    if not days or paragraphs_between(times.text, 0, days[-1].start) > LEAD_PARAGRAPHS:
        return None
    yesterday = (day - timedelta(days=1)).isoformat()
    # the day the lead opens with is the news ("Lynch took the last step Wednesday"), not an earlier act after it
    return (yesterday, days[-1].basis) if days[0].date == days[-1].date == yesterday else None


def is_commentator(state: ArticleState, speaker: str | None) -> bool:
    """A role the article gives the speaker names one who comments ("economist", "professor at ...")."""
    roles = state.people.roles.get(speaker, []) if speaker else []
    return any(COMMENTATORS & set(role.text.lower().split()) for role in roles)


def others_act(people: frozenset[str]) -> bool:
    """A cue on what other named people did ("Trump tweeted Sunday") interrupts the speaker's scene
    without ending it; an occasion of no one named ("on Wednesday, the crowd ...") ends it."""
    return any(not name.islower() for name in people)


def paragraphs_between(text: str, start: int, end: int) -> int:
    return text.count("\n\n", start, end) or text.count("\n", start, end)


def is_among(speaker: str, names: frozenset[str]) -> bool:
    """The speaker by name, or an organisation by the same closing words ("the Sanders campaign"), or
    named short after it was named in full ("the budget office" after "the nonpartisan Congressional
    Budget Office": two words at least, "the campaign" may be anyone's)."""
    wanted = same_words(speaker)
    short = wanted.removeprefix("the ")
    return any(same_person(speaker, name) for name in names) or any(
        wanted.endswith(name) or (" " in short and same_words(name).endswith(" " + short))
        for name in names if name.islower()
    )


def same_person(a: str, b: str) -> bool:
    """Two written forms of one name: the same surname, and one form holds the other ("Billionaire
    Donald Trump", "Donald Trump") or the first names start alike ("Sandy Paradis", "Sandra Paradis");
    never "Bill Clinton" for "Hillary Clinton"."""
    if a == b:
        return True
    first, second = a.lower().split(), b.lower().split()
    if not first or not second or first[-1] != second[-1] or b.islower():
        return False
    return set(first) <= set(second) or set(second) <= set(first) or first[0][0] == second[0][0]


def people_in(state: ArticleState, times: ArticleTimes, phrases: Iterable[tuple[int, int]]) -> frozenset[str]:
    """The canonical names in these phrases (a pronoun: the person it stands for); a phrase that
    names nobody, as its words lower-cased (an organisation, a description)."""
    people = state.people
    names: set[str] = set()
    for start, end in phrases:
        k = bisect_left(state.mention_starts, start)
        named = False
        while k < len(people.mentions) and people.mentions[k].start < end:
            mention, named = people.mentions[k], True
            names.add(people.canonical(mention.name, mention.start, mention.gender))
            k += 1
        words = same_words(times.text[start:end])
        if named:  # the phrase as written too: a name the index cut short ("Marine John “Tig" for "John “Tig” Tiegen")
            names.add(" ".join(times.text[start:end].split()))
        if not named and words in PRONOUNS:
            found = antecedent(state, start, words)
            names.update([found] if found else [])
        elif not named and words not in NOT_NAMES:
            described = described_name(state, start, end)  # "the president": Obama, named so before
            names.add(described or words.removeprefix("the "))
    return frozenset(names)


def same_words(text: str) -> str:
    return text.lower().replace("’", "'").strip()


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
