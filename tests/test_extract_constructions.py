"""General constructions behind relation recall, each on sentences invented for the test (two that use
it with different names and wording, one near miss where the rule must not fire)."""

from __future__ import annotations

from labourkg.extract import extract_text


def rels(text: str) -> set[tuple[str, str, str]]:
    doc = extract_text(text)
    names = {e["id"]: e["name"] for e in doc["entities"]}
    return {(r["type"], names[r["subject"]], names[r["object"]]) for r in doc["relations"]}


def teams(text: str) -> set[str]:
    return {e["name"] for e in extract_text(text)["entities"] if e["type"] == "ServiceTeam"}


# ---------------------------------------------------------------- sections of a team (分队)

def test_team_section_is_a_team_led_and_joined():
    r = rels("清远日报讯 清远市劳模工匠技术服务队下设4个分队。6月3日，服务队陶瓷建材分队走进清远市恒美陶瓷有限公司。"
             "分队队长、全国技术能手黎建平带领队员排查窑炉故障。")
    assert ("LEADS", "黎建平", "清远市劳模工匠技术服务队陶瓷建材分队") in r
    assert ("VISITED", "清远市劳模工匠技术服务队陶瓷建材分队", "清远市恒美陶瓷有限公司") in r


def test_team_section_member():
    r = rels("潮州日报讯 潮州市职工技术服务队食品加工分队来到潮州市福记食品厂。分队成员、高级技师许少华现场调试包装线。")
    assert ("MEMBER_OF", "许少华", "潮州市职工技术服务队食品加工分队") in r


def test_counted_sections_are_no_team():
    assert not any(t.endswith("分队") for t in teams("茂名日报讯 茂名市劳模工匠技术服务队下设机械、化工等5个分队。"))


# ---------------------------------------------------------------- 市劳模工匠技术服务队: the home city's team

def test_relative_team_name_is_the_home_citys_team():
    r = rels("肇庆日报讯 肇庆市总工会组织市劳模工匠技术服务队走进肇庆市鼎盛五金有限公司，开展“劳模工匠助企行”活动。")
    assert ("VISITED", "肇庆市劳模工匠技术服务队", "肇庆市鼎盛五金有限公司") in r
    assert ("PART_OF", "肇庆市劳模工匠技术服务队", "劳模工匠助企行") in r
    assert "江门市劳模工匠技术服务队" in teams("江门日报讯 市劳模工匠技术服务队队长梁志强介绍了全年计划。")


def test_all_the_citys_teams_are_no_team():
    assert not teams("江门日报讯 全市劳模工匠技术服务队今年共服务企业300余家。")


# ---------------------------------------------------------------- counted visits told scene by scene

def test_counted_visit_after_where_then_scenes():
    r = rels("佛山日报讯 佛山市劳模工匠技术服务队走进南海区、顺德区的两家企业。\n"
             "在佛山市锐达五金有限公司，厂长反映冲压件毛刺多。队员陈国华逐一排查模具间隙。\n"
             "在佛山市美家电器厂，队员林小梅帮助企业调整喷涂参数。\n")
    assert ("VISITED", "佛山市劳模工匠技术服务队", "佛山市美家电器厂") in r
    assert ("HELPED", "陈国华", "佛山市锐达五金有限公司") in r
    assert ("HELPED", "林小梅", "佛山市美家电器厂") in r


def test_scene_after_a_quote_closing_the_sentence():
    r = rels("惠州日报讯 惠州市劳模工匠技术服务队深入3家企业开展技术服务。厂长说：“问题解决了。”"
             "在惠州市宏达塑胶有限公司，队员黄志成针对注塑缩痕提出改进方案。")
    assert ("HELPED", "黄志成", "惠州市宏达塑胶有限公司") in r


def test_a_count_without_scenes_is_no_visit():
    r = rels("惠州日报讯 惠州市劳模工匠技术服务队今年走进了30家企业。惠州市宏达塑胶有限公司总经理黄志成表示感谢。")
    assert not any(t == "VISITED" for t, _, _ in r)


# ---------------------------------------------------------------- a company in a title is where one works

def test_company_in_a_title_is_no_visit_target():
    r = rels("云浮日报讯 6月3日，在云浮市石艺石材有限公司，服务队队长、云浮市华建重工有限公司车间主任刘振雄带领队员深入生产线，"
             "逐一排查切割机故障。")
    assert ("HELPED", "刘振雄", "云浮市石艺石材有限公司") in r
    assert not any(o == "云浮市华建重工有限公司" for t, _, o in r if t in ("HELPED", "VISITED"))


def test_visitors_manager_title_at_another_company_still_helps():
    r = rels("河源日报讯 河源市劳模工匠技术服务队深入2家企业开展技术服务。\n在河源市鑫源电子有限公司，企业反映焊点虚焊。"
             "河源市华星机电有限公司生产部经理赖文军逐一排查回流焊温区。\n")
    assert ("HELPED", "赖文军", "河源市鑫源电子有限公司") in r


def test_helped_companys_own_manager_is_no_helper():
    r = rels("河源日报讯 河源市劳模工匠技术服务队深入2家企业开展技术服务。\n在河源市鑫源电子有限公司，"
             "该公司总经理赖文军逐一介绍了生产线改进情况。\n")
    assert ("HELPED", "赖文军", "河源市鑫源电子有限公司") not in r


# ---------------------------------------------------------------- 帮助企业: the company just named

def test_help_to_the_company_just_named():
    r = rels("常州日报讯 去年，常州市金源塑料制品有限公司的挤出机频繁停机。高级技师钱立新在现场守了三天，帮企业解决了难题。")
    assert ("HELPED", "钱立新", "常州市金源塑料制品有限公司") in r
    r = rels("宜宾日报讯 宜宾市酒城包装有限公司是一家中小企业。队员、宜宾市华锐机械有限公司技师邓志勇找出送料故障，"
             "帮助企业解决了难题。")
    assert ("HELPED", "邓志勇", "宜宾市酒城包装有限公司") in r
    assert ("HELPED", "邓志勇", "宜宾市华锐机械有限公司") not in r


def test_team_helped_through_its_member():
    r = rels("绍兴日报讯 绍兴市劳模工匠技术服务队走进绍兴市恒泰针织有限公司。"
             "恒泰针织主营针织面料。队员、绍兴市纺织机械有限公司技师孙立峰检查了染缸，帮助企业调整工艺。\n")
    assert ("HELPED", "孙立峰", "绍兴市恒泰针织有限公司") in r
    assert ("HELPED", "绍兴市劳模工匠技术服务队", "绍兴市恒泰针织有限公司") in r


def test_own_company_or_an_intention_is_no_help():
    r = rels("佛山日报讯 依托佛山市顺通机械有限公司成立的李国栋劳模创新工作室，累计为企业节约成本500万元。")
    assert not any(t == "HELPED" for t, _, _ in r)
    r = rels("佛山日报讯 佛山市顺通机械有限公司举行座谈会。市总工会副主席何丽表示，将为企业提供更多服务。")
    assert not any(t == "HELPED" for t, _, _ in r)


# ---------------------------------------------------------------- table rows under an honour heading

def test_table_row_with_two_entries():
    r = rels("汕头日报讯 市总工会公布名单。\n汕头市五一劳动奖章（部分）\n单位 姓名 单位 姓名\n"
             "汕头市华新纺织有限公司 许俊杰 汕头市金港机械厂 蔡丽君\n汕头市中心医院 陈志坚 汕头市龙湖玩具有限公司 郑晓燕\n")
    assert ("WORKS_FOR", "许俊杰", "汕头市华新纺织有限公司") in r
    assert ("WORKS_FOR", "蔡丽君", "汕头市金港机械厂") in r
    assert ("WORKS_FOR", "陈志坚", "汕头市中心医院") in r
    assert ("RECEIVED", "郑晓燕", "汕头市五一劳动奖章") in r


def test_line_of_units_under_a_heading():
    r = rels("佛山日报讯 名单如下。\n佛山市五一劳动奖状\n佛山市华达电器有限公司  佛山市南方陶瓷厂\n")
    assert ("RECEIVED", "佛山市华达电器有限公司", "佛山市五一劳动奖状") in r
    assert ("RECEIVED", "佛山市南方陶瓷厂", "佛山市五一劳动奖状") in r


def test_sub_unit_cells_and_split_names_are_not_cells():
    r = rels("佛山日报讯 名单如下。\n佛山市工人先锋号\n佛山市华达电器有限公司装配一班  佛山市南方陶瓷厂烧成车间\n")
    assert ("RECEIVED", "佛山市华达电器有限公司", "佛山市工人先锋号") not in r
    ents = {e["name"] for e in extract_text("常州日报讯 去年，常州市恒通电器有 限公司一条生产线频繁卡料。")["entities"]}
    assert "常州市恒通电器有限公司" in ents


# ---------------------------------------------------------------- a department of a company

def test_department_of_a_company_is_the_company():
    r = rels("衡阳日报讯 湖南省劳动模范、衡阳市华菱精密铸件有限公司技术中心主任邹建平介绍了经验。")
    assert ("WORKS_FOR", "邹建平", "衡阳市华菱精密铸件有限公司") in r
    r = rels("鞍山日报讯 劳模代表、鞍山市鞍钢特材有限公司炼钢厂首席操作工孟庆辉作了发言。")
    assert ("WORKS_FOR", "孟庆辉", "鞍山市鞍钢特材有限公司") in r


def test_a_plant_that_is_itself_a_company_keeps_its_name():
    r = rels("鞍山日报讯 鞍山市东风机械厂厂长孟庆辉作了发言。")
    assert ("WORKS_FOR", "孟庆辉", "鞍山市东风机械厂") in r


# ---------------------------------------------------------------- members listed, members joining

def test_members_listed_after_a_unit():
    r = rels("宁波日报讯 依托宁波市海天精工有限公司成立的俞建华技能大师工作室，成员有王立军、张晓雯等12人。")
    assert ("MEMBER_OF", "王立军", "俞建华技能大师工作室") in r
    assert ("MEMBER_OF", "张晓雯", "俞建华技能大师工作室") in r
    r = rels("温州日报讯 温州市劳模工匠技术服务队成立。队员包括高级技师陈国栋和技师林晓燕。")
    assert ("MEMBER_OF", "陈国栋", "温州市劳模工匠技术服务队") in r


def test_joining_a_team():
    r = rels("台州日报讯 今年3月，高级技师李海峰加入台州市劳模工匠技术服务队。")
    assert ("MEMBER_OF", "李海峰", "台州市劳模工匠技术服务队") in r


def test_members_of_a_unit_named_in_another_paragraph_are_not_listed():
    r = rels("宁波日报讯 宁波市劳模工匠技术服务队成立。\n宁波市海天精工有限公司的技术团队成员有王立军、张晓雯等12人。")
    assert ("MEMBER_OF", "王立军", "宁波市劳模工匠技术服务队") not in r


# ---------------------------------------------------------------- organisers and venues

def test_venue_after_a_locative_with_a_modifier():
    r = rels("湘潭日报讯 4月20日，湘潭市总工会在位于雨湖区的市职工文化中心召开2024年湘潭市劳模工匠代表座谈会。")
    assert ("ORGANISED", "湘潭市总工会", "2024年湘潭市劳模工匠代表座谈会") in r
    assert not any(t == "ORGANISED" and s != "湘潭市总工会" for t, s, _ in r)


def test_second_predicate_keeps_the_sentences_subject():
    r = rels("泸州日报讯 9月5日，泸州市总工会组织市劳模工匠技术服务队走进泸州市酒城机械有限公司，"
             "并在江阳区召开2024年泸州市劳模工匠现场交流会。")
    assert ("ORGANISED", "泸州市总工会", "2024年泸州市劳模工匠现场交流会") in r


def test_second_predicate_of_a_person_is_not_the_bodys():
    r = rels("茂名日报讯 5月14日，高州市总工会主席陈丽华带队走访企业，并召开职工座谈会。")
    assert not any(t == "ORGANISED" for t, _, _ in r)


# ---------------------------------------------------------------- career steps, honour predicates

def test_career_verbs_give_the_employer():
    r = rels("运城日报讯 1998年，孔祥瑞进入运城市金河阀门厂当学徒。2005年，孔祥瑞调入山西晋通液压设备有限公司，担任技术主管。")
    assert ("WORKS_FOR", "孔祥瑞", "运城市金河阀门厂") in r
    assert ("WORKS_FOR", "孔祥瑞", "山西晋通液压设备有限公司") in r
    ents = {e["name"] for e in extract_text("运城日报讯 孔祥瑞调入山西晋通液压设备有限公司。")["entities"]}
    assert "山西晋通液压设备有限公司" in ents  # the verb is no part of the company's name


def test_working_at_hired_by_and_a_bare_post():
    r = rels("九江日报讯 队员龚立平是江西省劳动模范，在九江赣北电机有限公司担任总工程师；"
             "覃美兰是“江西工匠”，任九江市庐山精密铸造有限公司质量总监。"
             "龚立平还被九江职业技术学院聘为客座教授。")
    assert ("WORKS_FOR", "龚立平", "九江赣北电机有限公司") in r
    assert ("WORKS_FOR", "覃美兰", "九江市庐山精密铸造有限公司") in r
    assert ("WORKS_FOR", "龚立平", "九江职业技术学院") in r
    assert ("RECEIVED", "覃美兰", "江西省工匠") in r  # a subject found by its honour predicate


def test_career_near_misses():
    # 在某中心为职工作报告: a venue, not a job; 分别来自 A 和 B: a distribution read elsewhere
    r = rels("六安日报讯 市委党校教授檀明在六安市职工文化中心为职工干部作专题宣讲。")
    assert ("WORKS_FOR", "檀明", "六安市职工文化中心") not in r
    r = rels("六安日报讯 队员甘晓东、甄立新分别来自六安皖西钢构有限公司和六安金寨茶业有限公司。")
    assert ("WORKS_FOR", "甘晓东", "六安金寨茶业有限公司") not in r


# ---------------------------------------------------------------- 作为…成员, studio designations

def test_member_as_a_team_member():
    r = rels("柳州日报讯 今年5月，覃志坚作为柳州市劳模工匠技术服务队成员参加“劳模工匠助企行”专项行动。")
    assert ("MEMBER_OF", "覃志坚", "柳州市劳模工匠技术服务队") in r
    r = rels("桂林日报讯 作为桂林市劳模工匠技术服务队队员，莫雪梅带领徒弟走访了桂林漓江制药有限公司。")
    assert ("MEMBER_OF", "莫雪梅", "桂林市劳模工匠技术服务队") in r


def test_member_as_needs_a_member_word():
    # 作为服务队的牵头单位: the company is not a member, and no person stands by 作为
    r = rels("桂林日报讯 作为桂林市劳模工匠技术服务队的牵头单位，市总工会副主席阳建国介绍了情况。")
    assert not any(t == "MEMBER_OF" for t, _, _ in r)


def test_studio_designation_goes_to_the_studio():
    text = ("南宁日报讯 2019年，以他名字命名的卢德明劳模创新工作室在南宁港机重工有限公司成立，"
            "2022年被广西壮族自治区总工会命名为自治区级劳模和工匠人才创新工作室。")
    assert not any(t == "RECEIVED" and s == "卢德明" for t, s, _ in rels(text))
    r = rels("嘉兴日报讯 沈伟劳模创新工作室成立于2018年，2023年被认定为浙江省劳模和工匠人才创新工作室。")
    assert not any(t == "RECEIVED" and s == "沈伟" for t, s, _ in r)
    # a person's own honour in the same sentence stays his
    r = rels("嘉兴日报讯 沈伟荣获浙江省劳动模范称号，沈伟劳模创新工作室被认定为浙江省劳模和工匠人才创新工作室。")
    assert ("RECEIVED", "沈伟", "浙江省劳动模范") in r


# ---------------------------------------------------------------- declared short forms (以下简称)

def _entities(text: str) -> list[dict]:
    return extract_text(text)["entities"]


def test_declared_short_form_is_an_alias():
    text = ("绍兴日报讯 位于柯桥区的绍兴越州纺织机械有限公司（以下简称“越州纺机”）内，车间一片忙碌。"
            "技师屠建平在越州纺机从事设备维修已有20年。")
    ents = [e for e in _entities(text) if e["type"] == "Enterprise"]
    assert len(ents) == 1 and "越州纺机" in ents[0]["aliases"]
    assert ("WORKS_FOR", "屠建平", "绍兴越州纺织机械有限公司") in rels(text)
    ents = _entities("湖州日报讯 湖州南太湖电缆股份有限公司(简称南缆股份)今年新建工作室2个。南缆股份职工达1200人。")
    assert [e["name"] for e in ents if e["type"] == "Enterprise"] == ["湖州南太湖电缆股份有限公司"]


def test_short_form_not_declared_after_a_name():
    # 简称 far from any name declares nothing
    ents = _entities("湖州日报讯 湖州南太湖电缆股份有限公司今年新建工作室2个，业内对这类企业简称“链主”。")
    assert not any("链主" in e["aliases"] for e in ents)


# ---------------------------------------------------------------- the action campaign of a team's paragraph

def test_team_is_part_of_the_campaign_of_its_paragraph():
    r = rels("韶山日报讯 韶山市总工会深入开展“劳模工匠助企行”专项行动，组建韶山市红色文旅劳模工匠技术服务队，"
             "为景区企业提供技术支持。")
    assert ("PART_OF", "韶山市红色文旅劳模工匠技术服务队", "劳模工匠助企行") in r


def test_headline_campaign_covers_the_teams_of_the_article():
    r = rels("我县“劳模工匠助企行”专项行动启动\n"
             "临澧日报讯 3月5日，临澧县总工会举行授旗仪式。\n"
             "临澧县机械制造劳模工匠技术服务队随后走进临澧县恒通机械有限公司。")
    assert ("PART_OF", "临澧县机械制造劳模工匠技术服务队", "劳模工匠助企行") in r


def test_campaign_of_another_brief_is_not_the_teams():
    r = rels("地方简讯\n■岳阳 岳阳市总工会启动“劳模工匠助企行”专项行动。\n"
             "■益阳 益阳市劳模工匠技术服务队走进益阳市华兴竹业有限公司，开展设备维护培训。")
    assert not any(t == "PART_OF" and s == "益阳市劳模工匠技术服务队" for t, s, _ in r)


# ---------------------------------------------------------------- a list ends at a paragraph of prose

def test_honour_list_entries_then_prose_paragraph():
    text = ("本报讯 现将获奖名单公布如下：\n三、2024年江西省劳动模范名单\n"
            "熊建华（南昌市恒泰电子有限公司技师）\n"
            "许文彬在讲话中指出，受表彰的先进集体和个人是全省职工的优秀代表，各级工会要大力弘扬劳模精神。\n")
    r = rels(text)
    assert ("RECEIVED", "熊建华", "江西省劳动模范") in r
    assert not any(t == "RECEIVED" and s == "许文彬" for t, s, _ in r)


def test_honour_list_person_entries_still_received():
    r = rels("本报讯 2024年九江市劳动模范名单\n刘海涛（九江市恒远船舶有限公司焊工）\n"
             "彭丽娟（九江市第一人民医院护士长）\n")
    assert ("RECEIVED", "刘海涛", "九江市劳动模范") in r
    assert ("RECEIVED", "彭丽娟", "九江市劳动模范") in r


# ---------------------------------------------------------------- the host of a studio, stated around it

def test_next_sentence_names_the_studios_host():
    r = rels("本报讯 机修分队依托罗振邦劳模创新工作室开展服务。该工作室设在湖南衡阳重工机械有限公司，领衔人罗振邦是“湖湘工匠”。")
    assert ("BASED_AT", "罗振邦劳模创新工作室", "湖南衡阳重工机械有限公司") in r


def test_studio_founded_at_or_located_in_a_company():
    r = rels("本报讯 2015年，市总工会在九江恒通船舶有限公司挂牌成立柯建明劳模创新工作室。")
    assert ("BASED_AT", "柯建明劳模创新工作室", "九江恒通船舶有限公司") in r
    r = rels("本报讯 钱小梅技能大师工作室位于浔阳区的九江华美纺织有限公司。")
    assert ("BASED_AT", "钱小梅技能大师工作室", "九江华美纺织有限公司") in r


def test_located_later_in_the_sentence_is_not_the_studios_host():
    r = rels("本报讯 领衔人柯建明带着柯建明劳模创新工作室骨干走进位于浔阳区的九江华美纺织有限公司，解决了设备难题。")
    assert not any(t == "BASED_AT" and o == "九江华美纺织有限公司" for t, _, o in r)


# ---------------------------------------------------------------- winners listed apart from the conferral

def test_winner_block_after_a_counted_conferral():
    r = rels("本报讯 大会对获得2024年柳州市五一劳动奖章的25名个人进行表彰。获奖个人中——\n"
             "制造系统：柳州恒远汽车配件有限公司装配班班长覃志鹏，柳州华通电线有限公司技师韦丽芳；\n"
             "服务系统：柳州市第三人民医院护士长蓝秀珍。\n")
    assert ("RECEIVED", "覃志鹏", "柳州市五一劳动奖章") in r
    assert ("RECEIVED", "蓝秀珍", "柳州市五一劳动奖章") in r


def test_units_listed_after_the_bare_honour():
    r = rels("本报讯 九江市总工会表彰了获得九江市五一劳动奖状的6个单位。获得五一劳动奖状的单位包括"
             "九江恒通船舶有限公司、九江华美纺织有限公司等。")
    assert ("RECEIVED", "九江恒通船舶有限公司", "九江市五一劳动奖状") in r
    assert ("RECEIVED", "九江华美纺织有限公司", "九江市五一劳动奖状") in r


def test_people_after_a_block_without_a_counted_conferral_are_no_winners():
    r = rels("本报讯 柳州市总工会召开座谈会。参加座谈的职工中——\n制造系统：柳州恒远汽车配件有限公司装配班班长覃志鹏。\n")
    assert not any(t == "RECEIVED" for t, _, _ in r)


# ---------------------------------------------------------------- sections named on their own

def test_sections_listed_after_the_team():
    t = teams("清远日报讯 清远市劳模工匠技术服务队下设陶瓷分队、电子分队2支分队，走进企业开展服务。")
    assert {"清远市劳模工匠技术服务队陶瓷分队", "清远市劳模工匠技术服务队电子分队"} <= t


def test_section_opening_a_clause_leads_and_members():
    r = rels("潮州日报讯 潮州市劳模工匠技术服务队今年组建了4支分队。食品分队队长、高级技师许少雄带领队员走进潮州市福顺食品厂。")
    assert ("LEADS", "许少雄", "潮州市劳模工匠技术服务队食品分队") in r


def test_counted_or_each_section_is_no_section():
    t = teams("潮州日报讯 潮州市劳模工匠技术服务队下设食品、陶瓷等4个分队，各分队定期走访企业。")
    assert not any(x.endswith("分队") for x in t)


# ---------------------------------------------------------------- a table of services

def test_service_table_rows_give_helped():
    r = rels("清远日报讯 清远市劳模工匠技术服务队下设陶瓷分队、电子分队。\n附：服务项目一览表\n"
             "序号 服务分队 服务企业 成效 1 陶瓷分队 清远恒美陶瓷有限 公司 能耗降低 2 电子分队 英德市华科电子有 限公司 良率提高\n")
    assert ("HELPED", "清远市劳模工匠技术服务队陶瓷分队", "清远恒美陶瓷有限公司") in r
    assert ("HELPED", "清远市劳模工匠技术服务队电子分队", "英德市华科电子有限公司") in r


def test_team_and_firm_in_running_text_are_no_table_row():
    r = rels("清远日报讯 截至6月底，清远市劳模工匠技术服务队服务企业36家，其中包括清远恒美陶瓷有限公司。")
    assert not any(t == "HELPED" and o == "清远恒美陶瓷有限公司" for t, _, o in r)


# ---------------------------------------------------------------- 某某公司 for 某地某某…有限公司, without 简称

def _enterprises(text: str) -> set[str]:
    return {e["name"] for e in extract_text(text)["entities"] if e["type"] == "Enterprise"}


def test_trade_name_with_bare_company_is_the_full_company():
    assert _enterprises("本报讯 服务队走进广西恒源新材料有限公司。恒源公司总经理韦立新说，难题解决了。") == {"广西恒源新材料有限公司"}
    assert _enterprises("本报讯 队员来到柳州华工机械集团有限公司。华工集团技术部部长覃明介绍了情况。") == {"柳州华工机械集团有限公司"}


def test_other_trade_name_is_another_company():
    assert _enterprises("本报讯 服务队走进广西恒源新材料有限公司。宏达公司总经理韦立新也来参观。") == {
        "广西恒源新材料有限公司", "宏达公司"}


# ---------------------------------------------------------------- 带领队员，到位于某区的某公司调研

def test_group_leader_visits_a_firm_located_somewhere():
    r = rels("本报讯 8月下旬，分队队长、高级技师韦立新带领队员，到位于柳南区的广西恒源新材料有限公司调研。"
             "针对该公司生产线频繁停机的问题，队员们现场拆检螺杆。")
    assert ("VISITED", "韦立新", "广西恒源新材料有限公司") in r
    assert ("HELPED", "韦立新", "广西恒源新材料有限公司") in r


def test_leader_visits_without_a_problem_is_no_help():
    r = rels("本报讯 6月，全国劳动模范覃建华率队到柳州华工机械集团有限公司考察。考察组听取了企业汇报。")
    assert ("VISITED", "覃建华", "柳州华工机械集团有限公司") in r
    assert not any(t == "HELPED" for t, _, _ in r)


# ---------------------------------------------------------------- 第一名由某公司张三获得

def test_result_names_the_winner_by_unit_and_name():
    r = rels("本报讯 钳工项目第一名由柳州华工机械集团有限公司覃少华获得；电工项目第一名为广西恒源新材料有限公司蒙丽芬，"
             "她是唯一的女选手。")
    assert ("WORKS_FOR", "覃少华", "柳州华工机械集团有限公司") in r
    assert ("WORKS_FOR", "蒙丽芬", "广西恒源新材料有限公司") in r


def test_unit_followed_by_a_verb_is_no_winner():
    r = rels("本报讯 一等奖由柳州华工机械集团有限公司研发团队获得。")
    assert not any(t == "WORKS_FOR" for t, _, _ in r)


# ---------------------------------------------------------------- leading a visiting group, posts run together

def test_leading_a_group_into_a_studio_is_a_visit_not_leadership():
    r = rels("本报讯 柳州市总工会副主席覃美兰带领职工代表走进韦志强劳模创新工作室参观交流。")
    assert not any(t == "LEADS" and s == "覃美兰" for t, s, _ in r)
    r = rels("本报讯 九江市总工会主任刘海燕带领女职工代表来到钱小梅技能大师工作室观摩。")
    assert not any(t == "LEADS" and s == "刘海燕" for t, s, _ in r)


def test_leader_of_the_studio_still_leads():
    r = rels("本报讯 韦志强劳模创新工作室领衔人韦志强带领团队攻克了多项难题。")
    assert ("LEADS", "韦志强", "韦志强劳模创新工作室") in r
    assert ("MEMBER_OF", "韦志强", "韦志强劳模创新工作室") not in r


def test_post_run_into_another_post_is_no_name():
    people = {e["name"] for e in extract_text("本报讯 她是公司钳工班班长、高级技师覃丽华。")["entities"]
              if e["type"] == "Person"}
    assert people == {"覃丽华"}


def test_declared_short_form_wins_over_a_district_inside_it():
    doc = extract_text("本报讯 队长覃立新在柳州柳南重工机械有限公司（以下简称“柳南重工”）工作20年。"
                       "柳南重工韦志强劳模创新工作室也参与攻关。柳南重工还派出技术骨干。")
    ents = {(e["type"], e["name"]) for e in doc["entities"]}
    assert ("Enterprise", "柳州柳南重工机械有限公司") in ents
    assert not any(t == "Enterprise" and n != "柳州柳南重工机械有限公司" for t, n in ents)
    assert ("Place", "柳南区") not in ents


def test_district_outside_a_declared_short_form_stays_a_place():
    doc = extract_text("本报讯 柳州柳南重工机械有限公司（以下简称“柳南重工”）位于柳南区。")
    assert ("Place", "柳南区") in {(e["type"], e["name"]) for e in doc["entities"]}


# ---------------------------------------------------------------- 月 opening a given name; pronouns after 由

def _people(text: str) -> set[str]:
    return {e["name"] for e in extract_text(text)["entities"] if e["type"] == "Person"}


def test_given_name_opening_with_yue_is_a_name():
    assert "秦月芬" in _people("阳江日报讯 阳江市总工会副主席秦月芬带队走访阳江市海达五金有限公司。")
    r = rels("云浮日报讯 今年39岁的石月娇加入云浮市劳模工匠技术服务队。石月娇说，要把技术带进车间。")
    assert ("MEMBER_OF", "石月娇", "云浮市劳模工匠技术服务队") in r


def test_month_word_after_a_surname_character_is_no_name():
    people = _people("汕尾日报讯 元月份以来，汕尾市总工会走访企业20家。明月湾景区职工参加技能培训。")
    assert not any(p.startswith(("元月", "明月")) for p in people)


def test_pronoun_after_you_is_no_leader():
    assert not any(p.startswith("由") for p in _people("揭阳日报讯 公司成立了郑丽娟技能大师工作室，由她担任领衔人。"))
    assert not any(p.startswith("由") for p in _people("工作室成立后由他担任负责人，带出徒弟20人。"))


# ---------------------------------------------------------------- roster rows '姓名 单位职务' (one space)

_ROSTER = ("韶关日报讯 大会授予韦国平等4名同志“韶关市劳动模范”称号。\n\n附：表彰名单\n\n一、韶关市劳动模范（4名）\n"
           "韦国平 韶关市丹霞钢构有限公司焊工班班长\n蔡静宜 韶关市第一人民医院护士长\n"
           "程家伟 韶关市华粤电器有限公司高级技师\n龚小曼 韶关市北江中学教师\n")


def test_roster_rows_with_one_space_name_each_unit():
    r = rels(_ROSTER)
    assert ("WORKS_FOR", "蔡静宜", "韶关市第一人民医院") in r
    assert ("WORKS_FOR", "程家伟", "韶关市华粤电器有限公司") in r
    assert ("WORKS_FOR", "蔡静宜", "韶关市丹霞钢构有限公司") not in r  # rows are not one wrapped line


def test_roster_row_name_that_starts_with_a_word():
    assert ("RECEIVED", "程家伟", "韶关市劳动模范") in rels(_ROSTER)


def test_sentence_with_a_stray_space_is_no_roster_row():
    people = _people("河源日报讯\n\n工人 师傅们围着设备，认真听讲解。\n高明 技术，是企业的生命线。\n")
    assert "高明" not in people


# ---------------------------------------------------------------- 为/向/给 before a bare 服务队

def test_preposition_before_a_bare_team_is_no_team_name():
    t = teams("梅州日报讯 会上，梅州市劳模工匠技术服务队成立，温志坚、卢秀英为服务队授旗。")
    assert t == {"梅州市劳模工匠技术服务队"}
    t = teams("潮州日报讯 潮州市职工技术服务队成立。市总工会主席陈伟文向服务队赠送工具箱。")
    assert not any(x.endswith("向服务队") or x.startswith("陈伟") for x in t)


def test_team_named_by_its_trade_still_a_team():
    assert "电力维修技术服务队" in teams("汕头日报讯 汕头市总工会组建电力维修技术服务队，走进汕头市长华塑料厂。")


# ---------------------------------------------------------------- bare 市委 / 市长 in county-level-city news

def _orgs(text: str) -> set[str]:
    return {e["name"] for e in extract_text(text)["entities"] if e["type"] in ("Union", "GovernmentBody")}


def test_bare_city_bodies_in_county_level_city_news_are_that_citys():
    text = ("阳江日报 2025年5月6日\n\n阳江日报讯 5月5日，阳春市职工技能大赛开幕。大赛由阳春市委、市政府主办，"
            "阳春市总工会承办。市委副书记黄立伟出席，市总工会主席莫雅琴主持。")
    orgs = _orgs(text)
    assert {"阳春市政府", "阳春市委", "阳春市总工会"} <= orgs
    assert not orgs & {"阳江市政府", "阳江市委", "阳江市总工会"}


def test_place_before_a_mayors_post_names_the_government():
    r = rels("湛江日报讯 6月2日，雷州市副市长庞文清到雷州市海丰食品有限公司调研。")
    assert ("WORKS_FOR", "庞文清", "雷州市政府") in r


def test_bare_city_bodies_stay_the_home_citys_when_it_is_named():
    text = ("阳江日报 2025年5月6日\n\n阳江日报讯 阳江市总工会在阳春市举办培训班，阳春市总工会协办。"
            "市总工会副主席黄立伟讲话。")
    assert "阳江市总工会" in _orgs(text)
