"""Relations shared out over coordinated people: 张三、李四均为某市劳动模范 (each received it),
张三、李四分别来自甲公司和乙公司 (each works for the company in the same place of the list)."""

from __future__ import annotations

import re

from labourkg.extract.model import Doc, Mention, Rel
from labourkg.extract.relbase import ORGS, Index, role, year_attr

_ALL_ARE = re.compile(r"[,;](?:均|都|同|也都|也均)(?:为|是|系)")
_RESPECTIVELY = re.compile(r"分别(?:来自|就职于|任职于|供职于|是|为)")
_JOIN = ("、", "和", "与", "及")


def _joined_before(idx: Index, text: str, last: Mention) -> list[Mention]:
    """``last`` and the people joined to it by 、/和 right before it, in text order."""
    out = [last]
    while (q := idx.ending_at(out[0].start - 1, ("Person",))) is not None and q.end == out[0].start - 1 \
            and text[q.end] in _JOIN:
        out.insert(0, q)
    return out


def _joined_after(idx: Index, text: str, k: int, types: tuple[str, ...]) -> list[Mention]:
    """The mentions of ``types`` starting at ``k`` and joined by 、/和."""
    out: list[Mention] = []
    while (nxt := next(iter(idx.within(k, k + 40, types)), None)) is not None and nxt.start == k:
        out.append(nxt)
        if text[nxt.end : nxt.end + 1] not in _JOIN:
            break
        k = nxt.end + 1
    return out


def coordinated_relations(doc: Doc, idx: Index, rels: list[Rel]) -> None:
    text = doc.text
    for m in _RESPECTIVELY.finditer(text):
        last = idx.ending_at(m.start(), ("Person",))
        if last is None or last.end != m.start():
            continue
        people = _joined_before(idx, text, last)
        orgs = _joined_after(idx, text, m.end(), ORGS)
        if len(people) >= 2 and len(people) == len(orgs):
            for p, o in zip(people, orgs, strict=True):
                rels.append(Rel("WORKS_FOR", p, o, p.start, o.end, 0.7))
    for m in _ALL_ARE.finditer(text):
        s, e = doc.sentence_of(m.start())
        first = next(iter(idx.within(s, m.start(), ("Person",))), None)
        if first is None or re.search(r"[,;:]", text[s : first.start]):
            continue  # the people must open the sentence (after their titles)
        people = [first]
        while (q := next(iter(idx.within(people[-1].end + 1, people[-1].end + 6, ("Person",))), None)) is not None \
                and q.start == people[-1].end + 1 and text[people[-1].end] in _JOIN:
            people.append(q)
        stop = min([k for k in (text.find(c, m.end(), e) for c in ",;。") if k >= 0] or [e])
        hons = [h for h in idx.within(m.end(), stop, ("Honour",)) if h.start - m.end() <= 2]
        if len(people) < 2 or not hons:
            continue
        for p in people:
            for h in hons:
                rels.append(Rel("RECEIVED", p, h, p.start, h.end, 0.7, year_attr(text, m.end(), h.end)))
                role(p, h.name)
