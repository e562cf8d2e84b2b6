"""Line segmentation and line features for the plain-text cleaner.

A scraped page arrives as lines: the article's paragraphs mixed with menus, bylines, captions, teasers,
share buttons and footers. Each non-blank line becomes a :class:`Line`; :func:`shape_features` turns a
page's lines into a matrix the classifier in :mod:`newsloom.clean.classifier` reads. Everything here is a
pure function of one page plus an optional per-line corpus repetition count, so it runs on any worker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

_LIST_MARKER = re.compile(r"^\s*(?:[*+•·▪►»›\-–—]|\d{1,2}[.)])\s+")
#: Chinese and Japanese put no spaces between words: a run of their characters counts a word per two characters
#: (about the length of a word in either), so a sentence of theirs has the word count, and the shape, of a
#: sentence in a spaced script instead of reading as one long "word"; a number keeps its unit of date or
#: time ("2024年", "3月", "12日": a date of three words, as "March 12, 2024"). Korean spaces its words.
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[^\W{_UNSPACED}]+[年月日時分]?|[{_UNSPACED}]{{1,2}}", re.UNICODE)
_URL = re.compile(r"https?://|www\.|\b\w+\.(?:com|org|net|co\.uk|in|pk|gov)\b", re.I)
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved", re.I)
CAPTION = re.compile(
    r"^(?:photo|photograph|image|picture|file photo|caption|pictured|illustration)s?\b"
    r"|\b(?:photo|photograph|image|picture)s?\s*(?:[:(]|by\b|credit)|getty images|\(photo by|/\s*reuters\b"
    r"|\bap photo\b|shutterstock|image credit|\bcredit:|\(xinhua\)|/xinhua\)|\bfile\)",
    re.I,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?",
    re.I,
)
_DATE_WORD = re.compile(r"\b(?:updated|published|posted|last modified|today)\b", re.I)
_BYLINE = re.compile(
    r"^by\s+\w|\b(?:staff writer|correspondent|reporter|editor|web desk|news desk|web team|contributor|"
    r"columnist|bureau)\b",
    re.I,
)
CALL_TO_ACTION = re.compile(
    r"\b(?:read more|click|subscribe|sign up|sign in|newsletter|follow us|share (?:this|on)|comments?|log ?in"
    r"|register|download|cookies?|privacy|terms of|skip to|back to top|go to ?top|whatsapp|facebook|twitter"
    r"|linkedin|telegram|instagram|email this|print this|watch:|listen|min(?:ute)?s? read)\b",
    re.I,
)
TEASER_HEAD = re.compile(
    r"^(?:(?:previous|next|prev) (?:story|article|post)|latest (?:from|news|stories|articles)|don.?t miss"
    r"|related(?: stories| articles| news| content| posts| coverage)?|recommended(?: for you| stories)?"
    r"|more (?:from|stories|on|in|news)|most (?:read|popular|viewed|shared)|trending(?: now| stories)?"
    r"|you (?:may|might) (?:also )?like|also read|read (?:next|also|more)|further reading|popular(?: now)?"
    r"|top (?:stories|news)|editor.?s picks?|what to read next|in other news|around the web|sponsored stories"
    r"|from the web|more like this|see also)\b",
    re.I,
)
AD = re.compile(r"\badvert|\badsen[cs]e|\bsponsored\b|\b\d{3}\s*[x×]\s*\d{2,3}\b|\bad slot\b", re.I)
#: A line that only marks an ad slot, or the article going on past one ("Advertisement", "ANZEIGE", "Story
#: continues below advertisement"): never body, wherever it stands, though the model keeps such a line between
#: two paragraphs. Out of fold (`training/line_rules_oof.py`, the "ad-slot" row): without it 0.9272
#: (scrapinghub 0.9372), with it 0.9273 (0.9378), WCXB unchanged; 11 pages moved.
AD_SLOT = re.compile(
    r"^(?:advertisements?|advertising|ad|sponsored|anzeige|publicidad|publicidade|pubblicità|publicité|reklama"
    r"|(?:story|article) continues below(?: advertisement)?|continue reading below(?: advertisement)?)$",
    re.I,
)
#: the full stop, exclamation and question marks of Chinese and Japanese
UNSPACED_SENTENCE_ENDS = "。！？"
_TERMINAL = frozenset(".!?…\"”’)]:;」』）" + UNSPACED_SENTENCE_ENDS)
STOPWORDS = frozenset(
    ["a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "during", "each", "for", "from", "had", "has", "have", "having", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "more", "most", "no", "nor", "not", "now", "of", "on", "once", "only", "or", "other", "our", "out", "over", "own", "said", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your"]
)

#: A prose line: long enough and ending like a sentence. Used to find the page's main block.
PROSE_MIN_WORDS = 10


@dataclass(frozen=True)
class Line:
    """One non-blank line of a page, with the layout facts that are lost once it is stripped."""

    text: str  # stripped, list marker removed
    raw: str
    index: int  # position among the page's non-blank lines
    list_marker: bool
    indent: int
    blank_before: bool
    blank_after: bool


def split_lines(text: str) -> list[Line]:
    """Split page text into non-blank :class:`Line` s, remembering list markers and blank-line gaps."""
    raw_lines = text.split("\n")
    kept = [i for i, raw in enumerate(raw_lines) if raw.strip()]
    out: list[Line] = []
    for position, i in enumerate(kept):
        raw = raw_lines[i]
        marker = _LIST_MARKER.match(raw)
        stripped = (raw[marker.end() :] if marker else raw).strip()
        out.append(
            Line(
                text=stripped,
                raw=raw,
                index=position,
                list_marker=bool(marker),
                indent=len(raw) - len(raw.lstrip()),
                blank_before=position == 0 or kept[position - 1] != i - 1,
                blank_after=position == len(kept) - 1 or kept[position + 1] != i + 1,
            )
        )
    return out


#: The subset of teaser headings that only ever follow the story ("Previous Story", "Don't Miss"): the
#: rule that cuts everything after a heading uses these. The wider list ("More on", "See also", "Popular" …)
#: is a model feature and a removed-line kind, not a cut: cutting on it lowered WCXB tail recall.
END_OF_STORY_HEAD = re.compile(
    r"^(?:(?:previous|next) (?:story|article|post)$|latest (?:from|news)|don.?t miss|recommended"
    r"|more (?:from|stories)|most (?:read|popular|viewed)|also read|read (?:next|also|more)|you may)",
    re.I,
)


#: A heading over an "About …" box after the story: the outlet's ("About Us", "About the BBC"), the author's
#: ("About the author", "Über Moritz Bachmann"), the company's under a press release. The cut after a teaser
#: heading treats it as one (what follows is no body unless the article plainly goes on). Not "About 200
#: people …": no number after the word and no sentence mark. Of the 409 train + tune pages with such a heading
#: after gold body, gold body follows it on 7 ("About the expert", a section). Out of fold
#: (`training/line_rules_oof.py`, the "About" row): without it 0.9290 (scrapinghub 0.9448), with it 0.9293
#: (0.9458), WCXB 0.9268 -> 0.9271; 12 pages moved.
ABOUT_HEAD = re.compile(r"^(?:about|über|à propos(?: de)?|sobre|acerca de|informazioni su)\b(?!\s*\d)[^.!?]*$", re.I)

#: A heading that opens the reader comments ("12 Comments", "2 responses to “…”", "Leave a Reply", "Join the
#: conversation"). Of the 101 train + tune pages where one follows gold body text, body text follows it in 2: a
#: comment counter under a one-line standfirst, and one article going on after "Leave a comment"
#: (`training/line_rules_oof.py`). A counter under the headline is followed by the whole article.
COMMENTS_HEAD = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|thoughts|reactions?)(?:\s+(?:on|to)\s+[“\"'‘].*)?$"
    r"|^(?:leave|post|add|write|submit) a (?:reply|comment|response)\b|^join the (?:discussion|conversation)\b"
    r"|^(?:show|view|load|read|see) (?:all )?(?:\d+ )?comments\b|^comment on this (?:story|article|post)\b",
    re.I,
)

#: A line of a comment thread: "Lena Marsh says:", "Alex on September 17, 2018 at 6:34 am said:", a time stamp
#: ending the line, "3 hours ago", "Reply".
COMMENT_THREAD_LINE = (
    r"^\S.{0,80}\s(?:says|said|wrote|commented):?$|\b\d{1,2}:\d{2}\s*[ap]\.?m\.?$"
    r"|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?) ago$|^(?:reply|report|like)$"
)
#: A line of the form under a comments heading, where a thread has not started ("You must be logged in to post a
#: comment.", "Your email address will not be published."): it shows the heading opens comments as well as a
#: thread does. Out of fold (`training/line_rules_oof.py`, the "comment form" row, against the shipped rules):
#: without it 0.9269 (scrapinghub 0.9343), with it 0.9273 (0.9378), WCXB unchanged; one page moved, up.
COMMENT_FORM_LINE = (
    r"^you must be logged in to post a comment|^your email address will not be published"
    r"|^required fields are marked|^cancel reply$|^save my name, email"
)
COMMENT_LINE = re.compile(f"{COMMENT_THREAD_LINE}|{COMMENT_FORM_LINE}", re.I)


#: words a heading may have (teaser and comments headings alike)
HEADING_MAX_WORDS = 8
#: the title a comments heading repeats ('10 thoughts on “Business Focus: It’s Why Some People …”')
_QUOTED_TITLE = re.compile(r"\s+(?:on|to)\s+[“\"'‘].*$", re.I)


def is_comments_head(line: Line) -> bool:
    """A short heading that opens the reader comments; the story's title it may repeat does not count
    against its length."""
    return bool(COMMENTS_HEAD.match(line.text)) and len(words(_QUOTED_TITLE.sub("", line.text))) <= HEADING_MAX_WORDS


def is_teaser_head(line: Line, pattern: re.Pattern[str] = TEASER_HEAD) -> bool:
    """A short heading that opens a block of other stories ("Previous Story", "Latest from …", "Related")."""
    return bool(pattern.match(line.text)) and len(words(line.text)) <= HEADING_MAX_WORDS


def normalize_line(text: str) -> str:
    """The form under which a line counts as 'the same line' across documents of an outlet."""
    return " ".join(_WORD.findall(text.lower()))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_prose(line: Line) -> bool:
    n = len(words(line.text))
    return n >= PROSE_MIN_WORDS and line.text[-1:] in _TERMINAL


def first_prose(lines: Sequence[Line], keep: Sequence[bool]) -> int:
    """The index of the first kept prose paragraph (0 when none is kept: nothing stands above it)."""
    return next((i for i, k in enumerate(keep) if k and is_prose(lines[i])), 0)


def best_segment(scores: Sequence[float]) -> tuple[int, int]:
    """The contiguous run of lines with the largest score sum (Kadane); ``(start, end)`` inclusive."""
    best, best_span = float("-inf"), (0, max(len(scores) - 1, 0))
    running, start = 0.0, 0
    for i, s in enumerate(scores):
        if running <= 0:
            running, start = s, i
        else:
            running += s
        if running > best:
            best, best_span = running, (start, i)
    return best_span


# Names of the per-line shape columns (order matters: the trained model reads columns by position).
_OWN = [
    "log_chars",
    "log_words",
    "frac_alpha",
    "frac_digit",
    "frac_upper",
    "frac_punct",
    "ends_terminal",
    "ends_period",
    "ends_quote",
    "starts_upper",
    "starts_digit",
    "starts_quote",
    "title_case_ratio",
    "stopword_ratio",
    "mean_word_len",
    "commas_per_word",
    "has_url",
    "has_copyright",
    "has_caption",
    "has_date",
    "has_date_word",
    "has_byline",
    "has_cta",
    "is_teaser_head",
    "has_ad",
    "separators",
    "has_quote_mark",
    "list_marker",
    "indent",
    "blank_before",
    "blank_after",
    "is_prose",
    "repeat_in_doc",
    "log_corpus_repeat",
]
_NEIGHBOUR_COLS = ["log_words", "ends_terminal", "stopword_ratio", "list_marker", "is_prose", "has_cta",
                   "title_case_ratio", "log_corpus_repeat"]
_NEIGHBOUR_OFFSETS = (-3, -2, -1, 1, 2, 3)
_CONTEXT = [
    "rel_pos",
    "log_index",
    "log_from_end",
    "rel_char_pos",
    "in_main_block",
    "dist_block_start",
    "dist_block_end",
    "main_block_share",
    "prose_words_before",
    "prose_words_after",
    "after_teaser_head",
    "lines_since_teaser_head",
    "run_of_list_lines",
    "n_lines_log",
]
FEATURE_NAMES: list[str] = (
    _OWN
    + [f"{c}@{o:+d}" for o in _NEIGHBOUR_OFFSETS for c in _NEIGHBOUR_COLS]
    + _CONTEXT
)
_OWN_INDEX = {name: i for i, name in enumerate(_OWN)}


def _own_features(line: Line, repeat_in_doc: int, corpus_repeat: int) -> list[float]:
    text = line.text
    n_chars = len(text)
    toks = words(text)
    n_words = len(toks)
    # map over str methods: the same counts as a generator over characters, at a third of the cost
    alpha = sum(map(str.isalpha, text))
    digit = sum(map(str.isdigit, text))
    upper = sum(map(str.isupper, text))
    punct = n_chars - sum(map(str.isalnum, text)) - sum(map(str.isspace, text))
    lower_toks = [t.lower() for t in toks]
    last = text[-1:]
    first = text[:1]
    denom = max(n_chars, 1)
    wdenom = max(n_words, 1)
    return [
        np.log1p(n_chars),
        np.log1p(n_words),
        alpha / denom,
        digit / denom,
        upper / max(alpha, 1),
        punct / denom,
        float(last in _TERMINAL),
        float(last == "."),
        float(last in "\"”’'"),
        float(first.isupper()),
        float(first.isdigit()),
        float(first in "\"“‘'«"),
        sum(t[:1].isupper() for t in toks) / wdenom,
        sum(t in STOPWORDS for t in lower_toks) / wdenom,
        sum(len(t) for t in toks) / wdenom,
        text.count(",") / wdenom,
        float(bool(_URL.search(text))),
        float(bool(COPYRIGHT.search(text))),
        float(bool(CAPTION.search(text))),
        float(bool(_DATE.search(text))),
        float(bool(_DATE_WORD.search(text))),
        float(bool(_BYLINE.search(text))),
        float(bool(CALL_TO_ACTION.search(text))),
        float(is_teaser_head(line)),
        float(bool(AD.search(text))),
        float(text.count("|") + text.count("•") + text.count(" / ")),
        float(any(q in text for q in "\"“”«»")),
        float(line.list_marker),
        float(min(line.indent, 12)),
        float(line.blank_before),
        float(line.blank_after),
        float(n_words >= PROSE_MIN_WORDS and last in _TERMINAL),
        float(repeat_in_doc > 1),
        float(np.log1p(corpus_repeat)),
    ]


def shape_features(lines: Sequence[Line], corpus_repeat: Sequence[int] | None = None) -> np.ndarray:
    """The stage-1 feature matrix of one page: one row per line, columns :data:`FEATURE_NAMES`."""
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
    norm = [normalize_line(ln.text) for ln in lines]
    in_doc: dict[str, int] = {}
    for key in norm:
        in_doc[key] = in_doc.get(key, 0) + 1
    repeats = corpus_repeat if corpus_repeat is not None else [0] * n
    own = np.array(
        [_own_features(ln, in_doc[k], r) for ln, k, r in zip(lines, norm, repeats)], dtype=np.float32
    )

    cols = [_OWN_INDEX[c] for c in _NEIGHBOUR_COLS]
    pad = np.full((3, len(cols)), -1.0, dtype=np.float32)
    padded = np.vstack([pad, own[:, cols], pad])
    neighbours = [padded[3 + o : 3 + o + n] for o in _NEIGHBOUR_OFFSETS]

    n_words = np.expm1(own[:, _OWN_INDEX["log_words"]])
    prose = own[:, _OWN_INDEX["is_prose"]] > 0
    # Main block: the run of lines where prose outweighs everything else. A non-prose line costs a few words
    # so that a caption inside the article does not split it, but a long menu or teaser list does.
    block_scores = np.where(prose, n_words, -np.minimum(n_words, 8) - 2.0)
    start, end = best_segment(block_scores.tolist())
    block_words = n_words[start : end + 1][prose[start : end + 1]].sum()
    total_prose = max(n_words[prose].sum(), 1.0)
    prose_words = np.where(prose, n_words, 0.0)
    before = np.concatenate([[0.0], np.cumsum(prose_words)[:-1]])
    after = total_prose - before - prose_words

    chars = np.array([len(ln.text) for ln in lines], dtype=np.float64)
    char_before = np.concatenate([[0.0], np.cumsum(chars)[:-1]])

    teaser = own[:, _OWN_INDEX["is_teaser_head"]] > 0
    since = np.zeros(n, dtype=np.float32)
    seen = np.zeros(n, dtype=np.float32)
    last_head = -1
    for i in range(n):
        if teaser[i]:
            last_head = i
        if last_head >= 0 and i > last_head:
            seen[i] = 1.0
            since[i] = np.log1p(i - last_head)
    list_run = np.zeros(n, dtype=np.float32)
    markers = own[:, _OWN_INDEX["list_marker"]] > 0
    run = 0
    for i in range(n):
        run = run + 1 if markers[i] else 0
        list_run[i] = run
    idx = np.arange(n, dtype=np.float32)
    context = np.column_stack(
        [
            idx / max(n - 1, 1),
            np.log1p(idx),
            np.log1p(n - 1 - idx),
            char_before / max(chars.sum(), 1.0),
            ((idx >= start) & (idx <= end)).astype(np.float32),
            np.sign(idx - start) * np.log1p(np.abs(idx - start)),
            np.sign(idx - end) * np.log1p(np.abs(idx - end)),
            np.full(n, block_words / total_prose),
            before / total_prose,
            after / total_prose,
            seen,
            since,
            np.log1p(list_run),
            np.full(n, np.log1p(n)),
        ]
    ).astype(np.float32)
    return np.hstack([own, *neighbours, context])


CONTEXT_FEATURE_NAMES = [
    "p",
    *[f"p@{o:+d}" for o in (-4, -3, -2, -1, 1, 2, 3, 4)],
    "p_mean_2",
    "p_mean_5",
    "p_mean_10",
    "p_max_before",
    "p_max_after",
    "p_mass_before",
    "p_mass_after",
    "p_in_block",
    "p_dist_block_start",
    "p_dist_block_end",
    "p_block_share",
    "article_word_overlap",
    "article_name_overlap",
    "article_word_overlap_near",
]

#: A line counts as the article's when the previous stage gives it at least this probability; the later
#: stages ask how many of a line's words those lines use. Set a priori; measured after the fact (out of fold,
#: one seed, with the post-rules; docs/benchmarks.md): 0.6, 0.8, 0.9 give scrapinghub 0.9393 / 0.9414 / 0.9392,
#: WCXB 0.9255 / 0.9264 / 0.9258.
CONFIDENT_BODY = 0.8


@dataclass(frozen=True)
class PageWords:
    """What the later stages read of a page's words, computed once per page: each line's word count, its
    content words (lower case, four characters or more, no numbers) and the names in it (capitalised words
    after the first), and how rare each content word is on the page."""

    n_words: np.ndarray
    content: list[frozenset[str]]
    names: list[frozenset[str]]
    rarity: dict[str, float]


def page_words(lines: Sequence[Line]) -> PageWords:
    tokens = [words(ln.text) for ln in lines]
    content = [frozenset(t.lower() for t in toks if len(t) >= 4 and not t.isdigit()) for toks in tokens]
    names = [
        frozenset(t for t in toks[1:] if len(t) >= 3 and t[:1].isupper() and not t.isupper()) for toks in tokens
    ]
    lines_using: Counter[str] = Counter()
    for line_words in content:
        lines_using.update(line_words)
    n = len(lines)
    rarity = {w: float(np.log((n + 1) / k)) for w, k in lines_using.items()}
    return PageWords(np.array([len(t) for t in tokens], dtype=np.float64), content, names, rarity)


def article_overlap(p: np.ndarray, page: PageWords) -> np.ndarray:
    """How much of each line's vocabulary the lines the previous stage is sure of (the article, mostly) also
    use: the share of its content words, weighted by their rarity on the page so that the site's name and
    menu words count for little; the share of its names; and the first pooled over the two lines either side.
    Another story's headline and blurb, an author's bio or a company's boilerplate under the article are
    shaped like its paragraphs but speak of other things (-1: the line has no such words)."""
    n = len(p)
    confident = p >= CONFIDENT_BODY
    used_content: Counter[str] = Counter()
    used_names: Counter[str] = Counter()
    for i in np.flatnonzero(confident):
        used_content.update(page.content[i])
        used_names.update(page.names[i])
    content_share = np.full(n, -1.0)
    name_share = np.full(n, -1.0)
    for i in range(n):
        own = int(confident[i])  # a line's own words do not vouch for it
        if page.content[i]:
            weights = {w: page.rarity[w] for w in page.content[i]}
            shared = sum(wt for w, wt in weights.items() if used_content[w] > own)
            content_share[i] = shared / max(sum(weights.values()), 1e-6)
        if page.names[i]:
            name_share[i] = sum(used_names[w] > own for w in page.names[i]) / len(page.names[i])
    n_content = np.array([len(c) for c in page.content], dtype=np.float64)
    pooled_shared = _window_sum(np.where(content_share >= 0, content_share, 0.0) * n_content, 2)
    pooled_words = _window_sum(n_content, 2)
    near = np.where(pooled_words > 0, pooled_shared / np.maximum(pooled_words, 1.0), -1.0)
    return np.column_stack([content_share, name_share, near])


def _window_sum(values: np.ndarray, k: int) -> np.ndarray:
    """Each value summed with the ``k`` values either side of it (fewer at the page's ends)."""
    cumsum = np.concatenate([[0.0], np.cumsum(values)])
    idx = np.arange(len(values))
    return cumsum[np.clip(idx + k + 1, 0, len(values))] - cumsum[np.clip(idx - k, 0, len(values))]


def context_features(p: np.ndarray, page: PageWords) -> np.ndarray:
    """Stage-2 columns: a line's stage-1 probability seen against its neighbours' and the page's, and how
    much of its vocabulary the lines stage 1 is sure of share."""
    n = len(p)
    if n == 0:
        return np.zeros((0, len(CONTEXT_FEATURE_NAMES)), dtype=np.float32)
    n_words = page.n_words
    pad = np.full(4, -1.0)
    padded = np.concatenate([pad, p, pad])
    shifted = [padded[4 + o : 4 + o + n] for o in (-4, -3, -2, -1, 1, 2, 3, 4)]
    def window_mean(k: int) -> np.ndarray:
        return _window_sum(p, k) / _window_sum(np.ones(n), k)

    max_before = np.concatenate([[0.0], np.maximum.accumulate(p)[:-1]])
    max_after = np.concatenate([np.maximum.accumulate(p[::-1])[::-1][1:], [0.0]])
    mass = p * np.log1p(n_words)
    total = max(mass.sum(), 1e-6)
    mass_before = np.concatenate([[0.0], np.cumsum(mass)[:-1]]) / total
    mass_after = 1.0 - mass_before - mass / total
    start, end = best_segment(((p - 0.5) * np.log1p(n_words + 1)).tolist())
    idx = np.arange(n)
    block_share = mass[start : end + 1].sum() / total
    return np.column_stack(
        [
            p,
            *shifted,
            window_mean(2),
            window_mean(5),
            window_mean(10),
            max_before,
            max_after,
            mass_before,
            mass_after,
            ((idx >= start) & (idx <= end)).astype(np.float32),
            np.sign(idx - start) * np.log1p(np.abs(idx - start)),
            np.sign(idx - end) * np.log1p(np.abs(idx - end)),
            np.full(n, block_share),
            article_overlap(p, page),
        ]
    ).astype(np.float32)


def word_count(lines: Sequence[Line]) -> np.ndarray:
    return np.array([len(words(ln.text)) for ln in lines], dtype=np.float64)


WORD_FEATURE_NAMES = ["word_lo_mean", "word_lo_min", "word_lo_max", "word_lo_first", "word_lo_last", "word_known"]


def word_features(lines: Sequence[Line], log_odds: dict[str, float]) -> np.ndarray:
    """Whole-line word evidence: the body-vs-boilerplate log-odds of the line's words, learned from the
    training pages ("subscribe", "gallery", "1of4" lean one way; "said", "percent" the other)."""
    out = np.zeros((len(lines), len(WORD_FEATURE_NAMES)), dtype=np.float32)
    for i, line in enumerate(lines):
        toks = [t.lower() for t in words(line.text)]
        scores = [log_odds[t] for t in toks if t in log_odds]
        if scores:
            out[i] = (
                sum(scores) / len(scores),
                min(scores),
                max(scores),
                log_odds.get(toks[0], 0.0),
                log_odds.get(toks[-1], 0.0),
                len(scores) / len(toks),
            )
    return out


def learn_log_odds(
    pages: Iterable[tuple[Sequence[Line], Sequence[int]]], min_count: int = 10, smoothing: float = 1.0
) -> dict[str, float]:
    """Smoothed log-odds of a word occurring in a body line rather than a removed line (each word counted
    once per line)."""
    body, other = Counter(), Counter()
    n_body = n_other = 0
    for lines, labels in pages:
        for line, label in zip(lines, labels):
            toks = {t.lower() for t in words(line.text)}
            if label:
                body.update(toks)
                n_body += 1
            else:
                other.update(toks)
                n_other += 1
    out = {}
    for tok in set(body) | set(other):
        b, o = body[tok], other[tok]
        if b + o < min_count:
            continue
        out[tok] = round(float(np.log((b + smoothing) / (n_body + smoothing)) - np.log((o + smoothing) / (n_other + smoothing))), 3)
    return out
