"""Screenshots of `quotes serve` for the README, taken by the headless Chromium the tests use.

The store is the tests' verify corpus: seed 003 and three outlets' copies of its quotes (a
translation with other words, a truncated copy, one that gives the words to Putin)::

    .venv/bin/python docs/screenshots.py          # writes docs/*.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent / "tests"))

from verify_corpus import build_store  # noqa: E402  (a test helper, found through sys.path)
from web_support import chromium, running  # noqa: E402

from quotes.interfaces.web import create_app  # noqa: E402
from quotes.store import Store  # noqa: E402

WIDTH = 1280
PAGES = {
    "statement": "/clusters/{generations}",
    "search": "/search?q=Medvedev",
    "verify": "/verify?text=We+do+not+want+the+next+generations+of+politicians&speaker=Medvedev",
}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = build_store(Path(tmp) / "quotes.db")
        with Store.open(db, create=False, readonly=True) as store:
            generations = store.search("next generation of politicians", limit=1)[0].cluster_id
        with running(create_app(db)) as base, chromium(width=WIDTH) as browser:
            for name, path in PAGES.items():
                browser.set_window_size(WIDTH, 600)  # measured from a short window: the page's own height
                browser.get(base + path.format(generations=generations))
                height = browser.execute_script("return document.documentElement.scrollHeight")
                browser.set_window_size(WIDTH, min(int(height) + 100, 4000))
                target = DOCS / f"{name}.png"
                browser.save_screenshot(str(target))
                print(f"{target} ({WIDTH}x{height})")


if __name__ == "__main__":
    main()
