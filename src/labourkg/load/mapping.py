"""Declarative register mappings (``loaders/roster/*.yaml``): which header means what.

A mapping names the table (file stem or sheet name), the node label or relationship type
it produces, and for each field the headers it may appear under, its type and checks, and
the property or link it becomes. A user with differently headed spreadsheets writes a
mapping that ``extends`` a shipped one and overrides only the headers::

    extends: craftsmen
    file: 人员名单.csv
    fields:
      name: {headers: [职工姓名]}

``file`` (or ``files``) ties the mapping to file stems, file names or sheet names; without
it a mapping applies to the table of its ``table`` name, or to any table whose headers
cover its required fields.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from labourkg.ontology import Ontology
from labourkg.resources import loaders_dir

LINK_TARGETS = {"organisation", "honour", "skill", "skill_text", "industry", "region", "person", "provider", "enterprise"}
TYPES = {"str", "int", "date"}


class MappingError(ValueError):
    """A mapping file is malformed; the message names the file and the field."""


def header_key(h: object) -> str:
    return unicodedata.normalize("NFKC", str(h or "")).strip().lower().replace(" ", "_")


@dataclass
class Link:
    rel: str
    to: str
    reverse: bool = False


@dataclass
class Field:
    name: str
    headers: list[str]
    required: bool = False
    register_id: bool = False
    list: bool = False
    type: str = "str"
    default: Any = None
    min: float | None = None
    max: float | None = None
    property: str | None = None
    enum: str | None = None
    choices: list[str] | None = None
    pattern: str | None = None
    link: Link | None = None
    link_property: dict[str, str] | None = None
    endpoint: str | None = None  # source | target, for edge tables
    to: str | None = None
    on_error: str | None = None  # reject | warn; default: reject for required and id fields, else warn


@dataclass
class Mapping:
    table: str
    title: str
    fields: dict[str, Field]
    node: str | None = None
    edge: str | None = None
    files: list[str] = field(default_factory=list)  # explicit file names; default: <table>.csv / sheet
    path: Path | None = None

    def field_for_header(self, header: str) -> Field | None:
        key = header_key(header)
        for f in self.fields.values():
            if key in (header_key(h) for h in f.headers):
                return f
        return None

    def resolve_headers(self, headers: list[str]) -> tuple[dict[int, Field], list[str]]:
        """Column index -> field for the headers this mapping knows; and the unknown headers."""
        cols: dict[int, Field] = {}
        unknown: list[str] = []
        for i, h in enumerate(headers):
            f = self.field_for_header(h)
            if f is None:
                if str(h or "").strip():
                    unknown.append(str(h))
            elif f not in cols.values():
                cols[i] = f
        return cols, unknown


def _field(name: str, spec: dict[str, Any], where: str, onto: Ontology) -> Field:
    spec = dict(spec)
    link = spec.pop("link", None)
    try:
        f = Field(name=name, **spec)
    except TypeError as e:
        raise MappingError(f"{where}: field {name!r}: {e}") from None
    if not f.headers:
        raise MappingError(f"{where}: field {name!r} lists no headers")
    if f.type not in TYPES:
        raise MappingError(f"{where}: field {name!r}: type must be one of {sorted(TYPES)}")
    if isinstance(f.headers, str):
        f.headers = [f.headers]
    if f.on_error not in (None, "reject", "warn"):
        raise MappingError(f"{where}: field {name!r}: on_error must be reject or warn")
    if f.endpoint not in (None, "source", "target"):
        raise MappingError(f"{where}: field {name!r}: endpoint must be source or target")
    if f.to is not None and f.to not in LINK_TARGETS:
        raise MappingError(f"{where}: field {name!r}: 'to' must be one of {sorted(LINK_TARGETS)}")
    if link:
        try:
            f.link = Link(**link)
        except TypeError as e:
            raise MappingError(f"{where}: field {name!r}: link: {e}") from None
        onto.rel(f.link.rel)
        if f.link.to not in LINK_TARGETS:
            raise MappingError(f"{where}: field {name!r}: link target must be one of {sorted(LINK_TARGETS)}")
    if f.link_property:
        onto.rel(f.link_property["rel"])
    if f.property:
        onto.prop(f.property)
    if f.enum:
        onto.scheme(f.enum)
    return f


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise MappingError(f"{path}: {e}") from None
    if not isinstance(data, dict):
        raise MappingError(f"{path}: a mapping must be a YAML mapping")
    return data


def builtin_mapping_paths() -> dict[str, Path]:
    return {p.stem: p for p in sorted((loaders_dir() / "roster").glob("*.yaml"))}


def _resolve_extends(path: Path, base: str) -> Path:
    """``extends:`` names a shipped mapping (``craftsmen``) or a YAML file relative to this one."""
    builtin = builtin_mapping_paths()
    if base in builtin:
        return builtin[base]
    candidate = (path.parent / base).resolve()
    if candidate.is_file():
        return candidate
    raise MappingError(f"{path}: extends unknown mapping {base!r} (shipped: {', '.join(builtin)}; or a YAML path)")


def _merged_spec(path: Path, seen: tuple[Path, ...] = ()) -> tuple[dict[str, Any], dict[str, dict]]:
    """Top-level keys and field specs of ``path`` with everything it ``extends`` folded in.

    A child's field spec is laid over the parent's key by key, so ``name: {headers: [职工姓名]}``
    keeps the parent's ``required`` and ``property``. The child's headers are added to the
    parent's (both spreadsheets keep loading) unless the field says ``replace_headers: true``.
    """
    if path.resolve() in seen:
        raise MappingError(f"{path}: 'extends' goes round in a circle")
    data = _read_yaml(path)
    merged: dict[str, Any] = {}
    fields_spec: dict[str, dict] = {}
    base = data.get("extends")
    if base:
        merged, fields_spec = _merged_spec(_resolve_extends(path, str(base)), (*seen, path.resolve()))
        merged.pop("file", None)
        merged.pop("files", None)  # the parent's file names are the parent's
    merged.update({k: v for k, v in data.items() if k not in ("fields", "extends")})
    own = data.get("fields") or {}
    if not isinstance(own, dict):
        raise MappingError(f"{path}: 'fields' must be a mapping of field name to spec")
    for name, spec in own.items():
        if not isinstance(spec, dict):
            raise MappingError(f"{path}: field {name!r}: the spec must be a mapping")
        spec = dict(spec)
        replace = bool(spec.pop("replace_headers", False))
        if isinstance(spec.get("headers"), str):
            spec["headers"] = [spec["headers"]]
        parent = fields_spec.get(name, {})
        if parent and "headers" in spec and not replace:
            spec["headers"] = list(dict.fromkeys([*spec["headers"], *parent.get("headers", [])]))
        fields_spec[name] = {**parent, **spec}
    return merged, fields_spec


def load_mapping(path: Path, onto: Ontology) -> Mapping:
    """Read one mapping file (following ``extends``) and check it against the ontology."""
    path = Path(path)
    merged, fields_spec = _merged_spec(path)
    where = str(path)
    table = merged.get("table")
    if not table:
        raise MappingError(f"{where}: no 'table'")
    if bool(merged.get("node")) == bool(merged.get("edge")):
        raise MappingError(f"{where}: give exactly one of 'node' (a label) or 'edge' (a relationship type)")
    if merged.get("node"):
        onto.label(merged["node"])
        if not any(spec.get("register_id") for spec in fields_spec.values()):
            raise MappingError(f"{where}: a node table needs one field with 'register_id: true'")
        if "name" not in fields_spec:
            raise MappingError(f"{where}: a node table needs a 'name' field")
    else:
        onto.rel(merged["edge"])
        ends = sorted(str(spec.get("endpoint")) for spec in fields_spec.values() if spec.get("endpoint"))
        if ends != ["source", "target"]:
            raise MappingError(f"{where}: an edge table needs one 'endpoint: source' and one 'endpoint: target' field")
    fields = {name: _field(name, spec, where, onto) for name, spec in fields_spec.items()}
    files = merged.get("file") or merged.get("files") or []
    return Mapping(table=table, title=merged.get("title", table), fields=fields, node=merged.get("node"),
                   edge=merged.get("edge"), files=[files] if isinstance(files, str) else list(files), path=path)


def builtin_mappings(onto: Ontology) -> dict[str, Mapping]:
    return {stem: load_mapping(p, onto) for stem, p in builtin_mapping_paths().items()}
