"""Towns, streets and development zones: places below the county level that no scheme lists.

A town is read only right after a county or city the gazetteer knows (某县某某镇, 某区某某街道),
so the place before vouches for it; later bare occurrences of the same full name are mentions
too (某某镇人民政府). A zone (某市经开区, 某某高新区, 某市工业园区) is a city or county followed by
a zone word; its canonical name drops the city's 市 (某市高新区 → 某高新区, as the zones call
themselves).
"""

from __future__ import annotations

import re

from labourkg.extract.gazetteer import jieba_dict
from labourkg.extract.model import Doc, Mention

_TOWN = re.compile(r"([\u4e00-\u9fff]{1,3}?)(镇|乡|街道)")
# 乡村, 乡镇, 镇街: the suffix character starts an ordinary word
_NOT_AFTER = {"乡": set("村镇土亲情音贤愁"), "镇": set("村街区域上里"), "街道": set("办口两")}
_BAD_CHARS = set("的在和与及等各个全共县区市省是为了对到从将把被也都就还又年月日届")
_ZONES = ("高新技术产业开发区", "经济技术开发区", "高新技术开发区", "经济开发区", "综合保税区", "工业园区", "经开区",
          "高新区", "开发区", "保税区", "自贸区", "产业园区", "港区")
_ZONE_RE = re.compile("|".join(_ZONES))
_STOP_TAGS = {"v", "d", "p", "c", "u", "r", "m", "a", "ad", "t", "q"}


def _town_name_ok(stem: str, word: str) -> bool:
    if any(c in _BAD_CHARS for c in stem) or jieba_dict().get(word, (0,))[0] >= 500:
        return False  # 城镇: an ordinary word
    info = jieba_dict().get(stem)
    return not (info and info[1] in _STOP_TAGS and info[0] >= 100)


def find_towns(doc: Doc, places: list[Mention]) -> list[Mention]:
    """Town and zone Place mentions after the region mentions ``places``."""
    text, gz = doc.text, doc.gaz
    out: list[Mention] = []
    towns: set[str] = set()
    for p in places:
        c = gz.regions.get(p.concept or "")
        if c is None or gz.level(c) not in ("city", "county", "province"):
            continue
        if gz.place_re.match(text, p.end):
            continue  # another region follows (某市某区): that one carries the town
        z = _ZONE_RE.match(text, p.end)
        if z and gz.level(c) != "province":
            stem = p.surface[:-1] if p.surface.endswith("市") and len(p.surface) > 2 else p.surface
            out.append(Mention(p.start, z.end(), "Place", stem + z.group(), text[p.start : z.end()], attrs={"level": "zone"},
                               how="zone"))
            continue
        t = _TOWN.match(text, p.end)
        if t is None or gz.level(c) == "province":
            continue
        stem, suffix = t.group(1), t.group(2)
        if text[t.end() : t.end() + 1] in _NOT_AFTER[suffix] or not _town_name_ok(stem, t.group()):
            continue
        towns.add(t.group())
        out.append(Mention(t.start(), t.end(), "Place", t.group(), t.group(), attrs={"level": "town"}, how="town"))
    if towns:
        seen = {m.start for m in out}
        for m in re.finditer("|".join(map(re.escape, sorted(towns, key=len, reverse=True))), text):
            if m.start() not in seen and not gz.place_re.match(text, m.start()):
                out.append(Mention(m.start(), m.end(), "Place", m.group(), m.group(), attrs={"level": "town"}, how="town"))
    return out
