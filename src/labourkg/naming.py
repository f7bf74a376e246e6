"""Canonical names and ids of organisations and people, shared by the article and register loaders.

One rule for both paths is what makes a person or company from a register and the same
one from an article the same node.
"""

from __future__ import annotations

import re
import unicodedata

from labourkg.extract.grammar import organisation_kind
from labourkg.text import to_simplified

_SPACE = re.compile(r"[\s\u3000]+")


def canonical_name(name: str) -> str:
    """Simplified Chinese, NFKC (full-width brackets become ASCII), no inner spaces."""
    return _SPACE.sub("", to_simplified(unicodedata.normalize("NFKC", name or ""))).strip()


def organisation_label(name: str, default: str = "Enterprise") -> str:
    """Enterprise, Union, GovernmentBody or Organization, by the name's suffix -- the extractor's suffix
    grammar (``extract.grammar``), so a register's employer and an article's organisation get one label.

    >>> organisation_label("茂名市总工会"), organisation_label("茂名市人社局"), organisation_label("信宜长城玉器工艺厂")
    ('Union', 'GovernmentBody', 'Enterprise')
    """
    return organisation_kind(canonical_name(name)) or default
