"""A member of the clustering: one wording, by one speaker, on one occasion, and the pairwise policy.

Occurrences that agree on all three (the same wire copy in ten papers) are one member, so the work
of clustering grows with distinct wordings, not with copies. ``linked`` decides whether two members
can be one statement: words close enough for their length, speakers that do not contradict each
other, and occasions that can meet.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .match import (
    CONTAIN_WORDS,
    OVERLAP_WORDS,
    SHORT_WORDS,
    THRESHOLD,
    TINY_WORDS,
    Wording,
    inflected,
    overlap,
    score,
    verbatim,
)
from .names import is_person_name, organisation_name, speakers_agree
from .occasion import Occasion, occasion_of

# The same words under two people's names are one statement in dispute (one of the reports is
# wrong) only when they are that statement beyond doubt: long, and the same words, not just close.
DISPUTE_WORDS = 6  # as long as the shortest quote whose words are compared without a speaker
DISPUTE_THRESHOLD = 95.0
# One speaker on one known occasion: two cuts of one passage overlap by a shorter run ("the foundation
# has no comment on the actions of that person" / "has no comment on the actions of that person that
# murdered Trayvon") than the run two undated or unnamed reports need (``match.OVERLAP_WORDS``).
OCCASION_OVERLAP_WORDS = 8
INFLECTED_SCORE = 90.0  # two tiny quotes by one person, one word's ending apart (``match.inflected``)
SHORT_CONTAIN_WORDS = 3  # one named speaker on one known occasion: a 3-word cut ("ISIS' best recruiter") joins
# From this many words (in the shorter wording) a quote is rarely said twice word for word, so a
# report of it without a date of its own may come back to it long after (``Occasion.meets(certain=)``).
LONG_WORDS = 10
# So is a quote of SHORT_WORDS or more that the other gives word for word (``match.verbatim``) on a
# date of its own: an undated recap months later ("And it's going to be completely useless.") of the
# words reported on the day. A line repeated on many occasions comes back reworded ("We cannot afford
# to be so politically correct anymore" / "We can't afford to be politically correct anymore"), and
# two undated reports of one slogan months apart are two rallies, not one.


@dataclass(frozen=True)
class Member:
    """A distinct (wording, speaker, occasion); ``id`` is a hash of the three."""

    id: str
    wording: Wording
    speaker: str | None
    occasion: Occasion

    @classmethod
    def of(
        cls, text: str, speaker: str | None = None, said: str | None = None, basis: str | None = None,
        published: str | None = None, nested: tuple[tuple[int, int], ...] = (),
    ) -> Member:
        wording = Wording.of(text, nested=nested)
        return cls.make(wording, speaker, occasion_of(said, basis, published))

    @classmethod
    def make(cls, wording: Wording, speaker: str | None, occasion: Occasion) -> Member:
        speaker = " ".join(speaker.split()) if speaker else None
        seed = "\x00".join([wording.norm, str(int(wording.elided)), speaker or "", str(occasion.first),
                            str(occasion.last), str(int(occasion.open_before))]
                         + ([wording.quoted_text] if wording.quoted_text else []))
        return cls(hashlib.sha1(seed.encode()).hexdigest()[:16], wording, speaker, occasion)

    @property
    def named(self) -> bool:
        return is_person_name(self.speaker)


def disputed_words(a: Wording, b: Wording) -> bool:
    """Long enough and the same words (whole or one cut from the other) to be one statement whoever said it.

    Only each speaker's own words count: words one quotes from someone else inside their own
    (``Wording.quoted``) are the other's statement, not a report of it credited to a second person.
    """
    a, b = a.own(), b.own()
    if min(len(a.words), len(b.words)) < DISPUTE_WORDS:
        return False
    return score(a, b, cutoff=DISPUTE_THRESHOLD) >= DISPUTE_THRESHOLD


def link_score(a: Member, b: Member) -> float | None:
    """How alike two members' words are, when they can be one statement; ``None`` when they cannot.

    Short quotes are generic ("I hope so"), so the fewer the words, the more must agree besides:
    under 3 words, the same words by the same named person; under 6, a named person agreeing, or
    at least 4 words by a named person and a description (or nobody). Two different people by name
    share a statement only as a dispute (``disputed_words``).
    """
    if not occasions_meet(a, b):
        return None
    agree = speakers_agree(a.speaker, b.speaker)
    # Words a speaker quotes from someone else are that person's: a second person's report of them
    # matches only the speaker's own words around them (``Wording.own``).
    wa, wb = (a.wording, b.wording) if agree else (a.wording.own(), b.wording.own())
    words = min(len(wa.words), len(wb.words))
    if agree is False:
        found = score(wa, wb, cutoff=DISPUTE_THRESHOLD) if words >= DISPUTE_WORDS else 0.0
        return found if found >= DISPUTE_THRESHOLD else None
    if words < TINY_WORDS:
        if not agree:
            return None
        return 100.0 if wa.norm == wb.norm else (INFLECTED_SCORE if inflected(wa, wb) else None)
    if words < SHORT_WORDS and not agree and (words < CONTAIN_WORDS or not (a.named or b.named)):
        return None
    one_occasion = agree and a.occasion.known and b.occasion.known
    contain_from = SHORT_CONTAIN_WORDS if one_occasion else CONTAIN_WORDS
    found = score(wa, wb, contain_from=contain_from, cutoff=THRESHOLD)
    if found < THRESHOLD:
        found = overlap(wa, wb, OCCASION_OVERLAP_WORDS if one_occasion else OVERLAP_WORDS)
    return found if found >= THRESHOLD else None


def occasions_meet(a: Member, b: Member, occasion: Occasion | None = None) -> bool:
    """``a``'s occasion meets ``occasion`` (default ``b``'s), as certainly as their words allow."""
    other = b.occasion if occasion is None else occasion
    if a.occasion.meets(other):
        return True
    words = min(len(a.wording.words), len(b.wording.words))
    dated = not (a.occasion.open_before and other.open_before)
    # An organisation's finding or statement is quoted for weeks ("top secret"): its very words,
    # under its very name, in an undated report may come back to it.
    org = organisation_name(a.speaker)
    said_again = org is not None and org == organisation_name(b.speaker) and a.wording.norm == b.wording.norm
    if words >= LONG_WORDS or (words >= SHORT_WORDS and dated and verbatim(a.wording, b.wording)) or said_again:
        return a.occasion.meets(other, certain=True)
    return False


def linked(a: Member, b: Member) -> bool:
    return link_score(a, b) is not None
