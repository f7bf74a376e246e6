"""Load the SKOS schemes that become nodes (honours, skills, industries, regions) into the graph."""

from __future__ import annotations

from labourkg.load.writer import GraphWriter, NodeRecord, RelRecord
from labourkg.ontology import Ontology
from labourkg.store.base import GraphStore, WriteStats


def vocabulary_source(onto: Ontology) -> str:
    return f"ontology:{onto.version or onto.source_hash}"


def load_vocabulary(store: GraphStore, onto: Ontology) -> WriteStats:
    """Upsert every concept of every graph scheme, with BROADER, RELATED and skill IN_INDUSTRY links."""
    w = GraphWriter(store, onto)
    source = vocabulary_source(onto)
    labels = dict(onto.graph_schemes())
    for scheme, label in labels.items():
        for c in onto.scheme(scheme):
            props = {"name": c.name, "name_en": c.name_en, "code": c.notations[0] if c.notations else None}
            for key in ("honourLevel", "recipientKind", "regionLevel", "conferringBody"):
                value = c.attr(key)
                if value:
                    props[{"honourLevel": "level", "recipientKind": "recipient_kind", "regionLevel": "level",
                           "conferringBody": "conferring_body"}[key]] = value
            if label == "Skill":
                props["reviewed"] = True
            w.node(NodeRecord(label, c.id, props, list(c.aliases), source))
    w.flush()
    for scheme, label in labels.items():
        for c in onto.scheme(scheme):
            for b in c.broader:
                w.rel(RelRecord("BROADER", label, c.id, label, b, source=source))
            for r in c.related:
                w.rel(RelRecord("RELATED", label, c.id, label, r, source=source))
            for ind in c.attrs.get("relatedIndustry", ()):
                w.rel(RelRecord("IN_INDUSTRY", label, c.id, "Industry", onto.id_for("Industry", ind), source=source))
    return w.flush()
