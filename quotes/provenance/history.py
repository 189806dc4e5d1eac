"""One statement's history as data: who is credited, where it was first seen, and every outlet's
wording in date order with its word differences from the canonical text (``diff_segments``).

The plain-text ``cluster_history`` (``quotes show``) and the web page show the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotes.models import Cluster, Occurrence
from quotes.statements import people

from .verify import DiffKind, by_date, diff_segments, first_seen, main_speaker, merged_speakers


@dataclass(frozen=True, kw_only=True)
class Wording:
    """One article's wording of the statement."""

    occurrence: Occurrence
    diff: tuple[tuple[DiffKind, str], ...]  # against the canonical text; stored words not quoted are "…"

    @property
    def same(self) -> bool:
        """The same words as the canonical text (marks, case and spacing aside)."""
        return all(kind == "same" for kind, _ in self.diff)


@dataclass(frozen=True, kw_only=True)
class History:
    cluster: Cluster
    speaker: str | None  # the speaker most sources give (names of one person merged)
    role: str | None
    said: str | None  # earliest date said by that speaker's sources
    speakers: tuple[tuple[str, int], ...]  # every speaker credited, with their number of articles
    first: Occurrence | None  # the earliest article (dated before year-less before undated)
    wordings: tuple[Wording, ...]  # in date order

    @property
    def disputed(self) -> bool:
        """More than one person credited (a description beside a name is no second person)."""
        return len(people(list(self.speakers))) > 1

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({w.occurrence.outlet for w in self.wordings if w.occurrence.outlet}))


def history(cluster: Cluster) -> History:
    """The facts of ``quotes show`` for one cluster (with its occurrences)."""
    occurrences = cluster.occurrences
    name, role, said = main_speaker(occurrences) if occurrences else (cluster.speaker, cluster.role, cluster.date)
    wordings = tuple(
        Wording(occurrence=o, diff=tuple(diff_segments(cluster.text, o.text, trim_ends=True)))
        for o in by_date(occurrences)
    )
    return History(
        cluster=cluster, speaker=name, role=role, said=said,
        speakers=tuple(merged_speakers(occurrences).most_common()), first=first_seen(occurrences),
        wordings=wordings,
    )
