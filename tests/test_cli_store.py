"""The store commands through typer's CliRunner: ingest, search, speakers, show, stats, export."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.interfaces.cli import app
from quotes.models import Article, Extraction, Quote
from quotes.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
runner = CliRunner()
QUOTE = "There is no flexibility. We have not changed our previous position on missile defense."


def article(doc: str, outlet: str, published: str, words: str, speaker: str, role: str) -> Extraction:
    text = f'{speaker} said: "{words}"'
    start = text.index(words)
    quote = Quote(
        doc=doc,
        start=start,
        end=start + len(words),
        text=words,
        speaker=speaker,
        speaker_start=0,
        speaker_end=len(speaker),
        role=role,
        date=published,
        date_basis="article",
        cue="said",
    )
    return Extraction(
        article=Article(doc=doc, text=text, source=f"{doc}.txt", outlet=outlet, published=published),
        quotes=(quote,),
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "q.db"
    with Store.open(path, create=True) as store:
        store.add(
            article("mt-1", "The Moscow Times", "2013-01-27", QUOTE, "Dmitry Medvedev", "Prime Minister")
        )
        store.add(
            article(
                "ria-1",
                "RIA",
                "2013-01-28",
                QUOTE.replace("defense", "defence"),
                "Dmitry Medvedev",
                "Prime Minister",
            )
        )
        store.add(article("ap-1", "AP", "2013-01-28", "There is no flexibility.", "Dmitry Rogozin", "Envoy"))
        store.add(
            article(
                "ap-2",
                "AP",
                "2012-05-18",
                "We will assess the threats together, evaluate the risks.",
                "Sergei Ivanov",
                "Deputy Prime Minister",
            )
        )
    return str(path)


def test_search_json_is_one_object_per_cluster(db: str) -> None:
    result = runner.invoke(app, ["search", "flexibility", "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert {"cluster_id", "text", "speaker", "role", "date", "outlets", "occurrences"} <= set(records[0])
    merged = next(r for r in records if r["occurrences"] == 2)
    assert merged["outlets"] == ["RIA", "The Moscow Times"] and merged["speaker"] == "Dmitry Medvedev"
    assert merged["cluster_id"].startswith("c-")


def test_search_by_speaker_name_lists_their_quotes_first(db: str) -> None:
    result = runner.invoke(app, ["search", "Medvedev", "--db", db])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:7] == ["quote", "speaker", "role", "date", "outlets", "articles", "cluster"]
    assert "Dmitry Medvedev" in lines[2] and "Prime Minister" in lines[2]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_search_line_formats(db: str, fmt: str) -> None:
    result = runner.invoke(app, ["search", "threats", "-f", fmt, "--db", db])
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        assert json.loads(result.stdout.splitlines()[0])["speaker"] == "Sergei Ivanov"
    else:
        assert next(csv.DictReader(io.StringIO(result.stdout)))["speaker"] == "Sergei Ivanov"


@pytest.mark.parametrize(
    "query",
    ['"', '"no flex', "flex*", "AND", "(", "speaker:Medvedev", "no -flexibility", "NEAR(", "'", "a:b OR"],
)
def test_fts_syntax_in_queries_never_crashes(db: str, query: str) -> None:
    result = runner.invoke(app, ["search", "--db", db, "--", query])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 1:
        assert result.stderr.startswith("Error: ") and "no words" in result.stderr


@pytest.mark.parametrize("command", [["search", "x"], ["show", "c-1"], ["stats"], ["speakers"], ["export"]])
def test_missing_database_is_an_error_and_not_created(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "x.db"
    result = runner.invoke(app, [*command, "--db", str(path)])
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == f"Error: database {path} does not exist; run quotes ingest first (or pass --db PATH)"
    )
    assert not path.exists()


def test_quotes_db_environment_variable(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTES_DB", db)
    result = runner.invoke(app, ["stats", "--json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert (
        counts["articles"] == 4
        and counts["quotes"] == 4
        and counts["clusters"] == 3
        and counts["speakers"] == 3
    )
    assert all(isinstance(value, int) for value in counts.values())


@pytest.mark.parametrize("option", ["--since", "--until"])
def test_bad_date_is_a_clear_error(db: str, option: str) -> None:
    result = runner.invoke(app, ["search", "flexibility", option, "last week", "--db", db])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {option} 'last week' is not a date")


def test_date_and_outlet_filters(db: str) -> None:
    result = runner.invoke(
        app, ["search", "flexibility", "--since", "2013-01-28", "--outlet", "ap", "-f", "json", "--db", db]
    )
    assert result.exit_code == 0, result.output
    assert [r["speaker"] for r in json.loads(result.stdout)] == ["Dmitry Rogozin"]


def test_show_lists_every_occurrence(db: str) -> None:
    cid = json.loads(runner.invoke(app, ["search", "position", "-f", "json", "--db", db]).stdout)[0][
        "cluster_id"
    ]
    result = runner.invoke(app, ["show", cid, "--db", db])
    assert result.exit_code == 0, result.output
    assert cid in result.stdout and "The Moscow Times" in result.stdout and "RIA" in result.stdout
    record = json.loads(runner.invoke(app, ["show", cid, "--json", "--db", db]).stdout)
    assert len(record["occurrences"]) == 2 and record["disputed"] is False
    assert [o["doc"] for o in record["occurrences"]] == ["mt-1", "ria-1"]
    assert "defence" in record["occurrences"][1]["text"]
    missing = runner.invoke(app, ["show", "c-deadbeef", "--db", db])
    assert missing.exit_code == 1 and "c-deadbeef" in missing.stderr


def test_speakers(db: str) -> None:
    result = runner.invoke(app, ["speakers", "--db", db])
    assert result.exit_code == 0 and "Prime Minister (2013-01-27..2013-01-28)" in result.stdout
    records = json.loads(runner.invoke(app, ["speakers", "--json", "--db", db]).stdout)
    assert records[0]["name"] == "Dmitry Medvedev" and records[0]["quotes"] == 2


def test_export_jsonl_and_csv(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "jsonl", "--speaker", "Medvedev", "--db", db])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in rows] == ["mt-1", "ria-1"]
    wanted = {
        "cluster_id",
        "doc",
        "outlet",
        "published",
        "text",
        "start",
        "end",
        "speaker",
        "role",
        "date",
        "cue",
    }
    assert wanted <= set(rows[0]) and rows[0]["cue"] == "said"
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["export", "-f", "csv", "--query", "threats", "--out", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert [r["doc"] for r in csv.DictReader(out.open(encoding="utf-8"))] == ["ap-2"]
    by_cluster = runner.invoke(app, ["export", "--cluster", rows[0]["cluster_id"], "--db", db])
    assert len(by_cluster.stdout.splitlines()) == 2


def test_import_cli_does_not_load_spacy() -> None:
    # quotes.extract.model is imported (by quotes/__init__ via extract) but defers `import spacy` to load()
    heavy = "{'spacy', 'quotes.extract.pipeline', 'rapidfuzz'}"
    code = f"import sys, quotes.interfaces.cli; print({heavy} & set(sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "set()"


@pytest.mark.slow
def test_ingest_seeds_end_to_end_is_idempotent(tmp_path: Path) -> None:
    db = str(tmp_path / "seeds.db")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    first = runner.invoke(app, ["ingest", str(SEEDS), str(bad), "--db", db])
    assert first.exit_code == 1, first.output  # the bad file fails, after the others are stored
    assert first.stderr.count("Error: ") == 1 and str(bad) in first.stderr
    counts = json.loads(runner.invoke(app, ["stats", "--json", "--db", db]).stdout)
    assert counts["articles"] == 5 and counts["quotes"] > 0
    again = runner.invoke(app, ["ingest", str(SEEDS), "--db", db])
    assert again.exit_code == 0, again.output
    assert "0 new articles, 5 skipped" in again.stderr
    assert json.loads(runner.invoke(app, ["stats", "--json", "--db", db]).stdout) == counts
    found = json.loads(runner.invoke(app, ["search", "Medvedev", "-f", "json", "--db", db]).stdout)
    assert found and found[0]["speaker"] == "Dmitry Medvedev"


def test_one_person_under_several_names_is_not_disputed_nor_two_speakers(tmp_path: Path) -> None:
    db = str(tmp_path / "names.db")
    with Store.open(db, create=True) as store:
        store.add(article("mt-1", "The Moscow Times", "2013-01-27", QUOTE, "Dmitry Medvedev", "Prime Minister"))
        store.add(article("ria-1", "RIA", "2013-01-28", QUOTE, "Medvedev", "Prime Minister"))
        store.add(article("ap-1", "AP", "--01-30", QUOTE, "D. Medvedev", "Prime Minister"))
    [record] = json.loads(runner.invoke(app, ["search", "flexibility", "-f", "json", "--db", db]).stdout)
    assert record["disputed"] is False and record["speakers"] == ["Dmitry Medvedev"]
    assert record["date"] == "2013-01-27"  # the year-less "--01-30" is not the earliest
    shown = runner.invoke(app, ["show", record["cluster_id"], "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "DISPUTED" not in shown.stdout
    listed = json.loads(runner.invoke(app, ["speakers", "--json", "--db", db]).stdout)
    assert [(s["name"], s["quotes"]) for s in listed] == [("Dmitry Medvedev", 3)]
    assert sorted(listed[0]["aliases"]) == ["D. Medvedev", "Medvedev"]
    assert listed[0]["roles"] == [
        {"role": "Prime Minister", "first_seen": "2013-01-27", "last_seen": "2013-01-28"}
    ]
