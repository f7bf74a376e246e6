"""Shared fixtures: one real embedded FalkorDB server for the session, a fresh graph per test.

Every test talks to the real store; isolation comes from a graph of its own (FalkorDB
keeps graphs apart under one server), which is deleted afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# the whole session uses its own $LABOURKG_HOME, never the user's
_HOME = Path(tempfile.mkdtemp(prefix="lkhome-"))
os.environ["LABOURKG_HOME"] = str(_HOME)
# a Neo4j server, when one is configured, is for the tests marked for it (tests/test_neo4j.py);
# every other test runs on the embedded store
NEO4J_URI = os.environ.pop("NEO4J_URI", None)
if NEO4J_URI:
    os.environ["LABOURKG_TEST_NEO4J_URI"] = NEO4J_URI
os.environ.pop("FALKORDB_URL", None)
# every statement labourkg's code sends during the tests is recorded here and checked with
# Neo4j's parser by tests/test_zz_cypher_check.py (named to run last)
CYPHER_LOG = _HOME / "cypher-log.jsonl"
os.environ["LABOURKG_CYPHER_LOG"] = str(CYPHER_LOG)


@pytest.fixture(scope="session")
def lk_home() -> Iterator[Path]:
    yield _HOME


@pytest.fixture(scope="session")
def server(lk_home: Path):
    from labourkg.store.embedded import EmbeddedServer

    srv = EmbeddedServer(lk_home)
    srv.start()
    yield srv
    srv.stop()
    shutil.rmtree(lk_home, ignore_errors=True)


@pytest.fixture(scope="session")
def onto():
    from labourkg.ontology import load_ontology

    return load_ontology()


def _fresh(server, onto, name: str):
    from labourkg.store.falkordb import FalkorDBStore

    store = FalkorDBStore(unix_socket=str(server.socket), graph=name)
    store.ensure_schema(onto)
    return store


def _drop(store) -> None:
    try:
        store.graph.delete()
    except Exception:  # a test may have deleted it already
        pass
    store.close()


@pytest.fixture
def graph_name() -> str:
    return f"t_{uuid.uuid4().hex[:10]}"


@pytest.fixture
def store(server, onto, graph_name: str):
    """A store on a new, empty graph of the session's embedded server (schema ensured)."""
    s = _fresh(server, onto, graph_name)
    yield s
    _drop(s)


@pytest.fixture(scope="module")
def module_store(server, onto):
    """One graph for a whole test module, for tests that share an expensive fixture graph."""
    s = _fresh(server, onto, f"m_{uuid.uuid4().hex[:10]}")
    yield s
    _drop(s)


def run_cli(*args: str, graph: str | None = None, env: dict | None = None, cwd: Path | None = None,
            input: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the installed ``labourkg`` command for real, in a subprocess."""
    e = {**os.environ, **(env or {})}
    if graph:
        e["LABOURKG_GRAPH"] = graph
    exe = Path(sys.executable).with_name("labourkg")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "labourkg"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, env=e, cwd=cwd, input=input,
                          timeout=timeout)


@pytest.fixture
def cli(server, graph_name: str):
    """``cli("query", "list")`` runs the real command against this test's graph."""

    def _run(*args: str, **kw) -> subprocess.CompletedProcess:
        kw.setdefault("graph", graph_name)
        return run_cli(*args, **kw)

    return _run
