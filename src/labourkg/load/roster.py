"""Load union registers (craftsmen, studios, teams, enterprises, engagements) through mappings.

Each row is checked whole before anything of it is queued, so a rejected row leaves
nothing behind; its file, line, column and reason are reported and the good rows load.
Every write is a MERGE on keys: loading the same folder twice changes nothing.

Tables are read as streams and written in batches, so memory follows the batch size,
not the register's size.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from labourkg import cypher
from labourkg.load.mapping import Field, Mapping, MappingError, builtin_mappings, load_mapping
from labourkg.load.tables import Table, TableError, read_tables
from labourkg.load.vocabulary import load_vocabulary
from labourkg.load.writer import GraphWriter, NodeRecord, RelRecord
from labourkg.naming import canonical_name, organisation_label
from labourkg.ontology import Ontology
from labourkg.store.base import DEFAULT_BATCH, GraphStore, WriteStats
from labourkg.vocab import normalise, vocab_index

LIST_SPLIT = re.compile(r"[;；、,，\n]+")
TABLE_ORDER = ("craftsmen", "enterprises", "studios", "teams", "engagements")
PROVIDER_LABELS = ("Person", "Studio", "ServiceTeam")


@dataclass
class RowError:
    file: str
    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: column {self.column}: {self.reason}"


@dataclass
class TableReport:
    table: str
    source: str
    rows: int = 0
    loaded: int = 0
    rejected: int = 0
    unknown_headers: list[str] = field(default_factory=list)


@dataclass
class RosterReport:
    tables: list[TableReport] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # tables no mapping knows
    stats: WriteStats = field(default_factory=WriteStats)


class RowRejected(Exception):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column, self.reason = column, reason


def quarter_of(date: str) -> str:
    y, m = int(date[:4]), int(date[5:7])
    return f"{y}Q{(m - 1) // 3 + 1}"


def split_list(cell: str) -> list[str]:
    return [p.strip() for p in LIST_SPLIT.split(cell) if p.strip()]


class Resolver:
    """Turns cell values into graph ids: by register id, by name, or by vocabulary."""

    def __init__(self, store: GraphStore, onto: Ontology) -> None:
        self.store, self.onto = store, onto
        self.by_register: dict[tuple[str, str], str] = {}  # (label, register id) -> graph id
        self.person_by_name: dict[str, list[tuple[str, str | None, list[str]]]] = {}  # name -> (id, rid, employers)

    # -------------------------------------------------------------- register ids
    def lookup_register(self, labels: Iterable[str], rid: str) -> tuple[str, str] | None:
        for label in labels:
            key = (label, rid)
            if key not in self.by_register:
                rows = self.store.read(cypher.find_by_register_id(self.onto, label), {"register_id": rid}).rows
                if rows:
                    self.by_register[key] = rows[0][0]
            if key in self.by_register:
                return label, self.by_register[key]
        return None

    def prefetch_people(self, names: Iterable[str]) -> None:
        missing = sorted({n for n in names if n not in self.person_by_name})
        for n in missing:
            self.person_by_name[n] = []
        if missing:
            for pid, name, rid, employers in self.store.read(cypher.find_people_by_name(self.onto), {"names": missing}).rows:
                self.person_by_name[name].append((pid, rid, employers or []))

    def person_id(self, name: str, rid: str, employer: str | None) -> str:
        """The rule (see docs/resolution.md): same register id -> same node; else one article-only
        person of that name whose employers agree -> that node; else ``person:<name>`` if free;
        else ``person:<name>@<employer or register id>``."""
        cands = self.person_by_name.setdefault(name, [])
        for pid, crid, _ in cands:
            if crid == rid:
                return pid
        compatible = [pid for pid, crid, emps in cands if crid is None and (not emps or employer in emps)]
        if len(compatible) == 1:
            chosen = compatible[0]
        else:
            base = self.onto.id_for("Person", name)
            taken = {pid for pid, _, _ in cands}
            chosen = base if base not in taken else f"{base}@{employer or rid}"
        # later rows of this load see this person too
        cands[:] = [c for c in cands if c[0] != chosen] + [(chosen, rid, [employer] if employer else [])]
        return chosen

    # -------------------------------------------------------------- vocabulary
    def concept(self, scheme: str, value: str) -> str | None:
        c = vocab_index(self.onto, scheme).lookup(value)
        return c.id if c else None

    def enum(self, scheme: str, value: str) -> str | None:
        c = vocab_index(self.onto, scheme).lookup(value)
        if c is None:
            for cand in self.onto.scheme(scheme):
                if normalise(cand.local) == normalise(value):
                    return cand.local
            return None
        return c.local


class RowBuilder:
    """Checks one row against its mapping and turns it into records (or raises ``RowRejected``)."""

    def __init__(self, mapping: Mapping, resolver: Resolver, source_prefix: str) -> None:
        self.m, self.r, self.onto = mapping, resolver, resolver.onto
        self.source_prefix = source_prefix

    def _value(self, f: Field, raw: str) -> Any:
        raw = raw.strip()
        if not raw:
            if f.required:
                raise RowRejected(f.name, "required value is empty")
            return f.default
        if f.type == "int":
            try:
                v = int(float(raw))
            except ValueError:
                raise RowRejected(f.name, f"{raw!r} is not a whole number") from None
            if (f.min is not None and v < f.min) or (f.max is not None and v > f.max):
                raise RowRejected(f.name, f"{v} is outside {f.min}..{f.max}")
            return v
        if f.type == "date":
            try:
                return dt.date.fromisoformat(raw.replace("/", "-")).isoformat()
            except ValueError:
                raise RowRejected(f.name, f"{raw!r} is not a date (YYYY-MM-DD)") from None
        if f.pattern and not re.match(f.pattern, raw):
            raise RowRejected(f.name, f"{raw!r} does not match the expected form {f.pattern}")
        if f.choices and raw not in f.choices:
            raise RowRejected(f.name, f"{raw!r} is not one of {', '.join(f.choices)}")
        if f.list:
            items = split_list(raw)
            if f.enum:
                out = []
                for it in items:
                    e = self.r.enum(f.enum, it)
                    if e is None:
                        raise RowRejected(f.name, f"{it!r} is not a known value of {f.enum}")
                    out.append(e)
                return out
            return items
        if f.enum:
            e = self.r.enum(f.enum, raw)
            if e is None:
                raise RowRejected(f.name, f"{raw!r} is not a known value of {f.enum}")
            return e
        return raw

    def values(self, cols: dict[int, Field], cells: list[str]) -> dict[str, Any]:
        vals: dict[str, Any] = {}
        for i, f in cols.items():
            vals[f.name] = self._value(f, cells[i] if i < len(cells) else "")
        for f in self.m.fields.values():
            if f.name not in vals:
                if f.required:
                    raise RowRejected(f.name, "required column is missing")
                vals[f.name] = f.default
        return vals

    # -------------------------------------------------------------- links
    def _targets(self, f: Field, value: Any) -> list[tuple[str, str, dict[str, Any], list[NodeRecord]]]:
        """(label, id, relationship props, nodes to create) for each item of a link field."""
        items = value if isinstance(value, list) else [value]
        out: list[tuple[str, str, dict[str, Any], list[NodeRecord]]] = []
        to = f.link.to if f.link else f.to
        for item in items:
            if item in (None, ""):
                continue
            item = str(item).strip()
            if to == "organisation":
                name = canonical_name(item)
                label = organisation_label(name)
                nid = self.onto.id_for(label, name)
                out.append((label, nid, {}, [NodeRecord(label, nid, {"name": name})]))
            elif to == "honour":
                hm = re.match(r"^(.*?)\s*[:：]\s*(\S*)$", item)
                name, year = (hm.group(1), hm.group(2)) if hm else (item, "")
                props: dict[str, Any] = {}
                if year:
                    if not year.strip().isdigit() or not 1950 <= int(year) <= 2100:
                        raise RowRejected(f.name, f"honour year {year!r} is outside 1950-2100")
                    props["year"] = int(year)
                cid = self.r.concept("honours", name)
                nodes: list[NodeRecord] = []
                if cid is None:
                    cname = canonical_name(name)
                    cid = self.onto.id_for("Honour", cname)
                    nodes.append(NodeRecord("Honour", cid, {"name": cname}))
                out.append(("Honour", cid, props, nodes))
            elif to in ("skill", "skill_text"):
                found = vocab_index(self.onto, "skills").find_in(item)
                for c, _form in found:
                    out.append(("Skill", c.id, {}, []))
                if not found and to == "skill":
                    cname = canonical_name(item)
                    sid = self.onto.id_for("Skill", cname)
                    out.append(("Skill", sid, {}, [NodeRecord("Skill", sid, {"name": cname, "reviewed": False})]))
            elif to == "industry":
                cid = self.r.concept("industries", item)
                if cid is None:
                    raise RowRejected(f.name, f"{item!r} is not a GB/T 4754-2017 code or name")
                out.append(("Industry", cid, {}, []))
            elif to == "region":
                cid = self.r.concept("regions", item)
                if cid is None:
                    raise RowRejected(f.name, f"{item!r} is not a known region name or GB/T 2260 code")
                out.append(("Place", cid, {}, []))
            elif to == "person":
                hit = self.r.lookup_register(["Person"], item)
                if hit is None:
                    name = canonical_name(item)
                    self.r.prefetch_people([name])
                    cands = self.r.person_by_name.get(name, [])
                    if len(cands) != 1:
                        raise RowRejected(f.name, f"{item!r} is not a known craftsman id or name")
                    hit = ("Person", cands[0][0])
                out.append((hit[0], hit[1], {}, []))
            elif to == "provider":
                hit = self.r.lookup_register(PROVIDER_LABELS, item)
                if hit is None:
                    raise RowRejected(f.name, f"{item!r} is not a known craftsman, studio or team id")
                out.append((hit[0], hit[1], {}, []))
            elif to == "enterprise":
                hit = self.r.lookup_register(["Enterprise"], item)
                if hit is None:
                    raise RowRejected(f.name, f"{item!r} is not a known enterprise id")
                out.append((hit[0], hit[1], {}, []))
        return out

    def node_row(self, vals: dict[str, Any]) -> tuple[NodeRecord, list[NodeRecord], list[RelRecord]]:
        m, onto = self.m, self.onto
        label = m.node or ""
        rid_field = next(f for f in m.fields.values() if f.register_id)
        rid = str(vals[rid_field.name])
        name = canonical_name(str(vals["name"]))
        source = f"{self.source_prefix}:{rid}"
        props: dict[str, Any] = {"register_id": rid}
        for f in m.fields.values():
            if f.property and vals.get(f.name) not in (None, ""):
                props[f.property] = name if f.property == "name" else vals[f.name]
        links: list[tuple[Field, list]] = []
        for f in m.fields.values():
            if f.link and vals.get(f.name) not in (None, "", []):
                links.append((f, self._targets(f, vals[f.name])))
        if label == "Person":
            employer = next((t[0][1] for f, t in links if f.link and f.link.to == "organisation" and t), None)
            employer_name = employer.split(":", 1)[1] if employer else None
            nid = self.r.person_id(name, rid, employer_name)
        else:
            nid = onto.id_for(label, name)
        self.r.by_register[(label, rid)] = nid
        region = next((t[0][1] for f, t in links if f.link and f.link.to == "region" and t), None)
        if region:
            props["region_code"] = region.split(":", 1)[1]
        extra_nodes: list[NodeRecord] = []
        rels: list[RelRecord] = []
        for f, targets in links:
            assert f.link is not None
            rel_props: dict[str, Any] = {}
            for g in m.fields.values():
                if g.link_property and g.link_property["rel"] == f.link.rel and vals.get(g.name):
                    rel_props[g.link_property["name"]] = vals[g.name]
            for t_label, t_id, t_props, nodes in targets:
                for n in nodes:
                    n.source = source
                extra_nodes.extend(nodes)
                if f.link.reverse:
                    rels.append(RelRecord(f.link.rel, t_label, t_id, label, nid, {**rel_props, **t_props}, source))
                else:
                    rels.append(RelRecord(f.link.rel, label, nid, t_label, t_id, {**rel_props, **t_props}, source))
        return NodeRecord(label, nid, props, [], source), extra_nodes, rels

    def edge_row(self, vals: dict[str, Any], line: int) -> RelRecord:
        m = self.m
        src = next(f for f in m.fields.values() if f.endpoint == "source")
        dst = next(f for f in m.fields.values() if f.endpoint == "target")
        s = self._targets(src, vals[src.name])[0]
        o = self._targets(dst, vals[dst.name])[0]
        props = {f.property: vals[f.name] for f in m.fields.values() if f.property and vals.get(f.name) not in (None, "")}
        if "date" in props:
            props["period"] = quarter_of(props["date"])
        props.setdefault("service_type", "")
        props.setdefault("date", "")
        return RelRecord(m.edge or "", s[0], s[1], o[0], o[1], props, f"{self.source_prefix}:{line}")


def _match_mapping(table: Table, mappings: dict[str, Mapping]) -> Mapping | None:
    for m in mappings.values():
        if table.name in m.files or table.source in m.files:
            return m
    for m in mappings.values():
        if table.name == m.table or table.name.lower() == m.table:
            return m
    return None


def load_roster(
    store: GraphStore,
    onto: Ontology,
    directory: Path,
    *,
    mapping_files: Iterable[Path] = (),
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[str, int], None] | None = None,
    vocabulary: bool = True,
) -> RosterReport:
    """Load every table of ``directory`` that a mapping knows. Raises ``TableError`` or ``MappingError``
    for a file that cannot be read at all; bad rows are reported in the result."""
    mappings = builtin_mappings(onto)
    extra = list(mapping_files) + (sorted(directory.glob("*.yaml")) if directory.is_dir() else [])
    for p in extra:
        m = load_mapping(p, onto)
        mappings = {f"user:{p}": m, **mappings}  # a user's mapping wins over the shipped one
    tables = read_tables(directory)
    order = {t: i for i, t in enumerate(TABLE_ORDER)}
    matched: list[tuple[Table, Mapping]] = []
    report = RosterReport()
    for t in tables:
        m = _match_mapping(t, mappings)
        if m is None:
            report.skipped.append(t.source)
        else:
            matched.append((t, m))
    matched.sort(key=lambda tm: order.get(tm[1].table, len(order)))
    if vocabulary:
        report.stats += load_vocabulary(store, onto)
    resolver = Resolver(store, onto)
    writer = GraphWriter(store, onto, batch_size=batch_size)
    for table, m in matched:
        report.tables.append(_load_table(table, m, resolver, writer, report, batch_size, progress))
    report.stats += writer.flush()
    return report


def _load_table(table: Table, m: Mapping, resolver: Resolver, writer: GraphWriter, report: RosterReport,
                batch_size: int, progress: Callable[[str, int], None] | None) -> TableReport:
    tr = TableReport(m.table, table.source)
    cols, unknown = m.resolve_headers(table.headers)
    tr.unknown_headers = unknown
    missing = [f.name for f in m.fields.values() if f.required and f not in cols.values()]
    if missing:
        report.errors.append(RowError(table.source, 1, ", ".join(missing), "required column is missing from the header"))
        return tr
    builder = RowBuilder(m, resolver, f"roster:{m.table}")
    name_col = next((i for i, f in cols.items() if f.name == "name"), None)
    rows = iter(table.rows)
    while chunk := list(islice(rows, batch_size)):
        if m.node == "Person" and name_col is not None:
            resolver.prefetch_people(canonical_name(c[name_col]) for _, c in chunk if name_col < len(c))
        for line, cells in chunk:
            tr.rows += 1
            try:
                vals = builder.values(cols, cells)
                if m.node:
                    node, extra, rels = builder.node_row(vals)
                    writer.node(node)
                    for n in extra:
                        writer.node(n)
                    for r in rels:
                        writer.rel(r)
                else:
                    writer.rel(builder.edge_row(vals, line))
                tr.loaded += 1
            except RowRejected as e:
                tr.rejected += 1
                report.errors.append(RowError(table.source, line, e.column, e.reason))
        if progress:
            progress(m.table, len(chunk))
    writer.flush()  # later tables look up this table's register ids in the store
    return tr


__all__ = ["MappingError", "RosterReport", "RowError", "TableError", "load_roster"]
