"""``labourkg export rdf``, ``labourkg import rdf`` and ``labourkg validate``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from labourkg.cli.common import (
    CliError,
    console,
    err_console,
    open_configured_store,
    print_rows,
    progress_bar,
)

export_app = typer.Typer(help="Export the graph (RDF with named graphs and PROV).", no_args_is_help=True)
import_app = typer.Typer(help="Import data into the graph (RDF written by `export rdf`).", no_args_is_help=True)

_FORMAT_HELP = "turtle (all graphs merged), trig, json-ld or nquads; default: from the file extension"


def _format(fmt: str | None, path: Path | None) -> str:
    from labourkg.rdf import FORMATS, format_of

    if fmt is None:
        if path is None:
            return "nquads"
        try:
            fmt = format_of(path)
        except ValueError as e:
            raise CliError(str(e), 2) from None
    if fmt not in FORMATS:
        raise CliError(f"unknown RDF format {fmt!r}: use {', '.join(FORMATS)}", 2)
    return fmt


@export_app.command("rdf")
def export_rdf(
    out: Path | None = typer.Option(None, "-o", "--output", help="file to write (default: stdout)"),
    fmt: str | None = typer.Option(None, "--format", "-f", help=_FORMAT_HELP),
    batch_size: int = typer.Option(5000, "--batch-size", min=1, help="nodes read per query"),
) -> None:
    """The whole graph as RDF: one named graph per article, per register table and for the vocabulary."""
    from labourkg.ontology import load_ontology
    from labourkg.rdf import export_dataset, serialize

    fmt = _format(fmt, out)
    onto = load_ontology()
    with open_configured_store() as store, progress_bar("nodes", None) as advance:
        ds = export_dataset(store, onto, batch_size=batch_size, progress=advance)
    if out is None:
        sys.stdout.write(serialize(ds, fmt) or "")
        return
    serialize(ds, fmt, out)
    graphs = sum(1 for g in ds.graphs() if len(g))
    err_console.print(f"wrote {out}: {len(ds)} triples in {graphs} graphs ({fmt})")


@import_app.command("rdf")
def import_rdf(
    path: Path = typer.Argument(..., help="an RDF file (.nq, .trig, .jsonld, .ttl)"),
    fmt: str | None = typer.Option(None, "--format", "-f", help="nquads, trig, json-ld, turtle; default: from the extension"),
    batch_size: int = typer.Option(5000, "--batch-size", min=1, help="rows per write"),
) -> None:
    """Load RDF (as written by `export rdf`) into the graph; MERGE on ids, so importing twice changes nothing."""
    from labourkg.ontology import load_ontology
    from labourkg.rdf import import_dataset, read_rdf

    if not path.exists():
        raise CliError(f"{path}: no such file")
    fmt = _format(fmt, path)
    try:
        ds = read_rdf(path, fmt)
    except Exception as e:
        raise CliError(f"{path}: not valid {fmt}: {e}") from e
    onto = load_ontology()
    with open_configured_store() as store:
        report = import_dataset(store, onto, ds, batch_size=batch_size)
    for s in report.skipped[:20]:
        err_console.print(f"skipped {s}", markup=False, highlight=False)
    if len(report.skipped) > 20:
        err_console.print(f"... and {len(report.skipped) - 20} more skipped")
    s = report.stats
    console.print(f"{report.nodes} nodes, {report.relationships} relationships, {report.mentions} mentions read; "
                  f"nodes +{s.nodes_created}, relationships +{s.relationships_created}")


def validate(
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json"),
    rdf_file: Path | None = typer.Option(None, "--rdf", help="validate this RDF file instead of the store"),
    limit: int | None = typer.Option(None, "--limit", min=1, help="show at most N violations"),
) -> None:
    """Check the graph against ontology/shapes.ttl (SHACL); exit 0 only when it conforms."""
    from labourkg.ontology import load_ontology
    from labourkg.rdf import read_rdf
    from labourkg.validate import validate_graph, validate_store

    if fmt not in ("table", "csv", "json"):
        raise CliError(f"unknown format {fmt!r}: use table, csv or json", 2)
    onto = load_ontology()
    if rdf_file is not None:
        if not rdf_file.exists():
            raise CliError(f"{rdf_file}: no such file")
        report = validate_graph(read_rdf(rdf_file, _format(None, rdf_file)), onto)
    else:
        with open_configured_store() as store:
            report = validate_store(store, onto)
    shown = report.violations[:limit] if limit else report.violations
    if fmt == "json":
        sys.stdout.write(json.dumps({"conforms": report.conforms, "triples": report.triples,
                                     "violations": [v.__dict__ for v in shown]}, ensure_ascii=False, indent=2) + "\n")
    elif report.violations:
        print_rows(["node", "property", "value", "message"], [v.row() for v in shown], fmt,
                   title=f"{len(report.violations)} SHACL violation(s)")
    if fmt != "json":
        if report.conforms:
            console.print(f"conforms: {report.triples} triples checked against ontology/shapes.ttl")
        else:
            err_console.print(f"does not conform: {len(report.violations)} violation(s) in {report.triples} triples")
    if not report.conforms:
        raise typer.Exit(1)
