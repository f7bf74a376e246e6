"""Load extracted articles into the graph, with provenance.

What ``labourkg extract`` prints for an article is exactly what is written here: an
Article node (id ``article:<sha256>``), its entities, their MENTIONS spans, and its
relations, each carrying the article id in ``sources`` and its evidence span.

Re-loading the same bytes changes nothing (every write is a MERGE). Loading different
bytes under a path the graph already has is a corrected version: the old version's facts
are retracted first -- its id leaves every ``sources`` list, and what no other source
supports any more is deleted -- so other articles' facts are untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from labourkg import cypher
from labourkg.errors import LabourKGError
from labourkg.load.writer import GraphWriter, NodeRecord, RelRecord
from labourkg.ontology import Ontology
from labourkg.resources import loaders_dir
from labourkg.store.base import GraphStore, WriteStats


@dataclass
class ArticleOutcome:
    path: str
    article_id: str
    status: str  # new | unchanged | replaced | would-add | would-replace
    entities: int = 0
    relations: int = 0
    replaced: list[str] = field(default_factory=list)


@dataclass
class ArticleLoadReport:
    outcomes: list[ArticleOutcome] = field(default_factory=list)
    stats: WriteStats = field(default_factory=WriteStats)


def article_node_id(sha: str) -> str:
    return f"article:{sha}"


def evidence_ref(article_id: str, start: int, end: int) -> str:
    return f"{article_id}#{start}-{end}"


def retract_article(store: GraphStore, onto: Ontology, article_id: str) -> WriteStats:
    """Remove one article and every fact only it supports (``cypher.retract_article``)."""
    stats = WriteStats()
    for q in cypher.retract_article(onto):
        stats += store.write(q, {"id": article_id, "prefix": article_id + "#"})
    return stats


def write_extraction(writer: GraphWriter, doc: dict[str, Any]) -> None:
    """Queue one article's extraction (the contract's JSON object) on ``writer``."""
    art = doc["article"]
    aid = article_node_id(art["id"])
    writer.article(aid, {"sha256": art["id"], "path": art["path"], "title": art.get("title"),
                         "date": art.get("date"), "chars": art.get("chars"), "name": art.get("title")})
    labels: dict[str, str] = {}
    for e in doc.get("entities", []):
        labels[e["id"]] = e["type"]
        attrs = e.get("attributes") or {}
        props = {"name": e["name"], **{k: v for k, v in attrs.items() if isinstance(v, str | int | float | bool)}}
        if isinstance(attrs.get("roles"), list):
            props["roles"] = attrs["roles"]
        writer.node(NodeRecord(e["type"], e["id"], props, list(e.get("aliases", [])), aid))
    for e in doc.get("entities", []):
        spans = [(m["start"], m["end"], m["text"]) for m in e.get("mentions", [])]
        writer.mention(aid, e["type"], e["id"], spans)
    for r in doc.get("relations", []):
        s_label, o_label = labels.get(r["subject"]), labels.get(r["object"])
        if s_label is None or o_label is None:
            continue  # a dangling id is the extractor's bug; never write half a fact
        ev = r.get("evidence") or {}
        props = {**(r.get("attributes") or {}), "confidence": r.get("confidence")}
        writer.rel(RelRecord(r["type"], s_label, r["subject"], o_label, r["object"], props, aid,
                             evidence_ref(aid, ev.get("start", 0), ev.get("end", 0))))


PERSON_CONTEXT_RELS = {"WORKS_FOR": "orgs", "LEADS": "orgs", "MEMBER_OF": "orgs", "RECEIVED": "honours",
                       "LOCATED_IN": "places"}


def resolve_people(store: GraphStore, onto: Ontology, doc: dict[str, Any]) -> dict[str, Any]:
    """Map the article's people onto stored people (``extract.resolve.resolve_person``): the same
    person in two articles or in a register becomes one node, namesakes with different employers stay
    two. Returns the document with its person ids replaced where they resolved differently."""
    from labourkg.extract.resolve import new_person_id, resolve_person

    people = [e for e in doc.get("entities", []) if e["type"] == "Person"]
    if not people:
        return doc
    context: dict[str, dict[str, set[str]]] = {e["id"]: {"orgs": set(), "honours": set(), "places": set()} for e in people}
    for r in doc.get("relations", []):
        key = PERSON_CONTEXT_RELS.get(r["type"])
        if key and r["subject"] in context:
            context[r["subject"]][key].add(r["object"])
    rows = store.read(cypher.people_with_context(onto), {"names": sorted({e["name"] for e in people})}).records()
    by_name: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_name.setdefault(row["name"], []).append(row)
    remap: dict[str, str] = {}
    for e in people:
        cands = by_name.get(e["name"], [])
        ctx = context[e["id"]]
        new = resolve_person(e["name"], ctx, cands) or new_person_id(e["id"], ctx, [c["id"] for c in cands])
        if new != e["id"]:
            remap[e["id"]] = new
    if not remap:
        return doc
    return {
        **doc,
        "entities": [{**e, "id": remap.get(e["id"], e["id"])} for e in doc["entities"]],
        "relations": [{**r, "subject": remap.get(r["subject"], r["subject"]),
                       "object": remap.get(r["object"], r["object"])} for r in doc.get("relations", [])],
    }


def existing_article_ids(store: GraphStore, onto: Ontology, path: str) -> list[str]:
    return [row[0] for row in store.read(cypher.articles_by_path(onto), {"path": path}).rows]


def load_articles(
    store: GraphStore,
    onto: Ontology,
    docs: Iterable[dict[str, Any]],
    *,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ArticleLoadReport:
    """Write extracted articles; with ``dry_run`` only report what would change."""
    report = ArticleLoadReport()
    writer = GraphWriter(store, onto)
    for doc in docs:
        art = doc["article"]
        aid = article_node_id(art["id"])
        previous = existing_article_ids(store, onto, art["path"])
        out = ArticleOutcome(art["path"], aid, "new", len(doc.get("entities", [])), len(doc.get("relations", [])))
        if aid in previous:
            out.status = "unchanged"
        elif previous:
            out.status = "would-replace" if dry_run else "replaced"
            out.replaced = previous
        elif dry_run:
            out.status = "would-add"
        report.outcomes.append(out)
        if not dry_run and out.status != "unchanged":
            writer.flush()  # resolution below must see the articles written before this one
            for old in out.replaced:
                report.stats += retract_article(store, onto, old)
            write_extraction(writer, resolve_people(store, onto, doc))
        if progress:
            progress(1)
    if not dry_run:
        report.stats += writer.flush()
    return report


@cache
def article_reading() -> dict[str, Any]:
    """How article files are read: ``loaders/articles.yaml`` (include patterns, size limit)."""
    spec = yaml.safe_load((loaders_dir() / "articles.yaml").read_text(encoding="utf-8")) or {}
    return {"include": list(spec.get("include") or ["*.txt"]), "max_bytes": int(spec.get("max_bytes") or 5_000_000)}


def read_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Article files: directories expand (recursively) to the files ``loaders/articles.yaml`` includes;
    files are kept as given. Sorted, unique; a missing or oversized file is an error naming it."""
    reading = article_reading()
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted({q for pat in reading["include"] for q in p.rglob(pat) if q.is_file()}))
        elif not p.exists():
            raise LabourKGError(f"{p}: no such file")
        else:
            out.append(p)
    for p in out:
        if p.stat().st_size > reading["max_bytes"]:
            raise LabourKGError(f"{p}: {p.stat().st_size} bytes is more than an article can be "
                                f"(max_bytes {reading['max_bytes']} in loaders/articles.yaml)")
    seen: set[Path] = set()
    return [p for p in out if not (p in seen or seen.add(p))]
