"""Closed-class words the rules are made of: posts, cue verbs, suffixes, modifiers.

This is grammar, not a gazetteer: no honour, place or skill names live here (those come
from the ontology's SKOS schemes via :mod:`labourkg.extract.gazetteer`). Lists are ordered
only for readability; regexes built from them sort by length so the longest form wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, compound surnames) from data/surnames.txt."""
    single: set[str] = set()
    compound: set[str] = set()
    section = None
    for line in (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        if section == "single":
            single.update(ch for ch in line if not ch.isspace())
        elif section == "compound":
            compound.update(line.split())
    return frozenset(single), frozenset(compound)


# ---------------------------------------------------------------- people

# Posts and job titles that directly precede a name (longest match wins, so 副主席 beats 主席).
POSTS = """
总书记 书记 副书记 党组书记 党委书记 党委副书记 纪委书记 市长 副市长 常务副市长 省长 副省长 县长 副县长 区长 副区长
镇长 乡长 主任 副主任 常务副主任 主席 副主席 兼职副主席 常务副主席 部长 副部长 局长 副局长 厅长 副厅长 处长 副处长
科长 院长 副院长 校长 副校长 董事长 副董事长 总经理 副总经理 经理 副经理 厂长 副厂长 总工程师 副总工程师 总工
高级工程师 工程师 助理工程师 高级技师 首席技师 技师 技术员 教授 副教授 讲师 研究员 副研究员 秘书长 副秘书长 会长 副会长
理事长 队长 副队长 组长 班长 站长 所长 馆长 社长 总编辑 主编 记者 全媒体记者 见习记者 特约记者 通讯员 实习生 摄影记者
委员 常委 成员 队员 负责人 领衔人 带头人 种粮大户 种植大户 养殖大户 培训师 讲解员 师傅 医生 护士 教师 老师 船长 机长 车间主任 班组长
焊工 电工 钳工 车工 铣工 维修工 操作工 装配工 技工 总监 监事 董事 主管 工长 创始人 获得者 专家 大师
护士长 主任医师 副主任医师 主治医师 医师 药师 农艺师 畜牧师 工艺师 工艺美术师 设计师 规划师 会计师 经济师 律师 建筑师
预报员 研究馆员 馆员 检察官 法官 庭长 副庭长 警官 民警 辅警 大队长 副大队长 中队长 调解员 网格员 快递员 外卖员 骑手
司机 驾驶员 环卫工人 保洁员 营业员 收银员 导游 厨师 主厨 学徒 徒弟 选手 党支部书记 支部书记 村支书 会计 出纳
""".split()

# Posts that name their organisation implicitly: 市长 works for the city government.
IMPLIED_BODY = {
    "市长": "市政府", "副市长": "市政府", "常务副市长": "市政府", "省长": "省政府", "副省长": "省政府",
    "县长": "县政府", "副县长": "县政府", "区长": "区政府", "副区长": "区政府",
}

# Titles that describe without naming an employer (no WORKS_FOR): 市领导王立.
GENERIC_LEADERS = ["市领导", "省领导", "县领导", "区领导", "领导", "同志", "劳模工匠代表"]
# Generic nouns after which a name may follow, read strictly (职工张三表示 but not 职工利益诉求).
WEAK_POSTS = ["职工", "员工", "工人", "代表", "党员", "队员", "学员", "劳模", "工匠", "志愿者"]

POST_PREFIX = ["兼职", "常务", "执行", "专职", "挂职", "驻会"]

# Words after which a name ends (cue verbs and function words), checked after 2/3 chars.
FOLLOW_STRONG = """
出席 主持 参加 参与 分获 讲话 致辞 表示 介绍 指出 强调 认为 说道 坦言 带领 领衔 率领 担任 荣获 获得 获评 当选 入选 作为 同志 通讯员
记者 代表 等人 一行 先后 分别 现场 摄影 报道 摄 宣讲 授课 作了 围绕 结合 深入 走进 来到 前往 调研 带队 发言 回答 告诉
作报告 作专题 提出 希望 要求 也是 就是 多次 曾经 曾获 从事 扎根 坚守 凭借 是我 是全 是茂 先生 女士 师傅 老师 教授 工程师 技师
针对 当场 手把手 逐一 发现 牵头 调入 进入 加入 来自
""".split()
FOLLOW_WEAK = list("在为和与及等是的了说对向从将把被也都就还又则带获任到来去以于率同、")

# Characters that never continue a given name (function words, common verbs).
# 他/她/它: 由她担任领衔人 has a surname character (由) before a pronoun, never a name.
NON_GIVEN = set("的了在是和与及等为对向从将把被也都就还又说讲到来去个名位年月日市省县区镇乡级他她它")

# Cue verbs before a name-less subject (people found at a clause start): 张三荣获….
SUBJECT_CUES = ["荣获", "获得", "获评", "被评为", "被授予", "当选", "入选", "领衔", "带领", "表示", "介绍", "说",
                "出席", "主持", "参加", "担任", "作为", "先后", "多次", "曾获", "曾", "现任", "同志",
                "调入", "进入", "加入", "来自"]

BYLINE = ["全媒体记者", "见习记者", "特约记者", "摄影记者", "实习记者", "记者", "通讯员", "实习生", "摄影", "图/文", "文/图", "文/", "图/"]

# ---------------------------------------------------------------- organisations

ENTERPRISE_SUFFIXES = ["股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "分公司", "子公司",
                       "公司", "集团", "工厂", "制造厂", "工艺厂", "厂", "产业园", "工业园", "科技园", "创意园",
                       "银行", "酒店", "合作社", "农场", "矿业", "电厂", "实业"]
UNION_SUFFIXES = ["总工会", "工会委员会", "工会联合总会", "工会联合会", "工会"]
GOV_SUFFIXES = ["人民代表大会常务委员会", "人大常委会", "人民政府", "政府", "政协", "委员会", "办公室", "党校",
                "委", "局", "厅", "部", "办", "署"]
ORG_SUFFIXES = ["职业技术学院", "技师学院", "职业学院", "大学", "学院", "技工学校", "职业学校", "学校", "中学", "小学",
                "幼儿园", "人民医院", "中医院", "医院", "卫生院", "博物馆", "图书馆", "文化馆", "纪念馆", "体育馆",
                "科技馆", "美术馆", "展览馆", "活动中心", "服务中心", "市民中心", "中心", "日报社", "报社", "日报", "晚报",
                "电视台", "广播电视台", "人民法院", "法院", "检察院", "研究院", "研究所", "设计院", "协会", "学会",
                "联合会", "商会", "基金会", "宣讲团", "专家团", "管理所", "派出所", "事务所", "卫生所", "供电所", "管理处",
                "管理站", "服务站", "气象台"]
# The label a suffix gives a name; a later list wins where suffixes repeat (工会委员会 is a union).
ORG_KIND_BY_SUFFIX: dict[str, str] = {
    **dict.fromkeys(ENTERPRISE_SUFFIXES, "Enterprise"), **dict.fromkeys(ORG_SUFFIXES, "Organization"),
    **dict.fromkeys(GOV_SUFFIXES, "GovernmentBody"), **dict.fromkeys(UNION_SUFFIXES, "Union"),
}
_LONGEST_SUFFIX = max(map(len, ORG_KIND_BY_SUFFIX))


def organisation_kind(name: str) -> str | None:
    """The label of an organisation name by its longest known suffix, or None.

    >>> organisation_kind("茂名市总工会"), organisation_kind("信宜长城玉器工艺厂"), organisation_kind("张三")
    ('Union', 'Enterprise', None)
    """
    for n in range(min(len(name), _LONGEST_SUFFIX), 0, -1):
        kind = ORG_KIND_BY_SUFFIX.get(name[-n:])
        if kind:
            return kind
    return None


# Gov/union names need a jurisdiction in front (市/省/a place/全国), else 大局, 干部, 内部 would match.
JURISDICTION_ABBR = ["中华全国", "全国", "国家", "中共", "共青团", "团", "省", "市", "县", "区", "镇", "乡", "街道"]

# Words an organisation or event name never spans: a name starts after the last of these.
LEFT_STOPS = set("""
为 在 到 和 与 及 的 了 对 向 是 由 将 从 给 把 被 等 于 至 赴 以 并 也 都 又 如 像 同 跟 让 使 请 经 按 据 随 其 该 本 此 这 那
走进 参观 调研 来到 前往 深入 走访 考察 帮助 协助 指导 服务 获得 荣获 位于 依托 来自 合作 组织 推动 联合 签约 进入 包括
其中 以及 还有 擦亮 会同 部门 携手 助力 帮扶 解决 提供 开展 举办 举行 召开 出席 参加 主持 部署 成立 组建 印发 启动 推进 发挥 通过 邀请
根据 按照 围绕 结合 聚焦 落实 贯彻 学习 宣读 表扬 表彰 授予 命名 认定 评为 获评 入选 当选 选树 推荐 评选 支持 鼓励 引导
培育 打造 建设 创建 新建 设立 设在 落户 入驻 对接 服务于 帮 请到 来 去 上 下 中 后 前 时 内 外 旗下 所属 下属 作为 担任
任职 就职 工作 供职 现任 曾任 负责 领衔 带领 牵头 率 率领 共同 一起 分别 先后 近日 日前 今年 去年 已 已经 正在 首次 持续
扎实 大力 积极 全面 进一步 认真 深刻 广泛 主动 充分 着力 努力 不断 加快 加强 强化 完善 优化 提升 提高 促进 实现 坚持
调入 调往 调至 调到 转入 考入 加入 任 他 她 我
挂靠 代表 有 还 仍 曾 兼任 兼职 各 各级 各类 有关 相关 全市 全省 全国各地 我市 本市 我省 我县 我区 多家 一家 每家 一批 一支 多支 优秀 同志 记者 通讯员
""".split())

LEADING_MODIFIERS = ["全国各地", "全市", "全省", "我市", "本市", "我省", "各级", "各类", "有关", "相关", "该", "本", "其",
                     "各", "所属", "优秀", "一批", "首批", "多家", "一家", "这支", "一支", "多支"]

# Industry words stripped from an enterprise's core to get its short form (明珞装备 → 明珞).
INDUSTRY_TAILS = ["汽车电子", "电子科技", "智能科技", "智能装备", "科技", "电子", "装备", "实业", "控股", "技术", "智能",
                  "制造", "工业", "化工", "石化", "能源", "新材料", "材料", "机械", "电器", "电气", "建设", "建筑",
                  "贸易", "发展", "投资", "环保", "生物", "医药", "食品", "物流", "信息", "网络", "软件", "通信"]

# ---------------------------------------------------------------- honours

HONOUR_HEADS = ["五一劳动奖章", "五一劳动奖状", "五一劳动奖", "五一巾帼奖", "五四青年奖章", "劳动模范", "劳模",
                "先进工作者", "工人先锋号", "技术能手", "青年岗位能手", "三八红旗手", "巾帼建功标兵", "巾帼文明岗",
                "技能大师", "首席技师", "工匠", "模范职工之家", "模范职工小家", "优秀工会工作者", "优秀工会积极分子",
                "劳模和工匠人才创新工作室", "劳模创新工作室", "技能大师工作室"]
# Honours that need no level prefix: 大国工匠, and X工匠 for the literary names of regions.
REGION_EPITHETS = ["大国", "南粤", "齐鲁", "三秦", "八桂", "天府", "荆楚", "燕赵", "三晋", "龙江", "八闽", "津门", "海河",
                   "巴渝", "陇原", "天山", "江淮", "赣鄱", "中原", "湖湘", "岭南", "鹏城", "羊城", "钱塘", "海峡", "北疆"]
HONOUR_LEVELS = ["中华全国", "全国", "国家级", "国家", "省部级", "省级", "市级", "县级", "区级", "全省", "全市",
                 "省", "市", "县", "区"]
AWARD_TAILS = ["特等奖", "一等奖", "二等奖", "三等奖", "金奖", "银奖", "铜奖", "优秀奖", "成果奖", "创新奖", "贡献奖"]
QUOTED_HONOUR_CUES = ["最美", "之星", "标兵", "能手", "工匠", "模范", "先锋", "红旗", "奖"]
RECEIVE_CUES = ["荣获", "获得", "获评", "被评为", "评为", "被授予", "荣膺", "当选", "入选", "获", "授予", "选树为", "命名为"]
RECEIVE_FILLER = r"(?:先后|曾经|曾|还|又|也|均|分别|都|已|多次|相继|今年|去年|此前|此次|本次|于?\d{4}年|在\d{4}年)*"
HONOUR_LIST_CUES = ["名单", "名录", "获得者", "拟表彰", "表彰对象", "称号的决定", "候选人", "公示"]

# ---------------------------------------------------------------- events and campaigns

EVENT_HEADS = ["表彰大会", "推进会", "座谈会", "表彰会", "发布会", "发布仪式", "启动仪式", "签约仪式", "揭牌仪式",
               "授牌仪式", "颁奖仪式", "颁奖典礼", "仪式", "宣讲会", "报告会", "交流会", "研讨会", "分享会", "见面会",
               "现场会", "动员会", "观摩会", "茶话会", "联欢会", "培训班", "职业技能大赛", "技能大赛", "技能竞赛",
               "竞赛", "大赛", "比赛", "龙舟赛", "锦标赛", "邀请赛", "联赛", "对抗赛", "接力赛", "运动会", "展演", "博览会", "展览会", "论坛", "晚会", "评选活动", "大会", "成果交流",
               "交流活动", "讲坛", "大讲堂", "讲堂", "慰问活动", "授牌活动", "揭牌活动", "颁奖活动",
               # plenary sessions of a committee: 第十六届委员会第三次全体（扩大）会议, 十六届三次全委会
               "全体(扩大)会议", "全委(扩大)会议", "全体会议", "全委会议", "全委会"]
# Heads that may stand alone as a (short) event name: 宣讲会上, 座谈会.
BARE_EVENT_HEADS = ["推进会", "座谈会", "宣讲会", "表彰大会", "报告会", "交流会", "研讨会", "发布会", "启动仪式"]
CAMPAIGN_HEADS = ["专项行动", "攻坚行动", "要约行动", "提升行动", "百日行动", "三年行动", "主题教育", "创建活动"]
QUOTED_CAMPAIGN_TAILS = ["专项行动", "行动", "工程", "计划", "活动", "建设", "项目", "主题教育", "大练兵", "大比武", "练兵比武"]
# Words that make an event/campaign name generic (劳动和技能竞赛 is a kind, not a named event).
GENERIC_EVENT_WORDS = ["劳动和技能", "劳动", "技能", "职工", "岗位", "技术", "专题", "各类", "系列", "相关", "有关",
                       "大型", "各种", "群众性", "文体", "宣传", "工作", "经验", "灵活多样的", "多样", "各项", "此次",
                       "本次", "这次", "该", "和", "及", "与", "等", "的", "省级", "市级", "全市", "全省", "市", "省",
                       "县", "区", "职工代表", "代表", "会员", "年度", "年会", "区级", "县级", "区县", "(市)", "级", "职业",
                       "职业技能", "各类职业技能"]

# ---------------------------------------------------------------- relations

ORGANISE_CUES = ["组织开展", "部署开展", "组织", "主办", "承办", "举办", "举行", "召开", "成立了", "成立", "组建",
                 "印发", "开展", "部署", "发起", "启动", "牵头"]
ATTEND_CUES = ["出席", "参加", "主持", "列席", "讲话", "致辞", "作专题宣讲", "作宣讲", "作报告", "作专题", "宣讲", "作主旨演讲",
               "作讲座", "主讲", "授课", "为题", "宣读", "发言"]
VISIT_CUES = ["调研参观", "走进", "走访", "来到", "深入", "前往", "调研", "参观", "考察", "到访", "赴"]
HELP_CUES = ["帮助解决", "解决", "提供", "攻克", "技术服务", "技术攻关", "帮扶", "指导", "诊断", "排查", "改进",
             "优化", "培训", "破解", "攻关", "答疑"]
HELP_PREPS = ["为", "帮助", "帮", "协助", "助力", "指导", "服务"]
LEAD_CUES = ["领衔人", "领衔", "带头人", "负责人", "牵头人", "队长", "创办", "带领"]
MEMBER_CUES = ["成员", "队员", "骨干"]
BASED_CUES = ["依托", "设在", "位于", "落户"]

# National party, state and legislative bodies, which appear without a jurisdiction in front.
NATIONAL_BODIES = """
中共中央 国务院 全国人大常委会 全国人大 全国政协 中央军委 外交部 国防部 国家发展和改革委员会 国家发展改革委 教育部
科学技术部 科技部 工业和信息化部 工信部 国家民族事务委员会 公安部 国家安全部 民政部 司法部 财政部 人力资源和社会保障部
人社部 自然资源部 生态环境部 住房和城乡建设部 住建部 交通运输部 水利部 农业农村部 商务部 文化和旅游部 国家卫生健康委员会
国家卫健委 退役军人事务部 应急管理部 中国人民银行 审计署 国务院国资委 国家市场监督管理总局 国家统计局 国家税务总局
中央组织部 中央宣传部 中央统战部 中组部 中宣部 共青团中央 团中央 全国妇联 中国科协 中国共产党
""".split()
# Characters before a gov suffix that make it an ordinary word (大局, 干部, 举办), not a body.
GOV_SUFFIX_BLOCK = {"局": set("大格布结新全当开残时骗变定棋赌饭邮"), "部": set("全内干外局东西南北中底顶腹胸头脚俱总本分支基细面"),
                    "厅": set("大餐客展门"), "办": set("举创主承开兴筹协督代包查合在兼"), "署": set("部签"),
                    "委": set("原常"), "政府": set(), "政协": set()}
# Organisation cores that are kinds, not names (中小企业, 中职学校).
GENERIC_ORG_CORES = set("""
企业 中小 中小微 该 本 子 分 总 母 国有 民营 龙头 链主 集体 控股 上市 相关 有关 中职 技工 职业 高等 普通 各类 各级 重点 示范
基层 工匠 劳模 民办 公办 本地 当地 服务 活动 工作 创新 培训 学习 教育 指挥 管理 调度 数据 研发 技术 检测 业务 运营 客服 办公 会员 职工
党群 群众 新业态 爱心 心灵 诉调对接 零工 公共 综合 示范 一站式 多家 全市 全省 全国 劳动争议
""".split())
STUDIO_DESCRIPTORS = ["劳模和工匠人才创新", "职工技术创新", "劳模工匠创新", "劳模技能创新", "劳模创新", "工匠创新",
                      "职工创新", "技术创新", "技能大师", "技能创新", "首席技师", "大师", "名师", "创新", "技能", "工匠", "劳模"]
TEAM_GENERIC_CORES = ["劳模工匠技术服务队", "劳模工匠服务队", "工匠技术服务队", "技术服务队", "志愿服务队", "职工服务队",
                      "工匠服务队", "服务队"]
