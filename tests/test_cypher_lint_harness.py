"""The Cypher lint harness must really catch errors, so that "lints cleanly" means something."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from labourkg.devtools.cypher_lint import (
    CypherLintUnavailable,
    LintItem,
    LintResult,
    LintSchema,
    lint_queries,
    main,
)

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "node_modules" / "@neo4j-cypher" / "language-support"


def test_harness_is_installed() -> None:
    # No skipping: without node + the npm package every lint test below fails loudly.
    assert PACKAGE.is_dir(), "run `make install` (npm ci) to get @neo4j-cypher/language-support"


SCHEMA = LintSchema(labels=["Person"], relationship_types=["KNOWS"])

CASES = [
    LintItem("undefined_var", "MATCH (n) RETURN m"),
    LintItem("clean", "MATCH (n:Person {id: $id}) RETURN n.name", {"id": "p1"}),
    LintItem("syntax", "CREATE (n"),
    LintItem("exists_subquery", "MATCH (a)-[r:KNOWS]->(b) WHERE EXISTS { MATCH (b)-->() } RETURN a"),
    LintItem("undeclared_param", "MATCH (n:Person {id: $id}) RETURN n.name", {}),
    LintItem("declared_param_typo", "MATCH (n:Person {id: $idd}) RETURN n", {"id": 1}),
    LintItem("label_typo", "MATCH (n:Persn)-[:KNOWZ]->(m:Person) RETURN n, m"),
    LintItem("type_error", "RETURN toUpper(1) AS x"),
    LintItem("unknown_function", "RETURN noSuchFn(1) AS x"),
    LintItem("std_procedure", "CALL db.labels() YIELD label RETURN label"),
    LintItem("merge_param_map", "MERGE (n:Person $props) RETURN n", {"props": {"id": 1}}),
    LintItem("multi_statement", "MATCH (n:Person) RETURN n;\nMATCH (m:Person) RETURN q"),
]


@pytest.fixture(scope="module")
def results() -> dict[str, LintResult]:
    out = lint_queries(CASES, SCHEMA)
    assert [r.id for r in out] == [c.id for c in CASES]
    return {r.id: r for r in out}


def messages(r: LintResult) -> str:
    return " | ".join(d.message for d in r.errors)


def test_undefined_variable_is_a_semantic_error(results: dict[str, LintResult]) -> None:
    (err,) = results["undefined_var"].errors
    assert "`m` not defined" in err.message
    assert (err.line, err.column, err.offset) == (1, 18, 17)


def test_clean_query_has_no_diagnostics(results: dict[str, LintResult]) -> None:
    assert results["clean"].errors == [] and results["clean"].warnings == []


def test_syntax_error(results: dict[str, LintResult]) -> None:
    r = results["syntax"]
    assert r.errors and "Invalid input" in r.errors[0].message


def test_exists_subquery_passes(results: dict[str, LintResult]) -> None:
    assert results["exists_subquery"].errors == [] and results["exists_subquery"].warnings == []


def test_parameters_must_be_declared(results: dict[str, LintResult]) -> None:
    assert "Parameter $id is not defined" in messages(results["undeclared_param"])
    assert "Parameter $idd is not defined" in messages(results["declared_param_typo"])


def test_unknown_labels_and_types_are_warnings(results: dict[str, LintResult]) -> None:
    r = results["label_typo"]
    assert r.errors == []
    warned = " | ".join(w.message for w in r.warnings)
    assert "Label Persn is not present" in warned and "Relationship type KNOWZ is not present" in warned
    assert "Person is not" not in warned


def test_type_errors_and_unknown_functions(results: dict[str, LintResult]) -> None:
    assert "Type mismatch" in messages(results["type_error"])
    assert "Function noSuchFn is not present" in messages(results["unknown_function"])


def test_standard_procedure_is_known(results: dict[str, LintResult]) -> None:
    assert results["std_procedure"].ok


def test_merge_with_parameter_map_is_rejected(results: dict[str, LintResult]) -> None:
    assert "Parameter maps cannot be used in `MERGE` patterns" in messages(results["merge_param_map"])


def test_every_statement_is_checked(results: dict[str, LintResult]) -> None:
    (err,) = results["multi_statement"].errors
    assert "`q` not defined" in err.message and err.line == 2


def test_extra_functions_and_builtins_switch() -> None:
    q = [LintItem("f", "RETURN vecf32([1.0]) AS v, foo.bar() AS w")]
    (strict,) = lint_queries(q, SCHEMA)
    assert "vecf32" in messages(strict) and "foo.bar" in messages(strict)
    (declared,) = lint_queries(q, LintSchema(["Person"], ["KNOWS"], extra_functions={"vecf32": 1}))
    assert "vecf32" not in messages(declared) and "foo.bar" in messages(declared)
    (loose,) = lint_queries(q, LintSchema(["Person"], ["KNOWS"], builtins=False))
    assert loose.ok


def test_no_schema_means_no_label_warnings() -> None:
    (r,) = lint_queries([LintItem("x", "MATCH (n:Anything) RETURN n")])
    assert r.ok and r.warnings == []


def test_batch_of_many_queries_keeps_order() -> None:
    items = [LintItem(f"q{i}", f"RETURN {i} AS x" if i % 7 else "RETURN y") for i in range(60)]
    out = lint_queries(items, SCHEMA)
    assert [r.id for r in out] == [i.id for i in items]
    assert [bool(r.errors) for r in out] == [i % 7 == 0 for i in range(60)]


def test_worker_threads_give_the_same_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CYPHER_LINT_WORKERS", "2")
    items = [LintItem(f"q{i}", f"RETURN {i} AS x" if i % 9 else "RETURN y") for i in range(100)]
    out = lint_queries(items, SCHEMA)
    assert [r.id for r in out] == [i.id for i in items]
    assert [bool(r.errors) for r in out] == [i % 9 == 0 for i in range(100)]


def test_missing_node_is_a_clear_error() -> None:
    with pytest.raises(CypherLintUnavailable, match="make install"):
        lint_queries([LintItem("x", "RETURN 1")], node="no-such-node-binary-xyz")


def test_missing_package_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "tools" / "cypher-lint").mkdir(parents=True)
    (tmp_path / "tools" / "cypher-lint" / "lint.mjs").write_text("")
    with pytest.raises(CypherLintUnavailable, match="make install"):
        lint_queries([LintItem("x", "RETURN 1")], repo_root=tmp_path)


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.cypher"
    good.write_text("MATCH (n:Person {id: $id}) RETURN n.name;\nCALL db.labels() YIELD label RETURN label\n")
    bad = tmp_path / "bad.cypher"
    bad.write_text("MATCH (n:Persn)\nRETURN m\n")
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(SCHEMA.to_json()))
    assert main(["--schema", str(schema), str(good)]) == 0
    assert main(["--schema", str(schema), str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:2:8: error: Variable `m` not defined" in out
    assert f"{bad}:1:10: warning: Label Persn" in out
