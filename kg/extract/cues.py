"""Lexicons the speech and event rules share: verbs and phrases of saying (German and English), Konjunktiv
forms, determiners and the small words noun phrases are made of.

Forms are listed, not lemmatised, so a rule costs a set lookup per token and no tagging.
"""

from __future__ import annotations

# ---- German verbs of saying ----------------------------------------------------------------------------

_INSEPARABLE = ("be", "er", "ver", "zer", "ent", "emp", "ge", "miss", "hinter", "über", "unter", "wider")


def _weak(stem: str, particle: str = "") -> set[str]:
    """Finite forms (present, past, Konjunktiv I), the participle and the infinitive of a weak verb."""
    t = "et" if stem.endswith(("t", "d", "chn", "gn", "ffn")) else "t"
    finite = {stem + "e", stem + t, stem + t[:-1] + "te", stem + t[:-1] + "ten", stem + "en", stem + "n"}
    finite = {f for f in finite if not f.endswith(("een", "rn")) or stem.endswith(("er", "el"))}
    if stem.endswith(("er", "el")):
        finite |= {stem + "t", stem + "te", stem + "ten", stem + "n"}
    ge = "" if stem.startswith(_INSEPARABLE) or stem.endswith("ier") else "ge"
    participle = particle + ge + stem + t
    forms = set(finite) | {participle}
    if particle:
        forms |= {particle + stem + "en", particle + stem + "n", particle + "zu" + stem + "en"}
        forms |= {particle + f for f in finite}  # in a subordinate clause: "wie die Polizei mitteilte"
    return forms


def _strong(*forms: str) -> set[str]:
    return set(forms)


# lemma -> (forms, particle of a separable verb or "")
_DE_SPEECH: dict[str, tuple[set[str], str]] = {
    "sagen": (_weak("sag"), ""),
    "äußern": (_weak("äußer"), ""),
    "erklären": (_weak("erklär"), ""),
    "betonen": (_weak("beton"), ""),
    "behaupten": (_weak("behaupt"), ""),
    "berichten": (_weak("bericht"), ""),
    "melden": (_weak("meld"), ""),
    "bestätigen": (_weak("bestätig"), ""),
    "bekräftigen": (_weak("bekräftig"), ""),
    "versichern": (_weak("versicher"), ""),
    "warnen": (_weak("warn"), ""),
    "fordern": (_weak("forder") | {"fordert", "forderte", "forderten", "fordern"}, ""),
    "kritisieren": (_weak("kritisier"), ""),
    "mitteilen": (_weak("teil", "mit"), "mit"),
    "ankündigen": (_weak("kündig", "an"), "an"),
    "hinzufügen": (_weak("füg", "hinzu"), "hinzu"),
    "einräumen": (_weak("räum", "ein"), "ein"),
    "andeuten": (_weak("deut", "an"), "an"),
    "erläutern": (_weak("erläuter"), ""),
    "verkünden": (_weak("verkünd"), ""),
    "antworten": (_weak("antwort"), ""),
    "erzählen": (_weak("erzähl"), ""),
    "mahnen": (_weak("mahn"), ""),
    "erinnern": (_weak("erinner"), ""),
    "beklagen": (_weak("beklag"), ""),
    "klagen": (_weak("klag"), ""),
    "fragen": (_weak("frag"), ""),
    "zitieren": (_weak("zitier"), ""),
    "dementieren": (_weak("dementier"), ""),
    "wiederholen": (_weak("wiederhol"), ""),
    "verlangen": (_weak("verlang"), ""),
    "appellieren": (_weak("appellier"), ""),
    "loben": (_weak("lob"), ""),
    "meinen": (_weak("mein"), ""),
    "glauben": (_weak("glaub"), ""),
    "befürchten": (_weak("befürcht"), ""),
    "vermuten": (_weak("vermut"), ""),
    "argumentieren": (_weak("argumentier"), ""),
    "begründen": (_weak("begründ"), ""),
    "kommentieren": (_weak("kommentier"), ""),
    "resümieren": (_weak("resümier"), ""),
    "twittern": (_weak("twitter"), ""),
    "posten": (_weak("post"), ""),
    "ergänzen": (_weak("ergänz"), ""),
    "schildern": (_weak("schilder"), ""),
    "informieren": (_weak("informier"), ""),
    "bilanzieren": (_weak("bilanzier"), ""),
    "unterstreichen": (_strong("unterstreicht", "unterstrich", "unterstrichen", "unterstreiche"), ""),
    "sprechen": (_strong("spricht", "sprach", "sprachen", "gesprochen", "spreche", "sprechen"), ""),
    "schreiben": (_strong("schreibt", "schrieb", "schrieben", "geschrieben", "schreibe", "schreiben"), ""),
    "nennen": (_strong("nennt", "nannte", "nannten", "genannt", "nenne"), ""),
    "bezeichnen": (_weak("bezeichn"), ""),
    "heißen": (_strong("heißt", "hieß"), ""),
    "verweisen": (_strong("verweist", "verwies", "verwiesen", "verweise"), ""),
    "hervorheben": (_strong("hebt", "hob", "hervorgehoben", "hervorheben"), "hervor"),
    "bekanntgeben": (_strong("gibt", "gab", "gaben", "bekanntgegeben", "bekanntgeben"), "bekannt"),
    "angeben": (_strong("gibt", "gab", "gaben", "angegeben"), "an"),
    "zugeben": (_strong("gibt", "gab", "gaben", "zugegeben"), "zu"),
    "zurückweisen": (_strong("weist", "wies", "wiesen", "zurückgewiesen"), "zurück"),
    "hinweisen": (_strong("weist", "wies", "wiesen", "hingewiesen"), "hin"),
    "bestreiten": (_strong("bestreitet", "bestritt", "bestritten", "bestreite"), ""),
    "versprechen": (_strong("verspricht", "versprach", "versprachen", "versprochen", "verspreche"), ""),
    "aufrufen": (_strong("ruft", "rief", "riefen", "aufgerufen"), "auf"),
    "einschätzen": (_weak("schätz", "ein"), "ein"),
    "feststellen": (_weak("stell", "fest"), "fest"),
    "klarstellen": (_weak("stell", "klar"), "klar"),
    "zusichern": (_weak("sicher", "zu"), "zu"),
    "vorwerfen": (_strong("wirft", "warf", "warfen", "vorgeworfen"), "vor"),
    "entgegnen": (_weak("entgegn"), ""),
    "bekennen": (_strong("bekennt", "bekannte", "bekannten", "bekannt"), ""),
    "beteuern": (_weak("beteuer"), ""),
    "unterstellen": (_weak("unterstell"), ""),
    "drohen": (_weak("droh"), ""),
    "zusagen": (_weak("sag", "zu"), "zu"),
    "prognostizieren": (_weak("prognostizier"), ""),
    "vorschlagen": (_strong("schlägt", "schlug", "schlugen", "vorgeschlagen"), "vor"),
    "ausgehen": (_strong("geht", "gehen", "ging", "gingen"), "aus"),
    "entscheiden": (_strong("entscheidet", "entschied", "entschieden"), ""),
    "empfehlen": (_strong("empfiehlt", "empfahl", "empfahlen", "empfohlen"), ""),
    "beschließen": (_strong("beschließt", "beschloss", "beschlossen", "beschloß"), ""),
    "hoffen": (_strong("hofft", "hoffte", "hofften"), ""),
    "schätzen": (_strong("schätzt", "schätzte", "schätzten"), ""),
    "bezweifeln": (_strong("bezweifelt", "bezweifelte", "bezweifelten", "bezweifeln"), ""),
    "signalisieren": (_weak("signalisier"), ""),
    "beschuldigen": (_weak("beschuldig"), ""),
    "bekanntgeben_": (_strong("bekanntgibt", "bekanntgab", "bekanntgaben"), ""),
    "angeben_": (_strong("angibt", "angab"), ""),
    "hinweisen_": (_strong("hinweist", "hinwies", "hinwiesen"), ""),
    "zurückweisen_": (_strong("zurückweist", "zurückwies", "zurückwiesen"), ""),
    "hervorheben_": (_strong("hervorhebt", "hervorhob"), ""),
    "vorwerfen_": (_strong("vorwirft", "vorwarf", "vorwarfen"), ""),
    "vorschlagen_": (_strong("vorschlägt", "vorschlug", "vorschlugen"), ""),
    "zugeben_": (_strong("zugibt", "zugab"), ""),
}

# Forms of separable verbs whose bare form is too general without its particle ("gab", "gibt", "stellte").
_NEEDS_PARTICLE = {"geht", "gehen", "ging", "gingen", "gibt", "gab", "gaben", "weist", "wies", "wiesen", "hebt", "hob", "ruft", "rief", "riefen",
                   "stell", "stellt", "stellte", "stellten", "wirft", "warf", "warfen", "schlägt", "schlug",
                   "schlugen", "sichert", "sicherte", "sicherten", "schätzt", "schätzte", "schätzten"}  # fmt: skip

DE_SPEECH_FORMS: dict[str, str] = {}
"""Lower-case form -> lemma of a German verb of saying."""
DE_PARTICLE: dict[str, str] = {}
"""Lemma -> its separable particle."""
DE_FORM_PARTICLES: dict[str, set[str]] = {}
"""Lower-case form -> the particles it takes as a separable verb of saying ("gab" -> an, bekannt, zu)."""
for _lemma, (_forms, _particle) in _DE_SPEECH.items():
    if _particle:
        DE_PARTICLE[_lemma] = _particle
    for _form in _forms:
        DE_SPEECH_FORMS.setdefault(_form, _lemma)
        if _particle and not _form.startswith(_particle):
            DE_FORM_PARTICLES.setdefault(_form, set()).add(_particle)
# forms that are also common other words
for _bad in ("meine", "meinen", "post", "poste", "posten", "bekannt", "heißen", "glaube", "frage", "fragen",
             "sage", "klage", "klagen", "warne", "lob", "lobe", "melde", "erkläre", "antworten",
             "schildern", "versprechen", "sprechen", "drohe", "drohen", "nenne", "meldet", "glauben"):  # fmt: skip
    DE_SPEECH_FORMS.pop(_bad, None)

DE_PARTICIPLES = {
    f
    for lemma, f in ((lemma, f) for f, lemma in DE_SPEECH_FORMS.items())
    if f.startswith("ge")
    or (DE_PARTICLE.get(lemma) and f.startswith(DE_PARTICLE[lemma] + "ge"))
    or (lemma.endswith("ieren") and f.endswith("iert"))
    or f
    in (
        "unterstrichen",
        "verwiesen",
        "bestritten",
        "versprochen",
        "bekannt",
        "erklärt",
        "betont",
        "berichtet",
        "bestätigt",
        "bekräftigt",
        "versichert",
        "verkündet",
        "erläutert",
        "erzählt",
        "beklagt",
        "verlangt",
        "befürchtet",
        "vermutet",
        "begründet",
        "ergänzt",
        "entgegnet",
        "beteuert",
        "unterstellt",
        "hervorgehoben",
        "vorgeschlagen",
        "vorgeworfen",
        "zugesagt",
        "zugesichert",
    )
}
"""Participles of the verbs of saying ("gesagt", "erklärt", "mitgeteilt")."""

# Verbs whose object is the content of what was said, not a clause ("Der Kreml warnte ... vor ...")
DE_REPORTING_LEMMAS = {
    "warnen", "fordern", "kritisieren", "bestätigen", "dementieren", "ankündigen", "andeuten", "loben",
    "verlangen", "appellieren", "zurückweisen", "bestreiten", "versprechen", "aufrufen", "vorwerfen",
    "bekräftigen", "verkünden", "beklagen", "drohen", "zusagen", "vorschlagen", "mitteilen", "melden",
    "sprechen", "berichten", "begründen", "kommentieren",
}  # fmt: skip

# Nouns and phrases that introduce a source: "laut X", "nach Angaben von X", "X zufolge"
DE_ACCORDING = {"laut", "lt."}
DE_ANGABEN = {"angaben", "aussage", "aussagen", "worten", "ansicht", "einschätzung", "meinung", "auffassung",
              "informationen", "darstellung", "schätzungen", "berichten", "erkenntnissen", "überzeugung"}  # fmt: skip
DE_ZUFOLGE = {"zufolge"}

# Konjunktiv I (and II) finite forms that mark reported speech in German news
KONJ1 = {
    "sei", "seien", "seiest", "habe", "hätten", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "möge",
    "gebe", "gehe", "komme", "stehe", "liege", "bleibe", "wisse", "sehe", "lasse", "halte", "brauche",
    "plane", "handle", "handele", "fehle", "gelte", "treffe", "trage", "laufe", "arbeite", "finde", "zeige",
    "bestehe", "erwarte", "verfüge", "entspreche", "diene", "führe", "gelinge", "betrage", "lägen",
    "beabsichtige", "befinde", "benötige", "bedeute", "erfolge", "existiere", "gehöre", "glaube", "hoffe",
    "kenne", "lebe", "mache", "nehme", "reiche", "spiele", "sorge", "unterstütze", "wachse", "wünsche",
}  # fmt: skip
KONJ2 = {"wäre", "wären", "hätte", "würde", "würden", "könnte", "könnten", "müsste", "müssten", "dürfte",
         "dürften", "sollten"}  # fmt: skip
REPORTATIVE = {"soll", "sollen"}
"""Reportative "sollen": "Putin soll zugestimmt haben" (someone says so)."""

# ---- English ------------------------------------------------------------------------------------------

EN_SPEECH_FORMS = {
    f: lemma
    for lemma, forms in {
        "say": ("say", "says", "said", "saying"),
        "tell": ("tell", "tells", "told", "telling"),
        "add": ("add", "adds", "added"),
        "state": ("states", "stated"),
        "explain": ("explains", "explained"),
        "note": ("notes", "noted"),
        "argue": ("argues", "argued"),
        "claim": ("claims", "claimed"),
        "write": ("writes", "wrote", "written"),
        "warn": ("warns", "warned"),
        "insist": ("insists", "insisted"),
        "ask": ("asks", "asked"),
        "announce": ("announces", "announced"),
        "report": ("reports", "reported"),
        "acknowledge": ("acknowledges", "acknowledged"),
        "admit": ("admits", "admitted"),
        "suggest": ("suggests", "suggested"),
        "confirm": ("confirms", "confirmed"),
        "deny": ("denies", "denied"),
        "believe": ("believes", "believed"),
        "think": ("thinks", "thought"),
        "tweet": ("tweets", "tweeted"),
        "declare": ("declares", "declared"),
        "predict": ("predicts", "predicted"),
        "continue": ("continued",),
        "conclude": ("concludes", "concluded"),
        "reply": ("replies", "replied"),
        "respond": ("responds", "responded"),
        "recall": ("recalls", "recalled"),
        "estimate": ("estimates", "estimated"),
        "indicate": ("indicates", "indicated"),
        "reveal": ("reveals", "revealed"),
        "testify": ("testifies", "testified"),
        "allege": ("alleges", "alleged"),
        "urge": ("urges", "urged"),
        "contend": ("contends", "contended"),
        "maintain": ("maintains", "maintained"),
        "emphasize": ("emphasizes", "emphasized", "emphasised"),
        "stress": ("stresses", "stressed"),
        "promise": ("promises", "promised"),
        "assert": ("asserts", "asserted"),
        "complain": ("complains", "complained"),
        "observe": ("observes", "observed"),
        "joke": ("jokes", "joked"),
        "show": ("shows", "showed"),
        "find": ("finds", "found"),
        "learn": ("learned",),
        "agree": ("agrees", "agreed"),
        "hope": ("hopes", "hoped"),
        "fear": ("fears", "feared"),
        "accuse": ("accuses", "accused"),
        "criticize": ("criticizes", "criticized"),
        "describe": ("describes", "described"),
        "call": ("calls", "called"),
        "charge": ("charges", "charged"),
        "point": ("points", "pointed"),
        "caution": ("cautions", "cautioned"),
        "remark": ("remarks", "remarked"),
        "announce_": ("announcing",),
        "expect": ("expects", "expected"),
        "want": ("wants", "wanted"),
        "know": ("knows", "knew"),
        "feel": ("feels", "felt"),
        "worry": ("worries", "worried"),
        "acknowledge_": ("conceded", "concedes"),
    }.items()
    for f in forms
}
EN_REPORTED_ONLY = {
    "vowed", "vows", "pledged", "pledges", "cited", "cites", "linked", "attacked", "blamed", "blames", "praised",
    "praises", "questioned", "questions", "defended", "defends", "dismissed", "dismisses", "rejected", "rejects",
    "demanded", "demands", "proposed", "proposes", "declined", "refused", "mocked", "slammed", "blasted",
    "touted", "touts", "highlighted", "raised", "disclosed", "answered", "disagreed", "endorsed", "endorses",
    "thanked", "condemned", "condemns", "welcomed", "welcomes", "applauded", "lauded", "questioning",
}  # fmt: skip
"""English verbs of a speech act reported without its words ("He vowed to form a task force")."""
EN_CLAUSE_ONLY = {"believe", "think", "hope", "fear", "show", "find", "learn", "agree", "expect", "want",
                  "know", "feel", "worry", "call", "describe", "point", "charge", "accuse", "criticize"}  # fmt: skip
"""English verbs that are attributions only with a that-clause (or a quotation) after them."""

# ---- noun phrases -------------------------------------------------------------------------------------

DE_DET = {
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "sein",
    "seine", "seiner", "seines", "seinem", "seinen", "ihr", "ihre", "ihrer", "ihres", "ihrem", "ihren",
    "dessen", "deren", "unser", "unsere", "unserer", "jener", "jene", "diese", "dieser", "dieses", "diesem",
    "diesen", "mehrere", "viele", "einige", "alle", "beide", "beiden", "zwei", "drei", "vier", "zahlreiche",
    "andere", "anderen", "weitere", "weiteren", "mehreren", "vielen", "einigen",
}  # fmt: skip
DE_ACCUSATIVE = {"den", "einen", "ihn", "ihm", "ihnen", "dem", "einem", "diesen", "seinen", "ihren"}
DE_PRONOUNS = {"er": "m", "sie": "f", "ich": "", "wir": "p", "man": ""}
DE_STOP = {
    "und", "oder", "aber", "nicht", "noch", "auch", "sich", "später", "jetzt", "nun", "dann", "zudem",
    "jedoch", "bereits", "schon", "ebenfalls", "weiter", "weiterhin", "zuvor", "damals", "heute", "gestern",
    "vorher", "zunächst", "dabei", "dazu", "daher", "deshalb", "allerdings", "offenbar", "wohl", "gar",
    "sogar", "ebenso", "erneut", "wieder", "immer", "mehr", "sehr", "so", "als", "wie", "dass", "ob", "es",
    "einmal", "gerne", "gern", "kürzlich", "jüngst", "inzwischen", "bisher", "bislang", "zuletzt", "ferner",
    "hier", "dort", "daraufhin", "gegenüber", "mehrfach", "wiederholt", "ausdrücklich", "nachdrücklich",
    "eine", "zu", "am", "im", "in", "an", "auf", "mit", "von", "vom", "bei", "nach", "für", "um", "über",
    "unter", "vor", "aus", "gegen", "durch", "ohne", "seit", "bis", "zum", "zur", "beim", "ins",
}  # fmt: skip
DE_ADVERBS_AFTER_VERB = DE_STOP - {"eine", "als", "wie", "dass", "ob", "es", "und", "oder", "aber"} - {
    "am", "im", "in", "an", "auf", "mit", "von", "vom", "bei", "nach", "für", "um", "über", "unter", "vor",
    "aus", "gegen", "durch", "ohne", "seit", "bis", "zum", "zur", "beim", "ins", "zu",
}  # fmt: skip
DE_CLAUSE_START = {
    "dass",
    "daß",
    "ob",
    "wie",
    "warum",
    "weshalb",
    "wann",
    "wer",
    "was",
    "wo",
    "wohin",
    "wieso",
}

EN_DET = {"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those", "one",
          "two", "three", "several", "many", "some", "other", "another", "both", "all"}  # fmt: skip
EN_PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": "", "we": "p", "it": ""}
EN_STOP = {
    "and", "or", "but", "not", "also", "then", "now", "later", "still", "that", "which", "who", "whom",
    "whose", "in", "on", "at", "to", "for", "with", "by", "from", "of", "about", "after", "before", "during",
    "as", "is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would", "could", "should",
    "may", "might", "can", "did", "does", "do", "if", "when", "while", "because", "so", "than", "there",
    "here", "recently", "previously", "earlier", "again", "further", "however", "just", "even", "only",
    "told", "said", "says", "say", "reporters", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "yesterday", "today", "tonight", "last", "week", "month", "year", "into", "over",
    "under", "against", "without", "since", "until", "up", "out", "off", "no", "too", "very",
}  # fmt: skip

# Role nouns whose gender is marked ("Sprecherin"), used to resolve "er"/"sie"
FEMININE_HINTS = ("in", "innen", "frau")
SPEAKER_TITLES_F = {"frau", "mrs.", "ms.", "mrs", "ms", "madam"}
SPEAKER_TITLES_M = {"herr", "mr.", "mr", "sir"}
