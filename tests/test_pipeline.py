"""Pipeline and store: idempotent ingest, batches, duplicates linked, failures recorded, FTS search."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from newsloom import analyze
from newsloom.link.dedup import DuplicateIndex, minhash_of
from newsloom.pipeline import ingest
from newsloom.store import QueryError, open_store
from newsloom.store.sqlite import migrations
from tests.conftest import SAMPLE, run_cli

STORY = (
    "The city council voted on Tuesday to close the old harbour bridge for repairs that will take at least "
    "six months, the mayor's office said. Engineers found cracks in two of the supports during an "
    "inspection in the spring. Traffic will be sent over the northern ring road, and buses will run every ten "
    "minutes between the two banks. Shop owners near the bridge said they feared losing customers during the "
    "busiest season of the year."
)


def write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ingest_twice_adds_nothing(tmp_path, db):
    store = open_store(db)
    first = ingest([str(SAMPLE)], store)
    again = ingest([str(SAMPLE)], store)
    assert first.stored == 8 and first.failed == 1
    assert again.stored == 0 and again.skipped == 8 and again.failed == 1
    stats = store.stats()
    assert stats["articles"] == 8
    assert stats["failures"] == 1  # the same failure is recorded once, with its last-seen time updated
    assert stats["schema_version"] == max(version for version, _ in migrations())


def test_each_file_is_read_and_decoded_once_per_run(tmp_path, db, monkeypatch):
    # the line-statistics pass and the analysis pass share one read (ftfy is the costly part of reading)
    from newsloom.ingest import readers

    decoded = []
    real = readers.normalize_text
    monkeypatch.setattr(readers, "normalize_text", lambda text: decoded.append(text) or real(text))
    for i in range(3):
        write(tmp_path, f"story{i}.txt", f"Harbour story {i}\n\n{STORY}\n")
    report = ingest([str(tmp_path)], open_store(db))
    assert report.stored == 3 and len(decoded) == 3


def test_syndicated_copy_is_linked_not_dropped(tmp_path, db):
    store = open_store(db)
    ingest([str(SAMPLE)], store)
    rows = list(store.iter_articles())
    wire = next(a for a in rows if a["title"] == "Port strike enters second week")
    local = next(a for a in rows if a["source"]["path"].endswith("harbor-talks.txt"))
    # both kept; same publication day, so the smaller id is canonical and the other points at it
    canonical, copy = sorted([wire, local], key=lambda a: a["id"])
    assert canonical["duplicate_of"] is None and copy["duplicate_of"] == canonical["id"]
    assert store.stats()["duplicates"] == 1
    assert store.get_article(canonical["id"])["duplicates"] == [copy["id"]]


def test_duplicate_links_do_not_depend_on_arrival_order():
    bodies = {"a": (STORY, "2024-01-02"), "b": (STORY + " Extra closing line.", "2024-01-01"),
              "c": ("A different story about farming and rain in the valley. " * 8, "2024-01-01")}

    def links(order):
        index, parent = DuplicateIndex(), {}
        for key in order:
            body, published = bodies[key]
            parent.update(index.add(key, published, key + "hash", minhash_of(body)))
        return parent

    forward, backward = links("abc"), links("cba")
    assert forward == {**forward, "a": "b", "b": None, "c": None}
    assert backward["a"] == "b" and backward["c"] is None


def test_exact_duplicate_across_outlets(tmp_path, db):
    write(tmp_path, "one.txt", STORY)
    write(tmp_path, "two.txt", STORY.replace("mayor's", "mayor’s") + "\n")  # other bytes, same folded body
    store = open_store(db)
    report = ingest([str(tmp_path)], store)
    assert report.stored == 2 and report.duplicates == 1


def test_a_failing_document_does_not_stop_the_batch(tmp_path, db):
    write(tmp_path, "good.txt", STORY)
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    nested = "<div>" * 5000 + "deep" + "</div>" * 5000
    write(tmp_path, "nested.html", f"<html><body>{nested}</body></html>")
    write(tmp_path, "broken.html", "<html><body><p>Unclosed <b>markup <i>everywhere" + " and more words" * 30)
    store = open_store(db)
    report = ingest([str(tmp_path)], store)
    failed = {Path(f.path).name for f in report.failures}
    assert "empty.txt" in failed
    assert report.stored >= 1
    assert {Path(f["path"]).name for f in store.failures()} == failed
    assert report.stored + report.failed == 4


def test_interrupted_batches_keep_what_was_committed(tmp_path, db, monkeypatch):
    for i in range(5):
        write(tmp_path, f"story{i}.txt", f"Story number {i}. " + STORY.replace("Tuesday", f"day {i}"))
    store = open_store(db)
    calls = {"n": 0}
    original = store.write_batch

    def crash_on_second(batch):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        original(batch)

    monkeypatch.setattr(store, "write_batch", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        ingest([str(tmp_path)], store, batch_size=2)
    assert store.stats()["articles"] == 2  # the first batch, whole; nothing of the second
    monkeypatch.setattr(store, "write_batch", original)
    report = ingest([str(tmp_path)], store, batch_size=2)
    assert report.skipped == 2 and report.stored == 3
    assert store.stats()["articles"] == 5


def test_search_ranks_and_quotes_user_syntax(db):
    store = open_store(db)
    ingest([str(SAMPLE)], store)
    hits = store.search("strike")
    assert hits and "strike" in hits[0]["snippet"].lower()
    assert store.search("U.S.-led OR ISIS-K") == []  # punctuation is searched for, not parsed as syntax
    assert store.search('"night shifts"')
    with pytest.raises(QueryError):
        store.search('"unclosed')
    with pytest.raises(QueryError):
        store.search("AND")
    assert store.search("strike NOT zzzz")  # operators are binary ...
    for dangling in ("strike OR", "NOT strike", "strike OR NOT convoy"):  # ... so these say why, on both backends
        with pytest.raises(QueryError, match="needs search words on both sides"):
            store.search(dangling)


def test_removed_lines_are_stored_with_kinds(db):
    store = open_store(db)
    ingest([str(SAMPLE / "plain" / "harbor-talks.txt")], store)
    (row,) = store.list_articles()
    article = store.get_article(row["id"][:8])  # a unique prefix is enough
    kinds = {r["text"]: r["kind"] for r in article["removed"]}
    assert kinds["Adsence 300X250"] == "ad"
    assert kinds["Harbour talks stall as port workers extend strike into second week"] == "title"
    assert kinds["Previous Story"] == "teaser"
    assert article["published"] == "2024-03-12"  # the plain date, not the "Updated:" stamp
    assert article["outlet"] == "Coastal Ledger"
    times = {t["text"]: t["value"] for t in article["times"]}
    assert times["Tuesday"] == "2024-03-12"  # published Tuesday 12 March: "on Tuesday" is that day
    assert times["March 4"] == "2024-03-04"


def test_analyze_text_and_path():
    article = analyze(SAMPLE / "plain" / "valley-floods.txt")
    assert article.title == "Floodwaters force thousands from homes in river valley"
    assert article.published == "2023-11-18"
    assert "Bridge repairs" not in article.body
    html = analyze((SAMPLE / "html" / "election-debate.html").read_text())
    assert html.title == "Candidates clash over housing in final debate"
    assert html.published == "2024-05-21" and html.authors == ["Lena Fischer"]
    assert "Most read" not in html.body and "Rents have doubled" in html.body


def test_copying_a_file_elsewhere_is_the_same_article(tmp_path, db):
    shutil.copy(SAMPLE / "plain" / "mining-report.txt", tmp_path / "copy.txt")
    store = open_store(db)
    ingest([str(SAMPLE / "plain" / "mining-report.txt")], store)
    report = ingest([str(tmp_path / "copy.txt")], store)
    assert report.skipped == 1 and store.stats()["articles"] == 1


def test_extract_links_later_copies_to_the_first_one_printed(tmp_path):
    from newsloom.pipeline import extract

    copies = [STORY, STORY.replace("mayor's", "mayor’s") + "\n"]
    # ids are content hashes, so in one of the two orders the copy printed first has the larger id
    for round_, (first, second) in enumerate((copies, copies[::-1])):
        folder = tmp_path / str(round_)
        folder.mkdir()
        write(folder, "1.txt", first)
        write(folder, "2.txt", second)
        one, two = list(extract([str(folder)]))
        assert one.duplicate_of is None and two.duplicate_of == one.id


def test_extract_prints_the_same_bytes_found_twice_once(tmp_path):
    """A file copied under another name (or a feed saved twice) is one article, as ingest stores it once;
    the second copy used to crash the whole run (the duplicate index refused its id a second time)."""
    from newsloom.pipeline import extract

    write(tmp_path, "story.txt", STORY)
    write(tmp_path, "story-copy.txt", STORY)
    (only,) = list(extract([str(tmp_path)]))
    assert only.source.path.endswith("story-copy.txt")  # inputs are read in sorted order: the copy first
    assert only.duplicate_of is None and only.body


def _store_digest(url: str) -> tuple:
    """What a store holds, independent of the order it was written in."""
    store = open_store(url)
    try:
        articles = sorted((a["id"], a["duplicate_of"]) for a in store.iter_articles())
        details = []
        for aid, _ in articles:
            a = store.get_article(aid)
            # the line model's scores show whether a worker cleaned with the run's line statistics
            details.append((aid, a["body"], [(r["kind"], r["score"]) for r in a["removed"]],
                            len(a["quotes"]), len(a["times"]),
                            sorted((e["id"], len(e["mentions"])) for e in a["entities"]),
                            [(e["type"], e["trigger"]["start"], (e["actor"] or {}).get("entity")) for e in a["events"]]))
        return articles, details, sorted((f["path"], f["item"]) for f in store.failures())
    finally:
        store.close()


@pytest.mark.parametrize("mode", [["--workers", "2"], ["--dask", "local", "--workers", "2"]])
def test_parallel_ingest_stores_what_a_serial_ingest_stores(tmp_path, mode):
    serial, parallel = str(tmp_path / "serial.db"), str(tmp_path / "parallel.db")
    assert run_cli("ingest", str(SAMPLE), "--db", serial, "-q").returncode == 1  # the bad JSONL line
    result = run_cli("ingest", str(SAMPLE), "--db", parallel, "-q", *mode)
    assert result.returncode == 1, result.stderr.decode()[-2000:]
    assert _store_digest(parallel) == _store_digest(serial)


def test_analyzers_return_chunks_in_order_with_a_bounded_window():
    """Workers may finish out of order; results come back in job order, and jobs are read only as far as
    the window allows (the input is streamed, not listed)."""
    import time
    from concurrent.futures import ThreadPoolExecutor

    from newsloom.parallel import _in_order

    read = []

    def jobs():
        for key in range(6):
            read.append(key)
            yield key, [key] if key != 3 else []  # an all-skipped group submits nothing

    def slow_first(raws):
        time.sleep(0.05 if raws[0] == 0 else 0)
        return [f"result {raws[0]}"]

    with ThreadPoolExecutor(3) as pool:
        stream = _in_order(lambda raws: pool.submit(slow_first, raws), jobs(), ahead=2)
        first = next(stream)
        assert first == (0, ["result 0"])
        assert len(read) == 2  # read only as far as two jobs in flight
        rest = list(stream)
    assert [key for key, _ in rest] == [1, 2, 3, 4, 5]
    assert dict(rest)[3] == []


def test_a_one_paragraph_brief_keeps_its_paragraph():
    """A wire brief — headline, date, one paragraph — is all body the page has: it must not come out empty
    (the lone last paragraph stands where footers usually are, and the line model scored this one 0.11)."""
    brief = ("Morris wins Labour mayoral primary in Portsmouth\n\n10 September 2016\n\n"
             "PORTSMOUTH (AP) — Ann Morris wins the Labour mayoral primary in Portsmouth, which she represented "
             "for six years on the city council.\n")
    article = analyze(brief)
    assert article.body.startswith("PORTSMOUTH (AP) — Ann Morris wins")
    assert article.title == "Morris wins Labour mayoral primary in Portsmouth"
    assert article.published == "2016-09-10"


def test_worker_processes_clean_with_the_runs_line_statistics():
    """The statistics are counted after the workers start; each must read them before its first chunk."""
    from newsloom.parallel import ProcessAnalyzer, analyze_chunk
    from newsloom.pipeline import gather_line_stats
    from newsloom.record import RawDocument, Source

    promo = "Your support keeps independent local journalism alive in the valley. Subscribe today."
    docs = [
        RawDocument(Source(path=f"/news/valley-post/{i}.txt"), (
            f"{town} council approves new bridge\n\nThe {town} council voted on Tuesday to build a new bridge over "
            "the river, ending a dispute that had lasted for years. Officials said construction would begin next "
            f"spring.\n\nResidents of {town} had long complained about traffic on the old crossing.\n\n{promo}\n"))
        for i, town in enumerate(["Arden", "Belmont", "Corby", "Dunmore"])
    ]
    stats = gather_line_stats(docs)

    def scores(articles):
        return [[(line.text, line.score) for line in article.removed] for article in articles]

    expected = scores(analyze_chunk(docs, stats))
    assert expected != scores(analyze_chunk(docs, None))  # the statistics change what the line model says
    analyzer = ProcessAnalyzer(2)
    try:
        analyzer.share(stats)
        results = [result for _, chunk in analyzer.stream([(0, docs[:2]), (1, docs[2:])]) for result in chunk]
    finally:
        analyzer.close()
    assert scores(results) == expected


def test_a_killed_runs_statistics_file_is_removed_by_the_next_run(tmp_path, monkeypatch):
    """SIGKILL skips clean-up; the next run with workers deletes files of processes that are gone, and only those."""
    import subprocess
    import sys

    from newsloom.parallel import STATS_FILE_PREFIX, ProcessAnalyzer

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    stale = tmp_path / f"{STATS_FILE_PREFIX}{gone.stdout.strip()}-abc123"
    live = tmp_path / f"{STATS_FILE_PREFIX}{os.getppid()}-def456"  # a running process: the test's parent
    other = tmp_path / "newsloom-stats-notes.txt"  # not one of ours in shape: left alone
    for path in (stale, live, other):
        path.write_bytes(b"x")
    analyzer = ProcessAnalyzer(2)
    try:
        assert Path(analyzer.stats_file).parent == tmp_path
        assert not stale.exists() and live.exists() and other.exists()
    finally:
        analyzer.close()
    assert not Path(analyzer.stats_file).exists()


def test_workers_start_only_when_there_is_something_to_analyse():
    """A re-run over files already stored starts no worker process (each would load spaCy for nothing)."""
    from newsloom.parallel import ProcessAnalyzer
    from newsloom.pipeline import gather_line_stats
    from newsloom.record import RawDocument, Source

    docs = [RawDocument(Source(path=f"/news/{i}.txt"), f"Headline {i}\n\nA paragraph of news number {i}.\n")
            for i in range(3)]
    calls = []
    gather_line_stats(docs, skip_ids=set, on_new=lambda: calls.append("all stored"))  # every id is known
    gather_line_stats(docs, skip_ids=lambda ids: set(), on_new=lambda: calls.append("new"))
    assert calls == ["new"]
    analyzer = ProcessAnalyzer(2)
    try:
        analyzer.share(None)
        assert list(analyzer.stream([(0, []), (1, [])])) == [(0, []), (1, [])]  # all skipped: nothing submitted
        assert not analyzer.started
    finally:
        analyzer.close()


def test_an_article_in_another_language_is_stored_with_its_language_and_not_read_by_the_english_model():
    """spaCy's English model on Russian text finds "people" such as "Афганистане быстро ухудшается"; the
    article is cleaned and stored, named as Russian, and the NLP stages leave it alone."""
    paragraphs = [
        "Министр обороны заявил в среду, что ситуация в стране быстро ухудшается, сообщает агентство.",
        "По его словам, переговоры между сторонами зашли в тупик, а беженцы продолжают покидать приграничные районы.",
        "«Мы внимательно следим за развитием событий», — сказал министр журналистам после встречи в столице.",
    ]
    russian = analyze("Новости дня\n\n" + "\n\n".join(paragraphs) + "\n")
    assert russian.language == "ru"
    assert "переговоры между сторонами" in russian.body
    assert russian.quotes == [] and russian.entities == []
    english = analyze(SAMPLE / "plain" / "harbor-talks.txt")
    assert english.language == "en" and english.quotes and english.entities
