"""Entity resolution rules, as pure functions (no store access).

Within an article the pipeline uses :func:`short_forms` and :func:`absorb` to fold short
references into the full name seen in the same article (明珞装备 → 广州明珞装备股份有限公司,
迎春座谈会 → 2024年劳模工匠代表迎春座谈会). Across articles and registers the loader calls
:func:`resolve_person` with the candidates it finds in the store. The rules and their
failure modes are written down in ``docs/resolution.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from labourkg.extract.grammar import CAMPAIGN_HEADS, ENTERPRISE_SUFFIXES, INDUSTRY_TAILS, ORG_SUFFIXES

_LEGAL = re.compile("(?:" + "|".join(sorted(ENTERPRISE_SUFFIXES, key=len, reverse=True)) + ")$")
_COMPLETE = re.compile("(?:" + "|".join(sorted(ORG_SUFFIXES + ENTERPRISE_SUFFIXES, key=len, reverse=True)) + ")$")
_BRACKET = re.compile(r"\([^)]*\)")


def short_forms(name: str, place_prefixes: Iterable[str] = ()) -> list[str]:
    """Short references to an enterprise: without place, brackets and legal form, then without
    the industry word (广州明珞装备股份有限公司 → 明珞装备, 明珞). Forms under 2 characters are dropped."""
    core = _BRACKET.sub("", name)
    again = True
    while again:
        again = False
        for p in sorted(place_prefixes, key=len, reverse=True):
            if core.startswith(p) and len(core) > len(p) + 2:
                core = core[len(p):]
                again = True
                break
    prev = None
    while prev != core:
        prev = core
        core = _LEGAL.sub("", core)
    out = []
    if len(core) >= 2 and core != name:
        out.append(core)
    for tail in sorted(INDUSTRY_TAILS, key=len, reverse=True):
        if core.endswith(tail) and len(core) - len(tail) >= 2:
            out.append(core[: -len(tail)])
            break
    if len(core) >= 6 and all("\u4e00" <= c <= "\u9fff" for c in core):
        out.append(core[:2] + core[-2:])  # 华信精密机械 → 华信机械: trade name and the last industry word
    return out


def _trade_short(short: str, full: str) -> bool:
    """润泽公司 for 广东润泽新材料有限公司 (no 简称 declared): the trade name after the place plus a bare
    公司/集团, the full name a company of that legal form with the trade name right after a short place."""
    m = re.fullmatch(r"([\u4e00-\u9fff]{2,3})(公司|集团)", short)
    if m is None or not re.search(r"(?:有限公司|有限责任公司|集团)$", full) or m.group(2) not in full:
        return False
    k = full.find(m.group(1))
    return 2 <= k <= 4


def _subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(ch in it for ch in short)


def absorb(short: str, full: str, kind: str) -> bool:
    """Is ``short`` a reference to ``full`` of the same kind within one article?

    Events: a suffix (迎春座谈会 of 2024年劳模工匠代表迎春座谈会). Campaigns: a substring either
    way (主题教育 / 劳模工匠助企行专项行动 vs 劳模工匠助企行). People: a two-character
    prefix of a three-character name (an OCR or segmentation slip).
    """
    if short == full or not short:
        return False
    if kind == "ServiceTeam" and short.endswith("服务队") and full.endswith("服务队") and len(short) >= 5:
        return full.endswith(short) or short[:-3] in full[:-3]  # 新能源汽车服务队 of 某市新能源汽车劳模工匠技术服务队
    if kind in ("Event", "ServiceTeam", "Studio"):
        return full.endswith(short)
    if kind == "Campaign":
        return full.endswith(short) and short in CAMPAIGN_HEADS
    if kind == "Person":
        return len(short) == 2 and len(full) == 3 and full.startswith(short)
    if kind in ("Enterprise", "Organization"):
        # a prefix that is itself a complete name (某学院 of 某学院某中心) is the parent, not a short form
        # 竹编工艺品厂 of 某市某镇竹编工艺品厂: the name without its places (a town the gazetteer may not know)
        return short in short_forms(full) or (len(short) >= 4 and full.startswith(short) and not _COMPLETE.search(short)) \
            or (len(short) >= 5 and full.endswith(short) and re.search(r"[市县区镇乡]$", full[: -len(short)]) is not None) \
            or _trade_short(short, full)
    if kind == "GovernmentBody":
        # 市住建局 / 市住房和城乡建设局, 市发改局 / 市发展和改革局: an abbreviation keeps the
        # jurisdiction and the head and picks characters of the full name in order
        return (len(full) > len(short) >= 4 and short[-1] == full[-1] and short[:2] == full[:2] and "和" in full
                and _subsequence(short, full))
    return False


def campaign_core(name: str, place_prefixes: Iterable[str] = ()) -> str:
    """A campaign's name without a leading place and a trailing 专项行动/行动
    (茂名市劳模工匠助企行专项行动 → 劳模工匠助企行): names with the same core are one campaign."""
    name = re.sub(r"^\d{4}年度?", "", name)  # 2024年某市“…”专项行动: the year's edition of the same programme
    for p in sorted(place_prefixes, key=len, reverse=True):
        if name.startswith(p) and len(name) > len(p) + 2:
            name = name[len(p):]
            break
    for tail in ("专项行动", "行动"):
        if name.endswith(tail) and len(name) > len(tail) + 2:
            return name[: -len(tail)]
    return name


def resolve_person(name: str, context: Mapping[str, Any], candidates: Iterable[Mapping[str, Any]]) -> str | None:
    """The id of the stored person ``name`` refers to, or None for a new person.

    ``context`` and each candidate carry sets of ids under ``orgs`` (employers, studios, teams),
    ``honours`` and ``places``; candidates also carry ``id`` and ``name``. Rule:

    1. only candidates with the same canonical name are considered;
    2. one sharing an organisation (employer, studio or team) with the context wins;
    3. otherwise one sharing an honour *and* a place wins;
    4. otherwise, when the context has no organisation of its own (a bare mention such as
       a byline or a list of leaders) and exactly one candidate exists, that one;
    5. a candidate whose organisations are all different from the context's is a different
       person (two 李刚 with different employers stay two); ambiguity gives None.
    """
    same = [c for c in candidates if c.get("name") == name]
    if not same:
        return None
    orgs = set(context.get("orgs") or ())
    honours = set(context.get("honours") or ())
    places = set(context.get("places") or ())
    shared_org = [c for c in same if orgs & set(c.get("orgs") or ())]
    if len(shared_org) == 1:
        return shared_org[0]["id"]
    if len(shared_org) > 1:
        return None
    both = [c for c in same if honours & set(c.get("honours") or ()) and places & set(c.get("places") or ())]
    if len(both) == 1:
        return both[0]["id"]
    if not orgs and len(same) == 1:
        return same[0]["id"]
    if orgs and len(same) == 1 and not same[0].get("orgs"):
        return same[0]["id"]  # the stored one knows no employer: nothing contradicts
    return None


def new_person_id(base_id: str, context: Mapping[str, Any], taken: Iterable[str]) -> str:
    """An id for a person who is not any stored namesake: ``person:李刚`` if free, else
    qualified by the first organisation of the context (``person:李刚@enterprise:某公司``)."""
    taken = set(taken)
    if base_id not in taken:
        return base_id
    orgs = sorted(context.get("orgs") or ())
    qualified = f"{base_id}@{orgs[0]}" if orgs else f"{base_id}#2"
    k = 2
    while qualified in taken:
        k += 1
        qualified = f"{base_id}#{k}"
    return qualified
