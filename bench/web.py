"""Explorer latency on a 10,000-article store: search and article page, p50/p95.

    .venv/bin/python bench/web.py [--articles 10000] [--db postgresql://…]

The store is generated: 250 articles from the test corpus generator (tests/corpus.py) are analysed by the
real pipeline (quotes, actors, times), then copied with new ids and a varied opening until ``--articles``
are stored, so every article page has the annotations a real one has. Requests go through FastAPI's test
client in this process (no network), 300 of each kind, after a warm-up.
"""

from __future__ import annotations

import argparse
import copy
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402
from tests.corpus import FIRST, LAST, TOWNS, write_corpus  # noqa: E402

from newsloom.ingest import iter_items  # noqa: E402
from newsloom.pipeline import link_actors, process_item  # noqa: E402
from newsloom.record import Article, sha256_hex  # noqa: E402
from newsloom.store import open_store  # noqa: E402
from newsloom.store.base import Batch  # noqa: E402
from newsloom.web.app import create_app  # noqa: E402

SEED_ARTICLES = 250
QUERIES = ["strike", "harbour authority", '"night shifts"', "floods OR mine", "petition", "council NOT budget",
           "tram", "hospital merger", "fuel", "bridge"] + [w.split()[0] for w in TOWNS] + LAST


def build_store(url: str, count: int, folder: Path) -> list[str]:
    write_corpus(folder, SEED_ARTICLES, seed=3)
    analysed = [r for r in (process_item(raw, None) for raw in iter_items([str(folder)])) if isinstance(r, Article)]
    store = open_store(url)
    rng = random.Random(1)
    ids: list[str] = []
    batch = Batch()
    for n in range(count):
        article = copy.deepcopy(analysed[n % len(analysed)])
        lead = f"{rng.choice(FIRST)} {rng.choice(LAST)} reporting, update {n}. "
        shift = len(lead)
        article.body = lead + article.body
        for q in article.quotes:
            q.start, q.end = q.start + shift, q.end + shift
        for t in article.times:
            t.start, t.end = t.start + shift, t.end + shift
        for e in article.entities:
            for m in e.mentions:
                m.start, m.end = m.start + shift, m.end + shift
        article.id = sha256_hex(f"bench-{n}")[:16]
        article.body_sha256 = sha256_hex(article.body)
        batch.articles.append(article)
        ids.append(article.id)
        if len(batch.articles) >= 500:
            store.write_batch(batch)
            batch = Batch()
    if batch.articles:
        store.write_batch(batch)
    link_actors(store)
    store.close()
    return ids


def timed(client: TestClient, paths: list[str]) -> list[float]:
    out = []
    for path in paths:
        start = time.perf_counter()
        response = client.get(path)
        out.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", default=None, help="a PostgreSQL URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="newsloom-web-") as tmp:
        url = args.db or str(Path(tmp) / "web.db")
        start = time.perf_counter()
        ids = build_store(url, args.articles, Path(tmp) / "corpus")
        built = time.perf_counter() - start
        client = TestClient(create_app(url))
        timed(client, ["/", "/search?q=strike", f"/articles/{ids[0]}"])  # warm-up
        search = timed(client, [f"/search?q={rng.choice(QUERIES)}" for _ in range(300)])
        api_search = timed(client, [f"/api/search?q={rng.choice(QUERIES)}" for _ in range(300)])
        article = timed(client, [f"/articles/{rng.choice(ids)}" for _ in range(300)])
    print(f"Explorer latency, {args.articles} articles ({'PostgreSQL' if args.db else 'SQLite'}; store built in "
          f"{built:.0f} s), 300 requests each, in-process test client\n")
    print("| request | p50 ms | p95 ms | max ms | target p95 |")
    print("|---|---:|---:|---:|---:|")
    for label, values, target in (("search page `/search?q=…`", search, "< 100"),
                                  ("search API `/api/search?q=…`", api_search, "< 100"),
                                  ("article page `/articles/{id}`", article, "< 150")):
        p95 = statistics.quantiles(values, n=20)[-1]
        print(f"| {label} | {statistics.median(values):.1f} | {p95:.1f} | {max(values):.1f} | {target} |")


if __name__ == "__main__":
    main()
