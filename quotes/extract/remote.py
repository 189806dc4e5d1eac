"""Extraction on a Dask distributed cluster: the entry point, light to import (no Dask, no spaCy).

``extract_on_cluster`` checks that the optional ``quotes[cluster]`` extra is installed and hands
the stream to ``dask_cluster``. A ``Fetch`` in the stream is a URL the workers fetch and read
themselves (local files are read by the caller and their text shipped as ``Article``s).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from quotes.errors import QuotesError
from quotes.models import Article, Extraction, Failure

EXTRA = "pip install 'quotes[cluster]'"


@dataclass(frozen=True, kw_only=True)
class Fetch:
    """A URL to be fetched and read on a worker, with the caller's metadata defaults."""

    url: str
    published: str | None = None
    outlet: str | None = None


def cluster_available() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in ("dask", "distributed"))


def check_cluster(scheduler: str) -> None:
    """Raise the one clear error when ``--scheduler`` is used without the ``quotes[cluster]`` extra."""
    if not cluster_available():
        raise QuotesError(
            f"--scheduler {scheduler} needs Dask distributed, which is not installed; install the cluster "
            f"extra with `{EXTRA}` (on this machine and on every worker), or ingest without --scheduler"
        )


def extract_on_cluster(
    items: Iterable[Article | Failure | Fetch], *, scheduler: str, model: str | None = None,
    window: int | None = None,
) -> Iterator[Extraction | Failure]:
    """Extract ``items`` on the Dask cluster whose scheduler is at ``scheduler`` (``tcp://HOST:PORT``).

    Results come as workers finish them, not in input order; at most ``window`` articles are in
    flight (default: a few per worker thread). Each worker loads the spaCy pipeline once. A worker
    that dies has its articles run elsewhere; an article that kills every worker it is given to is a
    ``Failure``. Raises ``QuotesError`` when Dask is not installed or the cluster cannot be used.
    """
    check_cluster(scheduler)
    from .dask_cluster import extract_distributed

    return extract_distributed(items, scheduler=scheduler, model=model, window=window)
