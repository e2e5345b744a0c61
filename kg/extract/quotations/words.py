"""Word lists the speaker rules share (prepositions, auxiliaries, agencies, media nouns, ...), in one place
so that the modules finding phrases, subjects and speakers agree on them.
"""

from __future__ import annotations

import re

from kg.extract import cues as C

_HEISST_PREP = {"in", "im", "aus", "von", "vom", "bei", "beim", "auf", "seitens"}


_MIDDLE_PREPOSITIONS = _HEISST_PREP | {
    "am",
    "an",
    "mit",
    "nach",
    "für",
    "um",
    "über",
    "unter",
    "vor",
    "gegen",
    "durch",
    "ohne",
    "seit",
    "bis",
    "zum",
    "zur",
    "zu",
    "ins",
    "gegenüber",
    "während",
    "angesichts",
    "trotz",
    "wegen",
    "aufgrund",
    "anlässlich",
    "innerhalb",
    "außerhalb",
    "neben",
    "hinter",
    "zwischen",
    "per",
    "via",
}
"""Prepositions that open an adverbial in the middle field ("sagte am Montag in Berlin gegenüber der
Zeitung die Ministerin"): what they govern is no subject."""


_OBJECT_PERSONAL = {"ihm", "ihnen", "mir", "uns", "dir", "euch", "ihn", "mich", "dich"}
"""Personal pronouns in the dative or accusative: "sagte ihm der Trainer", "obwohl ihn die Ministerin als
„…“ bezeichnete"."""


_OBLIQUE_OPENERS = C.DE_ACCUSATIVE | _OBJECT_PERSONAL | {"diesem", "seinem", "ihrem", "unserem", "jenem"}
"""Words that open a dative or accusative phrase, or are one ("sagte dem Sender", "sagte ihm")."""


_GENITIVE = {"des", "eines", "dieses", "seines", "ihres", "unseres", "jenes"}
"""Articles of the genitive alone: what they open is an attribute, never a subject."""


_GENITIVE_DATIVE_FEMININE = {"der", "einer", "dieser", "seiner", "ihrer", "unserer", "jener"}
"""Articles that open a feminine phrase only in the genitive or dative: "der Zeitung", "einer Agentur"."""


_AGENCIES = {"dpa", "afp", "ap", "kna", "epd", "ddp", "apa", "sda", "sid", "reuters"}
"""News agencies, feminine as "die Agentur" is: "sagte der dpa", "sagte der Nachrichtenagentur dpa"."""


_MEDIA_NOUN = re.compile(r"(zeitung|nachrichtenagentur|presse-?agentur|zeitschrift|illustrierte)$")
"""Heads of a paper's or an agency's name, feminine: "sagte der Minister der Deutschen Presse-Agentur"."""


_AUX = {
    "hat",
    "hatte",
    "hatten",
    "haben",
    "habe",
    "hätte",
    "hätten",
    "wurde",
    "wurden",
    "wird",
    "werden",
    "werde",
    "ist",
    "war",
    "waren",
    "sei",
    "seien",
    "soll",
    "sollen",
    "solle",
    "will",
    "wollen",
    "wolle",
    "kann",
    "könne",
    "konnte",
    "muss",
    "müsse",
    "würde",
    "würden",
    "lässt",
    "ließ",
    "ließen",
    "has",
    "had",
    "have",
    "was",
    "were",
    "would",
    "is",
    "are",
}


_JUDGING_PARTICIPLES = {
    "gewertet",
    "bewertet",
    "betrachtet",
    "eingestuft",
    "beurteilt",
    "empfunden",
    "gesehen",
}


_FOCUS = {
    "auch",
    "selbst",
    "sogar",
    "nur",
    "gerade",
    "dann",
    "nun",
    "jetzt",
    "zuletzt",
    "zudem",
    "ebenso",
    "also",
    "even",
    "only",
    "now",
    "then",
}
"""Words that may stand before the subject at the start of a clause ("Auch die Ministerin sagte ...")."""


_RELATIVE = {"der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher", "welches"}
"""German relative pronouns (and the articles they look like)."""


_PREPOSITIONS = {
    "mit",
    "von",
    "vom",
    "nach",
    "bei",
    "beim",
    "gegen",
    "für",
    "über",
    "zu",
    "zum",
    "zur",
    "aus",
}
"""Prepositions that make the name after them no speaker: "Meier nach dem Streit mit Berger: „…“"."""


_COPULA = {
    "ist",
    "sei",
    "war",
    "wäre",
    "sind",
    "seien",
    "waren",
    "wären",
    "bleibt",
    "bleibe",
    "steht",
    "stand",
}


_VIEW_OPENERS = (("aus", "sicht"), ("in", "den", "augen"))
"""Words that open a clause with the one whose view it gives after them: "Aus Sicht (von) X ist klar: „…“"."""


_EN_AUXILIARIES = {
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "could",
    "did",
    "does",
    "do",
    "also",
    "again",
    "once",
    "often",
    "never",
    "not",
    "just",
    "already",
    "still",
    "previously",
    "recently",
    "since",
    "then",
    "now",
}
"""Words that stand between an English subject and its verb ("Trump has also called for", "He once again
vowed"), besides adverbs in -ly."""


_EN_PLURAL_QUANTIFIERS = {"some", "many", "few", "several", "most", "more", "fewer", "both", "all", "various"}
"""English quantifiers of plural nouns, whose verb has no -s: "many say", but "some calls" is a noun."""
