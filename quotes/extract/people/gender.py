"""Which pronoun stands for a person, from evidence inside the article only (no lists of names).

An honorific ("Mr.", "Mrs.") is set by ``people.py``; this module adds a gendered noun written
next to a name ("spokeswoman Hope Hicks", "his wife, Melania", "Ivanka Trump, his daughter") and,
weakest, the he/she a name is the only possible antecedent of in its own sentence ("Kasich said
he would"). Earlier evidence of a stronger kind is never overwritten.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .index import Mention, PeopleIndex

# Nouns that say the person they name is a woman or a man ("spokesman", "chairman" and "actor" are used of
# both, and are left out).
FEMALE_NOUNS = {
    "spokeswoman", "congresswoman", "chairwoman", "businesswoman", "councilwoman", "actress", "wife",
    "mother", "daughter", "sister", "widow", "girlfriend", "grandmother", "granddaughter", "niece", "aunt",
    "stepmother", "stepdaughter", "anchorwoman", "sportswoman", "policewoman",
}
MALE_NOUNS = {
    "congressman", "businessman", "councilman", "husband", "father", "son", "brother",
    "widower", "boyfriend", "grandfather", "grandson", "nephew", "uncle", "stepfather", "stepson",
    "anchorman", "sportsman", "policeman",
}
# Words between the comma and the head noun of an apposition ("a former", "Trump's eldest").
APPOSITION_MODIFIERS = {"DT", "JJ", "JJS", "JJR", "NNP", "NNPS", "POS", "PRP$", "RB", "CD", "HYPH"}


def add_genders(doc: Doc, index: PeopleIndex) -> None:
    """Complete ``index.genders`` (honorifics already in it) with nouns, then with pronouns. Nouns
    and pronouns that disagree ("her husband, Frank Fiorina" and many "Fiorina ... She" when
    "Carly Fiorina" went untagged) leave the person open: the surname names someone else too."""
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in index.mentions]
    nouns: dict[str, str] = {}
    for mention, span in zip(index.mentions, spans, strict=True):
        gender = noun_gender(doc, span) if span is not None else None
        if gender:
            nouns.setdefault(index.canonical(mention.name, mention.start), gender)
    pronouns = pronoun_genders(index, spans)
    for name in nouns.keys() | pronouns.keys():
        if nouns.get(name, pronouns.get(name)) == pronouns.get(name, nouns.get(name)):
            index.genders.setdefault(name, nouns.get(name) or pronouns[name])


def gender_of(word: str) -> str | None:
    word = word.lower()
    return "she" if word in FEMALE_NOUNS else "he" if word in MALE_NOUNS else None


def noun_gender(doc: Doc, span: Span) -> str | None:
    """A gendered noun right before the name ("spokeswoman Hope Hicks", "his wife, Melania"), opening
    it ("Congresswoman X" read as one name), or heading its apposition ("Ivanka Trump, his daughter,")."""
    start = span.start
    before = [doc[start]]
    if start > 0:
        before.append(doc[start - 1])
    if start > 1 and doc[start - 1].text == ",":
        before.append(doc[start - 2])
    for token in before:
        if token.tag_.startswith("NN") and gender_of(token.text):
            return gender_of(token.text)
    return apposition_gender(doc, span.end)


def apposition_gender(doc: Doc, end: int) -> str | None:
    """The head noun of an apposition after the name: "X, a spokeswoman for", "X, Trump's daughter"."""
    if end >= len(doc) - 1 or doc[end].text not in {",", "-", "–", "—"}:  # "X, his wife," / "X - his wife -"
        return None
    for token in doc[end + 1 : end + 6]:
        if token.tag_ in {"NN", "NNS"}:
            return gender_of(token.text)
        if token.tag_ not in APPOSITION_MODIFIERS:
            return None
    return None


def pronoun_genders(index: PeopleIndex, spans: list[Span | None]) -> dict[str, str]:
    """A sentence whose only person is its subject, then one opening on a subject "he" or "she"
    ("Kasich spoke in Ohio. He said"): a vote for that person; kept when the votes agree 3 to 1."""
    votes: dict[str, Counter[str]] = {}
    by_sentence: dict[int, list[tuple[Mention, Span]]] = {}
    for mention, span in zip(index.mentions, spans, strict=True):
        if span is not None:
            by_sentence.setdefault(span.sent.start, []).append((mention, span))
    for found in by_sentence.values():
        names = {index.canonical(m.name, m.start) for m, _ in found}
        span = found[0][1]
        if len(names) != 1 or not is_subject(span) or pronoun_subject(span.sent):
            continue
        name = names.pop()
        for pronoun in filter(None, (opening_pronoun(span.sent), own_pronoun(span))):
            votes.setdefault(name, Counter())[pronoun] += 1
    kept = {}
    for name, count in votes.items():
        (top, n), *rest = count.most_common()
        if not rest or n >= 3 * rest[0][1]:
            kept[name] = top
    return kept


def is_subject(span: Span) -> bool:
    return any(token.dep_ in {"nsubj", "nsubjpass"} for token in span)


def pronoun_subject(sent: Span) -> bool:
    """The main clause's subject is a pronoun: "she joked about moving if Trump is elected. She ..." goes
    on about her, and says nothing of Trump."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ == "PRP" for c in sent.root.children)


def opening_pronoun(sent: Span) -> str | None:
    """The "he" or "she" opening the sentence after ``sent``, as its subject ("He said ...")."""
    doc = sent.doc
    if sent.end >= len(doc):
        return None
    token = doc[sent.end]
    word = token.lower_
    return word if word in {"he", "she"} and token.dep_ in {"nsubj", "nsubjpass"} else None


def own_pronoun(subject: Span) -> str | None:
    """"Clinton released her records", "Kasich said he would": a "his" or "her" after the subject, or the
    "he" or "she" its verb reports about, in a sentence naming no one else, is the subject's (outside quote
    marks, where "her" may be anyone)."""
    sent = subject.sent
    phrase = {t.i for t in subject.root.subtree}  # "Sarah Jones, his spokeswoman": someone else's "his"
    for token in subject.doc[subject.end : sent.end]:
        if token.i in phrase:
            continue
        if token.is_quote:
            return None
        if token.tag_ == "PRP$" and token.lower_ in {"his", "her"} and not reported(token, subject):
            return "he" if token.lower_ == "his" else "she"
        if token.lower_ in {"he", "she"} and token.dep_ == "nsubj" and saying_back(token, subject):
            return token.lower_
    return None


def saying_back(pronoun: Token, subject: Span) -> bool:
    """The pronoun is the subject of what the subject's own verb reports: "Kasich said he would", "Trump
    says he’s a counterpuncher" (in a sentence naming no one else, the one it goes back to)."""
    return pronoun.head.dep_ == "ccomp" and pronoun.head.head == subject.root.head and subject.root.dep_ == "nsubj"


def reported(token: Token, subject: Span) -> bool:
    """The word is in a clause reporting what the subject said or thinks, a clause that does not hold the
    subject ("Podesta told a lunch group that her position remains firm"): there "her" is whoever the
    report is about, as inside quote marks ("insist that Trump will ..., his rhetoric" is still his)."""
    return any(a.dep_ == "ccomp" and any(c.dep_ == "mark" for c in a.children) and subject.root not in a.subtree
               for a in token.ancestors)
