"""Relations, on sentences written for the test."""

from __future__ import annotations

from labourkg.extract import extract_text


def rels(text: str) -> set[tuple[str, str, str]]:
    doc = extract_text(text)
    names = {e["id"]: e["name"] for e in doc["entities"]}
    for r in doc["relations"]:
        assert r["evidence"]["start"] < r["evidence"]["end"] <= len(text)
        assert 0 < r["confidence"] <= 1
    return {(r["type"], names[r["subject"]], names[r["object"]]) for r in doc["relations"]}


def test_works_for_from_posts_with_implied_bodies():
    r = rels("潮州日报讯 市委副书记、市长林志远，市政协主席吴丹出席会议。")
    assert ("WORKS_FOR", "林志远", "潮州市委") in r
    assert ("WORKS_FOR", "林志远", "潮州市政府") in r
    assert ("WORKS_FOR", "吴丹", "潮州市政协") in r


def test_received_with_year_and_shared_title():
    doc = extract_text("云浮日报讯 全国劳模邓光明、蒋丽2023年到企业宣讲。张伟2021年荣获广东省五一劳动奖章。")
    names = {e["id"]: e["name"] for e in doc["entities"]}
    got = {(r["type"], names[r["subject"]], names[r["object"]]): r for r in doc["relations"]}
    assert ("RECEIVED", "邓光明", "全国劳动模范") in got
    assert ("RECEIVED", "蒋丽", "全国劳动模范") in got
    assert got[("RECEIVED", "张伟", "广东省五一劳动奖章")]["attributes"].get("year") == 2021


def test_team_visits_and_helps():
    r = rels("揭阳日报讯 揭阳市劳模工匠技术服务队走进揭阳市金泰五金制品有限公司，帮助企业解决模具磨损难题。")
    assert ("VISITED", "揭阳市劳模工匠技术服务队", "揭阳市金泰五金制品有限公司") in r
    assert ("HELPED", "揭阳市劳模工匠技术服务队", "揭阳市金泰五金制品有限公司") in r


def test_organised_attended_part_of():
    r = rels("汕尾日报讯 市总工会成立了汕尾市海洋产业劳模工匠技术服务队，开展“劳模工匠助企行”专项行动。"
             "市委副书记陈海波出席成立仪式。")
    assert ("ORGANISED", "汕尾市总工会", "汕尾市海洋产业劳模工匠技术服务队") in r
    assert ("PART_OF", "汕尾市海洋产业劳模工匠技术服务队", "劳模工匠助企行") in r


def test_studio_leads_based_at():
    r = rels("依托中山市宏图模具有限公司成立的钟伟强技能大师工作室，工作室成员何敏参与攻关。")
    assert ("LEADS", "钟伟强", "钟伟强技能大师工作室") in r
    assert ("BASED_AT", "钟伟强技能大师工作室", "中山市宏图模具有限公司") in r
    assert ("MEMBER_OF", "何敏", "钟伟强技能大师工作室") in r


def test_roster_lines_and_counted_lists():
    # invented names and units, in the shape of a commendation with its roster
    r = rels("梅州日报讯 授予甲乙、丙丁2名同志“梅州市优秀工会工作者”称号。\n"
             "附：2024年梅州市五一劳动奖章获得者名单\n梅州市华兴陶瓷有限公司 罗德华\n梅州市人民医院 钟秀兰\n")
    assert ("RECEIVED", "罗德华", "梅州市五一劳动奖章") in r
    assert ("WORKS_FOR", "罗德华", "梅州市华兴陶瓷有限公司") in r
    assert ("WORKS_FOR", "钟秀兰", "梅州市人民医院") in r


def test_shared_out_over_coordinated_people():
    r = rels("肇庆日报讯 队员陈志明、黄丽娜分别来自肇庆市星辉电子有限公司和肇庆市宏达机械有限公司，均为肇庆市劳动模范。")
    assert ("WORKS_FOR", "陈志明", "肇庆市星辉电子有限公司") in r
    assert ("WORKS_FOR", "黄丽娜", "肇庆市宏达机械有限公司") in r
    assert ("RECEIVED", "黄丽娜", "肇庆市劳动模范") in r


def test_counted_visit_then_scenes():
    r = rels("韶关日报讯 韶关市劳模工匠技术服务队深入2家企业开展技术服务。\n"
             "在韶关市丰源食品有限公司，企业反映烘干线温度不稳。\n李建华对温控系统进行调试。\n")
    assert ("VISITED", "韶关市劳模工匠技术服务队", "韶关市丰源食品有限公司") in r
    assert ("HELPED", "韶关市劳模工匠技术服务队", "韶关市丰源食品有限公司") in r
