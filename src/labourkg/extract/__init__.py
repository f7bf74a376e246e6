"""Article extraction: OCR'd union news → entities and relations (shared/contracts/extraction.md).

>>> doc = extract_text("茂名晚报讯 记者张三 …")   # doctest: +SKIP
>>> sorted(doc)
['article', 'entities', 'relations']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from labourkg.text import TextDecodeError

EXTRACTOR_VERSION = "2.0.0"

__all__ = ["EXTRACTOR_VERSION", "TextDecodeError", "extract_file", "extract_text"]


def extract_text(text: str, *, path: str | None = None, raw: bytes | None = None) -> dict[str, Any]:
    """Extract one decoded article. ``raw`` (the file's bytes) gives the article id; without it
    the id is the sha256 of the text's UTF-8 encoding."""
    from labourkg.extract.pipeline import run

    return run(text, path=path, raw=raw)


def extract_file(path: str | Path) -> dict[str, Any]:
    """Read, decode (UTF-8 or GB18030; :class:`TextDecodeError` otherwise) and extract one article file."""
    from labourkg.extract.pipeline import run_file

    return run_file(path)
