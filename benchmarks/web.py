"""Web benchmark: latency of `quotes serve` pages over HTTP on a store of N quotes.

The store is filled like ``search.py`` (its generator: seed-article vocabulary, Zipf word
frequencies, 40 speakers, one cluster per quote, ten quotes per article). The server is the real
command, ``quotes serve``, as a separate process (uvicorn); one client sends the requests one
after another over a keep-alive connection and times each full response. Beside it, in the same
run, the same searches straight through ``Store.search`` show what the web layer adds. Usage::

    .venv/bin/python benchmarks/web.py            # 100k quotes
    .venv/bin/python benchmarks/web.py --full     # 1M quotes
    .venv/bin/python benchmarks/web.py --full --store /tmp/web1m.db   # build once, reuse after
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

from quotes.store import Store

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("search_bench", HERE / "search.py")
assert _spec is not None and _spec.loader is not None
search_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(search_bench)


FILL_SEED = 16


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    exe = str(Path(sys.executable).with_name("quotes"))
    server = subprocess.Popen(
        [exe, "serve", "--db", str(db), "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("quotes serve did not start")


def timed_gets(port: int, paths: list[str]) -> list[float]:
    """Milliseconds per request (status 200 required), in order, over one keep-alive connection."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times = []
    for path in paths:
        start = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        times.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}: {body[:200]!r}")
    conn.close()
    return times


def percentiles(times: list[float]) -> str:
    ordered = sorted(times)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))]

    return f"p50 {at(0.50):6.1f} ms  p95 {at(0.95):6.1f} ms  p99 {at(0.99):6.1f} ms  max {ordered[-1]:6.1f} ms"


def page_mixes(db: Path, rng: random.Random, words: list[str]) -> dict[str, list[str]]:
    """Requests per page kind; the queries are drawn like search.py's (topical words, surnames, phrases)."""
    with Store.open(db, create=False, readonly=True) as store:
        ids = [c.cluster_id for w in words[:60] for c in store.search(w, limit=3)][:150]
        speakers = [s.name for s in store.speakers()]
    # search.py's articles are all dated 2010-01-01 and come from 4 outlets: the date bounds below
    # hold every quote (they cost what a bound costs, select nothing); a speaker is 1/10, an outlet 1/4

    def filtered(chosen: list[str], bounds: object) -> list[str]:
        return ["/search?" + urlencode({"q": w, **bounds()}) for w in chosen]  # type: ignore[operator]

    return {
        "search page": ["/search?" + urlencode({"q": w}) for w in words],
        "search page + speaker": filtered(words[:100], lambda: {"speaker": rng.choice(search_bench.SURNAMES)}),
        "search page + outlet": filtered(words[100:200], lambda: {"outlet": f"Outlet {rng.choice((0, 10, 20, 30))}"}),
        "search page + dates": filtered(words[200:300], lambda: {"since": "2009", "until": "2010-06"}),
        "search JSON": ["/api/search?" + urlencode({"q": w}) for w in words[:200]],
        "statement page": [f"/clusters/{cid}" for cid in ids],
        "speaker page": [f"/speakers/{quote(rng.choice(speakers))}" for _ in range(40)],
        "home page": ["/"] * 20,
        "verify page": ["/verify?" + urlencode({"text": " ".join(w.split()[:6])}) for w in words[3::16][:25]],
    }


def prepare(db: Path, n: int) -> list[str]:
    """Fill the store unless it already holds n quotes; the queries are the same either way."""
    if db.exists():
        with Store.open(db, create=False, readonly=True) as store:
            held = store.stats()["quotes"]
        if held != n:
            raise SystemExit(f"{db} holds {held:,} quotes, not {n:,}; remove it or pass another --store")
        print(f"reusing {db} ({n:,} quotes)")
    else:
        with Store.open(db, create=True) as store:
            start = time.perf_counter()
            search_bench.fill(store, n, random.Random(FILL_SEED))
            print(f"filled {n:,} quotes in {time.perf_counter() - start:.0f} s")
    vocab = search_bench.bench.vocabulary(random.Random(FILL_SEED))  # fill() draws its vocabulary first
    return list(search_bench.queries(random.Random(n), vocab, 400))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="1M quotes instead of 100k")
    parser.add_argument("-n", type=int, default=0, help="number of quotes (overrides --full)")
    parser.add_argument("--store", type=Path, help="keep the filled store in this file and reuse it next time")
    args = parser.parse_args()
    n = args.n or (1_000_000 if args.full else 100_000)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.store or Path(tmp) / "web.db"
        words = prepare(db, n)
        mixes = page_mixes(db, random.Random(n + 1), words)
        port = free_port()
        server = start_server(db, port)
        try:
            timed_gets(port, mixes["search page"][:30])  # warm the page cache and the connection pool
            print(f"`quotes serve` over HTTP, {n:,} quotes, one client, requests in sequence:")
            for kind, paths in mixes.items():
                print(f"  {kind:22} {percentiles(timed_gets(port, paths))}  ({len(paths)} requests)")
        finally:
            server.terminate()
            server.wait(timeout=30)
        with Store.open(db, create=False, readonly=True) as store:
            direct = []
            for query in words:
                begin = time.perf_counter()
                store.search(query, limit=20)
                direct.append((time.perf_counter() - begin) * 1000)
        print(f"  {'Store.search (no web)':22} {percentiles(direct)}  ({len(words)} requests, the search page's words)")


if __name__ == "__main__":
    main()
