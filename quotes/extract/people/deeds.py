"""Roles said by what someone does now, in a relative clause on the name: "Elizabeth Wilner, who tracks
political ads for Kantar"; "Cox, who runs the NRA's lobbying arm"; "Herzik, who chairs the political
science department". Printed as written, verb and all, as the labelled gold gives them; only verbs of a
job held (not "who leads in the polls", "who represents a kind of ...")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .role_words import MAX_ROLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Present-tense verbs of a job held, with an object that says what of (the role's "of ...").
JOB_VERBS = frozenset({
    "runs", "chairs", "heads", "directs", "manages", "oversees", "hosts", "teaches", "tracks", "advises",
    "owns", "co-founded", "founded", "edits", "publishes", "coaches", "anchors",
})
CLAUSE_ENDS = frozenset({",", ";", ":", "(", ")", "“", "”", '"', "''", "—", "–"})


def role_by_deed(name: Span) -> tuple[str, bool] | None:
    """"X, who runs a small theater company," -> "runs a small theater company": the relative clause of a
    job verb on the name, up to its end or a comma, when it has an object and is short enough to print."""
    verb = next((c for c in name.root.rights if c.dep_ == "relcl" and c.lower_ in JOB_VERBS), None)
    if verb is None or not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
        return None
    if not any(c.dep_ in {"dobj", "prep"} for c in verb.rights):
        return None
    words: list[Token] = []
    for token in verb.doc[verb.i : verb.right_edge.i + 1]:
        if token.text in CLAUSE_ENDS or (token.dep_ in {"cc", "conj"} and token.head.i == verb.i):
            break
        words.append(token)
    while words and (words[-1].is_punct or words[-1].tag_ in {"IN", "DT", "CC"}):
        words.pop()
    if len(words) < 2 or len(words) > MAX_ROLE_WORDS:
        return None
    return "".join(t.text_with_ws for t in words[:-1]) + words[-1].text, False
