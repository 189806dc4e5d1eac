"""Peak memory of extracting one article as the article grows: bounded by the window past ``WINDOW_CHARS``.

    .venv/bin/python benchmarks/memory.py [--sizes 100000 250000 1000000] [--whole]

Each size runs in a fresh process (peak RSS only ever grows within one): the spaCy pipeline is
loaded and warmed up on a short article, then one article of N characters of real news text
(PolNeAR train articles laid end to end, publishers in turn, cut at a paragraph; ``--quotes
dense`` keeps only the paragraphs that hold a quote mark) is extracted. Printed: the process's peak RSS, the growth over
the warmed-up baseline, and that growth per character of article. Extraction is
``extract_article`` (windows past ``WINDOW_CHARS``, the size limit enforced); ``--whole`` parses
the article in one piece (``pipeline.analyse``, no size limit): the curve windows flatten.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from quotes.text.furniture import END_MARKERS

HERE = Path(__file__).resolve().parent
TEXTS = HERE.parent.parent / "shared" / "polnear" / "train" / "texts"
DEFAULT_SIZES = [100_000, 250_000, 1_000_000]


def interleaved(paths: list[Path]) -> list[Path]:
    """One article of each publisher in turn, so every size has the same mix (PolNeAR's NYT texts
    have lost their quote marks: read in name order, a long article would end quote-free)."""
    by_publisher: dict[str, list[Path]] = {}
    for path in sorted(paths):
        by_publisher.setdefault(path.name.split("_")[0], []).append(path)
    rounds = max(map(len, by_publisher.values()))
    return [group[i] for i in range(rounds) for group in by_publisher.values() if i < len(group)]


def news_text(chars: int, *, dense: bool) -> str:
    """``chars`` characters of real articles, whole paragraphs, blank lines between them."""
    paragraphs: list[str] = []
    total = 0
    for path in interleaved(list(TEXTS.glob("*.txt"))):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            paragraph = paragraph.strip()
            if not paragraph or (dense and not any(mark in paragraph for mark in '"“”')):
                continue
            if END_MARKERS.match(paragraph):  # "Related", "Tags": the body would end there
                continue
            paragraphs.append(paragraph)
            total += len(paragraph) + 2
            if total >= chars:
                return "\n\n".join(paragraphs)[:chars]
    raise SystemExit(f"only {total:,} characters of text in {TEXTS}; ask for less")


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def one(chars: int, dense: bool, whole: bool) -> None:
    """In the child: load, warm up, extract one article of ``chars`` characters, print JSON."""
    from quotes.extract import extract_article
    from quotes.extract import model as nlp_loader
    from quotes.extract.pipeline import analyse  # below the size check: the curve goes past it
    from quotes.models import Article

    extract = analyse if whole else lambda article, nlp: extract_article(article, nlp=nlp)

    nlp = nlp_loader.load()
    analyse(Article(doc="warm", text='"We will see," Maria Lopez said on Tuesday.', source="warm"), nlp)
    text = news_text(chars, dense=dense)
    baseline = peak_mib()
    start = time.perf_counter()
    found = extract(Article(doc="long", text=text, source="polnear-train"), nlp)
    print(json.dumps({"chars": len(text), "quotes": len(found.quotes), "seconds": time.perf_counter() - start,
                      "baseline": baseline, "peak": peak_mib()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES)
    parser.add_argument("--quotes", choices=["news", "dense"], default="news",
                        help="news: articles as written; dense: only paragraphs with a quote mark")
    parser.add_argument("--whole", action="store_true", help="parse in one piece: no windows, no size limit")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one, args.quotes == "dense", args.whole)
        return
    how = "in one piece" if args.whole else "in windows"
    print(f"{args.quotes} text {how}; one fresh process per size; the machine is shared: timings are noisy")
    print(f"{'chars':>9} {'quotes':>7} {'seconds':>8} {'peak MiB':>9} {'growth MiB':>11} {'KiB/char':>9}")
    for size in args.sizes:
        flags = ["--whole"] if args.whole else []
        done = subprocess.run([sys.executable, __file__, "--one", str(size), "--quotes", args.quotes, *flags],
                              capture_output=True, text=True, check=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        growth = row["peak"] - row["baseline"]
        print(f"{row['chars']:>9,} {row['quotes']:>7} {row['seconds']:>8.1f} {row['peak']:>9.0f} "
              f"{growth:>11.0f} {growth * 1024 / row['chars']:>9.2f}")


if __name__ == "__main__":
    main()
