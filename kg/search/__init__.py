"""Full-text search over the store's graphs: a tantivy index beside the store, and text search in SPARQL.

**What is indexed** (:mod:`kg.search.documents`). A pure function of one named graph's quads, the same quads
the store gets, makes its documents: one per article (``schema:headline``, the lede ``schema:description``,
``schema:articleBody``; its date, publisher and the entities it mentions or is about), per quotation
(``schema:Quotation``'s ``schema:text``; its speaker ``schema:creator``, its article's date and publisher)
and per entity the graph names (``schema:name``, ``nkg:surfaceForm``, ``schema:alternateName``: persons,
organizations, places, events, things). Text is indexed in the field of its language, German or English
(from the literal's tag, else the article's ``schema:inLanguage``; any other language in both), analysed by
words, lower-cased, stemmed by that language's Snowball stemmer and folded to ASCII: "Gipfels" finds
"Gipfel", "meetings" finds "meeting", "Szijjarto" finds "Szijjártó". An entity named in several graphs has a
document in each (so each graph's documents can be replaced alone) and is one hit.

**Search** (:meth:`SearchIndex.search`): every word of the text must occur in some part (tantivy's query
language: ``"a phrase"``, ``OR``, ``-word``), headline and names weigh most; filters by kind, date range,
publisher and entity. A hit carries its IRI, kind, score, title, date, a snippet with the words found marked
(character offsets in the part's text), for an article every place in ``schema:articleBody`` the words occur
(``Hit.matches``, so a page can open at them) and for a quotation its speaker and article.

**Never out of step with the store.** The index keeps, in the same tantivy commit as a graph's documents,
one manifest document per graph with the digest it was indexed from: the graph's ``nkg:inputDigest`` (which
:mod:`kg.ingest` writes into every article graph: the input files, the registry and the newskg version), or
for a graph without one (the entity graph) a digest of its documents. So the index's state is a mapping
graph -> digest that changes only with its documents, atomically.

- A writer writes the store first and the index after it: ``GraphStore.replace_graphs_ntriples(batch)``
  (one transaction), then :meth:`SearchIndex.replace_graphs` with the same mapping (one commit); removal the
  same way. The index is therefore never ahead of the store: every hit names something the store holds or
  held a moment ago.
- A crash between the two commits leaves the index one batch behind. :meth:`SearchIndex.sync`, run whenever a
  writer opens the index (before ``ingest`` or ``build`` writes anything), compares the index's digests with
  the store's (:func:`store_digests`: one query for the input digests, the entity graph digested from its
  quads) and re-indexes the graphs that differ, indexes those missing and drops those the store no longer
  has, in one commit. So after any interruption, the next open leaves both consistent: the store as its
  transactions left it, the index made from exactly that.
- An index of another :data:`kg.search.index.SCHEMA_VERSION` (a change of the schema or of the documents) is
  emptied at open and refilled by the same ``sync``. A readers' process (the server) opens it read-only and
  may call :meth:`SearchIndex.check` to report drift; it never writes.
- :meth:`SearchIndex.rebuild` indexes a whole store anew in one commit.

**Text search in SPARQL** (:mod:`kg.search.sparql`): the reserved predicate ``nkgtext:query`` with the search
text as object binds its subject variable to the hits (``nkgtext:score``, ``nkgtext:type``,
``nkgtext:limit`` refine it); :func:`kg.search.sparql.rewrite` turns it into ``VALUES`` before the engine
runs the query.
"""

from kg.search.documents import ENTITY_KINDS, KINDS, Document, Text, documents, graph_digest
from kg.search.index import Drift, Hit, SearchIndex, Snippet, default_path, open_index, store_digests
from kg.search.sparql import TEXT, TextPattern, index_search, rewrite, text_patterns

__all__ = [
    "ENTITY_KINDS",
    "KINDS",
    "TEXT",
    "Document",
    "Drift",
    "Hit",
    "SearchIndex",
    "Snippet",
    "Text",
    "TextPattern",
    "default_path",
    "documents",
    "graph_digest",
    "index_search",
    "open_index",
    "rewrite",
    "store_digests",
    "text_patterns",
]
