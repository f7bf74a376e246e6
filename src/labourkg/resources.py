"""Locate the data directories that ship with labourkg (ontology, loaders, queries, samples).

In a wheel they live in ``labourkg/data/``; in a source checkout (editable install) they
are the top-level folders of the repository.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the directory holding ``name`` (``ontology``, ``loaders``, ``queries``, ``samples``)."""
    override = os.environ.get(f"LABOURKG_{name.upper()}_DIR")
    if override:
        return Path(override)
    packaged = _PACKAGE_DIR / "data" / name
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE_DIR.parents[1] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"labourkg data directory {name!r} not found (looked in {packaged} and {checkout})")


def ontology_dir() -> Path:
    return data_dir("ontology")


def loaders_dir() -> Path:
    return data_dir("loaders")


def queries_dir() -> Path:
    return data_dir("queries")


def samples_dir() -> Path:
    return data_dir("samples")


def seeds_dir() -> Path | None:
    """The shared seed articles (``../shared/seeds`` beside the checkout), when present."""
    env = os.environ.get("LABOURKG_SEEDS_DIR")
    candidates = [Path(env)] if env else []
    candidates += [_PACKAGE_DIR.parents[2] / "shared" / "seeds", Path.cwd().parent / "shared" / "seeds"]
    for c in candidates:
        if c.is_dir():
            return c
    return None


def home_dir() -> Path:
    """``$LABOURKG_HOME`` (default ``~/.local/share/labourkg``): the embedded store's data and socket."""
    home = Path(os.environ.get("LABOURKG_HOME") or Path.home() / ".local" / "share" / "labourkg")
    home.mkdir(parents=True, exist_ok=True)
    return home
