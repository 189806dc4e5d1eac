"""Windowed extraction against extraction in one piece, on one long article of real news text.

    .venv/bin/python benchmarks/windows.py [--set dev] [--sizes 100000 25000]

The articles of a PolNeAR set are laid end to end (blank lines between them, "Related"-style
end markers left out so the body runs to the end) into one article, extracted once whole
(``pipeline.analyse``, past the size limit) and once per window size (``windows.analyse_windowed``).
Printed per window size: the windows, the whole run's quotes, how many the windowed run finds
with the same span, and of those how many have the same speaker, role and date said; quotes
found by one run only are listed. Small windows cut more often: they show what a cut costs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.extract import model as nlp_loader
from quotes.extract.pipeline import analyse
from quotes.extract.windows import WINDOW_CHARS, analyse_windowed, plan
from quotes.models import Article, Quote
from quotes.text.furniture import END_MARKERS

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "polnear"


def long_text(folder: Path) -> str:
    articles = []
    for path in sorted(folder.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n")]
        articles.append("\n\n".join(line for line in lines if line and not END_MARKERS.match(line)))
    return "\n\n".join(articles)


def compare(whole: tuple[Quote, ...], windowed: tuple[Quote, ...], text: str) -> None:
    by_span = {(q.start, q.end): q for q in windowed}
    same = [(q, by_span[(q.start, q.end)]) for q in whole if (q.start, q.end) in by_span]
    n = len(whole)
    print(f"  quotes whole {n}, windowed {len(windowed)}, same span {len(same)} ({len(same) / max(n, 1):.4f})")
    for field in ("speaker", "role", "date", "confidence"):
        agree = sum(getattr(a, field) == getattr(b, field) for a, b in same)
        print(f"  same {field:<10} {agree:>5} of {len(same)} ({agree / max(len(same), 1):.4f})")
    for a, b in same:
        if (a.speaker, a.role, a.date) != (b.speaker, b.role, b.date):
            print(f"    at {a.start}: whole {a.speaker!r}/{a.role!r}/{a.date!r}; "
                  f"windowed {b.speaker!r}/{b.role!r}/{b.date!r}")
    spans = {(q.start, q.end) for q in whole}
    for q in whole:
        if (q.start, q.end) not in by_span:
            print(f"    whole only at {q.start}: {text[q.start:q.end][:60]!r} ({q.speaker})")
    for q in windowed:
        if (q.start, q.end) not in spans:
            print(f"    windowed only at {q.start}: {text[q.start:q.end][:60]!r} ({q.speaker})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default="dev", choices=["dev", "train"])
    parser.add_argument("--chars", type=int, default=0, help="cut the article to this many characters (0: all)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[WINDOW_CHARS, 25_000])
    args = parser.parse_args()
    text = long_text(POLNEAR / args.set / "texts")
    if args.chars:
        text = text[: text.rfind("\n\n", 0, args.chars)]
    article = Article(doc="long", text=text, source=f"polnear-{args.set}")
    nlp = nlp_loader.load()
    whole = analyse(article, nlp)
    print(f"PolNeAR {args.set} end to end: {len(text):,} characters, {len(whole.quotes)} quotes in one piece")
    for size in args.sizes:
        print(f"windows of {size:,} characters: {len(plan(text, size))} windows")
        compare(whole.quotes, analyse_windowed(article, nlp, size=size).quotes, text)


if __name__ == "__main__":
    main()
