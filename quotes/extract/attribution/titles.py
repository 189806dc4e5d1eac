"""Quoted stretches that name something instead of reporting words: titles of works, lists of them,
headlines with their byline, and labels that modify a noun (``the “Never Trump” movement``).

Pure text rules, plus one look at the parse for the noun a label modifies.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quotes.text import QuoteSpan

from .cues import REPORTING_VERBS, Attribution, pos, verb_base

if TYPE_CHECKING:
    from spacy.tokens import Doc

SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is"}
TITLE_CUES = {"on", "of", "in", "to", "from", "at", "with", "for", "show", "program", "programme", "book",
              "film", "movie", "series", "titled", "entitled", "memoir", "novel", "song", "album", "magazine",
              "newspaper", "column", "op-ed", "editorial", "podcast", "documentary", "episode", "play",
              "like", "including", "starred", "films", "movies", "books", "shows"}
# Words shouted together: what follows "chants of" is said, however it is capitalised.
CHANT_NOUNS = {"chant", "chants", "cry", "cries", "call", "calls", "shout", "shouts", "chorus", "choruses"}
WORD_RE = re.compile(r"\w[\w’']*")  # a word starts with a letter or digit, never a mark
# Between the items of a list of titles: commas, "and", "or" and closing marks only.
LIST_GAP = re.compile(r"[\s,”\"']*(?:(?:and|or|&)\s*)?$")
# A headline and its byline: ``"Met accused of whitewashing," by Post's Kathianne Boniello``.
BYLINE_AFTER = re.compile(r"[,.]?\s*by\s+[A-Z]")
# A title described right after it: ``''Equity,'' a thriller about ...``, ``an HBO series``.
DESCRIBED_WORK = re.compile(
    r"[,\s]*(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}(?:show|series|film|movie|book|novel|memoir|documentary|song"
    r"|album|play|musical|sitcom|drama|thriller|comedy|biography|podcast|column|ad|spot|video)\b"
)


def looks_like_a_name(content: str) -> bool:
    """``"Southern Strategy"``, ``"Today"``: capitalised words and no sentence end name something."""
    return capitalised(content) and content.rstrip(" ,")[-1:] not in {".", "!", "?"}


def capitalised(content: str) -> bool:
    words = WORD_RE.findall(content)
    return bool(words) and all(w[0].isupper() or w[0].isdigit() or w.lower() in SMALL_WORDS for w in words)


def names_something(doc: Doc, text: str, spans: list[QuoteSpan], i: int, found: Attribution | None) -> bool:
    """The quote names a work, a list of works, a headline or a label: nobody is quoted.

    PolNeAR-style news counts a name as quoted when a reporting verb reports it ("NBC announced
    ... the ''Today'' show"), so the looser rules apply only where no such verb does."""
    span = spans[i]
    if is_title_of_work(text, span) or is_headline(text, span) or is_subheading(text, span):
        return True
    if inside_speaker(span, found):
        return True
    if found is None or reported_by_verb(found):
        return False
    return (
        title_after_possessive(text, span)
        or in_list_of_titles(text, spans, i)
        or described_as_a_work(text, span)
        or modifies_a_noun(doc, span)
    )


def reported_by_verb(found: Attribution) -> bool:
    """A listed reporting verb (not "was", "holding") or "according to" attributes the quote."""
    return found.method != "subject" and (
        found.cue in {"according to", ":"} or verb_base(found.cue.lower()) in REPORTING_VERBS
    )


def inside_speaker(span: QuoteSpan, found: Attribution | None) -> bool:
    """``the “Never Trump” movement continues``: a quote inside the speaker's own words names them
    (a transcript line names its speaker inside the quote, and is quoted)."""
    return found is not None and found.method != "transcript" and found.speaker_start <= span.start < found.speaker_end


def is_title_of_work(text: str, span: QuoteSpan) -> bool:
    """``on "Meet the Press."``, ``his book "The Art of the Deal"``: a capitalised name after a
    preposition or a media noun is a title, not something said (``chants of "Feel the Bern!"`` is said)."""
    before = title_shaped(text, span)
    if before[-2:-1] and before[-1] == "of" and before[-2] in CHANT_NOUNS:
        return False
    return bool(before) and (before[-1] in TITLE_CUES or before[-1].endswith(("’s", "'s")))


def title_after_possessive(text: str, span: QuoteSpan) -> bool:
    """``CBS' ''60 Minutes''``, ``cult classic “Thelma and Louise”``."""
    before = title_shaped(text, span)
    return bool(before) and (before[-1] == "classic" or before[-1].endswith(("'", "’")))


def title_shaped(text: str, span: QuoteSpan) -> list[str]:
    """The lower-cased words before a quote shaped like a title (capitalised, short), else none."""
    content = text[span.start : span.end]
    words = WORD_RE.findall(content)
    # A subtitle after a colon makes titles long: "Backfire: Carly Fiorina's High-Stakes Battle ..."
    if not words or len(words) > (14 if ":" in content else 8) or not capitalised(content):
        return []
    return [w.lower() for w in WORD_RE.findall(text[max(0, span.open_at - 40) : span.open_at])]


def in_list_of_titles(text: str, spans: list[QuoteSpan], i: int) -> bool:
    """``shows like "24," "Prison Break" and "Gilmore Girls"``: short capitalised quotes joined only by
    commas and "and" are names (of shows, films, books), not words someone said."""
    if not short_name(text, spans[i]):
        return False
    before, after = (spans[i - 1] if i > 0 else None), (spans[i + 1] if i + 1 < len(spans) else None)
    joined_before = before is not None and before.close_at is not None and joined(text, before, spans[i])
    joined_after = after is not None and spans[i].close_at is not None and joined(text, spans[i], after)
    return (joined_before and short_name(text, before)) or (joined_after and short_name(text, after))


def short_name(text: str, span: QuoteSpan | None) -> bool:
    """Capitalised, at most eight words, a full stop at most at its very end (NYT closes inside)."""
    if span is None:
        return False
    content = text[span.start : span.end].rstrip(" ,.")
    return capitalised(content) and len(WORD_RE.findall(content)) <= 8 and not re.search(r"[.!?]\s", content)


def joined(text: str, first: QuoteSpan, second: QuoteSpan) -> bool:
    assert first.close_at is not None
    return first.paragraph == second.paragraph and bool(LIST_GAP.match(text[first.close_at : second.open_at]))


def text_after(text: str, span: QuoteSpan) -> str:
    after = text[span.close_at + 1 : span.close_at + 80] if span.close_at is not None else ""
    return after[1:] if after.startswith("'") else after  # the second apostrophe of NYT's doubled mark


def is_headline(text: str, span: QuoteSpan) -> bool:
    """``"Pop-up art show strives to ...," by DNAinfo's Eddie Small``: a headline and its byline
    (``"anointed" by God`` is a fragment: a headline starts upper case and ends with its comma)."""
    content = text[span.start : span.end]
    return content[:1].isupper() and content.endswith(",") and bool(BYLINE_AFTER.match(text_after(text, span)))


def is_subheading(text: str, span: QuoteSpan) -> bool:
    """``“DIVISIVE, STUPID AND WRONG”`` alone on its line: a wire story's section heading, not words said
    (capitals inside a sentence, ``chanting “USA! USA!”``, are still quoted)."""
    if span.close_at is None:
        return False
    line_start = text.rfind("\n", 0, span.open_at) + 1
    line_end = text.find("\n", span.close_at)
    after = text[span.close_at + 1 : line_end if line_end >= 0 else len(text)]
    if text[line_start : span.open_at].strip() or after.strip(" '.\t"):
        return False
    content = text[span.start : span.end]
    words = re.findall(r"[A-Za-z]+", content)
    return len(words) >= 3 and all(w.isupper() for w in words) and content.rstrip()[-1:] not in {".", "!", "?"}


def described_as_a_work(text: str, span: QuoteSpan) -> bool:
    """``''Tales From the Crypt,'' an HBO series``: a title described right after its closing mark."""
    content = text[span.start : span.end].rstrip(" ,.")
    return capitalised(content) and bool(DESCRIBED_WORK.match(text_after(text, span)))


def modifies_a_noun(doc: Doc, span: QuoteSpan) -> bool:
    """``the “Never Trump” movement``, ``"Hillary for Prison" shirts``: a label modifying the common
    noun right after its closing mark names that thing; nobody is quoted."""
    region = doc.char_span(span.start, span.end, alignment_mode="expand")
    if region is None or span.close_at is None:
        return False
    head = region.root.head
    if region.root.dep_ not in {"compound", "amod", "nmod"} or head.i < region.end:
        return False
    between = [t for t in doc[region.end : head.i] if not t.is_space]
    marks_only = all(t.tag_ in {"''", "``"} or t.text in {"'", "''", "”", '"'} for t in between)
    return marks_only and pos(head) == "NOUN" and head.text.islower()
