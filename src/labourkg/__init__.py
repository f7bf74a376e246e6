"""labourkg: knowledge graph of labour models, craftsmen, studios, service teams and SMEs.

>>> import labourkg
>>> labourkg.recommend  # doctest: +ELLIPSIS
<function recommend at ...>
"""

from __future__ import annotations

__version__ = "0.1.0"


def recommend(*args, **kwargs):  # noqa: ANN002, ANN003 - forwards to labourkg.recommend.recommend
    """See ``labourkg.recommend.recommend``."""
    from labourkg.recommend import recommend as _recommend

    return _recommend(*args, **kwargs)
