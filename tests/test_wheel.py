"""The built wheel works outside the checkout: ontology, loaders, queries and samples ship inside it."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_wheel_installs_and_loads_from_a_temp_dir(tmp_path: Path):
    dist = tmp_path / "dist"
    p = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(REPO)],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr[-3000:]
    wheel = next(dist.glob("labourkg-*.whl"))

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    # dependencies come from this environment's site-packages (added after the new venv's own, so the
    # installed wheel, not the checkout, provides labourkg); the wheel itself installs without network
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    deps = [sysconfig.get_paths()["purelib"], *site.getsitepackages()]
    Path(purelib, "_labourkg_test_deps.pth").write_text("\n".join(dict.fromkeys(deps)) + "\n")
    p = subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr

    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "LABOURKG_HOME": str(tmp_path / "home"), "LABOURKG_CYPHER_LOG": ""}
    env.pop("PYTHONPATH", None)
    where = subprocess.run([str(py), "-c", "import labourkg.resources as r; print(r.__file__); print(r.ontology_dir());"
                            "print(r.queries_dir()); print(r.loaders_dir())"],
                           capture_output=True, text=True, cwd=work, env=env, check=True).stdout.split()
    assert all(w.startswith(str(env_dir)) for w in where), where  # nothing read from the checkout

    exe = env_dir / "bin" / "labourkg"
    assert subprocess.run([str(exe), "--help"], capture_output=True, text=True, cwd=work, env=env).returncode == 0
    reg = work / "register"
    reg.mkdir()
    (reg / "craftsmen.csv").write_text("编号,姓名,工作单位,技能专长,所在地区\nw1,测试甲,茂名市测试电子有限公司,焊接,茂南区\n",
                                       encoding="utf-8")
    try:
        p = subprocess.run([str(exe), "load", "roster", str(reg)], capture_output=True, text=True, cwd=work, env=env,
                           timeout=300)
        assert p.returncode == 0, p.stderr
        q = subprocess.run([str(exe), "query", "entity_lookup", "--param", "name=测试甲", "--format", "json"],
                           capture_output=True, text=True, cwd=work, env=env, timeout=120)
        assert q.returncode == 0 and "person:测试甲" in q.stdout, q.stderr
    finally:
        subprocess.run([str(exe), "db", "stop"], capture_output=True, cwd=work, env=env, timeout=60)
