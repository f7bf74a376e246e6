"""Run the extraction steps on one article and build the contract's JSON object.

Order matters: the home city is inferred first (relative names need it), then each finder
proposes mentions, overlaps are arbitrated, short references are folded into full names
seen in the same article, relations are read, and finally everything is mapped back to
offsets in the original text.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path
from typing import Any

from labourkg.extract.anaphora import pronoun_mentions
from labourkg.extract.articles import article_date, article_title
from labourkg.extract.events import find_events
from labourkg.extract.gazetteer import load_gazetteer
from labourkg.extract.honours import find_honours
from labourkg.extract.model import Doc, Mention, Rel
from labourkg.extract.organisations import find_organisations
from labourkg.extract.people import find_people
from labourkg.extract.places import find_places, infer_home
from labourkg.extract.relations import find_relations
from labourkg.extract.resolve import absorb, campaign_core, short_forms
from labourkg.extract.towns import find_towns
from labourkg.extract.units import find_units
from labourkg.ontology import Concept, load_ontology
from labourkg.text import decode_bytes, normalise, split_sentences

_WS = re.compile(r"\s+")
# which kind wins when two mentions of different kinds overlap without nesting
_ORG_KINDS = ("Union", "GovernmentBody", "Enterprise", "Organization")
_PRIORITY = {"Person": 6, "Studio": 5, "ServiceTeam": 5, "Honour": 4, "Event": 3, "Campaign": 3,
             "Union": 2, "GovernmentBody": 2, "Enterprise": 2, "Organization": 2, "Place": 1}


def _arbitrate(ms: list[Mention]) -> list[Mention]:
    """Drop duplicates and crossing mentions; nesting across kinds is kept (茂名 in 茂名市总工会)."""
    ms = sorted(ms, key=lambda m: (-(m.end - m.start), -_PRIORITY[m.type], m.start))
    kept: list[Mention] = []
    for m in ms:
        ok = True
        for k in kept:
            if m.end <= k.start or k.end <= m.start:
                continue
            if (m.start, m.end) == (k.start, k.end):
                ok = False  # same span: the longer-lived (higher priority) kind already won
                break
            nested = k.start <= m.start and m.end <= k.end
            if not nested:  # crossing spans
                if _PRIORITY[m.type] <= _PRIORITY[k.type]:
                    ok = False
                    break
                continue
            if m.how == "bare" and k.type in ("Studio", "ServiceTeam"):
                ok = False
                break
            if m.type == k.type or (m.type in ("Union", "GovernmentBody", "Enterprise", "Organization")
                                    and k.type in ("Union", "GovernmentBody", "Enterprise", "Organization")):
                ok = False
                break
            if m.type == "Person" and k.type == "Place":
                continue
            if m.type == "Honour" and k.type in ("Event", "Campaign"):
                ok = False  # 广东省职工优秀创新成果…交流: the honour's name is part of the event's
                break
            if m.type == "Place" and k.type in ("Person", "Honour"):
                # 广东省技术能手: the honour's level, not a place the article is about
                ok = False
                break
            if k.how == "zone" and m.type in _ORG_KINDS:
                ok = False  # 苏州工业园 inside the zone 苏州工业园区
                break
        if ok:
            kept.append(m)
    # a person crossing a place wins; a place inside a person's name is not a place
    persons = [m for m in kept if m.type == "Person"]
    kept = [m for m in kept if not (m.type == "Place" and any(p.start < m.end and m.start < p.end for p in persons))]
    return sorted(kept, key=lambda m: m.start)


# 某某有限公司研发中心 / 某某有限公司炼钢厂: a department of a registered company; the company is the unit
# (the department reads as part of a post: 研发中心主任)
_DEPARTMENT = re.compile(r"(?<=有限公司)[\u4e00-\u9fff]{0,4}(?:研发中心|技术中心|分厂|炼钢厂|炼铁厂|车间|工段|班组|研究院|研究所)$")


def _company_of_department(ms: list[Mention]) -> list[Mention]:
    for m in ms:
        d = _DEPARTMENT.search(m.name) if m.type in ("Enterprise", "Organization") else None
        if d is not None and m.surface.endswith(d.group()) and m.how != "short":
            k = len(d.group())
            m.type, m.name, m.surface, m.end = "Enterprise", m.name[:-k], m.surface[:-k], m.end - k
    return ms


def _within(doc: Doc, cid: str, anc: str) -> bool:
    c = doc.gaz.regions.get(cid)
    while c is not None:
        if c.id == anc:
            return True
        c = doc.gaz.parent(c)
    return False


def _drop_stray_places(doc: Doc, ms: list[Mention]) -> list[Mention]:
    """Places inside a name go from large to small (某市某区某某厂); a region name after a place it
    does not lie in is part of the trade name (某市某区南海船厂: 南海 is not a place there)."""
    places = [m for m in ms if m.type == "Place" and m.concept]
    drop: set[int] = set()
    for o in ms:
        if o.type == "Place" or o.end - o.start < 4:
            continue
        inner = [p for p in places if o.start <= p.start and p.end <= o.end]
        for a, p in zip([None, *inner], inner, strict=False):
            c = doc.gaz.regions[p.concept or ""]
            stem = p.how == "district-stem" or (a is not None and a.end == p.start and p.surface != c.name
                                                and doc.gaz.level(c) == "county")
            if o.type in _ORG_KINDS and (stem or o.type == "Enterprise" and p.start == o.start
                                         and doc.gaz.level(c) == "province"):
                drop.add(id(p))  # 广东某某有限公司, 广州白云某某公司: a registration prefix, a trade name
        for a, b in zip(inner, inner[1:], strict=False):
            if b.start == a.end and not _within(doc, b.concept or "", a.concept or ""):
                drop.add(id(b))
    return [m for m in ms if id(m) not in drop]


def _resolve_bare_units(text: str, ms: list[Mention]) -> list[Mention]:
    """服务队队长…, 工作室成员…: a bare unit word refers to the last named unit of that kind before it,
    or, after a possessive of a person (张三领衔的工作室, 他的工作室), to the unit named after that person."""
    out: list[Mention] = []
    last: dict[str, Mention] = {}
    named: dict[str, dict[str, Mention]] = {}
    person: Mention | None = None
    sub: Mention | None = None
    for m in ms:
        if m.how in ("subteam", "bare-sub"):
            team = last.get("ServiceTeam") if m.how == "subteam" else sub
            if team is None or m.start - team.end > 600:
                continue
            m.name = team.name + m.attrs.pop("_sec") + "分队" if m.how == "subteam" else team.name
            sub = m if m.how == "subteam" else sub
            out.append(m)
            continue
        if m.how == "bare" and m.type in ("Studio", "ServiceTeam") and not m.name:
            ref = last.get(m.type)
            if person is not None and m.start - person.end < 200:
                owner = re.search(f"(?:他|她|其|{re.escape(person.name)})(?:所)?(?:领衔|带领|创办|牵头)?的?$",
                                  text[max(0, m.start - 10) : m.start])
                mine = [u for n, u in named.get(m.type, {}).items() if n.startswith(person.name)]
                if owner and len(mine) == 1:
                    ref = mine[0]
            if ref is None:
                continue
            m.name = ref.name
            m.attrs = {}
        elif m.type in ("Studio", "ServiceTeam"):
            last[m.type] = m
            named.setdefault(m.type, {})[m.name] = m
        elif m.type == "Person":
            person = m
        out.append(m)
    return out


def _fold_short_forms(doc: Doc) -> None:
    """Within the article, point short references at the full name (same entity)."""
    ms = doc.mentions
    by_kind: dict[str, set[str]] = {}
    for m in ms:
        by_kind.setdefault(m.type, set()).add(m.name)
    for m in ms:
        names = by_kind.get(m.type, set())
        fulls = [n for n in names if absorb(m.name, n, m.type)]
        if not fulls:
            continue
        if m.type == "Campaign":
            # “劳模工匠助企行”专项行动 → the quoted core; 主题教育 → the longer name
            core = [n for n in fulls if m.name.startswith(n)]
            target = min(core, key=len) if core else max(fulls, key=len)
            if m.name in fulls:
                continue
        else:
            target = max(fulls, key=len)
        m.name = target
    # a headline's short form of an event (某区职工电工技能竞赛决赛) and the body's full name
    # (2024年某区职工职业技能竞赛（焊工）决赛): same head, same start, every character of one in the other
    events = sorted({m.name for m in ms if m.type == "Event"}, key=len)
    fold: dict[str, str] = {}
    for i, a in enumerate(events):
        ka = _event_key(a)
        for b in events[i + 1 :]:
            kb = _event_key(b)
            if len(ka) >= 6 and ka[:2] == kb[:2] and ka[-2:] == kb[-2:] and not Counter(ka) - Counter(kb):
                fold[a] = b
    for m in ms:
        if m.type == "Event" and m.name in fold:
            m.name = fold[m.name]
    # 2024年“冬送温暖”慰问活动 and the programme “冬送温暖”: one thing, named by the quoted core
    camps = {m.name for m in ms if m.type == "Campaign"}
    for m in ms:
        if m.type == "Event":
            core = _GENERIC_ACTIVITY.sub("", _event_key(m.name))
            if core != _event_key(m.name) and core in camps:
                m.type, m.name = "Campaign", core
    # 区总工会, 县技术能手: a district-relative name is the one full name of the same kind ending with it
    for m in ms:
        if m.type not in ("Union", "GovernmentBody", "Organization", "Honour") or m.name[:1] not in ("区", "县"):
            continue
        fulls = {n.name: n for n in ms if n.type == m.type and n.name.endswith(m.name) and len(n.name) > len(m.name) + 1}
        if len(fulls) == 1:
            (target,) = fulls.values()
            m.name, m.concept = target.name, target.concept
    _county_city_relatives(doc, ms)
    # campaigns with the same core (劳模工匠助企行 / 茂名市“劳模工匠助企行”专项行动) are one
    groups: dict[str, list[Mention]] = {}
    for m in ms:
        if m.type == "Campaign":
            undated = re.sub(r"^\d{4}年度?", "", m.name)
            groups.setdefault(campaign_core(m.name, _places_in(doc, undated, prefix=True)), []).append(m)
    # 送技行动 after 工匠送技: a core that ends another, longer core is the same programme
    for core in sorted(groups, key=len):
        longer = [c for c in groups if c != core and c.endswith(core) and len(core) >= 3]
        if len(longer) == 1:
            groups[longer[0]].extend(groups.pop(core))
    for core, group in groups.items():
        names = {m.name for m in group}
        quoted = any(re.search(f"[“\"]{re.escape(core)}[”\"]", m.surface) for m in group)
        target = core if core in names or quoted or len(names) > 1 else min(names, key=len)
        for m in group:
            m.name = target
    # enterprises referred to by a short form later in the text
    text = doc.text
    extra: list[Mention] = _declared_short_forms(text, ms)
    for m in [m for m in ms if m.type == "Enterprise"]:
        for short in short_forms(m.name, _places_in(doc, m.name)):
            for occ in re.finditer(re.escape(short), text):
                if any(o.start <= occ.start() < o.end for o in ms + extra):
                    continue
                extra.append(Mention(occ.start(), occ.end(), "Enterprise", m.name, short, how="short"))
    ms.extend(extra)


# 某某机床有限公司（以下简称“某某机床”）, 某某市总工会(简称市总): an alias declared right after the name
_DECLARED = re.compile(r"[(,]?(?:以下|下文|下)?简称(?:为)?[:]?[“\"]?([\u4e00-\u9fff]{2,12})[”\"]?\)?")
_DECLARABLE = ("Enterprise", "Organization", "Union", "GovernmentBody", "Studio", "ServiceTeam", "Event", "Campaign")


_BODY_TYPES = ("Union", "GovernmentBody")


def _county_city_relatives(doc: Doc, ms: list[Mention]) -> None:
    """某县级市委、市政府 … 市总工会: when the local bodies named in full all belong to one county-level
    city (信宜市, 四会市) and none to the home city read from the paper's name or another of its
    districts, a bare 市委 / 市总工会 / 市长 is that county-level city's, not the prefecture's."""
    home = doc.home_city
    if home is None:
        return
    owners = set()
    for m in ms:
        if m.type in _BODY_TYPES and not m.surface.startswith("市"):
            c = _local_place(doc, m.name)
            if c is not None:
                owners.add(c.name)
    if len(owners) != 1:
        return
    (owner,) = owners
    c = doc.gaz.places[owner]
    if doc.gaz.level(c) != "county" or not owner.endswith("市"):
        return
    doc.county_city = owner
    for m in ms:
        if m.type in _BODY_TYPES and m.surface.startswith("市") and m.name.startswith(home.name):
            m.name, m.concept = owner + m.name[len(home.name):], None


def _local_place(doc: Doc, name: str) -> Concept | None:
    """The home city, or a county of it, that ``name`` starts with (None for other places)."""
    pm = doc.gaz.place_re.match(name)
    if pm is None:
        return None
    c = doc.gaz.places[pm.group()]
    if c is doc.home_city or doc.gaz.parent(c) is doc.home_city:
        return c
    if pm.group().startswith(doc.home_city.name[:2]):
        return doc.home_city  # 茂名滨海新区总工会: a zone of the home city
    return None


def _declared_short_forms(text: str, ms: list[Mention]) -> list[Mention]:
    """Mentions of every occurrence of a short form declared by 简称 after a name (same entity)."""
    ends = {m.end: m for m in ms if m.type in _DECLARABLE}
    extra: list[Mention] = []
    for d in _DECLARED.finditer(text):
        full = ends.get(d.start())
        short = d.group(1)
        if full is None or short == full.name:
            continue
        for o in ms:
            if o.type == full.type and o.name == short:
                o.name = full.name  # 源城重工 read as the host of a studio (源城重工某某工作室): the declared firm
        for occ in re.finditer(re.escape(short), text):
            inner = [o for o in ms if occ.start() <= o.start and o.end <= occ.end() and o.end - o.start < len(short)]
            if any(o.type not in ("Place", full.type) for o in inner):
                continue
            for o in inner:  # “源城重工”: a district (源城) or a piece of the name inside the declared form
                ms.remove(o)
            if any(o.start <= occ.start() < o.end for o in ms + extra):
                continue
            extra.append(Mention(occ.start(), occ.end(), full.type, full.name, short, concept=full.concept,
                                 how="declared"))
    return extra


def _places_in(doc: Doc, name: str, *, prefix: bool = False) -> list[str]:
    """Region surfaces inside ``name`` (or starting it), by lookup of its substrings."""
    places = doc.gaz.places
    starts = range(1) if prefix else range(len(name))
    return [name[i:j] for i in starts for j in range(i + 2, min(len(name), i + 12) + 1) if name[i:j] in places]


_GENERIC_ACTIVITY = re.compile(r"(?:慰问|主题|系列|专题)?活动$")


def _event_key(name: str) -> str:
    return re.sub(r"^(?:\d{4}年|第.{1,3}[届期]|首届)+|[()“”\"]", "", name)


def _entity_id(doc: Doc, m: Mention) -> str:
    if m.concept and m.type in ("Place", "Honour"):
        return m.concept
    return doc.onto.id_for(m.type, m.name)


def _clean(s: str) -> str:
    return _WS.sub("", s)


def build(doc: Doc, rels: list[Rel], synth: list[Mention]) -> tuple[list[dict], list[dict]]:
    """Group mentions into entities (by id) and map offsets back to the original text."""
    norm = doc.norm
    entities: dict[str, dict[str, Any]] = {}
    mid: dict[int, str] = {}
    for m in doc.mentions + synth:
        eid = _entity_id(doc, m)
        mid[id(m)] = eid
        e = entities.get(eid)
        if e is None:
            e = entities[eid] = {"id": eid, "type": m.type, "name": _clean(m.name), "aliases": [], "mentions": [],
                                 "attributes": {}}
        if m.surface:
            s, t = norm.span(m.start, m.end)
            e["mentions"].append({"start": s, "end": t, "text": norm.original[s:t]})
            alias = _clean(m.surface)
            if alias != e["name"] and alias not in e["aliases"]:
                e["aliases"].append(alias)
        for k, v in m.attrs.items():
            if k.startswith("_") or k == "media":
                continue
            if isinstance(v, list):
                e["attributes"].setdefault(k, [])
                e["attributes"][k] += [x for x in v if x not in e["attributes"][k]]
            else:
                e["attributes"].setdefault(k, v)
    if doc.home_city is not None:
        for e in entities.values():
            if e["type"] in ("Enterprise", "Organization", "Union", "GovernmentBody", "Studio", "ServiceTeam") \
                    and e["name"].startswith(doc.home_city.name):
                e["attributes"].setdefault("region", doc.home_city.id)
    out_rels: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in rels:
        s_id, o_id = mid.get(id(r.subject)), mid.get(id(r.object))
        if s_id is None or o_id is None or s_id == o_id:
            continue
        key = (r.type, s_id, o_id)
        s, t = norm.span(r.start, max(r.end, r.start + 1))
        rec = {"type": r.type, "subject": s_id, "object": o_id, "attributes": dict(r.attrs),
               "evidence": {"start": s, "end": t}, "confidence": round(r.confidence, 2)}
        old = out_rels.get(key)
        if old is None or old["confidence"] < rec["confidence"]:
            if old is not None:
                rec["attributes"] = {**old["attributes"], **rec["attributes"]}
            out_rels[key] = rec
        elif r.attrs:
            old["attributes"] = {**r.attrs, **old["attributes"]}
    related = {k[1] for k in out_rels} | {k[2] for k in out_rels}
    # a studio designation (广东省劳模和工匠人才创新工作室) is kept only where someone received it
    ents = [e for e in entities.values() if (e["mentions"] or e["id"] in related)
            and not (e["type"] == "Honour" and e["name"].endswith("工作室") and e["id"] not in related)]
    return ents, list(out_rels.values())


def run(text: str, *, path: str | None = None, raw: bytes | None = None) -> dict[str, Any]:
    """Extract one article (already decoded) into the contract's object."""
    if raw is None:
        raw = text.encode("utf-8")
    onto = load_ontology()
    gz = load_gazetteer(onto)
    norm = normalise(text)
    doc = Doc(norm, onto, gz, split_sentences(norm.text))
    infer_home(doc)
    honours = find_honours(doc)
    units = find_units(doc)
    places = find_places(doc)
    orgs = find_organisations(doc)
    found = orgs + honours + find_events(doc) + units + places + find_towns(doc, places)
    # “某市工匠”张三: a name may start right after an honour or after its closing quote
    cue_ends = [h.end for h in honours] + [h.end + 1 for h in honours if doc.text[h.end : h.end + 1] in "”\"」"]
    found += find_people(doc, cue_ends, {m.name for m in units if m.type == "Person"}, {m.end for m in orgs},
                         [h.start for h in honours])
    doc.mentions = _resolve_bare_units(doc.text, _drop_stray_places(doc, _arbitrate(_company_of_department(found))))
    _fold_short_forms(doc)
    doc.mentions = sorted(doc.mentions + pronoun_mentions(doc), key=lambda m: m.start)
    synth: list[Mention] = []
    rels = find_relations(doc, synth)
    entities, relations = build(doc, rels, synth)
    article = {"id": hashlib.sha256(raw).hexdigest(), "path": path, "title": article_title(doc),
               "date": article_date(doc, path), "chars": len(text)}
    return {"article": article, "entities": entities, "relations": relations}


def run_file(path: str | Path) -> dict[str, Any]:
    raw = Path(path).read_bytes()
    return run(decode_bytes(raw), path=str(path), raw=raw)
