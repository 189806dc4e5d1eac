"""The attributing clause of each quote: its reporting cue and the words naming the speaker.

- ``attribute``: the methods tried per quote (tail, lead, tree, transcript, colon);
- ``walks``: quotes with no clause beside them (up the parse to a reporting verb, "according to", the clause's subject);
- ``cues``: reporting verbs, their subjects, the mention that names the speaker (``Attribution``);
- ``phrases``: the words of that mention (an entity, a person inside a title phrase, not whom they work for);
- ``clauses``: clauses of time and asides (", he said,");
- ``stranded``: speakers the parse strands away from their verb; nouns that can speak;
- ``misread``: reporting clauses the tagger misreads after a quote;
- ``owners``: a quote that is the content of a possessed speech noun printed before it ("Trump's remarks that");
- ``titles``: quoted stretches that name something (titles, labels, headings), not words said;
- ``continuation``: quotes without a clause of their own borrow one; direct or partial.
"""

from .attribute import attribute_all, quote_mask
from .continuation import quote_kind
from .cues import Attribution, pos
from .owners import singular
from .phrases import entity_of

__all__ = ["Attribution", "attribute_all", "entity_of", "pos", "quote_kind", "quote_mask", "singular"]
