"""The comparable form of a wording: case, marks, punctuation, spacing, ellipses and British spelling
do not make two wordings different; for clustering, neither do an outlet's bracketed insertions."""

from __future__ import annotations

import functools
import re
import unicodedata


def _words(text: str) -> list[str]:
    """Word lists written as one string (readable, and cheaper to maintain than a list literal)."""
    return text.split()


_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…|\[\s*\.\.\.\s*\]")
# Words an outlet puts into a quote, in brackets: "not Bill [Clinton], nobody", "he [Trump] is",
# "[sic]". They are not the speaker's, and another outlet's copy has others or none.
_INSERTION = re.compile(r"\[[^\[\]]{0,40}\]|\([^()]{0,40}\)")
APOSTROPHE = re.compile(r"(?<=\w)['’‘ʼ`´](?=\w)")
_NON_WORD = re.compile(r"[^\w]+|_")
# Runs of characters from U+0300 on, the first with a combining class (no earlier one has any):
# only these are looked at one by one when marks are stripped.
MARKABLE = re.compile("[^\x00-\u02ff]+")


def _strip_marks(run: re.Match[str]) -> str:
    return "".join(ch for ch in run.group() if not unicodedata.combining(ch))


def normalize(text: str) -> str:
    """Case-, mark-, punctuation-, spacing- and spelling-insensitive form of a wording; ellipses removed."""
    if not text.isascii():  # most wordings are plain ASCII: no marks to strip
        text = unicodedata.normalize("NFKD", text)
        text = MARKABLE.sub(_strip_marks, text)
    text = _ELLIPSIS.sub(" ", text.lower())
    text = APOSTROPHE.sub("", text)  # "don't" and "dont" are one word
    words = _NON_WORD.sub(" ", text).split()
    return " ".join(map(americanize, words))


# British -> American: whole words first, then suffix rules limited to known stems so that
# "hour", "four", "promise" or "wise" are left alone.
_WORDS: dict[str, str] = dict(
    pair.split(":", 1)
    for pair in _words(
        "defence:defense offence:offense licence:license pretence:pretense programme:program "
        "programmes:programs catalogue:catalog centre:center centres:centers centred:centered "
        "metre:meter metres:meters theatre:theater litre:liter fibre:fiber calibre:caliber "
        "sombre:somber spectre:specter meagre:meager manoeuvre:maneuver manoeuvres:maneuvers "
        "grey:gray tyre:tire tyres:tires cheque:check cheques:checks jewellery:jewelry "
        "aluminium:aluminum mould:mold plough:plow sceptical:skeptical sceptic:skeptic whilst:while "
        "amongst:among judgement:judgment ageing:aging analyse:analyze analysed:analyzed "
        "analyses:analyzes analysing:analyzing paralyse:paralyze paralysed:paralyzed enrol:enroll "
        "fulfil:fulfill instil:instill paediatric:pediatric anaesthetic:anesthetic "
        "encyclopaedia:encyclopedia foetus:fetus oestrogen:estrogen mediaeval:medieval "
        "draught:draft storey:story kerb:curb pyjamas:pajamas"
    )
)
_OUR = re.compile(
    r"^(colo|hono|labo|favo|behavio|neighbo|harbo|humo|rumo|vigo|endeavo|armo|flavo|savo|odo|valo|"
    r"parlo|splendo|clamo|rigo|fervo|ardo|tumo|cando)ur"
)
_LL = re.compile(
    r"^(travel|cancel|label|model|fuel|signal|total|channel|level|marshal|counsel|quarrel|dial|duel|"
    r"equal|jewel|rival|tunnel|pencil|shovel|libel|panel|impanel|worshipp?)l(ed|ing|er|ers)$"
)
_ISE = re.compile(r"^(\w{3,}?)(is)(e|es|ed|ing|ation|ations|er|ers)$")
_ISE_KEEP = frozenset(
    _words(
        "advise advised advises advising apprise arise compromise compromised comprise comprised "
        "despise devise devised disguise enterprise exercise exercised franchise improvise "
        "merchandise premise promise promised promises promising raise raised raises raising revise "
        "revised supervise supervised surprise surprised surprises surprising televise televised "
        "treatise cruise praise praised precise concise expertise otherwise clockwise likewise "
        "noise poise bruise chaise paradise demise excise incise circumcise guise anise porpoise "
        "tortoise turquoise mortise valise reprise rise rises risen wise"
    )
)


@functools.lru_cache(maxsize=1 << 16)  # a corpus repeats its words: each is respelled once
def americanize(word: str) -> str:
    """American spelling of a lower-case British word (unknown words come back unchanged)."""
    if word in _WORDS:
        return _WORDS[word]
    if _OUR.match(word):
        return _OUR.sub(lambda m: m.group(1) + "r", word)
    if _LL.match(word):
        return _LL.sub(lambda m: m.group(1) + m.group(2), word)
    if word not in _ISE_KEEP and _ISE.match(word):
        return _ISE.sub(lambda m: m.group(1) + "iz" + m.group(3), word)
    return word


def without_insertions(text: str) -> str:
    """The speaker's words only: an outlet's bracketed insertions ("[Clinton]", "[sic]", a short
    parenthesis) left out, ellipses ("[...]") kept."""
    return _INSERTION.sub(lambda m: m.group() if _ELLIPSIS.fullmatch(m.group()) else " ", text)


def has_ellipsis(text: str) -> bool:
    return _ELLIPSIS.search(text) is not None
