"""Faster pyshacl: seven of its methods, replaced while our validation runs, by versions that find the same
results with less work (together more than two thirds of a validation). Kept apart from
:mod:`kg.shacl.validation` so that what newskg checks and how fast pyshacl checks it can be read, and
removed, separately; the tests compare every report with pyshacl's own.
"""

from __future__ import annotations

import contextlib
import inspect
import threading
from collections.abc import Iterator
from typing import Any

from pyshacl.constraints.constraint_component import ConstraintComponent
from pyshacl.constraints.core.logical_constraints import OrConstraintComponent, XoneConstraintComponent
from pyshacl.constraints.core.shape_based_constraints import (
    PropertyConstraintComponent,
    QualifiedValueShapeConstraintComponent,
)
from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper
from rdflib import BNode
from rdflib.namespace import SH

_PER_NODE = PropertyConstraintComponent._evaluate_property_shape
_EVERY_BRANCH = OrConstraintComponent._evaluate_or_constraint
_ONE_BRANCH = XoneConstraintComponent._evaluate_xone_constraint
_DESCRIBED = ConstraintComponent.make_v_result_description
_MADE = ConstraintComponent.make_v_result
_EACH_VALUE = QualifiedValueShapeConstraintComponent._evaluate_value_shape
_CHECKED = SPARQLQueryHelper.check_invalid_sparql


def _in_one_pass(
    self: PropertyConstraintComponent,
    executor: Any,
    prop_shape: Any,
    target_graph: Any,
    focus_value_nodes: dict[Any, Any],
    potentially_recursive: Any,
    _evaluation_path: list[Any],
) -> tuple[bool, list[Any]]:
    """pyshacl's ``_evaluate_property_shape``, with the property shape given every focus node at once."""
    shape = self.shape.get_other_shape(prop_shape)
    nodes = [node for values in focus_value_nodes.values() for node in values]
    if (
        not shape
        or not shape.is_property_shape
        or (potentially_recursive and shape in potentially_recursive)
        or len(set(nodes)) != len(nodes)  # pyshacl reports a node once per time it reaches it
    ):
        args = (
            executor,
            prop_shape,
            target_graph,
            focus_value_nodes,
            potentially_recursive,
            _evaluation_path,
        )
        return _PER_NODE(self, *args)  # type: ignore[no-any-return]
    if not nodes:
        return False, []
    conforms, reports = shape.validate(
        executor, target_graph, focus=nodes, _evaluation_path=_evaluation_path[:]
    )
    return not conforms, reports


def _until_one_passes(
    self: OrConstraintComponent,
    executor: Any,
    or_c: Any,
    target_graph: Any,
    focus_value_nodes: dict[Any, Any],
    _evaluation_path: list[Any],
) -> tuple[bool, list[Any]]:
    """pyshacl's ``_evaluate_or_constraint``, each branch given at once every value no earlier branch
    took."""
    shapes = _branches(self, or_c)
    if not shapes:
        return _EVERY_BRANCH(self, executor, or_c, target_graph, focus_value_nodes, _evaluation_path)  # type: ignore[no-any-return]
    pending = list({value: None for values in focus_value_nodes.values() for value in values})
    for shape in shapes:
        if pending:
            failing = _failing_each(shape, executor, target_graph, pending, _evaluation_path)
            pending = [value for value in pending if value in failing]
    reports = [
        self.make_v_result(target_graph, focus, value_node=value)
        for focus, values in focus_value_nodes.items()
        for value in values
        if value in pending
    ]
    return bool(reports), reports


def _exactly_one(
    self: XoneConstraintComponent,
    executor: Any,
    xone_c: Any,
    target_graph: Any,
    focus_value_nodes: dict[Any, Any],
    _evaluation_path: list[Any],
) -> tuple[bool, list[Any]]:
    """pyshacl's ``_evaluate_xone_constraint``, each branch given every value at once."""
    shapes = _branches(self, xone_c)
    if not shapes:
        return _ONE_BRANCH(self, executor, xone_c, target_graph, focus_value_nodes, _evaluation_path)  # type: ignore[no-any-return]
    values = list({value: None for values in focus_value_nodes.values() for value in values})
    passes = dict.fromkeys(values, 0)
    for shape in shapes:
        failing = _failing_each(shape, executor, target_graph, values, _evaluation_path)
        for value in values:
            passes[value] += value not in failing
    reports = [
        self.make_v_result(target_graph, focus, value_node=value)
        for focus, values in focus_value_nodes.items()
        for value in values
        if passes[value] != 1
    ]
    return bool(reports), reports


def _branches(self: Any, listed: Any) -> list[Any]:
    """The shapes of an ``sh:or`` or ``sh:xone`` list; none when one is not a shape or the list is empty
    (then pyshacl's own method says what is wrong)."""
    sg = self.shape.sg
    shapes = [
        self.shape.get_other_shape(o) for o in sg.graph.items(listed) if not sg.is_filtered_out_shape(o)
    ]
    return shapes if shapes and all(shapes) else []


def _failing_each(
    shape: Any, executor: Any, target_graph: Any, nodes: list[Any], path: list[Any]
) -> set[Any]:
    """The ``nodes`` that do not conform to ``shape``: validated together, or one by one when the results
    do not say which."""
    failing = _failing(shape, executor, target_graph, nodes, path)
    if failing is None:
        failing = {
            node
            for node in nodes
            if not shape.validate(executor, target_graph, focus=node, _evaluation_path=path[:])[0]
        }
    return failing


def _counted_in_one_pass(
    self: QualifiedValueShapeConstraintComponent,
    executor: Any,
    _v_shape: Any,
    target_graph: Any,
    focus_value_nodes: dict[Any, Any],
    potentially_recursive: Any,
    _evaluation_path: list[Any],
) -> tuple[bool, list[Any]]:
    """pyshacl's ``_evaluate_value_shape`` of ``sh:qualifiedValueShape``, with the value shape given every
    value node at once; the nodes its results name are the ones that do not conform."""
    shape = self.shape.get_other_shape(_v_shape)
    values = list({value: None for values in focus_value_nodes.values() for value in values})
    failing = (
        None
        if self.is_disjoint or not shape or (potentially_recursive and shape in potentially_recursive)
        else _failing(shape, executor, target_graph, values, _evaluation_path)
    )
    if failing is None:
        args = (executor, _v_shape, target_graph, focus_value_nodes, potentially_recursive, _evaluation_path)
        return _EACH_VALUE(self, *args)  # type: ignore[no-any-return]
    reports = []
    for focus, nodes in focus_value_nodes.items():
        conforming = sum(1 for node in nodes if node not in failing)
        if self.max_count is not None and conforming > self.max_count:
            reports.append(
                self.make_v_result(
                    target_graph, focus, constraint_component=SH.QualifiedMaxCountConstraintComponent
                )
            )
        if self.min_count is not None and conforming < self.min_count:
            reports.append(
                self.make_v_result(
                    target_graph, focus, constraint_component=SH.QualifiedMinCountConstraintComponent
                )
            )
    return bool(reports), reports


def _failing(
    shape: Any, executor: Any, target_graph: Any, nodes: list[Any], path: list[Any]
) -> set[Any] | None:
    """The ``nodes`` that do not conform to ``shape``, validated together; None when the results do not
    say which (then each node is validated on its own)."""
    if not nodes:
        return set()
    _counting.depth += 1
    try:
        conforms, reports = shape.validate(executor, target_graph, focus=nodes, _evaluation_path=path[:])
    finally:
        _counting.depth -= 1
    if conforms:
        return set()
    allowed = {SH.Info} if executor.allow_infos else set()
    if executor.allow_warnings:
        allowed |= {SH.Info, SH.Warning}
    failing = set()
    for _, node, parts in reports:
        details = {p: o for s, p, o in parts if s == node}
        if details.get(SH.resultSeverity) not in allowed:
            failing.add(details[SH.focusNode][1])
    return failing or None


def _undescribed(
    self: ConstraintComponent,
    datagraph: Any,
    focus_node: Any,
    severity: Any,
    value_node: Any,
    messages: Any,
    result_path: Any = None,
    constraint_component: Any = None,
    source_constraint: Any = None,
    extra_messages: Any = None,
    bound_vars: Any = None,
) -> str:
    """No text for a result: only pyshacl's text report uses it, and we read the report graph."""
    return ""


_VALID: set[tuple[type, str, bool, tuple[str, ...]]] = set()


def _checked_once(
    self: SPARQLQueryHelper, sparql_text: Any, valuenode: Any = None, extravars: Any = None
) -> bool:
    """pyshacl's ``check_invalid_sparql``, which runs six regular expressions over the query (its prefixes
    included) for every focus node, run once per query: it reads nothing but the text and which variables
    may be pre-bound."""
    key = (type(self), sparql_text, valuenode is not None, tuple(extravars or ()))
    if key not in _VALID:
        _CHECKED(self, sparql_text, valuenode, extravars)  # raises on a query SHACL forbids
        _VALID.add(key)
    return True


class _Counting(threading.local):
    depth = 0
    """Above 0 while :func:`_failing` only counts results: none of them reaches a report."""


_counting = _Counting()


def _unworded_when_counted(
    self: ConstraintComponent,
    datagraph: Any,
    focus_node: Any,
    value_node: Any = None,
    result_path: Any = None,
    constraint_component: Any = None,
    source_constraint: Any = None,
    extra_messages: Any = None,
    bound_vars: Any = None,
) -> tuple[str, Any, list[Any]]:
    """pyshacl's ``make_v_result``; while results are only counted, just their severity and focus node:
    pyshacl words a message for each result of a shape that has none (a third of the cost of a branch of
    ``sh:or`` that fails)."""
    if not _counting.depth:
        args = (value_node, result_path, constraint_component, source_constraint, extra_messages, bound_vars)
        return _MADE(self, datagraph, focus_node, *args)  # type: ignore[no-any-return]
    node = BNode()
    sg = self.shape.sg.graph
    return (
        "",
        node,
        [(node, SH.resultSeverity, self.shape.severity), (node, SH.focusNode, (datagraph or sg, focus_node))],
    )


_SPEEDUPS = tuple(
    (owner, name, original, faster)
    for owner, name, original, faster in (
        (PropertyConstraintComponent, "_evaluate_property_shape", _PER_NODE, _in_one_pass),
        (OrConstraintComponent, "_evaluate_or_constraint", _EVERY_BRANCH, _until_one_passes),
        (XoneConstraintComponent, "_evaluate_xone_constraint", _ONE_BRANCH, _exactly_one),
        (ConstraintComponent, "make_v_result_description", _DESCRIBED, _undescribed),
        (ConstraintComponent, "make_v_result", _MADE, _unworded_when_counted),
        (QualifiedValueShapeConstraintComponent, "_evaluate_value_shape", _EACH_VALUE, _counted_in_one_pass),
        (SPARQLQueryHelper, "check_invalid_sparql", _CHECKED, _checked_once),
    )
    if inspect.signature(original).parameters.keys() == inspect.signature(faster).parameters.keys()
)
"""The replacements whose signature matches this pyshacl's method; another version keeps its own."""
_SPEEDUP_LOCK = threading.Lock()


@contextlib.contextmanager
def faster_pyshacl() -> Iterator[None]:
    """Seven pyshacl methods, replaced while pyshacl runs here by versions that find the same results with
    less work (together more than two thirds of a validation):

    - a property shape is validated once per focus node, its constraint components built anew each time;
      given all the focus nodes at once it checks each on its own values all the same;
    - ``sh:or`` and ``sh:xone`` validate each value against each branch on its own; each branch given every
      value at once (``sh:or``: every value no earlier branch took), its results name the ones that fail;
    - ``sh:qualifiedValueShape`` validates each value node on its own; given them all at once, the value
      shape's results name the ones that do not conform;
    - the results only counted there are made without a message (pyshacl words one for each result of a
      shape that has none);
    - every result, kept or thrown away, gets a text description, which only pyshacl's text report reads:
      we read the report graph;
    - each SPARQL query is checked for what SHACL forbids (six regular expressions over its text) once per
      focus node; once per query is enough.

    The tests compare every report with pyshacl's own. A method whose signature differs from the one these
    replace (another pyshacl version) stays as it is."""
    with _SPEEDUP_LOCK:  # pyshacl holds the GIL: validations in threads never ran in parallel anyway
        for owner, name, _, faster in _SPEEDUPS:
            setattr(owner, name, faster)
        try:
            yield
        finally:
            for owner, name, original, _ in _SPEEDUPS:
                setattr(owner, name, original)
