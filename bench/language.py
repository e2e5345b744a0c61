"""Which language detector newskg should use: simplemma's word lists or py3langid's model, measured.

    python -m bench.language [--realdata DIR] [--per-language 200]

Sentences of known language: German from GermEval 2014 (``germeval2014/NER-de-dev.tsv``, tokens joined) and
English from PolNeAR (``polnear/dev/text``), both in ``../shared/realdata`` (read there, never copied), and
French, Spanish, Italian, Dutch and Portuguese sentences written for this benchmark (``OTHER`` below: news
sentences of 5 to 30 words, as newskg meets them in captions, ledes and paragraphs). Each sentence is
classified alone, and then as "documents" of five consecutive sentences (a paragraph), by:

- ``simplemma-de-en``: :func:`kg.extract.lang` as it was, simplemma's German and English word lists only
  (a share of known words >= 0.5 and 0.1 above the other's), so anything else is ``other``;
- ``simplemma-7``: simplemma with the seven languages measured here (its best share wins, >= 0.5);
- ``py3langid``: py3langid's 97-language model (normalised probabilities), the code as it gives it.

Two scores per detector: the code (``fr`` for French; a detector that cannot name French scores 0 there)
and the extractor's decision ``de``/``en``/``other`` (the one that matters for which extractor runs: a
French text read as German gets German rules). The sentence lists are fixed (first ``--per-language``
sentences with 5-40 words), so the run is reproducible.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

REALDATA = Path(
    os.environ.get("NEWSKG_REALDATA", Path(__file__).resolve().parent.parent.parent / "shared" / "realdata")
)

OTHER: dict[str, list[str]] = {
    "fr": [
        "Le gouvernement a annoncé lundi de nouvelles négociations avec ses voisins.",
        "La tempête a privé d'électricité plus de cent mille foyers dans l'ouest du pays.",
        "Le président de la République recevra jeudi le chancelier allemand à l'Élysée.",
        "Selon la police, plusieurs milliers de personnes ont manifesté samedi à Paris.",
        "Les prix de l'énergie ont encore augmenté au troisième trimestre, indique l'Insee.",
        "Le ministre des Affaires étrangères s'est rendu à Kiev pour une visite surprise.",
        "Le procès doit s'ouvrir en mars devant la cour d'assises de Lyon.",
        "Les syndicats appellent à une nouvelle journée de grève mardi prochain.",
        "L'entreprise prévoit de supprimer près de deux mille emplois d'ici à la fin de l'année.",
        "Il a déclaré qu'il ne se représenterait pas aux prochaines élections.",
        "La banque centrale a maintenu ses taux directeurs inchangés.",
        "Des secours ont été dépêchés sur place après l'effondrement d'un immeuble.",
        "Le Premier ministre a défendu sa réforme des retraites devant l'Assemblée nationale.",
        "Les pompiers luttent toujours contre un incendie qui a déjà détruit des milliers d'hectares.",
        "Cette décision a été vivement critiquée par l'opposition.",
        "Le sommet réunira les chefs d'État et de gouvernement de l'Union européenne.",
        "Une enquête a été ouverte pour déterminer les causes de l'accident.",
        "Le club a confirmé le départ de son entraîneur à la fin de la saison.",
        "Les négociations entre les deux pays sont au point mort depuis plusieurs semaines.",
        "La ville a décidé de fermer les écoles en raison des inondations.",
        "Nous ne céderons pas à la pression, a-t-il affirmé devant la presse.",
        "Le texte sera examiné par le Sénat au début du mois prochain.",
        "Les exportations ont reculé de trois pour cent sur un an.",
        "Le chef de l'État a promis une aide rapide aux victimes.",
        "Photo : des habitants évacués de leur maison à Marseille.",
    ],
    "es": [
        "El gobierno anunció el lunes nuevas negociaciones con los países vecinos.",
        "La tormenta dejó sin electricidad a más de cien mil hogares en el norte del país.",
        "El presidente recibirá el jueves al canciller alemán en el palacio de la Moncloa.",
        "Según la policía, miles de personas se manifestaron el sábado en Madrid.",
        "Los precios de la energía volvieron a subir en el tercer trimestre.",
        "El ministro de Asuntos Exteriores viajó a Kiev en una visita sorpresa.",
        "El juicio comenzará en marzo ante la Audiencia Nacional.",
        "Los sindicatos convocan una nueva jornada de huelga para el próximo martes.",
        "La empresa prevé eliminar casi dos mil empleos antes de final de año.",
        "Dijo que no volverá a presentarse a las próximas elecciones.",
        "El banco central mantuvo sin cambios los tipos de interés.",
        "Los equipos de rescate llegaron al lugar tras el derrumbe de un edificio.",
        "El primer ministro defendió su reforma de las pensiones ante el Congreso.",
        "Los bomberos siguen luchando contra un incendio que ya ha arrasado miles de hectáreas.",
        "La decisión fue duramente criticada por la oposición.",
        "La cumbre reunirá a los jefes de Estado y de Gobierno de la Unión Europea.",
        "Se ha abierto una investigación para determinar las causas del accidente.",
        "El club confirmó la salida de su entrenador al final de la temporada.",
        "Las negociaciones entre ambos países están estancadas desde hace varias semanas.",
        "La ciudad decidió cerrar las escuelas por las inundaciones.",
        "No vamos a ceder a la presión, afirmó ante los periodistas.",
        "El texto será debatido en el Senado a principios del próximo mes.",
        "Las exportaciones cayeron un tres por ciento interanual.",
        "El jefe del Estado prometió una ayuda rápida a las víctimas.",
        "Foto: vecinos evacuados de sus casas en Valencia.",
    ],
    "it": [
        "Il governo ha annunciato lunedì nuovi negoziati con i paesi vicini.",
        "La tempesta ha lasciato senza corrente più di centomila famiglie nel nord del paese.",
        "Il presidente del Consiglio riceverà giovedì il cancelliere tedesco a Palazzo Chigi.",
        "Secondo la polizia, migliaia di persone hanno manifestato sabato a Roma.",
        "I prezzi dell'energia sono aumentati ancora nel terzo trimestre.",
        "Il ministro degli Esteri si è recato a Kiev per una visita a sorpresa.",
        "Il processo si aprirà a marzo davanti alla corte d'assise di Milano.",
        "I sindacati hanno indetto un nuovo sciopero per martedì prossimo.",
        "L'azienda prevede di tagliare quasi duemila posti di lavoro entro la fine dell'anno.",
        "Ha dichiarato che non si ricandiderà alle prossime elezioni.",
        "La banca centrale ha lasciato invariati i tassi di interesse.",
        "I soccorritori sono arrivati sul posto dopo il crollo di un palazzo.",
        "Il primo ministro ha difeso la riforma delle pensioni in Parlamento.",
        "I vigili del fuoco stanno ancora combattendo un incendio che ha distrutto migliaia di ettari.",
        "La decisione è stata duramente criticata dall'opposizione.",
        "Il vertice riunirà i capi di Stato e di governo dell'Unione europea.",
        "È stata aperta un'inchiesta per accertare le cause dell'incidente.",
        "La società ha confermato la partenza del suo allenatore a fine stagione.",
        "I negoziati tra i due paesi sono fermi da diverse settimane.",
        "Il comune ha deciso di chiudere le scuole a causa delle alluvioni.",
        "Non cederemo alle pressioni, ha detto ai giornalisti.",
        "Il testo sarà esaminato dal Senato all'inizio del mese prossimo.",
        "Le esportazioni sono calate del tre per cento su base annua.",
        "Il capo dello Stato ha promesso aiuti rapidi alle vittime.",
        "Foto: abitanti evacuati dalle loro case a Napoli.",
    ],
    "nl": [
        "De regering kondigde maandag nieuwe onderhandelingen met de buurlanden aan.",
        "Door de storm zaten meer dan honderdduizend huishoudens in het noorden zonder stroom.",
        "De premier ontvangt donderdag de Duitse bondskanselier in Den Haag.",
        "Volgens de politie gingen zaterdag duizenden mensen in Amsterdam de straat op.",
        "De energieprijzen zijn in het derde kwartaal opnieuw gestegen.",
        "De minister van Buitenlandse Zaken bracht een onverwacht bezoek aan Kiev.",
        "Het proces begint in maart voor de rechtbank in Rotterdam.",
        "De vakbonden roepen op tot een nieuwe staking volgende dinsdag.",
        "Het bedrijf wil voor het einde van het jaar bijna tweeduizend banen schrappen.",
        "Hij zei dat hij zich bij de volgende verkiezingen niet herkiesbaar stelt.",
        "De centrale bank hield de rente ongewijzigd.",
        "Hulpdiensten kwamen ter plaatse nadat een gebouw was ingestort.",
        "De premier verdedigde de pensioenhervorming in de Tweede Kamer.",
        "De brandweer vecht nog altijd tegen een brand die al duizenden hectaren heeft verwoest.",
        "Het besluit werd door de oppositie scherp bekritiseerd.",
        "Op de top komen de staatshoofden en regeringsleiders van de Europese Unie bijeen.",
        "Er is een onderzoek gestart naar de oorzaak van het ongeluk.",
        "De club bevestigde het vertrek van de trainer aan het einde van het seizoen.",
        "De onderhandelingen tussen beide landen liggen al weken stil.",
        "De gemeente besloot de scholen te sluiten vanwege de overstromingen.",
        "We zullen niet toegeven aan de druk, zei hij tegen verslaggevers.",
        "De Eerste Kamer behandelt het wetsvoorstel begin volgende maand.",
        "De export daalde met drie procent op jaarbasis.",
        "Het staatshoofd beloofde de slachtoffers snelle hulp.",
        "Foto: bewoners worden uit hun huizen geëvacueerd in Utrecht.",
    ],
    "pt": [
        "O governo anunciou na segunda-feira novas negociações com os países vizinhos.",
        "A tempestade deixou mais de cem mil casas sem eletricidade no norte do país.",
        "O presidente receberá na quinta-feira o chanceler alemão em Brasília.",
        "Segundo a polícia, milhares de pessoas protestaram no sábado em Lisboa.",
        "Os preços da energia voltaram a subir no terceiro trimestre.",
        "O ministro dos Negócios Estrangeiros fez uma visita surpresa a Kiev.",
        "O julgamento começa em março no tribunal do Porto.",
        "Os sindicatos convocaram uma nova greve para a próxima terça-feira.",
        "A empresa prevê cortar quase dois mil postos de trabalho até ao final do ano.",
        "Ele afirmou que não voltará a candidatar-se nas próximas eleições.",
        "O banco central manteve as taxas de juro inalteradas.",
        "As equipas de resgate chegaram ao local depois do desabamento de um prédio.",
        "O primeiro-ministro defendeu a reforma das pensões no parlamento.",
        "Os bombeiros continuam a combater um incêndio que já destruiu milhares de hectares.",
        "A decisão foi duramente criticada pela oposição.",
        "A cimeira vai reunir os chefes de Estado e de Governo da União Europeia.",
        "Foi aberta uma investigação para apurar as causas do acidente.",
        "O clube confirmou a saída do treinador no final da época.",
        "As negociações entre os dois países estão paradas há várias semanas.",
        "A câmara decidiu fechar as escolas por causa das cheias.",
        "Não vamos ceder à pressão, disse aos jornalistas.",
        "O texto será discutido no Senado no início do próximo mês.",
        "As exportações caíram três por cento em termos homólogos.",
        "O chefe de Estado prometeu ajuda rápida às vítimas.",
        "Foto: moradores retirados das suas casas em Coimbra.",
    ],
    "hu": [
        "A kormány hétfőn új tárgyalásokat jelentett be a szomszédos országokkal.",
        "A vihar miatt több mint százezer háztartás maradt áram nélkül az ország északi részén.",
        "A rendőrség szerint szombaton több ezer ember tüntetett Budapesten.",
        "Az energiaárak a harmadik negyedévben tovább emelkedtek.",
        "A külügyminiszter váratlan látogatást tett Kijevben.",
        "A szakszervezetek jövő keddre újabb sztrájkot hirdettek.",
        "A döntést az ellenzék élesen bírálta.",
        "A tűzoltók még mindig egy olyan tűzzel küzdenek, amely már több ezer hektárt pusztított el.",
        "Vizsgálat indult a baleset okainak feltárására.",
        "Nem fogunk engedni a nyomásnak, mondta az újságíróknak.",
    ],
    "pl": [
        "Rząd ogłosił w poniedziałek nowe negocjacje z sąsiednimi krajami.",
        "Burza pozbawiła prądu ponad sto tysięcy gospodarstw domowych na północy kraju.",
        "Według policji w sobotę w Warszawie demonstrowały tysiące osób.",
        "Ceny energii w trzecim kwartale ponownie wzrosły.",
        "Minister spraw zagranicznych złożył niespodziewaną wizytę w Kijowie.",
        "Związki zawodowe wzywają do kolejnego strajku w przyszły wtorek.",
        "Decyzja została ostro skrytykowana przez opozycję.",
        "Strażacy wciąż walczą z pożarem, który strawił już tysiące hektarów.",
        "Wszczęto śledztwo w celu ustalenia przyczyn wypadku.",
        "Nie ugniemy się pod presją, powiedział dziennikarzom.",
    ],
    "sv": [
        "Regeringen meddelade på måndagen nya förhandlingar med grannländerna.",
        "Stormen gjorde att över hundratusen hushåll i norra delen av landet blev utan ström.",
        "Enligt polisen demonstrerade tusentals människor i Stockholm på lördagen.",
        "Energipriserna steg återigen under det tredje kvartalet.",
        "Utrikesministern gjorde ett oväntat besök i Kiev.",
        "Fackförbunden uppmanar till en ny strejk nästa tisdag.",
        "Beslutet kritiserades hårt av oppositionen.",
        "Brandmännen kämpar fortfarande mot en brand som redan har förstört tusentals hektar.",
        "En utredning har inletts för att klarlägga orsaken till olyckan.",
        "Vi kommer inte att ge efter för trycket, sa han till reportrarna.",
    ],
    "tr": [
        "Hükümet pazartesi günü komşu ülkelerle yeni müzakereler başlatacağını açıkladı.",
        "Fırtına nedeniyle ülkenin kuzeyinde yüz binden fazla hane elektriksiz kaldı.",
        "Polise göre cumartesi günü İstanbul'da binlerce kişi gösteri yaptı.",
        "Enerji fiyatları üçüncü çeyrekte yeniden yükseldi.",
        "Dışişleri bakanı Kiev'e sürpriz bir ziyaret gerçekleştirdi.",
        "Sendikalar gelecek salı için yeni bir grev çağrısı yaptı.",
        "Karar muhalefet tarafından sert bir şekilde eleştirildi.",
        "İtfaiye ekipleri binlerce hektarı yok eden yangınla hâlâ mücadele ediyor.",
        "Kazanın nedenlerini belirlemek için soruşturma başlatıldı.",
        "Baskıya boyun eğmeyeceğiz, dedi gazetecilere.",
    ],
}
"""Sentences written for this benchmark (not taken from any publisher). Hungarian, Polish, Swedish and
Turkish are outside ``simplemma-7``'s seven languages on purpose: a text newskg meets may be in any."""

LANGS = ("de", "en", "fr", "es", "it", "nl", "pt")
_WORDS = re.compile(r"\w+")


def _detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?)\]])", r"\1", text)
    return re.sub(r"([(\[]) ", r"\1", text)


def german(root: Path, limit: int) -> list[str]:
    sentences, tokens = [], []
    for line in (root / "germeval2014" / "NER-de-dev.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                sentences.append(_detokenize(tokens))
            tokens = []
            continue
        tokens.append(line.split("\t")[1])
    return [s for s in sentences if 5 <= len(_WORDS.findall(s)) <= 40][:limit]


def english(root: Path, limit: int) -> list[str]:
    sentences = []
    for path in sorted((root / "polnear" / "dev" / "text").glob("*.txt")):
        text = " ".join(path.read_text(encoding="utf-8").split())
        sentences += re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text)
    return [s for s in sentences if 5 <= len(_WORDS.findall(s)) <= 40][:limit]


def extractor_decision(code: str | None) -> str:
    return code if code in ("de", "en") else "other"


def detectors() -> dict[str, Callable[[str], str | None]]:
    import simplemma
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    def simplemma_de_en(text: str) -> str | None:
        found = dict(simplemma.langdetect(text, lang=("de", "en")))
        best = max(("de", "en"), key=lambda k: found.get(k, 0.0))
        other = "en" if best == "de" else "de"
        share = found.get(best, 0.0)
        return best if share >= 0.5 and share > found.get(other, 0.0) + 0.1 else None

    def simplemma_7(text: str) -> str | None:
        code, share = simplemma.langdetect(text, lang=LANGS)[0]
        return code if code != "unk" and share >= 0.5 else None

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def py3langid(text: str) -> str | None:
        return str(identifier.classify(text)[0])

    found: dict[str, Callable[[str], str | None]] = {
        "simplemma-de-en": simplemma_de_en, "simplemma-7": simplemma_7, "py3langid": py3langid,
    }  # fmt: skip
    try:
        from kg.language import detect
    except ImportError:
        return found
    found["newskg"] = lambda text: detect(text).code
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--realdata", type=Path, default=REALDATA)
    parser.add_argument("--per-language", type=int, default=200)
    args = parser.parse_args(argv)
    if not (args.realdata / "germeval2014").exists() or not (args.realdata / "polnear").exists():
        print(f"bench.language: the real texts are not there ({args.realdata}); nothing was measured.",
              file=sys.stderr)  # fmt: skip
        return 2
    samples = {
        "de": german(args.realdata, args.per_language),
        "en": english(args.realdata, args.per_language),
    }
    samples.update(OTHER)
    docs = {
        lang: [" ".join(items[i : i + 5]) for i in range(0, len(items) - 4, 5)]
        for lang, items in samples.items()
    }
    short = {lang: [" ".join(t.split()[:6]) for t in items] for lang, items in samples.items()}
    rows = ["| detector | unit | " + " | ".join(f"{lang} ({len(samples[lang])}/{len(docs[lang])})" for lang in
            samples) + " | all: code | all: de/en/other |", "|---" * (len(samples) + 4) + "|"]  # fmt: skip
    for name, detect in detectors().items():
        for unit, texts in (("6 words", short), ("sentence", samples), ("5 sentences", docs)):
            cells, code_ok, decision_ok, total = [], 0, 0, 0
            for lang, items in texts.items():
                got = [detect(t) for t in items]
                right = sum(g == lang for g in got)
                decided = sum(extractor_decision(g) == extractor_decision(lang) for g in got)
                cells.append(f"{right / len(items):.3f} / {decided / len(items):.3f}")
                code_ok, decision_ok, total = code_ok + right, decision_ok + decided, total + len(items)
            rows.append(f"| {name} | {unit} | " + " | ".join(cells)
                        + f" | {code_ok / total:.3f} | {decision_ok / total:.3f} |")  # fmt: skip
    print(
        "Per language: code accuracy / de-en-other accuracy (sentences / five-sentence documents counted).\n"
    )
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
