"""Attribution accuracy on a PolNeAR split, beside the open peers' published figures.

    python benchmarks/accuracy.py [SPLIT_DIR] [--pred OUT.jsonl] [--errors N]

SPLIT_DIR defaults to ../shared/polnear/dev. Runs `quotes` extraction on every text,
scores it with ../shared/bench/score.py, and prints the comparison table, a
per-publisher breakdown and samples of the remaining error classes.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.extract import extract_article
from quotes.extract import model as nlp_loader
from quotes.models import Article

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
PEERS = [
    ("every quoted stretch + nearest person", 0.95, 0.41, 0.40),
    ("textacy direct_quotations, per paragraph", 0.82, 0.91, 0.74),
    ("textacy per article", 0.60, 0.84, 0.51),
    ("GenderGapTracker rule-based", 0.65, 0.64, 0.42),
]


def load_meta(split: Path) -> dict[str, dict[str, str]]:
    meta_path = split / "meta.jsonl"
    if not meta_path.exists():
        return {}
    rows = (json.loads(line) for line in meta_path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["doc"]: row for row in rows}


def run_extraction(split: Path, pred_path: Path, every: int = 1) -> tuple[int, float]:
    meta = load_meta(split)
    nlp = nlp_loader.load()
    texts = sorted((split / "texts").glob("*.txt"))[::every]
    started = time.perf_counter()
    with pred_path.open("w", encoding="utf-8") as out:
        for path in texts:
            info = meta.get(path.stem, {})
            article = Article(
                doc=path.stem, text=path.read_text(encoding="utf-8"), source=str(path),
                published=info.get("publication_date"), outlet=info.get("publisher"),
            )
            for quote in extract_article(article, nlp=nlp).quotes:
                out.write(json.dumps(quote.to_dict(), ensure_ascii=False) + "\n")
    return len(texts), time.perf_counter() - started


def score(split: Path, pred_path: Path, docs: set[str]) -> dict[str, object]:
    scorer = SHARED / "bench" / "score.py"
    gold_path = pred_path.with_name("gold.jsonl")  # the gold of the articles that were run
    with gold_path.open("w", encoding="utf-8") as out:
        for line in (split / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip() and json.loads(line)["doc"] in docs:
                out.write(line + "\n")
    result = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(gold_path), "--pred", str(pred_path),
         "--texts", str(split / "texts"), "--json", "--breakdown"],
        check=True, capture_output=True, text=True,
    )
    parsed: dict[str, object] = json.loads(result.stdout)
    return parsed


def print_table(res: dict[str, object]) -> None:
    q, a, e = res["quote"], res["attribution"], res["end_to_end"]
    print(f"{'system':<45} {'quote F1':>9} {'attr acc':>9} {'e2e F1':>9}")
    for name, qf, acc, ef in PEERS:
        print(f"{name:<45} {qf:>9.2f} {acc:>9.2f} {ef:>9.2f}")
    print(f"{'quotes (this project)':<45} {q['f1']:>9.3f} {a['accuracy']:>9.3f} {e['f1']:>9.3f}")  # type: ignore[index]
    print(f"  quote P/R {q['precision']:.3f}/{q['recall']:.3f}; e2e P/R {e['precision']:.3f}/{e['recall']:.3f}; "  # type: ignore[index]
          f"pronoun speakers {a['accuracy_gold_pronoun']:.3f}, named {a['accuracy_gold_non_pronoun']:.3f}")  # type: ignore[index]
    print()
    print(f"{'publisher':<14} {'gold':>5} {'pred':>5} {'qF1':>6} {'attr':>6} {'e2eF1':>6}")
    for pub, v in res["by_publisher"].items():  # type: ignore[attr-defined]
        print(f"{pub:<14} {v['counts']['gold']:>5} {v['counts']['pred']:>5} {v['quote']['f1']:>6.3f} "
              f"{v['attribution']['accuracy']:>6.3f} {v['end_to_end']['f1']:>6.3f}")


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if inter > 0 and union > 0 else 0.0


def load_scorer() -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location("polnear_score", SHARED / "bench" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PRONOUNS = {"he", "she", "they", "it", "i", "we", "who", "which", "that"}


def speaker_error_class(gold: dict[str, object]) -> str:
    """Which kind of wrong speaker: PolNeAR credits the outer source of second-hand reports
    ("Obama said, according to a pool report" -> the pool report); we name who spoke."""
    cue = str(gold.get("cue") or "").lower()
    if "according" in cue or "report" in cue:
        return "speaker differs: gold takes the reporting source (according to / reported)"
    if str(gold["speaker"]).strip().lower() in PRONOUNS:
        return "speaker differs: gold speaker is a pronoun"
    return "speaker differs: other"


def error_samples(split: Path, pred_path: Path, limit: int) -> None:
    """Misses, spurious quotes and wrong speakers, a few of each, so the next person knows where to dig."""
    gold = [json.loads(x) for x in pred_path.with_name("gold.jsonl").read_text(encoding="utf-8").splitlines() if x]
    pred = [json.loads(x) for x in pred_path.read_text(encoding="utf-8").splitlines() if x]
    by_doc: dict[str, list[dict[str, object]]] = collections.defaultdict(list)
    for p in pred:
        by_doc[str(p["doc"])].append(p)
    classes: dict[str, list[str]] = collections.defaultdict(list)
    matched: set[int] = set()
    scorer = load_scorer()
    for g in gold:
        best = max(by_doc[g["doc"]], key=lambda p: iou((g["start"], g["end"]), (p["start"], p["end"])), default=None)  # type: ignore[arg-type]
        if best is None or iou((g["start"], g["end"]), (best["start"], best["end"])) < 0.3:  # type: ignore[arg-type]
            classes["missed quote"].append(f"{g['doc'][:40]} {g['text'][:70]!r} ({g['speaker']})")
            continue
        matched.add(id(best))
        if g["speaker"] and not scorer.speaker_correct(g, best):  # type: ignore[attr-defined]
            classes[speaker_error_class(g)].append(
                f"{g['doc'][:40]} gold {g['speaker']!r} pred {best.get('speaker')!r} "
                f"via {best.get('cue')!r}: {g['text'][:50]!r}"
            )
    for p in pred:
        if id(p) not in matched:
            classes["spurious quote"].append(f"{str(p['doc'])[:40]} {str(p['text'])[:70]!r} ({p.get('speaker')})")
    print()
    for name, rows in classes.items():
        print(f"{name}: {len(rows)}")
        for row in rows[:limit]:
            print("   ", row)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", default=str(SHARED / "polnear" / "dev"))
    parser.add_argument("--pred", help="keep the predictions here")
    parser.add_argument("--errors", type=int, default=8, help="samples per error class")
    parser.add_argument("--every", type=int, default=1, help="run every Nth article only (quick checks)")
    args = parser.parse_args()
    split = Path(args.split)
    if not (split / "texts").is_dir():
        print(f"no PolNeAR split at {split}; pass its folder", file=sys.stderr)
        return 1
    pred_path = Path(args.pred) if args.pred else Path(tempfile.mkdtemp()) / "pred.jsonl"
    pred_path.parent.mkdir(parents=True, exist_ok=True)
    count, seconds = run_extraction(split, pred_path, args.every)
    print(f"{count} articles in {seconds:.1f} s ({count / seconds:.1f} articles/s)\n")
    docs = {p.stem for p in sorted((split / "texts").glob("*.txt"))[:: args.every]}
    print_table(score(split, pred_path, docs))
    error_samples(split, pred_path, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
