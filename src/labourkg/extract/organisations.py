"""Organisations by suffix grammar: enterprises, unions, party/government bodies, other institutions.

A name is its head (有限公司, 总工会, 局, 医院 …) plus the text back to its left edge
(:func:`labourkg.extract.spans.left_start`). Union and government heads are ordinary words
without a jurisdiction (大局, 干部, 举办), so those need a place, 市/省/全国 or a national
body in front. Relative names are made absolute with the article's home city
(市总工会 → 茂名市总工会), and long official forms are folded to the usual short ones
(中共茂名市委 → 茂名市委, 茂名市人民政府 → 茂名市政府).
"""

from __future__ import annotations

import re

from labourkg.extract.gazetteer import is_common_word
from labourkg.extract.grammar import (
    GENERIC_ORG_CORES,
    GOV_SUFFIX_BLOCK,
    JURISDICTION_ABBR,
    NATIONAL_BODIES,
    ORG_KIND_BY_SUFFIX,
    alt,
)
from labourkg.extract.model import Doc, Mention
from labourkg.extract.places import foreign_short
from labourkg.extract.spans import _tokenise, left_start, strip_modifiers

_KIND = ORG_KIND_BY_SUFFIX

_SUFFIX_RE = re.compile(f"(?:{alt(_KIND)})")
_NATIONAL_RE = re.compile(f"(?:{alt(NATIONAL_BODIES)})(?![门署分队位件长])")
_MEDIA = ("日报社", "报社", "日报", "晚报", "电视台", "广播电视台")
# suffix followed by these is an ordinary word: 厂务, 公司化, 集团化, 工会组织
_NOT_AFTER = {"厂": set("务区长房家商矿里内外"), "集团": set("化军"), "公司": set("化制"), "工会": set("组干会员工主"),
              "部": set("门署分队位件长"), "办": set("法理公好事学"), "局": set("面势长"), "委": set("托屈员婉"),
              "中心": set("城区镇市")}
_ABS_JUR = ("中华全国", "全国", "国家", "中共中央", "中央")
_REL_JUR = ("市", "省", "县", "区")


def _jurisdiction(doc: Doc, name: str) -> tuple[str, int] | None:
    """(jurisdiction, its length) at the start of ``name``: a place, 市/省, 全国, 中共…, 团."""
    m = doc.gaz.place_re.match(name)
    if m:
        return m.group(), m.end()
    for j in ("中共", "共青团", "政协", "团"):
        if name.startswith(j):
            inner = _jurisdiction(doc, name[len(j):])
            if inner:
                return name[: len(j) + inner[1]], len(j) + inner[1]
    for j in JURISDICTION_ABBR:
        if name.startswith(j) and j not in ("中共", "共青团", "团"):
            if j == "市" and name[1:2] in ("场", "民") and not name.startswith("市民中心"):
                continue
            return j, len(j)
    return None


def canonical_org(doc: Doc, name: str) -> str:
    """Absolute, folded canonical name of an organisation."""
    name = re.sub(r"[“”\"'‘’《》\s]", "", name)
    # relative jurisdiction → home place
    for rel in ("团市委", "团省委"):
        if name.startswith(rel):
            place = doc.expand_level(rel[1])
            if place:
                return "共青团" + place + "委员会" + name[3:]
    if name[:1] in _REL_JUR and not name.startswith(("市场", "县域", "区域", "省部")):
        level = "市" if name.startswith("市") else name[0]
        place = doc.expand_level(level)
        if place and not (name.startswith("市级") or name.startswith("省级")):
            name = place + name[1:] if not name.startswith("市民中心") else place + name[1:]
    if name in ("全国总工会", "全总"):
        return "中华全国总工会"
    if name.startswith("全国总工会"):
        name = "中华" + name
    m = re.fullmatch(r"(?:中共|中国共产党)(.+?[市省县区])委(.*)", name)
    if m:
        name = f"{m.group(1)}委{m.group(2)}"
    m = re.fullmatch(r"共青团(.+?[市省县区])委(?:员会)?", name)
    if m:
        name = f"共青团{m.group(1)}委员会"
    m = re.fullmatch(r"政协(.+?[市省县区])委员会", name)
    if m:
        name = f"{m.group(1)}政协"
    name = re.sub(r"人民代表大会常务委员会$", "人大常委会", name)
    name = re.sub(r"(?<=[市省县区])人民政府$", "政府", name)
    return name


_BAD_MIDDLE = set("落实 开展 推进 推动 发展 工作 全市 全省 的 及 等 了 在 为 与 贯彻 学习 加强 深化 和 领导".split())
_VERB_BEFORE_FACTORY = set("驻进出建办回返到下全本该各在离")
_SIZE_KIND = re.compile(r"(?:中小微|中小|小微|大中|大型|中型|小型|小|大)[\u4e00-\u9fff]{1,2}")
_OFFICIAL_PAIR = re.compile(r"[\u4e00-\u9fff]{2,4}和[\u4e00-\u9fff]{2,5}")
_BODY_GAP = re.compile(r"[\u4e00-\u9fff]{0,10}")


def _jurisdiction_start(doc: Doc, head: int, lo: int) -> int:
    """Start of the nearest jurisdiction (place, 市, 省, 全国 …) before a gov/union head, or -1."""
    text = doc.text
    for p in range(head, max(lo, head - 12) - 1, -1):
        if p < head and not ("\u4e00" <= text[p] <= "\u9fff"):
            return -1
        m = doc.gaz.place_re.match(text, p)
        if m and m.end() <= head and not foreign_short(doc, m.group(), doc.gaz.places[m.group()]):
            for q in range(p - 1, max(lo, p - 4) - 1, -1):  # 长沙市: not the 沙市 inside it
                mq = doc.gaz.place_re.match(text, q)
                if mq and mq.end() >= m.end() and mq.end() <= head:
                    return q
            return p
        for j in JURISDICTION_ABBR:
            if text.startswith(j, p) and p + len(j) <= head:
                if j == "全国" and text[p - 2 : p] == "中华":
                    return p - 2
                if len(j) == 1 and text[p - 1 : p] in ("我", "本", "全", "该", "各", "省", "市", "县"):
                    continue
                if len(j) == 1 and j in _REL_JUR and is_common_word(text[p - 1 : p + 1], min_freq=500):
                    continue  # 城市管理局, 超市: the character ends a word, it is no jurisdiction
                if len(j) == 1 and j in _REL_JUR:
                    for k in range(7, 1, -1):  # 茂名市 ending here: the place, not the bare 市 (长沙市, not 沙市)
                        q = p + 1 - k
                        if q >= lo and text[q : p + 1] in doc.gaz.places:
                            return q
                    if j == "市" and text[p + 1 : p + 2] in ("场", "民", "域"):
                        continue
                return p
    return -1


def _type_for(doc: Doc, name: str, suffix: str) -> str | None:
    kind = _KIND[suffix]
    if suffix == "党校":
        return "GovernmentBody"
    if kind in ("GovernmentBody", "Union"):
        j = _jurisdiction(doc, name)
        if j is None:
            core = name[: -len(suffix)]
            if kind == "Union" and len(core) >= 4 and _SUFFIX_RE.search(core[-4:]):
                return "Union"  # 某某有限公司工会: an organisation in front
            return None
        middle = name[j[1] : len(name) - len(suffix)]
        if kind == "Union" and middle and (any(_KIND[x] == "Union" for x in _SUFFIX_RE.findall(middle))
                                           or any(t in _BAD_MIDDLE for t in _tokenise(middle))):
            return None  # 省总工会将持续深化…工会: a clause, not a name
        if kind == "GovernmentBody":
            inner = _SUFFIX_RE.findall(middle)
            if any(_KIND[x] == "Union" for x in inner):
                return "Union"  # 市总工会宣传教育部: a department of the union
            if any(_KIND[x] in ("Enterprise", "Organization") for x in inner):
                return None  # 某某有限公司党委: the company's own committee (党委书记 is a post there)
            if suffix in ("局", "厅", "部", "办", "署") and not middle:
                return None
            if _OFFICIAL_PAIR.fullmatch(middle):
                return kind  # 人力资源和社会保障局, 住房和城乡建设局: the official 'A和B' name of a department
            if len(middle) > 10 or any(w in middle for w in ("发展", "工作", "全市", "全省", "的", "和谐", "及", "等")):
                return None
            if middle and any(t in _BAD_MIDDLE for t in _tokenise(middle)):
                return None
    return kind


def find_organisations(doc: Doc) -> list[Mention]:
    """Organisation mentions (Enterprise, Union, GovernmentBody, Organization)."""
    text = doc.text
    out: list[Mention] = []
    for m in _NATIONAL_RE.finditer(text):
        out.append(Mention(m.start(), m.end(), "GovernmentBody", m.group(), m.group(), how="national"))
    for m in _SUFFIX_RE.finditer(text):
        suffix = m.group()
        nxt = text[m.end() : m.end() + 1]
        if nxt in _NOT_AFTER.get(suffix, ()):
            continue
        prev = text[m.start() - 1 : m.start()]
        if prev in GOV_SUFFIX_BLOCK.get(suffix, ()) or (suffix == "厂" and prev in _VERB_BEFORE_FACTORY):
            continue  # 驻厂, 进厂, 建厂: a verb and its object
        s0, _ = doc.sentence_of(m.start())
        start = -1
        if _KIND[suffix] in ("GovernmentBody", "Union"):
            start = _jurisdiction_start(doc, m.start(), s0)
        if start < 0:
            start = left_start(text, m.start(), s0, kind="org", gaps=doc.norm.gaps)
            start = strip_modifiers(text, _cell_start(doc, start, m.start()), m.start())
        # 团市委, 中共茂名市委: the jurisdiction may have been cut by the tokenizer
        for pre in ("中共", "共青团", "政协", "团"):
            if text[start - len(pre) : start] == pre:
                start -= len(pre)
                break
        name = text[start : m.end()]
        core = name[: -len(suffix)]
        if not core or (core in GENERIC_ORG_CORES and _KIND[suffix] not in ("Union", "GovernmentBody")) or (len(core) < 2 and core not in _REL_JUR):
            continue
        if core.isdigit() or _SIZE_KIND.fullmatch(core):
            continue  # 中小船厂, 小模具厂: a size and a trade describe a kind of firm, not a name
        kind = _type_for(doc, name, suffix)
        if kind is None:
            continue
        attrs = {"media": True} if suffix in _MEDIA else {}
        out.append(Mention(start, m.end(), kind, canonical_org(doc, name), name, attrs=attrs, how="suffix:" + suffix))
    # 茂名晚报讯 names the paper
    for m in re.finditer(r"([\u4e00-\u9fff]{2,4}?(?:日报|晚报|都市报|商报))讯", text[:20000]):
        out.append(Mention(m.start(1), m.end(1), "Organization", m.group(1), m.group(1), attrs={"media": True},
                           how="dateline"))
    return _drop_nested(out)


def _cell_start(doc: Doc, start: int, head: int) -> int:
    """A table row run together (序号 服务分队 服务企业 …: 1 石化分队 广东某某有限 公司): a space
    before a place name inside the name is a cell border, and the name starts after the last one."""
    gaps = doc.norm.gaps
    for p in range(head - 2, start, -1):
        if gaps.get(p) in (" ", "w") and doc.gaz.place_re.match(doc.text, p):
            return p
    return start


def _drop_nested(ms: list[Mention]) -> list[Mention]:
    """An organisation inside a longer one (市委 in 市委组织部) is part of its name, not a mention."""
    ms.sort(key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    for m in ms:
        if out and m.start >= out[-1].start and m.end <= out[-1].end:
            continue
        if out and m.start < out[-1].end:  # partial overlap: keep the longer
            if m.end - m.start > out[-1].end - out[-1].start:
                out[-1] = m
            continue
        out.append(m)
    return out
