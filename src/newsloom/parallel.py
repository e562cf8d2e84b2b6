"""Where per-document analysis runs: in this process, in worker processes, or on a Dask cluster.

An analyzer maps a chunk of :class:`~newsloom.record.RawDocument` to their results (Article or Failure) in
the same order; :func:`newsloom.pipeline.ingest` feeds it batches and stays the only writer to the store,
so cross-document work (duplicates, actor merging) sees every result whatever worker produced it.
The corpus line statistics the cleaner needs are shipped to each worker once (process initializer, or a
Dask ``scatter`` broadcast), not with every document.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol

from newsloom.clean.stats import LineStats
from newsloom.record import Article, Failure, RawDocument

Result = Article | Failure

#: documents per task: one nlp.pipe batch (pipeline.PARSE_BATCH), and task overhead small next to ~1.5 s of work
CHUNK = 16


class Analyzer(Protocol):
    #: how many documents it can usefully have in flight (the ingest batch is at least this large)
    capacity: int

    def __call__(self, raws: Sequence[RawDocument]) -> list[Result]: ...

    def close(self) -> None: ...


def analyze_chunk(raws: Sequence[RawDocument], stats: LineStats | None) -> list[Result]:
    """The pure per-document step over a chunk (what a worker runs)."""
    from newsloom.pipeline import process_items

    return process_items(raws, stats)


def _chunks(raws: Sequence[RawDocument], size: int) -> list[list[RawDocument]]:
    return [list(raws[i : i + size]) for i in range(0, len(raws), size)]


class SerialAnalyzer:
    capacity = 1

    def __init__(self, stats: LineStats | None) -> None:
        self.stats = stats

    def __call__(self, raws: Sequence[RawDocument]) -> list[Result]:
        return analyze_chunk(raws, self.stats)

    def close(self) -> None:
        pass


_WORKER_STATS: LineStats | None = None


def _init_worker(stats: LineStats | None) -> None:
    global _WORKER_STATS
    _WORKER_STATS = stats


def _worker_chunk(raws: list[RawDocument]) -> list[Result]:
    return analyze_chunk(raws, _WORKER_STATS)


class ProcessAnalyzer:
    """``--workers N``: N processes on this machine (spawned, so no parent state or thread is forked)."""

    def __init__(self, stats: LineStats | None, workers: int) -> None:
        self.capacity = workers * CHUNK * 4
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init_worker, initargs=(stats,))

    def __call__(self, raws: Sequence[RawDocument]) -> list[Result]:
        results: list[Result] = []
        for chunk in self.pool.map(_worker_chunk, _chunks(raws, CHUNK)):
            results.extend(chunk)
        return results

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskAnalyzer:
    """``--dask ADDRESS`` (a running scheduler) or ``--dask local`` (a LocalCluster of ``workers``
    single-threaded worker processes)."""

    def __init__(self, stats: LineStats | None, address: str, workers: int = 2) -> None:
        from dask.distributed import Client, LocalCluster

        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        else:
            self.client = Client(address)
        nworkers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.capacity = nworkers * CHUNK * 4
        self.stats = self.client.scatter(stats, broadcast=True) if stats is not None else None

    def __call__(self, raws: Sequence[RawDocument]) -> list[Result]:
        futures: list[Any] = [self.client.submit(analyze_chunk, chunk, self.stats, pure=False)
                              for chunk in _chunks(raws, CHUNK)]
        results: list[Result] = []
        for chunk in self.client.gather(futures):
            results.extend(chunk)
        return results

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_analyzer(stats: LineStats | None, *, workers: int = 1, dask: str | None = None) -> Analyzer:
    if dask:
        return DaskAnalyzer(stats, dask, max(workers, 2) if dask == "local" and workers == 1 else workers)
    if workers > 1:
        return ProcessAnalyzer(stats, workers)
    return SerialAnalyzer(stats)
