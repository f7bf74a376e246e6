"""The graph store interface every backend implements.

Writes are batched ``UNWIND $rows ... MERGE`` statements with data passed as parameters;
reads go through each backend's read-only path (GRAPH.RO_QUERY on FalkorDB, READ access
mode on Neo4j), so an analyst's query cannot change the graph.
"""

from __future__ import annotations

import json
import os
import sys
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from labourkg.ontology import Ontology

DEFAULT_BATCH = 5000


class StoreError(RuntimeError):
    """The store refused or failed a statement; the message is meant for the user."""


class QueryTimeout(StoreError):
    """A read ran longer than its timeout and was stopped."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]

    def scalar(self) -> Any:
        return self.rows[0][0] if self.rows else None


@dataclass
class WriteStats:
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    labels_added: int = 0

    def __iadd__(self, other: WriteStats) -> WriteStats:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))
        return self

    def changed(self) -> bool:
        return any(getattr(self, k) for k in self.__dataclass_fields__ if k != "properties_set")

    @property
    def elements(self) -> int:
        return self.nodes_created + self.relationships_created


@dataclass
class SchemaPlan:
    """Backend-specific DDL derived from the ontology."""

    statements: list[str] = field(default_factory=list)
    commands: list[list[str]] = field(default_factory=list)  # raw commands (GRAPH.CONSTRAINT)


def batched(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def record_cypher(query: str, params: dict[str, Any] | None, mode: str) -> None:
    """Append a statement sent by labourkg's own code to ``$LABOURKG_CYPHER_LOG`` (JSON lines).

    The tests set it, then check every recorded statement with Neo4j's parser: that is how
    "every Cypher string the project emits" is collected from the code paths, not retyped.
    Statements sent from outside the ``labourkg`` package (a test's own probes) are skipped.
    """
    path = os.environ.get("LABOURKG_CYPHER_LOG")
    if not path:
        return
    frame = sys._getframe(2)
    while frame is not None and frame.f_globals.get("__name__", "").startswith("labourkg.store"):
        frame = frame.f_back
    caller = frame.f_globals.get("__name__", "") if frame is not None else ""
    if not caller.startswith("labourkg") or caller.startswith("labourkg.cli"):
        return  # tests' probes, and statements an analyst typed (checked as query files instead)
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps({"query": query, "params": sorted(params or {}), "mode": mode, "caller": caller},
                           ensure_ascii=False) + "\n")


class GraphStore(ABC):
    """One graph, reachable through Cypher."""

    backend: str = "?"

    @abstractmethod
    def read(self, query: str, params: dict[str, Any] | None = None, *, timeout: float | None = None) -> QueryResult:
        """Run a read-only query; the backend refuses writes."""

    @abstractmethod
    def write(self, query: str, params: dict[str, Any] | None = None) -> WriteStats:
        """Run one write statement."""

    @abstractmethod
    def ensure_schema(self, onto: Ontology) -> None:
        """Create the indexes and uniqueness constraints the ontology declares (idempotent)."""

    @abstractmethod
    def schema_plan(self, onto: Ontology) -> SchemaPlan:
        """The DDL ``ensure_schema`` runs, for inspection and for the Cypher checks."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def describe(self) -> str:
        """Where the store is, for messages."""

    def write_rows(
        self,
        query: str,
        rows: Iterable[dict],
        *,
        batch_size: int = DEFAULT_BATCH,
        extra: dict[str, Any] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> WriteStats:
        """Run ``query`` (which starts with ``UNWIND $rows AS row``) over ``rows`` in batches."""
        total = WriteStats()
        for chunk in batched(rows, batch_size):
            total += self.write(query, {"rows": chunk, **(extra or {})})
            if progress:
                progress(len(chunk))
        return total

    def clear(self) -> None:
        """Delete every node and relationship (tests and ``labourkg db reset``)."""
        while True:
            stats = self.write("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS c")
            if not stats.nodes_deleted:
                break

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
