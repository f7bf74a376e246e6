"""Batched, idempotent writes of nodes and relationships.

Loaders hand records to a ``GraphWriter``; it groups them by the statement they need
(one per label, or per (label, type, label) triple so every MATCH uses an index), and sends
``UNWIND $rows ... MERGE`` batches. Nodes are always flushed before relationships, so a
relationship never waits on an endpoint still in a buffer.
"""

from __future__ import annotations

from collections import defaultdict
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
    """Drop None values: ``SET n += {x: null}`` would erase what another source said."""
    return {k: v for k, v in props.items() if v is not None and v != []}


class GraphWriter:
    def __init__(self, store: GraphStore, onto: Ontology, *, batch_size: int = DEFAULT_BATCH,
                 progress: Callable[[int], None] | None = None) -> None:
        self.store, self.onto, self.batch_size, self.progress = store, onto, batch_size, progress
        self.stats = WriteStats()
        self._nodes: dict[str, list[dict]] = defaultdict(list)
        self._rels: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        self._mentions: dict[str, list[dict]] = defaultdict(list)
        self._articles: list[dict] = []
        self._buffered = 0

    # ------------------------------------------------------------------ adding
    def _added(self) -> None:
        self._buffered += 1
        if self._buffered >= self.batch_size:
            self.flush()

    def node(self, rec: NodeRecord) -> None:
        self.onto.label(rec.label)
        self._nodes[rec.label].append(
            {"id": rec.id, "props": _clean(rec.props), "aliases": sorted(set(rec.aliases)), "source": rec.source})
        self._added()

    def rel(self, rec: RelRecord) -> None:
        self.onto.rel(rec.type)
        row = {"s": rec.s, "o": rec.o, "props": _clean(rec.props), "source": rec.source, "evidence": rec.evidence}
        if rec.type == "ENGAGED":
            row["date"] = rec.props.get("date")
            row["service_type"] = rec.props.get("service_type")
        self._rels[(rec.s_label, rec.type, rec.o_label)].append(row)
        self._added()

    def mention(self, article_id: str, label: str, entity_id: str, spans: list[tuple[int, int, str]]) -> None:
        self._mentions[label].append({
            "article": article_id, "id": entity_id,
            "starts": [s for s, _, _ in spans], "ends": [e for _, e, _ in spans], "texts": [t for _, _, t in spans],
        })
        self._added()

    def article(self, article_id: str, props: dict[str, Any]) -> None:
        self._articles.append({"id": article_id, "props": _clean(props)})
        self._added()

    # ------------------------------------------------------------------ writing
    def _send(self, query: str, rows: list[dict]) -> None:
        for i in range(0, len(rows), self.batch_size):
            chunk = rows[i : i + self.batch_size]
            self.stats += self.store.write(query, {"rows": chunk})
            if self.progress:
                self.progress(len(chunk))

    def flush(self) -> WriteStats:
        if self._articles:
            self._send(cypher.merge_articles(self.onto), self._articles)
        for label, rows in self._nodes.items():
            self._send(cypher.merge_nodes(self.onto, label), rows)
        for (s, t, o), rows in self._rels.items():
            q = cypher.merge_engagements(self.onto, s) if t == "ENGAGED" else cypher.merge_relationships(self.onto, s, t, o)
            self._send(q, rows)
        for label, rows in self._mentions.items():
            self._send(cypher.merge_mentions(self.onto, label), rows)
        self._nodes.clear()
        self._rels.clear()
        self._mentions.clear()
        self._articles.clear()
        self._buffered = 0
        return self.stats
