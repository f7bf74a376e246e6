"""Article metadata: title and date, read from the text."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from labourkg.extract.model import Doc

_FULL_DATE = re.compile(r"(20\d{2}|19\d{2})年(\d{1,2})月(\d{1,2})日")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})年(?!代)")
_PATH_DATE = re.compile(r"(20\d{2})[-_/.]?(\d{2})[-_/.]?(\d{2})")
_PLAN = re.compile(r"到(20\d{2})年|(20\d{2})年(?:前|远景|目标)")


def article_title(doc: Doc) -> str | None:
    """The first headline-like line (short, no sentence punctuation, not a byline or caption)."""
    lines = [ln.strip() for ln in doc.text.split("\n")]
    cands = [ln for ln in lines if 4 <= len(ln) <= 40 and not re.search(r"[。;,]|讯|摄$|^\(", ln)]
    first_body = next((i for i, ln in enumerate(lines) if len(ln) > 40 or "讯" in ln), len(lines))
    before = [ln for ln in lines[:first_body] if ln in cands]
    if before:
        return max(before, key=len) if len(before) > 1 and len(before[0]) < 8 else before[0]
    tail = [ln for ln in cands if re.search(r"召开|举行|启动|成立|开展|表彰|名单|会|行动|工作室|服务队", ln)]
    return (tail or cands or [None])[0]


def article_date(doc: Doc, path: str | None) -> str | None:
    """ISO date of the article: a full date in the text, else month/day of the dateline with the year
    inferred from the years the text mentions (the latest non-plan year, never in the future)."""
    text = doc.text
    if path:
        m = _PATH_DATE.search(path)
        if m and _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = _FULL_DATE.search(text[:600])
    if m and _valid(*map(int, m.groups())):
        y, mo, d = map(int, m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}"
    m = _MONTH_DAY.search(text[:600])
    if not m:
        return None
    mo, d = int(m.group(1)), int(m.group(2))
    plans = {int(g) for pm in _PLAN.finditer(text) for g in pm.groups() if g}
    years = Counter(int(y) for y in _YEAR.findall(text) if int(y) not in plans and int(y) <= date.today().year)
    if not years:
        return None
    y = max(years)
    return f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None


def _valid(y: int, mo: int, d: int) -> bool:
    try:
        date(y, mo, d)
    except ValueError:
        return False
    return 1900 < y <= date.today().year + 1
