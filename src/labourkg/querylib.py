"""The analysts' named, parameterised Cypher queries in ``queries/*.cypher``.

Each file starts with a YAML header in ``//`` comments between ``// ---`` lines::

    // ---
    // name: craftsmen_by_skill
    // title: {zh: 按技能查找劳模工匠, en: Craftsmen by skill}
    // description: People who have a skill (or a narrower one), with district and honours.
    // params:
    //   skill: {type: string, example: 焊接, description: skill name or alias}
    //   limit: {type: int, default: 50}
    // ---
    MATCH ...

Parameters are typed; a missing or ill-typed one is an error naming it. A parameter with a
default is optional; on the command line ``--param name=null`` gives it null. Every
parameter has an ``example``: ``--example`` runs the query with them, the docs show them.
``docs/queries.md`` is generated from these headers (``python -m labourkg.querydocs``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from labourkg.resources import queries_dir

TYPES = ("string", "int", "float", "bool", "list<string>", "list<int>")


class QueryError(ValueError):
    """An unknown query, a bad header or a bad parameter; the message is for the user."""


@dataclass
class Param:
    name: str
    type: str = "string"
    default: Any = None
    required: bool = False
    example: Any = None
    description: str = ""
    given: tuple[str, ...] = ()  # the keys the header spelled out

    def convert(self, raw: Any) -> Any:
        """Turn a command-line string (or a JSON value) into this parameter's type.

        ``None`` (or the text ``null``) is accepted for an optional parameter only."""
        t = self.type
        if raw is None or (isinstance(raw, str) and raw.strip().lower() == "null"):
            if self.required:
                raise QueryError(f"parameter {self.name!r} is required and cannot be null")
            return None
        try:
            if t == "string" and not isinstance(raw, list | dict):
                return str(raw)
            if t == "int":
                if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
                    raise ValueError
                return int(raw)
            if t == "float":
                if isinstance(raw, bool):
                    raise ValueError
                return float(raw)
            if t == "bool":
                if isinstance(raw, bool):
                    return raw
                low = str(raw).strip().lower()
                if low in ("true", "yes", "1", "是"):
                    return True
                if low in ("false", "no", "0", "否"):
                    return False
                raise ValueError
            if t.startswith("list<"):
                items = raw if isinstance(raw, list) else [x for x in str(raw).split(",") if x.strip()]
                return [int(x) if t == "list<int>" else str(x).strip() for x in items]
        except (TypeError, ValueError):
            pass
        raise QueryError(f"parameter {self.name!r} must be {t}, got {raw!r}")


@dataclass
class NamedQuery:
    name: str
    title_zh: str
    title_en: str
    description: str
    params: dict[str, Param]
    cypher: str
    path: Path
    tags: list[str] = field(default_factory=list)

    def bind(self, given: dict[str, Any], *, example: bool = False) -> dict[str, Any]:
        """Typed parameters: given ones converted, the rest from examples (``example``) or defaults."""
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameter {unknown[0]!r} (it takes: {', '.join(self.params) or 'none'})")
        out: dict[str, Any] = {}
        for p in self.params.values():
            if p.name in given:
                out[p.name] = p.convert(given[p.name])
            elif example and p.example is not None:
                out[p.name] = p.convert(p.example)
            elif p.required:
                raise QueryError(f"query {self.name!r} needs parameter {p.name!r} ({p.type}): --param {p.name}=…")
            else:
                out[p.name] = p.default
        return out

    def example_params(self) -> dict[str, Any]:
        return self.bind({}, example=True)

    def problems(self) -> list[str]:
        """What the header lacks: titles, description, or a parameter's type, example or description."""
        out: list[str] = []
        if self.name != self.path.stem:
            out.append(f"name {self.name!r} differs from the file name {self.path.stem!r}")
        if self.title_zh == self.name or self.title_en == self.name:
            out.append("title needs zh and en")
        if not self.description:
            out.append("no description")
        for p in self.params.values():
            if "example" not in p.given:
                out.append(f"parameter {p.name!r} has no example")
            if not p.required and "default" not in p.given:
                out.append(f"parameter {p.name!r} is optional but has no default")
            if p.example is not None:
                try:
                    p.convert(p.example)
                except QueryError as e:
                    out.append(f"example of {p.name!r}: {e}")
        for name in referenced_parameters(self.cypher):
            if name not in self.params:
                out.append(f"the Cypher uses ${name}, which the header does not declare")
        for name in self.params:
            if name not in referenced_parameters(self.cypher):
                out.append(f"parameter {name!r} is declared but the Cypher does not use it")
        return out


def parse_query_file(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or lines[0].strip() != "// ---":
        raise QueryError(f"{path}: a query file starts with a '// ---' header")
    header: list[str] = []
    body_start = None
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "// ---":
            body_start = i + 1
            break
        if not line.startswith("//"):
            raise QueryError(f"{path}:{i + 1}: header lines start with '//'")
        header.append(line[3:] if line.startswith("// ") else line[2:])
    if body_start is None:
        raise QueryError(f"{path}: the header has no closing '// ---'")
    try:
        meta = yaml.safe_load("\n".join(header)) or {}
    except yaml.YAMLError as e:
        raise QueryError(f"{path}: header is not valid YAML: {e}") from None
    name = meta.get("name") or path.stem
    title = meta.get("title") or {}
    params: dict[str, Param] = {}
    for pname, spec in (meta.get("params") or {}).items():
        spec = spec or {}
        ptype = spec.get("type", "string")
        if ptype not in TYPES:
            raise QueryError(f"{path}: parameter {pname!r} has unknown type {ptype!r} (use one of {', '.join(TYPES)})")
        params[pname] = Param(pname, ptype, spec.get("default"), bool(spec.get("required", "default" not in spec)),
                              spec.get("example"), str(spec.get("description", "")), tuple(spec))
    cypher = "\n".join(lines[body_start:]).strip()
    if not cypher:
        raise QueryError(f"{path}: no Cypher after the header")
    return NamedQuery(name, title.get("zh", name), title.get("en", name), str(meta.get("description", "")).strip(),
                      params, cypher, path, list(meta.get("tags") or []))


def load_queries(directory: Path | None = None) -> dict[str, NamedQuery]:
    out: dict[str, NamedQuery] = {}
    for p in sorted((directory or queries_dir()).glob("*.cypher")):
        q = parse_query_file(p)
        if q.name in out:
            raise QueryError(f"{p}: query name {q.name!r} is also used by {out[q.name].path}")
        out[q.name] = q
    return out


def get_query(name: str, directory: Path | None = None) -> NamedQuery:
    queries = load_queries(directory)
    if name not in queries:
        import difflib

        close = difflib.get_close_matches(name, list(queries), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `labourkg query list` shows them"
        raise QueryError(f"no query named {name!r}{hint}")
    return queries[name]


def parse_param_args(args: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for a in args:
        if "=" not in a:
            raise QueryError(f"--param takes name=value, got {a!r}")
        k, v = a.split("=", 1)
        out[k.strip()] = v
    return out


_PARAM = re.compile(r"\$(?:`([^`]+)`|([A-Za-z_][A-Za-z0-9_]*))")


def referenced_parameters(cypher: str) -> set[str]:
    """The ``$names`` a Cypher text uses."""
    return {m.group(1) or m.group(2) for m in _PARAM.finditer(cypher)}


def add_evidence_text(columns: list[str], rows: list[list[Any]], *, base: Path | None = None,
                      context: int = 0) -> tuple[list[str], list[list[Any]]]:
    """Add an ``evidence_text`` column to a result with ``article``, ``starts`` and ``ends`` columns.

    The graph keeps no article text: each span is read from the article file (its path as
    loaded, relative to ``base`` or the working directory), decoded as the extractor decodes
    it, so the offsets point into the same text. A missing file gives null.
    """
    from labourkg.text import decode_bytes

    need = {"article", "starts", "ends"}
    if not need <= set(columns):
        raise QueryError(f"--evidence-text needs the columns {', '.join(sorted(need))}; this result has "
                         f"{', '.join(columns)}")
    ia, is_, ie = columns.index("article"), columns.index("starts"), columns.index("ends")
    cache: dict[str, str | None] = {}
    out = []
    for row in rows:
        path, starts, ends = row[ia], row[is_] or [], row[ie] or []
        texts: list[str] | None = None
        if path:
            if path not in cache:
                p = Path(path)
                if not p.is_absolute() and base is not None:
                    p = base / p
                try:
                    cache[path] = decode_bytes(p.read_bytes())
                except (OSError, ValueError):
                    cache[path] = None
            text = cache[path]
            if text is not None:
                texts = [text[max(0, s - context):e + context] for s, e in zip(starts, ends, strict=False)]
        out.append([*row, texts])
    return [*columns, "evidence_text"], out


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
