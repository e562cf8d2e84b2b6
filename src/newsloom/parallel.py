"""Where per-document analysis runs: in this process, in worker processes, or on a Dask cluster.

An analyzer streams chunks of :class:`~newsloom.record.RawDocument` to their results (Article or Failure),
chunk by chunk in input order, with a few chunks in flight so workers never wait for the writer:
:func:`newsloom.pipeline.ingest` stays the only writer to the store, so cross-document work (duplicates,
actor merging) sees every result whatever worker produced it.
The corpus line statistics the cleaner needs are shipped to each worker once (a file each worker reads
before its first chunk, or a Dask ``scatter`` broadcast), not with every document. Worker processes start,
and load their models, at the first document that needs analysis, while the ingesting process is still
reading the inputs for those statistics.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

from newsloom.clean.stats import LineStats
from newsloom.record import Article, Failure, RawDocument, Source

Result = Article | Failure
Key = TypeVar("Key")
Job = tuple[Key, Sequence[RawDocument]]

#: documents per task: one nlp.pipe batch (pipeline.PARSE_BATCH), and task overhead small next to ~1.5 s of work
CHUNK = 16
#: chunks in flight per worker: one running, two queued, so a worker finishing a chunk finds the next one
#: waiting while the writer stores earlier results
AHEAD_PER_WORKER = 3


class Analyzer(Protocol):
    def start(self) -> None:
        """Start the workers ahead of the first chunk (they load their models meanwhile); idempotent."""

    def share(self, stats: LineStats | None) -> None:
        """Hand the corpus line statistics to the workers; called once, before :meth:`stream`."""

    def stream(self, jobs: Iterable[Job]) -> Iterator[tuple[Key, list[Result]]]:
        """``(key, results)`` for each ``(key, chunk)`` of ``jobs``, in order; ``jobs`` is read lazily."""

    def close(self) -> None: ...


def analyze_chunk(raws: Sequence[RawDocument], stats: LineStats | None) -> list[Result]:
    """The pure per-document step over a chunk (what a worker runs)."""
    from newsloom.pipeline import process_items

    return process_items(raws, stats)


def _in_order(submit: Callable[[list[RawDocument]], Any], jobs: Iterable[Job], ahead: int,
              ) -> Iterator[tuple[Key, list[Result]]]:
    """Submit jobs to futures and yield their results in job order, waiting on the oldest only when
    ``ahead`` jobs are in flight."""
    window: deque[tuple[Any, Any]] = deque()
    for key, raws in jobs:
        window.append((key, submit(list(raws)) if raws else None))
        while len(window) >= ahead:
            done_key, future = window.popleft()
            yield done_key, future.result() if future is not None else []
    while window:
        done_key, future = window.popleft()
        yield done_key, future.result() if future is not None else []


class SerialAnalyzer:
    def __init__(self) -> None:
        self.stats: LineStats | None = None

    def start(self) -> None:
        pass

    def share(self, stats: LineStats | None) -> None:
        self.stats = stats

    def stream(self, jobs: Iterable[Job]) -> Iterator[tuple[Key, list[Result]]]:
        for key, raws in jobs:
            yield key, analyze_chunk(raws, self.stats) if raws else []

    def close(self) -> None:
        pass


#: a short article run once through every stage when a worker starts, so that the models (spaCy, the line
#: and cue models, the gazetteer) load while the ingesting process is still reading
_WARM_UP = RawDocument(Source(path="<warm-up>"), (
    "Harbour plan approved\n\nThe harbour authority approved the dredging plan on Tuesday, officials said. "
    "“Work begins in spring,” the mayor told reporters.\n"))

_WORKER_STATS_FILE = ""


def _init_worker(stats_file: str) -> None:
    global _WORKER_STATS_FILE
    _WORKER_STATS_FILE = stats_file
    analyze_chunk([_WARM_UP], None)


def _started() -> None:
    """Nothing: a task that makes the pool start a process, which runs :func:`_init_worker`."""


@lru_cache(maxsize=1)
def _worker_stats(stats_file: str) -> LineStats | None:
    """The run's statistics, read once per worker (written in full before the first chunk is submitted)."""
    with open(stats_file, "rb") as handle:
        return pickle.load(handle)


def _worker_chunk(raws: list[RawDocument]) -> list[Result]:
    return analyze_chunk(raws, _worker_stats(_WORKER_STATS_FILE))


#: the statistics file's name: this prefix, the writing process's id, a dash, a random part
STATS_FILE_PREFIX = "newsloom-stats-"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def remove_stale_stats_files(directory: str | None = None) -> list[Path]:
    """Delete statistics files whose process is gone: a run killed outright (SIGKILL, out of memory) never
    reaches :meth:`ProcessAnalyzer.close`. Each file names its process, so a live run's file stays."""
    removed = []
    for path in Path(directory or tempfile.gettempdir()).glob(f"{STATS_FILE_PREFIX}*-*"):
        pid = path.name[len(STATS_FILE_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


class ProcessAnalyzer:
    """``--workers N``: N processes on this machine (spawned, so no parent state or thread is forked). They
    start, and warm up, at :meth:`start`; the statistics reach them through a file."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.ahead = workers * AHEAD_PER_WORKER
        self.started = False
        remove_stale_stats_files()
        handle, self.stats_file = tempfile.mkstemp(prefix=f"{STATS_FILE_PREFIX}{os.getpid()}-")
        os.close(handle)
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init_worker, initargs=(self.stats_file,))

    def start(self) -> None:
        if not self.started:
            # the pool starts a process per task while none is idle: one task each starts them all now
            for _ in range(self.workers):
                self.pool.submit(_started)
            self.started = True

    def share(self, stats: LineStats | None) -> None:
        with open(self.stats_file, "wb") as handle:
            pickle.dump(stats, handle, protocol=pickle.HIGHEST_PROTOCOL)

    def stream(self, jobs: Iterable[Job]) -> Iterator[tuple[Key, list[Result]]]:
        return _in_order(self._submit, jobs, self.ahead)

    def _submit(self, raws: list[RawDocument]) -> Any:
        self.start()
        return self.pool.submit(_worker_chunk, raws)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)
        Path(self.stats_file).unlink(missing_ok=True)


class DaskAnalyzer:
    """``--dask ADDRESS`` (a running scheduler) or ``--dask local`` (a LocalCluster of ``workers``
    single-threaded worker processes)."""

    def __init__(self, address: str, workers: int = 2) -> None:
        from dask.distributed import Client, LocalCluster

        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        else:
            self.client = Client(address)
        nworkers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.ahead = nworkers * AHEAD_PER_WORKER
        self.stats = None

    def start(self) -> None:
        pass  # the cluster's workers are already running

    def share(self, stats: LineStats | None) -> None:
        self.stats = self.client.scatter(stats, broadcast=True) if stats is not None else None

    def stream(self, jobs: Iterable[Job]) -> Iterator[tuple[Key, list[Result]]]:
        return _in_order(lambda raws: self.client.submit(analyze_chunk, raws, self.stats, pure=False),
                         jobs, self.ahead)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_analyzer(*, workers: int = 1, dask: str | None = None) -> Analyzer:
    """Where analysis will run; call :meth:`Analyzer.share` with the line statistics before streaming."""
    if dask:
        return DaskAnalyzer(dask, max(workers, 2) if dask == "local" and workers == 1 else workers)
    if workers > 1:
        return ProcessAnalyzer(workers)
    return SerialAnalyzer()
