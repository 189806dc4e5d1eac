"""Windowed extraction against extraction in one piece, on one long article of real news text.

    .venv/bin/python benchmarks/windows.py [--set dev] [--sizes 100000 25000]

The articles of a PolNeAR set are laid end to end (as written, blank lines between them) into one
article, extracted once whole (``pipeline.analyse``, past the size limit) and once per window size
(``windows.analyse_windowed``). Printed per window size: the windows, the whole run's quotes, how
many the windowed run finds with the same span, and of those how many have the same speaker, role
and date said; the differing ones are listed (``--list``). Small windows cut more often: they show
what a cut costs. Time is windowed over whole, run side by side in one process. Each run's quotes,
put back into their articles, are also scored against the gold (shared/bench/score.py): one long
article mixes people of many stories (a surname two stories share is one person to the whole run),
so the gold says which run a difference favours.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from accuracy import score  # type: ignore[import-not-found]  # benchmarks/ is on the path

from quotes.extract import model as nlp_loader
from quotes.extract.pipeline import analyse
from quotes.extract.windows import WINDOW_CHARS, analyse_windowed, plan
from quotes.models import Article, Quote
from quotes.text import article_body

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "polnear"


def long_text(folder: Path) -> tuple[str, list[tuple[int, str]]]:
    """The articles end to end, and where each starts (its doc name)."""
    parts, starts, at = [], [], 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parts.append(text)
        starts.append((at, path.stem))
        at += len(text) + 2
    whole = "\n\n".join(parts)
    if article_body(whole).paragraphs[-1][1] < len(whole.rstrip()):
        raise SystemExit("an end marker (\"Related\") ends the long article's body early: pick other articles")
    return whole, starts


def gold_scores(quotes: tuple[Quote, ...], starts: list[tuple[int, str]], split: Path, out: Path) -> str:
    """The run's quotes put back into their articles, scored against the gold."""
    with out.open("w", encoding="utf-8") as pred:
        for quote in quotes:
            base, doc = next((b, d) for b, d in reversed(starts) if b <= quote.start)
            moved = {k: v - base if k in {"start", "end", "speaker_start", "speaker_end"} and v is not None else v
                     for k, v in quote.to_dict().items()}
            pred.write(json.dumps({**moved, "doc": doc}, ensure_ascii=False) + "\n")
    res = score(split, out, {doc for _, doc in starts})
    q, a, e = res["quote"], res["attribution"], res["end_to_end"]
    return f"quote F1 {q['f1']:.3f}, attribution {a['accuracy']:.3f}, e2e F1 {e['f1']:.3f}"


def compare(whole: tuple[Quote, ...], windowed: tuple[Quote, ...], text: str, listed: bool) -> None:
    by_span = {(q.start, q.end): q for q in windowed}
    same = [(q, by_span[(q.start, q.end)]) for q in whole if (q.start, q.end) in by_span]
    n = len(whole)
    print(f"  quotes whole {n}, windowed {len(windowed)}, same span {len(same)} ({len(same) / max(n, 1):.4f})")
    for field in ("speaker", "role", "date", "confidence"):
        agree = sum(getattr(a, field) == getattr(b, field) for a, b in same)
        print(f"  same {field:<10} {agree:>5} of {len(same)} ({agree / max(len(same), 1):.4f})")
    for a, b in same if listed else []:
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
    parser.add_argument("--sizes", type=int, nargs="+", default=[WINDOW_CHARS, 25_000])
    parser.add_argument("--list", action="store_true", help="list the quotes whose speaker, role or date differ")
    args = parser.parse_args()
    split = POLNEAR / args.set
    text, starts = long_text(split / "texts")
    article = Article(doc="long", text=text, source=f"polnear-{args.set}")
    nlp = nlp_loader.load()
    began = time.perf_counter()
    whole = analyse(article, nlp)
    whole_seconds = time.perf_counter() - began
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        print(f"PolNeAR {args.set} end to end: {len(text):,} characters, {len(whole.quotes)} quotes in one piece")
        print(f"  against the gold: {gold_scores(whole.quotes, starts, split, pred)}")
        for size in args.sizes:
            began = time.perf_counter()
            windowed = analyse_windowed(article, nlp, size=size).quotes
            ratio = (time.perf_counter() - began) / whole_seconds
            print(f"windows of {size:,} characters: {len(plan(text, size))} windows, {ratio:.2f}x the time whole")
            compare(whole.quotes, windowed, text, args.list)
            print(f"  against the gold: {gold_scores(windowed, starts, split, pred)}")


if __name__ == "__main__":
    main()
