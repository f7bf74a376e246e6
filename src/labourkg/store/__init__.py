"""Graph store: one interface (``GraphStore``), three ways to reach a graph.

``open_store()`` chooses, in this order: Neo4j when a URI is given (``--neo4j`` or
``NEO4J_URI``), an external FalkorDB server when ``FALKORDB_URL`` is set, else the embedded
FalkorDB server in ``$LABOURKG_HOME``, started on demand.
"""

from __future__ import annotations

import os
from pathlib import Path

from labourkg.store.base import GraphStore, QueryResult, QueryTimeout, StoreError, WriteStats
from labourkg.store.readonly import WriteRefused, check_read_only

__all__ = [
    "GraphStore", "QueryResult", "QueryTimeout", "StoreError", "WriteRefused", "WriteStats",
    "check_read_only", "open_store",
]


def open_store(*, neo4j_uri: str | None = None, falkordb_url: str | None = None, home: Path | None = None,
               graph: str | None = None, schema: bool = True) -> GraphStore:
    """Open the configured store; with ``schema`` the ontology's indexes and constraints are ensured."""
    from labourkg.ontology import load_ontology

    neo4j_uri = neo4j_uri or os.environ.get("NEO4J_URI")
    falkordb_url = falkordb_url or os.environ.get("FALKORDB_URL")
    graph = graph or os.environ.get("LABOURKG_GRAPH") or "labourkg"
    store: GraphStore
    if neo4j_uri:
        from labourkg.store.neo4j import Neo4jStore

        store = Neo4jStore(neo4j_uri)
    elif falkordb_url:
        from labourkg.store.falkordb import FalkorDBStore

        store = FalkorDBStore(url=falkordb_url, graph=graph)
    else:
        from labourkg.store.embedded import EmbeddedServer
        from labourkg.store.falkordb import FalkorDBStore

        server = EmbeddedServer(home)
        server.start()
        store = FalkorDBStore(unix_socket=str(server.socket), graph=graph)
    if schema:
        store.ensure_schema(load_ontology())
    return store
