"""Benchmark: every named query (queries/*.cypher) on the synthetic graph with 1M enterprises.

    python bench/queries.py                      # 100k craftsmen, 1M enterprises, 1.5M engagements
    python bench/queries.py --scale 0.1          # 10k / 100k
    python bench/queries.py --home DIR --reuse   # keep the loaded graph in DIR and reuse it next time

Steps: ``labourkg.synth.generate`` writes the registers, ``load_roster`` loads them (with the
ontology's indexes, which is all the queries rely on) into an embedded FalkorDB, and the
sample articles of ``samples/articles`` are extracted and loaded when the extractor is there.
Then each query runs ``--repeat`` times (after one warm-up) with its header's example
parameters, where a parameter that names an entity (a team, an enterprise, a node id …) is
replaced by one that exists in the synthetic graph. Prints p50 and p95 per query in ms and
exits 1 when a p95 is above ``--max-ms`` (default 1000).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

# parameters that name an entity: (parameter, Cypher that picks one from the loaded graph)
PROBES: dict[str, str] = {
    "team": "MATCH (t:ServiceTeam)-[:ENGAGED]->() RETURN t.name LIMIT 1",
    "enterprise": "MATCH (e:Enterprise)<-[:ENGAGED]-() RETURN e.register_id LIMIT 1",
    "id": "MATCH (p:Person)-[:LEADS]->() RETURN p.id LIMIT 1",
    "organisation": "MATCH (:Person)-[:WORKS_FOR]->(o:Enterprise) RETURN o.name LIMIT 1",
    "name": "MATCH (p:Person)-[:LEADS]->() RETURN p.name LIMIT 1",
    "person": "MATCH (p:Person)-[:ATTENDED]->() RETURN p.name LIMIT 1",
    "campaign": "MATCH (c:Campaign) RETURN c.name LIMIT 1",
    "honour": "MATCH ()-[:RECEIVED]->(h:Honour) RETURN h.name LIMIT 1",
}


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * len(s) + 0.5) - 1))]


def build(store: Any, onto: Any, data: Path, args: argparse.Namespace) -> None:
    from labourkg.load.roster import load_roster
    from labourkg.synth import generate

    craftsmen = args.craftsmen or int(100_000 * args.scale)
    enterprises = int(1_000_000 * args.scale)
    if not (data / "engagements.csv").exists():
        t = time.perf_counter()
        generate(craftsmen, enterprises, args.seed, data, profile=args.profile, onto=onto)
        print(f"synth: {craftsmen} craftsmen, {enterprises} enterprises in {time.perf_counter() - t:.0f} s", flush=True)
    store.clear()
    t = time.perf_counter()
    report = load_roster(store, onto, data)
    print(f"load_roster: {sum(x.loaded for x in report.tables)} rows, {len(report.errors)} rejected, "
          f"{time.perf_counter() - t:.0f} s", flush=True)
    samples = ROOT / "samples" / "articles"
    try:
        from labourkg.cli.load import extract_paths
        from labourkg.load.articles import load_articles, read_paths

        docs = list(extract_paths(read_paths([samples])))
        load_articles(store, onto, docs)
        print(f"articles: {len(docs)} sample articles loaded", flush=True)
    except Exception as e:  # the extractor is optional for this benchmark
        print(f"articles: not loaded ({type(e).__name__}: {e})", flush=True)


def bench_params(store: Any, q: Any) -> dict[str, Any]:
    params = q.example_params()
    for name in params:
        if name in PROBES and q.params[name].type == "string":
            rows = store.read(PROBES[name]).rows
            if rows and rows[0][0] is not None:
                params[name] = rows[0][0]
    return params


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of 1M enterprises (and 100k craftsmen)")
    ap.add_argument("--craftsmen", type=int, default=None, help="craftsmen (default 100k x scale)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--profile", default="province", help="synth profile: province or maoming")
    ap.add_argument("--repeat", type=int, default=7, help="timed runs per query, after one warm-up")
    ap.add_argument("--timeout", type=float, default=60.0, help="per-run timeout in seconds")
    ap.add_argument("--max-ms", type=float, default=1000.0, help="fail when a query's p95 is above this")
    ap.add_argument("--home", type=Path, default=None, help="LABOURKG_HOME to use (default: a temp dir)")
    ap.add_argument("--graph", default=None, help="graph name (default bench_queries_<scale>)")
    ap.add_argument("--reuse", action="store_true", help="reuse the graph when it is already loaded")
    ap.add_argument("--keep", action="store_true", help="leave the embedded server running")
    ap.add_argument("only", nargs="*", help="query names (default: all)")
    args = ap.parse_args(argv)

    from labourkg.ontology import load_ontology
    from labourkg.querylib import load_queries
    from labourkg.store.embedded import EmbeddedServer
    from labourkg.store.falkordb import FalkorDBStore

    home = args.home or Path(tempfile.mkdtemp(prefix="lk-bench-queries-"))
    server = EmbeddedServer(home)
    server.start()
    onto = load_ontology()
    graph = args.graph or f"bench_queries_{args.scale:g}"
    store = FalkorDBStore(unix_socket=str(server.socket), graph=graph)
    try:
        store.ensure_schema(onto)
        have = store.read("MATCH (e:Enterprise) RETURN count(e)").scalar() or 0
        loaded = args.reuse and have >= 0.95 * 1_000_000 * args.scale  # a few register rows may be rejected
        if not loaded:
            build(store, onto, home / f"synth-{args.scale:g}-{args.seed}-{args.profile}", args)
        counts = {r[0]: r[1] for r in store.read(load_queries()["graph_stats"].cypher).rows if r[1]}
        print("graph:", ", ".join(f"{k} {v}" for k, v in counts.items()), flush=True)
        queries = load_queries()
        names = args.only or list(queries)
        slow: list[str] = []
        print(f"{'query':34s} {'p50 ms':>9s} {'p95 ms':>9s} {'rows':>6s}")
        for name in names:
            q = queries[name]
            params = bench_params(store, q)
            times: list[float] = []
            rows = 0
            try:
                for i in range(args.repeat + 1):
                    t = time.perf_counter()
                    res = store.read(q.cypher, params, timeout=args.timeout)
                    if i:
                        times.append((time.perf_counter() - t) * 1000)
                    rows = len(res.rows)
            except Exception as e:  # report and go on with the others
                print(f"{name:34s} FAILED {type(e).__name__}: {e}", flush=True)
                slow.append(name)
                continue
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            flag = "  SLOW" if p95 > args.max_ms else ""
            print(f"{name:34s} {p50:9.1f} {p95:9.1f} {rows:6d}{flag}", flush=True)
            if flag:
                slow.append(name)
        if slow:
            print(f"{len(slow)} query(ies) above {args.max_ms:g} ms at p95: {', '.join(slow)}")
            return 1
        print(f"all {len(names)} queries at or below {args.max_ms:g} ms at p95")
        return 0
    finally:
        store.close()
        if not args.keep:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
