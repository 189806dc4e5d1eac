"""Nationality words and country names: a role is printed without them ("Russian Deputy Prime
Minister", "Russia's deputy prime minister", "US President" -> the role alone), as the seeds' gold
and every labelled set here give roles. States and cities stay ("Michigan Gov.", "mayor of Miami"):
they say which office."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# One string each: readable, and cheaper to maintain than a list literal.
_DEMONYMS = (
    "afghan albanian algerian american andorran angolan argentine argentinian armenian australian "
    "austrian azerbaijani bahraini bangladeshi belarusian belgian bolivian bosnian brazilian british "
    "bulgarian burmese cambodian cameroonian canadian chilean chinese colombian congolese croatian cuban "
    "cypriot czech danish dominican dutch ecuadorian egyptian emirati english eritrean estonian ethiopian "
    "european filipino finnish french georgian german ghanaian greek guatemalan haitian honduran hungarian "
    "icelandic indian indonesian iranian iraqi irish israeli italian ivorian jamaican japanese jordanian "
    "kazakh kenyan korean kosovar kuwaiti kyrgyz latvian lebanese liberian libyan lithuanian macedonian "
    "malaysian malian maltese mexican moldovan mongolian montenegrin moroccan mozambican namibian nepalese "
    "nicaraguan nigerian norwegian omani pakistani palestinian panamanian paraguayan peruvian polish "
    "portuguese qatari romanian russian rwandan saudi scottish senegalese serbian singaporean slovak "
    "slovenian somali spanish sudanese swedish swiss syrian taiwanese tajik tanzanian thai tunisian "
    "turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian "
    "zimbabwean soviet"
)
_COUNTRIES = (
    "afghanistan albania algeria america argentina armenia australia austria azerbaijan bahrain "
    "bangladesh belarus belgium bolivia bosnia brazil britain bulgaria burma cambodia canada chile china "
    "colombia congo croatia cuba cyprus czechia denmark ecuador egypt england estonia ethiopia finland "
    "france georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran "
    "iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait latvia lebanon "
    "liberia libya lithuania macedonia malaysia mali malta mexico moldova mongolia montenegro morocco "
    "myanmar nepal netherlands nicaragua nigeria norway oman pakistan palestine panama paraguay peru "
    "philippines poland portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia "
    "slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia "
    "turkey uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe "
    "us u.s. usa u.s.a. uk u.k. eu u.n. un"
)
NATIONALITIES = frozenset(_DEMONYMS.split())
ORGANISATION_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "PRODUCT"})
COUNTRIES = frozenset(_COUNTRIES.split())


def is_nationality(word: str) -> bool:
    """A demonym or a country name ("Russian", "U.S.", "Russia"), any case."""
    lowered = word.lower()
    return lowered in NATIONALITIES or lowered in COUNTRIES


def drop_countries(words: list[Token]) -> list[Token]:
    """Nationality words, whole when hyphenated ("African-American", "Cuban-American"), and a country
    owning the role ("Russia's"), before the role's head noun only ("author of America's Bitter Pill"
    keeps its title)."""
    head = next((k for k, w in enumerate(words) if w.tag_ == "IN"), len(words))
    dropped: set[int] = set()
    for k in range(head):
        if is_nationality(words[k].text) and not in_organisation_name(words[k]):
            dropped |= hyphenated(words, k, head)
            if k + 1 < len(words) and words[k + 1].tag_ == "POS":
                dropped.add(k + 1)
    return [w for k, w in enumerate(words) if k not in dropped]


def in_organisation_name(word: Token) -> bool:
    """A country word inside an organisation's name, after its first word ("Priorities USA chief
    strategist", "Amnesty International USA"): the name is kept whole. One that opens the name says
    whose it is, like a nationality ("U.S. Army captain" -> "Army captain")."""
    return word.ent_type_ in ORGANISATION_LABELS and word.ent_iob_ == "I"


def hyphenated(words: list[Token], k: int, end: int) -> set[int]:
    """Index ``k`` and the words joined to it by hyphens without spaces, up to ``end``."""
    joined = {k}
    i = k
    while i + 2 < end and words[i + 1].text == "-" and not words[i].whitespace_ and not words[i + 1].whitespace_:
        joined |= {i + 1, i + 2}
        i += 2
    i = k
    while i - 2 >= 0 and words[i - 1].text == "-" and not words[i - 2].whitespace_ and not words[i - 1].whitespace_:
        joined |= {i - 1, i - 2}
        i -= 2
    return joined
