"""Who a source mention refers to, without a coreference model.

- a name: the full form used earlier in the article ("Kirby" → "John F Kirby"), titles split off as role
  ("Pentagon Press Secretary John F Kirby" → name "John F Kirby", role "Pentagon Press Secretary");
- a pronoun: the latest speaker or person named as a subject before it that fits "he"/"she" ("Mr.", "Mrs.",
  "spokeswoman" say which);
- a definite role noun ("the US State Secretary", "the Pentagon press secretary"): the person who carries
  that role in the article, else the latest named speaker or subject before it, else the latest person
  named ("the Russian diplomat");
- an indefinite description ("a Taliban spokesperson", "a senior U.S. defense official"): kept as the name
  of an unnamed source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Span

from newsloom.actors.names import HONORIFIC_GENDER, TITLE_WORDS, role_of, strip_possessive, widen_name
from newsloom.nlp.quotes import Speaker, TextSpan

PRONOUNS = frozenset(["he", "she", "him", "her", "i", "we", "they", "it"])
_SINGULAR_PERSON_PRONOUNS = frozenset(["he", "she", "i"])
#: head nouns of unnamed sources that are people (a later "he"/"she" may be one of them)
PERSON_NOUNS = TITLE_WORDS | frozenset(
    ["man", "woman", "source", "witness", "resident", "member", "voter", "supporter", "worker", "aide", "candidate",
     "activist", "expert", "student", "teacher", "doctor", "farmer", "driver", "father", "mother", "son",
     "daughter", "wife", "husband", "friend", "neighbour", "neighbor", "owner", "employee", "soldier", "fighter",
     "commentator", "strategist", "pollster", "lawmaker", "politician", "negotiator", "organizer", "organiser"])


#: what a description's head noun says of the person's gender (a name's honorific says it too,
#: actors.names.HONORIFIC_GENDER): "she" does not refer back to "Mr. Putin" or "a campaign spokesman", "he"
#: not to "Mrs. Clinton" or "a campaign spokeswoman"
_NOUN_GENDER = {
    **dict.fromkeys(["man", "spokesman", "congressman", "chairman", "businessman", "councilman", "father",
                     "husband", "son", "brother", "boy", "king", "grandfather", "uncle", "nephew"], "m"),
    **dict.fromkeys(["woman", "spokeswoman", "congresswoman", "chairwoman", "businesswoman", "councilwoman",
                     "mother", "wife", "daughter", "sister", "girl", "queen", "grandmother", "aunt", "niece",
                     "actress"], "f"),
}


class _Said(NamedTuple):
    """A source the resolver has named, in text order."""

    token: int
    name: str
    role: str | None
    head: str  # lemma of the mention's head ("secretary", "spokeswoman")
    person: bool  # a person "he"/"she" may refer back to (not "the authority")


@dataclass
class _Person:
    name: str
    start: int  # token index of the mention
    end: int  # token index after the mention
    last: str  # last name, for surname-only mentions
    role: str | None
    gender: str | None = None  # from this mention's honorific ("Mrs. Clinton"), whatever the name's


class SpeakerResolver:
    def __init__(self, doc: Doc, quotations: list[tuple[int, int]] = ()) -> None:
        self.doc = doc
        quoted = set()
        for start, end in quotations:
            quoted.update(range(start, end))
        self.persons: list[_Person] = []
        self.speakers: list[_Said] = []
        self.full_names: dict[str, str] = {}  # last name -> first full name seen
        self.roles: dict[str, str] = {}  # full name -> role
        self.gender: dict[str, str | None] = {}  # name -> "m" / "f"; None when the text says both
        # Doc.ents builds a Span per entity on every access, and Span.ents reads Doc.ents: read them once
        self.ents = list(doc.ents)
        for ent in self.ents:
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
            honorific = doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
            gender = HONORIFIC_GENDER.get(honorific)
            self.persons.append(_Person(full, ent.start, ent.end, parts[-1], role, gender))
            self._note_gender(full, gender)

    def _note_gender(self, name: str, gender: str | None) -> None:
        if gender is not None:
            self.gender[name] = gender if self.gender.get(name, gender) == gender else None

    def _agrees(self, pronoun: str, name: str, gender: str | None = None) -> bool:
        gender = gender or self.gender.get(name)
        return not (pronoun == "he" and gender == "f" or pronoun == "she" and gender == "m")

    def _person_before(self, token_index: int, subjects_only: bool = False, pronoun: str = "") -> _Person | None:
        best = None
        for person in self.persons:
            if person.start >= token_index:
                break
            if pronoun and not self._agrees(pronoun, person.name, person.gender):
                continue
            root = self.doc[person.start : person.end].root
            # "President Vladimir Putin's special envoy" names the envoy, not Putin
            if root.dep_ == "poss" or subjects_only and root.dep_ not in ("nsubj", "nsubjpass"):
                continue
            best = person
        return best

    def _salient_person(self, token_index: int) -> str | None:
        """Whom a definite description with no matching role means. A person named earlier in its own
        sentence ("… a good relationship with David Cameron because the British prime minister …"); else the
        latest named person who spoke or was a subject before that sentence, not a name in passing ("Blinken
        said at the end of talks with his Indian counterpart S Jaishankar. The top US diplomat was …");
        else the latest person named at all."""
        sentence_start = self.doc[token_index].sent.start
        person = self._person_before(token_index)
        if person is None or person.start >= sentence_start:
            return person.name if person else None
        named = {p.name for p in self.persons}
        spoke = [(said.token, said.name) for said in self.speakers if said.token < sentence_start and said.name in named]
        subject = self._person_before(sentence_start, subjects_only=True)
        candidates = spoke[-1:] + ([(subject.start, subject.name)] if subject else [])
        return max(candidates)[1] if candidates else person.name

    def _remember(self, token_index: int, name: str | None, role: str | None, head: str = "",
                  person: bool = True) -> None:
        if name:
            self.speakers.append(_Said(token_index, name, role, head, person))

    def _ents_within(self, start: int, end: int) -> list[Span]:
        """What ``doc[start:end].ents`` gives: the entities wholly inside those tokens."""
        return [e for e in self.ents if e.start >= start and e.end <= end]

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
                ent = next(e for e in self.ents if e.start <= child.i < e.end)
                name = strip_possessive(widen_name(ent).text)
                self._remember(start, name, span.text, head.lemma_.lower())
                return Speaker(name, mention, None, span.text)
        # "Reyes said": a surname seen earlier with a first name, whatever NER labelled it here
        if head.pos_ == "PROPN" and len(span) <= 2 and head.text in self.full_names:
            name = self.full_names[head.text]
            role = self.roles.get(name)
            self._remember(start, name, role, head.lemma_.lower())
            return Speaker(name, mention, None, role)
        inside = self._ents_within(start, end)
        persons = [e for e in inside if e.label_ == "PERSON"]
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
                pronoun = head.lower_
                person = self._person_before(start, subjects_only=True, pronoun=pronoun)
                speaker = next(((said.token, said.name, said.role) for said in reversed(self.speakers)
                                if said.person and said.token < start and self._agrees(pronoun, said.name)), None)
                candidates = [c for c in (speaker, (person.start, person.name, person.role) if person else None)
                              if c is not None and c[0] < start]
                if candidates:
                    _, name, role = max(candidates, key=lambda c: c[0])
                    return Speaker(name, mention, None, role)
            return Speaker(span.text, mention, None, None)
        others = [e for e in inside if e.label_ in ("ORG", "GPE", "NORP", "FAC")]
        if lower.startswith(("the ", "this ", "that ")) and head.lower_ in TITLE_WORDS:
            # a definite role noun: the person holding that role here, else the last person named
            wanted = {t.lower_ for t in span if not t.is_stop and not t.is_punct}
            same_head = [said for said in self.speakers if said.token < start and said.head == head.lemma_.lower()]
            if same_head:
                name, role = same_head[-1].name, same_head[-1].role
                self._remember(start, name, role, head.lemma_.lower())
                return Speaker(name, mention, None, span.text)
            best, best_overlap = None, 0
            for name, role in self.roles.items():
                overlap = len(wanted & {w.lower() for w in re.findall(r"\w+", role)})
                if head.lower_ in role.lower() and overlap > best_overlap:
                    best, best_overlap = name, overlap
            if best is None:
                best = self._salient_person(start)
            if best is not None:
                self._remember(start, best, self.roles.get(best), head.lemma_.lower())
                return Speaker(best, mention, None, span.text)
        if others and len(span) <= len(others[-1]) + 1:
            return Speaker(others[-1].text, mention, None, None)
        # an unnamed source described by the text ("a Taliban spokesperson"; "the authority" is no "he")
        person = head.lower_ in PERSON_NOUNS and head.tag_ != "NNS"
        self._remember(start, span.text, None, head.lemma_.lower(), person=person)
        if person:
            self._note_gender(span.text, _NOUN_GENDER.get(head.lemma_.lower()))
        return Speaker(span.text, mention, None, None)
