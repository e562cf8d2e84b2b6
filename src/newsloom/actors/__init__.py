"""Actors: named mentions grouped into actors per article, with canonical names, aliases and dated roles.

``find_actors(doc, published, quotes)`` groups one parsed article's mentions (:mod:`newsloom.actors.find`)
using the gazetteer (:mod:`newsloom.actors.gazetteer`); :mod:`newsloom.link.actors` merges the
per-article ids across a corpus.
"""

from newsloom.actors.find import Actor, Mention, Role, find_actors
from newsloom.actors.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer

__all__ = ["Actor", "Mention", "Role", "find_actors", "Gazetteer", "GazetteerEntry", "load_gazetteer"]
