"""People, found from cues rather than from a POS tagger.

A name is read (with :mod:`labourkg.extract.names`) only where something says one starts:
after a post or title (市委书记、市长林志远; 焊接培训师杜文涛), after an honour
(全国劳模赵国栋), in a byline (记者周敏), in a list sharing one title (市领导王立、何静),
before a post-name title (某某总书记), at a clause start before a cue verb (张三荣获…),
or at the start of a line of a name list. Every later occurrence of a name found this way
is a mention too.
"""

from __future__ import annotations

import re

from labourkg.extract.gazetteer import is_common_word
from labourkg.extract.grammar import (
    BYLINE,
    GENERIC_LEADERS,
    POST_PREFIX,
    POSTS,
    RECEIVE_FILLER,
    SUBJECT_CUES,
    WEAK_POSTS,
    alt,
)
from labourkg.extract.model import Doc, Mention
from labourkg.extract.names import read_name, surname_at

_POST_RE = re.compile(f"(?:{alt(POST_PREFIX)})?(?:{alt(POSTS + GENERIC_LEADERS)})")
_WEAK_RE = re.compile(f"(?:{alt(WEAK_POSTS)})")
_BYLINE_RE = re.compile(f"(?:{alt(BYLINE)})")
_AFTER_TITLE = re.compile(r"总书记|同志|院士")
_SUBJECT_RE = re.compile(f"{RECEIVE_FILLER}(?:{alt(SUBJECT_CUES)})")
_POST_AT_END = re.compile(f"(?:{alt(POSTS)})$")
_COUNTED = re.compile(r"(等)?(?:\d+|[一二两三四五六七八九十百]+)(?:名|位|人)")
_IS_HONOUR = re.compile(r"(?:也|还|同时)?是(?:一名|一位|首批)?[“\"]?$")
_CLAUSE_START = set(",。;:!?、\n()“”\"")


def _person(doc: Doc, start: int, end: int, how: str) -> Mention:
    name = doc.text[start:end]
    return Mention(start, end, "Person", name, name, how=how)


def find_people(doc: Doc, cue_ends: list[int], known: set[str] | None = None,
                unit_ends: set[int] | None = None, honour_starts: list[int] | None = None) -> list[Mention]:
    """Person mentions. ``cue_ends`` are extra positions where a name may start (ends of honours);
    ``known`` are names found by other steps (studio leaders), whose other occurrences are mentions too;
    ``unit_ends`` are ends of organisation names (a roster line '单位 姓名' names a person after one);
    ``honour_starts`` are starts of honours (a clause '张三是全国技术能手' names its subject)."""
    text, gaps = doc.text, doc.norm.gaps
    found: dict[int, Mention] = {}

    def take(i: int, how: str, strict: bool = False, listed: bool = False) -> Mention | None:
        if i in found:
            return found[i]
        n = read_name(text, i, gaps, strict=strict, listed=listed)
        if not n:
            return None
        m = _person(doc, i, i + n, how)
        found[i] = m
        # a list sharing the title: 王立、何静、许成
        j = i + n
        while j < len(text) and text[j] in "、和及与":
            # 王立、何静; 欧某和梁某担任…: after 和/及/与 the name must end at a clear boundary
            k = read_name(text, j + 1, gaps, strict=text[j] != "、", listed=True)
            if not k or (j + 1) in found:
                break
            found[j + 1] = _person(doc, j + 1, j + 1 + k, "list")
            j = j + 1 + k
        return m

    for m in _POST_RE.finditer(text):
        if is_common_word(text[m.end() - 1 : m.end() + 1], min_freq=1000):
            continue  # 机电工程有限公司: the post word (电工) is the start of another word (工程)
        if text.startswith("由", m.end()):
            continue  # 队长由某某担任: 由 is the preposition, not the surname
        if _POST_RE.match(text, m.end() + 1):
            continue  # 铣工班班长: the character after the post starts another post, it is no surname
        take(m.end(), "post")
    for m in _WEAK_RE.finditer(text):
        take(m.end(), "post", strict=True)
    for e in cue_ends:
        take(e, "honour", strict=True)
    for m in _BYLINE_RE.finditer(text):
        take(m.end(), "byline")
    for m in _AFTER_TITLE.finditer(text):
        for k in (3, 2, 4):
            i = m.start() - k
            if i >= 0 and surname_at(text, i) and read_name(text, i, gaps) == k:
                take(i, "title-after")
                break
    for m in _SUBJECT_RE.finditer(text):
        for k in (3, 2, 4):
            i = m.start() - k
            if i >= 0 and (i == 0 or text[i - 1] in _CLAUSE_START) and read_name(text, i, gaps, strict=True) == k:
                take(i, "subject")
                break
    # ；李强是“某省工匠”，…: a name opening a clause whose predicate is an honour (是, 也是, 还是)
    for h in honour_starts or ():
        m = _IS_HONOUR.search(text, max(0, h - 8), h)
        if m is None:
            continue
        for k in (3, 2, 4):
            i = m.start() - k
            if i >= 0 and (i == 0 or text[i - 1] in _CLAUSE_START) and read_name(text, i, gaps, strict=True) == k:
                take(i, "subject")
                break
    # 姓名（单位职务）, 姓名（女，…）: a name right before a bracket that gives a post or a gender
    for m in re.finditer(r"\(([^()\n]{2,60})\)", text):
        inner = m.group(1)
        if not (inner[:2] in ("女,", "男,", "女、", "男、") or _POST_AT_END.search(inner)):
            continue
        for k in (3, 2, 4):
            i = m.start() - k
            if i >= 0 and read_name(text, i, gaps) == k and (i == 0 or not _surname_run(text, i)):
                take(i, "bracket")
                break
    # …解决了液压系统异响难题。（刘海）: the writer of a news brief, in brackets after its last sentence
    for m in re.finditer(r"(?<=[。!?”])\(([^()\n]{2,4})\)(?=\n|$)", text):
        if read_name(text, m.start(1), gaps) == len(m.group(1)):
            take(m.start(1), "byline")
    # 张三、李四、王五等10名…: a list closed by a count of people
    for m in _COUNTED.finditer(text):
        end = m.start()
        starts: list[int] = []
        while True:
            for k in (3, 2, 4):
                i = end - k
                if i >= 0 and read_name(text, i, gaps) == k and (i == 0 or text[i - 1] in "、,:(“为予和与及了向给对"
                                                                 or read_name(text, i - 1) == 0):
                    starts.append(i)
                    break
            else:
                break
            if text[starts[-1] - 1 : starts[-1]] != "、":
                break
            end = starts[-1] - 1
        if not m.group(1) and len(starts) < 2:
            continue  # without 等 the count closes a full list: 张三、李四2名同志
        if starts and (starts[-1] == 0 or text[starts[-1] - 1] in "、,:(“为予和与及了向给对" or len(starts) > 1):
            for i in starts:
                take(i, "counted")
    # lines of a name list: a name alone, or followed by a wide gap or a bracket
    for m in re.finditer(r"(?:^|\n)", text):
        i = m.end()
        n = read_name(text, i, gaps)
        if n and (i + n >= len(text) or text[i + n] in "\n(、" or gaps.get(i + n) == "w"):
            take(i, "list-line")
        elif (n := read_name(text, i, gaps, listed=True)) and _roster_cell(text, i + n, gaps):
            take(i, "list-line", listed=True)  # 周家明 高州市某局: a roster name even when 周家 is a word
    # 第一名由某某有限公司张三获得 / 一等奖为某某厂李四: a result naming the winner by unit and name
    for e in unit_ends or ():
        if re.search(r"(?:由|为)[^,。;由为]{4,30}$", text[max(0, e - 32) : e]):
            n = read_name(text, e, gaps, strict=True)
            if n and re.match(r"获得|获|夺得|摘得|[,;。]", text[e + n : e + n + 2]):
                take(e, "result")
    # the last column of a table row: 某某中心　　清洁工　　张三; a roster line 某某有限公司 张三
    for i, g in gaps.items():
        if (g == "w" or g == " " and i in (unit_ends or ())) and i < len(text):
            n = read_name(text, i, gaps, listed=True)
            # 某某有限公司 张三 某某厂 李四: a name cell may also end at the gap before the next unit
            if n and (i + n >= len(text) or text[i + n] == "\n" or g == " " and gaps.get(i + n) in (" ", "w", "\n")):
                take(i, "list-line", listed=True)
    # names found once are mentions wherever they occur
    names = {m.name for m in found.values()} | (known or set())
    if names:
        for m in re.finditer(alt(names), text):
            if m.start() not in found and not _inside(found, m.start(), m.end()):
                found[m.start()] = _person(doc, m.start(), m.end(), "repeat")
    return sorted(found.values(), key=lambda m: m.start)


def _roster_cell(text: str, k: int, gaps: dict[int, str]) -> bool:
    """王五 某市某公司技术员: one OCR space after a name opening a line, then a unit cell running to
    the line's end with no clause punctuation (a roster row, not a sentence that has a stray space)."""
    if gaps.get(k) != " ":
        return False
    end = text.find("\n", k)
    rest = text[k : end if end >= 0 else len(text)]
    return 4 <= len(rest) <= 40 and not re.search(r"[，。；：,;:!?！？“]", rest)


def _surname_run(text: str, i: int) -> bool:
    """Is the character before ``i`` part of a longer word (so a name cannot start at ``i``)?"""
    return "\u4e00" <= text[i - 1] <= "\u9fff" and read_name(text, i - 1) == 0 and text[i - 1] not in "了向给对和与及为是"


def _inside(found: dict[int, Mention], s: int, e: int) -> bool:
    return any(m.start < e and s < m.end for m in found.values())
