"""Events (named meetings, ceremonies, contests) and campaigns (programmes, special actions).

Both are found from head nouns (…推进会, …座谈会, …专项行动) extended left to the name's
start, and from quoted names followed by a campaign word (“劳模工匠助企行”专项行动).
Generic kinds (劳动和技能竞赛) are dropped: a named event has something specific in front
of its head -- a place, a year or 届, a quoted name, or a word that is not a generic one.
Well-known national programmes that carry no head noun (产业工人队伍建设改革) come from
``data/campaigns.txt``.
"""

from __future__ import annotations

import re
from functools import cache

from labourkg.extract.grammar import (
    BARE_EVENT_HEADS,
    CAMPAIGN_HEADS,
    DATA,
    EVENT_HEADS,
    GENERIC_EVENT_WORDS,
    ORG_SUFFIXES,
    QUOTED_CAMPAIGN_TAILS,
    UNION_SUFFIXES,
    alt,
)
from labourkg.extract.model import Doc, Mention
from labourkg.extract.spans import left_start

_HEAD_RE = re.compile(f"(?:(?P<e>{alt(EVENT_HEADS)})|(?P<c>{alt(CAMPAIGN_HEADS)}))(?!品牌|计划|方案|项目|制度|精神|工作|诊)")
_QUOTED_RE = re.compile(rf"[“\"]([^“”\"]{{2,30}})[”\"](?:({alt(QUOTED_CAMPAIGN_TAILS)}))?")
_CONGRESS_RE = re.compile(r"(?:党的|中国共产党第|中共|中国工会|中国工会第)([一二三四五六七八九十]{1,3})(?:次全国代表大会|大)(?![学队])")
_OWNER = re.compile(f"^[^“\"]{{1,12}}?(?:{alt(ORG_SUFFIXES + UNION_SUFFIXES)})(?=(?:\\d{{4}}年度?)?[“\"])")
_EVENT_END = re.compile(f"(?:{alt(EVENT_HEADS)})$")
_ROUND = re.compile(r"(?:\([^()]{1,8}\))?(?:总决赛|半决赛|决赛|初赛|复赛|预赛|选拔赛)")
_GENERIC_RE = re.compile(f"^(?:{alt(GENERIC_EVENT_WORDS)})*$")
_QUOTES = re.compile(r"[“”\"'‘’《》]")
_DATED_PLACE = re.compile(r"(?:\d{4}年度?)?(?:[\u4e00-\u9fff]{2,8}?[省市县区])?")


@cache
def known_campaigns() -> dict[str, str]:
    """surface -> canonical name of programmes named without a head noun."""
    out: dict[str, str] = {}
    for line in (DATA / "campaigns.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            names = line.split()
            for n in names:
                out[n] = names[0]
    return out


@cache
def _known_re() -> re.Pattern[str]:
    return re.compile(alt(known_campaigns()))


def _specific(doc: Doc, prefix: str) -> bool:
    """Does the part before the head name a particular event (not a kind)?"""
    if not prefix:
        return False
    if re.search(r"\d{4}年|第.{1,3}届|首届|“|\"", prefix) or doc.gaz.place_re.search(prefix):
        return True
    return not _GENERIC_RE.match(prefix) and len(prefix) >= 2


def canonical_event(name: str) -> str:
    return _QUOTES.sub("", name)


def find_events(doc: Doc) -> list[Mention]:
    """Event and Campaign mentions."""
    text = doc.text
    out: list[Mention] = []
    for m in _HEAD_RE.finditer(text):
        kind = "Event" if m.group("e") else "Campaign"
        head = m.group()
        end = m.end()
        if kind == "Event" and (r := _ROUND.match(text, end)):
            head, end = head + r.group(), r.end()  # 技能竞赛（焊工）决赛: the category and round belong to it
        s0, _ = doc.sentence_of(m.start())
        start = left_start(text, m.start(), s0, kind="event", maxlen=40)
        prefix = text[start : m.start()]
        if kind == "Campaign" and (q := prefix.find("“")) > 0 and not _DATED_PLACE.fullmatch(prefix[:q]) \
                and not any(prefix[:q] == p for p in doc.gaz.places):
            start += q  # 湖里区落实“某某”专项行动: a clause before the quoted name is not part of it
            prefix = prefix[q:]
        cut = _OWNER.match(prefix)
        if cut:  # 市图书馆“某某讲坛”: the body that holds the event is not part of its name
            start += cut.end()
            prefix = prefix[cut.end() :]
        if prefix.startswith(("市", "省")) and not prefix.startswith(("市场", "市民", "省部")):
            place = doc.expand_level(prefix[0])
            canonical = (place + prefix[1:] if place else prefix) + head
        else:
            canonical = prefix + head
        if _specific(doc, prefix):
            out.append(Mention(start, end, kind, canonical_event(canonical), text[start:end], how="head"))
        elif kind == "Event" and head in BARE_EVENT_HEADS and not prefix:
            out.append(Mention(m.start(), m.end(), kind, head, head, how="bare"))
    for m in _QUOTED_RE.finditer(text):
        inner, tail = m.group(1), m.group(2)
        if not tail and not inner.endswith(tuple(QUOTED_CAMPAIGN_TAILS)):
            continue
        if re.search(r"[,。;!?]", inner) or (not tail and _EVENT_END.search(inner)):
            continue  # “2024某某交流活动”: a named event (found by its head), not a programme
        name = inner
        out.append(Mention(m.start(1), m.end(1), "Campaign", canonical_event(name), inner, how="quoted"))
    for m in _CONGRESS_RE.finditer(text):
        s = m.group()
        name = "党的" + m.group(1) + "大" if not s.startswith("中国工会") else "中国工会" + m.group(1) + "大"
        out.append(Mention(m.start(), m.end(), "Event", name, s, how="congress"))
    known = known_campaigns()
    for m in _known_re().finditer(text):
        out.append(Mention(m.start(), m.end(), "Campaign", known[m.group()], m.group(), how="known"))
    return out
