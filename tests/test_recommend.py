"""The recommender on a real embedded store loaded with the sample register (samples/roster)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from labourkg.errors import InvalidRequest, NotFoundError
from labourkg.recommend import RecommendRequest, recommend
from labourkg.recommend.ppr import csr_from_edges, forward_push, power_iteration
from labourkg.recommend.projection import build_projection, fingerprint, get_index, invalidate
from labourkg.recommend.weights import Weights

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "roster"


@pytest.fixture(scope="module")
def loaded(module_store, onto):
    from labourkg.load.roster import load_roster

    rep = load_roster(module_store, onto, SAMPLES)
    assert not rep.errors
    invalidate(module_store)
    return module_store


def check_paths(store, rec: dict) -> None:
    """Every node of every path exists with its label; every step is a real relationship in its direction."""
    assert rec["paths"], f"{rec['id']} has no path"
    for path in rec["paths"]:
        nodes, steps = path[0::2], path[1::2]
        assert len(nodes) == len(steps) + 1
        for n in nodes:
            assert store.read(f"MATCH (n:{n['label']} {{id: $id}}) RETURN count(n)", {"id": n["id"]}).scalar() == 1, n
        for a, s, b in zip(nodes, steps, nodes[1:], strict=False):
            src, dst = (b, a) if s.get("reverse") else (a, b)
            q = f"MATCH (x {{id: $s}})-[r:{s['rel']}]->(y {{id: $o}}) RETURN count(r)"
            assert store.read(q, {"s": src["id"], "o": dst["id"]}).scalar() >= 1, (src["id"], s, dst["id"])
        assert path[-1]["id"] == rec["id"] or path[0]["id"] == rec["id"]


def test_enterprise_by_register_id(loaded):
    resp = recommend({"enterprise_id": "E0002", "top": 8, "period": "2025Q1"}, store=loaded)
    assert resp["enterprise"]["id"].startswith("enterprise:")
    recs = resp["recommendations"]
    assert 1 <= len(recs) <= 8
    scores = [r["score"] for r in recs]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    for r in recs:
        assert r["kind"] in ("person", "studio", "team") and r["reasons"]
        assert any("技能" in x or "同行业" in x or "企业" in x for x in r["reasons"])
        check_paths(loaded, r)
    assert json.dumps(resp, ensure_ascii=False)


def test_every_recommendation_of_many_smes_has_real_paths(loaded):
    ix = get_index(loaded)
    ents = [ix.proj.register_ids[i] for i in np.flatnonzero(ix.proj.label == 3)[:25]]
    for e in ents:
        try:
            resp = recommend({"enterprise_id": e, "top": 5, "period": "2025Q1"}, store=loaded)
        except InvalidRequest:
            continue  # an employer with neither need nor industry
        for r in resp["recommendations"]:
            check_paths(loaded, r)


def test_described_sme_and_kinds(loaded):
    req = RecommendRequest(industries=["C26"], region="茂南区", needs="催化剂技术有待改进，节能降耗", top=5, kind="person",
                           period="2025Q1")
    resp = recommend(req, store=loaded)
    assert resp["enterprise"]["id"] is None
    assert [n["name"] for n in resp["needs"]]
    assert resp["recommendations"] and all(r["kind"] == "person" for r in resp["recommendations"])
    for r in resp["recommendations"]:
        check_paths(loaded, r)
    for kind in ("studio", "team"):
        out = recommend({**req.__dict__, "kind": kind}, store=loaded)["recommendations"]
        assert all(r["kind"] == kind for r in out)


def test_region_only_keeps_the_city(loaded):
    ix = get_index(loaded)
    resp = recommend({"enterprise_id": "E0002", "top": 20, "region_only": True, "period": "2025Q1"}, store=loaded)
    target = ix.proj.index(resp["enterprise"]["id"])
    from labourkg.recommend.scoring import resolve_enterprise

    t = resolve_enterprise(ix, ix.proj.ids[target])
    city = ix.place_city[t.place]
    for r in resp["recommendations"]:
        assert ix.city[ix.prov_pos[ix.proj.index(r["id"])]] == city


def test_no_capacity_left_is_never_recommended_and_projection_refreshes(loaded):
    resp = recommend({"enterprise_id": "E0002", "top": 3, "period": "2031Q1"}, store=loaded)
    first = resp["recommendations"][0]
    cap = first["remaining_capacity"]
    assert cap >= 1
    before = fingerprint(loaded)
    ent = resp["enterprise"]["id"]
    label = {"person": "Person", "studio": "Studio", "team": "ServiceTeam"}[first["kind"]]
    for i in range(cap):
        loaded.write(f"MATCH (p:{label} {{id: $p}}), (e:Enterprise {{id: $e}}) "
                     "CREATE (p)-[:ENGAGED {date: $d, period: '2031Q1', service_type: '技术服务'}]->(e)",
                     {"p": first["id"], "e": ent, "d": f"2031-01-0{i + 1}"})
    assert fingerprint(loaded) != before  # the count of ENGAGED changed: the next call rebuilds
    get_index(loaded, check_interval=0)
    again = recommend({"enterprise_id": "E0002", "top": 100, "period": "2031Q1"}, store=loaded)
    assert first["id"] not in [r["id"] for r in again["recommendations"]]
    other = recommend({"enterprise_id": "E0002", "top": 100, "period": "2031Q2"}, store=loaded)
    assert first["id"] in [r["id"] for r in other["recommendations"]]
    loaded.write("MATCH ()-[r:ENGAGED {period: '2031Q1'}]->() DELETE r")
    get_index(loaded, check_interval=0)


@pytest.mark.parametrize("req, err", [
    ({"enterprise_id": "E9999"}, NotFoundError),
    ({"enterprise_id": "enterprise:没有这家"}, NotFoundError),
    ({"needs": "", "industries": []}, InvalidRequest),
    ({"needs": "焊接", "top": 0}, InvalidRequest),
    ({"needs": "焊接", "top": 101}, InvalidRequest),
    ({"needs": "焊接", "top": "10"}, InvalidRequest),
    ({"needs": "焊接", "kind": "robot"}, InvalidRequest),
    ({"needs": "焊接", "period": "2025-01"}, InvalidRequest),
    ({"industries": ["Z99"]}, InvalidRequest),
    ({"needs": "焊接", "region": "火星"}, InvalidRequest),
    ({"needs": "焊接", "region_only": True}, InvalidRequest),
    ({"needs": "焊接", "weights": "skill=-1"}, InvalidRequest),
    ({"needs": "焊接", "weights": "colour=1"}, InvalidRequest),
    ({"bogus": 1}, InvalidRequest),
])
def test_bad_requests_are_clear_errors(loaded, req, err):
    with pytest.raises(err):
        recommend(req, store=loaded)


def test_weights_change_the_ranking(loaded):
    a = recommend({"enterprise_id": "E0002", "top": 10, "period": "2025Q1", "weights": "region=0,history=0"},
                  store=loaded)["recommendations"]
    b = recommend({"enterprise_id": "E0002", "top": 10, "period": "2025Q1",
                   "weights": Weights(skill=0, region=1, ppr=0, history=0, similar=0)}, store=loaded)["recommendations"]
    assert [r["id"] for r in a] != [r["id"] for r in b]
    assert all(r["signals"]["region"] == 1.0 for r in b[:3])


def test_projection_matches_the_store(loaded):
    proj = build_projection(loaded)
    n = loaded.read("MATCH (n:Person) RETURN count(n)").scalar()
    assert int(np.sum(proj.label == 0)) == n
    e = loaded.read("MATCH ()-[r:HAS_SKILL]->() RETURN count(r)").scalar()
    assert len(proj.edges["HAS_SKILL"][0]) == e
    s, d = proj.edges["NEEDS"]
    for a, b in list(zip(s.tolist(), d.tolist(), strict=True))[:20]:
        assert proj.has_edge("NEEDS", a, b) and proj.label_of(a) == "Enterprise" and proj.label_of(b) == "Skill"


def test_forward_push_matches_power_iteration_and_networkx():
    g = nx.gnm_random_graph(300, 1200, seed=3)
    edges = list(g.edges())
    ip, ix_, pr = csr_from_edges(300, edges)
    nodes, vals = forward_push(ip, ix_, pr, [0, 5], [0.7, 0.3], alpha=0.15, eps=1e-9)
    exact = power_iteration(ip, ix_, pr, [0, 5], [0.7, 0.3], alpha=0.15)
    est = np.zeros(300)
    est[nodes] = vals
    assert np.abs(est - exact).max() < 1e-6
    ref = nx.pagerank(g, alpha=0.85, personalization={0: 0.7, 5: 0.3}, tol=1e-12)
    assert max(abs(ref[i] - exact[i]) for i in range(300)) < 1e-6
    # a coarse push stays local and close on the top nodes
    nodes, vals = forward_push(ip, ix_, pr, [0], [1.0], alpha=0.15, eps=1e-3)
    assert len(nodes) < 300
    exact0 = power_iteration(ip, ix_, pr, [0], [1.0], alpha=0.15)
    top_est = set(nodes[np.argsort(-vals)[:5]].tolist())
    top_exact = set(np.argsort(-exact0)[:5].tolist())
    assert len(top_est & top_exact) >= 4


def test_cli_recommend(cli, store, onto):
    from labourkg.load.roster import load_roster

    load_roster(store, onto, SAMPLES)
    ok = cli("recommend", "-e", "E0002", "--top", "3", "--period", "2025Q1", "--format", "json",
             "--weights", "skill=0.5")
    assert ok.returncode == 0, ok.stderr
    assert len(json.loads(ok.stdout)["recommendations"]) == 3
    assert cli("recommend", "-e", "E9999").returncode == 2
    bad = cli("recommend", "--need", "焊接", "--top", "0")
    assert bad.returncode == 2 and "top" in bad.stderr and "Traceback" not in bad.stderr
    assert cli("recommend", "--need", "焊接", "--kind", "robot").returncode == 2
    assert cli("recommend", "--region", "茂南区").returncode == 2
    out = cli("recommend", "--industry", "C26", "--region", "茂南区", "--need", "催化剂", "--kind", "studio")
    assert out.returncode == 0, out.stderr


def test_ppr_of_hub_seeds_is_the_sum_of_cached_hub_vectors(loaded):
    """Linearity: hub seeds served from their cached vectors plus a push from the others equals the exact
    PPR of all the seeds together (when no budget stops the pushes)."""
    from labourkg.recommend import signals as sig
    from labourkg.recommend.scoring import resolve_enterprise, seeds_of

    ix = get_index(loaded)
    target = resolve_enterprise(ix, "E0002")
    seeds, w = seeds_of(target, Weights())
    degrees = ix.degree[seeds]
    hub_min = int(np.sort(degrees)[-1]) - 1  # the seed of highest degree is a hub, the SME node is not
    assert degrees.min() <= hub_min
    knobs = dict(alpha=0.2, eps=1e-10, max_work=10**9, max_rounds=10**6)
    got = sig.ppr_scores(ix, seeds, w, hub_min_degree=hub_min, **knobs)
    hub = int(np.asarray(seeds)[np.argmax(degrees)])
    assert (hub, 0.2, 1e-10, 10**9, 10**6) in ix.hub_ppr  # served from its own cached vector
    exact = power_iteration(*ix.walk, seeds, w, alpha=0.2)[ix.providers]
    assert np.abs(got - exact).max() < 1e-7 and got.max() > 1e-4
    again = sig.ppr_scores(ix, seeds, w, hub_min_degree=hub_min, **knobs)  # from the cache: the same
    assert np.array_equal(got, again)
    plain = sig.ppr_scores(ix, seeds, w, hub_min_degree=10**9, **knobs)  # no hub: one push of all seeds
    assert np.abs(plain - exact).max() < 1e-7
