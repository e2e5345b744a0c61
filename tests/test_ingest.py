"""``newskg ingest``: many articles, each its own graph, failures skipped, re-ingest idempotent."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA, NEWSKG, SEED_DIR

SEED_TEXT = (SEED_DIR / "article.txt").read_text(encoding="utf-8")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([NEWSKG, *map(str, args)], capture_output=True, text=True, timeout=600)


def graphs(store: Path) -> list[str]:
    out = run("query", "--store", store, "SELECT ?g WHERE { GRAPH ?g {} } ORDER BY ?g").stdout.split()[1:]
    return [g.strip("<>").rsplit("/", 1)[-1] for g in out]


def dump(store: Path) -> bytes:
    return subprocess.run(
        [NEWSKG, "export", "--store", str(store), "--format", "nq"], capture_output=True
    ).stdout


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEED_DIR, folder / SEED_DIR.name)
    for n in (1, 2):
        article = folder / f"variant-{n}"
        article.mkdir()
        text = SEED_TEXT.replace(
            "Trump kündigt Treffen mit Putin in Budapest an", f"Variante {n}: Gipfel in Budapest"
        )
        (article / "article.txt").write_text(text, encoding="utf-8")
    broken = folder / "broken-date"
    broken.mkdir()
    (broken / "article.txt").write_text(
        SEED_TEXT.replace("Veröffentlicht 17. Oktober", "Veröffentlicht 32. Oktober")
    )
    return folder


def test_ingest_reports_skips_and_is_idempotent(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = run("ingest", "--data", DATA, "--store", store, corpus)
    assert first.returncode == 1, first.stderr
    assert "3 ingested, 0 unchanged, 1 rejected" in first.stdout
    assert "rejected broken-date:" in first.stderr and "broken-date/article.txt:7" in first.stderr
    assert "impossible date" in first.stderr
    assert "4/4 articles processed" in first.stderr, "plain log lines when not on a terminal"
    assert graphs(store) == ["dw-2025-10-17-trump-putin-budapest", "entities", "variant-1", "variant-2"]
    before = dump(store)

    again = run("ingest", "--data", DATA, "--store", store, corpus)
    assert "0 ingested, 3 unchanged, 1 rejected" in again.stdout
    assert dump(store) == before

    (corpus / "variant-2" / "article.txt").write_text(SEED_TEXT.replace("Budapest an", "Budapest an!"))
    changed = run("ingest", "--data", DATA, "--store", store, corpus / "variant-2")
    assert changed.returncode == 0
    assert "1 ingested, 0 unchanged, 0 rejected" in changed.stdout
    query = "ASK { ?a <http://schema.org/headline> 'Trump kündigt Treffen mit Putin in Budapest an!'@de }"
    assert run("query", "--store", store, query).stdout.split()[-1] == "true"


def test_a_rejected_article_leaves_its_stored_graph_alone(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("ingest", "--data", DATA, "--store", store, corpus / "variant-1").returncode == 0
    before = dump(store)
    text = corpus / "variant-1" / "article.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("Veröffentlicht 17.", "Veröffentlicht 99."))
    result = run("ingest", "--data", DATA, "--store", store, corpus / "variant-1")
    assert result.returncode == 1 and "1 rejected" in result.stdout
    assert dump(store) == before


def test_an_article_that_breaks_the_shapes_is_rejected_as_a_whole(corpus: Path, tmp_path: Path) -> None:
    notes = corpus / SEED_DIR.name / "annotations.yaml"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("    start: 2025-10-17\n", "    start: 2025-10-01\n")
    )
    store = tmp_path / "store"
    result = run("ingest", "--data", DATA, "--store", store, corpus / SEED_DIR.name, corpus / "variant-1")
    assert result.returncode == 1
    assert "SHACL violation" in result.stderr and "planned event starts before" in result.stderr
    assert graphs(store) == ["entities", "variant-1"]


# --- articles that describe the same event: the store must stay valid as a whole ---------------------------

EVENT = "https://kg.example.org/event/budapest-summit-plan"
_BLOCKS = SEED_TEXT.split("\n\n")
_LAST_LEDE = next(i for i, b in enumerate(_BLOCKS) if "Das zweistündige Telefonat" in b)
SHORT_TEXT = "\n\n".join(
    _BLOCKS[: _LAST_LEDE + 1]
    + [b for b in _BLOCKS if "Trump habe Budapest vorgeschlagen" in b or "russischen Angriffskrieges" in b]
    + _BLOCKS[-3:]  # agency line, Redaktionsschluss, page end
)
"""The seed cut to a few paragraphs: a conflict is validated again with rdflib's engine, slow on the seed."""
QUOTED = json.dumps(
    [
        q["text"]
        for q in yaml.safe_load((SEED_DIR / "annotations.yaml").read_text(encoding="utf-8"))["quotations"]
        if q["text"] in SHORT_TEXT
    ],
    ensure_ascii=False,
)
"""An annotated article must attribute every quotation; these articles need not."""


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """Two short articles, ``article-a`` and ``article-b``, not annotated yet."""
    folders = (tmp_path / "corpus" / "article-a", tmp_path / "corpus" / "article-b")
    for folder in folders:
        folder.mkdir(parents=True)
        text = SHORT_TEXT.replace("Trump kündigt Treffen", f"{folder.name}: Trump kündigt Treffen")
        (folder / "article.txt").write_text(text, encoding="utf-8")
    return folders


def annotate(article: Path, *, status: str = "planned", start: str = "2025-10-31") -> None:
    """Annotate ``article`` with the event these tests share: the same id, the given status and start."""
    (article / "annotations.yaml").write_text(
        f"""not_quotations: {QUOTED}
events:
  - id: budapest-summit-plan
    kind: summit
    name: {{de: Gipfeltreffen in Budapest, en: Summit in Budapest}}
    status: {status}
    start: {start}
    attendees: [donald-trump, vladimir-putin]
    evidence:
      - Trump habe Budapest vorgeschlagen, und Putin habe dem sofort zugestimmt.
""",
        encoding="utf-8",
    )


def ingest(store: Path, *articles: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    return run("ingest", "--data", DATA, "--store", store, *(() if check else ("--no-validate",)), *articles)


def conforms(store: Path) -> bool:
    """What ``newskg validate`` finds on the whole store, the union every SPARQL query sees."""
    result = run("validate", "--store", store)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode == 0


def statuses(store: Path) -> list[str]:
    query = f"SELECT DISTINCT ?s WHERE {{ <{EVENT}> nkg:status ?s }} ORDER BY ?s"
    rows = run("query", "--store", store, query).stdout.split()[1:]
    return [s.strip("<>").rsplit("#", 1)[-1] for s in rows]


def test_an_article_that_gives_a_shared_event_another_status_is_rejected(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = pair
    store = tmp_path / "store"
    annotate(a, status="planned")
    annotate(b, status="proposed")
    assert ingest(store, a).returncode == 0
    before = dump(store)

    result = ingest(store, b)
    assert result.returncode == 1 and "0 ingested, 0 unchanged, 1 rejected" in result.stdout
    assert f"rejected article-b: {b}: conflicts with graph/article-a on shared events: " in result.stderr
    assert f"1 SHACL violation(s), first: More than 1 values on <{EVENT}>->" in result.stderr
    assert f"status (focus {EVENT})" in result.stderr
    assert graphs(store) == ["article-a", "entities"] and dump(store) == before
    assert conforms(store)


def test_of_two_new_articles_that_disagree_on_an_event_the_first_is_kept(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = pair
    store = tmp_path / "store"
    annotate(a, start="2025-10-30")
    annotate(b, start="2025-10-31")
    result = ingest(store, b, a)
    assert result.returncode == 1 and "1 ingested, 0 unchanged, 1 rejected" in result.stdout
    assert "rejected article-b:" in result.stderr and "conflicts with graph/article-a" in result.stderr
    assert "startDate (focus" in result.stderr
    assert graphs(store) == ["article-a", "entities"]
    assert conforms(store)


def test_articles_that_describe_a_shared_event_alike_are_all_ingested(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = pair
    store = tmp_path / "store"
    annotate(a)
    annotate(b)
    assert ingest(store, a).returncode == 0
    result = ingest(store, b)
    assert result.returncode == 0 and "1 ingested, 0 unchanged, 0 rejected" in result.stdout, result.stderr
    assert graphs(store) == ["article-a", "article-b", "entities"]
    assert statuses(store) == ["Planned"]
    assert conforms(store)


def test_a_changed_article_is_judged_against_the_others_and_a_change_they_make_together_is_accepted(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = pair
    store = tmp_path / "store"
    annotate(a)
    annotate(b)
    assert ingest(store, a, b).returncode == 0
    before = dump(store)

    annotate(a, status="postponed")
    alone = ingest(store, a)
    assert alone.returncode == 1 and "conflicts with graph/article-b" in alone.stderr
    assert dump(store) == before

    annotate(b, status="postponed")
    together = ingest(store, a, b)
    assert together.returncode == 0 and "2 ingested, 0 unchanged, 0 rejected" in together.stdout, (
        together.stderr
    )
    assert statuses(store) == ["Postponed"]
    assert conforms(store)


def test_an_article_is_judged_against_the_new_version_of_a_graph_replaced_in_the_same_run(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = pair
    store = tmp_path / "store"
    annotate(a)
    assert ingest(store, a).returncode == 0
    annotate(a, status="postponed")
    annotate(b, status="postponed")
    result = ingest(store, a, b)
    assert result.returncode == 0 and "2 ingested, 0 unchanged, 0 rejected" in result.stdout, result.stderr
    assert statuses(store) == ["Postponed"]


def test_a_reported_event_is_checked_against_every_article_that_names_it(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    """The shapes compare the start of an event that happened with the publication date of every article
    about it or mentioning it, also one that only names it (the registry's invasion, as "Ukraine-Kriegs")."""
    a, b = pair
    (a / "article.txt").write_text(SHORT_TEXT.replace("Oktober 2025", "Oktober 2021"), encoding="utf-8")
    (b / "annotations.yaml").write_text(
        f"""not_quotations: {QUOTED}
events:
  - id: russian-invasion-of-ukraine
    kind: invasion
    status: happened
    start: 2022-02-24
    evidence: [russischen Angriffskrieges gegen die Ukraine]
""",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    assert ingest(store, a).returncode == 0
    result = ingest(store, b)
    assert result.returncode == 1 and "conflicts with graph/article-a" in result.stderr
    assert "an event that happened starts after the article that reports it was published" in result.stderr
    assert graphs(store) == ["article-a", "entities"]


def test_no_validate_skips_the_check_across_articles(pair: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = pair
    store = tmp_path / "store"
    annotate(a, status="planned")
    annotate(b, status="proposed")
    assert ingest(store, a, check=False).returncode == 0
    result = ingest(store, b, check=False)
    assert result.returncode == 0 and "1 ingested, 0 unchanged, 0 rejected" in result.stdout
    assert statuses(store) == ["Planned", "Proposed"]
    assert not conforms(store)


# --- pages, feeds, web archives and texts: the same path as DW folders -------------------------------------

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))
from webfixtures import NEWS_JSONLD, PARAGRAPHS, news_page, rss_feed, warc_file  # noqa: E402

CANONICAL = "https://news.example.org/weather/2024/storm-floods-nordhafen"
OTHER = [
    "The council met on Wednesday to decide how the town will pay for the repairs to the harbour and the "
    "old town, and agreed to ask the state government for emergency funds within the next two weeks.",
    "Shop owners in the old town said they hope to reopen before Easter, but several of them still have no "
    "electricity and wait for the insurers' experts to look at the damage to their buildings.",
    "The mayor thanked the volunteers who had filled sandbags through the night and said the town would "
    "invite them all to a celebration once the streets were dry again and the ferry was running.",
]
FRENCH = [
    "La tempête a atteint la côte nord lundi soir avec des rafales de plus de cent vingt kilomètres par "
    "heure, a indiqué le service météorologique national, qui avait averti les habitants depuis deux jours.",
    "Plusieurs centaines de maisons du port ont perdu leur toit, et des arbres tombés ont bloqué les routes "
    "principales de la région jusqu'aux premières heures de mardi matin, a rapporté la police régionale.",
    "Les réparations de la digue prendront plusieurs semaines, ont estimé les ingénieurs de l'autorité "
    "côtière dans un communiqué publié mardi soir, et le bac vers les îles reste fermé jusqu'à nouvel ordre.",
]


def page(modified: str, paragraphs: list[str] = PARAGRAPHS, url: str = CANONICAL, **changes: object) -> str:
    """The fixture's news page at ``url``, modified at ``modified``; ``changes`` to its JSON-LD (None drops
    a key)."""
    data = {**NEWS_JSONLD, "dateModified": modified, "mainEntityOfPage": url, **changes}
    data = {k: v for k, v in data.items() if v is not None}
    lang = data.get("inLanguage", "en")
    return news_page(jsonld=data, paragraphs=paragraphs, lang=str(lang)).replace(CANONICAL, url)


def slug_of(url: str) -> str:
    from kg.read.identity import url_slug

    return url_slug(url)


def select(store: Path, sparql: str) -> list[str]:
    """The values of a one-variable SELECT: IRIs without <>, literals without quotes and datatype."""
    rows = run("query", "--store", store, sparql).stdout.splitlines()[1:]
    return [row[1 : row.rindex('"')] if row.startswith('"') else row.strip("<>") for row in rows if row]


def ask(store: Path, sparql: str) -> bool:
    return run("query", "--store", store, sparql).stdout.split()[-1] == "true"


@pytest.fixture
def web(tmp_path: Path) -> Path:
    """A folder of every kind of input: pages (one newer than another copy, one the same text under another
    address, one in French, one annotated), a feed, web archives, a plain text, and files newskg must
    reject with their reason."""
    root = tmp_path / "web"
    pages = root / "pages"
    pages.mkdir(parents=True)
    (pages / "a.html").write_text(page("2024-03-06T09:00:00+01:00", keywords=None), encoding="utf-8")
    (pages / "a-old.html.gz").write_bytes(gzip.compress(page("2024-03-05T09:00:00+01:00").encode()))
    (pages / "syndicated.htm").write_text(
        page("2024-03-05T10:00:00+01:00", url="https://other.example.com/storm"), encoding="utf-8"
    )
    (pages / "french.html").write_text(
        page("2024-03-07", FRENCH, "https://news.example.org/fr/tempete", inLanguage="fr",
             headline="La tempête inonde la vieille ville"),
        encoding="utf-8",
    )  # fmt: skip
    annotated = root / "annotated"
    annotated.mkdir()
    (annotated / "page.html").write_text(
        page("2024-03-10", OTHER, "https://news.example.org/council"), encoding="utf-8"
    )
    (annotated / "annotations.yaml").write_text("article:\n  about: [donald-trump]\n", encoding="utf-8")
    day = "Mon, 04 Mar 2024 20:15:00 GMT"
    items = [
        {"title": NEWS_JSONLD["headline"], "link": CANONICAL, "date": day, "summary": "A storm.",
         "categories": ["Coast", "Storms"]},
        {"title": "Ferry stays closed", "link": "https://news.example.org/ferry", "date": day,
         "summary": "The ferry to the islands stays closed until further notice, the operator said."},
    ]  # fmt: skip
    (root / "feed.xml").write_bytes(rss_feed(items))
    (root / "broken.rss").write_bytes(rss_feed(items)[:250])
    crawled = page("2024-03-08", OTHER[::-1], "https://news.example.org/warc-page").encode()
    warc = warc_file(
        [
            ("https://news.example.org/warc-page", "text/html", crawled, "200 OK"),
            ("https://img.example.org/x.png", "image/png", b"\x89PNG", "200 OK"),
        ]
    )
    (root / "crawl.warc.gz").write_bytes(warc)
    (root / "cut.warc.gz").write_bytes(warc[:-120])
    front = "headline: Notes on the storm\ndatePublished: 2024-03-09\nurl: https://blog.example.org/notes"
    (root / "notes.txt").write_text(f"---\n{front}\n---\n" + " ".join(OTHER[1:]), encoding="utf-8")
    anonymous = "---\nheadline: Who wrote this?\ndatePublished: 2024-03-09\n---\n" + OTHER[2]
    (root / "anonymous.txt").write_text(anonymous, encoding="utf-8")
    (root / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    listing = {"@context": "https://schema.org", "@type": "CollectionPage"}
    (root / "index.html").write_text(
        f'<html lang="en"><head><title>Example News</title><script type="application/ld+json">'
        f"{json.dumps(listing)}</script></head><body><ul>"
        + "".join(f"<li><a href='/n{i}'>Teaser {i} about something</a></li>" for i in range(30))
        + "</ul></body></html>",
        encoding="utf-8",
    )
    (root / "latin.html").write_bytes(news_page().replace("Anna Berg", "Änna Berg").encode("cp1252"))
    (root / "cut.html.gz").write_bytes(gzip.compress(news_page().encode())[:-30])
    return root


def test_every_kind_of_input_is_ingested_once_and_every_rejection_is_named(web: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = run("ingest", "--data", DATA, "--store", store, web)
    assert first.returncode == 1, first.stderr
    # 7 articles: the page (with the feed item), the French page, the annotated page, the ferry item, the
    # crawled page, the text, the text without a publisher; 7 rejections; 4 copies set aside (the crawled
    # page is in both WARC files)
    assert "7 ingested, 0 unchanged, 7 rejected, 4 duplicate(s) skipped" in first.stdout, first.stderr
    assert "1 article(s) without a publisher" in first.stdout
    assert "1 article(s) in other languages than German and English" in first.stdout
    err = first.stderr
    assert (
        f"rejected {web}/crawl.warc.gz record 5 (https://img.example.org/x.png): not HTML (image/png)" in err
    )
    assert f"rejected {web}/cut.warc.gz record" in err and "truncated" in err
    assert f"rejected {web}/broken.rss: " in err and "does not parse" in err
    assert f"rejected {web}/index.html: no article: an index page" in err
    assert f"rejected {web}/latin.html: " in err and "wrong declared charset" in err
    assert f"rejected {web}/cut.html.gz: truncated or corrupt gzip" in err
    assert f"rejected {web}/picture.png: not an input newskg reads" in err
    assert f"warning {web}/anonymous.txt: no publisher (it names none and has no URL); ingested" in err
    assert f"duplicate {web}/pages/a-old.html.gz: the same canonical URL" in err
    assert f"duplicate {web}/pages/syndicated.htm: the same text" in err
    assert f"duplicate {web}/feed.xml item 1 ({CANONICAL}): a feed item whose page is in the input" in err
    assert "15/15 inputs read" in err and "7/7 articles processed" in err

    kept = slug_of(CANONICAL)
    found = set(graphs(store))
    assert {kept, slug_of("https://news.example.org/ferry"), "entities"} <= found and len(found) == 8
    assert not {slug_of("https://other.example.com/storm")} & found
    article = f"https://kg.example.org/article/{kept}"
    # the page's text and its newest version; the feed item added the keywords the page did not give
    assert select(store, f"SELECT ?d {{ <{article}> schema:dateModified ?d }}") == [
        "2024-03-06T09:00:00+01:00"
    ]
    assert sorted(select(store, f"SELECT ?k {{ <{article}> schema:keywords ?k }}")) == ["Coast", "Storms"]
    assert ask(store, f"ASK {{ <{article}> schema:articleBody ?b FILTER(CONTAINS(?b, 'sea wall')) }}")
    council = f"https://kg.example.org/article/{slug_of('https://news.example.org/council')}"
    assert select(store, f"SELECT ?e {{ <{council}> schema:about ?e }}") == [
        "https://kg.example.org/person/donald-trump"
    ]
    # extraction ran on the English page (machine facts), not on the French one (metadata, body, mentions)
    machine = "SELECT (COUNT(*) AS ?n) {{ GRAPH <{}> {{ ?x nkg:assertedBy nkg:Extractor }} }}"
    french = f"https://kg.example.org/graph/{slug_of('https://news.example.org/fr/tempete')}"
    assert int(select(store, machine.format(f"https://kg.example.org/graph/{kept}"))[0]) > 0
    assert int(select(store, machine.format(french))[0]) == 0
    assert conforms(store)
    before = dump(store)

    again = run("ingest", "--data", DATA, "--store", store, web)
    assert again.returncode == 1
    assert "0 ingested, 7 unchanged, 7 rejected, 4 duplicate(s) skipped" in again.stdout, again.stderr
    assert dump(store) == before


def test_a_later_version_replaces_the_earlier_one_also_across_runs(tmp_path: Path) -> None:
    store, folder = tmp_path / "store", tmp_path / "in"
    folder.mkdir()
    old, new = folder / "old.html", folder / "new.html"
    old.write_text(page("2024-03-05T09:00:00+01:00"), encoding="utf-8")
    new.write_text(page("2024-03-06T09:00:00+01:00"), encoding="utf-8")
    article = f"https://kg.example.org/article/{slug_of(CANONICAL)}"
    modified = f"SELECT ?d {{ <{article}> schema:dateModified ?d }}"

    assert run("ingest", "--no-extract", "--data", DATA, "--store", store, old).returncode == 0
    assert select(store, modified) == ["2024-03-05T09:00:00+01:00"]
    result = run("ingest", "--no-extract", "--data", DATA, "--store", store, new)
    assert result.returncode == 0 and "1 ingested, 0 unchanged, 0 rejected" in result.stdout
    assert select(store, modified) == ["2024-03-06T09:00:00+01:00"] and len(graphs(store)) == 2
    before = dump(store)

    older = run("ingest", "--no-extract", "--data", DATA, "--store", store, old)
    assert older.returncode == 0, older.stderr
    assert "0 ingested, 0 unchanged, 0 rejected, 1 duplicate(s) skipped" in older.stdout
    assert f"duplicate {old}: an older version of the stored article (it is kept)" in older.stderr
    assert dump(store) == before

    # a newer copy under another address (the same text), in a later run: it is the article now, the stored
    # copy goes in the same write
    moved = folder / "moved.html"
    moved.write_text(page("2024-03-07", url="https://news.example.org/storm"), encoding="utf-8")
    result = run("ingest", "--no-extract", "--data", DATA, "--store", store, moved)
    assert result.returncode == 0 and "1 ingested, 0 unchanged, 0 rejected;" in result.stdout
    assert f"replaced https://kg.example.org/graph/{slug_of(CANONICAL)}: an earlier copy" in result.stderr
    assert graphs(store) == sorted([slug_of("https://news.example.org/storm"), "entities"])
    again = run("ingest", "--no-extract", "--data", DATA, "--store", store, new)
    assert "0 ingested, 0 unchanged, 0 rejected, 1 duplicate(s)" in again.stdout, "the older copy stays out"
    assert f"duplicate {new}: an older version of the stored article" in again.stderr


def test_unreadable_inputs_are_never_a_silent_success(web: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    for name in ("index.html", "latin.html", "cut.html.gz", "picture.png", "broken.rss"):
        shutil.copy(web / name, bad / name)
    (bad / "fake.html").write_bytes(b"%PDF-1.4\n\x00\x01\x02 a PDF saved as a page")
    store = tmp_path / "store"
    result = run("ingest", "--data", DATA, "--store", store, bad)
    assert result.returncode == 1
    assert "0 ingested, 0 unchanged, 6 rejected;" in result.stdout
    assert result.stderr.count("rejected ") == 6 and f"rejected {bad}/fake.html: not HTML" in result.stderr
    assert graphs(store) == [], "nothing is written for rejected inputs, not even the entity graph"

    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run("ingest", "--data", DATA, "--store", store, empty)
    assert nothing.returncode == 2 and "no input here" in nothing.stderr


def test_the_search_index_follows_ingest_and_remove(tmp_path: Path) -> None:
    from kg.search import SearchIndex

    store = tmp_path / "store"
    (tmp_path / "a.html").write_text(page("2024-03-06"), encoding="utf-8")
    assert (
        run("ingest", "--no-extract", "--data", DATA, "--store", store, tmp_path / "a.html").returncode == 0
    )
    article = f"https://kg.example.org/article/{slug_of(CANONICAL)}"

    def found(word: str) -> list[str]:
        index = SearchIndex(tmp_path / "store.search", read_only=True)
        return [hit.iri for hit in index.search(word, types=["article"])]

    assert found("sandbags") == [] and found("insurers") == [article]
    removed = run("remove", "--store", store, slug_of(CANONICAL))
    assert removed.returncode == 0, removed.stderr
    assert found("insurers") == []


def test_an_ingest_stopped_before_its_store_write_leaves_store_and_index_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.ingest import ingest as ingest_sources
    from kg.pipeline import find_inputs, load_corpus
    from kg.search import open_index
    from kg.store import Store
    from kg.vocab import Minter

    corpus = load_corpus(DATA, minter=Minter("https://kg.example.org/"), extract=False)
    store = Store(tmp_path / "store")
    (tmp_path / "a.html").write_text(page("2024-03-06"), encoding="utf-8")
    (tmp_path / "b.html").write_text(
        page("2024-03-08", OTHER, "https://news.example.org/c"), encoding="utf-8"
    )
    with open_index(store) as index:
        ingest_sources(corpus, store, find_inputs([tmp_path / "a.html"]).sources, jobs=1, index=index)
        before = set(store.quads())

        def stopped(graphs: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(store, "replace_graphs_ntriples", stopped)
        with pytest.raises(KeyboardInterrupt):
            ingest_sources(corpus, store, find_inputs([tmp_path / "b.html"]).sources, jobs=1, index=index)
        assert set(store.quads()) == before
        assert not index.check(store)
        assert not index.search("sandbags") and index.search("insurers")


# --- a page or a text that names no publisher and has no URL: stored, its publisher unknown -----------------

UNPUBLISHED = "the article has no publisher (schema:publisher): its page or text names none and has no URL"
SAVED_JSONLD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Storm floods the old town of Nordhafen",
    "datePublished": "2024-03-04T21:15:00+01:00",
    "inLanguage": "en",
    "author": {"@type": "Person", "name": "Jane Roe"},
    "about": [{"@type": "Place", "name": "Nordhafen"}],
}
NOTES = f"""---
headline: Notes on the council meeting
datePublished: 2024-03-09
author: John Doe
inLanguage: en
---
{OTHER[0]}

{OTHER[1]}
"""


def saved_page() -> str:
    """A page saved without its address: no canonical link, no site name, no publisher in its JSON-LD."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Storm in Nordhafen</title>'
        f'<script type="application/ld+json">{json.dumps(SAVED_JSONLD)}</script></head><body><main>'
        f"<article><h1>Storm floods the old town of Nordhafen</h1>{body}</article></main></body></html>"
    )


def test_a_page_or_text_that_names_no_publisher_is_stored_with_the_publisher_unknown(tmp_path: Path) -> None:
    """Not rejected, and nothing invented: the article has no schema:publisher, the ingest warns (exit 0),
    and the shapes report a warning, not a violation."""
    folder, store = tmp_path / "in", tmp_path / "store"
    folder.mkdir()
    saved, notes = folder / "saved.html", folder / "notes.txt"
    saved.write_text(saved_page(), encoding="utf-8")
    notes.write_text(NOTES, encoding="utf-8")
    result = run("ingest", "--no-extract", "--data", DATA, "--store", store, folder)
    assert result.returncode == 0, result.stderr
    assert "2 ingested, 0 unchanged, 0 rejected" in result.stdout
    assert "2 article(s) without a publisher" in result.stdout
    for path in (saved, notes):
        warning = f"warning {path}: no publisher (it names none and has no URL); ingested, publisher unknown"
        assert warning in result.stderr.splitlines()

    assert len(select(store, "SELECT ?a { ?a a schema:NewsArticle }")) == 2
    assert not ask(store, "ASK { ?a schema:publisher ?p }")
    entities = "https://kg.example.org/graph/entities"
    assert not ask(store, f"ASK {{ GRAPH ?g {{ ?o a schema:Organization }} FILTER(?g != <{entities}>) }}")
    # the page's own structured data is kept, attributed to no one
    assert ask(
        store,
        "ASK { ?m a nkg:PublisherMarkup ; schema:about ?x FILTER NOT EXISTS { ?m prov:wasAttributedTo ?o } }",
    )

    validated = run("validate", "--store", store)
    assert validated.returncode == 0, validated.stdout
    assert validated.stdout.startswith("conforms, with 2 warning(s)")
    assert validated.stdout.count(f"- Warning: {UNPUBLISHED}") == 2
