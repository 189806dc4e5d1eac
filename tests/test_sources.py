"""Reading articles from files, directories, JSON(L) and standard input; encodings and bad input."""

from __future__ import annotations

import io
import json
import logging
import shutil
import sys
from pathlib import Path

import pytest

from quotes.errors import InputError
from quotes.models import Article, Failure
from quotes.sources import iter_articles
from quotes.sources.decode import decode_bytes, sniff_format

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PAGES = ROOT / "tests/data/pages"
GOLD_LINES = (ROOT / "tests/data/seeds-gold/articles.jsonl").read_text(encoding="utf-8").splitlines()
GOLD = {g["doc"]: g for g in map(json.loads, GOLD_LINES)}
STORY = (
    "Russian Deputy Prime Minister Sergei Ivanov said on Tuesday that talks would go on. "
    "“We will assess the threats together,” Ivanov said."
)


def articles(
    *paths: str | Path, published: str | None = None, outlet: str | None = None
) -> list[Article | Failure]:
    return list(iter_articles([str(p) for p in paths], published=published, outlet=outlet))


def only_article(*paths: str | Path, published: str | None = None, outlet: str | None = None) -> Article:
    (result,) = articles(*paths, published=published, outlet=outlet)
    assert isinstance(result, Article), result
    return result


def only_failure(*paths: str | Path) -> Failure:
    (result,) = articles(*paths)
    assert isinstance(result, Failure), result
    return result


# plain text


def test_seed_directory() -> None:
    found = articles(SEEDS)
    assert all(isinstance(a, Article) for a in found)
    assert [a.doc for a in found if isinstance(a, Article)] == sorted(GOLD)
    for article in found:
        assert isinstance(article, Article)
        assert article.text == (SEEDS / f"{article.doc}.txt").read_text(encoding="utf-8")
        assert article.outlet == GOLD[article.doc]["outlet"]
        assert article.source == str(SEEDS / f"{article.doc}.txt")
        assert article.published is None  # plain-text dates are the pipeline's job


def test_outlet_precedence_text_then_caller_default(tmp_path: Path) -> None:
    named = tmp_path / "named.txt"
    named.write_text(f"MOSCOW, May 3 (RIA Novosti) – {STORY}", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(STORY, encoding="utf-8")
    assert only_article(named, outlet="Cli Outlet").outlet == "RIA Novosti"
    default = only_article(plain, outlet="Cli Outlet", published="2012-05-03")
    assert (default.outlet, default.published) == ("Cli Outlet", "2012-05-03")


def test_page_metadata_beats_caller_default() -> None:
    article = only_article(PAGES / "news.html", outlet="Cli Outlet", published="2000-01-01")
    assert (article.outlet, article.published) == ("The Baltic Courier", "2013-03-14")


def test_directory_is_walked_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "top.txt").write_text(STORY, encoding="utf-8")
    shutil.copy(PAGES / "news.html", tmp_path / "a" / "page.htm")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert [a.doc for a in articles(tmp_path) if isinstance(a, Article)] == ["deep", "page", "top"]


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert only_failure(missing).message == f"{missing}: no such file or directory; check the path"
    assert "no article files" in only_failure(tmp_path).message


# format by content


def test_txt_holding_html_is_parsed_as_html(tmp_path: Path) -> None:
    saved = tmp_path / "saved.txt"
    shutil.copy(PAGES / "news.html", saved)
    article = only_article(saved)
    assert article.doc == "saved"
    assert article.title == "Lavrov says missile talks have reached an impasse"
    assert "<p>" not in article.text and "Related articles" not in article.text


@pytest.mark.parametrize(
    ("text", "suffix", "expected"),
    [
        ("Plain article text.", ".txt", "text"),
        ("[Updated] Plain article text.", ".txt", "text"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", ".txt", "html"),
        ("<div><p>One.</p><p>Two.</p></div>", "", "html"),
        ("Plain text", ".html", "html"),
        ('{"text": "a"}\n{"text": "b"}\n', ".txt", "jsonl"),
        ('{"text": "a"}\n{"text": \n', "", "jsonl"),
        ('{"text": "a"}', ".jsonl", "jsonl"),
        ('{"text": "a"}', ".json", "json"),
        ('[{"text": "a"}]', "", "json"),
        ('{\n  "text": "a"\n}', ".json", "json"),
        ("not json at all", ".json", "json"),
        ('{"text": "a"}\n', ".json", "json"),
        ("[" * 100_000, ".txt", "text"),  # too deep for the parser: not JSON, so text
    ],
)
def test_sniff_format(text: str, suffix: str, expected: str) -> None:
    assert sniff_format(text, suffix) == expected


# JSON Lines and JSON


def test_jsonl_with_a_broken_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "ria-1", "text": STORY, "outlet": "RIA Novosti", "published": "2012-05-03T10:00Z"}),
        '{"text": "truncated re',
        json.dumps({"url": "https://example.com/a/2", "text": STORY, "title": "Talks", "author": "A. Wri"}),
        "",
        json.dumps({"text": f"MOSCOW, May 3 (Interfax) – {STORY}"}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, bad, second, third = articles(feed)
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(third, Article)
    assert (first.doc, first.outlet, first.published) == ("ria-1", "RIA Novosti", "2012-05-03")
    assert first.source == str(feed)
    assert isinstance(bad, Failure)
    assert bad.source == str(feed)
    assert bad.message.startswith(f"{feed}, line 2: not valid JSON (")
    assert bad.message.endswith("fix or remove this line")
    assert (second.doc, second.title, second.author) == ("https://example.com/a/2", "Talks", "A. Wri")
    assert (third.doc, third.outlet) == ("feed-5", "Interfax")


def test_jsonl_record_with_html(tmp_path: Path) -> None:
    record = {"doc": "page-1", "html": (PAGES / "news.html").read_text(encoding="utf-8"), "outlet": "Courier"}
    feed = tmp_path / "pages.jsonl"
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    article = only_article(feed)
    assert article.doc == "page-1"
    assert article.outlet == "Courier"  # the record's own field beats the page's metadata
    assert article.published == "2013-03-14"  # the page's metadata fills what the record does not give
    assert article.text.startswith("Russian Foreign Minister Sergei Lavrov")


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"title": "No body"}, 'the record has no "text" or "html"; put the article text in "text"'),
        (["a", "list"], 'expected a JSON object with a "text" or "html" field, got list'),
        ({"html": "<html><body><nav>Home</nav></body></html>"}, "no article text found in the HTML"),
    ],
)
def test_bad_jsonl_records(tmp_path: Path, record: object, message: str) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": STORY}) + "\n" + json.dumps(record) + "\n", encoding="utf-8")
    good, bad = articles(feed)
    assert isinstance(good, Article) and good.doc == "feed-1"
    assert isinstance(bad, Failure)
    assert bad.message.startswith(f"{feed}, line 2: ")
    assert message in bad.message


def test_json_object_and_list(tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": STORY, "published": "2012-05"}, indent=2), encoding="utf-8")
    article = only_article(single)
    assert (article.doc, article.published) == ("one", "2012-05")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": STORY}, {"nothing": 1}, {"id": 7, "text": STORY}]), encoding="utf-8")
    first, bad, last = articles(many)
    assert isinstance(first, Article) and first.doc == "many-1"
    assert isinstance(bad, Failure) and bad.message.startswith(f"{many}, item 2: the record has no")
    assert isinstance(last, Article) and last.doc == "7"


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ('{"text": "a", "n": 1' + "0" * 5000 + "}", "Exceeds the limit"),  # Python's cap on int digits
        ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply to read"),
    ],
)
def test_jsonl_lines_the_parser_refuses_do_not_stop_the_file(tmp_path: Path, bad_line: str, reason: str) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(f"{json.dumps({'text': STORY})}\n{bad_line}\n{json.dumps({'text': STORY})}\n", encoding="utf-8")
    first, bad, last = articles(feed)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(bad, Failure)
    assert bad.message.startswith(f"{feed}, line 2: not valid JSON (")
    assert reason in bad.message


def test_json_file_nested_too_deeply(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert only_failure(deep).message.startswith(f"{deep}: not valid JSON (nested too deeply to read); fix")


def test_invalid_json_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "text": "unterminated\n', encoding="utf-8")
    message = only_failure(broken).message
    assert message.startswith(f"{broken}: not valid JSON (")
    assert "give one JSON object per line in a .jsonl file" in message


# standard input


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("data", "title"),
    [
        (STORY.encode("utf-8"), None),
        ((PAGES / "news.html").read_bytes(), "Lavrov says missile talks have reached an impasse"),
    ],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, title: str | None) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    article = only_article("-")
    assert (article.doc, article.source, article.title) == ("stdin", "<stdin>", title)


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(f'{{"text": "{STORY}"}}\n{{"text": "{STORY}"}}\n'.encode()))
    assert [a.doc for a in articles("-") if isinstance(a, Article)] == ["stdin-1", "stdin-2"]


# encodings


def test_cp1252_curly_quotes(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(b"Lavrov said: \x93We are still waiting.\x94 \x96 the talks go on, caf\xe9 owners say.")
    with caplog.at_level(logging.INFO, logger="quotes.sources.decode"):
        article = only_article(path)
    assert article.text == "Lavrov said: “We are still waiting.” – the talks go on, café owners say."
    assert article.encoding == "cp1252"
    assert f"{path}: not UTF-8, decoded as cp1252" in caplog.text


def test_latin1_accents(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    text = "Le ministre a déclaré à Genève que les négociations étaient « très difficiles », a-t-il dit."
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("latin-1"))
    with caplog.at_level(logging.INFO, logger="quotes.sources.decode"):
        assert only_article(path).text == text
    assert "not UTF-8, decoded as" in caplog.text


def test_html_meta_charset_is_used(tmp_path: Path) -> None:
    markup = (PAGES / "news.html").read_text(encoding="utf-8")
    markup = markup.replace('charset="utf-8"', 'charset="windows-1252"')
    path = tmp_path / "old.html"
    path.write_bytes(markup.encode("cp1252"))
    article = only_article(path)
    assert article.encoding == "cp1252"
    assert "“Nobody is walking away from the table,” the official said." in article.text


def test_utf8_wins_and_bom_is_dropped() -> None:
    assert decode_bytes("\ufeff“Yes.”".encode(), "x") == ("“Yes.”", "utf-8")
    assert decode_bytes("“Yes.”".encode(), "x", declared="iso-8859-1") == ("“Yes.”", "utf-8")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_recorded_as_utf16(encoding: str) -> None:
    """Issue 15 (8): UTF-16 input was recorded as encoding utf-8."""
    data = "\ufeff“Yes,” he said.".encode(encoding)
    assert decode_bytes(data, "x") == ("“Yes,” he said.", encoding)


def test_broken_utf16_is_one_clear_failure(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes("“Yes,” he said.".encode("utf-16") + b"\x00\xd8")  # ends in half a surrogate pair
    message = only_failure(broken).message
    assert message.startswith(f"{broken}: the file starts with a UTF-16 byte-order mark but is not valid UTF-16 (")
    assert message.endswith("re-save it as UTF-8")


def test_cyrillic_cp1251_is_not_taken_for_cp1252() -> None:
    text = "Министр обороны заявил, что переговоры будут конструктивными и продолжатся в Женеве. " * 2
    decoded, encoding = decode_bytes(text.encode("cp1251"), "ru.txt")
    assert (decoded, encoding) == (text, "cp1251")


# bad input


def test_empty_and_binary_files_do_not_stop_the_walk(tmp_path: Path) -> None:
    (tmp_path / "a-empty.txt").write_bytes(b"  \n\n")
    (tmp_path / "b-binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "c-good.txt").write_text(STORY, encoding="utf-8")
    empty, binary, good = articles(tmp_path)
    assert isinstance(empty, Failure)
    assert empty.message == f"{tmp_path / 'a-empty.txt'}: the file is empty; give an article with text in it"
    assert isinstance(binary, Failure)
    assert binary.message.startswith(f"{tmp_path / 'b-binary.txt'}: this is a binary file, not a text")
    assert isinstance(good, Article)


def test_html_without_article(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    shutil.copy(PAGES / "no-article.html", page)
    assert only_failure(page).message == (
        f"{page}: no article text found in the HTML; save the full article page or pass its text"
    )


def test_decode_bytes_errors() -> None:
    with pytest.raises(InputError, match="is empty"):
        decode_bytes(b"", "x.txt")
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x00\x01\x02PK", "x.txt")
