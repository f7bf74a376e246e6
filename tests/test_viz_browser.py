"""The HTML views in a real browser (Debian chromium, headless), with the network cut off."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from labourkg.viz import GraphView, recommendation_view

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def render_dom(page: Path, tmp_path: Path) -> str:
    """Load the page with every host unresolvable, let its scripts run, return the DOM."""
    if CHROMIUM is None:
        pytest.fail("chromium is not installed: run `make browser` (make test does)")
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", "--host-resolver-rules=MAP * ~NOTFOUND",
           "--virtual-time-budget=5000", "--dump-dom", page.as_uri()]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    return p.stdout


def test_view_renders_offline(tmp_path: Path):
    view = GraphView("测试视图")
    view.add_node("person:甲", "Person", "甲", highlight=True)
    view.add_node("studio:甲工作室", "Studio", "甲工作室")
    view.add_edge("person:甲", "studio:甲工作室", "LEADS")
    page = view.write(tmp_path / "v.html")
    dom = render_dom(page, tmp_path)
    # vis-network draws into a canvas it creates inside the container: its script ran with no network
    assert 'id="mynetwork"' in dom and "<canvas" in dom and "vis-network" in dom


def test_recommendation_view_renders(tmp_path: Path):
    resp = {"enterprise": {"id": "enterprise:甲公司", "name": "甲公司"}, "recommendations": [
        {"id": "person:乙", "kind": "person", "name": "乙", "score": 0.8, "reasons": ["技能匹配: 焊接"],
         "paths": [[{"id": "enterprise:甲公司", "label": "Enterprise", "name": "甲公司"}, {"rel": "NEEDS"},
                    {"id": "skill:welding", "label": "Skill", "name": "焊接"}, {"rel": "HAS_SKILL", "reverse": True},
                    {"id": "person:乙", "label": "Person", "name": "乙"}]]}]}
    page = recommendation_view(resp, tmp_path / "r.html")
    html = page.read_text(encoding="utf-8")
    assert ("焊接" in html or json.dumps("焊接")[1:-1] in html) and "HAS_SKILL" in html  # pyvis escapes to \\uXXXX
    assert "<canvas" in render_dom(page, tmp_path)
