"""Pre-extracted results for the store benchmarks: PolNeAR train and dev, extracted once and cached.

    python benchmarks/store_corpus.py [--cache DIR]     # extracts (2 jobs) unless cached

``extractions()`` gives the cached ``Extraction`` records; ``variant(extraction, copy)`` a copy of one
with a new content hash; three copies in four also get a publication date moved by whole days and
their quotes' longer words made up anew in place (same length, so every offset still holds): new
statements, as a large archive holds many more than PolNeAR's, with PolNeAR's speakers, roles,
lengths and dates. The fourth copy is a wire copy: the same quotes in another article. Copy 0 is
the extraction itself.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import asdict, replace
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from quotes.models import Article, Extraction, Quote  # noqa: E402

SHARED = HERE.parent.parent / "shared"
CACHE = Path(os.environ.get("QUOTES_BENCH_CACHE", "/tmp/quotes-bench"))
SPLITS = ("train", "dev")
WIRE_SHARE = 4  # one copy in this many keeps its quote wordings (a wire copy); the others are new statements


def cache_file(cache: Path = CACHE) -> Path:
    return cache / "polnear-extractions.jsonl"


def load_articles() -> list[Article]:
    articles = []
    for split in SPLITS:
        root = SHARED / "polnear" / split
        meta = {}
        if (root / "meta.jsonl").exists():
            rows = (json.loads(line) for line in (root / "meta.jsonl").read_text(encoding="utf-8").splitlines() if line)
            meta = {row["doc"]: row for row in rows}
        for path in sorted((root / "texts").glob("*.txt")):
            info = meta.get(path.stem, {})
            articles.append(Article(doc=path.stem, text=path.read_text(encoding="utf-8"), source=str(path),
                                    published=info.get("publication_date"), outlet=info.get("publisher"),
                                    title=info.get("title"), author=info.get("author")))
    return articles


def extract_to_cache(cache: Path = CACHE, jobs: int = 2) -> Path:
    from quotes.extract import extract_many

    target = cache_file(cache)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        for result in extract_many(load_articles(), jobs=jobs):
            if isinstance(result, Extraction):
                row = {"article": asdict(result.article), "quotes": [q.to_dict() for q in result.quotes]}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    partial.replace(target)
    return target


def extractions(cache: Path = CACHE) -> list[Extraction]:
    """The cached extractions of PolNeAR train and dev, extracting them first when not cached."""
    target = cache_file(cache)
    if not target.exists():
        print(f"extracting PolNeAR train and dev into {target} (once) ...", file=sys.stderr, flush=True)
        extract_to_cache(cache)
    found = []
    for line in target.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        found.append(Extraction(article=Article(**row["article"]), quotes=tuple(Quote(**q) for q in row["quotes"])))
    return found


def _shift(published: str | None, days: int) -> str | None:
    if not published or len(published) < 10 or not published[:4].isdigit():
        return published
    try:
        return (date.fromisoformat(published[:10]) + timedelta(days=days)).isoformat() + published[10:]
    except ValueError:
        return published


LETTERS = "abcdefghijklmnopqrstuvwxyz"
LONG_WORD = re.compile(r"[A-Za-z]{4,}")


def _new_word(word: str, copy: int) -> str:
    """A made-up word of the same length, the same in every quote of one copy, different in each copy."""
    digest = hashlib.blake2b(f"{copy}:{word.lower()}".encode(), digest_size=32).digest()
    made = "".join(LETTERS[b % 26] for b in digest[: len(word)]).ljust(len(word), "x")
    return made.capitalize() if word[0].isupper() else made


def _rewrite(text: str, start: int, end: int, copy: int) -> str:
    """Every word of ``text[start:end]`` of 4 letters or more made up anew for this copy: a new statement
    (its own keys: copies are not near-duplicates of one another), same length (so every offset holds)."""
    made = LONG_WORD.sub(lambda word: _new_word(word.group(), copy), text[start:end])
    return text[:start] + made + text[end:]


def variant(extraction: Extraction, copy: int) -> Extraction:
    """Copy ``copy`` of an extraction (0: itself): a new article that carries the same speakers."""
    if copy == 0:
        return extraction
    article = extraction.article
    text = article.text + f"\n\nCopy {copy}."
    if copy % WIRE_SHARE:
        for quote in extraction.quotes:
            text = _rewrite(text, quote.start, quote.end, copy)
    quotes = tuple(replace(q, doc=f"{q.doc}~{copy}", text=text[q.start : q.end]) for q in extraction.quotes)
    published = _shift(article.published, (copy * 37) % 3000 - 1500) if copy % WIRE_SHARE else article.published
    moved = replace(article, doc=f"{article.doc}~{copy}", text=text, source=f"{article.source}~{copy}",
                    published=published)
    return Extraction(article=moved, quotes=quotes)


def stream(base: list[Extraction], start_copy: int, count: int) -> Iterable[Extraction]:
    """``count`` articles: copies ``start_copy``, ``start_copy + 1``, ... of every base extraction in turn."""
    made = 0
    copy = start_copy
    while made < count:
        for extraction in base:
            if made >= count:
                return
            yield variant(extraction, copy)
            made += 1
        copy += 1


def digest(extraction: Extraction) -> str:
    return hashlib.sha256(extraction.article.text.encode()).hexdigest()[:12]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=str(CACHE))
    args = parser.parse_args()
    found = extractions(Path(args.cache))
    print(f"{len(found)} extractions, {sum(len(e.quotes) for e in found)} quotes in {cache_file(Path(args.cache))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
