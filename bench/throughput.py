"""Throughput: bare spaCy against the whole newsloom ingest, in one process and the same run.

    .venv/bin/python bench/throughput.py [--articles 2000] [--workers 2] [--corpus DIR]

The corpus is generated from PolNeAR texts (train + dev, 924 articles): each becomes a plain-text file with a
headline and a date line, and further files are syndication-like variants (a paragraph dropped, a
different headline) until ``--articles`` files exist. Words are spaCy tokens of the files' text.

Rows: bare ``nlp.pipe`` over the texts; ``newsloom ingest`` in this process (clean, quotes, actors, times,
duplicates, SQLite writes); ``newsloom ingest --workers N`` as a subprocess. RSS: this process at each
quarter of the serial ingest (to see whether it grows with the corpus), and the largest process of the
parallel run (sampled every 0.5 s from /proc), with the CPU time of its writer and of its workers. ``--corpus
DIR`` keeps the generated files, e.g. to profile the writer:
``python -m cProfile -s cumulative -m newsloom ingest DIR --db x.db -q --workers 2``.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsloom.evaluation.polnear import polnear_articles  # noqa: E402
from newsloom.nlp import load_nlp  # noqa: E402
from newsloom.pipeline import ingest  # noqa: E402
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

        store = open_store(str(Path(tmp) / "serial.db"))
        quarters, seen = [], 0

        def on_item(_item: object) -> None:
            nonlocal seen
            seen += 1
            if seen % max(1, args.articles // 4) == 0:
                quarters.append(rss_mb())

        start = time.perf_counter()
        report = ingest([str(corpus)], store, on_item=on_item)
        serial = time.perf_counter() - start
        store.close()
        serial_peak = max(quarters) if quarters else rss_mb()

        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "newsloom", "ingest", str(corpus), "--db",
                                 str(Path(tmp) / "parallel.db"), "-q", "--workers", str(args.workers)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        worker_peak = 0.0  # sampled: ru_maxrss of a child keeps the RSS its parent had when it forked
        cpu: dict[int, float] = {}  # last CPU time seen per process (sampled, so up to 0.5 s short)
        while proc.poll() is None:
            pids = descendants(proc.pid)
            worker_peak = max([worker_peak, *(rss_mb(pid) for pid in pids)])
            for pid in pids:
                seconds = cpu_seconds(pid)
                if seconds is not None:
                    cpu[pid] = seconds
            time.sleep(0.5)
        parallel = time.perf_counter() - start

    print(f"Throughput: {args.articles} articles, {words:,} words, {report.stored} stored "
          f"({report.duplicates} linked as duplicates), one machine\n")
    print("| run | seconds | words/s | vs bare spaCy | peak RSS |")
    print("|---|---:|---:|---:|---:|")
    print(f"| bare spaCy `nlp.pipe` (en_core_web_sm, full pipeline) | {bare:.0f} | {words / bare:,.0f} | 1.00× | |")
    print(f"| newsloom ingest, 1 process | {serial:.0f} | {words / serial:,.0f} | {bare / serial:.2f}× | "
          f"{serial_peak:,.0f} MB (at each quarter: {', '.join(f'{q:,.0f}' for q in quarters)} MB) |")
    print(f"| newsloom ingest --workers {args.workers} | {parallel:.0f} | {words / parallel:,.0f} | "
          f"{bare / parallel:.2f}× | {worker_peak:,.0f} MB largest process |")
    print(f"\n{args.workers} workers vs 1 process: {serial / parallel:.2f}×")
    writer = cpu.pop(proc.pid, 0.0)
    others = sum(cpu.values())
    print(f"Parallel run CPU: writer process {writer:.0f} s, worker processes {others:.0f} s, wall {parallel:.0f} s "
          f"(bound on {args.workers} cores: {(writer + others) / args.workers:.0f} s)")


if __name__ == "__main__":
    main()
