"""A surname-aware model of Chinese personal names.

jieba's ``nr`` tag is unreliable on news prose (it tags 弘扬 and 光荣 as names), so names
are only read where a cue says one starts (after a post, a byline, before a studio), and
this module decides how long it is: a known surname (single or compound) plus one or two
given-name characters. The choice between two and three characters looks at what follows
(cue verbs, function words, punctuation, soft word boundaries left by removed OCR spaces)
and rejects ordinary words that happen to start with a surname character.
"""

from __future__ import annotations

import re

from labourkg.extract.gazetteer import is_common_word
from labourkg.extract.grammar import FOLLOW_STRONG, FOLLOW_WEAK, NON_GIVEN, alt, surnames
from labourkg.text import is_cjk

_STRONG = re.compile(alt(FOLLOW_STRONG))
_WEAK = set(FOLLOW_WEAK)

# Two-character words that start with a surname character but are not names.
_NOT_NAMES = set("""
全国 全市 全省 全体 全面 高度 高质 高新 高级 高技 江门 黄金 王牌 张力 李子 周年 周边 马上 朱红 胡同 郭外 何时 林业 罗列
郑重 梁柱 谢意 宋体 唐装 许多 韩国 冯河 邓小 曹操 彭湃 曾经 肖像 田间 董事 袁隆 潘多 于是 蒋介 蔡氏 余下 杜绝 叶子 程序
苏醒 魏晋 吕剧 丁当 任务 任何 沈阳 姚明 卢布 姜汁 崔嵬 钟表 谭嗣 陆续 汪洋 范围 金属 石化 石油 廖化 贾宝 夏季 韦伯 付出
方面 方式 方向 白天 邹忆 孟子 熊猫 秦朝 邱吉 江南 尹天 薛定 闫王 段落 雷锋 侯爷 龙头 史上 陶瓷 黎明 贺词 顾问 毛泽 郝思
龚自 邵雍 万名 万元 钱财 严格 覃塘 武装 戴帽 莫过 孔子 向前 向上 汤圆 常态 常委 温暖 康复 施工 文化 文明 牛奶 樊笼 葛优
邢台 安全 安排 齐心 易于 乔木 伍子 庞大 颜色 倪匡 庄严 聂荣 章程 鲁迅 岳父 翟志 殷切 詹天 申报 欧洲 耿直 关于 关心 关注
兰花 焦点 俞伯 左右 柳树 甘肃 祝贺 包括 宁可 尚未 符合 舒适 阮籍 柯南 纪念 纪律 梅花 童年 凌晨 毕业 单位 季度 裴秀 霍去
涂料 成为 成立 成果 成员 成效 成绩 苗木 谷物 盛大 曲折 翁同 冉冉 骆驼 蓝图 路线 游戏 辛苦 靳东 管理 柴油 蒙古 鲍鱼 华南
华为 喻意 祁连 蒲公 房屋 滕王 屈原 饶恕 解决 牟取 艾滋 尤其 阳光 时间 时代 穆斯 农民 农业 司法 卓越 古代 吉祥 缪斯 简单
车间 项目 连续 芦苇 麦子 褚遂 娄底 窦娥 戚继 岑参 景区 党员 党委 党建 党的 宫殿 费用 卜算 冷静 晏殊 席位 卫生 米饭 柏林
宗旨 瞿秋 桂林 全部 佟麟 应当 应该 臧否 闵行 苟且 邬达 边境 卞之 姬妾 师傅 师生 和谐 仇恨 栾树 隋朝 商业 商务 刁难 沙漠
荣获 荣誉 巫山 寇准 桑蚕 郎中 甄嬛 丛林 仲裁 虞美 敖包 巩固 明确 明显 佘山 池塘 查看 麻烦 苑囿 迟到 邝露 官方 封闭 谈话
匡正 鞠躬 惠州 荆州 乐于 冀望 郁闷 胥吏 南方 班组 储备 原则 栗子 燕子 楚国 鄢陵 劳动 劳模 谌容 奚落 皮肤 粟米 冼星 蔺相
楼宇 盘点 满意 闻名 位于 厉行 伊始 海洋 阚泽 花园 权益 强化 强调 帅气 屠呦 豆腐 朴素 盖章 练兵 廉洁 禹州 井冈 祖国 漆器
巴蜀 丰富 支持 卿卿 国家 国际 狄仁 平台 计划 索取 宣传 宣讲 晋升 相关 初心 门口 云南 容易 敬业 来自 扈从 晁盖 芮城 都是
普遍 阙如 浦东 戈壁 伏案 鹿鸣 薄弱 邸报 雍正 辜负 羊城 阿姨 乌鲁 母亲 裘皮 修建 邰丽 赫然 杭州 况且 那里 宿舍 鲜明 印发
逯家 隆重 茹毛 诸多 战略 慕名 危险 玉器 银行 亢奋 嵇康 公司 公共 公开 哈尔 湛江 宾馆 戎装 勾画 茅台 利用 於是 呼吁 居民
揭牌 干部 但是 尉迟 冶金 斯里 元旦 束缚 檀香 衣服 信息 信宜 展示 阴影 昝县 智能 幸福 奉献 植树 衡量 富有 尧舜 闭幕 由于
区域 上海 代表 主任 通过 管理 杨梅 高州 化州 江西 江苏 石家 宜宾 余姚
""".split())


_BYLINE_CHARS = set("图文摄报编审校")
_GIVEN_VERBS = set("来")  # function characters that are also frequent last characters of given names


def _is_cjk_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and is_cjk(text[i])


def _boundary(text: str, i: int, gaps: dict[int, str]) -> bool:
    """A name may end before position ``i``: end of text, non-CJK, or a removed space."""
    return not _is_cjk_at(text, i) or gaps.get(i) in (" ", "w")


def surname_at(text: str, i: int) -> int:
    """Length of the surname starting at ``i`` (2 compound, 1 single, 0 none)."""
    single, compound = surnames()
    if text[i : i + 2] in compound:
        return 2
    return 1 if i < len(text) and text[i] in single else 0


def read_name(text: str, i: int, gaps: dict[int, str] | None = None, *, strict: bool = False,
              listed: bool = False) -> int:
    """Length of the personal name starting at ``i`` (0 when there is none).

    ``strict`` (names found without a post or byline in front) also requires the name to end
    at a clear boundary, so ordinary words at a clause start are not taken for names.
    ``listed`` (a roster column, an item after another name): a three-character name that ends
    at a clear boundary is taken even when its first two characters make a word (黄海涛, 吴国栋).
    """
    gaps = gaps or {}
    s = surname_at(text, i)
    if not s:
        return 0
    g = i + s
    if not _is_cjk_at(text, g) or (text[g] in NON_GIVEN and not _month_given(text, i, g)):
        return 0
    n = _given_length(text, g, gaps)
    if text[g] == "月" and n != 2:
        return 0
    if n == 0:
        return 0
    name = text[i : g + n]
    if name in _NOT_NAMES or (n == 1 and is_common_word(name)) or (n == 2 and is_common_word(name, min_freq=20)):
        if n == 2 and text[i : g + 1] not in _NOT_NAMES and not is_common_word(text[i : g + 1]):
            n = 1
            name = text[i : g + 1]
        else:
            return 0
    if n == 2 and s == 1 and is_common_word(text[i : i + 2], min_freq=100) and not (
            listed and (_boundary(text, g + n, gaps) or _STRONG.match(text, g + n) or text[g + n] in "、和与及")):
        return 0
    # 廖 文 娟: a name spelt out character by character is one unit whatever follows it
    spaced = n == 2 and all(gaps.get(k) in (" ", "\n") for k in (g, g + 1))
    if strict and not (spaced or _boundary(text, g + n, gaps) or _STRONG.match(text, g + n) or text[g + n] in _WEAK):
        return 0
    return s + n


def _month_given(text: str, i: int, g: int) -> bool:
    """月 opens a given name (谭月芬, 秦月华) though it is a function character elsewhere: only with a
    second given character after it, and never in a month word starting with a surname (元月, 明月)."""
    return (text[g] == "月" and _is_cjk_at(text, g + 1) and text[g + 1] not in NON_GIVEN
            and text[g + 1] not in "份底初中末"
            and not is_common_word(text[i : g + 1]))


def _split_last(text: str, g: int, gaps: dict[int, str]) -> bool:
    """``张国 强 5月``: the last given-name character split off by an OCR space or wrap and left
    standing alone (a gap or a non-CJK character after it too), so it belongs to no other word."""
    if gaps.get(g + 1) not in (" ", "\n") or not _is_cjk_at(text, g + 1) or not _is_cjk_at(text, g):
        return False
    c = text[g + 1]
    if c in NON_GIVEN or c in _WEAK or c in _BYLINE_CHARS or _STRONG.match(text, g + 1):
        return False
    after = g + 2
    if after < len(text) and (text[after] == "/" or (_is_cjk_at(text, after) and gaps.get(after) != " ")):
        return False
    return text[g] not in NON_GIVEN


def _given_length(text: str, g: int, gaps: dict[int, str]) -> int:
    """One or two given-name characters after the surname ending at ``g``.

    A name whose own characters are spaced out (``张 国 强``, OCR letter-spacing or a wrap after
    the surname) gives no word boundary by its spaces: only wide gaps and punctuation count."""
    if gaps.get(g) in (" ", "\n"):
        gaps = {k: "w" for k in range(g, g + 4) if gaps.get(k) == "w"}
    elif _split_last(text, g, gaps):
        return 2
    if _boundary(text, g + 1, gaps) or _STRONG.match(text, g + 1):
        return 1
    c2 = text[g + 1]
    if c2 in _GIVEN_VERBS and (_boundary(text, g + 2, gaps) or _STRONG.match(text, g + 2)):
        return 2  # 王春来分别获评: 来 ends a name (春来, 福来) when a cue or a boundary follows it
    if c2 in NON_GIVEN:
        return 1
    if _boundary(text, g + 2, gaps) or _STRONG.match(text, g + 2) or text[g + 2] in _WEAK:
        return 2
    if c2 in _WEAK:
        return 1
    if is_common_word(text[g + 1 : g + 3], min_freq=200):
        return 1
    return 2
