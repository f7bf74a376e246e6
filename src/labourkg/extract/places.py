"""Places (GB/T 2260 regions) and the article's home city.

Place names are matched with the region scheme's trie regex. The home city -- needed to
read 市总工会 as 茂名市总工会 -- comes from the dateline (茂名晚报讯) or, failing that,
from 我市 plus the most frequent prefecture-level city in the text.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from labourkg.extract.gazetteer import Gazetteer
from labourkg.extract.model import Doc, Mention
from labourkg.ontology import Concept

_DATELINE = re.compile(r"([\u4e00-\u9fff]{2,4}?)(日报|晚报|都市报|商报|工人报|新闻网|融媒体中心|电视台|发布)(?:社)?讯")
_HOME_REF = re.compile(r"我市|本市|全市")
_HOME_REF_SURFACES = ("我市", "本市")


def find_places(doc: Doc) -> list[Mention]:
    """Every region name in the text, as Place mentions carrying the concept id."""
    out: list[Mention] = []
    text = doc.text
    pos = 0
    while (m := doc.gaz.place_re.search(text, pos)) is not None:
        c = doc.gaz.places[m.group()]
        for h in doc.gaz.homonyms.get(m.group(), ()):
            if foreign_short(doc, m.group(), c) and not foreign_short(doc, m.group(), h):
                c = h  # 兴宁: the county of that name in the article's province
        if foreign_short(doc, m.group(), c) or (m.group() in doc.gaz.weak and _overlapped(doc, m)):
            pos = m.start() + 1  # 推广信宜: a stray short form must not hide the region after it
            continue
        pos = m.end()
        out.append(Mention(m.start(), m.end(), "Place", c.name, m.group(), concept=c.id,
                           attrs={"level": doc.gaz.level(c)}, how="gazetteer"))
    # 广州番禺, 佛山顺德: a city followed by the stem of one of its districts (番禺区 → 番禺)
    stems = _district_stems(doc.gaz)
    for m in list(out):
        for stem, c in stems.get(m.concept or "", {}).items():
            if text.startswith(stem, m.end) and not doc.gaz.place_re.match(text, m.end):
                out.append(Mention(m.end, m.end + len(stem), "Place", c.name, stem, concept=c.id,
                                   attrs={"level": doc.gaz.level(c)}, how="district-stem"))
    if doc.home_city is not None:
        c = doc.home_city
        for m in re.finditer("|".join(_HOME_REF_SURFACES), text):
            out.append(Mention(m.start(), m.end(), "Place", c.name, m.group(), concept=c.id,
                               attrs={"level": doc.gaz.level(c)}, how="home"))
    return out


def foreign_short(doc: Doc, surface: str, c: Concept) -> bool:
    """A county's short form (宝安, 通海) outside the article's province is a word, not that county:
    with every county of the country known, two-character stems are everywhere in names and prose."""
    gz = doc.gaz
    if surface in gz.weak and surface != c.name and gz.level(c) == "county":
        # a short form that is an ordinary word too (新风): a place only in its home province
        return doc.home_province is None or gz.province_of(c) is not doc.home_province
    if doc.home_province is None or gz.level(c) != "county" or surface == c.name:
        return False
    return gz.province_of(c) is not doc.home_province and gz.province_of(c) != doc.home_province


def _overlapped(doc: Doc, m: re.Match[str]) -> bool:
    """A region's full name starts inside the short form ``m`` and runs past it (公司和平远县 ≠ 和平)."""
    for k in range(m.start() + 1, m.end()):
        mm = doc.gaz.place_re.match(doc.text, k)
        if mm and mm.end() > m.end() and mm.group() == doc.gaz.places[mm.group()].name:
            return True
    return False


@cache
def _district_stems(gz: Gazetteer) -> dict[str, dict[str, Concept]]:
    """city id -> {district stem: district concept} (番禺区 → 番禺) for stems of two characters or more."""
    out: dict[str, dict[str, Concept]] = {}
    for c in gz.regions.values():
        if gz.level(c) != "county" or len(c.name) < 3 or c.name[-1] not in "区县市":
            continue
        parent = gz.parent(c)
        if parent is not None:
            out.setdefault(parent.id, {})[c.name[:-1]] = c
    return out


def infer_home(doc: Doc) -> None:
    """Set ``doc.home_city``, ``doc.home_province`` and ``doc.newspaper`` from the text."""
    text = doc.text
    gz = doc.gaz
    for m in _DATELINE.finditer(text[:4000]):
        name = m.group(1)
        # the place is the longest region name ending the paper's name (茂名, 深圳特区 → 深圳)
        for k in range(len(name)):
            c = gz.places.get(name[k:]) or gz.places.get(name[:len(name) - k])
            if c is not None and gz.level(c) in ("city", "province", "county"):
                doc.newspaper = name + m.group(2)
                if gz.level(c) == "county":
                    c = gz.parent(c) or c
                if gz.level(c) == "city":
                    doc.home_city = c
                elif gz.level(c) == "province" and not c.name.endswith("省"):
                    doc.home_city = c  # a municipality (北京市) is its own city
                doc.home_province = gz.province_of(c)
                break
        if doc.home_province:
            break
    if doc.home_city is None:
        counts: Counter[str] = Counter()
        for m in gz.place_re.finditer(text):
            if m.group() in gz.weak:
                continue
            c = gz.places[m.group()]
            if gz.level(c) == "county":
                c = gz.parent(c) or c
            if gz.level(c) == "city":
                counts[c.id] += 1
        if counts and (_HOME_REF.search(text) or counts.most_common(1)[0][1] >= 2):
            doc.home_city = gz.regions[counts.most_common(1)[0][0]]
            doc.home_province = gz.province_of(doc.home_city)
    if doc.home_province is None:
        counts = Counter()
        for m in gz.place_re.finditer(text):
            if m.group() in gz.weak:
                continue
            p = gz.province_of(gz.places[m.group()])
            if p is not None:
                counts[p.id] += 1
        if counts:
            doc.home_province = gz.regions[counts.most_common(1)[0][0]]
