"""The optional span tagger: how its spans are decoded, and what its spans do to the rules' quotes. The
merging is tested with hand-made taggings (no torch needed); the shipped model only when the ``tagger``
extra is installed."""

from __future__ import annotations

import numpy as np
import pytest

from newsloom.nlp import extract_quotes, load_nlp
from newsloom.nlp.span_tagger import (
    BEGIN,
    INSIDE,
    OUTSIDE,
    ROLES,
    WINDOW,
    TaggedSpan,
    Tagging,
    available,
    decode,
    default_span_tagger,
    window_starts,
)
from newsloom.nlp.tagged import supported, tagged_quotes, with_tagged_sources

TEXT = "Smith doubts the plan will work. The weather was fine.\n\nJones left early."


def tagging(text: str, spans: dict[str, list[tuple[str, float]]]) -> Tagging:
    """A tagging of ``text`` with the given (words, confidence) spans per role, one piece per word."""
    words = [(i, i + len(w)) for i, w in _words(text)]
    inside = np.zeros((len(words), len(ROLES)))
    found = {role: [] for role in ROLES}
    for role, items in spans.items():
        for phrase, confidence in items:
            start = text.index(phrase)
            found[role].append(TaggedSpan(start, start + len(phrase), confidence))
            for k, (a, b) in enumerate(words):
                if a >= start and b <= start + len(phrase):
                    inside[k, ROLES.index(role)] = confidence
    return Tagging(found, np.array(words), inside)


def _words(text: str):
    import re

    return [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]


@pytest.fixture(scope="module")
def doc():
    return load_nlp()(TEXT)


def test_a_confident_tagged_attribution_becomes_a_quote(doc):
    spans = tagging(TEXT, {"source": [("Smith", 0.95)], "cue": [("doubts", 0.9)], "content": [("the plan will work", 0.9)]})
    added = tagged_quotes(doc, [], spans, [], _resolver(doc))
    assert [(q.text, q.cue.text, q.source.text, q.speaker.name) for q in added] == [
        ("the plan will work", "doubts", "Smith", "Smith")]
    assert added[0].kind == "indirect"
    assert added[0].act == "belief"  # "doubt" reports a belief, not a statement


def test_the_parse_names_the_source_when_the_tagger_marks_none(doc):
    spans = tagging(TEXT, {"cue": [("doubts", 0.9)], "content": [("the plan will work", 0.9)]})
    (quote,) = tagged_quotes(doc, [], spans, [], _resolver(doc))
    assert quote.source.text == "Smith"


@pytest.mark.parametrize("spans", [
    # not confident enough
    {"source": [("Smith", 0.95)], "cue": [("doubts", 0.5)], "content": [("the plan will work", 0.9)]},
    {"source": [("Smith", 0.95)], "cue": [("doubts", 0.9)], "content": [("the plan will work", 0.6)]},
    # no cue at all, or only one in another paragraph
    {"source": [("Smith", 0.95)], "content": [("the plan will work", 0.9)]},
    {"cue": [("left", 0.9)], "content": [("the plan will work", 0.9)]},
])
def test_no_quote_without_a_confident_cue_in_the_paragraph(doc, spans):
    assert tagged_quotes(doc, [], tagging(TEXT, spans), [], _resolver(doc)) == []


def test_a_content_the_rules_already_cover_is_left_to_them(doc):
    spans = tagging(TEXT, {"source": [("Smith", 0.95)], "cue": [("doubts", 0.9)], "content": [("the plan will work", 0.9)]})
    (first,) = tagged_quotes(doc, [], spans, [], _resolver(doc))
    assert tagged_quotes(doc, [first], spans, [], _resolver(doc)) == []


def test_a_rule_quote_whose_cue_the_tagger_rules_out_is_dropped():
    text = "Officials said the road will reopen on Monday."
    parsed = load_nlp()(text)
    (quote,) = extract_quotes(parsed, span_tagger=False)
    assert quote.cue.text == "said"
    assert supported([quote], tagging(text, {"cue": [("said", 0.6)]})) == [quote]
    assert supported([quote], tagging(text, {"cue": [("said", 0.01)]})) == []


def test_a_near_sure_tagged_source_sets_the_source_phrase_but_not_the_speaker():
    text = "Ed Rendell, a former governor, said the race was close."
    (quote,) = extract_quotes(load_nlp()(text), span_tagger=False)
    speaker = quote.speaker
    assert quote.source.text == "Ed Rendell, a former governor"
    # not sure enough: the rules' phrase stays
    (kept,) = with_tagged_sources(text, [quote], tagging(text, {"source": [("Ed Rendell", 0.9)]}))
    assert kept.source.text == "Ed Rendell, a former governor"
    (moved,) = with_tagged_sources(text, [quote], tagging(text, {"source": [("Ed Rendell", 0.99)]}))
    assert (moved.source.text, moved.source.start, moved.source.end) == ("Ed Rendell", 0, 10)
    assert moved.speaker == speaker
    assert quote.source.text == "Ed Rendell, a former governor"  # a new quote; the rules' one is kept as it was
    # two sure sources over one phrase: no telling which, the phrase stays
    two = tagging(text, {"source": [("Ed Rendell", 0.99), ("a former governor", 0.99)]})
    assert with_tagged_sources(text, [quote], two)[0].source.text == "Ed Rendell, a former governor"


def test_decode_reads_bio_tags_into_trimmed_spans():
    text = "He said: “We won.” Then"
    offsets = [(a, a + len(w)) for a, w in _words(text)]  # He, said:, “We, won.”, Then
    tags = [OUTSIDE, BEGIN, BEGIN, INSIDE, OUTSIDE]
    log_probs = np.full((len(offsets), len(ROLES), 3), np.log(0.05))
    for k, tag in enumerate(tags):
        log_probs[k, 1, tag] = np.log(0.9)
    spans = decode(log_probs, offsets, text, 1)
    assert [text[s.start : s.end] for s in spans] == ["said", "We won"]  # marks and punctuation trimmed
    assert spans[0].confidence == pytest.approx(0.95)


def test_windows_cover_every_piece_and_overlap():
    for n in (1, WINDOW, WINDOW + 1, 1000):
        starts = window_starts(n)
        covered = set()
        for s in starts:
            covered.update(range(s, min(s + WINDOW, n)))
        assert covered == set(range(n))
        assert all(b - a < WINDOW for a, b in zip(starts, starts[1:]))


def test_the_tagger_is_off_unless_switched_on(monkeypatch):
    monkeypatch.delenv("NEWSLOOM_TAGGER", raising=False)
    assert default_span_tagger() is None


def _resolver(doc):
    from newsloom.nlp.speakers import SpeakerResolver

    return SpeakerResolver(doc, [])


@pytest.mark.skipif(not available(), reason="the tagger extra (torch, transformers, MiniLM) is not installed")
def test_the_shipped_tagger_reads_an_attribution(monkeypatch):
    monkeypatch.setenv("NEWSLOOM_TAGGER", "minilm")
    tagger = default_span_tagger()
    text = "“We will not raise taxes,” the governor said on Tuesday. Critics doubt the promise will hold."
    found = tagger.tag(text)
    assert "said" in {text[s.start : s.end] for s in found.spans["cue"]}
    assert "the governor" in {text[s.start : s.end] for s in found.spans["source"]}
    assert found.support("cue", text.index("said"), text.index("said") + 4) > 0.5
    assert found.support("cue", 0, 3) < 0.5  # "We" is no cue


@pytest.mark.skipif(not available(), reason="the tagger extra (torch, transformers, MiniLM) is not installed")
@pytest.mark.parametrize("rank", [None, 4])  # the shipped weights; adapters of another rank, made up here
def test_folding_the_adapters_in_keeps_the_outputs(tmp_path, rank):
    import torch
    from safetensors.torch import load_file, save_file

    from newsloom.nlp.span_tagger import (
        WEIGHTS,
        SpanTagger,
        adapter_rank,
        batch,
        build_network,
        framed,
        pieces,
        trained_state,
    )

    weights = WEIGHTS
    if rank is not None:
        torch.manual_seed(0)
        made = build_network(rank)
        with torch.no_grad():
            for name, p in made.named_parameters():
                if name.endswith(".b"):  # (zeros at the start of training: the adapters would change nothing)
                    p.normal_(0, 0.02)
        weights = tmp_path / "rank4.safetensors"
        save_file({k: v.half().contiguous() for k, v in trained_state(made).items()}, str(weights))
    state = {k: v.float() for k, v in load_file(str(weights)).items()}
    if rank is not None:
        assert adapter_rank(state) == rank
    tagger = SpanTagger(weights)
    adapted = build_network(adapter_rank(state))
    adapted.load_state_dict(state, strict=False)
    adapted.eval()
    ids, _ = pieces(tagger.tokenizer, "The minister said the talks would resume in March, aides confirmed.")
    x, mask, _ = batch([framed(tagger.tokenizer, ids, 0)])
    with torch.inference_mode():
        assert torch.allclose(adapted(x, mask), tagger.network(x, mask), atol=1e-4)
