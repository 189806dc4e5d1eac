"""Documents that stand for their author: "the statement said" after "Fox News said in a statement",
"One message ... said:" after "Mateen also posted messages on Facebook"; "it reads" after "The email ...
was sent by Jeremy Bash"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotes.extract.attribution import entity_of, singular

from .antecedents import quote_at, sentences_back
from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Writings someone puts out: a definite one ("the statement") is the one the article said was put out.
DOCUMENT_NOUNS = {"statement", "letter", "message", "memo", "email", "tweet", "post", "release"}
DETERMINERS = {"the", "one", "this", "that"}
LOOK_BACK = 3  # sentences before the mention's own


def document_author(state: ArticleState, start: int, end: int) -> str | None:
    """The author of the document the mention at ``[start, end)`` names: the subject of the nearest
    clause before it, in its own sentence or the ``LOOK_BACK`` before, that puts out a document of the
    same kind ("said in a statement", "issued a statement", "posted messages")."""
    span = state.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    noun = span.root
    word = singular(noun)
    det = next((c.lower_ for c in noun.children if c.dep_ in {"det", "nummod"}), "")
    if word not in DOCUMENT_NOUNS or det not in DETERMINERS or any(c.dep_ == "poss" for c in noun.children):
        return None
    for token in reversed(state.doc[sentences_back(state.doc, noun.sent.start, LOOK_BACK) : span.start]):
        if singular(token) != word or quote_at(state.spans, state.span_starts, token.idx) != -1:
            continue
        author = putter(token)
        if author is not None and (author.root.ent_type_ == "PERSON" or state.people.is_person(author.text)):
            return state.people.canonical(author.text, author.start_char) or None
        if author is not None:
            return " ".join(author.text.split())
    return None


def putter(document: Token) -> Span | None:
    """Who put the document out: the subject of the verb it is the object of ("issued a statement",
    "posted messages") or a phrase of ("said in a statement"), when that is a name."""
    verb = document.head.head if document.dep_ == "pobj" else document.head
    if document.dep_ not in {"dobj", "pobj"} or not verb.tag_.startswith("VB"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.ent_type_ in {"PERSON", "ORG"} or subject.tag_ in {"NNP", "NNPS"}):
        return None  # "Mateen" may be read as a product: a proper name will do
    return entity_of(subject)  # the whole name; a bare proper noun outside any entity is itself


def document_before(state: ArticleState, offset: int) -> str | None:
    """What "it" stands for as a speaker ("“I just tried you on the phone,” it reads"): a document that is
    the main subject of one of the ``LOOK_BACK`` sentences before (those going on with "it" not counted),
    read as its author when the article says who sent it ("The email ... was sent ... by Jeremy Bash"),
    else as written ("The email")."""
    span = state.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return None
    start, seen, walked = span.sent.start, 0, 0
    while start > 0 and seen < LOOK_BACK and walked < 4 * LOOK_BACK:
        sent = state.doc[start - 1].sent
        start, walked = sent.start, walked + 1
        subjects = [t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and (t.head == sent.root or t.lower_ == "it")]
        subject = next((t for t in subjects if quote_at(state.spans, state.span_starts, t.idx) == -1), None)
        if subject is None or subject.lower_ == "it":
            continue  # words the same "it" says, quoted
        if singular(subject) in DOCUMENT_NOUNS and any(c.lower_ in DETERMINERS for c in subject.children):
            return sender(state, subject) or document_words(subject)
        seen += 1
    return None


def sender(state: ArticleState, document: Token) -> str | None:
    """The agent of the verb the document is the passive subject of, when a person: "was sent ... by X"."""
    if document.dep_ != "nsubjpass":
        return None
    agent = next((c for c in document.head.children if c.dep_ == "agent"), None)
    name = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if name is None or not (name.ent_type_ == "PERSON" or state.people.is_person(name.text)):
        return None
    whole = entity_of(name)
    return state.people.canonical(whole.text, whole.start_char) or None


def document_words(document: Token) -> str:
    words = " ".join(document.doc[document.left_edge.i : document.i + 1].text.split())
    return words[:1].upper() + words[1:]
