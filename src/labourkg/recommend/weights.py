"""The weights of the combined score, tunable from a file (JSON or TOML) or ``name=value`` overrides.

>>> w = Weights().with_overrides("skill=0.5, ppr=0")
>>> w.skill, w.ppr
(0.5, 0.0)
>>> round(sum(w.normalised().values()), 6)
1.0
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from labourkg.errors import InvalidRequest

SIGNALS = ("skill", "industry", "region", "credibility", "ppr", "history", "similar")


@dataclass(frozen=True)
class Weights:
    """Signal weights (any non-negative numbers; the score divides by their sum) and algorithm knobs."""

    skill: float = 0.30  # need -> skill match through the skill vocabulary, specificity-weighted
    industry: float = 0.05  # GB/T 4754: same division > same section
    region: float = 0.22  # GB/T 2260: same county > same city > same province
    credibility: float = 0.03  # honours (level, recency), studio level
    ppr: float = 0.12  # personalised PageRank from the SME and its needs
    history: float = 0.25  # engagements with this SME before
    similar: float = 0.12  # engagements with SMEs that had the same needs
    # knobs
    alpha: float = 0.2  # PPR restart probability
    eps: float = 5e-5  # PPR push threshold (per unit of degree)
    ppr_max_work: int = 50_000  # PPR edge updates per call, at most
    ppr_rounds: int = 8  # PPR push rounds (hops from the seeds), at most
    ppr_seed_sme: float = 0.4  # share of the restart mass on the SME node itself (rest on its needs)

    def normalised(self) -> dict[str, float]:
        total = sum(getattr(self, s) for s in SIGNALS)
        if total <= 0:
            raise InvalidRequest("weights: at least one signal weight must be positive")
        return {s: getattr(self, s) / total for s in SIGNALS}

    def with_overrides(self, spec: str | dict[str, float] | None) -> Weights:
        """``"skill=0.4,ppr=0.1"`` or a dict; unknown names and negative values are refused."""
        if not spec:
            return self
        items: dict[str, str | float] = dict(spec) if isinstance(spec, dict) else {}
        if isinstance(spec, str):
            for part in spec.split(","):
                if not part.strip():
                    continue
                if "=" not in part:
                    raise InvalidRequest(f"weights: {part.strip()!r} is not name=value")
                k, v = part.split("=", 1)
                items[k.strip()] = v.strip()
        known = {f.name: f.type for f in fields(self)}
        changes: dict[str, float | int] = {}
        for k, v in items.items():
            if k not in known:
                raise InvalidRequest(f"weights: unknown name {k!r} (known: {', '.join(known)})")
            try:
                num = float(v)
            except (TypeError, ValueError):
                raise InvalidRequest(f"weights: {k}={v!r} is not a number") from None
            if num < 0 or num != num:
                raise InvalidRequest(f"weights: {k} must be >= 0")
            changes[k] = int(num) if k in ("ppr_max_work", "ppr_rounds") else num
        return replace(self, **changes)

    @classmethod
    def from_file(cls, path: Path | str) -> Weights:
        return cls().with_file(path)

    def with_file(self, path: Path | str) -> Weights:
        """These weights with the values of a JSON or TOML file (``[weights]`` table or top level)."""
        p = Path(path)
        if not p.exists():
            raise InvalidRequest(f"weights file {p} does not exist")
        text = p.read_text(encoding="utf-8")
        if p.suffix.lower() == ".toml":
            import tomllib

            data = tomllib.loads(text)
            data = data.get("weights", data)
        else:
            data = json.loads(text)
        return self.with_overrides({k: v for k, v in data.items()})

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


DEFAULT_WEIGHTS = Weights()


def weights_from(spec: str | None, file: Path | None, base: Weights | None = None) -> Weights:
    """The CLI's weights: ``base`` (default: the interactive weights) with the file's values, then the
    ``name=value`` overrides of ``spec``."""
    w = base or DEFAULT_WEIGHTS
    return (w.with_file(file) if file else w).with_overrides(spec)
