"""Every Cypher string the project emits passes Neo4j's parser and semantic analyser, and runs on FalkorDB.

Collected, not retyped: the templates of ``labourkg.cypher``, both backends' schema DDL,
the analysts' query files, and every statement labourkg's code actually sent to the store
during this test session (recorded through ``$LABOURKG_CYPHER_LOG``). This module is named
to run last so the recording is complete.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from labourkg import cypher
from labourkg.devtools.cypher_lint import LintItem, LintSchema, lint_queries
from labourkg.querylib import load_queries
from labourkg.store import falkordb as falkordb_backend
from labourkg.store import neo4j as neo4j_backend

CYPHER_LOG = Path(os.environ["LABOURKG_CYPHER_LOG"])

# the few FalkorDB functions the project may use, declared so Neo4j's analyser checks their arity
FALKORDB_ONLY_CALLS = re.compile(r"\bCALL\s+(db\.idx\.|algo\.|db\.indexes|db\.constraints)", re.I)


def _schema(onto) -> LintSchema:
    return LintSchema(labels=sorted(onto.node_types), relationship_types=sorted(onto.rel_types))


def _collect(onto) -> dict[str, tuple[str, dict]]:
    items: dict[str, tuple[str, dict]] = {}
    for name, q, params in cypher.all_templates(onto):
        items[f"template:{name}"] = (q, params)
    for i, q in enumerate(falkordb_backend.schema_plan(onto).statements):
        items[f"falkordb-ddl:{i}"] = (q, {})
    for i, q in enumerate(neo4j_backend.schema_plan(onto).statements):
        items[f"neo4j-ddl:{i}"] = (q, {})
    for q in load_queries().values():
        items[f"query:{q.name}"] = (q.cypher, q.example_params())
    if CYPHER_LOG.exists():
        for line in CYPHER_LOG.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if FALKORDB_ONLY_CALLS.search(rec["query"]):
                continue  # backend-specific introspection, kept inside the FalkorDB backend
            items.setdefault(f"sent:{rec['caller']}:{hash(rec['query'])}", (rec["query"], dict.fromkeys(rec["params"])))
    return items


@pytest.fixture(scope="module")
def collected(onto):
    return _collect(onto)


def shape(query: str) -> str:
    """A statement with its labels and types blanked: templates that differ only in ontology terms
    (which ``Ontology.label``/``rel`` already validated) are one shape for the parser."""
    return re.sub(r":[A-Z][A-Za-z_]*", ":T", query)


@pytest.fixture(scope="module")
def lint_results(onto, collected):
    """Neo4j's analyser on one statement per shape (it takes ~0.3 s a statement), results for all."""
    by_shape: dict[str, str] = {}
    for k, (q, _params) in collected.items():
        by_shape.setdefault(shape(q) + repr(sorted(collected[k][1])), k)
    items = [LintItem(k, collected[k][0], collected[k][1]) for k in by_shape.values()]
    linted = {r.id: r for r in lint_queries(items, _schema(onto))}
    return {k: linted[by_shape[shape(q) + repr(sorted(p))]] for k, (q, p) in collected.items()}


def test_enough_was_collected(collected):
    kinds = {k.split(":", 1)[0] for k in collected}
    assert {"template", "falkordb-ddl", "neo4j-ddl", "query"} <= kinds
    assert len(collected) > 100


def test_neo4j_parser_accepts_every_statement(lint_results, collected):
    bad = {k: [e.message for e in r.errors] for k, r in lint_results.items() if r.errors}
    assert not bad, "Cypher rejected by Neo4j's analyser:\n" + "\n".join(
        f"{k}: {msgs}\n    {collected[k][0][:300]}" for k, msgs in bad.items())


def test_no_label_or_type_outside_the_ontology(onto, collected):
    """Every label and relationship type in every collected statement is one the ontology defines."""
    known = set(onto.node_types) | set(onto.rel_types)
    unknown = {k: sorted({m for m in re.findall(r"[(\[]\w*:([A-Z][A-Za-z_]*)", q) if m not in known})
               for k, (q, _p) in collected.items()}
    unknown = {k: v for k, v in unknown.items() if v}
    assert not unknown, f"labels or types the ontology lacks: {unknown}"


def test_every_template_and_query_runs_on_falkordb(server, collected, graph_name):
    """Run each collected statement once on an empty graph of the embedded store (DDL on a bare one)."""
    from labourkg.store.falkordb import FalkorDBStore

    store = FalkorDBStore(unix_socket=str(server.socket), graph=graph_name)
    failures = {}
    reads = ("query:", "template:node_by_id", "template:ego", "template:find", "template:articles",
             "template:stats", "template:rel_stats")
    try:
        for key in sorted(collected, key=lambda k: not k.startswith("falkordb-ddl")):  # DDL first, on a bare graph
            q, params = collected[key]
            if key.startswith(("neo4j-ddl", "sent:")):
                continue  # Neo4j's DDL is Neo4j's; sent statements already ran on FalkorDB when recorded
            try:
                store.read(q, params) if key.startswith(reads) else store.write(q, params)
            except Exception as e:  # collect them all, then fail once
                failures[key] = str(e)
    finally:
        store.graph.delete()
        store.close()
    assert not failures, failures


def test_source_code_names_only_ontology_labels(onto):
    """Labels and types written literally in Cypher strings of src/ exist in the ontology."""
    import ast

    src = Path(__file__).resolve().parents[1] / "src" / "labourkg"
    pattern = re.compile(r"[(\[]\w*:([A-Z][A-Za-z_]+)")
    known = set(onto.node_types) | set(onto.rel_types)
    unknown = set()
    for f in src.rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search(
                    r"\b(MATCH|MERGE|UNWIND|CREATE)\b", node.value):
                unknown |= {(f.name, m.group(1)) for m in pattern.finditer(node.value) if m.group(1) not in known}
    assert not unknown, f"labels/types in code that the ontology lacks: {sorted(unknown)}"
