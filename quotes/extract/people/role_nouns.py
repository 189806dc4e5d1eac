"""Whether a noun names what a person is or does ("director", "spokeswoman", "economist"), so that an
apposition or a copula after a name gives a role only when its head is one ("Jim Bennett, a retired
mail carrier" is a role; "Trump, the example" or "X, $1.5 million in the primary" are not).

No lexical database is available offline, so this is a list of the role nouns of news writing and
the suffixes that make them (-ist, -ian, -man, -woman, -ee, -er/-or agents), with the common
non-person words those suffixes also make.
"""

from __future__ import annotations

# One string each: readable, and cheaper to maintain than a list literal.
_ROLE_NOUNS = (
    "adviser advisor aide ally ambassador analyst anchor activist actor actress administrator advocate "
    "agent architect artist associate attorney author backer banker bishop blogger boss businessman "
    "businesswoman campaigner candidate captain cardinal celebrity ceo cfo chair chairman chairwoman "
    "champion chancellor chef chief citizen clerk coach co-chair co-founder cofounder colleague columnist "
    "commander commentator commissioner comedian congressman congresswoman consultant contender contractor "
    "contributor coordinator correspondent councilman councilwoman counsel counselor critic daughter "
    "defendant delegate democrat deputy designer detective diplomat director doctor donor economist "
    "editor educator emissary employee engineer entrepreneur envoy executive expert father founder "
    "friend girlfriend boyfriend fiance fiancee frontrunner front-runner fundraiser general governor grandmother "
    "grandfather guard head "
    "hopeful host co-host cohost husband independent investor journalist judge jurist justice king lawmaker lawyer "
    "leader legislator lieutenant lobbyist magnate manager marine mayor member minister mogul mother "
    "negotiator neighbor neurosurgeon nominee novelist officer official operative organizer owner "
    "panelist partner pastor patient physician pilot player politician pollster pope premier president "
    "priest principal producer professor prosecutor protester publisher queen rabbi rapper reporter "
    "representative republican researcher resident retiree rival scholar scientist secretary senator "
    "sergeant sheriff singer sister soldier son speaker spokesman spokesperson spokeswoman sponsor "
    "staffer standard-bearer star strategist student superintendent supporter surgeon surrogate "
    "teacher therapist treasurer trustee undersecretary user veteran vice-chair victim voter warden whip widow "
    "widower wife worker writer gunman shooter suspect survivor teenager veteran nurse official "
    "sen. rep. gov. gen. lt. col. sgt. capt. dr. atty. sec. sens. reps. govs. billionaire millionaire heiress "
    "maj. cpl. pvt. cmdr. spc. pfc. brig. amb. supt. msgr."
)
_NOT_PEOPLE = (
    "paper number order matter quarter letter power border center corner cover answer water winter "
    "summer weather character register chapter computer disaster filter finger hour layer manner meter "
    "monster offer other poster proper river shelter silver theater tower trigger wonder error factor "
    "honor horror labor mirror motor rumor sector tenor terror vapor favor flavor color floor door "
    "behavior banner barrier cancer career chamber dinner fever hammer ledger lever liter nature "
    "rubber timber transfer trailer event content talent incident accident extent intent percent plant "
    "grant warrant restaurant instant constant current present element corridor floor meteor tumor "
    "sweater computer printer outlier server browser router folder container counter"
)
ROLE_NOUNS = frozenset(_ROLE_NOUNS.split())
NOT_PEOPLE = frozenset(word for word in _NOT_PEOPLE.split() if word.isalpha())
PERSON_SUFFIXES = ("ist", "ian", "man", "woman", "person", "ee", "er", "or", "ant", "ent")
NOT_PERSON_ENDINGS = ("ment", "ness", "ion", "ity", "ship", "ism", "percent", "center", "letter")


# Prefixes that make a role noun another role noun ("superdelegate", "co-chairman", "vice-chairman").
ROLE_PREFIXES = ("super", "co-", "vice-", "sub", "arch")


def names_a_person(word: str) -> bool:
    """``word`` (a noun, singular or plural) names a kind of person: a role, a job, a relation; also a
    role noun with a prefix ("superdelegate")."""
    lowered = word.lower().strip(".,")
    prefix = next((p for p in ROLE_PREFIXES if lowered.startswith(p) and len(lowered) > len(p) + 3), None)
    if prefix is not None and names_a_person(lowered[len(prefix) :]):
        return True
    singular = lowered[:-1] if lowered.endswith("s") and not lowered.endswith("ss") else lowered
    for form in (lowered, singular):
        if form in ROLE_NOUNS or f"{form}." in ROLE_NOUNS:
            return True
        if form in NOT_PEOPLE or form.endswith(NOT_PERSON_ENDINGS) or thing_compound(form):
            continue
        if len(form) > 4 and form.endswith(PERSON_SUFFIXES):
            return True
    return False


def thing_compound(word: str) -> bool:
    """A compound whose last part names a thing ("newspaper", "superpower"): a thing too."""
    return any(word.endswith(thing) and len(word) - len(thing) >= 3 for thing in NOT_PEOPLE if len(thing) >= 5)
