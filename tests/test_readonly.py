"""Analyst reads cannot write, and a runaway read is stopped by its timeout.

Two layers: the static check (labourkg.store.readonly) that refuses a write before it is
sent, with a sentence naming the clause; and the store's own read-only path (GRAPH.RO_QUERY
on FalkorDB, READ access mode on Neo4j), which refuses a write even when the check is
bypassed by calling ``store.read`` directly.
"""

from __future__ import annotations

import os
import time

import pytest

from labourkg.querylib import load_queries
from labourkg.store import QueryTimeout, StoreError, WriteRefused, check_read_only

WRITES = {
    "CREATE (n:Person {id: 'person:x', name: 'x'})": "CREATE",
    "MERGE (n:Person {id: 'person:x'}) RETURN n": "MERGE",
    "MATCH (n:Person) DELETE n": "DELETE",
    "MATCH (n:Person) DETACH DELETE n": "DETACH",
    "MATCH (n:Person) SET n.name = 'x'": "SET",
    "MATCH (n:Person) REMOVE n.name": "REMOVE",
    "match (n:Person) set n:Craftsman": "SET",
    "MATCH (n) WITH n LIMIT 1 FOREACH (x IN [1] | CREATE (:Person))": "FOREACH",
    "LOAD CSV FROM 'file:///x.csv' AS row RETURN row": "LOAD",
    "CALL { MATCH (n:Person) SET n.x = 1 } RETURN 1": "SET",
    "MATCH (n:Person) RETURN n;\nCREATE (m:Person)": "CREATE",
    "DROP INDEX person_name": "DROP",
    "CALL db.idx.fulltext.createNodeIndex('Person', 'name')": "db.idx.fulltext.createNodeIndex",
    "CALL db.idx.fulltext.drop('Person')": "db.idx.fulltext.drop",
    "CALL apoc.create.node(['Person'], {id: 'x'}) YIELD node RETURN node": "apoc.create.node",
    "CALL `apoc.refactor.mergeNodes`([], {})": "apoc.refactor.mergeNodes",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})": "apoc.periodic.iterate",
    "CALL dbms.setConfigValue('x', 'y')": "dbms.setConfigValue",
}

READS = [
    "MATCH (n:Person) WHERE n.name = 'CREATE' OR n.name = \"SET\" RETURN n",
    "MATCH (n:Person) RETURN n.set, n.remove, n.delete // CREATE comment",
    "MATCH (n:Person {merge: $create}) RETURN n /* DELETE */",
    "MATCH (n:Person) RETURN {create: 1, set: 2} AS m",
    "MATCH (n) WHERE n.name STARTS WITH $prefix RETURN count(n)",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.idx.fulltext.queryNodes('Person', 'x') YIELD node RETURN node",
    "MATCH (`create`:Person) RETURN 1",
]


@pytest.mark.parametrize("query,word", list(WRITES.items()))
def test_static_check_refuses_writes_naming_them(query: str, word: str) -> None:
    with pytest.raises(WriteRefused) as e:
        check_read_only(query)
    msg = str(e.value)
    assert word in msg and "read-only" in msg and msg.startswith("refused:")


@pytest.mark.parametrize("query", READS)
def test_static_check_lets_reads_through(query: str) -> None:
    check_read_only(query)


def test_every_query_file_is_read_only() -> None:
    for q in load_queries().values():
        check_read_only(q.cypher)


@pytest.mark.parametrize("query", [q for q in WRITES if not q.startswith(("CALL apoc", "CALL `apoc", "CALL dbms",
                                                                          "LOAD", "DROP"))])
def test_falkordb_read_path_refuses_writes_itself(store, query: str) -> None:
    """store.read goes through GRAPH.RO_QUERY: the server refuses the write, the graph is unchanged."""
    store.write("CREATE (:Person {id: 'person:keep', name: 'keep'})")
    with pytest.raises(StoreError):
        store.read(query)
    rows = store.read("MATCH (n:Person) RETURN n.id, n.name, n.x").rows
    assert rows == [["person:keep", "keep", None]]
    assert store.read("CALL db.indexes() YIELD label, properties RETURN count(*)").rows  # schema intact


@pytest.mark.skipif(not os.environ.get("LABOURKG_TEST_NEO4J_URI"), reason="needs a Neo4j 5 server: LABOURKG_TEST_NEO4J_URI")
def test_neo4j_read_path_refuses_writes_itself() -> None:
    from labourkg.store.neo4j import Neo4jStore

    store = Neo4jStore(os.environ["LABOURKG_TEST_NEO4J_URI"])
    try:
        with pytest.raises(StoreError):
            store.read("CREATE (:LabourkgReadOnlyProbe {id: 'x'})")
        assert store.read("MATCH (n:LabourkgReadOnlyProbe) RETURN count(n)").scalar() == 0
    finally:
        store.close()


EXPENSIVE = ("UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b "
             "WITH a, b WHERE (a * b) % 7 = 99 RETURN count(*) AS c")  # 400M rows: minutes, unless stopped


def test_timeout_stops_a_runaway_read(store) -> None:
    t0 = time.monotonic()
    with pytest.raises(QueryTimeout, match="stopped"):
        store.read(EXPENSIVE, timeout=0.5)
    assert time.monotonic() - t0 < 10


def test_cypher_command_refuses_writes(cli) -> None:
    r = cli("cypher", "MATCH (n:Person) SET n.name = 'x' RETURN n")
    assert r.returncode != 0
    assert "refused: SET writes to the graph; analyst queries are read-only" in r.stderr
    assert "Traceback" not in r.stderr


def test_cypher_command_timeout(cli) -> None:
    t0 = time.monotonic()
    r = cli("cypher", EXPENSIVE, "--timeout", "0.5")
    assert r.returncode == 3, r.stderr
    assert "query stopped" in r.stderr and "timeout of 0.5 s" in r.stderr
    assert "Traceback" not in r.stderr
    assert time.monotonic() - t0 < 30


def test_query_file_with_a_write_is_refused(cli, tmp_path) -> None:
    (tmp_path / "sneaky.cypher").write_text(
        "// ---\n// name: sneaky\n// title: {zh: 写, en: write}\n// description: writes\n// params: {}\n// ---\n"
        "MATCH (n:Person) SET n.name = 'x' RETURN count(n)\n", encoding="utf-8")
    r = cli("query", "sneaky", env={"LABOURKG_QUERIES_DIR": str(tmp_path)})
    assert r.returncode != 0 and "refused: SET" in r.stderr
