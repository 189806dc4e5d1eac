"""People in an article, from the article alone: mentions and full names (``index``), roles written
by a name (``roles``; which words make one: ``role_words``; a job said by its verb: ``deeds``) and the
one in force when a quote was said (``tenure``), descriptions a surname only modifies
(``descriptions``), and which pronoun stands for whom (``gender``), what an organisation is
(``bodies``), how prominent a mention is in its sentence (``salience``), people brought in without a
name (``unnamed``), the name a title phrase ends with (``titled``); a name as a string, without its titles
(``names``)."""

from .bodies import BODY_HEADS, body_roles_at, body_text
from .descriptions import (
    CANDIDATE_HEADS,
    UNNAMED_ROLE_HEADS,
    Description,
    definite_description,
    described_by,
    description_objects,
    description_subjects,
    unnamed_role,
)
from .gender import add_genders, gender_of
from .index import Mention, PeopleIndex, build_index, roles_written_for
from .role_words import RANK_ABBREVIATIONS
from .roles import Role, role_by_relative
from .salience import MAIN_SUBJECT, OTHER, SUBJECT, mention_rank, phrase_head
from .titled import name_closing_title
from .unnamed import introduced_unnamed

__all__ = [
    "BODY_HEADS", "CANDIDATE_HEADS", "MAIN_SUBJECT", "OTHER", "RANK_ABBREVIATIONS", "SUBJECT", "UNNAMED_ROLE_HEADS",
    "Description",
    "Mention", "PeopleIndex", "Role", "add_genders", "body_roles_at", "body_text", "build_index",
    "definite_description", "described_by", "description_objects", "description_subjects", "gender_of",
    "introduced_unnamed", "mention_rank", "name_closing_title", "phrase_head", "role_by_relative",
    "roles_written_for", "unnamed_role",
]
