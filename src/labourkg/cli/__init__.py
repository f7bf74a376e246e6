"""The ``labourkg`` command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from labourkg.cli import db, load
from labourkg.cli import rdf as rdf_cli
from labourkg.cli.common import (
    FORMAT_OPTION,
    STATE,
    CliError,
    console,
    open_configured_store,
    print_rows,
)

app = typer.Typer(
    help="labourkg: knowledge graph of labour models, craftsmen, studios, service teams and SMEs "
    "(劳模工匠助企行), with Cypher queries, views and recommendations.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(db.app, name="db")
app.add_typer(load.app, name="load")
app.add_typer(rdf_cli.export_app, name="export")
app.add_typer(rdf_cli.import_app, name="import")
app.command("validate")(rdf_cli.validate)


@app.callback()
def main_options(
    neo4j: str | None = typer.Option(None, "--neo4j", metavar="URI",
                                     help="use Neo4j at URI (else $NEO4J_URI, $FALKORDB_URL, or the embedded store)"),
) -> None:
    STATE.neo4j = neo4j


# ------------------------------------------------------------------ extract
@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="article files or directories"),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one object per article) or json (an array)"),
) -> None:
    """Extract entities and relations from articles (no database needed), per the extraction contract."""
    if fmt not in ("jsonl", "json"):
        raise CliError(f"unknown format {fmt!r}: use jsonl or json", 2)
    docs = load.extract_paths(paths)
    if fmt == "jsonl":
        for d in docs:
            sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(list(docs), ensure_ascii=False, indent=2) + "\n")


# ------------------------------------------------------------------ queries
@app.command(context_settings={"allow_extra_args": False})
def query(
    name: str = typer.Argument(..., help="query name, or 'list', or 'show'"),
    target: str | None = typer.Argument(None, help="with 'show': the query to show"),
    param: list[str] = typer.Option([], "--param", "-p", help="parameter as name=value (repeatable); name=null for none"),
    example: bool = typer.Option(False, "--example", help="use the header's example parameters"),
    fmt: str = FORMAT_OPTION,
    limit: int | None = typer.Option(None, "--limit", min=1, help="at most N rows (sets the query's limit parameter too)"),
    timeout: float = typer.Option(30.0, "--timeout", min=0.01, help="stop the query after S seconds"),
    evidence_text: bool = typer.Option(False, "--evidence-text",
                                       help="add the evidence sentences, read from the article files"),
) -> None:
    """Run a named query from queries/; `query list` lists them, `query show NAME` prints one."""
    from labourkg.querylib import add_evidence_text, get_query, load_queries, parse_param_args

    if name == "list":
        if target:
            raise CliError(f"query list takes no argument (got {target!r})", 2)
        qs = load_queries()
        rows = [[q.name, q.title_zh, q.title_en, ", ".join(f"{p.name}:{p.type}" for p in q.params.values())]
                for q in qs.values()]
        print_rows(["name", "title_zh", "title_en", "params"], rows, fmt)
        return
    if name == "show":
        if not target:
            raise CliError("query show needs a query name", 2)
        q = get_query(target)
        console.print(f"{q.name} — {q.title_zh} / {q.title_en}\n{q.description}\n", markup=False, highlight=False)
        for p in q.params.values():
            req = "required" if p.required else f"default {p.default!r}"
            console.print(f"  --param {p.name}=<{p.type}>  {req}; example {p.example!r}  {p.description}",
                          markup=False, highlight=False)
        console.print()
        console.print(q.cypher, markup=False, highlight=False)
        return
    if target:
        raise CliError(f"unexpected argument {target!r}: parameters go as --param name=value", 2)
    q = get_query(name)
    given: dict[str, object] = dict(parse_param_args(param))
    if limit and "limit" in q.params and "limit" not in given:
        given["limit"] = limit
    params = q.bind(given, example=example)
    columns, rows = run_read(q.cypher, params, limit=limit, timeout=timeout)
    if evidence_text:
        columns, rows = add_evidence_text(columns, rows)
    print_rows(columns, rows, fmt, title=q.title_zh)


def run_read(cypher: str, params: dict, *, limit: int | None, timeout: float) -> tuple[list[str], list[list]]:
    """Check that ``cypher`` is read-only, run it on the store's read-only path with a timeout."""
    from labourkg.store import QueryTimeout, check_read_only

    check_read_only(cypher)
    with open_configured_store() as store:
        try:
            res = store.read(cypher, params, timeout=timeout)
        except QueryTimeout as e:
            raise CliError(f"query stopped: it ran longer than its timeout of {timeout:g} s "
                           f"(--timeout S to allow more) [{e}]", 3) from e
    return res.columns, (res.rows[:limit] if limit else res.rows)


@app.command()
def cypher(
    statement: str = typer.Argument(..., help="a read-only Cypher statement"),
    param: list[str] = typer.Option([], "--param", "-p", help="parameter as name=value; values are JSON when they parse"),
    fmt: str = FORMAT_OPTION,
    limit: int | None = typer.Option(None, "--limit", min=1),
    timeout: float = typer.Option(30.0, "--timeout", min=0.01, help="stop the query after S seconds"),
) -> None:
    """Run one read-only Cypher statement (writes are refused)."""
    from labourkg.querylib import parse_param_args

    params = {}
    for k, v in parse_param_args(param).items():
        try:
            params[k] = json.loads(v)
        except ValueError:
            params[k] = v
    columns, rows = run_read(statement, params, limit=limit, timeout=timeout)
    print_rows(columns, rows, fmt)


@app.command()
def stats(fmt: str = FORMAT_OPTION) -> None:
    """Nodes per label and relationships per type."""
    from labourkg import cypher as templates

    with open_configured_store() as store:
        nodes = store.read(templates.STATS)
        rels = store.read(templates.REL_STATS)
    print_rows(nodes.columns, nodes.rows, fmt, title="nodes")
    print_rows(rels.columns, rels.rows, fmt, title="relationships")


# ------------------------------------------------------------------ recommend
@app.command()
def recommend(
    enterprise: str | None = typer.Option(None, "--enterprise", "-e", help="graph id or register id of an SME in the graph"),
    industry: list[str] = typer.Option([], "--industry", help="GB/T 4754 code or name (SME not in the graph)"),
    region: str | None = typer.Option(None, "--region", help="region name or GB/T 2260 code"),
    need: str | None = typer.Option(None, "--need", help="the technical need, free text"),
    service_type: list[str] = typer.Option([], "--service-type", help="技术服务/技术培训/技术攻关/管理提升"),
    top: int = typer.Option(10, "--top", help="how many (1..100)"),
    kind: str = typer.Option("any", "--kind", help="person, studio, team or any"),
    region_only: bool = typer.Option(False, "--region-only", help="only providers in the SME's own city"),
    period: str | None = typer.Option(None, "--period", help="capacity period, e.g. 2025Q1 (default: current quarter)"),
    weights: str | None = typer.Option(None, "--weights", help="score weight overrides, e.g. skill=0.4,ppr=0.1"),
    weights_file: Path | None = typer.Option(None, "--weights-file", help="JSON or TOML file of score weights"),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json"),
) -> None:
    """Who can help this SME with this need? Ranked providers with reasons and graph paths."""
    from labourkg.recommend import RecommendRequest
    from labourkg.recommend import recommend as run
    from labourkg.recommend.weights import weights_from

    req = RecommendRequest(enterprise_id=enterprise, industries=industry, region=region, needs=need,
                           service_types=service_type, top=top, kind=kind, region_only=region_only, period=period,
                           weights=weights_from(weights, weights_file))
    with open_configured_store() as store:
        resp = run(req, store=store)
    if fmt == "json":
        sys.stdout.write(json.dumps(resp, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt != "table":
        raise CliError(f"unknown format {fmt!r}: use table or json", 2)
    ent = resp["enterprise"]
    console.print(f"[bold]{ent.get('name') or 'SME'}[/bold] {ent.get('id') or ''}  ({resp['took_ms']:.1f} ms)")
    rows = [[i + 1, r["name"], r["kind"], f"{r['score']:.3f}", "; ".join(r["reasons"])]
            for i, r in enumerate(resp["recommendations"])]
    print_rows(["#", "name", "kind", "score", "reasons"], rows, "table")


from labourkg.recommend.cli import assign_command, eval_app  # noqa: E402 - commands of the recommender

app.command("assign")(assign_command)
app.add_typer(eval_app, name="eval")


# ------------------------------------------------------------------ views, API, demo, synth
viz_app = typer.Typer(help="Interactive graph views (pyvis HTML that works offline).", no_args_is_help=True)
app.add_typer(viz_app, name="viz")


@viz_app.command("ego")
def viz_ego(
    node: str = typer.Argument(..., help="graph id (person:…), register id, or exact name"),
    out: Path = typer.Option(..., "-o", "--output", help="HTML file to write"),
    hops: int = typer.Option(2, "--hops", min=1, max=3),
    limit: int = typer.Option(300, "--limit", min=10, help="at most this many paths"),
) -> None:
    """A node and its neighbourhood as an interactive HTML page."""
    from labourkg.viz import ego_view

    with open_configured_store() as store:
        path = ego_view(store, node, out, hops=hops, limit=limit)
    console.print(f"wrote {path}")


@viz_app.command("recommend")
def viz_recommend(
    enterprise: str = typer.Option(..., "--enterprise", "-e", help="graph id or register id of an SME"),
    out: Path = typer.Option(..., "-o", "--output", help="HTML file to write"),
    top: int = typer.Option(10, "--top", help="how many providers (1..100)"),
    kind: str = typer.Option("any", "--kind", help="person, studio, team or any"),
) -> None:
    """An SME, the providers recommended for it, and the graph paths that explain each score."""
    from labourkg.recommend import RecommendRequest
    from labourkg.recommend import recommend as run
    from labourkg.viz import recommendation_view

    with open_configured_store() as store:
        resp = run(RecommendRequest(enterprise_id=enterprise, top=top, kind=kind), store=store)
    console.print(f"wrote {recommendation_view(resp, out)}")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
) -> None:
    """HTTP API (FastAPI): POST /v1/recommendations, GET /healthz; OpenAPI docs at /docs."""
    import uvicorn

    from labourkg.api import create_app

    uvicorn.run(create_app(neo4j_uri=STATE.neo4j), host=host, port=port)


@app.command()
def demo(
    out: Path = typer.Option(Path("out"), "-o", "--out", help="folder for the HTML view"),
) -> None:
    """Load the samples (and ../shared/seeds when present), then show stats, a query, recommendations and a view."""
    from labourkg.demo import run_demo

    run_demo(out, neo4j_uri=STATE.neo4j)


@app.command()
def synth(
    craftsmen: int = typer.Option(..., "--craftsmen", min=1),
    enterprises: int = typer.Option(..., "--enterprises", min=1),
    seed: int = typer.Option(0, "--seed"),
    out: Path = typer.Option(..., "-o", "--out", help="folder for the five CSV files"),
    profile: str = typer.Option("province", "--profile", help="maoming or province"),
) -> None:
    """Write synthetic registers of any size (for benchmarks and evaluation)."""
    from labourkg.synth import generate

    summary = generate(craftsmen, enterprises, seed, out, profile=profile)
    console.print(summary)


def _fail(message: object, code: int) -> None:
    """One line on stderr, whatever the message holds, then exit."""
    sys.stderr.write("error: " + " ".join(str(message).split()) + "\n")
    sys.exit(code)


def main() -> None:
    """Entry point: every expected failure is one line on stderr and a non-zero exit, never a traceback."""
    from labourkg.errors import user_errors

    try:
        app()
    except CliError as e:
        _fail(e, e.code)
    except user_errors() as e:
        _fail(e, getattr(e, "exit_code", 1))
    except KeyboardInterrupt:
        _fail("interrupted", 130)
