"""Honours: concepts of the honour scheme, and level + head patterns (省五一劳动奖章).

Absolute names and altLabels of the scheme (全国劳动模范, 南粤工匠) are matched directly.
Names relative to the article (市劳动模范, 省五一劳动奖章) and generic kinds combined with
a level (X市工人先锋号) are read as level + head, where the heads are the grammar's and the
scheme's generic concepts and ``labelPattern`` templates; the level is made absolute with the
article's home city or province before the name is looked up in the scheme again.
"""

from __future__ import annotations

import re
from functools import cache

from labourkg.extract.events import known_campaigns
from labourkg.extract.gazetteer import Gazetteer, trie_regex
from labourkg.extract.grammar import (
    AWARD_TAILS,
    HONOUR_HEADS,
    HONOUR_LEVELS,
    QUOTED_HONOUR_CUES,
    REGION_EPITHETS,
    alt,
)
from labourkg.extract.model import Doc, Mention
from labourkg.ontology import Concept

_CONFERRED = re.compile(r"(?:聘为|聘任为|评为|获评|荣获|授予|认定为|选为|入选)[^,。;、]{0,6}$")
_QUOTES = re.compile(r"[“”\"'‘’《》]")
_RELATIVE = ("市级", "省级", "县级", "区级", "市", "省", "县", "区")
# 劳模精神, 工匠故事, 劳模代表: the head word used as a common noun, not an honour
# 章|状: 五一劳动奖章的 must not fall back to the shorter head 五一劳动奖
_NOT_AFTER_HEAD = "章|状|精神|故事|工匠|代表|创新|事迹|风采|宣讲|文化|人才|和工匠|服务|助企|技术|协会|们|队伍|群体|作用"
# 市劳模的, 县工匠的: a short head before 的 is a common noun; 市五一劳动奖章的获得者 is a title
_COMMON_BEFORE_DE = ("劳模", "劳动模范", "工匠")


@cache
def _patterns(gz: Gazetteer) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str], re.Pattern[str]]:
    """(absolute-name regex, level+head regex, award regex, head surface → canonical head, anchors)."""
    absolute = {s for s, c in gz.honours.items() if c.attr("honourLevel") and not s.startswith(_RELATIVE)}
    heads: dict[str, str] = {h: h for h in HONOUR_HEADS}
    heads["劳模"] = "劳动模范"
    for s, c in gz.honours.items():  # generic kinds (no level): 劳动模范 / 劳模, 工人先锋号
        if not c.attr("honourLevel"):
            heads[_QUOTES.sub("", s)] = _QUOTES.sub("", c.name)
    for h in gz.pattern_heads:
        heads.setdefault(h, h)
    places = sorted(gz.places, key=len, reverse=True)
    level = f"(?:{alt(HONOUR_LEVELS)}|{trie_regex(places)})"
    head = alt(heads)
    abs_re = re.compile(trie_regex(absolute)) if absolute else re.compile(r"(?!x)x")
    level_re = re.compile(
        rf"(?P<levels>{level}(?:、{level})*)(?P<head>{head})(?!{_NOT_AFTER_HEAD})(?P<alt>\((?:奖状|奖章)\))?|(?P<epi>{alt(REGION_EPITHETS)})工匠"
    )
    award_re = re.compile(rf"(?P<level>{level})(?P<mid>[\u4e00-\u9fff“”\"]{{2,14}}?)(?P<tail>{alt(AWARD_TAILS)})")
    anchor_re = re.compile(f"{head}|{alt(REGION_EPITHETS)}|{alt(AWARD_TAILS)}")
    return abs_re, level_re, award_re, heads, anchor_re


def _windows(text: str, anchor_re: re.Pattern[str], before: int = 32, after: int = 8) -> list[tuple[int, int]]:
    """Stretches of text around the heads and tails the level patterns end with: the big level
    alternation (every region name) is only tried there, not at every character of the article."""
    out: list[tuple[int, int]] = []
    for m in anchor_re.finditer(text):
        lo, hi = max(0, m.start() - before), min(len(text), m.end() + after)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _scan(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]):
    for lo, hi in windows:
        yield from pattern.finditer(text, lo, hi)


def _absolute_level(doc: Doc, lvl: str) -> str:
    if lvl in ("中华全国", "国家级", "国家"):
        return "全国" if lvl == "中华全国" else lvl
    if lvl in ("全省", "省级") or lvl == "省":
        return doc.expand_level("省") or lvl
    if lvl in ("全市", "市级") or lvl == "市":
        return doc.expand_level("市") or lvl
    c = doc.gaz.places.get(lvl)
    return c.name if c else lvl


def resolve_honour(doc: Doc, name: str) -> tuple[str, Concept | None]:
    """Canonical name and scheme concept of an honour surface (absolute)."""
    key = _QUOTES.sub("", name)
    c = doc.gaz.honours.get(key) or doc.gaz.honours.get(name)
    if c is not None and c.attr("honourLevel"):
        return _QUOTES.sub("", c.name), c
    return key, None


def _level_of(name: str, c: Concept | None, doc: Doc) -> str | None:
    if c is not None and c.attr("honourLevel"):
        return c.attr("honourLevel")
    if name.startswith(("全国", "中华", "国家")):
        return "national"
    if name.startswith("省部级") or (doc.home_province and name.startswith(doc.home_province.name)):
        return "provincial"
    for k in range(min(len(name), 12), 1, -1):
        cc = doc.gaz.places.get(name[:k])
        if cc is not None:
            return {"province": "provincial", "city": "municipal", "county": "county"}.get(doc.gaz.level(cc))
    return None


def _mention(doc: Doc, start: int, end: int, canonical: str, how: str) -> Mention:
    name, c = resolve_honour(doc, canonical)
    attrs = {}
    lvl = _level_of(name, c, doc)
    if lvl:
        attrs["level"] = lvl
    return Mention(start, end, "Honour", name, doc.text[start:end], concept=c.id if c else None, attrs=attrs, how=how)


def find_honours(doc: Doc) -> list[Mention]:
    """Honour mentions; coordinated levels (全国、省五一劳动奖章) give one mention per level."""
    text = doc.text
    abs_re, level_re, award_re, heads, anchor_re = _patterns(doc.gaz)
    windows = _windows(text, anchor_re)
    out: list[Mention] = []
    for m in abs_re.finditer(text):
        h = _mention(doc, m.start(), m.end(), m.group(), "scheme")
        if h.attrs.get("level") == "enterprise" and not _CONFERRED.search(text[max(0, m.start() - 8) : m.start()]):
            continue  # 公司首席技师: a title given by the employer is a post unless conferred (被聘为…)
        out.append(h)
    for m in _scan(level_re, text, windows):
        if m.group("epi"):
            out.append(_mention(doc, m.start(), m.end(), m.group(), "epithet"))
            continue
        head = heads[m.group("head")]
        if m.group("head") in _COMMON_BEFORE_DE and text[m.end() : m.end() + 1] == "的":
            continue
        pos = m.start()
        levels = m.group("levels").split("、")
        for k, lvl in enumerate(levels):
            last = k == len(levels) - 1
            end = m.end("head") if last else pos + len(lvl)
            canonical = _absolute_level(doc, lvl) + head
            out.append(_mention(doc, pos, end, canonical, "level+head"))
            if m.group("alt"):
                other = head[:-2] + m.group("alt")[1:-1]
                a0 = m.start("alt") + 1
                out.append(_mention(doc, a0, a0 + 2, _absolute_level(doc, lvl) + other, "alt"))
            pos += len(lvl) + 1
    for m in _scan(award_re, text, windows):
        canonical = _absolute_level(doc, m.group("level")) + m.group("mid") + m.group("tail")
        out.append(_mention(doc, m.start(), m.end(), canonical, "award"))
    for m in re.finditer(r"“([^“”]{2,20})”", text):
        inner = m.group(1)
        if "、" in inner or "," in inner or inner in known_campaigns():
            continue  # “比学赶超、争当先锋”: a slogan; a known programme's name: a programme, not a title
        if any(cue in inner for cue in QUOTED_HONOUR_CUES) and not re.match(r"(专项)?行动|工程|活动", text[m.end():]):
            out.append(_mention(doc, m.start(1), m.end(1), inner, "quoted"))
    out = _longest(out)
    return _longest(out + _bare_heads(doc, out, heads))


def _bare_heads(doc: Doc, found: list[Mention], heads: dict[str, str]) -> list[Mention]:
    """A head without a level (获得五一劳动奖状的单位包括…) after the article named that honour with a
    level (湛江市五一劳动奖状) is a short mention of it, when one honour of the article has that head."""
    text = doc.text
    by_head: dict[str, dict[str, Mention]] = {}
    for m in found:
        for h in heads:
            if len(h) >= 5 and m.name.endswith(h) and m.name != h:
                by_head.setdefault(h, {}).setdefault(m.name, m)
    out: list[Mention] = []
    for h, named in by_head.items():
        if len(named) != 1:
            continue
        src = next(iter(named.values()))
        for m in re.compile(re.escape(h)).finditer(text, src.end):
            if not any(f.start <= m.start() < f.end for f in found) and not re.match(_NOT_AFTER_HEAD, text[m.end():]):
                out.append(Mention(m.start(), m.end(), "Honour", src.name, m.group(), concept=src.concept,
                                   attrs=dict(src.attrs), how="bare"))
    return out


def _longest(ms: list[Mention]) -> list[Mention]:
    ms.sort(key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    for m in ms:
        if out and m.start < out[-1].end:
            if m.end <= out[-1].end:
                if m.how == "alt":
                    out.append(m)
                continue
            if m.end - m.start > out[-1].end - out[-1].start:
                out[-1] = m
            continue
        out.append(m)
    return out
