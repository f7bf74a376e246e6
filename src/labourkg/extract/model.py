"""The data the extraction steps pass along: mentions in the normalised text, and the document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from labourkg.extract.gazetteer import Gazetteer
from labourkg.ontology import Concept, Ontology
from labourkg.text import Normalised


@dataclass
class Mention:
    """One surface occurrence of an entity; offsets are into the *normalised* text."""

    start: int
    end: int
    type: str
    name: str  # canonical name (before article-level resolution)
    surface: str
    concept: str | None = None  # id of a SKOS concept it resolves to
    attrs: dict[str, Any] = field(default_factory=dict)
    how: str = ""  # which rule found it (for debugging and confidence)

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass
class Rel:
    """A relation between two mentions' entities, with its evidence span (normalised offsets)."""

    type: str
    subject: Mention
    object: Mention
    start: int
    end: int
    confidence: float
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Doc:
    """One article being extracted, with what is known about it so far."""

    norm: Normalised
    onto: Ontology
    gaz: Gazetteer
    sentences: list[tuple[int, int]]
    home_city: Concept | None = None
    home_province: Concept | None = None
    newspaper: str | None = None
    # the county-level city a bare 市 refers to (高州市委、市政府), set once the bodies are read
    county_city: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.norm.text

    def sentence_of(self, pos: int) -> tuple[int, int]:
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = self.sentences[mid]
            if pos < s:
                hi = mid - 1
            elif pos >= e:
                lo = mid + 1
            else:
                return s, e
        return pos, pos

    def of_type(self, *types: str) -> list[Mention]:
        return [m for m in self.mentions if m.type in types]

    def expand_level(self, abbr: str) -> str | None:
        """Full name of the place a relative jurisdiction (市, 省, 市级, 全市) refers to."""
        if abbr in ("市", "市级", "全市", "我市", "本市") and self.county_city:
            return self.county_city
        if abbr in ("市", "市级", "全市", "我市", "本市") and self.home_city:
            return self.home_city.name
        if abbr in ("省", "省级", "全省", "我省", "本省") and self.home_province:
            return self.home_province.name
        return None
