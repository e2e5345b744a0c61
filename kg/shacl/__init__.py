"""SHACL validation: the shapes that ship with newskg, pyshacl over them, and the report.

``validation`` holds what newskg checks, ``speedups`` how pyshacl is made faster while it checks, and
``shapes`` where the shapes are found.
"""

from __future__ import annotations

from kg.shacl.shapes import ShapesUnavailable, shapes_graph
from kg.shacl.validation import DataGraph, Result, ValidationReport, validate

__all__ = ["DataGraph", "Result", "ShapesUnavailable", "ValidationReport", "shapes_graph", "validate"]
