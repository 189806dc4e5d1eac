"""`quotes extract` as a user runs it: output formats, fields, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS
from typer.testing import CliRunner

from quotes.interfaces.cli import app

runner = CliRunner()
FIELDS = {
    "doc", "start", "end", "text", "speaker", "speaker_start", "speaker_end", "role", "date",
    "date_basis", "cue", "kind", "confidence",
}


def extract(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["extract", *args])
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_has_every_field_and_offsets_hold() -> None:
    code, out, err = extract(str(SEEDS), "--format", "jsonl")
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) >= 17
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for row in rows:
        assert set(row) >= FIELDS
        assert texts[row["doc"]][row["start"] : row["end"]] == row["text"]
        assert row["kind"] in {"direct", "partial"} and 0 <= row["confidence"] <= 1


def test_json_and_table_formats() -> None:
    code, out, _ = extract(str(SEEDS / "004_f1da1cc87da76c54.txt"), "--format", "json")
    assert code == 0 and {q["speaker"] for q in json.loads(out)} == {"Vladimir Putin"}
    code, out, _ = extract(str(SEEDS / "004_f1da1cc87da76c54.txt"))
    assert code == 0 and out.splitlines()[0].split()[:4] == ["doc", "speaker", "role", "date"]


def test_published_option_resolves_relative_dates(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Rogozin said Thursday: “We hope for more flexibility.”\n", encoding="utf-8")
    code, out, _ = extract(str(article), "--published", "2012-11-09", "--format", "jsonl")
    assert code == 0 and json.loads(out)["date"] == "2012-11-08"


def test_bad_published_date_is_one_clear_error(tmp_path: Path) -> None:
    code, out, err = extract(str(SEEDS), "--published", "09/11/2012")
    assert code == 1 and out == ""
    assert err.strip().splitlines() == [
        "Error: --published '09/11/2012' is not a date; use YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD"
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_file_is_reported_and_the_rest_processed(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("“We are ready,” Putin said.\n", encoding="utf-8")
    code, out, err = extract(str(tmp_path / name), str(good), "--format", "jsonl")
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and name in errors[0] and message in errors[0]
    assert [json.loads(line)["speaker"] for line in out.splitlines()] == ["Putin"]


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    article = tmp_path / "latin.txt"
    article.write_bytes("\u201cC'est fini, caf\u00e9 ferm\u00e9,\u201d Dupont said.\n".encode("cp1252"))
    code, out, _ = extract(str(article), "--format", "jsonl")
    assert code == 0 and json.loads(out)["text"] == "C'est fini, café fermé,"


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    code, _, err = extract(str(tmp_path))
    assert code == 1 and "no article files" in err


def test_missing_path(tmp_path: Path) -> None:
    code, _, err = extract(str(tmp_path / "nope.txt"))
    assert code == 1 and "no such file" in err


def test_unbalanced_quote_marks_still_give_the_quote(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    article = tmp_path / "open.txt"
    article.write_text("Putin said: “We will not agree to this\n\nThe talks ended on Friday.\n", encoding="utf-8")
    code, out, _ = extract(str(article), "--format", "jsonl")
    assert code == 0
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["text"] == "We will not agree to this" and row["speaker"] == "Putin"
    # The guessed end is flagged: a warning naming the file and the mark, and a lower confidence.
    assert f"{article}: a quote mark is never closed (at char 12)" in caplog.text
    assert row["confidence"] < 0.9


@pytest.mark.parametrize(
    ("text", "unclosed"),
    [
        ("Putin said: “We will not agree.”\n", False),
        # the newswire convention: no closing mark where the next paragraph opens with one
        ("Putin said: “We will not agree.\n\n“Never,” he added.\n", False),
        ("Putin said: “We will not agree.\n\nThe talks ended.\n", True),
    ],
)
def test_only_quotes_left_open_are_warned_about(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, text: str, unclosed: bool
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    code, out, _ = extract(str(article), "--format", "jsonl")
    assert code == 0 and out.strip()
    assert ("never closed" in caplog.text) == unclosed


def test_unknown_model_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTES_MODEL", "no_such_pipeline")
    code, _, err = extract(str(SEEDS))
    assert code == 1
    assert err.strip().startswith("Error: spaCy pipeline 'no_such_pipeline' cannot be loaded")
