"""Count the PolNeAR conventions the quote rules rest on, and where the extractor still loses cues.

    .venv/bin/python training/quote_conventions.py

Prints one table. Convention counts read the gold annotation of 4/5 of PolNeAR *train* (articles i % 5 != 0,
where the rules were written); the loss counts run the shipped extractor on the held-out fifth (i % 5 == 0).
The figures quoted in docs/benchmarks.md and in comments of ``newsloom.nlp.quotes`` come from here. Needs
../shared (and parses train once into .cache, as ``train_cue_lexicon.py`` does).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from newsloom.evaluation.polnear import trim_span  # noqa: E402
from newsloom.nlp import cues as cue_module  # noqa: E402
from newsloom.nlp.marks import quotation_spans  # noqa: E402
from newsloom.nlp.quotes import SPEECH_LEMMAS, extract_quotes  # noqa: E402
from quotes import jaccard, outer, tokens  # noqa: E402 - bench/quotes.py: the benchmark's own span measures
from train_cue_lexicon import parsed_train  # noqa: E402


def cue_roots(article, doc):  # noqa: ANN001, ANN201
    """(attribution, root token of its cue) for the gold attributions whose cue aligns with tokens."""
    for attribution in article.attributions:
        cue = outer(attribution.cue)
        span = doc.char_span(*cue, alignment_mode="expand") if cue else None
        if span is not None and len(span):
            yield attribution, span.root


def conventions(pairs) -> list[tuple[str, str]]:  # noqa: ANN001, C901 - one count per convention, flat on purpose
    c: Counter = Counter()
    for article, doc in pairs:
        text = article.text
        gold_cue_heads = {root.i for _, root in cue_roots(article, doc)}
        for attribution, verb in cue_roots(article, doc):
            cue, content, source = outer(attribution.cue), outer(attribution.content), outer(attribution.source)
            # a content right after a colon: does the cue reach the colon?
            if content and cue[1] <= content[0]:
                before = text[: content[0]].rstrip(" \n“\"‘'")
                colon = len(before) - 1
                if before.endswith(":") and cue[0] <= colon and colon - cue[1] <= 80 and not (
                        source and cue[1] <= source[0] < colon):
                    c["colon"] += 1
                    c["colon reached"] += not text[cue[1] : colon].strip()
            subject = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
            # "X seems/appears to …"
            if verb.lemma_ in ("seem", "appear") and verb.pos_ in ("VERB", "AUX") and any(
                    ch.dep_ == "xcomp" for ch in verb.children):
                c["appearance"] += 1
                c["appearance: no source, content from the subject"] += (
                    not source and subject is not None and content is not None and content[0] == subject.left_edge.idx)
                c["appearance: the subject is the source"] += bool(
                    source and subject is not None and source[0] <= subject.idx < source[1])
            # "ordered X to …": does the content start at X?
            obj = next((ch for ch in verb.rights if ch.dep_ == "dobj"), None)
            inf = next((ch for ch in verb.rights if ch.dep_ in ("xcomp", "ccomp") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in ch.children)), None)
            if content and obj is not None and inf is not None and obj.i < inf.i:
                c["object + infinitive"] += 1
                c["object + infinitive: content at the object"] += content[0] == obj.left_edge.idx
                c["object + infinitive: content at 'to'"] += content[0] == inf.left_edge.idx
            # a relative clause set off by a comma after the source's head: in the Source span?
            if source:
                head = doc.char_span(*trim_span(text, *source), alignment_mode="expand")
                for clause in (head.root.rights if head is not None and len(head) else ()):
                    if clause.dep_ == "relcl" and doc[clause.left_edge.i - 1].text == ",":
                        kind = "its verb a cue" if clause.i in gold_cue_heads else "describing"
                        c[f"source relcl, {kind}"] += 1
                        c[f"source relcl, {kind}: in the source"] += source[1] >= clause.right_edge.idx
            # "warned of …": the object of "of" as the content
            if verb.pos_ == "VERB" and not any(ch.dep_ in ("dobj", "ccomp", "xcomp") for ch in verb.children):
                prep = next((ch for ch in verb.rights if ch.dep_ == "prep" and ch.lower_ == "of"), None)
                pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep else None
                if pobj is not None and content:
                    c["cue + of, no object"] += 1
                    c["cue + of, no object: content at its object"] += content[0] == pobj.left_edge.idx
        # every verb + "of" without an object, cue or not (the rate a rule would fire at)
        for token in doc:
            if token.pos_ == "VERB" and not any(ch.dep_ in ("dobj", "ccomp", "xcomp") for ch in token.children):
                c["verb + of, no object"] += any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in token.rights)
    lexicon = cue_module.cue_lexicon()

    def share(part: str, whole: str) -> str:
        return f"{c[part]} of {c[whole]}"

    return [
        ("a content after a colon: the cue runs to the colon", share("colon reached", "colon")),
        ("'seems/appears to': no source, content from the subject",
         share("appearance: no source, content from the subject", "appearance")),
        ("'seems/appears to': the subject is the source", share("appearance: the subject is the source", "appearance")),
        ("'ordered X to …': content starts at X", share("object + infinitive: content at the object", "object + infinitive")),
        ("'ordered X to …': content starts at 'to'", share("object + infinitive: content at 'to'", "object + infinitive")),
        ("source + ', who …' (describing): clause in the Source",
         share("source relcl, describing: in the source", "source relcl, describing")),
        ("source + ', who …' (its verb a cue): clause in the Source",
         share("source relcl, its verb a cue: in the source", "source relcl, its verb a cue")),
        ("cue + 'of', no object: content is the object of 'of'",
         share("cue + of, no object: content at its object", "cue + of, no object")),
        ("verbs + 'of' without an object (all, cue or not)", str(c["verb + of, no object"])),
        ("shipped lexicon: lemmas whose cues run through the infinitive",
         str(sum(bool(v.get("through_infinitive")) for v in lexicon.values()))),
        ("shipped lexicon: lemmas with learned where/to-whom prepositions",
         str(sum(bool(v.get("circumstance_preps")) for v in lexicon.values()))),
    ]


_WEEKDAY = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)( (morning|afternoon|evening|night))?"
_IN_A_VENUE = r"in an? (?:[\w-]+ )?(interview|statement)"


#: a quotation ending in a comma (or ? !), a short attribution ending its sentence, another quotation opening
_SPLIT_AT_SENTENCE_END = re.compile(r'[,?!]["”]\s+[^"“”\n]{3,200}?[.]\s+["“]')


def layout_conventions(pairs) -> list[tuple[str, str]]:  # noqa: ANN001, C901 - one count per convention
    """The attributions no verb states (the layout's, a poll's) and two cue extents PolNeAR marks both ways."""
    from newsloom.nlp.layout import HEADLINE_SOURCE_NOUNS, _title_cased

    c: Counter = Counter()
    for article, _doc in pairs:
        text = article.text
        first_end = text.find("\n") if "\n" in text else len(text)
        label = re.match(r"^([A-Z][\w.'’&-]*(?:\s+[A-Za-z][\w.'’&-]*){0,3})\s*:", text)
        colon_cues = {outer(a.cue)[0] for a in article.attributions if a.cue}
        if label and label.group(1).lower() in HEADLINE_SOURCE_NOUNS:
            c["first line '<source noun>:'"] += 1
            c["first line '<source noun>:', annotated"] += label.end() - 1 in colon_cues
        if label and label.group(1).lower() in ("the latest", "breaking", "revealed"):
            c["first line 'The Latest:', 'Breaking:', 'Revealed:'"] += 1
            c["first line 'The Latest:', 'Breaking:', 'Revealed:', annotated"] += label.end() - 1 in colon_cues
        contents = [outer(a.content) for a in article.attributions if a.content]
        shared = Counter(trim_span(text, *s) for s in contents)
        c["contents"] += len(shared)
        c["contents of two or more attributions"] += sum(n > 1 for n in shared.values())
        for m in _SPLIT_AT_SENTENCE_END.finditer(text):
            c["'“A,” X said. “B”' in one paragraph"] += 1
            c["'“A,” X said. “B”': one content over both halves"] += any(
                s[0] <= m.start() and s[1] > m.end() for s in contents)
        for attribution in article.attributions:
            if not attribution.cue:
                continue
            start, end = trim_span(text, *outer(attribution.cue))
            cue, after = text[start:end], text[end : end + 40]
            c["gold cues"] += 1
            if not cue:
                c["cue of punctuation alone"] += 1
                c["cue of punctuation alone: a colon"] += text[slice(*outer(attribution.cue))].strip() == ":"
            if cue.lower() == "in":
                c["cue 'in'"] += 1
                source = outer(attribution.source)
                c["cue 'in': a poll or survey"] += bool(source and re.search(
                    r"\b(poll|polls|survey|surveys)\b", text[source[0] : source[1]], re.IGNORECASE))
            if start < first_end and cue[:1].isupper() and _title_cased(text[:first_end]):
                c["capitalised cue in a title-cased first line"] += 1
            if len(cue.split()) <= 2 and re.match(r"\s+" + _IN_A_VENUE, after):
                c["'said in an interview/statement': venue outside the cue"] += 1
            if re.search(r"\b" + _IN_A_VENUE + r"\b", cue):
                c["'said in an interview/statement': venue in the cue"] += 1
            if len(cue.split()) <= 2 and re.match(r"\s+" + _WEEKDAY + r"\b", after):
                c["weekday after the cue, outside it"] += 1
            if re.search(r"\b" + _WEEKDAY + "$", cue):
                c["weekday at the cue's end, inside it"] += 1
    return [(name, str(n)) for name, n in c.items()]


def losses(held) -> list[tuple[str, str]]:  # noqa: ANN001
    """Gold cues of the held-out fifth by what became of them, the cue model's 0.25–threshold band, quote
    texts that show half a pair of quotation marks, and gold contents by what became of them."""
    model = cue_module.default_cue_model()
    c: Counter = Counter()
    for article, doc in held:
        text = article.text
        quotes = extract_quotes(doc)
        got = {trim_span(text, q.cue.start, q.cue.end) for q in quotes if q.cue}
        quoted: set[int] = set()
        for s, e in quotation_spans(doc.text):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                quoted.update(range(span.start, span.end))
        verbs = [t for t in doc if t.pos_ in ("VERB", "AUX")]
        marks = cue_module.SentenceMarks(doc)
        x = np.array([cue_module.verb_features(doc, t, model.lexicon, SPEECH_LEMMAS, quoted, marks) for t in verbs],
                     dtype=np.float32)
        probability = dict(zip((t.i for t in verbs), model.booster.predict(x))) if verbs else {}
        heads = set()
        for attribution, root in cue_roots(article, doc):
            heads.add(root.i)
            span = trim_span(text, *outer(attribution.cue))
            c["gold cues"] += 1
            if span in got:
                c["exact"] += 1
            elif any(a < span[1] and b > span[0] for a, b in got):
                c["found, other extent"] += 1
            elif root.pos_ not in ("VERB", "AUX"):
                c[f"not a verb ({root.pos_ if root.pos_ in ('NOUN', 'ADP', 'ADJ', 'PROPN') else 'other'})"] += 1
            else:
                p = probability.get(root.i, 0.0)
                c["verb, model < 0.25" if p < 0.25 else f"verb, model 0.25–{model.threshold}" if p < model.threshold
                  else "verb the model takes, no quote built"] += 1
        for i, p in probability.items():
            if 0.25 <= p < model.threshold:
                c["band 0.25–threshold: gold cue heads" if i in heads else "band 0.25–threshold: other verbs"] += 1
        contents = [trim_span(text, q.start, q.end) for q in quotes]
        for attribution, root in cue_roots(article, doc):
            gold = outer(attribution.content)
            if not gold:
                continue
            gold = trim_span(text, *gold)
            c["gold contents"] += 1
            according = root.lower_ == "according"
            c["'according to' contents"] += according
            if gold in contents:
                c["content exact"] += 1
                c["'according to' contents exact"] += according
            elif max((jaccard(tokens(text, gold), tokens(text, s)) for s in contents), default=0.0) >= 0.5:
                c["content found, other extent"] += 1
            else:
                c["content with no prediction overlapping it"] += 1
                kind = ("noun cue" if root.pos_ == "NOUN" else "'be' + adjective cue"
                        if root.lemma_ == "be" and any(ch.dep_ == "acomp" for ch in root.children) else None)
                if kind:
                    c[f"content with no prediction overlapping it: {kind}"] += 1
        gold_per_content = Counter(trim_span(text, *outer(a.content)) for a in article.attributions if a.content)
        for content, n in Counter(contents).items():
            if n > 1:
                c["contents the extractor gives two or more quotes"] += 1
                c[f"contents the extractor gives two or more quotes: {min(gold_per_content[content], 2)} gold"] += 1
        for q in quotes:
            c["quotes"] += 1
            c["quotes with half a pair of marks"] += (q.text.count("“") != q.text.count("”")
                                                      or q.text.count('"') % 2 == 1)
    order = ["gold cues", "exact", "found, other extent", "verb, model < 0.25", f"verb, model 0.25–{model.threshold}",
             "verb the model takes, no quote built", "not a verb (NOUN)", "not a verb (ADP)", "not a verb (ADJ)",
             "not a verb (PROPN)", "not a verb (other)", "band 0.25–threshold: gold cue heads",
             "band 0.25–threshold: other verbs", "quotes", "quotes with half a pair of marks",
             "gold contents", "content exact", "content found, other extent", "content with no prediction overlapping it",
             "content with no prediction overlapping it: noun cue",
             "content with no prediction overlapping it: 'be' + adjective cue",
             "'according to' contents", "'according to' contents exact",
             "contents the extractor gives two or more quotes", "contents the extractor gives two or more quotes: 0 gold",
             "contents the extractor gives two or more quotes: 1 gold",
             "contents the extractor gives two or more quotes: 2 gold"]
    return [(name, str(c[name])) for name in order]


def main() -> None:
    pairs = parsed_train()
    fit = [p for i, p in enumerate(pairs) if i % 5]
    held = [p for i, p in enumerate(pairs) if not i % 5]
    table = Table(title="PolNeAR train: conventions (4/5 of train) and the extractor's losses (held-out fifth)")
    for col in ("count", "value"):
        table.add_column(col)
    for name, value in [*conventions(fit), *layout_conventions(fit)]:
        table.add_row(f"4/5 train — {name}", value)
    for name, value in losses(held):
        table.add_row(f"held-out — {name}", value)
    Console().print(table)


if __name__ == "__main__":
    main()
