"""The attributing clause of a quote: reporting cues, their subjects, and the words naming the speaker.

Pure functions over spaCy tokens. ``Attribution`` is what the rest of the
package gets back: character offsets, never spaCy objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .clauses import is_adverbial_clause
from .phrases import mention_span
from .stranded import (
    FINITE_TAGS,
    appositive_before,
    participle_owner,
    stands_for_people,
    subject_before_aside,
    who_stands_for,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

REPORTING_VERBS = frozenset(
    {
        "say", "tell", "add", "note", "explain", "write", "tweet", "post", "ask", "claim", "argue", "insist",
        "warn", "state", "declare", "announce", "acknowledge", "admit", "recall", "reply", "respond", "answer",
        "comment", "suggest", "predict", "promise", "vow", "pledge", "urge", "deny", "complain", "conclude",
        "concede", "contend", "assert", "emphasize", "emphasise", "stress", "observe", "quip", "joke", "shout",
        "boast", "remark", "report", "testify", "confirm", "caution", "counter", "charge", "accuse", "allege",
        "maintain", "reiterate", "describe", "call", "express", "hope", "believe", "think", "tout", "cite",
        "continue", "lament", "mock", "praise", "blast", "slam", "criticize", "criticise", "question", "wonder",
        "scoff", "retort", "recount", "muse", "agree", "disagree", "dismiss", "demand", "brag", "proclaim",
        "insinuate", "reveal", "disclose", "estimate", "forecast", "threaten", "order", "rule", "instruct",
        "inform", "assure", "reassure", "signal", "indicate", "repeat", "mention", "read", "chant", "sing",
        "exclaim", "scream", "yell", "whisper", "plead", "beg", "sigh", "laugh", "marvel", "recommend",
        "propose", "advise", "email", "text", "message", "interject", "interrupt", "snap", "fume", "bark", "cry",
        "roar", "lecture", "holler", "growl", "mutter", "apologize", "apologise", "clarify", "gush", "chide",
        "scold", "thunder", "concur", "hail", "applaud",
    }
)
# Verbs that report only with a clause or quote as object, not on their own ("continue", "read").
WEAK_CUES = frozenset({"continue", "call", "describe", "read", "cite", "order", "rule", "question"})
STRONG_CUES = REPORTING_VERBS - WEAK_CUES  # enough on their own, read from the word when the parse fails
IRREGULAR_VERBS = {
    "said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write", "written": "write",
    "thought": "think", "spoke": "speak", "sang": "sing", "sung": "sing", "read": "read", "reads": "read",
    "put": "put", "puts": "put",
}
TAG_CLASSES = {
    "NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "NNS": "NOUN", "PRP": "PRON", "PRP$": "PRON", "WP": "PRON",
    "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "CD": "NUM", "IN": "ADP", "DT": "DET",
}
# Entities that are never who spoke, though the parser sometimes makes them the subject.
NOT_SPEAKERS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
# Verbs whose next word is the one spoken to, not the speaker ("told AFP", "asked Clinton").
ADDRESSEE_VERBS = {"tell", "ask", "inform", "assure", "reassure", "urge", "warn", "remind", "instruct", "email"}
# Verbs whose next word is what they judge, not the speaker ("described Trump as", "called Clinton").
OBJECT_VERBS = {"describe", "call", "accuse", "praise", "blast", "slam", "criticize", "criticise", "mock", "dismiss",
                "chide", "scold", "hail", "applaud", "cite", "question", "order", "lecture", "charge", "counter"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "prep", "dep"}
OUTER_CUES = frozenset({"say", "tell", "write", "tweet", "add", "argue", "claim", "insist", "explain", "note"})
RELATIVE_PRONOUNS = {"who", "that", "which"}
# Verbs that report only with "back" after them ("shot back", "fired back", "hit back").
BACK_VERBS = {"shot", "shoot", "shoots", "shooting", "fired", "fire", "fires", "firing", "hit", "hits", "hitting"}
RESTATING_CUES = frozenset({"say", "add", "tweet", "describe", "write"})  # speech, not thought
SUBJECT_PRONOUNS = {"he", "she", "they", "i", "we"}  # the only pronouns an inverted cue takes ("said he")
# Nouns that carry someone's words: "Trump's pledge to be “neutral”", "his call for “a total ban”".
SPEECH_NOUNS = frozenset(
    {
        "call", "assertion", "claim", "comment", "remark", "pledge", "promise", "vow", "answer", "response",
        "warning", "accusation", "insistence", "suggestion", "declaration", "argument", "rejection", "offer",
        "aside", "dictum", "plea", "demand", "slogan", "broadside", "criticism", "boast", "complaint", "denial",
        "admission", "prediction", "proposal", "description", "characterization", "quip", "retort", "refrain",
    }
)
POSSESSIVE_PRONOUNS = {"his", "her", "their"}
# What the parser makes of the speaker after an inverted cue ("said the 46-year-old").
INVERTED_DEPS = {"dobj", "attr", "nsubj", "npadvmod", "dative", "oprd"}


@dataclass(frozen=True, kw_only=True)
class Attribution:
    """The attributing clause found for one quote."""

    cue: str
    cue_start: int
    speaker_start: int  # the mention in the clause ("he", "Putin", "Russia's Defense Ministry")
    speaker_end: int
    speaker_text: str
    speaker_label: str  # PERSON, PRON, ORG, NOUN ... : how to resolve the mention
    method: str  # tail | lead | tree | split | continued | paragraph
    sentence_start: int  # the clause's sentence, for time expressions
    sentence_end: int


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    if end <= start:
        return []
    region = doc.char_span(start, end, alignment_mode="contract")
    return [t for t in region if not t.is_space] if region is not None else []


def is_cue(token: Token, *, strict: bool = False) -> bool:
    """A reporting verb ("said", "tweeted", "according"), or a noun that carries words ("statement").

    ``strict``: only verbs that report on their own, far from the quote (not "called", "read")."""
    if pos(token) != "VERB" and token.lower_ != "according":
        return token.lower_ in {"statement", "statements", "tweet", "tweets"} and not strict
    if token.lower_ in BACK_VERBS:  # "Sanders shot back", "fired back at Trump": a retort
        return not strict and next_word(token) == "back"
    if verb_base(token.lower_) == "put":  # "as Tom Ridge put it, ...": only with "it" does "put" report
        return not strict and next_word(token) == "it"
    return verb_base(token.lower_) in (STRONG_CUES if strict else REPORTING_VERBS)


def next_word(token: Token) -> str:
    """The word after ``token``, lower-cased; "" at the end of the text."""
    return token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""


def pos(token: Token) -> str:
    """The coarse part of speech read from the fine tag: the pipeline runs without the
    attribute ruler and lemmatizer (a fifth of its time), and only these classes matter here."""
    tag = token.tag_
    if tag.startswith("VB") or tag == "MD":
        return "VERB"
    return TAG_CLASSES.get(tag, "X")


def verb_base(word: str) -> str:
    """A rough base form of a verb form, enough to recognise reporting verbs whatever their tag."""
    if word in IRREGULAR_VERBS:
        return IRREGULAR_VERBS[word]
    for suffix, repl in (("ing", ""), ("ied", "y"), ("ies", "y"), ("ed", ""), ("es", ""), ("s", "")):
        # ">=": "cried" leaves a two-letter stem; only known reporting verbs are ever returned.
        if word.endswith(suffix) and len(word) >= len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            for candidate in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem):
                if candidate in REPORTING_VERBS:
                    return candidate
    return word


def make_attribution(doc: Doc, cue: Token, method: str, inside: list[bool]) -> Attribution | None:
    subject = speaker_token(cue, inside)
    return attribution_for(doc, cue, subject, method) if subject is not None else None


def attribution_for(doc: Doc, cue: Token, subject: Token, method: str) -> Attribution:
    mention, label = mention_span(doc, subject)
    named, named_label = mention, label
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        named, named_label = named_by_relative(doc, subject)
    sent = cue.sent
    return Attribution(
        cue="according to" if cue.lower_ == "according" else cue.text,
        cue_start=cue.idx,
        speaker_start=mention.start_char,
        speaker_end=mention.end_char,
        speaker_text=named.text,
        speaker_label=named_label,
        method=method,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
    )


def named_by_relative(doc: Doc, relative: Token) -> tuple[Span, str]:
    """"Smith, who said ...": the mention is "who", the name is the noun it hangs on (for "who",
    the person that noun belongs to), without the relative clause itself."""
    antecedent = relative.head.head
    named, label = mention_span(doc, who_stands_for(antecedent) if relative.lower_ == "who" else antecedent)
    if named.start < relative.i < named.end:  # "the girlfriend of his friend, who ...": not the clause
        named = doc[named.start : relative.i - 1 if doc[relative.i - 1].is_punct else relative.i]
    return named, label


def speaker_token(cue: Token, inside: list[bool]) -> Token | None:
    """The subject of the reporting verb, climbing through participles ("..., adding:").

    Words inside a quote are never the speaker: a quoted sentence has subjects of its own."""
    if cue.lower_ == "according":
        return next((c for c in cue.subtree if c.dep_ == "pobj" and not inside[c.i]), None)
    agent = passive_agent(cue, inside) or aside_speaker(cue, inside)
    if agent is not None:
        return agent
    verb = cue
    for _ in range(3):
        if verb is not cue and cue.tag_ == "VBG" and not is_cue(verb):
            verb = outermost_cue(verb, inside)  # "X said Y "had ...," adding": X adds, not Y
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and can_speak(c, inside)]
        if subjects:
            return nearest_subject(cue, subjects)
        # "Trump issued a statement, ...": a noun cue is what its verb's subject put out.
        noun_object = pos(verb) != "VERB" and verb.dep_ in {"dobj", "attr"}
        if (verb.dep_ not in CLIMB_DEPS and not noun_object) or verb.head == verb:
            break
        controller = object_controller(verb, inside)
        if controller is not None:
            return controller
        verb = verb.head
    return (
        adjacent_name(cue, inside)
        or appositive_before(cue, inside)
        or subject_before_aside(cue, inside)
        or participle_owner(cue, inside)
    )


def nearest_subject(cue: Token, subjects: list[Token]) -> Token:
    """The subject nearest the cue, unless that is neither a name nor a pronoun and a person's name is
    also there: another subject the parser gave the verb (', said Army Capt. Christian Pardo': "Capt"
    and "Pardo" both subjects), or a name joined to it after a title of its own."""
    ordered = sorted(subjects, key=lambda c: abs(c.i - cue.i))
    nearest = ordered[0]
    if pos(nearest) == "PRON" or nearest.ent_type_ == "PERSON":
        return nearest
    # Titles joined by "and", the name after the last ("Actor and director Ben Stiller", "former Pennsylvania
    # Gov. and Democratic National Committee Chairman Ed Rendell"): the parser heads the phrase with the first.
    titled = (c for c in nearest.conjuncts if c.ent_type_ == "PERSON" and c.left_edge.i < c.i - 1)
    return next((c for c in ordered if c.ent_type_ == "PERSON"), None) or next(titled, nearest)


def aside_speaker(cue: Token, inside: list[bool]) -> Token | None:
    """``Any interpretation of Mr. Kerry's actions, said Michael Kofman, an expert on Russia, would read
    this as ...``: a verb of saying set off by a comma with a person's name right after it is an aside
    whose speaker is that name, whatever the parser made the verb's subject (here "interpretation"), when
    the name ends the aside."""
    doc = cue.doc
    if cue.i == 0 or cue.i + 1 >= len(doc) or doc[cue.i - 1].text != "," or cue.tag_ not in {"VBD", "VBZ"}:
        return None
    if not is_cue(cue) or verb_base(cue.lower_) in ADDRESSEE_VERBS | OBJECT_VERBS:
        return None
    name = next((e for e in doc.ents if e.start == cue.i + 1 and e.label_ == "PERSON"), None)
    # The name closes the aside (", said Michael Kofman," or "."): "..., said Trump's remarks" is the object.
    if name is None or name.end >= len(doc) or doc[name.end].text not in {",", ".", ";"}:
        return None
    return name[-1] if can_speak(name[-1], inside) else None


def passive_agent(cue: Token, inside: list[bool]) -> Token | None:
    """``Asked by Thrush if ...``, ``was called “reckless” by Ryan``: the agent of a passive cue speaks,
    not its subject (who was asked, or described)."""
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    person = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return person if person is not None and can_speak(person, inside) and is_agent(person) else None


def object_controller(verb: Token, inside: list[bool]) -> Token | None:
    """``That record prompted the Atlas to state, “...”``: the object of the verb an infinitive
    hangs on is who does it."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return obj if obj is not None and can_speak(obj, inside) and is_agent(obj) else None


def can_speak(token: Token, inside: list[bool]) -> bool:
    """Not inside a quote, and not a date, time or number ("said Saturday")."""
    return not inside[token.i] and (
        token.ent_type_ not in NOT_SPEAKERS or is_age_noun(token) or stands_for_people(token)
    )


def is_age_noun(token: Token) -> bool:
    """"the 46-year-old" names a person, though the tagger reads it as a date: its head word is
    "old" right after "year-" (a date never ends so)."""
    doc = token.doc
    return token.lower_ == "old" and token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "year"


def adjacent_name(cue: Token, inside: list[bool]) -> Token | None:
    """When the parse gives no subject: a name or pronoun right after the cue ("said Putin"), unless
    the verb takes its addressee there ("told AFP"), else just before it ("Ramos, 58, told")."""
    doc = cue.doc
    # Right after a closing mark the verb is inverted: what follows it speaks ('?" asked the boy').
    object_taking = verb_base(cue.lower_) in ADDRESSEE_VERBS | OBJECT_VERBS and not after_closing_mark(cue)
    after = [] if object_taking else [cue.i + 1]
    before = [cue.i - 1]
    for i in after + before:
        token = doc[i] if 0 <= i < len(doc) else None
        if token is None or not can_speak(token, inside):
            continue
        if i == cue.i + 1 and pos(token) == "PRON" and token.lower_ not in SUBJECT_PRONOUNS:
            continue  # "described it as", "calling him": the object, never an inverted speaker
        if pos(token) in {"PROPN", "PRON"} or token.ent_type_ == "PERSON":
            return name_after_title(token) if i > cue.i and after_closing_mark(cue) else token
    return inverted_subject(cue, inside) if after else None


def name_after_title(token: Token) -> Token:
    """``," recalled Mr. Rhodes``: an abbreviated title is a compound of the name that follows it."""
    title = token.text.endswith(".") and token.dep_ == "compound" and token.head.i == token.i + 1
    return token.head if title else token


def after_closing_mark(cue: Token) -> bool:
    return cue.i > 0 and cue.doc[cue.i - 1].tag_ == "''"


def inverted_subject(cue: Token, inside: list[bool]) -> Token | None:
    """``"...," added a South Carolina Democrat``: after an inverted cue the parser takes the
    speaker for the verb's object. Only a finite verb right after the closing mark is inverted
    (``calling the plan "a disaster"`` has an object, not a speaker), and only a noun phrase
    starting right after it counts."""
    if not is_cue(cue) or cue.tag_ not in {"VBD", "VBZ", "VBP"} or not after_closing_mark(cue):
        return None
    for child in cue.rights:
        if child.dep_ in INVERTED_DEPS and child.left_edge.i == cue.i + 1 and can_speak(child, inside):
            return child if pos(child) in {"NOUN", "PROPN"} else None
    return phrase_after(cue, inside)


def phrase_after(cue: Token, inside: list[bool]) -> Token | None:
    """The noun phrase right after an inverted cue when the parse hangs it elsewhere (``," said
    retired neurosurgeon Ben Carson, asked about ...``), or a capitalised name it mis-tags (``,"
    said Skelly``): the head of the phrase starting at the next word."""
    doc = cue.doc
    if cue.i + 1 >= len(doc):
        return None
    token = doc[cue.i + 1]
    if not can_speak(token, inside) or pos(token) == "PRON":
        return None
    if pos(token) not in {"NOUN", "PROPN", "ADJ"} and token.dep_ not in {"amod", "compound"}:
        capitalised = token.is_alpha and token.text[:1].isupper()
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        return token if capitalised and (following is None or following.is_punct) else None
    while token.head.i > cue.i and token.head.left_edge.i == cue.i + 1 and pos(token.head) in {"NOUN", "PROPN"}:
        token = token.head
    return token if pos(token) in {"NOUN", "PROPN"} and can_speak(token, inside) else None


def outermost_cue(cue: Token, inside: list[bool]) -> Token:
    """A fragment reported inside reported speech belongs to the outer source
    ("Cardin said Republicans rejected it, calling it an “area of contention”")."""
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS and not inside[c.i]), None)
    if subject is not None and (cue.dep_ == "conj" or subject.lower_ == "who" or restates(cue, subject)):
        # "Cruz said ..., and Trump vowed to", "said Weaver, who said ...": a coordinated or relative
        # clause names its own speaker
        return cue
    best = cue
    below = cue
    for ancestor in cue.ancestors:
        if is_adverbial_clause(below) and cue.tag_ in FINITE_TAGS:
            break  # "Axelrod tweeted after Clinton argued that “...”": the words are Clinton's
        if not inside[ancestor.i] and verb_base(ancestor.lower_) in OUTER_CUES and pos(ancestor) == "VERB":
            best = ancestor
        below = ancestor
    return best


def restates(cue: Token, subject: Token) -> bool:
    """``Netanyahu said ... although he tweeted that he “rejects ...”``: a verb of speech whose pronoun
    subject takes the speaker up again is the nearest mention of who said the words (a verb of
    thought, "he believes", is still reported by the outer clause)."""
    return subject.lower_ in {"he", "she"} and verb_base(cue.lower_) in RESTATING_CUES


def is_agent(token: Token) -> bool:
    if pos(token) == "PRON":
        return token.lower_ in {"he", "she", "they", "we", "i", "who"}
    return token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or pos(token) == "PROPN"


def speech_noun_attribution(doc: Doc, region: Span, inside: list[bool]) -> Attribution | None:
    """``Trump's recent assertion that “thousands” ...``, ``his call for “a total ban”``: a quote
    under a noun of speech belongs to that noun's owner."""
    token = region.root
    for _ in range(6):
        if token.head == token:
            return None
        token = token.head
        if inside[token.i] or pos(token) != "NOUN" or token.lower_ not in SPEECH_NOUNS:
            continue
        owner = next((c for c in token.children if c.dep_ == "poss" and not inside[c.i]), None)
        if owner is not None and (is_agent(owner) or owner.lower_ in POSSESSIVE_PRONOUNS):
            return attribution_for(doc, token, owner, "tree")
    return None

