"""One person, one node: a register's person and the same person from an article (Resolver.person_id)."""

from __future__ import annotations

import csv
from pathlib import Path

from labourkg.load.roster import load_roster
from labourkg.load.writer import GraphWriter, NodeRecord, RelRecord

CRAFTSMEN = ["id", "name", "employer"]


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(CRAFTSMEN)
        w.writerows(rows)


def article_person(store, onto, name: str, employer: str | None = None) -> None:
    """What the article loader writes for a person: ``person:<name>``, maybe with an employer."""
    w = GraphWriter(store, onto)
    pid = onto.id_for("Person", name)
    w.node(NodeRecord("Person", pid, {"name": name}, [], "article:x"))
    if employer:
        oid = onto.id_for("Enterprise", employer)
        w.node(NodeRecord("Enterprise", oid, {"name": employer}, [], "article:x"))
        w.rel(RelRecord("WORKS_FOR", "Person", pid, "Enterprise", oid, {}, "article:x"))
    w.flush()


def people(store) -> list[list]:
    return store.read("MATCH (p:Person) RETURN p.id, p.register_id ORDER BY p.id").rows


def test_register_person_joins_the_article_person(store, onto, tmp_path: Path) -> None:
    article_person(store, onto, "郑文章", "茂名市文章有限公司")
    write_csv(tmp_path / "craftsmen.csv", [["A1", "郑文章", "茂名市文章有限公司"]])
    load_roster(store, onto, tmp_path)
    assert people(store) == [["person:郑文章", "A1"]]


def test_article_person_without_employer_is_joined(store, onto, tmp_path: Path) -> None:
    article_person(store, onto, "郑无单位")
    write_csv(tmp_path / "craftsmen.csv", [["A2", "郑无单位", "茂名市某有限公司"]])
    load_roster(store, onto, tmp_path)
    assert people(store) == [["person:郑无单位", "A2"]]


def test_different_employer_is_a_different_person(store, onto, tmp_path: Path) -> None:
    article_person(store, onto, "郑同名", "茂名市甲有限公司")
    write_csv(tmp_path / "craftsmen.csv", [["A3", "郑同名", "茂名市乙有限公司"]])
    load_roster(store, onto, tmp_path)
    assert people(store) == [["person:郑同名", None], ["person:郑同名@茂名市乙有限公司", "A3"]]


def test_namesakes_in_one_register(store, onto, tmp_path: Path) -> None:
    write_csv(tmp_path / "craftsmen.csv", [["N1", "王重名", "茂名市一有限公司"], ["N2", "王重名", "茂名市二有限公司"],
                                           ["N3", "王重名", ""]])
    rep = load_roster(store, onto, tmp_path, batch_size=2)  # the namesakes fall in different chunks
    assert rep.ok
    assert people(store) == [["person:王重名", "N1"], ["person:王重名@N3", "N3"], ["person:王重名@茂名市二有限公司", "N2"]]
    again = load_roster(store, onto, tmp_path)
    assert again.stats.elements == 0
    assert len(people(store)) == 3


def test_traditional_and_fullwidth_names_are_canonical(store, onto, tmp_path: Path) -> None:
    article_person(store, onto, "陈国华")
    write_csv(tmp_path / "craftsmen.csv", [["T1", "陳國華", "茂名市某有限公司"]])
    load_roster(store, onto, tmp_path)
    assert people(store) == [["person:陈国华", "T1"]]


def test_leader_by_name_when_unique(store, onto, tmp_path: Path) -> None:
    write_csv(tmp_path / "craftsmen.csv", [["L1", "冯领衔", ""]])
    with open(tmp_path / "studios.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "name", "leader"], ["S1", "冯领衔工作室", "冯领衔"]])
    rep = load_roster(store, onto, tmp_path)
    assert rep.ok, rep.errors
    assert store.read("MATCH (:Person {register_id: 'L1'})-[:LEADS]->(s:Studio) RETURN s.register_id").scalar() == "S1"


def test_register_person_uses_the_article_rule(store, onto, tmp_path: Path) -> None:
    """One rule for both sources (extract.resolve.resolve_person): a namesake who shares the row's
    employer wins over one who has none; a row without an employer joins the only namesake."""
    article_person(store, onto, "郑共同", "茂名市共同有限公司")
    w = GraphWriter(store, onto)  # a second, employer-less 郑共同 from another article
    w.node(NodeRecord("Person", "person:郑共同#2", {"name": "郑共同"}, [], "article:y"))
    w.flush()
    article_person(store, onto, "郑单独", "茂名市单独有限公司")
    write_csv(tmp_path / "craftsmen.csv", [["U1", "郑共同", "茂名市共同有限公司"], ["U2", "郑单独", ""]])
    assert load_roster(store, onto, tmp_path).ok
    assert people(store) == [["person:郑共同", "U1"], ["person:郑共同#2", None], ["person:郑单独", "U2"]]
