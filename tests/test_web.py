"""`quotes serve` over HTTP: a real uvicorn server on a real SQLite store, raw requests with http.client.

The store is the verify corpus (seed 003 and three outlets' variants) plus one hostile article
whose every field tries to inject markup or a script. The JSON and the downloads must be what
the CLI prints for the same request (compared with the CLI run through typer's CliRunner).
"""

from __future__ import annotations

import hashlib
import http.client
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from typer.testing import CliRunner
from verify_corpus import build_store
from web_support import running

from quotes.interfaces.cli import app as cli
from quotes.interfaces.web import create_app, is_loopback
from quotes.interfaces.web.app import CSP
from quotes.interfaces.web.views import safe_url
from quotes.models import Article, Extraction, Quote
from quotes.store import Store

runner = CliRunner()
HOSTILE_QUOTE = '<script>window.pwned = 1</script> "We shall <img src=x onerror=alert(1)> prevail" & more'
HOSTILE_SPEAKER = "Mallory <b>O'Brien</b>"
FLEX = "c-a2086f8b7565"  # "There is no flexibility …": the seed and a truncated copy (ids come from the wording)
GENERATIONS_WORDS = "next generation of politicians"


def hostile_extraction() -> Extraction:
    text = f"Intro. “{HOSTILE_QUOTE}” said {HOSTILE_SPEAKER}.\n"
    start = text.index(HOSTILE_QUOTE)
    article = Article(
        doc="hostile", text=text, source="javascript:alert(document.domain)", outlet="<i>Evil</i> Times",
        title="<script>alert('title')</script>", author="<b>x</b>", published="2013-02-03",
    )
    quote_ = Quote(doc="hostile", start=start, end=start + len(HOSTILE_QUOTE), text=HOSTILE_QUOTE,
                   speaker=HOSTILE_SPEAKER, role="<u>Chief</u>", date="2013-02-03", date_basis="explicit",
                   cue="said", confidence=0.9)
    return Extraction(article=article, quotes=(quote_,))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = build_store(tmp_path_factory.mktemp("web") / "quotes.db")
    with Store.open(path, create=True) as store:
        store.add(hostile_extraction())
    return path


@pytest.fixture(scope="module")
def base(db: Path) -> Any:
    with running(create_app(db, allowed_hosts={"127.0.0.1", "localhost"})) as url:
        yield url


class Reply:
    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.status = response.status
        self.headers = {k.lower(): v for k, v in response.getheaders()}
        self.body = response.read()
        self.text = self.body.decode("utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.body)


def get(base: str, path: str, *, method: str = "GET", headers: dict[str, str] | None = None) -> Reply:
    """A raw request: the path goes out exactly as given (no client-side normalising of '..')."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
    try:
        conn.request(method, path, headers=headers or {})
        return Reply(conn.getresponse())
    finally:
        conn.close()


def cli_json(*args: str) -> Any:
    result = runner.invoke(cli, list(args))
    # verify's status says the verdict (3: misattributed, disputed or not found); its JSON is the same
    assert result.exit_code in ({0, 3} if args[0] == "verify" else {0}), result.output
    return json.loads(result.stdout)


def cluster_of(base: str, words: str) -> str:
    return str(get(base, f"/api/search?q={quote(words)}").json()[0]["cluster_id"])


# -- pages ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "What the database holds"),
        ("/search?q=flexibility", "There is no flexibility"),
        ("/search?q=missile&speaker=Medvedev&since=2013&until=2013-12", "Search"),
        ("/search", "Type words to search for"),
        ("/search?q=zanzibar", "No statement matches"),
        ("/speakers", "Dmitry Medvedev"),
        ("/speakers/Dmitry%20Medvedev", "Prime Minister"),
        ("/speakers/Medvedev", "Dmitry Medvedev"),  # an alias finds the person
        ("/speakers/Dmitry%20Medvedev", "Also named: Medvedev."),
        ("/verify", "Verify a quote"),
        ("/verify?text=There+is+no+flexibility&speaker=Putin", "MISATTRIBUTED"),
        (f"/clusters/{FLEX}", "First seen"),
    ],
)
def test_pages_answer(base: str, path: str, expected: str) -> None:
    reply = get(base, path)
    assert reply.status == 200, reply.text
    assert reply.headers["content-type"].startswith("text/html")
    assert expected in reply.text


def test_search_page_lists_what_a_reader_needs(base: str) -> None:
    text = get(base, "/search?q=next+generation+politicians").text
    cluster_id = cluster_of(base, GENERATIONS_WORDS)
    assert f'href="/clusters/{cluster_id}"' in text
    for shown in ("Dmitry Medvedev", "Prime Minister", "said 2013-01-27", "3 articles", "RIA Novosti",
                  "The Daily Example", "disputed"):
        assert shown in text, shown


def test_statement_page_shows_history(base: str) -> None:
    text = get(base, f"/clusters/{cluster_of(base, GENERATIONS_WORDS)}").text
    assert "Disputed: the sources credit these words to 2 people" in text
    assert "<ins" in text and "<del" in text  # word differences marked
    assert re.search(r"<del[^>]*>generation</del> <ins[^>]*>generations</ins>", text)
    assert text.count('class="dot"') == 3  # one per article on the timeline
    assert 'href="https://example.org/ria/medvedev-flexibility"' in text
    assert "First seen" in text and "2013-01-28" in text


# -- JSON and downloads are the CLI's -------------------------------------------------------------


def test_api_records_are_the_cli_json(base: str, db: Path) -> None:
    cluster_id = cluster_of(base, GENERATIONS_WORDS)
    pairs = [
        ("/api/search?q=flexibility&limit=5", ["search", "flexibility", "--limit", "5", "--format", "json"]),
        ("/api/search?q=Medvedev&since=2013-01", ["search", "Medvedev", "--since", "2013-01", "--format", "json"]),
        (f"/api/clusters/{cluster_id}", ["show", cluster_id, "--json"]),
        ("/api/speakers", ["speakers", "--json"]),
        ("/api/stats", ["stats", "--json"]),
        ("/api/verify?text=There+is+no+flexibility&speaker=Putin",
         ["verify", "There is no flexibility", "--speaker", "Putin", "--json"]),
    ]
    for path, args in pairs:
        reply = get(base, path)
        assert reply.status == 200 and reply.headers["content-type"].startswith("application/json"), path
        assert reply.json() == cli_json(*args, "--db", str(db)), path


@pytest.mark.parametrize(
    ("query", "args", "name"),
    [
        (f"format=csl-json&cluster={FLEX}", ["--format", "csl-json", "--cluster", FLEX], f"quotes-{FLEX}.csl.json"),
        ("format=bibtex&speaker=Medvedev", ["--format", "bibtex", "--speaker", "Medvedev"], "quotes-medvedev.bib"),
        ("format=ris&q=flexibility", ["--format", "ris", "--query", "flexibility"], "quotes-flexibility.ris"),
        ("format=markdown&style=mla&q=arms+race", ["--format", "markdown", "--style", "mla", "--query", "arms race"],
         "quotes-arms-race.md"),
        ("format=csv&outlet=RIA+Novosti", ["--format", "csv", "--outlet", "RIA Novosti"], "quotes-ria-novosti.csv"),
        ("format=jsonl&since=2013-01-29", ["--format", "jsonl", "--since", "2013-01-29"], "quotes.jsonl"),
    ],
)
def test_downloads_are_the_cli_export(base: str, db: Path, query: str, args: list[str], name: str) -> None:
    reply = get(base, f"/export?{query}")
    assert reply.status == 200, reply.text
    assert reply.headers["content-disposition"] == f'attachment; filename="{name}"'
    expected = runner.invoke(cli, ["export", *args, "--db", str(db)])
    assert expected.exit_code == 0, expected.output
    assert reply.text == expected.stdout and reply.text


# -- untrusted text -------------------------------------------------------------------------------


def test_article_text_is_escaped_everywhere(base: str) -> None:
    cluster_id = cluster_of(base, "prevail")
    pages = [f"/clusters/{cluster_id}", "/search?q=prevail", "/speakers", "/verify?text=We+shall+prevail",
             f"/speakers/{quote(HOSTILE_SPEAKER)}"]
    for path in pages:
        reply = get(base, path)
        assert reply.status == 200, (path, reply.text)
        for raw in ("<script>", "<img", "<b>O", "<i>Evil", "<u>Chief"):
            assert raw not in reply.text, (path, raw)
        assert "javascript:" not in reply.text.replace(">javascript:alert(document.domain)<", "")  # shown as text only
    page = get(base, f"/clusters/{cluster_id}").text
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert 'href="javascript' not in page.lower()


def test_csp_and_hardening_headers_on_every_response(base: str) -> None:
    for path in ["/", "/search?q=flexibility", "/api/stats", "/static/style.css", "/nope", "/search?since=x",
                 f"/export?format=ris&cluster={FLEX}"]:
        reply = get(base, path)
        assert reply.headers["content-security-policy"] == CSP, path
        assert "script-src" not in CSP and "default-src 'none'" in CSP  # no script runs, none is needed
        assert reply.headers["x-content-type-options"] == "nosniff"
        assert reply.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("http://example.org", "http://example.org"),
        ("HTTPS://EXAMPLE.ORG/x", "HTTPS://EXAMPLE.ORG/x"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("vbscript:x", None),
        ("//evil.example/x", None),
        ("https:///nohost", None),
        ('https://example.org/"onmouseover="x', None),
        ("seeds/003.txt", None),
        ("file:///etc/passwd", None),
        (None, None),
    ],
)
def test_only_http_urls_become_links(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


# -- bad requests ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/search?q=x&since=2013-13", 400, "parameter since=&#39;2013-13&#39; is not a date"),
        ("/search?q=x&until=yesterday", 400, "parameter until=&#39;yesterday&#39; is not a date"),
        ("/search?q=x&limit=0", 400, "parameter limit=&#39;0&#39; is not a whole number from 1 to 200"),
        ("/search?q=%21%21%21", 400, "has no words to search for"),
        ("/search?q=" + "a" * 3000, 400, "parameter q is 3000 characters long"),
        ("/clusters/c-00000000", 404, "no cluster &#39;c-00000000&#39; in the database"),
        ("/clusters/%3Cscript%3E", 400, "is not a statement id"),
        ("/clusters/..%2F..%2Fetc%2Fpasswd", 404, "there is no page at this address"),
        ("/speakers/Nobody%20Atall", 404, "no speaker &#39;Nobody Atall&#39; in the database"),
        ("/verify?text=%E2%80%9C%E2%80%A6%E2%80%9D", 400, "nothing to verify"),
        ("/export", 400, "parameter format is missing"),
        ("/export?format=pdf", 400, "parameter format=&#39;pdf&#39; is not known"),
        ("/export?format=markdown&style=harvard", 400, "parameter style=&#39;harvard&#39; is not known"),
        ("/export?format=ris&cluster=c-00000000", 404, "no cluster"),
        ("/export?format=ris&since=2013-02-30", 400, "is not a date"),
        ("/nowhere", 404, "there is no page at this address"),
        ("/speakers?page=-1", 400, "parameter page"),
    ],
)
def test_bad_requests_get_a_page_saying_what_was_wrong(base: str, path: str, status: int, message: str) -> None:
    reply = get(base, path)
    assert reply.status == status, reply.text
    assert reply.headers["content-type"].startswith("text/html")
    assert message in reply.text
    assert "Traceback" not in reply.text and 'File "' not in reply.text


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/api/search", 400, "parameter q is missing"),
        ("/api/search?q=x&since=13", 400, "is not a date"),
        ("/api/clusters/c-00000000", 404, "no cluster 'c-00000000'"),
        ("/api/verify?text=", 400, "parameter text is missing"),
        ("/api/speakers?limit=x", 400, "parameter limit='x'"),
        ("/api/nothing", 404, "no page"),
    ],
)
def test_api_errors_are_json(base: str, path: str, status: int, message: str) -> None:
    reply = get(base, path)
    assert reply.status == status and reply.headers["content-type"].startswith("application/json")
    assert message in reply.json()["error"] and reply.json()["status"] == status


@pytest.mark.parametrize(
    "path",
    [
        "/static/../pyproject.toml",
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2f..%2f..%2fpyproject.toml",
        "/static/%2fetc%2fpasswd",
        "/static//etc/passwd",
        "/static/..\\..\\app.py",
        "/static/../app.py",
        "/static/../templates/base.html",
        "/../../etc/passwd",
    ],
)
def test_no_file_outside_static_can_be_read(base: str, path: str) -> None:
    reply = get(base, path)
    assert reply.status in (400, 404), (path, reply.status)
    assert "root:" not in reply.text and "[project]" not in reply.text and "import" not in reply.text


def test_static_files_are_served(base: str) -> None:
    reply = get(base, "/static/style.css")
    assert reply.status == 200 and reply.headers["content-type"].startswith("text/css")


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_nothing_but_reading(base: str, method: str) -> None:
    reply = get(base, "/search?q=flexibility", method=method)
    assert reply.status == 405 and "this interface only reads" in reply.text


def test_foreign_host_names_are_refused(base: str) -> None:
    """A page elsewhere cannot reach the local server by rebinding its own name to 127.0.0.1."""
    assert get(base, "/api/stats", headers={"Host": "evil.example:8000"}).status == 400
    assert get(base, "/api/stats", headers={"Host": "localhost:8000"}).status == 200


def test_server_errors_show_no_traceback(db: Path) -> None:
    from starlette.routing import Route

    app = create_app(db)

    def broken(request: Any) -> Any:
        raise RuntimeError("secret internals /etc/shadow")

    app.app.router.routes.insert(0, Route("/broken", broken))  # type: ignore[attr-defined]
    with running(app) as url:
        for path in ("/broken",):
            reply = get(url, path)
            assert reply.status == 500
            assert "secret internals" not in reply.text and "Traceback" not in reply.text
            assert "the server failed on this request" in reply.text
            assert reply.headers["content-security-policy"] == CSP


def test_the_database_is_not_written(db: Path, base: str) -> None:
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for path in ["/", "/search?q=flexibility", f"/clusters/{FLEX}", "/verify?text=There+is+no+flexibility",
                 "/export?format=csv&q=flexibility", "/speakers", "/api/stats"]:
        assert get(base, path).status == 200
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("127.8.0.1", True), ("::1", True), ("[::1]", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.4", False), ("example.org", False)],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_warns_before_binding_elsewhere(tmp_path: Path) -> None:
    result = runner.invoke(cli, ["serve", "--host", "0.0.0.0", "--port", "8999", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "Warning: listening on 0.0.0.0: other machines can read this database" in result.stderr
    assert "Error: database" in result.stderr and "does not exist" in result.stderr


def test_counts_follow_a_concurrent_ingest(tmp_path: Path) -> None:
    """The home page's counts are kept between requests, but not past a write to the database."""
    path = build_store(tmp_path / "quotes.db", names=())
    with running(create_app(path)) as url:
        assert get(url, "/api/stats").json()["articles"] == 1
        assert get(url, "/api/stats").json()["articles"] == 1
        with Store.open(path, create=False) as writer:
            writer.add(hostile_extraction())
        assert get(url, "/api/stats").json()["articles"] == 2
        assert ">2</dd>" in get(url, "/").text
