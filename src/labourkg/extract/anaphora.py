"""Third-person pronouns (他 / 她) as mentions of the person the text is about.

A profile names its subject once or twice and then goes on with 他: 他先后荣获…, 他带领团队为
某公司解决…. A pronoun standing as a word of its own (not 其他, 他们, 他人) becomes a mention of
the last person named before it (bylines and journalists aside), so the relation rules read
it like the name. The mention has no surface: it adds no alias and no offsets.
"""

from __future__ import annotations

import re

from labourkg.extract.model import Doc, Mention

_PRONOUN = re.compile(r"(?<![其吉利排])[他她](?![们人乡国日])")
_REACH = 300  # characters back to the antecedent


def pronoun_mentions(doc: Doc) -> list[Mention]:
    """Person mentions for 他/她, each named after its antecedent."""
    people = [m for m in doc.mentions if m.type == "Person" and m.how != "byline"
              and "journalist" not in m.attrs.get("roles", ())]
    out: list[Mention] = []
    for m in _PRONOUN.finditer(doc.text):
        before = [p for p in people if p.end <= m.start() and m.start() - p.end <= _REACH]
        if not before:
            continue
        ante = before[-1]
        out.append(Mention(m.start(), m.end(), "Person", ante.name, "", how="pronoun", attrs=ante.attrs))
    return out
