"""Descriptions a surname only modifies ("a senior Cruz adviser", "the Clinton campaign"): not that person."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Nouns a surname can modify without being that person: "a senior Cruz adviser", "the Clinton campaign".
DESCRIBED_HEADS = {
    "campaign", "adviser", "advisor", "advisers", "advisors", "aide", "aides", "spokesman", "spokeswoman",
    "spokesperson", "official", "officials", "strategist", "strategists", "supporters", "supporter", "team",
    "staffer", "staffers", "surrogate", "surrogates", "allies", "ally", "camp", "staff", "operative",
}


def described_by(doc: Doc, start: int, end: int) -> str | None:
    """The words a surname only modifies: "a senior Cruz adviser" said, not Cruz; None otherwise."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    head = span[-1].head
    if span[-1].dep_ != "compound" or head.tag_ not in {"NN", "NNS"} or head.lower_ not in DESCRIBED_HEADS:
        return None
    if head.dep_ == "compound" or head.i < span[-1].i:  # "Rubio spokesman Alex Conant": Conant speaks
        return None
    words = doc[head.left_edge.i : head.i + 1].text
    return words[:1].upper() + words[1:]
