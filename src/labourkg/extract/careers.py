"""Employment told as a career step rather than as a title in front of a name.

Features and profiles say where someone works with a verb: 李明调入某某机械有限公司，担任…;
他进入某某厂当学徒; 王芳在某某公司担任工程师; 张强来自某某公司; 刘洋被某某技师学院聘为客座教授;
…，任某某公司质量总监. The subject is the last person (or 他/她) before the verb in the sentence,
with no other person between; the organisation must follow the verb directly.
"""

from __future__ import annotations

import re

from labourkg.extract.model import Doc, Mention, Rel
from labourkg.extract.relbase import ORGS, Index

# a verb of joining that takes the organisation as its object: 调入/进入/加入/来自 某公司
_JOIN = re.compile(r"(?:先后|后|又|随后|从此|毕业后)?(?:调入|调到|调至|转入|进入|进了|加入|来自|就职于|任职于|供职于|受聘于)")
# 在某公司 + a verb of working: 在某公司担任/当/做/从事/工作
_AT = re.compile(r"(?:一直|长期|现|目前|曾|先后)?在")
_WORK_AFTER = re.compile(r"(?:一直|长期|先后|已经|已)?(?:担任|当了?|做|从事|工作|任职|任)")
# 被某学院聘为: a post given by the organisation
_HIRED = re.compile(r"(?:还|也|曾)?被")
_HIRED_AFTER = re.compile(r"(?:特|返|外)?聘(?:请)?为")
# ，任某公司质量总监: a bare 任 after a clause break, followed by the organisation
_BARE_POST = re.compile(r"(?<=[,;])(?:现|还|兼|并)?任")
_PEOPLE = ("Person",)


def career_relations(doc: Doc, idx: Index, rels: list[Rel]) -> None:
    """WORKS_FOR from 调入/进入/加入/来自 X, 在 X 担任/工作, 被 X 聘为, ，任 X 职务."""
    text = doc.text
    seen = {(r.subject.name, r.object.name) for r in rels if r.type == "WORKS_FOR"}
    for org in idx.within(0, len(text), ORGS):
        if org.attrs.get("media"):
            continue
        p = _subject(doc, idx, text, org)
        if p is None or (p.name, org.name) in seen:
            continue
        seen.add((p.name, org.name))
        rels.append(Rel("WORKS_FOR", p, org, p.start, org.end, 0.65))


def _subject(doc: Doc, idx: Index, text: str, org: Mention) -> Mention | None:
    """The person of a career verb right before ``org``, or None when no construction holds."""
    before = text[max(0, org.start - 12) : org.start]
    after = text[org.end : org.end + 12]
    if re.search(r"分别[\u4e00-\u9fff]{0,3}$", before):
        return None  # 张三、李四分别来自A和B: a distribution over two lists, read elsewhere
    if _ends(_JOIN, before) or (_ends(_AT, before) and _WORK_AFTER.match(after)) \
            or (_ends(_HIRED, before) and _HIRED_AFTER.match(after)) or _ends(_BARE_POST, before, text, org.start):
        s, _ = doc.sentence_of(org.start)
        p = idx.last_before(org.start, _PEOPLE)
        if p is None or p.start < s or "journalist" in p.attrs.get("roles", ()):
            return None
        between = text[p.end : org.start]
        if "。" in between or len(between) > 50:
            return None
        return p
    return None


def _ends(rx: re.Pattern, before: str, text: str | None = None, at: int = 0) -> bool:
    if text is not None:  # a pattern with look-behind: search in the full text
        for m in rx.finditer(text, max(0, at - 6), at):
            if m.end() == at:
                return True
        return False
    return any(m.end() == len(before) for m in rx.finditer(before))
