"""The analysts' named queries (queries/*.cypher): headers, Neo4j's analyser, and expected rows.

Every query runs on the embedded FalkorDB against a small deterministic graph built here:
the register folder tests/data/queries_roster/ through ``load_roster``, and two articles of
tests/data/queries_articles/ through ``write_extraction`` with hand-made extraction dicts,
so nothing depends on the extractor's output.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from labourkg.devtools.cypher_lint import LintItem, LintSchema, lint_queries
from labourkg.load.articles import write_extraction
from labourkg.load.roster import load_roster
from labourkg.load.writer import GraphWriter
from labourkg.querylib import TYPES, load_queries, referenced_parameters

DATA = Path(__file__).resolve().parent / "data"
ROSTER = DATA / "queries_roster"
ARTICLES = DATA / "queries_articles"

QUERIES = load_queries()


# ------------------------------------------------------------------ the fixture graph
def _spans(text: str, surface: str) -> list[dict[str, Any]]:
    out, i = [], text.find(surface)
    while i >= 0:
        out.append({"start": i, "end": i + len(surface), "text": surface})
        i = text.find(surface, i + len(surface))
    return out


def _sentence(text: str, *parts: str) -> dict[str, int]:
    """The span of the first sentence (ending in 。) that contains every part."""
    start = 0
    for end in [i + 1 for i, ch in enumerate(text) if ch == "。"]:
        if all(p in text[start:end] for p in parts):
            return {"start": start, "end": end}
        start = end
    raise AssertionError(f"no sentence with {parts}")


def _doc(path: Path, title: str, date: str, entities: list[tuple[str, str, str, list[str], dict]],
         relations: list[tuple[str, str, str, tuple[str, ...], dict]]) -> dict[str, Any]:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    names = {eid: (name, aliases) for eid, _t, name, aliases, _a in entities}
    ents = []
    for eid, etype, name, aliases, attrs in entities:
        mentions = [m for s in [name, *aliases] for m in _spans(text, s)]
        ents.append({"id": eid, "type": etype, "name": name, "aliases": aliases, "attributes": attrs,
                     "mentions": sorted(mentions, key=lambda m: m["start"])})
    rels = []
    for rtype, s, o, cue, attrs in relations:
        rel: dict[str, Any] = {"type": rtype, "subject": s, "object": o, "confidence": 0.9, "attributes": attrs}
        if cue:
            rel["evidence"] = _sentence(text, *cue)
        rels.append(rel)
    assert all(e in names for _t, s, o, _c, _a in relations for e in (s, o))
    return {"article": {"id": hashlib.sha256(raw).hexdigest(), "path": str(path), "title": title, "date": date,
                        "chars": len(text)},
            "entities": ents, "relations": rels}


UNION, CAMPAIGN = "union:茂名市总工会", "campaign:劳模工匠助企行"
LAUNCH, FORUM = "event:劳模工匠助企行启动仪式", "event:劳模座谈会"
TEAM = "team:茂南区劳模工匠技术服务队"
WANG, LI, ZHANG = "person:王建国", "person:李秀英", "person:张伟"
HAITONG, JINGGONG = "enterprise:电白区海通物流有限公司", "enterprise:茂名市精工焊接设备有限公司"


def fixture_articles() -> list[dict[str, Any]]:
    launch = _doc(
        ARTICLES / "launch.txt", "劳模工匠助企行启动", "2025-03-05",
        [(UNION, "Union", "茂名市总工会", [], {}),
         (CAMPAIGN, "Campaign", "劳模工匠助企行", ["助企行"], {}),
         (LAUNCH, "Event", "劳模工匠助企行启动仪式", [], {"date": "2025-03-05"}),
         (WANG, "Person", "王建国", [], {}),
         (ZHANG, "Person", "张伟", [], {}),
         ("honour:national-labour-model", "Honour", "全国劳动模范", [], {}),
         (TEAM, "ServiceTeam", "茂南区劳模工匠技术服务队", [], {}),
         (HAITONG, "Enterprise", "电白区海通物流有限公司", [], {})],
        [("ORGANISED", UNION, LAUNCH, ("茂名市总工会", "启动仪式"), {}),
         ("ORGANISED", UNION, CAMPAIGN, ("茂名市总工会", "助企行"), {}),
         ("PART_OF", LAUNCH, CAMPAIGN, ("助企行启动仪式",), {}),
         ("ATTENDED", WANG, LAUNCH, ("王建国", "出席"), {}),
         ("ATTENDED", ZHANG, LAUNCH, ("张伟", "出席"), {}),
         ("RECEIVED", WANG, "honour:national-labour-model", ("全国劳动模范王建国",), {}),
         ("PART_OF", TEAM, CAMPAIGN, (), {}),  # no evidence span: the data-quality query finds it
         ("HELPED", TEAM, HAITONG, ("服务队", "海通物流"), {})],
    )
    forum = _doc(
        ARTICLES / "forum.txt", "劳模座谈会", "2025-05-01",
        [(UNION, "Union", "茂名市总工会", [], {}),
         (FORUM, "Event", "劳模座谈会", [], {"date": "2025-05-01"}),
         (WANG, "Person", "王建国", [], {}),
         (LI, "Person", "李秀英", [], {}),
         (ZHANG, "Person", "张伟", [], {}),
         (JINGGONG, "Enterprise", "茂名市精工焊接设备有限公司", [], {})],
        [("ORGANISED", UNION, FORUM, ("茂名市总工会", "座谈会"), {}),
         ("ATTENDED", WANG, FORUM, ("王建国", "参加"), {}),
         ("ATTENDED", LI, FORUM, ("李秀英", "参加"), {}),
         ("ATTENDED", ZHANG, FORUM, ("张伟", "参加"), {}),
         ("HELPED", WANG, JINGGONG, ("王建国帮助",), {})],
    )
    return [launch, forum]


@pytest.fixture(scope="module")
def graph(module_store, onto):
    report = load_roster(module_store, onto, ROSTER)
    assert not report.errors, [str(e) for e in report.errors]
    assert [(t.table, t.loaded) for t in report.tables] == [
        ("craftsmen", 5), ("enterprises", 6), ("studios", 2), ("teams", 1), ("engagements", 3)]
    writer = GraphWriter(module_store, onto)
    for doc in fixture_articles():
        write_extraction(writer, doc)
    writer.flush()
    # a node nothing vouches for, for the data-quality query
    module_store.write("CREATE (:Person {id: 'person:无名氏', name: '无名氏'})")
    return module_store


def run(store, query: str, /, **params: Any) -> list[dict[str, Any]]:
    q = QUERIES[query]
    return store.read(q.cypher, q.bind(params), timeout=10).records()


def col(rows: list[dict[str, Any]], key: str) -> list[Any]:
    return [r[key] for r in rows]


def by(rows: list[dict[str, Any]], key: str) -> dict[Any, dict[str, Any]]:
    return {r[key]: r for r in rows}


# ------------------------------------------------------------------ headers and lint
def test_enough_queries_with_complete_headers() -> None:
    assert len(QUERIES) >= 25
    bad = {q.name: q.problems() for q in QUERIES.values() if q.problems()}
    assert not bad, bad
    for q in QUERIES.values():
        assert all(p.type in TYPES for p in q.params.values())


def test_every_query_lints_cleanly_with_its_declared_parameters(onto) -> None:
    schema = LintSchema(labels=sorted(onto.node_types), relationship_types=sorted(onto.rel_types))
    items = [LintItem(q.name, q.cypher, dict.fromkeys(q.params)) for q in QUERIES.values()]
    results = lint_queries(items, schema)
    errors = {r.id: [e.message for e in r.errors] for r in results if r.errors}
    assert not errors, errors
    warnings = {r.id: [w.message for w in r.warnings] for r in results if r.warnings}
    assert not warnings, warnings


def test_no_label_less_lookup_by_id() -> None:
    for q in QUERIES.values():
        assert "(n {id: $id})" not in q.cypher, q.name
        assert set(referenced_parameters(q.cypher)) == set(q.params), q.name


def test_every_query_runs_with_its_example(graph) -> None:
    for q in QUERIES.values():
        graph.read(q.cypher, q.example_params(), timeout=10)


# ------------------------------------------------------------------ honours
def test_honours_by_level(graph) -> None:
    rows = run(graph, "honours_by_level")
    got = {(r["honour"], r["level"], r["year"]): (r["recipients"], sorted(r["examples"])) for r in rows}
    assert got == {("广东省劳动模范", "provincial", 2015): (2, ["李秀英", "王建国"]),
                   ("全国劳动模范", "national", 2020): (1, ["王建国"]),
                   ("广东省五一劳动奖章", "provincial", 2021): (1, ["陈志强"])}
    assert rows[0]["honour"] == "广东省劳动模范"  # most recipients first
    assert col(run(graph, "honours_by_level", level="national"), "honour") == ["全国劳动模范"]
    assert col(run(graph, "honours_by_level", year=2021), "honour") == ["广东省五一劳动奖章"]
    assert col(run(graph, "honours_by_level", region="高州市"), "honour") == ["广东省五一劳动奖章"]
    assert len(run(graph, "honours_by_level", region="茂名市")) == 3  # a city includes its districts
    assert len(run(graph, "honours_by_level", region="440902")) == 2  # by GB/T 2260 code
    assert run(graph, "honours_by_level", region="电白区") == []


def test_honour_recipients_by_alias(graph) -> None:
    rows = run(graph, "honour_recipients", honour="全国劳模")
    assert [(r["name"], r["year"], r["districts"], r["employers"]) for r in rows] == [
        ("王建国", 2020, ["茂南区"], ["茂名市华隆化工有限公司"])]
    assert col(run(graph, "honour_recipients", honour="广东省劳动模范"), "name") == ["李秀英", "王建国"]


def test_honours_by_region(graph) -> None:
    rows = run(graph, "honours_by_region")
    assert [(r["district"], r["code"], r["people"], r["honours"]) for r in rows] == [
        ("茂南区", "440902", 2, 3), ("高州市", "440981", 1, 1)]
    assert col(run(graph, "honours_by_region", level="national"), "district") == ["茂南区"]
    assert run(graph, "honours_by_region", within="湛江市") == []


def test_people_with_several_honours(graph) -> None:
    rows = run(graph, "people_with_several_honours")
    assert [(r["name"], r["count"], sorted(r["honours"])) for r in rows] == [
        ("王建国", 2, ["全国劳动模范 2020", "广东省劳动模范 2015"])]
    assert len(run(graph, "people_with_several_honours", min=1)) == 3
    assert run(graph, "people_with_several_honours", level="national") == []


# ------------------------------------------------------------------ studios and teams
def test_studios_by_level_with_leaders_honours(graph) -> None:
    rows = by(run(graph, "studios_by_level"), "studio")
    wang = rows["王建国劳模创新工作室"]
    assert (wang["level"], wang["leader"], wang["hosts"], wang["districts"], wang["members"]) == (
        "provincial", "王建国", ["茂名市华隆化工有限公司"], ["茂南区"], 1)
    assert sorted(wang["leader_honours"]) == ["全国劳动模范 2020", "广东省劳动模范 2015"]
    assert rows["陈志强工匠创新工作室"]["leader_honours"] == ["广东省五一劳动奖章 2021"]
    assert col(run(graph, "studios_by_level", level="municipal"), "studio") == ["陈志强工匠创新工作室"]
    assert col(run(graph, "studios_by_level", region="茂南区"), "studio") == ["王建国劳模创新工作室"]


def test_teams_overview(graph) -> None:
    (t,) = run(graph, "teams_overview")
    assert (t["team"], t["leaders"], t["members"], t["regions"], t["organisers"], t["campaigns"]) == (
        "茂南区劳模工匠技术服务队", ["王建国"], 3, ["茂南区"], ["茂名市总工会"], ["劳模工匠助企行"])
    assert sorted(t["industries"]) == ["C26 化学原料和化学制品制造业", "C34 通用设备制造业"]
    assert len(run(graph, "teams_overview", industry="C34")) == 1
    assert len(run(graph, "teams_overview", industry="C")) == 1  # the section includes its divisions
    assert run(graph, "teams_overview", industry="A01") == []
    assert run(graph, "teams_overview", region="电白区") == []


# ------------------------------------------------------------------ enterprises and engagements
ENGAGED_E02 = ("王建国", "ENGAGED", "茂名市精工焊接设备有限公司", "2024-08-15", "2024Q3", "technical_breakthrough")
ENGAGED_E04 = ("茂南区劳模工匠技术服务队", "ENGAGED", "高州市永盛机械有限公司", "2024-09-10", "2024Q3", "technical_training")
HELPED_E06 = ("茂南区劳模工匠技术服务队", "HELPED", "电白区海通物流有限公司", None, None, None)
HELPED_E02 = ("王建国", "HELPED", "茂名市精工焊接设备有限公司", None, None, None)


def _help(rows: list[dict[str, Any]]) -> list[tuple]:
    return [(r["provider"], r["via"], r["enterprise"], r["date"], r["period"], r["service_type"]) for r in rows]


def test_enterprises_helped_by_team(graph) -> None:
    rows = run(graph, "enterprises_helped_by_team", team="茂南区劳模工匠技术服务队")
    assert sorted(_help(rows), key=str) == sorted([ENGAGED_E02, ENGAGED_E04, HELPED_E06, HELPED_E02], key=str)
    assert _help(run(graph, "enterprises_helped_by_team", team="T01", members=False)) == [HELPED_E06, ENGAGED_E04]
    assert _help(run(graph, "enterprises_helped_by_team", team="T01", period="2024Q3")) == [ENGAGED_E02, ENGAGED_E04]
    assert run(graph, "enterprises_helped_by_team", team="T01", period="2025Q1") == []


def test_enterprises_helped_in_campaign(graph) -> None:
    rows = run(graph, "enterprises_helped_in_campaign", campaign="助企行")
    assert {r["campaign"] for r in rows} == {"劳模工匠助企行"}
    assert sorted(_help(rows), key=str) == sorted([ENGAGED_E02, ENGAGED_E04, HELPED_E06, HELPED_E02], key=str)
    assert _help(run(graph, "enterprises_helped_in_campaign", campaign="劳模工匠助企行", period="2024Q3")) == [
        ENGAGED_E02, ENGAGED_E04]
    assert run(graph, "enterprises_helped_in_campaign", campaign="没有这个行动") == []


def test_engagements_by_period(graph) -> None:
    rows = run(graph, "engagements_by_period", region="茂名市")
    assert [(r["period"], r["service_type"], r["provider_kind"], r["engagements"], r["enterprises"], r["providers"])
            for r in rows] == [("2024Q3", "technical_breakthrough", "Person", 1, 1, 1),
                               ("2024Q3", "technical_training", "ServiceTeam", 1, 1, 1),
                               ("2025Q1", "technical_service", "Studio", 1, 1, 1)]
    assert col(run(graph, "engagements_by_period", region="茂南区", **{"from": "2025Q1"}), "period") == ["2025Q1"]
    assert col(run(graph, "engagements_by_period", region="高州市", to="2024Q4"), "provider_kind") == ["ServiceTeam"]
    assert run(graph, "engagements_by_period", region="电白区") == []


def test_enterprise_help_history(graph) -> None:
    for key in ("茂名市精工焊接设备有限公司", "E02"):
        rows = run(graph, "enterprise_help_history", enterprise=key)
        assert [(r["provider"], r["provider_kind"], r["via"], r["date"], r["outcome"]) for r in rows] == [
            ("王建国", "Person", "HELPED", None, None),
            ("王建国", "Person", "ENGAGED", "2024-08-15", "焊缝合格率提升到98%"),
            ("王建国劳模创新工作室", "Studio", "ENGAGED", "2025-02-20", "完成焊接工艺改进")]
        assert rows[1]["teams"] == ["茂南区劳模工匠技术服务队"] and rows[1]["campaigns"] == ["劳模工匠助企行"]
        assert rows[0]["sources"][0].startswith("article:")


def test_smes_with_open_needs_and_no_engagement(graph) -> None:
    rows = run(graph, "smes_unserved_needs")
    assert [(r["enterprise"], r["register_id"], r["tier"], r["size"], r["districts"], r["needs"], r["skills"])
            for r in rows] == [("电白区蓝海食品有限公司", "E03", "innovative", "微", ["电白区"], "急需解决焊接难题", ["焊接"])]
    assert len(run(graph, "smes_unserved_needs", region="茂名市", tier="innovative", size="微", industry="C13")) == 1
    assert len(run(graph, "smes_unserved_needs", industry="C")) == 1
    assert run(graph, "smes_unserved_needs", region="茂南区") == []
    assert run(graph, "smes_unserved_needs", tier="specialised") == []


def test_smes_needing_skill(graph) -> None:
    rows = run(graph, "smes_needing_skill", skill="电焊")  # an alias of 焊接; narrower skills count
    assert [(r["register_id"], r["helped_by"]) for r in rows] == [("E02", 2), ("E03", 0), ("E04", 1)]
    assert "氩弧焊" in by(rows, "register_id")["E02"]["skills"]
    assert col(run(graph, "smes_needing_skill", skill="焊接", unserved=True), "register_id") == ["E03"]
    assert col(run(graph, "smes_needing_skill", skill="焊接", region="茂南区"), "register_id") == ["E02"]


# ------------------------------------------------------------------ craftsmen and skills
def test_craftsmen_by_skill_and_district(graph) -> None:
    rows = run(graph, "craftsmen_by_skill", skill="焊接")
    assert [(r["id"], r["register_id"], r["districts"]) for r in rows] == [
        ("person:张伟", "C04", ["化州市"]), ("person:张伟@电白区海通物流有限公司", "C05", ["电白区"]),
        ("person:李秀英", "C02", ["茂南区"]), ("person:王建国", "C01", ["茂南区"])]
    assert sorted(by(rows, "register_id")["C01"]["skills"]) == ["氩弧焊", "焊接"]
    assert by(rows, "register_id")["C01"]["employers"] == ["茂名市华隆化工有限公司"]
    assert col(run(graph, "craftsmen_by_skill", skill="焊接", region="茂南区"), "register_id") == ["C02", "C01"]
    assert col(run(graph, "craftsmen_by_skill", skill="焊接", region="茂南"), "register_id") == ["C02", "C01"]
    assert col(run(graph, "craftsmen_by_skill", skill="氩弧焊"), "register_id") == ["C02", "C01"]
    assert len(run(graph, "craftsmen_by_skill", skill="焊接", region="茂名市")) == 4
    assert run(graph, "craftsmen_by_skill", skill="焊接", region="高州市") == []


def test_skill_supply_and_demand(graph) -> None:
    rows = run(graph, "skill_supply_demand", skill="焊接")
    assert [(r["district"], r["code"], r["providers"], r["enterprises"]) for r in rows] == [
        ("茂南区", "440902", 3, 1), ("电白区", "440904", 1, 1), ("高州市", "440981", 0, 1), ("化州市", "440982", 1, 0)]


# ------------------------------------------------------------------ events, campaigns, people together
def test_event_organisers(graph) -> None:
    rows = run(graph, "event_organisers")
    assert [(r["organiser"], r["kind"], r["name"], r["date"], r["campaigns"]) for r in rows] == [
        ("茂名市总工会", "Campaign", "劳模工匠助企行", None, []),
        ("茂名市总工会", "Event", "劳模工匠助企行启动仪式", "2025-03-05", ["劳模工匠助企行"]),
        ("茂名市总工会", "Event", "劳模座谈会", "2025-05-01", []),
        ("茂名市总工会", "ServiceTeam", "茂南区劳模工匠技术服务队", None, ["劳模工匠助企行"])]
    assert len(run(graph, "event_organisers", kind="Event")) == 2
    assert run(graph, "event_organisers", organiser="高州市总工会") == []


def test_campaign_overview(graph) -> None:
    (c,) = run(graph, "campaign_overview")
    assert (c["campaign"], c["organisers"], c["events"], c["teams"], c["enterprises_by_teams"], c["articles"]) == (
        "劳模工匠助企行", ["茂名市总工会"], ["劳模工匠助企行启动仪式"], ["茂南区劳模工匠技术服务队"], 2, 1)


def test_co_attendees(graph) -> None:
    rows = run(graph, "co_attendees")
    assert [(r["person"], r["other"], r["shared"], sorted(r["events"])) for r in rows] == [
        ("张伟", "王建国", 2, ["劳模工匠助企行启动仪式", "劳模座谈会"]),
        ("张伟", "李秀英", 1, ["劳模座谈会"]), ("李秀英", "王建国", 1, ["劳模座谈会"])]
    rows = run(graph, "co_attendees", person="王建国", min_shared=2)
    assert [(r["person"], r["other"], r["shared"]) for r in rows] == [("王建国", "张伟", 2)]


# ------------------------------------------------------------------ provenance
def test_fact_sources_with_evidence(graph) -> None:
    rows = run(graph, "fact_sources", id=WANG, type="RECEIVED", other="honour:national-labour-model")
    (r,) = [r for r in rows if r["source"].startswith("article:")]
    text = (ARTICLES / "launch.txt").read_text(encoding="utf-8")
    assert r["article"] == str(ARTICLES / "launch.txt") and r["title"] == "劳模工匠助企行启动"
    assert r["direction"] == "out" and r["other"] == "全国劳动模范"
    assert [text[s:e] for s, e in zip(r["starts"], r["ends"], strict=True)] == ["全国劳动模范王建国和张伟出席启动仪式。"]
    assert r["subject_texts"] == ["王建国"] and r["object_texts"] == ["全国劳动模范"]
    registers = [r for r in rows if r["source"].startswith("roster:")]
    assert registers and all(r["article"] is None and r["starts"] == [] for r in registers)
    everything = run(graph, "fact_sources", id=WANG)
    assert {r["relationship"] for r in everything} >= {"ATTENDED", "HELPED", "RECEIVED", "LEADS", "WORKS_FOR"}
    assert "MENTIONS" not in {r["relationship"] for r in everything}
    helped = run(graph, "fact_sources", id=JINGGONG, type="HELPED")
    assert [(h["direction"], h["other_id"], h["article"]) for h in helped] == [("in", WANG, str(ARTICLES / "forum.txt"))]
    assert run(graph, "fact_sources", id="person:没有这个人") == []


def test_entity_mentions(graph) -> None:
    rows = run(graph, "entity_mentions", id=WANG)
    assert [(r["title"], r["texts"]) for r in rows] == [("劳模座谈会", ["王建国", "王建国"]), ("劳模工匠助企行启动", ["王建国"])]
    text = (ARTICLES / "forum.txt").read_text(encoding="utf-8")
    assert all(text[s:e] == "王建国" for s, e in zip(rows[0]["starts"], rows[0]["ends"], strict=True))


# ------------------------------------------------------------------ lookup and statistics
def test_entity_lookup(graph) -> None:
    rows = run(graph, "entity_lookup", name="助企行")  # an alias
    assert [(r["id"], r["label"]) for r in rows] == [(CAMPAIGN, "Campaign")]
    rows = run(graph, "entity_lookup", name="张伟")
    assert col(rows, "id") == ["person:张伟", "person:张伟@电白区海通物流有限公司"]
    assert col(run(graph, "entity_lookup", name="电白区海通物流有限公司"), "label") == ["Enterprise"]
    partial = col(run(graph, "entity_lookup", name="座谈", partial=True), "id")
    assert partial == [FORUM]
    assert run(graph, "entity_lookup", name="座谈") == []
    assert col(run(graph, "entity_lookup", name="蓝海食品", partial=True, everywhere=True), "id") == [
        "enterprise:电白区蓝海食品有限公司"]


def test_entity_neighbours(graph) -> None:
    rows = run(graph, "entity_neighbours", id=TEAM)
    got = {(r["relationship"], r["direction"], r["other_kind"]): (r["count"], r["others"]) for r in rows}
    assert got[("MEMBER_OF", "in", "Person")] == (2, ["张伟", "李秀英"])
    assert got[("LEADS", "in", "Person")] == (1, ["王建国"])
    assert got[("ORGANISED", "in", "Union")] == (1, ["茂名市总工会"])
    assert got[("HELPED", "out", "Enterprise")] == (1, ["电白区海通物流有限公司"])
    assert got[("PART_OF", "out", "Campaign")] == (1, ["劳模工匠助企行"])
    assert ("MENTIONS", "in", "Article") not in got


def test_graph_stats(graph, onto) -> None:
    nodes = {r["label"]: r["nodes"] for r in run(graph, "graph_stats")}
    assert set(nodes) == set(onto.node_types)
    assert (nodes["Person"], nodes["Enterprise"], nodes["Studio"], nodes["ServiceTeam"], nodes["Event"],
            nodes["Campaign"], nodes["Article"], nodes["Union"], nodes["GovernmentBody"]) == (6, 6, 2, 1, 2, 1, 2, 1, 0)


def test_article_stats(graph) -> None:
    rows = run(graph, "article_stats")
    assert [(r["title"], r["date"], r["entities"], r["relationships"]) for r in rows] == [
        ("劳模座谈会", "2025-05-01", 6, 5), ("劳模工匠助企行启动", "2025-03-05", 8, 8)]
    assert sorted(rows[0]["kinds"]) == ["Enterprise:1", "Event:1", "Person:3", "Union:1"]


# ------------------------------------------------------------------ data quality
def test_dq_nodes_without_source(graph) -> None:
    assert [(r["label"], r["nodes"], r["examples"]) for r in run(graph, "dq_nodes_without_source")] == [
        ("Person", 1, ["person:无名氏"])]


def test_dq_unreviewed_skills(graph) -> None:
    rows = run(graph, "dq_unreviewed_skills")
    assert [(r["skill"], r["holders"], r["needed_by"]) for r in rows] == [("风筝扎制", 2, 0)]


def test_dq_duplicate_names(graph) -> None:
    rows = run(graph, "dq_duplicate_names")
    assert [(r["label"], r["name"], r["ids"]) for r in rows] == [
        ("Person", "张伟", ["person:张伟", "person:张伟@电白区海通物流有限公司"])]
    assert [n["employers"] for n in rows[0]["nodes"]] == [["化州市金凤农业有限公司"], ["电白区海通物流有限公司"]]


def test_dq_facts_without_evidence(graph) -> None:
    rows = run(graph, "dq_facts_without_evidence")
    assert [(r["subject"], r["relationship"], r["object"]) for r in rows] == [(TEAM, "PART_OF", CAMPAIGN)]


def test_people_at_organisation(graph) -> None:
    rows = run(graph, "people_at_organisation", organisation="茂名市华隆化工有限公司")
    assert [(r["name"], r["position"], r["studios"]) for r in rows] == [
        ("李秀英", "技师", ["王建国劳模创新工作室"]), ("王建国", "高级技师", ["王建国劳模创新工作室"])]
    assert sorted(rows[1]["honours"]) == ["全国劳动模范", "广东省劳动模范"]
    assert run(graph, "people_at_organisation", organisation="茂名市总工会") == []


# ------------------------------------------------------------------ the command line
def test_cli_list_and_show(cli) -> None:
    r = cli("query", "list", "--format", "json")
    assert r.returncode == 0, r.stderr
    listed = {q["name"]: q for q in json.loads(r.stdout)}
    assert set(listed) == set(QUERIES)
    assert listed["craftsmen_by_skill"]["params"] == "skill:string, region:string, limit:int"
    r = cli("query", "show", "fact_sources")
    assert r.returncode == 0 and "--param id=<string>  required" in r.stdout and "MATCH (n)-[r]-(m)" in r.stdout
    r = cli("query", "show", "craftsman_by_skill")
    assert r.returncode != 0 and "did you mean craftsmen_by_skill" in r.stderr


def test_cli_runs_a_query_in_every_format(cli, graph) -> None:
    g = graph.graph_name
    r = cli("query", "craftsmen_by_skill", "--param", "skill=焊接", "--param", "region=茂南区", "--format", "json", graph=g)
    assert r.returncode == 0, r.stderr
    assert [x["register_id"] for x in json.loads(r.stdout)] == ["C02", "C01"]
    r = cli("query", "craftsmen_by_skill", "-p", "skill=焊接", "--format", "csv", "--limit", "1", graph=g)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("id,name,register_id") and len(lines) == 2 and "person:张伟" in lines[1]
    r = cli("query", "honours_by_level", "--param", "level=national", graph=g)
    assert r.returncode == 0 and "全国劳动模范" in r.stdout and "1 row(s)" in r.stdout
    r = cli("query", "smes_unserved_needs", "--example", "--format", "json", graph=g)
    assert r.returncode == 0 and json.loads(r.stdout) == []  # the example region 茂南区 has none
    r = cli("query", "honours_by_level", "--param", "level=null", "--param", "year=2021", "-f", "json", graph=g)
    assert [x["honour"] for x in json.loads(r.stdout)] == ["广东省五一劳动奖章"]


def test_cli_parameter_errors_name_the_parameter(cli, graph) -> None:
    g = graph.graph_name
    r = cli("query", "craftsmen_by_skill", graph=g)
    assert r.returncode == 1 and "needs parameter 'skill' (string)" in r.stderr and "Traceback" not in r.stderr
    r = cli("query", "craftsmen_by_skill", "--param", "skill=焊接", "--param", "limit=many", graph=g)
    assert r.returncode == 1 and "parameter 'limit' must be int, got 'many'" in r.stderr
    r = cli("query", "craftsmen_by_skill", "--param", "skil=焊接", graph=g)
    assert r.returncode == 1 and "has no parameter 'skil'" in r.stderr and "skill, region, limit" in r.stderr
    r = cli("query", "enterprises_helped_by_team", "--param", "team=T01", "--param", "members=perhaps", graph=g)
    assert "parameter 'members' must be bool" in r.stderr
    r = cli("query", "craftsmen_by_skill", "--param", "skill", graph=g)
    assert "--param takes name=value" in r.stderr
    r = cli("query", "no_such_query", graph=g)
    assert r.returncode != 0 and "no query named 'no_such_query'" in r.stderr


def test_cli_evidence_text(cli, graph) -> None:
    r = cli("query", "fact_sources", "--param", f"id={WANG}", "--param", "type=ATTENDED", "--evidence-text",
            "--format", "json", graph=graph.graph_name)
    assert r.returncode == 0, r.stderr
    texts = {x["other"]: x["evidence_text"] for x in json.loads(r.stdout)}
    assert texts == {"劳模工匠助企行启动仪式": ["全国劳动模范王建国和张伟出席启动仪式。"],
                     "劳模座谈会": ["5月1日，茂名市总工会召开劳模座谈会，王建国、李秀英和张伟参加座谈。"]}
    r = cli("query", "graph_stats", "--evidence-text", graph=graph.graph_name)
    assert r.returncode == 1 and "--evidence-text needs the columns" in r.stderr
