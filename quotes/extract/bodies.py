"""The role of an organisation whose words are quoted: what the article says it is, at its name
("Judicial Watch, a government watchdog group", ``people.body_roles_at``) or in a description that
stands for it ("The government watchdog group filed a lawsuit", after "Judicial Watch stated ..."), as a
person's role is printed. The description is read as the body that is the subject of a clause in the
sentences just before (``body_named_before``), as a quote's speaker "the newspaper wrote" is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotes.extract.people import body_roles_at, body_text

from .antecedents import quote_at, sentences_back
from .state import ArticleState

if TYPE_CHECKING:
    from spacy.tokens import Span

# Nouns for an organisation by what it is that stand for one named just before ("the newspaper wrote").
BODY_NOUNS = {
    "newspaper", "paper", "network", "group", "organization", "organisation", "company", "firm", "agency",
    "outlet", "magazine", "station", "foundation", "publication", "broadcaster", "channel",
}


def body_role(state: ArticleState, speaker: str, quote_at_: int) -> str | None:
    """What the article says the body ``speaker`` is: the latest said before the quote at ``quote_at_``,
    else the first after; None for a person or a body it says nothing about."""
    if state.people.is_person(speaker) or not a_name(speaker):
        return None
    roles = state.body_roles.get(speaker)
    if roles is None:
        roles = sorted(body_roles_at(state.doc, speaker) + described_bodies(state, speaker))
        state.body_roles[speaker] = roles
    before = [text for at, text in roles if at <= quote_at_]
    return before[-1] if before else (roles[0][1] if roles else None)


def described_bodies(state: ArticleState, name: str) -> list[tuple[int, str]]:
    """Descriptions of the body ``name`` used as a clause's subject outside quotes: "The government
    watchdog group filed ...", "the conservative-leaning newspaper wrote"."""
    found = []
    for token in state.doc:
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.tag_ != "NN" or token.lower_ not in BODY_NOUNS:
            continue
        det = next((c for c in token.lefts if c.dep_ == "det"), None)
        if det is None or det.lower_ != "the" or quote_at(state.spans, state.span_starts, token.idx) != -1:
            continue
        span = state.doc[det.i : token.i + 1]
        # "the agency" only refers; "the Clinton foundation" names its own body
        says_what = len(span) > 2 and not any(t.tag_ in {"NNP", "NNPS"} for t in span)
        text = body_text(list(span)) if says_what and same_body(body_named_before(state, span), name) else None
        if text:
            found.append((span.start_char, text))
    return found


def a_name(speaker: str) -> bool:
    """The speaker is a body's name ("The Global Times"), not a description ("The trade group for ..."),
    whose words already say what it is."""
    words = speaker.split()
    words = words[1:] if words and words[0].lower() == "the" else words
    return bool(words) and words[0][:1].isupper()


def same_body(a: str | None, b: str) -> bool:
    """Two writings of one body's name, with or without "the"."""
    return a is not None and a.lower().removeprefix("the ") == b.lower().removeprefix("the ")


def body_named_before(state: ArticleState, span: Span) -> str | None:
    """The body a description ``span`` ("the conservative-leaning newspaper") stands for: the one that is
    the subject of a clause in the sentences just before (outside quotes): "The Wall Street Journal
    called on Trump ...", "Twitter acknowledged ..."."""
    if span[0].lower_ != "the" or span.root.tag_ != "NN" or span.root.lower_ not in BODY_NOUNS:
        return None
    for token in reversed(state.doc[sentences_back(state.doc, span.root.sent.start, 2) : span.start]):
        if token.dep_ not in {"nsubj", "nsubjpass"} or quote_at(state.spans, state.span_starts, token.idx) != -1:
            continue
        start, end = token.i, token.i + 1
        if token.lower_ == span.root.lower_:  # "the trade group for the Blue Cross plans ... the group wrote"
            start = token.left_edge.i
            end = next((t.i for t in state.doc[token.i : token.right_edge.i + 1] if t.text == "," or t.dep_ == "relcl"),
                       token.right_edge.i + 1)
        elif token.ent_type_ == "ORG":
            while start > 0 and state.doc[start].ent_iob_ == "I":
                start -= 1
        else:
            continue
        name = " ".join(state.doc[start:end].text.split())
        return name[:1].upper() + name[1:]
    return None
