"""Reasons (in Chinese) and graph paths for a recommendation, made of the nodes and relationships
the score used. Every step is checked against the projection's typed edges while the path is
built (``Projection.has_edge``), so a path only names relationships that exist in the store,
with their real direction: ``{"rel": T}`` means ``(previous)-[:T]->(next)``, and
``{"rel": T, "reverse": true}`` means ``(previous)<-[:T]-(next)``.

>>> step("NEEDS", False), step("HAS_SKILL", True)
({'rel': 'NEEDS'}, {'rel': 'HAS_SKILL', 'reverse': True})
"""

from __future__ import annotations

from collections import deque
from typing import Any

import numpy as np

from labourkg.recommend import signals as sig
from labourkg.recommend.ppr import gather_rows
from labourkg.recommend.projection import LEVEL_ZH, LEVELS, REL_TYPES, RecIndex
from labourkg.recommend.scoring import Scored, Target

Path = list[dict[str, Any]]


def step(rel: str, reverse: bool) -> dict[str, Any]:
    return {"rel": rel, "reverse": True} if reverse else {"rel": rel}


def _edge_ok(ix: RecIndex, prev: int, rel: str, reverse: bool, nxt: int) -> bool:
    return ix.proj.has_edge(rel, nxt, prev) if reverse else ix.proj.has_edge(rel, prev, nxt)


def _chain(ix: RecIndex, node: int, limit: int = 6) -> list[int]:
    out = [node]
    while len(out) < limit:
        up = ix.proj.neighbours("BROADER", out[-1])
        if not len(up):
            break
        out.append(int(up[0]))
    return out


def tree_path(ix: RecIndex, a: int, b: int) -> Path | None:
    """Steps from ``a`` to ``b`` through BROADER (up to their lowest common ancestor, then down)."""
    if a == b:
        return []
    ca, cb = _chain(ix, a), _chain(ix, b)
    common = next((x for x in ca if x in cb), None)
    if common is None:
        return None
    out: Path = []
    for x in ca[1:ca.index(common) + 1]:
        out += [step("BROADER", False), ix.proj.node(x)]
    down = cb[:cb.index(common)]
    for x in reversed(down):
        out += [step("BROADER", True), ix.proj.node(x)]
    return out


def _start(ix: RecIndex, target: Target, rel: str, first: int, has_edge: bool) -> Path:
    """The path's head: ``(SME)-[rel]->(first)`` when that edge exists, else ``first`` alone."""
    if target.node >= 0 and has_edge and ix.proj.has_edge(rel, target.node, first):
        return [ix.proj.node(target.node), step(rel, False), ix.proj.node(first)]
    return [ix.proj.node(first)]


def _members_with_skill(ix: RecIndex, provider: int, skill: int) -> tuple[int, str] | None:
    for rel in ("LEADS", "MEMBER_OF"):
        for m in ix.proj.neighbours(rel, provider, reverse=True):
            if ix.proj.has_edge("HAS_SKILL", int(m), skill):
                return int(m), rel
    return None


_HOW = {0: "上位技能", 1: "相关技能", 2: "同类技能"}


def skill_paths(ix: RecIndex, target: Target, scored: Scored, j: int, provider: int,
                limit: int = 2) -> tuple[list[str], list[Path]]:
    proj = ix.proj
    reasons: list[str] = []
    paths: list[Path] = []
    order = np.argsort(-target.need_w) if len(target.need_w) else []
    pos = int(ix.prov_pos[provider])
    a, b = ix.prov_skill.indptr[pos], ix.prov_skill.indptr[pos + 1]
    has = dict(zip(ix.skills[ix.prov_skill.indices[a:b]].tolist(), ix.prov_skill.data[a:b].tolist(), strict=True))
    for ni in order:
        if len(paths) >= limit or ni >= len(scored.expansions):
            break
        for e in sorted(scored.expansions[ni], key=lambda e: -e.sim):
            if e.skill not in has:
                continue
            own = has[e.skill] >= 1.0 and proj.has_edge("HAS_SKILL", provider, e.skill)
            via = None if own else _members_with_skill(ix, provider, e.skill)
            if not own and via is None:
                continue
            path = _start(ix, target, "NEEDS", e.need, target.need_edges[ni])
            prev = e.need
            ok = True
            for rel, rev, nxt in e.hops:
                ok = ok and _edge_ok(ix, prev, rel, rev, nxt)
                path += [step(rel, rev), proj.node(nxt)]
                prev = nxt
            if not ok:
                continue
            sname, nname = proj.names.get(e.skill) or "", proj.names.get(e.need) or ""
            if own:
                path += [step("HAS_SKILL", True), proj.node(provider)]
            else:
                assert via is not None
                m, rel = via
                path += [step("HAS_SKILL", True), proj.node(m), step(rel, False), proj.node(provider)]
            form = target.need_forms[ni] if ni < len(target.need_forms) else nname
            if e.sim == sig.SIM_EXACT:
                r = f"技能匹配: {sname}" + (f" (需求: {form})" if form and form != sname else "")
            elif e.sim == sig.SIM_NARROWER:
                r = f"相近技能: {sname} (需求「{nname}」的细分技能)"
            elif e.sim == sig.SIM_BROADER:
                r = f"相近技能: {sname} (需求「{nname}」的上位技能)"
            elif e.sim == sig.SIM_RELATED:
                r = f"相关技能: {sname} (需求: {nname})"
            else:
                r = f"同类技能: {sname} (需求: {nname})"
            if via is not None:
                r += f"，由成员{proj.names.get(via[0]) or ''}掌握"
            reasons.append(r)
            paths.append(path)
            break
    return reasons, paths


def industry_path(ix: RecIndex, target: Target, provider: int, value: float) -> tuple[list[str], list[Path]]:
    proj = ix.proj
    pinds = [int(x) for x in proj.neighbours("IN_INDUSTRY", provider)]
    for t in target.industries:
        for p in pinds:
            same_div = ix.division[t] == ix.division[p] and ix.division[t] >= 0
            same_sec = ix.section[t] == ix.section[p] and ix.section[t] >= 0
            if (value >= sig.INDUSTRY_DIVISION and not same_div) or not same_sec:
                continue
            mid = tree_path(ix, t, p)
            if mid is None:
                continue
            path = _start(ix, target, "IN_INDUSTRY", t, True) + mid + [step("IN_INDUSTRY", True), proj.node(provider)]
            if same_div:
                d = int(ix.division[t])
                reason = f"同行业: {proj.ids[d].split(':', 1)[-1]} {proj.names.get(d) or ''}".rstrip()
            else:
                s = int(ix.section[t])
                reason = f"同门类: {proj.ids[s].split(':', 1)[-1]} {proj.names.get(s) or ''}".rstrip()
            return [reason], [path]
    return [], []


def region_path(ix: RecIndex, target: Target, provider: int, value: float) -> tuple[list[str], list[Path]]:
    proj = ix.proj
    if target.place < 0:
        return [], []
    places = [int(x) for x in proj.neighbours("LOCATED_IN", provider)]
    if value >= sig.REGION_COUNTY:
        kind, arr = "同区县", ix.place_county
    elif value >= sig.REGION_CITY:
        kind, arr = "同城市", ix.place_city
    else:
        kind, arr = "同省", ix.place_province
    shared = int(arr[target.place])
    for p in places:
        if shared < 0 or arr[p] != shared:
            continue
        mid = tree_path(ix, target.place, p)
        if mid is None:
            continue
        path = _start(ix, target, "LOCATED_IN", target.place, True) + mid + [step("LOCATED_IN", True),
                                                                              proj.node(provider)]
        return [f"{kind}: {proj.names.get(shared) or ''}"], [path]
    return [f"{kind}: {proj.names.get(shared) or ''}"] if shared >= 0 else [], []


def credibility_reasons(ix: RecIndex, pos: int, provider: int) -> tuple[list[str], list[Path]]:
    proj = ix.proj
    reasons: list[str] = []
    paths: list[Path] = []
    e = int(ix.cred_honour[pos])
    if e >= 0:
        rs, rd = proj.edges["RECEIVED"]
        h = int(rd[e])
        year = int(proj.rec_year[e])
        reasons.append(f"荣誉: {proj.names.get(h) or proj.ids[h]}" + (f" ({year})" if year else ""))
        paths.append([proj.node(provider), step("RECEIVED", False), proj.node(h)])
    lvl = LEVELS[int(proj.level[provider])]
    if proj.label_of(provider) == "Studio" and lvl in LEVEL_ZH:
        reasons.append(f"{LEVEL_ZH[lvl]}工作室")
    return reasons, paths


def history_paths(ix: RecIndex, target: Target, pos: int, provider: int, own: float,
                  similar: float) -> tuple[list[str], list[Path]]:
    proj = ix.proj
    reasons: list[str] = []
    paths: list[Path] = []
    if own > 0 and target.node >= 0 and proj.has_edge("ENGAGED", provider, target.node):
        reasons.append(f"曾服务本企业 {int(own)} 次")
        paths.append([proj.node(target.node), step("ENGAGED", True), proj.node(provider)])
    if similar > 0 and target.needs:
        pe = ix.prov_ent
        mine = pe.indices[pe.indptr[pos]:pe.indptr[pos + 1]]
        found = _first_similar(ix, target, mine[mine != target.node])
        if found is not None:
            e2, ni = found
            s = target.needs[ni]
            path = _start(ix, target, "NEEDS", s, target.need_edges[ni])
            path += [step("NEEDS", True), proj.node(e2), step("ENGAGED", True), proj.node(provider)]
            reasons.append(f"服务过相似需求企业 (如 {proj.names.get(e2) or ''}，需求: {proj.names.get(s) or ''})")
            paths.append(path)
    return reasons, paths


def _first_similar(ix: RecIndex, target: Target, engaged: np.ndarray) -> tuple[int, int] | None:
    """The first of the ``engaged`` enterprises (in order) that needs one of the target's needs, and the
    first such need (its position): one gather over their NEEDS rows, not an edge test per pair."""
    if not len(engaged):
        return None
    needs = ix.proj.adj("NEEDS")
    at, lens = gather_rows(needs.indptr, engaged)
    skills = needs.indices[at]
    need_pos = {s: ni for ni, s in enumerate(target.needs)}
    hits = [(row, need_pos[int(s)]) for row, s in zip(np.repeat(np.arange(len(engaged)), lens).tolist(),
                                                      skills.tolist(), strict=True) if int(s) in need_pos]
    if not hits:
        return None
    row, ni = min(hits)
    return int(engaged[row]), ni


def proximity_path(ix: RecIndex, sources: list[int], provider: int, max_depth: int = 4,
                   max_nodes: int = 5000) -> Path | None:
    """A shortest typed path from any of ``sources`` to ``provider`` (BFS from the provider side)."""
    proj = ix.proj
    targets = set(sources)
    prev: dict[int, tuple[int, str, bool] | None] = {provider: None}
    q: deque[tuple[int, int]] = deque([(provider, 0)])
    while q and len(prev) < max_nodes:
        u, d = q.popleft()
        if u in targets:
            out: Path = [proj.node(u)]
            while prev[u] is not None:
                v, rel, rev = prev[u]  # type: ignore[misc]
                # edge was found walking v -> u with (v)-[rel]->(u) when not rev; the path runs u -> v
                out += [step(rel, not rev), proj.node(v)]
                u = v
            return out
        if d >= max_depth:
            continue
        for rel in REL_TYPES:
            if rel == "ENGAGED":
                continue  # engagements of other quarters may be hidden from the scorer
            for rev in (False, True):
                for v in proj.neighbours(rel, u, reverse=rev):
                    v = int(v)
                    if v not in prev and (len(proj.neighbours(rel, v, reverse=not rev)) < 2000 or v in targets):
                        prev[v] = (u, rel, rev)
                        q.append((v, d + 1))
    return None


def explain(ix: RecIndex, target: Target, scored: Scored, j: int, *, period: str | None = None,
            remaining: int | None = None, seeds: list[int] | None = None) -> tuple[list[str], list[Path]]:
    """Reasons and paths of candidate ``j`` of ``scored`` (the signals that scored above zero)."""
    pos = int(scored.cands[j])
    provider = int(ix.providers[pos])
    parts = {k: float(v[j]) for k, v in scored.parts.items()}
    reasons: list[str] = []
    paths: list[Path] = []
    for fn in (
        lambda: skill_paths(ix, target, scored, j, provider) if parts["skill"] > 0 else ([], []),
        lambda: history_paths(ix, target, pos, provider, float(scored.history_counts[j]),
                              float(scored.similar_counts[j])),
        lambda: industry_path(ix, target, provider, parts["industry"]) if parts["industry"] > 0 else ([], []),
        lambda: region_path(ix, target, provider, parts["region"]) if parts["region"] > 0 else ([], []),
        lambda: credibility_reasons(ix, pos, provider) if parts["credibility"] > 0 else ([], []),
    ):
        r, p = fn()
        reasons += r
        paths += p
    if parts["ppr"] > 0:
        reasons.append(f"图谱邻近度: {parts['ppr']:.2f}")
    if not paths and seeds:
        p = proximity_path(ix, seeds, provider)
        if p is not None:
            paths.append(p)
    if period and remaining is not None:
        reasons.append(f"{period} 剩余服务能力: {remaining}")
    return reasons, paths

