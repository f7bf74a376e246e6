"""An in-memory projection of the graph for recommendations: integer-indexed nodes, typed edge
arrays, and the derived scipy.sparse matrices the scorer, PPR and the explanations use.

Built from any ``GraphStore`` with one bulk read per node label and one per relationship type
(no per-node queries), so it works the same on FalkorDB and Neo4j. Kept in a process-wide cache
keyed by the store and refreshed when the store's *fingerprint* changes (see ``fingerprint``
and docs/recommender.md, "Freshness").

Two layers:

* ``Projection``: what the store holds (nodes, labels, names, capacities, levels, typed
  edges, engagement periods, honour years). Immutable.
* ``RecIndex``: what the recommender derives from it for one *cutoff* (engagements at or after
  the cutoff period are invisible: the evaluation trains on the quarters before its hold-out):
  providers, provider x skill matrix (studios and teams through their members), skill
  specificity (IDF), industry division/section and region county/city/province of everyone,
  credibility, engagement history matrices, and the row-stochastic CSR adjacency for PPR.

>>> ordinal("2025Q1"), period_of(ordinal("2025Q1"))
(8100, '2025Q1')
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp

from labourkg import cypher
from labourkg.ontology import Ontology, load_ontology
from labourkg.recommend.strings import StringTable
from labourkg.store.base import GraphStore
from labourkg.vocab import normalise

PROVIDER_LABELS = ("Person", "Studio", "ServiceTeam")
KIND_NAMES = ("person", "studio", "team")
NODE_LABELS = ("Person", "Studio", "ServiceTeam", "Enterprise", "Skill", "Industry", "Place", "Honour",
               "Organization", "Union", "GovernmentBody")
REL_TYPES = ("HAS_SKILL", "NEEDS", "IN_INDUSTRY", "LOCATED_IN", "BROADER", "RELATED", "MEMBER_OF", "LEADS",
             "ENGAGED", "HELPED", "RECEIVED", "WORKS_FOR", "BASED_AT")
LEVELS = ("", "national", "provincial", "municipal", "county", "industry", "enterprise", "city", "province")
LEVEL_ZH = {"national": "国家级", "provincial": "省级", "municipal": "市级", "county": "县级", "industry": "行业级",
            "enterprise": "企业级"}
LABEL_CODE = {lab: i for i, lab in enumerate(NODE_LABELS)}
# vocabulary concepts: a few thousand nodes that most explanation paths pass through
CONCEPT_CODES = frozenset(LABEL_CODE[lab] for lab in ("Skill", "Industry", "Place", "Honour"))

# Relationship weights of the random walk (both directions); mass is split by type first, then
# evenly inside a type, so a hub's thousands of NEEDS edges do not drown its HAS_SKILL edges.
PPR_TYPE_WEIGHTS: dict[str, float] = {
    "HAS_SKILL": 1.0, "NEEDS": 0.6, "ENGAGED": 1.2, "HELPED": 0.8, "MEMBER_OF": 0.8, "LEADS": 0.8,
    "BROADER": 0.4, "RELATED": 0.4, "IN_INDUSTRY": 0.25, "LOCATED_IN": 0.2, "WORKS_FOR": 0.2, "BASED_AT": 0.2,
}
MEMBER_SKILL = 0.8  # a studio's or team's skill that only its members have
HONOUR_LEVEL_WEIGHT = {"national": 1.0, "provincial": 0.6, "industry": 0.45, "municipal": 0.35, "county": 0.2,
                       "enterprise": 0.1, "": 0.15}
STUDIO_LEVEL_WEIGHT = {"national": 1.0, "provincial": 0.7, "municipal": 0.4}
HONOUR_HALF_LIFE_YEARS = 8.0


def ordinal(period: str) -> int:
    """``2025Q1`` -> 2025*4 + 0 (quarters as consecutive integers)."""
    m = re.fullmatch(r"(\d{4})Q([1-4])", period or "")
    if not m:
        raise ValueError(f"not a quarter: {period!r} (expected e.g. 2025Q1)")
    return int(m.group(1)) * 4 + int(m.group(2)) - 1


def period_of(o: int) -> str:
    return f"{o // 4}Q{o % 4 + 1}"


def _period_cell(period: Any, date: Any) -> int:
    for v in (period, (f"{str(date)[:4]}Q{(int(str(date)[5:7]) - 1) // 3 + 1}" if date and len(str(date)) >= 7
                       else None)):
        if v:
            try:
                return ordinal(str(v))
            except (ValueError, TypeError):
                continue
    return -1


# ---------------------------------------------------------------- the raw projection


@dataclass
class Projection:
    """Nodes and typed edges as read from the store."""

    label: np.ndarray  # int8 code into NODE_LABELS
    ids: StringTable
    names: StringTable
    register_ids: StringTable
    capacity: np.ndarray  # int32, -1 = not given
    level: np.ndarray  # int8 code into LEVELS
    codes: StringTable  # code (industries, places) or region_code (agents)
    aliases: dict[int, list[str]]  # skill node -> aliases
    edges: dict[str, tuple[np.ndarray, np.ndarray]]  # type -> (src, dst) node indices
    eng_period: np.ndarray  # int32 ordinal per ENGAGED edge (-1 unknown)
    rec_year: np.ndarray  # int16 year per RECEIVED edge (0 unknown)
    fingerprint: tuple = ()
    build_seconds: float = 0.0
    _csr: dict[tuple[str, bool], sp.csr_matrix] = field(default_factory=dict, repr=False)
    _concept_nodes: dict[int, dict[str, Any]] = field(default_factory=dict, repr=False)

    @property
    def n(self) -> int:
        return len(self.label)

    def index(self, node_id: str) -> int:
        return self.ids.find(node_id)

    def label_of(self, i: int) -> str:
        return NODE_LABELS[int(self.label[i])]

    def node(self, i: int) -> dict[str, Any]:
        """A path step: ``{"id", "label", "name"}`` (a new dict: callers may change it)."""
        hit = self._concept_nodes.get(i)
        if hit is None:
            hit = {"id": self.ids[i], "label": self.label_of(i), "name": self.names.get(i) or self.ids[i]}
            if int(self.label[i]) in CONCEPT_CODES:  # skills, industries, places, honours: in most paths
                self._concept_nodes[i] = hit
        return dict(hit)

    def by_register_id(self, rid: str, labels: tuple[str, ...]) -> int:
        codes = [LABEL_CODE[lab] for lab in labels]
        i = self.register_ids.find(rid)
        if i >= 0 and int(self.label[i]) in codes:
            return i
        if i >= 0:  # the same register id in another table: scan (rare)
            hits = [j for j in range(self.n) if int(self.label[j]) in codes and self.register_ids[j] == rid]
            return hits[0] if hits else -1
        return -1

    def adj(self, rel: str, reverse: bool = False) -> sp.csr_matrix:
        """N x N CSR of one relationship type (``reverse``: rows are the targets)."""
        key = (rel, reverse)
        if key not in self._csr:
            s, d = self.edges.get(rel, (np.zeros(0, np.int32), np.zeros(0, np.int32)))
            r, c = (d, s) if reverse else (s, d)
            m = sp.csr_matrix((np.ones(len(r), np.float32), (r, c)), shape=(self.n, self.n))
            m.sum_duplicates()
            m.sort_indices()
            self._csr[key] = m
        return self._csr[key]

    def neighbours(self, rel: str, i: int, reverse: bool = False) -> np.ndarray:
        m = self.adj(rel, reverse)
        return m.indices[m.indptr[i]:m.indptr[i + 1]]

    def has_edge(self, rel: str, a: int, b: int) -> bool:
        """True when ``(a)-[rel]->(b)`` is in the store."""
        row = self.neighbours(rel, a)
        j = int(np.searchsorted(row, b))
        return j < len(row) and int(row[j]) == b

    @property
    def nbytes(self) -> int:
        n = self.label.nbytes + self.capacity.nbytes + self.level.nbytes + self.eng_period.nbytes + self.rec_year.nbytes
        n += sum(t.nbytes for t in (self.ids, self.names, self.register_ids, self.codes))
        n += sum(s.nbytes + d.nbytes for s, d in self.edges.values())
        return n


def bulk_rows(store: GraphStore, query: str) -> list[list[Any]]:
    """Rows of a read returning scalars only. On FalkorDB the compact reply is decoded here (the
    client's per-value parsing costs ~10x more on millions of values); other stores go through ``read``."""
    conn = getattr(getattr(store, "db", None), "connection", None)
    graph = getattr(store, "graph_name", None)
    if conn is None or graph is None:
        return store.read(query).rows
    from labourkg.store.base import record_cypher

    record_cypher(query, None, "read")
    try:
        raw = conn.execute_command("GRAPH.RO_QUERY", graph, query, "--compact")
    except Exception:
        return store.read(query).rows  # the store raises the user-facing error
    out = []
    for row in raw[1] if len(raw) > 1 else []:
        vals = []
        for typ, v in row:
            if isinstance(v, bytes):
                v = v.decode("utf-8")
            vals.append(None if typ == 1 else v)
        out.append(vals)
    return out


def fingerprint_queries(onto: Ontology) -> list[tuple[str, str]]:
    """(key, query): counts per label and per relationship type, and the sum of provider capacities --
    aggregates that change when a load adds or removes anything, or a register reload changes a
    capacity.

    Each is a query of its own in the plain ``RETURN count(x)`` form: FalkorDB answers that from its
    label and relation matrices in O(1) (about 0.3 ms), but not inside a UNION or next to another
    column (then it scans)."""
    out = [(lab, cypher.count_label(onto, lab)) for lab in NODE_LABELS]
    out += [(t, cypher.count_rel(onto, t)) for t in REL_TYPES]
    out += [(f"cap:{lab}", cypher.sum_capacity(onto, lab)) for lab in PROVIDER_LABELS]
    return out


def fingerprint(store: GraphStore, onto: Ontology | None = None) -> tuple:
    onto = onto or load_ontology()
    return tuple((k, int(store.read(q).scalar() or 0)) for k, q in fingerprint_queries(onto))


def build_projection(store: GraphStore, onto: Ontology | None = None) -> Projection:
    """Read the nodes and relationships the recommender uses from ``store`` (bulk reads)."""
    t0 = time.perf_counter()
    onto = onto or load_ontology()
    fp = fingerprint(store, onto)
    ids: list[str] = []
    names: list[str | None] = []
    rids: list[str | None] = []
    caps: list[int] = []
    levels: list[int] = []
    codes: list[str | None] = []
    labels: list[int] = []
    level_code = {lv: i for i, lv in enumerate(LEVELS)}
    for lab in NODE_LABELS:
        code = LABEL_CODE[lab]
        for nid, name, rid, cap, lvl, c, rc in bulk_rows(store, cypher.projection_nodes(onto, lab)):
            if nid is None:
                continue
            ids.append(str(nid))
            names.append(None if name is None else str(name))
            rids.append(None if rid is None else str(rid))
            try:
                caps.append(-1 if cap is None else int(cap))
            except (TypeError, ValueError):
                caps.append(-1)
            levels.append(level_code.get(str(lvl or ""), 0))
            codes.append(str(c) if c is not None else (str(rc) if rc is not None else None))
            labels.append(code)
    pos = {nid: i for i, nid in enumerate(ids)}
    aliases: dict[int, list[str]] = {}
    for nid, al in store.read(cypher.skill_aliases(onto)).rows:
        if nid in pos and al:
            aliases[pos[nid]] = [str(a) for a in (al if isinstance(al, list) else [al])]
    edges: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    eng_period = np.zeros(0, np.int32)
    rec_year = np.zeros(0, np.int16)
    for rel in REL_TYPES:
        src: list[int] = []
        dst: list[int] = []
        extra: list[int] = []
        for row in bulk_rows(store, cypher.projection_edges(onto, rel)):
            a, b = pos.get(row[0]), pos.get(row[1])
            if a is None or b is None:
                continue
            src.append(a)
            dst.append(b)
            if rel == "ENGAGED":
                extra.append(_period_cell(row[2], row[3]))
            elif rel == "RECEIVED":
                try:
                    extra.append(int(row[2]) if row[2] is not None else 0)
                except (TypeError, ValueError):
                    extra.append(0)
        edges[rel] = (np.asarray(src, np.int32), np.asarray(dst, np.int32))
        if rel == "ENGAGED":
            eng_period = np.asarray(extra, np.int32)
        elif rel == "RECEIVED":
            rec_year = np.asarray(extra, np.int16)
    return Projection(
        label=np.asarray(labels, np.int8), ids=StringTable.from_list(ids), names=StringTable.from_list(names),
        register_ids=StringTable.from_list(rids), capacity=np.asarray(caps, np.int32),
        level=np.asarray(levels, np.int8), codes=StringTable.from_list(codes), aliases=aliases, edges=edges,
        eng_period=eng_period, rec_year=rec_year, fingerprint=fp, build_seconds=time.perf_counter() - t0,
    )


# ---------------------------------------------------------------- derived index


def _row_any(m: sp.csr_matrix) -> np.ndarray:
    """First column of each row, or -1 (rows with no entry)."""
    out = np.full(m.shape[0], -1, np.int64)
    has = np.diff(m.indptr) > 0
    out[has] = m.indices[m.indptr[:-1][has]]
    return out


@dataclass
class RecIndex:
    """What the scorer needs, derived from a ``Projection`` for one engagement cutoff."""

    proj: Projection
    cutoff: int | None  # engagements with period >= cutoff are invisible
    providers: np.ndarray  # node idx per provider position
    prov_pos: np.ndarray  # node idx -> provider position, -1
    prov_kind: np.ndarray  # int8 index into KIND_NAMES
    capacity: np.ndarray  # int32 per provider (0 when not given)
    skills: np.ndarray  # node idx of Skill nodes
    skill_pos: np.ndarray  # node idx -> skill position, -1
    prov_skill: sp.csr_matrix  # P x S (1 own skill, MEMBER_SKILL through members)
    skill_prov: sp.csr_matrix  # S x P
    idf: np.ndarray  # per skill position, specificity in (0, 1]
    division: np.ndarray  # node idx -> its GB/T 4754 division node (industries), -1
    section: np.ndarray  # node idx -> its section node (industries), -1
    prov_ind: sp.csr_matrix  # P x N: industries (node idx columns)
    county: np.ndarray  # per provider: place node idx, -1
    city: np.ndarray
    province: np.ndarray
    place_county: np.ndarray  # node idx (Place) -> county / city / province node idx, -1
    place_city: np.ndarray
    place_province: np.ndarray
    credibility: np.ndarray  # per provider in [0, 1]
    cred_honour: np.ndarray  # per provider: RECEIVED edge index of the honour that counts most, -1
    eng_p: np.ndarray  # visible engagements: provider position
    eng_e: np.ndarray  # enterprise node idx
    eng_q: np.ndarray  # period ordinal
    ent_prov: sp.csr_matrix  # N x P engagement counts
    skill_eng: sp.csr_matrix  # S x P: engagements with enterprises needing the skill
    popularity: np.ndarray  # per provider: visible engagements
    walk: tuple[np.ndarray, np.ndarray, np.ndarray]  # PPR CSR (indptr, indices, probabilities)
    degree: np.ndarray  # per node, number of walk edges
    lexicon: re.Pattern[str] | None
    lexicon_forms: dict[str, int]  # normalised surface form -> skill node
    build_seconds: float = 0.0
    _used: dict[int, np.ndarray] = field(default_factory=dict, repr=False)
    _used_cache_extra: dict[str, Any] = field(default_factory=dict, repr=False)
    # PPR of hub seeds per provider, keyed by (node, alpha, eps, max_work, max_rounds): see signals.ppr_scores
    hub_ppr: dict[tuple[int, float, float, int, int], tuple[np.ndarray, np.ndarray]] = field(
        default_factory=dict, repr=False)

    @property
    def n_providers(self) -> int:
        return len(self.providers)

    @property
    def prov_ent(self) -> sp.csr_matrix:
        """P x N: the enterprises each provider engaged (visible engagements), built on first use."""
        if "prov_ent" not in self._used_cache_extra:
            m = self.ent_prov.T.tocsr()
            m.sort_indices()
            self._used_cache_extra["prov_ent"] = m
        return self._used_cache_extra["prov_ent"]

    def used(self, period: str) -> np.ndarray:
        """Engagements per provider in ``period`` (visible ones; cached per period)."""
        q = ordinal(period)
        if q not in self._used:
            m = self.eng_q == q
            self._used[q] = np.bincount(self.eng_p[m], minlength=self.n_providers).astype(np.int32)
        return self._used[q]

    def remaining(self, period: str) -> np.ndarray:
        """Capacity left per provider in ``period`` (capacity minus its engagements; cached per period,
        read-only: every call of a recommendation and the provider mask use it)."""
        key = f"remaining:{ordinal(period)}"
        hit = self._used_cache_extra.get(key)
        if hit is None:
            hit = self.capacity - self.used(period)
            hit.flags.writeable = False
            self._used_cache_extra[key] = hit
        return hit

    @property
    def nbytes(self) -> int:
        n = 0
        for v in self.__dict__.values():
            if isinstance(v, np.ndarray):
                n += v.nbytes
            elif sp.issparse(v):
                n += v.data.nbytes + v.indices.nbytes + v.indptr.nbytes
        n += sum(a.nbytes for a in self.walk)
        n += sum(pos.nbytes + vals.nbytes for pos, vals in self.hub_ppr.values())  # cached PPR of hubs
        return n


def _levels_of_places(proj: Projection) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """County, city and province node of every Place node (itself when it is one), via BROADER."""
    n = proj.n
    is_place = proj.label == LABEL_CODE["Place"]
    parent = np.full(n, -1, np.int64)
    s, d = proj.edges.get("BROADER", (np.zeros(0, np.int32),) * 2)
    m = is_place[s] & is_place[d]
    parent[s[m]] = d[m]
    kind = np.zeros(n, np.int8)  # 1 county, 2 city, 3 province
    lv = {LEVELS.index("county"): 1, LEVELS.index("city"): 2, LEVELS.index("province"): 3}
    for i in np.flatnonzero(is_place):
        k = lv.get(int(proj.level[i]), 0)
        if not k:
            code = proj.codes[int(i)]
            k = 3 if code.endswith("0000") else 2 if code.endswith("00") else 1 if code else 0
        kind[i] = k
    out = [np.full(n, -1, np.int64) for _ in range(3)]
    for i in np.flatnonzero(is_place):
        j, hops = int(i), 0
        while j >= 0 and hops < 5:
            k = int(kind[j])
            if k and out[k - 1][i] < 0:
                out[k - 1][i] = j
            j, hops = int(parent[j]), hops + 1
    return out[0], out[1], out[2]


def _industry_levels(proj: Projection) -> tuple[np.ndarray, np.ndarray]:
    n = proj.n
    is_ind = proj.label == LABEL_CODE["Industry"]
    parent = np.full(n, -1, np.int64)
    s, d = proj.edges.get("BROADER", (np.zeros(0, np.int32),) * 2)
    m = is_ind[s] & is_ind[d]
    parent[s[m]] = d[m]
    division = np.full(n, -1, np.int64)
    section = np.full(n, -1, np.int64)
    for i in np.flatnonzero(is_ind):
        chain = [int(i)]
        while parent[chain[-1]] >= 0 and len(chain) < 6:
            chain.append(int(parent[chain[-1]]))
        section[i] = chain[-1]  # the top: a section (A..T)
        division[i] = chain[-2] if len(chain) >= 2 else chain[-1]  # the node just under the section
    return division, section


def _walk_matrix(proj: Projection, eng_mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Row-stochastic CSR of the undirected typed graph: P[u, v] = w_t / sum(w of types at u) / deg_t(u)."""
    n = proj.n
    rows, cols, types = [], [], []
    for t_i, (rel, w) in enumerate(PPR_TYPE_WEIGHTS.items()):
        s, d = proj.edges.get(rel, (np.zeros(0, np.int32),) * 2)
        if rel == "ENGAGED":
            s, d = s[eng_mask], d[eng_mask]
        if not len(s) or w <= 0:
            continue
        rows += [s, d]
        cols += [d, s]
        types.append(np.full(2 * len(s), t_i, np.int32))
    if not rows:
        return np.zeros(n + 1, np.int64), np.zeros(0, np.int32), np.zeros(0, np.float32), np.zeros(n, np.int32)
    r = np.concatenate(rows).astype(np.int64)
    c = np.concatenate(cols).astype(np.int32)
    t = np.concatenate(types)
    weights = np.array(list(PPR_TYPE_WEIGHTS.values()), np.float64)
    n_types = len(weights)
    key = r * n_types + t
    deg_t = np.bincount(key, minlength=n * n_types).reshape(n, n_types)  # node x type degrees
    present = (deg_t > 0) * weights[None, :]
    tot = present.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = weights[t] / tot[r] / deg_t[r, t]
    order = np.lexsort((c, r))
    r, c, p = r[order], c[order], p[order].astype(np.float32)
    indptr = np.zeros(n + 1, np.int64)
    np.cumsum(np.bincount(r, minlength=n), out=indptr[1:])
    degree = np.diff(indptr).astype(np.int32)
    return indptr, c, p, degree


def build_index(proj: Projection, cutoff: str | None = None) -> RecIndex:
    """Derive the scorer's structures; engagements in ``cutoff`` or later are left out."""
    t0 = time.perf_counter()
    n = proj.n
    cut = ordinal(cutoff) if cutoff else None
    is_prov = np.isin(proj.label, [LABEL_CODE[lab] for lab in PROVIDER_LABELS])
    providers = np.flatnonzero(is_prov).astype(np.int64)
    P = len(providers)
    prov_pos = np.full(n, -1, np.int64)
    prov_pos[providers] = np.arange(P)
    kind_of_label = {LABEL_CODE[lab]: k for k, lab in enumerate(PROVIDER_LABELS)}
    prov_kind = np.array([kind_of_label[int(x)] for x in proj.label[providers]], np.int8)
    capacity = np.maximum(proj.capacity[providers], 0).astype(np.int32)

    skills = np.flatnonzero(proj.label == LABEL_CODE["Skill"]).astype(np.int64)
    S = len(skills)
    skill_pos = np.full(n, -1, np.int64)
    skill_pos[skills] = np.arange(S)

    # provider x skill: own skills (1.0); studios and teams also through members and leaders
    hs, hd = proj.edges.get("HAS_SKILL", (np.zeros(0, np.int32),) * 2)
    m = (prov_pos[hs] >= 0) & (skill_pos[hd] >= 0)
    own = sp.csr_matrix((np.ones(int(m.sum()), np.float32), (prov_pos[hs[m]], skill_pos[hd[m]])), shape=(P, S))
    own.data[:] = 1.0
    own.sum_duplicates()
    own.data = np.minimum(own.data, 1.0)
    ms, md = [], []
    for rel in ("MEMBER_OF", "LEADS"):
        s, d = proj.edges.get(rel, (np.zeros(0, np.int32),) * 2)
        ok = (prov_pos[s] >= 0) & (prov_pos[d] >= 0)
        ms.append(prov_pos[d[ok]])  # group
        md.append(prov_pos[s[ok]])  # person
    g = np.concatenate(ms) if ms else np.zeros(0, np.int64)
    p_ = np.concatenate(md) if md else np.zeros(0, np.int64)
    member = sp.csr_matrix((np.ones(len(g), np.float32), (g, p_)), shape=(P, P))
    via = member @ own
    via.data[:] = MEMBER_SKILL
    prov_skill = own.maximum(via).tocsr()
    prov_skill.sort_indices()
    skill_prov = prov_skill.T.tocsr()
    df = np.diff(skill_prov.indptr).astype(np.float64)
    raw_idf = np.log((P + 1.0) / (df + 1.0)) + 1.0
    idf = raw_idf / raw_idf.max() if S else raw_idf

    division, section = _industry_levels(proj)
    s, d = proj.edges.get("IN_INDUSTRY", (np.zeros(0, np.int32),) * 2)
    ok = prov_pos[s] >= 0
    prov_ind = sp.csr_matrix((np.ones(int(ok.sum()), np.float32), (prov_pos[s[ok]], d[ok])), shape=(P, n))
    prov_ind.sum_duplicates()
    prov_ind.sort_indices()

    place_county, place_city, place_province = _levels_of_places(proj)
    s, d = proj.edges.get("LOCATED_IN", (np.zeros(0, np.int32),) * 2)
    loc = sp.csr_matrix((np.ones(len(s), np.float32), (s, d)), shape=(n, n))
    first_place = _row_any(loc)
    # agents located by region_code only: resolve the code to a Place node
    is_place = proj.label == LABEL_CODE["Place"]
    code_to_place = {proj.codes[int(i)]: int(i) for i in np.flatnonzero(is_place) if proj.codes[int(i)]}
    pl = first_place[providers]
    for k in np.flatnonzero(pl < 0):
        c = proj.codes[int(providers[k])]
        pl[k] = code_to_place.get(c, -1)
    county = np.where(pl >= 0, place_county[np.maximum(pl, 0)], -1)
    city = np.where(pl >= 0, place_city[np.maximum(pl, 0)], -1)
    province = np.where(pl >= 0, place_province[np.maximum(pl, 0)], -1)

    # credibility: honours (level x recency) and studio level; teams and studios through members
    credibility = np.zeros(P, np.float64)
    cred_honour = np.full(P, -1, np.int64)
    rs, rd = proj.edges.get("RECEIVED", (np.zeros(0, np.int32),) * 2)
    ref_year = (cut // 4) if cut is not None else time.localtime().tm_year
    if len(rs):
        lvl = np.array([HONOUR_LEVEL_WEIGHT.get(LEVELS[int(x)], 0.15) for x in proj.level[rd]])
        yrs = proj.rec_year.astype(np.float64)
        age = np.where(yrs > 0, np.maximum(ref_year - yrs, 0), HONOUR_HALF_LIFE_YEARS)
        val = lvl * np.power(0.5, age / HONOUR_HALF_LIFE_YEARS)
        val[(yrs > 0) & (yrs > ref_year)] = 0.0  # conferred after the cutoff: not known yet
        pp = prov_pos[rs]
        ok = pp >= 0
        np.add.at(credibility, pp[ok], val[ok])
        best = np.full(P, -1.0)
        for e in np.flatnonzero(ok):
            k = pp[e]
            if val[e] > best[k]:
                best[k], cred_honour[k] = val[e], e
    credibility = 1.0 - np.exp(-1.5 * credibility)
    studio_level = np.array([STUDIO_LEVEL_WEIGHT.get(LEVELS[int(x)], 0.0) for x in proj.level[providers]])
    credibility = np.maximum(credibility, studio_level)
    groups = np.flatnonzero(prov_kind > 0)
    if len(groups):
        msum = np.asarray(member.sum(axis=1)).ravel()
        mean_members = np.asarray(member @ credibility).ravel() / np.maximum(msum, 1)
        credibility[groups] = np.maximum(credibility[groups], 0.8 * mean_members[groups])

    # engagement history visible at the cutoff
    es, ed = proj.edges.get("ENGAGED", (np.zeros(0, np.int32),) * 2)
    vis = prov_pos[es] >= 0
    if cut is not None:
        vis &= (proj.eng_period < cut) & (proj.eng_period >= 0)
    eng_p, eng_e, eng_q = prov_pos[es[vis]], ed[vis].astype(np.int64), proj.eng_period[vis]
    ent_prov = sp.csr_matrix((np.ones(len(eng_p), np.float32), (eng_e, eng_p)), shape=(n, P))
    ent_prov.sum_duplicates()
    ns, nd = proj.edges.get("NEEDS", (np.zeros(0, np.int32),) * 2)
    ok = skill_pos[nd] >= 0
    needs_se = sp.csr_matrix((np.ones(int(ok.sum()), np.float32), (skill_pos[nd[ok]], ns[ok])), shape=(S, n))
    needs_se.sum_duplicates()
    needs_se.data[:] = 1.0
    skill_eng = (needs_se @ ent_prov).tocsr()
    popularity = np.bincount(eng_p, minlength=P).astype(np.float64)
    eng_mask = np.zeros(len(es), bool)
    eng_mask[np.flatnonzero(vis)] = True
    indptr, indices, probs, degree = _walk_matrix(proj, eng_mask)

    lexicon, forms = _lexicon(proj, skills)
    return RecIndex(
        proj=proj, cutoff=cut, providers=providers, prov_pos=prov_pos, prov_kind=prov_kind, capacity=capacity,
        skills=skills, skill_pos=skill_pos, prov_skill=prov_skill, skill_prov=skill_prov, idf=idf,
        division=division, section=section, prov_ind=prov_ind, county=county, city=city, province=province,
        place_county=place_county, place_city=place_city, place_province=place_province,
        credibility=credibility, cred_honour=cred_honour, eng_p=eng_p, eng_e=eng_e, eng_q=eng_q,
        ent_prov=ent_prov, skill_eng=skill_eng, popularity=popularity, walk=(indptr, indices, probs),
        degree=degree, lexicon=lexicon, lexicon_forms=forms, build_seconds=time.perf_counter() - t0,
    )


def _lexicon(proj: Projection, skills: np.ndarray) -> tuple[re.Pattern[str] | None, dict[str, int]]:
    """Every skill name and alias in the graph (vocabulary and register free text), longest first."""
    forms: dict[str, int] = {}
    for i in skills:
        i = int(i)
        for f in [*proj.aliases.get(i, []), proj.names.get(i) or ""]:
            nf = normalise(f)
            if len(nf) >= 2:
                forms[nf] = i  # names after aliases: a name wins
    if not forms:
        return None, forms
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    return pattern, forms


# ---------------------------------------------------------------- cache and freshness


@dataclass
class _Entry:
    proj: Projection
    indexes: dict[str | None, RecIndex]
    checked: float


_CACHE: dict[str, _Entry] = {}
_LOCK = threading.Lock()
CHECK_INTERVAL = 2.0  # seconds between fingerprint checks of one store


def get_index(store: GraphStore, *, cutoff: str | None = None, onto: Ontology | None = None,
              check_interval: float = CHECK_INTERVAL, force: bool = False) -> RecIndex:
    """The cached index for ``store``; rebuilt when the store's fingerprint has changed.

    The fingerprint is read at most every ``check_interval`` seconds (0: on every call)."""
    key = store.describe()
    with _LOCK:
        entry = _CACHE.get(key)
        now = time.monotonic()
        if entry is not None and not force and now - entry.checked < check_interval:
            pass
        else:
            fp = fingerprint(store, onto) if entry is not None and not force else None
            if entry is None or force or fp != entry.proj.fingerprint:
                proj = build_projection(store, onto)
                entry = _Entry(proj, {}, time.monotonic())
                _CACHE[key] = entry
            else:
                entry.checked = now
        if cutoff not in entry.indexes:
            from labourkg.recommend.signals import warm_hub_vectors  # signals builds on this module

            ix = build_index(entry.proj, cutoff)
            warm_hub_vectors(ix)  # the first call on a hub need then costs no more than the others
            entry.indexes[cutoff] = ix
        return entry.indexes[cutoff]


def invalidate(store: GraphStore | None = None) -> None:
    with _LOCK:
        if store is None:
            _CACHE.clear()
        else:
            _CACHE.pop(store.describe(), None)
