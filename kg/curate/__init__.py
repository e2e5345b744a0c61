"""Curating the entities: the worklist of those no Wikidata item is linked to, and the editor's two fixes.

- :mod:`~kg.curate.worklist`: the unlinked entities of a store, by mentions, with contexts and articles
  (:func:`kg.curate.worklist.worklist`; not re-exported here, where the name is the module's);
- :mod:`~kg.curate.names`: which of them are likely one (accents, surnames, inflected forms);
- :mod:`~kg.curate.registry_files`: edits of ``data/entities/*.yaml`` that keep comments and order;
- :mod:`~kg.curate.changes`: ``link`` and ``merge``, the registry and the store changed together;
- :mod:`~kg.curate.cli`: ``newskg entities todo|link|merge``.
"""

from __future__ import annotations

from kg.curate.changes import AmbiguousName, Change, Curator, UnknownEntity
from kg.curate.names import group
from kg.curate.worklist import Item, Worklist, store_select

__all__ = [
    "AmbiguousName",
    "Change",
    "Curator",
    "Item",
    "UnknownEntity",
    "Worklist",
    "group",
    "store_select",
]
