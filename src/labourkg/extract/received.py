"""RECEIVED (and the posts of honour lists): who got which honour, read from cue verbs,
copulas (是…获得者), counted lists (张三等10名同志), list headings and brackets."""

from __future__ import annotations

import re

from labourkg.extract.grammar import HONOUR_LIST_CUES, RECEIVE_CUES, RECEIVE_FILLER, alt
from labourkg.extract.model import Doc, Mention, Rel
from labourkg.extract.relbase import AGENTS as _AGENTS
from labourkg.extract.relbase import ORGS as _ORGS
from labourkg.extract.relbase import POST_END as _POST_END
from labourkg.extract.relbase import Index as _Index
from labourkg.extract.relbase import org_and_post
from labourkg.extract.relbase import role as _role
from labourkg.extract.relbase import year_attr as _year_attr

_RECEIVE_RE = re.compile(f"{RECEIVE_FILLER}(?:{alt(RECEIVE_CUES)})")

def _received(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    text = doc.text
    for m in _RECEIVE_RE.finditer(text):
        subj = idx.ending_at(m.start(), _AGENTS)
        if subj is None or subj.end != m.start():
            continue
        if text[subj.start - 1 : subj.start] in ("由", "被") and m.group().endswith(("授予", "评为", "选树为", "命名为")):
            continue  # 由某局授予…称号, 被某会评为…: the body confers, it does not receive
        if m.group().endswith("授予") and not m.group().endswith("被授予"):
            continue  # 某省总工会授予99名职工…: the subject of an active 授予 is the one conferring
        s, e = doc.sentence_of(m.start())
        stop = min([k for k in (text.find(c, m.end(), e) for c in ";。") if k >= 0] or [e])
        hons = idx.within(m.end(), stop, ("Honour",))
        for a in _coordinated_subjects(text, idx, subj):
            for h in hons:
                attrs = _year_attr(text, a.start, h.end)
                rels.append(Rel("RECEIVED", a, h, a.start, h.end, 0.8, attrs))
                if a.type == "Person":
                    _role(a, h.name)


def _coordinated_subjects(text: str, idx: _Index, subj: Mention) -> list[Mention]:
    """甲公司、乙公司荣获…: the agents of the same kind joined to ``subj`` by 、/和/与/及."""
    out = [subj]
    cur = subj
    while (q := idx.last_before(cur.start, (subj.type,))) is not None:
        between = text[q.end : cur.start]
        # 某院主任张三、某镇种粮大户李四分别获评…: titled people of one list
        titled = subj.type == "Person" and between[:1] == "、" and len(between) <= 30 \
            and not re.search(r"[,。;:、]", between[1:]) and _POST_END.search(between[1:]) is not None
        if not (between in ("、", "和", "与", "及") or titled):
            break
        out.append(q)
        cur = q
    return out


def _holders(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """张三是全国五一劳动奖章获得者; …，2019年荣获X (the sentence's subject, elided)."""
    text = doc.text
    for h in idx.within(0, len(text), ("Honour",)):
        if not re.match(r"(?:称号)?(?:获得者|得主)", text[h.end:]):
            continue
        s, _ = doc.sentence_of(h.start)
        before = text[s : h.start]
        mm = re.search(r"是(?:[^,。]{0,20}、)?$", before)
        if not mm:
            continue
        p = idx.ending_at(s + mm.start(), ("Person", "Studio", "ServiceTeam"))
        if p is not None and p.end == s + mm.start():
            rels.append(Rel("RECEIVED", p, h, p.start, h.end + 3, 0.8, _year_attr(text, p.start, h.end)))
            if p.type == "Person":
                _role(p, h.name)
    for m in _RECEIVE_RE.finditer(text):
        adj = idx.ending_at(m.start(), _AGENTS)
        by_agent = adj is not None and adj.end == m.start() and text[adj.start - 1 : adj.start] == "被"
        if adj is not None and not by_agent:
            continue
        s, e = doc.sentence_of(m.start())
        stop = min([k for k in (text.find(c, m.end(), e) for c in ",;。") if k >= 0] or [e])
        hons = idx.within(m.end(), stop, ("Honour",))
        if hons and text[hons[-1].end : hons[-1].end + 1] == "的" or (
                hons and re.match(r"[”\"]?(?:称号)?的", text[hons[-1].end :])):
            # 今年获评全国技术能手的某某公司技师张三: the honour qualifies the person named after it
            p = next(iter(idx.within(hons[-1].end, stop, ("Person",))), None)
            if p is not None:
                for h in hons:
                    rels.append(Rel("RECEIVED", p, h, m.start(), p.end, 0.75, _year_attr(text, m.start() - 8, h.end)))
                    _role(p, h.name)
            continue
        clause = max([s] + [k + 1 for k in (text.rfind(c, s, m.start()) for c in ",:;") if k >= 0])
        active = m.group().endswith(("授予", "评为", "选树为", "命名为")) and not m.group().endswith(("被授予", "被评为")) \
            and not by_agent
        if clause > s and not active and _elided(text, idx, clause, m.start()):
            # 张三，2019年获评…，今年当选…; 陈某是某公司班长，曾荣膺…: a clause without a subject
            # continues the sentence's last person
            prev = idx.last_before(clause, ("Person",), lambda p, s=s: p.start >= s and p.how != "byline"
                                   and "journalist" not in p.attrs.get("roles", ()))
            if prev is not None and (prev.start == s or text[prev.start - 1] in _CLAUSE_OPEN or prev.how != "list"):
                for h in idx.within(m.end(), _clause_stop(text, m.end(), e), ("Honour",)):
                    rels.append(Rel("RECEIVED", prev, h, m.start(), h.end, 0.7, _year_attr(text, clause, h.end)))
                    _role(prev, h.name)
                continue
        first = idx.within(s, m.start(), _AGENTS)
        if not first and active:
            continue  # 授予张三…称号 with the conferring body left out: the recipients follow the verb
        if not first:
            # 荣誉接踵而至：2017年获评…，2019年被评为…: a list of awards with the subject left out is
            # about the person the text is about (the last one named, when named more than once)
            clause = max([s] + [k + 1 for k in (text.rfind(c, s, m.start()) for c in ",:;") if k >= 0])
            if not _ELIDED.fullmatch(text, clause, m.start()):
                continue
            topic = idx.last_before(s, ("Person",), lambda p: p.how != "byline"
                                    and "journalist" not in p.attrs.get("roles", ()))
            if topic is None or s - topic.end > 400 or sum(1 for q in idx.ms if q.name == topic.name) < 2:
                continue
            first = [topic]
        elif first[0].type != "Person" or first[0].start - s > 1:
            continue
        if any(a.type != "Person" or a.name != first[0].name for a in first[1:]):
            continue
        if first[0].end > s and re.search(r"[。;]", text[first[0].end : m.start()]):
            continue
        stop = min([k for k in (text.find(c, m.end(), e) for c in ",;。") if k >= 0] or [e])
        for h in idx.within(m.end(), stop, ("Honour",)):
            rels.append(Rel("RECEIVED", first[0], h, m.start(), h.end, 0.7, _year_attr(text, m.start() - 8, h.end)))
            _role(first[0], h.name)


_ELIDED = re.compile(r"(?:并|还|又|也)?(?:于|在)?(?:\d{4}年(?:度)?|今年|去年|当年|同年|次年|此后)?(?:\d{1,2}月)?"
                     r"(?:还|又|再|也|先后|相继|再次|并)?")
_CLAUSE_OPEN = set(",。;:!?、\n()“”\"")


def _clause_stop(text: str, start: int, e: int) -> int:
    return min([k for k in (text.find(c, start, e) for c in ",;。") if k >= 0] or [e])


def _elided(text: str, idx: _Index, s: int, e: int) -> bool:
    """Is text[s:e] a clause opening without a subject (2019年, 并于2024年被某会)?"""
    m = _ELIDED.match(text, s, e)
    k = m.end() if m else s
    if text[k : k + 1] == "被":
        agent = idx.within(k + 1, e, _ORGS)
        if agent and agent[0].start == k + 1 and agent[-1].end == e:
            return True  # 被某部授予: the body after 被 confers
    return k == e
_ENUM = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.]|\d{1,3}[、.]|\([一二三四五六七八九十\d]{1,3}\))")
_HEADING_FILLER = re.compile(r"[“”\"():、,]|\d+名|\d+人|\d+个|称号|获得者|名单|\d{4}年")


def _is_heading(text: str, s: int, e: int, hons: list[Mention], people: list[Mention]) -> bool:
    """A short line naming an honour that heads a list: '…劳动模范名单', '一、X市劳动模范（10名）'."""
    line = text[s:e]
    if len(line) >= 60 or (people and people[0].start - s <= 2):
        return False
    if any(c in line for c in HONOUR_LIST_CUES):
        return True
    rest = line
    for h in sorted(hons, key=lambda h: -h.start):
        rest = rest[: h.start - s] + rest[h.end - s :]
    rest = _HEADING_FILLER.sub("", _ENUM.sub("", rest))
    return len(rest) <= 3



_GENDER = re.compile(r"(?:[男女]|[\u4e00-\u9fff]{1,3}族|中共党员|群众)[,、]")


# 张三等10名同志“…”, 甲公司、乙公司3家单位“…” (a full list closed by its count, without 等)
_COUNTED_BEFORE = re.compile(r"等?(?:\d+|[一二两三四五六七八九十百]+)(?:名|位|人|个|家)"
                             r"(?:同志|职工|个人|集体|单位|企业)?(?:\d{4}年度?)?[“\"]?$")


def _counted(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """授予张三、李四等10名同志“某市劳动模范”称号 / 为张三等10名2024年“某某工匠”颁发证书."""
    text = doc.text
    for h in idx.within(0, len(text), ("Honour",)):
        m = _COUNTED_BEFORE.search(text, max(0, h.start - 30), h.start)
        if not m:
            continue
        k = m.start()
        while (p := idx.ending_at(k, ("Person", "Enterprise", "Organization"))) is not None and p.end == k:
            rels.append(Rel("RECEIVED", p, h, p.start, h.end, 0.8, _year_attr(text, p.start, h.end)))
            if p.type == "Person":
                _role(p, h.name)
            if text[p.start - 1 : p.start] != "、":
                break
            k = p.start - 1


def _bracket_posts(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """姓名（单位职务）: 张三（某某有限公司高级技师）, 李四（女，某某医院护士长）; also 第一名由某某有限公司
    张三获得: the unit right before a winner's name is where the winner works."""
    text = doc.text
    for p in idx.within(0, len(text), ("Person",)):
        if p.how == "result" and (org := idx.ending_at(p.start, _ORGS)) is not None:
            rels.append(Rel("WORKS_FOR", p, org, org.start, p.end, 0.7))
    for p in idx.within(0, len(text), ("Person",)):
        if text[p.end : p.end + 1] != "(":
            continue
        close = text.find(")", p.end, p.end + 80)
        if close < 0:
            continue
        s = p.end + 1
        while m := _GENDER.match(text, s, close):
            s = m.end()
        first = idx.within(s, close, _ORGS)
        if not first or first[0].start - s > 2:
            continue
        org, post = org_and_post(idx, text, s, close)
        if org is None:
            continue
        rels.append(Rel("WORKS_FOR", p, org, p.start, close + 1, 0.8, {"position": post} if post else {}))
        if org.type == "GovernmentBody":
            _role(p, "official")


def _honour_lists(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """A heading '…劳动模范名单' makes every person listed under it a recipient."""
    text = doc.text
    current: Mention | None = None
    year: dict = {}
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        hons = idx.within(s, e, ("Honour",))
        people = idx.within(s, e, ("Person",))
        if hons and _is_heading(text, s, e, hons, people):
            current, year = hons[-1], (_year_attr(text, s, e) or year)
            continue
        if current is None:
            continue
        if len(line) > 40 and "。" in line:
            current = None  # a paragraph of prose (张三在讲话中指出，…。) ends the list
            continue
        roster = _roster_line(idx, s, e, people)
        if roster:
            # 某某有限公司 张三 (某某厂 李四 …): the unit first, then the person, one or more pairs a line
            for org, p, post in roster:
                rels.append(Rel("RECEIVED", p, current, s, e, 0.8, dict(year)))
                rels.append(Rel("WORKS_FOR", p, org, s, e, 0.7, {"position": post} if post else {}))
                _role(p, current.name)
        elif not people and (units := _unit_cells(doc, idx, s, e)):
            # 某某有限公司  某某厂: a line of units only, each a whole cell, under the heading
            for u in units:
                rels.append(Rel("RECEIVED", u, current, s, e, 0.75, dict(year)))
        elif people and people[0].start - s <= 2:
            for p in people:
                if p.start - s <= 2 or text[p.start - 1] in "、,":
                    rels.append(Rel("RECEIVED", p, current, s, e, 0.8, dict(year)))
                    _role(p, current.name)
            if text[people[0].end : people[0].end + 1] != "(":
                org, post = org_and_post(idx, text, people[0].end, e)
                if org is not None:
                    rels.append(Rel("WORKS_FOR", people[0], org, s, e, 0.7, {"position": post} if post else {}))


def _roster_line(idx: _Index, s: int, e: int, people: list[Mention]) -> list[tuple[Mention, Mention, str]]:
    """(unit, person, post) of each entry of a roster line '单位（职务） 姓名', or of a table row with
    several entries '单位 姓名 单位 姓名': a unit opens each entry, a name closes it and the line."""
    if not people or e - people[-1].end > 1:
        return []
    out = []
    k = s
    for p in people:
        org, post = org_and_post(idx, idx.text, k, p.start)
        if org is None or idx.within(k, p.start, _ORGS)[0].start - k > 2 or len(post) > 12:
            return []
        out.append((org, p, post))
        k = p.end
    return out


def _unit_cells(doc: Doc, idx: _Index, s: int, e: int) -> list[Mention]:
    """The units of a line made of units only, each filling a cell between gaps (no sub-unit or
    other words after one): '某某有限公司  某某工厂'."""
    units = idx.within(s, e, ("Enterprise", "Organization"))
    k = s
    for u in units:
        if u.start != k or (u.end < e and doc.norm.gaps.get(u.end) not in (" ", "w")):
            return []
        k = u.end
    return units if k == e else []


_CONFER = re.compile(r"授予(?:\d+|[一二两三四五六七八九十百千]+)(?:名|位)(?:同志|职工|个人|劳动者)?")
_WINNERS = re.compile(r"获奖者|获表彰者|受表彰者|榜上有名|获得者(?:包括|有)|名单")


def _story_honour(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """授予126名职工某省五一劳动奖章 … 某市获奖者包括：张三、李四 / 王五…榜上有名: when an article
    announces one honour conferred on a count of people, the people of a sentence that names
    them as its winners (and the lines of a list it opens) received it."""
    text = doc.text
    honours = []
    for m in _CONFER.finditer(text):
        h = next(iter(idx.within(m.end(), m.end() + 30, ("Honour",))), None)
        if h is not None and h.start - m.end() <= 6:
            honours.append(h)
    if len({h.name for h in honours}) != 1:
        return
    h = honours[0]
    year = _year_attr(text, h.start - 6, h.end)
    for s, e in doc.sentences:
        if s < h.end or not _WINNERS.search(text, s, e):
            continue
        end = e
        if re.search(r"(?:如下|名单)[:]?\s*$", text[s:e]) or text[e - 1 : e] == ":":
            para = text.find("\n\n", e)
            end = para if para >= 0 else len(text)
        for p in idx.within(s, end, ("Person",)):
            if p.how in ("byline", "pronoun") or "journalist" in p.attrs.get("roles", ()):
                continue
            rels.append(Rel("RECEIVED", p, h, s, end, 0.65, dict(year)))
            _role(p, h.name)


# 获得某奖章的30名个人 / 某奖状的8个单位: an honour conferred on a count of people or of units
_COUNT_OF = re.compile(r"的\d+(?:名|位)(?:个人|职工|同志|选手|劳动者)|的\d+个(?:单位|集体|班组|企业)")
# 获奖个人中—— / 受表彰的个人有: the lines after it list the winners of the individual honour
_WINNER_BLOCK = re.compile(r"(?:获奖|受表彰的?|获表彰的?)(?:个人|职工)(?:中|有|包括|名单)")
# 获得某奖状的单位包括A、B等 / 荣获某奖章的职工有：A、B
_WINNERS_OF = re.compile(r"的?(?:单位|企业|集体|个人|职工|选手|同志)?(?:包括|有)[:]?")


def _conferral_lists(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """Winners listed apart from the conferral: 大会对获得某市五一劳动奖章的30名个人进行表彰。获奖个人中——
    then lines of 单位职务姓名 (until a line naming another honour); and 获得某奖状的单位包括A、B等."""
    text = doc.text
    single = None
    for h in idx.within(0, len(text), ("Honour",)):
        m = _COUNT_OF.match(text, h.end)
        if m and ("名" in m.group() or "位" in m.group()[:3]):
            single = single or h
        if (w := _WINNERS_OF.match(text, h.end)) and w.group() and re.search(r"(?:获得|荣获|获)$", text[max(0, h.start - 3) : h.start]):
            _listed_after(doc, idx, rels, h, w.end())
    if single is None:
        return
    for b in _WINNER_BLOCK.finditer(text, single.end):
        line_end = text.find("\n", b.end())
        k = len(text) if line_end < 0 else line_end + 1
        while k < len(text):
            e = text.find("\n", k)
            e = len(text) if e < 0 else e
            if idx.within(k, e, ("Honour",)):
                break
            for p in idx.within(k, e, ("Person",)):
                if p.how not in ("byline", "pronoun"):
                    rels.append(Rel("RECEIVED", p, single, k, e, 0.65, _year_attr(text, single.start - 6, single.end)))
                    _role(p, single.name)
            k = e + 1
        break


def _listed_after(doc: Doc, idx: _Index, rels: list[Rel], h: Mention, k: int) -> None:
    """The recipients written as a list from k: A、B和C(等)."""
    text = doc.text
    _, e = doc.sentence_of(h.start)
    while (u := next(iter(idx.within(k, e, ("Person", *_ORGS))), None)) is not None and u.start - k <= 1:
        rels.append(Rel("RECEIVED", u, h, h.start, u.end, 0.7))
        k = u.end
        if text[k : k + 1] not in ("、", "和", "及", ","):
            break
        k += 1
