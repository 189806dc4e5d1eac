"""Shared fixtures: the spaCy pipeline (loaded once), the seed articles and their gold answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SHARED_GOLD = ROOT.parent / "shared" / "seeds-gold"


@pytest.fixture(scope="session")
def nlp() -> Any:
    from quotes.extract import model as nlp_loader

    return nlp_loader.load()


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def seed_corpus() -> list[tuple[str, str]]:
    """(name, text) of more real articles than the five seeds, with no data from outside the repository:
    every seed whole, and its first and second halves (by paragraphs) as articles of their own. The
    halves share quotes, speakers and statements with the whole, as other outlets' shorter reports do."""
    corpus = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)  # paragraphs, with the blank lines between them where there are
        filled = [i for i, line in enumerate(lines) if line.strip()]
        middle = filled[len(filled) // 2]
        corpus.append((path.stem, text))
        corpus.append((f"{path.stem}-first-half", "".join(lines[:middle])))
        corpus.append((f"{path.stem}-second-half", "".join(lines[middle:])))
    return corpus
