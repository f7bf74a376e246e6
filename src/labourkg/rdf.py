"""The property graph as RDF, and back: named graphs per source, PROV, n-ary relationship records.

Export (``export_dataset``) reads the store in batches and builds an RDF dataset:

- every node is a resource typed with its ontology class, with ``lk:id`` and one triple per
  property value (lists become several triples); its description goes into the named graph
  of each of its sources, with ``prov:wasDerivedFrom`` the source (the article, or the
  register row ``lkid:roster/<table>/<row>``);
- every relationship is the direct triple (``s lk:received o``) plus a record that
  qualifies it (``lk:Conferral``, ``lk:Engagement``, ``lk:Employment``, or a plain
  ``lk:RelationshipRecord``), carrying its attributes, its evidence and its provenance;
- one named graph per article (``lkid:graph/article/<sha256>``), one per register table
  (``lkid:graph/roster/<table>``), one for the vocabulary concepts
  (``lkid:graph/vocabulary``); the default graph describes the named graphs with PROV:
  ``prov:wasDerivedFrom`` their source and ``prov:wasGeneratedBy`` the activity (extraction,
  register load, vocabulary load) with the software agent and its version.

Import (``import_dataset``) reads such a dataset (or any graph that follows the same
mapping) back through ``GraphWriter``: MERGE on ids, sources and evidence unioned, so
importing twice changes nothing and export -> import -> export gives an isomorphic dataset.

Everything ontology-specific (classes, properties, which properties are lists, which record
class qualifies which relationship) is read from the ontology. docs/rdf-mapping.md has the
mapping table.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, SKOS

import labourkg
from labourkg import cypher
from labourkg.load.writer import GraphWriter, NodeRecord, RelRecord
from labourkg.ontology import LK, Ontology, model_graph
from labourkg.resources import ontology_dir
from labourkg.store.base import DEFAULT_BATCH, GraphStore, WriteStats

LKNS = Namespace(LK)
LKID = Namespace("https://w3id.org/labourkg/id/")
LKP = Namespace("https://w3id.org/labourkg/property/")  # graph properties the ontology does not define
ONTOLOGY_IRI = URIRef("https://w3id.org/labourkg/ontology")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")

UNSOURCED_GRAPH = LKID["graph/unsourced"]
VOCABULARY_GRAPH = LKID["graph/vocabulary"]
FORMATS = {"turtle": "ttl", "trig": "trig", "json-ld": "jsonld", "nquads": "nq"}
_EXT_FORMAT = {".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld", ".nq": "nquads",
               ".nt": "nt", ".rdf": "xml", ".owl": "xml"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT_TYPES = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger,
              XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger, XSD.unsignedInt,
              XSD.unsignedLong, XSD.unsignedShort, XSD.unsignedByte, XSD.gYear}
_FLOAT_TYPES = {XSD.double, XSD.float, XSD.decimal}
# unreserved and sub-delims that may stay as they are in a path segment (":" and "/" separate)
_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=@")


# ---------------------------------------------------------------- what the ontology says about RDF


@dataclass(frozen=True)
class RecordClass:
    """A record class (``lk:Conferral``) and the relationship it qualifies."""

    iri: str
    rel_type: str
    subject_property: str | None
    object_property: str | None


@dataclass(frozen=True)
class RdfModel:
    multi_valued: frozenset[str]  # graph property names stored as lists
    records: dict[str, RecordClass] = field(default_factory=dict)  # relationship type -> record class


@cache
def _rdf_model(directory: Path) -> RdfModel:
    # the model file(s) at the top of ontology/, not the (large) vocabularies under vocab/
    g = model_graph(directory)
    multi = frozenset(str(g.value(p, LKNS.graphProperty)) for p in g.subjects(LKNS.multiValued, Literal(True))
                      if g.value(p, LKNS.graphProperty) is not None)
    records: dict[str, RecordClass] = {}
    for cls, rel in g.subject_objects(LKNS.qualifies):
        rel_type = g.value(rel, LKNS.graphType)
        if rel_type is None:
            continue
        sp, op = g.value(cls, LKNS.subjectProperty), g.value(cls, LKNS.objectProperty)
        records[str(rel_type)] = RecordClass(str(cls), str(rel_type), str(sp) if sp else None, str(op) if op else None)
    return RdfModel(multi, records)


def rdf_model(directory: Path | None = None) -> RdfModel:
    """List-valued properties and record classes, from the ontology's Turtle (default: the packaged one)."""
    return _rdf_model(Path(directory or ontology_dir()).resolve())


def extractor_version() -> str:
    """``labourkg.extract.EXTRACTOR_VERSION`` when the extractor declares one, else the package version."""
    try:
        from labourkg import extract
    except ImportError:  # pragma: no cover - the extractor is part of the package
        return labourkg.__version__
    return str(getattr(extract, "EXTRACTOR_VERSION", None) or labourkg.__version__)


# ---------------------------------------------------------------- ids <-> IRIs


def _segment(text: str) -> str:
    out: list[str] = []
    for ch in text:
        if ch in _SAFE or (ord(ch) > 127 and ch.isprintable() and not ch.isspace()):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


def lkid_iri(graph_id: str) -> URIRef:
    """``person:高凤林`` -> ``lkid:person/高凤林`` (each ``:``-separated part one path segment)."""
    return LKID["/".join(_segment(p) for p in graph_id.split(":"))]


def id_of_lkid(iri: str) -> str | None:
    """Inverse of ``lkid_iri``; None for an IRI outside ``lkid:``."""
    if not iri.startswith(str(LKID)):
        return None
    return ":".join(unquote(p) for p in iri[len(str(LKID)):].split("/"))


def node_iri(onto: Ontology, graph_id: str) -> URIRef:
    """A vocabulary node is its SKOS concept (``hon:national-labour-model``); any other node is in ``lkid:``."""
    c = onto.find_concept(graph_id)
    return URIRef(c.iri) if c is not None else lkid_iri(graph_id)


def source_iri(source: str) -> URIRef:
    """``article:<sha>`` -> the article; ``roster:craftsmen:c01`` -> ``lkid:roster/craftsmen/c01`` (a register row)."""
    return lkid_iri(source)


def source_of_iri(iri: str) -> str:
    return id_of_lkid(iri) or iri


def graph_iri(source: str | None) -> URIRef:
    """The named graph of a source: one per article, one per register table, one for the vocabulary."""
    if not source:
        return UNSOURCED_GRAPH
    parts = source.split(":")
    if parts[0] == "article" and len(parts) > 1:
        return LKID["graph/article/" + _segment(":".join(parts[1:]))]
    if parts[0] == "roster" and len(parts) > 2:
        return LKID["graph/roster/" + _segment(parts[1])]
    if parts[0] == "ontology":
        return VOCABULARY_GRAPH
    return LKID["graph/other/" + _segment(parts[0])]


def record_iri(s: str, rel_type: str, o: str, key: Iterable[Any] = ()) -> URIRef:
    digest = hashlib.sha256(json.dumps([s, rel_type, o, *key], ensure_ascii=False).encode()).hexdigest()[:24]
    return LKID[f"rel/{rel_type.lower()}/{digest}"]


def _bind(g: Graph) -> None:
    for prefix, ns in (("lk", LK), ("lkid", str(LKID)), ("lkp", str(LKP)), ("prov", str(PROV)),
                       ("skos", str(SKOS)), ("schema", str(SCHEMA)), ("org", str(ORG)), ("oa", str(OA)),
                       ("hon", "https://w3id.org/labourkg/vocab/honour/"), ("skl", "https://w3id.org/labourkg/vocab/skill/"),
                       ("ind", "https://w3id.org/labourkg/vocab/industry/"), ("reg", "https://w3id.org/labourkg/vocab/region/")):
        g.bind(prefix, ns, override=True)


# ---------------------------------------------------------------- values


def to_literal(value: Any, datatype: str | None = None) -> Literal | None:
    """A property value as a literal: int, float, bool typed; ISO dates ``xsd:date`` where the ontology says so."""
    if value is None or value == "":
        return None
    if isinstance(value, bool | int | float):
        return Literal(value)
    if isinstance(value, str):
        if datatype == "date" and _DATE.match(value):
            return Literal(value, datatype=XSD.date)
        return Literal(value)
    return Literal(json.dumps(value, ensure_ascii=False, sort_keys=True))


def from_literal(lit: Literal) -> Any:
    dt = lit.datatype
    try:
        if dt in _INT_TYPES:
            return int(str(lit))
        if dt in _FLOAT_TYPES:
            return float(str(lit))
        if dt == XSD.boolean:
            return str(lit).strip().lower() in ("true", "1")
    except ValueError:
        pass
    return str(lit)


# ---------------------------------------------------------------- export


@dataclass
class ExportStats:
    nodes: int = 0
    relationships: int = 0
    graphs: int = 0
    triples: int = 0


class _Exporter:
    def __init__(self, onto: Ontology, model: RdfModel, version: str) -> None:
        self.onto, self.model, self.version = onto, model, version
        self.ds = Dataset()
        _bind(self.ds)
        self.stats = ExportStats()
        self.class_of = {label: URIRef(nt.iri) for label, nt in onto.node_types.items()}
        self.conferring_body: dict[str, str] = {}
        self.graph_sources: dict[URIRef, set[str]] = defaultdict(set)
        self.unsourced: set[URIRef] = set()
        self._article = onto.label("Article") if "Article" in onto.node_types else None

    def _prop(self, name: str) -> tuple[URIRef, str | None]:
        p = self.onto.properties.get(name)
        return (URIRef(p.iri), p.datatype) if p else (LKP[_segment(name)], None)

    def _graphs(self, sources: list[str]) -> list[tuple[URIRef, str | None]]:
        out = [(graph_iri(s), s) for s in sources]
        for g, s in out:
            self.graph_sources[g].add(s)
        if not out:
            self.unsourced.add(UNSOURCED_GRAPH)
        return out or [(UNSOURCED_GRAPH, None)]

    def _add_props(self, g: Graph, subj: URIRef, props: dict[str, Any]) -> None:
        for name, value in props.items():
            pred, datatype = self._prop(name)
            for v in value if isinstance(value, list) else [value]:
                lit = to_literal(v, datatype)
                if lit is not None:
                    g.add((subj, pred, lit))

    def _derived(self, g: Graph, subj: URIRef, source: str | None) -> None:
        if not source:
            return
        src = source_iri(source)
        g.add((subj, PROV.wasDerivedFrom, src))
        parts = source.split(":")
        if parts[0] == "roster" and len(parts) > 2:
            reg = LKID["roster/" + _segment(parts[1])]
            g.add((src, RDF.type, LKNS.RegisterRow))
            g.add((src, LKNS.inRegister, reg))
            g.add((reg, RDF.type, LKNS.Register))

    def node(self, label: str, props: dict[str, Any]) -> None:
        props = dict(props)
        nid = str(props.pop("id"))
        sources = [str(s) for s in props.pop("sources", None) or []]
        subj = node_iri(self.onto, nid)
        if label == self._article:
            graphs = [(graph_iri(nid), None)]
            self.graph_sources[graphs[0][0]].add(nid)
        else:
            graphs = self._graphs(sources)
        for gid, source in graphs:
            g = self.ds.graph(gid)
            g.add((subj, RDF.type, self.class_of.get(label, LKP[_segment(label)])))
            g.add((subj, LKNS.id, Literal(nid)))
            self._add_props(g, subj, props)
            self._derived(g, subj, source)
        self.stats.nodes += 1

    def rel(self, s_id: str, rel_type: str, o_id: str, props: dict[str, Any]) -> None:
        props = dict(props)
        sources = [str(s) for s in props.pop("sources", None) or []]
        evidence = [str(e) for e in props.pop("evidence", None) or []]
        rt = self.onto.rel_types.get(rel_type)
        pred = URIRef(rt.iri) if rt else LKP[_segment(rel_type)]
        s, o = node_iri(self.onto, s_id), node_iri(self.onto, o_id)
        key = (props.get("date"), props.get("service_type")) if rel_type == "ENGAGED" else ()
        rec = record_iri(s_id, rel_type, o_id, key)
        rc = self.model.records.get(rel_type)
        spans: list[tuple[Any, Any, Any]] = []
        if rel_type == "MENTIONS":
            starts, ends, texts = (props.pop(k, None) or [] for k in ("starts", "ends", "texts"))
            spans = [(st, en, texts[i] if i < len(texts) else None) for i, (st, en) in enumerate(zip(starts, ends, strict=False))]
            graphs = [(graph_iri(s_id), None)]
            sources = [s_id]
        else:
            graphs = self._graphs(sources)
        leftover = [e for e in evidence if e.split("#", 1)[0] not in sources]
        for i, (gid, source) in enumerate(graphs):
            g = self.ds.graph(gid)
            g.add((s, pred, o))
            g.add((rec, RDF.type, URIRef(rc.iri) if rc else LKNS.RelationshipRecord))
            g.add((rec, RDF.subject, s))
            g.add((rec, RDF.predicate, pred))
            g.add((rec, RDF.object, o))
            if rc and rc.subject_property:
                g.add((rec, URIRef(rc.subject_property), s))
            if rc and rc.object_property:
                g.add((rec, URIRef(rc.object_property), o))
            self._add_props(g, rec, props)
            if rel_type == "RECEIVED" and o_id in self.conferring_body:
                g.add((rec, LKNS.conferredBy, Literal(self.conferring_body[o_id])))
            self._derived(g, rec, source if rel_type != "MENTIONS" else None)
            if rel_type == "MENTIONS":
                g.add((rec, PROV.wasDerivedFrom, s))
            for e in evidence:
                if (source and e.split("#", 1)[0] == source) or (i == 0 and e in leftover):
                    g.add((rec, LKNS.evidence, Literal(e)))
            for st, en, tx in spans:
                span = URIRef(f"{s}#{st}-{en}")
                g.add((rec, LKNS.span, span))
                g.add((span, RDF.type, LKNS.TextSpan))
                g.add((span, LKNS.start, Literal(int(st))))
                g.add((span, LKNS.end, Literal(int(en))))
                if tx not in (None, ""):
                    g.add((span, LKNS.text, Literal(str(tx))))
        self.stats.relationships += 1

    def provenance(self) -> None:
        """Describe every named graph in the default graph: where it comes from and what made it."""
        d = self.ds.default_graph
        extractor = LKID["agent/labourkg-extractor/" + _segment(self.version)]
        loader = LKID["agent/labourkg/" + _segment(labourkg.__version__)]
        used_agents: set[URIRef] = set()
        for gid, sources in sorted(self.graph_sources.items()):
            if gid == UNSOURCED_GRAPH:
                continue
            d.add((gid, RDF.type, PROV.Bundle))
            sample = sorted(s for s in sources if s)[0] if any(sources) else ""
            kind = sample.split(":", 1)[0]
            if kind == "article":
                art = source_iri(sample)
                act = LKID["activity/extraction/" + _segment(sample.split(":", 1)[1])]
                d.add((gid, PROV.wasDerivedFrom, art))
                d.add((act, PROV.used, art))
                agent = extractor
            elif kind == "roster":
                table = sample.split(":")[1]
                reg = LKID["roster/" + _segment(table)]
                act = LKID["activity/roster-load/" + _segment(table)]
                d.add((gid, PROV.wasDerivedFrom, reg))
                d.add((reg, RDF.type, LKNS.Register))
                d.add((act, PROV.used, reg))
                agent = loader
            elif kind == "ontology":
                act = LKID["activity/vocabulary-load"]
                d.add((gid, PROV.wasDerivedFrom, ONTOLOGY_IRI))
                d.add((act, PROV.used, ONTOLOGY_IRI))
                agent = loader
            else:
                continue
            d.add((gid, PROV.wasGeneratedBy, act))
            d.add((act, RDF.type, PROV.Activity))
            d.add((act, PROV.wasAssociatedWith, agent))
            used_agents.add(agent)
        for agent, name, version in ((extractor, "labourkg extractor", self.version),
                                     (loader, "labourkg loader", labourkg.__version__)):
            if agent in used_agents:
                d.add((agent, RDF.type, PROV.SoftwareAgent))
                d.add((agent, RDFS.label, Literal(name)))
                d.add((agent, SCHEMA.softwareVersion, Literal(version)))
        if UNSOURCED_GRAPH in self.unsourced:
            d.add((UNSOURCED_GRAPH, RDFS.comment, Literal("Facts the store holds without any source.")))


def export_dataset(store: GraphStore, onto: Ontology, *, batch_size: int = DEFAULT_BATCH,
                   ontology_directory: Path | None = None,
                   progress: Callable[[int], None] | None = None) -> Dataset:
    """The whole graph as an RDF dataset (named graph per source, PROV in the default graph)."""
    ex = _Exporter(onto, rdf_model(ontology_directory), extractor_version())
    if "Honour" in onto.node_types:
        ex.conferring_body = {r[0]: str(r[1]) for r in store.read(cypher.conferring_bodies(onto)).rows}
    for label in onto.node_types:
        after = ""
        while True:
            rows = store.read(cypher.nodes_page(onto, label), {"after": after, "limit": batch_size}).rows
            if not rows:
                break
            for _nid, props in rows:
                ex.node(label, props)
            ids = [r[0] for r in rows]
            for s, rel_type, o, props in store.read(cypher.relationships_from(onto, label), {"ids": ids}).rows:
                ex.rel(s, rel_type, o, props or {})
            if progress:
                progress(len(rows))
            if len(rows) < batch_size:
                break
            after = ids[-1]
    ex.provenance()
    ex.stats.graphs = sum(1 for g in ex.ds.graphs() if len(g))
    ex.stats.triples = len(ex.ds)
    return ex.ds


def union_graph(data: Graph | Dataset) -> Graph:
    """All triples of every graph of ``data`` in one graph (a Turtle file or a validation target)."""
    g = Graph()
    _bind(g)
    if isinstance(data, Dataset):
        for s, p, o, _c in data.quads((None, None, None, None)):
            g.add((s, p, o))
    else:
        for t in data:
            g.add(t)
    return g


def serialize(ds: Dataset, fmt: str, destination: Path | None = None) -> str | None:
    """Write ``ds`` as turtle (all graphs merged), trig, json-ld or nquads."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}: use {', '.join(FORMATS)}")
    target: Graph = union_graph(ds) if fmt == "turtle" else ds
    kwargs: dict[str, Any] = {"format": fmt}
    if fmt == "json-ld":
        kwargs["auto_compact"] = True
    if destination is None:
        return target.serialize(**kwargs)
    target.serialize(destination=str(destination), encoding="utf-8", **kwargs)
    return None


def format_of(path: Path) -> str:
    fmt = _EXT_FORMAT.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: cannot tell the RDF format from the extension; use --format")
    return fmt


def read_rdf(path: Path, fmt: str | None = None) -> Dataset:
    """Parse an RDF file into a dataset (a triples-only format lands in the default graph)."""
    fmt = fmt or format_of(path)
    ds = Dataset()
    ds.parse(str(path), format=fmt)
    return ds


# ---------------------------------------------------------------- import


@dataclass
class ImportReport:
    nodes: int = 0
    relationships: int = 0
    mentions: int = 0
    skipped: list[str] = field(default_factory=list)
    stats: WriteStats = field(default_factory=WriteStats)


def _most_specific(onto: Ontology, labels: list[str]) -> str | None:
    if not labels:
        return None
    parents = {p for lab in labels for p in onto.node_types[lab].parents}
    specific = [lab for lab in labels if lab not in parents]
    return sorted(specific or labels)[0]


def import_dataset(store: GraphStore, onto: Ontology, data: Graph | Dataset, *, batch_size: int = DEFAULT_BATCH,
                   ontology_directory: Path | None = None) -> ImportReport:
    """Load RDF that follows the export mapping into the store (MERGE: idempotent)."""
    g = union_graph(data)
    model = rdf_model(ontology_directory)
    report = ImportReport()
    writer = GraphWriter(store, onto, batch_size=batch_size)
    label_of_class = {URIRef(nt.iri): label for label, nt in onto.node_types.items()}
    rel_of_iri = {URIRef(rt.iri): t for t, rt in onto.rel_types.items()}
    prop_of_iri = {URIRef(p.iri): name for name, p in onto.properties.items()}
    concept_of_iri = {c.iri: c.id for cs in onto.concepts.values() for c in cs}

    def prop_name(p: URIRef) -> str | None:
        if p in prop_of_iri:
            return prop_of_iri[p]
        if str(p).startswith(str(LKP)):
            return unquote(str(p)[len(str(LKP)):])
        return None

    def literal_props(subj: URIRef) -> dict[str, Any]:
        values: dict[str, list[Any]] = defaultdict(list)
        for p, o in g.predicate_objects(subj):
            name = prop_name(p) if isinstance(o, Literal) and p != LKNS.id else None
            if name:
                values[name].append(from_literal(o))
        out: dict[str, Any] = {}
        for name, vals in values.items():
            multi = name in model.multi_valued or len(vals) > 1
            out[name] = sorted(vals, key=lambda v: (str(type(v)), v)) if multi else vals[0]
        return out

    def sources_of(subj: URIRef, props: dict[str, Any]) -> list[str]:
        srcs = {source_of_iri(str(o)) for o in g.objects(subj, PROV.wasDerivedFrom)}
        extra = props.pop("sources", [])
        srcs.update(extra if isinstance(extra, list) else [extra])
        return sorted(srcs)

    # one record per source; an element's records go into different batches ("rounds"), because a
    # relationship created and updated inside one UNWIND batch keeps only the last row's sources
    rounds: dict[int, list[NodeRecord | RelRecord]] = defaultdict(list)
    nodes: dict[URIRef, tuple[str, str]] = {}  # IRI -> (graph id, label)
    for subj in sorted(set(g.subjects(LKNS.id, None))):
        if not isinstance(subj, URIRef):
            continue
        nid = str(g.value(subj, LKNS.id))
        labels = sorted({label_of_class[t] for t in g.objects(subj, RDF.type) if t in label_of_class})
        label = _most_specific(onto, labels) or onto.label_of_id(nid)
        if label is None:
            report.skipped.append(f"{nid}: no node class")
            continue
        nodes[subj] = (nid, label)
        props = literal_props(subj)
        aliases = props.pop("aliases", [])
        aliases = aliases if isinstance(aliases, list) else [aliases]
        for k in ("evidence", "starts", "ends", "texts"):
            props.pop(k, None)
        if label == "Article":
            props.pop("sources", None)
            writer.article(nid, props)
        else:
            for i, src in enumerate(sources_of(subj, props) or [None]):
                rounds[i].append(NodeRecord(label, nid, props, [str(a) for a in aliases], src))
        report.nodes += 1
    _write_rounds(writer, rounds)

    def endpoint(iri: Any) -> tuple[str, str] | None:
        if iri in nodes:
            return nodes[iri]
        nid = concept_of_iri.get(str(iri)) or id_of_lkid(str(iri))
        label = onto.label_of_id(nid) if nid else None
        return (nid, label) if nid and label else None

    seen: set[tuple[Any, Any, Any]] = set()
    for rec in sorted(set(g.subjects(RDF.predicate, None))):
        pred, s, o = g.value(rec, RDF.predicate), g.value(rec, RDF.subject), g.value(rec, RDF.object)
        rel_type = rel_of_iri.get(pred) if isinstance(pred, URIRef) else None
        a, b = endpoint(s), endpoint(o)
        if rel_type is None or a is None or b is None:
            report.skipped.append(f"{rec}: relationship {pred} between {s} and {o} cannot be resolved")
            continue
        seen.add((s, pred, o))
        if rel_type == "MENTIONS":
            spans = []
            for span in g.objects(rec, LKNS.span):
                st, en = g.value(span, LKNS.start), g.value(span, LKNS.end)
                if st is None or en is None:
                    continue
                tx = g.value(span, LKNS.text)
                spans.append((int(st), int(en), str(tx) if tx is not None else ""))
            writer.mention(a[0], b[1], b[0], sorted(spans))
            report.mentions += 1
            continue
        props = literal_props(rec)
        evidence = props.pop("evidence", [])
        evidence = evidence if isinstance(evidence, list) else [evidence]
        for k in ("starts", "ends", "texts"):
            props.pop(k, None)
        if rel_type == "ENGAGED":
            props.setdefault("date", "")
            props.setdefault("service_type", "")
        srcs = sources_of(rec, props)
        records = []
        for src in srcs or [None]:
            evs = [e for e in evidence if src and str(e).split("#", 1)[0] == src] or [None]
            records.extend(RelRecord(rel_type, a[1], a[0], b[1], b[0], props, src, ev) for ev in evs)
        for ev in evidence:
            if str(ev).split("#", 1)[0] not in srcs:
                records.append(RelRecord(rel_type, a[1], a[0], b[1], b[0], props, srcs[0] if srcs else None, str(ev)))
        for i, r in enumerate(records):
            rounds[i].append(r)
        report.relationships += 1
    # plain triples with no record (RDF written by hand or by another tool)
    for pred, rel_type in rel_of_iri.items():
        for s, o in g.subject_objects(pred):
            if (s, pred, o) in seen:
                continue
            a, b = endpoint(s), endpoint(o)
            if a is None or b is None:
                report.skipped.append(f"{s} {pred} {o}: an end is not a known node")
                continue
            props = {"date": "", "service_type": ""} if rel_type == "ENGAGED" else {}
            if rel_type == "MENTIONS":
                writer.mention(a[0], b[1], b[0], [])
                report.mentions += 1
            else:
                rounds[0].append(RelRecord(rel_type, a[1], a[0], b[1], b[0], props))
                report.relationships += 1
    _write_rounds(writer, rounds)
    report.stats = writer.flush()
    return report


def _write_rounds(writer: GraphWriter, rounds: dict[int, list[NodeRecord | RelRecord]]) -> None:
    for i in sorted(rounds):
        for r in rounds[i]:
            if isinstance(r, NodeRecord):
                writer.node(r)
            else:
                writer.rel(r)
        writer.flush()
    rounds.clear()


__all__ = [
    "FORMATS", "LKID", "ExportStats", "ImportReport", "RdfModel", "export_dataset", "extractor_version",
    "format_of", "graph_iri", "import_dataset", "node_iri", "rdf_model", "read_rdf", "serialize", "union_graph",
]
