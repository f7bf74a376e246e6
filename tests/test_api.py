"""The HTTP API for real: uvicorn in a thread on a free localhost port, httpx as the client."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "roster"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(module_store, onto):
    import uvicorn

    from labourkg.api import create_app
    from labourkg.load.roster import load_roster

    assert not load_roster(module_store, onto, SAMPLES).errors
    old = os.environ.get("LABOURKG_GRAPH")
    os.environ["LABOURKG_GRAPH"] = module_store.graph_name  # the app opens its store on this graph
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=server.run, daemon=True)
    t.start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(url + "/openapi.json", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.05)
    yield url
    server.should_exit = True
    t.join(10)
    if old is None:
        os.environ.pop("LABOURKG_GRAPH", None)
    else:
        os.environ["LABOURKG_GRAPH"] = old


def test_health_docs_openapi(base_url):
    h = httpx.get(base_url + "/healthz")
    assert h.status_code == 200 and h.json()["status"] == "ok"
    d = httpx.get(base_url + "/docs")
    assert d.status_code == 200 and "swagger" in d.text.lower()
    spec = httpx.get(base_url + "/openapi.json").json()
    assert "/v1/recommendations" in spec["paths"]


def test_recommendations_ok(base_url):
    r = httpx.post(base_url + "/v1/recommendations", json={"enterprise_id": "E0002", "top": 4, "period": "2025Q1"},
                   timeout=60)
    assert r.status_code == 200, r.text
    body = r.json()
    recs = body["recommendations"]
    assert 1 <= len(recs) <= 4 and all(x["paths"] and x["reasons"] for x in recs)
    assert [x["score"] for x in recs] == sorted((x["score"] for x in recs), reverse=True)
    described = httpx.post(base_url + "/v1/recommendations", timeout=60, json={
        "enterprise": {"industries": ["C26"], "region": "茂南区", "needs": "催化剂技术"}, "top": 3, "kind": "person",
        "weights": {"skill": 0.6}})
    assert described.status_code == 200, described.text
    assert all(x["kind"] == "person" for x in described.json()["recommendations"])


@pytest.mark.parametrize("body, status", [
    ({"enterprise_id": "E9999"}, 404),
    ({"enterprise_id": "E0002", "top": 0}, 422),
    ({"enterprise_id": "E0002", "top": 101}, 422),
    ({"enterprise_id": "E0002", "kind": "robot"}, 422),
    ({"enterprise": {"needs": "", "industries": []}}, 422),
    ({"enterprise": {"industries": ["Z99"]}}, 422),
    ({"enterprise_id": "E0002", "weights": {"colour": 1}}, 422),
    ({}, 422),
])
def test_recommendation_errors(base_url, body, status):
    r = httpx.post(base_url + "/v1/recommendations", json=body, timeout=60)
    assert r.status_code == status, r.text
    assert "detail" in r.json()
