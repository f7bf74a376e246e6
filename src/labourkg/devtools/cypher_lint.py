"""Lint Cypher with Neo4j's own parser and semantic analyser.

Thin wrapper around ``tools/cypher-lint/lint.mjs`` (npm ``@neo4j-cypher/language-support``):
one ``node`` process lints a whole batch.  Syntax and semantic errors (undefined variables, type
errors, undeclared ``$parameters``, unknown functions/procedures) are *errors*; labels,
relationship types and property keys missing from the schema, deprecations and performance
notifications are *warnings*.

CLI: ``python -m labourkg.devtools.cypher_lint [--schema S.json] FILE.cypher...``
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "CypherLintUnavailable",
    "Diagnostic",
    "LintItem",
    "LintResult",
    "LintSchema",
    "lint_queries",
]

_SCRIPT = Path("tools", "cypher-lint", "lint.mjs")
_PACKAGE = Path("node_modules", "@neo4j-cypher", "language-support", "package.json")
_PARAM_RE = re.compile(r"\$(?:`([^`]+)`|([A-Za-z_][A-Za-z0-9_]*))")


class CypherLintUnavailable(RuntimeError):
    """node, the lint script or the npm package is missing."""


@dataclass(frozen=True)
class LintSchema:
    labels: list[str] = field(default_factory=list)
    relationship_types: list[str] = field(default_factory=list)
    property_keys: list[str] | None = None  # None: do not warn about property keys
    default_language: str | None = None  # "CYPHER 5" (package default) or "CYPHER 25"
    builtins: bool = True  # check function/procedure names against Neo4j's built-ins
    extra_functions: dict[str, int] = field(default_factory=dict)  # name -> arity, e.g. {"vecf32": 1}

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "labels": list(self.labels),
            "relationshipTypes": list(self.relationship_types),
            "builtins": self.builtins,
            "extraFunctions": dict(self.extra_functions),
        }
        if self.property_keys is not None:
            out["propertyKeys"] = list(self.property_keys)
        if self.default_language:
            out["defaultLanguage"] = self.default_language
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LintSchema:
        """Read the JSON shape that ``to_json`` writes (and ``lint.mjs`` reads)."""
        return cls(
            labels=[str(x) for x in data.get("labels") or []],
            relationship_types=[str(x) for x in data.get("relationshipTypes") or []],
            property_keys=[str(x) for x in data["propertyKeys"]] if "propertyKeys" in data else None,
            default_language=data.get("defaultLanguage"),
            builtins=bool(data.get("builtins", True)),
            extra_functions={str(k): int(v) for k, v in (data.get("extraFunctions") or {}).items()},
        )


@dataclass(frozen=True)
class LintItem:
    id: str
    query: str
    parameters: dict[str, object] = field(default_factory=dict)  # only the names matter


@dataclass(frozen=True)
class Diagnostic:
    message: str
    line: int  # 1-based
    column: int  # 1-based
    offset: int  # 0-based, in UTF-16 code units
    end_offset: int

    def format(self, where: str, severity: str) -> str:
        return f"{where}:{self.line}:{self.column}: {severity}: {self.message}"


@dataclass(frozen=True)
class LintResult:
    id: str
    errors: list[Diagnostic]
    warnings: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return not self.errors


def find_repo_root(start: Path | None = None) -> Path:
    """The nearest directory above ``start`` (or this file, then the cwd) holding the lint script."""
    starts = [start] if start else [Path(__file__).resolve(), Path.cwd().resolve()]
    for s in starts:
        for d in [s, *s.parents]:
            if (d / _SCRIPT).is_file():
                return d
    raise CypherLintUnavailable(f"cannot find {_SCRIPT} above {starts}; run from the labourkg repository")


def lint_queries(
    queries: list[LintItem],
    schema: LintSchema | None = None,
    *,
    node: str = "node",
    repo_root: Path | None = None,
) -> list[LintResult]:
    """Lint all ``queries`` in one node process; results come back in input order."""
    if not queries:
        return []
    root = repo_root or find_repo_root()
    node_path = shutil.which(node)
    if node_path is None:
        raise CypherLintUnavailable(
            f"`{node}` not found on PATH; install Node.js >= 20 and run `make install`"
        )
    if not (root / _PACKAGE).is_file():
        raise CypherLintUnavailable(f"{root / _PACKAGE.parent} is missing; run `make install` (npm ci)")
    payload = {
        "schema": schema.to_json() if schema else None,
        "queries": [{"id": q.id, "query": q.query, "parameters": q.parameters} for q in queries],
    }
    proc = subprocess.run(
        [node_path, str(root / _SCRIPT)],
        input=json.dumps(payload, default=str),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=root,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"cypher lint failed (exit {proc.returncode}):\n{proc.stderr.strip()}")
    raw: list[dict[str, Any]] = json.loads(proc.stdout)
    if len(raw) != len(queries):
        raise RuntimeError(f"cypher lint returned {len(raw)} results for {len(queries)} queries")

    def diags(items: list[dict[str, Any]]) -> list[Diagnostic]:
        return [
            Diagnostic(d["message"], d["line"], d["column"], d["offset"], d.get("endOffset", d["offset"]))
            for d in items
        ]

    return [
        LintResult(q.id, diags(r["errors"]), diags(r["warnings"])) for q, r in zip(queries, raw, strict=True)
    ]


def referenced_parameters(query: str) -> dict[str, object]:
    """Every ``$name`` in ``query``, declared with a dummy value (for linting files without callers)."""
    return {m.group(1) or m.group(2): None for m in _PARAM_RE.finditer(query)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m labourkg.devtools.cypher_lint", description=(__doc__ or "").split("\n")[0]
    )
    ap.add_argument("files", nargs="+", type=Path, help="Cypher files (';'-separated statements allowed)")
    ap.add_argument("--schema", type=Path, help='JSON {"labels", "relationshipTypes", "propertyKeys", ...}')
    ap.add_argument("--no-warnings", action="store_true", help="print errors only")
    args = ap.parse_args(argv)
    schema = LintSchema.from_json(json.loads(args.schema.read_text("utf-8"))) if args.schema else None
    items = []
    for f in args.files:
        text = f.read_text("utf-8")
        items.append(LintItem(str(f), text, referenced_parameters(text)))
    try:
        results = lint_queries(items, schema)
    except CypherLintUnavailable as e:
        print(f"cypher-lint: {e}", file=sys.stderr)
        return 2
    for r in results:
        for d in r.errors:
            print(d.format(r.id, "error"))
        for d in [] if args.no_warnings else r.warnings:
            print(d.format(r.id, "warning"))
    n_err = sum(len(r.errors) for r in results)
    print(
        f"{len(results)} file(s), {n_err} error(s), {sum(len(r.warnings) for r in results)} warning(s)",
        file=sys.stderr,
    )
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main())
