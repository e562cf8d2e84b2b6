"""The content boundary and cue extent models: which cuts of a content and which ends of a cue they may
choose, and how a choice reaches the quote."""

from __future__ import annotations

import numpy as np
import pytest

from newsloom.nlp import extract_quotes, load_nlp
from newsloom.nlp.boundaries import (
    MAX_TOKENS,
    BoundaryModel,
    Columns,
    Cut,
    apply_cut,
    cuts,
    default_boundary_model,
)
from newsloom.nlp.cue_extent import CueExtentModel, cue_ends, default_cue_extent_model

SENTENCE = "The mayor said the bridge would reopen in May at a press conference on Friday."


@pytest.fixture(scope="module")
def doc():
    return load_nlp()(SENTENCE)


def content_bounds(doc):
    """Token bounds of "the bridge … Friday" (the clause "said" reports, as the parse gives it)."""
    start = next(t.i for t in doc if t.lower_ == "the" and t.i > 2)
    return start, len(doc) - 1  # without the full stop


def texts(doc, start, end, found):
    return {(c.side, doc[slice(*apply_cut(Columns(doc), start, end, c))].text) for c in found}


def test_cuts_keep_whole_phrases(doc):
    start, end = content_bounds(doc)
    found = texts(doc, start, end, cuts(Columns(doc), start, end))
    # the circumstances of the saying can go, one or both
    assert ("end", "the bridge would reopen in May at a press conference") in found
    assert ("end", "the bridge would reopen in May") in found
    # no cut leaves half a phrase behind: the article without its noun, a preposition without its object
    assert all(not text.endswith((" a", " at", " the")) for _, text in found)
    assert not any(text.startswith(("bridge", "conference")) for _, text in found)


def test_no_cut_inside_a_quotation(doc):
    start, end = content_bounds(doc)
    reopen = next(t.i for t in doc if t.text == "reopen")
    cols = Columns(doc, [(reopen, reopen + 3)])  # "reopen in May" quoted
    found = cuts(cols, start, end)
    assert found and all(not reopen < c.at < reopen + 3 for c in found)
    assert any(c.at < reopen + 3 for c in cuts(Columns(doc), start, end) if c.at > reopen)  # unquoted, one there


def test_short_and_very_long_contents_are_left_alone(doc):
    assert cuts(Columns(doc), 0, 2) == []
    long_doc = load_nlp()("The mayor said " + " and ".join(["the bridge would reopen in May"] * 25) + ".")
    assert len(long_doc) - 4 > MAX_TOKENS
    assert cuts(Columns(long_doc), 3, len(long_doc) - 1) == []
    assert cuts(Columns(long_doc), 3, 3 + 20)  # the same words, short enough, have cuts


class FixedScores:
    """A stand-in booster scoring the cuts in the order given."""

    def __init__(self, scores):
        self.scores = scores

    def predict(self, rows, num_threads=1):
        return np.array(self.scores[: len(rows)], dtype=float)


def test_the_best_cut_is_taken_only_above_the_threshold(doc):
    start, end = content_bounds(doc)
    found = cuts(Columns(doc), start, end)
    scores = [0.1] * len(found)
    best = next(k for k, c in enumerate(found) if doc[c.at].lower_ == "at" and c.side == "end")
    scores[best] = 0.7
    expected = apply_cut(Columns(doc), start, end, Cut("end", found[best].at))
    contents = [(start, end, "indirect", None)]
    assert BoundaryModel(FixedScores(scores), 0.5).refine(Columns(doc), contents) == [expected]
    assert BoundaryModel(FixedScores(scores), 0.8).refine(Columns(doc), contents) == [(start, end)]


def test_a_cut_reaches_the_quote_with_consistent_offsets(doc):
    no_cut = BoundaryModel(FixedScores([0.0] * 50), 0.5)  # scores every cut 0: the rules' extent
    plain = extract_quotes(doc, boundary_model=False)
    assert [(q.start, q.end) for q in extract_quotes(doc, boundary_model=no_cut)] == \
        [(q.start, q.end) for q in plain]
    first_cut = BoundaryModel(FixedScores([0.9] + [0.0] * 50), 0.5)
    [quote] = extract_quotes(doc, boundary_model=first_cut)
    assert quote.text == SENTENCE[quote.start : quote.end]
    assert plain[0].start <= quote.start and quote.end <= plain[0].end
    assert (quote.start, quote.end) != (plain[0].start, plain[0].end)
    assert quote.speaker.name == plain[0].speaker.name and quote.cue == plain[0].cue


def test_the_shipped_model_loads_and_keeps_a_plain_clause_whole():
    model = default_boundary_model()
    assert model is not None and 0 < model.threshold < 1
    doc = load_nlp()("The minister said the talks had failed.")
    [quote] = extract_quotes(doc)
    assert quote.text == "the talks had failed"


# -- where a cue ends --------------------------------------------------------------------------------------

def test_cue_ends_run_from_the_head_to_the_content():
    doc = load_nlp()("The senator spoke out sharply against the plan on Monday.")
    cols = Columns(doc)
    cue = (2, 4)  # "spoke out"
    content = (6, 8)  # "the plan"
    ends = cue_ends(cols, cue, content)
    assert [doc[cue[0] : r].text for r in ends] == ["spoke", "spoke out", "spoke out sharply",
                                                     "spoke out sharply against"]


def test_a_cue_after_its_content_may_take_words_up_to_the_next_punctuation():
    doc = load_nlp()("“We will win,” she said in an interview on Monday, smiling.")
    cols = Columns(doc)
    said = next(t.i for t in doc if t.text == "said")
    ends = cue_ends(cols, (said, said + 1), (1, 4))
    assert doc[said : ends[-1]].text == "said in an interview on Monday"
    assert all(not cols.punct[r - 1] for r in ends)


def test_the_cue_extent_model_moves_an_end_only_to_a_new_end_above_its_threshold():
    doc = load_nlp()("The senator spoke out sharply against the plan.")
    pair = ((2, 4), (6, 8))
    # candidates: spoke | spoke out (current) | … sharply | … against
    to_against = CueExtentModel(FixedScores([0.1, 0.3, 0.2, 0.6]), 0.5)
    assert to_against.refine(Columns(doc), [pair]) == [(2, 6)]
    assert CueExtentModel(FixedScores([0.1, 0.3, 0.2, 0.6]), 0.7).refine(Columns(doc), [pair]) == [(2, 4)]
    current_best = CueExtentModel(FixedScores([0.1, 0.9, 0.2, 0.6]), 0.5)
    assert current_best.refine(Columns(doc), [pair]) == [(2, 4)]


def test_the_shipped_cue_extent_model_keeps_a_plain_said():
    assert default_cue_extent_model() is not None
    [quote] = extract_quotes(load_nlp()("The minister said the talks had failed."))
    assert quote.cue.text == "said"
