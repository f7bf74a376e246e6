"""Register loader on the real embedded store: every table, both header languages, xlsx,
GB18030, custom mappings, each bad-row kind of the contract, and idempotent reloads."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from labourkg.load.mapping import MappingError, load_mapping
from labourkg.load.roster import SkillMatcher, load_roster, parse_date, split_list
from labourkg.resources import samples_dir

CRAFTSMEN_EN = ["id", "name", "employer", "position", "honours", "skills", "industries", "region", "capacity"]
CRAFTSMEN_ZH = ["编号", "姓名", "工作单位", "职务", "荣誉", "技能专长", "行业", "所在地区", "服务能力"]


def write_csv(path: Path, headers: list[str], rows: list[list[object]], encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        w.writerow(headers)
        w.writerows(rows)
    return path


def one(store, query: str, **params):
    return store.read(query, params).scalar()


def count(store, query: str, **params) -> int:
    return int(store.read(query, params).scalar() or 0)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    """A small register: two craftsmen, one studio, one team, two enterprises, two engagements."""
    d = tmp_path / "reg"
    d.mkdir()
    write_csv(d / "craftsmen.csv", CRAFTSMEN_EN, [
        ["C1", "林测试", "茂名市测试石化有限公司", "高级技师", "全国五一劳动奖章:2019;广东省五一劳动奖章:2015",
         "焊接;压力容器焊接、无损检测", "C26;石油、煤炭及其他燃料加工业", "茂南区", "3"],
        ["C2", "黄样例", "茂名市测试电子有限公司", "技师", "", "SMT贴片;沉香手搓线香", "C39", "440904", ""],
    ])
    write_csv(d / "studios.csv", ["编号", "名称", "级别", "领衔人", "依托单位", "技术方向", "行业", "所在地区", "成员"], [
        ["S1", "林测试劳模创新工作室", "省级", "C1", "茂名市测试石化有限公司", "焊接", "C26", "茂南区", "C2"],
    ])
    write_csv(d / "teams.csv", ["id", "name", "leader", "members", "industries", "region", "organiser"], [
        ["T1", "茂南区测试技术服务队", "C2", "C1", "C39", "茂南区", "茂南区总工会"],
    ])
    write_csv(d / "enterprises.csv", ["编号", "企业名称", "统一社会信用代码", "行业", "专精特新等级", "所在地区", "规模",
                                      "技术需求", "需求类型"], [
        ["E1", "茂名市测试电子有限公司", "", "C39", "创新型中小企业", "电白区", "小", "SMT贴片不良率偏高，急需解决焊接难题", "技术攻关"],
        ["E2", "信宜市测试食品有限公司", "", "C14", "little_giant", "信宜市", "微", "希望提升食品安全检测水平", "技术服务;技术培训"],
    ], encoding="gb18030")
    write_csv(d / "engagements.csv", ["provider", "enterprise", "date", "service_type", "outcome"], [
        ["C2", "E1", "2024-05-06", "技术攻关", "不良率下降"],
        ["S1", "E2", "2025/2/3", "技术培训", ""],
    ])
    return d


def test_each_table_loads(store, onto, register: Path) -> None:
    rep = load_roster(store, onto, register)
    assert rep.ok and not rep.errors, rep.errors
    assert {t.table: t.loaded for t in rep.tables} == {
        "craftsmen": 2, "enterprises": 2, "studios": 1, "teams": 1, "engagements": 2}
    assert not rep.warnings, rep.warnings
    # employer by canonical name: the enterprise register's E1 and C2's employer are one node
    assert count(store, "MATCH (p:Person {register_id: 'C2'})-[:WORKS_FOR]->(e:Enterprise {register_id: 'E1'}) "
                        "RETURN count(*)") == 1
    # honours to the scheme with their year, the generic 广东省… through its label pattern
    years = store.read("MATCH (:Person {register_id: 'C1'})-[r:RECEIVED]->(h:Honour) RETURN h.id, r.year").rows
    assert len(years) == 2 and {y for _, y in years} == {2019, 2015}
    assert all(not hid.startswith("honour:全国") for hid, _ in years)  # concepts, not new nodes
    # skills from free text: vocabulary concepts, and an unknown specialty as reviewed=false
    assert count(store, "MATCH (:Person {register_id: 'C1'})-[:HAS_SKILL]->(s:Skill) WHERE s.reviewed "
                        "RETURN count(s)") >= 3
    assert one(store, "MATCH (:Person {register_id: 'C2'})-[:HAS_SKILL]->(s:Skill {reviewed: false}) "
                      "RETURN s.name") == "沉香手搓线香"
    # industries by code and by an official name that contains 、
    assert sorted(r[0] for r in store.read("MATCH (:Person {register_id: 'C1'})-[:IN_INDUSTRY]->(i) "
                                           "RETURN i.id").rows) == ["industry:C25", "industry:C26"]
    # regions by name and by code
    assert one(store, "MATCH (:Person {register_id: 'C2'})-[:LOCATED_IN]->(p:Place) RETURN p.code") == "440904"
    assert one(store, "MATCH (p:Person {register_id: 'C1'}) RETURN p.capacity") == 3
    assert one(store, "MATCH (p:Person {register_id: 'C2'}) RETURN p.capacity") == 2  # the default
    # studio: leader, member, host, level
    assert one(store, "MATCH (s:Studio {register_id: 'S1'}) RETURN s.level") == "provincial"
    assert count(store, "MATCH (:Person {register_id: 'C1'})-[:LEADS]->(:Studio {register_id: 'S1'}) "
                        "RETURN count(*)") == 1
    assert count(store, "MATCH (:Person {register_id: 'C2'})-[:MEMBER_OF]->(:Studio) RETURN count(*)") == 1
    assert count(store, "MATCH (:Studio)-[:BASED_AT]->(:Enterprise {name: '茂名市测试石化有限公司'}) "
                        "RETURN count(*)") == 1
    # team: organiser is a union by its suffix
    assert count(store, "MATCH (:Union {name: '茂南区总工会'})-[:ORGANISED]->(:ServiceTeam) RETURN count(*)") == 1
    # enterprises (GB18030 file, Chinese headers): tier enum, needs to skills, service types
    assert one(store, "MATCH (e:Enterprise {register_id: 'E1'}) RETURN e.tier") == "innovative"
    assert one(store, "MATCH (e:Enterprise {register_id: 'E2'}) RETURN e.tier") == "little_giant"
    assert one(store, "MATCH (e:Enterprise {register_id: 'E2'}) RETURN e.service_types") == [
        "technical_service", "technical_training"]
    needs = {r[0] for r in store.read("MATCH (:Enterprise {register_id: 'E1'})-[:NEEDS]->(s) RETURN s.id").rows}
    assert len(needs) >= 2
    # engagements: dates normalised, quarter, service type
    rows = store.read("MATCH (a)-[r:ENGAGED]->(e:Enterprise) RETURN a.register_id, e.register_id, r.date, r.period, "
                      "r.service_type ORDER BY r.date").rows
    assert rows == [["C2", "E1", "2024-05-06", "2024Q2", "technical_breakthrough"],
                    ["S1", "E2", "2025-02-03", "2025Q1", "technical_training"]]


def test_list_cell_keeps_official_names_with_dunhao(store, onto, tmp_path: Path) -> None:
    """An industry name with 、 written in one cell next to other items is one industry."""
    d = tmp_path / "reg"
    d.mkdir()
    write_csv(d / "craftsmen.csv", CRAFTSMEN_EN, [
        ["C1", "林测试", "", "", "", "焊接", "石油、煤炭及其他燃料加工业、C26", "茂南区", ""],
        ["C2", "黄样例", "", "", "", "焊接", "木材加工和木、竹、藤、棕、草制品业", "茂南区", ""],
    ])
    rep = load_roster(store, onto, d)
    assert rep.ok and not rep.warnings, (rep.errors, rep.warnings)
    rows = store.read("MATCH (p:Person)-[:IN_INDUSTRY]->(i) RETURN p.register_id, i.id ORDER BY p.register_id, i.id").rows
    assert rows == [["C1", "industry:C25"], ["C1", "industry:C26"], ["C2", "industry:C20"]]


def test_reload_changes_nothing(store, onto, register: Path) -> None:
    first = load_roster(store, onto, register)
    assert first.stats.nodes_created > 0
    second = load_roster(store, onto, register)
    assert second.stats.nodes_created == 0 and second.stats.relationships_created == 0
    assert second.stats.properties_set == 0
    assert not second.stats.changed()


def test_chinese_and_english_headers_load_the_same(store, onto, tmp_path: Path) -> None:
    row = ["C9", "吴双语", "茂名市双语有限公司", "技师", "茂名市劳动模范:2020", "焊接", "C26", "茂南区", "2"]
    en, zh = tmp_path / "en", tmp_path / "zh"
    en.mkdir()
    zh.mkdir()
    write_csv(en / "craftsmen.csv", CRAFTSMEN_EN, [row])
    write_csv(zh / "craftsmen.csv", CRAFTSMEN_ZH, [row])
    a = load_roster(store, onto, en)
    b = load_roster(store, onto, zh)
    assert a.stats.elements > 0 and b.stats.elements == 0  # the same facts


def test_xlsx_workbook(store, onto, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import datetime as dt

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "craftsmen"
    ws.append(CRAFTSMEN_ZH)
    ws.append(["X1", "钟表格", "茂名市表格有限公司", "技师", "", "焊接", "C26", "高州市", 4])
    ws2 = wb.create_sheet("enterprises")
    ws2.append(["id", "name", "industries", "region", "needs"])
    ws2.append(["XE1", "茂名市表格客户有限公司", "C26", "化州市", "焊接质量不稳定"])
    ws3 = wb.create_sheet("engagements")
    ws3.append(["服务方", "企业", "日期", "服务类型"])
    ws3.append(["X1", "XE1", dt.datetime(2024, 7, 1), "技术服务"])
    wb.save(tmp_path / "register.xlsx")
    rep = load_roster(store, onto, tmp_path / "register.xlsx")
    assert rep.ok, rep.errors
    assert [t.source for t in rep.tables] == ["register.xlsx:craftsmen", "register.xlsx:enterprises",
                                             "register.xlsx:engagements"]
    assert one(store, "MATCH (:Person {register_id: 'X1'})-[r:ENGAGED]->() RETURN r.date") == "2024-07-01"
    assert one(store, "MATCH (p:Person {register_id: 'X1'}) RETURN p.capacity") == 4


def test_custom_mapping_with_other_headers(store, onto, tmp_path: Path) -> None:
    d = tmp_path / "custom"
    d.mkdir()
    write_csv(d / "人员名单.csv", ["工号", "职工姓名", "所在单位", "专业特长", "区县"], [
        ["G01", "何映射", "茂名市映射机械有限公司", "数控车削、焊接", "信宜市"],
    ])
    (d / "people.yaml").write_text(
        "extends: craftsmen\nfile: 人员名单.csv\nfields:\n"
        "  id: {headers: [工号]}\n  name: {headers: [职工姓名]}\n  employer: {headers: [所在单位]}\n"
        "  skills: {headers: [专业特长]}\n  region: {headers: [区县]}\n", encoding="utf-8")
    rep = load_roster(store, onto, d)
    assert rep.ok and rep.tables[0].table == "craftsmen" and rep.tables[0].loaded == 1, rep
    assert count(store, "MATCH (:Person {register_id: 'G01'})-[:HAS_SKILL]->(s) RETURN count(s)") == 2
    assert one(store, "MATCH (:Person {register_id: 'G01'})-[:LOCATED_IN]->(p) RETURN p.name") == "信宜市"
    # the mapping keeps the parent's headers too, and its required flags
    m = load_mapping(d / "people.yaml", onto)
    assert "姓名" in m.fields["name"].headers and m.fields["name"].required
    assert m.fields["capacity"].default == 2


def test_mapping_passed_explicitly_and_replace_headers(store, onto, tmp_path: Path) -> None:
    d = tmp_path / "data"
    d.mkdir()
    write_csv(d / "companies.csv", ["代码", "单位名称", "地区"], [["K1", "茂名市显式映射有限公司", "茂南区"]])
    m = tmp_path / "companies.yaml"
    m.write_text("extends: enterprises\nfile: companies\nfields:\n  id: {headers: [代码], replace_headers: true}\n"
                 "  name: {headers: [单位名称]}\n", encoding="utf-8")
    assert load_mapping(m, onto).fields["id"].headers == ["代码"]
    rep = load_roster(store, onto, d, mapping_files=[m])
    assert rep.ok and rep.loaded == 1
    assert one(store, "MATCH (e:Enterprise {register_id: 'K1'}) RETURN e.name") == "茂名市显式映射有限公司"


def test_bad_mappings_are_reported(onto, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("extends: nosuch\n", encoding="utf-8")
    with pytest.raises(MappingError, match="nosuch"):
        load_mapping(bad, onto)
    bad.write_text("extends: craftsmen\nfields:\n  name: {headers: [x], colour: red}\n", encoding="utf-8")
    with pytest.raises(MappingError, match="colour"):
        load_mapping(bad, onto)
    loop = tmp_path / "loop.yaml"
    loop.write_text("extends: loop.yaml\n", encoding="utf-8")
    with pytest.raises(MappingError, match="circle"):
        load_mapping(loop, onto)


def test_table_found_by_its_headers(store, onto, tmp_path: Path) -> None:
    d = tmp_path / "named"
    d.mkdir()
    write_csv(d / "2024年名册.csv", CRAFTSMEN_ZH, [["H1", "孙表头", "", "", "", "焊接", "", "", ""]])
    rep = load_roster(store, onto, d)
    assert rep.tables and rep.tables[0].table == "craftsmen" and rep.loaded == 1


def test_sample_register_loads_cleanly(store, onto, tmp_path: Path) -> None:
    src = samples_dir() / "roster"
    rep = load_roster(store, onto, src)
    assert rep.ok and not rep.warnings and not rep.skipped, (rep.errors[:3], rep.warnings[:3])
    loaded = {t.table: t.loaded for t in rep.tables}
    assert loaded["craftsmen"] >= 150 and loaded["studios"] >= 30 and loaded["teams"] >= 10
    assert loaded["enterprises"] >= 200 and loaded["engagements"] >= 300
    again = load_roster(store, onto, src)
    assert again.stats.nodes_created == 0 and again.stats.relationships_created == 0


def test_small_batches_give_the_same_graph(store, onto, register: Path, tmp_path: Path) -> None:
    rep = load_roster(store, onto, register, batch_size=1)
    assert rep.ok
    again = load_roster(store, onto, register, batch_size=3)
    assert again.stats.elements == 0


def test_helpers() -> None:
    assert split_list("焊接;压力容器、无损检测，涂装") == ["焊接", "压力容器", "无损检测", "涂装"]
    assert split_list("木材加工和木、竹、藤、棕、草制品业", keep=lambda s: True) == ["木材加工和木、竹、藤、棕、草制品业"]
    known = {"石油、煤炭及其他燃料加工业", "C26", "焊接", "车、铣"}.__contains__
    # the longest known run of 、-parts from the left; unknown parts stay single items
    assert split_list("石油、煤炭及其他燃料加工业、C26", keep=known) == ["石油、煤炭及其他燃料加工业", "C26"]
    assert split_list("焊接、车、铣、钳;C26", keep=known) == ["焊接", "车、铣", "钳", "C26"]
    assert split_list("石油、煤炭", keep=known) == ["石油", "煤炭"]
    # the whole cell first: a known value may contain a separator
    assert split_list("甲、乙，丙", keep={"甲、乙，丙"}.__contains__) == ["甲、乙，丙"]
    assert parse_date("2024/3/5") == "2024-03-05" and parse_date("2024年3月5日") == "2024-03-05"
    with pytest.raises(ValueError):
        parse_date("2024-13-01")


def test_skill_matcher_is_leftmost_longest(onto) -> None:
    from labourkg.vocab import normalise, vocab_index

    m = SkillMatcher(onto)
    text = "企业新上生产线，压力容器焊接质量不稳定，希望开展数控车削培训"
    found, _ = m.find(normalise(text))
    assert [c.id for c in found] == [c.id for c, _ in vocab_index(onto, "skills").find_in(text)]
    assert found

