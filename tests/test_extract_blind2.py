"""Scores on the second blind set (tests/data/blind2), used as the development set of the third round.

These articles were used as a development set for general rules (no names from them are in
the extractor); the thresholds sit a little below the figures reached so that the test
guards against regressions without being flaky.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from labourkg.extract import extract_file

REPO = Path(__file__).resolve().parents[1]
SCORER = REPO.parent / "shared" / "tools" / "score_extraction.py"
BLIND2 = REPO / "tests" / "data" / "blind2"


@pytest.mark.skipif(not SCORER.exists(), reason=f"shared/ with the scorer is absent ({SCORER} not found)")
def test_blind2_gold_scores(tmp_path):
    files = sorted(BLIND2.glob("*.txt"))
    assert len(files) >= 10
    out = tmp_path / "pred.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for f in files:
            fh.write(json.dumps(extract_file(f), ensure_ascii=False) + "\n")
    res = subprocess.run([sys.executable, str(SCORER), str(REPO / "tests" / "data" / "blind2.gold.yaml"), str(out),
                          "--json"], capture_output=True, text=True, check=True)
    r = json.loads(res.stdout.strip().splitlines()[-1])
    assert r["entities"]["f1"] >= 0.94, r
    assert r["relations"]["f1"] >= 0.88, r
