"""People in an article, from the article alone: mentions and full names (``index``), roles written
by a name (``roles``), descriptions a surname only modifies (``descriptions``), and which pronoun
stands for whom (``gender``)."""

from .descriptions import described_by
from .gender import add_genders
from .index import Mention, PeopleIndex, build_index

__all__ = ["Mention", "PeopleIndex", "add_genders", "build_index", "described_by"]
