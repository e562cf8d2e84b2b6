"""Measure a learned sequence view over a page's lines: a bidirectional GRU stacked on the line model.

    .venv/bin/pip install torch==2.13.0                          # the CPU wheel from local disk
    .venv/bin/python training/train_line_model.py --oof-only     # writes .cache/line-oof.pkl
    .venv/bin/python training/line_sequence_oof.py [HIDDEN] [EPOCHS]   # default 64 12, ~25 min on 2 cores

Each page is a sequence of lines; each line reads its stage-1 shape features and the logit of the shipped
second stage's out-of-fold probability, and the GRU, reading the whole page in both directions, learns a
correction to that logit (so that it starts from the line model and sees farther than its ±3-line windows).
Fitted out of fold over the train pages with the line model's folds, then on all train pages for the tune
pages, and scored with every post-rule against the line model's own probabilities on the same pages. Not
shipped: it scored below the line model (docs/benchmarks.md, session of 2026-12-04, ninth).
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from newsloom.clean.lines import shape_features  # noqa: E402
from newsloom.evaluation.metrics import macro_prf, shingle_counts  # noqa: E402
from newsloom.evaluation.pages import LabelledPage  # noqa: E402
from train_line_model import FOLDS, OOF_FILE, cleaned_body, labelled_splits, page_weights  # noqa: E402

HIDDEN = int(sys.argv[1]) if len(sys.argv) > 1 else 64
EPOCHS = int(sys.argv[2]) if len(sys.argv) > 2 else 12
PAGES_PER_BATCH = 8


class LineSequence(nn.Module):
    def __init__(self, n_features: int) -> None:
        super().__init__()
        self.project = nn.Sequential(nn.Dropout(0.1), nn.Linear(n_features, HIDDEN), nn.ReLU())
        self.gru = nn.GRU(HIDDEN, HIDDEN, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * HIDDEN, 1)

    def forward(self, x: torch.Tensor, base_logit: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        packed = nn.utils.rnn.pack_padded_sequence(self.project(x), lengths, batch_first=True, enforce_sorted=False)
        hidden, _ = self.gru(packed)
        hidden, _ = nn.utils.rnn.pad_packed_sequence(hidden, batch_first=True, total_length=x.shape[1])
        return self.out(hidden).squeeze(-1) + base_logit


def page_inputs(page: LabelledPage, repeats: list[int], probs: np.ndarray) -> np.ndarray:
    p = np.clip(probs, 1e-4, 1 - 1e-4)
    return np.hstack([shape_features(page.lines, repeats), np.log(p / (1 - p))[:, None]]).astype(np.float32)


def batches(items: list[tuple], order: np.ndarray):
    for start in range(0, len(order), PAGES_PER_BATCH):
        chosen = [items[i] for i in order[start : start + PAGES_PER_BATCH]]
        yield (
            *(nn.utils.rnn.pad_sequence([item[k] for item in chosen], batch_first=True) for k in range(4)),
            torch.tensor([len(item[0]) for item in chosen]),
        )


def main() -> None:
    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    oof = pickle.loads(OOF_FILE.read_bytes())
    train, tune, repeats = labelled_splits()
    stage2 = {id(p): oof[(p.page.dataset, p.page.page_id)] for p in train + tune}
    inputs = {id(p): page_inputs(p, repeats[id(p)], stage2[id(p)]) for p in train + tune}
    stacked = np.vstack([inputs[id(p)] for p in train])
    mean, scale = stacked.mean(0), stacked.std(0) + 1e-6

    def tensors(page: LabelledPage) -> tuple:
        x = inputs[id(page)]
        return (torch.tensor((x - mean) / scale), torch.tensor(x[:, -1]),
                torch.tensor(np.array(page.labels, dtype=np.float32)),
                torch.tensor(page_weights(page).astype(np.float32)))

    def fit(pages: list[LabelledPage]) -> LineSequence:
        items = [tensors(p) for p in pages if p.lines]
        model = LineSequence(stacked.shape[1])
        optimiser = torch.optim.Adam(model.parameters(), lr=2e-3, weight_decay=1e-5)
        for _ in range(EPOCHS):
            for x, base, y, w, lengths in batches(items, rng.permutation(len(items))):
                loss_per_line = nn.functional.binary_cross_entropy_with_logits(model(x, base, lengths), y, reduction="none")
                loss = (loss_per_line * w).sum() / len(lengths)
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
        return model.eval()

    def predict(model: LineSequence, page: LabelledPage) -> np.ndarray:
        if not page.lines:
            return np.zeros(0)
        x, base, _, _ = tensors(page)
        with torch.no_grad():
            return torch.sigmoid(model(x[None], base[None], torch.tensor([len(x)]))[0]).numpy()

    sequence: dict[int, np.ndarray] = {}
    fold_of = np.arange(len(train)) % FOLDS  # the line model's folds
    for fold in range(FOLDS):
        model = fit([p for i, p in enumerate(train) if fold_of[i] != fold])
        sequence.update({id(p): predict(model, p) for i, p in enumerate(train) if fold_of[i] == fold})
    model = fit(train)
    sequence.update({id(p): predict(model, p) for p in tune})

    pages = train + tune
    table = Table(title=f"Line model vs a GRU over the lines ({HIDDEN} hidden, {EPOCHS} epochs), every post-rule, "
                        f"{len(pages)} train + tune pages out of fold")
    for column in ("probabilities", "threshold", "F1", "scrapinghub", "WCXB"):
        table.add_column(column)
    for name, probs in (("line model (shipped)", stage2), ("GRU over the lines", sequence)):
        for threshold in (0.3, 0.4, 0.5):
            counts = [shingle_counts(p.page.body, cleaned_body(p, probs[id(p)], threshold, repeats[id(p)]))
                      for p in pages]
            per = [macro_prf(c for c, p in zip(counts, pages) if p.page.dataset == d).f1 for d in ("scrapinghub", "wcxb")]
            table.add_row(name, f"{threshold:.1f}", f"{macro_prf(counts).f1:.4f}", f"{per[0]:.4f}", f"{per[1]:.4f}")
    Console().print(table)


if __name__ == "__main__":
    main()
