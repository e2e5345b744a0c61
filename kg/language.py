"""Which language a text is in: the one detector both the readers (``kg.read``: a page's language when it
does not declare one, or its text contradicts the declaration) and the extractor (``kg.extract.lang``:
which rules run) use, so that they never disagree about a text.

py3langid's model (97 languages, shipped inside its wheel; nothing is fetched), with normalised
probabilities. Chosen over simplemma's word lists by ``python -m bench.language`` (German and English
sentences of ``../shared/realdata``, French, Spanish, Italian, Dutch, Portuguese, Hungarian, Polish, Swedish
and Turkish sentences written for it): py3langid names the language of 99.6 % of the sentences (97.9 % of
their first six words, 100 % of five-sentence paragraphs) and decides German / English / other as well or
better than the word lists (0.996 against 0.970 per sentence, 0.979 against 0.931 on six words); simplemma
can only name the languages it is asked about, and with German and English only it took a quarter of the
French sentences for German or English.

>>> detect("Die Regierung in Berlin hat am Montag neue Gespräche angekündigt.").code
'de'
>>> detect("Le gouvernement a annoncé lundi de nouvelles négociations avec ses partenaires.").code
'fr'
>>> detect("2025 - 10 - 17").code is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

SAMPLE_CHARS = 5_000
"""Only the first this many characters are looked at (the guess settles long before)."""
MIN_WORDS = 3
"""Fewer words of letters than this (numbers, a name, nothing) are no language."""

_WORD = re.compile(r"[^\W\d_]{2,}")
_IDENTIFIER: Any = None


@dataclass(frozen=True)
class Guess:
    """A detected language: its ISO 639-1 code (None when the text has too few words) and how sure."""

    code: str | None
    probability: float


def detect(text: str) -> Guess:
    """The language of ``text``."""
    global _IDENTIFIER
    sample = text[:SAMPLE_CHARS]
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return Guess(None, 0.0)
    if _IDENTIFIER is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    code, probability = _IDENTIFIER.classify(sample)
    return Guess(str(code), float(probability))
