"""Competency questions: what a data journalist or fact-checker asks of the DW article of 17 Oct 2025
("Trump kündigt Treffen mit Putin in Budapest an"), each as the SPARQL query a user would write, with the
answer the article gives written out by hand.

The expected answers come from reading ``data/articles/dw-2025-10-17-trump-putin-budapest/article.txt``
(dates at the precision the article states them; "an diesem Freitag" is 17 Oct 2025, "am Donnerstag"
16 Oct 2025, "in der kommenden Woche" 20-26 Oct 2025), not from the graph. Results are compared as sets of
plain Python values: IRIs and literals as strings, ``xsd:integer`` as ``int``, ``xsd:boolean`` as ``bool``;
a row of several columns is a tuple, an unbound column ``None``.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions

from kg.store import Store

KG = "https://kg.example.org/"
ARTICLE = KG + "article/dw-2025-10-17-trump-putin-budapest"
EVENT = KG + "event/"
PERSON = KG + "person/"
WD = "http://www.wikidata.org/entity/"
XSD = "http://www.w3.org/2001/XMLSchema#"
NKG = "https://w3id.org/newskg/ontology#"

PREFIXES = """\
PREFIX schema: <http://schema.org/>
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX event: <https://kg.example.org/event/>
PREFIX article: <https://kg.example.org/article/>
"""

ALASKA_QUOTE = (
    "klar sein, dass wir jetzt nach einer erfolglosen Etappe in Alaska wirklich klare Schritte und die "
    "Bereitschaft Moskaus erkennen müssen, die Kampfhandlungen zu beenden"
)
ZELENSKYY_X_QUOTE = (
    "Wir hoffen, dass die Dynamik zur Eindämmung von Terror und Krieg, die im Nahen Osten erfolgreich war, "
    "auch dazu beitragen wird, Russlands Krieg gegen die Ukraine zu beenden"
)


class Question(NamedTuple):
    id: str
    question: str
    query: str
    expected: Any


QUESTIONS = [
    # --- Events: who, where, when -------------------------------------------------------------------------
    Question(
        "attendees-per-event",
        "Who took part in which event the article reports?",
        """
        SELECT ?event ?attendee WHERE {
          ?event a schema:Event ; schema:attendee ?attendee .
        }
        """,
        {
            (EVENT + "trump-putin-call-2025-10", PERSON + "donald-trump"),
            (EVENT + "trump-putin-call-2025-10", PERSON + "vladimir-putin"),
            (EVENT + "trump-announcement-truth-social-2025-10", PERSON + "donald-trump"),
            (EVENT + "budapest-summit-2025", PERSON + "donald-trump"),
            (EVENT + "budapest-summit-2025", PERSON + "vladimir-putin"),
            (EVENT + "us-russia-officials-meeting-2025-10", PERSON + "marco-rubio"),
            (EVENT + "trump-zelenskyy-white-house-2025-10-17", PERSON + "donald-trump"),
            (EVENT + "trump-zelenskyy-white-house-2025-10-17", PERSON + "volodymyr-zelenskyy"),
            (EVENT + "zelenskyy-visit-washington-2025-10", PERSON + "volodymyr-zelenskyy"),
            (EVENT + "alaska-summit-2025-08", PERSON + "donald-trump"),
            (EVENT + "alaska-summit-2025-08", PERSON + "vladimir-putin"),
            (EVENT + "orban-putin-moscow-2024-07", PERSON + "viktor-orban"),
            (EVENT + "orban-putin-moscow-2024-07", PERSON + "vladimir-putin"),
            (EVENT + "zelenskyy-trump-new-york-2025-09", PERSON + "volodymyr-zelenskyy"),
            (EVENT + "zelenskyy-trump-new-york-2025-09", PERSON + "donald-trump"),
            (EVENT + "orban-putin-call-2025-10", PERSON + "viktor-orban"),
            (EVENT + "orban-putin-call-2025-10", PERSON + "vladimir-putin"),
            (EVENT + "trilateral-meeting-proposed", PERSON + "vladimir-putin"),
            (EVENT + "trilateral-meeting-proposed", PERSON + "volodymyr-zelenskyy"),
            (EVENT + "trilateral-meeting-proposed", PERSON + "donald-trump"),
            (EVENT + "russian-invasion-of-ukraine", KG + "place/russia"),
            (EVENT + "russian-invasion-of-ukraine", KG + "place/ukraine"),
            (EVENT + "gaza-war", KG + "place/israel"),
            (EVENT + "gaza-war", KG + "organization/hamas"),
            (EVENT + "gaza-ceasefire-2025-10", KG + "place/israel"),
            (EVENT + "gaza-ceasefire-2025-10", KG + "organization/hamas"),
        },
    ),
    Question(
        "trump-putin-in-person",
        "Where and when did Trump and Putin meet in person (not by phone)?",
        """
        SELECT ?place ?date (DATATYPE(?date) AS ?precision) WHERE {
          ?trump schema:sameAs wd:Q22686 . ?putin schema:sameAs wd:Q7747 .
          ?event schema:attendee ?trump, ?putin ; nkg:status nkg:Happened ;
                 schema:location ?where ; schema:startDate ?date .
          ?where a schema:Place ; schema:name ?place . FILTER(LANG(?place) = "en")
        }
        """,
        {("Alaska", "2025-08", XSD + "gYearMonth")},
    ),
    Question(
        "alaska-summit-attendees",
        "Who attended the summit in Alaska, and who hosted it?",
        """
        SELECT ?role ?who WHERE {
          ?alaska schema:sameAs wd:Q797 .
          ?event schema:additionalType nkg:Summit ; schema:location ?alaska .
          { ?event schema:attendee ?p . BIND("attendee" AS ?role) }
          UNION { ?event schema:organizer ?p . BIND("organizer" AS ?role) }
          ?p schema:sameAs ?who .
        }
        """,
        {("attendee", WD + "Q22686"), ("attendee", WD + "Q7747"), ("organizer", WD + "Q22686")},
    ),
    Question(
        "planned-events",
        "Which events were planned when the article was published?",
        "SELECT ?event WHERE { ?event nkg:status nkg:Planned }",
        {
            EVENT + "budapest-summit-2025",
            EVENT + "us-russia-officials-meeting-2025-10",
            EVENT + "trump-zelenskyy-white-house-2025-10-17",
        },
    ),
    Question(
        "proposed-events",
        "Which events were only proposed, neither scheduled nor held?",
        "SELECT ?event WHERE { ?event nkg:status nkg:Proposed }",
        {EVENT + "trilateral-meeting-proposed", EVENT + "tomahawk-delivery-proposed"},
    ),
    Question(
        "ongoing-events",
        "Which events were under way at publication?",
        "SELECT ?event WHERE { ?event nkg:status nkg:Ongoing }",
        {EVENT + "zelenskyy-visit-washington-2025-10", EVENT + "russian-invasion-of-ukraine"},
    ),
    Question(
        "happened-events",
        "Which events had already happened?",
        "SELECT ?event WHERE { ?event nkg:status nkg:Happened }",
        {
            EVENT + "trump-putin-call-2025-10",
            EVENT + "trump-announcement-truth-social-2025-10",
            EVENT + "alaska-summit-2025-08",
            EVENT + "orban-putin-moscow-2024-07",
            EVENT + "zelenskyy-trump-new-york-2025-09",
            EVENT + "orban-putin-call-2025-10",
            EVENT + "icc-arrest-warrant-putin-2023",
            EVENT + "hungary-icc-withdrawal-announcement-2025-04",
            EVENT + "gaza-war",
            EVENT + "gaza-ceasefire-2025-10",
        },
    ),
    Question(
        "trilateral-not-happened",
        "Did the trilateral Putin-Zelenskyy-Trump meeting take place?",
        """
        ASK {
          ?event schema:additionalType nkg:Meeting ; nkg:status nkg:Happened ;
                 schema:attendee [ schema:sameAs wd:Q22686 ], [ schema:sameAs wd:Q7747 ],
                                 [ schema:sameAs wd:Q3874799 ] .
        }
        """,
        False,
    ),
    Question(
        "budapest-summit-window",
        "When is the Budapest summit to take place, and in what words does the article say so?",
        """
        SELECT ?from ?to ?words WHERE {
          ?budapest schema:sameAs wd:Q1781 .
          ?event schema:location ?budapest ; schema:eventSchedule ?window .
          ?window schema:startDate ?from ; schema:endDate ?to ; schema:description ?words .
          FILTER(DATATYPE(?from) = xsd:date && DATATYPE(?to) = xsd:date)
        }
        """,
        {("2025-10-17", "2025-10-31", "wahrscheinlich in den nächsten zwei Wochen")},
    ),
    Question(
        "officials-meeting",
        "Who leads the preparatory meeting of officials, when is it, and what is it part of?",
        """
        SELECT ?leader ?from ?to ?super WHERE {
          ?event schema:superEvent ?super ; schema:attendee/schema:sameAs ?leader ;
                 schema:eventSchedule [ schema:startDate ?from ; schema:endDate ?to ] .
          ?super schema:location/schema:sameAs wd:Q1781 .
        }
        """,
        {(WD + "Q324546", "2025-10-20", "2025-10-26", EVENT + "budapest-summit-2025")},
    ),
    Question(
        "officials-meeting-place-open",
        "Is a place known for the meeting of officials?",
        "ASK { event:us-russia-officials-meeting-2025-10 schema:location ?place }",
        False,
    ),
    Question(
        "white-house-meeting",
        "When and where does Trump receive Zelenskyy, and who attends?",
        """
        SELECT ?date (DATATYPE(?date) AS ?type) ?place ?attendee WHERE {
          ?zelenskyy schema:sameAs wd:Q3874799 .
          ?event schema:organizer/schema:sameAs wd:Q22686 ; schema:attendee ?zelenskyy ;
                 nkg:status nkg:Planned ; schema:startDate ?date ;
                 schema:location/schema:sameAs ?place ; schema:attendee/schema:sameAs ?attendee .
        }
        """,
        {
            ("2025-10-17", XSD + "date", WD + "Q35525", WD + "Q22686"),
            ("2025-10-17", XSD + "date", WD + "Q35525", WD + "Q3874799"),
        },
    ),
    Question(
        "events-in-budapest",
        "Which events take place in Budapest?",
        """
        SELECT ?event WHERE {
          ?budapest schema:sameAs wd:Q1781 .
          ?event a schema:Event ; schema:location/schema:containedInPlace* ?budapest .
        }
        """,
        {EVENT + "budapest-summit-2025"},
    ),
    Question(
        "events-in-united-states",
        "Which events take place somewhere in the United States?",
        """
        SELECT ?event WHERE {
          ?us schema:sameAs wd:Q30 .
          ?event a schema:Event ; schema:location/schema:containedInPlace* ?us .
        }
        """,
        {
            EVENT + "alaska-summit-2025-08",
            EVENT + "trump-zelenskyy-white-house-2025-10-17",
            EVENT + "zelenskyy-visit-washington-2025-10",
            EVENT + "zelenskyy-trump-new-york-2025-09",
        },
    ),
    Question(
        "events-in-washington",
        "What happens in Washington, D.C. (the White House included)?",
        """
        SELECT ?event ?status WHERE {
          ?dc schema:sameAs wd:Q61 .
          ?event nkg:status ?status ; schema:location/schema:containedInPlace* ?dc .
        }
        """,
        {
            (EVENT + "trump-zelenskyy-white-house-2025-10-17", NKG + "Planned"),
            (EVENT + "zelenskyy-visit-washington-2025-10", NKG + "Ongoing"),
        },
    ),
    Question(
        "putin-past-meetings",
        "Which past meetings with Putin does the article date, and to what precision?",
        """
        SELECT ?event ?date (DATATYPE(?date) AS ?precision) WHERE {
          ?putin schema:sameAs wd:Q7747 .
          ?event schema:attendee ?putin ; nkg:status nkg:Happened ; schema:startDate ?date .
        }
        """,
        {
            (EVENT + "alaska-summit-2025-08", "2025-08", XSD + "gYearMonth"),
            (EVENT + "orban-putin-moscow-2024-07", "2024-07", XSD + "gYearMonth"),
        },
    ),
    Question(
        "month-precision-dates",
        "Which events does the article date only to the month?",
        """
        SELECT ?event ?month WHERE {
          ?event a schema:Event ; schema:startDate ?month .
          FILTER(DATATYPE(?month) = xsd:gYearMonth)
        }
        """,
        {
            (EVENT + "alaska-summit-2025-08", "2025-08"),
            (EVENT + "orban-putin-moscow-2024-07", "2024-07"),
            (EVENT + "zelenskyy-trump-new-york-2025-09", "2025-09"),
            (EVENT + "hungary-icc-withdrawal-announcement-2025-04", "2025-04"),
            (EVENT + "russian-invasion-of-ukraine", "2022-02"),
        },
    ),
    Question(
        "phone-calls-with-putin",
        "Who phoned Putin, and by when had the calls taken place?",
        """
        SELECT ?caller ?latest WHERE {
          ?putin schema:sameAs wd:Q7747 .
          ?call schema:additionalType nkg:PhoneCall ; schema:attendee ?putin, ?other ;
                nkg:latestDate ?latest .
          ?other schema:sameAs ?caller . FILTER(?other != ?putin)
        }
        """,
        {(WD + "Q22686", "2025-10-17"), (WD + "Q57641", "2025-10-17")},
    ),
    Question(
        "events-with-duration",
        "Which events does the article give a duration for?",
        "SELECT ?event ?duration WHERE { ?event a schema:Event ; schema:duration ?duration }",
        {(EVENT + "trump-putin-call-2025-10", "PT2H")},
    ),
    Question(
        "online-events",
        "Which events happened online or by phone rather than in a place?",
        """
        SELECT ?event WHERE {
          ?event schema:eventAttendanceMode schema:OnlineEventAttendanceMode ;
                 schema:location [ a schema:VirtualLocation ] .
        }
        """,
        {
            EVENT + "trump-putin-call-2025-10",
            EVENT + "trump-announcement-truth-social-2025-10",
            EVENT + "orban-putin-call-2025-10",
        },
    ),
    Question(
        "sub-and-super-events",
        "Which events are part of a larger event?",
        """
        SELECT ?part ?whole WHERE {
          ?part schema:superEvent ?whole .
          ?whole schema:subEvent ?part .
        }
        """,
        {
            (EVENT + "us-russia-officials-meeting-2025-10", EVENT + "budapest-summit-2025"),
            (EVENT + "trump-zelenskyy-white-house-2025-10-17", EVENT + "zelenskyy-visit-washington-2025-10"),
        },
    ),
    Question(
        "icc-arrest-warrant",
        "Who issued an arrest warrant for Putin, in which year and where?",
        """
        SELECT ?court ?year (DATATYPE(?year) AS ?precision) ?seat WHERE {
          ?warrant schema:additionalType nkg:ArrestWarrant ; schema:about/schema:sameAs wd:Q7747 ;
                   schema:organizer/schema:sameAs ?court ; schema:startDate ?year ;
                   schema:location/schema:sameAs ?seat .
        }
        """,
        {(WD + "Q47488", "2023", XSD + "gYear", WD + "Q36600")},
    ),
    Question(
        "hungary-icc-withdrawal",
        "When did Hungary announce it would leave the ICC?",
        """
        SELECT ?date WHERE {
          ?event schema:additionalType nkg:Withdrawal ; schema:organizer/schema:sameAs wd:Q28 ;
                 schema:about/schema:sameAs wd:Q47488 ; schema:startDate ?date .
        }
        """,
        {"2025-04"},
    ),
    Question(
        "zelenskyy-visit",
        "Since when has Zelenskyy been visiting Washington?",
        """
        SELECT ?since (DATATYPE(?since) AS ?type) WHERE {
          ?visit schema:additionalType nkg:Visit ; schema:attendee/schema:sameAs wd:Q3874799 ;
                 schema:location/schema:sameAs wd:Q61 ; schema:startDate ?since .
        }
        """,
        {("2025-10-16", XSD + "date")},
    ),
    Question(
        "announcement-platform",
        "On which platform did Trump announce the Budapest summit?",
        """
        SELECT ?platform WHERE {
          ?announcement schema:additionalType nkg:Announcement ; schema:attendee/schema:sameAs wd:Q22686 ;
                        schema:about event:budapest-summit-2025, ?site .
          ?site a schema:WebSite ; schema:name ?platform . FILTER(LANG(?platform) = "en")
        }
        """,
        {"Truth Social"},
    ),
    # --- Quotations and claims ----------------------------------------------------------------------------
    Question(
        "who-said-what",
        "Who is quoted with which words?",
        """
        SELECT ?speaker ?words WHERE {
          ?quote a schema:Quotation ; schema:text ?words ; schema:creator/schema:name ?speaker .
          FILTER(LANG(?speaker) = "en")
        }
        """,
        {
            ("Donald Trump", "wahrscheinlich in den nächsten zwei Wochen"),
            ("Donald Trump", "sehr produktiv"),
            ("Donald Trump", "Erfolg im Nahen Osten"),
            ("Donald Trump", "entleeren"),
            ("Donald Trump", "nicht gefallen"),
            ("Kirill Dmitriev", "Der nächste Gipfel kommt bald."),
            ("Johann Wadephul", "akzeptabel"),
            ("Johann Wadephul", ALASKA_QUOTE),
            ("Karoline Leavitt", "Ich denke, er hält es für möglich."),
            ("Karoline Leavitt", "Darauf möchte ich nicht eingehen."),
            ("Volodymyr Zelenskyy", ZELENSKYY_X_QUOTE),
            ("Volodymyr Zelenskyy", "Sprache der Stärke und Gerechtigkeit"),
        },
    ),
    Question(
        "quotations-by-trump",
        "What does the article quote Trump as saying?",
        """
        SELECT ?words WHERE {
          ?quote a schema:Quotation ; schema:creator/schema:sameAs wd:Q22686 ; schema:text ?words .
        }
        """,
        {
            "wahrscheinlich in den nächsten zwei Wochen",
            "sehr produktiv",
            "Erfolg im Nahen Osten",
            "entleeren",
            "nicht gefallen",
        },
    ),
    Question(
        "quotations-by-leavitt",
        "What did the White House press secretary Karoline Leavitt say (she has no verified Wikidata id)?",
        """
        SELECT ?words ?topic WHERE {
          ?leavitt schema:name "Karoline Leavitt"@en .
          ?quote a schema:Quotation ; schema:creator ?leavitt ; schema:text ?words ; schema:about ?topic .
        }
        """,
        {
            ("Ich denke, er hält es für möglich.", EVENT + "trilateral-meeting-proposed"),
            ("Darauf möchte ich nicht eingehen.", EVENT + "trilateral-meeting-proposed"),
        },
    ),
    Question(
        "quotations-on-x",
        "Which quotations were posted on X, by whom, and on which day?",
        """
        SELECT ?author ?words ?day WHERE {
          ?quote a schema:Quotation ; schema:text ?words ; schema:isBasedOn ?post .
          ?post a schema:SocialMediaPosting ; schema:isPartOf/schema:sameAs wd:Q918 ;
                schema:author/schema:name ?author .
          FILTER(LANG(?author) = "en")
          OPTIONAL { ?post schema:dateCreated ?day }
        }
        """,
        {
            ("Kirill Dmitriev", "Der nächste Gipfel kommt bald.", None),
            ("Volodymyr Zelenskyy", ZELENSKYY_X_QUOTE, "2025-10-16"),
            ("Volodymyr Zelenskyy", "Sprache der Stärke und Gerechtigkeit", "2025-10-16"),
        },
    ),
    Question(
        "claims-by-kremlin",
        "What does the article report the Kremlin (no Wikidata id) as saying, and about what?",
        """
        SELECT ?words ?topic WHERE {
          ?kremlin schema:name "Kremlin"@en .
          ?claim a schema:Claim ; schema:author ?kremlin ; schema:text ?words ; schema:about ?topic .
        }
        """,
        {
            ("Der Kreml bestätigte das Gespräch.", EVENT + "orban-putin-call-2025-10"),
            (
                "Der Kreml warnte die US-Regierung nachdrücklich vor einer solchen Lieferung.",
                EVENT + "tomahawk-delivery-proposed",
            ),
        },
    ),
    Question(
        "nuclear-threat",
        "Who hinted at a nuclear response to a Tomahawk delivery?",
        """
        SELECT ?who ?words WHERE {
          ?claim a schema:Claim ; schema:about/schema:sameAs wd:Q12802 ;
                 schema:about event:tomahawk-delivery-proposed ;
                 schema:author/schema:sameAs ?who ; schema:text ?words .
        }
        """,
        {(WD + "Q23530", "Dmitri Medwedew deutete gar eine mögliche Gegenreaktion mit Atomwaffen an.")},
    ),
    Question(
        "voices-on-budapest-summit",
        "Whose words (quotations or reported claims) does the article give about the Budapest summit?",
        """
        SELECT DISTINCT ?name WHERE {
          { ?s a schema:Quotation ; schema:creator ?who } UNION { ?s a schema:Claim ; schema:author ?who }
          ?s schema:about event:budapest-summit-2025 .
          ?who schema:name ?name . FILTER(LANG(?name) = "en")
        }
        """,
        {"Donald Trump", "Kirill Dmitriev", "Johann Wadephul", "Yuri Ushakov", "Viktor Orbán"},
    ),
    Question(
        "trump-threat-date",
        "When did Trump say he could threaten Russia with Tomahawks?",
        """
        SELECT ?when (DATATYPE(?when) AS ?precision) WHERE {
          ?claim a schema:Claim ; schema:author/schema:sameAs wd:Q22686 ;
                 schema:about event:tomahawk-delivery-proposed ; schema:dateCreated ?when .
        }
        """,
        {("2025-10", XSD + "gYearMonth")},
    ),
    Question(
        "szijjarto-on-arrest",
        "What did Hungary's foreign minister say about the ICC warrant for Putin?",
        """
        SELECT ?words WHERE {
          ?claim a schema:Claim ; schema:author/schema:sameAs wd:Q685293 ; schema:text ?words ;
                 schema:about/schema:additionalType nkg:ArrestWarrant .
        }
        """,
        {
            "Ungarns Außenminister\N{NO-BREAK SPACE}Peter Szijjarto erklärte, "
            "die Regierung werde sicherstellen, dass Putin das Land ohne Probleme betreten könne - "
            "und auch nicht verhaftet werde."
        },
    ),
    Question(
        "dated-quotations",
        "Which quotations does the article date, and to which day?",
        """
        SELECT ?speaker ?day (DATATYPE(?day) AS ?type) WHERE {
          ?quote a schema:Quotation ; schema:dateCreated ?day ; schema:creator/schema:sameAs ?speaker .
        }
        """,
        {(WD + "Q3874799", "2025-10-16", XSD + "date")},
    ),
    # --- Roles at the time of the article ------------------------------------------------------------------
    Question(
        "secretary-of-state",
        "Who was US Secretary of State (wd:Q14213) according to the article, and under which title?",
        """
        SELECT ?person ?title ?status WHERE {
          ?p schema:memberOf ?role ; schema:sameAs ?person .
          ?role a schema:OrganizationRole ; nkg:position wd:Q14213 ; schema:roleName ?title ;
                nkg:roleStatus ?status .
          FILTER(LANG(?title) = "en")
        }
        """,
        {(WD + "Q324546", "United States Secretary of State", NKG + "CurrentRole")},
    ),
    Question(
        "presidents-of-the-us",
        "Who is named as President of the United States (wd:Q11696), currently or formerly?",
        """
        SELECT ?person ?status WHERE {
          ?p schema:memberOf ?role ; schema:sameAs ?person .
          ?role nkg:position wd:Q11696 ; nkg:roleStatus ?status .
        }
        """,
        {(WD + "Q22686", NKG + "CurrentRole"), (WD + "Q6279", NKG + "FormerRole")},
    ),
    Question(
        "medvedev-roles",
        "Which roles does the article give Dmitry Medvedev, and which of them are former?",
        """
        SELECT ?title ?status WHERE {
          ?medvedev schema:sameAs wd:Q23530 ; schema:memberOf ?role .
          ?role a schema:OrganizationRole ; schema:roleName ?title ; nkg:roleStatus ?status .
          FILTER(LANG(?title) = "en")
        }
        """,
        {
            ("former President of Russia", NKG + "FormerRole"),
            ("Deputy Chairman of the Security Council of Russia", NKG + "CurrentRole"),
        },
    ),
    Question(
        "former-office-holders",
        "Who is mentioned only by a former office?",
        """
        SELECT ?name WHERE {
          ?p schema:memberOf [ nkg:roleStatus nkg:FormerRole ] ; schema:name ?name .
          FILTER(LANG(?name) = "en")
        }
        """,
        {"Dmitry Medvedev", "Joe Biden"},
    ),
    Question(
        "hungarian-officials",
        "Which Hungarian officials does the article name, with their titles?",
        """
        SELECT ?name ?title WHERE {
          ?p schema:memberOf ?role ; schema:name ?name .
          ?role schema:memberOf/schema:sameAs wd:Q28 ; schema:roleName ?title .
          FILTER(LANG(?name) = "en" && LANG(?title) = "de")
        }
        """,
        {("Viktor Orbán", "Ministerpräsident Ungarns"), ("Péter Szijjártó", "Außenminister Ungarns")},
    ),
    Question(
        "kremlin-aide",
        "Who speaks for the Kremlin as an aide to Putin?",
        """
        SELECT ?name ?title WHERE {
          ?kremlin schema:name "Kreml"@de .
          ?p schema:memberOf ?role ; schema:name ?name .
          ?role schema:memberOf ?kremlin ; schema:roleName ?title .
          FILTER(LANG(?name) = "de" && LANG(?title) = "de")
        }
        """,
        {("Juri Uschakow", "Berater Putins")},
    ),
    Question(
        "roles-as-of",
        "As of which date does the article state the roles people hold?",
        """
        SELECT DISTINCT ?date WHERE {
          ?person schema:memberOf ?role . ?role a schema:OrganizationRole ; nkg:asOf ?date .
        }
        """,
        {"2025-10-17"},
    ),
    # --- People and names ---------------------------------------------------------------------------------
    Question(
        "persons-mentioned",
        "How many persons does the article mention?",
        f"""
        SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{
          <{ARTICLE}> schema:mentions|schema:about ?p . ?p a schema:Person .
        }}
        """,
        {12},
    ),
    Question(
        "persons-without-wikidata",
        "Which persons mentioned have no verified Wikidata id (so must be checked by name)?",
        f"""
        SELECT ?name WHERE {{
          <{ARTICLE}> schema:mentions ?p .
          ?p a schema:Person ; nkg:wikidataUnverified true ; schema:name ?name .
          FILTER NOT EXISTS {{ ?p schema:sameAs ?any }}
          FILTER(LANG(?name) = "en")
        }}
        """,
        {"Yuri Ushakov", "Kirill Dmitriev", "Karoline Leavitt"},
    ),
    Question(
        "places-mentioned",
        "Which places does the article mention?",
        """
        SELECT ?place WHERE {
          article:dw-2025-10-17-trump-putin-budapest schema:mentions ?p .
          ?p a schema:Place ; schema:sameAs ?place .
        }
        """,
        {
            WD + "Q30",  # USA, US
            WD + "Q159",  # Russland
            WD + "Q212",  # Ukraine
            WD + "Q28",  # Ungarn
            WD + "Q183",  # Deutschland
            WD + "Q801",  # Israel
            WD + "Q1781",  # Budapest
            WD + "Q649",  # Moskau
            WD + "Q61",  # Washington
            WD + "Q35525",  # Weißes Haus
            WD + "Q797",  # Alaska
            WD + "Q60",  # New York
            WD + "Q36600",  # Den Haag
            WD + "Q1899",  # Kyjiw
            WD + "Q39760",  # Gazastreifen
            WD + "Q46",  # Europa
            WD + "Q7204",  # Naher Osten
        },
    ),
    Question(
        "zelenskyy-names",
        "How is Zelenskyy's name written in English and in German?",
        "SELECT ?name (LANG(?name) AS ?lang) WHERE { ?p schema:sameAs wd:Q3874799 ; schema:name ?name }",
        {("Volodymyr Zelenskyy", "en"), ("Wolodymyr Selenskyj", "de")},
    ),
    Question(
        "putin-names",
        "How is Putin's name written in English and in German?",
        "SELECT ?name (LANG(?name) AS ?lang) WHERE { ?p schema:sameAs wd:Q7747 ; schema:name ?name }",
        {("Vladimir Putin", "en"), ("Wladimir Putin", "de")},
    ),
    # --- Article metadata ---------------------------------------------------------------------------------
    Question(
        "article-headline-language",
        "What is the article's headline, and in which language is it written?",
        """
        SELECT ?headline (LANG(?headline) AS ?lang) ?language WHERE {
          article:dw-2025-10-17-trump-putin-budapest a schema:NewsArticle ;
              schema:headline ?headline ; schema:inLanguage ?language .
        }
        """,
        {("Trump kündigt Treffen mit Putin in Budapest an", "de", "de")},
    ),
    Question(
        "article-teaser",
        "What does the article's teaser say?",
        "SELECT ?teaser WHERE { article:dw-2025-10-17-trump-putin-budapest schema:description ?teaser }",
        {
            "Nach einem Telefonat mit Wladimir Putin will US-Präsident Donald Trump den Kremlchef erneut "
            "treffen. Zuvor empfängt er den ukrainischen Präsidenten im Weißen Haus, um über die Lieferung "
            "von Tomahawks zu sprechen."
        },
    ),
    Question(
        "article-dates",
        "When was the article published, last modified, and when did editing close?",
        """
        SELECT ?published (DATATYPE(?published) AS ?t1) ?modified ?deadline (DATATYPE(?deadline) AS ?t2)
        WHERE {
          article:dw-2025-10-17-trump-putin-budapest schema:datePublished ?published ;
              schema:dateModified ?modified ; nkg:editorialDeadline ?deadline .
        }
        """,
        {("2025-10-17", XSD + "date", "2025-10-17", "2025-10-17T17:45:00+02:00", XSD + "dateTime")},
    ),
    Question(
        "article-final",
        "Does the article say it will not be updated any more?",
        'ASK { article:dw-2025-10-17-trump-putin-budapest schema:creativeWorkStatus "final" }',
        True,
    ),
    Question(
        "publisher",
        "Who published the article?",
        """
        SELECT ?publisher ?name WHERE {
          article:dw-2025-10-17-trump-putin-budapest schema:publisher ?org .
          ?org a schema:NewsMediaOrganization ; schema:sameAs ?publisher ; schema:name ?name .
          FILTER(LANG(?name) = "de")
        }
        """,
        {(WD + "Q153770", "Deutsche Welle")},
    ),
    Question(
        "authors",
        "Which DW authors signed the article?",
        """
        SELECT ?initials WHERE {
          article:dw-2025-10-17-trump-putin-budapest schema:author/schema:name ?initials .
        }
        """,
        {"pgr", "se"},
    ),
    Question(
        "agencies",
        "Which news agencies does the article credit?",
        """
        SELECT ?agency WHERE {
          article:dw-2025-10-17-trump-putin-budapest schema:contributor ?org .
          ?org a schema:NewsMediaOrganization ; schema:sameAs ?agency .
        }
        """,
        {WD + "Q312653", WD + "Q40464", WD + "Q130879", WD + "Q40469"},  # dpa, AFP, Reuters, AP
    ),
    Question(
        "article-about",
        "What is the article about?",
        "SELECT ?topic WHERE { article:dw-2025-10-17-trump-putin-budapest schema:about ?topic }",
        {
            EVENT + "budapest-summit-2025",
            EVENT + "trump-putin-call-2025-10",
            EVENT + "trump-zelenskyy-white-house-2025-10-17",
        },
    ),
    Question(
        "sections",
        "Which sections does the article have, in order?",
        """
        SELECT ?position ?heading WHERE {
          article:dw-2025-10-17-trump-putin-budapest schema:hasPart ?section .
          ?section a schema:WebPageElement ; schema:position ?position ; schema:name ?heading .
        }
        """,
        {
            (1, "Orban: Vorbereitungen haben begonnen"),
            (2, "Letzter Gipfel in Alaska endete ohne Fortschritt"),
            (3, "Trump empfängt Selenskyj in Washington"),
        },
    ),
    # --- Media --------------------------------------------------------------------------------------------
    Question(
        "image-credits",
        "What is the credit line of each image?",
        """
        SELECT ?position ?credit WHERE {
          article:dw-2025-10-17-trump-putin-budapest schema:image ?image .
          ?image a schema:ImageObject ; schema:position ?position ; schema:creditText ?credit .
        }
        """,
        {
            (1, "Sergei Bobylev/TASS/IMAGO"),
            (2, "Kevin Dietsch/Getty Images/AFP"),
            (3, "Valeriy Sharifulin/SNA/IMAGO"),
            (4, "Andrew Caballero-Reynolds/AFP"),
            (5, "Presidential Office of Ukraine/SvenSimon/picture alliance"),
        },
    ),
    Question(
        "photographers",
        "Which photographers took the pictures, and which picture did each take?",
        """
        SELECT ?position ?photographer WHERE {
          ?image a schema:ImageObject ; schema:position ?position ;
                 schema:creator [ a schema:Person ; schema:name ?photographer ] .
        }
        """,
        {
            (1, "Sergei Bobylev"),
            (2, "Kevin Dietsch"),
            (3, "Valeriy Sharifulin"),
            (4, "Andrew Caballero-Reynolds"),
        },
    ),
    Question(
        "afp-images",
        "Which pictures are AFP's, and what do their captions say?",
        """
        SELECT ?caption WHERE {
          ?image a schema:ImageObject ; schema:copyrightHolder/schema:sameAs wd:Q40464 ;
                 schema:caption ?caption .
        }
        """,
        {
            "US-Präsident Donald Trump äußert sich vor Journalisten zum Gespräch mit Russlands Präsident "
            "Wladimir Putin",
            "Wladimir Putin (l.) und Donald Trump bei einer Pressekonferenz nach ihrem Gipfel in Alaska "
            "im August",
        },
    ),
    Question(
        "imago-tass-image",
        "Which picture is credited to TASS and IMAGO?",
        """
        SELECT ?position WHERE {
          ?tass schema:name "TASS"@en . ?imago schema:name "IMAGO"@en .
          ?image a schema:ImageObject ; schema:position ?position ; schema:copyrightHolder ?tass, ?imago .
        }
        """,
        {1},
    ),
    Question(
        "image-of-orban-putin-moscow",
        "Which picture shows Orbán's meeting with Putin in Moscow?",
        """
        SELECT ?position WHERE {
          ?moscow schema:sameAs wd:Q649 .
          ?meeting schema:location ?moscow ; schema:attendee/schema:sameAs wd:Q57641 .
          ?image a schema:ImageObject ; schema:position ?position ; schema:about ?meeting .
        }
        """,
        {3},
    ),
    Question(
        "video",
        "Which video does the article embed, and how long is it?",
        """
        SELECT ?title ?duration (DATATYPE(?duration) AS ?type) WHERE {
          article:dw-2025-10-17-trump-putin-budapest schema:video ?video .
          ?video a schema:VideoObject ; schema:name ?title ; schema:duration ?duration .
        }
        """,
        {("Tomahawk-Marschflugkörper: Ukraine fordert US-Waffenhilfe", "PT3M38S", XSD + "duration")},
    ),
    # --- Evidence -----------------------------------------------------------------------------------------
    Question(
        "alaska-summit-evidence",
        "Which words of the article support the Alaska summit?",
        """
        SELECT ?exact WHERE {
          ?alaska schema:sameAs wd:Q797 .
          ?event schema:additionalType nkg:Summit ; schema:location ?alaska .
          ?annotation a oa:Annotation ; oa:hasBody ?event ; oa:motivatedBy oa:describing ;
                      oa:hasTarget/oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact ?exact ] .
        }
        """,
        {
            "Der US-Präsident hatte den Kremlchef im August im US-Bundesstaat Alaska empfangen.",
            "bei ihrem letzten Treffen im August in Alaska",
            "Greifbare Ergebnisse im Hinblick auf eine schnelle Friedenslösung im Ukraine-Krieg brachte der "
            "Gipfel in Alaska nicht.",
            "bei einer Pressekonferenz nach ihrem Gipfel in Alaska im August",
        },
    ),
    Question(
        "alaska-summit-evidence-offsets",
        "Do the offsets of the Alaska summit's evidence point at exactly those words of the article body?",
        """
        SELECT ?words WHERE {
          ?event schema:location/schema:sameAs wd:Q797 .
          ?annotation oa:hasBody ?event ; oa:hasTarget ?target .
          ?target oa:hasSource ?article ;
                  oa:hasSelector [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] ,
                                 [ a oa:TextQuoteSelector ; oa:exact ?exact ] .
          ?article schema:articleBody ?body .
          BIND(STR(SUBSTR(?body, ?start + 1, ?end - ?start)) AS ?words)
          FILTER(?words = STR(?exact))
        }
        """,
        {
            "Der US-Präsident hatte den Kremlchef im August im US-Bundesstaat Alaska empfangen.",
            "bei ihrem letzten Treffen im August in Alaska",
            "Greifbare Ergebnisse im Hinblick auf eine schnelle Friedenslösung im Ukraine-Krieg brachte der "
            "Gipfel in Alaska nicht.",
            "bei einer Pressekonferenz nach ihrem Gipfel in Alaska im August",
        },
    ),
    Question(
        "all-evidence-matches-body",
        "Is there any evidence whose quoted words differ from the article body at its offsets?",
        """
        ASK {
          ?annotation a oa:Annotation ; oa:hasTarget ?target .
          ?target oa:hasSource ?article ;
                  oa:hasSelector [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] ,
                                 [ a oa:TextQuoteSelector ; oa:exact ?exact ] .
          ?article schema:articleBody ?body .
          FILTER(STR(SUBSTR(?body, ?start + 1, ?end - ?start)) != STR(?exact))
        }
        """,
        False,
    ),
    Question(
        "quotation-evidence",
        "Where in the article does Dmitriev's quotation on X stand?",
        """
        SELECT ?exact ?prefix WHERE {
          ?quote a schema:Quotation ; schema:text "Der nächste Gipfel kommt bald."@de .
          ?annotation oa:hasBody ?quote ;
                      oa:hasTarget/oa:hasSelector [ oa:exact ?exact ; oa:prefix ?prefix ] .
        }
        """,
        {("Der nächste Gipfel kommt bald.", 'f der Plattform X geschrieben: "')},
    ),
    # --- Identity: owl:sameAs links to Wikidata -------------------------------------------------------------
    Question(
        "quoted-speakers-on-wikidata",
        "Which Wikidata item is each person quoted in the article (none for those without a checked item)?",
        """
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        SELECT DISTINCT ?speaker ?item WHERE {
          ?quote a schema:Quotation ; schema:creator ?speaker .
          OPTIONAL { ?speaker owl:sameAs ?item }
        }
        """,
        {
            (PERSON + "donald-trump", WD + "Q22686"),
            (PERSON + "volodymyr-zelenskyy", WD + "Q3874799"),
            (PERSON + "johann-wadephul", WD + "Q1696501"),
            (PERSON + "kirill-dmitriev", None),
            (PERSON + "karoline-leavitt", None),
        },
    ),
    Question(
        "image-agencies-on-wikidata",
        "Which holders of rights to the article's pictures are known to Wikidata?",
        """
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        SELECT DISTINCT ?item WHERE {
          ?article a schema:NewsArticle ; schema:image/schema:copyrightHolder ?holder .
          ?holder owl:sameAs ?item .
        }
        """,
        {WD + "Q223799", WD + "Q40464"},  # TASS (Bobylev/TASS/IMAGO), AFP (two credits)
    ),
    Question(
        "happened-event-places-on-wikidata",
        "Where, as Wikidata items, did the events that already happened take place?",
        """
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        SELECT ?event ?item WHERE {
          ?event a schema:Event ; nkg:status nkg:Happened ; schema:location ?place .
          ?place owl:sameAs ?item .
        }
        """,
        {
            (EVENT + "alaska-summit-2025-08", WD + "Q797"),
            (EVENT + "orban-putin-moscow-2024-07", WD + "Q649"),
            (EVENT + "zelenskyy-trump-new-york-2025-09", WD + "Q60"),
            (EVENT + "icc-arrest-warrant-putin-2023", WD + "Q36600"),
            (EVENT + "gaza-war", WD + "Q39760"),
            (EVENT + "gaza-ceasefire-2025-10", WD + "Q39760"),
        },
    ),
    Question(
        "owl-sameas-only-to-wikidata",
        "Does any owl:sameAs link point elsewhere than a Wikidata item, or disagree with schema:sameAs?",
        """
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        ASK {
          { ?s owl:sameAs ?o FILTER(!STRSTARTS(STR(?o), "http://www.wikidata.org/entity/Q")) }
          UNION { ?s owl:sameAs ?o FILTER NOT EXISTS { ?s schema:sameAs ?o } }
        }
        """,
        False,
    ),
]


def plain(term: object) -> object:
    """A query result term as a plain Python value."""
    if term is None:
        return None
    if isinstance(term, Literal):
        datatype = term.datatype.value
        if datatype == XSD + "integer":
            return int(term.value)
        if datatype == XSD + "boolean":
            return term.value == "true"
        return term.value
    if isinstance(term, NamedNode | BlankNode):
        return term.value
    raise TypeError(f"unexpected term {term!r}")


def answer(store: Store, query: str) -> object:
    """The answer to a question: a bool for ASK, else the set of rows (a row of one column is its value)."""
    result = store.query(PREFIXES + query)
    if isinstance(result, QueryBoolean):
        return bool(result)
    assert isinstance(result, QuerySolutions)
    width = len(result.variables)
    rows = set()
    for solution in result:
        row = tuple(plain(solution[i]) for i in range(width))
        rows.add(row[0] if width == 1 else row)
    return rows


def test_question_ids_are_unique() -> None:
    assert len({q.id for q in QUESTIONS}) == len(QUESTIONS) >= 30


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_competency_question(built_store: Store, question: Question) -> None:
    assert answer(built_store, question.query) == question.expected, question.question
