"""The ``labourkg assign`` and ``labourkg eval recommend`` commands (registered in ``labourkg.cli``)."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import typer

from labourkg.cli.common import CliError, console, open_configured_store, print_rows
from labourkg.recommend.weights import weights_from

eval_app = typer.Typer(help="Offline evaluation on synthetic registers.", no_args_is_help=True)


def assign_command(
    period: str = typer.Option(..., "--period", help="the campaign quarter, e.g. 2025Q1"),
    enterprises: Path | None = typer.Option(None, "--enterprises", help="file of enterprise ids (one a line, or CSV)"),
    all_open: bool = typer.Option(False, "--all-open", help="every SME with a need and no engagement in the period"),
    k: int = typer.Option(20, "--candidates", min=1, max=100, help="candidate providers per SME"),
    min_score: float = typer.Option(0.2, "--min-score", min=0.0, max=1.0, help="lowest score worth assigning"),
    spread: float = typer.Option(0.05, "--spread", min=0.0, help="load spreading: cost of a provider's last slot"),
    weights: str | None = typer.Option(None, "--weights", help="weight overrides, e.g. skill=0.4,ppr=0.1"),
    weights_file: Path | None = typer.Option(None, "--weights-file", help="JSON or TOML file of weights"),
    out: Path | None = typer.Option(None, "-o", "--out", help="write the full result as JSON here"),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json"),
) -> None:
    """Assign SMEs to craftsmen, studios and teams for a quarter, maximising the total score under capacities."""
    from labourkg.recommend.assign import CAMPAIGN_WEIGHTS, assign, read_enterprise_file
    from labourkg.recommend.projection import get_index, ordinal

    if bool(enterprises) == bool(all_open):
        raise CliError("give exactly one of --enterprises FILE or --all-open", 2)
    try:
        ordinal(period)
    except ValueError as e:
        raise CliError(str(e), 2) from None
    ids = read_enterprise_file(enterprises) if enterprises else None
    with open_configured_store() as store:
        ix = get_index(store)
        res = assign(ix, period, enterprises=ids, k=k, min_score=min_score, spread=spread,
                     weights=weights_from(weights, weights_file, base=CAMPAIGN_WEIGHTS))
    if out:
        out.write_text(json.dumps(res.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    if fmt == "json":
        sys.stdout.write(json.dumps(res.to_dict(), ensure_ascii=False, indent=1) + "\n")
        return
    if fmt != "table":
        raise CliError(f"unknown format {fmt!r}: use table or json", 2)
    rows = [[a["enterprise_register_id"] or a["enterprise"], a["enterprise_name"], a["provider_name"], a["kind"],
             f"{a['score']:.3f}"] for a in res.assignments[:50]]
    print_rows(["enterprise", "name", "provider", "kind", "score"], rows, "table",
               title=f"{period}: first {len(rows)} of {len(res.assignments)} assignments")
    if res.unserved:
        urows = [[u["enterprise_register_id"] or u["enterprise"], u["enterprise_name"], u["reason"]]
                 for u in res.unserved[:20]]
        print_rows(["enterprise", "name", "reason"], urows, "table",
                   title=f"unserved: {len(res.unserved)} (first {len(urows)})")
    console.print(res.stats)


@eval_app.command("recommend")
def eval_recommend(
    craftsmen: int = typer.Option(600, "--craftsmen", min=10),
    enterprises: int = typer.Option(3000, "--enterprises", min=10),
    seed: int = typer.Option(7, "--seed"),
    profile: str = typer.Option("maoming", "--profile", help="synth profile: maoming or province"),
    registers: Path | None = typer.Option(None, "--registers", help="evaluate on this register folder instead"),
    holdout: str = typer.Option("2025Q1", "--holdout", help="the test quarter"),
    max_smes: int | None = typer.Option(None, "--max-smes", min=1, help="evaluate on a sample of the test SMEs"),
    weights: str | None = typer.Option(None, "--weights", help="weight overrides, e.g. skill=0.4,ppr=0.1"),
    weights_file: Path | None = typer.Option(None, "--weights-file"),
    report: str = typer.Option("docs/recommender-eval.md", "--report",
                               help="write the table here (markdown); --report '' to skip"),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json"),
) -> None:
    """Temporal hold-out evaluation: combined scorer vs popularity, same industry, Adamic-Adar, repeat helper."""
    import uuid

    from labourkg.load.roster import load_roster
    from labourkg.ontology import load_ontology
    from labourkg.recommend.evaluate import evaluate, write_report
    from labourkg.recommend.projection import build_projection, ordinal
    from labourkg.store.embedded import EmbeddedServer
    from labourkg.store.falkordb import FalkorDBStore
    from labourkg.synth import generate

    try:
        ordinal(holdout)
    except ValueError as e:
        raise CliError(str(e), 2) from None
    w = weights_from(weights, weights_file)
    onto = load_ontology()
    with tempfile.TemporaryDirectory(prefix="lk-eval-") as tmp:
        if registers is None:
            folder = Path(tmp) / "registers"
            generate(craftsmen, enterprises, seed, folder, profile=profile)
            setup = (f"Synthetic registers from `labourkg.synth.generate({craftsmen}, {enterprises}, seed={seed}, "
                     f"profile={profile!r})`, loaded with the roster loader into a scratch graph.")
        else:
            folder = registers
            setup = f"Registers from `{registers}`, loaded with the roster loader into a scratch graph."
        # always a scratch graph of the embedded server: never the configured (maybe Neo4j) database
        server = EmbeddedServer()
        server.start()
        store = FalkorDBStore(unix_socket=str(server.socket), graph=f"eval_{uuid.uuid4().hex[:8]}")
        store.ensure_schema(onto)
        try:
            rep = load_roster(store, onto, folder)
            if rep.errors:
                console.print(f"{len(rep.errors)} register rows rejected (first: {rep.errors[0]})")
            proj = build_projection(store, onto)
        finally:
            try:
                store.graph.delete()
            except Exception:  # best effort on a scratch graph
                pass
            store.close()
    res = evaluate(proj, holdout, weights=w, max_smes=max_smes, seed=seed)
    if registers is None:
        res.notes.append("synth draws an engagement 65% from providers with a needed skill in the SME's county, 20% "
                         "with the skill anywhere, 15% at random: skill and region carry the signal by construction, "
                         "repeat helpers happen only by chance. Expect different figures on real registers.")
    c = res.metrics["combined"]
    best = max((m for m in res.metrics if m != "combined"), key=lambda m: res.metrics[m]["mrr"])
    if c["hits@10"] <= max(v["hits@10"] for m, v in res.metrics.items() if m != "combined") \
            or c["mrr"] <= res.metrics[best]["mrr"]:
        res.notes.append("the combined scorer does NOT beat the best baseline on this data")
    if report:  # a str option: Path("") would be "." and look like a folder to write to
        write_report(res, Path(report), setup=setup, weights=w)
    if fmt == "json":
        sys.stdout.write(json.dumps({"holdout": res.holdout, "test_smes": res.n_test_smes, "metrics": res.metrics},
                                    indent=1) + "\n")
        return
    rows = [[m, f"{v['hits@10']:.3f}", f"{v['mrr']:.3f}", f"{v['ndcg@10']:.3f}", f"{v['coverage']:.3f}"]
            for m, v in res.metrics.items()]
    print_rows(["method", "Hits@10", "MRR", "nDCG@10", "coverage"], rows, "table",
               title=f"hold-out {res.holdout}: {res.n_test_smes} SMEs, {res.n_providers} providers")
    if report:
        console.print(f"wrote {report}")
