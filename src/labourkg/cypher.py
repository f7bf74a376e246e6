"""Every Cypher statement labourkg's code sends, in one place.

Labels and relationship types are put in from the ontology (validated by
``Ontology.label`` / ``Ontology.rel``); data always goes in as parameters. Statements are
written in the subset that both FalkorDB and Neo4j 5 run. ``all_templates`` enumerates
them so tests can lint each with Neo4j's parser and run it on FalkorDB.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from labourkg.ontology import Ontology


def _union(target: str, values: str) -> str:
    """``target`` grows by the values of the list ``values`` it lacks: MERGE stays idempotent."""
    return (f"{target} = coalesce({target}, []) + "
            f"[x IN coalesce({values}, []) WHERE NOT x IN coalesce({target}, [])]")


@cache
def merge_nodes(onto: Ontology, label: str) -> str:
    """Rows ``{id, props, aliases, sources}`` (one per id): upsert nodes, add sources and aliases."""
    lab = onto.label(label)
    return (
        "UNWIND $rows AS row "
        f"MERGE (n:{lab} {{id: row.id}}) "  # cypher-ok: label from the ontology
        "SET n += row.props, "
        f"{_union('n.aliases', 'row.aliases')}, "
        f"{_union('n.sources', 'row.sources')}"
    )


@cache
def merge_relationships(onto: Ontology, src_label: str, rel_type: str, dst_label: str) -> str:
    """Rows ``{s, o, props, sources, evidence}`` (one per pair): one relationship per (s, type, o)."""
    s, t, o = onto.label(src_label), onto.rel(rel_type), onto.label(dst_label)
    return (
        "UNWIND $rows AS row "
        f"MATCH (a:{s} {{id: row.s}}) "  # cypher-ok: labels and type from the ontology
        f"MATCH (b:{o} {{id: row.o}}) "
        f"MERGE (a)-[r:{t}]->(b) "
        "SET r += row.props, "
        f"{_union('r.sources', 'row.sources')}, "
        f"{_union('r.evidence', 'row.evidence')}"
    )


@cache
def merge_engagements(onto: Ontology, src_label: str) -> str:
    """Rows ``{s, o, date, service_type, props, sources}``: one ENGAGED per provider, SME, date and type."""
    s, t, o = onto.label(src_label), onto.rel("ENGAGED"), onto.label("Enterprise")
    return (
        "UNWIND $rows AS row "
        f"MATCH (a:{s} {{id: row.s}}) "  # cypher-ok: labels and type from the ontology
        f"MATCH (b:{o} {{id: row.o}}) "
        f"MERGE (a)-[r:{t} {{date: row.date, service_type: row.service_type}}]->(b) "
        "SET r += row.props, "
        f"{_union('r.sources', 'row.sources')}"
    )


@cache
def merge_mentions(onto: Ontology, label: str) -> str:
    """Rows ``{article, id, starts, ends, texts}``: one MENTIONS per article and entity, spans replaced."""
    a, lab, t = onto.label("Article"), onto.label(label), onto.rel("MENTIONS")
    return (
        "UNWIND $rows AS row "
        f"MATCH (d:{a} {{id: row.article}}) "  # cypher-ok: labels and type from the ontology
        f"MATCH (n:{lab} {{id: row.id}}) "
        f"MERGE (d)-[m:{t}]->(n) "
        "SET m.starts = row.starts, m.ends = row.ends, m.texts = row.texts"
    )


@cache
def merge_articles(onto: Ontology) -> str:
    """Rows ``{id, props}``: Article nodes keyed by the sha256 of their bytes."""
    a = onto.label("Article")
    return "UNWIND $rows AS row MERGE (n:" + a + " {id: row.id}) SET n += row.props"  # cypher-ok


# ---------------------------------------------------------------- reads used by code


def find_by_register_ids(onto: Ontology, label: str) -> str:
    """Graph ids of the nodes of ``label`` loaded with the register ids ``$ids`` (rows ``rid, id``)."""
    return (f"UNWIND $ids AS rid MATCH (n:{onto.label(label)} {{register_id: rid}}) "  # cypher-ok: ontology label
            "RETURN rid, n.id AS id")


def find_by_name_or_register_id(onto: Ontology, label: str) -> str:
    """Nodes of ``label`` whose name or register id is ``$ref`` (both indexed where the label has them)."""
    lab = onto.label(label)
    if "register_id" in {p for lab2, p in onto.indexed_properties() if lab2 == lab}:
        return (f"MATCH (n:{lab}) WHERE n.name = $ref OR n.register_id = $ref "  # cypher-ok: ontology label
                "RETURN n.id AS id LIMIT 2")
    return f"MATCH (n:{lab} {{name: $ref}}) RETURN n.id AS id LIMIT 2"  # cypher-ok: ontology label


def find_people_by_name(onto: Ontology) -> str:
    """Candidates for resolving a register's people: same name, with the ids of where they work."""
    p, w = onto.label("Person"), onto.rel("WORKS_FOR")
    return (
        "UNWIND $names AS name "
        f"MATCH (n:{p} {{name: name}}) "  # cypher-ok
        f"OPTIONAL MATCH (n)-[:{w}]->(o) "
        "RETURN n.id AS id, n.name AS name, n.register_id AS register_id, collect(o.id) AS employers"
    )


def people_with_context(onto: Ontology) -> str:
    """Stored people with one of the names, with the organisations, honours and places that tell
    namesakes apart (input of ``extract.resolve.resolve_person``)."""
    p, h, pl = onto.label("Person"), onto.label("Honour"), onto.label("Place")
    w, lead, mem, rec, loc = (onto.rel(t) for t in ("WORKS_FOR", "LEADS", "MEMBER_OF", "RECEIVED", "LOCATED_IN"))
    return (
        "UNWIND $names AS name "
        f"MATCH (n:{p} {{name: name}}) "  # cypher-ok: ontology terms
        f"OPTIONAL MATCH (n)-[:{w}|{lead}|{mem}]->(o) "
        f"OPTIONAL MATCH (n)-[:{rec}]->(hh:{h}) "
        f"OPTIONAL MATCH (n)-[:{loc}]->(pp:{pl}) "
        "RETURN n.id AS id, n.name AS name, collect(DISTINCT o.id) AS orgs, "
        "collect(DISTINCT hh.id) AS honours, collect(DISTINCT pp.id) AS places"
    )


@cache
def retract_article(onto: Ontology) -> tuple[str, ...]:
    """Statements (params ``id``, ``prefix``) that remove one article and every fact only it supports:
    its id leaves the ``sources`` (and its spans the ``evidence``) of what it mentions; what is left
    with no source is deleted; then the article."""
    a, m = onto.label("Article"), onto.rel("MENTIONS")
    facts = f"MATCH (d:{a} {{id: $id}})-[:{m}]->(n)"  # cypher-ok: ontology terms
    return (
        f"{facts}-[r]-() WHERE $id IN coalesce(r.sources, []) "
        "SET r.sources = [s IN r.sources WHERE s <> $id], "
        "r.evidence = [e IN coalesce(r.evidence, []) WHERE NOT e STARTS WITH $prefix]",
        f"{facts}-[r]-() WHERE r.sources IS NOT NULL AND size(r.sources) = 0 DELETE r",
        f"{facts} SET n.sources = [s IN coalesce(n.sources, []) WHERE s <> $id]",
        f"{facts} WHERE size(n.sources) = 0 DETACH DELETE n",
        f"MATCH (d:{a} {{id: $id}}) DETACH DELETE d",  # cypher-ok
    )


def articles_by_path(onto: Ontology) -> str:
    return f"MATCH (a:{onto.label('Article')} {{path: $path}}) RETURN a.id AS id"  # cypher-ok


def node_by_id_label(onto: Ontology, label: str) -> str:
    return f"MATCH (n:{onto.label(label)} {{id: $id}}) RETURN n LIMIT 1"  # cypher-ok


def ego_network(onto: Ontology, label: str, hops: int = 2) -> str:
    """A node and its neighbours up to ``hops`` (1..3) away, for views. Articles are left out, and a
    path does not pass *through* a vocabulary concept (a district, skill, industry or honour links
    hundreds of nodes: the view would show the district, not the node)."""
    if hops not in (1, 2, 3):
        raise ValueError(f"hops must be 1, 2 or 3, got {hops!r}")
    hubs = " OR ".join(f"m:{onto.label(lab)}" for _, lab in sorted(onto.graph_schemes()))
    return (
        f"MATCH (c:{onto.label(label)} {{id: $id}}) "  # cypher-ok: labels from the ontology, hops checked
        f"OPTIONAL MATCH p = (c)-[*1..{hops}]-(x) "
        f"WHERE NOT x:{onto.label('Article')} AND NONE(m IN nodes(p)[1..-1] WHERE {hubs}) "
        "WITH c, p LIMIT $limit "
        "RETURN c, p"
    )


# ---------------------------------------------------------------- the recommender's projection


def projection_nodes(onto: Ontology, label: str) -> str:
    """Every node of ``label`` with the columns the projection keeps (scalars only: read compactly)."""
    return (f"MATCH (n:{onto.label(label)}) "  # cypher-ok: label from the ontology
            "RETURN n.id AS id, n.name AS name, n.register_id AS register_id, n.capacity AS capacity, "
            "n.level AS level, n.code AS code, n.region_code AS region_code")


def projection_edges(onto: Ontology, rel: str) -> str:
    """Every relationship of type ``rel`` as (s, o) ids, with the period/date of an engagement and the
    year of an honour."""
    extra = {"ENGAGED": ", r.period AS period, r.date AS date", "RECEIVED": ", r.year AS year"}.get(rel, "")
    return f"MATCH (a)-[r:{onto.rel(rel)}]->(b) RETURN a.id AS s, b.id AS o{extra}"  # cypher-ok: ontology type


def skill_aliases(onto: Ontology) -> str:
    return f"MATCH (n:{onto.label('Skill')}) WHERE n.aliases IS NOT NULL RETURN n.id AS id, n.aliases AS aliases"


def count_label(onto: Ontology, label: str) -> str:
    """In this plain form FalkorDB answers from its label matrix in O(1) (not inside a UNION)."""
    return f"MATCH (n:{onto.label(label)}) RETURN count(n) AS v"


def count_rel(onto: Ontology, rel: str) -> str:
    return f"MATCH ()-[r:{onto.rel(rel)}]->() RETURN count(r) AS v"


def sum_capacity(onto: Ontology, label: str) -> str:
    return f"MATCH (n:{onto.label(label)}) RETURN sum(coalesce(n.capacity, 0)) AS v"


def enterprise_needs_text(onto: Ontology) -> str:
    return f"MATCH (e:{onto.label('Enterprise')} {{id: $id}}) RETURN e.needs AS needs"


# ---------------------------------------------------------------- RDF export


def nodes_page(onto: Ontology, label: str) -> str:
    """Nodes of ``label`` after id ``$after``, ``$limit`` at a time (keyset paging: no SKIP rescans)."""
    return (f"MATCH (n:{onto.label(label)}) WHERE n.id > $after "  # cypher-ok: label from the ontology
            "RETURN n.id AS id, properties(n) AS props ORDER BY n.id LIMIT $limit")


def relationships_from(onto: Ontology, label: str) -> str:
    return (f"UNWIND $ids AS nid MATCH (a:{onto.label(label)} {{id: nid}})-[r]->(b) "  # cypher-ok
            "RETURN a.id AS s, type(r) AS type, b.id AS o, properties(r) AS props")


def conferring_bodies(onto: Ontology) -> str:
    return (f"MATCH (h:{onto.label('Honour')}) WHERE h.conferring_body IS NOT NULL "  # cypher-ok
            "RETURN h.id AS id, h.conferring_body AS body")


# ---------------------------------------------------------------- the demo and the health check


def demo_enterprise(onto: Ontology) -> str:
    """The first register SME with a need the graph knows: the demo recommends for it."""
    return (f"MATCH (e:{onto.label('Enterprise')})-[:{onto.rel('NEEDS')}]->(:{onto.label('Skill')}) "
            "WHERE e.register_id IS NOT NULL "
            "RETURN e.register_id AS rid, e.name AS name, e.needs AS needs ORDER BY rid LIMIT 1")


def demo_centres(onto: Ontology) -> tuple[str, str]:
    """A studio with a leader, else a union: the centre of the demo's ego view."""
    return (f"MATCH (s:{onto.label('Studio')})<-[:{onto.rel('LEADS')}]-(:{onto.label('Person')}) "
            "RETURN s.id AS id ORDER BY id LIMIT 1",
            f"MATCH (n:{onto.label('Union')}) RETURN n.id AS id LIMIT 1")


PING = "RETURN 1 AS ok"


STATS = (
    "MATCH (n) WITH labels(n)[0] AS label, count(*) AS nodes "
    "RETURN label, nodes ORDER BY nodes DESC"
)
REL_STATS = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS relationships ORDER BY relationships DESC"


def all_templates(onto: Ontology) -> Iterator[tuple[str, str, dict]]:
    """(name, cypher, sample parameters) for every statement the code can emit."""
    row_node = {"id": "x", "props": {"name": "x"}, "aliases": ["y"], "sources": ["s"]}
    for label in onto.node_types:
        if label == "Article":
            continue
        yield f"merge_nodes:{label}", merge_nodes(onto, label), {"rows": [row_node]}
        yield f"merge_mentions:{label}", merge_mentions(onto, label), {
            "rows": [{"article": "a", "id": "x", "starts": [0], "ends": [1], "texts": ["x"]}]}
        yield f"node_by_id_label:{label}", node_by_id_label(onto, label), {"id": "x"}
        yield f"find_by_name_or_register_id:{label}", find_by_name_or_register_id(onto, label), {"ref": "x"}
        for hops in (1, 2, 3):
            yield f"ego_network:{label}:{hops}", ego_network(onto, label, hops), {"id": "x", "limit": 10}
    for rt in onto.rel_types.values():
        for s in rt.domain or tuple(onto.node_types):
            for o in rt.range or tuple(onto.node_types):
                yield f"merge_relationships:{s}-{rt.type}-{o}", merge_relationships(onto, s, rt.type, o), {
                    "rows": [{"s": "x", "o": "y", "props": {}, "sources": ["s"], "evidence": ["e"]}]}
    for s in onto.rel_types["ENGAGED"].domain:
        yield f"merge_engagements:{s}", merge_engagements(onto, s), {
            "rows": [{"s": "x", "o": "y", "date": "2025-01-01", "service_type": "t", "props": {}, "sources": ["s"]}]}
    yield "merge_articles", merge_articles(onto), {"rows": [{"id": "a", "props": {"path": "p"}}]}
    for label in ("Person", "Enterprise", "Studio", "ServiceTeam"):
        yield f"find_by_register_ids:{label}", find_by_register_ids(onto, label), {"ids": ["c01"]}
    yield "find_people_by_name", find_people_by_name(onto), {"names": ["x"]}
    yield "articles_by_path", articles_by_path(onto), {"path": "p"}
    yield "people_with_context", people_with_context(onto), {"names": ["x"]}
    for i, q in enumerate(retract_article(onto)):
        yield f"retract_article:{i}", q, {"id": "article:x", "prefix": "article:x#"}
    yield "stats", STATS, {}
    yield "rel_stats", REL_STATS, {}
    for label in onto.node_types:
        yield f"projection_nodes:{label}", projection_nodes(onto, label), {}
        yield f"count_label:{label}", count_label(onto, label), {}
        yield f"sum_capacity:{label}", sum_capacity(onto, label), {}
        yield f"nodes_page:{label}", nodes_page(onto, label), {"after": "", "limit": 10}
        yield f"relationships_from:{label}", relationships_from(onto, label), {"ids": ["x"]}
    for rt in onto.rel_types.values():
        yield f"projection_edges:{rt.type}", projection_edges(onto, rt.type), {}
        yield f"count_rel:{rt.type}", count_rel(onto, rt.type), {}
    yield "skill_aliases", skill_aliases(onto), {}
    yield "enterprise_needs_text", enterprise_needs_text(onto), {"id": "x"}
    yield "conferring_bodies", conferring_bodies(onto), {}
    yield "demo_enterprise", demo_enterprise(onto), {}
    for i, q in enumerate(demo_centres(onto)):
        yield f"demo_centres:{i}", q, {}
    yield "ping", PING, {}
