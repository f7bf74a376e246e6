"""The temporal hold-out evaluation on synthetic registers: the combined scorer beats every baseline."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from labourkg.recommend.evaluate import METHODS, evaluate, ndcg_at, ranks_of
from labourkg.recommend.projection import build_index, build_projection


def test_metrics_helpers():
    assert ranks_of(np.array([0.1, 0.9, 0.9, 0.0]), np.array([1])).tolist() == [1.5]
    assert ndcg_at(np.array([1.0]), 1, 10) == 1.0
    assert ndcg_at(np.array([11.0]), 1, 10) == 0.0


def test_combined_beats_the_baselines(store, onto, tmp_path: Path):
    from labourkg.load.roster import load_roster
    from labourkg.synth import generate

    generate(300, 1500, seed=5, out=tmp_path / "reg", profile="maoming")
    assert not load_roster(store, onto, tmp_path / "reg").errors
    proj = build_projection(store, onto)
    ix = build_index(proj, cutoff="2025Q1")
    assert not np.any(ix.eng_q >= 4 * 2025)  # nothing of the hold-out quarter is visible
    res = evaluate(proj, "2025Q1")
    assert res.n_test_smes > 50 and set(res.metrics) == set(METHODS)
    c = res.metrics["combined"]
    for m in METHODS[1:]:
        assert c["hits@10"] > res.metrics[m]["hits@10"], (m, res.table())
        assert c["mrr"] > res.metrics[m]["mrr"], (m, res.table())


def test_cli_eval(cli, tmp_path: Path):
    report = tmp_path / "eval.md"
    r = cli("eval", "recommend", "--craftsmen", "120", "--enterprises", "600", "--seed", "3", "--report", str(report))
    assert r.returncode == 0, r.stderr
    assert "combined" in r.stdout and "adamic_adar" in r.stdout
    assert "| combined |" in report.read_text(encoding="utf-8")
    assert cli("eval", "recommend", "--holdout", "2025Q9").returncode == 2


def test_cli_eval_without_report(cli, tmp_path: Path):
    """``--report ''`` skips the report (it once tried to write to the folder ".")."""
    r = cli("eval", "recommend", "--craftsmen", "60", "--enterprises", "300", "--seed", "4", "--report", "",
            "--format", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "combined" in json.loads(r.stdout)["metrics"]
    assert not list(tmp_path.iterdir())
