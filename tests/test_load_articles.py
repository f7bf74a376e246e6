"""Article loading: provenance, idempotency, corrected versions, and people resolved across sources."""

from __future__ import annotations

import hashlib
from pathlib import Path

from labourkg.load.articles import load_articles


def doc(path: str, text: str, entities: list[dict], relations: list[dict]) -> dict:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return {"article": {"id": sha, "path": path, "title": text[:8], "date": "2024-05-01", "chars": len(text)},
            "entities": entities, "relations": relations}


def ent(eid: str, etype: str, name: str, start: int = 0) -> dict:
    return {"id": eid, "type": etype, "name": name, "aliases": [],
            "mentions": [{"start": start, "end": start + len(name), "text": name}], "attributes": {}}


def rel(rtype: str, s: str, o: str, start: int = 0, end: int = 10) -> dict:
    return {"type": rtype, "subject": s, "object": o, "attributes": {}, "evidence": {"start": start, "end": end},
            "confidence": 0.9}


A1 = doc("a1.txt", "李刚在甲公司工作。王芳获得全国劳动模范。", [
    ent("person:李刚", "Person", "李刚"), ent("enterprise:甲公司", "Enterprise", "甲公司", 3),
    ent("person:王芳", "Person", "王芳", 9), ent("honour:national-labour-model", "Honour", "全国劳动模范", 13)],
    [rel("WORKS_FOR", "person:李刚", "enterprise:甲公司"), rel("RECEIVED", "person:王芳", "honour:national-labour-model")])
A2 = doc("a2.txt", "乙公司的李刚出席座谈会。", [
    ent("person:李刚", "Person", "李刚", 4), ent("enterprise:乙公司", "Enterprise", "乙公司")],
    [rel("WORKS_FOR", "person:李刚", "enterprise:乙公司")])
A3 = doc("a3.txt", "甲公司李刚再获表彰。", [
    ent("person:李刚", "Person", "李刚", 3), ent("enterprise:甲公司", "Enterprise", "甲公司")],
    [rel("WORKS_FOR", "person:李刚", "enterprise:甲公司")])


def people(store) -> dict[str, list[str]]:
    rows = store.read("MATCH (p:Person)-[:WORKS_FOR]->(o) RETURN p.id, collect(o.name) ORDER BY p.id").rows
    return {pid: sorted(orgs) for pid, orgs in rows}


def test_namesakes_stay_apart_and_the_same_person_is_one_node(store, onto):
    load_articles(store, onto, [A1, A2, A3])
    got = people(store)
    assert got["person:李刚"] == ["甲公司"]  # a3's 李刚 of 甲公司 is a1's
    other = [pid for pid in got if pid.startswith("person:李刚@")]
    assert len(other) == 1 and got[other[0]] == ["乙公司"]  # a2's 李刚 works elsewhere: another person
    sources = store.read("MATCH (:Person {id: 'person:李刚'})-[r:WORKS_FOR]->() RETURN r.sources").scalar()
    assert sorted(sources) == sorted([f"article:{A1['article']['id']}", f"article:{A3['article']['id']}"])


def test_reload_changes_nothing_and_mentions_keep_spans(store, onto):
    load_articles(store, onto, [A1])
    again = load_articles(store, onto, [A1])
    assert again.outcomes[0].status == "unchanged" and not again.stats.changed()
    m = store.read("MATCH (:Article)-[m:MENTIONS]->(:Person {id: 'person:王芳'}) RETURN m.starts, m.ends").rows
    assert m == [[[9], [11]]]
    ev = store.read("MATCH (:Person {id: 'person:王芳'})-[r:RECEIVED]->() RETURN r.evidence").scalar()
    assert ev == [f"article:{A1['article']['id']}#0-10"]


def test_corrected_version_replaces_only_its_own_facts(store, onto):
    load_articles(store, onto, [A1, A3])
    fixed = doc("a1.txt", "李刚在甲公司工作。王芳获得全国五一劳动奖章。", [
        ent("person:李刚", "Person", "李刚"), ent("enterprise:甲公司", "Enterprise", "甲公司", 3),
        ent("person:王芳", "Person", "王芳", 9), ent("honour:x", "Honour", "全国五一劳动奖章", 13)],
        [rel("WORKS_FOR", "person:李刚", "enterprise:甲公司"), rel("RECEIVED", "person:王芳", "honour:x")])
    rep = load_articles(store, onto, [fixed])
    assert rep.outcomes[0].status == "replaced" and rep.outcomes[0].replaced == [f"article:{A1['article']['id']}"]
    honours = store.read("MATCH (:Person {id: 'person:王芳'})-[:RECEIVED]->(h) RETURN h.name").rows
    assert honours == [["全国五一劳动奖章"]]  # the old version's honour is gone
    assert store.read("MATCH (a:Article) RETURN count(a)").scalar() == 2
    # 李刚 -> 甲公司 is still supported by a3 and by the corrected a1
    src = store.read("MATCH (:Person {id: 'person:李刚'})-[r:WORKS_FOR]->() RETURN r.sources").scalar()
    assert f"article:{A3['article']['id']}" in src and f"article:{fixed['article']['id']}" in src
    assert f"article:{A1['article']['id']}" not in src


def test_dry_run_writes_nothing(store, onto):
    rep = load_articles(store, onto, [A1], dry_run=True)
    assert rep.outcomes[0].status == "would-add"
    assert store.read("MATCH (n) RETURN count(n)").scalar() == 0


def test_seed_articles_load_with_provenance(store, onto):
    from labourkg.extract import extract_file

    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    samples = Path(__file__).resolve().parents[1] / "samples" / "articles"
    files = sorted(samples.glob("*.txt")) + (sorted(seeds.glob("*.txt")) if seeds.is_dir() else [])
    load_articles(store, onto, [extract_file(p) for p in files])
    orphans = store.read("MATCH (n) WHERE NOT n:Article AND size(coalesce(n.sources, [])) = 0 "
                         "RETURN count(n)").scalar()
    assert orphans == 0
    unsupported = store.read("MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS' AND size(coalesce(r.sources, [])) = 0 "
                             "RETURN count(r)").scalar()
    assert unsupported == 0


def test_one_relationship_twice_in_a_batch_keeps_both_sources(store, onto):
    """Folded before sending: FalkorDB's MERGE would not see the first row's SET within one UNWIND."""
    from labourkg.load.writer import GraphWriter, NodeRecord, RelRecord

    w = GraphWriter(store, onto)
    w.node(NodeRecord("Person", "person:甲", {"name": "甲"}, source="s1"))
    w.node(NodeRecord("Enterprise", "enterprise:乙", {"name": "乙"}, source="s1"))
    w.rel(RelRecord("WORKS_FOR", "Person", "person:甲", "Enterprise", "enterprise:乙", source="s1", evidence="s1#0-1"))
    w.rel(RelRecord("WORKS_FOR", "Person", "person:甲", "Enterprise", "enterprise:乙", source="s2", evidence="s2#3-4"))
    stats = w.flush()
    assert stats.relationships_created == 1
    r = store.read("MATCH (:Person)-[r:WORKS_FOR]->() RETURN r.sources, r.evidence").rows
    assert r == [[["s1", "s2"], ["s1#0-1", "s2#3-4"]]]
