"""Roles written by a name: a title before it ("Deputy Prime Minister Dmitry Rogozin") or in
apposition after it ("Dmitry Rogozin, Russia's deputy prime minister"); past titles marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotes.extract.attribution import pos

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Head nouns a title ends with; modifiers before them ("Deputy Prime", "Defense") are kept.
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
    "assistant", "under", "lieutenant", "communications", "policy", "senior", "top",
}
PAST_MARKERS = {"then", "then-", "former", "ex", "ex-", "late", "onetime", "one-time"}


def title_before(doc: Doc, start: int) -> tuple[str | None, bool]:
    """The title written right before a name: "Russian Deputy Prime Minister [Sergei Ivanov]"."""
    words: list[Token] = []
    i = start - 1
    while i >= 0 and is_title_token(doc[i]):
        words.insert(0, doc[i])
        i -= 1
    if i > 0 and doc[i].text in {"-", "–"}:  # "then-President" is often split at the hyphen
        i -= 1
    past = i >= 0 and doc[i].lower_.rstrip("-") in {"then", "former", "ex", "late"}
    past = past or any(w.lower_.startswith(("then-", "former", "ex-")) for w in words)
    return format_role(words), past


def is_title_token(token: Token) -> bool:
    text = token.lower_
    if text.startswith("then-") or text.startswith("ex-"):
        return text.split("-", 1)[1] in TITLE_WORDS
    # Lower-case titles count too ("press secretary Josh Earnest"): format_role still
    # insists on a title head noun at the end.
    return text in TITLE_WORDS


def format_role(words: list[Token]) -> str | None:
    """Title case the title words, drop nationality, require a title head at the end."""
    kept = [w.text.split("-", 1)[1] if w.lower_.startswith(("then-", "ex-")) else w.text for w in words]
    while kept and kept[0].lower() == "of":
        kept = kept[1:]
    while kept and kept[-1].lower() == "of":
        kept = kept[:-1]
    if not kept or kept[-1].lower() not in TITLE_HEADS:
        return None
    return " ".join(word if word.isupper() and len(word) > 1 else word[:1].upper() + word[1:] for word in kept)


def apposition_after(doc: Doc, end: int) -> tuple[str | None, bool]:
    """A title in apposition: "Dmitry Rogozin, Russia's deputy prime minister, said"."""
    if end >= len(doc) or doc[end].text != ",":
        return None, False
    words: list[Token] = []
    past = False
    for token in doc[end + 1 : end + 9]:
        if token.text in {",", ";", "."} or pos(token) == "VERB":
            break
        if token.lower_ in PAST_MARKERS or token.lower_.startswith(("then-", "former")):
            past = True
        if token.lower_ in TITLE_WORDS:
            words.append(token)
        elif words:
            break
    role = format_role(words)
    return (role, past) if role else (None, False)
