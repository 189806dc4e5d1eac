"""Main text and metadata of HTML pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quotes.errors import InputError
from quotes.models import Article
from quotes.sources.html import html_article

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests/data/pages"

NEWS_PARAGRAPHS = [
    "Russian Foreign Minister Sergei Lavrov said on Thursday that talks with Washington on missile defense "
    "had reached an impasse, and that Moscow saw no sign of a compromise before the end of the year.",
    "“We have explained our position many times, and we are still waiting for an answer that takes our "
    "concerns into account,” Lavrov told reporters after meeting his Finnish counterpart in Helsinki.",
    "The United States says the planned shield in Europe is meant to counter missiles from Iran and would "
    "not threaten Russia’s strategic forces.",
    "A senior U.S. official, speaking on condition of anonymity, said the dialogue would continue at expert "
    "level. “Nobody is walking away from the table,” the official said.",
    "Lavrov added that Russia would judge the United States by its actions rather than its words, saying "
    "the next round of consultations was expected in Geneva in April.",
]
# One string from each piece of furniture on the page.
NEWS_FURNITURE = [
    "We use cookies",  # cookie notice
    "Subscribe today",  # navigation
    "Fly to Riga",  # banner ad
    "winter tyres",  # inline ad
    "Related articles",
    "NATO ministers to meet",  # related-articles list
    "speaks to reporters in Moscow on Wednesday",  # photo caption
    "Ivan Petrov",  # photo credit
    "morning briefing",  # newsletter box
    "free newsletter",
    "independent journalism costs money",  # donation box
    "Share on Facebook",
    "typical diplomacy",  # comments
    "Great reporting",
    "All rights reserved",  # footer
    "Privacy policy",
]


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def news() -> Article:
    return html_article(page("news.html"), doc="news", source="news.html")


def test_news_page_body_is_the_article_paragraphs(news: Article) -> None:
    assert news.text.split("\n\n") == NEWS_PARAGRAPHS


@pytest.mark.parametrize("furniture", NEWS_FURNITURE)
def test_news_page_body_excludes_furniture(news: Article, furniture: str) -> None:
    assert furniture not in news.text


def test_news_page_metadata(news: Article) -> None:
    assert news.title == "Lavrov says missile talks have reached an impasse"
    assert news.author == "Anna Kowalska"
    assert news.outlet == "The Baltic Courier"
    assert news.published == "2013-03-14"  # article:published_time, not the modified time
    assert news.doc == "news"
    assert news.source == "news.html"


def test_time_datetime_is_the_only_date() -> None:
    article = html_article(page("time-only.html"), doc="t", source="time-only.html")
    assert article.published == "2013-08-08"
    assert article.outlet is None
    assert "Deputy Defense Minister Anatoly Antonov told reporters." in article.text
    assert "Home" not in article.text.split("\n")


def test_page_without_article_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        html_article(page("no-article.html"), doc="p", source="page.html")
    assert str(caught.value) == (
        "page.html: no article text found in the HTML; save the full article page or pass its text"
    )


def seed003_quoted_paragraphs() -> list[str]:
    text = (ROOT / "seeds/003_1ad898ca5491ab7b.txt").read_text(encoding="utf-8")
    # trafilatura turns the seed's no-break spaces into plain ones; the words are the same.
    return [" ".join(line.split()) for line in text.splitlines() if re.search(r"[“\"]", line)]


def test_saved_page_gives_the_seed_paragraphs() -> None:
    article = html_article(page("seed003.html"), doc="seed003", source="seed003.html")
    paragraphs = article.text.split("\n\n")
    quoted = seed003_quoted_paragraphs()
    assert len(quoted) == 8
    for paragraph in quoted:
        assert paragraph in paragraphs
    for furniture in ("Follow us on", "[AP]", "cookie", "newsletter", "donation", "You may also like",
                      "Nobody should be surprised", "Storm warning", "Copyright", "Advertisement"):
        assert furniture not in article.text
    assert article.published == "2013-01-28"
    assert article.title == "No flexibility in missile talks says Russia"


JSON_LD_PAGE = """<!DOCTYPE html><html><head><title>Page</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Example"},
  {"@type": ["NewsArticle"], "headline": "Headline from JSON-LD", "datePublished": "2012-06-20T08:00:00Z",
   "author": [{"@type": "Person", "name": "Ivan Ivanov"}, {"@type": "Person", "name": "Olga Smirnova"}],
   "publisher": {"@type": "Organization", "name": "Example News"}}
]}
</script></head>
<body class="cookie-consent-shown"><article class="share-enabled">
<p>The missile defense dispute between Russia and the United States will not be resolved regardless of the
election, Russian President Vladimir Putin said on Wednesday.</p>
<p>“This means all three participants would jointly be building that system,” he said.</p>
</article></body></html>"""


def test_json_ld_graph_metadata() -> None:
    article = html_article(JSON_LD_PAGE, doc="j", source="j.html")
    assert article.title == "Headline from JSON-LD"
    assert article.author == "Ivan Ivanov, Olga Smirnova"
    assert article.outlet == "Example News"
    assert article.published == "2012-06-20"


def test_body_container_with_furniture_like_class_is_kept() -> None:
    article = html_article(JSON_LD_PAGE, doc="j", source="j.html")
    quote = "“This means all three participants would jointly be building that system,” he said."
    assert quote in article.text


def test_fragment_without_html_element() -> None:
    fragment = "".join(f"<p>{p}</p>" for p in NEWS_PARAGRAPHS[:3])
    article = html_article(fragment, doc="f", source="f.html")
    assert article.text.split("\n\n") == NEWS_PARAGRAPHS[:3]


def test_host_name_is_not_taken_for_the_outlet() -> None:
    article = html_article(page("time-only.html"), doc="t", source="t", url="https://www.example.com/a/1")
    assert article.outlet is None


def test_table_layout_keeps_paragraphs() -> None:
    cells = "".join(f"<p>{p}</p>" for p in NEWS_PARAGRAPHS[:3])
    data_table = "<table><tr><th>Year</th><th>Interceptors</th></tr><tr><td>2012</td><td>10</td></tr></table>"
    markup = (
        "<html><head><title>Old site</title></head><body><table width='100%'><tr>"
        "<td class='menu'><a href='/'>Home</a> <a href='/world'>World</a></td>"
        f"<td class='main'>{cells}{data_table}</td>"
        "</tr></table></body></html>"
    )
    article = html_article(markup, doc="old", source="old.html")
    assert article.text.split("\n\n")[:3] == NEWS_PARAGRAPHS[:3]
    assert "| 2012 | 10 |" in article.text  # a real data table nested in the layout stays a table
    assert "Home" not in article.text
