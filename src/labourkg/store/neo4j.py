"""Neo4j 5 backend through the official driver.

Reads run in READ access mode (``execute_read``), so the server itself refuses a write;
uniqueness constraints on every key are created from the ontology.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from labourkg.store.base import (
    GraphStore,
    QueryResult,
    QueryTimeout,
    SchemaPlan,
    StoreError,
    WriteStats,
    record_cypher,
)

if TYPE_CHECKING:
    from labourkg.ontology import Ontology


def plain(value: Any) -> Any:
    """Neo4j values as plain Python, shaped like the FalkorDB backend's."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        out: list[Any] = []
        for i, n in enumerate(value.nodes):
            out.append(plain(n))
            if i < len(value.relationships):
                out.append(plain(value.relationships[i]))
        return out
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return value


def schema_plan(onto: Ontology) -> SchemaPlan:
    """A uniqueness constraint on every key, and a range index on every other indexed property."""
    plan = SchemaPlan()
    for nt in onto.node_types.values():
        plan.statements.append(
            f"CREATE CONSTRAINT {nt.label.lower()}_{nt.key}_unique IF NOT EXISTS "  # cypher-ok: ontology terms
            f"FOR (n:{nt.label}) REQUIRE n.{nt.key} IS UNIQUE"
        )
    keys = {(nt.label, nt.key) for nt in onto.node_types.values()}
    for label, prop in onto.indexed_properties():
        if (label, prop) not in keys:  # a constraint already brings its index
            plan.statements.append(
                f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"  # cypher-ok
            )
    return plan


class Neo4jStore(GraphStore):
    backend = "neo4j"

    def __init__(self, uri: str, *, user: str | None = None, password: str | None = None,
                 database: str | None = None) -> None:
        import neo4j

        user = user or os.environ.get("NEO4J_USER") or os.environ.get("NEO4J_USERNAME") or "neo4j"
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD", "")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        self.uri = uri
        try:
            self.driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
            self.driver.verify_connectivity()
        except Exception as e:
            raise StoreError(f"cannot reach Neo4j at {uri}: {e}") from e

    def describe(self) -> str:
        return f"Neo4j {self.uri} database {self.database or '(default)'}"

    def read(self, query: str, params: dict[str, Any] | None = None, *, timeout: float | None = None) -> QueryResult:
        import neo4j
        from neo4j.exceptions import ClientError, Neo4jError

        def work(tx: neo4j.ManagedTransaction) -> QueryResult:
            res = tx.run(query, params or {})
            keys = list(res.keys())
            return QueryResult(keys, [[plain(r[k]) for k in keys] for r in res])

        record_cypher(query, params, "read")
        work = neo4j.unit_of_work(timeout=timeout)(work) if timeout else work
        try:
            with self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as s:
                return s.execute_read(work)
        except ClientError as e:
            if "Timeout" in (e.code or "") or "terminated" in str(e).lower():
                raise QueryTimeout(f"query stopped by its timeout: {e.message}") from e
            raise StoreError(f"Neo4j: {e.message}") from e
        except Neo4jError as e:
            raise StoreError(f"Neo4j: {e}") from e

    def write(self, query: str, params: dict[str, Any] | None = None) -> WriteStats:
        from neo4j.exceptions import Neo4jError

        record_cypher(query, params, "write")
        try:
            with self.driver.session(database=self.database) as s:
                summary = s.execute_write(lambda tx: tx.run(query, params or {}).consume())
        except Neo4jError as e:
            raise StoreError(f"Neo4j: {e.message or e}") from e
        c = summary.counters
        return WriteStats(c.nodes_created, c.nodes_deleted, c.relationships_created, c.relationships_deleted,
                          c.properties_set, c.labels_added)

    def schema_plan(self, onto: Ontology) -> SchemaPlan:
        return schema_plan(onto)

    def ensure_schema(self, onto: Ontology) -> None:
        for stmt in self.schema_plan(onto).statements:
            self.write(stmt)

    def close(self) -> None:
        self.driver.close()
