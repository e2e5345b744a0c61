"""Which language a text is in, for the extractor: ``de``, ``en`` or ``other``.

The detector is :mod:`kg.language`, the one the readers use too, so an article the reader says is French
is never analysed by the German rules. A text of too few words is ``other``.

>>> detect("Die Regierung in Berlin hat am Montag neue Gespräche angekündigt.")
'de'
>>> detect("The government announced new talks on Monday.")
'en'
>>> detect("Le gouvernement a annoncé lundi de nouvelles négociations avec ses partenaires.")
'other'
"""

from __future__ import annotations

from kg import language

READ = ("de", "en")
"""The languages the extractor has rules for."""


def detect(text: str) -> str:
    """``de``, ``en`` or ``other`` for ``text``."""
    code = language.detect(text).code
    return code if code in READ else "other"
