"""Pages in other encodings decode right: byte-order mark, then the HTTP header (URLs), then the page's own
declaration (``<meta charset>``, ``<meta http-equiv>``, ``<?xml encoding>``, wherever it stands in the head),
read as browsers read them (Latin-5 as Windows-1254, GB2312 as GB18030, Shift_JIS as cp932)."""

from __future__ import annotations

import pytest

from quotes.models import Article
from quotes.sources import articles_from_bytes

# Long inline scripts before the charset declaration, as on real pages (the declaration came after 6-180 KB).
SCRIPT = "<script>var slots = [" + ",".join(f'"div-gpt-ad-{i}"' for i in range(600)) + "];</script>"
RU = "«Мы продолжим переговоры в Женеве», — заявил министр иностранных дел журналистам в понедельник вечером."
RU_PLAIN = RU.replace("«", '"').replace("»", '"').replace("—", "-")  # KOI8-R has no guillemets or dashes
TR = "Bakan, “Müzakerelere Cenevre’de devam edeceğiz” dedi ve görüşmelerin ağır geçtiğini söyledi."
JA = "外務大臣は「ジュネーブで交渉を続ける」と記者団に語り、協議は難しいと述べました。"
ZH = "外交部长对记者说：“我们将在日内瓦继续谈判。”他还表示，会谈非常艰难，双方分歧仍然很大。"


def page(head: str, paragraph: str) -> str:
    body = f"<p>{' '.join([paragraph] * 3)}</p>"  # one paragraph long enough to be an article
    return f"<!DOCTYPE html><html><head>{head}<title>T</title></head><body><article>{body}</article></body></html>"


def long(paragraph: str) -> str:
    return " ".join([paragraph] * 3)


def read(data: bytes, declared: str | None = None) -> Article:
    (article,) = articles_from_bytes(data, name="page.html", doc="page", suffix=".html", declared=declared)
    assert isinstance(article, Article), article
    return article


@pytest.mark.parametrize(
    ("data", "paragraph", "encoding"),
    [
        (page(SCRIPT + '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', RU)
         .encode("cp1251"), RU, "cp1251"),
        (page(SCRIPT + '<meta charset="koi8-r">', RU_PLAIN).encode("koi8-r"), RU_PLAIN, "koi8-r"),
        (page('<meta charset="iso-8859-9">', TR).encode("cp1254"), TR, "cp1254"),
        (page('<meta charset="Shift_JIS">', JA).encode("cp932"), JA, "cp932"),
        (page('<meta charset="gb2312">', ZH).encode("gb18030"), ZH, "gb18030"),
        (('<?xml version="1.0" encoding="windows-1251"?>' + page("", RU)).encode("cp1251"), RU, "cp1251"),
    ],
    ids=["http-equiv-after-scripts", "koi8-r-after-scripts", "latin5-as-cp1254", "shift-jis", "gb2312", "xml"],
)
def test_declared_charset(data: bytes, paragraph: str, encoding: str) -> None:
    article = read(data)
    assert article.text == long(paragraph)
    assert article.encoding == encoding


def test_byte_order_mark_wins_over_the_meta_tag() -> None:
    article = read(b"\xef\xbb\xbf" + page('<meta charset="windows-1252">', TR).encode("utf-8"))
    assert article.text == long(TR)


def test_utf16_page_with_byte_order_mark() -> None:
    assert read(page('<meta charset="utf-16">', RU).encode("utf-16")).text == long(RU)


def test_http_header_wins_over_the_meta_tag() -> None:
    data = page('<meta charset="koi8-r">', RU).encode("cp1251")  # the page's own tag is wrong
    article = read(data, declared="windows-1251")
    assert (article.text, article.encoding) == (long(RU), "cp1251")


def double(text: str) -> str:
    """``text`` as an archive mangles it: UTF-8 read as cp1252 twice, then decomposed (NFD)."""
    import unicodedata

    once = text.encode("utf-8").decode("cp1252", errors="replace")
    return unicodedata.normalize("NFD", once.encode("utf-8").decode("latin-1"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Mojibake in the text itself: UTF-8 read as cp1252 once, or twice and decomposed, is repaired.
        ("“This is my country,” said Mayor TomÃ¡s Regalado.", "“This is my country,” said Mayor Tomás Regalado."),
        (f"Ambassador {double('Miguel Basáñez Ebergenyi')} said “no.”",
         "Ambassador Miguel Basáñez Ebergenyi said “no.”"),
        # Negative rows: text that is right stays as written, curly quotes, entities and ligatures included.
        ("“It’s naïve,” said the café owner &amp; ﬁnance chief.",
         "“It’s naïve,” said the café owner &amp; ﬁnance chief."),
        ("Plain ASCII text, \"quoted\".", "Plain ASCII text, \"quoted\"."),
        ("The cafe\u0301 owner said “no.”", "The cafe\u0301 owner said “no.”"),  # decomposed, not recomposed
    ],
)
def test_mojibake_repaired_where_text_enters(text: str, expected: str) -> None:
    (article,) = articles_from_bytes(text.encode("utf-8"), name="a.txt", doc="a", suffix=".txt")
    assert isinstance(article, Article), article
    assert article.text == expected
