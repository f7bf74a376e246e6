"""Cross-article person resolution and in-article short forms."""

from __future__ import annotations

from labourkg.extract.resolve import absorb, new_person_id, resolve_person, short_forms


def test_same_person_in_two_articles_is_one_node():
    cands = [{"id": "person:李刚", "name": "李刚", "orgs": {"enterprise:甲公司"}}]
    assert resolve_person("李刚", {"orgs": {"enterprise:甲公司"}}, cands) == "person:李刚"
    assert resolve_person("李刚", {}, cands) == "person:李刚"


def test_two_namesakes_with_different_employers_stay_two():
    cands = [{"id": "person:李刚", "name": "李刚", "orgs": {"enterprise:甲公司"}}]
    assert resolve_person("李刚", {"orgs": {"enterprise:乙公司"}}, cands) is None
    assert new_person_id("person:李刚", {"orgs": {"enterprise:乙公司"}}, {"person:李刚"}) == \
        "person:李刚@enterprise:乙公司"


def test_short_forms():
    assert "明珞装备" in short_forms("广州明珞装备股份有限公司", ["广州"])
    assert absorb("迎春座谈会", "2024年劳模工匠代表迎春座谈会", "Event")
    assert not absorb("产业工人队伍建设改革", "深化产业工人队伍建设改革推动高质量发展", "Campaign")
