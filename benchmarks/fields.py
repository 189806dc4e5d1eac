"""Speaker, role and date said as the user reads them, against quotes labelled by reading whole articles.

    python benchmarks/fields.py [--gold benchmarks/data/fields_gold.jsonl] [--errors N] [--pred OUT.jsonl]

The gold (``benchmarks/data/fields_gold.jsonl``, rules in ``fields_rules.md``) holds PolNeAR quotes
with the speaker's full name as the article gives it, every acceptable form of the role at the time
of saying, and the date said with its evidence. Its ``tuned`` part (PolNeAR train articles) is what
rules may be tuned on; the ``held-out`` part (PolNeAR dev articles, and a fourth fresh round of train
articles, rows ``s*``, labelled and added as held-out) is only measured, and printed by split as well.

A gold quote is found when a predicted quote overlaps it (overlap / union >= 0.5 after stripping
marks, spaces and trailing punctuation, as ``shared/bench/score.py``). On found quotes:
- speaker: strict, the full name (or an accepted alternative), never the surname alone; a source
  that is not a named person must read as the article's description ("a senior aide");
- role: one of the accepted forms, or a cut between two of them (it holds a listed form and a listed
  form holds it); when the article states no role, none must be printed;
- date: the gold date or an accepted alternative (null when the date is not knowable).
Past-event dates (quotes said on an earlier occasion) are reported on their own.

Articles are read as ``quotes`` reads a file: mojibake repaired (``quotes.sources.repair_mojibake``), the
predicted offsets mapped back onto the corpus text the gold offsets count in. The gold names are
compared after the same repair ("TomÃ¡s Regalado" is "Tomás Regalado"; a character the corpus lost
stays lost: "Stefan KÃ rner").
"""

from __future__ import annotations

import argparse
import collections
import difflib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.extract import extract_article
from quotes.extract import model as nlp_loader
from quotes.models import Article
from quotes.sources import repair_mojibake

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
GOLD = HERE / "data" / "fields_gold.jsonl"
ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "lt": "lieutenant",
    "col": "colonel", "sec": "secretary", "atty": "attorney", "sgt": "sergeant", "maj": "major", "capt": "captain",
}
ARTICLES = ("the ", "a ", "an ")


def fold(text: str) -> str:
    """Case, accents, punctuation and spacing do not count."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.findall(r"[\w']+", text))


def name_form(text: str | None) -> str:
    folded = fold(text or "")
    for article in ARTICLES:
        if folded.startswith(article):
            return folded[len(article) :]
    return folded


def role_form(text: str | None) -> str:
    words = [ABBREVIATIONS.get(w, w) for w in name_form(text).split()]
    return " ".join(words)


def speaker_ok(gold: dict[str, Any], predicted: str | None) -> bool:
    """A person by full name; a source that is no named person by the article's words for it, whole or
    cut short ("a senior administration official" for "one senior administration official")."""
    accepted = {name_form(repair_mojibake(n)) for n in [gold["speaker"], *gold["speaker_alternatives"]]}
    said = name_form(predicted)
    if said in accepted:
        return True
    if gold["speaker_kind"] == "person" or not said:
        return False
    words = said.removeprefix("one ").split()
    return any(contains(name.removeprefix("one ").split(), words) for name in accepted)


def contains(longer: list[str], shorter: list[str]) -> bool:
    """``shorter`` is a run of consecutive words of ``longer``."""
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def role_ok(gold: dict[str, Any], predicted: str | None) -> bool:
    """One of the accepted forms, or a form between two of them: the labels list the fullest form and
    shorter ones down to the head ("former managing director at Bear Stearns", "former managing
    director"), so a role that holds a listed form and is held in a listed form is one of those cuts."""
    if not gold["roles"]:
        return not predicted
    said = role_form(predicted).split()
    forms = [role_form(r).split() for r in gold["roles"]]
    return bool(said) and any(contains(said, short) for short in forms) and any(contains(full, said) for full in forms)


def date_ok(gold: dict[str, Any], predicted: str | None) -> bool:
    accepted = {gold["date"], *gold["date_alternatives"]}
    return predicted in accepted


def content(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets with marks, spaces and trailing ``,.;:`` stripped (the scorer's rule)."""
    while start < end and text[start] in " \n\t\"'“”‘’":
        start += 1
    while end > start and text[end - 1] in " \n\t\"'“”‘’,.;:":
        end -= 1
    return start, end


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def load_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(gold: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Extract every article the gold quotes come from, once, with its publisher and publication date."""
    nlp = nlp_loader.load()
    predictions: dict[str, list[dict[str, Any]]] = {}
    for row in {g["doc"]: g for g in gold}.values():
        path = SHARED / "polnear" / row["polnear"] / "texts" / f"{row['doc']}.txt"
        raw = path.read_text(encoding="utf-8")
        text = repair_mojibake(raw)
        article = Article(doc=row["doc"], text=text, source=str(path),
                          published=row["publication_date"], outlet=row["publisher"])
        quotes = [q.to_dict() for q in extract_article(article, nlp=nlp).quotes]
        predictions[row["doc"]] = quotes if text == raw else onto(raw, text, quotes)
    return predictions


def onto(raw: str, repaired: str, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotes predicted on the repaired text, their offsets mapped back onto the corpus text."""
    blocks = difflib.SequenceMatcher(None, raw, repaired, autojunk=False).get_matching_blocks()

    def back(offset: int) -> int:
        block = max((b for b in blocks if b.b <= offset), key=lambda b: b.b)
        return block.a + min(offset - block.b, block.size)

    return [{**q, "start": back(q["start"]), "end": back(q["end"])} for q in quotes]


def text_of(gold: dict[str, Any]) -> str:
    return (SHARED / "polnear" / gold["polnear"] / "texts" / f"{gold['doc']}.txt").read_text(encoding="utf-8")


def match(gold: dict[str, Any], predicted: list[dict[str, Any]], text: str) -> dict[str, Any] | None:
    target = content(text, gold["start"], gold["end"])
    scored = [(overlap(target, content(text, p["start"], p["end"])), p) for p in predicted]
    best = max(scored, key=lambda s: s[0], default=(0.0, None))
    return best[1] if best[0] >= 0.5 else None


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    speaker: int = 0
    role: int = 0
    date: int = 0
    past: int = 0
    past_date: int = 0

    def count(self, gold: dict[str, Any], checks: dict[str, bool] | None) -> None:
        """One gold quote: ``checks`` of its fields, None when it was not found."""
        self.gold += 1
        if checks is None:
            return
        self.found += 1
        self.speaker += checks["speaker"]
        self.role += checks["role"]
        self.date += checks["date"]
        if gold["past_event"]:
            self.past += 1
            self.past_date += checks["date"]

    def line(self, name: str) -> str:
        def pct(n: int, d: int) -> str:
            return f"{n / d:.3f} ({n}/{d})" if d else "-"

        return (f"{name:<10} found {pct(self.found, self.gold)}  speaker {pct(self.speaker, self.found)}  "
                f"role {pct(self.role, self.found)}  date {pct(self.date, self.found)}  "
                f"past-event date {pct(self.past_date, self.past)}")


Predictions = dict[str, list[dict[str, Any]]]


def score(gold: list[dict[str, Any]], predictions: Predictions) -> tuple[dict[str, Tally], list[str]]:
    tallies: dict[str, Tally] = collections.defaultdict(Tally)
    errors: list[str] = []
    texts: dict[str, str] = {}
    for g in gold:
        text = texts.setdefault(g["doc"], text_of(g))
        p = match(g, predictions.get(g["doc"], []), text)
        if p is None:
            errors.append(f"{g['part']} missed  {g['id']} {g['text'][:60]!r}")
        checks = None if p is None else {
            "speaker": speaker_ok(g, p["speaker"]), "role": role_ok(g, p["role"]), "date": date_ok(g, p["date"])}
        for tally in (tallies[g["part"]], tallies[f"{g['part']} {g['polnear']}"]):  # the part, and by split
            tally.count(g, checks)
        if p is None or checks is None:
            continue
        errors.extend(describe(g, p, field) for field, ok in checks.items() if not ok)
    return tallies, errors


def describe(gold: dict[str, Any], predicted: dict[str, Any], field: str) -> str:
    want = {"speaker": gold["speaker"], "role": gold["roles"] or None, "date": gold["date"]}[field]
    return (f"{gold['part']} {field:<7} {gold['id']} {gold['doc'][:40]} {gold['text'][:50]!r}: "
            f"printed {predicted[field]!r}, gold {want!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--errors", type=int, default=15, help="error samples per field")
    parser.add_argument("--pred", type=Path, help="also write the predictions here (JSON Lines)")
    parser.add_argument("--samples-from", default="tuned", choices=["tuned", "held-out", "both"],
                        help="which part error samples come from (default: tuned, so nobody tunes on the held-out)")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    predictions = predict(gold)
    if args.pred:
        with args.pred.open("w", encoding="utf-8") as out:
            for rows in predictions.values():
                out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    tallies, errors = score(gold, predictions)
    print(f"{len(gold)} labelled quotes from {len({g['doc'] for g in gold})} articles\n")
    for part in ("tuned", "held-out"):
        print(tallies[part].line(part))
    splits = sorted(name for name in tallies if name.startswith("held-out "))
    for split in splits if len(splits) > 1 else ():  # held-out quotes of more than one PolNeAR split
        print(tallies[split].line(f"  {split}"))
    by_kind = collections.defaultdict(list)
    for line in errors:
        if args.samples_from in ("both", line.split()[0]):
            by_kind[line.split()[1]].append(line)
    for kind, lines in sorted(by_kind.items()):
        print(f"\n{kind}: {len(lines)} errors; samples:")
        print("\n".join(lines[: args.errors]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
