"""Shared pieces of the relation rules: the mention index, the post pattern, roles and years."""

from __future__ import annotations

import re
from bisect import bisect_left

from labourkg.extract.grammar import POST_PREFIX, POSTS, alt
from labourkg.extract.model import Mention

POST_END = re.compile(f"(?:{alt(POST_PREFIX)})?(?:{alt(POSTS)})$")
AGENTS = ("Person", "Enterprise", "Organization", "Union", "GovernmentBody", "Studio", "ServiceTeam")
ORGS = ("Enterprise", "Organization", "Union", "GovernmentBody")
_YEAR = re.compile(r"(\d{4})年")


class Index:
    """Mentions sorted by start, for range queries."""

    def __init__(self, mentions: list[Mention], text: str):
        self.text = text
        self.ms = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.ms]

    def within(self, s: int, e: int, types: tuple[str, ...] | None = None) -> list[Mention]:
        i = bisect_left(self.starts, s)
        out = []
        while i < len(self.ms) and self.ms[i].start < e:
            m = self.ms[i]
            if m.end <= e and (types is None or m.type in types):
                out.append(m)
            i += 1
        return out

    def last_before(self, e: int, types: tuple[str, ...], ok=None) -> Mention | None:
        i = bisect_left(self.starts, e) - 1
        while i >= 0:
            m = self.ms[i]
            if m.end <= e and m.type in types and (ok is None or ok(m)):
                return m
            i -= 1
        return None

    def ending_at(self, e: int, types: tuple[str, ...], slack: int = 0) -> Mention | None:
        best = None
        for m in self.within(max(0, e - 40), e + 1, types):
            if e - slack <= m.end <= e and (best is None or m.end - m.start > best.end - best.start):
                best = m
        return best



def role(p: Mention, what: str) -> None:
    roles = p.attrs.setdefault("roles", [])
    role = what
    if "劳动模范" in what or "劳模" in what or "先进工作者" in what:
        role = "labour_model"
    elif "工匠" in what:
        role = "craftsman"
    elif what not in ("official", "journalist"):
        return
    if role not in roles:
        roles.append(role)


def year_attr(text: str, s: int, e: int) -> dict:
    ys = _YEAR.findall(text[s:e])
    return {"year": int(ys[-1])} if ys else {}



def org_and_post(idx: Index, text: str, s: int, e: int) -> tuple[Mention | None, str]:
    """The unit and post of an entry '单位职务' in [s, e): the first organisation, extended over
    sub-units written right after it (市公安局某某分局), and the words after it as the post."""
    orgs = idx.within(s, e, ORGS)
    if not orgs:
        return None, ""
    org = orgs[0]
    for o in orgs[1:]:
        if o.start == org.end:
            org = o
    post = text[org.end : e].strip(" ,、")
    return org, post
