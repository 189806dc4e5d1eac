"""Which words of a phrase make a role, as printed: the whole phrase ("general counsel", never
"General"), without a determiner, a nationality, a country that owns it, an age or an opinion; what it
is of kept ("director of communications"); its head a word naming a person (``role_nouns``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .nationality import drop_countries
from .role_nouns import ROLE_NOUNS as LISTED_NOUNS
from .role_nouns import names_a_person

if TYPE_CHECKING:
    from spacy.tokens import Token

# Ranks and titles abbreviated before a name that the tokenizer cuts from their full stop ("Capt" "."), so
# that the parser reads the stop as a word of the name: "said Army Capt. Christian Pardo" lost the rank,
# "said Air Force 1st Lt. Tyler Livingston" printed the speaker "Air Force 1st". ``model`` keeps each one
# token ("Gen.", "Sen.", "Adm." are kept whole already); each is a title's head below.
RANK_ABBREVIATIONS = ("Capt.", "Lt.", "Sgt.", "Maj.", "Col.", "Cpl.", "Pvt.", "Cmdr.", "Spc.", "Pfc.", "Brig.",
                      "Amb.", "Atty.", "Supt.", "Msgr.")
# Head nouns a title ends with; modifiers before them ("Deputy Prime", "Defense") are kept. Also the
# words a name's entity may wrongly begin with (``index.clean_name`` strips them).
TITLE_HEADS = {
    "president", "minister", "secretary", "senator", "sen.", "rep.", "representative", "governor",
    "gov.", "mayor", "chancellor", "premier", "ambassador", "spokesman", "spokeswoman", "spokesperson",
    "chairman", "chairwoman", "chair", "director", "chief", "general", "gen.", "admiral", "commander",
    "king", "queen", "prince", "leader", "speaker", "envoy", "attorney", "judge", "justice", "nominee",
    "candidate", "adviser", "advisor", "ceo", "head", "officer", "manager", "congressman",
    "congresswoman", "councilman", "councilwoman", "pope", "prosecutor", "sheriff",
    *(abbreviation.lower() for abbreviation in RANK_ABBREVIATIONS),
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
NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
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
NOW_WORDS = frozenset({"now", "currently"})  # "X and now Y": Y is what someone is
PARTIES = {"republican", "democrat", "democratic", "independent", "libertarian"}
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def after_other_person(words: list[Token]) -> list[Token]:
    """The words before a name after the last "and" or "or" that follows another person's name, which
    are no part of its title: "Donald Trump and House Speaker [Paul Ryan]" -> "House Speaker", "between Trump
    and Sen. [Bernie Sanders]" -> "Sen." (not an "and" inside a name: "Secretary of Health and Human Services")."""
    joins = [k for k, w in enumerate(words) if w.tag_ == "CC" and not w.ent_type_ and any(named(v) for v in words[:k])]
    cut = max(joins, default=-1)
    return words[cut + 1 :]


def named(word: Token) -> bool:
    """A word of a person's name, or of one the recognizer took for an organisation's ("Trump" of "between
    Trump and Sen. Bernie Sanders")."""
    return word.ent_type_ == "PERSON" or (word.ent_type_ == "ORG" and word.tag_ == "NNP" and word.ent_iob_ == "B"
                                          and word.i + 1 < len(word.doc) and word.doc[word.i + 1].tag_ == "CC")


def tenure_start(words: list[Token]) -> int | None:
    """Where a closing span of years starts, if the words end with one ("ambassador to the United States
    from 2007 to 2013"): the role was held then, and is printed with it."""
    if len(words) < 5:
        return None
    first, joiner, last = words[-3:]
    opener = words[-4].lower_
    spans = (opener == "from" and joiner.lower_ in {"to", "until", "through"}) or (
        opener == "between" and joiner.lower_ == "and")
    return len(words) - 4 if spans and YEAR.fullmatch(first.text) and YEAR.fullmatch(last.text) else None


def role_words(words: list[Token], *, head_names_person: bool = False) -> str | None:
    """``words_of_role`` with a closing span of years kept whole after it: "ambassador to the United States
    from 2007 to 2013" (a role of that time, said so)."""
    cut = tenure_start(words)
    if cut is None:
        return words_of_role(words, head_names_person=head_names_person)
    text = words_of_role(words[:cut], head_names_person=head_names_person)
    return f"{text} {''.join(w.text_with_ws for w in words[cut:]).strip()}" if text else None


def words_of_role(words: list[Token], *, head_names_person: bool = False) -> str | None:
    """The words as written, without determiners, possessive pronouns, nationality or an owning country;
    the first of coordinated roles ("the GOP frontrunner nationally and current polling leader"), but
    nouns joined before one head stay ("education and law professor"). With
    ``head_names_person`` (a phrase after the name, which may be anything), its head must name a kind
    of person ("a retired mail carrier", not "an example" or "$1.5 million")."""
    preposition = role_preposition(words)
    kept = [w for k, w in enumerate(words)  # "Mr." kept in what the role is of ("pollster with Mr. X's party")
            if (k > preposition or w.lower_.rstrip(".") not in HONORIFICS) and w.lower_ not in {"then", "then-"}
            and not (w.lower_ == "fellow" and w.dep_ == "amod")]  # "fellow GOP contender X": X is a GOP contender
    now = next((k for k, w in enumerate(kept[:-2]) if w.tag_ == "CC" and kept[k + 1].lower_ in NOW_WORDS), None)
    kept = kept if now is None else kept[now + 2 :]  # "a Clinton aide during her 2008 run and now director of X"
    while kept and (kept[0].tag_ in {"DT", "PRP$", "IN", "CC", "POS", "HYPH"} or kept[0].is_punct or kept[0].is_space
                    or age(kept[0])):
        kept.pop(0)
    kept = kept[opinion_words(kept) :]
    cut = next((k for k, w in enumerate(kept) if w.tag_ == "CC" and k and kept[k - 1].tag_ in NOUN_TAGS | {"RB"}), None)
    if cut and names_a_person(head_of(kept[:cut]).text):  # not "education and law professor"
        kept = kept[:cut]
    while kept and kept[-1].tag_ in {"RB", "CC", "IN", "POS"}:
        kept.pop()
    kept = drop_countries(without_residence(kept))
    # "House Oversight Committee Chairman Rep.": the title the name wears after a role is the lesser one
    # (but "former Gov." and "Ohio Gov." keep it: nothing before it names a role).
    lesser = len(kept) > 1 and kept[-1].lower_.rstrip(".") in ABBREVIATED_TITLES
    # ... so is one after a title with what it is of ("Speaker of the House Rep.")
    of_title = lesser and role_preposition(kept[:-1]) < len(kept) - 2 and names_a_person(head_of(kept[:-1]).text)
    # ("Lt. Gov.", "Maj. Gen.": two abbreviations make one title)
    if lesser and kept[-2].tag_ in NOUN_TAGS and not kept[-2].text.endswith(".") and (
            names_a_person(kept[-2].text) or of_title):
        kept = kept[:-1]
    kept = first_of_stacked(kept)
    kept = within_length(kept)
    if not kept or len(kept) > MAX_ROLE_WORDS or kept[-1].tag_ not in NOUN_TAGS or not plausible(kept):
        return None
    if head_names_person and not names_a_person(head_of(kept).text):
        return None
    text = "".join(w.text_with_ws for w in kept[:-1]) + kept[-1].text
    text = re.sub(r"^(?:then|ex)-", "", text.strip(" \u00a0\t\n,;:-–—\"'“”"), flags=re.IGNORECASE)
    text = re.sub(r"^(?:\d+-)?years?-old\s+", "", text)  # "46-year-old veteran staffer": the age is no role
    text = re.sub(r"^(?:\d+-)?(?:year|month)\s+", "", text)  # "a 14-year Carrier worker": how long is no role
    if text.count("“") != text.count("”"):  # a title's mark cut off at the comma inside it
        text = text.replace("“", "").replace("”", "")
    return text if text and not PARTY_STATE.match(text) else None


STACK_OPENERS = frozenset({"GPE", "ORG", "NORP", "LOC"})


def first_of_stacked(words: list[Token]) -> list[Token]:
    """Of two titles written one after the other before a name, the first: "Republican presidential candidate
    Texas Senator [Ted Cruz]" -> "Republican presidential candidate" (a role noun, then a place, a body or
    "former" opening another title); not "Attorney General" (one title), nor a first word that only
    qualifies ("veteran New Hampshire GOP leader")."""
    for k in range(1, len(words) - 2):
        word, after = words[k], words[k + 1]
        opens = after.ent_type_ in STACK_OPENERS or after.lower_ in {"former", "ex"}
        if word.tag_ in {"NN", "NNS"} and opens and names_a_person(word.text) and any(
                w.tag_ in NOUN_TAGS and names_a_person(w.text) for w in words[k + 2 :]):
            return words[: k + 1]
    return words


def within_length(words: list[Token]) -> list[Token]:
    """A role too long to print whole is cut before the last of what it is of that leaves it short enough:
    "director of the Project on Government Secrecy at the Federation of American Scientists" -> "director of
    the Project on Government Secrecy" (never inside a proper name: "Federation of American Scientists")."""
    if len(words) <= MAX_ROLE_WORDS:
        return words
    first = role_preposition(words)
    cuts = [k for k in range(first + 1, MAX_ROLE_WORDS + 1)
            if words[k].tag_ == "IN" and not in_proper_name(words, k) and words[k - 1].tag_ in NOUN_TAGS]
    return words[: cuts[-1]] if cuts else words


# Nouns of a place ("the southwestern Chinese province of Sichuan"); offices held for one ("senator from Texas").
PLACE_NOUNS = frozenset({"province", "state", "city", "county", "region", "town", "village", "area", "suburb",
                         "suburbs", "island", "district", "capital", "borough", "neighborhood", "of"})
CONSTITUENCY_HEADS = frozenset({"senator", "sen.", "representative", "rep.", "congressman", "congresswoman",
                                "delegate", "committeeman", "committeewoman", "lawmaker", "legislator"})
PLACE_LABELS = frozenset({"GPE", "LOC"})


def without_residence(words: list[Token]) -> list[Token]:
    """A role without where its holder comes from, which is no part of it: "retiree from Las Vegas", "lawyer
    from the southwestern Chinese province of Sichuan" (the role up to the last "from" followed by nothing but
    a place); "senator from Texas" and "delegate from Michigan" keep it (an office held for that place), and
    so does "in" ("lobbyist in North Carolina", "political analyst in Kiev": where the job is, written with it)."""
    at = next((k for k in range(len(words) - 2, 0, -1) if words[k].lower_ == "from"), None)
    if at is None or not place_phrase(words[at + 1 :]):
        return words
    if head_of(words[:at]).lower_ in CONSTITUENCY_HEADS:
        return words
    return words[:at]


def place_phrase(words: list[Token]) -> bool:
    """Words naming a place and nothing else: "Las Vegas", "the southwestern Chinese province of Sichuan"."""
    places = [w for w in words if w.ent_type_ in PLACE_LABELS]
    others = [w for w in words if w.ent_type_ not in PLACE_LABELS | {"NORP"} and not w.is_punct
              and w.tag_ not in {"DT", "POS", "JJ"} and w.lower_ not in PLACE_NOUNS]
    return bool(places) and not others and words[-1].ent_type_ in PLACE_LABELS


def in_proper_name(words: list[Token], k: int) -> bool:
    """The preposition at ``k`` joins the words of one proper name ("Bank of America"), not a title to it."""
    proper = 0 < k < len(words) - 1 and words[k - 1].tag_ in {"NNP", "NNPS"} and words[k + 1].tag_ in {"NNP", "NNPS"}
    return proper and not names_a_person(words[k - 1].text)


# Adjectives that judge or pick someone out, no part of what they do ("good candidate", "the other candidate").
VERDICTS = frozenset({"good", "great", "bad", "better", "best", "fine", "excellent", "terrible", "strong", "weak",
                      "wonderful", "brilliant", "devoted", "other", "nice", "decent", "perfect", "worthy", "worse",
                      "worst", "awful", "lousy", "superb"})


def opinion_words(words: list[Token]) -> int:
    """How many words at the start of a role say how many or how good, not what: "only" ("the only
    Republican candidate"), an adverb and its adjective ("highly respected veteran strategist"), a party
    before another role ("Republican and former Virginia governor")."""
    k = 0
    while k < len(words) and words[k].lower_ == "only":
        k += 1
    while k < len(words) - 1 and words[k].lower_ in VERDICTS and words[k].tag_ in {"JJ", "JJR", "JJS"}:
        k += 1  # "a “good candidate”", "the other candidate on the stage": how good or which, not what
    if k + 1 < len(words) and words[k].tag_ in {"RB", "RBR"} and words[k].lower_ not in PAST_MARKERS:
        adverbs = k
        while adverbs < len(words) and words[adverbs].tag_ in {"RB", "RBR"}:
            adverbs += 1
        return adverbs + 1 if adverbs < len(words) - 1 and words[adverbs].tag_ in {"JJ", "VBN"} else k
    if k + 2 < len(words) and words[k].lower_ in PARTIES and words[k + 1].tag_ == "CC":
        return k + 2
    return k


ORDINAL = re.compile(r"^(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))$", re.IGNORECASE)


def age(word: Token) -> bool:
    """A number that is no year nor an ordinal ("62", "46-year-old"): an age or a count, not part of a role
    (but "first" of "first lady historian" and "1st" of "1st Lt." are)."""
    return word.like_num and not YEAR.fullmatch(word.text) and not ORDINAL.match(word.text)


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
        if word.tag_ == "IN" and not in_proper_name(words, k):
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


def last_noun(words: list[Token]) -> int:
    """The index of the last noun of ``words`` (-1 if none): a phrase ends on its head."""
    return max((k for k, w in enumerate(words) if w.tag_ in NOUN_TAGS), default=-1)
