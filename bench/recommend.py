"""Recommendation benchmark: synthetic registers (100k craftsmen, 1M enterprises at --scale 1),
loaded into a scratch embedded FalkorDB, then

* projection build time and memory,
* top-10 with explanations: p50 / p95 over many SMEs, warm, one core,
* the same personalised PageRank with ``networkx.pagerank(personalization=...)`` on the same graph,
  in the same run, and the ratio,
* campaign assignment of 10k SMEs over the providers (with --assign).

    python bench/recommend.py --scale 0.1 [--queries 300] [--assign 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def rss_mb() -> float:
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2**20
    except ImportError:  # pragma: no cover
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pct(xs: list[float], p: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=0.1, help="1.0 = 100k craftsmen, 1M enterprises")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--nx-runs", type=int, default=2, help="networkx.pagerank calls to time")
    ap.add_argument("--assign", type=int, default=10_000, help="SMEs to assign (0: skip)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--keep", type=Path, default=None, help="reuse/keep registers and store in this folder")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = ap.parse_args()
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    except (AttributeError, OSError):
        pass

    work = args.keep or Path(tempfile.mkdtemp(prefix="lk-bench-rec-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["LABOURKG_HOME"] = str(work / "home")
    from labourkg.load.roster import load_roster
    from labourkg.ontology import load_ontology
    from labourkg.recommend import RecommendRequest, recommend
    from labourkg.recommend.projection import get_index
    from labourkg.store import open_store
    from labourkg.store.embedded import EmbeddedServer
    from labourkg.synth import generate

    out: dict = {"scale": args.scale}
    n_c, n_e = max(50, int(100_000 * args.scale)), max(100, int(1_000_000 * args.scale))
    regs = work / f"registers-{n_c}-{n_e}"
    onto = load_ontology()
    if not (regs / "engagements.csv").exists():
        t = time.perf_counter()
        generate(n_c, n_e, args.seed, regs, profile="province")
        out["synth_s"] = round(time.perf_counter() - t, 1)
    graph = f"bench_{n_c}_{n_e}"
    store = open_store(graph=graph)
    try:
        if not store.read("MATCH (n:Enterprise) RETURN count(n) AS c").scalar():
            t = time.perf_counter()
            rep = load_roster(store, onto, regs)
            out["load_s"] = round(time.perf_counter() - t, 1)
            out["rejected_rows"] = len(rep.errors)
        print(f"registers: {n_c} craftsmen, {n_e} enterprises ({regs})", flush=True)

        # --- projection and index, built once through the cache recommend() uses (so the calls below are warm)
        r0 = rss_mb()
        t = time.perf_counter()
        ix = get_index(store, force=True)
        total = time.perf_counter() - t
        proj = ix.proj
        out["projection_build_s"] = round(proj.build_seconds, 2)
        out["index_build_s"] = round(total - proj.build_seconds, 2)  # the index and its PPR hub vectors
        out["nodes"], out["providers"] = proj.n, ix.n_providers
        out["walk_edges"] = int(len(ix.walk[1]))
        out["projection_mb"] = round(proj.nbytes / 2**20, 1)
        out["index_mb"] = round(ix.nbytes / 2**20, 1)
        out["rss_growth_mb"] = round(rss_mb() - r0, 1)
        print(json.dumps(out), flush=True)

        # --- latency, warm, through recommend() (projection cache, fingerprint checks included)
        rng = random.Random(args.seed)
        ents = [int(i) for i in (proj.label == 3).nonzero()[0]]
        needy = [e for e in rng.sample(ents, min(len(ents), 20 * args.queries)) if len(proj.neighbours("NEEDS", e))]
        sample = needy[: args.queries]
        for e in sample[:20]:
            recommend(RecommendRequest(enterprise_id=proj.ids[e], top=10, period="2025Q2"), store=store)
        lat: list[float] = []
        n_recs = 0
        for e in sample:
            t = time.perf_counter()
            resp = recommend(RecommendRequest(enterprise_id=proj.ids[e], top=10, period="2025Q2"), store=store)
            lat.append((time.perf_counter() - t) * 1000)
            n_recs += len(resp["recommendations"])
            assert all(r["paths"] for r in resp["recommendations"])
        out["latency_ms_p50"] = round(statistics.median(lat), 2)
        out["latency_ms_p95"] = round(pct(lat, 95), 2)
        out["latency_queries"] = len(lat)
        out["mean_recommendations"] = round(n_recs / max(1, len(lat)), 1)
        print(json.dumps({k: out[k] for k in ("latency_ms_p50", "latency_ms_p95", "latency_queries")}), flush=True)

        # --- networkx.pagerank with the same personalisation on the same (weighted) graph
        import networkx as nx
        import scipy.sparse as sp

        from labourkg.recommend.scoring import resolve_enterprise, seeds_of
        from labourkg.recommend.weights import Weights

        indptr, indices, probs = ix.walk
        w = sp.csr_matrix((probs, indices, indptr), shape=(proj.n, proj.n))
        t = time.perf_counter()
        g = nx.from_scipy_sparse_array(w, create_using=nx.DiGraph)
        out["nx_graph_build_s"] = round(time.perf_counter() - t, 1)
        nx_times = []
        for e in sample[: args.nx_runs]:
            tg = resolve_enterprise(ix, proj.ids[e])
            seeds, sw = seeds_of(tg, Weights())
            pers = {}
            for s_, w_ in zip(seeds, sw, strict=True):
                pers[s_] = pers.get(s_, 0.0) + w_
            t = time.perf_counter()
            nx.pagerank(g, alpha=1 - Weights().alpha, personalization=pers, weight="weight", tol=1e-6)
            nx_times.append((time.perf_counter() - t) * 1000)
        del g
        out["nx_pagerank_ms"] = round(statistics.median(nx_times), 1)
        out["ratio_nx_to_p50"] = round(out["nx_pagerank_ms"] / out["latency_ms_p50"], 1)
        print(json.dumps({k: out[k] for k in ("nx_pagerank_ms", "ratio_nx_to_p50")}), flush=True)

        # --- campaign assignment
        if args.assign:
            from labourkg.recommend.assign import assign, open_enterprises

            opened = open_enterprises(ix, "2025Q2")
            chosen = rng.sample(opened, min(args.assign, len(opened)))
            cpu0 = os.times()
            res = assign(ix, "2025Q2", enterprises=[proj.ids[e] for e in chosen])
            cpu1 = os.times()
            out["assign"] = {k: res.stats[k] for k in ("smes", "served", "unserved", "arcs", "providers_used",
                                                        "optimality_gap", "score_seconds", "solve_seconds", "seconds")}
            out["assign"].update(cpu_seconds=round(cpu1[0] + cpu1[1] - cpu0[0] - cpu0[1], 2), providers=ix.n_providers,
                                 load_avg=os.getloadavg()[0])  # the box may be shared: wall time alone misleads
            print(json.dumps(out["assign"]), flush=True)
    finally:
        store.close()
        if args.keep is None:
            EmbeddedServer(work / "home").stop()
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(out, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
