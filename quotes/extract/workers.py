"""Extraction in worker processes: streaming, bounded, results in input order.

Why not ``multiprocessing.Pool.imap``: its feeder thread drains the input iterator without
bound (memory would grow with the corpus), and that thread would also run the caller's
iterator, which during an ingest queries SQLite through a connection bound to the caller's
thread. Here the caller's thread reads the input and submits at most ``window`` tasks ahead of
the result it is waiting for, so memory stays flat whatever the corpus size.

Workers are started with "spawn": each is a fresh interpreter that loads the spaCy pipeline
once (the initializer); forking a parent that may hold BLAS or SQLite threads is not safe.
A worker that dies (killed, out of memory) breaks the pool: the tasks then in flight are run
again one at a time in a fresh pool, so only the article that kills a worker on its own
becomes a ``Failure`` and the batch goes on.

No worker outlives its parent: each one watches its parent process and exits within
``PARENT_POLL_S`` once it is gone (SIGKILL, out of memory), since the pool's queues would keep
it waiting for work for ever; and a caller that stops early (an exception, ``KeyboardInterrupt``
from Ctrl-C or from the CLI's SIGTERM handler) has its workers killed at once instead of waiting
for their running articles. The multiprocessing resource tracker exits when the last worker does.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quotes.errors import QuotesError
from quotes.models import Article, Extraction, Failure

from . import model as nlp_loader
from .article import extract_one

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from spacy.language import Language

log = logging.getLogger(__name__)

Result = Extraction | Failure
CHUNKSIZE = 1  # an article takes ~0.1-2 s against ~1 ms of pickling: one per task balances best
STOP_TIMEOUT_S = 120.0  # running tasks finish within this when the caller stops (an article takes seconds)
TASKS_PER_JOB = 4  # tasks in flight per worker: keeps workers busy behind a slow head-of-line article
PARENT_POLL_S = 0.5  # how often a worker checks that its parent is alive

# Per worker process: the pipeline, or the error that loading it raised (re-raised in the parent).
_pipeline: Language | None = None
_load_error: QuotesError | None = None


def _init_worker(model: str | None, log_level: int, parent: int) -> None:
    """Load the pipeline once per worker; Ctrl-C is left to the parent, which shuts the pool down."""
    global _pipeline, _load_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with(parent)
    logging.basicConfig(level=log_level, format="%(levelname)s: %(message)s")
    try:
        _pipeline = nlp_loader.load(model)
    except QuotesError as exc:  # raised from the first task, so the caller sees the ModelError
        _load_error = exc


def _exit_with(parent: int) -> None:
    """Exit this worker soon after ``parent`` dies: it is then re-parented, so its parent id changes.

    A thread polling ``os.getppid`` works on every POSIX system and, unlike Linux's
    ``PR_SET_PDEATHSIG``, does not fire when merely the thread that started the pool ends.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(1)  # nothing to clean up: a worker holds no files, and its results have no reader

    threading.Thread(target=watch, name="quotes-parent-watch", daemon=True).start()


def _extract_batch(batch: list[Article]) -> list[Result]:
    if _load_error is not None:
        raise _load_error
    assert _pipeline is not None, "worker used without its initializer"
    return [extract_one(article, _pipeline) for article in batch]


@dataclass
class _Task:
    articles: list[Article]
    future: Future[list[Result]]


_Entry = _Task | Failure  # a Failure from the input keeps its place in the output order


class _Workers:
    """A process pool that can be replaced when a worker dies."""

    def __init__(self, model: str | None, jobs: int) -> None:
        self.model, self.jobs = model, jobs
        self.pool = self._start()
        self.proven = False  # a pool has returned a result: workers can start in this program

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.model, logging.getLogger().getEffectiveLevel(), os.getpid()),
        )

    def submit(self, articles: list[Article]) -> _Task:
        return _Task(articles, self.pool.submit(_extract_batch, articles))

    def restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._start()

    def close(self, *, abort: bool = False) -> None:
        """Stop the workers: queued tasks are dropped, no worker outlives the call. Running tasks
        finish, unless ``abort``: then their results have no reader and the workers are killed."""
        # The pool keeps its processes private, but they are the only handle on a stuck worker.
        processes = list((self.pool._processes or {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        _stop(processes, timeout=0.0 if abort else STOP_TIMEOUT_S)


def _stop(processes: Sequence[BaseProcess], *, timeout: float) -> None:
    """Wait for workers to exit; kill them if one died, or after ``timeout`` seconds.

    An idle worker waits for tasks holding the task queue's lock: killed then, it leaves the
    others blocked on that lock for ever, so waiting on them (``shutdown(wait=True)``) could
    hang the caller.
    """
    deadline = time.monotonic() + timeout
    while any(p.is_alive() for p in processes):
        if any(p.exitcode not in (None, 0) for p in processes) or time.monotonic() >= deadline:
            for process in processes:
                if process.is_alive():
                    process.kill()
        time.sleep(0.02)
    for process in processes:
        process.join()


def extract_parallel(
    items: Iterable[Article | Failure],
    *,
    model: str | None = None,
    jobs: int = 2,
    chunksize: int = CHUNKSIZE,
    window: int | None = None,
) -> Iterator[Result]:
    """Extract ``items`` in ``jobs`` worker processes; at most ``window`` tasks of ``chunksize``
    articles are read ahead. Failures in the input are passed through in place."""
    limit = window or jobs * TASKS_PER_JOB
    workers = _Workers(model, jobs)
    pending: deque[_Entry] = deque()
    finished = False
    try:
        for entry in _batches(items, chunksize):
            pending.append(entry if isinstance(entry, Failure) else workers.submit(entry))
            while len(pending) > limit:  # input Failures count too, so a run of them stays bounded
                yield from _take_head(pending, workers)
        while pending:
            yield from _take_head(pending, workers)
        finished = True
    finally:  # also when the caller stops early (an error, Ctrl-C, SIGTERM): no worker lives on
        workers.close(abort=not finished)


def _batches(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article] | Failure]:
    batch: list[Article] = []
    for item in items:
        if isinstance(item, Failure):
            if batch:
                yield batch
                batch = []
            yield item
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _take_head(pending: deque[_Entry], workers: _Workers) -> Iterator[Result]:
    """Yield the results of the oldest entry, waiting for it; recover if the pool broke."""
    head = pending.popleft()
    if isinstance(head, Failure):
        yield head
        return
    try:
        results = head.future.result()
        workers.proven = True
    except BrokenProcessPool:
        pending.appendleft(head)
        yield from _rerun_alone(pending, workers)
        return
    yield from results


def _rerun_alone(pending: deque[_Entry], workers: _Workers) -> Iterator[Result]:
    """After a worker died: every task caught in flight runs again on its own in a fresh pool,
    so the article that kills a worker is found and failed, and only it."""
    log.warning("a worker process died; re-running the %d articles in flight one task at a time",
                sum(len(e.articles) for e in pending if isinstance(e, _Task)))
    workers.restart()
    while pending:
        entry = pending.popleft()
        if isinstance(entry, Failure):
            yield entry
            continue
        future = entry.future
        if future.done() and not future.cancelled() and future.exception() is None:  # done before the crash
            yield from future.result()
            continue
        yield from _run_alone(entry.articles, workers)


def _run_alone(articles: list[Article], workers: _Workers) -> Iterator[Result]:
    for article in articles:
        try:
            results = workers.submit([article]).future.result()
        except BrokenProcessPool as exc:
            if not workers.proven:  # no worker ever answered: they die on start-up, not on an article
                raise QuotesError(
                    "extraction worker processes die on start-up; a script using jobs > 1 needs an "
                    "`if __name__ == '__main__':` guard (see the errors above), or use jobs=1"
                ) from exc
            log.error("%s: a worker process died extracting this article", article.source)
            yield Failure(source=article.source, message=f"{article.source}: extraction killed its worker process")
            workers.restart()
            continue
        workers.proven = True
        yield from results
