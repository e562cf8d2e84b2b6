"""A faster, output-identical stand-in for en_core_web_sm's ``attribute_ruler``.

The ruler runs 179 Matcher rules over every token: 0.13 of the whole model's time on PolNeAR dev once warm,
as much as the dependency parser (``bench/parse_budget.py``). Nearly all of its work depends on a token
alone, so it can be looked up instead of recomputed: rules whose patterns are one token tested on TAG, LOWER
or IS_SPACE are context-free, and their combined effect is computed once per (tag, lowercase form,
is-space) and cached. The 21 patterns that look at neighbours or dependencies are matched with array
operations. Rules are applied in the original order (a later rule overrides an earlier one), as
``AttributeRuler`` does. (The rule lemmatizer was given the same treatment and dropped: spaCy's own cache
makes it 0.02 of the model's time once warm, and the cached version saved 0.01.)

``tests/test_nlp_model.py::test_cached_rule_components_change_nothing`` checks, token by token, that POS,
morphology and lemmas equal the original component's.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_TOKEN_KEYS = {"TAG", "LOWER", "IS_SPACE"}
#: no rule sets this attribute of this token (not a valid hash or symbol ID)
_UNTOUCHED = 2**64 - 1
_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "IS_SPACE": IS_SPACE, "DEP": DEP}


def _token_test(spec: Any) -> Any:
    """A Matcher value test for one attribute: an exact value or ``{"IN": [...]}``; None if it is anything else."""
    if isinstance(spec, dict):
        return frozenset(spec["IN"]) if set(spec) == {"IN"} else None
    return spec


def _context_free(patterns: list[list[dict]], index: int) -> list[dict[str, Any]] | None:
    """The per-attribute tests of a rule made of one-token patterns on token-only attributes, else None."""
    tests = []
    for pattern in patterns:
        if len(pattern) != 1 or index not in (0, -1) or not set(pattern[0]) <= _TOKEN_KEYS:
            return None
        spec = {key: _token_test(value) for key, value in pattern[0].items()}
        if any(value is None for value in spec.values()):
            return None
        tests.append(spec)
    return tests


def _passes(spec: dict[str, Any], tag: str, lower: str, is_space: bool) -> bool:
    values = {"TAG": tag, "LOWER": lower, "IS_SPACE": is_space}
    for key, want in spec.items():
        matched = values[key] in want if isinstance(want, frozenset) else values[key] == want
        if not matched:
            return False
    return True


class _ArrayPattern:
    """One fixed-length Matcher pattern (no operators) on TAG, LOWER, IS_SPACE or DEP with exact, IN, NOT_IN or
    REGEX tests, matched with array operations over a document."""

    def __init__(self, pattern: list[dict[str, Any]], strings: Any) -> None:
        self.strings = strings
        self._searched: dict[tuple[str, int], bool] = {}
        self.tokens: list[list[tuple[int, str, Any]]] = []
        for token in pattern:
            tests = []
            for key, spec in token.items():
                if key not in _COLUMNS:
                    raise ValueError(f"attribute ruler pattern on {key} is not supported")
                column = list(_COLUMNS).index(key)
                if not isinstance(spec, dict):
                    tests.append((column, "in", self._values(key, [spec])))
                elif set(spec) <= {"IN", "NOT_IN"} and len(spec) == 1:
                    op = "in" if "IN" in spec else "not_in"
                    tests.append((column, op, self._values(key, next(iter(spec.values())))))
                elif set(spec) == {"REGEX"}:
                    tests.append((column, "regex", re.compile(spec["REGEX"])))
                else:
                    raise ValueError(f"attribute ruler test {spec} is not supported")
            self.tokens.append(tests)

    def _values(self, key: str, values: list[Any]) -> np.ndarray:
        """The array values a test accepts: hashes of strings ("" is 0, a missing value), 0/1 for IS_SPACE."""
        if key == "IS_SPACE":
            return np.array([int(bool(v)) for v in values], dtype=np.uint64)
        return np.array([0 if v == "" else self.strings.add(v) for v in values], dtype=np.uint64)

    def _search(self, regex: re.Pattern[str], value: int) -> bool:
        found = self._searched.get((regex.pattern, value))
        if found is None:
            found = self._searched[regex.pattern, value] = bool(regex.search(self.strings[value]))
        return found

    def starts(self, table: np.ndarray) -> np.ndarray:
        """Token positions where the pattern matches."""
        length = len(table) - len(self.tokens) + 1
        if length <= 0:
            return np.empty(0, dtype=int)
        mask = np.ones(length, dtype=bool)
        for offset, tests in enumerate(self.tokens):
            for column, op, want in tests:
                values = table[offset : offset + length, column]
                if op == "regex":
                    hit = np.array([self._search(want, int(v)) for v in values.tolist()], dtype=bool)
                else:
                    hit = np.isin(values, want)
                    if op == "not_in":
                        hit = ~hit
                mask &= hit
        return np.flatnonzero(mask)


class CachedAttributeRuler:
    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        self.attrs = ruler.attrs
        self.free: list[tuple[int, list[dict[str, Any]]]] = []
        self.contextual: list[tuple[int, int, _ArrayPattern]] = []
        for rule, entry in enumerate(ruler.patterns):  # in rule order: a later rule overrides an earlier one
            tests = _context_free(entry["patterns"], entry["index"])
            if tests is not None:
                self.free.append((rule, tests))
                continue
            for pattern in entry["patterns"]:
                self.contextual.append((rule, entry["index"], _ArrayPattern(pattern, ruler.vocab.strings)))
        # a token's candidate rules: those that do not test its form, and those that name it
        self._without_lower: tuple[tuple[int, list[dict[str, Any]]], ...] = tuple(
            (rule, tests) for rule, tests in self.free if any("LOWER" not in spec for spec in tests))
        self._by_lower: dict[str, list[tuple[int, list[dict[str, Any]]]]] = {}
        for rule, tests in self.free:
            if all("LOWER" in spec for spec in tests):
                forms = set().union(*(s["LOWER"] if isinstance(s["LOWER"], frozenset) else {s["LOWER"]}
                                      for s in tests))
                for form in forms:
                    self._by_lower.setdefault(form, []).append((rule, tests))
        #: the attributes context-free rules set (set together from arrays)
        self.columns = sorted({attr for rule, _ in self.free for attr in self.attrs[rule]})
        self._rules_for: dict[tuple[int, int, int], tuple[int, ...]] = {}
        self._values_for: dict[tuple[int, int, int], list[int | None]] = {}

    def rules_for(self, key: tuple[int, int, int]) -> tuple[int, ...]:
        """Context-free rules matching a token with this (tag, lowercase form, is-space), in rule order."""
        rules = self._rules_for.get(key)
        if rules is None:
            tag, lower, is_space = key
            strings = self.vocab.strings
            tag_s, lower_s = strings[tag] if tag else "", strings[lower]
            candidates = [*self._without_lower, *self._by_lower.get(lower_s, [])]
            rules = tuple(sorted(rule for rule, tests in candidates
                                 if any(_passes(spec, tag_s, lower_s, bool(is_space)) for spec in tests)))
            self._rules_for[key] = rules
        return rules

    def values_for(self, key: tuple[int, int, int]) -> list[int | None]:
        """The value each of :attr:`columns` ends with once the key's rules are applied (None: untouched)."""
        values = self._values_for.get(key)
        if values is None:
            merged: dict[int, int] = {}
            for rule in self.rules_for(key):
                merged.update(self.attrs[rule])
            values = [merged.get(column) for column in self.columns]
            self._values_for[key] = values
        return values

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([TAG, LOWER, IS_SPACE, DEP])
        keys, inverse = np.unique(table[:, :3], axis=0, return_inverse=True)
        per_key = np.array([[_UNTOUCHED if v is None else v for v in self.values_for(tuple(int(x) for x in key))]
                            for key in keys], dtype=np.uint64)
        current = doc.to_array(self.columns)
        updates = per_key[inverse.reshape(-1)]
        untouched = updates == np.uint64(_UNTOUCHED)
        doc.from_array(self.columns, np.where(untouched, current, updates))
        # rules that look at dependencies or neighbours, merged with the token's context-free ones in order
        contextual: dict[int, list[int]] = {}
        for rule, index, pattern in self.contextual:
            for start in pattern.starts(table).tolist():
                target = start + index if index >= 0 else start + len(pattern.tokens) + index
                contextual.setdefault(target, []).append(rule)
        for i, rules in contextual.items():
            key = tuple(int(x) for x in table[i, :3])
            for rule in sorted((*self.rules_for(key), *rules)):
                set_token_attrs(doc[i], self.attrs[rule])
        return doc


@Language.factory("newsloom_cached_attribute_ruler")
def make_cached_attribute_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    """The cached equivalent of the pipeline's ``attribute_ruler`` (which must be in ``nlp``)."""
    return CachedAttributeRuler(nlp.get_pipe("attribute_ruler"))


def use_cached_rule_components(nlp: Language) -> Language:
    """Swap ``attribute_ruler`` (when present) for its cached equivalent, in place and under the same name."""
    if "attribute_ruler" in nlp.component_names:
        nlp.add_pipe("newsloom_cached_attribute_ruler", name="cached_attribute_ruler", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
        nlp.rename_pipe("cached_attribute_ruler", "attribute_ruler")
    return nlp
