"""Derived, not duplicated: editing the Turtle (in a temporary copy of ontology/) changes what is
extracted, what a register loads to, and the store's labels, relationship types and indexes,
with no code change."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from labourkg import cypher, rdf
from labourkg.load.roster import load_roster
from labourkg.load.writer import GraphWriter, NodeRecord, RelRecord
from labourkg.ontology import UnknownTermError, load_ontology
from labourkg.resources import ontology_dir
from labourkg.vocab import VocabIndex

PREFIXES = """
@prefix lk:   <https://w3id.org/labourkg/ontology#> .
@prefix lkv:  <https://w3id.org/labourkg/vocab/> .
@prefix lke:  <https://w3id.org/labourkg/vocab/enum/> .
@prefix hon:  <https://w3id.org/labourkg/vocab/honour/> .
@prefix ind:  <https://w3id.org/labourkg/vocab/industry/> .
@prefix skl:  <https://w3id.org/labourkg/vocab/skill/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
"""

NEW_HONOUR = PREFIXES + """
hon:youcheng-golden-craftsman a skos:Concept ; skos:inScheme lkv:honours ;
    skos:prefLabel "油城金匠奖"@zh ; skos:altLabel "油城金匠"@zh ;
    lk:honourLevel lke:municipal ; lk:recipientKind lke:individual ; lk:conferringBody "茂名市总工会"@zh .
"""
NEW_ALIASES = PREFIXES + """
ind:C39 skos:altLabel "电子信息制造"@zh .
skl:laser-cladding a skos:Concept ; skos:inScheme lkv:skills ;
    skos:prefLabel "激光熔覆"@zh , "Laser cladding"@en ; skos:altLabel "激光熔敷"@zh .
"""
NEW_MODEL = PREFIXES + """
lk:Workshop a owl:Class ; rdfs:subClassOf lk:Agent ;
    rdfs:label "车间"@zh , "Workshop"@en ; rdfs:comment "A workshop of an enterprise."@en ;
    lk:graphLabel "Workshop" ; lk:idPrefix "workshop" ; lk:key "id" .
lk:mentors a owl:ObjectProperty ;
    rdfs:label "师带徒"@zh , "mentors"@en ; rdfs:comment "A master mentors an apprentice."@en ;
    rdfs:domain lk:Person ; rdfs:range lk:Person ; lk:graphType "MENTORS" .
lk:workshopCode a owl:DatatypeProperty ;
    rdfs:label "车间编号"@zh , "workshop code"@en ; rdfs:comment "Code of a workshop."@en ;
    rdfs:domain lk:Workshop ; rdfs:range xsd:string ; lk:graphProperty "workshop_code" ; lk:indexed true .
"""


def copy_ontology(tmp: Path, extra: dict[str, str]) -> Path:
    """A copy of ontology/ with Turtle appended to some of its files."""
    target = tmp / "ontology"
    shutil.copytree(ontology_dir(), target)
    for name, text in extra.items():
        with open(target / name, "a", encoding="utf-8") as f:
            f.write("\n" + text)
    return target


# ---------------------------------------------------------------- extraction


def _extract(text: str, onto_dir: Path | None, tmp: Path) -> dict:
    article = tmp / "a.txt"
    article.write_text(text, encoding="utf-8")
    env = {**os.environ}
    if onto_dir is not None:
        env["LABOURKG_ONTOLOGY_DIR"] = str(onto_dir)
    r = subprocess.run([sys.executable, "-m", "labourkg", "extract", str(article)], capture_output=True, text=True,
                       env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.splitlines()[0])


def test_a_new_honour_in_turtle_is_extracted(tmp_path: Path) -> None:
    pytest.importorskip("labourkg.extract.pipeline")
    text = "茂名石化员工李建国荣获油城金匠奖，并带领团队攻克难题。"
    before = _extract(text, None, tmp_path)
    assert "油城金匠奖" not in {e["name"] for e in before["entities"] if e["type"] == "Honour"}
    onto_dir = copy_ontology(tmp_path, {"vocab/honours.ttl": NEW_HONOUR})
    after = _extract(text, onto_dir, tmp_path)
    honours = {e["id"]: e["name"] for e in after["entities"] if e["type"] == "Honour"}
    assert honours.get("honour:youcheng-golden-craftsman") == "油城金匠奖"
    assert any(r["type"] == "RECEIVED" and r["object"] == "honour:youcheng-golden-craftsman" for r in after["relations"])


def test_a_new_altlabel_changes_the_vocabulary_index(tmp_path: Path) -> None:
    original = load_ontology()
    assert VocabIndex(original, "industries").lookup("电子信息制造") is None
    onto = load_ontology(copy_ontology(tmp_path, {"vocab/industries.ttl": NEW_ALIASES}), use_cache=False)
    idx = VocabIndex(onto, "industries")
    assert idx.lookup("电子信息制造").id == "industry:C39"
    assert [c.id for c, _ in idx.find_in("从事电子信息制造十年")] == ["industry:C39"]


# ---------------------------------------------------------------- registers


def _write_register(folder: Path) -> Path:
    folder.mkdir()
    (folder / "craftsmen.csv").write_text("id,name,skills,industries\nc01,王五,激光熔敷,电子信息制造\n", encoding="utf-8")
    return folder


def test_a_new_concept_and_altlabel_change_what_a_register_loads(tmp_path: Path, store, server) -> None:
    folder = _write_register(tmp_path / "reg")
    links = ("MATCH (p:Person {register_id: 'c01'}) OPTIONAL MATCH (p)-[:HAS_SKILL]->(s:Skill) "
             "OPTIONAL MATCH (p)-[:IN_INDUSTRY]->(i:Industry) RETURN s.id, s.reviewed, i.id")
    original = load_ontology()
    load_roster(store, original, folder)
    # neither value is in the vocabulary yet: no industry link, the skill is not the vocabulary's
    assert all(row[2] is None and row[0] != "skill:laser-cladding" for row in store.read(links).rows)

    onto = load_ontology(copy_ontology(tmp_path, {"vocab/skills.ttl": NEW_ALIASES}), use_cache=False)
    from labourkg.store.falkordb import FalkorDBStore

    other = FalkorDBStore(unix_socket=str(server.socket), graph=store.graph_name + "_b")
    try:
        other.ensure_schema(onto)
        report = load_roster(other, onto, folder)
        assert report.errors == []
        assert other.read(links).rows == [["skill:laser-cladding", True, "industry:C39"]]
    finally:
        other.graph.delete()
        other.close()


# ---------------------------------------------------------------- store schema, Cypher, RDF


def test_store_schema_comes_from_the_ontology(tmp_path: Path, store, monkeypatch) -> None:
    # the statements below use a label and a type only the modified copy defines: keep them out of
    # the log that tests/test_zz_cypher_check.py checks against the packaged ontology
    monkeypatch.delenv("LABOURKG_CYPHER_LOG", raising=False)
    original = load_ontology()
    with pytest.raises(UnknownTermError):
        original.label("Workshop")
    onto = load_ontology(copy_ontology(tmp_path, {"labourkg.ttl": NEW_MODEL}), use_cache=False)
    assert onto.node_type("Workshop").id_prefix == "workshop"
    assert "Workshop" in onto.rel_types["HAS_SKILL"].domain  # a sub-class of lk:Agent gets the Agent's links
    assert onto.rel_types["MENTORS"].domain == ("Person",)
    plan = store.schema_plan(onto)
    assert "CREATE INDEX FOR (n:Workshop) ON (n.id)" in plan.statements
    assert "CREATE INDEX FOR (n:Workshop) ON (n.workshop_code)" in plan.statements
    assert "CREATE INDEX FOR (n:Workshop) ON (n.name)" in plan.statements
    assert any(cmd[5] == "Workshop" and cmd[-1] == "id" for cmd in plan.commands)
    assert not any("Workshop" in s for s in store.schema_plan(original).statements)
    # the store takes the new label and relationship type, and the RDF export names them by their IRIs
    store.ensure_schema(onto)
    w = GraphWriter(store, onto)
    w.node(NodeRecord("Workshop", "workshop:焊接车间", {"name": "焊接车间", "workshop_code": "W1"}, [], "roster:x:1"))
    w.node(NodeRecord("Person", "person:甲", {"name": "甲"}, [], "roster:x:2"))
    w.node(NodeRecord("Person", "person:乙", {"name": "乙"}, [], "roster:x:3"))
    w.flush()
    w.rel(RelRecord("MENTORS", "Person", "person:甲", "Person", "person:乙", {}, "roster:x:2"))
    w.flush()
    assert "MENTORS" in cypher.merge_relationships(onto, "Person", "MENTORS", "Person")
    g = rdf.union_graph(rdf.export_dataset(store, onto))
    lk = rdf.LKNS
    assert (rdf.lkid_iri("workshop:焊接车间"), rdf.RDF.type, lk.Workshop) in g
    assert (rdf.lkid_iri("person:甲"), lk.mentors, rdf.lkid_iri("person:乙")) in g
