"""Who can help this SME with this need? (the recommendation contract, v1)

``recommend(request, store=...)`` returns the contract's response dict. The score combines
skill match (through the skill vocabulary, specificity-weighted), industry and region
proximity (GB/T 4754 and GB/T 2260 hierarchies), credibility, personalised PageRank from the
SME and its needs, and past engagements with this SME and with SMEs of similar needs; studios
and teams are scored through their members too. The weights are in ``Weights`` and
docs/recommender.md. Every recommendation carries the graph paths its score used, and a
provider with no capacity left in the period is never returned.

The work happens on an in-memory projection of the graph (``projection.py``), built with a few
bulk reads and refreshed when the store changes.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from labourkg import cypher
from labourkg.errors import InvalidRequest
from labourkg.ontology import Ontology, load_ontology
from labourkg.recommend.projection import KIND_NAMES, RecIndex, get_index, ordinal
from labourkg.recommend.scoring import Target, resolve_described, resolve_enterprise, score, seeds_of, top_k
from labourkg.recommend.weights import DEFAULT_WEIGHTS, Weights
from labourkg.store.base import GraphStore

KINDS = {"person": ("Person",), "studio": ("Studio",), "team": ("ServiceTeam",),
         "any": ("Person", "Studio", "ServiceTeam")}
KIND_OF_LABEL = {"Person": "person", "Studio": "studio", "ServiceTeam": "team"}

__all__ = ["KINDS", "RecommendRequest", "Weights", "current_period", "recommend", "recommend_on_index"]


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
    weights: Weights | str | dict | None = None  # a Weights, or overrides "skill=0.4,ppr=0.1"
    explain: bool = True


def current_period(today: dt.date | None = None) -> str:
    d = today or dt.date.today()
    return f"{d.year}Q{(d.month - 1) // 3 + 1}"


def _validate(req: RecommendRequest) -> None:
    if isinstance(req.top, bool) or not isinstance(req.top, int) or not 1 <= req.top <= 100:
        raise InvalidRequest(f"top must be a whole number from 1 to 100, got {req.top!r}")
    if req.kind not in KINDS:
        raise InvalidRequest(f"unknown kind {req.kind!r}: use person, studio, team or any")
    if req.period is not None:
        try:
            ordinal(req.period)
        except ValueError as e:
            raise InvalidRequest(str(e)) from None
    if not req.enterprise_id and not (req.needs or "").strip() and not req.industries:
        raise InvalidRequest("give an enterprise id, or describe the SME with a need (--need) or an industry")


def _weights(w: Weights | str | dict | None) -> Weights:
    if isinstance(w, Weights):
        return w
    return DEFAULT_WEIGHTS.with_overrides(w)


def _needs_text(store: GraphStore | None, ix: RecIndex, enterprise_id: str, onto: Ontology | None) -> str | None:
    """The needs text of an SME whose needs the projection has no NEEDS edge for (read on demand)."""
    proj = ix.proj
    i = proj.index(enterprise_id)
    if i < 0:
        i = proj.by_register_id(enterprise_id, ("Enterprise",))
    if i < 0 or store is None or len(proj.neighbours("NEEDS", i)):
        return None
    rows = store.read(cypher.enterprise_needs_text(onto or load_ontology()), {"id": proj.ids[i]}).rows
    return rows[0][0] if rows and rows[0][0] else None


def provider_mask(ix: RecIndex, *, kind: str = "any", period: str | None = None, place: int = -1,
                  region_only: bool = False) -> np.ndarray:
    """Providers that may be recommended: of the kind, with capacity left in ``period``, in the city."""
    kinds = [KIND_NAMES.index(KIND_OF_LABEL[lab]) for lab in KINDS[kind]]
    mask = ix.prov_kind == kinds[0]
    for k in kinds[1:]:
        mask |= ix.prov_kind == k
    mask &= ix.remaining(period or current_period()) > 0
    if region_only:
        city = ix.place_city[place] if place >= 0 else -1
        if city < 0:
            raise InvalidRequest("--region-only needs the SME's region (city or county)")
        mask &= ix.city == city
    return mask


def recommend_on_index(ix: RecIndex, req: RecommendRequest, *, onto: Ontology | None = None,
                       store: GraphStore | None = None, target: Target | None = None) -> dict[str, Any]:
    """The contract's response, computed on an index (no store access unless the SME's needs text
    must be read)."""
    t0 = time.perf_counter()
    _validate(req)
    weights = _weights(req.weights)
    period = req.period or current_period()
    if target is None:
        if req.enterprise_id:
            target = resolve_enterprise(ix, req.enterprise_id, _needs_text(store, ix, req.enterprise_id, onto))
        else:
            target = resolve_described(ix, onto or load_ontology(), industries=list(req.industries),
                                       region=req.region, needs=req.needs)
    if not target.needs and not target.industries:
        raise InvalidRequest(f"enterprise {target.name!r} has no known need and no industry to match on")
    mask = provider_mask(ix, kind=req.kind, period=period, place=target.place, region_only=req.region_only)
    want = req.top + 20  # a margin for candidates skipped below (no path)
    scored = score(ix, target, weights, mask=mask, k=want)
    keep = scored.total > 0
    order = top_k(scored, min(len(scored.total), want), tie=ix.popularity[scored.cands])
    order = [int(j) for j in order if keep[j]]
    remaining = ix.remaining(period)
    seeds, _ = seeds_of(target, weights)
    proj = ix.proj
    recs: list[dict[str, Any]] = []
    from labourkg.recommend.explain import explain

    for j in order:
        if len(recs) >= req.top:
            break
        pos = int(scored.cands[j])
        node = int(ix.providers[pos])
        left = int(remaining[pos])
        reasons, paths = (explain(ix, target, scored, j, period=period, remaining=left, seeds=seeds)
                          if req.explain else ([], []))
        if req.explain and not paths:
            continue  # the contract: every recommendation carries a real path
        recs.append({
            "id": proj.ids[node], "register_id": proj.register_ids.get(node),
            "kind": KIND_OF_LABEL[proj.label_of(node)], "name": proj.names.get(node),
            "score": round(float(scored.total[j]), 4), "reasons": reasons, "paths": paths,
            "remaining_capacity": left,
            "signals": {k: round(float(v[j]), 4) for k, v in scored.parts.items()},
        })
    return {
        "enterprise": {"id": proj.ids[target.node] if target.node >= 0 else None, "name": target.name},
        "recommendations": recs,
        "period": period,
        "needs": [{"id": proj.ids[s], "name": proj.names.get(s), "text": f} for s, f in
                  zip(target.needs, target.need_forms, strict=True)],
        "took_ms": round((time.perf_counter() - t0) * 1000, 2),
    }


def recommend(req: RecommendRequest | dict[str, Any], *, store: GraphStore | None = None,
              onto: Ontology | None = None) -> dict[str, Any]:
    """Answer one recommendation call (see ``shared/contracts/recommend.md``).

    Raises ``labourkg.errors.NotFoundError`` for an unknown enterprise and ``InvalidRequest`` for a
    request that cannot succeed (bad ``top`` or ``kind``, nothing to match on)."""
    t0 = time.perf_counter()
    if isinstance(req, dict):
        try:
            req = RecommendRequest(**req)
        except TypeError as e:
            raise InvalidRequest(f"bad request: {e}") from None
    _validate(req)
    own = store is None
    if store is None:
        from labourkg.store import open_store

        store = open_store()
    try:
        ix = get_index(store, onto=onto)
        resp = recommend_on_index(ix, req, onto=onto, store=store)
    finally:
        if own:
            store.close()
    resp["took_ms"] = round((time.perf_counter() - t0) * 1000, 2)
    return resp
