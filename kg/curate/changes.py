"""Link an entity to its Wikidata item, merge one entity into another: the registry files and the stored
graphs changed together.

Both end with the entity in the registry (``data/entities``), where the editor's facts live: linking an
entity the extractor found (or a byline, a photo credit) adds an entry for it with the id the editor gave;
merging adds A's names to B's aliases, so the next build finds B where the text says A. The QID is written
because the editor typed it, never guessed.

The store changes in one write (:meth:`~kg.store.GraphStore.replace_graphs`, one transaction): the entity
graph as the new registry makes it, and every graph that names a renamed IRI, rewritten (the old node's type,
name and ``nkg:wikidataUnverified`` are dropped there: the entity graph describes it now). The new registry
texts are written next to their files first and moved over them only once the store write succeeded, so a
failure leaves both as they were. The search index beside the store is then updated with the same graphs,
as :mod:`kg.ingest` keeps it. A rewritten article graph gets a new ``nkg:inputDigest``, so the index sees it
changed, and the next ``newskg ingest`` maps it again from the changed registry (as after any registry edit).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions

from kg.curate.names import fold, like
from kg.curate.registry_files import RegistryFile
from kg.curate.worklist import Item, store_select, unlinked
from kg.errors import InputError, NewsKGError, ShapesViolated
from kg.mapping import Source, entity_iri, entity_quads
from kg.read.registry import TYPES, Entity, Registry, load_registry
from kg.search import SearchIndex
from kg.shacl import validate
from kg.store import GraphStore
from kg.vocab import NKG, RDF, SCHEMA, Minter, is_wikidata_id, slugify

#: Statements describing an entity in an article graph, dropped there once the entity graph describes it.
_DESCRIBING = {RDF + "type", SCHEMA + "name", NKG + "wikidataUnverified"}
_DIGEST = NamedNode(NKG + "inputDigest")
_KIND_FILES = {"person": "persons.yaml", "organization": "organizations.yaml", "place": "places.yaml"}


class UnknownEntity(NewsKGError):
    """No entity of the registry or the store has that name."""


class AmbiguousName(NewsKGError):
    """More than one entity has that name."""


@dataclass(frozen=True)
class Target:
    """An entity a command names: in the registry (``entity``), or only in the store's article graphs."""

    iri: str
    ref: str
    name: str
    type: str
    entity: Entity | None = None
    names: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return TYPES[self.type][0] if self.type in TYPES else self.type.lower()


@dataclass
class Change:
    """What a link or merge writes: new registry texts, new graph contents, and what it did, in words."""

    said: list[str] = field(default_factory=list)
    files: dict[Path, str] = field(default_factory=dict)
    graphs: dict[str, list[Quad]] = field(default_factory=dict)


class Curator:
    """The registry files, the registry they make, and the store they describe."""

    def __init__(
        self,
        entity_files: Sequence[Path],
        store: GraphStore,
        minter: Minter,
        *,
        articles_dir: Path | None = None,
    ) -> None:
        if not entity_files:
            raise InputError("no entity files (expected data/entities/*.yaml)")
        self.registry = load_registry(entity_files)
        self.files = {path: RegistryFile(path) for path in sorted(entity_files)}
        self.store, self.minter, self.articles_dir = store, minter, articles_dir
        self._found: dict[str, Item] | None = None

    # --- naming ------------------------------------------------------------------------------------------

    @property
    def found(self) -> dict[str, Item]:
        """The store's unlinked entities that are not in the registry, by IRI."""
        if self._found is None:
            items = unlinked(store_select(self.store), self.minter)
            self._found = {iri: item for iri, item in items.items() if not item.registry}
        return self._found

    def file_of(self, entity_id: str) -> RegistryFile:
        return next(f for f in self.files.values() if f.entry(entity_id) is not None)

    def where(self, entity_id: str) -> str:
        file = self.file_of(entity_id)
        return f"{file.path}:{file.line_of(entity_id)}"

    def _registry_target(self, entity: Entity) -> Target:
        names = (*entity.name.values(), *entity.aliases)
        iri, name = entity_iri(self.minter, entity), entity.name.get("de", entity.id)
        return Target(iri, entity.id, name, entity.type, entity, names)

    def _found_target(self, item: Item) -> Target:
        known = [t for t in item.types if t in TYPES]
        if not known:
            types = ", ".join(item.types) or "none"
            raise NewsKGError(f"{item.ref} has no type the registry knows ({types})")
        return Target(item.iri, item.ref, item.name, known[0], None, item.names)

    def resolve(self, name: str) -> Target:
        """The entity ``name`` names: a registry id, an IRI or its path under the base
        (``person/person-juri-uschakow``), or a name (accents, case and spacing aside).

        :raises UnknownEntity: when nothing is called so. :raises AmbiguousName: when several are.
        """
        if name in self.registry:
            return self._registry_target(self.registry[name])
        iri = name if "://" in name else self.minter.base + name if "/" in name else None
        if iri is not None:
            for entity in self.registry.entities.values():
                if entity_iri(self.minter, entity) == iri:
                    return self._registry_target(entity)
            if iri in self.found:
                return self._found_target(self.found[iri])
            raise UnknownEntity(f"no entity <{iri}> in the registry nor unlinked in the store")
        wanted = fold(name)
        matches = [
            self._registry_target(e)
            for e in self.registry.entities.values()
            if wanted in {fold(f) for f in (*e.name.values(), *e.aliases)}
        ]
        matches += [
            self._found_target(i) for i in self.found.values() if wanted in {fold(n) for n in i.names}
        ]
        if not matches:
            candidates = {e.id: (*e.name.values(), *e.aliases) for e in self.registry.entities.values()}
            candidates |= {i.ref: i.names for i in self.found.values()}
            hint = like(name, candidates)
            raise UnknownEntity(
                f"no entity called {name!r} in {self._registry_dir()} nor unlinked in the store"
                + (f"; did you mean {', '.join(map(str, hint[:5]))}?" if hint else " (newskg entities todo)")
            )
        if len(matches) > 1:
            listed = ", ".join(sorted(m.ref for m in matches))
            raise AmbiguousName(f"{name!r} names {len(matches)} entities: {listed}; name one of these")
        return matches[0]

    def _registry_dir(self) -> str:
        return str(next(iter(self.files)).parent)

    # --- the two commands --------------------------------------------------------------------------------

    def link(self, name: str, qid: str) -> Change:
        """Write ``wikidata: QID`` for the entity ``name`` names (a new registry entry for one only the store
        knows), and give it ``schema:sameAs``/``owl:sameAs`` in the store.

        :raises InputError: for a malformed QID, one another entity has, or an entity linked to another.
        """
        if not is_wikidata_id(qid):
            raise InputError(f"{qid!r} is not a Wikidata item id (expected Q followed by digits, as Q7747)")
        target = self.resolve(name)
        holder = next((e for e in self.registry.entities.values() if e.wikidata == qid), None)
        if holder is not None and (target.entity is None or holder.id != target.entity.id):
            raise InputError(
                f"{qid} is {holder.id}'s already ({self.where(holder.id)}): "
                f"merge {target.ref} into {holder.id} instead (newskg entities merge)"
            )
        change = Change()
        if target.entity is not None:
            entity = target.entity
            if entity.wikidata == qid:
                change.said.append(f"{entity.id} is linked to {qid} already ({self.where(entity.id)})")
                return change
            if entity.wikidata is not None:
                raise InputError(
                    f"{entity.id} is linked to {entity.wikidata} ({self.where(entity.id)}); an editor "
                    "checked that id: change it in the file if it is wrong"
                )
            file = self.file_of(entity.id)
            file.set(file.entry(entity.id), "wikidata", qid)  # type: ignore[arg-type]
            change.said.append(f"linked {entity.id} ({self.where(entity.id)}) to {qid}")
            return self._finish(change, renamed={}, linked={entity_iri(self.minter, entity)})
        new_id = self._add_entry(target, qid, f"linked to {qid} by newskg entities link")
        new_iri = self.minter.entity(TYPES[target.type][0], new_id)
        change.said.append(f"added {new_id} to {self.files_changed()[0]} for {target.ref}, linked to {qid}")
        return self._finish(change, renamed={target.iri: new_iri}, linked={new_iri})

    def merge(self, a: str, b: str) -> Change:
        """Make entity ``a`` one with ``b``: B takes A's names as aliases (and A's QID if it has none), A's
        registry entry goes, and every graph says B where it said A.

        :raises InputError: when both have different QIDs, or an annotation file still names A.
        """
        source, target = self.resolve(a), self.resolve(b)
        if source.iri == target.iri:
            raise InputError(f"{a!r} and {b!r} are the same entity ({target.ref})")
        change = Change()
        renamed: dict[str, str] = {}
        if target.entity is None:
            target_id = self._add_entry(target, None, f"from {target.ref} by newskg entities merge")
            change.said.append(f"added {target_id} to the registry for {target.ref}")
            target_iri = renamed[target.iri] = self.minter.entity(TYPES[target.type][0], target_id)
        else:
            target_id, target_iri = target.entity.id, target.iri
        target_file = self.file_of(target_id)
        entry = target_file.entry(target_id)
        assert entry is not None
        linked: set[str] = set()
        if source.entity is not None:
            self._check_unreferenced(source.entity.id)
            qid, theirs = source.entity.wikidata, entry.get("wikidata")
            if qid and theirs and qid != theirs:
                raise InputError(
                    f"{source.entity.id} is {qid} ({self.where(source.entity.id)}) and {target_id} is "
                    f"{theirs} ({self.where(target_id)}): two Wikidata items are two entities"
                )
            where = self.where(source.entity.id)
            self.file_of(source.entity.id).remove(source.entity.id)
            self._repoint_contained_in(source.entity.id, target_id)
            if qid and not theirs:
                target_file.set(entry, "wikidata", qid)
                linked.add(target_iri)
            change.said.append(f"removed {source.entity.id} from {where}")
        added = target_file.add_aliases(entry, source.names)
        renamed[source.iri] = target_iri
        said = f"merged {source.ref} into {target_id}"
        change.said.append(said + (f", aliases added: {', '.join(added)}" if added else ""))
        return self._finish(change, renamed=renamed, linked=linked)

    # --- registry edits ----------------------------------------------------------------------------------

    def _add_entry(self, target: Target, qid: str | None, how: str) -> str:
        """A registry entry for an entity only the store knows, named as the text names it; its id."""
        new_id = slugify(target.name)
        if new_id in self.registry:
            raise InputError(
                f"the registry has {new_id} already ({self.where(new_id)}): merge {target.ref} into it "
                "(newskg entities merge)"
            )
        file = self._file_for(target.kind)
        fields: dict[str, object] = {"id": new_id, "type": target.type}
        if qid is not None:
            fields["wikidata"] = qid
        fields["name"] = {"de": target.name, "en": target.name}
        file.append(fields, f"{target.name}: {how} (both names as the text writes it: check them)")
        return new_id

    def _file_for(self, kind: str) -> RegistryFile:
        """The file holding most entities of ``kind`` (``persons.yaml`` for a person, by default)."""
        counts = {
            path: sum(1 for e in f.entries() if TYPES.get(str(e.get("type")), ("",))[0] == kind)
            for path, f in self.files.items()
        }
        path = max(counts, key=lambda p: (counts[p], p.name == _KIND_FILES.get(kind)))
        if counts[path] == 0:
            named = [p for p in self.files if p.name == _KIND_FILES.get(kind)]
            path = named[0] if named else next(iter(self.files))
        return self.files[path]

    def _repoint_contained_in(self, old: str, new: str) -> None:
        for file in self.files.values():
            for entry in file.entries():
                if entry.get("contained_in") == old:
                    file.set(entry, "contained_in", new)

    def _check_unreferenced(self, entity_id: str) -> None:
        """An editor's annotations naming the entity would break with it gone: name them, change nothing."""
        if self.articles_dir is None or not self.articles_dir.is_dir():
            return
        word = re.compile(rf"(?<![\w-]){re.escape(entity_id)}(?![\w-])")
        for path in sorted(self.articles_dir.glob("*/annotations.yaml")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if word.search(line.split("#", 1)[0]):
                    raise InputError(
                        f"names {entity_id}, which the merge would remove: say the other entity there "
                        "first, then merge",
                        file=path,
                        line=number,
                    )

    def files_changed(self) -> list[Path]:
        return [path for path, f in self.files.items() if f.changed]

    # --- the store ---------------------------------------------------------------------------------------

    def _finish(self, change: Change, *, renamed: Mapping[str, str], linked: set[str]) -> Change:
        change.files = {path: self.files[path].text for path in self.files_changed()}
        registry = self._new_registry(change.files)
        sources = [
            Source(path.name, hashlib.sha256(change.files.get(path, f.original).encode()).hexdigest())
            for path, f in self.files.items()
        ]
        change.graphs = {self.minter.entities_graph: entity_quads(registry, self.minter, sources)}
        change.graphs |= self._rewritten(renamed, linked)
        moved = len(change.graphs) - 1
        if moved:
            change.said.append(f"{moved} article graph(s) rewritten")
        return change

    def _new_registry(self, texts: Mapping[Path, str]) -> Registry:
        """The registry the new texts make, or the error they cause, naming the real file."""
        with tempfile.TemporaryDirectory(prefix="newskg-registry-") as tmp:
            copies = {}
            for path, file in self.files.items():
                copy = Path(tmp) / path.name
                copy.write_text(texts.get(path, file.original), encoding="utf-8")
                copies[str(copy)] = path
            try:
                return load_registry([Path(c) for c in copies])
            except InputError as exc:
                real = copies.get(exc.file or "", exc.file)
                raise InputError(
                    f"the change would make the registry invalid: {exc.message}",
                    file=real,
                    field=exc.field,
                ) from None

    def _rewritten(self, renamed: Mapping[str, str], linked: set[str]) -> dict[str, list[Quad]]:
        """The article graphs naming an IRI of ``renamed`` or describing one of ``linked`` as unlinked, with
        the new IRIs, without the old nodes' descriptions."""
        if not renamed and not linked:
            return {}
        patterns = []
        if renamed:
            anywhere = "{ ?x ?p ?o } UNION { ?s ?p ?x }"
            patterns.append(f"{{ VALUES ?x {{ {_values(renamed)} }} GRAPH ?g {{ {anywhere} }} }}")
        if linked:
            flagged = f"?x <{NKG}wikidataUnverified> ?t"
            patterns.append(f"{{ VALUES ?x {{ {_values(linked)} }} GRAPH ?g {{ {flagged} }} }}")
        rows = self.store.query(f"SELECT DISTINCT ?g WHERE {{ {' UNION '.join(patterns)} }}")
        assert isinstance(rows, QuerySolutions)
        graphs = sorted({r["g"].value for r in rows} - {self.minter.entities_graph})
        nodes = {NamedNode(old): NamedNode(new) for old, new in renamed.items()}
        drop = set(nodes) | {NamedNode(iri) for iri in linked}
        out: dict[str, list[Quad]] = {}
        for graph in graphs:
            kept: dict[Quad, None] = {}
            digest = None
            for quad in self.store.quads(graph):
                subject, predicate, obj = quad.subject, quad.predicate.value, quad.object
                if subject in nodes and predicate in _DESCRIBING:
                    continue  # the entity graph describes the node now
                if subject in drop and predicate == NKG + "wikidataUnverified":
                    continue
                if predicate == _DIGEST.value and subject == NamedNode(graph):
                    digest = quad
                    continue
                if isinstance(obj, NamedNode):
                    obj = nodes.get(obj, obj)
                subject = nodes.get(subject, subject)  # type: ignore[call-overload]
                kept[Quad(subject, quad.predicate, obj, quad.graph_name)] = None
            if digest is not None:
                kept[_changed_digest(digest, kept)] = None
            out[graph] = list(kept)
        return out

    def apply(self, change: Change, *, check: bool = True, index: SearchIndex | None = None) -> None:
        """Write ``change``: the graphs in one transaction, then the registry files (a failure of either
        leaves both as they were), then the search ``index`` as :mod:`kg.ingest` does (one that fails is
        brought in step when next opened: the changed graphs have new digests).

        :raises ShapesViolated: when ``check`` and the changed graphs would not conform to the shapes.
        :raises InputError: when a registry file to write changed since it was read (another editor).
        """
        if not change.graphs and not change.files:
            return
        if check:
            report = validate([q for quads in change.graphs.values() for q in quads])
            if not report.conforms:
                raise ShapesViolated(report)
        for path in change.files:
            if _read(path) != self.files[path].original:
                raise InputError(
                    "changed since newskg read it; nothing was written: run the command again", file=path
                )
        staged = _stage(change.files)
        try:
            self.store.replace_graphs(change.graphs)
        except BaseException:
            for temp in staged.values():
                temp.unlink(missing_ok=True)
            raise
        for path, temp in staged.items():
            os.replace(temp, path)
        self.store.flush()
        if index is not None:
            index.replace_graphs(change.graphs)


def _changed_digest(digest: Quad, quads: Iterable[Quad]) -> Quad:
    """The graph's ``nkg:inputDigest`` for its new content: no longer the digest of its input files (the
    next ingest maps the article again: the registry it depends on changed), and unlike the old one, so the
    search index sees the graph changed (:meth:`kg.search.SearchIndex.sync`)."""
    content = hashlib.sha256(digest.object.value.encode())
    for line in sorted(str(q) for q in quads):
        content.update(line.encode() + b"\n")
    return Quad(digest.subject, digest.predicate, Literal(content.hexdigest()), digest.graph_name)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _stage(texts: Mapping[Path, str]) -> dict[Path, Path]:
    """Each new text written beside its file (same folder: the move is a rename)."""
    staged: dict[Path, Path] = {}
    try:
        for path, text in texts.items():
            temp = path.with_name(f".{path.name}.newskg-{os.getpid()}")
            temp.write_text(text, encoding="utf-8")
            staged[path] = temp
    except OSError as exc:
        for temp in staged.values():
            temp.unlink(missing_ok=True)
        raise NewsKGError(f"cannot write beside {path}: {exc.strerror}") from None
    return staged


def _values(iris: Iterable[str]) -> str:
    return " ".join(f"<{iri}>" for iri in sorted(iris))
