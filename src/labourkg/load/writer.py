"""Batched, idempotent writes of nodes and relationships.

Loaders hand records to a ``GraphWriter``; it groups them by the statement they need
(one per label, or per (label, type, label) triple so every MATCH uses an index), and sends
``UNWIND $rows ... MERGE`` batches. Nodes are always flushed before relationships, so a
relationship never waits on an endpoint still in a buffer.

Records with the same key are folded into one row before sending (props: the later wins;
aliases, sources, evidence: unioned). Besides saving work, this is needed for correctness:
within one UNWIND statement FalkorDB's MERGE does not see the SETs of earlier rows on a
relationship it has just created, so two rows for one relationship would lose a source.

Rows are as small as the statements allow, because every byte is encoded here and parsed by the
server: empty ``aliases`` and ``evidence`` are left out (the statements ``coalesce`` a missing
list), an engagement's date and service type are sent once (the MERGE pattern writes them), and
rows of one source share one ``sources`` list, copied only when a second source is added.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from labourkg import cypher
from labourkg.ontology import Ontology
from labourkg.store.base import DEFAULT_BATCH, GraphStore, WriteStats


@dataclass
class NodeRecord:
    label: str
    id: str
    props: dict[str, Any] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    source: str | None = None


@dataclass
class RelRecord:
    type: str
    s_label: str
    s: str
    o_label: str
    o: str
    props: dict[str, Any] = field(default_factory=dict)
    source: str | None = None
    evidence: str | None = None


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    """A copy without None values (``SET n += {x: null}`` would erase what another source said) and empty lists."""
    values = props.values()
    if None in values or [] in values:  # rare: the plain copy below is three times cheaper
        return {k: v for k, v in props.items() if v is not None and v != []}
    return dict(props)


def _union(row: dict[str, Any], key: str, value: Any) -> None:
    """``value`` joins the row's list ``key``: a new list, since one list may be shared by many rows."""
    if value is None:
        return
    values = row.get(key)
    if values is None:
        row[key] = [value]
    elif value not in values:
        row[key] = [*values, value]


class GraphWriter:
    """Buffers records, folds duplicates, writes in batches; ``flush()`` sends everything."""

    def __init__(self, store: GraphStore, onto: Ontology, *, batch_size: int = DEFAULT_BATCH,
                 progress: Callable[[int], None] | None = None) -> None:
        self.store, self.onto, self.batch_size, self.progress = store, onto, batch_size, progress
        self.stats = WriteStats()
        self._nodes: dict[str, dict[str, dict]] = {}
        self._rels: dict[tuple[str, str, str], dict[tuple, dict]] = {}
        self._mentions: dict[str, dict[tuple[str, str], dict]] = {}
        self._articles: dict[str, dict] = {}
        self._buffered = 0
        self._checked: set[str] = set()
        self._one_source: dict[str, list[str]] = {}  # source -> [source], shared by the rows (never mutated)

    # ------------------------------------------------------------------ adding
    def _check(self, term: str, kind: str) -> None:
        if term not in self._checked:  # once per term: a label typo fails loudly, cheaply
            (self.onto.label if kind == "label" else self.onto.rel)(term)
            self._checked.add(term)

    def _added(self) -> None:
        self._buffered += 1
        if self._buffered >= self.batch_size:
            self.flush()

    def node(self, rec: NodeRecord) -> None:
        self.add_node(rec.label, rec.id, rec.props, rec.source, rec.aliases)

    def rel(self, rec: RelRecord) -> None:
        self.add_rel(rec.type, rec.s_label, rec.s, rec.o_label, rec.o, rec.props, rec.source, rec.evidence)

    def add_node(self, label: str, node_id: str, props: dict[str, Any], source: str | None = None,
                 aliases: list[str] | tuple[str, ...] = ()) -> None:
        """``node(NodeRecord(...))`` without the record: the bulk loaders' path."""
        rows = self._nodes.get(label)
        if rows is None:
            self._check(label, "label")
            rows = self._nodes[label] = {}
        row = rows.get(node_id)
        if row is None:
            row = rows[node_id] = {"id": node_id, "props": _clean(props), "sources": self._sources(source)}
            if aliases:
                row["aliases"] = list(dict.fromkeys(aliases))
            self._buffered += 1
            if self._buffered >= self.batch_size:
                self.flush()
            return
        row["props"].update(_clean(props))
        for a in aliases:
            _union(row, "aliases", a)
        _union(row, "sources", source)

    def _sources(self, source: str | None) -> list[str]:
        if not source:
            return []
        shared = self._one_source.get(source)
        if shared is None:
            if len(self._one_source) >= 1000:
                self._one_source.clear()
            shared = self._one_source[source] = [source]
        return shared

    def add_rel(self, rel_type: str, s_label: str, s: str, o_label: str, o: str, props: dict[str, Any],
                source: str | None = None, evidence: str | None = None) -> None:
        """``rel(RelRecord(...))`` without the record: the bulk loaders' path."""
        group = (s_label, rel_type, o_label)
        rows = self._rels.get(group)
        if rows is None:
            self._check(rel_type, "type")
            rows = self._rels[group] = {}
        engaged = rel_type == "ENGAGED"
        key = (s, o, props.get("date"), props.get("service_type")) if engaged else (s, o)
        row = rows.get(key)
        if row is None:
            if engaged:  # the MERGE pattern writes date and service type: not sent twice
                props = {k: v for k, v in props.items() if k != "date" and k != "service_type"}
            row = rows[key] = {"s": s, "o": o, "props": _clean(props) if props else {},
                               "sources": self._sources(source)}
            if evidence:
                row["evidence"] = [evidence]
            if engaged:
                row["date"], row["service_type"] = key[2], key[3]
            self._buffered += 1
            if self._buffered >= self.batch_size:
                self.flush()
            return
        if props:
            if engaged:
                props = {k: v for k, v in props.items() if k != "date" and k != "service_type"}
            row["props"].update(_clean(props))
        _union(row, "sources", source)
        _union(row, "evidence", evidence)

    def mention(self, article_id: str, label: str, entity_id: str, spans: list[tuple[int, int, str]]) -> None:
        rows = self._mentions.setdefault(label, {})
        row = rows.get((article_id, entity_id))
        if row is None:
            rows[(article_id, entity_id)] = {"article": article_id, "id": entity_id, "starts": [s for s, _, _ in spans],
                                             "ends": [e for _, e, _ in spans], "texts": [t for _, _, t in spans]}
            self._added()
            return
        for s, e, t in spans:  # one entity resolved from two extracted ones: keep all spans
            row["starts"].append(s)
            row["ends"].append(e)
            row["texts"].append(t)

    def article(self, article_id: str, props: dict[str, Any]) -> None:
        self._articles[article_id] = {"id": article_id, "props": _clean(props)}
        self._added()

    # ------------------------------------------------------------------ writing
    def _send(self, query: str, rows: list[dict]) -> None:
        for i in range(0, len(rows), self.batch_size):
            chunk = rows[i : i + self.batch_size]
            self.stats += self.store.write(query, {"rows": chunk})
            if self.progress:
                self.progress(len(chunk))

    def flush(self) -> WriteStats:
        """Send every buffered record (articles, nodes, relationships, mentions, in that order)."""
        if self._articles:
            self._send(cypher.merge_articles(self.onto), list(self._articles.values()))
        for label, nodes in self._nodes.items():
            self._send(cypher.merge_nodes(self.onto, label), list(nodes.values()))
        for (s, t, o), rels in self._rels.items():
            q = cypher.merge_engagements(self.onto, s) if t == "ENGAGED" else cypher.merge_relationships(self.onto, s, t, o)
            self._send(q, list(rels.values()))
        for label, mentions in self._mentions.items():
            self._send(cypher.merge_mentions(self.onto, label), list(mentions.values()))
        self._nodes, self._rels, self._mentions, self._articles = {}, {}, {}, {}
        self._buffered = 0
        return self.stats
