"""Choose how the HTML path judges trafilatura's modes, on the line model's out-of-fold probabilities.

    .venv/bin/python training/train_line_model.py --oof-only   # writes .cache/line-oof.pkl (~5 min)
    .venv/bin/python training/html_modes_oof.py               # a few minutes the first time, then cached

For every scrapinghub and WCXB page of the train and tune splits (never a test page) trafilatura runs in its
three modes (``clean.html.MODES``); ``clean.html.judged_mode`` then keeps the precision mode's text or picks
another with the page lines' out-of-fold body probabilities (a train page's probabilities come from line
models that never saw it), as the shipped model would judge a page it has not seen. Prints body 4-shingle F1 for each mode alone and for
the judged choice at several ``JUDGE_LENGTH_RATIO`` and ``JUDGE_BELOW`` values (the other modes' texts come
from the cache here, so the gate changes only which pages are judged).
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from cache_pages import CACHE, load_labelled  # noqa: E402
from newsloom.clean import html as html_module  # noqa: E402
from newsloom.evaluation.metrics import macro_prf, shingle_counts  # noqa: E402
from newsloom.evaluation.pages import iter_pages, split_of  # noqa: E402
from train_line_model import OOF_FILE  # noqa: E402

MODES_FILE = CACHE / "html-modes.pkl"
RATIOS = (0.5, 0.6, 0.7, 0.8, 0.9)
GATES = (0.7, 0.8, 0.9, 1.01)


def mode_texts() -> dict[tuple[str, str], list[str]]:
    """Each train/tune page's text in trafilatura's three modes, cached."""
    if MODES_FILE.exists():
        return pickle.loads(MODES_FILE.read_bytes())
    texts = {}
    for dataset in ("scrapinghub", "wcxb"):
        for page in iter_pages(dataset):
            if split_of(dataset, page.page_id) != "test":
                texts[dataset, page.page_id] = [html_module.mode_text(page.html, page.url, mode)
                                                for mode in html_module.MODES]
    MODES_FILE.write_bytes(pickle.dumps(texts))
    return texts


def main() -> None:
    if not OOF_FILE.exists():
        sys.exit(f"{OOF_FILE} is missing: run training/train_line_model.py --oof-only first")
    oof = pickle.loads(OOF_FILE.read_bytes())
    texts = mode_texts()
    pages = [p for dataset in ("scrapinghub", "wcxb") for p in load_labelled(dataset)
             if (p.page.dataset, p.page.page_id) in oof and (p.page.dataset, p.page.page_id) in texts]

    def score(pick) -> list[str]:  # noqa: ANN001
        row = []
        for dataset in ("scrapinghub", "wcxb"):
            group = [p for p in pages if p.page.dataset == dataset]
            row.append(f"{macro_prf(shingle_counts(p.page.body, pick(p)) for p in group).f1:.4f}")
        return row

    table = Table(title="HTML body from trafilatura's modes, out-of-fold judge (train + tune pages, 4-shingle F1)")
    for column in ("method", f"scrapinghub ({sum(p.page.dataset == 'scrapinghub' for p in pages)})",
                   f"wcxb ({sum(p.page.dataset == 'wcxb' for p in pages)})"):
        table.add_column(column)
    for k, mode in enumerate(html_module.MODES):
        table.add_row(f"mode {mode or 'default'} alone",
                      *score(lambda p, k=k: texts[p.page.dataset, p.page.page_id][k]))
    shipped = html_module.JUDGE_LENGTH_RATIO, html_module.JUDGE_BELOW
    judged_pages = changed_pages = 0

    def judged(p) -> str:  # noqa: ANN001
        nonlocal judged_pages, changed_pages
        key = (p.page.dataset, p.page.page_id)
        precision, *others = texts[key]

        def other_modes() -> list[str]:
            nonlocal judged_pages
            judged_pages += 1
            return others

        mode, chosen = html_module.judged_mode(precision, p.lines, other_modes, oof[key])
        changed_pages += mode != 0
        return chosen

    try:
        for ratio, gate in [(r, shipped[1]) for r in RATIOS] + [(shipped[0], g) for g in GATES if g != shipped[1]]:
            html_module.JUDGE_LENGTH_RATIO, html_module.JUDGE_BELOW = ratio, gate
            judged_pages = changed_pages = 0
            row = score(judged)
            mark = " (shipped)" if (ratio, gate) == shipped else ""
            table.add_row(f"judged: length ratio {ratio}, below {gate}{mark}; other modes run on {judged_pages}"
                          f" pages, chosen on {changed_pages}", *row)
    finally:
        html_module.JUDGE_LENGTH_RATIO, html_module.JUDGE_BELOW = shipped
    Console().print(table)


if __name__ == "__main__":
    main()
