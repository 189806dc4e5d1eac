"""The occasion an earlier sentence set for a quote with no time of its own: the scene set for the
speaker or whom they address ("On Sunday night, Clinton said ..." before her quotes), until another
occasion is set or a new audience is named; the exchange a reply answers; the day the lead tells in a
sentence naming the speaker; the day before publication when the lead opens with it (neither for a
commentator's words: the reporter's own interview)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from quotes.extract.attribution import Attribution
from quotes.extract.dates import (
    ArticleTimes,
    TimeCue,
    addressees,
    audience,
    is_address,
    is_among,
    is_reply,
    is_speech,
    others_act,
    same_person,
    same_words,
)
from quotes.models import DateBasis
from quotes.text import QuoteSpan, parse_iso

from .antecedents import antecedent
from .documents import DOCUMENT_NOUNS
from .references import described_name
from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Token

When = tuple[str | None, DateBasis | None]  # a date, or none for an earlier occasion the article does not date

PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
SCENE_PARAGRAPHS = 4  # how far back a speaker's scene reaches past others' dated acts
LEAD_PARAGRAPHS = 3  # the headline and the lead: where a story tells the day of its news
DAY = "YYYY-MM-DD"
PAST_TAGS = frozenset({"VBD", "VBN"})  # a verb told as past: "interrupted", "was booed"
REPLY_PARAGRAPHS = 2  # how far up the words a reply answers may be
# Who comments on the news rather than takes part in it: their words are from the reporter's own interview.
COMMENTATORS = frozenset({"economist", "professor", "analyst", "expert", "scholar", "researcher", "historian",
                          "scientist", "lecturer", "pollster"})
# Acts of putting out a writing: the document a cue dates so ("on Thursday, the party announced ...").
ISSUING_VERBS = frozenset({"announced", "announces", "released", "releases", "issued", "issues", "published",
                           "posted", "sent"})
# Verbs of writing: a dated post's day is no scene for the writer's spoken words that follow ("Soon after she was
# booed Monday, Canova wrote to his Twitter followers, ..." then "he said", to the reporter).
WRITING_VERBS = frozenset({"wrote", "writes", "write", "tweeted", "tweets", "tweet", "posted", "posts", "emailed"})
WRITINGS = frozenset({*DOCUMENT_NOUNS, "report", "article"})  # writings no one is at
DOCUMENT_PARAGRAPHS = 1  # how far up the cue dating a document speaker may be
NOT_NAMES = frozenset({"i", "me", "we", "us", "you", "they", "them", "it", "that", "this", "who", "which"})


def is_quoted(spans: list[QuoteSpan], opens: list[int], offset: int) -> bool:
    """``offset`` lies inside someone's words (between a quote's marks; ``opens`` where each opens)."""
    k = bisect_right(opens, offset) - 1
    return k >= 0 and offset < (spans[k].close_at or spans[k].end)


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
        if dated and time.start in times.written and not (cue is not None and is_writing_verb(cue)):
            dated = None  # a post's day is no scene for the writer's spoken words ("Canova wrote" .. "he said")
        if not time.scene and dated is None:
            continue
        if index not in times.cue_people:  # each cue's people, resolved once
            times.cue_people[index] = people_in(state, times, time.participants)
        on_scene = times.cue_people[index] | ({dated} if dated else set())
        addressed = people_in(state, times, addressees(cue)) if cue is not None else frozenset()
        if is_among(speaker, on_scene) or any(is_among(heard, on_scene) for heard in addressed - {speaker}):
            if new_audience(state, times, index, found.sentence_end):
                return None  # "Groberg opened up to Decode DC": another occasion, undated
            return None if long_past(state, times, time, speaker, found.sentence_start) else (time.date, time.basis)
        far = paragraphs_between(times.text, time.start, found.sentence_start) > SCENE_PARAGRAPHS
        if not others_act(on_scene) and just_before(state, times, time, found.sentence_start):
            return time.date, time.basis  # "In August, the actress was asked ... Hayek said, "..."": one occasion
        if far or not (others_act(on_scene) or is_writing(state, time)):
            return None  # a writing of no one named ("an inspector general's report earlier this year") ends nothing
    return None


def is_writing_verb(cue: Token) -> bool:
    """The reporting verb tells written words: a post, a letter ("tweeted", "wrote")."""
    return cue.lower_ in WRITING_VERBS


def long_past(state: ArticleState, times: ArticleTimes, time: TimeCue, speaker: str, start: int) -> bool:
    """The scene is of an earlier year than the news ("Over a sushi lunch in 2005, Mr. Effron and Mr. Pruzan
    decided to found Centerview") and the story has long left it: more than ``SCENE_PARAGRAPHS`` paragraphs
    after the cue and after the speaker's last words dated from it. The speaker's words there are current
    reporting; a run of quotes from that occasion keeps it."""
    year, published = (time.date or "")[:4], (state.published or "")[:4]
    if not (year.isdigit() and published.isdigit() and year < published):
        return False
    kept = [at for at, who, date, _ in times.said if who and same_person(who, speaker) and date == time.date]
    return paragraphs_between(times.text, max([time.start, *kept]), start) > SCENE_PARAGRAPHS


def document_scene(state: ArticleState, times: ArticleTimes, found: Attribution, speaker: str | None) -> When | None:
    """A document speaking ("the release said", "it stated" of a memo) with no time of its own is the one
    the latest scene before it, in its paragraph or the one before, dated: a document ("Thursday's memo
    from the panel seemed aimed at ...") or the act of putting one out ("on Thursday, the Republican Party
    of Wyoming announced she wasn't coming"), and so are its next quotes; another occasion set last is not
    the document's."""
    if not speaker or not is_document(speaker):
        return None
    before = bisect_left(times.cue_sentences, found.sentence_start)
    for time in reversed(times.cues[:before]):
        if not time.scene:
            continue
        if time.date is None or paragraphs_between(times.text, time.start, found.sentence_start) > DOCUMENT_PARAGRAPHS:
            return None
        if not puts_out(state, time):
            return None
        times.scene_speakers.setdefault(time.start, speaker)  # its next quotes: the same writing
        return time.date, time.basis
    return None


def is_document(speaker: str) -> bool:
    """A speaker named as a writing: "The release", "the statement", "This memo"."""
    words = speaker.lower().split()
    return 2 <= len(words) <= 3 and words[0] in {"the", "this", "that"} and (
        words[-1] in DOCUMENT_NOUNS or words[-1].removesuffix("s") in DOCUMENT_NOUNS
    )


def is_writing(state: ArticleState, time: TimeCue) -> bool:
    """The cue dates a writing ("a State Department inspector general's report earlier this year"): no
    occasion anyone is at, so it interrupts a scene as others' acts do, without ending it."""
    return occasion_noun(state, time) in WRITINGS


def puts_out(state: ArticleState, time: TimeCue) -> bool:
    """The cue dates a writing ("Thursday's memo") or the act of putting one out ("announced")."""
    if occasion_noun(state, time) in DOCUMENT_NOUNS:
        return True
    verb = time.anchor.verb
    return verb >= 0 and state.doc[verb].lower_ in ISSUING_VERBS


def occasion_noun(state: ArticleState, time: TimeCue) -> str:
    """The noun of the occasion the cue dates, without a plural "-s" ("" when it dates none)."""
    occasion = time.anchor.occasion
    return state.doc[occasion].lower_.removesuffix("s") if occasion >= 0 else ""


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


def lead_day(state: ArticleState, times: ArticleTimes, found: Attribution, speaker: str | None) -> When | None:
    """The day of the event the lead tells, in a sentence naming the speaker anywhere ("Now, he is prescribing
    the same discipline for a protester who interrupted him during a rally in Indiana on Sunday"; "Dorothy
    Woods, whose husband ..., discussed the Trump controversy with radio host Hugh Hewitt on Thursday"),
    for their words with no time of their own: the story is of that event, though the parse hangs the day
    on someone else's act or a clause describing them. Only a day of the week before publication, and only
    when no other day is set for a scene between it and the quote; not a commentator's words."""
    if not speaker or is_commentator(state, speaker):
        return None
    before = bisect_left(times.cue_sentences, found.sentence_start)
    for index, time in enumerate(times.cues[:before]):
        if paragraphs_between(times.text, 0, time.start) > LEAD_PARAGRAPHS:
            return None
        if not is_recent_day(state, time) or not is_among(speaker, sentence_people(state, times, time)):
            continue
        later = times.cues[index + 1 : before]
        if any(t.scene and t.date != time.date for t in later) or new_audience(state, times, index, found.sentence_end):
            return None  # another day set since, or words to an audience named after it ("opened up to Decode DC")
        return None if tells_words(state, time) else (time.date, time.basis)
    return None


def is_recent_day(state: ArticleState, time: TimeCue) -> bool:
    """The cue names a day of the week before publication on an act told as past ("interrupted him ... on
    Sunday" in a Tuesday paper; not "The Silver State holds its caucuses on Saturday": one to come)."""
    published, day = parse_iso(state.published), parse_iso(time.date)
    first, last = (published.full() if published else None), (day.full() if day else None)
    verb = state.doc[time.anchor.verb] if time.anchor.verb >= 0 else None
    return (time.basis == "relative" and first is not None and last is not None and verb is not None
            and verb.tag_ in PAST_TAGS and timedelta(days=1) <= first - last <= timedelta(days=7))


def tells_words(state: ArticleState, time: TimeCue) -> bool:
    """The cue's sentence tells words said on another occasion than the one it dates ("The Vermont senator
    told USA TODAY that there are ... provisions in the document approved Saturday"); a verb, not the noun
    "State" or "call"."""
    span = state.doc.char_span(time.start, time.end, alignment_mode="expand")
    return span is not None and any(
        is_speech(t) and t.tag_.startswith("VB") and t.i != time.anchor.verb for t in span.sent
    )


def sentence_people(state: ArticleState, times: ArticleTimes, time: TimeCue) -> frozenset[str]:
    """Everyone the cue's sentence names: each name, and the person each "he" or "him" stands for."""
    span = state.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return frozenset()
    sentence = span.sent
    first = bisect_left(state.mention_starts, sentence.start_char)
    last = bisect_left(state.mention_starts, sentence.end_char)
    names = [(m.start, m.end) for m in state.people.mentions[first:last]]
    pronouns = [(t.idx, t.idx + len(t)) for t in sentence if t.lower_ in PRONOUNS]
    return people_in(state, times, [*names, *pronouns])


def is_commentator(state: ArticleState, speaker: str | None) -> bool:
    """A role the article gives the speaker names one who comments ("economist", "professor at ...")."""
    roles = state.people.roles.get(speaker, []) if speaker else []
    return any(COMMENTATORS & set(role.text.lower().split()) for role in roles)


def paragraphs_between(text: str, start: int, end: int) -> int:
    return text.count("\n\n", start, end) or text.count("\n", start, end)


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
