"""The ``labourkg`` command, run for real in a subprocess against the embedded store."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def one_line_error(p) -> str:
    """Bad input: a non-zero exit and exactly one line on stderr, never a traceback."""
    assert p.returncode != 0, p.stdout
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert "Traceback" not in p.stderr, p.stderr
    assert len(lines) == 1, p.stderr
    return lines[0]


def test_help_lists_the_commands(cli):
    p = cli("--help")
    assert p.returncode == 0
    for cmd in ("extract", "load", "query", "cypher", "recommend", "viz", "serve", "db", "demo", "synth"):
        assert cmd in p.stdout


def test_db_commands(cli, lk_home):
    assert cli("db", "start").returncode == 0
    st = cli("db", "status")
    assert st.returncode == 0 and "running" in st.stdout
    assert cli("db", "path").stdout.strip() == str(lk_home)


def test_bad_input_is_one_clear_line(cli, tmp_path: Path):
    assert "no such file" in one_line_error(cli("extract", str(tmp_path / "missing.txt")))
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    one_line_error(cli("extract", str(binary)))
    assert "no query named" in one_line_error(cli("query", "no_such_query"))
    assert "E-NOPE" in one_line_error(cli("recommend", "--enterprise", "E-NOPE"))
    assert cli("recommend", "--enterprise", "E-NOPE").returncode == 2
    assert "no such directory" in one_line_error(cli("load", "roster", str(tmp_path / "nodir")))
    assert "refused" in one_line_error(cli("cypher", "MATCH (n) DETACH DELETE n"))


def test_extract_prints_the_contract(cli):
    p = cli("extract", str(SAMPLES / "articles"), "--format", "jsonl")
    assert p.returncode == 0, p.stderr
    docs = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(docs) >= 5
    for d in docs:
        assert set(d) >= {"article", "entities", "relations"}
        assert len(d["article"]["id"]) == 64
        ids = {e["id"] for e in d["entities"]}
        assert all(r["subject"] in ids and r["object"] in ids for r in d["relations"])


@pytest.fixture
def loaded(cli):
    p = cli("load", "roster", str(SAMPLES / "roster"))
    assert p.returncode == 0, p.stderr
    p = cli("load", "articles", str(SAMPLES / "articles"))
    assert p.returncode == 0, p.stderr
    return cli


def test_load_query_and_formats(loaded):
    cli = loaded
    p = cli("query", "graph_stats", "--format", "json")
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)
    counts = {r["label"]: r["nodes"] for r in rows}
    assert counts["Person"] >= 150 and counts["Enterprise"] >= 200 and counts["Article"] >= 5
    p = cli("query", "craftsmen_by_skill", "--example", "--format", "csv")
    assert p.returncode == 0 and p.stdout.splitlines()[0].startswith("id,name")
    p = cli("query", "list", "--format", "json")
    assert len(json.loads(p.stdout)) >= 3
    p = cli("cypher", "MATCH (e:Enterprise) RETURN count(e) AS n", "--format", "json")
    assert json.loads(p.stdout)[0]["n"] >= 200
    # loading the same articles again changes nothing
    again = cli("load", "articles", str(SAMPLES / "articles"))
    assert again.returncode == 0 and "nodes +0 -0, relationships +0 -0" in again.stdout


def test_recommend_cli_json(loaded):
    p = loaded("recommend", "--enterprise", "E0001", "--top", "3", "--format", "json")
    assert p.returncode == 0, p.stderr
    resp = json.loads(p.stdout)
    assert resp["enterprise"]["id"] and 0 < len(resp["recommendations"]) <= 3
    for r in resp["recommendations"]:
        assert 0 <= r["score"] <= 1 and r["reasons"] and r["paths"]
    p = loaded("recommend", "--need", "", "--format", "json")
    assert p.returncode == 2


def test_viz_ego_writes_offline_html(loaded, tmp_path: Path):
    out = tmp_path / "ego.html"
    p = loaded("viz", "ego", "union:茂名市总工会", "-o", str(out))
    assert p.returncode == 0, p.stderr
    page = out.read_text(encoding="utf-8")
    assert "vis-network" in page or "vis.Network" in page
    assert not re.search(r'<(script|link)\b[^>]*\b(src|href)="https?://', page), "the page fetches from the network"


def test_viz_recommend(loaded, tmp_path: Path):
    out = tmp_path / "rec.html"
    p = loaded("viz", "recommend", "--enterprise", "E0001", "-o", str(out), "--top", "3")
    assert p.returncode == 0, p.stderr
    assert "ENGAGED" in out.read_text(encoding="utf-8") or "HAS_SKILL" in out.read_text(encoding="utf-8")


def test_demo_runs_the_main_job(cli, tmp_path: Path):
    import time

    t0 = time.perf_counter()
    p = cli("demo", "-o", str(tmp_path / "out"))
    took = time.perf_counter() - t0
    assert p.returncode == 0, p.stderr
    for part in ("graph statistics", "craftsmen_by_skill", "recommendations for", "view of the recommendations"):
        assert part in p.stdout
    assert (tmp_path / "out" / "recommendations.html").exists() and (tmp_path / "out" / "ego.html").exists()
    assert took < 120
