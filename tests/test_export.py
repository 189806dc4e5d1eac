"""Citation exports: style strings checked by hand against APA 7, MLA 9 and Chicago 17, and every
machine format read back by the real reader (bibtexparser 2, rispy, jsonschema with the CSL schema)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
import rispy
from bibtexparser.entrypoint import parse_string
from bibtexparser.middlewares import LatexDecodingMiddleware
from typer.testing import CliRunner
from verify_corpus import build_store

from quotes.cite.export import citation_keys, csl_items, latex_escape, render
from quotes.cite.styles import cite, parse_authors
from quotes.errors import ExportError
from quotes.interfaces.cli import app
from quotes.models import Occurrence

SCHEMA = json.loads((Path(__file__).parent / "data" / "csl-data.json").read_text(encoding="utf-8"))
URL = "https://example.com/a"

T = "No flexibility in missile talks"
MT = "*The Moscow Times*"
BASE = Occurrence(
    occurrence_id="o1", cluster_id="c-1", doc="003", source=URL, outlet="The Moscow Times", title=T,
    author="John Smith", published="2013-01-28", content_hash="0" * 64,
    text="There is no flexibility.", start=0, end=24, speaker="Dmitry Medvedev", role="Prime Minister",
    date="2013-01-27", cue="said", kind="direct",
)
NO_AUTHOR = replace(BASE, author=None)
YEARLESS = replace(BASE, published="--05-18")
FILE = replace(BASE, source="seeds/003.txt")
NO_TITLE = replace(BASE, title=None)
UNDATED = replace(BASE, published=None)
TWO = replace(BASE, author="By John Smith and Jane Doe")
THREE = replace(BASE, author="John Smith, Jane Doe and Ann Roe")
JUNE = replace(BASE, published="2013-06-05")
SEPT = replace(BASE, published="2013-09-05")
MONTH = replace(BASE, published="2013-01")
QUESTION = replace(BASE, title="Will Russia move?")
DESCRIBED = "News report quoting Dmitry Medvedev"


@pytest.mark.parametrize(
    ("occ", "expected"),
    [
        (BASE, f"Smith, J. (2013, January 28). {T}. {MT}. {URL}"),
        (NO_AUTHOR, f"{T}. (2013, January 28). {MT}. {URL}"),
        (YEARLESS, f"Smith, J. (n.d.). {T}. {MT}. {URL}"),
        (UNDATED, f"Smith, J. (n.d.). {T}. {MT}. {URL}"),
        (FILE, f"Smith, J. (2013, January 28). {T}. {MT}. Local file: seeds/003.txt"),
        (NO_TITLE, f"Smith, J. (2013, January 28). [{DESCRIBED}]. {MT}. {URL}"),
        (replace(NO_TITLE, author=None), f"[{DESCRIBED}]. (2013, January 28). {MT}. {URL}"),
        (TWO, f"Smith, J., & Doe, J. (2013, January 28). {T}. {MT}. {URL}"),
        (THREE, f"Smith, J., Doe, J., & Roe, A. (2013, January 28). {T}. {MT}. {URL}"),
        (MONTH, f"Smith, J. (2013, January). {T}. {MT}. {URL}"),
        (QUESTION, f"Smith, J. (2013, January 28). Will Russia move? {MT}. {URL}"),
    ],
)
def test_apa(occ: Occurrence, expected: str) -> None:
    assert cite(occ, "apa") == expected


@pytest.mark.parametrize(
    ("occ", "expected"),
    [
        (BASE, f'Smith, John. "{T}." {MT}, 28 Jan. 2013, example.com/a.'),
        (NO_AUTHOR, f'"{T}." {MT}, 28 Jan. 2013, example.com/a.'),
        (YEARLESS, f'Smith, John. "{T}." {MT}, 18 May, example.com/a.'),
        (UNDATED, f'Smith, John. "{T}." {MT}, example.com/a.'),
        (FILE, f'Smith, John. "{T}." {MT}, 28 Jan. 2013. Local file: seeds/003.txt.'),
        (NO_TITLE, f"Smith, John. {DESCRIBED}. {MT}, 28 Jan. 2013, example.com/a."),
        (TWO, f'Smith, John, and Jane Doe. "{T}." {MT}, 28 Jan. 2013, example.com/a.'),
        (THREE, f'Smith, John, et al. "{T}." {MT}, 28 Jan. 2013, example.com/a.'),
        (JUNE, f'Smith, John. "{T}." {MT}, 5 June 2013, example.com/a.'),
        (SEPT, f'Smith, John. "{T}." {MT}, 5 Sept. 2013, example.com/a.'),
        (QUESTION, f'Smith, John. "Will Russia move?" {MT}, 28 Jan. 2013, example.com/a.'),
    ],
)
def test_mla(occ: Occurrence, expected: str) -> None:
    assert cite(occ, "mla") == expected


@pytest.mark.parametrize(
    ("occ", "expected"),
    [
        (BASE, f'Smith, John. "{T}." {MT}, January 28, 2013. {URL}.'),
        (NO_AUTHOR, f'{MT}. "{T}." January 28, 2013. {URL}.'),
        (replace(NO_AUTHOR, outlet=None), f'"{T}." January 28, 2013. {URL}.'),
        (YEARLESS, f'Smith, John. "{T}." {MT}, n.d. {URL}.'),  # issue 15: was "May 18."
        (UNDATED, f'Smith, John. "{T}." {MT}, n.d. {URL}.'),
        (FILE, f'Smith, John. "{T}." {MT}, January 28, 2013. Local file: seeds/003.txt.'),
        (NO_TITLE, f"Smith, John. {DESCRIBED}. {MT}, January 28, 2013. {URL}."),
        (TWO, f'Smith, John, and Jane Doe. "{T}." {MT}, January 28, 2013. {URL}.'),
        (THREE, f'Smith, John, Jane Doe, and Ann Roe. "{T}." {MT}, January 28, 2013. {URL}.'),
        (MONTH, f'Smith, John. "{T}." {MT}, January 2013. {URL}.'),
    ],
)
def test_chicago(occ: Occurrence, expected: str) -> None:
    assert cite(occ, "chicago") == expected


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("John Smith", [("Smith", "John", "")]),
        ("By John Smith and Jane Doe", [("Smith", "John", ""), ("Doe", "Jane", "")]),
        ("Smith, John", [("Smith", "John", "")]),
        ("Ludwig van Beethoven", [("van Beethoven", "Ludwig", "")]),
        ("Martin Luther King Jr.", [("King", "Martin Luther", "Jr.")]),
        ("Reuters", [("", "", "Reuters")]),
        ("RIA Novosti staff", [("", "", "RIA Novosti staff")]),
    ],
)
def test_parse_authors(author: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(n.family, n.given, n.suffix or n.literal) for n in parse_authors(author)] == expected


# Issue 15 (7): each style's rule for partial and missing dates, and one period at the end of an
# element: an abbreviated month closing MLA's container ("8 Aug.") took a second one ("8 Aug..").
AUG_FILE = replace(FILE, published="--08-08")
YEAR_ONLY = replace(BASE, published="2013")


@pytest.mark.parametrize(
    ("occ", "style", "expected"),
    [
        (AUG_FILE, "mla", f'Smith, John. "{T}." {MT}, 8 Aug. Local file: seeds/003.txt.'),
        (replace(AUG_FILE, published="2013-08-08"), "mla",
         f'Smith, John. "{T}." {MT}, 8 Aug. 2013. Local file: seeds/003.txt.'),
        (replace(AUG_FILE, outlet=None), "mla", f'Smith, John. "{T}." 8 Aug. Local file: seeds/003.txt.'),
        (replace(MONTH, source="seeds/003.txt"), "mla",
         f'Smith, John. "{T}." {MT}, Jan. 2013. Local file: seeds/003.txt.'),
        (YEAR_ONLY, "mla", f'Smith, John. "{T}." {MT}, 2013, example.com/a.'),
        (YEAR_ONLY, "apa", f"Smith, J. (2013). {T}. {MT}. {URL}"),
        (YEAR_ONLY, "chicago", f'Smith, John. "{T}." {MT}, 2013. {URL}.'),
        (AUG_FILE, "chicago", f'Smith, John. "{T}." {MT}, n.d. Local file: seeds/003.txt.'),
        (replace(AUG_FILE, author=None), "chicago", f'{MT}. "{T}." n.d. Local file: seeds/003.txt.'),
        (replace(YEARLESS, author=None, outlet=None), "chicago", f'"{T}." n.d. {URL}.'),
        (AUG_FILE, "apa", f"Smith, J. (n.d.). {T}. {MT}. Local file: seeds/003.txt"),
    ],
)
def test_partial_and_missing_dates(occ: Occurrence, style: str, expected: str) -> None:
    cited = cite(occ, style)
    assert cited == expected
    assert ".." not in cited.replace(". . .", "")


@pytest.mark.parametrize("fmt", ["markdown", "csl-json", "ris", "bibtex"])
def test_reporting_clause_comma_is_not_part_of_the_quotation(fmt: str) -> None:
    """Issue 15 (7): “…not getting any closer,” Medvedev said -> cited without the comma."""
    occ = replace(BASE, text="these positions are not getting any closer,")
    out = render(fmt, [occ], style="apa")
    if fmt == "csl-json":  # the provenance block keeps the stored words, which its offsets index
        item = json.loads(out)[0]
        assert item["custom"]["quote"] == occ.text
        out = item["note"]
    assert "closer," not in out and "closer" in out


def test_markdown_bullet_carries_quote_and_speaker() -> None:
    out = render("markdown", [BASE, YEARLESS], style="chicago")
    lines = out.splitlines()
    assert lines[0].startswith("- Smith, John.")
    assert lines[1] == '  > "There is no flexibility." — Dmitry Medvedev, Prime Minister (2013-01-27)'
    assert len([line for line in lines if line.startswith("- ")]) == 2


# -- machine formats, read back by the real readers ----------------------------------------------

SPECIAL = replace(
    BASE, occurrence_id="o2", author="Jürgen Müller", outlet="Ria & Co_News #1",
    title="Moscow expects “reaction”: 100% {sure}, $5 — naïve Łódź…", source="articles/a_b.txt",
    text='He said "no" — 50% & more', speaker="Sergei Ivanov", role=None, date=None, published="--05-18",
)
ALL = [BASE, NO_AUTHOR, YEARLESS, FILE, NO_TITLE, UNDATED, TWO, SPECIAL]
ALL = [replace(o, occurrence_id=f"o{i}") for i, o in enumerate(ALL)]


def test_csl_json_validates_against_the_schema() -> None:
    items = json.loads(render("csl-json", ALL))
    jsonschema.validate(items, SCHEMA)
    first, yearless, filed = items[0], items[2], items[3]
    assert first["type"] == "article-newspaper" and first["container-title"] == "The Moscow Times"
    assert first["issued"] == {"date-parts": [[2013, 1, 28]]} and first["URL"] == URL
    assert "Dmitry Medvedev" in first["note"] and "There is no flexibility." in first["note"]
    assert yearless["issued"] == {"literal": "May 18"}  # no invented year
    assert "URL" not in filed and filed["custom"]["file"] == "seeds/003.txt"
    assert "issued" not in items[5]


def test_csl_id_and_keys_are_stable_and_unique() -> None:
    keys = citation_keys(ALL)
    assert len(set(keys)) == len(keys)
    assert citation_keys(ALL[::-1]) == keys[::-1]  # a key depends only on its own occurrence
    assert [i["id"] for i in csl_items(ALL)] == keys
    assert keys[0].startswith("smith2013flexibility_")


def test_bibtex_parses_with_bibtexparser() -> None:
    text = render("bibtex", ALL)
    library = parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == citation_keys(ALL)
    special = library.entries[-1].fields_dict
    assert special["title"].value.strip("{}") == SPECIAL.title
    assert special["journal"].value == SPECIAL.outlet
    assert special["author"].value == "Müller, Jürgen"
    assert "no" in special["note"].value and "Sergei Ivanov" in special["note"].value
    assert "year" not in special and "year unknown" in special["addendum"].value
    first = library.entries[0].fields_dict
    assert first["year"].value == "2013" and first["url"].value == URL


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [("{}%&$#_", r"\{\}\%\&\$\#\_"), ("~^\\", r"\textasciitilde{}\textasciicircum{}\textbackslash{}"),
     ("Müller", r'M{\"u}ller'), ("naïve", r'na{\"\i}ve'), ("Путин", "Путин")],
)
def test_latex_escape(raw: str, escaped: str) -> None:
    assert latex_escape(raw) == escaped


def test_ris_parses_with_rispy() -> None:
    entries = rispy.loads(render("ris", ALL))
    assert len(entries) == len(ALL)
    first, special = entries[0], entries[-1]
    assert first["type_of_reference"] == "NEWS" and first["secondary_title"] == "The Moscow Times"
    assert first["year"] == "2013" and first["date"] == "2013/01/28/" and first["urls"] == [URL]
    assert first["authors"] == ["Smith, John"]
    assert any("Dmitry Medvedev" in n for n in first["notes"])
    assert "year" not in special and any("year unknown" in n for n in special["notes"])
    assert special["file_attachments1"] == "articles/a_b.txt" and "urls" not in special


def test_unknown_format_or_style_is_an_export_error() -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        render("docx", ALL)
    with pytest.raises(ExportError, match="unknown citation style"):
        render("markdown", ALL, style="harvard")


# -- through the CLI ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("export") / "quotes.db")


def test_cli_export_bibtex_filtered_by_speaker(db: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "bibtex", "--speaker", "Putin", "--db", str(db)])
    assert result.exit_code == 0, result.output
    entries = parse_string(result.stdout).entries
    assert len(entries) == 1 and "Vladimir Putin" in entries[0].fields_dict["note"].value


def test_cli_export_markdown_mla_to_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "cites.md"
    args = ["export", "--format", "markdown", "--style", "mla", "--outlet", "RIA Novosti", "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    title = "Medvedev: no flexibility on missile defense."
    assert text.startswith(f'- Petrov, Ivan. "{title}" *RIA Novosti*, 29 Jan. 2013')
    assert "> \"We do not want the next generation" in text


def test_cli_export_csl_json_of_a_cluster_validates(db: Path) -> None:
    args = ["export", "--format", "csl-json", "--query", "flexibility", "--db", str(db)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    jsonschema.validate(items, SCHEMA)
    assert {i.get("container-title") for i in items} >= {"PanARMENIAN.Net"}
