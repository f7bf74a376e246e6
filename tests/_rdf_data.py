"""A small graph that touches every class, relationship record and shape (for the RDF and SHACL tests)."""

from __future__ import annotations

from labourkg.load.articles import write_extraction
from labourkg.load.writer import GraphWriter, NodeRecord, RelRecord
from labourkg.ontology import Ontology
from labourkg.store.base import GraphStore

SHA = "ab" * 32
ARTICLE = f"article:{SHA}"
C01 = "roster:craftsmen:c01"
E01 = "roster:enterprises:e01"
VOC = "ontology:test"


def extraction_doc() -> dict:
    return {
        "article": {"id": SHA, "path": "seeds/a 1.txt", "title": "劳模助企", "date": "2025-01-02", "chars": 120},
        "entities": [
            {"id": "person:张建国", "type": "Person", "name": "张建国", "aliases": ["张师傅"],
             "mentions": [{"start": 0, "end": 3, "text": "张建国"}, {"start": 30, "end": 33, "text": "张建国"}],
             "attributes": {"roles": ["labour_model", "craftsman"]}},
            {"id": "honour:national-labour-model", "type": "Honour", "name": "全国劳动模范",
             "mentions": [{"start": 5, "end": 11, "text": "全国劳动模范"}]},
            {"id": "enterprise:甲科技有限公司", "type": "Enterprise", "name": "甲科技有限公司",
             "mentions": [{"start": 40, "end": 47, "text": "甲科技有限公司"}]},
            {"id": "union:茂名市总工会", "type": "Union", "name": "茂名市总工会",
             "mentions": [{"start": 60, "end": 66, "text": "茂名市总工会"}]},
        ],
        "relations": [
            {"type": "RECEIVED", "subject": "person:张建国", "object": "honour:national-labour-model",
             "attributes": {"year": 2020}, "evidence": {"start": 0, "end": 11}, "confidence": 0.9},
            {"type": "WORKS_FOR", "subject": "person:张建国", "object": "enterprise:甲科技有限公司",
             "attributes": {"position": "工程师"}, "evidence": {"start": 0, "end": 47}, "confidence": 0.8},
            {"type": "VISITED", "subject": "union:茂名市总工会", "object": "enterprise:甲科技有限公司",
             "evidence": {"start": 50, "end": 70}, "confidence": 0.7},
        ],
    }


def populate(store: GraphStore, onto: Ontology) -> None:
    """Vocabulary-like nodes, register rows and one extracted article."""
    tier = onto.scheme("smeTiers")[0].local
    service = onto.scheme("serviceTypes")[0].local
    w = GraphWriter(store, onto)
    for label, nid, name in (("Honour", "honour:national-labour-model", "全国劳动模范"), ("Skill", "skill:welding", "焊接"),
                             ("Industry", "industry:C39", "计算机、通信和其他电子设备制造业"),
                             ("Place", "place:440902", "茂南区")):
        w.node(NodeRecord(label, nid, {"name": name, "code": nid.split(":")[1]}, [], VOC))
    w.flush()
    write_extraction(w, extraction_doc())
    w.flush()
    w.node(NodeRecord("Person", "person:张建国", {"name": "张建国", "register_id": "c01", "capacity": 2,
                                                 "region_code": "440902"}, [], C01))
    w.node(NodeRecord("Enterprise", "enterprise:甲科技有限公司", {
        "name": "甲科技有限公司", "register_id": "e01", "tier": tier, "service_types": [service], "size": "小",
        "credit_code": "91440900MA4UABCD1X", "region_code": "440902", "needs": "焊接质量"}, [], E01))
    w.flush()
    for rel, s_label, s, o_label, o, props, src in (
        ("RECEIVED", "Person", "person:张建国", "Honour", "honour:national-labour-model", {"year": 2020}, C01),
        ("HAS_SKILL", "Person", "person:张建国", "Skill", "skill:welding", {}, C01),
        ("IN_INDUSTRY", "Person", "person:张建国", "Industry", "industry:C39", {}, C01),
        ("LOCATED_IN", "Person", "person:张建国", "Place", "place:440902", {}, C01),
        ("WORKS_FOR", "Person", "person:张建国", "Enterprise", "enterprise:甲科技有限公司", {"position": "工程师"}, C01),
        ("IN_INDUSTRY", "Enterprise", "enterprise:甲科技有限公司", "Industry", "industry:C39", {}, E01),
        ("LOCATED_IN", "Enterprise", "enterprise:甲科技有限公司", "Place", "place:440902", {}, E01),
        ("NEEDS", "Enterprise", "enterprise:甲科技有限公司", "Skill", "skill:welding", {}, E01),
        ("ENGAGED", "Person", "person:张建国", "Enterprise", "enterprise:甲科技有限公司",
         {"date": "2025-03-04", "period": "2025Q1", "service_type": service, "outcome": "良品率提升"},
         "roster:engagements:2"),
    ):
        w.rel(RelRecord(rel, s_label, s, o_label, o, props, src))
    w.flush()
