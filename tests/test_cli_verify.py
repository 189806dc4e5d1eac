"""`quotes verify` and `quotes show` through typer's CliRunner, on a real SQLite store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from verify_corpus import ROOT, build_store

from quotes.interfaces.cli import app

runner = CliRunner()
MATCH_KEYS = {"cluster_id", "score", "text", "speaker", "speakers", "first_seen", "occurrences"}
OCCURRENCE_KEYS = {
    "doc", "outlet", "published", "date", "text", "speaker", "role", "start", "end", "content_hash"
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_store(tmp_path_factory.mktemp("cli-verify") / "quotes.db"))


# Issue 15 (6): the exit status tells whether the words stand, without parsing the report.
EXIT_STATUS = {"verbatim": 0, "variant": 0, "misattributed": 3, "disputed": 3, "not_found": 3}


def verify_json(db: str, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["verify", *args, "--json", "--db", db])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    record: dict[str, Any] = json.loads(result.stdout)
    assert result.exit_code == EXIT_STATUS[record["verdict"]], (record["verdict"], result.exit_code)
    return record


def test_json_shape(db: str) -> None:
    record = verify_json(db, "There is no flexibility", "--speaker", "Medvedev")
    assert record["query"] == "There is no flexibility" and record["verdict"] == "verbatim"
    matches = record["matches"]
    assert isinstance(matches, list) and matches
    assert set(matches[0]) >= MATCH_KEYS
    assert set(matches[0]["first_seen"]) == {"date", "outlet", "title", "doc"}
    for occ in matches[0]["occurrences"]:
        assert set(occ) >= OCCURRENCE_KEYS and occ["recheck"] == "ok"


@pytest.mark.parametrize(
    ("args", "verdict"),
    [
        (["There is no flexibility", "--speaker", "Dmitry Medvedev"], "verbatim"),
        (["'there is no flexibility...these positions are not getting any closer'"], "verbatim"),
        (["There is no flexibility. We have not changed our previous position"], "variant"),
        (["There is no flexibility", "--speaker", "Putin"], "misattributed"),
        (["We do not want next generations of politicians in 2019 or 2020"], "disputed"),
        (["The football season starts next week in Manchester"], "not_found"),
    ],
)
def test_verdicts(db: str, args: list[str], verdict: str) -> None:
    assert verify_json(db, *args)["verdict"] == verdict


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["There is no flexibility", "--speaker", "Dmitry Medvedev"], 0),
        (["There is no flexibility. We have not changed our previous position"], 0),
        (["There is no flexibility", "--speaker", "Putin"], 3),
        (["We do not want next generations of politicians in 2019 or 2020"], 3),
        (["The football season starts next week in Manchester"], 3),
        (["   "], 1),
        (["There is no flexibility", "--no-such-option"], 2),
    ],
)
def test_exit_status_of_plain_verify(db: str, args: list[str], status: int) -> None:
    result = runner.invoke(app, ["verify", *args, "--db", db])
    assert result.exit_code == status, result.output


def test_exit_status_is_in_help() -> None:
    result = runner.invoke(app, ["verify", "--help"])
    assert "3 misattributed, disputed or not_found" in " ".join(result.stdout.split())


def test_plain_report_for_a_dispute(db: str) -> None:
    result = runner.invoke(app, ["verify", "We do not want next generations of politicians", "--db", db])
    assert result.exit_code == 3, result.output
    out = result.stdout
    assert out.startswith("Verdict: DISPUTED")
    assert "Vladimir Putin: The Daily Example (2013-02-02)" in out
    assert "First seen: 2013-01-28, (outlet unknown), “No flexibility in missile talks says Russia”" in out
    assert "RIA Novosti" in out and "https://example.org/ria/medvedev-flexibility" in out
    assert "Re-check: chars 859-1137" in out


@pytest.mark.parametrize("text", ["", "  ", "“…”"])
def test_empty_text_is_a_one_line_error(db: str, text: str) -> None:
    result = runner.invoke(app, ["verify", text, "--db", db])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: nothing to verify") and result.stderr.count("\n") == 1


def test_missing_database_is_a_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = runner.invoke(app, ["verify", "There is no flexibility", "--db", str(missing)])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "does not exist" in result.stderr and not missing.exists()


def test_recheck_mismatch_is_loud(tmp_path: Path) -> None:
    path = build_store(tmp_path / "q.db", names=())
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE articles SET text = replace(text, 'no flexibility', 'NO flexibility')")
    result = runner.invoke(app, ["verify", "There is no flexibility", "--db", str(path)])
    assert result.exit_code == 0
    assert "Warning: re-check mismatch" in result.stderr
    assert "!! RE-CHECK FAILED" in result.stdout


def test_show_history_has_diffs_in_date_order(db: str) -> None:
    cid = verify_json(db, "We do not want next generations")["matches"][0]["cluster_id"]
    result = runner.invoke(app, ["show", str(cid), "--db", db])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "DISPUTED" in out and "Wordings in date order" in out
    assert out.index("2013-01-28 |") < out.index("2013-01-29 |") < out.index("2013-02-02 |")
    assert "{+generations+}" in out or "{+generation+}" in out


@pytest.mark.slow
def test_seeds_there_is_no_flexibility(tmp_path: Path) -> None:
    db = str(tmp_path / "seeds.db")
    ingested = runner.invoke(app, ["ingest", str(ROOT / "seeds"), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    record = verify_json(db, "There is no flexibility", "--speaker", "Dmitry Medvedev")
    assert record["verdict"] == "verbatim"
    first = record["matches"][0]["first_seen"]
    assert "003_1ad898ca5491ab7b" in first["doc"] and first["date"] == "2013-01-28"
