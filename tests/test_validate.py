"""SHACL validation: a clean graph conforms, and every constraint that shapes.ttl declares catches
deliberately broken data (one case per constraint; a constraint without a case fails the suite)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import PROV, SH

from _rdf_data import ARTICLE, populate
from labourkg import rdf
from labourkg.resources import ontology_dir
from labourkg.validate import load_shapes, validate_graph, validate_store

LK = rdf.LKNS
ORG = rdf.ORG

# the SHACL parameter -> the constraint component it creates (lk: ones are expanded by labourkg.validate)
COMPONENTS = {SH.minCount: "MinCount", SH.maxCount: "MaxCount", SH.datatype: "Datatype", SH.pattern: "Pattern",
              SH.minLength: "MinLength", SH.minInclusive: "MinInclusive", SH.maxInclusive: "MaxInclusive",
              SH["in"]: "In", SH["class"]: "Class", LK.valuesInScheme: "In", LK.patternFromIdPrefix: "Pattern"}


def _short(g: Graph, node) -> str:
    return g.namespace_manager.normalizeUri(node)


def declared_constraints() -> set[tuple[str, str, str]]:
    """(shape, path, component) for every constraint in ontology/shapes.ttl as written."""
    g = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    out: set[tuple[str, str, str]] = set()
    for ps in set(g.subjects(SH.path, None)):
        owner = ps if isinstance(ps, URIRef) else next(iter(g.subjects(SH.property, ps)))
        for param, comp in COMPONENTS.items():
            if (ps, param, None) in g:
                out.add((_short(g, owner), _short(g, g.value(ps, SH.path)), comp))
    return out


@dataclass
class H:
    """Handles on the clean sample graph."""

    g: Graph
    onto: object

    def node(self, gid: str) -> URIRef:
        return rdf.node_iri(self.onto, gid)

    def record(self, cls: URIRef, pred: URIRef | None = None) -> URIRef:
        recs = sorted(self.g.subjects(RDF.type, cls))
        if pred is not None:
            recs = [r for r in recs if self.g.value(r, RDF.predicate) == pred]
        return recs[0]

    @property
    def P(self) -> URIRef:
        return self.node("person:张建国")

    @property
    def E(self) -> URIRef:
        return self.node("enterprise:甲科技有限公司")

    @property
    def A(self) -> URIRef:
        return self.node(ARTICLE)

    @property
    def conf(self) -> URIRef:
        return self.record(LK.Conferral)

    @property
    def eng(self) -> URIRef:
        return self.record(LK.Engagement)

    @property
    def job(self) -> URIRef:
        return self.record(LK.Employment)

    @property
    def visit(self) -> URIRef:
        return self.record(LK.RelationshipRecord, LK.visited)

    def set(self, s, p, value) -> None:
        self.g.remove((s, p, None))
        self.g.add((s, p, value if isinstance(value, URIRef | Literal) else Literal(value)))

    def add(self, s, p, value) -> None:
        self.g.add((s, p, value if isinstance(value, URIRef | Literal) else Literal(value)))

    def drop(self, s, p) -> None:
        self.g.remove((s, p, None))


SKILL, PLACE, HONOUR, INDUSTRY, UNION = ("skill:welding", "place:440902", "honour:national-labour-model",
                                         "industry:C39", "union:茂名市总工会")

# (shape, path, component) -> how to break it; the expected focus node is returned
CASES: dict[tuple[str, str, str], Callable[[H], URIRef]] = {
    ("lks:EntityId", "lk:id", "MinCount"): lambda h: (h.drop(h.P, LK.id), h.P)[1],
    ("lks:EntityId", "lk:id", "MaxCount"): lambda h: (h.add(h.P, LK.id, "person:别名"), h.P)[1],
    ("lks:EntityId", "lk:id", "Datatype"): lambda h: (h.set(h.P, LK.id, Literal(7)), h.P)[1],
    ("lks:EntityId", "lk:id", "Pattern"): lambda h: (h.set(h.P, LK.id, "张建国"), h.P)[1],
    ("lks:EntityName", "lk:name", "MinCount"): lambda h: (h.drop(h.P, LK.name), h.P)[1],
    ("lks:EntityName", "lk:name", "MaxCount"): lambda h: (h.add(h.P, LK.name, "张三"), h.P)[1],
    ("lks:EntityName", "lk:name", "MinLength"): lambda h: (h.set(h.P, LK.name, Literal("")), h.P)[1],
    ("lks:EntitySources", "prov:wasDerivedFrom", "MinCount"): lambda h: (h.drop(h.P, PROV.wasDerivedFrom), h.P)[1],
    ("lks:IdPrefix", "lk:id", "Pattern"): lambda h: (h.set(h.P, LK.id, "org:张建国"), h.P)[1],
    ("lks:ArticleShape", "lk:sha256", "MinCount"): lambda h: (h.drop(h.A, LK.sha256), h.A)[1],
    ("lks:ArticleShape", "lk:sha256", "MaxCount"): lambda h: (h.add(h.A, LK.sha256, "cd" * 32), h.A)[1],
    ("lks:ArticleShape", "lk:sha256", "Pattern"): lambda h: (h.set(h.A, LK.sha256, "XYZ"), h.A)[1],
    ("lks:ArticleShape", "lk:id", "Pattern"): lambda h: (h.set(h.A, LK.id, "article:abc"), h.A)[1],
    ("lks:ArticleShape", "lk:chars", "MaxCount"): lambda h: (h.add(h.A, LK.chars, Literal(5)), h.A)[1],
    ("lks:ArticleShape", "lk:chars", "Datatype"): lambda h: (h.set(h.A, LK.chars, "many"), h.A)[1],
    ("lks:ArticleShape", "lk:chars", "MinInclusive"): lambda h: (h.set(h.A, LK.chars, Literal(-1)), h.A)[1],
    ("lks:ArticleShape", "lk:date", "MaxCount"): lambda h: (h.add(h.A, LK.date, Literal("2024-01-01", datatype=rdf.XSD.date)), h.A)[1],
    ("lks:ArticleShape", "lk:date", "Datatype"): lambda h: (h.set(h.A, LK.date, "yesterday"), h.A)[1],
    ("lks:CapacityShape", "lk:capacity", "MaxCount"): lambda h: (h.add(h.P, LK.capacity, Literal(5)), h.P)[1],
    ("lks:CapacityShape", "lk:capacity", "Datatype"): lambda h: (h.set(h.P, LK.capacity, "two"), h.P)[1],
    ("lks:CapacityShape", "lk:capacity", "MinInclusive"): lambda h: (h.set(h.P, LK.capacity, Literal(-1)), h.P)[1],
    ("lks:EnterpriseShape", "lk:tier", "MaxCount"): lambda h: (h.add(h.E, LK.tier, h.onto.scheme("smeTiers")[-1].local), h.E)[1],
    ("lks:EnterpriseShape", "lk:tier", "In"): lambda h: (h.set(h.E, LK.tier, "huge"), h.E)[1],
    ("lks:EnterpriseShape", "lk:serviceTypes", "In"): lambda h: (h.add(h.E, LK.serviceTypes, "cooking"), h.E)[1],
    ("lks:EnterpriseShape", "lk:creditCode", "MaxCount"): lambda h: (h.add(h.E, LK.creditCode, "91440900MA4UABCD2X"), h.E)[1],
    ("lks:EnterpriseShape", "lk:creditCode", "Pattern"): lambda h: (h.set(h.E, LK.creditCode, "123"), h.E)[1],
    ("lks:EnterpriseShape", "lk:size", "MaxCount"): lambda h: (h.add(h.E, LK.size, "中"), h.E)[1],
    ("lks:EnterpriseShape", "lk:size", "In"): lambda h: (h.set(h.E, LK.size, "巨"), h.E)[1],
    ("lks:RegionCodeShape", "lk:regionCode", "MaxCount"): lambda h: (h.add(h.P, LK.regionCode, "440903"), h.P)[1],
    ("lks:RegionCodeShape", "lk:regionCode", "Pattern"): lambda h: (h.set(h.P, LK.regionCode, "44"), h.P)[1],
    ("lks:HasSkillTarget", "lk:hasSkill", "Class"): lambda h: (h.add(h.P, LK.hasSkill, h.node(PLACE)), h.P)[1],
    ("lks:NeedsTarget", "lk:needs", "Class"): lambda h: (h.add(h.E, LK.needs, h.node(PLACE)), h.E)[1],
    ("lks:ReceivedTarget", "lk:received", "Class"): lambda h: (h.add(h.P, LK.received, h.node(SKILL)), h.P)[1],
    ("lks:InIndustryTarget", "lk:inIndustry", "Class"): lambda h: (h.add(h.P, LK.inIndustry, h.node(PLACE)), h.P)[1],
    ("lks:LocatedInTarget", "lk:locatedIn", "Class"): lambda h: (h.add(h.P, LK.locatedIn, h.node(INDUSTRY)), h.P)[1],
    ("lks:WorksForTarget", "lk:worksFor", "Class"): lambda h: (h.add(h.P, LK.worksFor, h.node(SKILL)), h.P)[1],
    ("lks:EngagedTarget", "lk:engaged", "Class"): lambda h: (h.add(h.P, LK.engaged, h.node(UNION)), h.P)[1],
    ("lks:RecordShape", "rdf:subject", "MinCount"): lambda h: (h.drop(h.visit, RDF.subject), h.visit)[1],
    ("lks:RecordShape", "rdf:subject", "MaxCount"): lambda h: (h.add(h.visit, RDF.subject, h.P), h.visit)[1],
    ("lks:RecordShape", "rdf:predicate", "MinCount"): lambda h: (r := h.visit, h.drop(r, RDF.predicate), r)[-1],
    ("lks:RecordShape", "rdf:predicate", "MaxCount"): lambda h: (h.add(h.visit, RDF.predicate, LK.helped), h.visit)[1],
    ("lks:RecordShape", "rdf:object", "MinCount"): lambda h: (h.drop(h.visit, RDF.object), h.visit)[1],
    ("lks:RecordShape", "rdf:object", "MaxCount"): lambda h: (h.add(h.visit, RDF.object, h.P), h.visit)[1],
    ("lks:RecordShape", "prov:wasDerivedFrom", "MinCount"): lambda h: (h.drop(h.visit, PROV.wasDerivedFrom), h.visit)[1],
    ("lks:RecordShape", "lk:confidence", "MaxCount"): lambda h: (h.add(h.visit, LK.confidence, Literal(0.5)), h.visit)[1],
    ("lks:RecordShape", "lk:confidence", "MinInclusive"): lambda h: (h.set(h.visit, LK.confidence, Literal(-0.5)), h.visit)[1],
    ("lks:RecordShape", "lk:confidence", "MaxInclusive"): lambda h: (h.set(h.visit, LK.confidence, Literal(1.5)), h.visit)[1],
    ("lks:RecordShape", "lk:evidence", "Pattern"): lambda h: (h.set(h.visit, LK.evidence, "page 3"), h.visit)[1],
    ("lks:ConferralShape", "lk:honour", "MinCount"): lambda h: (h.drop(h.conf, LK.honour), h.conf)[1],
    ("lks:ConferralShape", "lk:honour", "MaxCount"): lambda h: (h.add(h.conf, LK.honour, h.node("honour:x")), h.conf)[1],
    ("lks:ConferralShape", "lk:honour", "Class"): lambda h: (h.set(h.conf, LK.honour, h.node(SKILL)), h.conf)[1],
    ("lks:ConferralShape", "lk:recipient", "MinCount"): lambda h: (h.drop(h.conf, LK.recipient), h.conf)[1],
    ("lks:ConferralShape", "lk:recipient", "MaxCount"): lambda h: (h.add(h.conf, LK.recipient, h.E), h.conf)[1],
    ("lks:ConferralShape", "lk:recipient", "Class"): lambda h: (h.set(h.conf, LK.recipient, h.node(HONOUR)), h.conf)[1],
    ("lks:ConferralShape", "lk:year", "MaxCount"): lambda h: (h.add(h.conf, LK.year, Literal(2021)), h.conf)[1],
    ("lks:ConferralShape", "lk:year", "Datatype"): lambda h: (h.set(h.conf, LK.year, "2020"), h.conf)[1],
    ("lks:ConferralShape", "lk:year", "MinInclusive"): lambda h: (h.set(h.conf, LK.year, Literal(1949)), h.conf)[1],
    ("lks:ConferralShape", "lk:year", "MaxInclusive"): lambda h: (h.set(h.conf, LK.year, Literal(2101)), h.conf)[1],
    ("lks:EngagementShape", "lk:provider", "MinCount"): lambda h: (h.drop(h.eng, LK.provider), h.eng)[1],
    ("lks:EngagementShape", "lk:provider", "MaxCount"): lambda h: (h.add(h.eng, LK.provider, h.node(UNION)), h.eng)[1],
    ("lks:EngagementShape", "lk:provider", "Class"): lambda h: (h.set(h.eng, LK.provider, h.node(INDUSTRY)), h.eng)[1],
    ("lks:EngagementShape", "lk:client", "MinCount"): lambda h: (h.drop(h.eng, LK.client), h.eng)[1],
    ("lks:EngagementShape", "lk:client", "MaxCount"): lambda h: (h.add(h.eng, LK.client, h.node("enterprise:乙")), h.eng)[1],
    ("lks:EngagementShape", "lk:client", "Class"): lambda h: (h.set(h.eng, LK.client, h.P), h.eng)[1],
    ("lks:EngagementShape", "lk:date", "MinCount"): lambda h: (h.drop(h.eng, LK.date), h.eng)[1],
    ("lks:EngagementShape", "lk:date", "MaxCount"): lambda h: (h.add(h.eng, LK.date, Literal("2025-03-05", datatype=rdf.XSD.date)), h.eng)[1],
    ("lks:EngagementShape", "lk:date", "Datatype"): lambda h: (h.set(h.eng, LK.date, "2025/03/04"), h.eng)[1],
    ("lks:EngagementShape", "lk:period", "MaxCount"): lambda h: (h.add(h.eng, LK.period, "2025Q2"), h.eng)[1],
    ("lks:EngagementShape", "lk:period", "Pattern"): lambda h: (h.set(h.eng, LK.period, "2025-Q1"), h.eng)[1],
    ("lks:EngagementShape", "lk:serviceType", "MaxCount"): lambda h: (h.add(h.eng, LK.serviceType, h.onto.scheme("serviceTypes")[-1].local), h.eng)[1],
    ("lks:EngagementShape", "lk:serviceType", "In"): lambda h: (h.set(h.eng, LK.serviceType, "cooking"), h.eng)[1],
    ("lks:EmploymentShape", "org:member", "MinCount"): lambda h: (h.drop(h.job, ORG.member), h.job)[1],
    ("lks:EmploymentShape", "org:member", "MaxCount"): lambda h: (h.add(h.job, ORG.member, h.node("person:李四")), h.job)[1],
    ("lks:EmploymentShape", "org:member", "Class"): lambda h: (h.set(h.job, ORG.member, h.E), h.job)[1],
    ("lks:EmploymentShape", "org:organization", "MinCount"): lambda h: (h.drop(h.job, ORG.organization), h.job)[1],
    ("lks:EmploymentShape", "org:organization", "MaxCount"): lambda h: (h.add(h.job, ORG.organization, h.node(UNION)), h.job)[1],
    ("lks:EmploymentShape", "org:organization", "Class"): lambda h: (h.set(h.job, ORG.organization, h.P), h.job)[1],
    ("lks:EmploymentShape", "lk:position", "MaxCount"): lambda h: (h.add(h.job, LK.position, "主任"), h.job)[1],
}


@pytest.fixture(scope="module")
def clean(module_store, onto) -> Graph:
    populate(module_store, onto)
    return rdf.union_graph(rdf.export_dataset(module_store, onto))


@pytest.fixture(scope="module")
def shapes(onto) -> Graph:
    return load_shapes(onto)


def test_clean_sample_conforms(clean: Graph, onto, shapes: Graph) -> None:
    report = validate_graph(clean, onto, shapes=shapes)
    assert report.conforms, [v.row() for v in report.violations]


def test_every_declared_constraint_has_a_case() -> None:
    declared = declared_constraints()
    assert len(declared) > 60
    assert sorted(declared - set(CASES)) == [], "constraints in shapes.ttl without a test case"
    assert sorted(set(CASES) - declared) == [], "test cases for constraints shapes.ttl does not declare"


def test_scheme_values_are_expanded_from_the_vocabulary(onto, shapes: Graph) -> None:
    allowed = set()
    for lst in shapes.objects(None, SH["in"]):
        from rdflib.collection import Collection

        allowed |= {str(v) for v in Collection(shapes, lst)}
    assert {c.local for c in onto.scheme("smeTiers")} <= allowed
    assert {c.local for c in onto.scheme("serviceTypes")} <= allowed


@pytest.mark.parametrize("key", sorted(CASES), ids=lambda k: f"{k[0].split(':')[1]}-{k[1]}-{k[2]}")
def test_broken_data_violates_the_constraint(key, clean: Graph, onto, shapes: Graph) -> None:
    g = Graph()
    for t in clean:
        g.add(t)
    h = H(g, onto)
    focus = CASES[key](h)
    shape, path, component = key
    report = validate_graph(g, onto, shapes=shapes)
    assert not report.conforms
    focus_text = str(clean.value(focus, LK.id) or "")
    hits = [v for v in report.violations
            if v.shape.split("-")[0] == shape and v.path == path and v.component == f"{component}ConstraintComponent"]
    assert hits, f"no {component} violation on {path} from {shape}; got {[(v.shape, v.path, v.component) for v in report.violations]}"
    if focus_text and path != "lk:id":
        assert any(v.focus == focus_text for v in hits), [v.focus for v in hits]
    assert all(v.message and v.focus for v in hits)


def test_store_violations_are_reported_readably(store, onto) -> None:
    populate(store, onto)
    assert validate_store(store, onto).conforms
    store.write("MATCH (n:Person {id: 'person:张建国'}) SET n.capacity = -1")
    store.write("MATCH (n:Enterprise) SET n.tier = 'huge', n.sources = []")
    store.write("MATCH ()-[r:RECEIVED]->() SET r.year = 1900")
    report = validate_store(store, onto)
    assert not report.conforms
    rows = {(v.focus, v.path, v.value) for v in report.violations}
    assert ("person:张建国", "lk:capacity", "-1") in rows
    assert ("enterprise:甲科技有限公司", "lk:tier", "huge") in rows
    assert ("enterprise:甲科技有限公司", "prov:wasDerivedFrom", "") in rows
    assert ("person:张建国 -RECEIVED-> honour:national-labour-model", "lk:year", "1900") in rows
    messages = {v.message for v in report.violations}
    assert any("no source" in m for m in messages)


def test_cli_validate_exit_codes(store, onto, cli) -> None:
    populate(store, onto)
    ok = cli("validate")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "conforms" in ok.stdout
    store.write("MATCH (n:Person) SET n.capacity = -3")
    bad = cli("validate")
    assert bad.returncode == 1
    assert "person:张建国" in bad.stdout and "capacity" in bad.stdout and "does not conform" in bad.stderr
    js = cli("validate", "--format", "json")
    assert js.returncode == 1
    data = json.loads(js.stdout)
    assert data["conforms"] is False and data["violations"][0]["focus"] == "person:张建国"


def test_validate_an_rdf_file(store, onto, cli, tmp_path) -> None:
    populate(store, onto)
    ds = rdf.export_dataset(store, onto)
    g = rdf.union_graph(ds)
    g.remove((rdf.node_iri(onto, "person:张建国"), LK.name, None))
    path = tmp_path / "broken.ttl"
    g.serialize(str(path), format="turtle")
    r = cli("validate", "--rdf", str(path), "--format", "csv")
    assert r.returncode == 1
    assert "person:张建国,lk:name" in r.stdout
