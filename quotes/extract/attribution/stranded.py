"""Speakers the parse strands away from their verb: the clause's subject is hung elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

FINITE_TAGS = {"VBD", "VBZ", "VBP"}
# Nouns that name a person by what they do: such a phrase can speak without a name in it.
PERSON_NOUNS = {
    "official", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "strategist",
    "lawmaker", "senator", "congressman", "congresswoman", "president", "secretary",
    "director", "chairman", "chairwoman", "governor", "mayor", "minister", "ambassador", "diplomat",
    "officer", "lawyer", "attorney", "executive", "manager", "professor", "economist", "critic",
    "supporter", "opponent", "expert", "candidate", "nominee", "attendee", "delegate", "source", "witness",
    "activist", "founder", "organizer",
    "researcher", "columnist", "writer", "author", "commentator", "journalist", "historian",
    "pollster", "judge",
}
# Bodies that speak through statements: as a clause's subject they can own a quoted fragment.
SPEAKING_BODIES = {"campaign", "agency", "administration", "commission", "committee"}
# Writings that say things: as a clause's subject they own the fragments they quote ("The ad targets a
# “rigged economy”").
SPEAKING_DOCUMENTS = {"ad", "statement", "report", "memo", "letter", "editorial", "survey", "study", "poll",
                      "document", "paper", "ruling", "video"}


def is_person_noun(token: Token) -> bool:
    """A common noun that names a person by role ("one lawmaker", "critics")."""
    # The pipeline has no lemmatizer: a plural is read by its "-s".
    word = token.lower_[:-1] if token.tag_ == "NNS" and token.lower_.endswith("s") else token.lower_
    return token.tag_ in {"NN", "NNS"} and word in PERSON_NOUNS


def is_speaking_noun(token: Token) -> bool:
    """A common noun that can own words: a person by role, or a body that issues statements."""
    return is_person_noun(token) or (token.tag_ == "NN" and token.lower_ in SPEAKING_BODIES | SPEAKING_DOCUMENTS)


def appositive_before(cue: Token, inside: list[bool]) -> Token | None:
    """``In a call with reporters on Dec. 2, Col. Steven Warren, a military spokesman, said, "..."``:
    after an opening phrase the parser often hangs the speaker as an apposition of its last noun
    and leaves the verb without a subject. A phrase set off by a comma, ending right before the
    finite cue and naming a person, is then who speaks."""
    doc = cue.doc
    if cue.i < 3 or not finite(cue):
        return None
    end = cue.i - 2 if doc[cue.i - 1].text == "," else cue.i - 1
    phrases = [t for t in doc[cue.sent.start : end + 1] if t.dep_ == "appos" and t.right_edge.i == end]
    for phrase in sorted(phrases, key=lambda t: t.left_edge.i):  # the widest phrase first
        if inside[phrase.i] or doc[phrase.left_edge.i - 1].text != ",":
            continue
        if phrase.ent_type_ == "PERSON" or is_person_noun(phrase):
            return phrase
        # "her senior policy adviser, Jake Sullivan": the description, and the name in apposition
        name = next((c for c in phrase.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if name is not None:
            return name
    return None


def finite(cue: Token) -> bool:
    """A finite verb, or one the tagger reads as a participle though nothing makes it passive
    ("Mitt Romney, the 2012 nominee, tweeted in response:")."""
    helped = any(c.dep_ in {"aux", "auxpass"} for c in cue.children)
    return cue.tag_ in FINITE_TAGS or (cue.tag_ == "VBN" and not helped)


def participle_owner(cue: Token, inside: list[bool]) -> Token | None:
    """``a man yelled “Stay there!”``, ``one lawmaker called Trump "the orange prince"``: the parser
    hangs the verb on the noun before it as a modifier (``acl``), so the verb has no subject. A verb
    tagged finite is that noun's own; one tagged as a participle is too when nothing makes it
    passive and it has an object of its own before the quote (``Trump, called a “liar” in the ad``
    is described, not speaking), and the noun names someone."""
    owner = cue.head
    if cue.dep_ != "acl" or owner.i > cue.i or inside[owner.i] or owner.dep_ not in {"nsubj", "appos", "ROOT"}:
        return None  # "who served during the 2012 campaign, called": the noun of an aside is no speaker
    if owner.tag_ not in {"NN", "NNS", "NNP", "NNPS"}:
        return None
    if cue.tag_ in FINITE_TAGS:  # right after its noun: "A blog, called the “Feed,”" is an aside
        return owner if owner.i == cue.i - 1 else None
    quote = next((i for i in range(cue.i + 1, len(inside)) if inside[i]), len(inside))
    active = finite(cue) and any(c.dep_ in {"dobj", "oprd"} and c.i < quote for c in cue.children)
    named = owner.ent_type_ in {"PERSON", "ORG", "NORP"} or owner.tag_ in {"NNP", "NNPS"}
    return owner if active and (named or is_speaking_noun(owner)) else None


def subject_before_aside(cue: Token, inside: list[bool]) -> Token | None:
    """``One attendee, who spoke on condition of anonymity, said ...``, ``," Texas delegate Bill
    Eastland, wearing a cowboy hat, said``: an aside between the speaker and the verb makes the
    parser lose the subject. The name before the aside (opened by "who" or a participle, closed by
    the comma right before the finite cue) speaks when nothing but its own words precede it."""
    doc = cue.doc
    if cue.i < 4 or cue.tag_ not in FINITE_TAGS or doc[cue.i - 1].text != ",":
        return None
    start = cue.sent.start
    comma = next((i for i in range(cue.i - 2, start, -1) if doc[i].text == ","), None)
    if comma is None or comma + 1 >= cue.i - 1:
        return None
    opener = doc[comma + 1]
    if opener.lower_ != "who" and opener.tag_ not in {"VBG", "VBN"}:
        return None
    name = doc[comma - 1]
    if inside[name.i] or not (name.ent_type_ == "PERSON" or is_person_noun(name)):
        return None
    clause_start = max([start] + [i + 1 for i in range(start, name.i) if inside[i]])
    if any(t.tag_.startswith("VB") for t in doc[clause_start : name.i]):
        return None  # the name is an object in a clause of its own, not the subject
    return name


def stands_for_people(token: Token) -> bool:
    """``the two write``, ``said one of two witnesses``: a numeral heading its own phrase stands for
    people already named or described, though the tagger reads it as a mere number."""
    if token.tag_ != "CD" or token.dep_ == "nummod":
        return False
    if token.lower_ == "one":
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    group = token.lower_ in {"two", "three", "four"}
    return group and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
INSTITUTIONS = {"ORG", "GPE", "NORP", "FAC"}


def is_institution(token: Token) -> bool:
    """A named organisation or place, or a body such as a campaign: never what "who" stands for."""
    return token.ent_type_ in INSTITUTIONS or (token.tag_ == "NN" and token.lower_ in SPEAKING_BODIES)


def who_stands_for(noun: Token) -> Token:
    """``Scott Reed, the Chamber's chief strategist, who added``, ``Grijalva, a co-chairman of the
    Progressive Caucus, who said``: the parser hangs a relative "who" on the nearest noun. "Who"
    stands for a person, so the words it names are found by climbing out of a phrase that names an
    institution ("of", "for", "at"), and from a description to the name it
    describes."""
    for _ in range(5):
        head = noun.head
        if noun.dep_ == "pobj" and is_institution(noun) and head.lower_ in {"of", "for", "at"}:
            if head.head.tag_ not in NOUN_TAGS:
                break
            noun = head.head
        elif noun.dep_ == "conj" and head.tag_ in NOUN_TAGS and noun.ent_type_ != "PERSON":
            noun = head  # "a consultant and an influential Republican who": the first of the pair
        elif noun.dep_ == "appos" and head.ent_type_ == "PERSON" and noun.ent_type_ != "PERSON":
            return head
        else:
            break
    return noun
