"""Real pages' ways: bodies in furniture-named wrappers, pop-ups inside sentences, scripts without spaces,
and the warnings that say when cleaning dropped text or quote marks gave no quote."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.ingestion import warn_if_lost
from quotes.interfaces.cli import app
from quotes.models import Article, Extraction
from quotes.sources.html import html_article
from quotes.sources.stated import person_names, without_site_name

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests/data/pages"
PAYWALLED = PAGES / "paywalled.html"

PAYWALLED_PARAGRAPHS = [
    "The Riverside city council voted 7-2 on Monday night to spend $4.2 million repairing the Mill Street "
    "bridge, ending a dispute that had kept the crossing half closed for two years.",
    "“We have asked residents to be patient for far too long, and tonight we finally kept our promise,” "
    "Mayor Ellen Park said after the vote.",
    "Engineers found cracks in two of the bridge’s steel supports in 2017, and the state limited traffic to one "
    "lane while the council argued over how to pay for the work.",
    "Councilman Robert Hale, who voted against the plan, said the city should have waited for a federal grant. "
    "“This money was meant for the schools, and we are spending it on concrete,” Hale said.",
    "Construction is expected to start in March and to last about eight months, according to the city’s public "
    "works department.",
    "“The detours will be painful, but the bridge will be safe for another fifty years,” said public works "
    "director Sam Ortiz.",
]
# A script as long as real pages carry (ad slots, state): it makes the page's text far longer than its body.
SCRIPT = "<script>window.__STATE__ = {" + ", ".join(f'"slot{i}": "div-gpt-ad-{i}"' for i in range(400)) + "};</script>"


def body_page(wrapper: str, paragraphs: list[str] = PAYWALLED_PARAGRAPHS) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>Bridge</title>{SCRIPT}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/local'>Local</a></nav>"
        f"<article><h1>Council approves bridge repairs</h1>{wrapper.format(body=body)}"
        "<div class='newsletter-signup'><p>Sign up for our morning newsletter and get the news first.</p></div>"
        "</article><footer><p>© 2019 The Riverside Ledger. All rights reserved.</p></footer></body></html>"
    )


def test_paywalled_body_is_the_article() -> None:
    article = html_article(PAYWALLED.read_text(encoding="utf-8"), doc="p", source="paywalled.html")
    assert article.text.split("\n\n") == PAYWALLED_PARAGRAPHS
    assert (article.title, article.author, article.outlet, article.published) == (
        "Council approves bridge repairs after two-year delay", "Maria Gonzalez", "The Riverside Ledger", "2019-11-19"
    )


def test_paywalled_page_gives_its_quotes_in_the_cli() -> None:
    result = CliRunner().invoke(app, ["extract", str(PAYWALLED), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    speakers = {json.loads(line)["speaker"] for line in result.stdout.splitlines()}
    assert speakers == {"Ellen Park", "Robert Hale", "Sam Ortiz"}


# Wrappers of article bodies on real pages (shared/real-pages) that furniture words once emptied or refused.
@pytest.mark.parametrize(
    "wrapper",
    [
        '<div class="article__body paywalled">{body}</div>',
        '<div class="ArticlePage-content paywall">{body}</div>',
        '<div class="Page-ad-margins"><div class="RichTextArticleBody">{body}</div></div>',
        '<div class="entry-content entry-content-read-more">{body}</div>',
        '<section class="non-ad-column-l pr5-l mb5">{body}</section>',
        '<div class="premium-content subscriber-only">{body}</div>',
        '<div class="post category-native-advertising tag-sponsored-content">{body}</div>',
    ],
)
def test_body_in_a_furniture_named_wrapper_is_kept(wrapper: str) -> None:
    article = html_article(body_page(wrapper), doc="w", source="w.html")
    assert article.text.split("\n\n") == PAYWALLED_PARAGRAPHS
    assert "newsletter" not in article.text


def test_page_written_without_spaces_is_read() -> None:
    paragraphs = [
        "Kindle書籍を読む場合は、一般的にスマホやタブレットなどのモバイル端末で読むことが多いと思います。",
        "しかし、パソコンの大きな画面で読みたい場合もあり、そのためのデスクトップアプリが用意されています。",
        "今回はそのデスクトップアプリのショートカットキーに関する話で、設定を変える方法を紹介します。",
    ]
    article = html_article(body_page("<div class='entry'>{body}</div>", paragraphs), doc="ja", source="ja.html")
    assert article.text.split("\n\n") == paragraphs


def test_hover_card_goes_but_the_name_hovered_stays() -> None:
    card = (
        "<span class='rollover-people'><a class='rollover-people-link' href='/people/ellen-park'>Ellen Park</a>"
        "<span class='rollover-people-block'><span class='rollover-block'><img src='p.jpg'>"
        "<a class='name' href='/people/ellen-park'>Ellen Marie Park</a>"
        "<a href='/a'>Mayor defends budget</a> <a href='/b'>Park wins second term</a></span></span></span>"
    )
    first = f"Mayor {card} said on Monday that the council had finally kept its promise to the residents."
    article = html_article(body_page("<div class='body'>{body}</div>", [first, *PAYWALLED_PARAGRAPHS[2:]]),
                           doc="h", source="h.html")
    assert article.text.split("\n\n")[0] == (
        "Mayor Ellen Park said on Monday that the council had finally kept its promise to the residents."
    )


def test_lists_of_links_and_labelled_links_are_not_the_body() -> None:
    extra = (
        "<p>Related: <a href='/x'>Council delays vote on bridge funding again</a></p>"
        "<ul><li><a href='/a'>Five bridges that need repairs now</a></li>"
        "<li><a href='/b'>How the state rates its crossings</a></li></ul>"
    )
    article = html_article(body_page("<div class='body'>{body}" + extra + "</div>"), doc="l", source="l.html")
    assert article.text.split("\n\n") == PAYWALLED_PARAGRAPHS


def test_headline_is_the_title_not_the_first_paragraph() -> None:
    article = html_article(body_page("<div class='body'>{body}</div>"), doc="t", source="t.html")
    assert article.text.split("\n\n")[0] == PAYWALLED_PARAGRAPHS[0]
    assert "Council approves bridge repairs" not in article.text


# warnings

BODY_IN_SHARE_BLOCKS = "".join(f"<div class='share-block'><p>{p}</p></div>" for p in PAYWALLED_PARAGRAPHS)


def test_pruning_that_drops_the_body_warns_and_keeps_the_text(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        article = html_article(body_page(BODY_IN_SHARE_BLOCKS), doc="s", source="share.html")
    # Read without pruning: the body, and the newsletter box pruning would have dropped.
    assert article.text.split("\n\n")[:6] == PAYWALLED_PARAGRAPHS
    (message,) = [r.getMessage() for r in caplog.records]
    assert message.startswith("share.html: furniture pruning kept 0 of the 173 words of the page's main text; ")
    assert "<div.share-block> 'The Riverside city council voted 7-2 on Monday'" in message
    assert message.endswith("; read the page without pruning")


def quoted_without_speaker() -> Extraction:
    text = (
        "The sign at the park entrance has read “No dogs, no bicycles and no fires beyond this point” since "
        "1998.\n\nThe park office opens at nine."
    )
    return Extraction(article=Article(doc="sign", text=text, source="sign.txt"))


def test_quote_marks_without_a_quote_warn(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        warn_if_lost(quoted_without_speaker())
    assert [r.getMessage() for r in caplog.records] == [
        "sign.txt: 1 quoted passages in the text but no quote attributed "
        "(first: 'No dogs, no bicycles and no fires beyond this point'); check the text is the article"
    ]


def test_masking_most_of_the_text_warns(caplog: pytest.LogCaptureFixture) -> None:
    text = "Short intro line here.\n\nRelated articles\n\n" + "\n\n".join(PAYWALLED_PARAGRAPHS)
    with caplog.at_level(logging.WARNING):
        warn_if_lost(Extraction(article=Article(doc="m", text=text, source="m.txt")))
    assert caplog.records[0].getMessage() == (
        "m.txt: page-furniture masking kept 4 of the article's 168 words; "
        "dropped from 'Related articles'"
    )


def test_no_warning_for_an_ordinary_article(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        article = html_article(PAYWALLED.read_text(encoding="utf-8"), doc="p", source="paywalled.html")
    assert not caplog.records
    assert article.text


def test_cli_prints_the_warning(tmp_path: Path) -> None:
    page = tmp_path / "share.html"
    page.write_text(body_page(BODY_IN_SHARE_BLOCKS), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "quotes", "extract", str(page), "--format", "jsonl"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert f"WARNING: {page}: furniture pruning kept 0 of the 173 words" in done.stderr
    assert len(done.stdout.splitlines()) == 3  # the body was read anyway: its three quotes


# metadata


@pytest.mark.parametrize(
    ("raw", "sites", "names"),
    [
        ("By TOM KRISHER, AP Auto Writer", {"connecticut post"}, ["Tom Krisher"]),
        ("Troy L. Smith, Cleveland.com", {"cleveland com"}, ["Troy L. Smith"]),
        ("Amy Kuperinsky | NJ Advance Media for NJ.com", {"nj com"}, ["Amy Kuperinsky"]),
        ("Finian Cunningham. Sputnik International", {"sputnik international"}, ["Finian Cunningham"]),
        ("Editorial team. The Guardian", {"guardian"}, ["Editorial team"]),
        ("By Eric Song, IGN Staff", {"ign"}, ["Eric Song"]),
        ("Stefan Becket, Kathryn Watson and Grace Segers", set(), ["Stefan Becket", "Kathryn Watson", "Grace Segers"]),
        ("Sarah E. Needleman", {"wsj"}, ["Sarah E. Needleman"]),
        ("BBC News", {"bbc news"}, []),
        ("Von Moritz Bachmann", set(), ["Moritz Bachmann"]),
    ],
)
def test_person_names(raw: str, sites: set[str], names: list[str]) -> None:
    assert person_names(raw, sites) == names


def meta_page(head: str, h1: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PAYWALLED_PARAGRAPHS)
    return f"<html><head>{head}</head><body><article><h1>{h1}</h1>{paragraphs}</article></body></html>"


@pytest.mark.parametrize(
    ("head", "h1", "title", "outlet"),
    [
        ("<title>Bridge repairs approved | TheHill</title><meta property='og:site_name' content='TheHill'>",
         "Bridge repairs approved", "Bridge repairs approved", "TheHill"),
        ("<title>Hong Kong chaos | World | News | Express.co.uk</title>", "Hong Kong chaos",
         "Hong Kong chaos", "Express.co.uk"),
        ("<meta property='og:title' content='The view on Hong Kong | Editorial'>"
         "<meta property='og:site_name' content='the Guardian'>", "The view on Hong Kong",
         "The view on Hong Kong", "the Guardian"),
        ("<meta property='og:site_name' content=\"LinkNaija | Nigeria's popular news platform\">"
         "<meta property='og:title' content='Chelsea pay &#163;71.6m'>", "Chelsea pay £71.6m",
         "Chelsea pay £71.6m", "LinkNaija"),
        ("<title>Royal arrogance - Sputnik International</title>", "Royal arrogance",
         "Royal arrogance", "Sputnik International"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Storm hits coast",'
         ' "publisher": {"name": "Associated Press"}}</script>'
         '<meta property="og:site_name" content="Connecticut Post">',
         "Storm hits coast", "Storm hits coast", "Connecticut Post"),  # an agency story on a newspaper's site
    ],
)
def test_stated_title_and_outlet(head: str, h1: str, title: str, outlet: str) -> None:
    article = html_article(meta_page(head, h1), doc="m", source="m.html")
    assert (article.title, article.outlet) == (title, outlet)


def test_author_given_by_reference_in_the_json_ld_graph() -> None:
    graph = (
        '<script type="application/ld+json">{"@graph": [{"@type": "Article", "headline": "Bridge",'
        ' "author": {"@id": "#/person/1"}}, {"@type": "Person", "@id": "#/person/1", "name": "Yoav Schumacher"}]}'
        "</script>"
    )
    assert html_article(meta_page(graph, "Bridge"), doc="g", source="g.html").author == "Yoav Schumacher"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Bridge repairs approved | TheHill", "Bridge repairs approved"),
        ("Hong Kong chaos: troops deployed | World | News | Express.co.uk", "Hong Kong chaos: troops deployed"),
        ("Trump - the interview | Politics | TheHill", "Trump - the interview"),  # a dash inside the headline
        ("Trump - the interview", "Trump - the interview"),  # no site named: nothing to cut
        ("Bridge repairs approved | Local", "Bridge repairs approved | Local"),
    ],
)
def test_site_name_cut_from_a_title(title: str, expected: str) -> None:
    assert without_site_name(title, {"thehill", "express co uk"}) == expected
