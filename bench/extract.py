"""Extraction throughput against jieba.posseg on the same text, and peak memory at two corpus sizes.

usage: PYTHONPATH=src python bench/extract.py [--mb 2.0]

The corpus repeats the sample articles (and the shared seeds when ``../shared/seeds`` exists),
shuffled, with the people's names replaced by generated ones so that caches keyed on text do
not flatter the numbers. Extraction runs article by article, as the loader does, so peak
memory should not grow with the corpus: it is measured (tracemalloc) on the first half and on
the whole corpus to show that.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from labourkg.extract import extract_text  # noqa: E402

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红建文辉志国庆春海波"


def _articles() -> list[str]:
    files = sorted((REPO / "samples" / "articles").glob("*.txt"))
    seeds = REPO.parent / "shared" / "seeds"
    if seeds.is_dir():
        files += sorted(seeds.glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def _vary(text: str, rng: random.Random) -> str:
    """Swap every person the extractor finds for a generated name of the same length."""
    doc = extract_text(text)
    names = {e["name"] for e in doc["entities"] if e["type"] == "Person" and len(e["name"]) in (2, 3)}
    for n in names:
        new = rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(len(n) - 1))
        text = text.replace(n, new)
    return text


def build_corpus(mb: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    base = _articles()
    corpus: list[str] = []
    size = 0
    while size < mb * 1024 * 1024:
        art = _vary(rng.choice(base), rng)
        corpus.append(art)
        size += len(art.encode("utf-8"))
    return corpus


def _kb(arts: list[str]) -> float:
    return sum(len(a.encode("utf-8")) for a in arts) / 1024


def bench_extract(arts: list[str]) -> float:
    t = time.perf_counter()
    for a in arts:
        extract_text(a)
    return _kb(arts) / (time.perf_counter() - t)


def bench_posseg(arts: list[str]) -> float:
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    pseg.lcut("预热")
    t = time.perf_counter()
    for a in arts:
        for _ in pseg.cut(re.sub(r"\s+", "", a)):
            pass
    return _kb(arts) / (time.perf_counter() - t)


def peak_memory(arts: list[str]) -> float:
    tracemalloc.start()
    for a in arts:
        extract_text(a)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1024 / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    a = ap.parse_args()
    extract_text(_articles()[0])  # load ontology, gazetteer, jieba dictionary once
    corpus = build_corpus(a.mb)
    print(f"corpus: {len(corpus)} articles, {_kb(corpus):.0f} KB")
    ex = bench_extract(corpus)
    ps = bench_posseg(corpus)
    print(f"full extraction : {ex:8.1f} KB/s")
    print(f"jieba.posseg    : {ps:8.1f} KB/s")
    print(f"ratio extract/posseg: {ex / ps:.2f}")
    half = corpus[: len(corpus) // 2]
    m1, m2 = peak_memory(half), peak_memory(corpus)
    print(f"peak traced memory: {m1:.1f} MB at {_kb(half):.0f} KB, {m2:.1f} MB at {_kb(corpus):.0f} KB")


if __name__ == "__main__":
    main()
