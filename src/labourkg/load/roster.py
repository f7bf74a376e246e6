"""Load union registers (craftsmen, studios, teams, enterprises, engagements) through mappings.

The contract is ``/work/shared/contracts/rosters.md``; the rules are written down in
``docs/registers.md``. In short:

* Each row is checked whole before anything of it is queued, so a rejected row leaves
  nothing behind; its file, line, column and reason are reported and the good rows load.
  Problems the contract does not count as fatal (an industry or region nobody knows, an
  unknown tier) drop that one value and are reported as warnings.
* Every write is a MERGE on keys and every id is derived from stable inputs, so loading
  the same folder twice creates nothing the second time.
* Tables are read as streams and handled in chunks of ``batch_size`` rows: the ids a chunk
  refers to are fetched with one ``UNWIND $ids`` query per label, not one query per row, and
  writes go to the store from a background thread while the next chunk is parsed. Memory
  follows the batch size, not the register's size.
"""

from __future__ import annotations

import datetime as dt
import gc
import queue
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from labourkg import cypher
from labourkg.extract.resolve import resolve_person
from labourkg.load.mapping import Field, Mapping, MappingError, builtin_mappings, load_mapping
from labourkg.load.tables import Table, TableError, read_tables
from labourkg.load.vocabulary import load_vocabulary
from labourkg.load.writer import GraphWriter, NodeRecord
from labourkg.naming import canonical_name, organisation_label
from labourkg.ontology import Concept, Ontology
from labourkg.store.base import DEFAULT_BATCH, GraphStore, QueryResult, SchemaPlan, WriteStats
from labourkg.vocab import normalise, vocab_index

HARD_SPLIT = re.compile(r"[;；,，\n]+")
TABLE_ORDER = ("craftsmen", "enterprises", "studios", "teams", "engagements")
PROVIDER_LABELS = ("Person", "Studio", "ServiceTeam")
YEAR_MIN, YEAR_MAX = 1950, 2100
# link targets whose failure rejects the row (the contract's list); the rest only warn
STRICT_TARGETS = {"person", "provider", "enterprise"}
CACHE_LIMIT = 200_000  # entries per memo table before it is cleared: bounds memory on huge registers
CELL_CACHE = 20_000  # entries per memo of cell values: repeating cells have few distinct values
GC_THRESHOLD = 10_000  # allocations between young collections during a load (Python's default: 700)

_HONOUR_FORMS = (
    re.compile(r"^(?P<name>.+?)\s*[:：]\s*(?P<year>\S*)$"),  # 全国劳动模范:2020
    re.compile(r"^(?P<name>.+?)\s*[(（]\s*(?P<year>[^()（）]*?)\s*年?\s*[)）]$"),  # 全国劳动模范（2020年）
    re.compile(r"^(?P<year>\d{4})\s*年\s*(?P<name>.+)$"),  # 2020年全国劳动模范
)


@dataclass
class RowError:
    """One problem with one cell: where (file, line as a spreadsheet shows it, column) and why."""

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
    """What a load did. ``errors`` are rejected rows (nothing of them was written); ``warnings``
    are values dropped from rows that did load. The CLI exits non-zero when ``not ok``."""

    tables: list[TableReport] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # tables no mapping knows
    stats: WriteStats = field(default_factory=WriteStats)

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)

    @property
    def loaded(self) -> int:
        return sum(t.loaded for t in self.tables)

    @property
    def rejected(self) -> int:
        return len(self.errors)

    @property
    def ok(self) -> bool:
        """True when no row was rejected (warnings and skipped tables do not count)."""
        return not self.errors

    def exit_code(self, allow_partial: bool = False) -> int:
        return 0 if self.ok or allow_partial else 1

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return {
            "tables": [asdict(t) for t in self.tables],
            "errors": [asdict(e) for e in self.errors],
            "warnings": [asdict(w) for w in self.warnings],
            "skipped": list(self.skipped),
            "stats": asdict(self.stats),
            "rows": self.rows, "loaded": self.loaded, "rejected": self.rejected, "ok": self.ok,
        }


class RowRejected(Exception):
    """The row cannot be loaded; nothing of it is written."""

    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column, self.reason = column, reason


class ValueDropped(RowRejected):
    """One value of the row cannot be used; the row loads without it (a warning)."""


def quarter_of(date: str) -> str:
    y, m = int(date[:4]), int(date[5:7])
    return f"{y}Q{(m - 1) // 3 + 1}"


def split_list(cell: str, keep: Callable[[str], bool] | None = None) -> list[str]:
    """Items of a list cell, split at ``;`` ``,`` and newlines, and at ``、`` except inside a known value.

    ``keep`` says whether a text is one known value (official names such as
    木材加工和木、竹、藤、棕、草制品业 contain 、): the whole cell is tried first, then each piece,
    then the longest runs of its 、-separated parts from the left, so 石油、煤炭及其他燃料加工业、C26
    is two industries, not three unknown values."""
    if keep is not None and HARD_SPLIT.search(cell) and "、" in cell:
        whole = cell.strip()
        if keep(whole):
            return [whole]
    out: list[str] = []
    for piece in HARD_SPLIT.split(cell):
        piece = piece.strip()
        if not piece:
            continue
        if "、" not in piece or (keep is not None and keep(piece)):
            out.append(piece)
            continue
        parts = [p.strip() for p in piece.split("、") if p.strip()]
        if keep is None:
            out.extend(parts)
            continue
        i = 0
        while i < len(parts):
            for j in range(len(parts) - (i == 0), i + 1, -1):  # the whole piece was tried above
                run = "、".join(parts[i:j])
                if keep(run):
                    out.append(run)
                    i = j
                    break
            else:
                out.append(parts[i])
                i += 1
    return out


def parse_date(raw: str) -> str:
    """ISO date from 2024-03-05, 2024/3/5, 2024.3.5 or 2024年3月5日; ValueError otherwise."""
    s = raw.strip()
    if len(s) == 10 and s[4] == "-" and s[7] == "-":
        return dt.date.fromisoformat(s).isoformat()
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]00:00(?::00)?)?", s)
    if not m:
        raise ValueError(raw)
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()


class _Memo(dict):
    """A dict that forgets everything when it grows past ``limit`` entries (bounded memory)."""

    def __init__(self, limit: int = CACHE_LIMIT) -> None:
        super().__init__()
        self.limit = limit

    def put(self, key: Any, value: Any) -> Any:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


class SkillMatcher:
    """Leftmost-longest matching of skill labels and aliases in free text, by dictionary lookups.

    Same result as ``VocabIndex.find_in`` but without a regex of a thousand alternatives,
    which costs milliseconds per text; this costs microseconds, which matters for a million
    enterprises' needs.
    """

    def __init__(self, onto: Ontology, scheme: str = "skills") -> None:
        idx = vocab_index(onto, scheme)
        codes = {normalise(n) for c in idx.concepts for n in c.notations}
        self.forms: dict[str, Concept] = {f: c for f, c in idx.forms.items() if len(f) >= 2 and f not in codes}
        self.maxlen = max((len(f) for f in self.forms), default=0)
        self.heads: dict[str, list[int]] = {}  # first two characters -> lengths of the forms starting so, longest first
        for f in self.forms:
            self.heads.setdefault(f[:2], []).append(len(f))
        for head, lengths in self.heads.items():
            self.heads[head] = sorted(set(lengths), reverse=True)
        self.lengths = sorted({len(f) for f in self.forms}, reverse=True)

    def find(self, norm: str) -> tuple[list[Concept], int]:
        """Concepts in already-normalised text (first occurrence order) and how many characters matched."""
        out: list[Concept] = []
        seen: set[str] = set()
        covered, i, n = 0, 0, len(norm)
        forms, heads = self.forms, self.heads
        while i < n - 1:
            lengths = heads.get(norm[i : i + 2])
            if lengths is None:
                i += 1
                continue
            for length in lengths:
                if i + length <= n:
                    c = forms.get(norm[i : i + length])
                    if c is not None:
                        if c.id not in seen:
                            seen.add(c.id)
                            out.append(c)
                        covered += length
                        i += length
                        break
            else:
                i += 1
        return out, covered


class HonourMatcher:
    """An honour name to its concept: by label or alias, else by a generic ``lk:labelPattern``
    (``{province}五一劳动奖章`` matches 广东省五一劳动奖章) with the place names of the region scheme."""

    def __init__(self, onto: Ontology) -> None:
        self.index = vocab_index(onto, "honours")
        self.patterns: dict[str, Concept] = {}
        for c in onto.scheme("honours"):
            p = c.attr("labelPattern")
            if p:
                self.patterns[normalise(p)] = c
        self.places: dict[str, str] = {}  # normalised place form -> level placeholder
        level_key = {"province": "{province}", "city": "{city}", "county": "{county}"}
        for r in onto.scheme("regions") if "regions" in onto.concepts else ():
            key = level_key.get(r.attr("regionLevel") or "")
            if key:
                for form in (r.name, *r.aliases):
                    self.places.setdefault(normalise(form), key)
        self.place_lengths = sorted({len(p) for p in self.places}, reverse=True)

    def lookup(self, name: str) -> Concept | None:
        c = self.index.lookup(name)
        if c is not None or not self.patterns:
            return c
        norm = normalise(name)
        for length in self.place_lengths:
            key = self.places.get(norm[:length])
            if key:
                rest = norm[length:]
                for placeholder in (key, "{place}"):
                    c = self.patterns.get(normalise(placeholder) + rest)
                    if c is not None:
                        return c
        return None


class Resolver:
    """Turns cell values into graph ids: by register id, by name, or by vocabulary.

    Register ids and people are fetched per chunk (``prefetch_*``) with one query per
    label; lookups inside a chunk then only read the chunk's memo.
    """

    def __init__(self, store: GraphStore, onto: Ontology) -> None:
        self.store, self.onto = store, onto
        # (label, register id) -> graph id, found or written in this load; trimmed between chunks only
        # (``new_chunk``): forgetting in the middle of one would lose the ids prefetched for it
        self.by_register: dict[tuple[str, str], str] = {}
        self.person_by_name: dict[str, list[tuple[str, str | None, list[str]]]] = {}  # name -> (id, rid, employers)
        self.skills = SkillMatcher(onto) if "skills" in onto.concepts else None
        self.honours = HonourMatcher(onto) if "honours" in onto.concepts else None
        self.memo: _Memo = _Memo()

    def new_chunk(self) -> None:
        """Forget the people earlier chunks looked up: the store has their rows by now, and a
        person may have gained a namesake since. Register ids stay (an id's node never changes)."""
        self.person_by_name.clear()
        if len(self.by_register) >= CACHE_LIMIT:  # bounded: the limit plus one chunk's ids
            self.by_register.clear()

    # -------------------------------------------------------------- register ids
    def prefetch_register(self, labels: Iterable[str], rids: Iterable[str]) -> None:
        """Fetch the graph ids of ``rids`` under each label in turn. An id found under one label is
        not asked of the later ones: ``lookup_register`` takes the first label that has it (an
        engagement's provider found among the craftsmen is not looked up among studios and teams,
        which halved the ids asked of the store at scale 0.1: 354k -> 177k)."""
        by_register = self.by_register
        want = sorted({r for r in rids if r})
        for label in labels:
            if not want:
                return
            missing = [r for r in want if (label, r) not in by_register]
            if missing:
                for rid, nid in self.store.read(cypher.find_by_register_ids(self.onto, label), {"ids": missing}).rows:
                    by_register.setdefault((label, rid), nid)
            want = [r for r in want if (label, r) not in by_register]

    def lookup_register(self, labels: Iterable[str], rid: str) -> tuple[str, str] | None:
        for label in labels:
            nid = self.by_register.get((label, rid))
            if nid is not None:
                return label, nid
        return None

    def prefetch_people(self, names: Iterable[str]) -> None:
        missing = sorted({n for n in names if n and n not in self.person_by_name})
        for n in missing:
            self.person_by_name[n] = []
        if missing:
            for pid, name, rid, employers in self.store.read(cypher.find_people_by_name(self.onto), {"names": missing}).rows:
                self.person_by_name[name].append((pid, rid, employers or []))

    def person_id(self, name: str, rid: str, employer: str | None) -> str:
        """The graph id of a register's person (``employer``: the graph id of the row's employer; the
        rule and its failure modes: docs/registers.md).

        1. a Person with the same register id -> that node;
        2. else the article rule, ``extract.resolve.resolve_person``, over the Persons of the same
           canonical name that no register claims (they came from articles), with this row's
           employer as the context -> the node it picks;
        3. else ``person:<name>`` when no node has it;
        4. else ``person:<name>@<employer name>``, else ``person:<name>@<register id>``.
        """
        hit = self.by_register.get(("Person", rid))
        if hit is not None:
            return hit
        cands = self.person_by_name.setdefault(name, [])
        for pid, crid, _ in cands:
            if crid == rid:
                return pid
        unclaimed = [{"id": pid, "name": name, "orgs": emps} for pid, crid, emps in cands if crid is None]
        chosen = resolve_person(name, {"orgs": {employer} if employer else set()}, unclaimed)
        if chosen is None:
            taken = {pid for pid, _, _ in cands}
            base = self.onto.id_for("Person", name)
            at = employer.split(":", 1)[-1] if employer else None
            chosen = next(c for c in (base, f"{base}@{at}" if at else None, f"{base}@{rid}", f"{base}@{rid}#")
                          if c and c not in taken)
        # later rows of this chunk see this person too
        cands[:] = [c for c in cands if c[0] != chosen] + [(chosen, rid, [employer] if employer else [])]
        return chosen

    # -------------------------------------------------------------- vocabulary
    def concept(self, scheme: str, value: str) -> str | None:
        key = (scheme, value)
        if key in self.memo:
            return self.memo[key]
        c = vocab_index(self.onto, scheme).lookup(value)
        return self.memo.put(key, c.id if c else None)

    def enum(self, scheme: str, value: str) -> str | None:
        key = ("enum", scheme, value)
        if key in self.memo:
            return self.memo[key]
        c = vocab_index(self.onto, scheme).lookup(value)
        out = c.local if c else None
        if out is None:
            nv = normalise(value)
            out = next((cand.local for cand in self.onto.scheme(scheme) if normalise(cand.local) == nv), None)
        return self.memo.put(key, out)

    def honour(self, name: str) -> str | None:
        c = self.honours.lookup(name) if self.honours else None
        return c.id if c else None


Target = tuple[str, str, dict[str, Any], tuple[NodeRecord, ...]]  # label, id, rel props, nodes to create
Cell = tuple[Any, "tuple[str, str] | None", bool]  # value, warning (column, reason), whether it is the default
_REJECTED = object()  # marks a memoised rejection: (_REJECTED, column, reason) or (_REJECTED, reason)
_DROPPED = object()  # marks a memoised dropped value: (_DROPPED, reason)


def _fold_props(seen: dict[str, Any], p: dict[str, Any]) -> dict[str, Any]:
    """Props of one relationship named twice in a row (an honour listed with two years): the earliest
    year, so the result does not depend on the order of the writes."""
    if "year" in p and "year" in seen:
        return {**seen, "year": min(seen["year"], p["year"])}
    if "year" in p:
        return {**seen, "year": p["year"]}
    return seen


def _fold(targets: list[Target]) -> tuple[tuple[NodeRecord, ...], list[tuple[str, str, dict[str, Any]]]]:
    """A field's targets as (nodes to create, [(label, id, relationship props)] one per target)."""
    nodes: dict[str, NodeRecord] = {}
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for t_label, t_id, t_props, new in targets:
        for n in new:
            nodes.setdefault(n.id, n)
        key = (t_label, t_id)
        seen = pairs.get(key)
        pairs[key] = t_props if seen is None else _fold_props(seen, t_props)
    return tuple(nodes.values()), [(t_label, t_id, p) for (t_label, t_id), p in pairs.items()]


class RowBuilder:
    """Checks one row against its mapping and hands it to the writer (or raises ``RowRejected``).

    Compiled once per table: the column of each field, a converter per field, and memos of
    converted cells and of their link targets per distinct cell text (register cells repeat a
    lot: regions, industries, honours, tiers, dates). Only what depends on the text alone is
    memoised; references to other rows (leaders, providers, enterprises) are looked up per row.
    """

    def __init__(self, mapping: Mapping, resolver: Resolver, source: str, cols: dict[int, Field] | None = None) -> None:
        self.m, self.r, self.onto = mapping, resolver, resolver.onto
        self.source = source
        self.warnings: list[tuple[str, str]] = []  # (column, reason) of the current row
        self.defaulted: set[str] = set()  # fields of the current row whose value is the mapping's default
        self.rid_field = next((f for f in mapping.fields.values() if f.register_id), None)
        self.link_fields = [f for f in mapping.fields.values() if f.link]
        self.prop_fields = [f for f in mapping.fields.values() if f.property]
        self.link_props = {f.link_property["rel"]: f for f in mapping.fields.values() if f.link_property}
        ends = {f.endpoint: f for f in mapping.fields.values() if f.endpoint}
        self.endpoints = (ends.get("source"), ends.get("target"))
        self.keepers = {f.name: self._keeper(f) for f in mapping.fields.values() if f.list}
        self.label = mapping.node or ""
        if cols is not None:
            self.compile(cols)

    # -------------------------------------------------------------- compiling
    def compile(self, cols: dict[int, Field]) -> None:
        """Converters for the table's columns (``cols``: column index -> field, in column order)."""
        self.cols = cols
        self.columns = [(i, f.name, self._converter(f)) for i, f in cols.items()]
        present = {f.name for f in cols.values()}
        self.absent = [f for f in self.m.fields.values() if f.name not in present]
        # link fields: (field, to, strict, memo of value -> targets); their rel property field
        self.links = [(f, f.link.to, f.link.to in STRICT_TARGETS, _Memo(CELL_CACHE)) for f in self.link_fields if f.link]
        self.link_prop_of = {f.name: self.link_props.get(f.link.rel) for f in self.link_fields if f.link}
        # whether each relationship type comes from one field only: then a field's relationships can be
        # folded once per distinct cell (``_fold``) instead of per row
        types = [f.link.rel for f in self.link_fields if f.link]
        self.fields_fold_alone = len(types) == len(set(types))
        self.props_plan = [(f.name, f.property, f.property == "name") for f in self.prop_fields]
        self.vocab_memo: _Memo = _Memo(CELL_CACHE)  # (to, item) -> targets or the reason it fails
        self.periods: _Memo = _Memo(CELL_CACHE)  # date -> quarter

    def _converter(self, f: Field) -> Callable[[str], Cell]:
        """raw cell -> (value, warning, defaulted), raising ``RowRejected``; memoised unless the field is plain."""
        name, required, default = f.name, f.required, f.default
        empty: Cell = (default, None, default is not None)
        if f.type == "str" and not (f.pattern or f.choices or f.list or f.enum):
            def plain(raw: str) -> Cell:
                s = raw.strip()
                if s:
                    return s, None, False
                if required:
                    raise RowRejected(name, "required value is empty")
                return empty
            return plain

        def convert(raw: str) -> Cell:
            s = raw.strip()
            if not s:
                if required:
                    raise RowRejected(name, "required value is empty")
                return empty
            try:
                return self._parse(f, s), None, False
            except ValueDropped as e:
                if self._strict(f):
                    raise RowRejected(e.column, e.reason) from None
                return default, (e.column, e.reason + "; value dropped"), False
            except RowRejected as e:  # a bad date: the contract rejects the row unless the mapping says warn
                if f.on_error != "warn":
                    raise
                return default, (e.column, e.reason + "; value dropped"), False

        if not (f.list or f.enum or f.choices or f.type != "str"):
            return convert  # a pattern check of values that rarely repeat (credit codes)
        memo: _Memo = _Memo(CELL_CACHE)

        def memoised(raw: str) -> Cell:
            hit = memo.get(raw)
            if hit is None:
                try:
                    hit = convert(raw)
                except RowRejected as e:
                    hit = (_REJECTED, e.column, e.reason)
                memo.put(raw, hit)
            if hit[0] is _REJECTED:
                raise RowRejected(hit[1], hit[2])
            return hit
        return memoised

    # -------------------------------------------------------------- cells
    def _strict(self, f: Field) -> bool:
        """Whether a bad value rejects the row (``on_error: reject``) or is dropped with a warning."""
        if f.on_error:
            return f.on_error == "reject"
        return f.required or f.register_id

    def _parse(self, f: Field, raw: str) -> Any:
        if f.type == "int":
            try:
                v = int(float(raw))
            except ValueError:
                raise ValueDropped(f.name, f"{raw!r} is not a whole number") from None
            if (f.min is not None and v < f.min) or (f.max is not None and v > f.max):
                raise ValueDropped(f.name, f"{v} is outside {f.min:g}..{f.max:g}")
            return v
        if f.type == "date":
            try:
                return parse_date(raw)
            except ValueError:
                raise RowRejected(f.name, f"{raw!r} is not a date (YYYY-MM-DD)") from None
        if f.pattern and not re.match(f.pattern, raw):
            raise ValueDropped(f.name, f"{raw!r} does not match the expected form {f.pattern}")
        if f.choices and raw not in f.choices:
            raise ValueDropped(f.name, f"{raw!r} is not one of {', '.join(f.choices)}")
        if f.list:
            items = split_list(raw, self.keepers.get(f.name))
            if f.enum:
                out = []
                for it in items:
                    e = self.r.enum(f.enum, it)
                    if e is None:
                        raise ValueDropped(f.name, f"{it!r} is not a known value of {f.enum}")
                    out.append(e)
                return out
            return items
        if f.enum:
            e = self.r.enum(f.enum, raw)
            if e is None:
                raise ValueDropped(f.name, f"{raw!r} is not a known value of {f.enum}")
            return e
        return raw

    def _keeper(self, f: Field) -> Callable[[str], bool] | None:
        """For a list of vocabulary values: whether a piece with 、 is itself one known value."""
        to = f.link.to if f.link else None
        scheme = {"industry": "industries", "region": "regions", "honour": "honours", "skill": "skills"}.get(to or "")
        if f.enum:
            scheme = f.enum
        if scheme is None or scheme not in self.onto.concepts:
            return None
        return lambda piece: self.r.concept(scheme, piece) is not None

    def values(self, cells: list[str]) -> dict[str, Any]:
        """Field name -> converted value of one row; sets ``warnings`` and ``defaulted``."""
        warnings: list[tuple[str, str]] = []
        self.warnings = warnings
        defaulted: set[str] = set()
        self.defaulted = defaulted
        vals: dict[str, Any] = {}
        n = len(cells)
        for i, name, conv in self.columns:
            v, warn, dflt = conv(cells[i] if i < n else "")
            vals[name] = v
            if warn is not None:
                warnings.append(warn)
            if dflt:
                defaulted.add(name)
        for f in self.absent:
            if f.required:
                raise RowRejected(f.name, "required column is missing")
            vals[f.name] = f.default
            if f.default is not None:
                defaulted.add(f.name)
        return vals

    # -------------------------------------------------------------- links
    def _targets(self, f: Field, value: Any) -> list[Target]:
        """(label, id, relationship props, nodes to create) for each item of a link field."""
        items = value if isinstance(value, list) else [value]
        to = f.link.to if f.link else f.to
        out: list[Target] = []
        for item in items:
            if item in (None, ""):
                continue
            item = str(item).strip()
            if to in STRICT_TARGETS:
                out.append(self._reference(f, to, item))
                continue
            key = (to, item)
            hit = self.vocab_memo.get(key)
            if hit is None:
                try:
                    hit = self._vocab_target(f, to or "", item)
                except ValueDropped as e:  # kept as text: an exception would hold its frames
                    hit = (_DROPPED, e.reason)
                except RowRejected as e:
                    hit = (_REJECTED, e.reason)
                self.vocab_memo.put(key, hit)
            if type(hit) is list:
                out.extend(hit)
            elif hit[0] is _DROPPED:
                self.warnings.append((f.name, hit[1] + "; value dropped"))
            else:
                raise RowRejected(f.name, hit[1])
        return out

    def _link_targets(self, f: Field, strict: bool, memo: _Memo, value: Any) -> tuple[list[Target], Any]:
        """``_targets`` of a whole cell, and for vocabulary links its relationships folded ahead
        (``_fold``; None for references, which the row folds); memoised per distinct value with its warnings."""
        if strict:
            return self._targets(f, value), None
        key = tuple(value) if isinstance(value, list) else value
        hit = memo.get(key)
        if hit is None:
            outer, self.warnings = self.warnings, []
            try:
                targets = self._targets(f, value)
                hit = (targets, self.warnings, _fold(targets))
            except RowRejected as e:
                hit = (_REJECTED, e.column, e.reason)
            finally:
                self.warnings = outer
            memo.put(key, hit)
        if hit[0] is _REJECTED:
            raise RowRejected(hit[1], hit[2])
        if hit[1]:
            self.warnings.extend(hit[1])
        return hit[0], hit[2]

    def _vocab_target(self, f: Field, to: str, item: str) -> list[Target]:
        """Targets that depend on the item's text only (memoised by the caller)."""
        onto = self.onto
        if to == "organisation":
            name = canonical_name(item)
            label = organisation_label(name)
            nid = onto.id_for(label, name)
            return [(label, nid, {}, (NodeRecord(label, nid, {"name": name}, [], self.source),))]
        if to == "honour":
            name, year = item, ""
            for form in _HONOUR_FORMS:
                hm = form.match(item)
                if hm:
                    name, year = hm.group("name").strip(), hm.group("year").strip()
                    break
            props: dict[str, Any] = {}
            if year:
                if not re.fullmatch(r"\d{4}", year):
                    raise RowRejected(f.name, f"honour year {year!r} of {name!r} is not a year")
                if not YEAR_MIN <= int(year) <= YEAR_MAX:
                    raise RowRejected(f.name, f"honour year {year} of {name!r} is outside {YEAR_MIN}-{YEAR_MAX}")
                props["year"] = int(year)
            cid = self.r.honour(name)
            nodes: tuple[NodeRecord, ...] = ()
            if cid is None:
                cname = canonical_name(name)
                cid = onto.id_for("Honour", cname)
                nodes = (NodeRecord("Honour", cid, {"name": cname}, [], self.source),)
            return [("Honour", cid, props, nodes)]
        if to in ("skill", "skill_text"):
            matcher = self.r.skills
            norm = normalise(item)
            found, covered = matcher.find(norm) if matcher else ([], 0)
            out: list[Target] = [("Skill", c.id, {}, ()) for c in found]
            # a specialty the vocabulary lacks, or covers less than half of (沉香手搓线香 has only 沉香),
            # becomes its own Skill with reviewed=false, next to the concepts found inside it
            if to == "skill" and (not found or (len(norm) - covered >= 3 and covered * 2 < len(norm))):
                cname = canonical_name(item)
                sid = onto.id_for("Skill", cname)
                out.append(("Skill", sid, {}, (NodeRecord("Skill", sid, {"name": cname, "reviewed": False}, [],
                                                          self.source),)))
            return out
        if to == "industry":
            cid = self.r.concept("industries", item)
            if cid is None:
                raise ValueDropped(f.name, f"{item!r} is not a GB/T 4754-2017 code or name")
            return [("Industry", cid, {}, ())]
        if to == "region":
            cid = self.r.concept("regions", item)
            if cid is None:
                raise ValueDropped(f.name, f"{item!r} is not a known region name or GB/T 2260 code")
            return [("Place", cid, {}, ())]
        raise MappingError(f"field {f.name!r}: unknown link target {to!r}")

    def _reference(self, f: Field, to: str, item: str) -> Target:
        """A craftsman, provider or enterprise named by its register id (or, for people, its name)."""
        if to == "person":
            hit = self.r.lookup_register(["Person"], item)
            if hit is None:
                cands = [c for c in self.r.person_by_name.get(canonical_name(item), []) if c[1] is not None]
                if len(cands) == 1:
                    hit = ("Person", cands[0][0])
                elif len(cands) > 1:
                    raise RowRejected(f.name, f"{item!r} names {len(cands)} craftsmen; use the register id")
            if hit is None:
                raise RowRejected(f.name, f"{item!r} is not a known craftsman id or name")
        elif to == "provider":
            hit = self.r.lookup_register(PROVIDER_LABELS, item)
            if hit is None:
                raise RowRejected(f.name, f"{item!r} is not a known craftsman, studio or team id")
        else:
            hit = self.r.lookup_register(["Enterprise"], item)
            if hit is None:
                raise RowRejected(f.name, f"{item!r} is not a known enterprise id")
        return hit[0], hit[1], {}, ()

    # -------------------------------------------------------------- rows
    def node_row(self, cells: list[str], writer: GraphWriter, written: _Memo) -> None:
        """Check a node table's row whole, then queue its node, new nodes it links to, and its relationships."""
        vals = self.values(cells)
        label, r, source = self.label, self.r, self.source
        assert self.rid_field is not None
        rid = str(vals[self.rid_field.name])
        name = canonical_name(str(vals["name"]))
        props: dict[str, Any] = {"register_id": rid}
        # a default fills an empty cell of a node new to the register, but never overwrites what an
        # earlier load said (a later, sparser register must not reset capacities)
        known = (label, rid) in r.by_register
        defaulted = self.defaulted
        for fname, prop, is_name in self.props_plan:
            if known and fname in defaulted:
                continue
            v = vals[fname]
            if v is not None and v != "":
                props[prop] = name if is_name else v
        links: list[tuple[Field, str, list[Target], Any]] = []
        for f, to, strict, memo in self.links:
            v = vals[f.name]
            if v is not None and v != "" and v != []:
                targets, folded = self._link_targets(f, strict, memo, v)
                links.append((f, to, targets, folded))
        # nothing below raises: the row is accepted
        if label == "Person":
            employer = next((t[0][1] for _, to, t, _ in links if to == "organisation" and t), None)
            nid = r.person_id(name, rid, employer)
        else:
            nid = r.by_register.get((label, rid)) or self.onto.id_for(label, name)
        r.by_register[(label, rid)] = nid
        region = next((t[0][1] for _, to, t, _ in links if to == "region" and t), None)
        if region:
            props["region_code"] = region.split(":", 1)[1]
        writer.add_node(label, nid, props, source)
        add_rel = writer.add_rel
        rels: dict[tuple[str, str, str], list] = {}  # (type, label, id) -> [reverse, props]
        for f, _, targets, folded in links:
            link = f.link
            assert link is not None
            rel_type, reverse = link.rel, link.reverse
            g = self.link_prop_of[f.name]
            if folded is not None and g is None and self.fields_fold_alone:
                # a vocabulary link, folded when memoised; no other field makes this relationship type
                nodes, pairs = folded
                for n in nodes:
                    if n.id not in written:
                        written.put(n.id, True)
                        writer.add_node(n.label, n.id, n.props, n.source, n.aliases)
                for t_label, t_id, p in pairs:
                    if reverse:
                        add_rel(rel_type, t_label, t_id, label, nid, p, source)
                    else:
                        add_rel(rel_type, label, nid, t_label, t_id, p, source)
                continue
            rel_props: dict[str, Any] = {}
            if g is not None and vals.get(g.name):
                rel_props[g.link_property["name"]] = vals[g.name]  # type: ignore[index]
            for t_label, t_id, t_props, nodes in targets:
                for n in nodes:
                    if n.id not in written:
                        written.put(n.id, True)
                        writer.add_node(n.label, n.id, n.props, n.source, n.aliases)
                p = {**rel_props, **t_props} if t_props else rel_props
                key = (rel_type, t_label, t_id)
                seen = rels.get(key)
                if seen is not None:
                    seen[1] = _fold_props(seen[1], p)
                    continue
                rels[key] = [reverse, p]
        for (rel_type, t_label, t_id), (reverse, p) in rels.items():
            if reverse:
                add_rel(rel_type, t_label, t_id, label, nid, p, source)
            else:
                add_rel(rel_type, label, nid, t_label, t_id, p, source)

    def edge_row(self, cells: list[str], writer: GraphWriter) -> None:
        """Check an edge table's row, then queue its relationship."""
        vals = self.values(cells)
        src, dst = self.endpoints
        assert src is not None and dst is not None
        s = self._endpoint(src, vals[src.name])
        o = self._endpoint(dst, vals[dst.name])
        props = {f.property: vals[f.name] for f in self.prop_fields if vals.get(f.name) not in (None, "")}
        if "date" in props:
            date = props["date"]
            period = self.periods.get(date)
            if period is None:
                period = self.periods.put(date, quarter_of(date))
            props["period"] = period
        props.setdefault("service_type", "")
        props.setdefault("date", "")
        writer.add_rel(self.m.edge or "", s[0], s[1], o[0], o[1], props, self.source)  # type: ignore[arg-type]

    def _endpoint(self, f: Field, value: Any) -> tuple[str, str]:
        """The node an edge table's endpoint cell names: a register id looked up in the chunk's prefetch."""
        to = f.link.to if f.link else f.to
        if type(value) is str and (to == "provider" or to == "enterprise"):
            item = value.strip()
            if item:
                by_register = self.r.by_register
                for label in PROVIDER_LABELS if to == "provider" else ("Enterprise",):
                    nid = by_register.get((label, item))
                    if nid is not None:
                        return label, nid
        t = self._targets(f, value)[0]  # what is left, with its reasons for rejecting
        return t[0], t[1]

    def references(self, chunk: list[tuple[int, list[str]]]) -> dict[str, set[str]]:
        """Every id the chunk refers to, by link target (person, provider, enterprise), to prefetch."""
        refs: dict[str, set[str]] = {}
        for i, f in self.cols.items():
            to = f.link.to if f.link else f.to
            if to in STRICT_TARGETS:
                bucket = refs.setdefault(to, set())
                for _, cells in chunk:
                    if i < len(cells) and cells[i].strip():
                        bucket.update(split_list(cells[i]) if f.list else [cells[i].strip()])
        return refs


# ---------------------------------------------------------------- writing in the background


class _Pipeline(GraphStore):
    """A store whose writes run in order on a background thread, so parsing the next chunk
    overlaps the store's work on the last one. ``drain`` waits for every queued write (and
    re-raises its error); reads go straight to the store and see what has been drained."""

    backend = "pipeline"

    def __init__(self, store: GraphStore, depth: int = 4) -> None:
        self.inner = store
        self.stats = WriteStats()
        self._q: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="roster-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._q.get()
            try:
                if item is None:
                    return
                if self._error is None:
                    self.stats += self.inner.write(*item)
            except BaseException as e:
                self._error = e
            finally:
                self._q.task_done()

    def write(self, query: str, params: dict[str, Any] | None = None) -> WriteStats:
        if self._error is not None:
            self.drain()
        self._q.put((query, params))
        return WriteStats()  # the real counts are in self.stats

    def drain(self) -> None:
        self._q.join()
        if self._error is not None:
            e, self._error = self._error, None
            raise e

    def close(self) -> None:
        self._q.put(None)
        self._thread.join()

    def read(self, query: str, params: dict[str, Any] | None = None, *, timeout: float | None = None) -> QueryResult:
        return self.inner.read(query, params, timeout=timeout)

    def ensure_schema(self, onto: Ontology) -> None:
        self.inner.ensure_schema(onto)

    def schema_plan(self, onto: Ontology) -> SchemaPlan:
        return self.inner.schema_plan(onto)

    def describe(self) -> str:
        return self.inner.describe()


# ---------------------------------------------------------------- tables


def _match_mapping(table: Table, mappings: dict[str, Mapping]) -> Mapping | None:
    """By explicit file name, then by table name, then by headers (all required fields present)."""
    for m in mappings.values():
        if table.name in m.files or table.source in m.files:
            return m
    for m in mappings.values():
        if not m.files and table.name.lower() == m.table.lower():
            return m
    best: tuple[int, Mapping] | None = None
    for m in mappings.values():
        if m.files:
            continue
        cols, _ = m.resolve_headers(table.headers)
        if all(f in cols.values() for f in m.fields.values() if f.required) and len(cols) * 2 > len(table.headers):
            if best is None or len(cols) > best[0]:
                best = (len(cols), m)
    return best[1] if best else None


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
    """Load every table of ``directory`` (a folder, a .csv or a .xlsx) that a mapping knows.

    Mappings: the shipped ``loaders/roster/*.yaml``, then ``mapping_files`` and any ``*.yaml`` in
    the folder (a user's mapping wins). Raises ``TableError`` or ``MappingError`` for a file that
    cannot be read at all; bad rows are reported in the result. ``vocabulary`` first loads the
    ontology's schemes as nodes, which the links point to.
    """
    directory = Path(directory)
    mappings = builtin_mappings(onto)
    extra = list(mapping_files) + (sorted(directory.glob("*.yaml")) if directory.is_dir() else [])
    for p in extra:
        mappings = {f"user:{p}": load_mapping(Path(p), onto), **mappings}  # a user's mapping wins
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
    pipe = _Pipeline(store)
    # the load allocates millions of short-lived containers (rows, props): with the default GC thresholds
    # the collector runs every 700 of them and keeps rescanning the ontology and the memos (a third of
    # the CPU). Freeze what exists and collect less often during the load; both are undone at the end.
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], GC_THRESHOLD), *threshold[1:])
    try:
        resolver = Resolver(pipe, onto)
        writer = GraphWriter(pipe, onto, batch_size=batch_size)
        for table, m in matched:
            report.tables.append(_load_table(table, m, resolver, writer, pipe, report, batch_size, progress))
        writer.flush()
        pipe.drain()
    finally:
        pipe.close()
        gc.set_threshold(*threshold)
        gc.unfreeze()
    report.stats += pipe.stats
    return report


def _load_table(table: Table, m: Mapping, resolver: Resolver, writer: GraphWriter, pipe: _Pipeline,
                report: RosterReport, batch_size: int, progress: Callable[[str, int], None] | None) -> TableReport:
    tr = TableReport(m.table, table.source)
    cols, unknown = m.resolve_headers(table.headers)
    tr.unknown_headers = unknown
    missing = [f.name for f in m.fields.values() if f.required and f not in cols.values()]
    if missing:
        report.errors.append(RowError(table.source, 1, ", ".join(missing), "required column is missing from the header"))
        for _ in table.rows:  # close the file
            pass
        return tr
    builder = RowBuilder(m, resolver, f"roster:{table.source}", cols)
    rid_col = next((i for i, f in cols.items() if f.register_id), None)
    name_col = next((i for i, f in cols.items() if f.name == "name"), None)
    written: _Memo = _Memo()  # ids of extra nodes (employers, new skills) already queued in this load
    rows = iter(table.rows)
    row = builder.node_row if m.node else None
    edge = builder.edge_row
    warnings, errors, source = report.warnings, report.errors, table.source
    while chunk := list(islice(rows, batch_size)):
        resolver.new_chunk()
        refs = builder.references(chunk)
        if m.node == "Person" or "person" in refs:
            pipe.drain()  # earlier chunks' people must be in the store before they are looked up by name
        if rid_col is not None and m.node:
            resolver.prefetch_register([m.node], (c[rid_col].strip() for _, c in chunk if rid_col < len(c)))
        if m.node == "Person" and name_col is not None:
            resolver.prefetch_people(canonical_name(c[name_col]) for _, c in chunk if name_col < len(c))
        if refs.get("person"):
            resolver.prefetch_register(["Person"], refs["person"])
            resolver.prefetch_people(canonical_name(r) for r in refs["person"])
        if refs.get("provider"):
            resolver.prefetch_register(PROVIDER_LABELS, refs["provider"])
        if refs.get("enterprise"):
            resolver.prefetch_register(["Enterprise"], refs["enterprise"])
        loaded = 0
        for line, cells in chunk:
            try:
                if row is not None:
                    row(cells, writer, written)
                else:
                    edge(cells, writer)
                loaded += 1
                if builder.warnings:
                    warnings.extend(RowError(source, line, column, reason) for column, reason in builder.warnings)
            except RowRejected as e:
                tr.rejected += 1
                errors.append(RowError(source, line, e.column, e.reason))
        tr.rows += len(chunk)
        tr.loaded += loaded
        writer.flush()
        if progress:
            progress(m.table, len(chunk))
    writer.flush()
    pipe.drain()  # later tables look up this table's register ids in the store
    return tr


__all__ = ["MappingError", "RosterReport", "RowError", "SkillMatcher", "TableError", "TableReport", "load_roster"]
