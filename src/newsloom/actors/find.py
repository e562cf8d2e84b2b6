"""Actors of one article: named mentions grouped into actors with a canonical name, type and roles.

Mentions are the spans NER labels PERSON, ORG, GPE, NORP, LOC or FAC, plus the gazetteer's hand-checked
aliases found in the text (NER misses "the Taliban of Pakistan" and calls "Isil" a person). A mention joins:

- the gazetteer actor it is an alias of ("Daesh", "IS" → Islamic State; "ISIS-K" → its own actor);
- for a demonym, its state ("Afghans" → Afghanistan); for a capital used as an agent, its state
  ("Washington said", "Moscow's offer") — "in Washington" stays the city;
- for a person, the full name it shortens ("Kirby" → "John F Kirby", the nearest one before it when two
  people share a surname); titles are split off as roles ("US General Mark Milley");
- for an acronym, the name whose initials it spells in the same article ("SCO").

Each actor gets a provisional id: the gazetteer id, or the type and normalised name ("person:john-kirby";
"person:~kirby" for a surname never given in full here). :mod:`newsloom.link.actors` turns those into ids
that are the same across a corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsloom.actors.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    fold,
    is_case_sensitive,
    load_gazetteer,
    name_key,
)
from newsloom.actors.names import HONORIFICS, TITLE_WORDS, role_of, split_title, strip_possessive, widen_name
from newsloom.nlp.quotes import SPEECH_LEMMAS

ACTOR_LABELS = frozenset(["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"])
_STATE_VERBS = frozenset(
    ["accuse", "agree", "allow", "announce", "approve", "ask", "back", "ban", "blame", "call", "condemn", "decide", "demand", "deny", "deploy", "expel", "impose", "insist", "invite", "join", "negotiate", "offer", "oppose", "order", "pledge", "promise", "propose", "recognise", "recognize", "refuse", "reject", "respond", "retaliate", "sanction", "seek", "send", "sign", "support", "threaten", "urge", "vow", "want", "warn", "welcome", "withdraw"]
)
_STATE_NOUNS = frozenset(
    ["decision", "policy", "position", "offer", "demand", "response", "government", "stance", "proposal", "plan", "request", "support", "help", "role", "strategy", "approach", "move", "refusal", "reaction", "warning", "ally", "allies"]
)
_PERSONAL_NOUNS = frozenset(["campaign", "administration", "team", "aide", "adviser", "advisor", "spokesman",
                             "spokeswoman", "spokesperson", "presidency", "candidacy", "plan", "policy", "supporter",
                             "voter", "camp", "rally", "surrogate", "transition", "tax", "taxes", "return", "remark",
                             "comment", "statement", "speech", "tweet", "family", "foundation", "email", "server"])
_LOCAL_QUALIFIERS = frozenset(["state", "provincial", "regional", "county", "city", "local", "municipal"])
_ACRONYM_SKIP = frozenset(["of", "the", "and", "for", "in", "on", "de", "&"])


@dataclass
class Mention:
    text: str
    start: int
    end: int


@dataclass
class Role:
    role: str
    date: str | None = None  # the article's publication date: roles change
    source: str = "article"  # article (written in the text) | gazetteer


@dataclass
class Actor:
    id: str
    name: str
    type: str
    roles: list[Role] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    gazetteer: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "gazetteer": self.gazetteer,
                "roles": [vars(r) for r in self.roles], "mentions": [vars(m) for m in self.mentions]}


@dataclass
class _Candidate:
    span: Span  # the name without titles, articles and possessives
    label: str
    key: str | None = None
    entry: str | None = None  # gazetteer id
    title: str | None = None


#: NER calls one body ORG here and NORP there ("NYPD"), one place GPE or LOC: keys go by kind, not label
_KEY_KIND = {"ORG": "org", "NORP": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
_CORPORATE_SUFFIX = re.compile(r"[,\s]+(?:inc|corp|corporation|co|ltd|llc|plc|lp|ag|sa)\.?$", re.IGNORECASE)


def group_key(label: str, text: str) -> str:
    """The provisional id of a named group or place: its kind and normalised name ("Apple Inc" = "Apple")."""
    name = _CORPORATE_SUFFIX.sub("", name_key(text)) or name_key(text)
    return f"{_KEY_KIND.get(label, label.lower())}:{slug(name)}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def person_key(name: str) -> str:
    """``John F. Kirby`` and ``John Kirby`` are one key: first and last name, initials dropped."""
    words = [w for w in re.findall(r"[\w'-]+", fold(name).lower()) if len(w.strip(".")) > 1 and w not in HONORIFICS]
    if len(words) > 2:
        words = [words[0], words[-1]]
    return "person:" + slug(" ".join(words))


@lru_cache(maxsize=4)
def _phrase_matcher(vocab_id: int, gazetteer_id: int) -> tuple[PhraseMatcher, PhraseMatcher, dict[int, str]]:
    """Two matchers over the hand-checked aliases: exact spelling for short capitals, any case for others."""
    from newsloom.nlp.model import load_nlp

    nlp = load_nlp()
    gazetteer = _GAZETTEERS[gazetteer_id]
    exact, anycase = PhraseMatcher(nlp.vocab, attr="ORTH"), PhraseMatcher(nlp.vocab, attr="LOWER")
    labels: dict[int, str] = {}
    by_entry: dict[str, set[str]] = {}
    for alias, entry_id in gazetteer.phrase_aliases():
        alias = re.sub(r"^(?:the|The)\s+", "", alias)
        by_entry.setdefault(entry_id, set()).add(alias)
    for entry_id, aliases in by_entry.items():
        label = nlp.vocab.strings.add(entry_id)
        labels[label] = entry_id
        exact_docs = [nlp.make_doc(a) for a in aliases if is_case_sensitive(a)]
        any_docs = [nlp.make_doc(a) for a in aliases if not is_case_sensitive(a)]
        if exact_docs:
            exact.add(entry_id, exact_docs)
        if any_docs:
            anycase.add(entry_id, any_docs)
    return exact, anycase, labels


_GAZETTEERS: dict[int, Gazetteer] = {}


def _gazetteer_spans(doc: Doc, gazetteer: Gazetteer) -> list[tuple[Span, str]]:
    _GAZETTEERS[id(gazetteer)] = gazetteer
    exact, anycase, labels = _phrase_matcher(id(doc.vocab), id(gazetteer))
    found = []
    for matcher, needs_capital in ((exact, False), (anycase, True)):
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            if needs_capital and not (span[0].is_title or span[0].is_upper):
                continue  # "congress", "democrats" as common nouns
            if start > 0 and doc[start - 1].lower_ in _LOCAL_QUALIFIERS:
                continue  # "the state Senate" is not the US Senate
            if not needs_capital and _in_capitals(doc, start, end):
                continue  # "IS" in a headline set in capitals
            found.append(Span(doc, start, end, label=labels[match_id]))
    return [(s, s.label_) for s in filter_spans(found)]


def _in_capitals(doc: Doc, start: int, end: int) -> bool:
    neighbours = [doc[i] for i in (start - 1, end) if 0 <= i < len(doc) and doc[i].is_alpha]
    return any(t.is_upper and len(t) > 1 for t in neighbours)


def _clean(span: Span) -> Span | None:
    """Drop a leading article or lower-case qualifier ("federal", "pro-Clinton"), a trailing possessive or
    punctuation; cut at a bracket or slash."""
    start, end = span.start, span.end
    doc = span.doc
    for i in range(start, end):
        if doc[i].text in ("(", "/", "[") and i > start:
            end = i
            break
    while start < end - 1 and (doc[start].is_lower or doc[start].is_punct or doc[start].lower_ in ("the", "a", "an")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "'", "’")):
        end -= 1
    return doc[start:end] if end > start else None


def _proper_nouns(span: Span) -> Span | None:
    """A person's name is proper nouns: headline words NER took in go ("Derelict Obama", "Obama Says",
    "Obama speech")."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].pos_ in ("ADJ", "VERB", "ADV"):
        start += 1
    while end > start and (doc[end - 1].pos_ in ("VERB", "AUX") or doc[end - 1].pos_ == "NOUN" and doc[end - 1].is_lower):
        end -= 1
    return doc[start:end] if end > start else None


def _extends_name(ent: Span, match: Span) -> bool:
    """NER found a longer name around an alias ("USA Today", "U.S. Department of Justice"): the name wins,
    unless what it adds is only titles or articles ("the Pentagon Press [Secretary]")."""
    extra = [t for t in ent if not match.start <= t.i < match.end]
    return any(t.is_alpha and t.text[:1].isupper() and t.lower_ not in TITLE_WORDS and t.lower_ != "the" for t in extra)


def _bracketed_acronym(span: Span) -> Span | None:
    """``the Shanghai Cooperation Organisation (SCO`` → the ``SCO`` NER swallowed."""
    doc = span.doc
    for i in range(span.start + 1, span.end):
        if doc[i].text == "(" and i + 1 < len(doc) and doc[i + 1].text[:1].isupper():
            return doc[i + 1 : i + 2]
    return None


def _names_a_person(span: Span) -> bool:
    """A one-word ORG that modifies a noun of a person's campaign or office ("the Trump campaign", "Obama
    administration") is that person's name: NER reads the modifier as an organisation."""
    root = span.root
    return len(span) == 1 and root.pos_ == "PROPN" and root.dep_ in ("compound", "poss") and \
        root.head.lemma_.lower() in _PERSONAL_NOUNS


def _acts_as_state(span: Span) -> bool:
    """A capital standing for its government: the subject of a verb of saying or policy ("Washington
    warned", "Moscow denies"), or the owner of a decision ("Kabul's offer"). "Kabul fell" is the city."""
    root = span.root
    while root.dep_ == "conj":
        root = root.head
    if root.dep_ == "poss":
        return root.head.lemma_.lower() in _STATE_NOUNS
    if root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "pobj" and root.head.lower_ == "by"):
        verb = root.head.head if root.dep_ == "pobj" else root.head
        return verb.lemma_.lower() in _STATE_VERBS or verb.lemma_.lower() in SPEECH_LEMMAS
    return False


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", text) if w.lower() not in _ACRONYM_SKIP).upper()


def _candidates(doc: Doc, gazetteer: Gazetteer) -> list[_Candidate]:
    found: list[_Candidate] = []
    claimed: set[int] = set()
    ents = [e for e in doc.ents if e.label_ in ACTOR_LABELS]
    cleaned = [c for c in (_clean(e) for e in ents) if c is not None]
    for span, entry_id in _gazetteer_spans(doc, gazetteer):
        if any(e.start <= span.start and span.end <= e.end and _extends_name(e, span) for e in cleaned):
            continue
        found.append(_Candidate(span, gazetteer.entries[entry_id].type, entry=entry_id))
        claimed.update(range(span.start, span.end))
    for ent in ents:
        if claimed.intersection(range(ent.start, ent.end)):
            continue
        label, extra = ent.label_, _bracketed_acronym(ent)
        span = _clean(widen_name(ent) if label == "PERSON" else ent)
        if span is None or not any(c.isalpha() for c in span.text):
            continue
        title = None
        if label == "PERSON":
            span, title_span = split_title(span)
            title = title_span.text if title_span is not None else None
            span = _proper_nouns(span)
            if span is None:
                continue
        found.append(_Candidate(span, label, title=title))
        if extra is not None:
            found.append(_Candidate(extra, label))
    found.sort(key=lambda c: c.span.start)
    return found


def _lookup_without_lost_apostrophe(gazetteer: Gazetteer, text: str) -> GazetteerEntry | None:
    """Scraped text loses apostrophes ("the Talibans advance", "Joe Bidens decision"): a name + s that is
    not a name itself is read as the name."""
    if len(text) > 4 and text.endswith("s") and not text.endswith("ss"):
        return gazetteer.lookup(text[:-1])
    return None


def _name_words(span: Span) -> list[str]:
    return _name_words_text(strip_possessive(span.text))


def find_actors(doc: Doc, published: str | None = None, quotes: list[Any] | None = None,
                gazetteer: Gazetteer | None = None) -> list[Actor]:
    """The actors of a parsed article, in order of first mention; fills ``speaker.entity`` of ``quotes``."""
    gazetteer = gazetteer or load_gazetteer()
    candidates = _candidates(doc, gazetteer)
    persons: dict[str, list[_Candidate]] = {}  # full-name person key -> its full-name mentions

    _join_bracket_split_names(doc, candidates, gazetteer)

    # 1. what each mention names on its own: a gazetteer entry, a full name, a state behind a demonym or capital
    for cand in candidates:
        text = strip_possessive(cand.span.text)
        if cand.key is not None:
            persons.setdefault(cand.key, []).append(cand)
            continue
        if cand.entry is None:
            entry = gazetteer.lookup(text) or _lookup_without_lost_apostrophe(gazetteer, text)
            if entry is not None and is_case_sensitive(text) and _in_capitals(doc, cand.span.start, cand.span.end):
                entry = None  # "USA TODAY": a short capital alias inside a name set in capitals
            state = gazetteer.place(text) if cand.label in ("GPE", "LOC") else None
            if (demonym := gazetteer.demonym(text)) is not None and cand.label in ("NORP", "GPE", "ORG"):
                cand.entry = demonym.id
            elif state is not None and (entry is None or entry.type != "GPE"):
                # a capital or city: its state when it acts as one, else the place itself
                cand.entry = state.id if _acts_as_state(cand.span) else None
            elif entry is not None and (entry.type == "PERSON") == (cand.label == "PERSON") or \
                    entry is not None and entry.source == "newsloom":
                cand.entry = entry.id
        if cand.entry is not None:
            cand.key = cand.entry
            cand.label = gazetteer.entries[cand.entry].type
            if cand.label == "PERSON":
                persons.setdefault(person_key(gazetteer.entries[cand.entry].name), []).append(cand)
        elif cand.label == "PERSON" and len(_name_words(cand.span)) >= 2:
            cand.key = person_key(text)
            persons.setdefault(cand.key, []).append(cand)

    # 2. a single name joins the person it shortens, introduced before it (the first, when two share it)
    by_surname: dict[str, list[_Candidate]] = {}
    by_first: dict[str, set[str]] = {}
    for key, full in persons.items():
        for cand in full:
            words = _name_words_text(gazetteer.entries[cand.entry].name) if cand.entry else _name_words(cand.span)
            if len(words) >= 2:
                by_surname.setdefault(fold(words[-1]).lower(), []).append(cand)
                by_first.setdefault(fold(words[0]).lower(), set()).add(cand.key or key)
    for cand in candidates:
        if cand.key is not None:
            continue
        words = _name_words(cand.span)
        if len(words) != 1 or cand.label not in ("PERSON", "GPE", "ORG", "NORP"):
            continue
        word = fold(words[0]).lower()
        holders = by_surname.get(word) or (by_surname.get(word[:-1], []) if word.endswith("s") else [])
        before = [h for h in holders if h.span.start < cand.span.start]
        if before:
            # a bare surname is someone already introduced; of two, the one introduced first ("Trump" is
            # Donald in a story that later names Ivanka Trump, who is then "Ivanka")
            cand.key = before[0].key
        elif holders:
            # used before any full name here ("Mr. Obama" long before "Michelle Obama"): left to the corpus
            cand.key = "person:~" + slug(word)
        elif cand.label == "PERSON" and len(by_first.get(word, ())) == 1:
            cand.key = next(iter(by_first[word]))
        elif cand.label == "PERSON" or _names_a_person(cand.span):
            cand.key = "person:~" + slug(word)
        if cand.key is not None:
            cand.label = "PERSON"

    # 3. acronyms spelled by a name in the same article; everything else by its own name, under the kind most
    #    of the article's mentions of that name get (NER calls "Dushanbe" a place twice and an organisation
    #    once: one place; on a tie, the kind of its first mention)
    kinds_of_name: dict[str, Counter] = {}
    for cand in candidates:
        if cand.key is None:
            kinds_of_name.setdefault(group_key("", strip_possessive(cand.span.text)), Counter())[cand.label] += 1
    names_by_initials: dict[str, str] = {}
    for cand in candidates:
        if cand.key is None:
            text = strip_possessive(cand.span.text)
            cand.label = kinds_of_name[group_key("", text)].most_common(1)[0][0]
            cand.key = group_key(cand.label, text)
        if cand.label != "PERSON" and len(cand.span) >= 2:
            names_by_initials.setdefault(_initials(cand.span.text), cand.key)
    for cand in candidates:
        text = cand.span.text
        if cand.entry is None and text.isupper() and 2 <= len(text) <= 6 and text in names_by_initials:
            cand.key = names_by_initials[text]
    candidates.extend(_acronym_repeats(doc, candidates))
    candidates.sort(key=lambda c: c.span.start)

    return _actors(doc, candidates, published, quotes or [], gazetteer)


#: what stands between two halves of one name an editor's bracket split: "(IS leader Abu Bakr) Al-Baghdadi"
_BRACKET_BETWEEN = re.compile(r"\s*[)\]]\s*$")


def _join_bracket_split_names(doc: Doc, candidates: list[_Candidate], gazetteer: Gazetteer) -> None:
    """'(IS leader Abu Bakr) Al-Baghdadi': a person's name and the rest of it just after the closing bracket
    are one person — the gazetteer's, when it knows the whole name, else the name put back together."""
    for cand, nxt in zip(candidates, candidates[1:]):
        if cand.label != "PERSON" or cand.entry is not None or nxt.label not in ("PERSON", "ORG", "GPE", "NORP") \
                and nxt.entry is None:
            continue
        between = doc.text[cand.span.end_char : nxt.span.start_char]
        if "\n" in between or not _BRACKET_BETWEEN.match(between):
            continue
        whole = f"{strip_possessive(cand.span.text)} {strip_possessive(nxt.span.text)}"
        entry = gazetteer.lookup(whole)
        if entry is not None and entry.type == "PERSON":
            cand.entry = nxt.entry = entry.id
        elif nxt.entry is None and len(_name_words(nxt.span)) == 1:
            cand.key = nxt.key = person_key(whole)
            cand.label = nxt.label = "PERSON"


def _acronym_repeats(doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
    """An acronym defined in the article ("the Northern Grain Council (NGC)") names the same body wherever it
    recurs, also where NER missed it ("a spokesman for the NGC")."""
    acronyms = {c.span.text: c for c in candidates
                if c.key and len(c.span) == 1 and c.span.text.isupper() and 2 <= len(c.span.text) <= 6}
    taken = {i for c in candidates for i in range(c.span.start, c.span.end)}
    found = []
    for token in doc:
        known = acronyms.get(token.text)
        if known is not None and token.i not in taken:
            found.append(_Candidate(doc[token.i : token.i + 1], known.label, key=known.key, entry=known.entry))
    return found


def _actors(doc: Doc, candidates: list[_Candidate], published: str | None, quotes: list[Any],
            gazetteer: Gazetteer) -> list[Actor]:
    grouped: dict[str, list[_Candidate]] = {}
    for cand in candidates:
        if cand.key:
            grouped.setdefault(cand.key, []).append(cand)
    actors: list[Actor] = []
    for key, cands in grouped.items():
        entry = next((gazetteer.get(c.entry) for c in cands if c.entry), None)
        types = Counter(c.label for c in cands)
        kind = entry.type if entry else ("PERSON" if key.startswith("person:") else types.most_common(1)[0][0])
        actor = Actor(key, entry.name if entry else _best_name(cands, kind), kind, gazetteer=entry.id if entry else None)
        actor.mentions = [Mention(c.span.text, c.span.start_char, c.span.end_char) for c in cands]
        if kind == "PERSON":
            for cand in cands:
                for role in (cand.title, role_of(cand.span) if len(cand.span) else None):
                    _add_role(actor, role, published, "article")
        if entry is not None:
            for role in entry.roles_on(published):
                _add_role(actor, role, published, "gazetteer")
        actors.append(actor)
    _attach_speakers(doc, actors, quotes)
    return actors


def _add_role(actor: Actor, role: str | None, published: str | None, source: str) -> None:
    if not role:
        return
    role = role.strip(" ,")
    if not role or role.lower() in ("the", "a", "an"):
        return
    words = set(name_key(role).split())
    for known in list(actor.roles):  # "Secretary" says less than "Pentagon Press Secretary": keep the fuller
        known_words = set(name_key(known.role).split())
        if words <= known_words:
            return
        if known_words < words:
            actor.roles.remove(known)
    actor.roles.append(Role(role, published[:10] if published else None, source))


def _best_name(cands: list[_Candidate], kind: str) -> str:
    """The most used form, preferring full names and spelled-out names to acronyms."""
    forms = Counter(strip_possessive(c.span.text) for c in cands)

    def rank(form: str) -> tuple[int, int, int]:
        words = len(_name_words_text(form))
        return (words >= 2 if kind == "PERSON" else not form.isupper(), forms[form], len(form))
    return max(forms, key=rank)


def _name_words_text(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w'’.-]+", text) if len(w.strip(".")) > 1]


def _attach_speakers(doc: Doc, actors: list[Actor], quotes: list[Any]) -> None:
    """``speaker.entity`` for each quote whose speaker is one of the actors; a described speaker ("the
    Pentagon press secretary") becomes a mention of that actor."""
    by_person_key: dict[str, Actor] = {}
    by_name: dict[str, Actor] = {}
    for actor in actors:
        for text in (actor.name, *(m.text for m in actor.mentions)):
            by_name.setdefault(name_key(text), actor)
            if actor.type == "PERSON":
                by_person_key.setdefault(person_key(text), actor)
    for quote in quotes:
        speaker = quote.speaker
        if not speaker.name:
            continue
        actor = by_name.get(name_key(speaker.name)) or by_person_key.get(person_key(speaker.name))
        if actor is None:
            continue
        mention = speaker.mention
        speaker.entity = actor.id
        if mention is not None and _describes(doc, mention, actors) \
                and mention.text.lower() not in ("he", "she", "i", "we", "they", "it", "him", "her"):
            actor.mentions.append(Mention(mention.text, mention.start, mention.end))
            actor.mentions.sort(key=lambda m: m.start)


def _describes(doc: Doc, mention: Any, actors: list[Actor]) -> bool:
    """A speaker's description is a new mention when its head word is nobody's name: "the US State
    Secretary" (head "Secretary") may contain "US", but "Kirby said" is already Kirby's mention."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.idx
    return not any(m.start <= head < m.end for a in actors for m in a.mentions)
