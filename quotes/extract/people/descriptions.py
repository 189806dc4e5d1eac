"""Descriptions of people: those a surname only modifies ("a senior Cruz adviser", "the Clinton
campaign": not that person), and definite descriptions that stand for a person named before ("the
Democratic presidential candidate", "the man who ...")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .gender import gender_of
from .groups import QUANTIFIERS
from .nationality import drop_countries
from .role_nouns import names_a_person
from .role_words import MERE_PEOPLE, TITLE_HEADS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Nouns a surname can modify without being that person: "a senior Cruz adviser", "the Clinton campaign".
DESCRIBED_HEADS = {
    "campaign", "adviser", "advisor", "advisers", "advisors", "aide", "aides", "spokesman", "spokeswoman",
    "spokesperson", "official", "officials", "strategist", "strategists", "supporters", "supporter", "team",
    "staffer", "staffers", "surrogate", "surrogates", "allies", "ally", "camp", "staff", "operative",
    "office", "spokespeople", "lawyers", "lawyer", "attorney", "attorneys", "representatives",
}


def described_by(doc: Doc, start: int, end: int) -> str | None:
    """The words a surname only modifies or owns: "a senior Cruz adviser" or "Ryan's office" said, not
    Cruz or Ryan; None otherwise."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if works_for_named(span.root) and span.root.i < span.end:  # "Lazar's counsel", "an adviser to Trump"
        return span.text[:1].upper() + span.text[1:]
    head = span[-1].head
    owned = span[-1].dep_ == "poss" and head.i == span.end + (1 if doc[span.end].tag_ == "POS" else 0)
    if owned and head.tag_ in {"NN", "NNS"} and head.lower_ in DESCRIBED_HEADS:
        words = doc[span.start : head.i + 1].text  # "Ryan's office"
        return words[:1].upper() + words[1:]
    if span[-1].dep_ != "compound" or head.tag_ not in {"NN", "NNS"} or head.lower_ not in DESCRIBED_HEADS:
        return None
    if head.dep_ == "compound" or head.i < span[-1].i:  # "Rubio spokesman Alex Conant": Conant speaks
        return None
    words = doc[head.left_edge.i : head.i + 1].text
    return words[:1].upper() + words[1:]


# Nouns of people who work for or speak for someone else, besides ``DESCRIBED_HEADS``.
WORKING_FOR = {"counsel", "publicist", "manager", "managers", "representative", "defender", "aides", "advisers"}


def works_for_named(head: Token) -> bool:
    """A person or body working for someone named: "Lazar's public defense counsel", "a longtime adviser
    to Trump", "a spokesman for Clinton", "Ryan's office": that person is not who speaks."""
    if head.tag_ not in {"NN", "NNS"} or head.lower_ not in DESCRIBED_HEADS | WORKING_FOR:
        return False
    named = {"NNP", "NNPS"}
    owners = [c for c in head.children if c.dep_ == "poss"]
    owners += [o for c in head.children if c.dep_ == "prep" and c.lower_ in {"to", "for", "of"} for o in c.children
               if o.dep_ == "pobj"]
    return any(o.tag_ in named for o in owners)


# Heads of a definite description that refers back to a person named before it ("the Democratic
# presidential candidate told", "said the man who built his career on ..."), with the pronoun whose
# gender they carry, if any.
REFERRING_HEADS: dict[str, str | None] = {
    "man": "he", "woman": "she", "boy": "he", "girl": "she", "businessman": "he", "businesswoman": "she",
    "congressman": "he", "congresswoman": "she", "candidate": None, "nominee": None, "senator": None,
    "governor": None, "president": None, "billionaire": None, "mogul": None, "politician": None,
    "front-runner": None, "frontrunner": None, "host": None, "mayor": None, "lawmaker": None,
    "standard-bearer": None, "secretary": None, "democrat": None, "republican": None, "hopeful": None,
    "leader": None, "lady": "she",  # "the minority leader", "the first lady" (only that lady: ``OFFICE_WORDS``)
    "judge": None, "ambassador": None, "chancellor": None, "minister": None, "vice president": None,
}
# Heads that refer back only with the word that makes them an office: "the first lady", not "the lady".
OFFICE_WORDS = {"lady": "first"}
GENERIC_HEADS = {"man", "woman", "boy", "girl"}  # they say who, not what: no role
# Adjectives that are part of a role ("presidential candidate"), unlike opinions ("cautious candidate").
ROLE_ADJECTIVES = {
    "presidential", "vice", "former", "retired", "democratic", "republican", "presumptive", "likely", "independent",
    "federal", "national", "senior", "chief", "top", "executive", "general", "deputy", "acting", "interim",
    "political", "economic", "foreign", "military", "legal", "liberal", "conservative", "progressive",
}
# Heads that describe someone running or famous, not a sitting office: read as the prominent person
# before them even when no one was given that role in so many words.
CANDIDATE_HEADS = {
    "candidate", "nominee", "front-runner", "frontrunner", "mogul", "billionaire", "businessman",
    "businesswoman", "standard-bearer", "hopeful", "contender",
}


@dataclass(frozen=True, kw_only=True)
class Description:
    """A definite description of a person: its head noun, the gender it carries, its words as a role."""

    head: str
    gender: str | None
    role: str | None  # "Democratic presidential candidate"; None for "the man"
    referring: bool = False  # a head that can stand for a person named before ("candidate", "man")
    generic: bool = False  # says who, not what ("the man"): read as the nearest person of its gender
    candidate_like: bool = False  # describes a candidate or a former office, never a sitting one
    # says where or of which party ("the Florida senator", "The Ohio governor"): one person, not any office-holder
    qualified: bool = False


def definite_description(doc: Doc, start: int, end: int) -> Description | None:
    """"The Republican nominee", "the man who ...": a description that may stand for a person named before."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span[0].lower_ != "the" or not common_noun(span.root):
        return None
    head = head_word(span.root)
    words = [t for t in doc[span.start + 1 : span.root.i + 1]]
    joined = len(head.split("-")) - 1  # "front", "-" of "front-runner" belong to the head
    if not office_word_before(span.root):
        return Description(head=head, gender=None, role=None)  # "the lady": anyone
    if head not in REFERRING_HEADS and not epithet(head):
        return Description(head=head, gender=None, role=None)
    # Only words that say what the person is make the role: "the cautious candidate" -> "candidate".
    # An adjective inside a compound stays ("real estate mogul"): only those on the head are opinions.
    kept = [t for t in words if t.tag_ not in {"JJ", "JJR", "JJS", "RB", "RBR", "RBS"} or t.lower_ in ROLE_ADJECTIVES
            or (t.tag_ == "JJ" and t.head.i != span.root.i and t.head.tag_ in {"NN", "NNP"})
            or t.i >= span.root.i - 2 * joined or t.lower_ == OFFICE_WORDS.get(head)]
    tail = office_of(span.root)
    if tail is not None and tail.i < span.end:
        kept += [t for t in doc[span.root.i + 1 : tail.i + 1]]  # "secretary of state"
    if head not in REFERRING_HEADS and len(words) < 2:
        return Description(head=head, gender=None, role=None)  # "the actor": anyone; "the radio talker": one
    role = None if head in GENERIC_HEADS else "".join(t.text_with_ws for t in kept).strip()
    former = any(t.lower_ == "former" for t in words)
    gender = REFERRING_HEADS.get(head) or gender_of(head) or pronoun_gender_after(span)
    qualified = any(t.ent_type_ in {"GPE", "NORP", "LOC"} for t in kept if t.i < span.root.i)
    return Description(head=head, gender=gender, role=role, referring=True, generic=head in GENERIC_HEADS,
                       candidate_like=head in CANDIDATE_HEADS or former or epithet(head), qualified=qualified)


def common_noun(token: Token) -> bool:
    """A singular common noun, also one lower-case the tagger took for a proper one after a capitalised
    word ("runner" of "The GOP front-runner")."""
    return token.tag_ == "NN" or (token.tag_ == "NNP" and token.is_lower)


def office_word_before(head: Token) -> bool:
    """The word a head needs to be an office ("first" of "the first lady"), right before it; True for
    heads that need none."""
    word = OFFICE_WORDS.get(head.lower_)
    return word is None or (head.i > 0 and head.doc[head.i - 1].lower_ == word)


def epithet(head: str) -> bool:
    """A noun for what a known person does that is no office and no one's staff ("the retired
    neurosurgeon", "the radio talker", "the actress"): it refers back like a candidate's description."""
    staff = head in DESCRIBED_HEADS or head in UNNAMED_ROLE_HEADS or head in TITLE_HEADS or head in MERE_PEOPLE
    return not staff and not head.endswith("s") and names_a_person(head)


def head_word(token: Token) -> str:
    """The head noun as written, lower-cased: "front-runner" when the tokenizer split it at its hyphen; "vice
    president", another office than "president"."""
    doc, i = token.doc, token.i
    glued = i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
    if i >= 1 and doc[i - 1].lower_ == "vice" and token.lower_ == "president":
        return "vice president"
    return f"{doc[i - 2].lower_}-{token.lower_}" if glued else token.lower_


def pronoun_gender_after(span: Span) -> str | None:
    """"he" for "The real estate mogul has won voters over his rivals": the gender of the first
    possessive pronoun after the description in its sentence, if no one is named between."""
    for token in span.doc[span.end : span.sent.end]:
        if token.ent_type_ == "PERSON" or token.is_quote:
            return None
        if token.tag_ == "PRP$" and token.lower_ in {"his", "her"}:
            return "he" if token.lower_ == "his" else "she"
    return None


def description_subjects(doc: Doc) -> list[tuple[int, int]]:
    """Character bounds of definite descriptions with a referring head used as a clause's subject (or
    misread as an apposition right before a verb that has no subject: "With X, the candidate stated"),
    with what an office is of ("the former secretary of state"); not one that names its person right
    there ("The Republican vice presidential nominee, Gov. Mike Pence of Indiana, may be"): no one before."""
    found = []
    for token in doc:
        subject = token.dep_ in {"nsubj", "nsubjpass"} or (
            token.dep_ == "appos" and before_subjectless_verb(token)) or (
            token.dep_ == "poss" and token.head.dep_ in {"nsubj", "nsubjpass"})  # "The Florida senator's answer was"
        subject = subject and not names_its_person(token)
        subject = subject and not second_subject(token)
        referring = head_word(token) in REFERRING_HEADS and office_word_before(token)
        if subject and common_noun(token) and (referring or epithet(head_word(token))):
            det = next((c for c in token.lefts if c.dep_ == "det"), None)
            if det is not None and det.lower_ == "the" and token.lower_ not in GENERIC_HEADS:
                last = office_of(token) or token
                found.append((det.idx, last.idx + len(last)))
    return found


def names_its_person(head: Token) -> bool:
    """A description followed right away by the name of whom it describes: "The Republican vice presidential
    nominee, Gov. Mike Pence of Indiana," (only punctuation between). A name the parser hung on it after a
    clause of its own is not ("The two-time Tony-winning actor-singer, who also stars on the thriller,
    “Bloodline,” ...": a show's title misread as a person)."""
    doc = head.doc
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON"
               and all(t.is_punct for t in doc[head.i + 1 : c.left_edge.i]) for c in head.rights)


def second_subject(token: Token) -> bool:
    """The verb a subject hangs on has another subject after it: a relative clause without "that" misread
    ("or the retail politician her husband was": the husband's role, not a subject of its own)."""
    return token.dep_ in {"nsubj", "nsubjpass"} and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.i > token.i for c in token.head.children)


def description_objects(doc: Doc) -> list[tuple[int, int]]:
    """Character bounds of definite descriptions with a referring head that are no clause's subject: an
    object ("a second home for the Vermont senator", "Todd asked the GOP frontrunner") or an owner ("the
    qualifications of the Democratic front-runner"); not one that names its person right there, nor an
    epithet ("the WWII fascist", "the fervor"): outside a subject those are seldom someone named before."""
    found = []
    for token in doc:
        if token.dep_ not in {"pobj", "dobj", "dative"} and not (
                token.dep_ == "poss" and token.head.dep_ not in {"nsubj", "nsubjpass"}):
            continue
        if not common_noun(token) or token.lower_ in GENERIC_HEADS or not office_word_before(token):
            continue
        if names_its_person(token):
            continue
        det = next((c for c in token.lefts if c.dep_ == "det"), None)
        head = head_word(token)
        if det is not None and det.lower_ == "the" and head in REFERRING_HEADS:
            last = office_of(token) or token
            found.append((det.idx, last.idx + len(last)))
    return found


def office_of(head: Token) -> Token | None:
    """"state" of "secretary of state": one noun, without a determiner, that an office is of."""
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1), None)
    objects = [c for c in prep.children if c.dep_ == "pobj"] if prep is not None else []
    if len(objects) != 1 or objects[0].i != head.i + 2 or list(objects[0].children):
        return None
    return objects[0] if objects[0].tag_ in {"NN", "NNP"} else None


def before_subjectless_verb(token: Token) -> bool:
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is None or nxt.tag_ not in {"VBD", "VBZ", "VBP"}:
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in nxt.children)


# Heads of a description that says what an unnamed speaker does ("a senior administration official",
# "Cameron's spokesman", "federal prosecutors"): that description is the speaker's role too.
UNNAMED_ROLE_HEADS = DESCRIBED_HEADS | {
    "reporter", "reporters", "prosecutor", "prosecutors", "lawyer", "lawyers", "attorney", "attorneys",
    "analyst", "analysts", "expert", "experts", "economist", "economists", "professor", "researcher",
    "researchers", "protester", "protesters", "voter", "voters", "worker", "workers", "officer", "officers",
    "diplomat", "diplomats", "member", "members", "activist", "activists", "organizer", "organizers",
    "leader", "leaders", "director", "executive", "executives", "lawmaker", "lawmakers", "host", "anchor",
    "senator", "senators", "governor", "mayor", "judge", "minister", "ministers", "chairman", "chairwoman",
}


# Heads of a speaker's description that name a body of people, no one's role: "his campaign", "the team".
COLLECTIVES = frozenset({"campaign", "camp", "team", "staff", "office"})


def unnamed_role(doc: Doc, start: int, end: int) -> str | None:
    """The role an unnamed speaker's description gives: "a senior administration official" -> "senior
    administration official"; None for anything else ("the report", "Gallup")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.tag_ not in {"NN", "NNS"}:
        return None
    # any noun naming what people do ("one user wrote", "demonstrators chanted"), not a mere person
    root = span.root
    if root.lower_ not in UNNAMED_ROLE_HEADS and (root.lower_ in MERE_PEOPLE or not names_a_person(root.text)):
        return None
    if root.lower_ in COLLECTIVES:  # "His campaign said": who, not what anyone does
        return None
    # "many commentators": how many is no part of what they do
    counts = {"one", *QUANTIFIERS}
    kept = [t for t in span if not (t.i < root.i and (t.tag_ in {"DT", "CD", "PRP$"} or t.lower_ in counts))]
    kept = drop_countries(kept)  # "the American ambassador" -> "ambassador"
    text = "".join(t.text_with_ws for t in kept).strip(" \u00a0,.;:")
    return text or None
