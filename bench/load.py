"""Benchmark: load synthetic registers into the embedded store and compare with the store's bare MERGE.

    python bench/load.py                # 100k craftsmen, 1M enterprises and their edges
    python bench/load.py --scale 0.1    # 10k / 100k, about a minute

Steps, all in a fresh ``$LABOURKG_HOME`` under a temp dir (its own embedded server):

1. ``labourkg.synth.generate`` writes the registers (in a child process, so its memory does
   not count against the loader's peak RSS);
2. ``load_roster`` loads them into graph ``roster``: graph elements (nodes + relationships
   created) per second, and the loader process's peak RSS (``resource.getrusage``);
3. the loader runs again over the same files with a store that records every write batch
   to a spool file instead of sending it (reads go to the loaded graph, so every row
   resolves exactly as in step 2): the rows the loader sends;
4. those rows are replayed into a fresh graph ``bare`` with the bare statements
   ``UNWIND $rows AS row MERGE (n:Label {id: row.id}) SET n += row.props`` and
   ``... MATCH (a:S {id: row.s}) MATCH (b:O {id: row.o}) MERGE (a)-[r:T]->(b) SET r += row.props``
   (engagements keep their date and type in the MERGE pattern so the same number of
   relationships is created). Only the store calls are timed: the rate the store itself
   allows, which is the limit for any loader.

Prints elements/s of both, their ratio (target <= 1.5) and peak RSS; also the CPU seconds of
the loader process and of the server in both steps, which vary less than wall time on a machine
shared with other jobs.
"""

from __future__ import annotations

import argparse
import os
import pickle
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def server_cpu_s(pid: int | None) -> float:
    """CPU seconds (user + system) the server process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def server_peak_mb(pid: int | None) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


_NODE = re.compile(r"MERGE \(n:(\w+) \{id: row\.id\}\)")
_REL = re.compile(r"MATCH \(a:(\w+) \{id: row\.s\}\) MATCH \(b:(\w+) \{id: row\.o\}\) MERGE \(a\)-\[r:(\w+)")


def bare_statement(query: str) -> str:
    """The bare MERGE that writes the same rows as one of the loader's statements."""
    m = _NODE.search(query)
    if m:
        return f"UNWIND $rows AS row MERGE (n:{m.group(1)} {{id: row.id}}) SET n += row.props"
    m = _REL.search(query)
    if m:
        s, o, t = m.groups()
        key = " {date: row.date, service_type: row.service_type}" if t == "ENGAGED" else ""
        return (f"UNWIND $rows AS row MATCH (a:{s} {{id: row.s}}) MATCH (b:{o} {{id: row.o}}) "
                f"MERGE (a)-[r:{t}{key}]->(b) SET r += row.props")
    raise ValueError(f"not a loader statement: {query[:80]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of 100k craftsmen / 1M enterprises")
    ap.add_argument("--craftsmen", type=int, default=100_000)
    ap.add_argument("--enterprises", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch-size", type=int, default=5000)
    ap.add_argument("--profile", default="province")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (data and store)")
    ap.add_argument("--no-bare", action="store_true", help="skip the bare comparison")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="lkbench-"))
    os.environ["LABOURKG_HOME"] = str(tmp / "home")
    os.environ.pop("FALKORDB_URL", None)
    os.environ.pop("NEO4J_URI", None)
    n_c, n_e = max(1, int(args.craftsmen * args.scale)), max(1, int(args.enterprises * args.scale))
    data = tmp / "data"

    from labourkg.store.embedded import EmbeddedServer

    server = EmbeddedServer(tmp / "home")
    try:
        t0 = time.perf_counter()
        code = (f"from pathlib import Path; from labourkg.synth import generate; "
                f"s = generate({n_c}, {n_e}, {args.seed}, Path({str(data)!r}), profile={args.profile!r}); "
                f"print(s.counts)")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        print(f"synth: {out.stdout.strip()} in {time.perf_counter() - t0:.1f}s "
              f"({sum(f.stat().st_size for f in data.glob('*.csv')) / 1e6:.0f} MB of CSV)")
        return run(args, data, server)
    finally:
        server.stop()
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def run(args: argparse.Namespace, data: Path, server: Any) -> int:
    from labourkg.load.roster import load_roster
    from labourkg.ontology import load_ontology
    from labourkg.store import open_store
    from labourkg.store.base import GraphStore, WriteStats

    onto = load_ontology()
    store = open_store(graph="roster")
    rss0 = rss_mb()
    pid = server.status().pid
    t0, c0, s0 = time.perf_counter(), time.process_time(), server_cpu_s(pid)
    report = load_roster(store, onto, data, batch_size=args.batch_size)
    dt_load = time.perf_counter() - t0
    cpu_load, srv_load = time.process_time() - c0, server_cpu_s(pid) - s0
    rss_load = rss_mb()
    elements = report.stats.elements
    rate = elements / dt_load
    print(f"load_roster: {report.rows:,} rows ({report.rejected} rejected, {len(report.warnings)} warnings) -> "
          f"{report.stats.nodes_created:,} nodes + {report.stats.relationships_created:,} relationships "
          f"in {dt_load:.1f}s = {rate:,.0f} elements/s")
    for t in report.tables:
        print(f"  {t.table:12} {t.rows:>9,} rows  {t.loaded:>9,} loaded  {t.rejected} rejected")
    print(f"peak RSS of the loader process: {rss_load:.0f} MB (before the load {rss0:.0f} MB); "
          f"server peak {server_peak_mb(pid) or 0:.0f} MB")
    print(f"CPU: loader process {cpu_load:.1f}s, server {srv_load:.1f}s; load average {os.getloadavg()[0]:.1f}")
    if args.no_bare:
        return 0

    class Spool(GraphStore):
        """Records write batches to a file instead of sending them; reads go to the loaded graph."""

        backend = "spool"

        def __init__(self, inner: GraphStore, path: Path) -> None:
            self.inner, self.f = inner, open(path, "wb")

        def write(self, query: str, params: dict | None = None) -> WriteStats:
            pickle.dump((bare_statement(query), (params or {}).get("rows", [])), self.f, protocol=5)
            return WriteStats()

        def read(self, query, params=None, *, timeout=None):
            return self.inner.read(query, params, timeout=timeout)

        def ensure_schema(self, onto) -> None:
            pass

        def schema_plan(self, onto):
            return self.inner.schema_plan(onto)

        def describe(self) -> str:
            return "spool"

        def close(self) -> None:
            self.f.close()

    spool_path = data.parent / "rows.spool"
    spool = Spool(store, spool_path)
    load_roster(spool, onto, data, batch_size=args.batch_size)
    spool.close()

    bare = open_store(graph="bare")
    stats = WriteStats()
    t_bare = cpu_bare = 0.0
    s0 = server_cpu_s(pid)
    with open(spool_path, "rb") as f:
        while True:
            try:
                query, rows = pickle.load(f)
            except EOFError:
                break
            t, c = time.perf_counter(), time.process_time()
            stats += bare.write(query, {"rows": rows})
            t_bare += time.perf_counter() - t
            cpu_bare += time.process_time() - c
    srv_bare = server_cpu_s(pid) - s0
    bare_rate = stats.elements / t_bare
    print(f"bare MERGE of the same rows: {stats.nodes_created:,} nodes + {stats.relationships_created:,} "
          f"relationships in {t_bare:.1f}s = {bare_rate:,.0f} elements/s")
    print(f"CPU: client {cpu_bare:.1f}s, server {srv_bare:.1f}s; load average {os.getloadavg()[0]:.1f}. "
          f"CPU-time ratio (loader + its server) / (bare client + server): "
          f"{(cpu_load + srv_load) / max(cpu_bare + srv_bare, 1e-9):.2f}")
    ratio = bare_rate / rate
    print(f"RESULT elements/s {rate:,.0f} | bare {bare_rate:,.0f} | ratio {ratio:.2f}x (target <= 1.5) | "
          f"peak RSS {rss_load:.0f} MB | target >= 50,000/s: {'met' if rate >= 50_000 else 'NOT met'}")
    if stats.elements != elements:
        print(f"note: the bare replay created {stats.elements:,} elements, the loader {elements:,}")
    bare.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
