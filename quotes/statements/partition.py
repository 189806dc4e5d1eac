"""One group of linked members -> statements, deterministically and without chaining.

Members are taken fullest first (most words, a named speaker, a known and narrow occasion, then by
id): the first becomes a statement's canonical wording, and each next member joins the statement
whose canonical wording it fits best, if it fits that statement as a whole (its wording, its speaker
and its occasion), or starts a new one. A joins B and B joins C never puts C with A unless C fits A.
The statement's wording is the canonical one, lengthened by the words a member cut from the same
passage at another end adds (``match.overlap``): a fragment of either end fits the passage.

The result depends only on the set of members, never on the order they arrived in, so a store
gives the same statements (and ids) whatever order its articles were ingested in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .candidates import Candidates
from .match import OVERLAP_SCORE, Wording, extend
from .member import DISPUTE_THRESHOLD, DISPUTE_WORDS, Member, disputed_words, link_score, occasions_meet
from .names import speakers_agree
from .occasion import Occasion


def rank(member: Member) -> tuple[int, bool, bool, int, int, str]:
    """Fullest first: the canonical wording of a statement is its most complete, best attributed form."""
    occ = member.occasion
    width = (occ.last - occ.first) if occ.first is not None and occ.last is not None else 1 << 30
    return (-len(member.wording.words), not member.named, not occ.known, width, occ.first or 0, member.id)


def cluster_id(center: Member) -> str:
    """A statement's id: from its canonical member's content, the same in every database holding it."""
    return "c-" + center.id[:12]


@dataclass
class Statement:
    """A statement being built: its canonical member, and the speaker and occasion it has so far."""

    center: Member
    person: str | None = None  # the first named speaker: the center's, else a joining member's
    occasion: Occasion = field(default_factory=Occasion)
    members: list[Member] = field(default_factory=list)
    wording: Wording | None = None  # the passage: the center's words, and those overlapping members add

    @classmethod
    def start(cls, center: Member) -> Statement:
        return cls(center, center.speaker if center.named else None, center.occasion, [center], center.wording)

    def fit(self, member: Member) -> float | None:
        """How well ``member`` fits the statement as a whole; ``None`` when it does not."""
        whole = Member(self.center.id, self.wording or self.center.wording, self.person or self.center.speaker,
                       self.occasion)
        found = link_score(member, whole)
        # Another person given the very words of one of its wordings (a translation may be the
        # canonical one) on its occasion: the statement is in dispute, not a second statement.
        # (Words too few to be disputed with any wording, whatever it is, are not compared with each.)
        if (
            found is None
            and len(member.wording.own().words) >= DISPUTE_WORDS
            and speakers_agree(member.speaker, whole.speaker) is False
            and occasions_meet(member, self.center, self.occasion)
            and any(disputed_words(member.wording, other.wording) for other in self.members)
        ):
            return DISPUTE_THRESHOLD
        return found

    def add(self, member: Member, found: float) -> None:
        self.members.append(member)
        if found == OVERLAP_SCORE and self.wording is not None:
            self.wording = extend(self.wording, member.wording)
        if self.person is None and member.named:
            self.person = member.speaker
        if not self.occasion.known:
            self.occasion = member.occasion


def partition(members: Iterable[Member]) -> dict[str, str]:
    """Each member's id -> the id of its statement (``cluster_id`` of the canonical member)."""
    statements: list[Statement] = []
    candidates = Candidates()  # a member is tried only against statements it may fit
    for member in sorted(members, key=rank):
        best: int | None = None
        best_score = -1.0
        for index in candidates.for_member(member):
            found = statements[index].fit(member)
            if found is not None and found > best_score:
                best, best_score = index, found
        if best is None:
            statements.append(Statement.start(member))
            candidates.file(len(statements) - 1, member.occasion)
            continue
        statement = statements[best]
        dated = statement.occasion.known
        statement.add(member, best_score)
        if not dated and statement.occasion.known:
            candidates.file(best, statement.occasion)
    return {m.id: cluster_id(s.center) for s in statements for m in s.members}
