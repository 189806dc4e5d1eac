"""Who said it: the canonical person behind an attribution's mention (pronouns, surnames, descriptions)."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from quotes.extract.attribution import Attribution
from quotes.extract.people import described_by, name_closing_title

from .antecedents import antecedent, mention_name, possessor, sentences_back
from .bodies import body_named_before
from .documents import document_author, document_before
from .joint import joint_speakers
from .references import described_person
from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Doc

DIGEST_DASH = re.compile(r"\s[-–—]\s")  # "headline - Source:": a spaced dash
# Bodies of people working for one person: "his campaign" reads "the Sanders campaign".
BODY_OF_PEOPLE = {"campaign", "camp", "team", "staff", "office", "administration"}
# Nouns of a person's own speech: when one owns it ("Clinton's response"), that person said the words.
OWN_SPEECH = {
    "response", "reply", "answer", "statement", "tweet", "letter", "message", "post", "email", "remarks",
    "comments", "comment", "speech", "testimony", "retort", "rejoinder",
}


def resolve_speaker(state: ArticleState, found: Attribution) -> str | None:
    """The canonical name behind the mention: pronouns to their person, surnames to full names."""
    if found.speaker_label == "PRON" and found.speaker_text.lower() == "it":
        return document_before(state, found.speaker_start)  # "it reads": a document named before
    if (joint := joint_speakers(state, found)) is not None:
        return joint  # "the two lawmakers" after "Goodlatte and ... Trey Gowdy sent a letter"
    if found.speaker_label == "PRON":
        return antecedent(state, found.speaker_start, found.speaker_text.lower())
    if described := described_by(state.doc, found.speaker_start, found.speaker_end):
        return described  # "a senior Cruz adviser" is not Cruz
    described = None if found.speaker_label in {"PERSON", "ORG"} else described_person(
        state, found.speaker_start, found.speaker_end
    )
    if described:  # "the Democratic presidential candidate" stands for the person named before
        return described
    if (titled := titled_person(state, found)) is not None:
        return titled
    if (inside := person_inside(state, found)) is not None:
        return inside
    if found.speaker_label == "PERSON" or state.people.is_person(found.speaker_text):
        k = bisect_left(state.mention_starts, found.speaker_start)
        mentioned = k < len(state.mention_starts) and state.mention_starts[k] < found.speaker_end
        gender = state.people.mentions[k].gender if mentioned else None  # "Ms. Khan" is a woman
        return state.people.canonical(found.speaker_text, found.speaker_start, gender) or None
    if (written := written_person(state, found.speaker_text)) is not None:
        return written
    if found.speaker_label == "NOUN" and (body := described_body(state, found)) is not None:
        return body
    if found.speaker_label == "NOUN" and (author := document_author(state, found.speaker_start, found.speaker_end)):
        return author  # "the statement said": whoever put the statement out
    if (owned := owned_by_pronoun(state, found)) is not None:
        return owned
    # Organisations and descriptions keep their words ("Russia's Defense Ministry"); a digest line's headline
    # before a dash is not the source's ("Media shares blame in Iowa poll overhype - HuffPollster: “...”").
    name = DIGEST_DASH.split(found.speaker_text.replace("’", "'"))[-1].strip(" ,.;:-–—•")
    return (name[:1].upper() + name[1:]) or None


def titled_person(state: ArticleState, found: Attribution) -> str | None:
    """A word of a title the parser took for the speaker ("said Air Force 1st Lt. Tyler Livingston" read
    with the subject "1st"): the person named at the end of the title phrase (``name_closing_title``)."""
    if found.speaker_label == "PERSON":
        return None
    span = state.doc.char_span(found.speaker_start, found.speaker_end, alignment_mode="expand")
    name = None if span is None else name_closing_title(span)
    return None if name is None else state.people.canonical(name.text, name.start_char) or None


def owned_by_pronoun(state: ArticleState, found: Attribution) -> str | None:
    """"His campaign", "her longtime physician": the owner the pronoun stands for, by name ("The Sanders
    campaign", "Donald Trump's longtime physician"); None when the pronoun stands for no one named in this
    sentence or the one before."""
    span = state.doc.char_span(found.speaker_start, found.speaker_end, alignment_mode="expand")
    if span is None or len(span) < 2 or span[0].lower_ not in {"his", "her"} or span.root.tag_ not in {"NN", "NNS"}:
        return None
    owner = antecedent(state, found.speaker_start, span[0].lower_)
    if owner is None or " " not in owner or not named_since(state, owner, sentences_back(state.doc, span.sent.start, 1),
                                                            span.start):
        return None
    rest = span[1:].text
    if span.root.lower_ in BODY_OF_PEOPLE and len(span) == 2:  # "the Sanders campaign", as articles write it
        return f"The {owner.split()[-1]} {rest}"
    return f"{owner}'s {rest}"


def named_since(state: ArticleState, name: str, first: int, last: int) -> bool:
    """``name`` is named between tokens ``first`` and ``last`` (the sentence before and this one, up to the
    pronoun): a possessive printed by name needs its owner that close ("His office" after "Sen. David
    Vitter's case" is not the office of Harry Reid, named a sentence earlier)."""
    begin, end = state.doc[first].idx, state.doc[last].idx
    k = bisect_left(state.mention_starts, begin)
    while k < len(state.mention_starts) and state.mention_starts[k] < end:
        if mention_name(state, k) == name:
            return True
        k += 1
    return False


def described_body(state: ArticleState, found: Attribution) -> str | None:
    """"The conservative-leaning newspaper wrote", "the company said": an organisation described by what it
    is stands for the one named as a subject just before (``bodies.body_named_before``)."""
    span = state.doc.char_span(found.speaker_start, found.speaker_end, alignment_mode="expand")
    return None if span is None else body_named_before(state, span)


def written_person(state: ArticleState, text: str) -> str | None:
    """A person's name the parser read as an organisation or a thing: a surname ("said Unruh" after
    "Colorado's Kendal Unruh"), a full name written so elsewhere ("Carly Fiorina"), or a name with
    what it works for ("The New Republic's Jeet Heer", "Meenakshi Ganguly of Human Rights Watch")."""
    for part in (text, text.rsplit("'s ", 1)[-1], text.rsplit("’s ", 1)[-1], text.split(" of ", 1)[0]):
        words = part.strip(" .,;:").split()
        if not words or not all(w[:1].isupper() for w in words) or len(words) > 3:
            continue
        full = state.people.written_in_full(words[-1].strip(".,"))
        if full is not None and (len(words) == 1 or full == " ".join(words)):
            return state.people.canonical(full)
        if len(words) > 1 and state.people.is_person(part):
            return state.people.canonical(part)
    return None


def person_inside(state: ArticleState, found: Attribution) -> str | None:
    """A mention that is no name but holds one: a clause the parse took for the speaker's phrase
    ("Trump told The Associated Press of ...", "Trump assured Jones"), or someone's own words as the
    subject ("Clinton's response", "Trump's statement"): the person named in it."""
    if found.speaker_label == "PRON":
        return None
    k = bisect_left(state.mention_starts, found.speaker_start)
    if k >= len(state.mention_starts) or state.mention_starts[k] >= found.speaker_end:
        return subject_inside(state, found) or owner_named(state, found)
    if owns_a_thing(state, k):
        return None  # "Syed Farook’s name was announced": the owner of a thing does not speak through it
    mention = state.people.mentions[k]
    # Read through a span, never ``doc.text``: spaCy rebuilds that on every read.
    rest = state.doc.char_span(mention.end, found.speaker_end, alignment_mode="expand")
    after = rest.text if rest is not None and mention.end < found.speaker_end else ""
    own_words = own_speech(state, found)
    clause = any(word[:1].islower() for word in after.split())
    if (mention.start > found.speaker_start and found.speaker_label != "PERSON") or clause or own_words:
        return state.people.canonical(mention.name, mention.start, mention.gender) or None
    return None


def owns_a_thing(state: ArticleState, k: int) -> bool:
    """Mention ``k`` owns a common noun that is no speech of its own ("Syed Farook’s name", "Mr. Kerry's
    actions"; not "Trump's statement"): what that noun heads is not this person's words."""
    owner = possessor(state, k)
    return owner is not None and owner.head.tag_ in {"NN", "NNS"} and owner.head.lower_ not in OWN_SPEECH


def subject_inside(state: ArticleState, found: Attribution) -> str | None:
    """A clause the parser read as one entity and no person ("Trump assured Jones" a work of art): its
    subject, when that is a name the article gives a person."""
    span = state.doc.char_span(found.speaker_start, found.speaker_end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return None
    subject = next((t for t in span if t.dep_ == "nsubj" and t.tag_ == "NNP" and t.head.tag_[:2] == "VB"), None)
    if subject is None or subject.head.i not in range(span.start, span.end) or not state.people.is_person(subject.text):
        return None
    return state.people.canonical(subject.text, subject.idx) or None


def owner_named(state: ArticleState, found: Attribution) -> str | None:
    """Someone's own speech whose owner the parser read as no person ("Sanders’ fundraising email notes",
    the surname tagged a plural noun): the person the article names in full with that surname."""
    span = state.doc.char_span(found.speaker_start, found.speaker_end, alignment_mode="expand")
    if span is None or span.root.lower_ not in OWN_SPEECH:
        return None
    owner = next((c for c in span.root.children if c.dep_ == "poss" and c.text[:1].isupper()), None)
    if owner is None or owner.ent_type_ not in {"", "PERSON", "ORG"}:
        return None
    full = state.people.written_in_full(owner.text.rstrip("’'"))
    return state.people.canonical(full) if full is not None else None


def own_speech(state: ArticleState, found: Attribution) -> bool:
    """The speaker phrase is a person's own speech act: "Clinton's response", "Trump's statement"."""
    span = state.doc.char_span(found.speaker_start, found.speaker_end, alignment_mode="expand")
    if span is None or span.root.lower_ not in OWN_SPEECH:
        return False
    return any(child.dep_ == "poss" and child.ent_type_ == "PERSON" for child in span.root.children)


def is_subject(doc: Doc, offset: int) -> bool:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    while token.dep_ in {"compound", "flat", "appos"} and token.head != token:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}
