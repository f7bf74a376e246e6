"""The Neo4j 5 backend, on a real server: these run only when NEO4J_URI is set, and say so otherwise.

    NEO4J_URI=bolt://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=… make test

No Neo4j server can be installed on the project's own machines; there, every Cypher string
is checked with Neo4j's parser instead (tests/test_zz_cypher_check.py).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

NEO4J_URI = os.environ.get("LABOURKG_TEST_NEO4J_URI")

pytestmark = pytest.mark.skipif(
    not NEO4J_URI, reason="NEO4J_URI is not set: the Neo4j backend tests need a Neo4j 5 server (see module docstring)")

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def neo(onto):
    from labourkg.store.neo4j import Neo4jStore

    store = Neo4jStore(NEO4J_URI)
    store.ensure_schema(onto)
    tag = uuid.uuid4().hex[:8]
    yield store, tag
    store.write("MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n", {"p": f"person:neo4j-test-{tag}"})
    store.close()


def test_constraints_from_the_ontology(neo, onto):
    store, _ = neo
    names = {r[0] for r in store.read("SHOW CONSTRAINTS YIELD name RETURN name").rows}
    assert {f"{nt.label.lower()}_{nt.key}_unique" for nt in onto.node_types.values()} <= names


def test_write_then_read_and_reads_cannot_write(neo, onto):
    from labourkg import cypher
    from labourkg.store.base import StoreError

    store, tag = neo
    pid = f"person:neo4j-test-{tag}"
    rows = [{"id": pid, "props": {"name": "测试"}, "aliases": [], "sources": ["s"]}]
    assert store.write(cypher.merge_nodes(onto, "Person"), {"rows": rows}).nodes_created == 1
    assert store.write(cypher.merge_nodes(onto, "Person"), {"rows": rows}).nodes_created == 0
    assert store.read("MATCH (p:Person {id: $id}) RETURN p.name", {"id": pid}).scalar() == "测试"
    with pytest.raises(StoreError):
        store.read("CREATE (:Person {id: $id})", {"id": pid + "x"})
