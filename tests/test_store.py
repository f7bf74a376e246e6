"""The embedded FalkorDB server and the store interface, for real."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from labourkg.store.base import StoreError
from labourkg.store.embedded import EmbeddedServer
from labourkg.store.falkordb import FalkorDBStore


def _wait_dead(pid: int) -> None:
    for _ in range(200):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        time.sleep(0.05)


def test_start_is_reused_and_status_reports(server):
    st1 = server.status()
    assert st1.running and st1.pid
    st2 = server.start()
    assert st2.pid == st1.pid  # a second start reuses the running server
    assert server.socket.exists()


def test_data_survives_kill_9(tmp_path: Path, onto):
    from labourkg import cypher

    srv = EmbeddedServer(tmp_path / "home")
    pid = srv.start().pid
    s = FalkorDBStore(unix_socket=str(srv.socket), graph="g")
    s.write("UNWIND $rows AS row MERGE (n:Person {id: row.id}) SET n.name = row.name",
            {"rows": [{"id": f"person:p{i}", "name": f"p{i}"} for i in range(500)]})
    # the loader's statements (the AOF holds their effects, EFFECTS_THRESHOLD 0): props, unioned lists, edges
    s.write(cypher.merge_nodes(onto, "Skill"), {"rows": [{"id": "skill:x", "props": {"name": "x", "reviewed": False},
                                                          "sources": ["a"]}]})
    s.write(cypher.merge_nodes(onto, "Skill"), {"rows": [{"id": "skill:x", "props": {}, "aliases": ["y"],
                                                          "sources": ["a", "b"]}]})
    s.write(cypher.merge_relationships(onto, "Person", "HAS_SKILL", "Skill"),
            {"rows": [{"s": f"person:p{i}", "o": "skill:x", "props": {}, "sources": ["a"]} for i in range(300)]})
    s.close()
    time.sleep(1.2)  # appendfsync everysec: the kernel has the data; a process kill cannot lose it
    os.kill(pid, signal.SIGKILL)
    _wait_dead(pid)
    st = srv.status()
    assert not st.running and "stale" in st.note  # the pid file is left behind by the crash
    pid2 = srv.start().pid  # stale pid file and socket are detected and cleared
    assert pid2 != pid
    s = FalkorDBStore(unix_socket=str(srv.socket), graph="g")
    assert s.read("MATCH (n:Person) RETURN count(n) AS c").scalar() == 500
    assert s.read("MATCH (n:Skill {id: 'skill:x'}) RETURN [n.name, n.reviewed, n.aliases, n.sources]").scalar() == [
        "x", False, ["y"], ["a", "b"]]
    assert s.read("MATCH (:Person)-[r:HAS_SKILL]->(:Skill) RETURN count(r)").scalar() == 300
    s.close()
    assert srv.stop()
    assert not srv.stop()  # stopping twice says it was not running


def test_stale_files_from_another_crash_are_recovered(tmp_path: Path):
    srv = EmbeddedServer(tmp_path / "h")
    srv.pid_file.write_text("999999")  # no such process
    srv.socket.write_text("")  # a plain file where the socket should be
    st = srv.start()
    assert st.running and st.pid != 999999
    srv.stop()


def test_long_home_path_gets_a_short_socket(tmp_path: Path):
    deep = tmp_path / ("x" * 60) / ("y" * 60)
    srv = EmbeddedServer(deep)
    assert len(str(srv.socket)) <= 100
    srv.start()
    assert srv.is_running()
    srv.stop()


def test_read_path_refuses_writes(store):
    with pytest.raises(StoreError):
        store.read("CREATE (:Person {id: 'x'})")
    assert store.read("MATCH (n) RETURN count(n)").scalar() == 0


def test_write_rows_is_idempotent(store, onto):
    from labourkg import cypher

    rows = [{"id": f"person:{i}", "props": {"name": str(i)}, "aliases": [], "sources": ["s1"]} for i in range(1200)]
    q = cypher.merge_nodes(onto, "Person")
    first = store.write_rows(q, rows, batch_size=500)
    again = store.write_rows(q, rows, batch_size=500)
    assert first.nodes_created == 1200 and again.nodes_created == 0
    assert store.read("MATCH (n:Person {id: 'person:7'}) RETURN n.sources").scalar() == ["s1"]


def test_schema_comes_from_the_ontology(store, onto):
    idx = store.read("CALL db.indexes() YIELD label, properties RETURN label, properties").rows
    have = {(label, p) for label, props in idx for p in props}
    assert set(onto.indexed_properties()) <= have
    cons = store.read("CALL db.constraints() YIELD type, label, properties RETURN type, label, properties").rows
    assert {("UNIQUE", nt.label) for nt in onto.node_types.values()} <= {(t, lab) for t, lab, _ in cons}


def test_unreachable_store_is_a_clear_error(tmp_path: Path):
    with pytest.raises(StoreError, match="cannot reach FalkorDB"):
        FalkorDBStore(unix_socket=str(tmp_path / "nothing.sock"))


def test_external_falkordb_by_url(server, monkeypatch, graph_name):
    """FALKORDB_URL reaches a server labourkg did not start (here: the session's, by its socket URL)."""
    from labourkg.store import open_store

    monkeypatch.setenv("FALKORDB_URL", f"unix://{server.socket}")
    s = open_store(graph=graph_name)
    try:
        assert s.describe().startswith(f"FalkorDB unix://{server.socket}")
        s.write("MERGE (:Person {id: 'person:url'})")
        assert s.read("MATCH (p:Person) RETURN p.id").scalar() == "person:url"
    finally:
        s.graph.delete()
        s.close()


def test_params_header_is_the_clients_text(store):
    """The faster parameter encoder produces exactly the falkordb client's text, and the values round-trip."""
    from falkordb.graph import Graph

    from labourkg.store.falkordb import params_header

    awkward = ["", 'quo"te', "back\\slash", "new\nline", "tab\t", "ctrl\x01", "中文 繁體", "`tick-free`", "'single'"]
    params = {"s": awkward, "n": [0, -3, 2**40, 1.5, -0.25, True, False, None],
              "m": {"k": "v", "nested": [{"a": 1}, {"b": ["x", None]}], "@type": "t"}, "empty": [], "none": None}
    assert params_header(params) == Graph._build_params_header(store.graph, params)
    got = store.read("RETURN $s AS s, $n AS n, $m AS m", params).rows[0]
    assert got == [awkward, params["n"], params["m"]]
