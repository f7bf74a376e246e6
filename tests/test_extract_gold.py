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


DATA = REPO / "tests" / "data"

# (name, article files, gold, entity F1 floor, relation F1 floor). Floors sit a little below the
# figures reached, so the tests guard against regressions without being flaky.
# - seeds: the gates (0.90 / 0.75); reached 0.994 / 1.000.
# - samples: our own articles, written with the rules in mind.
# - heldout, blind2: invented articles of other cities and styles, written blind by annotators,
#   then used as development sets for general rules (reached 0.990/0.964 and 0.971/0.954).
# - blind3: written blind (0.875 / 0.699 when added, never tuned on then), then used as the
#   development set for the relation-recall rules (rosters, counted lists, coordinated people,
#   visited companies as paragraph topics, speakers at an event, passive organisers): reached
#   0.967 / 0.961. It is no longer an honest estimate.
# - blind4: written blind (0.886 / 0.713 with the rules before blind3's, 0.907 / 0.729 after), then used
#   as the development set for relation rules fixed as general constructions, each tested on
#   invented sentences (tests/test_extract_constructions.py): team sections, relative team names,
#   table rows, 帮助企业 anaphora, titles that are not visit targets, departments of companies,
#   listed/joining members, venues and second predicates; reached 0.946 / 0.890. It is no longer an
#   honest estimate either; blind5 (written blind) is the next one.
# - blind5: written blind (real-newspaper styles: career features, interviews, photo captions, a
#   union plenary); scored 0.893 / 0.705 with the rules of before the blind3 work, 0.923 / 0.733
#   after it and 0.923 / 0.754 after the blind4 work (relations P 0.835 R 0.688): the honest
#   estimate for unseen articles when added. Then used as the development set for career steps
#   (调入/进入/在…担任/被…聘为/，任…), '张三是“某省工匠”' clauses, 作为…成员, studio designations given
#   to the studio and declared short forms (以下简称): reached 0.936 / 0.798 (relations P 0.857
#   R 0.746). It is no longer an honest estimate; blind6 (written blind) is the next one.
# - blind6: written blind (OCR'd results tables, flag presentations, 师带徒, 感谢信, a renamed factory);
#   scored 0.852 / 0.688 with the rules of before the blind3 work, 0.873 / 0.696 after the blind4
#   work and 0.875 / 0.719 after the blind5 work (relations P 0.885 R 0.605): the honest estimate for
#   unseen articles when added. Then used as the development set for the normaliser (headline before a
#   blank line, short wrapped lines inside a paragraph), teams PART_OF the campaign of their paragraph,
#   studio hosts stated around the studio, winners listed apart from a counted conferral, table rows
#   run together (cells split at a place, service-table HELPED), sections named on their own, brief
#   writers, results by unit and name, trade-name short forms and declared forms over districts: reached
#   0.933 / 0.857 (relations P 0.957 R 0.776). It is no longer an honest estimate; blind7 (written blind)
#   is the next one.
# - blind7: written blind (mostly 茂名 助企行 news, like the seeds); scored 0.862 / 0.637 with the rules
#   of before the blind3 work, 0.879 / 0.725 after the blind5 work and 0.920 / 0.745 after the blind6
#   work (relations P 0.842 R 0.668): the honest estimate for unseen articles when added. Then used as the
#   development set for roster rows '姓名 单位职务' (one space), 月 opening a given name, pronouns after 由,
#   为服务队授旗, bare 市委/市长 in a county-level city's news and a place before 市长: reached 0.941 / 0.866
#   (relations P 0.952 R 0.794). It is no longer an honest estimate; blind8 (written blind) is the next one.
# - blind8: written blind (广东 cities' union news, a 工匠学院 course, retired labour models' team);
#   scored 0.902 / 0.718 with the rules of before the blind3 work and 0.933 / 0.754 after the blind6
#   and blind7 work (relations P 0.808 R 0.708; the blind7 round changed nothing here): the honest
#   estimate for unseen articles when added. Never tuned on.
GOLD_SETS = [
    ("seeds", SHARED / "seeds", SHARED / "gold" / "seeds.gold.yaml", 0.90, 0.75),
    ("samples", REPO / "samples" / "articles", DATA / "samples.gold.yaml", 0.90, 0.75),
    ("heldout", DATA / "heldout", DATA / "heldout.gold.yaml", 0.97, 0.94),
    ("blind2", DATA / "blind2", DATA / "blind2.gold.yaml", 0.94, 0.88),
    ("blind3", DATA / "blind3", DATA / "blind3.gold.yaml", 0.95, 0.94),
    ("blind4", DATA / "blind4", DATA / "blind4.gold.yaml", 0.93, 0.87),
    ("blind5", DATA / "blind5", DATA / "blind5.gold.yaml", 0.92, 0.78),
    ("blind6", DATA / "blind6", DATA / "blind6.gold.yaml", 0.92, 0.84),
    ("blind7", DATA / "blind7", DATA / "blind7.gold.yaml", 0.93, 0.85),
    ("blind8", DATA / "blind8", DATA / "blind8.gold.yaml", 0.91, 0.73),
]


@pytest.mark.skipif(not SCORER.exists(), reason=f"shared/ with the scorer is absent ({SCORER} not found)")
@pytest.mark.parametrize(("name", "articles", "gold", "min_entity_f1", "min_relation_f1"), GOLD_SETS,
                         ids=[g[0] for g in GOLD_SETS])
def test_gold_scores(name, articles, gold, min_entity_f1, min_relation_f1, tmp_path):
    files = sorted(articles.glob("*.txt"))
    assert len(files) >= 2, f"{name}: no articles in {articles}"
    r = _score(gold, files, tmp_path)
    assert r["entities"]["f1"] >= min_entity_f1, r
    assert r["relations"]["f1"] >= min_relation_f1, r


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
