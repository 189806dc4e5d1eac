"""Fetching URLs from a real HTTP server on 127.0.0.1: pages, errors, timeouts, size limits."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from quotes.errors import InputError
from quotes.models import Article, Failure
from quotes.sources import iter_articles
from quotes.sources.fetch import USER_AGENT, fetch

PAGES = Path(__file__).resolve().parent / "data/pages"
NEWS = (PAGES / "news.html").read_bytes()
PLAIN = "MOSCOW, August 8 (RIA Novosti) – “We expect the consultations to be constructive,” he said.\n"
BIG = 200_000  # bytes the oversize routes send; the tests allow 100,000
SLOW = 2.5  # seconds the slow route waits; the tests allow 1


class Handler(BaseHTTPRequestHandler):
    """Routes by path; records the User-Agent of each request."""

    agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Handler.agents.append(self.headers.get("User-Agent", ""))
        route = {
            "/article.html": lambda: self.send(200, "text/html; charset=utf-8", NEWS),
            "/latin1.html": lambda: self.send(200, "text/html; charset=iso-8859-1", latin1_page()),
            "/plain.txt": lambda: self.send(200, "text/plain; charset=utf-8", PLAIN.encode()),
            "/empty.html": lambda: self.send(200, "text/html", b""),
            "/photo.png": lambda: self.send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
            "/error": lambda: self.send(500, "text/html", b"<h1>Internal Server Error</h1>"),
            "/slow": self.slow,
            "/stall": self.stall,
            "/big-declared": lambda: self.send(200, "text/html", b"<p>" + b"x" * BIG),
            "/big-streamed": self.streamed,
        }.get(self.path)
        if route is None:
            self.send(404, "text/html", b"<h1>Not Found</h1>")
        else:
            route()

    def send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def slow(self) -> None:
        time.sleep(SLOW)
        self.send(200, "text/html", NEWS)

    def stall(self) -> None:
        # Headers at once, then the body stops coming: the timeout must cover each read too.
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(NEWS)))
        self.end_headers()
        self.wfile.write(NEWS[:100])
        self.wfile.flush()
        time.sleep(SLOW)
        self.wfile.write(NEWS[100:])

    def streamed(self) -> None:
        # No Content-Length: the client only finds out the size by reading.
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        for _ in range(BIG // 10_000):
            self.wfile.write(b"<p>" + b"y" * 9_997)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def handle_one_request(self) -> None:
        # The client gives up first on the timeout and size tests, as intended.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle_one_request()


def latin1_page() -> bytes:
    body = (
        "<html><head><title>Caf\u00e9</title></head><body><article>"
        "<p>The minister said on Thursday that the talks at the caf\u00e9 in Z\u00fcrich had gone well "
        "and would continue next month.</p>"
        "<p>\u201cWe are satisfied with the na\u00efve first round,\u201d "
        "he told reporters in Z\u00fcrich.</p>"
        "</article></body></html>"
    )
    return body.encode("cp1252")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_fetch_page_with_user_agent(server: str) -> None:
    page = fetch(f"{server}/article.html")
    assert page.data == NEWS
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert Handler.agents[-1] == USER_AGENT == "quotes/0.1 (+quote attribution tool)"


def test_url_article(server: str) -> None:
    url = f"{server}/article.html"
    (article,) = iter_articles([url])
    assert isinstance(article, Article)
    assert article.doc == article.source == url
    assert article.outlet == "The Baltic Courier"
    assert article.published == "2013-03-14"
    assert article.text.startswith("Russian Foreign Minister Sergei Lavrov said on Thursday")


def test_url_declared_latin1_is_read_as_cp1252(server: str) -> None:
    (article,) = iter_articles([f"{server}/latin1.html"])
    assert isinstance(article, Article)
    assert "“We are satisfied with the naïve first round,” he told reporters in Zürich." in article.text
    assert article.encoding == "cp1252"


def test_url_plain_text(server: str) -> None:
    (article,) = iter_articles([f"{server}/plain.txt"])
    assert isinstance(article, Article)
    assert article.text == PLAIN
    assert article.outlet == "RIA Novosti"


def fail(url: str, *, timeout: float = 10.0, max_bytes: int = 5_000_000) -> str:
    results = list(iter_articles([url], timeout=timeout, max_bytes=max_bytes))
    assert len(results) == 1
    assert isinstance(results[0], Failure)
    assert results[0].source == url
    return results[0].message


def test_http_404(server: str) -> None:
    url = f"{server}/missing.html"
    assert fail(url) == f"{url}: the server answered HTTP 404 (Not Found); check the URL"


def test_http_500(server: str) -> None:
    url = f"{server}/error"
    message = fail(url)
    assert message.startswith(f"{url}: the server answered HTTP 500 (Internal Server Error); try again later")


@pytest.mark.parametrize("route", ["/slow", "/stall"])
def test_timeout(server: str, route: str) -> None:
    url = f"{server}{route}"
    started = time.monotonic()
    message = fail(url, timeout=1)
    assert time.monotonic() - started < SLOW
    assert message == f"{url}: no response within 1 s; try again later or save the page and pass the file"


def test_connection_refused() -> None:
    url = f"http://127.0.0.1:{closed_port()}/article.html"
    message = fail(url)
    assert message.startswith(f"{url}: cannot connect (")
    assert message.endswith("check the address and your network connection")


@pytest.mark.parametrize("route", ["/big-declared", "/big-streamed"])
def test_oversize_page(server: str, route: str) -> None:
    url = f"{server}{route}"
    message = fail(url, max_bytes=100_000)
    assert message == (
        f"{url}: the page is larger than 100,000 bytes; save the article text and pass the file instead"
    )


def test_size_limit_is_checked_while_reading(server: str) -> None:
    with pytest.raises(InputError, match="larger than 50,000 bytes"):
        fetch(f"{server}/big-streamed", max_bytes=50_000)


def test_wrong_content_type(server: str) -> None:
    url = f"{server}/photo.png"
    assert fail(url) == (
        f"{url}: the server sent image/png, not an HTML page or text; pass the URL of the article page"
    )


def test_empty_page(server: str) -> None:
    url = f"{server}/empty.html"
    assert fail(url) == f"{url}: the page is empty; give an article with text in it"


def test_failures_do_not_stop_the_batch(server: str) -> None:
    results = list(iter_articles([f"{server}/missing", f"{server}/article.html", f"{server}/photo.png"]))
    assert [type(r).__name__ for r in results] == ["Failure", "Article", "Failure"]
