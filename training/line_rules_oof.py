"""Score the plain-text cleaner's post-rules on the line model's out-of-fold probabilities.

    .venv/bin/python training/train_line_model.py --oof-only   # writes .cache/line-oof.pkl (~5 min)
    .venv/bin/python training/line_rules_oof.py

The 738 train + tune pages (never a test page), each cleaned by ``clean_plain_text`` exactly as shipped
except that the line probabilities are the out-of-fold ones (a train page's probabilities come from models
that never saw it), so a rule's worth is measured on pages the model did not fit. Prints one row per variant
of the cut after a teaser heading (``clean.text.TEASER_TAIL_RATIO``), after the heading of the reader
comments (``clean.text.ends_story``), of what counts as that heading (``clean.text.is_comments_head``) and of
when the lone-prose rescue runs (``clean.text.rescued_body``), of the headline lists above the article and under a
teaser heading (``clean.text.headline_list``, ``clean.text.teaser_lists``) and of what counts as a comment thread
(``clean.lines.COMMENT_LINE``), of the bylines and date stamps kept atop the body (``clean.text.stamps_atop_body``),
of the share buttons at the body's edges (``clean.kinds.BUTTON_MAX_WORDS``), of the headlines a teaser list
cuts short (``clean.text.is_headline_like``) and of the "About …" headings (``clean.lines.ABOUT_HEAD``),
each with its F1 per dataset and the number of pages that score otherwise than with the shipped rules; last,
what knowing the article's first and last line would be worth (an oracle, not a rule).
"""

from __future__ import annotations

import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from newsloom.clean import kinds  # noqa: E402
from newsloom.clean import text as text_module  # noqa: E402
from newsloom.clean.classifier import default_classifier  # noqa: E402
from newsloom.clean.lines import (  # noqa: E402
    ABOUT_HEAD,
    COMMENT_THREAD_LINE,
    COMMENTS_HEAD,
    Line,
    is_comments_head,
    is_teaser_head,
    words,
)
from newsloom.evaluation.metrics import macro_prf, shingle_counts  # noqa: E402
from train_line_model import OOF_FILE, FixedProbabilities, labelled_splits  # noqa: E402


def main() -> None:
    if not OOF_FILE.exists():
        sys.exit(f"{OOF_FILE} is missing: run training/train_line_model.py --oof-only first")
    oof = pickle.loads(OOF_FILE.read_bytes())
    threshold = default_classifier().threshold
    train, tune, repeats = labelled_splits()
    pages = [p for p in train + tune if (p.page.dataset, p.page.page_id) in oof]

    def page_counts(bounded: tuple[bool, bool] = (False, False)) -> list:
        """Each page's shingle counts; ``bounded`` (start, end): an oracle that zeroes the probabilities above the
        gold body's first line, below its last line, to measure what knowing the article's bounds is worth."""
        counts = []
        for page in pages:
            probs = oof[(page.page.dataset, page.page.page_id)].copy()
            gold = [i for i, label in enumerate(page.labels) if label]
            if gold and bounded[0]:
                probs[: gold[0]] = 0.0
            if gold and bounded[1]:
                probs[gold[-1] + 1 :] = 0.0
            model = FixedProbabilities(probs, threshold)
            cleaned = text_module.clean_plain_text(page.text, repeats[id(page)], classifier=model, lines=page.lines)
            counts.append(shingle_counts(page.page.body, "\n".join(cleaned.paragraphs)))
        return counts

    shipped_counts = page_counts()

    def score(bounded: tuple[bool, bool] = (False, False)) -> str:
        """F1 over all pages, over each dataset's, and how many pages score otherwise than the shipped rules."""
        counts = page_counts(bounded)
        per_dataset = [macro_prf(c for c, p in zip(counts, pages) if p.page.dataset == name).f1
                       for name in ("scrapinghub", "wcxb")]
        moved = sum(macro_prf([a]).f1 != macro_prf([b]).f1 for a, b in zip(counts, shipped_counts))
        return f"{macro_prf(counts).f1:.4f} ({per_dataset[0]:.4f} / {per_dataset[1]:.4f}; {moved} pages moved)"

    table = Table(title=f"Post-rules on out-of-fold line probabilities ({len(pages)} train + tune pages)")
    table.add_column("variant of the post-rules")
    table.add_column("F1 (scrapinghub / WCXB; pages scoring otherwise than shipped)")

    def row(label: str, module: ModuleType = text_module, **patches: object) -> None:
        """One row: the pages scored with ``patches`` set on ``module`` (``clean.text`` unless said: its rules
        and constants), which is as shipped again afterwards."""
        shipped = {name: getattr(module, name) for name in patches}
        for name, value in patches.items():
            setattr(module, name, value)
        try:
            table.add_row(label, score())
        finally:
            for name, value in shipped.items():
                setattr(module, name, value)

    # the cut after a teaser heading
    row("never", drop_teaser_tail=lambda lines, keep: keep)
    for ratio, label in ((1, "fewer than before it"), (2, "under half of those before"),
                         (4, "under a quarter of those before")):
        shipped = " (shipped)" if ratio == text_module.TEASER_TAIL_RATIO else ""
        row(f"when the words kept after it are {label}{shipped}", TEASER_TAIL_RATIO=ratio)
    # the cut after the heading of the reader comments
    row("a comments heading only like a teaser heading", ends_story=lambda lines, keep, i, words_above: False)
    row("a comments heading always, once 50 words are kept above it",
        ends_story=lambda lines, keep, i, words_above: words_above >= 50)
    row("a comments heading once 3 paragraphs stand above it, or 50 words and a thread follows (shipped)")
    # two rules of the session of 2026-12-04 (third), each against the rule it replaced
    row("a comments heading's repeated title counts against its words (before)",
        is_comments_head=lambda line: is_teaser_head(line, COMMENTS_HEAD))
    row("the lone-prose rescue only when nothing is kept (before)",
        rescued_body=lambda lines, keep, probs: None if any(keep) else text_module.rescue_lone_prose(lines, probs))
    # the headline list above the article (session of 2026-12-04, fourth)
    shipped_list, shipped_min = text_module.headline_list, text_module.HEADLINE_LIST_MIN
    row("no headline-list rule (before)", headline_list=lambda lines, keep: [])
    for minimum in (3, 6, 10):
        row(f"a headline list from {minimum} lines (shipped: {shipped_min})", HEADLINE_LIST_MIN=minimum)
    # the same test below the last kept prose paragraph too (the lines read bottom up)
    row("a headline list below the article too", headline_list=lambda lines, keep: shipped_list(lines, keep) + [
        len(lines) - 1 - i for i in shipped_list(lines[::-1], keep[::-1])])
    row("any kept lines above the first prose paragraph, no headline shape asked",
        headline_list=lambda lines, keep: shipped_list(lines, keep, shaped=lambda line: True))
    # three rules of the session of 2026-12-04 (fifth), each put back as it was
    row("a comment form does not count as a thread (before)", COMMENT_LINE=re.compile(COMMENT_THREAD_LINE, re.I))
    row("no teaser-list rule (before)", teaser_lists=lambda lines, keep: [])
    row(f"a teaser list from 3 headlines (shipped: {text_module.TEASER_LIST_MIN})", TEASER_LIST_MIN=3)
    row("ad-slot lines left to the model (before)", AD_SLOT=re.compile(r"(?!)"))
    # two rules of the session of 2026-12-04 (seventh), each put back as it was
    row("a byline or date stamp kept atop the body stays body (before)", stamps_atop_body=lambda lines, keep: [])
    row("a short call to action is no edge junk (before)", module=kinds, BUTTON_MAX_WORDS=0)
    # a rule of the session of 2026-12-04 (eighth), put back as it was
    shipped_shape = text_module.is_headline_like
    row("a headline cut short by an ellipsis is no headline (before)",
        is_headline_like=lambda line: shipped_shape(line) and not line.text.endswith(("...", "…")))
    # a rule of the session of 2026-12-04 (ninth), put back as it was
    row("an \"About …\" heading is no end of the story (before)", ABOUT_HEAD=re.compile(r"(?!)"))
    row("shipped")
    # not rules: the headroom, if the article's bounds were known (session of 2026-12-04, sixth)
    for bounded, label in (((True, False), "start"), ((False, True), "end"), ((True, True), "start and end")):
        table.add_row(f"oracle: the gold body's {label} known (shipped rules)", score(bounded))
    Console().print(table)
    print(heading_evidence(pages, is_comments_head, "comments headings"))
    print(heading_evidence(pages, lambda line: is_teaser_head(line, ABOUT_HEAD), '"About …" headings'))


def heading_evidence(pages: list, is_head: Callable[[Line], bool], name: str) -> str:
    """How often gold body text follows the first such heading that follows gold body (the labels, not the
    model)."""
    after_body = with_body_after = body_words_after = 0
    for page in pages:
        labels = page.labels
        head = next((i for i, line in enumerate(page.lines) if is_head(line) and any(labels[:i])), None)
        if head is None:
            continue
        after_body += 1
        body_after = sum(len(words(page.lines[j].text)) for j in range(head + 1, len(page.lines)) if labels[j])
        with_body_after += body_after > 0
        body_words_after += body_after
    return (f"{name} after gold body: {after_body} pages; gold body after the heading in "
            f"{with_body_after} of them ({body_words_after} words)")


if __name__ == "__main__":
    main()
