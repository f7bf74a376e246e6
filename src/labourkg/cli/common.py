"""Shared CLI plumbing: store options, output formats, progress bars, errors."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

console = Console()
err_console = Console(stderr=True)


class CliError(Exception):
    """A user-facing error: printed as one line on stderr, exit code ``code``."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class StoreOptions:
    neo4j: str | None = None


STATE = StoreOptions()


def open_configured_store(schema: bool = True):  # -> GraphStore
    from labourkg.store import open_store

    return open_store(neo4j_uri=STATE.neo4j, schema=schema)


@contextmanager
def progress_bar(description: str, total: int | None) -> Iterator[Any]:
    """A rich progress bar on stderr; ``advance(n)`` moves it. Silent when stderr is not a terminal."""
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True, disable=not err_console.is_terminal) as p:
        task = p.add_task(description, total=total)
        yield lambda n=1: p.advance(task, n)


def cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, dict):
        if "_labels" in v:
            return f"({':'.join(v['_labels'])} {v.get('id', '')} {v.get('name', '')})".replace("  ", " ")
        if "_type" in v:
            return f"[:{v['_type']}]"
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return ", ".join(cell_text(x) for x in v)
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)


def print_rows(columns: list[str], rows: list[list[Any]], fmt: str, *, title: str | None = None) -> None:
    """Print a result as a rich table, CSV, or a JSON array of objects keyed by column name."""
    if fmt == "json":
        sys.stdout.write(json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False,
                                    default=str, indent=2) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(columns)
        for r in rows:
            w.writerow([cell_text(v) for v in r])
        sys.stdout.write(buf.getvalue())
    elif fmt == "table":
        t = Table(title=title, show_lines=False)
        for c in columns:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*[cell_text(v) for v in r])
        console.print(t)
        console.print(f"[dim]{len(rows)} row(s)[/dim]")
    else:
        raise CliError(f"unknown format {fmt!r}: use table, csv or json", 2)


FORMAT_OPTION = typer.Option("table", "--format", "-f", help="table, csv or json")
