"""Extraction tasks on a Dask distributed cluster (the only module that imports Dask).

The caller's process is a Dask client: it submits one task per article (or per URL to fetch),
keeps at most ``window`` of them in flight, and yields each result as it completes
(``distributed.as_completed``), so memory stays flat whatever the input size. The caller alone
writes the store, and the store's result does not depend on the order results arrive in.

Each worker process loads the spaCy pipeline once: ``LoadPipeline``, a worker plugin, loads it
when the worker joins (and so reports a missing model before any article is sent), and the tasks
find it in ``model.load``'s per-process cache. Extraction holds a per-process lock, since a
worker with several threads would otherwise run one pipeline in two threads at once (threads gain
nothing here: the work holds the GIL; start workers with ``--nthreads 1``).

A worker that dies (killed, out of memory) has its tasks rescheduled by the scheduler on the
others; a task that kills ``distributed.scheduler.allowed-failures`` + 1 workers raises
``KilledWorker`` and its article becomes a ``Failure``. Nothing is stored twice: every task has
one result, and the store skips an article it already holds. Any other error of a task is the
cluster's, not the article's (``extract_one`` turns an article's errors into its ``Failure``): most
often a scheduler or worker that cannot import quotes (the scheduler unpickles the tasks too), so
it stops the run with one ``QuotesError`` instead of failing every article alike.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import threading
from collections.abc import Hashable, Iterable, Iterator
from typing import Any

from distributed import Client, Future, KilledWorker, WorkerPlugin, as_completed

from quotes.errors import QuotesError
from quotes.models import Article, Extraction, Failure

from . import model as nlp_loader
from .article import extract_one, oversize_failure
from .batch import warn_unclosed
from .remote import Fetch

log = logging.getLogger(__name__)

Result = Extraction | Failure
CONNECT_TIMEOUT_S = 30.0  # to reach the scheduler
WORKERS_TIMEOUT_S = 120.0  # for a first worker to join a scheduler that has none
TASKS_PER_THREAD = 4  # in flight per worker thread: workers stay busy behind a slow article
MIN_WINDOW = 8
# glibc's malloc thresholds as its dynamic policy sets them for a process like ours (the mmap
# threshold grows to its 32 MiB ceiling, the trim threshold to twice that): see keep_freed_memory.
MMAP_THRESHOLD = 32 * 2**20
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # mallopt parameters (malloc.h)

_lock = threading.Lock()  # one extraction at a time per worker process (one pipeline, not thread-safe)


class LoadPipeline(WorkerPlugin):
    """Loads the pipeline once when a worker joins, so the first article does not pay for it."""

    name = "quotes-pipeline"

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        keep_freed_memory()
        with _lock:
            nlp_loader.load(self.model)


def keep_freed_memory() -> None:
    """Let this worker's malloc keep freed memory for the next article, as a plain process does.

    A Dask nanny starts its workers with ``MALLOC_TRIM_THRESHOLD_=65536`` (to hand memory back to the
    OS promptly). Setting it also fixes glibc's mmap threshold at 128 KiB, so each of the many
    mid-size arrays spaCy allocates and frees per article is mapped and unmapped anew: ten times
    the page faults and about a quarter more CPU per article than in ``--jobs`` workers. The
    thresholds glibc's own dynamic policy would reach restore that; other C libraries are left alone.
    """
    name = ctypes.util.find_library("c")
    mallopt = getattr(ctypes.CDLL(name), "mallopt", None) if name else None
    if mallopt is not None and os.environ.get("MALLOC_TRIM_THRESHOLD_"):
        mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
        mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)


def extract_task(item: Article | Fetch, model: str | None) -> list[Result]:
    """Run on a worker: one article, or every article a URL gives, extracted with the worker's pipeline."""
    with _lock:
        pipeline = nlp_loader.load(model)  # a ModelError stops the run on the client
        if isinstance(item, Article):
            return [extract_one(item, pipeline)]
        from quotes.sources import iter_articles

        articles = iter_articles([item.url], published=item.published, outlet=item.outlet)
        return [one if isinstance(one := oversize_failure(a), Failure) else extract_one(one, pipeline)
                for a in articles]


def extract_distributed(
    items: Iterable[Article | Failure | Fetch], *, scheduler: str, model: str | None = None,
    window: int | None = None,
) -> Iterator[Result]:
    """See ``remote.extract_on_cluster``."""
    model = model or os.environ.get(nlp_loader.MODEL_ENV)  # the workers use the caller's choice
    client = connect(scheduler)
    try:
        prepare_workers(client, scheduler, model)
        limit = window or max(MIN_WINDOW, TASKS_PER_THREAD * sum(client.nthreads().values()))
        yield from _stream(client, items, model, limit)
    finally:  # also when the caller stops early: its tasks are released and cancelled
        client.close()


def connect(scheduler: str) -> Client:
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise QuotesError(
            f"cannot reach the Dask scheduler at {scheduler!r} ({exc}); start one with `dask scheduler` and "
            "pass its address (tcp://HOST:8786) with --scheduler or $QUOTES_SCHEDULER"
        ) from exc


def prepare_workers(client: Client, scheduler: str, model: str | None) -> None:
    """Wait for a worker, then have every worker (and any that joins later) load the pipeline."""
    try:
        client.wait_for_workers(1, timeout=WORKERS_TIMEOUT_S)
    except TimeoutError as exc:
        raise QuotesError(
            f"the Dask scheduler at {scheduler} has no workers after {WORKERS_TIMEOUT_S:.0f} s; start some "
            f"with `dask worker {scheduler} --nthreads 1` on machines where quotes is installed"
        ) from exc
    try:
        client.register_plugin(LoadPipeline(model))
    except QuotesError:
        raise
    except Exception as exc:  # raised on a worker: most often quotes or its model is not installed there
        raise QuotesError(
            f"the Dask workers of {scheduler} cannot load the quotes pipeline ({type(exc).__name__}: {exc}); "
            "install quotes with its model on every worker machine (`pip install 'quotes[cluster]'`)"
        ) from exc


def _stream(client: Client, items: Iterable[Article | Failure | Fetch], model: str | None,
            limit: int) -> Iterator[Result]:
    in_flight: dict[Hashable, str] = {}  # future key -> the input's source, for a failure's message
    done = as_completed(loop=client.loop)
    for item in items:
        if isinstance(item, Article):
            item = oversize_failure(item)  # failed here: a worker is not sent megabytes to refuse
        if isinstance(item, Failure):
            yield item
            continue
        future = client.submit(extract_task, item, model, pure=False)
        in_flight[future.key] = item.source if isinstance(item, Article) else item.url
        done.add(future)
        while len(in_flight) >= limit:
            yield from _collect(next(done), in_flight)
    while in_flight:
        yield from _collect(next(done), in_flight)


def _collect(future: Future[list[Result]], in_flight: dict[Hashable, str]) -> Iterator[Result]:
    source = in_flight.pop(future.key)
    try:
        results: list[Result] = future.result()
    except QuotesError:
        raise  # the pipeline cannot be loaded on a worker: no article can be extracted there
    except KilledWorker as exc:
        log.error("%s: the article killed every worker it was given to (%s)", source, exc)
        results = [Failure(source=source, message=f"{source}: extraction killed the Dask workers it ran on")]
    except Exception as exc:  # not the article's fault (extract_one makes those a Failure): the cluster's
        raise QuotesError(
            f"{source}: extraction failed on the Dask cluster ({type(exc).__name__}: {exc}); the scheduler and "
            "every worker need the same quotes and packages as this machine (`pip install 'quotes[cluster]'` "
            "there, or start them with PYTHONPATH set to this checkout)"
        ) from exc
    finally:
        future.release()
    for result in results:
        yield warn_unclosed(result)
