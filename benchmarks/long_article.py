"""Time per article as articles grow: our extraction beside the bare spaCy pipeline.

    python benchmarks/long_article.py [--sizes 25 100 400]

Builds articles of N paragraphs, each with a quote and an attribution (so every step runs on
every paragraph), and prints seconds for ours and for ``nlp(text)`` with the same model, and
their ratio. The ratio must stay flat as N grows: anything that rescans the whole article per
quote shows up here as a ratio that climbs with N.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.extract import extract_article
from quotes.extract import model as nlp_loader
from quotes.models import Article

# Every paragraph differs (repeated lines would be masked as page furniture).
PARAGRAPHS = [
    '"We will not accept plan {n}," Senator Maria Lopez said on Tuesday in Washington.',
    "Lopez, a Democrat from Ohio, said bill {n} would cost taxpayers “{n} billion dollars”.",
    'The governor disagreed. "Plan {n} is a good deal for the state," he told reporters.',
    "Officials at the Treasury Department declined to comment on figure {n}.",
]


def article_of(paragraphs: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)].format(n=i) for i in range(paragraphs))


def seconds(run: object) -> float:
    began = time.perf_counter()
    run()  # type: ignore[operator]
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 100, 400, 1600])
    args = parser.parse_args()
    nlp = nlp_loader.load()
    nlp(article_of(4))  # warm up
    print(f"{'paragraphs':>10} {'quotes':>7} {'ours s':>8} {'spaCy s':>8} {'ours/spaCy':>11}")
    for size in args.sizes:
        text = article_of(size)
        article = Article(doc=f"long-{size}", text=text, source="synthetic")
        found: list[int] = []
        ours = seconds(lambda: found.append(len(extract_article(article, nlp=nlp).quotes)))  # noqa: B023
        bare = seconds(lambda: nlp(text))  # noqa: B023
        print(f"{size:>10} {found[0]:>7} {ours:>8.2f} {bare:>8.2f} {ours / bare:>10.2f}x")


if __name__ == "__main__":
    main()
