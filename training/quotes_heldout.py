"""Score the quote extractor, as shipped, on the held-out fifth of PolNeAR *train* (articles i % 5 == 0).

    .venv/bin/python training/quotes_heldout.py

The second opinion on every rule change beside PolNeAR dev: a change that helps dev but not here is fitted
to dev. To compare with an earlier state, run it at that commit (e.g. `git stash`, or a worktree of the
parent commit). The shipped cue model has seen these articles in training, so only differences between two
runs mean anything, not the level.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from newsloom.nlp.quotes import extract_quotes  # noqa: E402
from quotes import score  # noqa: E402
from train_cue_lexicon import _pred, parsed_train  # noqa: E402


def main() -> None:
    held = [pair for i, pair in enumerate(parsed_train()) if not i % 5]
    docs = {id(article): doc for article, doc in held}
    result = score([a for a, _ in held], lambda art, nlp: [_pred(q) for q in extract_quotes(docs[id(art)])], None)
    print(f"held-out train ({len(held)} articles): source {result['source'].f1:.3f} cue {result['cue'].f1:.3f} "
          f"content {result['content'].f1:.3f} overlap {result['overlap'].f1:.3f} direct/mixed {result['direct'].f1:.3f} "
          f"speaker {result['speaker']:.3f}")


if __name__ == "__main__":
    main()
