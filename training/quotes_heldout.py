"""Score the quote extractor, as shipped, on the held-out fifth of PolNeAR *train* (articles i % 5 == 0).

    .venv/bin/python training/quotes_heldout.py [--all] [--digits 4]

``--all`` scores every train article instead (for a rule whose effect is too small to show on a fifth).

The second opinion on every rule change beside PolNeAR dev: a change that helps dev but not here is fitted
to dev. To compare with an earlier state, run it at that commit (e.g. `git stash`, or a worktree of the
parent commit). The shipped cue model has seen these articles in training, so only differences between two
runs mean anything, not the level.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from newsloom.nlp.quotes import extract_quotes  # noqa: E402
from quotes import prediction, score  # noqa: E402
from train_cue_lexicon import parsed_train  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--all", action="store_true", help="every train article, not the held-out fifth")
    parser.add_argument("--digits", type=int, default=3)
    args = parser.parse_args()
    held = [pair for i, pair in enumerate(parsed_train()) if args.all or not i % 5]
    docs = {id(article): doc for article, doc in held}
    result = score([a for a, _ in held], lambda art, nlp: [prediction(q) for q in extract_quotes(docs[id(art)])], None)
    d = args.digits
    print(f"{'all of train' if args.all else 'held-out train'} ({len(held)} articles): source "
          f"{result['source'].f1:.{d}f} cue {result['cue'].f1:.{d}f} content {result['content'].f1:.{d}f} "
          f"overlap {result['overlap'].f1:.{d}f} direct/mixed {result['direct'].f1:.{d}f} "
          f"speaker {result['speaker']:.{d}f}")


if __name__ == "__main__":
    main()
