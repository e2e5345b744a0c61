"""Which language a text is in: ``de``, ``en`` or ``other``.

simplemma's dictionary method: the share of a text's words that each language's word list (shipped inside
the simplemma wheel) knows. A text is German or English when that share is high enough and clearly higher
than the other's; anything else (French, Hungarian, numbers only, a few words) is ``other``.

>>> detect("Die Regierung in Berlin hat am Montag neue Gespräche angekündigt.")
'de'
>>> detect("The government announced new talks on Monday.")
'en'
>>> detect("Le gouvernement a annoncé lundi de nouvelles négociations avec ses partenaires.")
'other'
"""

from __future__ import annotations

import os
import re

os.environ.setdefault("HF_HUB_OFFLINE", "1")

SAMPLE_CHARS = 20_000
"""Only the first this many characters are looked at (the share settles long before)."""
MIN_SHARE = 0.5
"""The share of known words a language needs."""
MIN_WORDS = 3

_WORD = re.compile(r"[^\W\d_]{2,}")


def scores(text: str) -> dict[str, float]:
    """The share of the words of ``text`` that the German and the English word lists know."""
    import simplemma

    sample = text[:SAMPLE_CHARS]
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return {"de": 0.0, "en": 0.0}
    found = dict(simplemma.langdetect(sample, lang=("de", "en")))
    return {"de": float(found.get("de", 0.0)), "en": float(found.get("en", 0.0))}


def detect(text: str) -> str:
    """``de``, ``en`` or ``other`` for ``text``."""
    got = scores(text)
    best = max(got, key=lambda k: got[k])
    other = "en" if best == "de" else "de"
    if got[best] >= MIN_SHARE and got[best] > got[other] + 0.1:
        return best
    return "other"
