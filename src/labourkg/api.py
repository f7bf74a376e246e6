"""HTTP API (FastAPI): the recommendation call for other systems. OpenAPI at /docs."""

from __future__ import annotations

import threading
from typing import Literal

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field, model_validator

from labourkg import __version__, cypher
from labourkg.errors import InvalidRequest, NotFoundError
from labourkg.store.base import StoreError


class DescribedEnterprise(BaseModel):
    """An SME that is not in the graph, described in the call."""

    industries: list[str] = Field(default_factory=list, description="GB/T 4754-2017 codes or names", examples=[["C39"]])
    region: str | None = Field(None, description="county or city name, or GB/T 2260 code", examples=["茂南区"])
    needs: str | None = Field(None, description="the technical need, free text", examples=["SMT贴片焊接不良率高"])
    service_types: list[str] = Field(default_factory=list, examples=[["技术攻关"]])


class RecommendationRequest(BaseModel):
    enterprise_id: str | None = Field(None, description="graph id or register id of an SME in the graph")
    enterprise: DescribedEnterprise | None = None
    top: int = Field(10, ge=1, le=100)
    kind: Literal["person", "studio", "team", "any"] = "any"
    region_only: bool = False
    period: str | None = Field(None, pattern=r"^\d{4}Q[1-4]$", description="capacity period, default the current quarter")
    weights: dict[str, float] | None = Field(
        None, description="override signal weights or knobs of the score (see docs/recommender.md)",
        examples=[{"skill": 0.4, "ppr": 0.1}])

    @model_validator(mode="after")
    def one_enterprise(self) -> RecommendationRequest:
        if bool(self.enterprise_id) == bool(self.enterprise):
            raise ValueError("give exactly one of enterprise_id or enterprise")
        if self.enterprise and not (self.enterprise.needs or "").strip() and not self.enterprise.industries:
            raise ValueError("a described enterprise needs a need or an industry")
        return self


class PathStep(BaseModel):
    id: str | None = None
    label: str | None = None
    name: str | None = None
    rel: str | None = None
    reverse: bool | None = None


class Recommendation(BaseModel):
    id: str
    register_id: str | None = None
    kind: str
    name: str | None
    score: float
    reasons: list[str]
    paths: list[list[PathStep]]
    remaining_capacity: int | None = None
    signals: dict[str, float] = Field(default_factory=dict, description="each signal of the score, in [0, 1]")


class EnterpriseRef(BaseModel):
    id: str | None
    name: str | None


class NeedRef(BaseModel):
    id: str
    name: str | None = None
    text: str | None = None


class RecommendationResponse(BaseModel):
    enterprise: EnterpriseRef
    recommendations: list[Recommendation]
    period: str | None = None
    needs: list[NeedRef] = Field(default_factory=list, description="the skills the SME's need was matched to")
    took_ms: float


def create_app(*, neo4j_uri: str | None = None) -> FastAPI:
    """The API; one store connection is opened lazily and shared."""
    app = FastAPI(title="labourkg", version=__version__,
                  description="Recommendations of labour models, craftsmen, studios and service teams for SMEs.")
    lock = threading.Lock()
    state: dict = {}

    def store():
        with lock:
            if "store" not in state:
                from labourkg.store import open_store

                state["store"] = open_store(neo4j_uri=neo4j_uri)
            return state["store"]

    @app.get("/healthz")
    def healthz() -> dict:
        """Liveness and store reachability."""
        try:
            store().read(cypher.PING)
            return {"status": "ok", "store": store().describe()}
        except Exception as e:  # the health check reports, it does not crash
            raise HTTPException(status_code=503, detail=f"store unavailable: {e}") from e

    @app.post("/v1/recommendations", response_model=RecommendationResponse)
    def recommendations(body: RecommendationRequest) -> dict:
        """Who can help this SME with this need? Ranked providers with reasons and graph paths."""
        from labourkg.recommend import RecommendRequest, recommend

        e = body.enterprise
        req = RecommendRequest(
            enterprise_id=body.enterprise_id, industries=e.industries if e else [], region=e.region if e else None,
            needs=e.needs if e else None, service_types=e.service_types if e else [], top=body.top, kind=body.kind,
            region_only=body.region_only, period=body.period, weights=body.weights,
        )
        try:
            return recommend(req, store=store())
        except NotFoundError as err:
            raise HTTPException(status_code=404, detail=str(err)) from err
        except InvalidRequest as err:
            raise HTTPException(status_code=422, detail=str(err)) from err
        except StoreError as err:
            raise HTTPException(status_code=503, detail=f"store unavailable: {err}") from err

    return app
