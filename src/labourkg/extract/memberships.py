"""Membership told by 作为 (as): 李华作为某市劳模工匠技术服务队成员，… / 作为某工作室骨干，王强….

The person is the one right before 作为 (李华作为…) or, when 作为 opens the clause, the one right
after the comma that closes it (作为…队员，王强带领…). A studio's or team's 负责人/队长 after
作为 is a leader, read by the LEADS rules, not here.
"""

from __future__ import annotations

import re

from labourkg.extract.model import Doc, Rel
from labourkg.extract.relbase import Index

_AS = re.compile(r"作为")
_MEMBER_TAIL = re.compile(r"(?:的)?(?:首批|一名|骨干)?(?:成员|队员|骨干)(?:之一)?")
_UNITS = ("ServiceTeam", "Studio")


def membership_as(doc: Doc, idx: Index, rels: list[Rel]) -> None:
    """MEMBER_OF from 作为 <team or studio> 成员/队员/骨干."""
    text = doc.text
    have = {(r.subject.name, r.object.name) for r in rels if r.type == "MEMBER_OF"}
    for m in _AS.finditer(text):
        unit = next(iter(idx.within(m.end(), m.end() + 40, _UNITS)), None)
        if unit is None or unit.start != m.end():
            continue
        tail = _MEMBER_TAIL.match(text, unit.end)
        if tail is None:
            continue
        p = _person_of(idx, text, m.start(), tail.end())
        if p is not None and (p.name, unit.name) not in have:
            have.add((p.name, unit.name))
            rels.append(Rel("MEMBER_OF", p, unit, min(p.start, m.start()), tail.end(), 0.75))


def _person_of(idx: Index, text: str, at: int, end: int):
    before = idx.last_before(at, ("Person",))
    if before is not None and re.fullmatch(r"(?:还|也|则|曾)?", text[before.end : at]):
        return before
    if re.match(r"[,，]", text[end : end + 1]):
        after = next(iter(idx.within(end + 1, end + 6, ("Person",))), None)
        if after is not None and after.start == end + 1:
            return after
    return None
