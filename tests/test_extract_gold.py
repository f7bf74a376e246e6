"""Scores on the gold annotations: the seeds (shared/, when present) and the samples (in the repo)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from labourkg.extract import extract_file

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "tools" / "score_extraction.py"


def _score(gold: Path, files: list[Path], tmp_path: Path) -> dict:
    out = tmp_path / "pred.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for f in files:
            fh.write(json.dumps(extract_file(f), ensure_ascii=False) + "\n")
    res = subprocess.run([sys.executable, str(SCORER), str(gold), str(out), "--json"], capture_output=True,
                         text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not SCORER.exists(), reason=f"shared/ with the scorer is absent ({SCORER} not found)")
def test_seed_gold_scores(tmp_path):
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    r = _score(SHARED / "gold" / "seeds.gold.yaml", seeds, tmp_path)
    assert r["entities"]["f1"] >= 0.90, r
    assert r["relations"]["f1"] >= 0.75, r


@pytest.mark.skipif(not SCORER.exists(), reason=f"shared/ with the scorer is absent ({SCORER} not found)")
def test_sample_gold_scores(tmp_path):
    files = sorted((REPO / "samples" / "articles").glob("*.txt"))
    assert len(files) >= 5
    r = _score(REPO / "tests" / "data" / "samples.gold.yaml", files, tmp_path)
    assert r["entities"]["f1"] >= 0.90, r
    assert r["relations"]["f1"] >= 0.75, r


def test_contract_shape():
    doc = extract_file(sorted((REPO / "samples" / "articles").glob("*.txt"))[0])
    assert set(doc) == {"article", "entities", "relations"}
    assert set(doc["article"]) == {"id", "path", "title", "date", "chars"}
    ids = {e["id"] for e in doc["entities"]}
    assert len(ids) == len(doc["entities"])
    for e in doc["entities"]:
        assert set(e) == {"id", "type", "name", "aliases", "mentions", "attributes"}
        assert " " not in e["name"]
    for r in doc["relations"]:
        assert r["subject"] in ids and r["object"] in ids
