"""Who can help this SME with this need? (the recommendation contract, v1)

``recommend(request, store=...)`` returns the contract's response dict. This first scorer
combines skill, industry and region overlap; every recommendation carries the graph paths
its score used, and a provider with no capacity left in the period is never returned.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Any

from labourkg.errors import InvalidRequest, NotFoundError
from labourkg.ontology import Ontology, load_ontology
from labourkg.store.base import GraphStore
from labourkg.vocab import vocab_index

KINDS = {"person": ("Person",), "studio": ("Studio",), "team": ("ServiceTeam",),
         "any": ("Person", "Studio", "ServiceTeam")}
KIND_OF_LABEL = {"Person": "person", "Studio": "studio", "ServiceTeam": "team"}
WEIGHTS = {"skill": 0.55, "industry": 0.25, "region": 0.20}


@dataclass
class RecommendRequest:
    enterprise_id: str | None = None
    industries: list[str] = field(default_factory=list)
    region: str | None = None
    needs: str | None = None
    service_types: list[str] = field(default_factory=list)
    top: int = 10
    kind: str = "any"
    region_only: bool = False
    period: str | None = None


def current_period(today: dt.date | None = None) -> str:
    d = today or dt.date.today()
    return f"{d.year}Q{(d.month - 1) // 3 + 1}"


@dataclass
class Target:
    """The SME as the scorer sees it: graph node (if any), skills needed, industries, region."""

    id: str | None
    name: str
    skills: dict[str, str]  # skill id -> name
    industries: dict[str, str]  # industry id -> code
    region: str | None  # place id
    region_code: str | None


def _node(node_id: str, label: str, name: str) -> dict[str, Any]:
    return {"id": node_id, "label": label, "name": name}


def resolve_target(req: RecommendRequest, store: GraphStore, onto: Ontology) -> Target:
    if req.enterprise_id:
        rows = store.read(
            "MATCH (e:Enterprise) WHERE e.id = $id OR e.register_id = $id "
            "OPTIONAL MATCH (e)-[:NEEDS]->(s:Skill) "
            "OPTIONAL MATCH (e)-[:IN_INDUSTRY]->(i:Industry) "
            "OPTIONAL MATCH (e)-[:LOCATED_IN]->(pl:Place) "
            "RETURN e.id AS id, e.name AS name, collect(DISTINCT [s.id, s.name]) AS skills, "
            "collect(DISTINCT [i.id, i.code]) AS industries, collect(DISTINCT pl.id) AS places, e.region_code AS code "
            "LIMIT 1",
            {"id": req.enterprise_id},
        ).records()
        if not rows:
            raise NotFoundError(f"no enterprise with id or register id {req.enterprise_id!r}")
        r = rows[0]
        skills = {s: n for s, n in r["skills"] if s}
        industries = {i: c for i, c in r["industries"] if i}
        places = [p for p in r["places"] if p]
        return Target(r["id"], r["name"], skills, industries, places[0] if places else None, r["code"])
    industries: dict[str, str] = {}
    for item in req.industries:
        c = vocab_index(onto, "industries").lookup(item)
        if c is None:
            raise InvalidRequest(f"unknown industry {item!r}: give a GB/T 4754-2017 code (C39) or name")
        industries[c.id] = c.notations[0] if c.notations else c.local
    region = None
    code = None
    if req.region:
        c = vocab_index(onto, "regions").lookup(req.region)
        if c is None:
            raise InvalidRequest(f"unknown region {req.region!r}: give a county or city name or a GB/T 2260 code")
        region, code = c.id, c.local
    skills = {c.id: c.name for c, _ in vocab_index(onto, "skills").find_in(req.needs or "")}
    return Target(None, "(described SME)", skills, industries, region, code)


def _validate(req: RecommendRequest) -> None:
    if not 1 <= req.top <= 100:
        raise InvalidRequest(f"top must be between 1 and 100, got {req.top}")
    if req.kind not in KINDS:
        raise InvalidRequest(f"unknown kind {req.kind!r}: use person, studio, team or any")
    if not req.enterprise_id and not (req.needs or "").strip() and not req.industries:
        raise InvalidRequest("describe the SME: give --enterprise, or a need and/or an industry")


CANDIDATES = (
    "MATCH (p) WHERE (p:Person OR p:Studio OR p:ServiceTeam) AND p.capacity IS NOT NULL "
    "OPTIONAL MATCH (p)-[:HAS_SKILL]->(s:Skill) WHERE s.id IN $skills "
    "OPTIONAL MATCH (p)-[:HAS_SKILL]->(s2:Skill)-[:BROADER]-(s3:Skill) WHERE s3.id IN $skills "
    "OPTIONAL MATCH (p)-[:IN_INDUSTRY]->(i:Industry) "
    "OPTIONAL MATCH (p)-[:LOCATED_IN]->(pl:Place) "
    "OPTIONAL MATCH (p)-[g:ENGAGED]->(:Enterprise) WHERE g.period = $period "
    "WITH p, collect(DISTINCT [s.id, s.name]) AS exact, collect(DISTINCT [s2.id, s2.name, s3.id]) AS near, "
    "collect(DISTINCT [i.id, i.code]) AS industries, collect(DISTINCT pl.id) AS places, count(DISTINCT g) AS used "
    "RETURN p.id AS id, labels(p)[0] AS label, p.name AS name, p.register_id AS register_id, "
    "p.capacity AS capacity, p.region_code AS region_code, exact, near, industries, places, used"
)


def _region_score(target_code: str | None, code: str | None) -> tuple[float, str | None]:
    if not target_code or not code:
        return 0.0, None
    if code == target_code:
        return 1.0, "same county"
    if code[:4] == target_code[:4]:
        return 0.6, "same city"
    if code[:2] == target_code[:2]:
        return 0.3, "same province"
    return 0.0, None


def recommend(req: RecommendRequest | dict[str, Any], *, store: GraphStore | None = None,
              onto: Ontology | None = None) -> dict[str, Any]:
    """Answer one recommendation call (see ``shared/contracts/recommend.md``)."""
    t0 = time.perf_counter()
    if isinstance(req, dict):
        req = RecommendRequest(**req)
    _validate(req)
    onto = onto or load_ontology()
    own = store is None
    if store is None:
        from labourkg.store import open_store

        store = open_store()
    try:
        target = resolve_target(req, store, onto)
        period = req.period or current_period()
        rows = store.read(CANDIDATES, {"skills": list(target.skills), "period": period}).records()
    finally:
        if own:
            store.close()
    labels = KINDS[req.kind]
    scored = []
    ent_node = _node(target.id, "Enterprise", target.name) if target.id else None
    for r in rows:
        if r["label"] not in labels or (r["capacity"] or 0) - r["used"] <= 0:
            continue
        if req.region_only and not (target.region_code and r["region_code"]
                                    and r["region_code"][:4] == target.region_code[:4]):
            continue
        me = _node(r["id"], r["label"], r["name"])
        reasons: list[str] = []
        paths: list[list[dict[str, Any]]] = []
        exact = [(s, n) for s, n in r["exact"] if s]
        near = [(s, n, t) for s, n, t in r["near"] if s and t and s not in dict(exact)]
        skill = 0.0
        if target.skills:
            skill = min(1.0, (len(exact) + 0.5 * len({t for _, _, t in near})) / len(target.skills))
        for s, n in exact[:3]:
            reasons.append(f"技能匹配: {n}")
            start = [ent_node, {"rel": "NEEDS"}] if ent_node else []
            paths.append([*start, _node(s, "Skill", n), {"rel": "HAS_SKILL", "reverse": True}, me])
        for s, n, t in near[:2]:
            reasons.append(f"相近技能: {n} (需求: {target.skills.get(t, t)})")
            start = [ent_node, {"rel": "NEEDS"}] if ent_node else []
            paths.append([*start, _node(t, "Skill", target.skills.get(t, t)), {"rel": "BROADER"},
                          _node(s, "Skill", n), {"rel": "HAS_SKILL", "reverse": True}, me])
        industry = 0.0
        for iid, code in r["industries"]:
            if not iid:
                continue
            if iid in target.industries:
                industry = 1.0
                reasons.append(f"同行业: {code}")
                start = [ent_node, {"rel": "IN_INDUSTRY"}] if ent_node else []
                paths.append([*start, _node(iid, "Industry", code), {"rel": "IN_INDUSTRY", "reverse": True}, me])
                break
        region, why = _region_score(target.region_code, r["region_code"])
        if why:
            reasons.append({"same county": "同区县", "same city": "同城市", "same province": "同省"}[why]
                           + (f": {r['region_code']}"))
            place = next((p for p in r["places"] if p), None)
            if place and target.region == place and ent_node:
                paths.append([ent_node, {"rel": "LOCATED_IN"}, _node(place, "Place", r["region_code"]),
                              {"rel": "LOCATED_IN", "reverse": True}, me])
        score = WEIGHTS["skill"] * skill + WEIGHTS["industry"] * industry + WEIGHTS["region"] * region
        if score <= 0 or not paths:
            continue
        scored.append({"id": r["id"], "register_id": r["register_id"], "kind": KIND_OF_LABEL[r["label"]],
                       "name": r["name"], "score": round(min(1.0, score), 4), "reasons": reasons, "paths": paths,
                       "remaining_capacity": (r["capacity"] or 0) - r["used"]})
    scored.sort(key=lambda x: (-x["score"], x["name"] or "", x["id"]))
    return {"enterprise": {"id": target.id, "name": target.name}, "recommendations": scored[: req.top],
            "took_ms": round((time.perf_counter() - t0) * 1000, 2)}
