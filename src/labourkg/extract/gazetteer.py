"""Dictionaries the extractor matches, all derived from the ontology's SKOS schemes.

Places come from the region scheme (GB/T 2260), honours from the honour scheme (names,
altLabels, and ``labelPattern`` templates expanded with the region names). Nothing here
is typed by hand, so adding a concept to ``ontology/vocab`` is enough for the extractor to
find it. Matching uses trie-shaped regexes compiled once: one pass over the text finds the
longest dictionary word at each position without POS-tagging anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from labourkg.ontology import Concept, Ontology, UnknownTermError, load_ontology
from labourkg.text import to_simplified


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, shaped as a trie so matching is linear and longest-first."""
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        keys = sorted(k for k in node if k)
        if not keys:
            return ""
        alts = [re.escape(k) + build(node[k]) for k in keys]
        if "" in node:
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie) or r"(?!x)x"


@cache
def jieba_dict() -> dict[str, tuple[int, str]]:
    """jieba's dictionary (word -> (frequency, POS tag)); tells ordinary words from names."""
    import jieba

    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    out: dict[str, tuple[int, str]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3:
                out[parts[0]] = (int(parts[1]), parts[2])
    return out


def is_common_word(word: str, *, min_freq: int = 50, allow: tuple[str, ...] = ("nr", "nrfg", "nrt")) -> bool:
    """True when jieba knows ``word`` as a frequent word that is not a personal name."""
    info = jieba_dict().get(word)
    return bool(info and info[0] >= min_freq and info[1] not in allow)


@dataclass(eq=False)
class Gazetteer:
    """Place and honour surfaces with what they resolve to."""

    places: dict[str, Concept] = field(default_factory=dict)  # surface -> region concept
    place_re: re.Pattern[str] = re.compile(r"(?!x)x")
    regions: dict[str, Concept] = field(default_factory=dict)  # id -> concept
    honours: dict[str, Concept] = field(default_factory=dict)  # surface -> honour concept
    honour_re: re.Pattern[str] = re.compile(r"(?!x)x")
    pattern_heads: dict[str, Concept] = field(default_factory=dict)  # 五一劳动奖章 -> pattern concept
    homonyms: dict[str, list[Concept]] = field(default_factory=dict)  # 兴宁 -> 兴宁市 (粤), 兴宁区 (桂)
    # county short forms that are also ordinary words (a made-up 新风县 → 新风): places only in
    # an article whose home province is the county's own (see ``places.foreign_short``)
    weak: set[str] = field(default_factory=set)

    def place(self, surface: str) -> Concept | None:
        return self.places.get(surface)

    def level(self, c: Concept) -> str:
        return c.attr("regionLevel") or ""

    def parent(self, c: Concept) -> Concept | None:
        for b in c.broader:
            if b in self.regions:
                return self.regions[b]
        return None

    def province_of(self, c: Concept) -> Concept | None:
        while c is not None and self.level(c) != "province":
            c = self.parent(c)
        return c


def _scheme(onto: Ontology, name: str) -> list[Concept]:
    try:
        return onto.scheme(name)
    except UnknownTermError:
        return []


@cache
def load_gazetteer(onto: Ontology | None = None) -> Gazetteer:
    """Build the gazetteer from the ontology (cached per ontology object)."""
    onto = onto or load_ontology()
    gz = Gazetteer()
    regions = _scheme(onto, "regions")
    gz.regions = {c.id: c for c in regions}
    # Full names always; short forms (altLabels) of cities always, of counties marked ``weak``
    # when they are ordinary words too.
    # A short form shared by two regions is ambiguous: keep the higher level one.
    rank = {"province": 0, "city": 1, "county": 2}
    for c in sorted(regions, key=lambda c: rank.get(c.attr("regionLevel") or "", 3)):
        gz.places.setdefault(to_simplified(c.name), c)
    for c in sorted(regions, key=lambda c: rank.get(c.attr("regionLevel") or "", 3)):
        forms = [to_simplified(a) for a in c.aliases]
        name = to_simplified(c.name)
        if not forms and c.attr("regionLevel") == "county" and name[-1:] in "县市" and len(name) >= 3 \
                and "自治" not in name:
            forms = [name[:-1]]  # 兴宁市 → 兴宁 when the scheme leaves a shared short form out
        level = c.attr("regionLevel")
        for a in forms:
            # A prefecture-level city's short form is unambiguous by construction of the scheme
            # (no other city shares it), so it goes through even when it is an ordinary word too.
            if len(a) >= 2 and a not in gz.places and (level == "city" or not is_common_word(a, allow=("ns",))):
                gz.places[a] = c
            elif len(a) >= 2 and a not in gz.places and level == "county":
                gz.places[a] = c
                gz.weak.add(a)
            elif len(a) >= 2 and a in gz.places and gz.places[a] is not c:
                gz.homonyms.setdefault(a, [gz.places[a]]).append(c)
    gz.place_re = re.compile(trie_regex(gz.places))

    honours = _scheme(onto, "honours")
    patterns: list[tuple[str, Concept]] = []
    for c in honours:
        for s in (c.name, *c.aliases):
            s = to_simplified(s)
            if "{" in s:
                patterns.append((s, c))
            elif s:
                gz.honours.setdefault(s, c)
        for p in c.attrs.get("labelPattern", ()):
            patterns.append((to_simplified(p), c))
    for p, c in patterns:
        head = re.sub(r"\{[a-z]+\}", "", p)
        if head and p.startswith("{"):
            gz.pattern_heads.setdefault(head, c)
    gz.honour_re = re.compile(trie_regex(gz.honours)) if gz.honours else re.compile(r"(?!x)x")
    return gz
