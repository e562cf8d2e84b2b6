"""Event records of one article: who did what to whom, when and where — from one parsed body.

A word of the trigger lexicon (:mod:`newsloom.events.plover`) is an event; the dependency parse gives its
participants:

- **actor**: the verb's subject (the agent of a passive; for a noun trigger its possessor or a naming
  modifier: "the Taliban offensive", "Russia's move"), climbing through "agreed to send", ", rejecting …";
- **target**: the object, the subject of a passive, or the object of "on/against/with/to";
- **location**: a place (GPE/LOC/FAC) attached by "in/at/near/on/into/…", else one named in the target,
  else the only place the sentence names;
- **date**: the sentence's time expression (one attached to the trigger first), else the publication date
  — and which one was used; with neither, no date but the expression's text;
- **quantities** (:mod:`newsloom.events.quantities`), **modality** (negated > possible > planned >
  reported > asserted) and the ACLED-style subtype of the sentence for violent and protest events.

Speech is not an event: "said", "told" are quotes. A speech act with a PLOVER type ("accused", "warned")
is an event that points at its quote; an event inside a quote's content is ``reported`` and points at it.
Events of one type in one sentence are one event ("the suicide bombing … in which 13 were killed").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsloom.events.acled import acled_subtype
from newsloom.events.plover import Lexicon, Trigger, load_lexicon
from newsloom.events.quantities import Quantity, find_quantities
from newsloom.nlp.quotes import TextSpan

PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
_PLACE_PREPOSITIONS = frozenset(["in", "at", "near", "into", "across", "outside", "inside", "around", "from", "on",
                                 "throughout", "toward", "towards"])
_TARGET_PREPOSITIONS = frozenset(["on", "against", "with", "to", "upon", "at"])
_POSSIBLE = frozenset(["could", "may", "might", "can"])
_PLANNED = frozenset(["will", "would", "shall", "'ll", "wo"])
_NEGATORS = frozenset(["deny", "refute", "dismiss", "reject", "refuse", "decline", "fail"])
_INTENT = frozenset(["plan", "intend", "prepare", "aim", "vow", "pledge", "promise", "threaten", "decide", "want",
                     "seek", "hope", "expect", "agree", "offer", "propose", "try", "set", "schedule", "go"])
_SPEECH = frozenset(["say", "tell", "report", "claim", "state", "add", "announce", "confirm", "allege", "quote",
                     "write", "insist", "argue", "assert", "maintain", "suggest", "believe", "think"])
_PRONOUNS_PERSON = frozenset(["he", "she", "him", "her", "his"])
_PRONOUNS_GROUP = frozenset(["they", "them", "it", "we", "us", "its", "their", "our"])
#: verbs whose complement verb is the event ("help evacuate", "try to seize")
_HELPERS = frozenset(["help", "try", "seek", "attempt"])
#: nouns that make a place named inside a target the event's location ("Afghanistan's biggest cities")
_PLACE_NOUNS = frozenset(["city", "town", "village", "district", "province", "capital", "territory", "area",
                          "region", "border", "base", "airport", "camp", "port", "country", "state"])
#: people whose gathering, clashing or blocking is a protest ("protesters clashed with police": PROTEST/riot)
_PROTESTERS = frozenset(["protester", "protestor", "demonstrator", "rioter", "marcher", "picketer"])
_PROTEST_ACTS = frozenset(["FIGHT", "ASSAULT", "CONSULT", "MOBILIZE", "COERCE", "SANCTION", "REJECT"])
#: nouns for people and bodies that take part in political events (an event needs such a participant,
#: a named one, or — for violence and protest — a count or a place: "the food was contaminated" is none)
_GROUP_NOUNS = frozenset(
    ["government", "administration", "force", "troop", "soldier", "army", "military", "police", "officer",
     "militant", "rebel", "insurgent", "fighter", "gunman", "militia", "protester", "protestor", "demonstrator",
     "rioter", "official", "authority", "minister", "ministry", "president", "leader", "lawmaker", "legislator",
     "senator", "congress", "parliament", "court", "judge", "prosecutor", "agency", "regime", "party",
     "opposition", "coalition", "alliance", "union", "delegation", "diplomat", "envoy", "ambassador",
     "spokesman", "spokeswoman", "spokesperson", "commander", "general", "civilian", "resident", "villager",
     "refugee", "migrant", "worker", "student", "people", "group", "organization", "organisation", "member",
     "country", "nation", "state", "council", "committee", "campaign", "candidate", "voter", "hacker",
     "terrorist", "bomber", "attacker", "guard", "peacekeeper", "negotiator", "mediator", "company", "city",
     "town", "newspaper", "media", "power", "assailant", "man", "woman", "crowd", "mob", "militiaman"])
_VIOLENT_TYPES = frozenset(["ASSAULT", "FIGHT", "COERCE", "PROTEST", "MOBILIZE"])
#: attack words that, aimed at a person with no violence in the sentence, are words, not blows
_VERBAL_ATTACKS = frozenset(["attack", "blast", "hit", "target", "slam", "lash", "assail", "hammer", "fight"])
_VIOLENCE = re.compile(r"\b(?:kill\w*|dead|death|wound\w*|injur\w*|bomb\w*|guns?|gunfire|shot|shoot\w*|fired|troops|"
                       r"soldiers|military|militants?|missiles?|rockets?|weapons?|armed|stabb\w*|beat(?:en|ing)?|"
                       r"assault\w*|hospital\w*|police|explosi\w*)\b", re.I)
#: the ACLED-style subtypes that fit each event type; a subtype outside them is not given
ACLED_FIT = {
    "ASSAULT": frozenset(["ATTACK", "SUIC_BOMB", "REM_EXPLOS", "GRENADE", "SEX_VIOL", "ABDUCT_DISSAP", "MOB_VIOL",
                          "CHEM_WEAP", "AIR_STRIKE", "ART_MISS_ATTACK"]),
    "FIGHT": frozenset(["ARMED_CLASH", "AIR_STRIKE", "ART_MISS_ATTACK", "NON_STATE_ACTOR_OVERTAKES_TER",
                        "GOV_REGAINS_TERIT", "ATTACK", "REM_EXPLOS", "GRENADE", "SUIC_BOMB"]),
    "COERCE": frozenset(["ARREST", "PROPERTY_DISTRUCT", "FORCE_AGAINST_PROTEST", "ABDUCT_DISSAP",
                         "CHANGE_TO_GROUP_ACT", "DISR_WEAP"]),
    "PROTEST": frozenset(["PEACE_PROTEST", "VIOL_DEMONSTR", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST",
                          "MOB_VIOL"]),
    "MOBILIZE": frozenset(["CHANGE_TO_GROUP_ACT", "HQ_ESTABLISHED"]),
    "RETREAT": frozenset(["NON_VIOL_TERRIT_TRANSFER", "AGREEMENT"]),
}
#: PLOVER codes a planned or refused action as its announcement: cooperative ones as AGREE, hostile ones
#: as THREATEN, refusals as REJECT (the convention of the PLOVER gold standard)
COOPERATIVE = frozenset(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE"])
HOSTILE = frozenset(["COERCE", "ASSAULT", "FIGHT", "SANCTION", "MOBILIZE", "PROTEST"])


@dataclass
class Participant:
    """An actor, target or place: the words of the text, and the article actor they name (if any)."""

    text: str
    start: int
    end: int
    #: the article actor's id (canonical once the corpus is linked) and name
    entity: str | None = None
    name: str | None = None


@dataclass
class Event:
    type: str
    mode: str | None
    trigger: TextSpan
    actor: Participant | None
    target: Participant | None
    location: Participant | None
    #: TIMEX3-style value of when it happened (None: unknown)
    date: str | None
    #: "sentence" (a time expression of the sentence) | "published" (the publication date) | None
    date_source: str | None
    #: the time expression used (kept even when it could not be resolved)
    time: TextSpan | None
    quantities: list[Quantity] = field(default_factory=list)
    modality: str = "asserted"  # asserted | planned | possible | negated | reported
    sentence: TextSpan | None = None
    #: index into the article's quotes: the statement that reports this event (or that is this event)
    quote: int | None = None
    acled: str | None = None
    #: how PLOVER's coders would code the report (see :func:`plover_coding`)
    coded: str | None = None


def find_events(doc: Doc, published: str | None, quotes: list[Any] | None = None,
                entities: list[Any] | None = None, times: list[Any] | None = None) -> list[Event]:
    """Events of a parsed body. ``quotes``, ``entities`` (actors) and ``times`` are the article's own, with
    offsets into the same text."""
    lexicon = load_lexicon()
    context = _Context(doc, published, quotes or [], entities or [], times or [])
    events: list[Event] = []
    for sent in doc.sents:
        found: list[tuple[Token, Trigger]] = []
        for tok in sent:
            trigger = trigger_of(tok, lexicon)
            if trigger is not None:
                found.append((tok, trigger))
        if not found:
            continue
        quantities = find_quantities(sent, context.time_spans)
        sentence_events: list[tuple[Token, Event]] = []
        for tok, trigger in found:
            same = next((e for t, e in sentence_events if e.type == trigger.type), None)
            event = context.event(tok, trigger, sent)
            if same is not None:
                _merge(same, event)
                continue
            sentence_events.append((tok, event))
        _share_quantities(sentence_events, quantities)
        kept = [e for _, e in sentence_events if context.involves_actors(e)]
        if any(e.type in ACLED_FIT for e in kept):  # one classification per sentence, only when it is used
            subtype = acled_subtype(sent.text)
            for e in kept:
                e.acled = subtype if subtype in ACLED_FIT.get(e.type, ()) else None
        events.extend(kept)
    return events


def trigger_of(tok: Token, lexicon: Lexicon) -> Trigger | None:
    """The event type a token names, if any (a verb with its particle or object, or an event noun)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        for child in tok.children:
            if child.dep_ == "prt" and f"{lemma} {child.lower_}" in lexicon.phrases:
                return lexicon.phrases[f"{lemma} {child.lower_}"]
        for obj in _objects(tok):
            for key in (f"{lemma} {obj.lemma_.lower()}", f"{lemma} {obj.lower_}"):
                if key in lexicon.verb_objects:
                    return lexicon.verb_objects[key]
        if lemma in _HELPERS and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in tok.children):
            return None  # "help evacuate" is the evacuation
        if lemma in lexicon.phrases:  # one-word entries of the phrase table ("flee")
            return lexicon.phrases[lemma]
        if lemma in lexicon.ignore:
            return None
        return lexicon.verbs.get(lemma)
    if tok.pos_ == "NOUN" and tok.dep_ != "compound":
        word = tok.lower_
        longer = lexicon.noun_phrases.get(word) or lexicon.noun_phrases.get(tok.lemma_.lower())
        if longer and tok.i > 0:
            before = tok.doc[tok.i - 1]
            for key in (f"{before.lower_} {word}", f"{before.lower_} {tok.lemma_.lower()}"):
                if key in longer:
                    return longer[key]
        return lexicon.nouns.get(word) or lexicon.nouns.get(tok.lemma_.lower())
    return None


def _objects(verb: Token) -> list[Token]:
    """Nouns that complete a verb's meaning: its object, a passive subject, objects of its prepositions."""
    found = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            found.append(child)
        elif child.dep_ == "prep" or child.dep_ == "prt":
            found.extend(g for g in child.children if g.dep_ in ("pobj", "dobj"))
    return found


def _merge(into: Event, other: Event) -> None:
    for name in ("actor", "target", "location", "mode"):
        if getattr(into, name) is None and getattr(other, name) is not None:
            setattr(into, name, getattr(other, name))
    if into.date_source != "sentence" and other.date_source == "sentence":
        into.date, into.date_source, into.time = other.date, other.date_source, other.time


def _share_quantities(events: list[tuple[Token, Event]], quantities: list[Quantity]) -> None:
    """Each quantity goes to the event whose trigger's clause holds it, else to the sentence's first event."""
    for q in quantities:
        holders = []
        for tok, event in events:
            subtree = list(tok.subtree)
            if subtree[0].idx <= q.start and q.end <= subtree[-1].idx + len(subtree[-1]):
                holders.append((len(subtree), event))
        owner = min(holders, key=lambda h: h[0])[1] if holders else events[0][1]
        owner.quantities.append(q)


class _Context:
    """What the per-token rules read from the article: actor mentions, places, quotes, time expressions."""

    def __init__(self, doc: Doc, published: str | None, quotes: list[Any], entities: list[Any],
                 times: list[Any]) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each call
        self.ents = list(doc.ents)  # Doc.ents (and Span.ents, which reads it) builds every entity's Span per call
        self.published = published[:10] if published else None
        self.quotes = quotes
        self.mentions = sorted(
            ((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[0])
        self.times = times
        self.time_spans = [(t.start, t.end) for t in times]
        self.cues = {q.cue.start: i for i, q in enumerate(quotes) if q.cue is not None}

    # -- one event ----------------------------------------------------------------------------------------
    def event(self, tok: Token, trigger: Trigger, sent: Span) -> Event:
        actor_tok, target_tok = self.arguments(tok)
        if actor_tok is not None and actor_tok.lemma_.lower() in _PROTESTERS and trigger.type in _PROTEST_ACTS:
            trigger = Trigger("PROTEST", "riot" if trigger.type in ("FIGHT", "ASSAULT") else "demo", trigger.source)
        actor = self.participant(actor_tok) if actor_tok is not None else None
        target = self.participant(target_tok) if target_tok is not None else None
        date, source, time = self.date(tok, sent)
        quote = self.quote_of(tok)
        if trigger.type in ("ASSAULT", "FIGHT") and tok.lemma_.lower() in _VERBAL_ATTACKS and target is not None \
                and self.is_person(target) and not _VIOLENCE.search(sent.text):
            trigger = Trigger("DISAPPROVE", None, trigger.source)  # "Trump attacked Clinton on Twitter"
        event = Event(
            type=trigger.type, mode=trigger.mode,
            trigger=TextSpan(tok.text, tok.idx, tok.idx + len(tok)),
            actor=actor, target=target, location=self.location(tok, sent, actor, target),
            date=date, date_source=source, time=time, modality=self.modality(tok, quote),
            sentence=TextSpan(sent.text, sent.start_char, sent.end_char), quote=quote,
        )
        event.coded = plover_coding(event)
        return event

    def arguments(self, tok: Token) -> tuple[Token | None, Token | None]:
        """(actor, target) head tokens of a trigger."""
        if tok.pos_ == "NOUN":
            actor = next((c for c in tok.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")), None)
            if actor is None:
                actor = next((c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.ent_type_ in
                              ("NORP", "ORG", "GPE", "PERSON")), None)
            if actor is None and tok.dep_ in ("dobj", "attr") and tok.head.pos_ == "VERB":
                # "opened investigations against …", "launched an offensive": the verb's subject
                actor = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            target = None
            for prep in (c for c in tok.children if c.dep_ == "prep"):
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                if prep.lower_ == "between" and actor is None:  # "talks between A and B", "clash between …"
                    actor = pobj
                    target = next((c for c in pobj.children if c.dep_ == "conj"), target)
                elif prep.lower_ in ("by", "from") and actor is None:
                    actor = pobj
                elif prep.lower_ in ("on", "against", "with", "of") and target is None \
                        and not self.is_place(pobj):
                    target = pobj
            return actor, target
        actor = direct = None
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        for child in tok.children:
            if child.dep_ == "nsubj":
                actor = child
            elif child.dep_ == "agent":
                actor = next((g for g in child.children if g.dep_ == "pobj"), actor)
            elif child.dep_ in ("nsubjpass", "dobj") and child.ent_type_ not in ("DATE", "TIME") and direct is None:
                direct = child
        target = self.target(tok, direct)
        if actor is None and not passive:
            actor = _inherited_subject(tok)
        if actor is not None and actor.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
            actor = tok.head  # "forces that attacked": the forces
        return actor, target

    def target(self, verb: Token, direct: Token | None) -> Token | None:
        """Whom a verb's event is done to: the object when it names an actor, else a named actor it reaches
        through "to/with/against/on/from" ("granted asylum to 18 Rwandan rebels", "demanded the
        withdrawal of Serbian forces"), or the subject of the clause it governs ("demanded that the US
        cancel"); else the plain object."""
        if direct is not None and _named(direct):
            return direct
        reachable = []
        for head in (verb, direct):
            if head is None:
                continue
            for prep in (c for c in head.children if c.dep_ in ("prep", "dative")):
                if prep.dep_ == "dative" and prep.pos_ in ("NOUN", "PROPN", "PRON"):
                    reachable.append(prep)
                    continue
                if prep.lower_ in _TARGET_PREPOSITIONS or direct is not None and head.i == direct.i and prep.lower_ in ("of", "from", "for") \
                        and direct.lemma_.lower() not in _PLACE_NOUNS:  # "the town of Kunduz" is the town
                    reachable.extend(g for g in prep.children if g.dep_ == "pobj" and not self.is_place(g)
                                     and g.ent_type_ not in ("DATE", "TIME"))
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
            reachable.extend(g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass"))
        named = next((t for t in reachable if _named(t)), None)
        if named is not None:
            return named
        if direct is not None:
            return direct
        return next((t for t in reachable if t.head.dep_ == "prep" and t.head.head.i == verb.i), None)

    def is_person(self, part: Participant) -> bool:
        entity = self.entity_at(part.start, part.end) or self.entity_within(part.start, part.end)
        return entity is not None and entity.type == "PERSON"

    def involves_actors(self, event: Event) -> bool:
        """Whether an event is done by or to someone who can act politically: an article actor, a named one,
        a group of people or an institution. An abstract actor ("regulations target emissions", "reasons to
        attack") rules it out unless it is violence or protest with a count or a place ("an explosion killed
        two"); with no actor, violence and protest count with any target, a count or a place."""
        violent = event.type in _VIOLENT_TYPES
        actor_ok = event.actor is not None and self.actor_like(event.actor)
        target_ok = event.target is not None and self.actor_like(event.target)
        if event.actor is not None and not actor_ok:
            return violent and bool(event.quantities or event.location)
        if actor_ok or target_ok:
            return True
        return violent and bool(event.target or event.quantities or event.location)

    def actor_like(self, part: Participant) -> bool:
        if part.entity:
            return True
        span = self.doc.char_span(part.start, part.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.like_num or root.lower_ in ("thousands", "hundreds", "dozens", "scores", "millions", "some", "many"):
            # "thousands of students": the students
            of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            root = next((g for g in of.children if g.dep_ == "pobj"), root) if of is not None else root
        if root.pos_ == "PRON" and root.lower_ in ("we", "us", "our", "i", "me") and self.quote_of(root) is not None:
            return True  # the speaker's side: someone said it
        if root.pos_ == "PRON" and root.lower_ in _PRONOUNS_GROUP | _PRONOUNS_PERSON:
            # "The group denied that it …": the last subject before the pronoun decides
            root = next(self.subjects_before(root), None)
            if root is None:
                return False
        return _named(root) or root.lemma_.lower() in _GROUP_NOUNS or \
            self.entity_at(root.idx, root.idx + len(root)) is not None

    def participant(self, tok: Token) -> Participant:
        if tok.pos_ == "PRON" and tok.lower_ in _PRONOUNS_PERSON | _PRONOUNS_GROUP:  # not "US"
            resolved = self.resolve_pronoun(tok)
            if resolved is not None:
                return Participant(tok.text, tok.idx, tok.idx + len(tok), resolved.id, resolved.name)
        subtree = list(tok.subtree)
        first, last = subtree[0], tok
        for t in subtree:  # a name after the head: "his counterpart Lieutenant General Viktor Khrenin"
            if t.i == last.i + 1 and t.i > tok.i and (t.pos_ == "PROPN" or t.dep_ in ("compound", "flat")):
                last = t
        start, end = first.idx, last.idx + len(last)
        entity = self.entity_at(tok.idx, tok.idx + len(tok)) or self.entity_within(start, end)
        return Participant(self.text[start:end], start, end,
                           entity.id if entity else None, entity.name if entity else None)

    def entity_at(self, start: int, end: int) -> Any | None:
        """The actor of the narrowest mention that covers the span."""
        covering = [(m_end - m_start, entity) for m_start, m_end, entity in self.mentions
                    if m_start <= start and end <= m_end]
        return min(covering, key=lambda c: c[0])[1] if covering else None

    def entity_within(self, start: int, end: int) -> Any | None:
        for m_start, m_end, entity in self.mentions:
            if start <= m_start and m_end <= end:
                return entity
        return None

    def resolve_pronoun(self, tok: Token) -> Any | None:
        """The actor a pronoun stands for: the last subject before it that names an actor of a fitting type
        (he/she: a person; they/it: a group, state or organisation), else the nearest such mention; inside a
        quotation "we" is the speaker's side."""
        wanted = ("PERSON",) if tok.lower_ in _PRONOUNS_PERSON else ("ORG", "NORP", "GPE")
        if tok.lower_ in ("we", "us", "our"):  # only the speaker's side, and only when it is known
            quote = self.quote_of(tok)
            if quote is None or not self.quotes[quote].speaker.entity:
                return None
            return next((e for _, _, e in self.mentions if e.id == self.quotes[quote].speaker.entity), None)
        # the most recent subject that names such an actor (the salient one)
        for prev in self.subjects_before(tok):
            entity = self.entity_at(prev.idx, prev.idx + len(prev)) or self.entity_within(
                prev.left_edge.idx, prev.idx + len(prev))
            if entity is not None and entity.type in wanted:
                return entity
        best = None
        for m_start, _, entity in self.mentions:
            if m_start >= tok.idx:
                break
            if entity.type in wanted:
                best = entity
        return best

    def subjects_before(self, tok: Token, window: int = 80) -> Iterator[Token]:
        """Non-pronoun subjects in the ``window`` tokens before ``tok``, nearest first: a pronoun's
        candidate antecedents."""
        for prev in reversed(self.doc[max(0, tok.i - window) : tok.i]):
            if prev.dep_ in ("nsubj", "nsubjpass") and prev.pos_ != "PRON":
                yield prev

    def is_place(self, tok: Token) -> bool:
        return tok.ent_type_ in PLACE_LABELS and tok.ent_type_ != "GPE" or (
            tok.ent_type_ == "GPE" and tok.head.dep_ == "prep" and tok.head.lower_ in ("in", "at", "near", "into"))

    def location(self, tok: Token, sent: Span, actor: Participant | None,
                 target: Participant | None) -> Participant | None:
        # a place attached to the trigger (or its object) by a preposition of place
        heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))]
        for head in heads:
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPOSITIONS):
                for t in prep.subtree:
                    if self.is_place_token(t):
                        return self.place(t)
        if target is not None:  # "seized Afghanistan's biggest cities"
            head = self.doc.char_span(target.start, target.end, alignment_mode="expand")
            if head is not None and head.root.lemma_.lower() in _PLACE_NOUNS:
                place = next((t for t in head if t.i != head.root.i and self.is_place_token(t)), None)
                if place is not None:
                    return self.place(place)
        taken = [(p.start, p.end) for p in (actor, target) if p is not None]
        places = {e.text: e for e in self.ents if e.start >= sent.start and e.end <= sent.end  # sent.ents
                  and self.is_place_token(e[0])
                  and not any(s <= e.start_char < t for s, t in taken)}
        return self.place(next(iter(places.values()))[0]) if len(places) == 1 else None

    def is_place_token(self, tok: Token) -> bool:
        """A token of a place name: NER says GPE/LOC/FAC and the article's actors do not say it is a person."""
        if tok.ent_type_ not in PLACE_LABELS:
            return False
        entity = self.entity_at(tok.idx, tok.idx + len(tok))
        return entity is None or entity.type not in ("PERSON", "NORP")

    def place(self, tok: Token) -> Participant:
        ent = next((e for e in self.ents if e.start <= tok.i < e.end), None)
        start, end = (ent.start_char, ent.end_char) if ent is not None else (tok.idx, tok.idx + len(tok))
        entity = self.entity_at(start, end) or self.entity_within(start, end)
        return Participant(self.text[start:end], start, end, entity.id if entity else None,
                           entity.name if entity else None)

    def date(self, tok: Token, sent: Span) -> tuple[str | None, str | None, TextSpan | None]:
        inside = [t for t in self.times if sent.start_char <= t.start and t.end <= sent.end_char
                  and not (t.value or "").startswith("P") and not (t.value or "").endswith("_REF")]
        subtree = list(tok.subtree)
        lo, hi = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
        ancestors = {a.i for a in tok.ancestors}
        # an expression counts when it hangs from the trigger or from a verb above it ("said on Thursday it
        # would send"), not when it dates another clause ("ousted … in 2001")
        inside = [t for t in inside if self.anchor(t.start, tok) in ancestors | {tok.i}]
        inside.sort(key=lambda t: (not (lo <= t.start and t.end <= hi), abs(t.start - tok.idx)))
        if inside:
            chosen = inside[0]
            span = TextSpan(chosen.text, chosen.start, chosen.end)
            if chosen.value:
                return chosen.value, "sentence", span
            return None, None, span
        if self.published:
            return self.published, "published", None
        return None, None, None

    def anchor(self, offset: int, trigger: Token) -> int | None:
        """What a time expression at ``offset`` dates: the trigger, if it hangs from it, else its nearest
        verb ancestor."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None:
            return None
        for ancestor in span[0].ancestors:
            if ancestor.i == trigger.i or ancestor.pos_ in ("VERB", "AUX") or ancestor.dep_ == "ROOT":
                return ancestor.i
        return None

    def quote_of(self, tok: Token) -> int | None:
        if tok.idx in self.cues:
            return self.cues[tok.idx]
        for i, q in enumerate(self.quotes):
            if q.start <= tok.idx < q.end:
                return i
        return None

    def modality(self, tok: Token, quote: int | None) -> str:
        negated = possible = planned = reported = False
        # the trigger's own clause: the verbs it shares auxiliaries with ("would seize and hold", "agreed to
        # send"), and for an event noun the verb it is the object of ("could launch an offensive")
        clause, current = [tok], tok
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "attr", "nsubjpass"):
            current = tok.head
            clause.append(current)
        while current.dep_ in ("xcomp", "conj") and current.head.i != current.i and len(clause) < 6:
            current = current.head
            clause.append(current)
        for i, t in enumerate(clause):
            for child in t.children:
                word = child.lower_
                if child.dep_ == "neg" or (child.dep_ == "det" and word == "no" and i == 0):
                    negated = True
                elif child.dep_ == "aux" and word in _POSSIBLE:
                    possible = True
                elif child.dep_ == "aux" and word in _PLANNED:
                    planned = True
            if i > 0 and t.pos_ == "VERB":
                lemma = t.lemma_.lower()
                negated = negated or lemma in _NEGATORS
                planned = planned or lemma in _INTENT
        # the clause above it: "denied that …", "said …", "… to help evacuate"
        top = clause[-1]
        if top.dep_ in ("ccomp", "advcl", "xcomp") and top.head.i != top.i:
            lemma = top.head.lemma_.lower()
            if lemma in _NEGATORS and top.dep_ == "ccomp":
                negated = True
            elif lemma in _SPEECH:
                reported = True
            if top.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children):
                planned = True
        if quote is not None and self.cues.get(tok.idx) != quote and (
                tok.pos_ in ("VERB", "AUX") or self.quotes[quote].kind != "indirect"):
            # an event noun inside an indirect statement is what it is about, not what it reports ("promised to
            # hunt down the fighters behind last week's bombing": the bombing is the article's fact)
            reported = True
        if negated:
            return "negated"
        if possible:
            return "possible"
        if planned:
            return "planned"
        return "reported" if reported else "asserted"


def plover_coding(event: Event) -> str:
    """The event's PLOVER code by the gold standard's convention: an action announced or refused rather
    than done is coded as the announcement ("will send troops": THREATEN; "offered to help": AGREE;
    "will not accept": REJECT); done, possible or reported actions keep their type."""
    if event.modality == "planned":
        if event.type in COOPERATIVE:
            return "AGREE"
        if event.type in HOSTILE:
            return "THREATEN"
    if event.modality == "negated" and event.type in COOPERATIVE | {"AGREE"}:
        return "REJECT"
    return event.type


def _named(tok: Token) -> bool:
    """Whether a noun phrase names an actor: a proper name, or a group by its nationality or organisation
    ("Serbian forces", "Rwandan rebels")."""
    if tok.ent_type_ in ("DATE", "TIME"):
        return False
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return any(c.dep_ in ("compound", "amod", "poss") and c.ent_type_ not in ("DATE", "TIME")
               and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "GPE", "NORP")) for c in tok.lefts)


def _inherited_subject(tok: Token) -> Token | None:
    """The subject a verb shares with the verb above it: "agreed to send", "seized X and captured Y",
    "…, rejecting the claims, a spokesman said", "fighters who attacked"."""
    current = tok
    for _ in range(4):
        if current.dep_ in ("relcl", "acl") and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head
        # not through "ccomp": the subject of "residents said" is not the subject of the clause they report
        if current.dep_ not in ("xcomp", "conj", "advcl", "pcomp") or current.head.i == current.i:
            return None
        current = current.head
        subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
    return None
