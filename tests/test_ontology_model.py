"""The OWL model and the SKOS schemes are complete and sane: labels, comments, domains, ranges,
alignments to schema.org / W3C ORG / RegOrg / PROV-O / SKOS, and well-formed concept schemes."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Namespace, URIRef
from rdflib.namespace import PROV

from labourkg.ontology import LK, parse_graph
from labourkg.rdf import rdf_model

LKNS = Namespace(LK)
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
ROV = Namespace("http://www.w3.org/ns/regorg#")


@pytest.fixture(scope="module")
def g() -> Graph:
    return parse_graph()


def terms(g: Graph, kind: URIRef) -> list[URIRef]:
    return sorted(s for s in g.subjects(RDF.type, kind) if isinstance(s, URIRef) and str(s).startswith(LK))


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty])
def test_every_term_has_zh_and_en_labels_and_a_comment(g: Graph, kind: URIRef) -> None:
    missing = []
    for t in terms(g, kind):
        langs = {getattr(o, "language", None) for o in g.objects(t, RDFS.label)}
        if not {"zh", "en"} <= langs or g.value(t, RDFS.comment) is None:
            missing.append(str(t))
    assert terms(g, kind) and missing == []


@pytest.mark.parametrize("kind", [OWL.ObjectProperty, OWL.DatatypeProperty])
def test_every_property_has_a_domain_and_a_range(g: Graph, kind: URIRef) -> None:
    missing = [str(t) for t in terms(g, kind) if g.value(t, RDFS.domain) is None or g.value(t, RDFS.range) is None]
    assert missing == []


def test_datatype_properties_have_datatype_ranges_and_object_properties_do_not(g: Graph) -> None:
    xsd, rdfns = "http://www.w3.org/2001/XMLSchema#", str(RDF)
    for p in terms(g, OWL.DatatypeProperty):
        rng = str(g.value(p, RDFS.range))
        assert rng.startswith((xsd, rdfns)), f"{p} has range {rng}"
    for p in terms(g, OWL.ObjectProperty):
        rng = g.value(p, RDFS.range)
        assert not str(rng).startswith(xsd), f"{p} has a datatype range"


@pytest.mark.parametrize("sub, sup", [
    (LKNS.Person, SCHEMA.Person), (LKNS.Person, PROV.Person), (LKNS.Organization, SCHEMA.Organization),
    (LKNS.Organization, ORG.Organization), (LKNS.Enterprise, ROV.RegisteredOrganization),
    (LKNS.Studio, ORG.OrganizationalUnit), (LKNS.ServiceTeam, ORG.OrganizationalUnit), (LKNS.Event, SCHEMA.Event),
    (LKNS.Article, SCHEMA.NewsArticle), (LKNS.Article, PROV.Entity), (LKNS.Campaign, PROV.Activity),
    (LKNS.Engagement, PROV.Activity), (LKNS.Employment, ORG.Membership), (LKNS.Honour, SKOS.Concept),
    (LKNS.Skill, SKOS.Concept), (LKNS.Industry, SKOS.Concept), (LKNS.RegisterRow, PROV.Entity),
    (LKNS.Conferral, LKNS.RelationshipRecord),
])
def test_class_alignments(g: Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subClassOf, sup) in g


@pytest.mark.parametrize("sub, sup", [
    (LKNS.worksFor, SCHEMA.worksFor), (LKNS.memberOf, SCHEMA.memberOf), (LKNS.memberOf, ORG.memberOf),
    (LKNS.leads, ORG.headOf), (LKNS.broader, SKOS.broader), (LKNS.related, SKOS.related),
    (LKNS.provider, PROV.wasAssociatedWith), (LKNS.name, SCHEMA.name),
])
def test_property_alignments(g: Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subPropertyOf, sup) in g


def test_records_qualify_relationship_types(g: Graph) -> None:
    model = rdf_model()
    assert {"RECEIVED", "ENGAGED", "WORKS_FOR"} <= set(model.records)
    for rc in model.records.values():
        cls = URIRef(rc.iri)
        assert (cls, RDFS.subClassOf, LKNS.RelationshipRecord) in g
        for p in (rc.subject_property, rc.object_property):
            assert p and (URIRef(p), None, None) in g or p.startswith(str(ORG))


def test_every_graph_annotation_is_kept(g: Graph) -> None:
    labels = {str(o) for o in g.objects(None, LKNS.graphLabel)}
    types = {str(o) for o in g.objects(None, LKNS.graphType)}
    assert {"Person", "Organization", "Enterprise", "Union", "GovernmentBody", "Studio", "ServiceTeam", "Event",
            "Campaign", "Place", "Article", "Honour", "Skill", "Industry"} <= labels
    assert {"WORKS_FOR", "RECEIVED", "LEADS", "MEMBER_OF", "BASED_AT", "HELPED", "VISITED", "ORGANISED", "ATTENDED",
            "PART_OF", "LOCATED_IN", "HAS_SKILL", "IN_INDUSTRY", "NEEDS", "MENTIONS", "ENGAGED", "BROADER",
            "RELATED"} <= types


# ---------------------------------------------------------------- SKOS


def schemes(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects(RDF.type, SKOS.ConceptScheme) if isinstance(s, URIRef)}


def test_schemes_that_become_nodes_exist(g: Graph) -> None:
    names = {str(s).rsplit("/", 1)[1] for s in schemes(g)}
    populated = {str(o).rsplit("/", 1)[1] for o in g.objects(None, LKNS.conceptScheme)}
    assert populated <= names
    assert {"smeTiers", "serviceTypes"} <= names


def test_every_concept_has_one_zh_preflabel_and_a_declared_scheme(g: Graph) -> None:
    declared = schemes(g)
    bad = []
    for c in set(g.subjects(RDF.type, SKOS.Concept)):
        zh = [o for o in g.objects(c, SKOS.prefLabel) if getattr(o, "language", None) == "zh"]
        ins = set(g.objects(c, SKOS.inScheme)) | set(g.objects(c, SKOS.topConceptOf))
        if len(zh) != 1 or not ins or not ins <= declared:
            bad.append(str(c))
    assert bad == []


def test_broader_and_related_point_at_concepts_of_the_same_scheme(g: Graph) -> None:
    bad = []
    for prop in (SKOS.broader, SKOS.related):
        for c, b in g.subject_objects(prop):
            if (b, RDF.type, SKOS.Concept) not in g:
                bad.append((str(c), str(prop), str(b)))
                continue
            ins_c = set(g.objects(c, SKOS.inScheme)) | set(g.objects(c, SKOS.topConceptOf))
            ins_b = set(g.objects(b, SKOS.inScheme)) | set(g.objects(b, SKOS.topConceptOf))
            if not ins_c & ins_b:
                bad.append((str(c), str(prop), str(b)))
    assert bad == []


def test_broader_has_no_cycles(g: Graph) -> None:
    for c in set(g.subjects(SKOS.broader, None)):
        seen, todo = set(), list(g.objects(c, SKOS.broader))
        while todo:
            x = todo.pop()
            assert x != c, f"skos:broader cycle through {c}"
            if x not in seen:
                seen.add(x)
                todo.extend(g.objects(x, SKOS.broader))


def test_notations_are_unique_within_a_scheme(g: Graph) -> None:
    for s in schemes(g):
        members = set(g.subjects(SKOS.inScheme, s)) | set(g.subjects(SKOS.topConceptOf, s))
        counts = Counter(str(n) for c in members for n in g.objects(c, SKOS.notation))
        assert [n for n, k in counts.items() if k > 1] == [], f"duplicate notations in {s}"
