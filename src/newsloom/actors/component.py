"""``nlp.add_pipe("newsloom_actors")``: actor grouping as a spaCy component.

Needs a parser and NER before it; sets ``doc._.actors`` (a list of :class:`~newsloom.actors.find.Actor`)
and, when ``newsloom_quotes`` ran first, fills each quote's ``speaker.entity``. The publication date, which
decides the gazetteer roles an actor held, is read from ``doc._.published`` when set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsloom.actors.find import find_actors

for _name in ("actors", "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class ActorsComponent:
    def __call__(self, doc: Doc) -> Doc:
        quotes = doc._.quotes if Doc.has_extension("quotes") else None
        doc._.actors = find_actors(doc, doc._.published, quotes or [])
        return doc


@Language.factory("newsloom_actors", requires=["token.dep", "doc.ents"], assigns=["doc._.actors"])
def make_actors_component(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent()
