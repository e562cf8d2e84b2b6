"""Readers: every input shape becomes RawDocuments, and every bad input one clear Failure."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from newsloom.ingest import format_of, iter_items, iter_paths
from newsloom.ingest.decode import normalize_text
from newsloom.record import Failure, RawDocument
from tests.conftest import SAMPLE


def items(*paths: Path | str) -> list:
    return list(iter_items([str(p) for p in paths]))


def test_directories_are_walked_recursively_and_hidden_files_skipped(tmp_path: Path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("Deep article text.")
    (tmp_path / "top.txt").write_text("Top article text.")
    (tmp_path / ".hidden.txt").write_text("never read")
    assert [Path(p).name for p in iter_paths([str(tmp_path)])] == ["deep.txt", "top.txt"]


def test_globs_expand(tmp_path: Path):
    for name in ("one.txt", "two.txt", "three.html"):
        (tmp_path / name).write_text("x")
    assert sorted(Path(p).name for p in iter_paths([str(tmp_path / "*.txt")])) == ["one.txt", "two.txt"]


def test_format_is_chosen_by_name_then_content():
    assert format_of("a.warc.gz", b"") == "warc"
    assert format_of("feed.xml", b"<?xml version='1.0'?><rss>") == "feed"
    assert format_of("page", b"<!DOCTYPE html><html>") == "html"
    assert format_of("dump", b"WARC/1.0\r\n") == "warc"
    assert format_of("notes", b"Just words") == "text"
    assert format_of("saved-page.txt", b"\n<!DOCTYPE html><html>") == "html"  # a page saved as text
    assert format_of("fragment.txt", b"<div><p>Body.</p></div>") == "html"  # as a JSONL "content" field is
    assert format_of("notes.txt", b"<b>Bold</b> words") == "text"  # markup inside text stays text


def test_jsonl_fields_and_unknown_fields_kept_as_extra():
    docs = [i for i in items(SAMPLE / "wire.jsonl") if isinstance(i, RawDocument)]
    first = docs[0]
    assert first.source.url == "https://www.examplewire.com/world/harbour-strike"
    assert first.meta["outlet"] == "Example Wire" and first.meta["published"] == "2024-03-12"
    assert first.meta["extra"] == {"section": "World", "wordcount": 140}
    assert docs[1].is_html  # the 'html' field wins over 'text'


def test_jsonl_of_other_crawlers_is_read_by_their_field_names(tmp_path: Path):
    news_please = {"maintext": "The harbour strike ended on Friday.", "title": "Strike ends",
                   "date_publish": "2024-03-15 10:00:00", "source_domain": "coastal.example",
                   "authors": ["Mira Okonkwo"], "url": "https://coastal.example/strike", "language": "en"}
    one_author = {"content": "<div><p>Talks resumed on Monday.</p></div>", "author": "Ben Harlow",
                  "headline": "Talks resume", "link": "https://example.com/talks"}
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (news_please, one_author)) + "\n")
    first, second = items(path)
    assert first.text == "The harbour strike ended on Friday." and not first.is_html
    assert first.meta["title"] == "Strike ends" and first.meta["published"] == "2024-03-15 10:00:00"
    assert first.meta["outlet"] == "coastal.example" and first.meta["authors"] == ["Mira Okonkwo"]
    assert first.source.url == "https://coastal.example/strike" and first.meta["extra"] == {"language": "en"}
    assert second.is_html  # a "content" field holding markup is read as HTML
    assert second.meta["authors"] == ["Ben Harlow"]  # one author as a string: one name, not its letters
    assert second.meta["title"] == "Talks resume" and second.source.url == "https://example.com/talks"


def test_a_bad_jsonl_line_costs_one_item_not_the_file():
    got = items(SAMPLE / "wire.jsonl")
    failures = [i for i in got if isinstance(i, Failure)]
    assert len(got) == 3 and len(failures) == 1
    assert failures[0].item == 3 and "not JSON" in failures[0].reason


def test_warc_html_responses_only(tmp_path: Path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, status, ctype, body in (
            ("https://news.example.com/a", "200 OK", "text/html; charset=utf-8", "<html><body><p>Story A.</p></body></html>"),
            ("https://news.example.com/logo.png", "200 OK", "image/png", "\x89PNG"),
            # a crawl's redirects and error pages are HTML too, and no articles
            ("https://news.example.com/old", "301 Moved Permanently", "text/html", ""),
            ("https://news.example.com/gone", "404 Not Found", "text/html", "<html><body><h1>Not found</h1></body></html>"),
        ):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                                          http_headers=headers))
    docs = items(path)
    assert len(docs) == 1 and docs[0].is_html and docs[0].source.url == "https://news.example.com/a"
    assert docs[0].source.format == "warc"


def test_a_warc_file_without_html_responses_is_a_recorded_failure(tmp_path: Path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    images = tmp_path / "images.warc"
    with images.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record("https://news.example.com/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG"), http_headers=headers))
    truncated = tmp_path / "truncated.warc"
    truncated.write_bytes(b"WARC/1.0\r\nbroken")
    for path in (images, truncated):
        (failure,) = list(iter_items([str(path)]))
        assert isinstance(failure, Failure) and failure.path == str(path)
        assert "WARC" in failure.reason


def test_feed_entries_with_metadata():
    (doc,) = items(SAMPLE / "feed.rss")
    assert doc.meta["title"] == "School reopens after roof repairs"
    assert doc.meta["outlet"] == "Hill Country Gazette"
    assert doc.source.url.endswith("/school-reopens")


def test_gzipped_text_is_read(tmp_path: Path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(b"A gzipped story."))
    (doc,) = items(path)
    assert doc.text == "A gzipped story."


def test_encodings_mojibake_nfc_and_nbsp(tmp_path: Path):
    legacy = tmp_path / "cp1252.txt"
    legacy.write_bytes("The minister’s “plan” — café prices rose in Zürich and in Malmö.".encode("cp1252"))
    (doc,) = items(legacy)
    assert "minister’s “plan” — café" in doc.text
    assert normalize_text("The minister\u00e2\u20ac\u2122s plan") == "The minister’s plan"  # mojibake repaired
    assert normalize_text("cafe\u0301\u00a0bar") == "café bar"  # NFC, NBSP → space
    assert doc.raw_sha256 and len(doc.raw_sha256) == 64


def test_utf16_and_utf32_text_is_read_with_or_without_a_byte_order_mark(tmp_path: Path):
    story = "The minister’s “plan” — café prices rose in Zürich.\nKabul, 29 July: “We are ready,” he said.\n"
    for name, data in {
        "notepad.txt": story.encode("utf-16"),  # BOM, little-endian: what Windows calls "Unicode"
        "big-endian.txt": story.encode("utf-16-be"),  # no BOM
        "little-endian.txt": story.encode("utf-16-le"),  # no BOM
        "wide.txt": story.encode("utf-32"),
    }.items():
        (tmp_path / name).write_bytes(data)
    found = items(tmp_path)
    assert all(isinstance(d, RawDocument) for d in found), found
    docs = {Path(d.source.path).name: d for d in found}
    assert {d.text for d in docs.values()} == {story}
    assert docs["notepad.txt"].encoding == "utf-16-le" and docs["big-endian.txt"].encoding == "utf-16-be"
    assert docs["wide.txt"].encoding == "utf-32-le"


def test_bad_inputs_each_get_one_clear_failure(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "huge.txt").write_bytes(b"word " * (10 * 1024 * 1024))  # 50 MB
    (tmp_path / "broken.gz").write_bytes(b"\x1f\x8b\x08garbage")
    (tmp_path / "half.txt").write_bytes("A story cut mid-character.".encode("utf-16")[:-1])  # odd byte count
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")  # a link to nowhere, met while walking
    results = {Path(i.path).name: i.reason for i in items(tmp_path, tmp_path / "missing.txt")
               if isinstance(i, Failure)}
    assert results["empty.txt"] == "empty input"
    assert "binary" in results["binary.txt"]
    assert "limit" in results["huge.txt"]
    assert "gzip" in results["broken.gz"]
    assert results["missing.txt"] == "no such file"
    assert results["half.txt"].startswith("broken UTF-16-LE text")
    assert results["link.txt"] == "broken symbolic link"


def test_stdin_is_read_with_dash(monkeypatch):
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"An article from a pipe.")))
    (doc,) = items("-")
    assert doc.text == "An article from a pipe."


def test_jsonl_record_that_is_not_an_object(tmp_path: Path):
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps([1, 2]) + "\n" + json.dumps({"title": "no text"}) + "\n")
    reasons = [i.reason for i in items(path)]
    assert reasons == ["expected a JSON object, got list",
                       "no text or html field with content (text, maintext, content, body, article, html)"]
