"""HELPED and VISITED: service teams, studios and people going to enterprises.

走进/走访/来到 + a unit (possibly after 位于X的 / X区的) is a visit by the clause's subject; a help
cue (为, 帮助, 解决, 提供 …) around an enterprise is help. 在某公司，张三…帮助企业…: a locative topic
followed by a person and a help cue is help to that company.
"""

from __future__ import annotations

import re

from labourkg.extract.grammar import HELP_CUES, HELP_PREPS, VISIT_CUES, alt
from labourkg.extract.model import Doc, Mention, Rel
from labourkg.extract.relbase import POST_END as _POST_END
from labourkg.extract.relbase import Index as _Index

_VISIT_RE = re.compile(f"(?:{alt(VISIT_CUES)})了?(?:(?:位于|地处)?[^,。;]{{1,12}}的)?$")
_HELP_RE = re.compile(alt(HELP_CUES))
_ITEM_LEAD = re.compile(r"[、和与及](?:[^,。;、和与及]{1,10}的)?$")
_HELP_PREP_RE = re.compile(f"(?:{alt(HELP_PREPS)})$")


_AS_ROLE = re.compile(r"作为$")
# 参加某总工会组织的活动: a body in a relative clause is not the clause's subject
_MODIFIER_OF = re.compile(r"(?:组织|主办|举办|开展|发起|组建)的")
_GROUP_LEAD = re.compile(r"带领|率领|带队|领着")


def title_orgs(rels: list[Rel]) -> set[int]:
    """Mentions (by id) of organisations read from a title right before a name (某公司车间主任张三)."""
    return {id(r.object) for r in rels if r.type == "WORKS_FOR" and r.start <= r.object.start < r.end}


def _coordinated(between: str) -> bool:
    """'、' or '、副主席' between two people: one coordinated subject."""
    return bool(between) and between[0] in "、和与及" and (len(between) == 1 or (
        len(between) <= 11 and re.fullmatch(r"[\u4e00-\u9fff]+", between[1:]) is not None
        and _POST_END.search(between[1:]) is not None))


def _leader_of_group(text: str, idx: _Index, s: int, e: int) -> Mention | None:
    """The person right before the last 带领/率领 in [s, e)."""
    for m in reversed(list(_GROUP_LEAD.finditer(text, s, e))):
        p = idx.ending_at(m.start(), ("Person",))
        if p is not None and p.end == m.start() and p.start >= s:
            return p
    return None


_TO_VISIT = re.compile(r"(?:带队|一行|专程|率队)?(?:到|赴|来到)(?:位于[^,。;]{1,12}的)?$")
_VISIT_AFTER = re.compile(r"(?:调研|考察|参观|视察|走访|检查|指导|慰问)")
# 针对该公司…的问题: the next sentence takes up the problem of the firm just visited
_ITS_PROBLEM = re.compile(r"(?:针对|围绕|为解决|为)(?:该|这家|这个)(?:公司|企业|厂)")


def _visit_to(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """张三（带队）到某工作室调研, 张三带领队员，到位于某区的某公司调研: the visit cue after the place
    visited (到 X 调研/考察); 针对该公司…问题 in the next sentence makes the visit a help."""
    text = doc.text
    led = {r.subject.name: r.object for r in rels if r.type == "LEADS" and r.object.name}
    for t in idx.within(0, len(text), ("Enterprise", "Organization", "Studio")):
        if not t.name or not _VISIT_AFTER.match(text, t.end):
            continue
        lead = _TO_VISIT.search(text, max(0, t.start - 24), t.start)
        if lead is None:
            continue
        s, e = doc.sentence_of(t.start)
        p = idx.ending_at(lead.start(), ("Person",))
        if p is None or p.end != lead.start():
            p = _leader_of_group(text, idx, s, lead.start())
            if p is None or not re.fullmatch(r"[^,。;]{0,6}[,]?", text[p.end + 2 : lead.start()]):
                continue  # 张三带领队员，到…: the group's leader, with nothing but the group in between
        if "journalist" in p.attrs.get("roles", ()):
            continue
        rels.append(Rel("VISITED", p, t, p.start, t.end + 2, 0.7))
        if t.type == "Enterprise" and _ITS_PROBLEM.match(text, e + 1 if text[e : e + 1] in "。;" else e):
            for a in (p, led.get(p.name)):
                if a is not None:
                    rels.append(Rel("HELPED", a, t, p.start, e, 0.65))


def _help_visit(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    _visit_to(doc, idx, rels)
    text = doc.text
    led: dict[str, Mention] = {}
    for r in rels:
        if r.type == "LEADS" and r.object.name:
            led.setdefault(r.subject.name, r.object)
    # 某公司车间主任张三带领队员…: an organisation in a person's title is where he works, not a place visited
    titled = title_orgs(rels)
    for s, e in doc.sentences:
        targets = [t for t in idx.within(s, e, ("Enterprise", "Organization", "Studio")) if id(t) not in titled]
        if not targets:
            continue
        agents = [a for a in idx.within(s, e, ("Person", "Studio", "ServiceTeam", "Union"))
                  if a.how != "byline" and "journalist" not in a.attrs.get("roles", ())
                  and not _AS_ROLE.search(text, max(0, a.start - 3), a.start)
                  and not _MODIFIER_OF.match(text, a.end)]
        for t in targets:
            subj = None
            for a in agents:
                if a.end <= t.start and a is not t and a.type != "Person" or (a.type == "Person" and a.end <= t.start):
                    subj = a
                    if a.type in ("ServiceTeam", "Studio"):
                        break
            subjects = [subj] if subj is not None else []
            if subj is not None and subj.type == "Person":
                # 张三、李四一行走进…: every person of the coordinated subject
                cur = subj
                while (q := idx.last_before(cur.start, ("Person",))) is not None and q.start >= s \
                        and _coordinated(text[q.end : cur.start]):
                    subjects.append(q)
                    cur = q
            leader = _leader_of_group(text, idx, s, t.start)
            if leader is not None:
                # 张三带领队员…走进某公司: the leader, and the unit he leads, are the ones visiting
                subjects = [leader] + [u for u in (led.get(leader.name),) if u is not None]
            clause = max([s] + [k + 1 for k in (text.rfind(c, s, t.start) for c in ",;:") if k >= 0])
            for subj in subjects:
                if subj.end > t.start:
                    continue
                lead = text[max(s, min(t.start - 8, clause), subj.end) : t.start]
                chained = _chain_prefix(text, idx, s, t)
                if _VISIT_RE.search(lead) or (chained is not None and _VISIT_RE.search(text[max(s, chained - 18) : chained])):
                    if t.type != "Studio" or subj.type != "Studio":
                        rels.append(Rel("VISITED", subj, t, subj.start, t.end, 0.75))
                if t.type == "Enterprise" and subj.type != "Union":
                    helped = _HELP_PREP_RE.search(lead) or _HELP_RE.search(text, t.end, e)
                    if helped:
                        rels.append(Rel("HELPED", subj, t, subj.start, min(e, t.end + 30), 0.7))


def _chain_prefix(text: str, idx: _Index, s: int, t: Mention) -> int | None:
    """Start of the first item of a 、-list that ``t`` ends (参观A、B、C → start of A)."""
    cur = t
    first = None
    while cur.start > s:
        # 走访A和B, 走进某县的A和某镇的B: items joined by 、/和, each possibly after its place + 的
        lead = _ITEM_LEAD.search(text, max(s, cur.start - 14), cur.start)
        if lead is None:
            break
        prev = idx.ending_at(lead.start(), ("Enterprise", "Organization", "Studio"))
        if prev is None or prev.end != lead.start():
            break
        first = prev.start
        cur = prev
    return first


def _clause_start(text: str, at: int) -> int:
    """Start of the clause holding ``at``; a quote closing the sentence before (…半年。”在某厂,) is no part of it."""
    k = max(text.rfind(c, 0, at) for c in ",;。:\n") + 1
    while text[k : k + 1] in ("”", "\"", "’", "」"):
        k += 1
    return k


_LOCATIVE_TOPIC = re.compile(r"在(?:[^,。;在]{1,14}的)?$")
_HELP_TAIL = re.compile(f"(?:{alt(HELP_CUES)})|(?:帮助|为|协助)企业|针对|改造|调试|调整|重新[设规布整]|推荐|提出")


_GUIDED = re.compile(r"(?:则|也|还|都)?在(?P<who>[^,。;]{2,20}?)的(?:指导|帮助|帮扶|指点|带领)下")


def _locative_help(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """在某某公司，张三针对…提出…方案 / 在某县的某公司，李四帮助企业…: a clause that opens with an
    enterprise as its setting, then a person and a help cue, is that person's help to it."""
    text = doc.text
    for t in idx.within(0, len(text), ("Enterprise",)):
        if not t.surface:
            continue
        k = t.end
        tail = re.match(r"(?:车间|厂区|厂房|生产线|现场)?(?:里|内|中)?,", text[k:])
        if tail is None:
            continue
        clause = _clause_start(text, t.start)
        if not _LOCATIVE_TOPIC.fullmatch(text, clause, t.start):
            continue
        _, e = doc.sentence_of(t.start)
        stop = min([j for j in (text.find(c, k, e) for c in ";。") if j >= 0] or [e])
        body = k + tail.end()
        agents = [a for a in idx.within(body, stop, ("Person", "ServiceTeam", "Studio"))
                  if "journalist" not in a.attrs.get("roles", ())
                  and not re.search(r"(?:总经理|厂长|董事长|负责人)$", text[max(0, a.start - 3) : a.start])]
        person = next((a for a in agents if a.type == "Person"), None)
        agent = person or next(iter(agents), None)
        if agent is None or not any(not idx.within(c.start(), c.end()) for c in _HELP_TAIL.finditer(text, agent.end, stop)):
            continue  # a cue inside a name (某某技术服务队) is not one
        rels.append(Rel("HELPED", agent, t, t.start, stop, 0.65))
    # 某公司在“某某工匠”张三的指导下攻克…: help received by the company
    for t in idx.within(0, len(text), ("Enterprise",)):
        m = _GUIDED.match(text, t.end)
        if m is None:
            continue
        people = idx.within(m.start("who"), m.end("who"), ("Person",))
        if people:
            rels.append(Rel("HELPED", people[-1], t, t.start, m.end(), 0.7))


# ---------------------------------------------------------------- a visited company as the topic that follows

_COUNT = r"(?:\d+|[一二两三四五六七八九十]+)家"
# 深入3家中小企业开展技术服务 / 为12家中小企业提供技术服务: the visits are told one by one after it
# 走进A区、B区的两家企业: the count may follow where the companies are
_COUNTED_VISIT = re.compile(f"(?P<v>{alt(VISIT_CUES)})了?(?:[^,。;]{{1,14}}的)?{_COUNT}"
                            f"|为{_COUNT}[^,。;]{{0,10}}(?:企业|单位|公司)")
_TOPIC_TAIL = re.compile(r"(?:车间|厂区|厂房|生产线|现场)?(?:里|内|中)?,")
_NOT_HELPER = re.compile(r"(?:总经理|厂长|董事长|负责人|经理|主任)$")


def _topics_after(doc: Doc, idx: _Index, start: int, limit: int) -> list[Mention]:
    """Enterprises that open a clause as its setting (在某公司，…) after ``start``, in the same story."""
    text = doc.text
    story_end = text.find("讯", start)
    out: list[Mention] = []
    for t in idx.within(start, story_end if story_end > 0 else len(text), ("Enterprise",)):
        if len({m.name for m in out}) >= limit:
            break
        clause = _clause_start(text, t.start)
        if _TOPIC_TAIL.match(text, t.end) and _LOCATIVE_TOPIC.fullmatch(text, clause, t.start):
            out.append(t)
    return out


def _scope_helpers(doc: Doc, idx: _Index, t: Mention, start: int, titled: set[int]) -> list[Mention]:
    """The people and units that do something for ``t`` from ``start`` to the end of its paragraph
    (or until another enterprise is named): each clause's subject followed by a help cue."""
    text = doc.text
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    # 某公司车间主任张三: a company in a helper's title does not change the topic
    other = [o for o in idx.within(start, end, ("Enterprise",)) if o.name != t.name and id(o) not in titled]
    if other:
        end = other[0].start
    out: list[Mention] = []
    for a in idx.within(start, end, ("Person", "ServiceTeam", "Studio")):
        if a.how == "byline" or "journalist" in a.attrs.get("roles", ()) or not a.name:
            continue
        own = [o for o in idx.within(max(start, a.start - 30), a.start, ("Enterprise", "Organization"))
               if id(o) in titled]
        if _NOT_HELPER.search(text, max(0, a.start - 3), a.start) and not (own and own[-1].name != t.name):
            continue  # 该公司总经理陈某说: the helped company's own manager (not 某重工车间主任张三, a visitor)
        stop = min([k for k in (text.find(c, a.end, end) for c in ";。") if k >= 0] or [end])
        if any(not idx.within(c.start(), c.end()) for c in _HELP_TAIL.finditer(text, a.end, stop)):
            out.append(a)
    return out


def _topic_help(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """A company visited (走访了某公司。该公司…。张三…排查…) or set as the scene (在某公司，…。李四…调试…)
    stays the topic to the end of its paragraph: who does a help cue there helped it. After a counted
    visit (服务队深入3家企业开展技术服务), each company then set as a scene was visited (and helped) by
    the team or studio that made the visits."""
    text = doc.text
    titled = title_orgs(rels)
    visits = [(r.subject, r.object) for r in rels if r.type == "VISITED" and r.object.type == "Enterprise"]
    for agent, t in visits:
        _, e = doc.sentence_of(t.start)
        helpers = _scope_helpers(doc, idx, t, e, titled)
        for h in helpers:
            rels.append(Rel("HELPED", h, t, t.start, h.end, 0.6))
        if helpers and agent.type in ("ServiceTeam", "Studio"):
            rels.append(Rel("HELPED", agent, t, agent.start, t.end, 0.6))
    for m in _COUNTED_VISIT.finditer(text):
        s, e = doc.sentence_of(m.start())
        agent = idx.last_before(m.start(), ("ServiceTeam", "Studio"), lambda u, s=s: u.start >= s and bool(u.name))
        if agent is None:
            continue
        count = re.search(r"\d+|[一二两三四五六七八九十]+", m.group()).group()
        limit = int(count) if count.isdigit() else "一二三四五六七八九十".find(count[-1].replace("两", "二")) + 1
        helped_all = bool(_HELP_RE.search(text, m.end(), e))
        for t in _topics_after(doc, idx, e, max(limit, 1)):
            if m.group("v"):
                rels.append(Rel("VISITED", agent, t, t.start, t.end, 0.6))
            helpers = _scope_helpers(doc, idx, t, t.end, titled)
            for h in helpers:
                rels.append(Rel("HELPED", h, t, t.start, h.end, 0.6))
            if helped_all or helpers:
                rels.append(Rel("HELPED", agent, t, t.start, t.end, 0.6))


# ---------------------------------------------------------------- 帮助企业: the company the text is about

# 帮助企业解决…, 帮企业…, 为企业员工开展培训, 协助该厂…: the beneficiary is the company just named
_ANAPHORIC_HELP = re.compile(r"(?:帮助|帮|协助|为)(?:该|这家)?(?:企业|该厂|厂里|该公司)")
# reported speech or an intention (张三表示，将为企业…) is not help given
_NOT_DONE = re.compile(r"表示|指出|强调|希望|要求|说|将|要|今后|计划|承诺")
_HELP_REACH = 300


def _anaphoric_help(doc: Doc, idx: _Index, rels: list[Rel]) -> None:
    """张三…，帮助企业解决了难题: the clause's subject (the last person, team or studio before the cue
    in its sentence) helped the last company named before it that is not someone's employer in a
    title; a team that visited that company and counts the helper as leader or member helped it too."""
    text = doc.text
    titled = title_orgs(rels)
    own = _own_units(rels)
    helped: list[tuple[Mention, Mention]] = []
    for m in _ANAPHORIC_HELP.finditer(text):
        s, _ = doc.sentence_of(m.start())
        agent = idx.last_before(m.start(), ("Person", "ServiceTeam", "Studio"),
                                lambda a, s=s: a.start >= s and bool(a.name) and a.how != "byline"
                                and "journalist" not in a.attrs.get("roles", ()))
        if agent is None or _NOT_DONE.search(text, agent.end, m.start()):
            continue
        studio = [u for u in idx.within(agent.start - 12, agent.end + 12, ("Studio",))
                  if u.start <= agent.start and agent.end <= u.end]
        agent = studio[0] if studio else agent  # 张三劳模创新工作室: the studio, not its leader in its name
        t = idx.last_before(m.start(), ("Enterprise",), lambda o, k=m.start(), a=agent.name: id(o) not in titled
                            and bool(o.name) and o.end <= k and (a, o.name) not in own)
        if t is None or m.start() - t.end > _HELP_REACH:
            continue
        if _NOT_HELPER.search(text, max(0, agent.start - 3), agent.start):
            continue
        rels.append(Rel("HELPED", agent, t, t.start, m.end(), 0.6))
        helped.append((agent, t))
    members = {(r.subject.name, r.object.name) for r in rels if r.type in ("LEADS", "MEMBER_OF")}
    for r in [r for r in rels if r.type == "VISITED" and r.subject.type in ("ServiceTeam", "Studio")]:
        if any(t.name == r.object.name and (a.name, r.subject.name) in members for a, t in helped):
            rels.append(Rel("HELPED", r.subject, r.object, r.start, r.end, 0.55))


def _own_units(rels: list[Rel]) -> set[tuple[str, str]]:
    """(agent, company) pairs where the company is the agent's own: employer, studio host, the host of
    the studio a person leads."""
    own = {(r.subject.name, r.object.name) for r in rels if r.type in ("WORKS_FOR", "BASED_AT")}
    hosts = {r.subject.name: r.object.name for r in rels if r.type == "BASED_AT"}
    own |= {(r.subject.name, hosts[r.object.name]) for r in rels if r.type == "LEADS" and r.object.name in hosts}
    return own
