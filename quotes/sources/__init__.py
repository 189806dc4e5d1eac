"""Where articles come from: files, directories, stdin, URLs and feed records in, ``Article`` out.

- ``inputs``: walking paths, stdin and URLs; one ``Failure`` per unreadable input, the walk goes on;
- ``decode``: bytes to text (UTF-8, declared or detected charset, mojibake repaired) and the format of the text;
- ``records``: JSON and JSON Lines records (a bad record is a ``Failure``, the rest kept);
- ``fetch``: HTTP(S) with timeout, size limit and user agent;
- ``html``: main text of saved web pages (trafilatura), checked so a body is never lost unsaid;
- ``pruning``: page furniture pruned before main-text extraction (never a body container), the headline;
- ``stated``: what a page states about its article (JSON-LD, meta tags, bylines, ``<time>``);
- ``metadata``: outlet and title written in plain text, metadata dates to ISO.
"""

from .decode import repair_mojibake
from .fetch import is_url
from .inputs import articles_from_bytes, count_articles, iter_articles

__all__ = ["articles_from_bytes", "count_articles", "is_url", "iter_articles", "repair_mojibake"]
