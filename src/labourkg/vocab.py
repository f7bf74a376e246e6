"""Look up concepts of a SKOS scheme by label, alias or code, and find them inside free text.

Built from the ontology, so adding an altLabel in Turtle changes what is matched here.

>>> from labourkg.ontology import load_ontology
>>> idx = VocabIndex(load_ontology(), "industries")
>>> idx.lookup("C39").notations[0]
'C39'
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from labourkg.ontology import Concept, Ontology
from labourkg.text import to_simplified

_DROP = re.compile(r"[\s\u3000\"'“”‘’「」『』《》〈〉·•]")


def normalise(text: str) -> str:
    """NFKC, traditional -> simplified, no whitespace or quotes, lower case: the form names are compared in."""
    return _DROP.sub("", to_simplified(unicodedata.normalize("NFKC", text))).lower()


class VocabIndex:
    """All surface forms (prefLabel, altLabels, notations) of one scheme's concepts."""

    def __init__(self, onto: Ontology, scheme: str) -> None:
        self.scheme = scheme
        self.concepts = onto.scheme(scheme)
        self.forms: dict[str, Concept] = {}
        # notations first, labels last: a label wins over a code that looks the same
        for c in self.concepts:
            for n in c.notations:
                self.forms.setdefault(normalise(n), c)
        for c in self.concepts:
            for a in c.aliases:
                self.forms[normalise(a)] = c
        for c in self.concepts:
            self.forms[normalise(c.name)] = c
        self._pattern: re.Pattern[str] | None = None

    def lookup(self, text: str) -> Concept | None:
        return self.forms.get(normalise(text)) if text and text.strip() else None

    def pattern(self) -> re.Pattern[str]:
        """One alternation of every label and alias, longest first (codes excluded)."""
        if self._pattern is None:
            forms = {normalise(c.name) for c in self.concepts} | {normalise(a) for c in self.concepts for a in c.aliases}
            forms = {f for f in forms if len(f) >= 2}
            self._pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) or "(?!)")
        return self._pattern

    def find_in(self, text: str) -> list[tuple[Concept, str]]:
        """Concepts whose labels occur in ``text`` (leftmost-longest, no overlaps), with the matched form."""
        norm = normalise(text)
        out: list[tuple[Concept, str]] = []
        seen: set[str] = set()
        for m in self.pattern().finditer(norm):
            c = self.forms[m.group()]
            if c.id not in seen:
                seen.add(c.id)
                out.append((c, m.group()))
        return out

    def leftover(self, text: str) -> str:
        """What of ``text`` no label covers (to tell an unknown specialty from a known one)."""
        return self.pattern().sub("", normalise(text))


@cache
def vocab_index(onto: Ontology, scheme: str) -> VocabIndex:
    return VocabIndex(onto, scheme)
