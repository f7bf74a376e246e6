"""Where a name that ends in a known head (…有限公司, …座谈会) starts.

Chinese has no spaces, so the left edge of an organisation or event name is found by
walking back from its head over a short window: the name stops at punctuation, and at the
last verb, preposition or function word (tokenised with jieba's dictionary on that small
window only, so 华为 is never split into a stray 为).
"""

from __future__ import annotations

import re
from functools import cache

from labourkg.extract.gazetteer import jieba_dict
from labourkg.extract.grammar import HONOUR_HEADS, LEADING_MODIFIERS, LEFT_STOPS

_HARD = set(",.;:!?、\n《》[]【】 ，。；：！？|/*—")  # — : a subtitle's dash (——记某某)
_STOP_TAGS_ORG = {"p", "c", "u", "r", "d", "t", "m", "y", "e", "o", "v", "q", "f"}
_STOP_TAGS_EVENT = {"p", "c", "u", "r", "d", "y", "e", "o", "f"}
# verbs that are common inside organisation names (创意产业园, 装备股份, 投资发展部)
_NAME_VERBS = set("""
创意 装备 投资 发展 建设 制造 服务 创新 设计 加工 管理 运输 开发 研究 检测 维修 印刷 包装 养殖 种植 铸造 锻造 焊接
经营 销售 贸易 物流 咨询 培训 教育 保障 改革 监督 信息化 宣讲 活动 交流 传承 保护 鉴定 检验 勘探 勘察 监测 开采 冶炼
纺织 陶瓷 雕刻 酿造 加固 安装 装饰 装修 展览 营造 供应 联合 合作 发电 供电 供水 燃气 运营 孵化 创业 科创 智造 电白
现代 当代
""".split())


# words that may sit inside an event or campaign name although they stop an organisation name
_EVENT_INTERNAL = set("""
学习 贯彻 落实 推进 建设 创建 表彰 评选 推动 提升 工作 促进 实现 坚持 加强 强化 完善 优化 提高 服务 支持 鼓励 引导
培育 打造 新建 设立 命名 认定 推荐 宣读 表扬 共同 持续 助力 帮扶 联合 合作 携手 选树 深入 全面 进一步 代表 成立
""".split())


# function words that end a name even right after a place (广州为某公司…, 深圳的某公司)
_CORE_FUNCTION = set("为在到和与及的了对向是由将从给把被等于至并也都又让使其该本此这那各有还仍曾率")
_ORDINAL = re.compile(r"第[一二三四五六七八九十\d]{1,3}")
_STRONG_VERBS = {"参与", "开展", "举办", "举行", "召开", "参加", "出席", "部署", "启动", "会同", "联合", "参观", "走进", "成立", "组织", "发挥"}
_LEADING_ADVERBS = ("进一步", "推进", "推动", "深入", "持续", "全面", "积极", "大力", "认真", "扎实", "广泛", "全党", "会同")


@cache
def _tokenise(window: str) -> tuple[str, ...]:
    import jieba

    jieba.setLogLevel(60)
    return tuple(jieba.lcut(window, HMM=False))


def _nounish(tok: str) -> bool:
    info = jieba_dict().get(tok)
    return bool(info and info[1][:1] == "n" or info and info[1] == "vn")


def _conjunct(tok: str) -> bool:
    """A noun (or a title such as 劳动模范 / 先进工作者) that can be coordinated inside a name."""
    return _nounish(tok) or any(tok.endswith(h) for h in HONOUR_HEADS if len(h) >= 3)


def left_start(text: str, head_start: int, lo: int, *, kind: str = "org", maxlen: int = 24,
               gaps: dict[int, str] | None = None) -> int:
    """Start of the name whose head begins at ``head_start`` (never before ``lo``).
    A wide gap left by removed whitespace (a list column) is a hard boundary."""
    lo = max(lo, head_start - maxlen)
    if gaps:
        for p in range(head_start - 1, lo, -1):
            if gaps.get(p) == "w" or (kind == "org" and gaps.get(p) in (" ", "\n") and _after_name_cell(text, p, gaps)):
                lo = p
                break
    i = head_start
    while i > lo:
        ch = text[i - 1]
        if ch == ")":
            j = text.rfind("(", lo, i - 1)
            if j >= 0 and i - 1 - j <= 8:
                i = j
                continue
            break
        if ch in _HARD or ch == "(" or (ch == "讯" and text[i - 2 : i - 1] in ("报", "网", "台")):
            break
        if kind == "org" and ch in "“”\"":
            break
        i -= 1
    if text[i - 1 : i] == "—" and text[i : i + 1] == "记" and i + 1 <= head_start:
        i += 1  # ——记某某公司首席技师张三: the subtitle's 记 (a portrait of) opens no name
    if i == head_start:
        return i
    stop_tags = _STOP_TAGS_ORG if kind == "org" else _STOP_TAGS_EVENT
    words = jieba_dict()
    pos = i
    start = i
    toks = _tokenise(text[i:head_start])
    placed = False  # a place opened the name (天津…) and only single characters or nouns followed it
    for k, tok in enumerate(toks):
        end = pos + len(tok)
        last = k == len(toks) - 1
        tag = words.get(tok, (0, ""))[1]
        placed = tag == "ns" or (placed and (len(tok) == 1 or tag[:1] == "n"))
        if kind == "org" and ((last and tok in _NAME_VERBS) or _ORDINAL.fullmatch(tok)):
            # 农机服务有限公司, 第一人民医院: a business word right before the head, an ordinal
            pass
        elif len(tok) > 2 and (tok[-2:] in _STRONG_VERBS or (tok[-2:] in LEFT_STOPS and kind == "org")):
            start = end
        elif kind != "org" and tok in ("和", "与", "及") and 0 < k < len(toks) - 1 and _conjunct(toks[k - 1]) \
                and (_conjunct(toks[k + 1]) or _conjunct("".join(toks[k + 1 : k + 3]))) \
                and start < pos - len(toks[k - 1]) + 1:
            pass  # 劳模和工匠人才创新工作室授牌仪式: nouns coordinated inside the name
        elif kind == "org" and len(tok) == 1 and k < len(toks) - 1 and placed and (
                tok not in _CORE_FUNCTION or (k > 1 and len(toks[k - 1]) == 1 and len(toks[k - 2]) >= 2
                                            and words.get(toks[k - 2], (0, ""))[1] == "ns")):
            # 某市经华机床厂, 北京同仁堂: after a place, a character that is a preposition elsewhere is in the
            # trade name, and so is a function character after the trade name's first one (信宜市玉都石材)
            pass  # 某市经华机床厂, 北京同仁堂: after a place, a character that is a preposition elsewhere is in the trade name
        elif tok in LEFT_STOPS and not (kind != "org" and tok in _EVENT_INTERNAL):
            start = end
        elif (len(tok) > 1 and tok in words and words[tok][1] in stop_tags and tok not in _NAME_VERBS
              and not (words[tok][1] == "f" and tok[0] in "东南西北")  # 南岸街道, 西区: part of a place
              and (words[tok][1] != "v" or words[tok][0] >= 2000)):
            if not (kind != "org" and (tok[0].isdigit() or tok in ("首届", "第", "届"))):
                # a time/number word opening an event name (2024年, 首届) stays in it
                start = end
        elif kind != "org" and tok.isdigit() and k + 1 < len(toks) and toks[k + 1] == "年":
            pass
        pos = end
    if kind != "org":
        again = True
        while again:
            again = False
            for adv in _LEADING_ADVERBS:
                if text.startswith(adv, start) and head_start - start > len(adv) + 2:
                    start += len(adv)
                    again = True
    return start


def _after_name_cell(text: str, p: int, gaps: dict[int, str]) -> bool:
    """A table row '某某有限公司 张三 某某工厂 李四': the gap at ``p`` follows a cell that is a
    personal name standing between two gaps, so the name to the right starts a new cell."""
    from labourkg.extract.names import read_name

    for n in (2, 3, 4):
        q = p - n
        if q > 0 and gaps.get(q) in (" ", "w") and not any(k in gaps for k in range(q + 1, p)) \
                and read_name(text, q, gaps, listed=True) == n:  # 华 锐 重 工: letter-spaced OCR is no cell
            return True
    return False


def strip_modifiers(text: str, start: int, end: int) -> int:
    """Skip leading modifiers (各, 全市, 优秀 …) that are not part of a name."""
    changed = True
    while changed:
        changed = False
        for m in LEADING_MODIFIERS:
            if text.startswith(m, start) and end - start > len(m) + 1:
                start += len(m)
                changed = True
    return start
