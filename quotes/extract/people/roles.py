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

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .nationality import drop_countries
from .role_nouns import ROLE_NOUNS as LISTED_NOUNS
from .role_nouns import names_a_person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Head nouns a title ends with; modifiers before them ("Deputy Prime", "Defense") are kept. Also the
# words a name's entity may wrongly begin with (``index.clean_name`` strips them).
TITLE_HEADS = {
    "president", "minister", "secretary", "senator", "sen.", "rep.", "representative", "governor",
    "gov.", "mayor", "chancellor", "premier", "ambassador", "spokesman", "spokeswoman", "spokesperson",
    "chairman", "chairwoman", "chair", "director", "chief", "general", "gen.", "admiral", "commander",
    "king", "queen", "prince", "leader", "speaker", "envoy", "attorney", "judge", "justice", "nominee",
    "candidate", "adviser", "advisor", "ceo", "head", "officer", "manager", "congressman",
    "congresswoman", "councilman", "councilwoman", "pope", "prosecutor", "sheriff", "lt.", "col.",
}
TITLE_WORDS = TITLE_HEADS | {
    "deputy", "vice", "prime", "first", "acting", "foreign", "defense", "defence", "state", "interior",
    "finance", "economy", "energy", "trade", "justice", "health", "education", "national", "security",
    "press", "white", "house", "chief", "of", "staff", "executive", "general", "supreme", "majority",
    "minority", "senate", "republican", "democratic", "presidential", "campaign", "foreign-policy",
    "assistant", "under", "lieutenant", "communications", "policy", "senior", "top", "whip",
}
# Nouns of what people do that a capitalised title glues onto a name ("Political Editor Matthew Boyle",
# "Founder Beverly Bond", "Billionaire Donald Trump"): never part of the name.
ROLE_NOUNS = {
    "editor", "founder", "co-founder", "cofounder", "host", "anchor", "reporter", "correspondent", "columnist",
    "producer", "analyst", "professor", "billionaire", "businessman", "businesswoman", "mogul", "actor",
    "actress", "singer", "rapper", "author", "writer", "comedian", "pastor", "reverend", "bishop", "rabbi",
    "coach", "sheriff", "detective", "officer", "chairwoman", "chairperson", "strategist", "pollster",
    "economist", "lawyer", "activist", "owner", "publisher", "commissioner", "treasurer", "delegate",
}
LISTED_ROLE_NOUNS = LISTED_NOUNS | TITLE_HEADS | ROLE_NOUNS
PAST_MARKERS = {"then", "then-", "former", "ex", "ex-", "late", "onetime", "one-time"}
# Of these, only "then" puts the role at another time: a "former senator" is one now.
OTHER_TIME = {"then", "then-", "late"}
NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
STOP_TAGS = {"DT", "PRP$", "PRP", "WDT", "WP", "WP$", "EX", "MD", "VB", "VBD", "VBP", "VBZ", "CC", "IN", "TO"}
APPOSITION_OPENERS = {",", "-", "–", "—", "("}
APPOSITION_STOPS = {",", ";", ")", "(", "-", "–", "—", ":", ".", "who", "which", "that", "whose", "where"}
COPULAS = {"is", "'s", "’s"}
MAX_ROLE_WORDS = 12
ABBREVIATED_TITLES = {"rep", "sen", "gov", "dr", "lt", "col", "gen", "adm", "sgt", "capt", "maj"}
# "(R-Pa.)", "I-Vt.", "Republican of South Carolina": a party and a state, no role
PARTY_STATE = re.compile(r"^(?:[RDI]-[A-Z]|(?:Republican|Democrat|Independent) of [A-Z])")
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "prof", "rev", "miss", "madam"}
# Nouns that say only that someone is a person: no role ("a man", "one woman").
MERE_PEOPLE = {
    "man", "woman", "men", "women", "person", "people", "guy", "lady", "boy", "girl", "resident", "native",
    "others", "other", "anyone", "everyone", "someone", "one", "part", "kind", "sort", "type", "lot",
}
PARTIES = {"republican", "democrat", "democratic", "independent", "libertarian"}
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True, kw_only=True)
class Role:
    """A role the article gives a person at one mention."""

    at: int  # where the mention it belongs to starts
    text: str
    past: bool = False  # marked as of another time ("then-President", "the late")
    year: str | None = None  # a year stated in the role's sentence: the role held then


def roles_at_mention(doc: Doc, start: int, end: int, ents: Sequence[Span] | None = None) -> list[Role]:
    """Every role written at the name occupying tokens ``[start, end)``, the nearest first; ``ents``
    is ``doc.ents`` when the caller has read it once (rebuilt per call it makes long articles quadratic)."""
    name = doc[start:end]
    found = [role_before(doc, name), role_after(doc, name) or role_before_apposition(name), role_by_copula(name)]
    year = stated_year(name, doc.ents if ents is None else ents)
    return [Role(at=name.start_char, text=text, past=past, year=year) for text, past in filter(None, found)]


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
    i = name.start - 1
    while i >= 0 and i in subtree and doc[i].tag_ not in STOP_TAGS - {"IN", "CC"} and not ends_phrase(doc[i]):
        words.insert(0, doc[i])
        i -= 1
    past = any(w.lower_ in OTHER_TIME or w.lower_.startswith("then-") for w in words)
    past = past or (i >= 0 and doc[i].lower_ in OTHER_TIME)
    while words and (words[0].tag_ in {"IN", "CC", "POS"} or words[0].is_punct):
        words.pop(0)
    if not words and name.start > 0 and is_short_title(doc[name.start - 1]):
        words = [doc[name.start - 1]]  # "The Caucus and Sen. Chuck Schumer": the parser hung "Sen." elsewhere
    words = words or sibling_title(doc, name)
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


def singular_title(words: list[Token]) -> str | None:
    """A plural title shared by coordinated names, for one of them: "Morning Joe hosts" -> "Morning Joe host"."""
    words = [w for w in words if w.tag_ not in {"DT", "PRP$", "CD"}]  # "three constitutional scholars"
    if not words or len(words) > MAX_ROLE_WORDS or words[-1].lower_ in MERE_PEOPLE:
        return None
    if not names_a_person(words[-1].text):
        return None
    head = words[-1].text
    head = head[:-3] + "y" if head.endswith("ies") else head[:-2] if head.endswith(("ches", "shes")) else head[:-1]
    return "".join(w.text_with_ws for w in words[:-1]) + head


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
    words = noun_phrase(doc, start)
    if words and words[-1].tag_ != "CC" and subject_of_next_verb(doc, words[-1].i + 1):
        return None  # "with X and Y, the candidate stated": the phrase is the verb's subject, misparsed
    if not words or words[-1].tag_ not in NOUN_TAGS:
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


def subject_of_next_verb(doc: Doc, i: int) -> bool:
    """A finite verb with no subject of its own right after the phrase: the phrase is that subject."""
    if i >= len(doc) or doc[i].tag_ not in {"VBD", "VBZ", "VBP"}:
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in doc[i].children)


def last_noun(words: list[Token]) -> int:
    """The index of the last noun of ``words`` (-1 if none): a phrase ends on its head."""
    return max((k for k, w in enumerate(words) if w.tag_ in NOUN_TAGS), default=-1)


def role_before_apposition(name: Span) -> tuple[str, bool] | None:
    """The name in apposition to the role before it: "Google's chief human resources executive, Laszlo Bock, told"."""
    root = name.root
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


def role_by_copula(name: Span) -> tuple[str, bool] | None:
    """A present-tense "is a ...": "Smith is a retired mail carrier" (not "was": a past role)."""
    root = name.root
    if root.dep_ != "nsubj" or root.head.lower_ not in COPULAS:
        return None
    attr = next((c for c in root.head.rights if c.dep_ == "attr" and c.tag_ == "NN"), None)
    if attr is None or attr.ent_type_ == "PERSON" or attr.left_edge.lower_ not in {"a", "an", "the"}:
        return None  # "X is a ...", "X is the ...": not "X is one of ...", "X is less ..."
    if any(t.tag_ in {"JJR", "RBR", "JJS"} for t in attr.lefts):
        return None
    words = noun_phrase(name.doc, attr.left_edge.i)
    words = words[: last_noun(words) + 1]
    text = role_words(words, head_names_person=True)
    return (text, False) if text else None


def role_words(words: list[Token], *, head_names_person: bool = False) -> str | None:
    """The words as written, without determiners, possessive pronouns, nationality or an owning country;
    the first of coordinated roles ("the GOP frontrunner nationally and current polling leader"), but
    nouns joined before one head stay ("education and law professor"). With
    ``head_names_person`` (a phrase after the name, which may be anything), its head must name a kind
    of person ("a retired mail carrier", not "an example" or "$1.5 million")."""
    preposition = role_preposition(words)
    kept = [w for k, w in enumerate(words)  # "Mr." kept in what the role is of ("pollster with Mr. X's party")
            if (k > preposition or w.lower_.rstrip(".") not in HONORIFICS) and w.lower_ not in {"then", "then-"}]
    while kept and (kept[0].tag_ in {"DT", "PRP$", "IN", "CC", "POS", "HYPH"} or kept[0].is_punct or kept[0].is_space
                    or age(kept[0])):
        kept.pop(0)
    kept = kept[opinion_words(kept) :]
    cut = next((k for k, w in enumerate(kept) if w.tag_ == "CC" and k and kept[k - 1].tag_ in NOUN_TAGS | {"RB"}), None)
    if cut and names_a_person(head_of(kept[:cut]).text):  # not "education and law professor"
        kept = kept[:cut]
    while kept and kept[-1].tag_ in {"RB", "CC", "IN", "POS"}:
        kept.pop()
    kept = drop_countries(kept)
    # "House Oversight Committee Chairman Rep.": the title the name wears after a role is the lesser one
    # (but "former Gov." and "Ohio Gov." keep it: nothing before it names a role).
    lesser = len(kept) > 1 and kept[-1].lower_.rstrip(".") in ABBREVIATED_TITLES
    if lesser and kept[-2].tag_ in NOUN_TAGS and names_a_person(kept[-2].text):
        kept = kept[:-1]
    if not kept or len(kept) > MAX_ROLE_WORDS or kept[-1].tag_ not in NOUN_TAGS or not plausible(kept):
        return None
    if head_names_person and not names_a_person(head_of(kept).text):
        return None
    text = "".join(w.text_with_ws for w in kept[:-1]) + kept[-1].text
    text = re.sub(r"^(?:then|ex)-", "", text.strip(" ,;:-–—\"'“”"), flags=re.IGNORECASE)
    text = re.sub(r"^(?:\d+-)?years?-old\s+", "", text)  # "46-year-old veteran staffer": the age is no role
    if text.count("“") != text.count("”"):  # a title's mark cut off at the comma inside it
        text = text.replace("“", "").replace("”", "")
    return text if text and not PARTY_STATE.match(text) else None


def opinion_words(words: list[Token]) -> int:
    """How many words at the start of a role say how many or how good, not what: "only" ("the only
    Republican candidate"), an adverb and its adjective ("highly respected veteran strategist"), a party
    before another role ("Republican and former Virginia governor")."""
    k = 0
    while k < len(words) and words[k].lower_ == "only":
        k += 1
    if k + 1 < len(words) and words[k].tag_ in {"RB", "RBR"} and words[k].lower_ not in PAST_MARKERS:
        adverbs = k
        while adverbs < len(words) and words[adverbs].tag_ in {"RB", "RBR"}:
            adverbs += 1
        return adverbs + 1 if adverbs < len(words) - 1 and words[adverbs].tag_ in {"JJ", "VBN"} else k
    if k + 2 < len(words) and words[k].lower_ in PARTIES and words[k + 1].tag_ == "CC":
        return k + 2
    return k


def age(word: Token) -> bool:
    """A number that is no year ("62", "46-year-old"): an age or a count, not part of a role."""
    return word.like_num and not YEAR.fullmatch(word.text)


def head_of(words: list[Token]) -> Token:
    """The head noun of a role: its last noun before a preposition ("director" of "director of X"),
    after what owns it ("Color of Change's executive director"; an owner after the preposition is
    not: "spokeswoman for Gore's campaign", "author of America's Bitter Pill")."""
    before = words[: role_preposition(words)]
    owned = max((k + 1 for k, w in enumerate(before) if w.tag_ == "POS"), default=0)
    rest = [w for w in before[owned:] if not w.is_punct] or before  # "Reps ." read as two nouns
    return rest[max(last_noun(rest), 0)]


def role_preposition(words: list[Token]) -> int:
    """Where what a role is of begins: its first preposition (not the first word), except one inside a
    proper name ("Color of Change", "Bank of America"; not "Committeeman from Virginia"); ``len(words)``
    if none."""
    for k, word in enumerate(words[1:-1], start=1):
        proper = words[k - 1].tag_ in {"NNP", "NNPS"} and words[k + 1].tag_ in {"NNP", "NNPS"}
        in_name = proper and not names_a_person(words[k - 1].text)
        if word.tag_ == "IN" and not in_name:
            return k
    return len(words)


def plausible(words: list[Token]) -> bool:
    """A role names what someone does: not a mere person noun ("man"), a handle, a party and state, a
    date or a name alone."""
    head = head_of(words)
    if head.lower_ in MERE_PEOPLE or any(w.text.startswith("@") for w in words):
        return False
    plural_title = head.lower_.rstrip(".").removesuffix("s") in ABBREVIATED_TITLES  # "Reps. X and Y": each a Rep.
    titled = is_title_noun(head)  # "Founder" the entity of "Founder Beverly Bond" took in is no name
    if (head.tag_ == "NNS" and not plural_title) or (head.ent_type_ == "PERSON" and not titled):
        return False  # "constitutional scholars": a group's role; "Judge Richard Posner of ...": a name
    return titled or not all(w.ent_type_ in {"PERSON", "GPE", "LOC", "DATE", "TIME", "CARDINAL"} for w in words)


def is_title_noun(token: Token) -> bool:
    """A word of the lists of role nouns and titles (not one a suffix only suggests: "Posner", "Meridian")."""
    return token.lower_ in LISTED_ROLE_NOUNS
