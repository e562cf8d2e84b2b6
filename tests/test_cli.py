"""End to end: the real ``newsloom`` command on real files."""

from __future__ import annotations

import csv
import io
import json

from tests.conftest import SAMPLE, SEEDS, needs_shared, run_cli

CONTRACT = {"id", "source", "title", "published", "authors", "outlet", "dateline", "language", "body", "removed",
            "duplicate_of"}


def test_ingest_show_search_stats_and_rerun(db):
    first = run_cli("ingest", str(SAMPLE), "--db", db)
    assert first.returncode == 1  # one JSONL line is not JSON: the exit code says something failed
    assert b"stored 8 new articles" in first.stdout
    assert b"line 3 is not JSON" in first.stderr
    again = run_cli("ingest", str(SAMPLE), "--db", db)
    assert b"stored 0 new articles" in again.stdout and b"skipped 8 already stored" in again.stdout

    listing = run_cli("articles", "--db", db).stdout.decode()
    assert "Floodwaters force thousands" in listing
    article_id = next(line.split()[1] for line in listing.splitlines() if "Aid convoy" in line).rstrip("…")
    shown = run_cli("show", article_id, "--db", db).stdout.decode()
    assert "A convoy of twenty trucks" in shown and "removed (" in shown

    found = run_cli("search", "convoy", "--db", db)
    assert found.returncode == 0 and "Aid convoy" in found.stdout.decode()
    assert "Aid convoy" not in run_cli("search", "convoy", "--db", db, "--since", "2999-01-01").stdout.decode()
    bad = run_cli("search", '"unclosed', "--db", db)
    assert bad.returncode == 2 and b"not closed" in bad.stderr

    stats = run_cli("stats", "--db", db).stdout.decode()
    assert "articles" in stats and " 8 " in stats
    assert "line 3 is not JSON" in run_cli("failures", "--db", db).stdout.decode()


def test_a_store_that_cannot_be_opened_is_one_line_and_exit_code_2(tmp_path):
    for db in (str(tmp_path / "no-such-folder" / "news.db"), "postgresql://nobody@127.0.0.1:1/none"):
        result = run_cli("stats", "--db", db)
        assert result.returncode == 2
        assert result.stderr.decode().startswith("error cannot open the store")
        assert b"Traceback" not in result.stderr


def test_an_empty_folder_given_as_input_is_a_failure_not_silence(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run_cli("extract", str(tmp_path / "empty"))
    assert result.returncode == 1 and result.stdout == b""
    assert b"no files in this folder" in result.stderr


def test_extract_prints_the_output_contract():
    result = run_cli("extract", str(SAMPLE / "plain"), str(SAMPLE / "html"))
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(objects) == 5
    for obj in objects:
        assert set(obj) >= CONTRACT
        assert set(obj["source"]) >= {"path", "url", "format"}
        assert all(set(r) >= {"text", "kind"} for r in obj["removed"])
    flood = next(o for o in objects if o["title"] and o["title"].startswith("Floodwaters"))
    assert "\n\n" in flood["body"] and flood["published"] == "2023-11-18"


def test_extract_json_array_and_stdin():
    text = (SAMPLE / "plain" / "mining-report.txt").read_bytes()
    result = run_cli("extract", "-", "--format", "json", stdin=text)
    (obj,) = json.loads(result.stdout)
    assert obj["source"]["path"] == "-"  # not the temporary file stdin was spooled to
    assert obj["body"].startswith("The Ministry of Mines said on Thursday")
    assert "LINK:" not in obj["body"]


def test_keep_text_gives_the_decoded_file_exactly(tmp_path):
    path = tmp_path / "clean.txt"
    raw = "Headline-looking line\nMenu\r\nA body with an\u00a0NBSP and “quotes”.\n"
    path.write_bytes(raw.encode("utf-8"))
    (obj,) = [json.loads(x) for x in run_cli("extract", str(path), "--keep-text").stdout.splitlines()]
    assert obj["body"] == raw and obj["removed"] == [] and obj["title"] is None


def test_export_formats(db, tmp_path):
    run_cli("ingest", str(SAMPLE / "plain"), "--db", db)
    jsonl = run_cli("export", "--format", "jsonl", "--db", db).stdout.decode().splitlines()
    assert len(jsonl) == 3 and all("body" in json.loads(line) for line in jsonl)
    rows = list(csv.DictReader(io.StringIO(run_cli("export", "--format", "csv", "--db", db).stdout.decode())))
    assert len(rows) == 3 and rows[0]["body"]
    parquet = tmp_path / "articles.parquet"
    assert run_cli("export", "--format", "parquet", "-o", str(parquet), "--db", db).returncode == 0
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).num_rows == 3


@needs_shared
def test_seeds_through_the_cli(db):
    result = run_cli("ingest", str(SEEDS), "--db", db)
    assert result.returncode == 0 and b"stored 5 new articles" in result.stdout
    hits = run_cli("search", "Kabulov", "--db", db).stdout.decode()
    assert "Afghan Taliban snubs Russia" in hits
