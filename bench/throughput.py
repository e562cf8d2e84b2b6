"""Throughput: bare spaCy against the whole newsloom ingest, with one process and with workers, in the same run.

    .venv/bin/python bench/throughput.py [--articles 2000] [--workers 2] [--corpus DIR]

The corpus is generated from PolNeAR texts (train + dev, 924 articles): each becomes a plain-text file with a
headline and a date line, and further files are syndication-like variants (a paragraph dropped, a
different headline) until ``--articles`` files exist. Words are spaCy tokens of the files' text.

Rows: bare ``nlp.pipe`` over the texts, in this process with the model already loaded; then ``newsloom
ingest`` (clean, quotes, actors, times, events, duplicates, SQLite writes) as a user runs it, in a fresh
process, once with one process and once with ``--workers N``: both pay their start-up, so their ratio is the
speed-up a user sees. RSS: the largest of each run's processes (sampled every 0.5 s from /proc) and, for the
one-process run, its largest in each quarter of the run (to see whether it grows with the corpus); CPU time
of the parallel run's writer and workers. ``--corpus DIR`` keeps the generated files, e.g. to profile the
writer: ``python -m cProfile -s cumulative -m newsloom ingest DIR --db x.db -q --workers 2``.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsloom.evaluation.polnear import polnear_articles  # noqa: E402
from newsloom.nlp import load_nlp  # noqa: E402
from newsloom.store import open_store  # noqa: E402


def rss_mb(pid: int | str = "self") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a live process has used so far, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def descendants(root: int) -> list[int]:
    """Worker processes of ``root`` (and ``root`` itself), from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    found, frontier = [root], [root]
    while frontier:
        children = [pid for pid, ppid in parents.items() if ppid in frontier]
        found += children
        frontier = children
    return found


def build_corpus(folder: Path, count: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    texts = [a.text for a in polnear_articles("train")] + [a.text for a in polnear_articles("dev")]
    out = []
    for i in range(count):
        text = texts[i % len(texts)]
        paragraphs = [p for p in text.split("\n") if p.strip()]
        if i >= len(texts) and len(paragraphs) > 3:
            del paragraphs[rng.randrange(1, len(paragraphs))]
        headline = paragraphs[0][:80] if i < len(texts) else f"Update {i}: " + paragraphs[0][:60]
        day = 1 + i % 28
        content = f"{headline}\n\n{day} September 2016\n\n" + "\n\n".join(paragraphs[1:]) + "\n"
        (folder / f"{i:05d}.txt").write_text(content, encoding="utf-8")
        out.append(content)
    return out


@dataclass
class Run:
    seconds: float
    peak_mb: float  # largest RSS of any of its processes
    quarters_mb: list[float]  # largest RSS of its main process in each quarter of the run
    writer_cpu: float
    worker_cpu: float


def ingest_run(corpus: Path, db: Path, workers: int) -> Run:
    """``newsloom ingest`` in a fresh process, as a user runs it, sampled every 0.5 s from /proc."""
    command = [sys.executable, "-m", "newsloom", "ingest", str(corpus), "--db", str(db), "-q"]
    if workers > 1:
        command += ["--workers", str(workers)]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0.0  # sampled: ru_maxrss of a child keeps the RSS its parent had when it forked
    main_rss: list[tuple[float, float]] = []
    cpu: dict[int, float] = {}  # last CPU time seen per process (sampled, so up to 0.5 s short)
    while proc.poll() is None:
        pids = descendants(proc.pid)
        peak = max([peak, *(rss_mb(pid) for pid in pids)])
        main_rss.append((time.perf_counter() - start, rss_mb(proc.pid)))
        for pid in pids:
            seconds = cpu_seconds(pid)
            if seconds is not None:
                cpu[pid] = seconds
        time.sleep(0.5)
    seconds = time.perf_counter() - start
    quarters = [max((mb for t, mb in main_rss if q * seconds / 4 <= t < (q + 1) * seconds / 4), default=0.0)
                for q in range(4)]
    writer = cpu.pop(proc.pid, 0.0)
    return Run(seconds, peak, quarters, writer, sum(cpu.values()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", help="write the generated files to this folder and keep them (for profiling)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsloom-throughput-") as tmp:
        corpus = Path(args.corpus) if args.corpus else Path(tmp) / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        texts = build_corpus(corpus, args.articles)
        nlp = load_nlp()
        start = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
        bare = time.perf_counter() - start
        del nlp

        serial = ingest_run(corpus, Path(tmp) / "serial.db", 1)
        parallel = ingest_run(corpus, Path(tmp) / "parallel.db", args.workers)
        store = open_store(str(Path(tmp) / "serial.db"))
        stored = store.stats()
        store.close()

    print(f"Throughput: {args.articles} articles, {words:,} words, {stored['articles']} stored "
          f"({stored['duplicates']} linked as duplicates), one machine\n")
    print("| run | seconds | words/s | vs bare spaCy | peak RSS |")
    print("|---|---:|---:|---:|---:|")
    print(f"| bare spaCy `nlp.pipe` (en_core_web_sm, full pipeline, model loaded) | {bare:.0f} | {words / bare:,.0f} "
          "| 1.00× | |")
    for label, run in (("`newsloom ingest`, 1 process", serial), (f"`newsloom ingest --workers {args.workers}`", parallel)):
        rss = f"{run.peak_mb:,.0f} MB largest process"
        if run is serial:
            rss += f" (each quarter of the run: {', '.join(f'{q:,.0f}' for q in run.quarters_mb)} MB)"
        print(f"| {label} | {run.seconds:.0f} | {words / run.seconds:,.0f} | {bare / run.seconds:.2f}× | {rss} |")
    print(f"\n{args.workers} workers vs 1 process (both a fresh `newsloom ingest`, start-up included): "
          f"{serial.seconds / parallel.seconds:.2f}×")
    print(f"CPU: 1 process {serial.writer_cpu:.0f} s; {args.workers} workers: writer {parallel.writer_cpu:.0f} s, "
          f"workers {parallel.worker_cpu:.0f} s, wall {parallel.seconds:.0f} s (bound on {args.workers} cores: "
          f"{(parallel.writer_cpu + parallel.worker_cpu) / args.workers:.0f} s)")


if __name__ == "__main__":
    main()
