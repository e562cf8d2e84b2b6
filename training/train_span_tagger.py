"""Train the span tagger shipped as ``src/newsloom/nlp/data/span_tagger.safetensors``; choose its threshold.

    .venv/bin/pip install -e '.[tagger]'
    .venv/bin/python training/train_span_tagger.py [--epochs 5] [--out FILE]   # ~50 min on 2 cores
    .venv/bin/python training/train_span_tagger.py --choose [--weights FILE]   # ~3 min
    .venv/bin/python training/train_span_tagger.py --all --epochs 6.4           # the shipped refit, ~97 min
    (--bf16: bfloat16 autocast, ~1.7x faster a step where the CPU has avx512_bf16; --attention-dropout 0 about
    halves a step again; --rank R: adapters of another rank. docs/benchmarks.md says how such weights compare)

PolNeAR *train*, articles i % 5 != 0 (672): the held-out fifth (i % 5 == 0, 168 articles) chooses the
thresholds of :mod:`newsloom.nlp.tagged` and is never trained on; dev is only scored, by
``bench/quotes.py``. Each role's gold spans (outer bounds of discontinuous ones; of overlapping spans of one
role the longest) become B/I tags on MiniLM's word pieces. LoRA adapters (rank 16) on every projection, the
layer norms and the output layer train with AdamW (lr 1e-3, 50 warm-up steps, linear decay, batch 16,
B and I weighted 2 against O), seed 0. ``--choose`` scores the held-out fifth as the benchmark does: the
tagger's own spans, the rules alone, the rules with the tagger's quotes at each confidence threshold, then
(at the best of those) with the rules' quotes dropped under each cue support threshold, then (at both) with
the rules' source phrases replaced by tagged sources at each override confidence; it prints the three it
chooses, for :mod:`newsloom.nlp.tagged`.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from newsloom.evaluation.metrics import prf  # noqa: E402
from newsloom.evaluation.polnear import GoldArticle, polnear_articles, trim_span  # noqa: E402
from newsloom.nlp import span_tagger, tagged  # noqa: E402
from newsloom.nlp.quotes import extract_quotes  # noqa: E402
from quotes import outer, prediction, score  # noqa: E402

ROLES = span_tagger.ROLES
THRESHOLDS = [0.5, 0.7, 0.8, 0.85, 0.9, 0.95]
SUPPORTS = [0.02, 0.05, 0.1, 0.2, 0.3, 0.5]
OVERRIDES = [0.9, 0.95, 0.98]
#: PolNeAR train's article count: weights trained on this many saw the held-out fifth
HELD_OUT_TOTAL = 840


def held_out_split(articles: list[GoldArticle], fold: int = 0) -> tuple[list[GoldArticle], list[GoldArticle]]:
    """(trained on, held out): fold 0 is the same fifth as the other quote models' scripts; another fold
    compares training recipes on a second fifth (the rules' models saw it, as they saw fold 0)."""
    return [a for i, a in enumerate(articles) if i % 5 != fold], [a for i, a in enumerate(articles) if i % 5 == fold]


def trained_on(count: int, fold: int = 0) -> str:
    """What the weights' metadata says they saw (``--choose`` reads it)."""
    which = "all articles, the held-out fifth included" if count == HELD_OUT_TOTAL else f"i % 5 != {fold}"
    return f"PolNeAR train, {which} ({count} articles)"


def tags_of(tokenizer, article: GoldArticle) -> tuple[list[int], np.ndarray]:  # noqa: ANN001
    ids, offsets = span_tagger.pieces(tokenizer, article.text)
    tags = np.zeros((len(ids), len(ROLES)), dtype=np.int64)
    for r, role in enumerate(ROLES):
        spans = {o for o in (outer(getattr(g, role)) for g in article.attributions) if o}
        taken = np.zeros(len(ids), bool)
        for start, end in sorted(spans, key=lambda s: s[0] - s[1]):  # longest first
            pieces = [i for i, (a, b) in enumerate(offsets) if a >= start and b <= end and b > a]
            if not pieces or taken[pieces].any():
                continue
            taken[pieces] = True
            tags[pieces[0], r] = span_tagger.BEGIN
            tags[pieces[1:], r] = span_tagger.INSIDE
    return ids, tags


def windows(tokenizer, ids: list[int], tags: np.ndarray) -> list[tuple[list[int], np.ndarray]]:  # noqa: ANN001
    none = np.full((1, len(ROLES)), -100)
    return [(span_tagger.framed(tokenizer, ids, s), np.concatenate([none, tags[s : s + span_tagger.WINDOW], none]))
            for s in span_tagger.window_starts(len(ids))]


def train(articles: list[GoldArticle], epochs: float, out: Path, bf16: bool = False,
          rank: int = span_tagger.LORA_RANK, attention_dropout: float = 0.1, fold: int = 0) -> None:
    import torch
    from safetensors.torch import save_file
    from transformers import AutoTokenizer

    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    tokenizer = AutoTokenizer.from_pretrained(span_tagger.encoder_dir())
    items = [w for a in articles for w in windows(tokenizer, *tags_of(tokenizer, a))]
    network = span_tagger.build_network(rank)
    # MiniLM's own dropout on the attention probabilities is 0.1 (the shipped weights' recipe). With any,
    # torch's fused attention takes its slow path: the first 50 bfloat16 steps took 99 s, against 42 s at 0,
    # on a 2-core Xeon with AMX (docs/benchmarks.md). The hidden layers' dropout stays.
    for layer in network.bert.encoder.layer:
        layer.attention.self.dropout.p = attention_dropout  # (what the fused attention is given)
    params = [p for p in network.parameters() if p.requires_grad]
    print(f"{len(articles)} articles, {len(items)} windows, {sum(p.numel() for p in params)} trained numbers")
    optimizer = torch.optim.AdamW(params, lr=1e-3, weight_decay=0.01)
    size = 16
    steps = max(1, int(math.ceil(len(items) / size) * epochs))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / 50) * max(0.0, 1 - s / steps))
    loss_of = torch.nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0, 2.0]), ignore_index=-100)
    network.train()
    step, started = 0, time.time()
    while step < steps:
        random.shuffle(items)
        for b in range(0, len(items), size):
            if step >= steps:
                break
            chunk = items[b : b + size]
            ids, mask, tags = span_tagger.batch([i for i, _ in chunk], [t for _, t in chunk])
            # bfloat16 autocast: the matrix products in bfloat16 where the CPU has them (avx512_bf16), the loss
            # and the weights' updates in float32
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                scores = network(ids, mask)
            loss = loss_of(scores.float().reshape(-1, 3), tags.reshape(-1))
            loss.backward()
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"step {step}/{steps} loss {loss.item():.4f} {time.time() - started:.0f} s", flush=True)
    state = {k: v.half().contiguous() for k, v in span_tagger.trained_state(network).items()}
    save_file(state, str(out), metadata={"trained_on": trained_on(len(articles), fold), "epochs": str(epochs),
                                         "attention_dropout": str(attention_dropout), "rank": str(rank),
                                         "autocast": "bfloat16" if bf16 else "none"})
    print(f"wrote {out}")


class Replay:
    """A tagger that answers with what it tagged before (the threshold sweep tags each article once)."""

    def __init__(self, taggings: dict[str, span_tagger.Tagging]) -> None:
        self.taggings = taggings

    def tag(self, text: str) -> span_tagger.Tagging:
        return self.taggings[text]


def choose(held: list[GoldArticle], weights: Path, fold: int = 0) -> None:
    from safetensors import safe_open

    from train_cue_lexicon import parsed_train

    with safe_open(str(weights), "np") as f:
        seen = (f.metadata() or {}).get("trained_on", "")
    print(f"weights {weights}: trained on {seen or 'unknown'}")
    if "held-out fifth included" in seen or f"i % 5 != {fold}" not in seen:
        print("WARNING: these weights saw the held-out fifth (or do not say what they saw); its scores below "
              "flatter them (train with --out F [--fold K] and pass --weights F [--fold K] to choose thresholds)")
    tagger = span_tagger.SpanTagger(weights)
    docs = {a.name: d for a, d in parsed_train()}
    started = time.time()
    taggings = {a.text: tagger.tag(a.text) for a in held}
    words = sum(len(a.text.split()) for a in held)
    print(f"tagged {len(held)} held-out articles: {words / (time.time() - started):.0f} words/s")
    for role in ROLES:
        gold = [{trim_span(a.text, *o) for o in (outer(getattr(g, role)) for g in a.attributions) if o}
                for a in held]
        got = [{(s.start, s.end) for s in taggings[a.text].spans[role]} for a in held]
        m = prf(sum(len(g & p) for g, p in zip(gold, got)), sum(len(p - g) for g, p in zip(gold, got)),
                sum(len(g - p) for g, p in zip(gold, got)))
        print(f"  tagger alone, {role}: F1 {m.f1:.4f} (P {m.precision:.3f} R {m.recall:.3f})")

    def predict(threshold: float | None, support: float, override: float) -> object:
        if threshold is not None:  # (None: the rules alone)
            tagged.MIN_CONFIDENCE, tagged.MIN_CUE_SUPPORT, tagged.MIN_SOURCE_OVERRIDE = threshold, support, override

        def run(article: GoldArticle, nlp) -> list[dict]:  # noqa: ANN001
            found = extract_quotes(docs[article.name], span_tagger=Replay(taggings) if threshold is not None else False)
            return [prediction(q) for q in found]
        return run

    shipped = tagged.MIN_CONFIDENCE, tagged.MIN_CUE_SUPPORT, tagged.MIN_SOURCE_OVERRIDE
    print("held-out fifth, as bench/quotes.py scores (confidence: of the tagger's new quotes; support: the")
    print("cue probability under which a quote of the rules is dropped, 0 none; override: the confidence at")
    print("which a tagged source's extent replaces the rules' source phrase, 'off' never):")
    off = math.inf

    def mean_of(threshold: float | None, support: float, override: float) -> float:
        r = score(held, predict(threshold, support, override), None)
        name = "rules alone" if threshold is None else (
            f"confidence {threshold}, support {support}, override {'off' if override == off else override}")
        mean = (r["source"].f1 + r["cue"].f1 + r["content"].f1) / 3
        print(f"  {name:30s} source {r['source'].f1:.4f} cue {r['cue'].f1:.4f} content {r['content'].f1:.4f} "
              f"overlap {r['overlap'].f1:.4f} direct/mixed {r['direct'].f1:.4f} speaker {r['speaker']:.4f} "
              f"(mean of the exact three {mean:.4f})", flush=True)
        return mean

    mean_of(None, 0.0, off)
    # in stages: the confidence at support 0; then the smallest support within 0.001 of the best mean at that
    # confidence (it drops the fewest quotes of the rules); then, at those two, the best override
    by_confidence = {t: mean_of(t, 0.0, off) for t in THRESHOLDS}
    confidence = max(THRESHOLDS, key=by_confidence.get)
    by_support = {0.0: by_confidence[confidence]} | {s: mean_of(confidence, s, off) for s in SUPPORTS}
    support = min(s for s, m in by_support.items() if m >= max(by_support.values()) - 0.001 - 1e-9)
    by_override = {o: mean_of(confidence, support, o) for o in OVERRIDES}
    override = max(OVERRIDES, key=by_override.get)
    print(f"chosen: confidence {confidence}, support {support}, override {override}; shipped now "
          f"(tagged.MIN_CONFIDENCE, MIN_CUE_SUPPORT, MIN_SOURCE_OVERRIDE): {', '.join(map(str, shipped))}")
    tagged.MIN_CONFIDENCE, tagged.MIN_CUE_SUPPORT, tagged.MIN_SOURCE_OVERRIDE = shipped


def cpu_has_bf16() -> bool | None:
    """Whether the CPU multiplies bfloat16 natively (Linux's CPU flags; None where they cannot be read)."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return None
    return "avx512_bf16" in flags or "amx_bf16" in flags


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=float, default=5)
    parser.add_argument("--out", type=Path, default=span_tagger.WEIGHTS)
    parser.add_argument("--choose", action="store_true", help="score the held-out fifth; no training")
    parser.add_argument("--weights", type=Path, default=span_tagger.WEIGHTS)
    parser.add_argument("--bf16", action="store_true",
                        help="bfloat16 autocast (~1.7x faster a step on a CPU with avx512_bf16; see docs/benchmarks.md)")
    parser.add_argument("--fold", type=int, default=0, choices=range(5),
                        help="the fifth held out (0: the one the thresholds are chosen on)")
    parser.add_argument("--rank", type=int, default=span_tagger.LORA_RANK, help="the LoRA adapters' rank")
    parser.add_argument("--attention-dropout", type=float, default=0.1,
                        help="dropout on attention probabilities (0: ~2x faster steps; see docs/benchmarks.md)")
    parser.add_argument("--all", action="store_true",
                        help="train on all 840 train articles, the held-out fifth included (once the thresholds "
                             "are chosen: --choose no longer scores such weights fairly)")
    args = parser.parse_args()
    if args.bf16 and cpu_has_bf16() is False:
        # without the instructions torch emulates bfloat16: a 2-core AMD EPYC without AVX-512 did fewer than 50
        # steps in 9 minutes (float32: ~3 s a step)
        parser.error("--bf16 needs a CPU with avx512_bf16 or amx_bf16 (this one has neither); train without it")
    fitted, held = held_out_split(polnear_articles("train"), args.fold)
    if args.choose:
        choose(held, args.weights, args.fold)
    else:
        train(fitted + held if args.all else fitted, args.epochs, args.out, bf16=args.bf16, rank=args.rank,
              attention_dropout=args.attention_dropout, fold=args.fold)


if __name__ == "__main__":
    main()
