"""Validate the graph against ``ontology/shapes.ttl`` with pySHACL, and report it readably.

The graph is exported to RDF (``labourkg.rdf``), all named graphs merged; the OWL model
(``labourkg.ttl``) is the ontology graph, so class targets follow ``rdfs:subClassOf``.
Each violation becomes one row: the node (its graph id, or ``s -TYPE-> o`` for a
relationship), the property, the offending value and the shape's message.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import BNode, Node

from labourkg.ontology import LK, Ontology, model_graph
from labourkg.rdf import LKID, export_dataset, union_graph
from labourkg.resources import ontology_dir
from labourkg.store.base import GraphStore

LKNS = Namespace(LK)


@dataclass
class Violation:
    focus: str
    path: str
    value: str
    message: str
    severity: str
    shape: str
    component: str

    def row(self) -> list[str]:
        return [self.focus, self.path, self.value, self.message]


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0

    def counts(self) -> Counter[str]:
        return Counter(v.message for v in self.violations)


def load_shapes(onto: Ontology, directory: Path | None = None) -> Graph:
    """``shapes.ttl`` with every ``lk:valuesInScheme S`` expanded to ``sh:in`` (the local names of S's concepts)."""
    directory = Path(directory or ontology_dir())
    shapes = Graph()
    shapes.parse(directory / "shapes.ttl", format="turtle")
    for shape, scheme in list(shapes.subject_objects(LKNS.valuesInScheme)):
        name = str(scheme).rstrip("/").rsplit("/", 1)[-1]
        values = sorted({c.local for c in onto.concepts.get(name, [])})
        head = BNode()
        Collection(shapes, head, [Literal(v) for v in values])
        shapes.add((shape, SH["in"], head))
    for template in list(shapes.subjects(LKNS.patternFromIdPrefix, Literal(True))):
        _instantiate_id_prefix(shapes, template, onto)
    return shapes


def _instantiate_id_prefix(shapes: Graph, template: Node, onto: Ontology) -> None:
    """One node shape per class with an id prefix: its ids start with its prefix or a sub-class's."""
    for nt in onto.node_types.values():
        prefixes = sorted({o.id_prefix for o in onto.node_types.values() if o.label == nt.label or nt.label in _ancestors(onto, o.label)})
        node_shape, prop = URIRef(f"{template}-{nt.label}"), BNode()
        shapes.add((node_shape, RDF.type, SH.NodeShape))
        shapes.add((node_shape, SH.targetClass, URIRef(nt.iri)))
        shapes.add((node_shape, SH.property, prop))
        shapes.add((prop, SH.path, LKNS.id))
        shapes.add((prop, SH.pattern, Literal("^(" + "|".join(re.escape(p) for p in prefixes) + "):")))
        for m in shapes.objects(template, SH.message):
            shapes.add((prop, SH.message, m))


def _ancestors(onto: Ontology, label: str) -> set[str]:
    out: set[str] = set()
    todo = list(onto.node_types[label].parents)
    while todo:
        p = todo.pop()
        if p not in out and p in onto.node_types:
            out.add(p)
            todo.extend(onto.node_types[p].parents)
    return out


def _short(g: Graph, node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, Literal):
        return str(node)
    if isinstance(node, URIRef):
        iri = str(node)
        if iri.startswith(str(LKID)):
            return iri[len(str(LKID)):]
        try:
            return g.namespace_manager.normalizeUri(node)
        except Exception:
            return iri
    return str(node)


def _describe(data: Graph, node: Node | None) -> str:
    """A node by its graph id; a relationship record as ``s -TYPE-> o``."""
    if node is None:
        return ""
    gid = data.value(node, LKNS.id)
    if gid is not None:
        return str(gid)
    pred = data.value(node, RDF.predicate)
    if pred is not None:
        s, o = data.value(node, RDF.subject), data.value(node, RDF.object)
        gtype = data.value(pred, LKNS.graphType)
        label = str(gtype) if gtype else _short(data, pred)
        return f"{_describe(data, s) or '?'} -{label}-> {_describe(data, o) or '?'}"
    return _short(data, node)


def _shape_name(shapes: Graph, shape: Node | None) -> str:
    """A named shape as itself; an anonymous property shape by the node shape that holds it."""
    if isinstance(shape, BNode):
        parent = next(iter(shapes.subjects(SH.property, shape)), None)
        return _short(shapes, parent) if parent is not None else ""
    return _short(shapes, shape)


def _path_text(shapes: Graph, data: Graph, path: Node | None) -> str:
    if path is None:
        return ""
    if isinstance(path, BNode):
        return "(complex path)"
    return _short(data, path)


def validate_graph(data: Graph | Dataset, onto: Ontology, *, shapes: Graph | None = None,
                   ontology_directory: Path | None = None) -> ValidationReport:
    """Validate RDF (one graph or a dataset, merged) against the shapes."""
    import pyshacl

    union = union_graph(data)
    model = model_graph(ontology_directory)
    shapes = shapes if shapes is not None else load_shapes(onto, ontology_directory)
    conforms, results, _text = pyshacl.validate(
        union, shacl_graph=shapes, ont_graph=model, inference="none", abort_on_first=False,
        allow_infos=True, allow_warnings=True, advanced=True,
    )
    lookup = union + model  # graph ids and relationship types for readable rows
    report = ValidationReport(conforms=bool(conforms), triples=len(union))
    for r in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(r, SH.focusNode)
        messages = sorted(str(m) for m in results.objects(r, SH.resultMessage))
        report.violations.append(Violation(
            focus=_describe(lookup, focus),
            path=_path_text(shapes, union, results.value(r, SH.resultPath)),
            value=_describe(lookup, results.value(r, SH.value)),
            message="; ".join(messages),
            severity=_short(union, results.value(r, SH.resultSeverity)).replace("sh:", ""),
            shape=_shape_name(shapes, results.value(r, SH.sourceShape)),
            component=_short(shapes, results.value(r, SH.sourceConstraintComponent)).replace("sh:", ""),
        ))
    report.violations.sort(key=lambda v: (v.focus, v.path, v.message, v.value))
    return report


def validate_store(store: GraphStore, onto: Ontology, *, ontology_directory: Path | None = None) -> ValidationReport:
    """Export the store's graph to RDF and validate it."""
    return validate_graph(export_dataset(store, onto, ontology_directory=ontology_directory), onto,
                          ontology_directory=ontology_directory)


__all__ = ["ValidationReport", "Violation", "load_shapes", "model_graph", "validate_graph", "validate_store"]
