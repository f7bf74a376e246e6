"""Canonical names and ids of organisations and people, shared by the article and register loaders.

One rule for both paths is what makes a person or company from a register and the same
one from an article the same node.
"""

from __future__ import annotations

import re
import unicodedata

from labourkg.vocab import _t2s

_SPACE = re.compile(r"[\s\u3000]+")

# suffix grammar, most specific first: the first suffix a name ends with decides its label
ORG_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("总工会", "Union"), ("工会委员会", "Union"), ("工会联合会", "Union"), ("工会", "Union"),
    ("有限责任公司", "Enterprise"), ("股份有限公司", "Enterprise"), ("有限公司", "Enterprise"), ("集团", "Enterprise"),
    ("公司", "Enterprise"), ("厂", "Enterprise"), ("产业园", "Enterprise"), ("工业园", "Enterprise"), ("合作社", "Enterprise"),
    ("人民政府", "GovernmentBody"), ("政府", "GovernmentBody"), ("人大常委会", "GovernmentBody"), ("政协", "GovernmentBody"),
    ("党校", "Organization"), ("委员会", "GovernmentBody"), ("局", "GovernmentBody"), ("厅", "GovernmentBody"),
    ("办公室", "GovernmentBody"), ("委", "GovernmentBody"), ("部", "GovernmentBody"),
    ("医院", "Organization"), ("大学", "Organization"), ("学院", "Organization"), ("学校", "Organization"),
    ("中学", "Organization"), ("小学", "Organization"), ("研究院", "Organization"), ("研究所", "Organization"),
    ("报社", "Organization"), ("中心", "Organization"), ("博物馆", "Organization"), ("馆", "Organization"),
)


def canonical_name(name: str) -> str:
    """Simplified Chinese, NFKC (full-width brackets become ASCII), no inner spaces."""
    return _SPACE.sub("", _t2s()(unicodedata.normalize("NFKC", name or ""))).strip()


def organisation_label(name: str, default: str = "Enterprise") -> str:
    """Enterprise, Union, GovernmentBody or Organization, by the name's suffix.

    >>> organisation_label("茂名市总工会"), organisation_label("茂名市人社局"), organisation_label("信宜长城玉器工艺厂")
    ('Union', 'GovernmentBody', 'Enterprise')
    """
    n = canonical_name(name)
    for suffix, label in ORG_SUFFIXES:
        if n.endswith(suffix):
            return label
    return default
