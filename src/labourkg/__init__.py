"""labourkg: knowledge graph of labour models, craftsmen, studios, service teams and SMEs.

>>> import labourkg
>>> labourkg.__version__
'0.1.0'
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def recommend(request: Any, **kwargs: Any) -> dict[str, Any]:
    """Who can help this SME with this need? See ``labourkg.recommend.recommend`` (imported lazily, so
    ``import labourkg`` stays cheap for the CLI)."""
    from labourkg.recommend import recommend as _recommend

    return _recommend(request, **kwargs)
