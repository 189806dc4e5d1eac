"""Roles written by a name, read from the parse wherever the article states them.

- before the name, inside its noun phrase: "Deputy Prime Minister Dmitry Rogozin", "White House
  spokesman Josh Earnest", "actor Andy Garcia", "Secretary of State John Kerry";
- in apposition after it: "Debra Steger, a former negotiator at the World Trade Organization,";
  "Deborah Jordan Reynolds - Santilli's girlfriend and co-host -";
- by a copula in the present tense: "Smith is a retired mail carrier".

A role is printed as the article writes it, whole ("general counsel", never "General"), without a
determiner, a nationality or a country that owns it ("Russia's deputy prime minister" -> "deputy
prime minister"); a possessor that is a person or an organisation stays ("Google's chief human
resources executive"). "then-President" is of another time (``past``); "former President" is what
the person is now. A role whose sentence states a year is tied to that year (``year``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .deeds import role_by_deed
from .groups import role_by_fellow, role_of_group, singular_title
from .role_nouns import names_a_person
from .role_words import (
    ABBREVIATED_TITLES,
    MAX_ROLE_WORDS,
    NOUN_TAGS,
    YEAR,
    after_other_person,
    is_title_noun,
    last_noun,
    role_words,
    tenure_start,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Of these, only "then" puts the role at another time: a "former senator" is one now.
OTHER_TIME = {"then", "then-", "late"}
STOP_TAGS = {"DT", "PRP$", "PRP", "WDT", "WP", "WP$", "EX", "MD", "VB", "VBD", "VBP", "VBZ", "CC", "IN", "TO"}
APPOSITION_OPENERS = {",", "-", "–", "—", "("}
APPOSITION_STOPS = {",", ";", ")", "(", "-", "–", "—", ":", ".", "who", "which", "that", "whose", "where"}
COPULAS = {"is", "'s", "’s"}
WORK_VERBS = {"works", "serves"}  # "who works as a sales manager": what someone does now


@dataclass(frozen=True, kw_only=True)
class Role:
    """A role the article gives a person at one mention."""

    at: int  # where the mention it belongs to starts
    text: str
    past: bool = False  # marked as of another time ("then-President", "the late")
    year: str | None = None  # a year stated in the role's sentence: the role held then
    dated: str | None = None  # a year in the role's own words ("for Kerry's 2004 campaign"): held then
    quoted: bool = False  # written inside someone's words ("Trump is a businessman," Adelson said)


def roles_at_mention(doc: Doc, start: int, end: int, ents: Sequence[Span] | None = None) -> list[Role]:
    """Every role written at the name occupying tokens ``[start, end)``, the nearest first; ``ents``
    is ``doc.ents`` when the caller has read it once (rebuilt per call it makes long articles quadratic)."""
    name = doc[start:end]
    copula = role_by_copula(name)
    found = [role_before(doc, name), role_after(doc, name) or role_before_apposition(name) or role_fronted(name),
             copula, role_by_relative(name) or role_by_work(name) or role_by_deed(name), role_of_group(name),
             role_by_fellow(name)]
    year = stated_year(name, doc.ents if ents is None else ents)
    # "Feinberg said she intended to show that Trump is a fascist": someone's claim, as if in quote marks
    claimed = copula is not None and name.root.head.dep_ == "ccomp"
    roles = [Role(at=name.start_char, text=text, past=past, year=year, dated=own_year(text),
                  quoted=claimed and (text, past) == copula) for text, past in filter(None, found)]
    was = role_was_in(name)  # "Wendy Sherman, who was undersecretary of state in 2013": held in 2013
    return [*roles, Role(at=name.start_char, text=was[0], past=True, year=was[1])] if was else roles


def own_year(text: str) -> str | None:
    """A year the role's own words tie it to ("deputy manager for Kerry's 2004 campaign"): the role held then."""
    years = set(YEAR.findall(text))
    return years.pop() if len(years) == 1 else None


def stated_year(name: Span, ents: Sequence[Span]) -> str | None:
    """A year that dates the clause the name is in ("In 2008, Illinois Sen. Barack Obama said"), if any;
    not a year elsewhere in the sentence ("Earnest said Obama kept in touch since his election in 2012")."""
    verb = clause_verb(name.root)
    for ent in sentence_ents(name.sent, ents):
        found = YEAR.search(ent.text) if ent.label_ == "DATE" else None
        if found and ent.start < name.start and clause_verb(ent.root) == verb:
            return found.group(0)
    return None


def sentence_ents(sent: Span, ents: Sequence[Span]) -> list[Span]:
    """``sent.ents`` read from the document's entities ``ents`` (in order): those wholly inside it,
    up to the first that starts inside and runs past its end."""
    inside = []
    for k in range(bisect_left(ents, sent.start, key=lambda e: e.start), len(ents)):
        if ents[k].end > sent.end:
            break
        inside.append(ents[k])
    return inside


def clause_verb(token: Token) -> int:
    """The index of the verb whose clause a token is in (-1 if none)."""
    while token.tag_[:2] != "VB":
        if token.head.i == token.i:
            return -1
        token = token.head
    return token.i


def role_before(doc: Doc, name: Span) -> tuple[str, bool] | None:
    """The words before the name that belong to its noun phrase: "White House spokesman [Josh Earnest]"."""
    subtree = {t.i for t in name.root.subtree}
    words: list[Token] = []
    last = before_spaces(doc, name.start)  # "Sen.  Lindsey Graham": a double space is no break
    i = last
    while i >= 0 and i in subtree and doc[i].tag_ not in STOP_TAGS - {"IN", "CC"} and not ends_phrase(doc[i]):
        words.insert(0, doc[i])
        i -= 1
    words = after_other_person(words)  # "Donald Trump and House Speaker [Paul Ryan]": not Trump's
    past = any(w.lower_ in OTHER_TIME or w.lower_.startswith("then-") for w in words)
    past = past or (i >= 0 and doc[i].lower_ in OTHER_TIME)
    while words and (words[0].tag_ in {"IN", "CC", "POS"} or words[0].is_punct):
        words.pop(0)
    if not words and last >= 0 and is_short_title(doc[last]):
        words = [doc[last]]  # "The Caucus and Sen. Chuck Schumer": the parser hung "Sen." elsewhere
    whole = title_of_phrase(doc, name)  # only when it starts before what the parse gave ("House Rep." of it)
    whole = whole if whole and (not words or whole[0].i < words[0].i) else []
    past = past or any(w.lower_ in OTHER_TIME or w.lower_.startswith("then-") for w in whole)
    words = whole or conjoined_title(doc, name) or words or sibling_title(doc, name)
    shared = plural_title_of(doc, name) if not words else None
    words = shared or words
    # A title the entity took in ("Founder Beverly Bond") is a role; another name is not ("Judge Richard Posner").
    if not words or words[-1].tag_ not in NOUN_TAGS or (
            words[-1].ent_type_ == "PERSON" and not is_title_noun(words[-1])):
        return None
    if words[-1].tag_ == "NNS" and coordinated(name):  # "Morning Joe hosts Joe Scarborough and Mika Brzezinski"
        shared_text = singular_title(words)
        return (shared_text, past) if shared_text else None
    text = role_words(words, head_names_person=True)
    return (text, past) if text else None


def before_spaces(doc: Doc, start: int) -> int:
    """The index of the last token before ``start`` that is not white space (-1 if none)."""
    i = start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i


def sibling_title(doc: Doc, name: Span) -> list[Token]:
    """Title-case words naming what someone is, hung beside the name instead of on it (a headline's
    "Benghazi Widow Dorothy Woods Defends Trump"): the compounds right before it on the name's head."""
    i = name.start - 1
    words: list[Token] = []
    while i >= 0 and doc[i].dep_ == "compound" and doc[i].head.i == name.root.head.i != name.root.i and doc[i].is_title:
        words.insert(0, doc[i])
        i -= 1
    while words and i >= 0 and doc[i].dep_ == "compound" and doc[i].head.i == words[0].i and doc[i].is_title:
        words.insert(0, doc[i])  # "Benghazi" of "Benghazi Widow"
        i -= 1
    return words if words and names_a_person(words[-1].text) else []


PHRASE_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "DT", "IN", "JJ"})


def title_of_phrase(doc: Doc, name: Span) -> list[Token]:
    """A capitalised title with what it is of, right before the name, that the parser cut at its "of"
    ("Speaker of the House Rep. [Paul Ryan]", "Chairman of the Joint Chiefs Gen. [Joseph Dunford]": the name
    made the object of "of"): the whole title from its first word, never the fragment after "the"."""
    i = before_spaces(doc, name.start)
    last = doc[i] if i >= 0 else None  # a word of the name's own phrase cut off ("National" of "National Intelligence")
    if last is None or (name.start <= last.head.i < name.end and not is_short_title(last)):
        return []
    while i > 0 and name.start - i <= MAX_ROLE_WORDS and doc[i].tag_ in PHRASE_TAGS | {"."} and (
            doc[i].tag_ != "IN" or doc[i].lower_ == "of"):
        title = doc[i - 1]
        if doc[i].lower_ == "of" and title.text[:1].isupper() and title.tag_ in {"NN", "NNP"} and names_a_person(
                title.text) and title.ent_type_ != "PERSON":
            start = title.left_edge.i  # "former Speaker of the House"
            return list(doc[start if start > name.start - MAX_ROLE_WORDS else title.i : name.start])
        i -= 1
    return []


def conjoined_title(doc: Doc, name: Span) -> list[Token]:
    """The first of titles joined by "and" before the name, the parser having joined the name to it as a
    second person: "former CIA operative and Marine [John Tiegen] found" -> "former CIA operative" (one
    person: the first title has no determiner; "the governor and John Smith" are two)."""
    head = name.root.head
    if name.root.dep_ != "conj" or head.i >= name.start or head.tag_ != "NN" or head.ent_type_ == "PERSON":
        return []
    if not names_a_person(head.text) or any(c.dep_ in {"det", "poss"} for c in head.children):
        return []
    between = doc[head.i + 1 : name.start]
    # nothing but "and" and words of the name's own phrase ("Marine", "John", the nickname) between
    if not between or between[0].lower_ != "and" or any(
            t.i != between[0].i and not head.i < t.head.i < name.end for t in between):
        return []
    return list(doc[head.left_edge.i : head.i + 1])


def coordinated(name: Span) -> bool:
    """The name is one of names joined by "and": the first ("X" of "X and Y") or a later one."""
    root = name.root
    later = root.dep_ == "conj" and root.head.ent_type_ == "PERSON"
    return later or any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in root.children)


def plural_title_of(doc: Doc, name: Span) -> list[Token] | None:
    """The plural title before the first of coordinated names, for a later one: "Reps. Chris Collins and
    [Duncan Hunter]"."""
    first = name.root.head
    if name.root.dep_ != "conj" or first.ent_type_ != "PERSON" or first.i >= name.start:
        return None
    start = first.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    subtree = {t.i for t in first.subtree}
    words: list[Token] = []
    i = start - 1
    while i >= 0 and i in subtree and doc[i].tag_ in NOUN_TAGS | {"JJ", "."}:
        words.insert(0, doc[i])
        i -= 1
    nouns = [w for w in words if w.tag_ in NOUN_TAGS and not w.is_punct]
    if not nouns or not (nouns[-1].tag_ == "NNS" or nouns[-1].lower_.removesuffix("s") in ABBREVIATED_TITLES):
        return None
    return words


def is_short_title(token: Token) -> bool:
    """An abbreviated title written right before a name ("Sen.", "Gov."): always that name's."""
    title = token.lower_.rstrip(".") in ABBREVIATED_TITLES - {"dr"}
    return title and token.text[:1].isupper() and token.text.endswith(".")


def ends_phrase(token: Token) -> bool:
    """Punctuation that closes what comes before the name (a hyphen or an apostrophe-s does not)."""
    return token.is_punct and token.text not in {"-", "'s", "’s", "'", "’", "."} and not token.text.endswith(".")


def role_after(doc: Doc, name: Span) -> tuple[str, bool] | None:
    """An apposition after the name: "X, a former negotiator at the WTO," / "X - his girlfriend -"."""
    end = name.end
    if end >= len(doc) - 1 or doc[end].text not in APPOSITION_OPENERS:
        return None
    start = end + 1
    if doc[start].like_num and start + 1 < len(doc) and doc[start + 1].text == ",":  # "X, 62, a retired ..."
        start += 2
    if doc[start].tag_ == "IN":  # "Trump, for years a registered Democrat,": a circumstance, not what he is
        return None
    words = noun_phrase(doc, start)
    if words and words[-1].tag_ != "CC" and subject_of_next_verb(doc, words):
        return None  # "with X and Y, the candidate stated": the phrase is the verb's subject
    if not words or (words[-1].tag_ not in NOUN_TAGS and tenure_start(words) is None):  # "... from 2007 to 2013" stays
        words = words[: last_noun(words) + 1]
    if not words or all(w.ent_type_ in {"PERSON", "GPE", "DATE", "CARDINAL"} for w in words):
        return None  # a list of names or places, an age, a date: no role
    past = any(w.lower_ in OTHER_TIME or w.lower_.startswith("then-") for w in words)
    text = role_words(words, head_names_person=True)
    return (text, past) if text else None


def noun_phrase(doc: Doc, start: int) -> list[Token]:
    """The words of a noun phrase starting at ``start``, up to a comma, a relative pronoun or a verb."""
    words: list[Token] = []
    for token in doc[start : start + MAX_ROLE_WORDS + 2]:
        hyphen = token.text == "-" and not token.whitespace_  # "self-described": a word, not a dash
        if (token.lower_ in APPOSITION_STOPS and not hyphen) or token.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
            break
        if token.tag_ == "VB" or (token.tag_ in {"VBG", "VBN"} and token.dep_ not in {"amod", "compound"}):
            break
        words.append(token)
    return words


def subject_of_next_verb(doc: Doc, words: list[Token]) -> bool:
    """A finite verb right after the phrase whose subject is the phrase, or that has none (misparsed): "In
    an interview with Jake Tapper, the candidate said" is the candidate speaking, not Tapper's role."""
    i = words[-1].i + 1
    if i >= len(doc) or doc[i].tag_ not in {"VBD", "VBZ", "VBP"}:
        return False
    subjects = [c.i for c in doc[i].children if c.dep_ in {"nsubj", "nsubjpass"}]
    # the phrase's own head, not a noun of what it is of ("a co-author of ''Those Guys Have All the Fun''")
    of = next((w.i for w in words if w.tag_ == "IN"), words[-1].i + 1)
    return not subjects or any(words[0].i <= s < of for s in subjects)


def role_before_apposition(name: Span) -> tuple[str, bool] | None:
    """The name in apposition to the role before it: "Google's chief human resources executive, Laszlo Bock, told"."""
    root = name.root
    while root.dep_ == "conj" and root.head.ent_type_ == "PERSON" and root.head.i < root.i:
        root = root.head  # "Democratic candidates Hillary Clinton and [Bernie Sanders]": the first name's
    head = root.head
    if root.dep_ != "appos" or head.i >= name.start or head.tag_ not in NOUN_TAGS or head.ent_type_ == "PERSON":
        return None
    start = head.left_edge.i
    holder = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else None
    # "the owner of the Woodmont Country Club, Mark Schmidt": the parser hangs the name on the club.
    if holder is not None and holder.tag_ == "NN" and holder.i < head.i and names_a_person(holder.text):
        start = holder.left_edge.i
    words = [t for t in name.doc[start : head.i + 1]]
    past = any(w.lower_ in OTHER_TIME or w.lower_.startswith("then-") for w in words)
    if head.tag_ == "NNS" and coordinated(name):  # "with Morning Joe hosts Joe Scarborough and Mika Brzezinski"
        text = singular_title(words)
        return (text, past) if text else None
    text = role_words(words, head_names_person=True)
    return (text, past) if text else None


def role_fronted(name: Span) -> tuple[str, bool] | None:
    """A phrase before the name and its comma that the parser made a second subject of the name's verb:
    "Now the chancellor of Baylor University, Starr has dealt with ..."."""
    root = name.root
    if root.dep_ != "nsubj" or name.start < 2 or name.doc[name.start - 1].text != ",":
        return None
    head = next((c for c in root.head.children if c.dep_ in {"nsubj", "npadvmod"} and c.i < name.start - 1
                 and c.right_edge.i == name.start - 2 and c.tag_ in {"NN", "NNP"}), None)
    if head is None or head.ent_type_ == "PERSON" or head.left_edge.lower_ not in {"the", "a", "an"}:
        return None
    text = role_words(list(name.doc[head.left_edge.i : head.right_edge.i + 1]), head_names_person=True)
    return (text, False) if text else None


def role_was_in(name: Span) -> tuple[str, str] | None:
    """A past relative clause of being that says when: "X, who was undersecretary of state in 2013," ->
    the role and its year (a role held then, in force for words said that year)."""
    verb = next((c for c in name.root.rights if c.dep_ == "relcl" and c.lower_ == "was"), None)
    if verb is None or not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
        return None
    years = {m.group(0) for t in verb.subtree if t.ent_type_ == "DATE" for m in [YEAR.fullmatch(t.text)] if m}
    attr = next((c for c in verb.rights if c.dep_ == "attr" and c.tag_ in {"NN", "NNP"}), None)
    if attr is None or len(years) != 1 or attr.ent_type_ == "PERSON":
        return None
    words = noun_phrase(verb.doc, attr.left_edge.i)
    text = role_words(words[: last_noun(words) + 1], head_names_person=True)
    return (text, years.pop()) if text else None


def role_by_copula(name: Span) -> tuple[str, bool] | None:
    """A present-tense "is a ...": "Smith is a retired mail carrier" (not "was": a past role)."""
    root = name.root
    if root.dep_ != "nsubj" or root.head.lower_ not in COPULAS:
        return None
    return attribute_role(root.head)


def role_by_relative(name: Span) -> tuple[str, bool] | None:
    """A present-tense relative clause of being on the name: "Mr. Guerrero, who is an actor, said"; "X,
    who is now the presumptive Republican nominee" (not "who was": a past role)."""
    verb = next((c for c in name.root.rights if c.dep_ == "relcl" and c.lower_ in COPULAS), None)
    if verb is None or not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
        return None
    return attribute_role(verb)


def attribute_role(verb: Token) -> tuple[str, bool] | None:
    """The role a copula gives its subject: "is a retired mail carrier", "is the ..." (not "is one of ...",
    "is less ...", "is not a ...")."""
    attr = next((c for c in verb.rights if c.dep_ == "attr" and c.tag_ == "NN"), None)
    if attr is None or attr.ent_type_ == "PERSON" or attr.left_edge.lower_ not in {"a", "an", "the"}:
        return None
    if any(c.dep_ == "neg" for c in verb.children):  # "Trump isn't the first politician ...": what he is not
        return None
    if any(t.tag_ in {"JJR", "RBR", "JJS"} for t in attr.lefts):
        return None
    words = noun_phrase(verb.doc, attr.left_edge.i)
    words = words[: last_noun(words) + 1]
    text = role_words(words, head_names_person=True)
    return (text, False) if text else None


def role_by_work(name: Span) -> tuple[str, bool] | None:
    """A present-tense "works as" / "serves as" of the name: "Ms. Gedrich, who works in retail as a sales
    manager, said"; "Smith serves as the county's treasurer" (not "worked as": a past role)."""
    root = name.root
    verb = next((c for c in root.rights if c.dep_ == "relcl" and c.lower_ in WORK_VERBS), None)
    if verb is not None and not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
        verb = None
    if verb is None and root.dep_ == "nsubj" and root.head.lower_ in WORK_VERBS:
        verb = root.head
    prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as"), None) if verb else None
    noun = next((c for c in prep.children if c.dep_ == "pobj" and c.tag_ == "NN"), None) if prep else None
    if noun is None or noun.ent_type_ == "PERSON":
        return None
    words = noun_phrase(noun.doc, noun.left_edge.i)
    text = role_words(words[: last_noun(words) + 1], head_names_person=True)
    return (text, False) if text else None
