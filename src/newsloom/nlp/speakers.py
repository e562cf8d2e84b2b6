"""Who a source mention refers to, without a coreference model.

- a name: the full form used earlier in the article ("Kirby" → "John F Kirby"), titles split off as role
  ("Pentagon Press Secretary John F Kirby" → name "John F Kirby", role "Pentagon Press Secretary");
- a pronoun: the most recent named speaker or person before it;
- a definite role noun ("the US State Secretary", "the Pentagon press secretary"): the person who carries
  that role in the article, else the most recent person named before it ("the Russian diplomat");
- an indefinite description ("a Taliban spokesperson", "a senior U.S. defense official"): kept as the name
  of an unnamed source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newsloom.actors.names import TITLE_WORDS, role_of, strip_possessive, widen_name
from newsloom.nlp.quotes import Speaker, TextSpan

PRONOUNS = frozenset(["he", "she", "him", "her", "i", "we", "they", "it"])
_SINGULAR_PERSON_PRONOUNS = frozenset(["he", "she", "i"])
#: head nouns of unnamed sources that are people (a later "he"/"she" may be one of them)
PERSON_NOUNS = TITLE_WORDS | frozenset(
    ["man", "woman", "source", "witness", "resident", "member", "voter", "supporter", "worker", "aide", "candidate",
     "activist", "expert", "student", "teacher", "doctor", "farmer", "driver", "father", "mother", "son",
     "daughter", "wife", "husband", "friend", "neighbour", "neighbor", "owner", "employee", "soldier", "fighter",
     "commentator", "strategist", "pollster", "lawmaker", "politician", "negotiator", "organizer", "organiser"])


@dataclass
class _Person:
    name: str
    start: int  # token index of the mention
    last: str  # last name, for surname-only mentions
    role: str | None


class SpeakerResolver:
    def __init__(self, doc: Doc, quotations: list[tuple[int, int]] = ()) -> None:
        self.doc = doc
        quoted = set()
        for start, end in quotations:
            quoted.update(range(start, end))
        self.persons: list[_Person] = []
        self.speakers: list[tuple[int, str, str | None, str]] = []  # (token, name, role, mention head)
        self.full_names: dict[str, str] = {}  # last name -> first full name seen
        self.roles: dict[str, str] = {}  # full name -> role
        self.last_speaker: tuple[int, str, str | None] | None = None  # (token index, name, role)
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent.start in quoted:
                continue  # a name inside a quotation is not who is speaking
            ent = widen_name(ent)
            name = strip_possessive(ent.text)
            parts = name.split()
            if not parts:
                continue
            full = self.full_names.get(parts[-1], name) if len(parts) == 1 else name
            if len(parts) > 1:
                self.full_names.setdefault(parts[-1], name)
            role = role_of(ent)
            if role and full not in self.roles:
                self.roles[full] = role
            self.persons.append(_Person(full, ent.start, parts[-1], role))

    def _person_before(self, token_index: int, subjects_only: bool = False) -> _Person | None:
        best = None
        for person in self.persons:
            if person.start >= token_index:
                break
            root = self.doc[person.start : person.start + len(person.name.split())].root
            # "President Vladimir Putin's special envoy" names the envoy, not Putin
            if root.dep_ == "poss" or subjects_only and root.dep_ not in ("nsubj", "nsubjpass"):
                continue
            best = person
        return best

    def _remember(self, token_index: int, name: str | None, role: str | None, head: str = "",
                  person: bool = True) -> None:
        if name:
            if person:  # "he"/"she" later may refer back to it
                self.last_speaker = (token_index, name, role)
            self.speakers.append((token_index, name, role, head))

    def resolve(self, bounds: tuple[int, int], content_start: int) -> Speaker:
        doc = self.doc
        start, end = bounds
        while start < end and (doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if start >= end:
            return Speaker(None, None)
        span = doc[start:end]
        mention = TextSpan(span.text, span.start_char, span.end_char)
        head = span.root
        if len(span) == 1 and head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
            # "Okafor, who endorsed the plan": the relative pronoun's antecedent is the speaker
            antecedent = head.head.head
            found = self.resolve((antecedent.left_edge.i, antecedent.i + 1), content_start)
            return Speaker(found.name, mention, found.entity, found.role)
        # "The transport minister, Helen Varga, said": the apposition names the role's holder
        for child in head.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                ent = next(e for e in doc.ents if e.start <= child.i < e.end)
                name = strip_possessive(widen_name(ent).text)
                self._remember(start, name, span.text, head.lemma_.lower())
                return Speaker(name, mention, None, span.text)
        # "Reyes said": a surname seen earlier with a first name, whatever NER labelled it here
        if head.pos_ == "PROPN" and len(span) <= 2 and head.text in self.full_names:
            name = self.full_names[head.text]
            role = self.roles.get(name)
            self._remember(start, name, role, head.lemma_.lower())
            return Speaker(name, mention, None, role)
        persons = [e for e in span.ents if e.label_ == "PERSON"]
        if persons:
            ent = widen_name(persons[-1])
            name = strip_possessive(ent.text)
            parts = name.split()
            if len(parts) == 1:
                name = self.full_names.get(parts[0], name)
            titles = doc[start : ent.start].text.strip(" ,") if ent.start > start else None
            role = titles if titles and titles.lower() not in ("the", "a", "an") else self.roles.get(name)
            self._remember(start, name, role, head.lemma_.lower())
            return Speaker(name, mention, None, role)
        lower = span.text.lower()
        if len(span) == 1 and head.lower_ in PRONOUNS:
            if head.lower_ in _SINGULAR_PERSON_PRONOUNS:
                person = self._person_before(start, subjects_only=True)
                candidates = [c for c in (self.last_speaker, (person.start, person.name, person.role) if person else None)
                              if c is not None and c[0] < start]
                if candidates:
                    _, name, role = max(candidates, key=lambda c: c[0])
                    return Speaker(name, mention, None, role)
            return Speaker(span.text, mention, None, None)
        others = [e for e in span.ents if e.label_ in ("ORG", "GPE", "NORP", "FAC")]
        if lower.startswith(("the ", "this ", "that ")) and head.lower_ in TITLE_WORDS:
            # a definite role noun: the person holding that role here, else the last person named
            wanted = {t.lower_ for t in span if not t.is_stop and not t.is_punct}
            same_head = [sp for sp in self.speakers if sp[0] < start and sp[3] == head.lemma_.lower()]
            if same_head:
                _, name, role, _ = same_head[-1]
                self._remember(start, name, role, head.lemma_.lower())
                return Speaker(name, mention, None, span.text)
            best, best_overlap = None, 0
            for name, role in self.roles.items():
                overlap = len(wanted & {w.lower() for w in re.findall(r"\w+", role)})
                if head.lower_ in role.lower() and overlap > best_overlap:
                    best, best_overlap = name, overlap
            if best is None:
                person = self._person_before(start)
                best = person.name if person else None
            if best is not None:
                self._remember(start, best, self.roles.get(best), head.lemma_.lower())
                return Speaker(best, mention, None, span.text)
        if others and len(span) <= len(others[-1]) + 1:
            return Speaker(others[-1].text, mention, None, None)
        # an unnamed source described by the text ("a Taliban spokesperson"; "the authority" is no "he")
        person = head.lower_ in PERSON_NOUNS and head.tag_ != "NNS"
        self._remember(start, span.text, None, head.lemma_.lower(), person=person)
        return Speaker(span.text, mention, None, None)
