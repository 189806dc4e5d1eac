"""Clauses that look like the reporting clause and are not, and asides that are.

Adverbial clauses ("when Trump suggested ...", "after Clinton argued ...") set the scene for the
main clause: they neither report the main clause's words nor pass their own words up to it. An
aside set off by commas (", he said,") reports its whole sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words that open a clause of time: what was said in it was said by its own subject.
SUBORDINATORS = {"when", "after", "as", "before", "while", "whenever"}


def is_adverbial_clause(verb: Token) -> bool:
    """The verb heads a clause opened by "when", "after", "as" ... and hangs on a verb outside it."""
    return verb.dep_ == "advcl" and any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in SUBORDINATORS and c.i < verb.i for c in verb.children
    )


def main_clause_subject(cue: Token) -> Token | None:
    """``When Trump suggested that Cuba would sue, Rubio fired back: “...”``: a cue in a clause of time
    before the main clause only sets the scene; the quote the main clause introduces is its subject's,
    even when its verb ("fired back", "shot back") is no reporting verb."""
    if not is_adverbial_clause(cue):
        return None
    main = cue.head
    if main.i < cue.i or not main.tag_.startswith("VB"):
        return None
    return next((c for c in main.children if c.dep_ == "nsubj" and c.i > cue.i), None)


# The verbs of a parenthetical reporting clause (", he said,"), as written.
ASIDE_VERBS = {"said", "says", "added", "adds", "argued", "argues", "noted", "notes", "explained", "explains"}


def parenthetical_cue(token: Token, inside: list[bool]) -> Token | None:
    """``He sincerely believes, he said, that “...”``, ``Nor, he said, did he say anything “...”``: a
    reporting clause set off by commas inside a sentence reports the whole sentence, whatever verb
    of its own the sentence has."""
    doc = token.doc
    for child in token.children:
        if child.dep_ != "parataxis" or child.lower_ not in ASIDE_VERBS or inside[child.i]:
            continue
        left, right = child.left_edge.i, child.right_edge.i  # the commas may be the clause's own
        # Commas of the sentence, not of a quote: `“... that,” Trump said, after` is a tail.
        opened = any(doc[i].text == "," and not inside[i] for i in (left, left - 1) if i >= 0)
        closed = any(doc[i].text == "," and not inside[i] for i in (right, right + 1) if i < len(doc))
        if opened and closed and any(c.dep_ == "nsubj" for c in child.children):
            return child
    return None
