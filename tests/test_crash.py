"""Crash safety: an ingest killed with SIGKILL at random points, then re-run, stores each article exactly
once with all its quotes, actors and time expressions, and keeps its failure log."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

from newsloom.store import open_store
from tests.conftest import REPO, run_cli
from tests.corpus import write_corpus
from tests.test_pipeline import _store_digest

ARTICLES = 520


def _count(url: str) -> int:
    store = open_store(url)
    try:
        return store.stats()["articles"]
    finally:
        store.close()


def test_sigkill_at_random_points_then_rerun_stores_everything_once(tmp_path_factory, db):
    corpus = tmp_path_factory.mktemp("corpus")
    write_corpus(corpus, ARTICLES)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    reference = str(tmp_path_factory.mktemp("reference") / "reference.db")
    assert run_cli("ingest", str(corpus), "--db", reference, "-q").returncode == 1  # two bad files

    rng = random.Random(20261123)
    stored_after_kills = []
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-m", "newsloom", "ingest", str(corpus), "--db", db, "-q"],
                                cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # kill at a random point after the run's first commit (startup time varies with the machine's load)
        deadline = time.monotonic() + 180
        before = stored_after_kills[-1] if stored_after_kills else 0
        while proc.poll() is None and _count(db) <= before and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(rng.uniform(0.0, 4.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        stored_after_kills.append(_count(db))
    # the kills landed mid-ingest: some articles were stored, not all
    assert any(0 < n < ARTICLES for n in stored_after_kills), stored_after_kills

    final = run_cli("ingest", str(corpus), "--db", db, "-q")
    assert final.returncode == 1
    assert _count(db) == ARTICLES
    digest, expected = _store_digest(db), _store_digest(reference)
    assert digest == expected  # same articles, each once, with the same quotes, times and actors
    failures = {(path.rsplit("/", 1)[-1], item) for path, item in digest[2]}
    assert failures == {("empty.txt", None), ("binary.txt", None)}
