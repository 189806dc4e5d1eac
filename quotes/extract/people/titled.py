"""The name a title phrase ends with, when the parser took a word of the title for the speaker: "said Air
Force 1st Lt. Tyler Livingston" (the subject "1st"), "said Oversight ranking Democrat Elijah Cummings"
("Oversight"), "mused Blaze co-host Stu Burguiere" ("Blaze"), "Phoenix Mayor Greg Stanton wrote" (one
entity, read as a work of art): a journalist writes the title first and the name last, and the name is who speaks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .role_words import ABBREVIATED_TITLES, HONORIFICS, PAST_MARKERS, ROLE_NOUNS, TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_TITLE_WORDS = 8  # a title phrase runs on for at most this many words past the mention
# Tags of the words a title phrase is made of: nouns, adjectives, "ranking", "1st", the hyphen of "co-host".
TITLE_TAGS = {"NN", "NNS", "NNP", "NNPS", "JJ", "VBG", "CD", "HYPH"}
NOT_NAMES = TITLE_WORDS | ROLE_NOUNS | ABBREVIATED_TITLES | HONORIFICS | PAST_MARKERS


def name_closing_title(span: Span) -> Span | None:
    """The person's name closing the title phrase that starts with ``span`` (the mention the parser gave
    the verb) and runs on past it: two or more capitalised name words, or a person's entity, after at
    least one word of title; None when the phrase is a name alone, an organisation, or names whom the
    title is of ("a spokesman for Hillary Clinton")."""
    doc = span.doc
    end = span.end
    while end < len(doc) and end - span.end < MAX_TITLE_WORDS and title_word(doc[end]):
        end += 1
    start = end
    while start > span.start and name_word(doc[start - 1]):
        start -= 1
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    name = doc[start:end]
    words = [t for t in name if not t.is_space]  # "Stu\xa0Burguiere": a no-break space is a token of its own
    if start == span.start or not words:
        return None
    if len(words) < 2 and not any(t.ent_type_ == "PERSON" for t in words):
        return None
    prefix = doc[span.start : start]
    if any(t.tag_ in {"IN", "POS", "PRP$", "DT"} or (t.is_punct and t.text not in {"-", "."}) for t in prefix):
        return None  # "a spokesman for Hillary Clinton", "Clinton's aide Huma Abedin": parsed well enough
    return name


def title_word(token: Token) -> bool:
    """A word a title phrase goes on with: a noun, "ranking", "1st", or the abbreviation's stop of "Lt."."""
    if token.is_space:  # a no-break space, not a paragraph's end
        return "\n" not in token.text
    if token.text == "." and token.tag_ in {"NNP", "NN"}:  # "Lt ." split in two, the stop read as a noun
        return True
    if token.ent_type_ in {"DATE", "TIME"}:  # "said ... Tyler Livingston Monday"
        return False
    return (token.tag_ in TITLE_TAGS and not token.is_punct) or token.text == "-"


def name_word(token: Token) -> bool:
    """A capitalised word of a person's name: no title, no group or place the tagger names."""
    return (token.is_space and "\n" not in token.text) or (
        token.tag_ == "NNP"
        and token.is_title
        and token.is_alpha
        and token.ent_type_ in {"", "PERSON", "WORK_OF_ART"}  # a title and name read as a work, after a quote
        and token.lower_.rstrip(".") not in NOT_NAMES
    )
