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
