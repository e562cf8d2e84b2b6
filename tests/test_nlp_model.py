"""The English pipeline newsloom loads: the cached attribute ruler must annotate exactly as spaCy's own."""

from __future__ import annotations

import spacy

from newsloom.nlp import load_nlp
from newsloom.nlp.cached import CachedAttributeRuler
from newsloom.nlp.model import MODEL_NAME
from tests.conftest import SAMPLE, SEEDS

#: forms the model's multi-token and dependency rules are about ("gon na", "ai n't", "There are", "Let 's",
#: "y' all", "nothin'", "I"/"it" as subject and object, "that" as a pronoun), plus spaces and newlines
TRICKY = (
    "We're gonna win, and y'all ain't seen nothin' yet,\" she said.  Let's go.\n\nThere are 3 reasons. "
    "It was that which mattered to me, and I told it to them. Did they? They did not do it, but they have "
    "done so before. Whether or not he wins, those who voted will be heard; that is what he said.\n"
)


def _texts() -> list[str]:
    texts = [TRICKY]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SAMPLE.rglob("*.txt"))]
    if SEEDS.is_dir():
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SEEDS.iterdir()) if p.is_file()]
    return texts


def test_cached_rule_components_change_nothing():
    reference = spacy.load(MODEL_NAME)
    reference.add_pipe("newsloom_paragraphs", before="parser")  # the one other difference, by design (below)
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), CachedAttributeRuler)
    assert nlp.pipe_names == reference.pipe_names
    compared = 0
    texts = _texts()
    # twice over: the second pass answers from the caches the first one filled
    for _ in range(2):
        for ours, theirs in zip(nlp.pipe(texts), reference.pipe(texts), strict=True):
            for a, b in zip(ours, theirs, strict=True):
                assert (a.pos_, str(a.morph), a.lemma_, a.dep_) == (b.pos_, str(b.morph), b.lemma_, b.dep_), a.text
                compared += 1
    assert compared == 2 * sum(len(nlp.make_doc(t)) for t in texts) > 1000


def test_a_paragraph_break_always_ends_a_sentence():
    # without the break component spaCy's parser joins these into one sentence and hangs the quotation on
    # "said" as the clause it reports
    text = ("“There has been a natural donor base for someone willing to take on a person seen as a failed "
            "leader.”\n\nOkafor, who has already sent fundraising pleas, said she may campaign for him.")
    assert len(list(spacy.load(MODEL_NAME)(text).sents)) == 1
    sentences = list(load_nlp()(text).sents)
    assert len(sentences) == 2 and sentences[1].text.startswith("Okafor")
