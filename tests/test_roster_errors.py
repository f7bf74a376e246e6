"""Bad rows: each kind of the contract is reported with file, line, column and reason; the
good rows load; a rejected row leaves nothing behind; nothing already in the graph is lost."""

from __future__ import annotations

import csv
from pathlib import Path

from labourkg.load.roster import load_roster

CRAFTSMEN = ["id", "name", "employer", "position", "honours", "skills", "industries", "region", "capacity"]


def write_csv(path: Path, headers: list[str], rows: list[list[object]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(headers)
        w.writerows(rows)


def count(store, query: str) -> int:
    return int(store.read(query).scalar() or 0)


def test_each_bad_row_kind(store, onto, tmp_path: Path) -> None:
    d = tmp_path / "bad"
    d.mkdir()
    write_csv(d / "craftsmen.csv", CRAFTSMEN, [
        ["B1", "好人甲", "茂名市好人有限公司", "", "茂名市劳动模范:2018", "焊接", "C26", "茂南区", "2"],   # line 2: good
        ["B2", "", "茂名市无名有限公司", "", "", "焊接", "", "", ""],                                 # line 3: no name
        ["B3", "年份错", "茂名市坏年份有限公司", "", "全国劳动模范:1890", "沉香雕刻", "", "", ""],          # line 4: year
        ["B4", "年份乱", "", "", "全国劳动模范:去年", "", "", "", ""],                                  # line 5: not a year
        ["B5", "好人乙", "", "", "", "数控车削", "火星产业", "火星", "lots"],                             # line 6: warnings only
    ])
    write_csv(d / "studios.csv", ["id", "name", "leader", "members"], [
        ["S1", "好人甲工作室", "B1", "B5"],         # line 2: good
        ["S2", "坏领衔人工作室", "NOPE", ""],       # line 3: unknown leader
        ["S3", "坏成员工作室", "B1", "B5;B999"],    # line 4: unknown member
        ["S4", "被拒者工作室", "B2", ""],           # line 5: leader was rejected above
    ])
    write_csv(d / "teams.csv", ["id", "name", "leader", "members"], [
        ["T1", "坏队", "B1", "GHOST"],              # line 2: unknown member
    ])
    write_csv(d / "enterprises.csv", ["id", "name", "credit_code", "size"], [
        ["E1", "茂名市好企业有限公司", "not-a-code", "超大"],  # line 2: loads, two values dropped
        ["", "茂名市无编号有限公司", "", ""],                # line 3: no id
    ])
    write_csv(d / "engagements.csv", ["provider", "enterprise", "date", "service_type"], [
        ["B1", "E1", "2024-02-30", "技术服务"],     # line 2: bad date
        ["B1", "E1", "昨天", "技术服务"],           # line 3: not a date
        ["B1", "E404", "2024-02-01", "技术服务"],   # line 4: unknown enterprise
        ["X9", "E1", "2024-02-01", "技术服务"],     # line 5: unknown provider
        ["S1", "E1", "2024-02-01", "技术服务"],     # line 6: good
    ])
    rep = load_roster(store, onto, d)
    got = {(e.file, e.line, e.column) for e in rep.errors}
    assert got == {
        ("craftsmen.csv", 3, "name"), ("craftsmen.csv", 4, "honours"), ("craftsmen.csv", 5, "honours"),
        ("studios.csv", 3, "leader"), ("studios.csv", 4, "members"), ("studios.csv", 5, "leader"),
        ("teams.csv", 2, "members"),
        ("enterprises.csv", 3, "id"),
        ("engagements.csv", 2, "date"), ("engagements.csv", 3, "date"), ("engagements.csv", 4, "enterprise"),
        ("engagements.csv", 5, "provider"),
    }, rep.errors
    reasons = {(e.file, e.line): e.reason for e in rep.errors}
    assert "1950-2100" in reasons[("craftsmen.csv", 4)]
    assert "not a date" in reasons[("engagements.csv", 3)]
    assert "'NOPE'" in reasons[("studios.csv", 3)]
    assert "B999" in reasons[("studios.csv", 4)]
    assert all(str(e).startswith(f"{e.file}:{e.line}: column {e.column}: ") for e in rep.errors)
    assert not rep.ok and rep.exit_code() == 1 and rep.exit_code(allow_partial=True) == 0
    assert rep.rejected == 12 and rep.to_dict()["rejected"] == 12
    # warnings: the rows loaded without the bad values
    warned = {(w.line, w.column) for w in rep.warnings if w.file == "craftsmen.csv"}
    assert warned == {(6, "industries"), (6, "region"), (6, "capacity")}
    assert {(w.line, w.column) for w in rep.warnings if w.file == "enterprises.csv"} == {(2, "credit_code"), (2, "size")}
    by_table = {t.table: (t.loaded, t.rejected) for t in rep.tables}
    assert by_table == {"craftsmen": (2, 3), "studios": (1, 3), "teams": (0, 1), "enterprises": (1, 1),
                        "engagements": (1, 4)}

    # rejected rows leave nothing behind: no node, no employer, no skill, no honour of theirs
    assert count(store, "MATCH (p:Person) RETURN count(p)") == 2
    assert count(store, "MATCH (o {name: '茂名市无名有限公司'}) RETURN count(o)") == 0
    assert count(store, "MATCH (o {name: '茂名市坏年份有限公司'}) RETURN count(o)") == 0
    assert count(store, "MATCH (s:Skill {name: '沉香雕刻'}) RETURN count(s)") == 0
    assert count(store, "MATCH (s:Studio) RETURN count(s)") == 1
    assert count(store, "MATCH (t:ServiceTeam) RETURN count(t)") == 0
    assert count(store, "MATCH ()-[r:ENGAGED]->() RETURN count(r)") == 1
    assert count(store, "MATCH (e:Enterprise {register_id: 'E1'}) WHERE e.size IS NULL AND e.credit_code IS NULL "
                        "RETURN count(e)") == 1
    assert count(store, "MATCH (p:Person {register_id: 'B5'}) RETURN p.capacity") == 2

    # loading again: the same report, and nothing new
    again = load_roster(store, onto, d)
    assert {(e.file, e.line, e.column) for e in again.errors} == got
    assert again.stats.elements == 0


def test_nothing_already_in_the_graph_is_lost(store, onto, tmp_path: Path) -> None:
    d = tmp_path / "v1"
    d.mkdir()
    write_csv(d / "craftsmen.csv", CRAFTSMEN, [["K1", "保留者", "茂名市保留有限公司", "技师", "", "焊接", "C26", "茂南区", "3"]])
    assert load_roster(store, onto, d).ok
    # a later register with empty cells and one bad row does not erase what the first said
    write_csv(d / "craftsmen.csv", CRAFTSMEN, [["K1", "保留者", "", "", "", "", "", "", ""],
                                               ["K2", "", "", "", "", "", "", "", ""]])
    rep = load_roster(store, onto, d)
    assert rep.rejected == 1
    row = store.read("MATCH (p:Person {register_id: 'K1'})-[w:WORKS_FOR]->(o) "
                     "RETURN p.capacity, p.region_code, w.position, o.name").rows
    assert row == [[3, "440902", "技师", "茂名市保留有限公司"]]


def test_missing_required_column_rejects_the_table(store, onto, tmp_path: Path) -> None:
    d = tmp_path / "nocol"
    d.mkdir()
    write_csv(d / "craftsmen.csv", ["id", "employer"], [["Z1", "茂名市某有限公司"]])
    rep = load_roster(store, onto, d)
    assert [(e.file, e.line, e.column) for e in rep.errors] == [("craftsmen.csv", 1, "name")]
    assert count(store, "MATCH (p:Person) RETURN count(p)") == 0


def test_unknown_table_is_skipped(store, onto, tmp_path: Path) -> None:
    d = tmp_path / "other"
    d.mkdir()
    write_csv(d / "budget.csv", ["year", "amount"], [["2024", "100"]])
    rep = load_roster(store, onto, d)
    assert rep.skipped == ["budget.csv"] and rep.ok
