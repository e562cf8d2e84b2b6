"""Which date expressions of real news ``normalize_time`` leaves unresolved: a list to write rules from.

    .venv/bin/python training/time_gaps.py [--top 120]

Reads the DATE entities spaCy finds in PolNeAR *train* (political news of 2015–2016, parsed once and cached
by training/train_cue_lexicon.py), keeps those without a four-digit year, normalises each against a fixed
reference date and prints the most frequent ones that stay unresolved. TimeBank (bench/time.py) is never
read here, so rules written from this list are scored there without having seen it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from newsloom.temporal import normalize_time  # noqa: E402
from train_cue_lexicon import parsed_train  # noqa: E402

_YEAR = re.compile(r"\b\d{4}\b")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=120)
    args = parser.parse_args()
    unresolved: Counter[str] = Counter()
    total = 0
    for _, doc in parsed_train():
        for ent in doc.ents:
            if ent.label_ != "DATE" or _YEAR.search(ent.text):
                continue
            total += 1
            if normalize_time(ent.text, "2016-03-15", doc.text) is None:
                unresolved[ent.text.lower()] += 1
    print(f"{total} DATE entities without a year, {sum(unresolved.values())} unresolved")
    for text, count in unresolved.most_common(args.top):
        print(f"{count:5d}  {text}")


if __name__ == "__main__":
    main()
