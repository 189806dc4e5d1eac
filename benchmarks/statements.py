"""Statement clustering on real news: do two quotes of one utterance land in one cluster, and only they?

    python benchmarks/statements.py [--pairs benchmarks/data/statement_pairs.jsonl] [--errors N]
                                    [--show-held-out] [--orders] [--cache FILE] [--jobs N]

The pairs (``benchmarks/data/statement_pairs.jsonl``, rules in ``statement_pairs_rules.md``) are
quotes of PolNeAR train articles read in context by people and labelled same / different / unsure
statement. Every article a pair comes from is ingested through the real path (extraction, then
``Store.add_many`` in batches as ``quotes ingest`` does) into a fresh database; each labelled quote is then mapped to
the stored occurrence of its article that overlaps it most (at least half of the labelled quote), and
"same cluster" is compared with the label. A quote that extraction did not find is counted apart,
never scored as right or wrong. Precision, recall and F1 are printed for the ``tuned`` part and the
``held-out`` part (a third chosen by a hash of the pair id before any result was seen); error samples
come from the tuned part only unless ``--show-held-out`` is given.

``--orders`` ingests the same articles a second time in reverse order and compares the clusters
(as sets of occurrences, with their ids) and the speakers table. ``--cache FILE`` keeps the extractions
(the slow, spaCy part) in FILE between runs, and a run on a subset of the pairs reuses a FILE made for
more articles; storing and clustering always run anew, on the pairs' articles only.
"""

from __future__ import annotations

import argparse
import collections
import json
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.ingestion import BATCH_ARTICLES
from quotes.models import Article, Extraction, Failure
from quotes.store import Store

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "data" / "statement_pairs.jsonl"
POLNEAR = HERE.parent.parent / "shared" / "polnear" / "train"


def load_pairs(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def articles(docs: set[str]) -> list[Article]:
    meta = {}
    for line in (POLNEAR / "meta.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        meta[row["doc"]] = row
    found = []
    for doc in sorted(docs):
        path = POLNEAR / "texts" / f"{doc}.txt"
        row = meta[doc]
        found.append(Article(doc=doc, text=path.read_text(encoding="utf-8"), source=str(path),
                             outlet=row["publisher"], published=row["publication_date"], title=row.get("title"),
                             author=row.get("author")))
    return found


def extract(docs: set[str], cache: Path | None, jobs: int) -> list[Extraction]:
    if cache and cache.exists():
        cached: list[Extraction] = pickle.loads(cache.read_bytes())
        if {e.article.doc for e in cached} >= docs:  # extraction is per article: a subset of the pairs reuses it
            return [e for e in cached if e.article.doc in docs]
    from quotes.extract import extract_many

    results = list(extract_many(articles(docs), jobs=jobs))
    failed = [r for r in results if isinstance(r, Failure)]
    if failed:
        print(f"{len(failed)} articles failed extraction, e.g. {failed[0].message}")
    done = [r for r in results if isinstance(r, Extraction)]
    if cache:
        cache.write_bytes(pickle.dumps(done))
    return done


# start, end, occurrence, cluster, speaker, date, basis
Occ = tuple[int, int, str, str, str | None, str | None, str | None]


def ingest(extractions: list[Extraction], db: Path) -> tuple[dict[str, list[Occ]], list[Any]]:
    """Store every extraction in order, in `quotes ingest`'s batches; the occurrences by doc, the speakers table."""
    by_doc: dict[str, list[Occ]] = collections.defaultdict(list)
    with Store.open(db, create=True) as store:
        for first in range(0, len(extractions), BATCH_ARTICLES):
            store.add_many(extractions[first : first + BATCH_ARTICLES])
        rows = store.db.execute(
            "SELECT a.doc, o.start, o.\"end\", o.id, o.cluster_id, o.speaker, o.date, o.date_basis"
            " FROM occurrences o JOIN articles a ON a.id = o.article_id"
        ).fetchall()
        speakers = store.speakers()
    for doc, *rest in rows:
        by_doc[doc].append(tuple(rest))  # type: ignore[arg-type]
    return by_doc, speakers


def find(quote: dict[str, Any], stored: dict[str, list[Occ]]) -> Occ | None:
    """The stored occurrence overlapping the labelled quote most, if it covers at least half of it."""
    best, best_overlap = None, 0
    for occ in stored.get(quote["doc"], []):
        shared = min(occ[1], quote["end"]) - max(occ[0], quote["start"])
        if shared > best_overlap:
            best, best_overlap = occ, shared
    return best if best_overlap * 2 >= quote["end"] - quote["start"] else None


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    unsure: int = 0
    missing: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        scored = self.tp + self.fp + self.fn + self.tn
        return (f"{name:<9} precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}   ({scored} scored pairs: "
                f"tp {self.tp} fp {self.fp} fn {self.fn} tn {self.tn}; unsure {self.unsure}; "
                f"a quote not extracted {self.missing})")


def score(pairs: list[dict[str, Any]], stored: dict[str, list[Occ]]) -> dict[str, Tally]:
    tallies: dict[str, Tally] = collections.defaultdict(Tally)
    for pair in pairs:
        tally = tallies[pair["part"]]
        if pair["label"] == "unsure":
            tally.unsure += 1
            continue
        a, b = find(pair["a"], stored), find(pair["b"], stored)
        if a is None or b is None:
            tally.missing += 1
            continue
        same, predicted = pair["label"] == "same", a[3] == b[3]
        kind = {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}[same, predicted]
        setattr(tally, kind, getattr(tally, kind) + 1)
        if kind in ("fp", "fn"):
            tally.errors.append(describe(kind, pair, a, b))
    return tallies


def describe(kind: str, pair: dict[str, Any], a: Occ, b: Occ) -> str:
    def side(q: dict[str, Any], occ: Occ, label_speaker: str, occasion: str) -> str:
        return (f"    {q['doc'][:45]}  {q['text'][:90]!r}\n      stored: {occ[4]!r} {occ[5]} ({occ[6]})"
                f"  label: {label_speaker!r}, {occasion!r}")

    return (f"{kind} {pair['id']} ({pair['reason']}: {pair['note'][:100]})\n"
            f"{side(pair['a'], a, pair['speaker_a'], pair['occasion_a'])}\n"
            f"{side(pair['b'], b, pair['speaker_b'], pair['occasion_b'])}")


def partition(stored: dict[str, list[Occ]]) -> set[tuple[str, frozenset[str]]]:
    members: dict[str, set[str]] = collections.defaultdict(set)
    for occs in stored.values():
        for occ in occs:
            members[occ[3]].add(occ[2])
    return {(cid, frozenset(ids)) for cid, ids in members.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--errors", type=int, default=20, help="error samples per kind (fp, fn)")
    parser.add_argument("--show-held-out", action="store_true", help="also print the held-out part's errors")
    parser.add_argument("--orders", action="store_true", help="also ingest in reverse order and compare")
    parser.add_argument("--cache", type=Path, help="keep the extractions in this file between runs")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    pairs = load_pairs(args.pairs)
    docs = {p[side]["doc"] for p in pairs for side in ("a", "b")}
    extractions = extract(docs, args.cache, args.jobs)
    with tempfile.TemporaryDirectory() as tmp:
        stored, speakers = ingest(extractions, Path(tmp) / "forward.db")
        print(f"{len(pairs)} labelled pairs from {len(docs)} articles; "
              f"{sum(map(len, stored.values()))} occurrences in {len(partition(stored))} clusters\n")
        tallies = score(pairs, stored)
        for part in ("tuned", "held-out"):
            print(tallies[part].line(part))
        for part in ("tuned", "held-out") if args.show_held_out else ("tuned",):
            for kind in ("fp", "fn"):
                errors = [e for e in tallies[part].errors if e.startswith(kind)]
                print(f"\n{part} {kind}: {len(errors)}")
                print("\n".join(errors[: args.errors]))
        if args.orders:
            unique = list({e.article.content_hash: e for e in extractions[::-1]}.values())[::-1]
            print(f"\n{len(extractions) - len(unique)} articles have the text of another under other metadata: "
                  "the store keeps the first one ingested, so the order check leaves them out")
            stored, speakers = ingest(unique, Path(tmp) / "unique.db")
            back, back_speakers = ingest(unique[::-1], Path(tmp) / "reverse.db")
            same_clusters = partition(back) == partition(stored)
            same_speakers = back_speakers == speakers
            print(f"reverse ingest order: clusters {'identical' if same_clusters else 'DIFFER'} "
                  f"({len(partition(stored) ^ partition(back))} clusters differ), speakers table "
                  f"{'identical' if same_speakers else 'DIFFERS'} ({len(speakers)} vs {len(back_speakers)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
