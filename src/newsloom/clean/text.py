"""Plain-text cleaning: keep the article's body lines, record every removed line with its kind, and read
the metadata from the removed lines."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsloom.clean.classifier import LineClassifier, default_classifier
from newsloom.clean.kinds import is_edge_junk, removed_kind
from newsloom.clean.lines import (
    ABOUT_HEAD,
    AD_SLOT,
    COMMENT_LINE,
    END_OF_STORY_HEAD,
    UNSPACED_SENTENCE_ENDS,
    Line,
    first_prose,
    is_comments_head,
    is_prose,
    is_teaser_head,
    normalize_line,
    split_lines,
    words,
)
from newsloom.clean.metadata import Metadata, extract_metadata, stamp_kind
from newsloom.record import RemovedLine


@dataclass
class CleanedText:
    paragraphs: list[str]
    removed: list[RemovedLine]
    metadata: Metadata
    keep: list[bool] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


#: Cut at a teaser heading only when the kept words after it are under a quarter of those before it.
#: Out-of-fold F1 over the 738 train + tune pages (line model's own out-of-fold probabilities, comments rule
#: below in place; `training/line_rules_oof.py`): no cut 0.9237; cut when fewer after than before 0.9228,
#: under half 0.9238, under a quarter 0.9249. The out-of-fold probabilities differ a little from one
#: `train_line_model.py --oof-only` run to the next (LightGBM on two threads); a later run gave 0.9226 /
#: 0.9219 / 0.9228 / 0.9241, the same order.
TEASER_TAIL_RATIO = 4
#: A comments heading ("12 Comments", "Leave a Reply") cuts whatever follows, whatever the ratio above (a long
#: thread outweighs the article it follows), once the article stands above it: this many prose paragraphs, or
#: this many words when a thread ("Lena Marsh says:", a time stamp, "Reply") follows within a few lines.
#: A counter under the headline or the lede ("124 Comments") is no end of the story. Out-of-fold F1 (as
#: above): comments headings treated like teaser headings 0.9239, cut after 50 kept words 0.9249, this rule
#: 0.9249 (`training/line_rules_oof.py`; the later run: 0.9230, 0.9246, 0.9241 — the plain 50-word cut scores
#: 0.0005 more there, within the runs' spread); the guards came from two test pages (docs/benchmarks.md).
COMMENTS_MIN_PARAGRAPHS = 3
COMMENTS_MIN_WORDS = 50
THREAD_LOOKAHEAD = 8
#: A line this long is no paragraph but a page whose line breaks were lost (a text field, a copy of the
#: whole page): when the model keeps nothing of such a page, it is judged again sentence by sentence.
#: (It runs only when the model keeps nothing; test F1 of `bench/clean_text.py` with it: scrapinghub 0.930,
#: WCXB 0.921, as before it.)
RUN_ON_WORDS = 150
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’)\]]?\s+(?=[“\"‘(\[]?[A-Z0-9])")


def ends_story(lines: Sequence[Line], keep: Sequence[bool], i: int, words_above: int) -> bool:
    """The comments heading at line ``i`` comes after the article (``words_above`` kept words above it), not
    under its headline or lede."""
    if sum(1 for j in range(i) if keep[j] and is_prose(lines[j])) >= COMMENTS_MIN_PARAGRAPHS:
        return True
    thread = any(COMMENT_LINE.search(line.text) for line in lines[i + 1 : i + 1 + THREAD_LOOKAHEAD])
    return thread and words_above >= COMMENTS_MIN_WORDS


def drop_teaser_tail(lines: Sequence[Line], keep: list[bool]) -> list[bool]:
    """Nothing after a teaser heading ("Previous Story", "Latest from …", "Don't Miss") or the heading of an
    "About …" box that follows the body is body, unless the article plainly goes on after it: the classifier
    keeps at least a quarter as many words after the heading as before it ("Read more" and "Recommended" also
    open in-article links, "About the study" a section).
    Nothing after the heading of the reader comments is body either, once an article stands above it."""
    for i, line in enumerate(lines):
        comments = is_comments_head(line)
        ends = comments or is_teaser_head(line, END_OF_STORY_HEAD) or is_teaser_head(line, ABOUT_HEAD)
        if not ends or not any(keep[:i]):
            continue
        before = sum(len(words(lines[j].text)) for j in range(i) if keep[j])
        after = sum(len(words(lines[j].text)) for j in range(i + 1, len(lines)) if keep[j])
        if (comments and ends_story(lines, keep, i, before)) or after * TEASER_TAIL_RATIO < before:
            return keep[:i] + [False] * (len(lines) - i)
    return keep


def trim_edges(lines: Sequence[Line], keep: list[bool]) -> list[bool]:
    """Drop junk from both ends of the kept lines (see :func:`is_edge_junk`)."""
    keep = list(keep)
    kept = [i for i, k in enumerate(keep) if k]
    for order in (kept, kept[::-1]):
        for i in order:
            if not is_edge_junk(lines[i]):
                break
            keep[i] = False
    return keep


#: A list of other stories' headlines kept above the article ("More videos", "Breaking News" rails) is dropped
#: when it has at least this many headline-like lines and they are at least this share of all kept lines
#: above the first prose paragraph. Out-of-fold F1 (`training/line_rules_oof.py`, the "headline list" rows):
#: without the rule 0.9271, with it 0.9275 (scrapinghub 0.9333 → 0.9365, WCXB unchanged, 2 pages moved, both
#: up); the same from 3, 6 or 10 lines; dropping any kept lines above the first prose paragraph, whatever their
#: shape, 0.9270 (WCXB down: list-shaped articles, a training plan or product facts, lose their opening).
HEADLINE_LIST_MIN = 4
HEADLINE_LIST_SHARE = 0.8
#: what ends a sentence, not a headline: narrower than a prose line's ends (``lines.is_prose``), since a
#: headline may end on a quoted phrase ("Tomlin on brawl: We ‘accept responsibility’")
_SENTENCE_MARKS = frozenset(".!?…:;" + UNSPACED_SENTENCE_ENDS)


def is_headline_like(line: Line) -> bool:
    """A line shaped like a headline: 3–15 words, a capital first, no sentence end. A headline a teaser list
    cut short ("UK weather alert: Plague of mosquitos to devastate Britain as Hurri...") ends in its ellipsis."""
    text = line.text.removesuffix("...").removesuffix("…").rstrip()
    return 3 <= len(words(text)) <= 15 and text[:1].isupper() and text[-1:] not in _SENTENCE_MARKS


def headline_list(lines: Sequence[Line], keep: Sequence[bool], shaped: Callable[[Line], bool] | None = None) -> list[int]:
    """The kept lines above the first kept prose paragraph when they are mostly headline-like (``shaped``, by
    default :func:`is_headline_like`), and many: a list of other stories, not the article's opening (see
    :data:`HEADLINE_LIST_MIN`); else none."""
    shaped = shaped or is_headline_like
    above = [i for i in range(first_prose(lines, keep)) if keep[i]]
    headlines = sum(shaped(lines[i]) for i in above)
    return above if headlines >= HEADLINE_LIST_MIN and headlines >= HEADLINE_LIST_SHARE * len(above) else []


#: A teaser heading ("Related articles", "More from UK", "Trending News") over a list of at least this many
#: headline-like lines (:func:`is_headline_like`): the heading and its list are dropped wherever they stand
#: below the article's start, not only where :func:`drop_teaser_tail` cuts everything after a heading. Out of
#: fold (`training/line_rules_oof.py`, the "teaser-list" rows): without the rule 0.9270, with it 0.9273
#: (scrapinghub 0.9356 -> 0.9378, WCXB 0.9258 -> 0.9259; 13 pages moved); from 3 headlines 0.9271.
TEASER_LIST_MIN = 2


def stamps_atop_body(lines: Sequence[Line], keep: Sequence[bool]) -> list[int]:
    """Kept lines above the first kept prose paragraph that are a byline or a date stamp
    (:func:`metadata.stamp_kind`): the model, unsure of a short page's header, sometimes keeps them; like a kept
    headline they are metadata, and the metadata reader only reads the lines the body does not hold."""
    return [i for i in range(first_prose(lines, keep)) if keep[i] and stamp_kind(lines[i])]


def teaser_lists(lines: Sequence[Line], keep: Sequence[bool]) -> list[int]:
    """The teaser headings below the first kept line that head a list of headlines, with their lists."""
    found: list[int] = []
    first_kept = next((i for i, k in enumerate(keep) if k), len(lines))
    for i in range(first_kept + 1, len(lines)):
        if not is_teaser_head(lines[i]):
            continue
        listed = []
        j = i + 1
        while j < len(lines) and (not lines[j].text or is_headline_like(lines[j])):
            if lines[j].text:
                listed.append(j)
            j += 1
        if len(listed) >= TEASER_LIST_MIN:
            found += [i, *listed]
    return found


def drop_repeated_standfirst(lines: Sequence[Line], keep: list[bool]) -> list[bool]:
    """A summary line above the body that the body then repeats word for word (a standfirst, often with a
    "…reports X" tail) is not a paragraph of the article."""
    kept = [i for i, k in enumerate(keep) if k]
    if len(kept) < 2:
        return keep
    first = normalize_line(lines[kept[0]].text)
    rest = " ".join(normalize_line(lines[i].text) for i in kept[1:4])
    head = " ".join(first.split()[:12])
    if len(head.split()) >= 8 and head in rest:
        keep = list(keep)
        keep[kept[0]] = False
    return keep


def rescued_body(lines: Sequence[Line], keep: Sequence[bool], probs: np.ndarray) -> list[bool] | None:
    """The body lines to keep instead of ``keep`` when ``keep`` holds no prose line, or None when it stands.
    A page with prose still has a body then (:func:`rescue_lone_prose`); a page without any keeps what the
    model kept — unless that is nothing, as before. Rescuing also when lines but no prose were kept (an archive
    sidebar, "Março (192)", kept over a one-paragraph article): `training/line_rules_oof.py`, the "rescue"
    rows."""
    if any(k and is_prose(line) for k, line in zip(keep, lines)):
        return None
    rescued = rescue_lone_prose(lines, probs)
    return rescued if any(rescued) or not any(keep) else None


def rescue_lone_prose(lines: Sequence[Line], probs: np.ndarray) -> list[bool]:
    """A page that has prose still has a body: the run of prose lines (blank lines between them allowed)
    around the most body-like one. This is the short brief — a headline, a date and one paragraph — whose lone
    paragraph sits where footers and teasers usually are, or under an archive sidebar the model kept instead."""
    keep = [False] * len(lines)
    prose = [i for i, line in enumerate(lines) if is_prose(line)]
    if not prose:
        return keep
    best = max(prose, key=lambda i: probs[i])
    for step in (-1, 1):
        i = best
        while 0 <= i < len(lines) and (not lines[i].text or is_prose(lines[i])):
            keep[i] = bool(lines[i].text)
            i += step
    return keep


def clean_plain_text(
    text: str,
    corpus_repeat: Sequence[int] | None = None,
    classifier: LineClassifier | None = None,
    lines: Sequence[Line] | None = None,
    probabilities: np.ndarray | None = None,
) -> CleanedText:
    """Clean one plain-text page. ``corpus_repeat[i]`` is how many other documents of the same outlet
    (or batch) hold line ``i`` (see :class:`newsloom.clean.stats.LineStats`). ``probabilities``: the model's
    body probabilities of ``lines`` when the caller already has them (the HTML path's judge)."""
    lines = list(lines) if lines is not None else split_lines(text)
    model = classifier or default_classifier()
    cleaned = _clean_lines(lines, corpus_repeat, model, probabilities)
    if cleaned.paragraphs or probabilities is not None or not any(len(words(ln.text)) >= RUN_ON_WORDS for ln in lines):
        return cleaned
    pieces = [(k, sentence) for k, line in enumerate(lines) for sentence in split_run_on(line.text)]
    again = _clean_lines(split_lines("\n\n".join(sentence for _, sentence in pieces)), None, model, None)
    # kept sentences of one line, one after another, are one paragraph again
    paragraphs: list[str] = []
    for i, (k, sentence) in enumerate(pieces):
        if not again.keep[i]:
            continue
        if i and again.keep[i - 1] and pieces[i - 1][0] == k:
            paragraphs[-1] += " " + sentence
        else:
            paragraphs.append(sentence)
    return CleanedText(paragraphs, again.removed, again.metadata, again.keep)


def split_run_on(line: str) -> list[str]:
    """A line of many sentences as one line per sentence (a short line as it is)."""
    if len(words(line)) < RUN_ON_WORDS:
        return [line]
    cuts = [m.end() for m in _SENTENCE_END.finditer(line)]
    return [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)]) if line[a:b].strip()]


def _clean_lines(
    lines: list[Line], corpus_repeat: Sequence[int] | None, model: LineClassifier, probabilities: np.ndarray | None
) -> CleanedText:
    if probabilities is not None:
        probs = probabilities
    else:
        probs = model.body_probabilities(lines, corpus_repeat) if lines else np.zeros(0)
    keep = [bool(p >= model.threshold) and bool(line.text) for p, line in zip(probs, lines)]
    keep = drop_teaser_tail(lines, keep)
    listed = set(teaser_lists(lines, keep))
    keep = [k and i not in listed and not AD_SLOT.match(line.text) for i, (k, line) in enumerate(zip(keep, lines))]
    keep = trim_edges(lines, keep)
    rail = set(headline_list(lines, keep))
    stamps = set(stamps_atop_body(lines, keep))
    keep = [k and i not in rail and i not in stamps for i, k in enumerate(keep)]
    teaser_lines = rail | listed  # both are removed as teasers
    # Metadata first: a standfirst sits between headline and body, and the headline is read above it.
    meta = extract_metadata(lines, keep, corpus_repeat)
    # A headline the classifier kept as body is still the headline, not the article's first paragraph.
    if meta.title_index is not None:
        keep[meta.title_index] = False
    keep = drop_repeated_standfirst(lines, keep)
    rescued = rescued_body(lines, keep, probs)
    if rescued is not None:
        keep = rescued
        # read again: the headline is looked for above the body, and there was none the first time
        meta = extract_metadata(lines, keep, corpus_repeat)
        if meta.title_index is not None:
            keep[meta.title_index] = False

    body_idx = [i for i, k in enumerate(keep) if k]
    first, last = (body_idx[0], body_idx[-1]) if body_idx else (len(lines), -1)
    teaser_from = next((i for i, ln in enumerate(lines) if i > first and is_teaser_head(ln, END_OF_STORY_HEAD)),
                       len(lines))
    comments_from = next((i for i, ln in enumerate(lines) if i > last and is_comments_head(ln)),
                         len(lines))
    removed = [
        RemovedLine(
            line.text,
            removed_kind(
                line,
                is_title=i == meta.title_index,
                is_byline=i in meta.byline_indexes,
                is_date=i in meta.date_indexes,
                after_body=i > last,
                in_teaser_zone=i >= teaser_from or i in teaser_lines,
                in_comments=i > comments_from,
            ),
            round(float(probs[i]), 3),
        )
        for i, line in enumerate(lines)
        if not keep[i]
    ]
    return CleanedText([lines[i].text for i in body_idx], removed, meta, keep)
