"""Real saved news pages: main text, refusals, quotes and metadata, beside trafilatura's defaults.

    python benchmarks/real_pages.py [--pages ../shared/real-pages] [--no-quotes] [--errors N]

``shared/real-pages`` holds saved pages (``html/KEY.html.gz``) with article bodies cut out by hand
(``bodies.json``). Each page goes through the user's path (``articles_from_bytes``: decoding, HTML
main text, metadata) and, in the same run, through ``trafilatura.extract`` with default settings.

Split: a page is held out when sha256("real-pages:" + key) is divisible by 3 (about a third), decided
before any result was looked at; rules were tuned on the rest. Figures are printed for both parts.

- Main text: the benchmark's shingle measure (README of shared/real-pages): 4-token shingles of
  ``\\w+`` tokens as multisets; precision and recall are means over pages, F1 of the means.
- Refused: pages whose hand-made body has text but that ``quotes`` read as a ``Failure``.
- Warnings: pages on which reading logged a warning (the CLI prints these as ``WARNING:`` lines).
- Quotes: ``extract_article`` on the page's article and on the hand-made body (same metadata), quotes
  matched one to one by normalised text; recall = body quotes found from the page, precision = page
  quotes found from the body; speakers compared on matched pairs.
- Metadata: title, outlet, publication date and authors against ``benchmarks/data/real_pages_meta.jsonl``,
  written by reading each page's HTML (see ``real_pages_meta.md``).
- Timing: ms per page for reading the page (decoding + main text + metadata) and for trafilatura's
  defaults on the decoded page, side by side in one run; the machine is shared, so timings are noisy.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.models import Article, Extraction, Failure, Quote
from quotes.sources import articles_from_bytes

HERE = Path(__file__).resolve().parent
PAGES = HERE.parent.parent / "shared" / "real-pages"
META_GOLD = HERE / "data" / "real_pages_meta.jsonl"
PARTS = ("tuned", "held-out")
_TOKEN = re.compile(r"\w+")


def part(key: str) -> str:
    return "held-out" if int(hashlib.sha256(f"real-pages:{key}".encode()).hexdigest(), 16) % 3 == 0 else "tuned"


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def precision_recall(predicted: str, gold: str) -> tuple[float, float]:
    """Per-page precision and recall of shingles (1, 1 when both texts are empty, as the benchmark does)."""
    pred, true = shingles(predicted), shingles(gold)
    tp = sum((pred & true).values())
    fp, fn = sum(pred.values()) - tp, sum(true.values()) - tp
    if tp + fp + fn == 0:
        return 1.0, 1.0
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def f1_of_means(pairs: list[tuple[float, float]]) -> tuple[float, float, float]:
    p = sum(a for a, _ in pairs) / len(pairs)
    r = sum(b for _, b in pairs) / len(pairs)
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass
class Page:
    key: str
    url: str
    body: str
    part: str
    article: Article | None = None
    failure: str | None = None
    trafilatura: str = ""
    warnings: list[str] = field(default_factory=list)
    ms_ours: float = 0.0
    ms_trafilatura: float = 0.0

    @property
    def text(self) -> str:
        return self.article.text if self.article else ""


def read_pages(folder: Path) -> list[Page]:
    """Every page through the user's path and through trafilatura's defaults, timed."""
    import trafilatura

    from quotes.sources.decode import decode_bytes, meta_charset

    bodies = json.loads((folder / "bodies.json").read_text(encoding="utf-8"))
    pages = []
    collect = _Collect()
    logging.getLogger("quotes").addHandler(collect)
    for key in sorted(bodies):
        page = Page(key=key, url=bodies[key]["url"], body=bodies[key]["articleBody"], part=part(key))
        data = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        collect.messages = []
        start = time.perf_counter()
        [found] = list(articles_from_bytes(data, name=key, doc=key, suffix=".html", url=page.url))
        page.ms_ours = 1000 * (time.perf_counter() - start)
        page.warnings = collect.messages
        if isinstance(found, Failure):
            page.failure = found.message
        else:
            page.article = found
        start = time.perf_counter()
        markup, _ = decode_bytes(data, key, declared=meta_charset(data))
        page.trafilatura = trafilatura.extract(markup, url=page.url) or ""
        page.ms_trafilatura = 1000 * (time.perf_counter() - start)
        pages.append(page)
    logging.getLogger("quotes").removeHandler(collect)
    return pages


def report_main_text(pages: list[Page], errors: int) -> None:
    print("## Main text (shingle F1 / precision / recall; mean ms per page)")
    for name in PARTS:
        chosen = [p for p in pages if p.part == name]
        ours = f1_of_means([precision_recall(p.text, p.body) for p in chosen])
        theirs = f1_of_means([precision_recall(p.trafilatura, p.body) for p in chosen])
        refused = [p for p in chosen if p.failure and p.body.strip()]
        warned = [p for p in chosen if p.warnings]
        ms_ours = sum(p.ms_ours for p in chosen) / len(chosen)
        ms_theirs = sum(p.ms_trafilatura for p in chosen) / len(chosen)
        print(f"{name:9s} {len(chosen):3d} pages  quotes F1 {ours[0]:.4f} P {ours[1]:.4f} R {ours[2]:.4f}"
              f" | trafilatura defaults F1 {theirs[0]:.4f} P {theirs[1]:.4f} R {theirs[2]:.4f}"
              f" | refused {len(refused)}, warned {len(warned)} | ms/page {ms_ours:.0f} vs {ms_theirs:.0f}"
              f" ({ms_ours / ms_theirs:.2f}x)")
    for page in pages:
        if page.failure:
            print(f"  refused [{page.part}] {page.url}: {page.failure}")
        for message in page.warnings:
            print(f"  warning [{page.part}] {page.url}: {message[:300]}")
    print("\n### Worst pages (ours), with lines extra (+) and missing (-)")
    worst = sorted(pages, key=lambda p: min(precision_recall(p.text, p.body)))[:errors]
    for page in worst:
        prec, rec = precision_recall(page.text, page.body)
        print(f"- [{page.part}] P {prec:.2f} R {rec:.2f} {page.url}")
        for sign, line in line_errors(page.text, page.body)[:6]:
            print(f"    {sign} {line[:140]}")


def line_errors(predicted: str, gold: str) -> list[tuple[str, str]]:
    """Lines of one text whose shingles are mostly missing from the other."""
    found = []
    for sign, text, other in (("+", predicted, shingles(gold)), ("-", gold, shingles(predicted))):
        for line in text.splitlines():
            own = shingles(line)
            if own and sum(1 for s in own if s not in other) > len(own) / 2:
                found.append((sign, line))
    return found


def fold(text: str | None) -> str:
    """Case, accents, punctuation and spacing do not count."""
    text = unicodedata.normalize("NFKD", (text or "").replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(_TOKEN.findall(text))


def quote_key(quote: Quote) -> str:
    return fold(quote.text)


def speaker_key(quote: Quote) -> str:
    return fold(quote.speaker)


def paired(from_page: tuple[Quote, ...], from_body: tuple[Quote, ...]) -> list[tuple[Quote, Quote]]:
    """Quotes of the page and of the body with the same normalised text, one to one, in order."""
    waiting: dict[str, list[Quote]] = {}
    for quote in from_body:
        waiting.setdefault(quote_key(quote), []).append(quote)
    pairs = []
    for quote in from_page:
        twins = waiting.get(quote_key(quote))
        if twins:
            pairs.append((quote, twins.pop(0)))
    return pairs


def report_quotes(pages: list[Page], errors: int) -> None:
    """Quotes found from each page against those found from its hand-made body, with the same metadata."""
    from quotes.extract import extract_article, load_model
    from quotes.ingestion import warn_if_lost

    nlp = load_model()
    collect = _Collect()
    logging.getLogger("quotes.ingestion").addHandler(collect)
    print("\n## Quotes: page vs hand-made body (matched by normalised text)")
    samples: list[str] = []
    for name in PARTS:
        body_total = page_total = matched = same_speaker = silent = warned = 0
        for page in (p for p in pages if p.part == name):
            meta = page.article or Article(doc=page.key, text="", source=page.key)
            from_body = extract_article(Article(doc=page.key, text=page.body, source="body",
                                                published=meta.published, outlet=meta.outlet), nlp=nlp)
            from_page = extract_article(meta, nlp=nlp) if page.article else Extraction(article=meta)
            pairs = paired(from_page.quotes, from_body.quotes)
            collect.messages = []
            warn_if_lost(from_page)
            warned += bool(collect.messages)
            samples.extend(f"  warning [{page.part}] {message[:200]}" for message in collect.messages)
            body_total += len(from_body.quotes)
            page_total += len(from_page.quotes)
            matched += len(pairs)
            same_speaker += sum(speaker_key(a) == speaker_key(b) for a, b in pairs)
            silent += bool(from_body.quotes) and not from_page.quotes
            samples.extend(quote_errors(page, from_page, from_body, pairs))
        print(f"{name:9s} body quotes {body_total}, page quotes {page_total}, matched {matched}: "
              f"recall {matched / max(body_total, 1):.4f}, precision {matched / max(page_total, 1):.4f}, "
              f"same speaker {same_speaker / max(matched, 1):.4f} ({same_speaker}/{matched}); "
              f"pages with body quotes but none from the page: {silent}; pages warned after extraction: {warned}")
    logging.getLogger("quotes.ingestion").removeHandler(collect)
    for line in samples[: errors * 3]:
        print(line)


def quote_errors(
    page: Page, from_page: Extraction, from_body: Extraction, pairs: list[tuple[Quote, Quote]]
) -> list[str]:
    found_page = {id(a) for a, _ in pairs}
    found_body = {id(b) for _, b in pairs}
    lines = [f"  missed [{page.part}] {page.url[:60]}: {q.text[:90]!r} ({q.speaker})"
             for q in from_body.quotes if id(q) not in found_body]
    lines += [f"  extra  [{page.part}] {page.url[:60]}: {q.text[:90]!r} ({q.speaker})"
              for q in from_page.quotes if id(q) not in found_page]
    lines += [f"  speaker [{page.part}] {page.url[:60]}: {a.text[:60]!r}: page {a.speaker!r}, body {b.speaker!r}"
              for a, b in pairs if speaker_key(a) != speaker_key(b)]
    return lines


def authors(value: str | None) -> set[str]:
    return {fold(name) for name in re.split(r",\s*|\s+and\s+|\s*;\s*", value or "") if fold(name)}


def metadata_hits(article: Article | None, gold: dict[str, Any]) -> dict[str, bool]:
    """Per field: the article says one of the forms the page states (``null`` accepted where listed)."""
    got = article or Article(doc="", text="", source="")
    return {
        "title": fold(got.title) in {fold(t) for t in gold["title"]},
        "outlet": (got.outlet is None and None in gold["outlet"])
        or (got.outlet is not None and fold(got.outlet) in {fold(o) for o in gold["outlet"] if o}),
        "published": got.published in gold["published"],
        "authors": authors(got.author) in [{fold(a) for a in names} for names in gold["authors"]],
    }


def report_metadata(pages: list[Page], gold_path: Path, errors: int) -> None:
    gold = {row["key"]: row for row in map(json.loads, gold_path.read_text(encoding="utf-8").splitlines()) if row}
    by_key = {p.key: p for p in pages}
    print(f"\n## Metadata against what each page states ({gold_path.name})")
    samples = []
    groups = [(name, [g for g in gold.values() if g["part"] == name]) for name in PARTS]
    fresh = [g for g in groups[1][1] if g.get("read_after_rules")]
    groups.append(("  of which read after the rules were fixed", fresh))
    for name, rows in groups:
        rows = [g for g in rows if g["key"] in by_key]
        hits = [metadata_hits(by_key[g["key"]].article, g) for g in rows]
        fields = ", ".join(f"{f} {sum(h[f] for h in hits) / len(hits):.3f}" for f in hits[0]) if hits else "-"
        print(f"{name:9s} {len(rows)} pages: {fields}")
        if name not in PARTS:
            continue
        for row, hit in zip(rows, hits, strict=True):
            article = by_key[row["key"]].article
            for name_, ok in hit.items():
                if not ok:
                    said = getattr(article, "author" if name_ == "authors" else name_, None) if article else None
                    wanted = row[name_][0]
                    samples.append(f"  {name_} [{row['part']}] {row['url'][:60]}: got {said!r}, page states {wanted!r}")
    for line in samples[: errors * 2]:
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--gold", type=Path, default=META_GOLD)
    parser.add_argument("--no-quotes", action="store_true", help="skip the quote comparison (needs spaCy)")
    parser.add_argument("--errors", type=int, default=10, help="error samples to print per section")
    args = parser.parse_args()
    pages = read_pages(args.pages)
    report_main_text(pages, args.errors)
    report_metadata(pages, args.gold, args.errors)
    if not args.no_quotes:
        report_quotes(pages, args.errors)


if __name__ == "__main__":
    main()
