"""Refuse Cypher that writes, before it reaches a store.

The backends' read-only paths already refuse writes; this check gives the analyst one
clear sentence naming the clause, and covers write procedures that a read-only path might
let through. It works on tokens, so a string literal or comment that says "CREATE" is fine.
"""

from __future__ import annotations

import re

WRITE_CLAUSES = ("CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH", "LOAD",
                 "ALTER", "GRANT", "REVOKE", "DENY", "RENAME", "TERMINATE")
# procedures that change data or schema, by name prefix (Neo4j, APOC, FalkorDB)
WRITE_PROCEDURE_PREFIXES = (
    "db.idx.fulltext.create", "db.idx.fulltext.drop", "db.idx.vector.create", "db.create", "db.drop",
    "apoc.create", "apoc.merge", "apoc.refactor", "apoc.periodic", "apoc.nodes.delete", "apoc.do",
    "apoc.cypher.run", "apoc.cypher.do", "apoc.load", "apoc.import", "apoc.export", "apoc.trigger",
    "apoc.schema.assert", "dbms.", "db.clearquerycaches", "gds.", "tx.setmetadata",
)

_TOKEN = re.compile(
    r"""(?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
    r"""|(?P<comment>//[^\n]*|/\*.*?\*/)"""
    r"""|(?P<quoted>`[^`]*`)"""
    r"""|(?P<word>[A-Za-z_][A-Za-z0-9_.]*)"""
    r"""|(?P<other>\S)""",
    re.S,
)


class WriteRefused(ValueError):
    """The query would change the graph."""


def _words(query: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup or ""
        if kind in ("str", "comment"):
            continue
        out.append((kind, m.group()))
    return out


def check_read_only(query: str) -> None:
    """Raise ``WriteRefused`` when ``query`` contains a write clause or calls a write procedure.

    >>> check_read_only("MATCH (n:Person) WHERE n.name = 'CREATE' RETURN n")
    >>> check_read_only("MATCH (n) SET n.x = 1")
    Traceback (most recent call last):
    ...
    labourkg.store.readonly.WriteRefused: refused: SET writes to the graph; analyst queries are read-only
    """
    toks = _words(query)
    for i, (kind, tok) in enumerate(toks):
        if kind != "word":
            continue
        up = tok.upper()
        prev = toks[i - 1][1] if i else ""
        if prev in (".", ":", "$"):  # a property key, label or parameter named like a clause
            continue
        if prev in ("(", "[") and up in WRITE_CLAUSES:  # a variable named like a clause: (set), [remove]
            continue
        nxt = toks[i + 1][1] if i + 1 < len(toks) else ""
        if nxt == ":" and prev in ("{", ","):  # a map key
            continue
        if up in WRITE_CLAUSES:
            raise WriteRefused(f"refused: {up} writes to the graph; analyst queries are read-only")
        if up == "CALL" and toks[i + 1 : i + 2] and toks[i + 1][0] in ("word", "quoted"):
            proc = toks[i + 1][1].strip("`").lower()
            if proc.startswith(WRITE_PROCEDURE_PREFIXES):
                raise WriteRefused(f"refused: procedure {toks[i + 1][1]} can change the graph; analyst queries are read-only")
