"""Studios (…工作室) and technical service teams (…服务队).

A studio is a named instance only when something particular stands before its descriptor:
its leader's name (张建新劳模创新工作室) and/or its host organisation
(某某石化李永强技能大师工作室); "2个广东省劳模和工匠人才创新工作室" is a designation, not a
studio. A team is an instance when its name has a place, an organisation or a sector in
front of the generic core (制造业劳模工匠技术服务队), not just a count or 各级.
"""

from __future__ import annotations

import re

from labourkg.extract.gazetteer import is_common_word, jieba_dict
from labourkg.extract.grammar import NON_GIVEN, STUDIO_DESCRIPTORS, TEAM_GENERIC_CORES, alt, surnames
from labourkg.extract.model import Doc, Mention
from labourkg.extract.names import read_name
from labourkg.extract.spans import _tokenise, left_start, strip_modifiers

_STUDIO_RE = re.compile(f"(?:{alt(STUDIO_DESCRIPTORS)})?工作室")
_TEAM_RE = re.compile(f"(?:{alt(TEAM_GENERIC_CORES)})")
_BARE_RE = re.compile(r"(?:该|这个|这支)?(工作室|服务队)(?=队长|领衔人|负责人|核心成员|成员|队员|骨干|走进|走访|深入|来到|前往|随即|随后|为|帮助|先后|还|的|现有|共有|调研|考察|参观|视察)"
                      r"|(?:(?<=[,。;:!?\n])|^)(?:该|这个|这支)?(工作室|服务队)(?:团队)?"
                      r"(?=现有|共有|目前|已|被|坚持|积极|围绕|成立|获|荣获|是|\d{4}年|今年|去年|近年|多次|累计|先后|还|也|将|由)", re.M)
_COUNT = re.compile(r"^(?:\d+|[一二两三四五六七八九十百千]+)[个家支名批]")
# 服务队电力分队 / 某市某某服务队机械装备分队: a section of the team just named; later a bare 分队 before
# 队长 / 成员 is that section
# A section named on its own at a clause start or in a list (下设石化分队、农机分队; 。电力分队队长…) is a
# section of the team named last before it too.
_SUBTEAM_RE = re.compile(r"(?<=服务队)(?P<sec>[\u4e00-\u9fff]{2,6}?)分队|(?<![\u4e00-\u9fff])分队(?=队长|成员|队员|负责人)"
                         r"|(?:(?<=[,。;:、\n“\d])|(?<=下设)|(?<=组建))(?P<own>[\u4e00-\u9fff]{2,4}?)分队")
_SEC_VERB = re.compile(r"下设|组建了?|成立了?|设立了?|设有|包括|其中")
_NOT_SECTION = ("各", "每", "该", "这", "两", "多", "几", "首", "小", "个")
_SEC_STOP = set("的和与及等个支在为")
# a team named relative to the home city or province (市劳模工匠技术服务队): that city's team
_RELATIVE_FRONT = ("市", "省")
_GENERIC_FRONT = re.compile(r"^(?:各级|各类|各|省级|市级|县级|自治区级|区级|国家级|全国|全省|全市|优秀|所属|首批|一批|多个|多支|示范性|示范|省|市)*$")
_ORG_TAIL = re.compile(r"(?:公司|集团|厂|医院|学校|学院|大学|中心|局|站|所|院|馆|石化|石油|电力|电网|港|银行|矿)$")


def _rank(ch: str) -> int:
    single, _ = surnames()
    order = _surname_order()
    return order.get(ch, len(single))


_ORDER: dict[str, int] = {}


def _surname_order() -> dict[str, int]:
    if not _ORDER:
        from labourkg.extract.grammar import DATA

        text = (DATA / "surnames.txt").read_text(encoding="utf-8").split("[single]")[1].split("[compound]")[0]
        for k, ch in enumerate(c for c in text if not c.isspace()):
            _ORDER[ch] = k
    return _ORDER


def _leader_before(doc: Doc, d: int, lo: int) -> int:
    """Start of the leader's name ending at ``d`` (the descriptor's start), or -1."""
    text, gaps = doc.text, doc.norm.gaps
    best, best_rank = -1, 10**6
    for k in (3, 2):
        i = d - k
        if i < lo:
            continue
        if _name_exact(text, i, d) and (read_name(text, i, gaps) >= k or k == 2):
            r = _rank(text[i])
            if k == 2 and best >= 0 and r >= best_rank:
                continue
            if k == 2 and best >= 0 and _ORG_TAIL.search(text[lo:i + 1]):
                continue
            best, best_rank = i, r
    return best


def _name_exact(text: str, i: int, d: int) -> bool:
    single, compound = surnames()
    name = text[i:d]
    if i > 0 and is_common_word(text[i - 1 : i + 1], min_freq=200):
        return False  # 示范性: the surname character closes a word before it
    return (text[i] in single and all("\u4e00" <= c <= "\u9fff" for c in name) and not is_common_word(name)
            and not is_common_word(name[:2], min_freq=100) and not any(c in NON_GIVEN for c in name[1:]))


def find_units(doc: Doc) -> list[Mention]:
    """Studio and ServiceTeam mentions, plus leader Person and host organisation mentions."""
    text = doc.text
    out: list[Mention] = []
    for m in _STUDIO_RE.finditer(text):
        s0, _ = doc.sentence_of(m.start())
        leader = _leader_before(doc, m.start(), max(s0, m.start() - 4))
        trade = _leader_before_trade(doc, m.start(), s0)
        if trade >= 0 and (leader < 0 or not _boundary(doc, leader, s0)):
            leader = trade  # 张三焊接技能大师工作室, not 焊接 read as a name
        trade_end = leader + _name_len(doc, leader, m.start()) if leader >= 0 else -1
        if leader >= 0 and text[leader - 1 : leader] in ("的", "是", "在", "为", "和", "与"):
            start = leader
        else:
            head = leader if leader >= 0 else m.start()
            start = strip_modifiers(text, left_start(text, head, s0, kind="org", gaps=doc.norm.gaps), head)
        host_end = leader if leader >= 0 else m.start()
        host = text[start:host_end]
        if _COUNT.match(host):
            continue
        quoted = leader < 0 and _quoted_name(doc, m)
        if quoted:
            start, host = quoted, ""
        elif leader < 0 and (not host or _GENERIC_FRONT.match(host) or doc.gaz.places.get(host)
                             or not _ORG_TAIL.search(host)):
            continue
        if leader >= 0 and _GENERIC_FRONT.match(host) and host:
            start = host_end  # 省级张三工作室: the level is not part of the name
            host = ""
        name = text[start : m.end()]
        studio = Mention(start, m.end(), "Studio", _abs(doc, name), name, how="studio")
        out.append(studio)
        if leader >= 0:
            p = Mention(leader, trade_end, "Person", text[leader:trade_end], text[leader:trade_end], how="studio")
            studio.attrs["_leader"] = p
            out.append(p)
        if host and not doc.gaz.places.get(host) and len(host) >= 2:
            h = Mention(start, host_end, "Enterprise", host, host, how="studio-host")
            studio.attrs["_host"] = h
            out.append(h)
    for m in _BARE_RE.finditer(text):
        kind = "Studio" if (m.group(1) or m.group(2)) == "工作室" else "ServiceTeam"
        out.append(Mention(m.start(), m.end(), kind, "", m.group(), how="bare"))
    out += _subteams(text)
    for m in _TEAM_RE.finditer(text):
        if text[m.start() - 1 : m.start()] in ("为", "向", "给"):
            continue  # 张三、李四为服务队授旗: a preposition before a bare team, no name's front
        s0, _ = doc.sentence_of(m.start())
        start = strip_modifiers(text, left_start(text, m.start(), s0, kind="org", gaps=doc.norm.gaps), m.start())
        front = text[start : m.start()]
        relative = front in _RELATIVE_FRONT and doc.expand_level(front) is not None
        if not front or _COUNT.match(front) or _GENERIC_FRONT.match(front) and not front.startswith("市级") \
                and not relative:
            continue
        name = text[start : m.end()]
        out.append(Mention(start, m.end(), "ServiceTeam", _abs(doc, name), name, how="team"))
    return out


_OPEN = "“「\"'"
_TRADE = re.compile(r"[\u4e00-\u9fff]{2,4}")
_TRADE_STOP = set("的和与及、在是为由")


def _name_len(doc: Doc, leader: int, d: int) -> int:
    """Length of the leader's name when a trade word stands between it and the descriptor."""
    for k in (3, 2):
        if leader + k <= d and _name_exact(doc.text, leader, leader + k) and _trade_ok(doc.text[leader + k : d]):
            return k
    return d - leader


def _trade_ok(gap: str) -> bool:
    """焊接, 丝绸印染: a trade or skill word between the leader's name and the descriptor."""
    if not gap:
        return True
    if not _TRADE.fullmatch(gap) or any(c in _TRADE_STOP for c in gap):
        return False
    info = jieba_dict()
    toks = _tokenise(gap)
    return all(t in info and info[t][1][:1] in ("n", "v") for t in toks)


def _boundary(doc: Doc, i: int, s0: int) -> bool:
    """A leader's name starts after a quote, 的, the sentence start or a host's name."""
    before = doc.text[i - 1 : i]
    return before in _OPEN or before in ("的", "") or i == s0 or bool(_ORG_TAIL.search(doc.text[max(s0, i - 4) : i]))


def _leader_before_trade(doc: Doc, d: int, s0: int) -> int:
    """“张三焊接技能大师工作室”: the leader's name, then a trade word, after a quote, 的 or a host's name."""
    text = doc.text
    for g in (2, 3, 4):
        for k in (3, 2):
            i = d - g - k
            if i < s0 or not _trade_ok(text[i + k : d]):
                continue
            if not _boundary(doc, i, s0):
                continue
            if _name_exact(text, i, i + k) and read_name(text, i, doc.norm.gaps) >= k:
                return i
    return -1


def _quoted_name(doc: Doc, m: re.Match) -> int:
    """“某某电子创新工作室”: a quoted name with a particular front and no leader; its start, or 0."""
    text = doc.text
    if text[m.end() : m.end() + 1] not in "”」\"" or not m.group():
        return 0
    s0, _ = doc.sentence_of(m.start())
    q = max(text.rfind(c, s0, m.start()) for c in _OPEN)
    if q < 0 or m.start() - q > 14:
        return 0
    front = text[q + 1 : m.start()]
    pm = doc.gaz.place_re.match(front)
    core = front[pm.end() :] if pm else front
    if len(core) < 2 or _GENERIC_FRONT.match(core) or _COUNT.match(core) or not _TRADE.fullmatch(core):
        return 0
    return q + 1


def _abs(doc: Doc, name: str) -> str:
    for rel, lvl in (("市级", "市"), ("省级", "省"), ("市", "市"), ("省", "省")):
        if name.startswith(rel) and not name.startswith(("市场", "省部")):
            place = doc.expand_level(lvl)
            if place:
                return place + name[len(rel):]
    return re.sub(r"[“”\"]", "", name)


def _subteams(text: str) -> list[Mention]:
    """Sections of a team (服务队电力分队) and bare 分队 references; named in the pipeline, once the
    team they belong to is known."""
    out: list[Mention] = []
    for m in _SUBTEAM_RE.finditer(text):
        sec = m.group("sec")
        start = m.start()
        if m.group("own") or (sec and _SEC_VERB.match(sec)):
            sec = m.group("own") or sec
            verb = _SEC_VERB.match(sec)  # 服务队下设陶瓷分队: the verb opens no section name
            sec, start = (sec[verb.end() :], m.start() + verb.end()) if verb else (sec, start)
            if len(sec) < 2 or sec.startswith(_NOT_SECTION) or "服务" in sec:
                continue
        if sec is not None and any(c in _SEC_STOP for c in sec):
            continue
        out.append(Mention(start, m.end(), "ServiceTeam", "", text[start : m.end()], how="subteam" if sec else "bare-sub",
                           attrs={"_sec": sec} if sec else {}))
    return out
