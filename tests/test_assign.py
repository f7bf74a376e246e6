"""Campaign assignment: exact optimum on small cases, capacities respected, unserved SMEs explained."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import numpy as np
import pytest

from labourkg.errors import NotFoundError
from labourkg.recommend.assign import (
    REASON_NO_CANDIDATE,
    REASON_NO_NEED,
    REASON_TAKEN,
    assign,
    candidate_arcs,
    solve,
)
from labourkg.recommend.projection import LABEL_CODE, get_index, invalidate
from labourkg.recommend.scoring import SignalMemo, resolve_enterprise, score, top_k
from labourkg.recommend.weights import Weights

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "roster"


def brute_force(n_smes, rows, cols, scores, cap):
    best = 0.0
    arcs = list(range(len(rows)))
    for choice in itertools.product([None, *arcs], repeat=n_smes):
        load: dict[int, int] = {}
        total = 0.0
        ok = True
        for i, a in enumerate(choice):
            if a is None:
                continue
            if rows[a] != i:
                ok = False
                break
            load[cols[a]] = load.get(cols[a], 0) + 1
            total += scores[a]
        if ok and all(v <= cap[p] for p, v in load.items()):
            best = max(best, total)
    return best


@pytest.mark.parametrize("seed", range(6))
def test_solve_is_optimal_on_small_random_cases(seed):
    rng = np.random.default_rng(seed)
    n_smes, n_prov = 4, 3
    pairs = [(i, p) for i in range(n_smes) for p in range(n_prov) if rng.random() < 0.6]
    rows = np.array([i for i, _ in pairs])
    cols = np.array([p for _, p in pairs])
    scores = rng.random(len(pairs))
    cap = rng.integers(0, 3, n_prov)
    sol = solve(n_smes, n_prov, rows, cols, scores, cap, spread=0.0)
    assert sol.integral_gap < 1e-6
    got = float(scores[sol.chosen].sum())
    assert abs(got - brute_force(n_smes, rows, cols, scores, cap)) < 1e-6
    assert len(set(rows[sol.chosen])) == len(sol.chosen)
    for p in range(n_prov):
        assert np.sum(cols[sol.chosen] == p) <= cap[p]


def test_spreading_prefers_an_idle_provider_on_near_ties():
    rows, cols = np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])
    scores = np.array([0.80, 0.79, 0.80, 0.79])
    sol = solve(2, 2, rows, cols, scores, np.array([2, 2]), spread=0.1)
    assert sorted(cols[sol.chosen].tolist()) == [0, 1]
    flat = solve(2, 2, rows, cols, scores, np.array([2, 2]), spread=0.0)
    assert cols[flat.chosen].tolist() == [0, 0]


def test_solver_scales_to_10k_by_10k():
    rng = np.random.default_rng(0)
    n, k = 10_000, 20
    rows = np.repeat(np.arange(n), k)
    cols = rng.integers(0, n, n * k)
    scores = rng.random(n * k)
    cap = rng.integers(1, 4, n)
    t = time.perf_counter()
    sol = solve(n, n, rows, cols, scores, cap)
    assert time.perf_counter() - t < 30
    assert sol.integral_gap < 1e-6 and len(sol.chosen) > 0.9 * n


@pytest.fixture(scope="module")
def ix(module_store, onto):
    from labourkg.load.roster import load_roster

    load_roster(module_store, onto, SAMPLES)
    invalidate(module_store)
    return get_index(module_store)


def test_assign_all_open_respects_capacity(ix):
    res = assign(ix, "2025Q1", min_score=0.3)
    st = res.stats
    assert st["served"] == len(res.assignments) and st["served"] + st["unserved"] == st["smes"] > 0
    assert st["optimality_gap"] < 1e-6 and st["lp_integrality_gap"] < 1e-6
    remaining = ix.capacity - ix.used("2025Q1")
    load: dict[str, int] = {}
    for a in res.assignments:
        load[a["provider"]] = load.get(a["provider"], 0) + 1
        assert a["score"] >= 0.3
    for pid, n in load.items():
        assert n <= remaining[ix.prov_pos[ix.proj.index(pid)]]
    assert {u["reason"] for u in res.unserved} <= {REASON_NO_CANDIDATE, REASON_TAKEN, REASON_NO_NEED}
    assert len({a["enterprise"] for a in res.assignments}) == len(res.assignments)


def test_assign_listed_enterprises_and_unknown(ix):
    res = assign(ix, "2025Q1", enterprises=["E0002", "E0003"], min_score=0.99)
    assert res.stats["smes"] == 2 and all(u["reason"] == REASON_NO_CANDIDATE for u in res.unserved)
    with pytest.raises(NotFoundError):
        assign(ix, "2025Q1", enterprises=["E9999"])


def test_cli_assign(cli, store, onto, tmp_path):
    from labourkg.load.roster import load_roster

    load_roster(store, onto, SAMPLES)
    f = tmp_path / "ents.txt"
    f.write_text("id\nE0002\nE0003\nE0004\n", encoding="utf-8")
    ok = cli("assign", "--period", "2025Q1", "--enterprises", str(f), "--format", "json")
    assert ok.returncode == 0, ok.stderr
    assert cli("assign", "--period", "2025Q1", "--all-open").returncode == 0
    assert cli("assign", "--period", "2025Q5", "--all-open").returncode == 2
    assert cli("assign", "--period", "2025Q1").returncode == 2


def _every_sme(ix):
    return [resolve_enterprise(ix, ix.proj.ids[e], node=int(e))
            for e in np.flatnonzero(ix.proj.label == LABEL_CODE["Enterprise"])]


def test_signal_memo_does_not_change_scores(ix):
    w = Weights(eps=2e-4, ppr_rounds=4, ppr_max_work=20_000)
    memo = SignalMemo(ix)
    targets = sorted(_every_sme(ix), key=lambda t: t.needs)  # equal needs in a row: the memo's hits
    for t in targets:
        for k in (None, 3):
            a, b = score(ix, t, w, k=k), score(ix, t, w, k=k, memo=memo)
            assert a.cands.tolist() == b.cands.tolist() and a.total.tobytes() == b.total.tobytes()
            assert all(a.parts[s].tobytes() == b.parts[s].tobytes() for s in a.parts)


def test_candidate_arcs_are_those_of_score_and_top_k(ix):
    """The campaign's scoring (needs order, pruning, memo) against the plain per-SME ``score`` +
    ``top_k``: the same arcs, bit for bit, in SME order."""
    w = Weights(eps=2e-4, ppr_rounds=4, ppr_max_work=20_000)
    targets = _every_sme(ix)
    mask = np.ones(ix.n_providers, bool)
    mask[::5] = False  # some providers without capacity left
    k, min_score = 4, 0.25
    rows, cols, vals, reasons = candidate_arcs(ix, targets, w, mask, k=k, min_score=min_score)
    want_r, want_c, want_v, want_reasons = [], [], [], {}
    for i, t in enumerate(targets):
        if not t.needs and not t.industries:
            want_reasons[i] = REASON_NO_NEED
            continue
        sc = score(ix, t, w, mask=mask)  # no pruning, no memo
        best = top_k(sc, k, tie=ix.popularity[sc.cands])
        best = best[sc.total[best] >= min_score]
        if not len(best):
            want_reasons[i] = REASON_NO_CANDIDATE
        want_r += [i] * len(best)
        want_c += sc.cands[best].tolist()
        want_v += sc.total[best].tolist()
    assert len(want_r) > 100 and len(want_reasons) < len(targets) // 2
    assert rows.tolist() == want_r and cols.tolist() == want_c
    assert vals.tobytes() == np.asarray(want_v, np.float64).tobytes()
    assert reasons == want_reasons


def test_cli_weights_for_a_campaign_start_from_the_campaign_defaults(tmp_path):
    """`labourkg assign` applies --weights/--weights-file on top of the campaign's coarser PPR knobs."""
    from labourkg.recommend.assign import CAMPAIGN_WEIGHTS
    from labourkg.recommend.weights import Weights, weights_from

    assert weights_from(None, None, base=CAMPAIGN_WEIGHTS) == CAMPAIGN_WEIGHTS != Weights()
    f = tmp_path / "w.toml"
    f.write_text("[weights]\nskill = 0.5\n", encoding="utf-8")
    w = weights_from("region=0.1", f, base=CAMPAIGN_WEIGHTS)
    assert (w.skill, w.region, w.ppr_max_work, w.eps) == (0.5, 0.1, CAMPAIGN_WEIGHTS.ppr_max_work, CAMPAIGN_WEIGHTS.eps)
    assert weights_from(None, f) == Weights(skill=0.5)  # recommend and eval: the interactive defaults
