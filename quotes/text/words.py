"""Function words shared by clustering (``quotes.statements``) and stored-quote lookup (``quotes.store.query``).

Kept apart from the statements stage so that reading commands need not import rapidfuzz to use them.
"""

from __future__ import annotations

_STOPWORD_TEXT = (  # one string: readable, and cheaper to maintain than a list literal
    "a an and are as at be been but by do does for from had has have he her his i if in is it "
    "its me my no not of on or our she so than that the their them there these they this those "
    "to us was we were what when which who will with would you your"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
