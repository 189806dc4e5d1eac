"""Statements: occurrences of the same words grouped across outlets (fuzzy matching, clustering).

- ``normalize``: the comparable form of a wording;
- ``match``: similarity of two wordings and the policy deciding one statement (rapidfuzz);
- ``cluster``: incremental clustering by blocking keys;
- ``names``: one person's names merged under the fullest form.
"""

from .cluster import MAX_CANDIDATES, MAX_VARIANTS, Clusterer, best_cluster, blocking_keys, cluster_id
from .match import Wording, same_statement, similarity
from .names import fullness, merge_names, name_labels, name_tokens, same_person
from .normalize import normalize

__all__ = [
    "MAX_CANDIDATES",
    "MAX_VARIANTS",
    "Clusterer",
    "Wording",
    "best_cluster",
    "blocking_keys",
    "cluster_id",
    "fullness",
    "merge_names",
    "name_labels",
    "name_tokens",
    "normalize",
    "same_person",
    "same_statement",
    "similarity",
]
