"""Decode and normalise OCR'd newspaper text while keeping every offset traceable.

Extraction works on a *normalised* copy of an article (NFKC, OCR line wraps and inner
spaces removed, a few unambiguous OCR confusions mended, traditional characters folded to
simplified), but the contract wants offsets into the text *as decoded*. So normalisation
never rewrites in place: it builds the new text character by character together with a map
from every normalised position back to the original position it came from.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

__all__ = [
    "Normalised",
    "TextDecodeError",
    "decode_bytes",
    "is_cjk",
    "normalise",
    "split_sentences",
    "to_simplified",
]


class TextDecodeError(ValueError):
    """Raised for input that is neither UTF-8 nor GB18030 text (binary files, other encodings)."""


# ------------------------------------------------------------------ decoding

_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)}


def _looks_binary(raw: bytes) -> bool:
    """NUL bytes or many C0 controls mean a binary file, which no text codec should 'succeed' on."""
    head = raw[:8192]
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b in _CONTROL)
    return bool(head) and ctrl / len(head) > 0.02


def decode_bytes(raw: bytes) -> str:
    """Decode an article: UTF-8 (BOM dropped) first, then GB18030 (a superset of GBK/GB2312).

    Both are tried strictly because a lenient decode would silently corrupt names; other
    encodings are only accepted when charset-normalizer is confident and the result is
    mostly CJK text. Anything else raises :class:`TextDecodeError`.
    """
    if _looks_binary(raw):
        raise TextDecodeError("input looks binary (NUL or control bytes), not a text article")
    for codec in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
    except Exception:  # pragma: no cover - optional helper failing is the same as no guess
        best = None
    if best is not None:
        text = str(best)
        if text and sum(1 for ch in text if is_cjk(ch)) / len(text) > 0.3:
            return text
    raise TextDecodeError("cannot decode input as UTF-8 or GB18030 text")


# ------------------------------------------------------------------ character classes


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF


def _joinable(ch: str) -> bool:
    """Characters across which an OCR line break or stray space is removed."""
    return is_cjk(ch) or ch.isdigit() or ch in "“”\"（）()《》、，。：；,:;·%"


# 「」『』 (Hong Kong, Taiwan, traditional typesetting) read as the mainland “” quotes
_CORNER_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "“", "』": "”", "﹁": "“", "﹂": "”"})
_TERMINAL = set("。！？!?；;：:")
# A line starting with an enumerator (一、 2. (三)) opens a new list item or section.
_ENUMERATOR = re.compile(r"[一二三四五六七八九十]{1,3}[、.．]|\d{1,3}[、.．](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]")


def _list_entry(line: str) -> bool:
    """A whole list entry (``姓名（单位职务）``): a line that closes, at its end, a bracket it opened.

    A column wrap falls anywhere, so a line ending exactly on its own closing bracket is an
    entry of a list, and the break after it is kept."""
    if not line or line[-1] not in ")）":
        return False
    depth = 0
    for ch in line:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and line[0] not in "(（"


@cache
def _t2s():
    try:
        import opencc

        try:
            return opencc.OpenCC("t2s").convert
        except Exception:  # pragma: no cover - other binding spells the config with .json
            return opencc.OpenCC("t2s.json").convert
    except Exception:  # pragma: no cover
        return None


def to_simplified(s: str) -> str:
    """Traditional → simplified (OpenCC t2s); identity when OpenCC is unavailable."""
    conv = _t2s()
    return conv(s) if conv else s


# OCR confusions of 入 as 人, only in contexts where 人 cannot be meant. The lookarounds
# keep real words intact (资深人士, 容纳人数).
_MENDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"人脑人心"), "入脑入心"),
    (re.compile(r"(?<!资)深人(?![士员物])"), "深入"),
    (re.compile(r"(?<![容收])纳人(?![数员])"), "纳入"),
    (re.compile(r"融人(?=[到了其])"), "融入"),
    (re.compile(r"列人(?=[省市国全名])"), "列入"),
    (re.compile(r"投人(?=[使生运资到])"), "投入"),
]


# ------------------------------------------------------------------ normalisation


@dataclass
class Normalised:
    """A normalised text with a map back to the original.

    ``pos[i]`` is the original offset of normalised character ``i`` (``pos[len(text)]`` is
    the original length). ``gaps`` holds normalised positions where whitespace was removed
    (value: ``" "`` for a space, ``"w"`` for a wide gap, ``"\\n"`` for a line wrap): name
    segmentation uses them as soft word boundaries.
    """

    original: str
    text: str
    pos: list[int]
    gaps: dict[int, str] = field(default_factory=dict)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span [start, end)."""
        if end <= start:
            o = self.pos[start]
            return o, o
        return self.pos[start], self.pos[end - 1] + 1

    def norm_index(self, original_offset: int) -> int:
        """Normalised position of the first character at or after an original offset."""
        return bisect_right(self.pos, original_offset - 1)


def _prose(line: str) -> bool:
    """A line of running text (it has a comma or 顿号): a blank line after it may be an OCR page
    or column break inside the sentence. A headline (``劳模深入山区 “问诊”企业解难题``) has none,
    so the blank line after it always ends a paragraph."""
    m = _ENUMERATOR.match(line)  # the 、 of 三、 numbers a heading, it is no comma
    return any(ch in "，、,；" for ch in line[m.end() if m else 0 :])


# 王五 某市某公司技术员: a roster row, a name of two to four characters, one space, then its unit
_ROSTER_ROW = re.compile(r"[\u4e00-\u9fff]{2,4}[ \u3000]+[^\s，。、；：,;:]{4,}")


def _roster_row(line: str) -> bool:
    """A row of a name list laid out in columns; two such rows in a row are no wrapped paragraph
    even when they fill a column line (the next name would read as the holder of the unit's post)."""
    return bool(_ROSTER_ROW.fullmatch(line.strip()))


def _fragment(line: str, inside: bool) -> bool:
    """A short line that is only a piece of a paragraph (text wrapped around a picture): running
    text (``服务队队长、南粤工``), or a line continuing a wrapped one (``广东省五一劳动奖`` before
    ``章获得者、…``). A line of at most four characters (深圳市, 附件) is a heading of its own."""
    return _prose(line) or (inside and _visible(line) > 4)


def _visible(line: str) -> int:
    """Length of a line without its whitespace (OCR letter-spacing does not make a line fuller)."""
    return sum(1 for ch in line if not ch.isspace())


def _line_lengths(text: str) -> int:
    """Typical length of a full OCR column line (a high percentile of non-empty line lengths)."""
    lens = sorted(_visible(s) for s in text.split("\n") if s.strip())
    if not lens:
        return 0
    return lens[int(len(lens) * 0.75)]


def normalise(original: str) -> Normalised:
    """NFKC, join OCR wraps and inner spaces, mend OCR confusions, fold to simplified.

    A single newline is a column wrap (joined) when the line before it is about as long as a
    full column line and does not end a sentence; otherwise it is kept as a line break, so
    headlines and list entries stay apart. Blank lines are paragraph breaks ("\\n").
    Whitespace between two CJK characters or digits is removed (``贺 彪``, ``2 0 2 4``).
    """
    out: list[str] = []
    pos: list[int] = []
    gaps: dict[int, str] = {}
    typical = _line_lengths(original)
    n = len(original)
    i = 0
    line_start = 0
    inside = False  # the current line continues a wrapped one (a short line inside a paragraph)
    while i < n:
        ch = original[i]
        if ch.isspace():
            j = i
            newlines = 0
            wide = False
            while j < n and original[j].isspace():
                if original[j] == "\n":
                    newlines += 1
                elif original[j] in "\u3000\t":
                    wide = True
                j += 1
            prev = out[-1] if out else ""
            nxt = original[j] if j < n else ""
            if newlines:
                line = original[line_start:i].strip()
                wrap = (
                    (newlines == 1 or _prose(line))
                    and typical >= 8
                    and (_visible(line) >= typical * 0.8 or (newlines == 1 and _fragment(line, inside)))
                    and prev
                    and prev not in _TERMINAL
                    and nxt
                    and _joinable(prev)
                    and _joinable(nxt)
                    and not _list_entry(line)
                    and not (_roster_row(line) and _roster_row(original[j : original.find("\n", j) % (n + 1)]))
                    and not _ENUMERATOR.match(original, j)
                )
                inside = bool(wrap)
                if wrap:
                    gaps[len(out)] = "\n"
                elif out:
                    out.append("\n")
                    pos.append(i)
                line_start = original.rfind("\n", i, j) + 1
            elif prev and nxt and _joinable(prev) and _joinable(nxt):
                gaps[len(out)] = "w" if wide or j - i >= 2 else " "
            elif out:
                out.append(" ")
                pos.append(i)
            i = j
            continue
        norm = unicodedata.normalize("NFKC", ch) if ord(ch) > 127 else ch
        for c in norm:
            if c.isspace():
                continue
            out.append(c)
            pos.append(i)
        i += 1
    pos.append(n)
    text = "".join(out).translate(_CORNER_QUOTES)
    text = _mend(text)
    simp = to_simplified(text)
    if len(simp) == len(text):
        text = simp
    else:  # a phrase conversion changed the length: fold character by character instead
        text = "".join(c if len(s := to_simplified(c)) != 1 else s for c in text)
    return Normalised(original, text, pos, gaps)


def _mend(text: str) -> str:
    """Same-length replacements only, so the offset map stays valid."""
    if "人" not in text:
        return text
    for rx, rep in _MENDS:
        text = rx.sub(rep, text)
    return text


# ------------------------------------------------------------------ sentences

_SENT_END = re.compile(r"[。！？!?；;]+[”\"’）)]*|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences in a normalised text; line breaks also end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end() if text[m.start()] != "\n" else m.start()
        if end > start and text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans
