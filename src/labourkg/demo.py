"""``labourkg demo``: the main job end to end on the embedded store, on the shipped samples."""

from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console

from labourkg.resources import samples_dir, seeds_dir

console = Console()


def run_demo(out: Path, *, neo4j_uri: str | None = None) -> dict:
    from labourkg import cypher
    from labourkg.cli.common import print_rows
    from labourkg.extract import extract_file
    from labourkg.load.articles import load_articles, read_paths
    from labourkg.load.roster import load_roster
    from labourkg.load.vocabulary import load_vocabulary
    from labourkg.ontology import load_ontology
    from labourkg.querylib import get_query
    from labourkg.recommend import RecommendRequest, recommend
    from labourkg.store import open_store
    from labourkg.viz import ego_view, recommendation_view

    t0 = time.perf_counter()
    onto = load_ontology()
    store = open_store(neo4j_uri=neo4j_uri)
    console.rule("labourkg demo")
    console.print(f"store: {store.describe()}")
    s = load_vocabulary(store, onto)
    console.print(f"vocabularies: +{s.nodes_created} nodes, +{s.relationships_created} relationships")

    roster_dir = samples_dir() / "roster"
    if roster_dir.is_dir():
        rep = load_roster(store, onto, roster_dir, vocabulary=False)
        console.print(f"sample register {roster_dir}: " + ", ".join(f"{t.table} {t.loaded}" for t in rep.tables)
                      + f" (rejected {len(rep.errors)})")
    article_paths = read_paths([samples_dir() / "articles"]) if (samples_dir() / "articles").is_dir() else []
    seeds = seeds_dir()
    if seeds:
        article_paths += read_paths([seeds])
    arep = load_articles(store, onto, (extract_file(p) for p in article_paths))
    console.print(f"articles: {len(arep.outcomes)} loaded ({sum(1 for o in arep.outcomes if o.status == 'unchanged')}"
                  f" unchanged){' including seeds from ' + str(seeds) if seeds else ''}")

    console.rule("graph statistics")
    nodes = store.read(cypher.STATS)
    rels = store.read(cypher.REL_STATS)
    print_rows(nodes.columns, nodes.rows, "table")
    print_rows(rels.columns, rels.rows, "table")

    q = get_query("craftsmen_by_skill")
    params = q.example_params()
    console.rule(f"query {q.name}: {q.title_zh} {params}")
    res = store.read(q.cypher, params)
    print_rows(res.columns, res.rows[:10], "table")

    sme = store.read(cypher.demo_enterprise(onto)).records()
    result: dict = {}
    out.mkdir(parents=True, exist_ok=True)
    if sme:
        e = sme[0]
        console.rule(f"recommendations for {e['name']} ({e['rid']}): {e['needs']}")
        resp = recommend(RecommendRequest(enterprise_id=e["rid"], top=5), store=store, onto=onto)
        rows = [[i + 1, r["name"], r["kind"], f"{r['score']:.3f}", "; ".join(r["reasons"])]
                for i, r in enumerate(resp["recommendations"])]
        print_rows(["#", "name", "kind", "score", "reasons"], rows, "table")
        view = recommendation_view(resp, out / "recommendations.html")
        console.print(f"view of the recommendations: {view.resolve()}")
        result["recommendations"] = resp
    by_studio, by_union = cypher.demo_centres(onto)
    studio = store.read(by_studio).rows
    centre = studio[0][0] if studio else store.read(by_union).scalar()
    if centre:
        view = ego_view(store, centre, out / "ego.html", onto=onto)
        console.print(f"ego view of {centre}: {view.resolve()}")
    store.close()
    console.print(f"[green]demo done in {time.perf_counter() - t0:.1f}s[/green]")
    if not neo4j_uri:
        console.print("the embedded store keeps running for the next commands (`labourkg db stop` stops it); "
                      "try `labourkg query list`")
    return result
