"""``labourkg load``: articles, registers and vocabularies into the graph."""

from __future__ import annotations

from pathlib import Path

import typer

from labourkg.cli.common import CliError, console, err_console, open_configured_store, progress_bar

app = typer.Typer(help="Load articles, registers and the ontology's vocabularies into the graph.",
                  no_args_is_help=True)


def extract_paths(paths: list[Path]):
    """Yield the extraction of each article file (directories expand to their *.txt files)."""
    from labourkg.extract import extract_file
    from labourkg.load.articles import read_paths

    for p in read_paths(paths):
        yield extract_file(p)


@app.command("articles")
def articles(
    paths: list[Path] = typer.Argument(..., help="article files (.txt, UTF-8 or GB18030) or directories"),
    dry_run: bool = typer.Option(False, "--dry-run", help="print what would change; write nothing"),
) -> None:
    """Extract entities and relations from articles and write them with their provenance."""
    from labourkg.extract import extract_file
    from labourkg.load.articles import load_articles, read_paths
    from labourkg.load.vocabulary import load_vocabulary
    from labourkg.ontology import load_ontology

    onto = load_ontology()
    files = read_paths(paths)
    with open_configured_store() as store:
        if not dry_run:
            load_vocabulary(store, onto)
        with progress_bar("articles", len(files)) as advance:
            report = load_articles(store, onto, (extract_file(p) for p in files), dry_run=dry_run,
                                   progress=advance)
    for o in report.outcomes:
        extra = f" (replaces {', '.join(o.replaced)})" if o.replaced else ""
        console.print(f"{o.status:13} {o.path}: {o.entities} entities, {o.relations} relations{extra}")
    s = report.stats
    if not dry_run:
        console.print(f"nodes +{s.nodes_created} -{s.nodes_deleted}, relationships +{s.relationships_created} "
                      f"-{s.relationships_deleted}")


@app.command("roster")
def roster(
    directory: Path = typer.Argument(..., help="folder with craftsmen/studios/teams/enterprises/engagements .csv or .xlsx"),
    mapping: list[Path] = typer.Option([], "--mapping", "-m", help="extra YAML mapping for other headers"),
    allow_partial: bool = typer.Option(False, "--allow-partial", help="exit 0 even when some rows were rejected"),
    batch_size: int = typer.Option(5000, "--batch-size", min=1, help="rows per write"),
) -> None:
    """Load a union register folder; bad rows are reported with file, line, column and reason."""
    from labourkg.load.roster import load_roster
    from labourkg.ontology import load_ontology

    if not directory.exists():
        raise CliError(f"{directory}: no such directory")
    onto = load_ontology()
    with open_configured_store() as store, progress_bar("rows", None) as advance:
        report = load_roster(store, onto, directory, mapping_files=mapping, batch_size=batch_size,
                             progress=lambda _table, n: advance(n))
    for t in report.tables:
        console.print(f"{t.table:12} {t.source}: {t.loaded} loaded, {t.rejected} rejected")
        if t.unknown_headers:
            err_console.print(f"[yellow]{t.source}: ignored columns: {', '.join(t.unknown_headers)}[/yellow]")
    for s in report.skipped:
        err_console.print(f"[yellow]{s}: no mapping knows this table; skipped[/yellow]")
    for e in report.errors:
        err_console.print(f"rejected {e}", markup=False, highlight=False)
    s = report.stats
    console.print(f"nodes +{s.nodes_created}, relationships +{s.relationships_created}")
    if report.errors and not allow_partial:
        raise CliError(f"{len(report.errors)} row(s) rejected (use --allow-partial to accept the rest)", 1)


@app.command("vocab")
def vocab() -> None:
    """Load the ontology's honours, skills, industries and regions as nodes."""
    from labourkg.load.vocabulary import load_vocabulary
    from labourkg.ontology import load_ontology

    with open_configured_store() as store:
        s = load_vocabulary(store, load_ontology())
    console.print(f"nodes +{s.nodes_created}, relationships +{s.relationships_created}")
