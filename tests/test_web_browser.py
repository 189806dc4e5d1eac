"""The pages in a real browser: Debian's headless Chromium, driven by Selenium through chromedriver.

A reader's walk: search from the home page, open a statement, see the word differences
highlighted, verify a quote with the form, download the statement's CSL-JSON and parse it.
Also: a hostile article's script never runs, and the pages break none of their own CSP rules.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from test_web import hostile_extraction
from verify_corpus import build_store
from web_support import chromium, running

from quotes.interfaces.web import create_app
from quotes.store import Store

DATA = Path(__file__).resolve().parent / "data"
SCHEMA = json.loads((DATA / "csl-data.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = build_store(tmp_path_factory.mktemp("browser") / "quotes.db")
    with Store.open(path, create=True) as store:
        store.add(hostile_extraction())
    with running(create_app(path)) as url:
        yield url


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[Any]:
    with chromium(download_dir=downloads) as driver:
        yield driver


def search_from_home(browser: Any, base: str, words: str) -> None:
    browser.get(base + "/")
    box = browser.find_element(By.CSS_SELECTOR, "form.search.big input[name=q]")
    box.send_keys(words)
    box.submit()
    wait_for(lambda: "/search" in browser.current_url)


def wait_for(condition: Any, timeout: float = 15.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting")


def test_search_open_a_statement_and_see_the_differences(browser: Any, base: str) -> None:
    search_from_home(browser, base, "next generation of politicians")
    results = browser.find_elements(By.CSS_SELECTOR, "li.statement")
    assert results and "We do not want the next generation" in results[0].text
    assert "Dmitry Medvedev" in results[0].text and "3 articles" in results[0].text
    results[0].find_element(By.CSS_SELECTOR, "blockquote a").click()
    wait_for(lambda: "/clusters/" in browser.current_url)
    assert "Disputed" in browser.find_element(By.CSS_SELECTOR, "section.dispute").text
    cards = browser.find_elements(By.CSS_SELECTOR, ".wording")
    assert len(cards) == 3
    added = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".wording ins")]
    removed = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".wording del")]
    assert "generations" in added and "generation" in removed
    marked = browser.find_element(By.CSS_SELECTOR, ".wording ins")
    assert marked.is_displayed()
    assert marked.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.timeline circle.dot")) == 3


def test_verify_with_the_form(browser: Any, base: str) -> None:
    browser.get(base + "/verify")
    browser.find_element(By.NAME, "text").send_keys("There is no flexibility")
    speaker = browser.find_element(By.NAME, "speaker")
    speaker.send_keys("Putin")
    speaker.submit()
    verdict = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".verdict-line"))[0]
    assert verdict.text.startswith("MISATTRIBUTED")
    checks = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "td.recheck")]
    assert checks and all(text == "OK" for text in checks)


def test_download_csl_json_and_parse_it(browser: Any, base: str, downloads: Path) -> None:
    search_from_home(browser, base, "no flexibility")
    browser.find_element(By.CSS_SELECTOR, "li.statement blockquote a").click()
    wait_for(lambda: "/clusters/" in browser.current_url)
    cluster_id = browser.current_url.rsplit("/", 1)[1]
    browser.find_element(By.LINK_TEXT, "CSL-JSON").click()
    target = downloads / f"quotes-{cluster_id}.csl.json"
    wait_for(lambda: target.exists() and not list(downloads.glob("*.crdownload")))
    items = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.validate(items, SCHEMA)
    assert len(items) == 2 and {item["custom"]["cluster_id"] for item in items} == {cluster_id}
    assert all(item["type"] == "article-newspaper" for item in items)


def test_a_hostile_article_runs_no_script(browser: Any, base: str) -> None:
    search_from_home(browser, base, "prevail")
    browser.find_element(By.CSS_SELECTOR, "li.statement blockquote a").click()
    wait_for(lambda: "/clusters/" in browser.current_url)
    assert "<script>window.pwned = 1</script>" in browser.find_element(By.CSS_SELECTOR, "blockquote.canonical").text
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018  (reading it is the check)
    assert not browser.find_elements(By.CSS_SELECTOR, "main img, main script")
    assert not browser.find_elements(By.CSS_SELECTOR, "a[href^='javascript']")


def test_pages_keep_their_own_security_policy(browser: Any, base: str) -> None:
    """The stylesheet loads under the CSP, and no page asks for anything the policy refuses."""
    for path in ["/", "/search?q=flexibility", "/speakers", "/verify?text=There+is+no+flexibility", "/nope"]:
        browser.get(base + path)
        header = browser.find_element(By.CSS_SELECTOR, "header.top")
        assert header.value_of_css_property("background-color") == "rgba(31, 58, 95, 1)", path
    refused = [entry for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert refused == []
