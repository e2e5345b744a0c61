"""Noun phrases: the words that name someone before or after a token (titles, names, appositions,
genitives), and where a clause opens or ends.
"""

from __future__ import annotations

import re

from kg.extract import cues as C
from kg.extract.quotations.marks import _MARKS
from kg.extract.quotations.saying import _cue_ok, _en_base_not_finite, _is_cue
from kg.extract.quotations.state import _in_quote, _is_adj, _is_cap, _mention_in, _person_starts, _State, _Tok
from kg.extract.quotations.words import _GENITIVE, _GENITIVE_DATIVE_FEMININE, _MIDDLE_PREPOSITIONS

_TEMPORAL = {
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "jahr",
    "jahres",
    "woche",
    "monat",
    "tag",
    "abend",
    "morgen",
    "wochenende",
    "zeit",
}


def _opens_quote(st: _State, k: int) -> bool:
    """Whether the mark at token ``k`` opens a quotation (the next token is inside one)."""
    return k + 1 < len(st.toks) and _in_quote(st, st.toks[k + 1])


_COMPOUND_NOUN = re.compile(r"(\d+|[a-zäöü]\w*)-[A-ZÄÖÜ]\w")
"""A noun whose first part is a number or a lower-case word, capitalised as its last part is: "Der
54-Jährige", "die documenta-Homepage", "eine dpa-Meldung"."""


def _inside_name(st: _State, k: int) -> bool:
    """Whether token ``k`` stands inside a person's or a body's name after its first word ("bin" in "Osama
    bin Laden", "al-Abbas" in "Mahmud al-Abbas")."""
    t = st.toks[k]
    return any(
        m.span.start < t.start
        for m in _mention_in(st, max(0, t.start - 80), t.end + 80)
        if m.span.end >= t.end and m.span.start <= t.start
    )


def _extended_attribute(st: _State, k: int, end: int) -> int | None:
    """The adjective or participle that ends an extended attribute opening at token ``k`` right after a
    German article, before the noun ("der am Montag gewählte Präsident", "der sichtlich bewegte Trainer",
    "die zur Stanford University gehörende Hoover Institution"): adverbs and prepositional phrases up to an
    adjective that no preposition governs; None when the article is not followed by one."""
    toks = st.toks
    t = toks[k] if k < end else None
    if t is None or _is_cap(t) or _is_adj(t, "de") or t.low in C.DE_DET or not t.text.isalnum():
        return None
    governed = False  # inside a prepositional phrase, before its noun
    for x in range(k, min(end - 1, k + 8)):
        w, nxt = toks[x], toks[x + 1]
        if _in_quote(st, w) or not (w.text.isalpha() or w.text[:1].isdigit()) or _is_cue(st, w):
            return None
        if w.low in ("und", "oder", "dass", "als", "wie", "sich"):
            return None
        if w.low in _MIDDLE_PREPOSITIONS:
            governed = True
        elif _is_cap(w):
            if not governed:
                return None  # a noun of the phrase itself: no attribute stands before it
            governed = False
        elif _is_adj(w, "de") and not governed and (_is_cap(nxt) or nxt.text in _MARKS):
            return x
    return None


def _named(st: _State, k: int) -> bool:
    """Token ``k`` is part of a name (a mention of any type): "Karl-Theodor zu Guttenberg", "Lothar
    Nicht"; not "zu" in "X zu Wort", "Seine Meinung zu X"."""
    t = st.toks[k]
    near = _mention_in(st, max(0, t.start - 80), t.end + 80, ("Person", "Organization", "Place"))
    return any(m.span.start <= t.start and t.end <= m.span.end for m in near)


_PLURAL_GENITIVE = {"beider", "aller", "mehrerer", "vieler", "zahlreicher", "einiger"}
"""Words that open a genitive plural without an article: "die Sprecher beider Parteien"."""


_INSTITUTION = re.compile(
    r"(gericht|gerichtshof|institut|klinikum|klinik|krankenhaus|universität|hochschule)$"
)
"""Heads of the institution a role is held at: "Richter am Landgericht", "Professorin an der Universität"."""


def _route(st: _State, k: int, end: int) -> bool:
    """The "von" at token ``k`` opens a route or a range, no attribute ("zogen die Demonstranten vom
    Hauptbahnhof bis zum Rathaus"): "bis" follows within its phrase."""
    for x in range(k + 1, min(end, k + 6)):
        if st.toks[x].low == "bis":
            return True
        if not st.toks[x].text[:1].isalnum():
            return False
    return False


def _institution_after(st: _State, k: int, end: int) -> int | None:
    """Where the name of the institution a role is held at, opened by "am" or "an der" at token ``k``,
    begins ("der Richter am Landgericht Hamburg", "Professorin an der Universität Hamburg"); None when
    none does (not "der Trainer am Montag")."""
    toks = st.toks
    x = k + 1 if toks[k].low == "am" else k + 2
    if toks[k].low == "an" and (k + 1 >= end or toks[k + 1].low != "der"):
        return None
    if x < end and _INSTITUTION.search(toks[x].low) is not None:
        return x
    return None


def _surname(st: _State, k: int) -> bool:
    """A capitalised word right after a person's first name (a mention of a person that ends there) is
    the surname, even when German writes it as a function word: "Lothar Nicht"."""
    t, prev = st.toks[k], st.toks[k - 1]
    return (
        k > st.sents[t.sent][0]
        and _is_cap(t)
        and any(m.type == "Person" and m.span.end == prev.end for m in _mention_in(st, prev.start, prev.end))
    )


def _function_word_in_name(st: _State, k: int) -> bool:
    """The capitalised function word at token ``k`` is a word of a name ("Lothar Nicht") or opens a title
    in quotation marks (die Initiative „Mehr Demokratie“)."""
    opening = k - 1 > st.sents[st.toks[k].sent][0] and st.toks[k - 1].text in ("„", "»", "‚", '"')
    return opening or _named(st, k) or _surname(st, k)


def _lower_name(st: _State, k: int) -> bool:
    """A name written in lower case starts at token ``k`` ("n-tv", "ver.di"): a mention starts there."""
    t = st.toks[k]
    return t.text[:1].isalpha() and any(m.span.start == t.start for m in _mention_in(st, t.start, t.end + 80))


def _np_forward(st: _State, j: int, end: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``j`` (before token ``end``): ``(first, last+1)`` or None."""
    toks, lang = st.toks, st.lang
    if j >= end:
        return None
    t = toks[j]
    pron = C.DE_PRONOUNS if lang == "de" else C.EN_PRONOUNS
    if t.low in pron and t.low not in ("man", "it"):
        return (j, j + 1)
    if lang == "de" and t.low in ("letztere", "letzterer", "erstere", "ersterer"):
        return (j, j + 1)  # "…“, so letztere."
    det = C.DE_DET if lang == "de" else C.EN_DET
    while lang != "de" and j < end - 1 and toks[j].low in _EN_OPENERS:
        j += 1  # "Yet Mr Bown", "Ultimately Mr Clarke"
    k = j
    has_noun = False
    if toks[k].low in det and not (lang == "de" and toks[k].low in ("zwei", "drei", "vier") and k + 1 >= end):
        k += 1
        if lang == "de" and (adj := _extended_attribute(st, k, end)) is not None:
            k = adj  # "der am Montag gewählte Präsident": the words before the adjective belong to it
    while k < end:
        t = toks[k]
        if _in_quote(st, t):
            break
        if lang == "de":
            cap = (_is_cap(t) and t.text[0].isalpha()) or _COMPOUND_NOUN.match(t.text)
            if cap and (t.low not in C.DE_STOP or (has_noun and _function_word_in_name(st, k))):
                has_noun = True
                k += 1
                continue
            if t.text in _MARKS and k + 1 < end and (has_noun or _is_cap(toks[k + 1])):
                k += 1  # a title in quotation marks: die Wochenzeitschrift „Jungle World“
                continue
            if has_noun and t.text[:1] == "-" and t.text[1:2].isupper() and toks[k - 1].text in _MARKS:
                k += 1  # the rest of a compound after a title: die „Bild“-Zeitung
                continue
            if has_noun and t.text[:1].islower() and _inside_name(st, k):
                k += 1  # "Osama bin Laden", "Mahmud al-Abbas": a lower-case word inside a name
                continue
            if has_noun and t.text[:1].islower() and _lower_name(st, k):
                k += 1  # "der Sender n-tv": a name written in lower case after the noun it names
                continue
            if (
                not has_noun
                and k == j + 1
                and toks[j].low in det
                and t.text.isalpha()
                and t.text.islower()
                and t.low not in C.DE_SPEECH_FORMS
                and t.low not in C.DE_STOP
                and k + 1 < end
                and _is_cap(toks[k + 1])
                and toks[k + 1].low not in C.DE_STOP
            ):
                k += 1  # "die beiden Mitglieder", "die vier Abgeordneten": a word between article and noun
                continue
            saxon = k - 1 == j and toks[j].low.endswith("s")  # a name in the genitive: "Bayerns neuer Chef"
            title = k + 2 < end and toks[k + 1].text in _MARKS and _is_cap(toks[k + 2])
            if (
                (not has_noun or saxon)
                and _is_adj(t, lang)
                and k + 1 < end
                and (_is_cap(toks[k + 1]) or _is_adj(toks[k + 1], lang) or title)
            ):
                k += 1
                continue
            if has_noun and t.low in ("eines", "einer") and k + 2 < end and toks[k + 1].low == "der":
                k += 2  # "der Anwalt eines der Opfer"
                continue
            if (
                has_noun
                and (t.low in ("des", "der", "eines", "einer") or t.low in _PLURAL_GENITIVE)
                and k + 1 < end
                and (_is_cap(toks[k + 1]) or _is_adj(toks[k + 1], lang))
            ):
                k += 1  # a genitive attribute: "der Chef der Bahn", "die Sprecher beider Parteien"
                continue
            if (
                has_noun
                and _is_adj(t, lang)
                and toks[k - 1].low in C.DE_DET
                and k + 1 < end
                and (_is_cap(toks[k + 1]) or _is_adj(toks[k + 1], lang))
            ):
                k += 1  # "vom Abgeordneten des russischen Föderationsrates"
                continue
            if (
                has_noun
                and t.low == "und"
                and k + 2 < end
                and _is_cap(toks[k + 1])
                and any(m.type == "Person" for m in _mention_in(st, toks[j].start, t.start))
                and _person_starts(st, k + 1, end)
            ):
                k += 1  # "die beiden Mitglieder Jan Giesel und David Perteck": two people named together
                continue
            if (
                has_noun
                and t.low == "und"
                and k + 1 < end
                and _is_cap(toks[k + 1])
                and toks[k + 1].low not in C.DE_STOP
                and (k + 2 >= end or toks[k + 2].text in (",", ".", ":", ";", "("))
                and any(toks[x].low in ("für", "von", "des", "der") for x in range(j + 1, k - 1))
            ):
                k += 1  # "die Ministerin für Arbeit und Soziales, X": a coordinated word ends the attribute
                continue
            if (
                has_noun
                and t.low in ("im", "am", "beim")
                and k + 3 < end
                and _is_cap(toks[k + 1])
                and toks[k + 2].text == ","
                and _person_starts(st, k + 3, end)
            ):
                k += 1  # "der Sprecher der Fraktion im Bundestag, Thorsten Frei": a title before the name
                continue
            if has_noun and t.text[:1].isdigit() and k + 1 < end and _is_cap(toks[k + 1]):
                k += 1  # "der Sportchef von Bayer 04 Leverkusen"
                continue
            if (
                has_noun
                and t.low in ("von", "vom", "für", "beim", "zu")
                and k + 1 < end
                and _is_cap(toks[k + 1])
                and (t.low != "zu" or _named(st, k))
                and not _route(st, k, end)
            ):
                k += 1  # "der Deutschlandchef von EY", "der Chef der Bundesagentur für Arbeit"
                continue
            if has_noun and t.low in ("am", "an") and (inst := _institution_after(st, k, end)) is not None:
                k = inst  # "der Vorsitzende Richter am Landgericht Hamburg", "Professorin an der Universität"
                continue
            if (
                has_noun
                and t.low in ("aus", "von", "vom")
                and k + 2 < end
                and toks[k + 1].low in ("dem", "der")
                and _is_cap(toks[k + 2])
                and not _mention_in(st, toks[k + 2].start, toks[k + 2].end, ("Place",))
            ):
                k += 2  # "Privatdozent Dr. Dittrich aus dem Forscherteam"
                continue
            if (
                has_noun
                and t.low == "aus"
                and k + 1 < end
                and _is_cap(toks[k + 1])
                and _mention_in(st, toks[k + 1].start, toks[k + 1].end, ("Place",))
            ):
                k += 1  # "ein Sprecher aus Washington"
                continue
            if (
                has_noun
                and t.low in ("aus", "von")
                and k + 1 < end
                and toks[k + 1].low in ("dem", "der", "den")
            ):
                break
            if has_noun and t.text == "," and k + 1 < end:
                # an apposition: ", Kopf einer Gruppe von Inspektoren," / ", dem Dekan," / ", Hubert Bart"
                m = k + 1
                ok_words = C.DE_DET | {"des", "der", "von", "vom", "und", "im", "beim"}
                while m < end and m - k <= 12 and toks[m].text not in (",", ".", ":", ";", "(", ")"):
                    w = toks[m]
                    if (
                        not (_is_cap(w) or w.low in ok_words or _is_adj(w, lang))
                        or w.low in C.DE_SPEECH_FORMS
                    ):
                        break
                    m += 1
                if (
                    m > k + 1
                    and (m >= end or toks[m].text in (",", ".", ":", ";"))
                    and any(_is_cap(toks[x]) and toks[x].low not in _DE_CAP_PRONOUNS for x in range(k + 1, m))
                ):
                    k = m
                    break
        else:
            if (
                has_noun
                and t.low in ("of", "at", "from", "for")
                and k + 1 < end
                and (
                    _is_cap(toks[k + 1])
                    or _en_noun_word(toks[k + 1])
                    or (toks[k + 1].low == "the" and k + 2 < end and _is_cap(toks[k + 2]))
                )
            ):
                k += 1  # "Gov. Earl Ray Tomblin of West Virginia"
                continue
            if (
                has_noun
                and t.text == ","
                and k + 1 < end
                and (
                    toks[k + 1].low in ("a", "an", "the", "who", "which", "whose", "including")
                    or toks[k + 1].low in _EN_TITLES
                    or _en_apposition_opener(st, k + 1, end)
                )
            ):
                # ", a political scientist at Christopher Newport University", ", who runs the campaign",
                # ", including Jane Doe and John Smith": up to the next comma or the end, and a relative
                # clause after the apposition
                m = k
                while m == k or (
                    m + 1 < end and toks[m].text == "," and toks[m + 1].low in ("who", "which", "whose")
                ):
                    comma = m
                    m += 1
                    while m < end and m - k <= 25 and toks[m].text not in (",", ".", ";", ":", "!", "?"):
                        m += 1
                    if _en_relative_speaks(st, comma + 1, m):
                        m = comma  # ", who argued that …": speech of its own, not part of the phrase
                        break
                    if _en_main_clause(st, comma + 1, m):
                        m = comma  # "According to X, the agency ran out of money": the clause, no apposition
                        break
                k = m
                break
            if has_noun and t.text == "(" and _is_cap(toks[k - 1]):
                close = next((x for x in range(k + 1, min(end, k + 7)) if toks[x].text == ")"), None)
                if close is not None:
                    k = close + 1  # "Sen. Jane Doe (D-Mont.)": the party and state of the name before
                    continue
            if has_noun and _en_postmodifier(st, k):
                k += 2  # "people familiar with the matter": the adjective, its preposition and its object
                continue
            if t.low in C.EN_STOP or (t.low in C.EN_SPEECH_FORMS and not _en_base_not_finite(st, t)):
                break
            if (
                has_noun
                and t.text.islower()
                and (t.low.endswith(("ed", "ly")) or t.low in _EN_VERBS or _en_past(st, k))
            ):
                break  # "Trump attacked Clinton", "Reid frequently mocked Romney": the verb ends the phrase
            if (
                t.text[0].isalpha()
                or t.text in ("-",)
                or (t.text.endswith(".") and _is_cap(t))
                or (t.text[0].isdigit() and k + 1 < end and toks[k + 1].text[:1].isalpha())
                or (has_noun and t.low in ("'s", "’s"))  # "Hillary Clinton's campaign manager Robby Mook"
            ):
                has_noun = has_noun or True
                k += 1
                # a long phrase ends (the pieces of a hyphenated word count as one: "AFL-CIO")
                if k - j - 2 * sum(_hyphen_in_word(st, x) for x in range(j, k)) >= 8:
                    break
                continue
        # apposition: ", Juri Uschakow," after a noun
        if t.text == "," and has_noun and k + 2 < end and _is_cap(toks[k + 1]) and _is_cap(toks[k + 2]):
            m = k + 1
            while m < end and _is_cap(toks[m]) and toks[m].low not in C.DE_STOP:
                m += 1
            if m >= end or toks[m].text in (",", ".", ":", ";"):
                k = m
                continue
        break
    if not has_noun:
        return None
    while k > j + 1 and (toks[k - 1].text == "," or (toks[k - 1].text in _MARKS and _opens_quote(st, k - 1))):
        k -= 1
    return (j, k)


_DE_NP_PREP = {"von", "vom", "beim", "im", "der", "des", "für", "aus", "am"}


_DE_CAP_PRONOUNS = {"sie", "er", "es", "wir", "ich", "ihr", "man", "dies", "das", "dann", "so"}


_EN_TITLES = {
    "senator",
    "sen.",
    "rep.",
    "governor",
    "gov.",
    "mayor",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "minister",
    "economist",
    "analyst",
    "director",
    "chairman",
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "expert",
    "experts",
    "candidate",
    "candidates",
    "nominee",
    "nominees",
    "leader",
    "chief",
    "professor",
    "lawyer",
    "attorney",
    "judge",
    "general",
    "colonel",
    "manager",
    "executive",
    "founder",
    "ceo",
    "chair",
    "commissioner",
    "campaign",
    "people",
    "voters",
    "critics",
    "supporters",
    "observers",
    "democrats",
    "republicans",
    "police",
    "lawmakers",
    "residents",
    "researchers",
    "scientists",
    "officers",
    "agency",
    "department",
    "ministry",
    "group",
    "committee",
    "report",
    "study",
    "poll",
    "survey",
    "statement",
    "organizers",
    "authorities",
    "team",
    "moderator",
    "anchor",
    "host",
    "correspondent",
    "reporter",
    "columnist",
    "commentator",
    "strategist",
    "pollster",
    "historian",
    "activist",
    "consultant",
    "operative",
}


_EN_VERBS = {
    "took",
    "takes",
    "made",
    "makes",
    "gave",
    "gives",
    "came",
    "comes",
    "went",
    "goes",
    "was",
    "is",
    "were",
    "are",
    "has",
    "had",
    "have",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "got",
    "gets",
    "sent",
    "put",
    "held",
    "holds",
    "kept",
    "keeps",
    "led",
    "leads",
}


_EN_CLAUSE_OPENERS = {
    "at",
    "in",
    "on",
    "after",
    "before",
    "during",
    "later",
    "earlier",
    "but",
    "and",
    "despite",
    "although",
    "though",
    "while",
    "when",
    "if",
    "because",
    "since",
    "unlike",
    "asked",
}
"""Words that open an English adverbial before the subject, up to its comma ("Despite the range of ..., Trump
said")."""


_EN_OPENERS = {
    "yet",
    "but",
    "and",
    "so",
    "also",
    "still",
    "however",
    "meanwhile",
    "as",
    "ultimately",
    "now",
    "where",
}
"""Words that open an English clause before its subject ("Yet as Mr Bown put it")."""


_EN_NAME_PARTICLES = {"de", "van", "von", "bin", "al", "da", "del", "la", "le", "du", "di", "'s", "’s"}
"""Lower-case words inside an English name or phrase ("Bill de Blasio", "Osama bin Laden", "the ad's
narrator")."""


def _en_noun_word(t: _Tok) -> bool:
    """An English word that may end a noun phrase: a name, a number or a lower-case word that is not a
    function word, a verb of saying or a form in -ed, -ly, -ing."""
    return (
        t.text[:1].isalnum()
        and t.low not in C.EN_STOP
        and t.low not in C.EN_SPEECH_FORMS
        and not (t.text.islower() and t.low.endswith(("ed", "ly", "ing")))
    )


_FINITE_TAGS = ("VVFIN", "VAFIN", "VMFIN")
"""Tags of finite verbs: a verb in -te is no adjective of the phrase after it ("verteidigte Minister")."""


def _tagged_alone(st: _State, a: int, b: int, tags: tuple[str, ...]) -> bool:
    """The German phrase ``[a, b)`` is one word the tagger tags as one of ``tags``: a fronted adverb
    ("Monatelang", "Lange": ADV, ADJD) is no subject, an indefinite pronoun ("Einige", "Viele": PIS) is one,
    a finite verb ("verteidigte") no adjective."""
    doc = st.doc
    return b - a == 1 and doc is not None and hasattr(doc, "pos") and doc.pos(a) in tags  # type: ignore[attr-defined]


def _hyphen_in_word(st: _State, k: int) -> bool:
    """Whether token ``k`` is a hyphen that joins the words on both sides ("Smith-Jones"), not a dash that
    stands between phrases with spaces around it ("WASHINGTON (AP) - The senator")."""
    toks = st.toks
    return (
        toks[k].text == "-"
        and 0 < k < len(toks) - 1
        and toks[k - 1].end == toks[k].start
        and toks[k].end == toks[k + 1].start
    )


def _en_past(st: _State, k: int) -> bool:
    """Whether the tagger reads the English word at ``k`` as a verb in the past tense ("spoke", "wrote"),
    which ends the noun phrase before it."""
    doc = st.doc
    return doc is not None and hasattr(doc, "pos") and doc.pos(k) in ("VVD", "VBD", "VHD", "VDD")  # type: ignore[attr-defined]


def _als_auch(st: _State, k: int) -> bool:
    """Tokens ``k`` and ``k + 1`` are the "als auch" that joins the second part of German "sowohl A als
    auch B" (one coordination, as "A und B")."""
    return k + 1 < len(st.toks) and st.toks[k].low == "als" and st.toks[k + 1].low == "auch"


def _en_both_and(st: _State, a: int, b: int) -> bool:
    """Whether the English phrase ``[a, b)`` is "both" before a pair joined by "and" ("Both Mr. King and Mr.
    Schultz"): PolNeAR's source is the pair without "both"; "both men" has no pair and keeps it."""
    toks = st.toks
    return b - a > 3 and toks[a].low == "both" and any(t.low == "and" for t in toks[a + 2 : b - 1])


def _en_pair(st: _State, np_: tuple[int, int] | None, c: int) -> tuple[int, int] | None:
    """The English phrase ``np_`` that opens a clause with a second one joined by "and" ("The New York Times
    and the Gannett newspaper chain filed …, arguing"): both speak, as PolNeAR marks them."""
    toks = st.toks
    if np_ is None or np_[1] + 1 >= c or toks[np_[1]].low != "and":
        return np_
    other = _np_forward(st, np_[1] + 1, c)
    return (np_[0], other[1]) if other is not None else np_


def _en_apposed_subject(st: _State, c: int, lo: int) -> bool:
    """Whether the English words before the comma in front of the verb at ``c`` are a name with its
    apposition that opens the clause ("Jane Doe, a lawyer, said …"): the verb's subject, no clause that the
    verb and a phrase after it invert ("…, said the mayor")."""
    np_ = _np_backward(st, c, lo)
    return np_ is not None and np_[1] == c - 1 and _clause_initial(st, np_[0], lo)


def _en_relative_pronoun(st: _State, a: int, b: int) -> bool:
    """Whether the English phrase ``[a, b)`` is a relative pronoun alone ("who", "which"): right before a
    verb of saying it is that verb's subject, even when its antecedent names no one ("an architect who
    said"), as PolNeAR marks it."""
    return b - a == 1 and st.toks[a].low in ("who", "which")


def _en_relative_speaks(st: _State, a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` are an English relative clause that tells speech of its own ("who argued
    that …"): an attribution with its own source ("who"), no part of the phrase before it."""
    toks = st.toks
    return toks[a].low in ("who", "which", "that") and any(
        _is_cue(st, t) and not _in_quote(st, t) and _cue_ok(st, t.i, b) for t in toks[a + 1 : b]
    )


_EN_POSTMODIFIERS = {
    "familiar",
    "close",
    "involved",
    "knowledgeable",
    "briefed",
    "worried",
    "concerned",
    "opposed",
    "loyal",
    "allied",
    "aligned",
    "responsible",
    "critical",
}
"""English adjectives and participles that follow their noun with a prepositional complement ("people
familiar with the matter", "sources close to the investigation", "Americans worried about crime"); the
tagger finds other participles there (:func:`_en_participle_after_noun`)."""


_EN_COMPLEMENT_PREPOSITIONS = {"with", "to", "about", "in", "on", "of", "for", "over"}


def _en_postmodifier(st: _State, k: int) -> bool:
    """Whether the English word at ``k`` is an adjective after its noun with its preposition after it
    ("people familiar with the matter said"): the three belong to the phrase, they open no verb or clause."""
    toks = st.toks
    return (  # the words first: the tagger runs only where they fit
        0 < k < len(toks) - 2
        and toks[k + 1].low in _EN_COMPLEMENT_PREPOSITIONS
        and _en_noun_word(toks[k - 1])
        and toks[k - 1].text.isalpha()
        and (toks[k].low in _EN_POSTMODIFIERS or _en_participle_after_noun(st, k))
    )


def _en_participle_after_noun(st: _State, k: int) -> bool:
    """Whether the tagger reads the English word at ``k`` as a past participle right after a common noun
    ("The section of the debate devoted to racial issues"): a reduced relative clause of that noun."""
    doc = st.doc
    return (
        doc is not None
        and hasattr(doc, "pos")
        and st.toks[k].text.islower()
        and st.toks[k].low not in C.EN_SPEECH_FORMS  # "the senator called on Republicans": a verb of saying
        and st.toks[k].low not in C.EN_REPORTED_ONLY
        and doc.pos(k) == "VVN"  # type: ignore[attr-defined]
        and doc.pos(k - 1) in ("NN1", "NN2")  # type: ignore[attr-defined]
    )


_EN_FINITE_TAGS = ("VVD", "VVZ", "VBD", "VBZ", "VHD", "VHZ", "VDD", "VDZ", "VM0")
"""Tags of English finite verbs that are not also the base form (which the tagger gives many nouns)."""


def _en_main_clause(st: _State, a: int, b: int) -> bool:
    """Whether the English words ``[a, b)`` after a comma hold a finite verb that no relative pronoun
    introduces: a clause of its own ("According to X, the agency ran out of money"), no apposition ("X, a
    lawyer who runs the firm,")."""
    doc = st.doc
    if doc is None or not hasattr(doc, "pos"):
        return False
    for k in range(a, b):
        if st.toks[k].low in ("who", "which", "that", "whom", "whose"):
            return False
        if doc.pos(k) in _EN_FINITE_TAGS:  # type: ignore[attr-defined]
            return True
    return False


def _en_opening_modifier(st: _State, k: int, start: int, has_noun: bool) -> bool:
    """Whether the lower-case English word at ``k`` opens its clause before a capitalised phrase that ends
    at the verb ("“…,” retired Air Force general John Smith said", "“…,” former Secretary Jane Doe said"):
    nothing before it in the clause could take it as a verb or an object, so it modifies the phrase."""
    toks = st.toks
    return (
        has_noun
        and toks[k].text.isalpha()
        and k + 1 < len(toks)
        and _is_cap(toks[k + 1])
        and k > start
        and toks[k - 1].text in (",", "“", "”", '"')
        and not _in_quote(st, toks[k - 1])
    )


def _en_list_start(st: _State, a: int, start: int) -> int:
    """Where a list of names ends by the phrase at ``a`` begins ("Jane Doe, John Smith and Anna Berger",
    "Jane Doe (D-Ore.), John Smith (D-Ohio) and …"): each earlier item a name of two capitalised words or a
    mention, before a comma; ``a`` when none stands there."""
    toks = st.toks
    while a - 1 > start and toks[a - 1].text == ",":
        item = _np_backward(st, a - 1, start)
        if item is None or item[1] != a - 1 or not _en_names(st, *item):
            break
        a = item[0]
    return a


def _en_name_only(st: _State, a: int, b: int) -> bool:
    """Whether the English tokens ``[a, b)`` are a name alone: capitalised words (with initials and
    hyphens), at least two of them, or a mention."""
    toks = st.toks
    words = [t for t in toks[a:b] if not _hyphen_in_word(st, t.i)]
    return b > a and all(_is_cap(t) for t in words) and _en_names(st, a, b)


def _en_names(st: _State, a: int, b: int) -> bool:
    """Whether the English phrase ``[a, b)`` names someone: a mention, or two capitalised words in a row."""
    toks = st.toks
    if _mention_in(st, toks[a].start, toks[b - 1].end, ("Person", "Organization")):
        return True
    return any(_is_cap(toks[x]) and _is_cap(toks[x + 1]) for x in range(a, b - 1))


_EN_POSSESSIVE_DET = {"his", "her", "their", "its", "our"}


def _en_apposition_opener(st: _State, k: int, end: int) -> bool:
    """Whether the English words at ``k`` (after a comma behind a name) open an apposition without an
    article: a possessive ("his wife"), "one of" ("one of the president's aides"), "then" or "now" before an
    article ("then a senator") or a bare role before its "of", "for" or "at" ("head of the union",
    "co-founder of the group")."""
    toks = st.toks
    if k + 1 >= end:
        return False
    t, nxt = toks[k], toks[k + 1]
    if t.low in _EN_POSSESSIVE_DET or (t.low == "one" and nxt.low == "of"):
        return True
    if t.low in ("then", "now") and nxt.low in ("a", "an", "the"):
        return True
    return t.text.islower() and _en_noun_word(t) and nxt.low in ("of", "for", "at")


def _en_party_tag(st: _State, a: int, b: int) -> bool:
    """Whether the English tokens ``[a, b)`` are a party and state in the style of US news ("R-Ky.",
    "D-Mont.", "R-S.C."): a capital letter, a hyphen and the state's abbreviation."""
    toks = st.toks
    return (
        2 < b - a <= 5
        and toks[a].text.isalpha()
        and toks[a].text.isupper()
        and len(toks[a].text) <= 3
        and toks[a + 1].text == "-"
        and all(_is_cap(t) or t.text == "." for t in toks[a + 2 : b])
    )


def _en_asked_first(st: _State, c: int, lo: int, hi: int) -> bool:
    """Whether the English verb at ``c`` is "Asked" opening a participle clause before the main clause ("Asked
    to describe the device that …, X said"): the question put to the speaker, not an attribution."""
    toks = st.toks
    return c == lo and toks[c].low == "asked" and any(t.text == "," for t in toks[c + 1 : hi])


def _en_attributive(st: _State, k: int, start: int, has_noun: bool) -> bool:
    """Whether the English form in -ed or -ing at ``k`` is an adjective inside a noun phrase: in -ed after an
    article or "of" and before its noun ("of registered voters", "The embattled senator"), in -ing where the
    tagger reads it as an adjective or noun ("restructuring experts say", not "Voters backing the plan")."""
    toks = st.toks
    before = toks[k - 1].low if k > start else ""
    if has_noun and toks[k].low.endswith("ing"):
        return _tagged_alone(st, k, k + 1, ("AJ0", "NN1"))
    return has_noun and toks[k].low.endswith("ed") and before in ("the", "a", "an", "of")


def _en_bare_subject(st: _State, k: int, hi: int) -> bool:
    """Whether a bare English noun phrase at ``k`` (a lower-case noun, an adjective or noun before it) has a
    verb right after it: the subject of a reported clause without "that" ("Critics say resources could run
    out"), not the object of the verb of saying."""
    toks = st.toks
    for j in range(k, min(hi, k + 3)):
        if toks[j].low in _EN_VERBS:
            return j > k
        if not (toks[j].text.islower() and _en_noun_word(toks[j])):
            return False
    return False


def _en_clause_subject(st: _State, k: int) -> bool:
    """Whether the English pronoun at ``k`` after a verb of saying opens its reported clause: any but "it",
    which does only with a verb after it ("said it would", not "said it.")."""
    toks = st.toks
    return toks[k].low != "it" or (k + 1 < len(toks) and toks[k + 1].low in _EN_VERBS)


def _en_phrase_preposition(st: _State, k: int) -> bool:
    """Whether the English preposition at ``k`` joins a noun to the phrase after it within one subject: "of",
    "for", "at", "in", "from" ("A spokeswoman for X", "the senator from Ohio"), "to" after a common noun ("A
    letter to Congress"), "by" after a noun the tagger reads as one ("A study by X"), "on" inside a name
    ("Commission on Presidential Debates"), not before a day ("The senator on Monday")."""
    toks = st.toks
    low = toks[k].low
    if low in ("of", "for", "at", "in", "from") or (low == "to" and toks[k - 1].text.islower()):
        return True  # "to" after a common noun: "Her submission to the court"
    if low == "by" and _tagged_alone(st, k - 1, k, ("NN1", "NN2")):
        return True  # "A study by Jane Doe", not "officers shot by the suspect"
    right = toks[k + 1] if k + 1 < len(toks) else None
    return (
        low == "on"
        and _is_cap(toks[k - 1])
        and right is not None
        and _is_cap(right)
        and right.low not in _TEMPORAL
        and right.low not in C.EN_WEEKDAYS
    )


def _en_focus_opener(st: _State, k: int) -> bool:
    """Whether the English word at ``k`` opens the phrase after it though it is a function word: "no" before
    "one" ("No one expected"), "only" before a number or an article ("Only 52 percent of voters agreed"),
    which PolNeAR counts in the source."""
    toks = st.toks
    nxt = toks[k + 1]
    return (toks[k].low == "no" and nxt.low == "one") or (
        toks[k].low == "only" and (nxt.text[:1].isdigit() or nxt.low in C.EN_DET)
    )


def _np_backward(st: _State, j: int, start: int) -> tuple[int, int] | None:
    """The noun phrase ending just before token ``j`` (not before token ``start``)."""
    toks, lang = st.toks, st.lang
    k = j - 1
    if k < start:
        return None
    pron = C.DE_PRONOUNS if lang == "de" else C.EN_PRONOUNS
    if toks[k].low in pron and toks[k].low not in ("man", "it"):
        return (k, j)
    # "Jane Doe (D-Ore.) and Anna Berger (D-N.J.) all said": the quantifier after the phrase goes with it
    inner = _np_backward(st, k, start) if lang != "de" and toks[k].low in ("all", "both") else None
    if inner is not None:
        return (inner[0], j)
    if toks[k].text == ")":
        # "Ministerin Gitta Trauernicht (SPD)": the phrase before the brackets, with them
        opening = next((x for x in range(k - 1, max(start - 1, k - 7), -1) if toks[x].text == "("), None)
        if opening is not None and opening > start:
            inner = _np_backward(st, opening, start)
            return (inner[0], j) if inner is not None else None
    det = C.DE_DET if lang == "de" else C.EN_DET
    has_noun = False
    end = j
    first = j
    if lang != "de" and toks[k].text == ",":
        # "Flynn, a top Trump surrogate, said": the name before the apposition, with it
        for m in range(k - 1, max(start - 1, k - 26), -1):
            if toks[m].text == ",":
                age = m + 2 == k and toks[m + 1].text.isdigit()  # "Mr. King, 82, told"
                if m + 1 < k and (
                    toks[m + 1].low in ("a", "an", "the")
                    or toks[m + 1].low in _EN_TITLES
                    or age
                    or _en_party_tag(st, m + 1, k)
                    or _en_apposition_opener(st, m + 1, k)
                ):
                    name = _np_backward(st, m, start)
                    if name is not None and _is_cap(toks[name[0]]):
                        return (name[0], k)
                role = _np_backward(st, m, start) if _en_name_only(st, m + 1, k) else None
                if role is not None and toks[m - 1].low in _EN_TITLES:
                    return (role[0], k)  # "“…,” the company's spokeswoman, Jane Doe, said": the role first
                break
    if toks[k].text == "," and k - 1 >= start and _is_cap(toks[k - 1]):
        k -= 1  # the comma that closes an apposition: "Der Berater Putins, Juri Uschakow, bestätigte"
        end = k + 1
        first = end
    while k >= start:
        t = toks[k]
        if _in_quote(st, t):
            break
        right = toks[k + 1] if k + 1 < end else None
        if lang == "de":
            if (
                ((_is_cap(t) and t.text[0].isalpha()) or _COMPOUND_NOUN.match(t.text))
                and (t.low not in C.DE_STOP or _function_word_in_name(st, k))  # "Lothar Nicht"
                and t.low not in C.DE_SPEECH_FORMS
                and not (t.low in _DE_CAP_PRONOUNS and (k == start or toks[k - 1].text in (",", ":")))
            ):
                has_noun = True
                first = k
                k -= 1
                continue
            if t.text in _MARKS and has_noun and k - 1 >= start:
                first = k  # a title in quotation marks
                k -= 1
                continue
            if has_noun and t.text[:1].islower() and _inside_name(st, k):
                first = k  # "Osama bin Laden"
                k -= 1
                continue
            if (
                has_noun
                and right is not None
                and (_is_cap(right) or _is_adj(right, lang))
                and (_is_adj(t, lang) or t.low in det or t.low in ("des", "der"))
                and not _tagged_alone(st, k, k + 1, _FINITE_TAGS)  # "Den Plan verteidigte Bürgermeister X"
            ):
                first = k
                k -= 1
                genitive = t.low in _GENITIVE or t.low in _GENITIVE_DATIVE_FEMININE
                after_noun = k >= start and _is_cap(toks[k])
                if t.low in det and t.low not in ("des", "der") and not (genitive and after_noun):
                    break  # an article opens the phrase, unless a genitive after a noun: "X ergriff das Wort"
                continue
            if (
                has_noun
                and (t.low in _DE_NP_PREP or (t.low == "zu" and _named(st, k)))
                and k - 1 >= start
                and _is_cap(toks[k - 1])
                and toks[k - 1].low not in C.DE_STOP
                and right is not None
                and (_is_cap(right) or right.low in det)
            ):
                first = (
                    k  # "Der Bürgermeister von Christchurch", "Sprecherin der Unionsfraktion im Bundestag"
                )
                k -= 1
                continue
            if t.low == "und" and has_noun and k - 1 >= start and _is_cap(toks[k - 1]) and k - 1 > start:
                first = k
                k -= 1
                continue
            if t.text == "," and has_noun and k - 1 >= start and _is_cap(toks[k - 1]):
                # ", Juri Uschakow" after "Der Berater Putins"
                first = k
                k -= 1
                continue
        else:
            if has_noun and k > start and _en_noun_word(toks[k - 1]) and _en_phrase_preposition(st, k):
                first = k  # "A spokeswoman for Hillary Clinton", "Mr. Morgan of the Sierra Club"
                k -= 1
                continue
            if has_noun and k - 1 > start and _en_postmodifier(st, k - 1):
                first = k  # "Americans worried about crime": the preposition of the adjective after the noun
                k -= 1
                continue
            if (
                has_noun
                and t.low == "and"
                and k - 1 >= start
                and (_en_noun_word(toks[k - 1]) or toks[k - 1].text == ")")
            ):
                # "RT and its defenders say": both phrases, when they open the clause
                left = _np_backward(st, k, start)
                if left is not None:
                    left = (_en_list_start(st, left[0], start), left[1])  # "A, B and C said"
                if left is not None and _clause_initial(st, left[0], start):
                    return (left[0], end)
            if has_noun and first == k + 1 and _en_focus_opener(st, k):
                first = k  # "No one", "Only 52 percent of voters": the phrase opens with the word
                k -= 1
                continue
            if (
                t.low in C.EN_STOP
                or (t.low in C.EN_SPEECH_FORMS and not _en_base_not_finite(st, t))
                or not (
                    t.text[0].isalnum() or t.text in ".'’" or t.low in ("'s", "’s") or _hyphen_in_word(st, k)
                )
            ):
                break  # a dash between words ends the phrase: "NEW YORK (Reuters) - The company said"
            if (
                t.low not in _EN_NAME_PARTICLES
                and t.text.islower()
                and t.low not in _EN_TITLES
                and t.low not in det
                and not _en_postmodifier(st, k)
                and not _en_opening_modifier(st, k, start, has_noun)
                and (
                    (t.low.endswith(("ed", "ly", "ing")) and not _en_attributive(st, k, start, has_noun))
                    or (
                        right is not None
                        and _is_cap(right)
                        and has_noun
                        and not (k > start and toks[k - 1].low in ("the", "a", "an"))  # "The nonpartisan X"
                    )
                )
            ):
                break  # a verb or adverb, or "interview" before "Trump": another phrase
            first = k
            has_noun = True
            k -= 1
            if j - k > 10:
                break
            continue
        break
    if not has_noun:
        return None
    while first < end and toks[first].text == ",":
        first += 1
    while (
        lang != "de"
        and first < end - 1
        and (
            toks[first].low in _EN_OPENERS or (toks[first].low.endswith("ly") and toks[first].text.islower())
        )
    ):
        first += 1  # "Yet as Mr Bown", "Ultimately Mr Clarke"
    # a German phrase does not start with a bare adjective (a verb: "Sie entstammen Zeitungsberichten")
    while lang == "de" and first < end - 1 and toks[first].text.islower() and toks[first].low not in det:
        first += 1
    if first >= end:
        return None
    return (first, end)


def _clause_initial(st: _State, a: int, lo: int) -> bool:
    """Whether token ``a`` opens its clause (the sentence, or after a comma, colon or quotation mark; in
    English after a word that opens a clause there: ", where experts say")."""
    s_lo = st.sents[st.toks[a].sent][0]
    if a <= max(lo, s_lo) or st.toks[a - 1].text in (",", ":", ";", "“", "”", '"', "''", "—", "–", "-"):
        return True
    return st.lang == "en" and st.toks[a - 1].low in _EN_OPENERS and _clause_initial(st, a - 1, lo)


def _clause_final(st: _State, k: int) -> bool:
    """The verb closes its clause: a subordinate clause, where "soll" is an obligation ("…, in dem eine
    Lösung gefunden werden soll,"), not someone's report ("Putin soll zugestimmt haben")."""
    return k + 1 < len(st.toks) and st.toks[k + 1].text in (",", ".", ";", ":", "!", "?", "–")
