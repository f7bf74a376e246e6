"""RDF export and import: named graphs per source, PROV, n-ary records, lossless round trips."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from _rdf_data import ARTICLE, C01, SHA, populate
from labourkg import rdf
from labourkg.load.vocabulary import load_vocabulary
from labourkg.ontology import LK
from labourkg.store.falkordb import FalkorDBStore

LKNS = rdf.LKNS


@pytest.fixture
def other_store(server, onto):
    s = FalkorDBStore(unix_socket=str(server.socket), graph=f"t_{uuid.uuid4().hex[:10]}")
    s.ensure_schema(onto)
    yield s
    try:
        s.graph.delete()
    except Exception:
        pass
    s.close()


@pytest.fixture
def sample(store, onto):
    populate(store, onto)
    return store


def assert_same_dataset(a: Dataset, b: Dataset) -> None:
    ga = {g.identifier: g for g in a.graphs() if len(g)}
    gb = {g.identifier: g for g in b.graphs() if len(g)}
    assert sorted(ga) == sorted(gb)
    for gid, g in ga.items():
        assert isomorphic(g, gb[gid]), f"named graph {gid} differs: {set(g) ^ set(gb[gid])}"
    assert isomorphic(rdf.union_graph(a), rdf.union_graph(b))


# ---------------------------------------------------------------- mapping


@pytest.mark.parametrize("gid", ["person:高凤林", "person:王 伟@茂名石化", "org:a/b#c?d", "x:50%:y", "skill:C++ 焊接\u3000x", "plain"])
def test_ids_and_iris_are_a_bijection(gid: str) -> None:
    iri = rdf.lkid_iri(gid)
    assert " " not in iri and "#" not in iri and "?" not in iri and "\u3000" not in iri
    assert rdf.id_of_lkid(str(iri)) == gid


def test_graph_iris_per_source() -> None:
    assert rdf.graph_iri(ARTICLE) == rdf.LKID[f"graph/article/{SHA}"]
    assert rdf.graph_iri("roster:craftsmen:c01") == rdf.graph_iri("roster:craftsmen:c77") == rdf.LKID["graph/roster/craftsmen"]
    assert rdf.graph_iri("ontology:0.3.0") == rdf.VOCABULARY_GRAPH
    assert rdf.graph_iri(None) == rdf.UNSOURCED_GRAPH


def test_record_classes_come_from_the_ontology() -> None:
    model = rdf.rdf_model()
    assert model.records["RECEIVED"].iri == LK + "Conferral"
    assert model.records["ENGAGED"].iri == LK + "Engagement"
    assert model.records["WORKS_FOR"].iri == LK + "Employment"
    assert model.records["WORKS_FOR"].subject_property == "http://www.w3.org/ns/org#member"
    assert {"aliases", "roles", "service_types", "sources", "evidence"} <= model.multi_valued


# ---------------------------------------------------------------- export


def test_article_facts_are_in_the_articles_named_graph_with_prov(sample, onto) -> None:
    ds = rdf.export_dataset(sample, onto)
    art = rdf.source_iri(ARTICLE)
    g = ds.graph(rdf.graph_iri(ARTICLE))
    person = rdf.lkid_iri("person:张建国")
    assert (art, RDF.type, LKNS.Article) in g
    assert (art, LKNS.sha256, Literal(SHA)) in g
    assert (person, PROV.wasDerivedFrom, art) in g
    assert (person, LKNS.received, URIRef("https://w3id.org/labourkg/vocab/honour/national-labour-model")) in g
    # the default graph says where the named graph comes from and what made it
    d = ds.default_graph
    gid = rdf.graph_iri(ARTICLE)
    assert (gid, PROV.wasDerivedFrom, art) in d
    activity = d.value(gid, PROV.wasGeneratedBy)
    assert activity is not None and (activity, PROV.used, art) in d
    agent = d.value(activity, PROV.wasAssociatedWith)
    assert (agent, RDF.type, PROV.SoftwareAgent) in d
    assert str(d.value(agent, rdf.SCHEMA.softwareVersion)) == rdf.extractor_version()
    # mentions keep their spans and texts
    spans = {(int(g.value(s, LKNS.start)), int(g.value(s, LKNS.end)), str(g.value(s, LKNS.text)))
             for s in g.subjects(RDF.type, LKNS.TextSpan)}
    assert (0, 3, "张建国") in spans and (30, 33, "张建国") in spans


def test_register_facts_are_in_one_graph_per_table(sample, onto) -> None:
    ds = rdf.export_dataset(sample, onto)
    g = ds.graph(rdf.LKID["graph/roster/craftsmen"])
    row = rdf.source_iri(C01)
    person = rdf.lkid_iri("person:张建国")
    assert (person, PROV.wasDerivedFrom, row) in g
    assert (person, LKNS.capacity, Literal(2)) in g
    assert (row, RDF.type, LKNS.RegisterRow) in g
    assert (row, LKNS.inRegister, rdf.LKID["roster/craftsmen"]) in g
    # the enterprise's register row is in another graph, the article's facts are not here
    assert (rdf.lkid_iri("enterprise:甲科技有限公司"), None, None) not in g
    assert (None, PROV.wasDerivedFrom, rdf.source_iri(ARTICLE)) not in g
    assert len(ds.graph(rdf.LKID["graph/roster/engagements"])) > 0


def test_conferral_engagement_and_employment_records(sample, onto) -> None:
    g = rdf.union_graph(rdf.export_dataset(sample, onto))
    (conf,) = set(g.subjects(RDF.type, LKNS.Conferral))
    assert g.value(conf, LKNS.year) == Literal(2020)
    assert g.value(conf, LKNS.recipient) == rdf.lkid_iri("person:张建国")
    assert g.value(conf, RDF.predicate) == LKNS.received
    assert str(g.value(conf, LKNS.conferredBy) or "") in ("", "中共中央、国务院")  # when the honour names its body
    assert set(g.objects(conf, PROV.wasDerivedFrom)) == {rdf.source_iri(ARTICLE), rdf.source_iri(C01)}
    assert [str(e) for e in g.objects(conf, LKNS.evidence)] == [f"{ARTICLE}#0-11"]
    (eng,) = set(g.subjects(RDF.type, LKNS.Engagement))
    assert str(g.value(eng, LKNS.date)) == "2025-03-04" and str(g.value(eng, LKNS.period)) == "2025Q1"
    assert g.value(eng, LKNS.client) == rdf.lkid_iri("enterprise:甲科技有限公司")
    (job,) = set(g.subjects(RDF.type, LKNS.Employment))
    assert str(g.value(job, LKNS.position)) == "工程师"
    assert g.value(job, rdf.ORG.organization) == rdf.lkid_iri("enterprise:甲科技有限公司")


def test_vocabulary_concepts_have_their_own_graph(store, onto) -> None:
    load_vocabulary(store, onto)
    ds = rdf.export_dataset(store, onto)
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert rdf.VOCABULARY_GRAPH in names
    voc = ds.graph(rdf.VOCABULARY_GRAPH)
    c = onto.scheme("industries")[0]
    assert (URIRef(c.iri), LKNS.id, Literal(c.id)) in voc
    assert (rdf.VOCABULARY_GRAPH, PROV.wasDerivedFrom, rdf.ONTOLOGY_IRI) in ds.default_graph


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", ["nquads", "trig", "json-ld"])
def test_export_import_export_is_isomorphic(sample, other_store, onto, tmp_path: Path, fmt: str) -> None:
    first = rdf.export_dataset(sample, onto)
    path = tmp_path / f"g.{rdf.FORMATS[fmt]}"
    rdf.serialize(first, fmt, path)
    report = rdf.import_dataset(other_store, onto, rdf.read_rdf(path))
    assert report.skipped == []
    second = rdf.export_dataset(other_store, onto)
    assert_same_dataset(first, second)


def test_round_trip_with_the_whole_vocabulary(sample, other_store, onto) -> None:
    load_vocabulary(sample, onto)
    first = rdf.export_dataset(sample, onto, batch_size=97)  # several pages per label
    rdf.import_dataset(other_store, onto, first, batch_size=500)
    assert_same_dataset(first, rdf.export_dataset(other_store, onto))


def test_turtle_keeps_the_facts_and_their_sources(sample, other_store, onto, tmp_path: Path) -> None:
    first = rdf.export_dataset(sample, onto)
    path = tmp_path / "g.ttl"
    rdf.serialize(first, "turtle", path)
    rdf.import_dataset(other_store, onto, rdf.read_rdf(path))
    again = rdf.export_dataset(other_store, onto)
    assert_same_dataset(first, again)  # the named graphs are rebuilt from prov:wasDerivedFrom


def test_import_is_idempotent(sample, other_store, onto) -> None:
    ds = rdf.export_dataset(sample, onto)
    first = rdf.import_dataset(other_store, onto, ds)
    assert first.stats.nodes_created > 0 and first.stats.relationships_created > 0
    second = rdf.import_dataset(other_store, onto, ds)
    assert not second.stats.changed()
    rows = other_store.read("MATCH (p:Person {id: 'person:张建国'})-[r:RECEIVED]->() RETURN r.sources, r.evidence, r.year").rows
    (sources, evidence, year), = rows
    assert sorted(sources) == sorted([ARTICLE, C01]) and evidence == [f"{ARTICLE}#0-11"] and year == 2020


def test_plain_rdf_without_records_loads(store, onto) -> None:
    ttl = """
    @prefix lk: <https://w3id.org/labourkg/ontology#> .
    @prefix prov: <http://www.w3.org/ns/prov#> .
    <https://w3id.org/labourkg/id/person/李四> a lk:Person ; lk:id "person:李四" ; lk:name "李四" ;
        lk:aliases "老李" ; prov:wasDerivedFrom <https://w3id.org/labourkg/id/roster/craftsmen/c9> ;
        lk:worksFor <https://w3id.org/labourkg/id/org/某大学> .
    <https://w3id.org/labourkg/id/org/某大学> a lk:Organization ; lk:id "org:某大学" ; lk:name "某大学" .
    """
    report = rdf.import_dataset(store, onto, Graph().parse(data=ttl, format="turtle"))
    assert report.nodes == 2 and report.relationships == 1
    rows = store.read("MATCH (p:Person)-[:WORKS_FOR]->(o:Organization) RETURN p.aliases, p.sources, o.name").rows
    assert rows == [[["老李"], ["roster:craftsmen:c9"], "某大学"]]


def test_cli_export_import_validate(sample, cli, other_store, tmp_path: Path) -> None:
    out = tmp_path / "graph.nq"
    r = cli("export", "rdf", "-o", str(out), "--format", "nquads")
    assert r.returncode == 0, r.stderr
    assert out.stat().st_size > 0 and "triples" in r.stderr
    r = cli("import", "rdf", str(out), graph=other_store.graph_name)
    assert r.returncode == 0, r.stderr
    r = cli("export", "rdf", "-o", str(tmp_path / "again.nq"), graph=other_store.graph_name)
    assert r.returncode == 0, r.stderr
    a, b = Dataset(), Dataset()
    a.parse(str(out), format="nquads")
    b.parse(str(tmp_path / "again.nq"), format="nquads")
    assert_same_dataset(a, b)
    r = cli("export", "rdf", "-o", str(tmp_path / "x.unknown"))
    assert r.returncode == 2 and "format" in r.stderr
