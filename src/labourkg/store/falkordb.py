"""FalkorDB backend, through its native client (not the experimental Bolt port).

Used for the embedded server (unix socket) and for an external server (``FALKORDB_URL``).
Schema DDL that FalkorDB does not take in Cypher (uniqueness constraints) goes through the
``GRAPH.CONSTRAINT`` command here and nowhere else.
"""

from __future__ import annotations

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

DEFAULT_GRAPH = "labourkg"


def plain(value: Any) -> Any:
    """FalkorDB values as plain Python: nodes and relationships become dicts, paths lists."""
    from falkordb.edge import Edge
    from falkordb.node import Node
    from falkordb.path import Path as FPath

    if isinstance(value, Node):
        return {"_labels": list(value.labels or []), **{k: plain(v) for k, v in (value.properties or {}).items()}}
    if isinstance(value, Edge):
        return {"_type": value.relation, **{k: plain(v) for k, v in (value.properties or {}).items()}}
    if isinstance(value, FPath):
        out: list[Any] = []
        nodes, edges = value.nodes(), value.edges()
        for i, n in enumerate(nodes):
            out.append(plain(n))
            if i < len(edges):
                out.append(plain(edges[i]))
        return out
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def schema_plan(onto: Ontology, graph: str = DEFAULT_GRAPH) -> SchemaPlan:
    """Range indexes in Cypher; uniqueness constraints through the GRAPH.CONSTRAINT command."""
    plan = SchemaPlan()
    for label, prop in onto.indexed_properties():
        plan.statements.append(f"CREATE INDEX FOR (n:{onto.label(label)}) ON (n.{prop})")  # cypher-ok: ontology terms
    for nt in onto.node_types.values():
        plan.commands.append(["GRAPH.CONSTRAINT", "CREATE", graph, "UNIQUE", "NODE", nt.label, "PROPERTIES", "1", nt.key])
    return plan


# ---------------------------------------------------------------- parameter encoding
# The falkordb client sends parameters as a ``CYPHER name=value ...`` text header built by
# ``falkordb.helpers.stringify_param_value``, recursively, on the writing thread and holding the GIL:
# for bulk loads it costs as much CPU as parsing the rows. ``params_header`` builds the very same
# text (same quoting: only ``\`` and ``"`` are escaped; same backticked keys and their checks; ``str()``
# of numbers and booleans) in one pass into a list, with the key prefixes cached; any other type goes
# to the client's own function. Checked equal to the client's text on 153 loader batches and on quotes, backslashes,
# newlines, control characters, emoji, bytes, None, booleans, floats and non-str keys
# (tests/test_store.py::test_params_header_is_the_clients_text).


def _key_text(k: Any, what: str = "map key") -> str:
    """A map key or parameter name as the client writes it, with the client's checks and messages."""
    key = k.decode() if isinstance(k, bytes) else str(k)
    if key == "":
        raise ValueError(f"Cypher {what} cannot be empty")
    if "`" in key:
        raise ValueError(f"Cypher {what} cannot contain a backtick: {key!r} (FalkorDB does not support "
                         "escaped backticks in identifiers)")
    return key


_KEYS: dict[Any, str] = {}  # map key -> "`key`:" (keys are few: property names)


def _str(value: str) -> str:
    if not value:
        return '""'
    if "\\" in value or '"' in value:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return '"' + value + '"'


def _encode(value: Any, out: list[str]) -> None:
    t = type(value)
    if t is str:
        out.append(_str(value))
    elif t is dict:
        sep = "{"
        for k, v in value.items():
            prefix = _KEYS.get(k) if type(k) is str else None
            if prefix is None:
                prefix = "`" + _key_text(k) + "`:"
                if type(k) is str and len(_KEYS) < 10_000:
                    _KEYS[k] = prefix
            if type(v) is str:  # most values: no call
                out.append(sep + prefix + _str(v))
            else:
                out.append(sep + prefix)
                _encode(v, out)
            sep = ","
        out.append("}" if sep == "," else "{}")
    elif t is list or t is tuple:
        if not value:
            out.append("[]")
            return
        sep = "["
        for v in value:
            if type(v) is str:
                out.append(sep + _str(v))
            else:
                out.append(sep)
                _encode(v, out)
            sep = ","
        out.append("]")
    elif t is int or t is float or t is bool:
        out.append(str(value))
    elif value is None:
        out.append("null")
    else:
        from falkordb.helpers import stringify_param_value

        out.append(stringify_param_value(value))


def params_header(params: dict | None) -> str:
    """``CYPHER `name`=value ...`` exactly as ``falkordb.Graph._build_params_header`` makes it, faster."""
    if params is None:
        return ""
    if not isinstance(params, dict):
        raise TypeError("'params' must be a dict")
    out = ["CYPHER "]
    for key, value in params.items():
        out.append("`" + _key_text(key, "parameter name") + "`=")
        _encode(value, out)
        out.append(" ")
    return "".join(out)


class FalkorDBStore(GraphStore):
    backend = "falkordb"

    def __init__(self, *, unix_socket: str | None = None, url: str | None = None, graph: str = DEFAULT_GRAPH) -> None:
        from falkordb import FalkorDB

        try:
            self.db = FalkorDB.from_url(url) if url else FalkorDB(unix_socket_path=unix_socket)
            self.db.connection.ping()
        except Exception as e:
            where = url or unix_socket
            raise StoreError(f"cannot reach FalkorDB at {where}: {e}") from e
        self.graph_name = graph
        self.graph = self.db.select_graph(graph)
        self.graph._build_params_header = params_header  # the same header text, built faster (see above)
        self._where = url or f"unix://{unix_socket}"

    def describe(self) -> str:
        return f"FalkorDB {self._where} graph {self.graph_name}"

    def _error(self, e: Exception, query: str) -> StoreError:
        msg = str(e)
        if "timed out" in msg.lower() or "timeout" in msg.lower():
            return QueryTimeout(f"query stopped by its timeout: {msg}")
        return StoreError(f"FalkorDB: {msg}")

    def read(self, query: str, params: dict[str, Any] | None = None, *, timeout: float | None = None) -> QueryResult:
        from redis.exceptions import ResponseError

        record_cypher(query, params, "read")
        try:
            res = self.graph.ro_query(query, params or None, timeout=int(timeout * 1000) if timeout else None)
        except ResponseError as e:
            raise self._error(e, query) from e
        columns = [h[1] if isinstance(h, list | tuple) else str(h) for h in (res.header or [])]
        return QueryResult(columns, [[plain(v) for v in row] for row in res.result_set])

    def write(self, query: str, params: dict[str, Any] | None = None) -> WriteStats:
        from redis.exceptions import ResponseError

        record_cypher(query, params, "write")
        try:
            res = self.graph.query(query, params or None)
        except ResponseError as e:
            raise self._error(e, query) from e
        return WriteStats(
            nodes_created=int(res.nodes_created),
            nodes_deleted=int(res.nodes_deleted),
            relationships_created=int(res.relationships_created),
            relationships_deleted=int(res.relationships_deleted),
            properties_set=int(res.properties_set),
            labels_added=int(res.labels_added),
        )

    def schema_plan(self, onto: Ontology) -> SchemaPlan:
        return schema_plan(onto, self.graph_name)

    def _existing_indexes(self) -> set[tuple[str, str]]:
        res = self.graph.ro_query("CALL db.indexes() YIELD label, properties RETURN label, properties")
        return {(row[0], p) for row in res.result_set for p in row[1]}

    def _existing_constraints(self) -> set[tuple[str, str]]:
        try:
            res = self.graph.ro_query("CALL db.constraints() YIELD type, label, properties RETURN type, label, properties")
        except Exception:
            return set()
        return {(row[1], p) for row in res.result_set if str(row[0]).upper() == "UNIQUE" for p in row[2]}

    def ensure_schema(self, onto: Ontology) -> None:
        from redis.exceptions import ResponseError

        try:
            have = self._existing_indexes()
        except ResponseError:
            have = set()  # an empty graph has no indexes and may not exist yet
        for (label, prop), stmt in zip(onto.indexed_properties(), self.schema_plan(onto).statements, strict=True):
            if (label, prop) not in have:
                self.write(stmt)
        constraints = self._existing_constraints()
        for cmd in self.schema_plan(onto).commands:
            label, key = cmd[5], cmd[8]
            if (label, key) in constraints:
                continue
            try:
                self.db.connection.execute_command(*cmd)
            except ResponseError as e:
                if "already exists" not in str(e).lower():
                    raise StoreError(f"FalkorDB constraint on {label}.{key}: {e}") from e

    def close(self) -> None:
        try:
            self.db.connection.close()
        except Exception:  # closing a dead connection is not an error
            pass
