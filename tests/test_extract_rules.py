"""One test per general rule, on invented sentences (no names from the seed or held-out articles)."""

from __future__ import annotations

from labourkg.extract import extract_text
from labourkg.text import normalise


def _doc(text: str) -> tuple[dict[str, set[str]], set[tuple[str, str, str]]]:
    doc = extract_text(text)
    names = {e["id"]: e["name"] for e in doc["entities"]}
    ents: dict[str, set[str]] = {}
    for e in doc["entities"]:
        ents.setdefault(e["type"], set()).add(e["name"])
    return ents, {(r["type"], names[r["subject"]], names[r["object"]]) for r in doc["relations"]}


# ---------------------------------------------------------------- text


def test_list_entries_are_not_joined_as_column_wraps():
    lines = ["二、先进工作者（3名）", "贺文强（某某市某某区人民医院外科主任）", "苗海燕（女，某某县实验中学数学教师）",
             "卜永庆（某某市某某有限公司高级技师）", "这是一行很长的正文文字用来撑起典型行长度的计算结果啊"]
    n = normalise("\n".join(lines))
    assert "主任)\n苗海燕" in n.text and "教师)\n卜永庆" in n.text
    assert normalise("这是一行很长的正文文字用来撑起典型行长度\n三、其他事项说明在这里").text.count("\n") == 1


# ---------------------------------------------------------------- organisations


def test_org_names_keep_ordinals_and_business_words():
    ents, _ = _doc("贺文强（女，韶关市第二人民医院护士长）\n苗海燕（乐昌市金穗农机服务有限公司技术员）\n")
    assert "韶关市第二人民医院" in ents["Organization"]
    assert "乐昌市金穗农机服务有限公司" in ents["Enterprise"]


def test_region_name_after_an_unrelated_place_is_a_trade_name():
    ents, r = _doc("韶关日报讯 韶关市武江区海丰建材厂厂长贺文强介绍了情况。")
    assert "海丰县" not in ents.get("Place", set())
    assert ("LOCATED_IN", "韶关市武江区海丰建材厂", "武江区") in r


# ---------------------------------------------------------------- honour lists and posts


def test_bracketed_unit_and_post_after_a_name():
    _, r = _doc("韶关日报讯 会上表扬了贺文强（韶关市公安局武江分局治安大队队长）和苗海燕（女，韶关市第二人民医院护士长）。")
    assert ("WORKS_FOR", "贺文强", "武江分局") in r
    assert ("WORKS_FOR", "苗海燕", "韶关市第二人民医院") in r


def test_enumerated_section_heading_names_the_honour_of_its_list():
    text = ("韶关日报讯\n2024年韶关市劳动模范和先进工作者名单\n一、韶关市劳动模范（2名）\n贺文强（韶关市金穗建材有限公司厂长）\n"
            "苗海燕（女，韶关市丰源纺织有限公司挡车工）\n二、韶关市先进工作者（1名）\n卜永庆（韶关市第二人民医院主任医师）\n")
    _, r = _doc(text)
    assert ("RECEIVED", "贺文强", "韶关市劳动模范") in r
    assert ("RECEIVED", "苗海燕", "韶关市劳动模范") in r
    assert ("RECEIVED", "卜永庆", "韶关市先进工作者") in r
    assert ("RECEIVED", "卜永庆", "韶关市劳动模范") not in r


# ---------------------------------------------------------------- places


def test_located_in_from_the_name_only_when_it_says_more_than_the_home_city():
    _, r = _doc("韶关日报讯 广东金穗建材有限公司、韶关丰源纺织有限公司和韶关市武江区利民五金厂的职工参加活动。")
    assert not any(t == "LOCATED_IN" and s in ("广东金穗建材有限公司", "韶关丰源纺织有限公司") for t, s, _ in r)
    assert ("LOCATED_IN", "韶关市武江区利民五金厂", "武江区") in r


def test_located_in_from_place_de_org():
    _, r = _doc("韶关日报讯 服务队来到位于乳源瑶族自治县的韶关丰源纺织有限公司，又为乐昌市某某镇的韶关金穗建材有限公司提供服务。")
    assert ("LOCATED_IN", "韶关丰源纺织有限公司", "乳源瑶族自治县") in r
    assert ("LOCATED_IN", "韶关金穗建材有限公司", "乐昌市") in r


# ---------------------------------------------------------------- posts, copula, organisers, attendance


def test_company_committee_is_a_post_and_union_department_is_a_union():
    ents, r = _doc("韶关日报讯 韶关丰源纺织有限公司党委书记、董事长贺文强致辞。市总工会宣传教育部负责人参加活动。")
    assert not any(n.endswith("党委") for n in ents.get("GovernmentBody", set()))
    assert ("WORKS_FOR", "贺文强", "韶关丰源纺织有限公司") in r
    assert "韶关市总工会宣传教育部" in ents["Union"]


def test_employer_post_title_is_not_an_honour():
    ents, _ = _doc("韶关日报讯 韶关丰源纺织有限公司首席技师贺文强介绍经验。")
    assert "首席技师" not in ents.get("Honour", set())


def test_bare_company_and_list_members_share_the_employer():
    _, r = _doc("韶关日报讯 工作室依托韶关丰源纺织有限公司建设。核心成员有公司电气工程师贺文强、机械技师苗海燕和青年技术员卜永庆等。")
    for who in ("贺文强", "苗海燕", "卜永庆"):
        assert ("WORKS_FOR", who, "韶关丰源纺织有限公司") in r


def test_copula_gives_posts_and_honours():
    _, r = _doc("韶关日报讯 韶关丰源纺织有限公司举办活动。领衔人贺文强是公司首席技师、全国劳动模范，从事纺织机械维修多年。")
    assert ("WORKS_FOR", "贺文强", "韶关丰源纺织有限公司") in r
    assert ("RECEIVED", "贺文强", "全国劳动模范") in r


def test_correspondent_does_not_work_for_the_paper():
    _, r = _doc("韶关日报讯 记者贺文强 通讯员苗海燕 日前，韶关市总工会举办职工技能大赛。")
    assert ("WORKS_FOR", "贺文强", "韶关日报") in r
    assert ("WORKS_FOR", "苗海燕", "韶关日报") not in r


def test_organiser_before_a_locative_phrase():
    _, r = _doc("韶关日报讯 5月8日，韶关市总工会在韶关丰源纺织有限公司举行2024年职工技能比武启动仪式。")
    assert ("ORGANISED", "韶关市总工会", "2024年职工技能比武启动仪式") in r


def test_attendance_without_object_refers_to_the_story_event():
    _, r = _doc("韶关日报讯 5月8日，韶关市2024年劳模座谈会召开。韶关丰源纺织有限公司董事长贺文强出席并致辞。")
    assert ("ATTENDED", "贺文强", "韶关市2024年劳模座谈会") in r


# ---------------------------------------------------------------- lists of names, OCR spacing


def test_names_closed_by_a_count_receive_the_honour_after_it():
    _, r = _doc("韶关日报讯 大会为贺文强、苗海燕、卜永庆等10名2024年“丹霞工匠”颁发证书，授予左立群等5名同志“韶关市先进工作者”称号。")
    for who in ("贺文强", "苗海燕", "卜永庆"):
        assert ("RECEIVED", who, "丹霞工匠") in r
    assert ("RECEIVED", "左立群", "韶关市先进工作者") in r


def test_letter_spaced_names_and_new_posts():
    ents, r = _doc("韶关日报讯 韶关丰源纺织有限公司选手 贺 文 强 获得第一名，韶关金穗建材有限公司选手 卜 永 分获第二名。"
                   "韶关市第二人民医院护士长苗海燕发言。")
    assert {"贺文强", "卜永", "苗海燕"} <= ents["Person"]
    assert ("WORKS_FOR", "贺文强", "韶关丰源纺织有限公司") in r
    assert ("WORKS_FOR", "苗海燕", "韶关市第二人民医院") in r


def test_letter_spacing_does_not_make_a_short_line_full():
    text = "甲 乙 丙 丁 戊 己 庚 辛 壬\n" * 6 + "去年还曾参加了韶\n关市总工会举办的培训。\n"
    assert "参加了韶关市总工会" in normalise(text).text


# ---------------------------------------------------------------- events, organisers, resolution


def test_district_relative_names_fold_into_the_full_name():
    ents, _ = _doc("深圳晚报讯 由深圳市龙岗区总工会主办的比赛举行。区总工会主席贺文强致辞，前三名获“龙岗区技术能手”称号，"
                   "已有42名选手获评区技术能手。")
    assert "区总工会" not in ents["Union"] and "龙岗区总工会" in ents["Union"]
    assert ents["Honour"] == {"龙岗区技术能手"}


def test_event_round_and_headline_short_form_are_one_event():
    ents, r = _doc("龙岗区职工电工技能竞赛决赛落幕\n深圳晚报讯 由龙岗区总工会、龙岗区人力资源局联合主办的2024年龙岗区职工职业技能竞赛"
                   "（电工）决赛举行。本次竞赛是龙岗区“技能强区”行动的重要内容。全区已举办各工种的区级竞赛。")
    assert ents["Event"] == {"2024年龙岗区职工职业技能竞赛(电工)决赛"}
    ev = "2024年龙岗区职工职业技能竞赛(电工)决赛"
    assert ("ORGANISED", "龙岗区总工会", ev) in r and ("ORGANISED", "龙岗区人力资源局", ev) in r
    assert ("PART_OF", ev, "技能强区") in r


def test_conferring_body_does_not_receive():
    _, r = _doc("深圳晚报讯 前三名选手由龙岗区人力资源局授予“龙岗区技术能手”称号。")
    assert not any(t == "RECEIVED" for t, _, _ in r)


def test_programme_organised_by_bodies_named_after_shi():
    ents, r = _doc("杭州日报讯 “百万职工技能大练兵”是杭州市总工会、杭州市人力资源和社会保障局联合开展的品牌活动。"
                   "市人力社保局局长贺文强出席。")
    assert ("ORGANISED", "杭州市总工会", "百万职工技能大练兵") in r
    assert ("ORGANISED", "杭州市人力资源和社会保障局", "百万职工技能大练兵") in r
    assert len(ents["GovernmentBody"]) == 1


def test_quoted_slogan_is_not_an_honour():
    ents, _ = _doc("杭州日报讯 金立平号召全市职工“人人练技能、个个当能手”。")
    assert not ents.get("Honour")


# ---------------------------------------------------------------- teams, studios, visits


def test_leader_and_led_members_of_a_team():
    _, r = _doc("韶关日报讯 韶关市机电劳模工匠技术服务队成立。5月8日，服务队队长、韶关丰源纺织有限公司总工程师贺文强带领队员——"
                "韶关金穗建材有限公司高级技师苗海燕等一行5人走进韶关利民五金有限公司，帮助企业解决难题。")
    team = "韶关市机电劳模工匠技术服务队"
    assert ("LEADS", "贺文强", team) in r
    assert ("MEMBER_OF", "苗海燕", team) in r and ("LEADS", "苗海燕", team) not in r
    assert ("VISITED", "贺文强", "韶关利民五金有限公司") in r
    assert ("VISITED", team, "韶关利民五金有限公司") in r
    assert ("HELPED", team, "韶关利民五金有限公司") in r


def test_coordinated_visitors_and_located_visit_targets():
    _, r = _doc("韶关日报讯 市总工会主席贺文强、副主席苗海燕一行走进韶关丰源纺织有限公司。"
                "副主席卜永庆带队，先后走进位于武江区的韶关金穗建材有限公司和韶关利民五金有限公司。")
    assert ("VISITED", "贺文强", "韶关丰源纺织有限公司") in r and ("VISITED", "苗海燕", "韶关丰源纺织有限公司") in r
    assert ("VISITED", "卜永庆", "韶关金穗建材有限公司") in r and ("VISITED", "卜永庆", "韶关利民五金有限公司") in r


def test_size_words_and_verb_objects_are_not_enterprises():
    ents, _ = _doc("韶关日报讯 服务队常到中小船厂出诊，小模具厂甩掉难题，队员驻厂一周。")
    assert not ents.get("Enterprise")


def test_members_joined_by_he_and_an_anaphoric_college():
    _, r = _doc("韶关日报讯 韶关市技师学院贺文强技能大师工作室为企业培训员工。工作室成员、学院机电系教师苗海燕和卜永庆担任主讲。")
    studio = "韶关市技师学院贺文强技能大师工作室"
    assert ("BASED_AT", studio, "韶关市技师学院") in r
    for who in ("苗海燕", "卜永庆"):
        assert ("MEMBER_OF", who, studio) in r
        assert ("WORKS_FOR", who, "韶关市技师学院") in r


# ---------------------------------------------------------------- honours without a plain subject, studios, places


def test_elided_subject_award_list_and_relative_clause():
    _, r = _doc("珠江日报讯 贺文强是韶关丰源纺织有限公司焊工。贺文强说，手艺要传下去。\n荣誉接踵而至：2017年获评“全国技术能手”，"
                "2021年获广东省五一劳动奖章。\n今年获评“全国技术能手”的韶关金穗建材有限公司技师苗海燕也在现场。")
    assert ("RECEIVED", "贺文强", "全国技术能手") in r and ("RECEIVED", "贺文强", "广东省五一劳动奖章") in r
    assert ("RECEIVED", "苗海燕", "全国技术能手") in r


def test_studio_based_at_its_leaders_employer_or_after_yituo():
    _, r = _doc("韶关日报讯 韶关丰源纺织有限公司首席技师贺文强介绍了其领衔的贺文强劳模创新工作室。"
                "苗海燕技能大师工作室成立于2020年，依托韶关金穗建材有限公司设备部建设，领衔人苗海燕是全国技术能手。")
    assert ("BASED_AT", "贺文强劳模创新工作室", "韶关丰源纺织有限公司") in r
    assert ("BASED_AT", "苗海燕技能大师工作室", "韶关金穗建材有限公司") in r


def test_corner_quotes_district_stems_and_event_location():
    ents, r = _doc("【某某報訊】由廣東省總工會主辦的「2024粵港澳勞模工匠交流活動」日前在廣州番禺舉行。")
    assert "2024粤港澳劳模工匠交流活动" in ents["Event"] and not ents.get("Campaign")
    assert "番禺区" in ents["Place"]
    assert ("LOCATED_IN", "2024粤港澳劳模工匠交流活动", "番禺区") in r
    assert ("ORGANISED", "广东省总工会", "2024粤港澳劳模工匠交流活动") in r


def test_owner_and_quoted_programme_of_an_activity():
    ents, r = _doc("韶关日报讯 韶关市总工会2024年“冬送温暖”慰问活动启动。“冬送温暖”活动覆盖全市。市图书馆“丹霞讲坛”开讲，"
                   "由韶关市图书馆主办的2024年第三期“丹霞讲坛”在该馆举行。")
    assert ("ORGANISED", "韶关市总工会", "冬送温暖") in r
    assert "冬送温暖" in ents["Campaign"] and not any(n.endswith("慰问活动") for n in ents.get("Event", set()))
    assert "韶关市图书馆丹霞讲坛" not in ents["Event"]
    assert ("ORGANISED", "韶关市图书馆", "2024年第三期丹霞讲坛") in r


def test_post_word_inside_another_word_starts_no_name():
    ents, _ = _doc("韶关日报讯 韶关机电工程有限公司高级工程师贺文强发言。")
    assert ents["Person"] == {"贺文强"}


# ---------------------------------------------------------------- blind-set round (invented sentences)


def test_titles_coordinated_inside_an_event_name():
    ents, _ = _doc("某某日报讯 5月1日，某市庆祝五一国际劳动节暨劳动模范和先进工作者表彰大会举行。")
    assert any(n.endswith("劳动模范和先进工作者表彰大会") for n in ents["Event"])


def test_pronoun_subject_receives_honours():
    _, r = _doc("某某日报讯 数控车工贺文强在某某机床有限公司工作了二十年。此后，他又先后荣获全国五一劳动奖章、全国技术能手。")
    assert ("RECEIVED", "贺文强", "全国五一劳动奖章") in r
    assert ("RECEIVED", "贺文强", "全国技术能手") in r


def test_elided_clause_continues_the_last_person_and_bei_agent_does_not_receive():
    _, r = _doc("某某有限公司车间主任苗海燕，2019年获评全国技术能手，次年被人力资源和社会保障部授予全国五一劳动奖章。")
    assert ("RECEIVED", "苗海燕", "全国技术能手") in r
    assert ("RECEIVED", "苗海燕", "全国五一劳动奖章") in r
    assert not any(t == "RECEIVED" and s == "人力资源和社会保障部" for t, s, _ in r)


def test_coordinated_units_receive_together():
    _, r = _doc("佛山市星河精密电子有限公司、佛山市远航机械有限公司荣获全国五一劳动奖状。")
    assert {s for t, s, o in r if t == "RECEIVED"} == {"佛山市星河精密电子有限公司", "佛山市远航机械有限公司"}


def test_winners_of_an_honour_conferred_by_count():
    _, r = _doc("某某工报讯 日前，省总工会授予99名职工全国五一劳动奖章。\n\n获奖者包括：星河机械有限公司高级技师贺文强、"
                "远航物流有限公司司机苗海燕。\n\n省总工会有关负责人卜永庆表示，要弘扬劳模精神。")
    got = {s for t, s, o in r if t == "RECEIVED" and o == "全国五一劳动奖章"}
    assert got == {"贺文强", "苗海燕"}


def test_worker_noun_after_a_unit_is_a_post_and_last_column_name():
    _, r = _doc("获奖名单：\n星河环卫服务中心　　　清洁工　　　　苗海燕\n和平县公路事务中心养护工人贺文强、某公司司机卜永庆。")
    assert ("WORKS_FOR", "苗海燕", "星河环卫服务中心") in r
    assert ("WORKS_FOR", "贺文强", "和平县公路事务中心") in r


def test_predicate_of_previous_person_is_not_a_title():
    _, r = _doc("徒弟贺文强在2021年获评全国技术能手，另一名徒弟苗海燕已成长为技术骨干。")
    assert ("RECEIVED", "贺文强", "全国技术能手") in r
    assert ("RECEIVED", "苗海燕", "全国技术能手") not in r


def test_locative_setting_help_and_guided_by():
    _, r = _doc("服务队队长贺文强介绍了情况。在星河机械有限公司，贺文强针对焊接变形问题提出改造方案。"
                "远航包装材料有限公司则在“某市工匠”苗海燕的指导下，攻克了难题。")
    assert ("HELPED", "贺文强", "星河机械有限公司") in r
    assert ("HELPED", "苗海燕", "远航包装材料有限公司") in r


def test_visit_list_items_after_their_place():
    _, r = _doc("服务队队长贺文强带队，先后走访了某某县的星河机械有限公司和某某镇的远航电器有限公司。")
    assert ("VISITED", "贺文强", "星河机械有限公司") in r
    assert ("VISITED", "贺文强", "远航电器有限公司") in r


def test_body_in_a_relative_clause_is_not_the_visitor():
    _, r = _doc("工程师贺文强参加某某省总工会组织的“助企行”活动，先后来到星河机械有限公司和远航电器有限公司。")
    assert not any(t == "VISITED" and s.endswith("总工会") for t, s, _ in r)
    assert ("VISITED", "贺文强", "星河机械有限公司") in r


def test_reading_the_decision_and_speaking_attend_the_story_event():
    _, r = _doc("某某日报讯 某市职工技能大赛颁奖大会举行。市总工会主席贺文强宣读表彰决定。劳模代表苗海燕、卜永庆在大会上作了发言。")
    ev = next(o for t, s, o in r if t == "ATTENDED" and s == "贺文强")
    assert ("ATTENDED", "苗海燕", ev) in r and ("ATTENDED", "卜永庆", ev) in r


def test_award_event_heads_and_consultation_is_not_a_meeting():
    ents, _ = _doc("省总工会在某市举行“某省劳模工匠创新工作室”授牌活动。专家就电机绕线效率低等问题进行现场会诊。")
    assert any(n.endswith("授牌活动") for n in ents["Event"])
    assert not any("会诊" in n or n.endswith("现场会") for n in ents["Event"])


# ---------------------------------------------------------------- towns and zones


def test_town_after_a_county_is_a_place_and_located_in_reads_it():
    ents, r = _doc("韶关日报讯 在乐昌市青岚镇的韶关市丰禾农机有限公司，服务队解决了难题。青岚镇人民政府表示感谢。")
    assert "青岚镇" in ents["Place"]
    assert ("LOCATED_IN", "韶关市丰禾农机有限公司", "青岚镇") in r


def test_town_suffix_starting_an_ordinary_word_is_not_a_town():
    ents, _ = _doc("韶关日报讯 乐昌市新建乡村道路二十公里，乐昌市城镇化率提高。")
    assert not {p for p in ents.get("Place", set()) if p.endswith(("乡", "镇"))}


def test_zone_after_a_city_is_a_place_not_an_enterprise():
    ents, r = _doc("韶关日报讯 座谈会在韶关工业园区举行。当天还参观了位于韶关市高新区的韶关丰禾电子有限公司。")
    assert {"韶关工业园区", "韶关高新区"} <= ents["Place"]
    assert "韶关工业园" not in ents.get("Enterprise", set())
    assert ("LOCATED_IN", "韶关丰禾电子有限公司", "韶关高新区") in r


def test_province_prefix_and_district_stem_in_a_company_name_are_not_places():
    ents, r = _doc("韶关日报讯 广东丰禾电子有限公司和广州白云丰禾机场股份有限公司的职工参加了活动。")
    assert not {"广东省", "白云区"} & ents.get("Place", set())


# ---------------------------------------------------------------- studios


def test_trade_word_between_leader_and_descriptor():
    ents, r = _doc("韶关日报讯 韶关丰禾重工有限公司的“贺文强焊接技能大师工作室”获得授牌。")
    assert "贺文强焊接技能大师工作室" in ents["Studio"]
    assert ("LEADS", "贺文强", "贺文强焊接技能大师工作室") in r
    assert ("BASED_AT", "贺文强焊接技能大师工作室", "韶关丰禾重工有限公司") in r


def test_quoted_studio_without_leader_and_no_studio_from_a_designation():
    ents, r = _doc("韶关日报讯 4家获评“广东省示范性劳模创新工作室”。乐昌市丰禾电子科技有限公司的“丰禾电子创新工作室”由苗海燕带领。")
    assert ents["Studio"] == {"丰禾电子创新工作室"}
    assert ("BASED_AT", "丰禾电子创新工作室", "乐昌市丰禾电子科技有限公司") in r
    assert "范性" not in ents.get("Person", set())


def test_studio_is_based_at_the_nearest_host_only():
    _, r = _doc("韶关日报讯 有依托韶关丰禾机械有限公司设立的“贺文强劳模创新工作室”、设在韶关禾润交通集团有限公司的“苗海燕技能大师工作室”等。")
    assert ("BASED_AT", "苗海燕技能大师工作室", "韶关禾润交通集团有限公司") in r
    assert ("BASED_AT", "苗海燕技能大师工作室", "韶关丰禾机械有限公司") not in r
    assert ("BASED_AT", "贺文强劳模创新工作室", "韶关丰禾机械有限公司") in r


def test_short_form_of_a_county_in_another_province_is_not_a_place():
    ents, _ = _doc("茂名晚报讯 我市推广信宜、高州的经验，阳信高速等重大工程推进顺利。")
    assert {"信宜市", "高州市"} <= ents["Place"]
    assert not {"广信区", "阳信县"} & ents["Place"]


def test_jurisdiction_is_the_longest_place_before_the_body():
    ents, _ = _doc("长沙晚报讯 长沙市总工会主席贺文强出席。")
    assert "长沙市总工会" in ents["Union"]


def test_city_committee_standing_member_is_a_post_at_the_committee():
    ents, r = _doc("武汉晚报讯 市委常委、市总工会主席苗海燕宣读表彰决定。")
    assert not {n for n in ents.get("GovernmentBody", set()) if n.endswith("常委")}


def test_city_short_forms_that_are_also_words_are_places():
    ents, _ = _doc("贺文强带队前往保定和合肥，走访了两地的十余家企业。")
    assert {"保定市", "合肥市"} <= ents.get("Place", set())


def test_county_short_form_that_is_a_word_only_in_its_home_province():
    ents, _ = _doc("江门日报讯 贺文强在新会走访了一家五金企业。")
    assert "新会区" in ents.get("Place", set())
    ents, _ = _doc("合肥晚报讯 合肥市总工会召开新会员座谈会，贺文强主持。")
    assert "新会区" not in ents.get("Place", set())


def test_letter_spaced_and_wrapped_names_are_joined():
    ents, _ = _doc("某某日报讯 记者 贺文强 通讯员 苗海 燕 3月2日，某某集团有限公司高级技师丘 国\n"
                   "栋带队走访企业。服务队成员、全国劳动模范卜 永 庆帮助企业调整工艺\n"
                   "记者 晏子 摄")
    people = ents.get("Person", set())
    assert {"苗海燕", "丘国栋", "卜永庆"} <= people
    assert not {"苗海", "晏子摄"} & people


def test_team_members_and_leaders_from_lists_and_you_x_dailing():
    _, r = _doc("江门市总工会组建了江门市劳模工匠技术服务队。服务队由全国技术能手贺文强带领，"
                "成员包括省劳动模范苗海燕、“某某工匠”卜永庆等10名劳模工匠。")
    team = "江门市劳模工匠技术服务队"
    assert {("LEADS", "贺文强", team), ("MEMBER_OF", "苗海燕", team), ("MEMBER_OF", "卜永庆", team)} <= r
    _, r = _doc("新设立的有“贺文强劳模创新工作室”、“晏子技能大师工作室”等。贺文强是全国劳动模范，"
                "现任某某公司总工程师。他领衔的工作室现有成员15人，核心成员包括高级技师苗海燕、工程师卜永庆。")
    assert {("MEMBER_OF", "苗海燕", "贺文强劳模创新工作室"), ("MEMBER_OF", "卜永庆", "贺文强劳模创新工作室")} <= r
    assert not any(t[2] == "晏子技能大师工作室" and t[1] != "晏子" for t in r)
    _, r = _doc("某某有限公司的“精工创新工作室”由省劳动模范贺文强带领；另一家公司的“巧匠工作室”则由高级技师苗海燕领衔。")
    assert {("LEADS", "贺文强", "精工创新工作室"), ("LEADS", "苗海燕", "巧匠工作室")} <= r
    _, r = _doc("“精工创新工作室”成员有高级技师苗海燕、技师卜永庆等。")
    assert {("MEMBER_OF", "苗海燕", "精工创新工作室"), ("MEMBER_OF", "卜永庆", "精工创新工作室")} <= r


def test_speakers_at_the_one_symposium_attended_it():
    _, r = _doc("6月1日，江门市总工会召开“技能强市”座谈会。全国劳动模范、某某公司技师贺文强谈到，要重视青年技工培养。"
                "某某公司工会主席苗海燕则建议加强校企合作。")
    assert {("ATTENDED", "贺文强", "技能强市座谈会"), ("ATTENDED", "苗海燕", "技能强市座谈会")} <= r
    people = _doc("某某公司工会主席苗海燕则建议加强校企合作。")[0].get("Person", set())
    assert "苗海燕" in people and "苗海燕则" not in people


def test_this_body_organising_is_the_last_body_named():
    _, r = _doc("江门市总工会近年来持续关注职工技能提升。5月20日，由该会主办的2024年职工技能交流会在蓬江区举行。")
    assert ("ORGANISED", "江门市总工会", "2024年职工技能交流会") in r
    _, r = _doc("江门市职工技术协会成立于2010年。今年，该会联合多家企业举办了2024年焊工技能大赛。")
    assert ("ORGANISED", "江门市职工技术协会", "2024年焊工技能大赛") in r


def test_left_edges_after_a_place_and_after_an_adverb_and_verb():
    ents, r = _doc("江门市鹏经达机械有限公司工会主席贺文强介绍了经验。高级技师苗海燕还兼任广东江海技师学院客座教授。")
    assert "江门市鹏经达机械有限公司" in ents.get("Enterprise", set())
    orgs = ents.get("Organization", set())
    assert "广东江海技师学院" in orgs and not any("兼任" in o for o in orgs)
    ents, _ = _doc("天津经纬机床有限公司工会主席贺文强发言。")
    assert "天津经纬机床有限公司" in ents.get("Enterprise", set())
