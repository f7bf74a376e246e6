"""Each entity kind, on short sentences written for the test (not seed text)."""

from __future__ import annotations

import re

import pytest

from labourkg.extract import extract_text


def ents(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in extract_text(text)["entities"]:
        out.setdefault(e["type"], set()).add(e["name"])
    return out


def test_people_from_posts_lists_and_bylines():
    e = ents("韶关日报讯 记者孔令辉 市委书记、市长吕国平主持会议，市领导谢文、欧阳明华、卢静参加会议。")
    assert {"孔令辉", "吕国平", "谢文", "欧阳明华", "卢静"} <= e["Person"]


def test_people_not_from_common_words():
    e = ents("大力弘扬劳模精神，让劳动光荣蔚然成风。")
    assert "Person" not in e


def test_name_with_inner_space_and_title_after():
    e = ents("焊接培训师贺 彪介绍经验。")
    assert "贺彪" in e["Person"]


def test_organisations_by_suffix_and_resolution():
    text = "清远日报讯 市总工会、市人社局和清远市恒达精工科技有限公司、清远职业技术学院参加签约。"
    e = ents(text)
    assert "清远市总工会" in e["Union"]
    assert "清远市人社局" in e["GovernmentBody"]
    assert "清远市恒达精工科技有限公司" in e["Enterprise"]
    assert "清远职业技术学院" in e["Organization"]


def test_bracketed_place_in_company_name():
    e = ents("劳模工匠走进欣达电子(惠州)有限公司调研。")
    assert "欣达电子(惠州)有限公司" in e["Enterprise"]


def test_studio_team_and_leader():
    e = ents("依托河源市华丰电器有限公司成立的周国庆劳模创新工作室，与河源市制造业劳模工匠技术服务队开展交流。")
    assert "周国庆劳模创新工作室" in e["Studio"]
    assert "河源市制造业劳模工匠技术服务队" in e["ServiceTeam"]
    assert "周国庆" in e["Person"]


def test_generic_studios_and_teams_are_not_entities():
    e = ents("新建2个广东省劳模和工匠人才创新工作室，成立10支劳模工匠技术服务队。")
    assert "Studio" not in e and "ServiceTeam" not in e


def test_honours_scheme_and_patterns():
    e = ents("阳江日报讯 他先后荣获全国劳模、省五一劳动奖章和阳江市劳动模范称号。")
    assert {"全国劳动模范", "广东省五一劳动奖章", "阳江市劳动模范"} <= e["Honour"]


def test_events_and_campaigns():
    e = ents("汕头日报讯 汕头市召开2024年劳模工匠表彰大会，部署开展“劳模工匠助企行”专项行动。")
    assert "2024年劳模工匠表彰大会" in e["Event"] or "汕头市召开2024年劳模工匠表彰大会" not in e["Event"]
    assert "劳模工匠助企行" in e["Campaign"]


def test_places_and_home_city():
    e = ents("梅州日报讯 我市兴宁、梅县两地企业参加活动。")
    assert {"梅州市", "兴宁市"} <= e["Place"]


@pytest.mark.parametrize("text", [
    "茂名晚报讯 记者梁奈 市委书记、市人大常委会主任庄悦群出\n席会议，全国劳模\u3000贺 彪讲话。",
    "深圳商報訊 記者馮嘉慧 市總工會主席張麗萍出席開幕式。",
])
def test_mentions_point_into_original(text):
    for e in extract_text(text)["entities"]:
        for m in e["mentions"]:
            assert re.sub(r"\s", "", text[m["start"]:m["end"]]) == re.sub(r"\s", "", m["text"])


def test_article_fields_and_gb18030(tmp_path):
    from labourkg.extract import extract_file

    text = "惠州日报讯 2024年3月8日，惠州市总工会召开座谈会。"
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode("gb18030"))
    doc = extract_file(p)
    assert doc["article"]["date"] == "2024-03-08"
    assert doc["article"]["chars"] == len(text)
    assert len(doc["article"]["id"]) == 64
    assert any(e["name"] == "惠州市总工会" for e in doc["entities"])


def test_writer_of_a_news_brief_in_brackets():
    e = ents("■岳阳 岳阳市总工会日前举办职工技能比武，300余名职工参赛。（龚志平）\n"
             "■益阳 益阳市总工会走访困难职工家庭20户。（钟丽娜）")
    assert {"龚志平", "钟丽娜"} <= e["Person"]


def test_bracketed_word_after_a_sentence_is_no_writer():
    e = ents("岳阳市总工会举办职工技能比武，300余名职工参赛。（完）\n益阳市总工会走访困难职工。（图文）")
    assert "Person" not in e


def test_table_row_run_together_splits_at_a_place():
    e = ents("附：服务项目一览表\n序号 服务分队 服务企业 成效 1 陶瓷分队 清远恒美陶瓷有限 公司 能耗降低 2 电子分队 英德市华科电子有 限公司 良率提高")
    assert {"清远恒美陶瓷有限公司", "英德市华科电子有限公司"} <= e["Enterprise"]


def test_letter_spaced_company_name_is_not_split():
    e = ents("本报讯 记者走进清 远 恒 美 陶 瓷 有 限 公 司，了解生产情况。")
    assert "清远恒美陶瓷有限公司" in e["Enterprise"]


def test_plenary_session_of_a_committee_is_an_event():
    e = ents("本报讯 3月8日，韶关市总工会召开第九届委员会第二次全体（扩大）会议，部署全年工作。")
    assert "第九届委员会第二次全体(扩大)会议" in {n.replace("（", "(").replace("）", ")") for n in e.get("Event", ())}
    e = ents("本报讯 乐昌市总工会八届四次全委会议召开。")
    assert any(n.endswith("八届四次全委会议") for n in e.get("Event", ()))


def test_a_meeting_without_a_session_is_no_event():
    e = ents("本报讯 韶关市总工会召开全体会议，传达上级精神。")
    assert "Event" not in e
