"""Timelines: events and statements by the date they happened, one entry per event across outlets."""

from __future__ import annotations

import json

import pytest

from newsloom.link.timeline import build_timeline
from newsloom.store import QueryError, open_store
from newsloom.temporal import first_day, readable_date
from tests.conftest import run_cli


@pytest.mark.parametrize(
    ("value", "day"),
    [("2021-07-28", "2021-07-28"), ("2021-08-13T09:00:00", "2021-08-13"), ("2021-W34", "2021-08-23"), ("2024-W10-WE", "2024-03-09"),
     ("2021-08", "2021-08-01"), ("2001", "2001-01-01"), ("1989-Q3", "1989-07-01"),
     ("2021-08-13/2021-08-15", "2021-08-13"), (None, None), ("PRESENT_REF", None)],
)
def test_values_of_any_granularity_sort_by_their_first_day(value, day):
    assert first_day(value) == day


@pytest.mark.parametrize(
    ("value", "shown"),
    [("2001", "2001"), ("2021-08", "2021-08"), ("2021-W34", "week of 2021-08-23"),
     ("2024-W10-WE", "weekend of 2024-03-09"), ("1989-Q3", "1989 Q3"), ("2021-SU", "summer 2021"),
     ("2021-08-13/2021-08-15", "2021-08-13 to 2021-08-15"), ("2021-08-13T09:00:00", "2021-08-13"),
     (None, None), ("PRESENT_REF", None)],
)
def test_a_date_is_shown_at_its_own_precision_not_as_its_first_day(value, shown):
    assert readable_date(value) == shown


def test_an_event_dated_by_its_year_shows_the_year_and_sorts_by_its_first_day():
    (entry,) = build_timeline([event_row("a1", "Wire A", "2001", "the coalition", "the government")], [])
    assert (entry["when"], entry["date"], entry["value"]) == ("2001", "2001-01-01", "2001")


def event_row(article_id, outlet, date, actor, target, type_="FIGHT"):
    return {"article_id": article_id, "outlet": outlet, "title": f"{outlet} story", "published": date,
            "date": date, "day": first_day(date), "date_source": "sentence", "type": type_, "mode": None, "modality": "asserted",
            "actor": {"text": actor, "entity": None}, "target": {"text": target, "entity": None},
            "location": None, "quantities": [], "sentence": {"text": f"{actor} hit {target}."},
            "trigger": {"text": "hit", "start": 0, "end": 3}, "time": None, "quote": None}


def test_the_same_event_from_two_outlets_is_one_entry_with_both_sources():
    entries = build_timeline([
        event_row("a1", "Wire A", "2024-03-11", "Rebels", "the town"),
        event_row("b1", "Paper B", "2024-03-11", "rebels", "The town"),
        event_row("c1", "Paper C", "2024-03-11", "the army", "the town"),  # another actor: another event
        event_row("d1", "Paper D", "2024-03-09", "rebels", "the town"),  # another day: another event
    ], [])
    assert [(e["date"], len(e["sources"])) for e in entries] == [("2024-03-09", 1), ("2024-03-11", 2),
                                                                 ("2024-03-11", 1)]
    assert {s["outlet"] for s in entries[1]["sources"]} == {"Wire A", "Paper B"}


def test_unknown_dates_come_last_and_speech_act_events_replace_their_statement():
    quote = {"article_id": "a1", "position": 0, "text": "They are to blame", "published": "2024-03-12",
             "speaker": {"name": "Ana Ruiz"}, "cue": {"text": "accused", "start": 10, "end": 17},
             "outlet": "Wire A", "title": "t"}
    other = {**quote, "position": 1, "text": "We will rebuild", "cue": {"text": "said", "start": 50, "end": 54}}
    accusation = {**event_row("a1", "Wire A", "2024-03-12", "Ana Ruiz", "the mayor", "DISAPPROVE"), "quote": 0,
                  "trigger": {"text": "accused", "start": 10, "end": 17}}
    undated = {**event_row("z9", "Paper Z", None, "rebels", "the bridge"), "date_source": None}
    assert undated["day"] is None
    entries = build_timeline([undated, accusation], [quote, other])
    assert [e["kind"] for e in entries] == ["event", "statement", "event"]
    assert entries[0]["type"] == "DISAPPROVE" and entries[1]["text"] == "We will rebuild"
    assert entries[-1]["date"] is None


WIRE = [
    {"text": "The northern offensive entered its third week as government forces regrouped south of the river.\n\n"
             "Rebels captured the town of Marlow on Monday after two days of fighting, the army said in a "
             "statement issued in the capital.\n\n"
             "\u201cWe will retake it within days,\u201d General Ines Baptiste told reporters at the defence ministry.\n\n"
             "The town sits on the main road between the port and the mining districts, and its loss cuts the "
             "army's supply line to the north.",
     "url": "https://wire-a.example/marlow", "title": "Rebels take Marlow", "published": "2024-03-12",
     "outlet": "Wire A"},
    {"text": "Residents described a night of heavy shelling before the government garrison pulled back.\n\n"
             "On Monday rebels captured the town of Marlow, residents told reporters by telephone from the "
             "market square.\n\n"
             "Aid groups said 4,000 people had fled the area since the weekend, most of them to camps near the "
             "border.\n\n"
             "The government has not commented on the loss of the town, which lies on the main road north.",
     "url": "https://paper-b.example/marlow", "title": "Marlow falls", "published": "2024-03-12",
     "outlet": "Paper B"},
]


def test_timeline_command_merges_outlets_and_filters(db, tmp_path):
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in WIRE) + "\n", encoding="utf-8")
    assert run_cli("ingest", str(corpus), "--db", db).returncode == 0

    lines = run_cli("timeline", "--db", db, "--format", "jsonl").stdout.decode().splitlines()
    entries = [json.loads(line) for line in lines]
    captured = [e for e in entries if e["kind"] == "event" and e["trigger"] == "captured"]
    assert len(captured) == 1, entries
    assert captured[0]["date"] == "2024-03-11"  # the Monday before publication, not the publication date
    assert {s["outlet"] for s in captured[0]["sources"]} == {"Wire A", "Paper B"}
    assert any(e["kind"] == "statement" and "Baptiste" in (e["speaker"]["name"] or "") for e in entries)

    only_fights = [json.loads(line) for line in
                   run_cli("timeline", "--db", db, "--type", "fight", "--format", "jsonl").stdout.decode().splitlines()]
    assert only_fights and all(e["kind"] == "event" and e["type"] == "FIGHT" for e in only_fights)

    table = run_cli("timeline", "--db", db, "--search", "Marlow").stdout.decode()
    assert "FIGHT/occupy" in table and "Wire A" in table and "2024-03-11" in table

    store = open_store(db)
    try:
        fled = [e for e in store.events(search="fled") if e["trigger"]["text"] == "fled"]
        assert fled and fled[0]["quantities"][0]["number"] == 4000
        # "since the weekend" is 2024-W10-WE: it orders and filters by its first day, not as a string
        assert (fled[0]["date"], fled[0]["day"]) == ("2024-W10-WE", "2024-03-09")
        assert any(e["trigger"]["text"] == "fled" for e in store.events(until="2024-03-09"))
        assert not any(e["trigger"]["text"] == "fled" for e in store.events(since="2024-03-10"))
        days = [e["day"] for e in store.events()]
        known = [d for d in days if d is not None]
        assert known == sorted(known) and days[: len(known)] == known  # by day, unknown days last
        article = store.get_article(captured[0]["sources"][0]["article_id"])
        assert any(e["trigger"]["text"] == "captured" for e in article["events"])
        assert store.stats()["events"] >= 3
        later = store.events(since="2024-03-12", type="FIGHT")
        assert all(e["day"] >= "2024-03-12" for e in later)
        assert not any(e["trigger"]["text"] == "captured" for e in later)
        # a month as the upper bound includes its last day; a malformed bound is an error, not an empty answer
        assert any(e["trigger"]["text"] == "captured" for e in store.events(until="2024-03"))
        assert not any(e["trigger"]["text"] == "captured" for e in store.events(until="2024-02"))
        assert store.search("Marlow", until="2024-03") and not store.search("Marlow", until="2024-02")
        for bad in ({"since": "notadate"}, {"until": "2024-13-45"}):
            with pytest.raises(QueryError, match="must be a date"):
                store.events(**bad)
            with pytest.raises(QueryError, match="must be a date"):
                store.search("Marlow", **bad)
    finally:
        store.close()
    shown = run_cli("show", captured[0]["sources"][0]["article_id"], "--db", db).stdout.decode()
    assert "events (" in shown and "FIGHT" in shown
