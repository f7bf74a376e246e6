"""docs/queries.md is generated from the query headers and kept current."""

from __future__ import annotations

from pathlib import Path

from labourkg.querydocs import render
from labourkg.querylib import load_queries

DOC = Path(__file__).resolve().parents[1] / "docs" / "queries.md"


def test_docs_queries_md_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/queries.md is stale: run `python -m labourkg.querydocs > docs/queries.md`")


def test_docs_cover_every_query_and_parameter() -> None:
    text = render()
    for q in load_queries().values():
        assert f"### `{q.name}` — {q.title_zh} / {q.title_en}" in text
        assert f"labourkg query {q.name}" in text
        for p in q.params:
            assert f"| `{p}` |" in text
