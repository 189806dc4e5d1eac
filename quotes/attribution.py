"""Who said each quoted stretch: the cue and the speaker mention, as pure functions over a ``Doc``.

For every quote the attributing clause is looked for in this order: right
after the closing mark (``," Rogozin said``), right before the opening mark
(``Ivanov said, adding: "``), then up the dependency tree from the quote to a
reporting verb outside it (fragments inside reported speech). Quotes left
without a clause borrow one from the quote they continue: the other half of a
split quote, the earlier paragraphs of a multi-paragraph quote, or a quote-only
paragraph right after an attributed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .spans import QuoteSpan

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
        "propose", "advise", "email", "text", "message", "interject", "interrupt", "snap", "fume", "apologize",
        "apologise", "clarify", "gush", "chide", "scold", "thunder", "concur", "hail", "applaud",
    }
)
# Verbs that report only with a clause or quote as object, not on their own ("continue", "read").
WEAK_CUES = frozenset({"continue", "call", "describe", "read", "cite", "order", "rule", "question"})
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "prep", "dep"}
SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is"}
TITLE_CUES = {"on", "of", "in", "to", "from", "at", "with", "for", "show", "program", "programme", "book",
              "film", "movie", "series", "titled", "entitled", "memoir", "novel", "song", "album", "magazine",
              "newspaper", "column", "op-ed", "editorial", "podcast", "documentary", "episode", "play"}
OUTER_CUES = frozenset({"say", "tell", "write", "tweet", "add", "argue", "claim", "insist", "explain", "note"})
MARKS = {'"', "“", "”", "„", "«", "'"}
RELATIVE_PRONOUNS = {"who", "that", "which"}
TRANSCRIPT_RE = re.compile(r"((?:[A-Z][A-Z.'’-]+ ){0,3}[A-Z][A-Z.'’-]+):\s")


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


def attribute_all(doc: Doc, spans: list[QuoteSpan], paragraphs: list[tuple[int, int]]) -> list[Attribution | None]:
    """An attribution (or ``None``) for every span, in the same order."""
    inside = quote_mask(doc, spans)
    found = [own_attribution(doc, spans, i, paragraphs, inside) for i in range(len(spans))]
    found = share_in_groups(spans, found)
    found = share_in_paragraph(doc, spans, found)
    found = share_with_next_paragraph(doc, spans, paragraphs, found)
    found = reported_just_before(doc, spans, paragraphs, found, inside)
    found = share_with_next_paragraph(doc, spans, paragraphs, found)
    return [None if is_title_of_work(doc.text, span) else f for span, f in zip(spans, found, strict=True)]


def is_title_of_work(text: str, span: QuoteSpan) -> bool:
    """``on "Meet the Press."``, ``his book "The Art of the Deal"``: a capitalised name after a
    preposition or a media noun is a title, not something said."""
    words = [w for w in re.findall(r"[\w’']+", text[span.start : span.end])]
    if not words or len(words) > 8:
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in SMALL_WORDS for w in words):
        return False
    before = re.findall(r"[\w’']+", text[max(0, span.open_at - 40) : span.open_at])
    return bool(before) and (before[-1].lower() in TITLE_CUES or before[-1].lower().endswith(("’s", "'s")))


def quote_mask(doc: Doc, spans: list[QuoteSpan]) -> list[bool]:
    """Per token: does it lie inside a quote (marks included)?"""
    inside = [False] * len(doc)
    for span in spans:
        stop = (span.close_at + 1) if span.close_at is not None else span.end
        char_span = doc.char_span(span.open_at, stop, alignment_mode="expand")
        if char_span is not None:
            for token in char_span:
                inside[token.i] = True
    return inside


def own_attribution(
    doc: Doc, spans: list[QuoteSpan], i: int, paragraphs: list[tuple[int, int]], inside: list[bool]
) -> Attribution | None:
    span = spans[i]
    transcript = transcript_attribution(doc, span)
    if transcript is not None:
        return transcript
    p_start, p_end = paragraphs[span.paragraph]
    next_open = next((s.open_at for s in spans[i + 1 :] if s.paragraph == span.paragraph), p_end)
    prev_close = max(
        [(s.close_at or s.end) + 1 for s in spans[:i] if s.paragraph == span.paragraph], default=p_start
    )
    if span.close_at is not None:
        found = tail_attribution(doc, span, span.close_at + 1, next_open, inside)
        if found:
            return found
    found = lead_attribution(doc, prev_close, span.open_at, inside)
    return (
        found
        or tree_attribution(doc, span, inside)
        or lexical_attribution(doc, span, inside)
        or introduced_by_previous_paragraph(doc, span, paragraphs, prev_close == p_start, inside)
        or subject_attribution(doc, span, inside)
    )


def introduced_by_previous_paragraph(
    doc: Doc, span: QuoteSpan, paragraphs: list[tuple[int, int]], first_in_paragraph: bool, inside: list[bool]
) -> Attribution | None:
    """``Trump issued the following statement:`` as a paragraph of its own, the quote below it."""
    if not first_in_paragraph or span.paragraph == 0:
        return None
    p_start, _ = paragraphs[span.paragraph]
    if doc.text[p_start : span.open_at].strip():
        return None
    prev_start, prev_end = paragraphs[span.paragraph - 1]
    if not doc.text[prev_start:prev_end].rstrip().endswith(":"):
        return None
    return lead_attribution(doc, prev_start, prev_end, inside) or statement_subject(doc, prev_start, prev_end, inside)


def reported_just_before(
    doc: Doc,
    spans: list[QuoteSpan],
    paragraphs: list[tuple[int, int]],
    found: list[Attribution | None],
    inside: list[bool],
) -> list[Attribution | None]:
    """A quote-only paragraph right after a paragraph of reported speech goes on with its speaker
    ("Carter said the deal was weak. | “It will not hold.”")."""
    result = list(found)
    for i, span in enumerate(spans):
        if result[i] is not None or span.paragraph == 0 or not quote_only_paragraph(doc.text, span, paragraphs):
            continue
        if i > 0 and spans[i - 1].paragraph == span.paragraph - 1:
            continue  # the previous paragraph ends in a quote nobody claimed: do not guess
        prev_start, prev_end = paragraphs[span.paragraph - 1]
        cues = [t for t in tokens_between(doc, prev_start, prev_end) if not inside[t.i] and is_cue(t)]
        if cues:
            result[i] = make_attribution(doc, outermost_cue(cues[-1], inside), "paragraph", inside)
    return result


def statement_subject(doc: Doc, start: int, end: int, inside: list[bool]) -> Attribution | None:
    """``X issued the following statement:``: no reporting verb, but the clause's subject speaks."""
    tokens = tokens_between(doc, start, end)
    if not tokens:
        return None
    root = tokens[-1].sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS and not inside[c.i]), None)
    return make_attribution(doc, root, "lead", inside) if subject is not None and is_agent(subject) else None


def transcript_attribution(doc: Doc, span: QuoteSpan) -> Attribution | None:
    """A transcript line: ``"PENCE: Well, look, ...`` names its speaker in capitals before a colon."""
    match = TRANSCRIPT_RE.match(doc.text, span.start, span.end)
    if match is None:
        return None
    start, end = match.span(1)
    sentence = doc.char_span(span.start, span.end, alignment_mode="expand")
    return Attribution(
        cue=":",
        cue_start=end,
        speaker_start=start,
        speaker_end=end,
        speaker_text=match.group(1).title(),
        speaker_label="PERSON",
        method="transcript",
        sentence_start=start,
        sentence_end=sentence.end_char if sentence is not None else span.end,
    )


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    if end <= start:
        return []
    region = doc.char_span(start, end, alignment_mode="contract")
    return [t for t in region if not t.is_space] if region is not None else []


def tail_attribution(doc: Doc, span: QuoteSpan, start: int, end: int, inside: list[bool]) -> Attribution | None:
    """``"...," Rogozin said`` / ``"...," said Rogozin`` / ``"...?" he asked``."""
    if introduces_next_quote(doc.text, span, start, end) or doc.text[span.start : span.end].rstrip().endswith("."):
        # A full stop inside the marks ends the sentence: what follows is a new one
        # ("...in my opinion." Reid said both ...), not this quote's attribution.
        return None
    tokens = [t for t in tokens_between(doc, start, end) if not inside[t.i]]
    words = 0
    for token in tokens:
        if token.text in {".", "!", "?", ";"} or token.text in "“\"":
            return None
        if is_cue(token):
            return make_attribution(doc, token, "tail", inside)
        if token.is_alpha:
            words += 1
            if words > 6:
                return None
    return None


def introduces_next_quote(text: str, span: QuoteSpan, start: int, end: int) -> bool:
    """``"...life." He added, "..."``: after a finished sentence, a clause ending in a comma or
    colon right before another quote introduces that quote, not this one."""
    finished = text[span.start : span.end].rstrip()[-1:] in {".", "!", "?"}
    between = text[start:end].rstrip()
    return finished and end < len(text) and text[end] in MARKS and between[-1:] in {",", ":"}


def lead_attribution(doc: Doc, start: int, end: int, inside: list[bool]) -> Attribution | None:
    """``Ivanov said, adding: "...`` / ``According to Putin, "...`` (cue closest to the quote)."""
    text = doc.text[start:end].rstrip()
    if not text or text[-1] not in ":,—–-":
        return None
    tokens = [t for t in tokens_between(doc, start, end) if not inside[t.i]]
    sentence_start = tokens[-1].sent.start if tokens else 0
    for token in reversed(tokens):
        if token.i < sentence_start:
            break
        if is_cue(token) or token.lower_ == "according":
            return make_attribution(doc, outermost_cue(token, inside), "lead", inside)
    return name_before_colon(doc, tokens) if text.endswith(":") else None


def name_before_colon(doc: Doc, tokens: list[Token]) -> Attribution | None:
    """``More from Jones: "..."`` / ``Pew Research: "..."``: a name right before the colon speaks."""
    if len(tokens) < 2 or tokens[-1].text != ":":
        return None
    last = tokens[-2]
    if not (last.ent_type_ in {"PERSON", "ORG"} or last.pos_ == "PROPN"):
        return None
    return attribution_for(doc, tokens[-1], last, "lead")


def tree_attribution(doc: Doc, span: QuoteSpan, inside: list[bool]) -> Attribution | None:
    """Walk up from the quote to a reporting verb outside it: ``said ... that they "damage ..."``."""
    region = doc.char_span(span.start, span.end, alignment_mode="expand")
    if region is None:
        return None
    for root in (t for t in region if not (region.start <= t.head.i < region.end) or t.head == t):
        token = root.head
        for _ in range(8):
            if not inside[token.i] and (is_cue(token) or token.lower_ == "according"):
                return make_attribution(doc, outermost_cue(token, inside), "tree", inside)
            if token.head == token:
                break
            token = token.head
    return None


def outermost_cue(cue: Token, inside: list[bool]) -> Token:
    """A fragment reported inside reported speech belongs to the outer source
    ("Cardin said Republicans rejected it, calling it an “area of contention”")."""
    best = cue
    for ancestor in cue.ancestors:
        if not inside[ancestor.i] and ancestor.lemma_.lower() in OUTER_CUES and ancestor.pos_ in {"VERB", "AUX"}:
            best = ancestor
    return best


def subject_attribution(doc: Doc, span: QuoteSpan, inside: list[bool]) -> Attribution | None:
    """No reporting verb at all: a fragment in a clause whose subject is a person or organisation
    ("Beruff called the standards “strong”", "They are skeptical of the “sharing economy”")."""
    region = doc.char_span(span.start, span.end, alignment_mode="expand")
    if region is None:
        return None
    token = region.root
    if token.dep_ in {"compound", "amod", "nmod"} and token.head.pos_ in {"NOUN", "PROPN"}:
        return None  # a designation naming something ("“2+2 format” consultations"), not words said
    for _ in range(8):
        if token.head == token and inside[token.i]:
            return None
        if not inside[token.i] and token.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and is_agent(subject):
                return make_attribution(doc, token, "subject", inside)
        if token.head == token:
            return None
        token = token.head
    return None


def is_agent(token: Token) -> bool:
    if token.pos_ == "PRON":
        return token.lower_ in {"he", "she", "they", "we", "i", "who"}
    return token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or token.pos_ == "PROPN"


def lexical_attribution(doc: Doc, span: QuoteSpan, inside: list[bool]) -> Attribution | None:
    """When the parse mis-tags the cue ("telling" as a noun): a reporting verb form earlier in the
    quote's sentence, read from the word itself."""
    region = doc.char_span(span.open_at, span.open_at + 1, alignment_mode="expand")
    if region is None:
        return None
    first = region[0]
    for token in reversed(doc[first.sent.start : first.i]):
        # Lower case only: "State" in "State Department" is not the verb "state".
        if not inside[token.i] and token.text.islower() and verb_base(token.lower_) in REPORTING_VERBS - WEAK_CUES:
            return make_attribution(doc, token, "tree", inside)
    return None


def verb_base(word: str) -> str:
    """A rough base form of a verb form, enough to recognise reporting verbs whatever their tag."""
    irregular = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
                 "thought": "think", "spoke": "speak"}
    if word in irregular:
        return irregular[word]
    for suffix, repl in (("ing", ""), ("ied", "y"), ("ies", "y"), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            for candidate in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem):
                if candidate in REPORTING_VERBS:
                    return candidate
    return word


def is_cue(token: Token, *, strict: bool = False) -> bool:
    if token.pos_ not in {"VERB", "AUX"} and token.lower_ != "according":
        return token.lemma_.lower() in {"statement", "tweet"} and token.pos_ == "NOUN" and not strict
    lemma = token.lemma_.lower()
    if lemma not in REPORTING_VERBS:
        return False
    return not (strict and lemma in WEAK_CUES)


def make_attribution(doc: Doc, cue: Token, method: str, inside: list[bool]) -> Attribution | None:
    subject = speaker_token(cue, inside)
    return attribution_for(doc, cue, subject, method) if subject is not None else None


def attribution_for(doc: Doc, cue: Token, subject: Token, method: str) -> Attribution:
    mention, label = mention_span(doc, subject)
    named, named_label = mention, label
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        # "Smith, who said ...": the mention is "who", the name is the noun it hangs on.
        named, named_label = mention_span(doc, subject.head.head)
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


def speaker_token(cue: Token, inside: list[bool]) -> Token | None:
    """The subject of the reporting verb, climbing through participles ("..., adding:").

    Words inside a quote are never the speaker: a quoted sentence has subjects of its own."""
    if cue.lower_ == "according":
        return next((c for c in cue.subtree if c.dep_ == "pobj" and not inside[c.i]), None)
    verb = cue
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not inside[c.i]]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - cue.i))
        if verb.dep_ not in CLIMB_DEPS or verb.head == verb:
            break
        verb = verb.head
    return adjacent_name(cue, inside)


def adjacent_name(cue: Token, inside: list[bool]) -> Token | None:
    """When the parse gives no subject: a name or pronoun right after or before the cue."""
    doc = cue.doc
    for i in (cue.i + 1, cue.i - 1):
        if 0 <= i < len(doc) and not inside[i] and (doc[i].pos_ in {"PROPN", "PRON"} or doc[i].ent_type_ == "PERSON"):
            return doc[i]
    return None


def mention_span(doc: Doc, token: Token) -> tuple[Span, str]:
    """The words naming the speaker, and what kind of mention they are."""
    if token.ent_type_:
        ent = next(e for e in doc.ents if e.start <= token.i < e.end)
        owner = next((c for c in ent.root.lefts if c.dep_ == "poss" and c.i < ent.start), None)
        if owner is not None and ent.label_ != "PERSON":  # "Russia's Defense Ministry"
            return doc[owner.left_edge.i : ent.end], ent.label_
        return ent, ent.label_
    if token.pos_ == "PRON":
        return doc[token.i : token.i + 1], "PRON"
    left = token.i
    for child in token.lefts:
        if child.dep_ in {"compound", "amod", "poss", "det", "nmod", "flat"}:
            left = min(left, child.left_edge.i)
    right = token.i + 1
    for child in token.rights:
        name_part = child.dep_ in {"compound", "flat", "appos"} and child.pos_ == "PROPN"
        if name_part or (child.dep_ == "prep" and child.lower_ in {"for", "of", "at", "with"}):
            right = max(right, child.right_edge.i + 1)
    label = "PROPN" if token.pos_ == "PROPN" else "NOUN"
    return doc[left:right], label


def share_in_groups(spans: list[QuoteSpan], found: list[Attribution | None]) -> list[Attribution | None]:
    """A quote running over several paragraphs takes one attribution for all its parts."""
    result = list(found)
    i = 0
    while i < len(spans):
        j = i
        while spans[j].continues and j + 1 < len(spans):
            j += 1
        group = range(i, j + 1)
        shared = next((found[k] for k in reversed(group) if found[k]), None)
        for k in group:
            if result[k] is None and shared is not None:
                result[k] = replace(shared, method="continued")
        i = j + 1
    return result


def share_in_paragraph(
    doc: Doc, spans: list[QuoteSpan], found: list[Attribution | None]
) -> list[Attribution | None]:
    """The halves of a split quote share the clause between them: ``"A," he said. "B."``."""
    result = list(found)
    for i, span in enumerate(spans):
        if result[i] is not None or not is_sentence(doc.text, span):
            continue
        same = [k for k in range(len(spans)) if spans[k].paragraph == span.paragraph and found[k]]
        if same:
            nearest = min(same, key=lambda k: (abs(k - i), k > i))
            shared = found[nearest]
            assert shared is not None
            result[i] = replace(shared, method="split")
    return result


def share_with_next_paragraph(
    doc: Doc, spans: list[QuoteSpan], paragraphs: list[tuple[int, int]], found: list[Attribution | None]
) -> list[Attribution | None]:
    """A quote-only paragraph right after an attributed quote goes on with the same speaker."""
    result = list(found)
    for i, span in enumerate(spans):
        if result[i] is not None or i == 0 or not quote_only_paragraph(doc.text, span, paragraphs):
            continue
        previous = result[i - 1]
        if previous is not None and spans[i - 1].paragraph in {span.paragraph, span.paragraph - 1}:
            result[i] = replace(previous, method="paragraph")
    return result


def quote_only_paragraph(text: str, span: QuoteSpan, paragraphs: list[tuple[int, int]]) -> bool:
    start, end = paragraphs[span.paragraph]
    content = len(text[start:end].strip())
    return content > 0 and (span.end - span.start) >= 0.6 * content and span.open_at - start <= 2


def is_sentence(text: str, span: QuoteSpan) -> bool:
    """A quote of at least one full sentence (starts upper case, several words)."""
    content = text[span.start : span.end]
    return bool(content) and content[0].isupper() and len(content.split()) >= 3


def quote_kind(text: str, span: QuoteSpan) -> str:
    """``direct`` for a full quoted sentence, ``partial`` for a fragment inside reported speech."""
    before = text[: span.open_at].rstrip()
    introduced = not before or before[-1] in ".:,;!?—–-\n"
    return "direct" if (is_sentence(text, span) and introduced) or span.continues or span.continued else "partial"
