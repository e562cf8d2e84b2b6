"""``nlp.add_pipe("newsloom_events")``: event records as a spaCy component.

Needs a parser and NER before it; sets ``doc._.times`` (time expressions) and ``doc._.events`` (a list of
:class:`~newsloom.events.find.Event`). It uses ``doc._.quotes`` and ``doc._.actors`` when
``newsloom_quotes`` and ``newsloom_actors`` ran first (speech acts point at their quote, participants carry
actor ids), and reads the publication date from ``doc._.published``: without one, relative dates stay
unresolved.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsloom.events.find import find_events
from newsloom.temporal import find_times

for _name in ("events", "times", "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class EventsComponent:
    def __call__(self, doc: Doc) -> Doc:
        quotes = doc._.quotes if Doc.has_extension("quotes") else None
        actors = doc._.actors if Doc.has_extension("actors") else None
        doc._.times = find_times(doc.text, doc._.published)
        doc._.events = find_events(doc, doc._.published, quotes or [], actors or [], doc._.times)
        return doc


@Language.factory("newsloom_events", requires=["token.dep", "doc.ents"], assigns=["doc._.events", "doc._.times"])
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent()
