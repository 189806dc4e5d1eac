"""Statements: occurrences of the words one person said on one occasion, grouped across outlets.

- ``normalize``: the comparable form of a wording;
- ``match``: similarity of two wordings (rapidfuzz), and two cuts of one passage overlapping;
- ``occasion``: the days a quote can have been said on, from its date and the date's basis;
- ``names``: one person's names merged under the fullest; names told from descriptions;
- ``member``: one (wording, speaker, occasion) and the pairwise policy linking two of them;
- ``partition``: linked members -> statements, fullest first, without chaining;
- ``candidates``: the statements a member may fit, by the weeks of their occasions (no quadratic slogan);
- ``cluster``: blocking keys, families of linked members, the in-memory clusterer.
"""

from .cluster import MAX_POSTINGS, WINDOW, Clusterer, blocking_keys, enough_keys, linked_families, links
from .match import Wording, similarity
from .member import Member, link_score, linked
from .names import (
    fullness,
    is_person_name,
    merge_names,
    name_labels,
    name_tokens,
    one_of,
    people,
    same_person,
    speakers_agree,
)
from .normalize import normalize
from .occasion import UNKNOWN, Occasion, occasion_of
from .partition import cluster_id, partition

# The clustering rules' edition. Raise it with any change to this stage that can place a stored
# occurrence differently (wording, keys, thresholds, occasions, names): a database clustered under
# other rules is reclustered before it takes new occurrences, since its stored members and keys
# would not meet the new ones as the new rules expect (``quotes.store`` checks it on the first write).
RULES = 4

__all__ = [
    "MAX_POSTINGS",
    "RULES",
    "UNKNOWN",
    "WINDOW",
    "Clusterer",
    "Member",
    "Occasion",
    "Wording",
    "blocking_keys",
    "cluster_id",
    "enough_keys",
    "fullness",
    "is_person_name",
    "link_score",
    "linked",
    "linked_families",
    "links",
    "merge_names",
    "name_labels",
    "name_tokens",
    "normalize",
    "occasion_of",
    "one_of",
    "partition",
    "people",
    "same_person",
    "similarity",
    "speakers_agree",
]
