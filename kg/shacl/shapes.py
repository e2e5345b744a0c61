"""The shapes that ship with newskg, found as package data wherever newskg is installed.

A gate that loads no shape lets everything through, so finding none, or a shapes file that does not parse,
is an error, never "conforms".
"""

from __future__ import annotations

import functools
from importlib.resources.abc import Traversable

import rdflib

from kg.errors import NewsKGError
from kg.vocab import ONTOLOGY


class ShapesUnavailable(NewsKGError):
    """The shapes could not be loaded: the installation is broken, validation cannot run."""


def shape_files(folder: Traversable = ONTOLOGY / "shapes") -> list[Traversable]:
    return sorted((f for f in folder.iterdir() if f.name.endswith(".ttl")), key=lambda f: f.name)


@functools.cache
def shapes_graph() -> rdflib.Graph:
    """Every shape, parsed once per process.

    :raises ShapesUnavailable: when there is no shapes file, or one does not parse.
    """
    return load_shapes(ONTOLOGY / "shapes")


def load_shapes(folder: Traversable) -> rdflib.Graph:
    try:
        found = shape_files(folder)
    except OSError as exc:
        raise ShapesUnavailable(f"cannot read the SHACL shapes at {folder}: {exc}") from None
    if not found:
        raise ShapesUnavailable(f"no SHACL shapes (*.ttl) at {folder}: the installation is incomplete")
    graph = rdflib.Graph()
    for shape_file in found:
        try:
            graph.parse(data=shape_file.read_bytes(), format="turtle")
        except Exception as exc:  # rdflib raises many parser types; any of them means no gate
            raise ShapesUnavailable(f"the shapes file {shape_file} does not parse: {exc}") from None
    return graph
