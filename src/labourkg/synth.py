"""Synthetic union registers of any size, for demos, tests, benchmarks and recommender evaluation.

``generate`` writes the five files of the register contract (``docs/registers.md``) with
invented people and enterprises whose attributes follow plausible distributions: skills
per person 1-5 skewed low, industries Zipf-like over a profile's list, national honours
rare, regions weighted, engagements that follow skill and region fit with some noise.
Everything domain-specific -- skill labels and aliases, their industries, honour names and
levels, region names and codes, service types, SME tiers -- is read from the ontology, so
the generated text is what the loader and the extractor recognise.

Enterprises and engagements are streamed to disk: memory grows with the number of
providers (craftsmen, studios, teams), never with the number of enterprises, so a million
enterprises fit in a few hundred MB.

The hidden ground truth, for evaluation, is

* ``truth/needs.csv``: the skill concepts each enterprise's needs text was composed from
  (what needs extraction should find);
* the engagements themselves, dated 2023-01..2025-03: those of the last quarter
  (``SynthSummary.holdout_period``, 2025Q1) are the hold-out a recommender trained on the
  earlier quarters should predict.

>>> import tempfile
>>> s = generate(20, 30, seed=1, out=Path(tempfile.mkdtemp()))
>>> s.counts["craftsmen"], s.counts["enterprises"]
(20, 30)
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import json
import random
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from labourkg.ontology import Concept, Ontology, load_ontology

HOLDOUT_PERIOD = "2025Q1"
DATE_FIRST = dt.date(2023, 1, 1)
DATE_LAST = dt.date(2025, 3, 31)
TABLES = ("craftsmen", "studios", "teams", "enterprises", "engagements")

# Headers of the contract, English and Chinese (loaders/roster/*.yaml knows both).
HEADERS: dict[str, dict[str, list[str]]] = {
    "craftsmen": {
        "en": ["id", "name", "employer", "position", "honours", "skills", "industries", "region", "capacity"],
        "zh": ["编号", "姓名", "工作单位", "职务", "荣誉", "技能专长", "行业", "所在地区", "服务能力"],
    },
    "studios": {
        "en": ["id", "name", "level", "leader", "host", "skills", "industries", "region", "members"],
        "zh": ["编号", "名称", "级别", "领衔人", "依托单位", "技术方向", "行业", "所在地区", "成员"],
    },
    "teams": {
        "en": ["id", "name", "leader", "members", "industries", "region", "organiser"],
        "zh": ["编号", "名称", "队长", "成员", "行业", "服务地区", "组建单位"],
    },
    "enterprises": {
        "en": ["id", "name", "credit_code", "industries", "tier", "region", "size", "needs", "service_types"],
        "zh": ["编号", "企业名称", "统一社会信用代码", "行业", "专精特新等级", "所在地区", "规模", "技术需求", "需求类型"],
    },
    "engagements": {
        "en": ["provider", "enterprise", "date", "service_type", "outcome"],
        "zh": ["服务方", "企业", "日期", "服务类型", "成效"],
    },
}


# ---------------------------------------------------------------- profiles


@dataclass(frozen=True)
class Profile:
    """Where the invented registers are: regions (GB/T 2260 codes with weights) and industries
    (GB/T 4754 codes, most common first; weights fall off Zipf-like)."""

    name: str
    regions: tuple[tuple[str, float], ...]  # () = every county-level division under ``province``
    industries: tuple[str, ...]  # () = every division in the vocabulary
    province: str = "440000"
    zipf: float = 1.0


PROFILES: dict[str, Profile] = {
    "maoming": Profile(
        "maoming",
        regions=(("440902", 0.30), ("440904", 0.25), ("440981", 0.18), ("440982", 0.15), ("440983", 0.12)),
        industries=("C26", "C25", "C39", "C13", "C14", "A01", "D44", "E48", "C24", "G59", "C41", "A04", "G55",
                    "Q84", "E47", "E50", "C34", "C29", "C38", "C33", "C20", "C30", "F51", "O81"),
    ),
    "province": Profile("province", regions=(), industries=(), zipf=0.9),
}

# Invented names: common surnames (roughly by frequency) and given-name characters.
SURNAMES = ("李王张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余"
            "于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙"
            "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉鹏飞宇浩然俊峰"
         "海波宁欣怡思雨晨旭东昊天泽瑞嘉琪梓涵子轩佳颖雪梅晓燕春生德福荣永庆振兴立新卫民金凤"
         "锦程家豪铭亮健坤育才耀祥光耀少龙冠宏锐智诚达")
# Invented trade-name characters for enterprise names (茂名市<两字字号><行业词><组织形式>).
TRADE = ("鑫隆泰盛宏达华信兴瑞丰源恒通裕顺安邦创联科佳美润德福广茂森汇嘉逸诚景弘昌骏力捷博"
         "远航众星海辰锦旭明昊晟禾雅展腾凯威越新宇中正元峰璟钜誉乾坤晖蓝天宝琳沃富康宁祥和永"
         "益利成辉耀金银铭道合")
TRADE = "".join(dict.fromkeys(TRADE))  # distinct characters: trade_name is a bijection only then
# Trade words of enterprise and team names by industry division (names, not a vocabulary: the
# industry itself always comes from the ontology). Divisions not listed use their own label.
NAME_WORDS: dict[str, tuple[str, ...]] = {
    "A01": ("农业", "果业", "种植", "生态农业"), "A03": ("畜牧", "养殖"), "A04": ("水产", "渔业", "海洋养殖"),
    "C13": ("农副产品", "粮油", "饲料"), "C14": ("食品", "食品科技", "罐头食品"), "C15": ("饮料", "酒业"),
    "C20": ("木业", "竹木制品"), "C21": ("家具",), "C24": ("工艺品", "玉器", "工艺美术"), "C25": ("石化", "能源", "油品"),
    "C26": ("化工", "精细化工", "新材料"), "C27": ("医药", "生物医药"), "C29": ("塑料", "橡塑"), "C30": ("建材", "陶瓷"),
    "C33": ("五金", "金属制品"), "C34": ("机械", "装备制造"), "C35": ("专用设备", "机电设备"), "C36": ("汽车配件",),
    "C38": ("电气", "电器"), "C39": ("电子", "电子科技", "智能科技"), "C41": ("沉香", "工艺品", "手工艺"),
    "D44": ("电力", "新能源", "能源"), "E47": ("建筑", "建设"), "E48": ("建设工程", "市政工程", "路桥"),
    "E49": ("安装工程", "机电安装"), "E50": ("装饰工程", "建筑装饰"), "F51": ("贸易", "商贸"), "F52": ("商贸", "零售"),
    "G54": ("运输", "客运"), "G55": ("港口", "航运"), "G59": ("物流", "仓储", "供应链"), "I65": ("软件", "信息技术"),
    "O81": ("机电维修", "汽车维修"), "Q84": ("医疗", "健康管理", "康复医疗"),
}
FORMS = ("有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司")
POSITIONS = ("高级技师", "技师", "首席技师", "车间主任", "班组长", "工程师", "高级工程师", "技术员", "总工程师",
             "质检主管", "设备主管", "工艺员", "主任医师", "农艺师", "工艺美术师")
# Need phrases around a skill label: what SMEs write in 助企行 forms.
NEED_TEMPLATES = ("急需解决{s}难题", "希望提升{s}水平", "{s}环节不良率偏高", "{s}工艺有待改进", "缺少{s}方面的技术骨干",
                  "需要{s}技术指导", "{s}效率偏低", "希望开展{s}培训", "{s}质量不稳定", "计划引进{s}新工艺")
NEED_OPENERS = ("", "", "", "近期订单增加，", "为推进数字化转型，", "企业新上生产线，", "受成本压力影响，")
OUTCOMES = ("解决{s}问题，不良率下降{p}%", "开展{s}培训{n}人次", "完成{s}工艺改进，效率提升{p}%",
            "现场指导{s}，节约成本{n}万元", "协助攻关{s}难题，形成改进方案{k}项")
UNKNOWN_SPECIALTIES = ("沉香线香手工搓制", "化橘红古法炮制", "荔枝干柴火烘焙", "龙眼肉传统焙干", "罗非鱼苗孵化管理",
                       "高州木雕修复", "信宜竹编工艺", "电白咸鱼晾晒")


@dataclass
class SynthSummary:
    """What ``generate`` wrote: counts per table, files, and the evaluation hold-out."""

    out: str
    seed: int
    profile: str
    counts: dict[str, int] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    holdout_period: str = HOLDOUT_PERIOD
    holdout_engagements: int = 0
    engagements_by_quarter: dict[str, int] = field(default_factory=dict)
    truth: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- sampling helpers


class Weighted:
    """Draw items by weight in O(log n) (``random.choices`` recomputes the cumulative sums each call)."""

    def __init__(self, items: Sequence[Any], weights: Sequence[float]) -> None:
        if not items:
            raise ValueError("nothing to draw from")
        self.items = list(items)
        self.cum = list(accumulate(weights))
        self.total = self.cum[-1]

    def draw(self, rng: random.Random) -> Any:
        return self.items[min(bisect.bisect_right(self.cum, rng.random() * self.total), len(self.items) - 1)]

    def distinct(self, rng: random.Random, k: int) -> list[Any]:
        out: list[Any] = []
        for _ in range(k * 4):
            if len(out) >= min(k, len(self.items)):
                break
            x = self.draw(rng)
            if x not in out:
                out.append(x)
        return out


def zipf(n: int, s: float) -> list[float]:
    return [1.0 / (r + 1) ** s for r in range(n)]


def skewed_count(rng: random.Random, weights: Sequence[float]) -> int:
    """1 + index drawn by ``weights``: e.g. skills per person 1..5 with most people at 1-2."""
    x, acc = rng.random() * sum(weights), 0.0
    for i, w in enumerate(weights):
        acc += w
        if x < acc:
            return i + 1
    return len(weights)


def person_name(rng: random.Random, surnames: Weighted) -> str:
    return surnames.draw(rng) + "".join(rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.35 else 2))


_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code(rng: random.Random, region: str) -> str:
    """An 18-character unified social credit code with a valid GB 32100 check character."""
    body = "91" + region[:6] + "".join(rng.choice(_CREDIT_CHARS) for _ in range(9))
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(body, _CREDIT_WEIGHTS, strict=True))
    return body + _CREDIT_CHARS[(31 - total % 31) % 31]


def trade_name(i: int, seed: int) -> str:
    """A distinct trade name for every index (two characters for the first n², then three, then four):
    a bijection, so a million enterprises get unique names without remembering those already given."""
    n, offset = len(TRADE), 0
    for digits in (2, 3, 4, 5):
        space = n**digits
        if i < offset + space:
            x = ((i - offset) * _MULT + seed * 97) % space  # _MULT is coprime with n: a permutation
            chars = []
            for _ in range(digits):
                x, d = divmod(x, n)
                chars.append(TRADE[d])
            return "".join(chars)
        offset += space
    raise ValueError("too many enterprises for the trade-name space")


_MULT = 1_000_003  # a prime that divides no power of len(TRADE)


# ---------------------------------------------------------------- the world


@dataclass
class _Region:
    code: str
    name: str
    city: str  # the prefecture-level city's name, for enterprise names


@dataclass
class _Provider:
    id: str
    region: int
    skills: tuple[int, ...]
    industries: tuple[str, ...]


class _World:
    """The ontology's vocabularies arranged for drawing: skills by industry, honours by level."""

    def __init__(self, onto: Ontology, profile: Profile, rng: random.Random) -> None:
        regions = {c.id: c for c in onto.scheme("regions")}
        if profile.regions:
            codes, weights = [c for c, _ in profile.regions], [w for _, w in profile.regions]
        else:
            codes = sorted(c.notations[0] for c in regions.values()
                           if c.attr("regionLevel") == "county" and c.notations and c.notations[0][:2] == profile.province[:2])
            rng.shuffle(codes)
            weights = zipf(len(codes), 0.8)
        self.regions: list[_Region] = []
        for code in codes:
            c = onto.concept(onto.id_for("Place", code))
            city = next((regions[b].name for b in c.broader if b in regions), c.name)
            self.regions.append(_Region(code, c.name, city))
        self.region_draw = Weighted(range(len(self.regions)), weights)
        self.province = onto.concept(onto.id_for("Place", profile.province)).name

        industries = {c.local: c for c in onto.scheme("industries") if len(c.local) == 3}
        self.skills: list[Concept] = list(onto.scheme("skills"))
        by_industry: dict[str, list[int]] = {}
        for i, s in enumerate(self.skills):
            for ind in s.attrs.get("relatedIndustry", ()):
                by_industry.setdefault(ind, []).append(i)
        codes = [c for c in (profile.industries or sorted(industries)) if c in industries]
        if not profile.industries:
            codes = [c for c in codes if c in by_industry] or codes
            rng.shuffle(codes)
        self.industry_codes = codes
        self.industries = industries
        self.industry_draw = Weighted(codes, zipf(len(codes), profile.zipf))
        all_skills = list(range(len(self.skills)))
        self.skills_of: dict[str, Weighted] = {}
        for code in codes:
            pool = by_industry.get(code) or by_industry.get(code[0]) or all_skills
            if pool:
                self.skills_of[code] = Weighted(pool, zipf(len(pool), 0.6))

        honours = [h for h in onto.scheme("honours")
                   if "individual" in h.attrs.get("recipientKind", ("individual",))]
        level_weight = {"national": 0.02, "provincial": 0.10, "industry": 0.08, "municipal": 0.35, "county": 0.25,
                        "enterprise": 0.20}
        self.honour_draw = Weighted(honours, [level_weight.get(h.attr("honourLevel") or "", 0.05) for h in honours]) \
            if honours else None
        self.service_types = [c for c in onto.scheme("serviceTypes")] if "serviceTypes" in onto.concepts else []
        self.tiers = [c for c in onto.scheme("smeTiers")] if "smeTiers" in onto.concepts else []
        self.studio_levels = [c for c in onto.scheme("studioLevels")] if "studioLevels" in onto.concepts else []
        self.surnames = Weighted(SURNAMES, zipf(len(SURNAMES), 0.9))

    def region_cell(self, rng: random.Random, r: int) -> str:
        """A region as registers write it: mostly the name, sometimes the GB/T 2260 code."""
        return self.regions[r].code if rng.random() < 0.15 else self.regions[r].name

    def industry_cell(self, rng: random.Random, code: str) -> str:
        """The code, or sometimes the name as people write it -- but never a name holding a list
        separator (石油、煤炭及其他燃料加工业), which a register cell could not carry unquoted."""
        name = self.industries[code].name
        return name if rng.random() < 0.3 and not any(sep in name for sep in ";；、,，") else code

    def skill_form(self, rng: random.Random, i: int) -> str:
        s = self.skills[i]
        forms = [a for a in s.aliases if len(a) >= 2]
        return rng.choice(forms) if forms and rng.random() < 0.3 else s.name

    def honour_cells(self, rng: random.Random, region: _Region, k: int) -> list[str]:
        """``k`` distinct honours (by concept) as ``name:year`` cells."""
        if self.honour_draw is None:
            return []
        return [self.honour_cell(rng, h, region) for h in self.honour_draw.distinct(rng, k)]

    def honour_cell(self, rng: random.Random, h: Concept, region: _Region) -> str:
        label = h.name
        pattern = h.attr("labelPattern")
        if pattern:
            label = pattern.format(province=self.province, city=region.city, county=region.name, place=region.city)
        level = h.attr("honourLevel")
        lo = 1995 if level == "national" else 2005
        year = min(2024, lo + int((2024 - lo) * rng.random() ** 0.5))  # more recent years are commoner
        return f"{label}:{year}"


def _quarter(d: dt.date) -> str:
    return f"{d.year}Q{(d.month - 1) // 3 + 1}"


class _Csv:
    """One output table: a csv writer on an open file, with the header language and encoding chosen."""

    def __init__(self, out: Path, table: str, lang: str, encoding: str) -> None:
        self.path = out / f"{table}.csv"
        self.f = open(self.path, "w", encoding=encoding, newline="")
        self.w = csv.writer(self.f)
        self.w.writerow(HEADERS[table][lang])
        self.rows = 0

    def row(self, cells: list[Any]) -> None:
        self.w.writerow(cells)
        self.rows += 1

    def close(self) -> None:
        self.f.close()


def _ids(prefix: str, n: int) -> list[str]:
    width = max(4, len(str(n)))
    return [f"{prefix}{i + 1:0{width}d}" for i in range(n)]


def generate(
    craftsmen: int,
    enterprises: int,
    seed: int,
    out: Path,
    *,
    profile: str = "maoming",
    studios: int | None = None,
    teams: int | None = None,
    engagements: int | None = None,
    headers: str | dict[str, str] = "en",
    encodings: dict[str, str] | None = None,
    onto: Ontology | None = None,
) -> SynthSummary:
    """Write craftsmen, studios, teams, enterprises and engagements CSVs (and ``truth/``) into ``out``.

    ``studios``, ``teams`` and ``engagements`` default to craftsmen/5, craftsmen/15 and 1.5 per
    enterprise. ``headers`` is ``en`` or ``zh`` for every table or a dict per table;
    ``encodings`` names tables to write in another encoding than UTF-8 (e.g. ``gb18030``).
    The same arguments always write the same bytes.
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r} (known: {', '.join(PROFILES)})")
    if craftsmen < 1 or enterprises < 1:
        raise ValueError("need at least one craftsman and one enterprise")
    onto = onto or load_ontology()
    prof = PROFILES[profile]
    rng = random.Random(seed)
    world = _World(onto, prof, rng)
    n_studios = max(1, craftsmen // 5) if studios is None else studios
    n_teams = max(1, craftsmen // 15) if teams is None else teams
    n_eng = int(enterprises * 1.5) if engagements is None else engagements
    out = Path(out)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    langs = {t: (headers if isinstance(headers, str) else headers.get(t, "en")) for t in TABLES}
    encs = {t: (encodings or {}).get(t, "utf-8") for t in TABLES}
    summary = SynthSummary(out=str(out), seed=seed, profile=profile)

    # --- employers: the first enterprises of the register (larger firms, hospitals, power plants)
    n_employers = max(1, min(enterprises // 4, max(10, craftsmen // 8)))
    employers: list[tuple[str, str, int]] = []  # (name, industry, region)
    for i in range(n_employers):
        code, r = world.industry_draw.draw(rng), world.region_draw.draw(rng)
        employers.append((_enterprise_name(world, rng, i, seed, code, r), code, r))
    employer_draw = Weighted(range(n_employers), zipf(n_employers, 0.7))

    # --- craftsmen
    cids = _ids("C", craftsmen)
    providers: list[_Provider] = []
    people: list[str] = []
    f = _Csv(out, "craftsmen", langs["craftsmen"], encs["craftsmen"])
    for cid in cids:
        e = employers[employer_draw.draw(rng)]
        code = e[1] if rng.random() < 0.8 else world.industry_draw.draw(rng)
        r = e[2] if rng.random() < 0.85 else world.region_draw.draw(rng)
        skills = world.skills_of[code].distinct(rng, skewed_count(rng, (0.30, 0.30, 0.2, 0.12, 0.08)))
        skill_cells = [world.skill_form(rng, s) for s in skills]
        if rng.random() < 0.03:
            skill_cells.append(rng.choice(UNKNOWN_SPECIALTIES))
        inds = [code] + ([world.industry_draw.draw(rng)] if rng.random() < 0.2 else [])
        inds = list(dict.fromkeys(inds))
        honours = world.honour_cells(rng, world.regions[r], skewed_count(rng, (0.45, 0.3, 0.15, 0.1)) - 1)
        name = person_name(rng, world.surnames)
        people.append(name)
        f.row([cid, name, e[0], rng.choice(POSITIONS), ";".join(honours), "、".join(skill_cells) if rng.random() < 0.3
               else ";".join(skill_cells), ";".join(world.industry_cell(rng, c) for c in inds),
               world.region_cell(rng, r), 1 + min(3, int(rng.expovariate(0.9)))])
        providers.append(_Provider(cid, r, tuple(skills), tuple(inds)))
    f.close()
    summary.counts["craftsmen"], summary.files["craftsmen"] = f.rows, str(f.path)

    by_region: dict[int, list[int]] = {}
    by_region_industry: dict[tuple[int, str], list[int]] = {}
    by_industry: dict[str, list[int]] = {}
    for i, p in enumerate(providers):
        by_region.setdefault(p.region, []).append(i)
        by_region_industry.setdefault((p.region, p.industries[0]), []).append(i)
        by_industry.setdefault(p.industries[0], []).append(i)

    def colleagues(region: int, code: str, k: int, exclude: int = -1) -> list[int]:
        """Up to ``k`` craftsmen of the same region and industry, topped up from the region."""
        out: list[int] = []
        for pool in (by_region_industry.get((region, code), []), by_industry.get(code, []), by_region.get(region, [])):
            for m in rng.sample(pool, min(len(pool), k * 2)):
                if m != exclude and m not in out and len(out) < k:
                    out.append(m)
        return out

    # --- studios: led by a craftsman, members from the same region
    f = _Csv(out, "studios", langs["studios"], encs["studios"])
    levels = {c.local: c for c in world.studio_levels}
    level_draw = Weighted([x for x in ("national", "provincial", "municipal") if x in levels] or [""],
                          [w for x, w in (("national", 0.06), ("provincial", 0.3), ("municipal", 0.64)) if x in levels]
                          or [1.0])
    used_names: set[str] = set()  # studio and team names become ids: keep them distinct
    kinds = ("劳模创新工作室", "技能大师工作室", "工匠创新工作室", "职工创新工作室")
    studio_providers: list[_Provider] = []
    for sid in _ids("S", n_studios):
        li = rng.randrange(craftsmen)
        lead = providers[li]
        members = colleagues(lead.region, lead.industries[0], rng.randint(2, 6), exclude=li)
        related = set(world.skills_of[lead.industries[0]].items)
        skills = list(dict.fromkeys([*lead.skills, *(s for m in members for s in providers[m].skills if s in related)]))[:6]
        lvl = level_draw.draw(rng)
        level_cell = (levels[lvl].name if rng.random() < 0.5 else lvl) if lvl else ""
        host = employers[employer_draw.draw(rng)][0]
        name = _unique(f"{people[li]}{kinds[rng.randrange(len(kinds))]}", used_names)
        f.row([sid, name, level_cell, lead.id, host, ";".join(world.skills[s].name for s in skills),
               ";".join(lead.industries), world.region_cell(rng, lead.region), ";".join(providers[m].id for m in members)])
        studio_providers.append(_Provider(sid, lead.region, tuple(skills), lead.industries))
    f.close()
    summary.counts["studios"], summary.files["studios"] = f.rows, str(f.path)

    # --- technical service teams: per region and industry, organised by a trade union
    f = _Csv(out, "teams", langs["teams"], encs["teams"])
    team_providers: list[_Provider] = []
    for tid in _ids("T", n_teams):
        r = world.region_draw.draw(rng)
        code = world.industry_draw.draw(rng)
        chosen = colleagues(r, code, rng.randint(4, 12)) or [rng.randrange(craftsmen)]
        lead, members = chosen[0], chosen[1:]
        skills = tuple(dict.fromkeys(s for m in chosen for s in providers[m].skills))[:10]
        region = world.regions[r]
        organiser = f"{region.name}总工会" if rng.random() < 0.6 else f"{region.city}总工会"
        name = _unique(f"{region.name}{_trade_word(world, rng, code)}劳模工匠技术服务队", used_names)
        f.row([tid, name, providers[lead].id, ";".join(providers[m].id for m in members), world.industry_cell(rng, code),
               world.region_cell(rng, r), organiser])
        team_providers.append(_Provider(tid, r, skills, (code,)))
    f.close()
    summary.counts["teams"], summary.files["teams"] = f.rows, str(f.path)

    # --- indexes for engagement fit: skill -> providers, (region, skill) -> providers
    all_providers = providers + studio_providers + team_providers
    kind_weight = [1.0] * len(providers) + [2.5] * len(studio_providers) + [4.0] * len(team_providers)
    by_skill: dict[int, list[int]] = {}
    by_region_skill: dict[tuple[int, int], list[int]] = {}
    for i, p in enumerate(all_providers):
        for s in p.skills:
            by_skill.setdefault(s, []).append(i)
            by_region_skill.setdefault((p.region, s), []).append(i)
    any_provider = Weighted(range(len(all_providers)), kind_weight)

    # --- enterprises and engagements, streamed together
    fe = _Csv(out, "enterprises", langs["enterprises"], encs["enterprises"])
    fg = _Csv(out, "engagements", langs["engagements"], encs["engagements"])
    truth_path = out / "truth" / "needs.csv"
    ft = open(truth_path, "w", encoding="utf-8", newline="")
    tw = csv.writer(ft)
    tw.writerow(["enterprise", "skills", "region", "industries"])
    tiers = {c.local: c for c in world.tiers}
    tier_draw = Weighted(["", "innovative", "specialised", "little_giant"], [0.6, 0.28, 0.1, 0.02])
    size_draw = Weighted(["微", "小", "中", "大"], [0.4, 0.4, 0.15, 0.05])
    st_draw = Weighted(world.service_types, zipf(len(world.service_types), 1.0)) if world.service_types else None
    days = (DATE_LAST - DATE_FIRST).days + 1
    quarters: dict[str, int] = {}
    remaining = n_eng
    width = max(4, len(str(enterprises)))
    for i in range(enterprises):
        eid = f"E{i + 1:0{width}d}"
        if i < n_employers:
            name, code, r = employers[i]
            size = rng.choice("大中")
        else:
            code, r = world.industry_draw.draw(rng), world.region_draw.draw(rng)
            name = _enterprise_name(world, rng, i, seed, code, r)
            size = size_draw.draw(rng)
        inds = list(dict.fromkeys([code] + ([world.industry_draw.draw(rng)] if rng.random() < 0.15 else [])))
        needed = world.skills_of[code].distinct(rng, skewed_count(rng, (0.45, 0.35, 0.2)))
        has_needs = bool(needed) and (i >= n_employers or rng.random() < 0.5)
        needs = _needs_text(world, rng, needed) if has_needs else ""
        tier = tier_draw.draw(rng)
        tier_cell = (tiers[tier].name if rng.random() < 0.5 else tier) if tier in tiers else ""
        sts = st_draw.distinct(rng, skewed_count(rng, (0.6, 0.3, 0.1))) if st_draw and has_needs else []
        fe.row([eid, name, credit_code(rng, world.regions[r].code) if rng.random() < 0.7 else "",
                ";".join(world.industry_cell(rng, c) for c in inds), tier_cell, world.region_cell(rng, r), size, needs,
                ";".join(c.name for c in sts)])
        tw.writerow([eid, ";".join(world.skills[s].id for s in needed) if has_needs else "", world.regions[r].code,
                     ";".join(inds)])
        # engagements: the remaining quota spread over the remaining enterprises
        left = enterprises - i
        k = remaining if left == 1 else _poisson(rng, remaining / left) if has_needs or rng.random() < 0.2 else 0
        k = min(k, remaining)
        remaining -= k
        for _ in range(k):
            p = _pick_provider(rng, all_providers, any_provider, by_skill, by_region_skill, r, needed)
            d = DATE_FIRST + dt.timedelta(days=int(days * rng.random() ** 0.85))
            quarters[_quarter(d)] = quarters.get(_quarter(d), 0) + 1
            st = (st_draw.draw(rng).name if st_draw else "")
            s = world.skills[needed[0]].name if needed else "生产"
            outcome = OUTCOMES[rng.randrange(len(OUTCOMES))].format(s=s, p=rng.randint(5, 40), n=rng.randint(5, 80),
                                                                    k=rng.randint(1, 5))
            fg.row([all_providers[p].id, eid, d.isoformat(), st, outcome])
    fe.close()
    fg.close()
    ft.close()
    summary.counts["enterprises"], summary.files["enterprises"] = fe.rows, str(fe.path)
    summary.counts["engagements"], summary.files["engagements"] = fg.rows, str(fg.path)
    summary.engagements_by_quarter = dict(sorted(quarters.items()))
    summary.holdout_engagements = quarters.get(HOLDOUT_PERIOD, 0)
    summary.truth = {"needs": str(truth_path)}
    (out / "truth" / "synth.json").write_text(summary.to_json(), encoding="utf-8")
    return summary


def _trade_word(world: _World, rng: random.Random, code: str) -> str:
    words = NAME_WORDS.get(code)
    if words:
        return words[rng.randrange(len(words))]
    ind = world.industries[code]
    for form in (ind.name, *ind.aliases):
        w = form.removesuffix("业").removesuffix("制造").removesuffix("加工")
        if 2 <= len(w) <= 4 and "其他" not in w and "、" not in w and "和" not in w:
            return w
    return "实业"


def _enterprise_name(world: _World, rng: random.Random, i: int, seed: int, code: str, r: int) -> str:
    region = world.regions[r]
    place = region.city if rng.random() < 0.6 else region.name
    return f"{place}{trade_name(i, seed)}{_trade_word(world, rng, code)}{FORMS[rng.randrange(len(FORMS))]}"


def _unique(name: str, used: set[str]) -> str:
    """``name``, or ``name（二）``, ``name（三）``… when it was given already."""
    n, out = 1, name
    while out in used:
        n += 1
        out = f"{name}（{n}）"
    used.add(out)
    return out


def _needs_text(world: _World, rng: random.Random, skills: list[int]) -> str:
    parts = [NEED_TEMPLATES[rng.randrange(len(NEED_TEMPLATES))].format(s=world.skill_form(rng, s)) for s in skills]
    return NEED_OPENERS[rng.randrange(len(NEED_OPENERS))] + "，".join(parts) + "。"


def _poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(rng.gauss(lam, lam ** 0.5) + 0.5))
    import math

    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _pick_provider(rng: random.Random, providers: list[_Provider], any_provider: Weighted,
                   by_skill: dict[int, list[int]], by_region_skill: dict[tuple[int, int], list[int]],
                   region: int, needed: list[int]) -> int:
    """Mostly a provider with a needed skill in the same region, else anywhere; 15% noise."""
    x = rng.random()
    if needed and x < 0.85:
        s = needed[rng.randrange(len(needed))]
        local = by_region_skill.get((region, s))
        if local and x < 0.65:
            return local[rng.randrange(len(local))]
        anywhere = by_skill.get(s)
        if anywhere:
            return anywhere[rng.randrange(len(anywhere))]
    return any_provider.draw(rng)


__all__ = ["HEADERS", "HOLDOUT_PERIOD", "PROFILES", "Profile", "SynthSummary", "generate"]
