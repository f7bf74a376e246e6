"""Relations from sentence-level patterns over the mentions of one article.

Each rule looks at one sentence (or one clause) and at the order of mentions and cue words
in it; every relation carries the span it was read from and a confidence that reflects
how direct the pattern is (a post right before a name is surer than co-occurrence).
"""

from __future__ import annotations

import re

from labourkg.extract.careers import career_relations
from labourkg.extract.coordination import coordinated_relations
from labourkg.extract.grammar import (
    ATTEND_CUES,
    BASED_CUES,
    IMPLIED_BODY,
    LEAD_CUES,
    MEMBER_CUES,
    ORGANISE_CUES,
    RECEIVE_CUES,
    alt,
)
from labourkg.extract.memberships import membership_as
from labourkg.extract.model import Doc, Mention, Rel
from labourkg.extract.received import (
    _bracket_posts,
    _conferral_lists,
    _counted,
    _holders,
    _honour_lists,
    _received,
    _story_honour,
)
from labourkg.extract.relbase import ORGS as _ORGS
from labourkg.extract.relbase import POST_END as _POST_END
from labourkg.extract.relbase import Index as _Index
from labourkg.extract.relbase import role as _role
from labourkg.extract.relbase import year_attr as _year_attr
from labourkg.extract.visits import _anaphoric_help, _help_visit, _locative_help, _topic_help

_ORGANISE_RE = re.compile(alt(ORGANISE_CUES))
_ATTEND_RE = re.compile(alt(ATTEND_CUES))
# 作报告, 以“…”为题, 主讲: the speaker is the last person before the cue, at the story's event
_SPEAKER_CUES = ("作", "为题", "主讲", "授课", "宣读", "发言")
_ANAPHOR = re.compile(r"会议|活动|座谈会|座谈|仪式|大会|开幕式|闭幕式|颁奖典礼|会")
_STORY = re.compile(r"讯")
# 出席并讲话, 出席。: an attendance cue without an object refers to the story's event
_BARE_ATTEND = re.compile(r"并|[,。;、]|$")
_JOURNALIST = ("记者", "通讯员", "实习生", "摄影")
_ANAPHORIC_ORG = re.compile(r"(?:该|本|所在)?(?P<w>公司|集团|企业|学院|学校|医院|大学)(?!工会|党委)")
_THIS_INSTITUTION = re.compile(r"(?:该|本)(院|校)")
_STAFF_JOURNALIST = ("记者", "实习生", "摄影")  # a 通讯员 (correspondent) works elsewhere
_LEAD_CUE_RE = re.compile(alt(LEAD_CUES))
_MEMBER_CUE_RE = re.compile(alt(MEMBER_CUES))
_LEADER_POSTS = ("领衔人", "带头人", "负责人", "队长", "创始人", "牵头人")
_MEMBER_POSTS = ("成员", "队员", "骨干")



def find_relations(doc: Doc, synth: list[Mention]) -> list[Rel]:
    """All relations of an article. ``synth`` receives mentions for implied bodies (市长 → 市政府)."""
    idx = _Index(doc.mentions, doc.text)
    rels: list[Rel] = []
    chains = _chains(doc, idx, rels, synth)
    _received(doc, idx, rels)
    _copula(doc, idx, rels)
    career_relations(doc, idx, rels)
    _holders(doc, idx, rels)
    _honour_lists(doc, idx, rels)
    _story_honour(doc, idx, rels)
    _conferral_lists(doc, idx, rels)
    _bracket_posts(doc, idx, rels)
    _counted(doc, idx, rels)
    coordinated_relations(doc, idx, rels)
    _units(doc, idx, rels)
    _members_listed(doc, idx, rels)
    membership_as(doc, idx, rels)
    _organised(doc, idx, rels)
    _organised_passive(doc, idx, rels)
    _organised_own(doc, idx, rels)
    _attended(doc, idx, rels, chains)
    _help_visit(doc, idx, rels)
    _locative_help(doc, idx, rels)
    _topic_help(doc, idx, rels)
    _part_of(doc, idx, rels)
    _service_table(doc, idx, rels)
    _copula_events(doc, idx, rels)
    _located(doc, idx, rels)
    _based_at_employer(doc, idx, rels)
    _anaphoric_help(doc, idx, rels)  # after every host is known: a studio's host is its own company
    _studio_designations(doc, idx, rels)
    return rels


def _studio_designations(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """A studio designation (省级劳模和工匠人才创新工作室) is given to a studio, never to a person:
    以他名字命名的赵明劳模创新工作室…被市总工会命名为市级劳模和工匠人才创新工作室 gives it to the
    studio named last before it in the sentence (or the one before); without one it is dropped."""
    kept: list[Rel] = []
    for r in rels:
        if r.type == "RECEIVED" and r.subject.type == "Person" and r.object.name.endswith("工作室"):
            s, _ = doc.sentence_of(r.object.start)
            lo, _ = doc.sentence_of(max(0, s - 1))
            studio = idx.last_before(r.object.start, ("Studio",), ok=lambda m, lo=lo: m.start >= lo)
            if studio is None:
                continue
            r = Rel("RECEIVED", studio, r.object, r.start, r.end, r.confidence, r.attrs)
        kept.append(r)
    rels[:] = kept


_RELY = re.compile(r"依托|设在|挂靠|落户|位于")
_SIDE_POST = re.compile(r"兼职|客座|名誉|特聘|顾问")  # a post held on the side: not where the studio is


# 该工作室设在某校: the next sentence names the host of the studio just introduced
_THIS_STUDIO = re.compile(r"(?:该|这个|这间|此)?工作室(?:就|则|目前|现)?(?=依托|设在|挂靠|落户|位于)")
# 在某公司挂牌成立某工作室: the host named before the studio


def _host_after(idx: _Index, text: str, k: int, e: int) -> Mention | None:
    """The host after a cue at k (依托某公司, 设在某校, 位于某区的某公司)."""
    for m in _RELY.finditer(text, k, e):
        o = next(iter(idx.within(m.end(), m.end() + 30, ("Enterprise", "Organization"))), None)
        if o is None or (m.group() == "位于" and m.start() - k > 2):
            continue  # 带着工作室骨干走进位于某区的某公司: 位于 only right after the studio
        if o.start - m.end() <= 2 or re.fullmatch(r"位于[^,。;]{1,12}的", text[m.start() : o.start]):
            return o
    return None


def _stated_host(doc: Doc, idx: _Index, u: Mention, e: int) -> Mention | None:
    """The host a studio's own sentence, the sentence after it (该工作室设在…) or 在某公司成立 states."""
    text = doc.text
    host = _host_after(idx, text, u.end, e)
    if host is None and (m := _THIS_STUDIO.match(text, e + 1 if text[e : e + 1] in "。;\n" else e)):
        host = _host_after(idx, text, m.end(), doc.sentence_of(m.end())[1])
    if host is None:
        s, _ = doc.sentence_of(u.start)
        o = idx.last_before(u.start, ("Enterprise", "Organization"), lambda o: o.start >= s)
        if o is not None and o.start >= 1 and text[o.start - 1] == "在" \
                and re.fullmatch(r"(?:挂牌|正式|揭牌)?(?:成立|设立|建立|组建|揭牌)了?", text[o.end : u.start]):
            host = o
    return host


def _based_at_employer(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """A studio without a stated host: 工作室…，依托某公司…建设 (a host after the studio in its sentence),
    else the one employer of the person it is named after and led by."""
    text = doc.text
    based = {r.subject.name for r in rels if r.type == "BASED_AT"}
    for u in idx.within(0, len(text), ("Studio",)):
        if u.name in based or not u.name:
            continue
        s, e = doc.sentence_of(u.start)
        host = _stated_host(doc, idx, u, e)
        if host is None:
            leaders = {r.subject.name for r in rels if r.type == "LEADS" and r.object.name == u.name}
            employers = {r.object.name: r.object for r in rels if r.type == "WORKS_FOR" and r.subject.name in leaders
                         and r.object.type in ("Enterprise", "Organization")
                         and not _SIDE_POST.search(r.attrs.get("position", ""))}
            if len(leaders) == 1 and len(employers) == 1 and u.name.startswith(next(iter(leaders))):
                host = next(iter(employers.values()))
        if host is not None:
            rels.append(Rel("BASED_AT", u, host, u.start, u.end, 0.6))
            based.add(u.name)


# ---------------------------------------------------------------- posts and titles before names


def _place_before_post(doc: Doc, idx: _Index, post: str, lo: int, hi: int) -> str | None:
    """某县级市副市长张三: the place written right before the post is the jurisdiction of the implied
    body (某县级市政府), when its name ends with the post's level (市长 → a 市, 县长 → a 县)."""
    i = doc.text.rfind(post, lo, hi)
    if i < 0:
        return None
    place = next((m for m in idx.within(max(0, i - 8), i, ("Place",)) if m.end == i), None)
    if place is None or not place.name.endswith(IMPLIED_BODY[post][0]):
        return None
    return place.name


def _chains(doc: Doc, idx: _Index, rels: list[Rel], synth: list[Mention]) -> dict[int, list]:
    """WORKS_FOR / RECEIVED / LEADS / MEMBER_OF from the titles in front of each person."""
    text = doc.text
    chains: dict[int, list] = {}
    persons = idx.within(0, len(text), ("Person",))
    prev_end = {p.start: q for q in persons for p in persons if q.end + 1 == p.start and text[q.end] in "、和及与"}
    for p in persons:
        if p.start in prev_end and prev_end[p.start].start in chains:
            chain = chains[prev_end[p.start].start]
        else:
            chain = _inherit_org(text, idx, _parse_chain(doc, idx, p, persons), chains)
        chains[p.start] = chain
        for seg_start, org, post, honour in chain:
            ev = (min(seg_start, p.start), p.end)
            if honour is not None:
                rels.append(Rel("RECEIVED", p, honour, *ev, 0.85, _year_attr(text, seg_start, p.end)))
                _role(p, honour.name)
            if post is None:
                continue
            if org is None and post in IMPLIED_BODY:
                name = _place_before_post(doc, idx, post, seg_start, p.start) or doc.expand_level(IMPLIED_BODY[post][0])
                if name:
                    org = Mention(p.start, p.start, "GovernmentBody", name + IMPLIED_BODY[post][1:], "", how="implied")
                    synth.append(org)
            if org is None:
                org = _unit_of_post(idx, post, p.start)
            if org is None and post.endswith(_STAFF_JOURNALIST) and doc.newspaper:
                org = next((m for m in idx.ms if m.type == "Organization" and m.name == doc.newspaper), None)
            if org is None:
                continue
            if org.type in ("Studio", "ServiceTeam"):
                if post.endswith(_LEADER_POSTS):
                    rels.append(Rel("LEADS", p, org, *ev, 0.85))
                elif post.endswith(_MEMBER_POSTS):
                    rels.append(Rel("MEMBER_OF", p, org, *ev, 0.8))
                continue
            rels.append(Rel("WORKS_FOR", p, org, *ev, 0.85 if org.how != "implied" else 0.75, {"position": post}))
            if org.type == "GovernmentBody":
                _role(p, "official")
            if post.endswith(_JOURNALIST):
                _role(p, "journalist")
    return chains


_TEAM_POSTS = ("队长", "副队长", "队员")
_STUDIO_POSTS = ("领衔人", "带头人")
_UNIT_MEMBERS = ("成员", "核心成员", "骨干成员", "骨干")


def _unit_of_post(idx: _Index, post: str, at: int) -> Mention | None:
    """队长张三, 队员李四, 领衔人王五 without a unit in front: the team (studio) the text has just
    named (该服务队由某总工会组建。队长张三…), when it is named within the paragraph before."""
    kinds: tuple[str, ...] = ()
    if post in _TEAM_POSTS:
        kinds = ("ServiceTeam",)
    elif post in _STUDIO_POSTS:
        kinds = ("Studio",)
    elif post in _UNIT_MEMBERS:
        kinds = ("Studio", "ServiceTeam")
    if not kinds:
        return None
    u = idx.last_before(at, kinds, lambda m: bool(m.name))
    if u is None or at - u.end > 300 or "\n" in idx.text[u.end : at].strip("\n"):
        return None
    return u


def _inherit_org(text: str, idx: _Index, chain: list, chains: dict[int, list]) -> list:
    """公司电气工程师张三、机械高级技师李四和技术员王五: a post without a unit, after another person
    of the same list, is a post at that person's unit."""
    posts = [c for c in chain if c[2] is not None]
    if not posts or any(c[1] is not None for c in chain):
        return chain
    first = min(c[0] for c in chain)
    q = idx.ending_at(first - 1, ("Person",), slack=1)
    if q is None or text[q.end : first] not in ("、", "和", "及", "与") or not chains.get(q.start):
        return chain
    org = next((c[1] for c in chains[q.start] if c[1] is not None and c[1].type in ("Enterprise", "Organization", "Union")),
               None)
    if org is None:
        return chain
    return [(c[0], org, c[2], c[3]) if c is posts[-1] else c for c in chain]


_WORKER_END = re.compile(r"(?:工人|职工|员工|[\u4e00-\u9fff]{1,2}工)$")
_PREDICATE = re.compile(f"^[^,;:]{{0,8}}(?:{alt(RECEIVE_CUES)})")
_COPULA = re.compile(r"(?:还|也|同时|另外|目前)?(?:是|系|现任|担任|兼任|现为)")


def _copula(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """张三是公司首席技师、全国劳动模范: posts and honours after 是/现任, up to the clause's end."""
    text = doc.text
    for p in idx.within(0, len(text), ("Person",)):
        m = _COPULA.match(text, p.end)
        if not m:
            continue
        end = m.end()
        while end < len(text) and end - m.end() < 60 and text[end] not in ",。;:!?\n":
            end += 1
        pos = m.end()
        for part in re.split(r"(、)", text[m.end() : end]):
            s, e = pos, pos + len(part)
            pos = e
            if part == "、" or not part:
                continue
            h = idx.ending_at(e, ("Honour",), slack=2)
            if h is not None and h.start >= s and re.fullmatch(r"[”\"]?(?:称号)?(?:获得者|得主)?", text[h.end : e]):
                rels.append(Rel("RECEIVED", p, h, p.start, h.end, 0.8, _year_attr(text, s, e)))
                _role(p, h.name)
                continue
            seg = _segment(idx, s, e, part)
            if seg is None or seg[2] is None or not _POST_END.search(part):
                break
            if seg[1] is not None and seg[1].type in _ORGS:
                rels.append(Rel("WORKS_FOR", p, seg[1], p.start, e, 0.75, {"position": seg[2]}))


def _parse_chain(doc: Doc, idx: _Index, p: Mention, persons: list[Mention]) -> list:
    text = doc.text
    s0, _ = doc.sentence_of(p.start)
    lo = max(s0, p.start - 80)
    for q in persons:
        if q.end <= p.start and q.end > lo:
            lo = q.end
    segs = []
    end = p.start
    while end > lo:
        start = end
        while start > lo and text[start - 1] not in "、,;:(":
            start -= 1
        part = text[start:end]
        if part[:1] in "和与及" and not any(m.start == start for m in idx.within(start, end)):
            start += 1  # 和张三: a conjunction, unless a name starts with it (和平县)
            part = part[1:]
        if part[:1] in "是为系" or (start == lo and lo > s0 and idx.ending_at(lo, ("Person",)) is not None
                                       and _PREDICATE.search(part)):
            # 张三是全国技术能手，…李四; 徒弟张三在2021年获评X，…李四: a predicate of the person before,
            # not a title of this one
            break
        seg = _segment(idx, start, end, part)
        if seg is None:
            break
        segs.append(seg)
        end = start - 1
        if end <= lo or text[end] in ";:(":
            break
    return segs


def _segment(idx: _Index, start: int, end: int, part: str):
    """(start, org, post, honour) for one title segment, or None when it is not a title."""
    honour = idx.ending_at(end, ("Honour",), slack=3)
    m = _POST_END.search(part)
    if m is None and (w := _WORKER_END.search(part)) is not None:
        # 某某中心养护工人张三, 某公司清洁工李四: a worker noun is a post when a unit stands right before it
        units = idx.within(start, start + w.start(), _ORGS)
        if units and start + w.start() - units[-1].end <= 6:
            m = w
    if m is None:
        if honour is not None and honour.start >= start:
            return (honour.start, None, None, honour)
        return None
    post_start = start + m.start()
    post = m.group()
    org = None
    for cand in reversed(idx.within(start, post_start, _ORGS + ("Studio", "ServiceTeam"))):
        if post_start - cand.end <= 8:
            org = cand
            post = idx.text[cand.end : post_start].lstrip("讯") + post
            break
    if org is None:
        anaphors = [a for a in _ANAPHORIC_ORG.finditer(part, 0, post_start - start)
                    if post_start - start - a.end() <= 8]
        if anaphors:
            # 公司首席技师, 该公司总经理, 学院教师: the company (school, hospital) the article has just named
            word = anaphors[-1].group("w")
            if word in ("公司", "集团", "企业"):
                org = idx.last_before(start, ("Enterprise",))
            else:
                org = idx.last_before(start, ("Organization",), lambda m: m.name.endswith(word))
            if org is not None:
                post = idx.text[start + anaphors[-1].end() : post_start] + post
        elif (short := _THIS_INSTITUTION.search(part, 0, post_start - start)) is not None:
            # 该院护理部主任, 该校教师: the hospital (school) the text has just named
            org = idx.last_before(start, ("Organization",), lambda m: m.name.endswith(short.group(1)))
            if org is not None:
                post = idx.text[start + short.end() : post_start] + post
    hon = honour if honour is not None and honour.start >= start and honour.end <= post_start + len(m.group()) else None
    if hon is not None and org is None and hon.end > post_start - 1:
        return (hon.start, None, post, hon) if hon.end <= post_start else (hon.start, None, None, hon)
    return (start, org, post, None)



# ---------------------------------------------------------------- studios and teams


_GOES_TO = re.compile(r"走进|走访|来到|前往|参观|深入|到访|观摩")


def _units(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    text = doc.text
    for u in idx.within(0, len(text), ("Studio", "ServiceTeam")):
        leader = u.attrs.get("_leader")
        if leader is not None:
            rels.append(Rel("LEADS", leader, u, u.start, u.end, 0.9))
        host = u.attrs.get("_host")
        if host is not None:
            same = [o for o in idx.within(host.start, host.end, _ORGS) if (o.start, o.end) == (host.start, host.end)]
            rels.append(Rel("BASED_AT", u, same[0] if same else host, u.start, u.end, 0.85))
    for s, e in doc.sentences:
        units = idx.within(s, e, ("Studio", "ServiceTeam"))
        if not units:
            continue
        people = idx.within(s, e, ("Person",))
        for p in people:
            if re.match(r"(?:担任|任|为)(?:[^,。]{0,8})?(?:队长|领衔人|负责人|带头人)", text[p.end : p.end + 14]):
                prior = [u for u in units if u.end <= p.start]
                if prior:
                    rels.append(Rel("LEADS", p, prior[-1], prior[-1].start, p.end + 6, 0.75))
                    continue
            # 工作室由省劳动模范张三带领 / 领衔: the unit before 由 is led by the person
            if re.match(r"带领|领衔|牵头", text[p.end : p.end + 2]):
                prior = [u for u in units if u.end <= p.start and "由" in text[u.end : p.start]
                         and not re.search(r"[,。;]", text[u.end : p.start])]
                if prior:
                    rels.append(Rel("LEADS", p, prior[-1], prior[-1].start, p.end + 2, 0.75))
                    continue
            u = min(units, key=lambda u: abs(u.start - p.start))
            between = text[min(u.end, p.end) : max(u.start, p.start)]
            # the cue nearest to the person decides: 队长张三带领队员——李四: 张三 leads, 李四 is a member
            cues = [(mm.start(), "lead") for mm in _LEAD_CUE_RE.finditer(between)]
            cues += [(mm.start(), "member") for mm in _MEMBER_CUE_RE.finditer(between)]
            if not cues or "。" in between:
                continue
            near = max(cues) if u.end <= p.start else min(cues)
            if near[1] == "lead" and p.end <= u.start and _GOES_TO.search(between, near[0]):
                continue  # 张三带领职工代表走进某工作室参观: he leads the group that visits, not the studio
            if near[1] == "lead":
                rels.append(Rel("LEADS", p, u, min(u.start, p.start), max(u.end, p.end), 0.75))
            elif u.type == "Studio" and u.name.startswith(p.name):
                continue  # the one a studio is named after leads it; he is not one of its members
            else:
                rels.append(Rel("MEMBER_OF", p, u, min(u.start, p.start), max(u.end, p.end), 0.7))
        if units:  # 某公司“张三劳模创新工作室” needs no cue: the host stands right before it
            for u in units:
                if u.type != "Studio":
                    continue
                # the nearest host before the studio, with no other studio between them
                orgs = [o for o in idx.within(s, u.start, ("Enterprise", "Organization")) if o.end <= u.start]
                if not orgs or any(orgs[-1].end <= v.start < u.start for v in units if v is not u):
                    continue
                o = orgs[-1]
                between = re.sub(r"[“”「」\"]", "", text[o.end : u.start])
                if any(c in text[s : o.start] for c in BASED_CUES) or between in ("的", ""):
                    rels.append(Rel("BASED_AT", u, o, o.start, u.end, 0.75))


# 成员有张三、李四等12人 / 队员包括…: the people listed are members of the unit the text has just named
_MEMBERS_ARE = re.compile(r"(?:成员|队员|骨干)(?:主要)?(?:有|包括)")
# 张三加入某某服务队: joining a team or studio makes one a member
_JOINS = re.compile(r"(?:正式|也|还)?加入(?:了)?")


def _members_listed(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    text = doc.text
    for m in _MEMBERS_ARE.finditer(text):
        u = idx.last_before(m.start(), ("Studio", "ServiceTeam"), lambda u: bool(u.name))
        if u is None or m.start() - u.end > 200 or "\n" in text[u.end : m.start()]:
            continue
        k = m.end()
        # each name may carry a short title (队员包括高级技师张三和技师李四)
        while (p := next(iter(idx.within(k, k + 12, ("Person",))), None)) is not None \
                and not re.search(r"[,。;:、]", text[k : p.start]) and p.start - k <= 8:
            rels.append(Rel("MEMBER_OF", p, u, m.start(), p.end, 0.7))
            if text[p.end : p.end + 1] not in ("、", "和", "及", "与"):
                break
            k = p.end + 1
    for p in idx.within(0, len(text), ("Person",)):
        j = _JOINS.match(text, p.end)
        if j is None:
            continue
        u = next(iter(idx.within(j.end(), j.end() + 30, ("Studio", "ServiceTeam"))), None)
        if u is not None and u.name and u.start == j.end():
            rels.append(Rel("MEMBER_OF", p, u, p.start, u.end, 0.75))


# ---------------------------------------------------------------- organising, attending


_LOCATIVE = re.compile(r"(?:[\u4e00-\u9fff]{0,4}?)(?:在|于)(?P<where>[^,;。、]{2,30}?)(?:隆重|正式|共同|联合)?$")


def _subject_before_locative(idx: _Index, text: str, cue: int) -> Mention | None:
    """X总工会在某某公司举行…: the organiser stands before a locative phrase (在 + place/unit)."""
    lo = max(0, cue - 45)
    for subj in reversed(idx.within(lo, cue, ("Union", "GovernmentBody", "Organization"))):
        m = _LOCATIVE.fullmatch(text, subj.end, cue)
        if m is None:
            continue
        where = m.start("where")
        if text.startswith(("位于", "地处"), where):
            where += 2  # 在位于某区的某中心召开
        covered = idx.within(where, m.end("where"), ("Place",) + _ORGS)
        if covered and covered[0].start == where:
            return subj
    return None


_VENUE_BEFORE = re.compile(r"(?:在|于)(?:位于|地处)?(?:[^,。;在]{1,14}的)?$")
# ，并在某区召开 / ，随后在…举行: a second predicate of the sentence's subject
_AND_THEN = re.compile(r"[,;](?:并|随后|同时|还)(?:在[^,。;]{1,20})?$")


def _sentence_body(doc: Doc, idx: _Index, at: int) -> Mention | None:
    """The union, government body or organisation that opens the sentence holding ``at`` (after a
    date): 10月16日，某市总工会组织…."""
    s, _ = doc.sentence_of(at)
    first = next((o for o in idx.within(s, at, ("Union", "GovernmentBody", "Organization")) if not o.attrs.get("media")),
                 None)
    if first is None or not _OPENING.fullmatch(doc.text, s, first.start):
        return None
    if idx.within(first.end, first.end + 8, ("Person",)):
        return None  # 某总工会主席张三带队…: the person, not the body, is the subject
    return first


# what may stand before a sentence's subject: a dateline (本报讯(记者某某)) and a date
_OPENING = re.compile(r"(?:[^,。]{0,12}讯(?:\([^)]{0,20}\))?)?[\d年月日上下午晚,\s]{0,14}")


_THIS_BODY = re.compile(r"该(会|中心|局|委|院|馆|协会|学会|联合会|办|厅|部|所)")
_BODIES = ("Union", "GovernmentBody", "Organization")


def _this_body(doc: Doc, idx: _Index, k: int, *, before: bool) -> tuple[Mention, int] | None:
    """该会 / 该中心 / 该局 ending (``before``) or starting at ``k``: the last union, organisation or
    government body named before it whose name ends with that word (会 covers 总工会, 协会)."""
    text = doc.text
    if before:
        lo = max(0, k - 24)
        m = re.search(_THIS_BODY.pattern + r"(?:联合[^,。;]{0,12}|共同|还|也|又|再次|今年|近日)?$", text[lo:k])
        start = lo + m.start() if m else 0
    else:
        m = _THIS_BODY.match(text, k)
        start = k
    if m is None:
        return None
    for o in reversed(idx.within(max(0, start - 600), start, _BODIES)):
        if o.end <= start and o.name.endswith(m.group(1)):
            return o, start + len(m.group())
    return None


def _organised(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    text = doc.text
    for m in _ORGANISE_RE.finditer(text):
        subj = idx.ending_at(m.start(), ("Union", "GovernmentBody", "Organization"), slack=4)
        if subj is not None and _VENUE_BEFORE.search(text, max(0, subj.start - 18), subj.start):
            subj = None  # 某总工会在(位于某区的)某服务中心召开…: the body after 在 is the venue, not the organiser
        if subj is None or re.search(r"[,;。、]", text[subj.end : m.start()]):
            subj = _subject_before_locative(idx, text, m.start())
        if subj is None and (this := _this_body(doc, idx, m.start(), before=True)) is not None:
            subj = this[0]
        if subj is None and _AND_THEN.search(text, max(0, m.start() - 24), m.start()):
            subj = _sentence_body(doc, idx, m.start())  # 某总工会组织…走进…，并在某区召开…: the same subject
        if subj is None:
            continue
        s, e = doc.sentence_of(m.start())
        stop = min([k for k in (text.find(c, m.end(), e) for c in ",;。") if k >= 0] or [e])
        for o in idx.within(m.end(), stop, ("Event", "Campaign", "ServiceTeam")):
            rels.append(Rel("ORGANISED", subj, o, subj.start, o.end, 0.8))
            # 组建的A、B和C: every item of the list
            while (nxt := next(iter(idx.within(o.end + 1, o.end + 40, (o.type,))), None)) is not None \
                    and nxt.start == o.end + 1 and text[o.end] in "、和与及":
                rels.append(Rel("ORGANISED", subj, nxt, subj.start, nxt.end, 0.75))
                o = nxt
            break


def _organised_own(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """某市总工会2024年“冬送温暖”慰问活动: a body right before its event or programme (possessive)."""
    text = doc.text
    for o in idx.within(0, len(text), ("Union", "GovernmentBody", "Organization")):
        if o.attrs.get("media"):
            continue
        m = re.compile(r"(?:\d{4}年度?)?(?:第.{1,3}[届期])?[“\"]?").match(text, o.end)
        k = m.end() if m else o.end
        for ev in idx.within(o.end, k + 30, ("Event", "Campaign")):
            if ev.start in (k, o.end) or (ev.start <= k and ev.end > k):
                rels.append(Rel("ORGANISED", o, ev, o.start, ev.end, 0.7))
                break


def _organised_passive(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """本次大赛由深圳市总工会主办 / 由X主办的Y: the event is the nearest one before (same sentence or
    the one before) or right after the cue."""
    text = doc.text
    events = idx.within(0, len(text), ("Event", "Campaign"))
    units = [u for u in idx.within(0, len(text), ("ServiceTeam", "Studio")) if u.name]
    for m in re.finditer(r"由", text):
        orgs: list[Mention] = []
        k = m.end()
        while True:
            nxt = idx.within(k, k + 30, ("Union", "GovernmentBody", "Organization"))
            if not nxt or (nxt[0].start != k and text[k : nxt[0].start] not in doc.gaz.places):
                break
            orgs.append(nxt[0])
            k = nxt[0].end
            if text[k : k + 1] not in ("、", "和", "与", "及"):
                break
            k += 1
        o_end = orgs[-1].end if orgs else k
        if not orgs and (this := _this_body(doc, idx, k, before=False)) is not None:
            orgs, o_end = [this[0]], this[1]  # 由该会主办
        if not orgs:
            continue
        cue = _PASSIVE_CUE.match(text, o_end)
        if not cue:
            continue
        # 由A主办，B承办: the co-organisers named right after
        co, co_end = _co_organisers(idx, text, cue.end())
        orgs += co
        cue_end = co_end - o_end
        # 由某总工会于今年3月组建: a team or studio is formed, an event held
        targets = events if cue.group(1) not in _FORMED else units
        after = [ev for ev in targets if o_end < ev.start <= o_end + cue_end + 14]
        before = [ev for ev in targets if ev.end <= m.start() and m.start() - ev.end <= 120]
        if text[o_end + cue_end : o_end + cue_end + 1] == "的":
            before = []  # 由X主办的Y: Y follows
        target = after[0] if after else (before[-1] if before else None)
        if target is not None:
            for org in orgs:
                rels.append(Rel("ORGANISED", org, target, min(target.start, m.start()), o_end + cue_end, 0.75))


_PASSIVE_CUE = re.compile(r"(?:和[^,。]{2,15})?(?:于[^,。由]{1,10}?)?(?:联合|共同)?(主办|承办|组织|举办|发起成立|发起|开展|组建|成立)")
_FORMED = ("组建", "成立", "发起成立")
_CO_CUE = re.compile(r"(?:承办|协办|联合主办|共同主办|主办)")


def _co_organisers(idx: _Index, text: str, k: int) -> tuple[list[Mention], int]:
    """,B承办, C协办 after a passive 由A主办: the bodies of those clauses, and where they end."""
    out: list[Mention] = []
    while text[k : k + 1] in (",", "、"):
        o = next(iter(idx.within(k + 1, k + 40, ("Union", "GovernmentBody", "Organization"))), None)
        if o is None or o.start != k + 1 or not (cue := _CO_CUE.match(text, o.end)):
            break
        out.append(o)
        k = cue.end()
    return out, k


def _stories(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"[\u4e00-\u9fff]{2,4}(?:日报|晚报|都市报|商报)讯|\n", text)]


def _attended(doc: Doc, idx: _Index, rels: list[Rel], chains: dict[int, list]) -> None:
    text = doc.text
    datelines = [m.start() for m in re.finditer(r"讯", text)]
    events = [ev for ev in idx.within(0, len(text), ("Event",)) if ev.how != "congress"]
    for m in _ATTEND_RE.finditer(text):
        subj = idx.ending_at(m.start(), ("Person",), slack=2)
        s, e = doc.sentence_of(m.start())
        if subj is None:
            # 作专题宣讲: the speaker is the last person before the cue in the sentence
            ps = idx.within(s, m.start(), ("Person",))
            if not ps or not m.group().startswith(_SPEAKER_CUES):
                continue
            subj = ps[-1]
        subjects = [subj]
        # 王立、何静、许成参加 / A职务X,B职务Y出席: earlier titled people of the same list
        cur = subj
        while True:
            prev = idx.ending_at(cur.start - 1, ("Person",))
            if prev is not None and text[prev.end : cur.start] == "、":
                subjects.append(prev)
                cur = prev
                continue
            chain = chains.get(cur.start) or []
            first = min([c[0] for c in chain], default=cur.start)
            if text[first - 1 : first] in (",", "、") and first < cur.start:
                prev = idx.ending_at(first - 1, ("Person",))
                if prev is not None and prev.end == first - 1 and chains.get(prev.start) and prev.start >= s:
                    subjects.append(prev)
                    cur = prev
                    continue
            break
        after = idx.within(m.end(), e, ("Event",))
        target = after[0] if after and after[0].start - m.end() <= 20 else None
        if target is None and (_ANAPHOR.match(text, m.end()) or _BARE_ATTEND.match(text, m.end())):
            story = max([d for d in datelines if d < m.start()], default=0)
            before = [ev for ev in events if story <= ev.start < m.start()]
            target = before[-1] if before else None
        if target is None and m.group().startswith(_SPEAKER_CUES):
            story = max([d for d in datelines if d < m.start()], default=0)
            before = [ev for ev in events if story <= ev.start < m.start()]
            target = before[-1] if before else None
        if target is None:
            continue
        for p in subjects:
            rels.append(Rel("ATTENDED", p, target, min(p.start, m.start()), max(m.end(), p.end), 0.8))
    _speakers(doc, idx, rels, events)
    _scene_speakers(doc, idx, rels, events)
    # 宣讲会上,张某…
    for ev in events:
        if text.startswith("上,", ev.end):
            p = idx.within(ev.end + 2, ev.end + 6, ("Person",))
            if p:
                rels.append(Rel("ATTENDED", p[0], ev, ev.start, p[0].end, 0.7))


_TALK_EVENT = re.compile(r"(?:座谈会|研讨会|交流会|恳谈会|分享会|座谈)$")
_TALK_CUE = re.compile(r"(?:则|也|还|随后|接着|先后)?(?:发言|谈到|建议|表示|介绍|指出|认为|分享|说|讲述)")
# 仪式上，… / 座谈会上，…: a paragraph set at the story's event; who speaks there attended it
_AT_EVENT = re.compile(r"(?:^|\n)[^,。\n]{0,12}?(?:会议|大会|仪式|座谈会|会|活动|典礼)上,")
_SPEAKS = re.compile(r"(?:则|也|还|随后|接着|先后)?(?:发言|谈到|建议|表示|介绍了|指出|分享了|讲述|作[^,。;]{0,6}发言)")


def _speakers(doc: Doc, idx: _Index, rels: list[Rel], events: list[Mention]) -> None:
    """At a 座谈会 / 研讨会 / 交流会, the people who speak (张三谈到…, 李四则建议…) attended it, when the
    story has that one event only (with two, who spoke where is not said)."""
    names = {ev.name for ev in events}
    if len(names) != 1 or not _TALK_EVENT.search(next(iter(names))):
        return
    text = doc.text
    first = events[0]
    for p in idx.within(first.end, len(text), ("Person",)):
        if not p.name or "journalist" in p.attrs.get("roles", ()):
            continue
        if _TALK_CUE.match(text, p.end) or _speaks_with(idx, text, p):
            rels.append(Rel("ATTENDED", p, first, p.start, p.end + 2, 0.65))


def _speaks_with(idx: _Index, text: str, p: Mention) -> bool:
    """张三和外卖骑手李四也先后发言: ``p`` is coordinated with a later speaker of the same clause."""
    if text[p.end : p.end + 1] not in ("和", "、", "与", "及"):
        return False
    q = next(iter(idx.within(p.end + 1, p.end + 30, ("Person",))), None)
    return q is not None and not re.search(r"[,。;:]", text[p.end : q.start]) and bool(_TALK_CUE.match(text, q.end))


def _scene_speakers(doc: Doc, idx: _Index, rels: list[Rel], events: list[Mention]) -> None:
    """仪式上，…张三作表态发言，…李四介绍了服务计划: the people who speak in a paragraph set at the
    event (…上，) attended the story's last event named before it."""
    text = doc.text
    datelines = [m.start() for m in re.finditer(r"讯", text)]
    for m in _AT_EVENT.finditer(text):
        story = max([d for d in datelines if d < m.start()], default=0)
        before = [ev for ev in events if story <= ev.start < m.start()]
        if not before:
            continue
        end = text.find("\n", m.end())
        for p in idx.within(m.end(), end if end > 0 else len(text), ("Person",)):
            if p.name and "journalist" not in p.attrs.get("roles", ()) and _SPEAKS.match(text, p.end):
                rels.append(Rel("ATTENDED", p, before[-1], p.start, p.end + 2, 0.65))


# ---------------------------------------------------------------- campaigns and places


_THIS_EVENT = re.compile(r"(?:本次|此次|这次|该|今年的)[\u4e00-\u9fff]{1,4}是[^,。;“”\"]{0,8}[“\"]?$")
_PART_AFTER = re.compile(r"[”\"]?(?:专项行动|行动|工程|活动)?的(?:重要|主要|具体)?(?:内容|组成部分|实践|举措|环节|抓手|载体|力量|主力军)")
_ORGS_DID = re.compile(r"(?:联合|共同)?(?:开展|主办|举办|组织|发起|打造|推出|实施)的")


def _copula_events(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """“某某大比武”是A、B联合开展的…活动 (ORGANISED); 本次竞赛是某某行动的重要内容 (PART_OF)."""
    text = doc.text
    events = idx.within(0, len(text), ("Event",))
    for c in idx.within(0, len(text), ("Event", "Campaign", "ServiceTeam")):
        k = c.end + (1 if text[c.end : c.end + 1] in "”\"" else 0)
        if text[k : k + 1] == "是":
            orgs: list[Mention] = []
            k += 1
            while (nxt := idx.within(k, k + 30, _ORGS)) and nxt[0].start == k:
                orgs.append(nxt[0])
                k = nxt[0].end
                if text[k : k + 1] not in ("、", "和", "与", "及"):
                    break
                k += 1
            if orgs and _ORGS_DID.match(text, k):
                for o in orgs:
                    rels.append(Rel("ORGANISED", o, c, c.start, k, 0.75))
        if c.type == "Campaign" and _PART_AFTER.match(text, c.end):
            # 服务队是某区落实“某某”专项行动的重要举措: the team (studio) before 是 is part of it
            unit = idx.last_before(c.start, ("ServiceTeam", "Studio"), lambda u: bool(u.name))
            if unit is not None and re.fullmatch(r"是[^,。;“”\"]{0,8}[“\"]?", text[unit.end : c.start]):
                rels.append(Rel("PART_OF", unit, c, unit.start, c.end, 0.7))
                continue
        if c.type == "Campaign" and _PART_AFTER.match(text, c.end) and _THIS_EVENT.search(text, max(0, c.start - 24), c.start):
            ev = [e for e in events if e.end <= c.start - 4 and c.start - e.end < 400]
            if ev:
                rels.append(Rel("PART_OF", ev[-1], c, ev[-1].start, c.end, 0.7))


# 开展“某某”专项行动: the campaign named as an action (not a goal such as 某某工程)
_ACTION_AFTER = re.compile(r"[”\"]?(?:专项行动|行动|活动)")
# a paragraph opening with a brief marker (■长沙 …) starts a separate news item
_BRIEF = re.compile(r"[■●◆▲★□○]")


def _campaign_paragraphs(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """Service teams are the instrument of the action campaign their paragraph names: 组织开展
    “某某行动”专项行动，以某市服务队为主力军，下设甲分队、乙分队 gives each team PART_OF it.
    A campaign in the headline (before the dateline's 讯) covers every team of the article."""
    text = doc.text
    head_end = text.find("讯")
    head_end = head_end if 0 <= head_end < 200 else 0
    head_end = text.rfind("\n", 0, head_end) + 1 if head_end else 0
    actions = [c for c in idx.within(0, len(text), ("Campaign",))
               if text[c.start : c.end].endswith("行动") or _ACTION_AFTER.match(text, c.end)]
    if not actions:
        return
    briefs = any(_BRIEF.match(text, k + 1) for k in range(len(text)) if text[k] == "\n")
    for u in idx.within(0, len(text), ("ServiceTeam",)):
        lo = text.rfind("\n", 0, u.start) + 1
        hi = text.find("\n", u.end)
        hi = len(text) if hi < 0 else hi
        own = [c for c in actions if lo <= c.start < hi]
        head = [] if briefs else [c for c in actions if c.end <= head_end]
        for c in own or head:
            rels.append(Rel("PART_OF", u, c, u.start, u.end, 0.6))


# the header of a table of services: a column of teams (服务分队, 服务队, 工作室) and one of firms served
_SERVICE_HEADER = re.compile(r"^(?:序号|编号)?(?:服务分队|服务队|分队|工作室|服务团队)(?:名称)?(?:服务企业|服务对象|受助企业|企业名称)",
                             re.M)


def _service_table(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """Rows of a table of services (序号 服务分队 服务企业 … / 1 甲分队 某某有限公司 …): the team of a
    row helped the firm of that row, that is the first firm after it before the next team."""
    text = doc.text
    for h in _SERVICE_HEADER.finditer(text):
        end = text.find("\n\n", h.end())
        end = len(text) if end < 0 else end
        units = idx.within(h.end(), end, ("ServiceTeam", "Studio"))
        for k, u in enumerate(units):
            stop = units[k + 1].start if k + 1 < len(units) else end
            firm = next(iter(idx.within(u.end, stop, ("Enterprise", "Organization"))), None)
            if firm is not None:
                rels.append(Rel("HELPED", u, firm, u.start, firm.end, 0.65))


def _part_of(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    text = doc.text
    _campaign_paragraphs(doc, idx, rels)
    for u in idx.within(0, len(text), ("ServiceTeam", "Event")):
        s, e = doc.sentence_of(u.start)
        inner = [c for c in idx.within(u.start, u.end, ("Campaign",))]
        for c in inner:
            rels.append(Rel("PART_OF", u, c, u.start, u.end, 0.7))
        if u.type == "ServiceTeam":
            after = idx.within(u.end, min(e, u.end + 40), ("Campaign",))
            if after:
                rels.append(Rel("PART_OF", u, after[0], u.start, after[0].end, 0.6))


_ZONE_AFTER = re.compile(r"高新区|高新技术产业开发区|开发区|经济区|经开区|新区|自贸区|保税区|工业园|产业园|园区")
_HELD = re.compile(r"(?:隆重)?(?:举行|举办|召开|开幕|开讲|启动|落幕|进行)")


def _is_within(gz, c, anc) -> bool:
    while c is not None:
        if c.id == anc.id:
            return True
        c = gz.parent(c)
    return False


def _located(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """LOCATED_IN from the name (the most specific region in it, when that says more than the
    home city: 某市某区某某厂 → 某区) and from the text: 位于X区的Y公司, 在X区的Y公司, Y在X举行."""
    text, gz = doc.text, doc.gaz
    home = doc.home_city
    for u in idx.within(0, len(text), ("Enterprise", "Organization", "Studio", "Event")):
        if u.attrs.get("media") or not u.surface:
            continue
        places = [p for p in idx.within(u.start, u.end, ("Place",)) if p.how != "home" and p.concept]
        if not places:
            continue
        bracketed = [p for p in places if p.start > u.start and text[p.start - 1] == "("]
        p = bracketed[0] if bracketed else places[-1]
        if _ZONE_AFTER.match(text, p.end):
            continue  # 某市高新区某某厂: the zone, not the city, is where it is
        c = gz.regions.get(p.concept)
        if c is None or gz.level(c) == "province" and not bracketed:
            continue  # 广东某某有限公司: a registration prefix
        if home is not None and c.id == home.id and not bracketed:
            continue  # the home city says nothing the article's region does not
        rels.append(Rel("LOCATED_IN", u, p, u.start, u.end, 0.6))
    # 位于某区的某某公司 / 在某县某镇的某某公司 / 为某区的某某公司
    nested = [m for m in idx.ms if m.type != "Place"]
    for u in idx.within(0, len(text), ("Enterprise", "Organization")):
        if text[u.start - 1 : u.start] != "的":
            continue
        k = u.start - 1
        if (text[k - 1 : k] in ("镇", "乡") or text[k - 2 : k] == "街道") and idx.ending_at(k, ("Place",)) is None:
            # a town or street the gazetteer does not know (某某镇) between the place and 的
            for n in range(2, 7):
                p = idx.ending_at(k - n, ("Place",))
                if p is not None and p.end == k - n and re.fullmatch(r"[\u4e00-\u9fff]{1,4}(?:镇|乡|街道)", text[k - n : k]):
                    k -= n
                    break
        found: list[Mention] = []
        while (p := idx.ending_at(k, ("Place",))) is not None and p.end == k:
            if any(o.start <= p.start and p.end <= o.end for o in nested if o.end - o.start > p.end - p.start):
                break
            found.append(p)
            k = p.start
        for p in found:
            rels.append(Rel("LOCATED_IN", u, p, p.start, u.end, 0.8))
    # 某某活动在广州番禺举行
    for ev in idx.within(0, len(text), ("Event",)):
        _, e = doc.sentence_of(ev.start)
        m = re.compile(r"[^,。;]{0,12}?在").match(text, ev.end)
        if not m:
            continue
        k = m.end()
        chain: list[Mention] = []
        while True:
            ps = idx.within(k, k + 12, ("Place",))
            if not ps or ps[0].start != k or not ps[0].concept:
                break
            chain.append(ps[0])
            k = ps[0].end
        if chain and _HELD.match(text, k):
            rels.append(Rel("LOCATED_IN", ev, chain[-1], ev.start, k + 2, 0.75))
