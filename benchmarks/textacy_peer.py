"""The textacy peer of benchmarks/throughput.py; runs inside its own venv (textacy is no project dependency).

    python textacy_peer.py MODEL FILE...

Loads MODEL, warms it up, then times textacy's ``direct_quotations`` over every paragraph (line)
of every FILE, the paragraphs of an article going through ``nlp.pipe`` together (the fastest
way to run spaCy on many short texts, so the peer is measured at its best). Prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def peak_rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(sys.argv[1])
    texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[2:]]
    list(direct_quotations(nlp('"We will win," the president said on Monday.')))  # warm-up
    started, cpu = time.perf_counter(), time.process_time()
    quotes = bailed = 0
    for text in texts:
        paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
        for doc in nlp.pipe(paragraphs):
            try:
                quotes += len(list(direct_quotations(doc)))
            except ValueError:  # textacy refuses a paragraph with an odd number of quote marks
                bailed += 1
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    words = sum(len(t.split()) for t in texts)
    print(json.dumps({"articles": len(texts), "words": words, "seconds": seconds, "cpu": cpu, "quotes": quotes,
                      "bailed_paragraphs": bailed, "rss_kb": peak_rss_kb(), "workers_rss_kb": []}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
