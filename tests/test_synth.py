"""Synthetic registers: deterministic, loadable, with sane distributions and a usable hold-out."""

from __future__ import annotations

import csv
import statistics
from collections import Counter
from pathlib import Path

import pytest

from labourkg.load.roster import load_roster, split_list
from labourkg.synth import HOLDOUT_PERIOD, generate, trade_name


def rows(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def synth_dir(tmp_path_factory, onto) -> Path:
    out = tmp_path_factory.mktemp("synth")
    generate(300, 600, seed=11, out=out, onto=onto)
    return out


def test_counts_and_files(synth_dir: Path) -> None:
    assert len(rows(synth_dir / "craftsmen.csv")) == 300
    assert len(rows(synth_dir / "enterprises.csv")) == 600
    assert len(rows(synth_dir / "studios.csv")) == 60  # craftsmen / 5
    assert len(rows(synth_dir / "teams.csv")) == 20  # craftsmen / 15
    assert len(rows(synth_dir / "engagements.csv")) == 900  # 1.5 per enterprise
    assert len(rows(synth_dir / "truth" / "needs.csv")) == 600


def test_same_seed_same_bytes(tmp_path: Path, onto) -> None:
    a = generate(40, 60, seed=3, out=tmp_path / "a", onto=onto)
    b = generate(40, 60, seed=3, out=tmp_path / "b", onto=onto)
    c = generate(40, 60, seed=4, out=tmp_path / "c", onto=onto)
    for t in ("craftsmen", "enterprises", "engagements"):
        assert Path(a.files[t]).read_bytes() == Path(b.files[t]).read_bytes()
    assert Path(a.files["craftsmen"]).read_bytes() != Path(c.files["craftsmen"]).read_bytes()


def test_distributions_are_sane(synth_dir: Path, onto) -> None:
    people = rows(synth_dir / "craftsmen.csv")
    skills = [len(split_list(p["skills"])) for p in people]
    assert min(skills) >= 1 and max(skills) <= 6
    assert Counter(skills).most_common(1)[0][0] in (1, 2) and statistics.mean(skills) < 3  # skewed low
    caps = [int(p["capacity"]) for p in people]
    assert set(caps) <= {1, 2, 3, 4} and len(set(caps)) >= 3
    # honours with years in range; national ones rare
    levels = {h.name: h.attr("honourLevel") for h in onto.scheme("honours")}
    honours = [h for p in people for h in split_list(p["honours"])]
    assert honours and all(1950 <= int(h.rsplit(":", 1)[1]) <= 2100 for h in honours)
    national = sum(1 for h in honours if levels.get(h.rsplit(":", 1)[0]) == "national")
    assert national < len(honours) * 0.2
    # industries Zipf-like: the top one is much commoner than the median one
    ents = rows(synth_dir / "enterprises.csv")
    inds = Counter(split_list(e["industries"])[0] for e in ents)
    counts = sorted(inds.values(), reverse=True)
    assert counts[0] >= 3 * counts[len(counts) // 2]
    # needs texts are composed from vocabulary labels and filler phrases
    truth = rows(synth_dir / "truth" / "needs.csv")
    with_needs = [e for e in ents if e["needs"]]
    assert len(with_needs) > 0.8 * len(ents)
    labels = {c.id: {c.name, *c.aliases} for c in onto.scheme("skills")}
    for e, t in list(zip(ents, truth, strict=True))[:200]:
        for sid in split_list(t["skills"]):
            assert any(form in e["needs"] for form in labels[sid]), (e["needs"], sid)
    # enterprise names are distinct and look like 茂名市XX…有限公司
    names = [e["name"] for e in ents]
    assert len(set(names)) == len(names)
    assert all(n.endswith("公司") for n in names)


def test_engagements_span_quarters_and_follow_fit(synth_dir: Path) -> None:
    eng = rows(synth_dir / "engagements.csv")
    quarters = Counter(f"{d[:4]}Q{(int(d[5:7]) - 1) // 3 + 1}" for d in (e["date"] for e in eng))
    assert min(e["date"] for e in eng) >= "2023-01-01" and max(e["date"] for e in eng) <= "2025-03-31"
    assert len(quarters) == 9 and quarters[HOLDOUT_PERIOD] > 0
    # most engagements connect a provider with a skill the enterprise needs
    prov_skills: dict[str, set[str]] = {}
    for p in rows(synth_dir / "craftsmen.csv"):
        prov_skills[p["id"]] = set(split_list(p["skills"]))
    for s in rows(synth_dir / "studios.csv"):
        prov_skills[s["id"]] = set(split_list(s["skills"]))
    needs = {e["id"]: e["needs"] for e in rows(synth_dir / "enterprises.csv")}
    craftsman_eng = [e for e in eng if e["provider"] in prov_skills and needs[e["enterprise"]]]
    fit = sum(1 for e in craftsman_eng if any(s in needs[e["enterprise"]] for s in prov_skills[e["provider"]]))
    assert fit > 0.4 * len(craftsman_eng)


def test_synth_register_loads_without_errors(synth_dir: Path, store, onto) -> None:
    rep = load_roster(store, onto, synth_dir)
    assert rep.ok, rep.errors[:5]
    assert not rep.warnings, rep.warnings[:5]
    assert {t.table: t.loaded for t in rep.tables} == {
        "craftsmen": 300, "enterprises": 600, "studios": 60, "teams": 20, "engagements": 900}


def test_headers_and_encodings(tmp_path: Path, onto) -> None:
    s = generate(10, 10, seed=1, out=tmp_path, headers={"craftsmen": "zh"}, encodings={"enterprises": "gb18030"},
                 onto=onto)
    assert Path(s.files["craftsmen"]).read_text(encoding="utf-8").startswith("编号,姓名")
    raw = Path(s.files["enterprises"]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert raw.decode("gb18030").startswith("id,name")


def test_province_profile_and_errors(tmp_path: Path, onto) -> None:
    s = generate(30, 50, seed=2, out=tmp_path, profile="province", onto=onto)
    regions = {p["region"] for p in rows(Path(s.files["craftsmen"]))}
    assert len(regions) > 5
    with pytest.raises(ValueError):
        generate(1, 1, seed=0, out=tmp_path / "x", profile="mars", onto=onto)


def test_trade_names_are_a_bijection() -> None:
    names = [trade_name(i, 5) for i in range(30000)]
    assert len(set(names)) == len(names)
