"""``labourkg db``: the embedded FalkorDB server."""

from __future__ import annotations

import typer

from labourkg.cli.common import CliError, console, open_configured_store

app = typer.Typer(help="Start, stop and inspect the embedded FalkorDB server (in $LABOURKG_HOME).",
                  no_args_is_help=True)


def _server():
    from labourkg.store.embedded import EmbeddedServer

    return EmbeddedServer()


@app.command()
def start() -> None:
    """Start the embedded server (a no-op when it runs already)."""
    st = _server().start()
    console.print(f"running: pid {st.pid}, socket {st.socket}")


@app.command()
def stop() -> None:
    """Stop the embedded server cleanly (flushes its append-only file)."""
    console.print("stopped" if _server().stop() else "not running")


@app.command()
def status() -> None:
    """Say whether the embedded server runs, where, and how big its data is."""
    st = _server().status()
    state = f"running (pid {st.pid})" if st.running else "not running"
    console.print(f"{state}\nhome:   {st.home}\nsocket: {st.socket}\ndata:   {st.data_bytes / 1e6:.1f} MB")
    if st.note:
        console.print(f"[yellow]{st.note}[/yellow]")


@app.command()
def path() -> None:
    """Print the data directory ($LABOURKG_HOME)."""
    print(_server().home)


@app.command()
def reset(yes: bool = typer.Option(False, "--yes", help="really delete every node and relationship")) -> None:
    """Delete the whole graph (asks for --yes)."""
    if not yes:
        raise CliError("reset deletes the whole graph: add --yes", 2)
    with open_configured_store(schema=False) as store:
        store.clear()
    console.print("graph cleared")
