"""End-to-end specification of the ``newskg`` pipeline commands, run as a user runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic

from tests.conftest import DATA, SEED_SLUG

NEWSKG = str(Path(sys.executable).with_name("newskg"))
GRAPH = f"https://kg.example.org/graph/{SEED_SLUG}"


def newskg(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSKG_")}
    return subprocess.run(
        [NEWSKG, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("cli") / "store"
    result = newskg("build", "--data", DATA, "--store", store)
    assert result.returncode == 0, result.stderr
    assert "built 1 article(s)" in result.stdout
    assert "conforms" in result.stdout
    return store


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def dump(store: Path) -> bytes:
    result = subprocess.run(
        [NEWSKG, "export", "--store", str(store), "--format", "nq"], capture_output=True, timeout=120
    )
    assert result.returncode == 0
    return result.stdout


class TestBuild:
    def test_build_writes_the_entities_and_one_graph_per_article(self, store_dir: Path) -> None:
        result = newskg("query", "--store", store_dir, "SELECT ?g WHERE { GRAPH ?g {} } ORDER BY ?g")
        assert result.stdout.split() == ["?g", f"<{GRAPH}>", "<https://kg.example.org/graph/entities>"]

    def test_rebuild_is_idempotent(self, store_dir: Path, tmp_path: Path) -> None:
        before = dump(store_dir)
        copy = tmp_path / "store"
        shutil.copytree(store_dir, copy)
        assert newskg("build", "--data", DATA, "--store", copy).returncode == 0
        assert dump(copy) == before

    def test_base_iri_is_configurable(self, tmp_path: Path) -> None:
        store = tmp_path / "store"
        assert (
            newskg("build", "--data", DATA, "--store", store, "--base", "http://news.test/kg/").returncode
            == 0
        )
        result = newskg("query", "--store", store, "ASK { <http://news.test/kg/person/donald-trump> ?p ?o }")
        assert result.stdout.strip().endswith("true")


class TestBadInput:
    """Bad input: one line naming the file, line or field; exit 2; the store unchanged."""

    @pytest.fixture
    def store(self, store_dir: Path, tmp_path: Path) -> Path:
        copy = tmp_path / "store"
        shutil.copytree(store_dir, copy)
        return copy

    def build_fails(self, data: Path, store: Path, *needles: str) -> str:
        before = dump(store)
        result = newskg("build", "--data", data, "--store", store)
        assert result.returncode == 2, result.stdout + result.stderr
        message = result.stderr.strip()
        assert len(message.splitlines()) == 1, message
        assert "Traceback" not in message
        for needle in needles:
            assert needle in message
        assert dump(store) == before
        return message

    def edit(self, path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def annotations(self, data: Path) -> Path:
        return data / "articles" / SEED_SLUG / "annotations.yaml"

    def test_missing_article_folder(self, store: Path, tmp_path: Path) -> None:
        result = newskg("build", "--data", DATA, "--store", store, tmp_path / "nowhere")
        assert result.returncode == 2
        assert "nowhere" in result.stderr and "no such article folder" in result.stderr

    def test_unreadable_article_text(self, data_copy: Path, store: Path) -> None:
        (data_copy / "articles" / SEED_SLUG / "article.txt").write_bytes(b"\xff\xfe not utf-8 \xc3")
        self.build_fails(data_copy, store, "article.txt", "cannot read file")

    def test_malformed_annotation_names_file_and_line(self, data_copy: Path, store: Path) -> None:
        self.edit(self.annotations(data_copy), "roles:\n", "roles: [\n")
        self.build_fails(data_copy, store, "annotations.yaml:", "malformed YAML")

    def test_unknown_entity_id(self, data_copy: Path, store: Path) -> None:
        self.edit(self.annotations(data_copy), "speaker: kirill-dmitriev", "speaker: kiril-dmitriev")
        message = self.build_fails(data_copy, store, "annotations.yaml:", "speaker", "'kiril-dmitriev'")
        assert "unknown entity" in message

    def test_evidence_not_in_the_text(self, data_copy: Path, store: Path) -> None:
        self.edit(self.annotations(data_copy), "evidence: Der Kreml bestätigte das Gespräch.",
                  "evidence: Der Kreml dementierte das Gespräch.")  # fmt: skip
        self.build_fails(
            data_copy, store, "annotations.yaml:", "not found", "Der Kreml dementierte das Gespräch."
        )

    def test_ambiguous_evidence(self, data_copy: Path, store: Path) -> None:
        self.edit(self.annotations(data_copy), "evidence: {phrase: US-Präsident Donald Trump, occurrence: 1}",
                  "evidence: US-Präsident Donald Trump")  # fmt: skip
        message = self.build_fails(data_copy, store, "annotations.yaml:", "US-Präsident Donald Trump")
        assert "occurs 4 times" in message and "occurrence" in message

    def test_impossible_date(self, data_copy: Path, store: Path) -> None:
        self.edit(self.annotations(data_copy), "start: 2024-07", "start: 2024-13")
        self.build_fails(data_copy, store, "annotations.yaml:", "start", "'2024-13' is not a real date")

    def test_impossible_date_in_the_article(self, data_copy: Path, store: Path) -> None:
        article = data_copy / "articles" / SEED_SLUG / "article.txt"
        self.edit(article, "Veröffentlicht 17. Oktober 2025", "Veröffentlicht 31. Februar 2025")
        self.build_fails(data_copy, store, "article.txt:7", "impossible date")

    def test_unattributed_quotation(self, data_copy: Path, store: Path) -> None:
        self.edit(
            self.annotations(data_copy),
            "  - text: entleeren\n    speaker: donald-trump\n    about: [tomahawk-delivery-proposed]\n",
            "",
        )
        self.build_fails(data_copy, store, "annotations.yaml", "'entleeren'", "has no speaker")

    def test_shape_violation_exits_1_and_writes_nothing(self, data_copy: Path, store: Path) -> None:
        self.edit(self.annotations(data_copy), "    status: planned\n    start: 2025-10-17",
                  "    status: planned\n    start: 2025-10-01")  # fmt: skip
        before = dump(store)
        result = newskg("build", "--data", data_copy, "--store", store)
        assert result.returncode == 1
        assert "a planned event starts before the article that reports it was published" in result.stderr
        assert "trump-zelenskyy-white-house-2025-10-17" in result.stderr
        assert dump(store) == before


class TestValidate:
    def test_built_graph_conforms(self, store_dir: Path, tmp_path: Path) -> None:
        report = tmp_path / "report.ttl"
        result = newskg("validate", "--store", store_dir, "--report", report)
        assert result.returncode == 0, result.stdout
        assert "conforms" in result.stdout
        graph = rdflib.Graph().parse(report, format="turtle")
        assert (None, rdflib.URIRef("http://www.w3.org/ns/shacl#conforms"), rdflib.Literal(True)) in graph

    @pytest.mark.parametrize("fmt", ["turtle", "trig", "nt", "nq", "jsonld"])
    def test_validates_rdf_files_of_any_format(self, store_dir: Path, tmp_path: Path, fmt: str) -> None:
        extension = {"turtle": "ttl", "jsonld": "jsonld"}.get(fmt, fmt)
        exported = tmp_path / f"graph.{extension}"
        assert newskg("export", "--store", store_dir, "--format", fmt, "-o", exported).returncode == 0
        result = newskg("validate", exported)
        assert result.returncode == 0, result.stdout[:2000]

    def test_non_conforming_file_exits_1_with_a_readable_report(self, tmp_path: Path) -> None:
        data = tmp_path / "bad.ttl"
        data.write_text(
            "@prefix schema: <http://schema.org/> .\n"
            '<http://ex.org/q> a schema:Quotation ; schema:text "hallo"@de .\n',
            encoding="utf-8",
        )
        report = tmp_path / "report.ttl"
        result = newskg("validate", data, "--report", report)
        assert result.returncode == 1
        assert "focus node: http://ex.org/q" in result.stdout
        assert "Violation" in result.stdout
        assert "a quotation has exactly one speaker (schema:creator)" in result.stdout
        graph = rdflib.Graph().parse(report, format="turtle")
        assert (None, rdflib.URIRef("http://www.w3.org/ns/shacl#conforms"), rdflib.Literal(False)) in graph

    def test_unreadable_input_exits_2(self, tmp_path: Path) -> None:
        broken = tmp_path / "broken.ttl"
        broken.write_text("<http://a> <http://b> .\n", encoding="utf-8")
        result = newskg("validate", broken)
        assert result.returncode == 2
        assert "broken.ttl" in result.stderr and "Turtle" in result.stderr
        missing = newskg("validate", tmp_path / "missing.ttl")
        assert missing.returncode == 2 and "missing.ttl" in missing.stderr
        unknown = tmp_path / "data.xyz"
        unknown.write_text("x", encoding="utf-8")
        assert newskg("validate", unknown).returncode == 2

    def test_json_ld_with_a_remote_context_is_not_fetched(self, tmp_path: Path) -> None:
        doc = tmp_path / "remote.jsonld"
        doc.write_text('{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "http://a", "name": "x"}')
        result = newskg("validate", doc)
        assert result.returncode == 2
        assert "remote.jsonld" in result.stderr


class TestExport:
    def test_turtle_is_deterministic_uses_prefixes_and_round_trips(
        self, store_dir: Path, tmp_path: Path
    ) -> None:
        first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
        assert newskg("export", "--store", store_dir, "-o", first).returncode == 0
        rebuilt = tmp_path / "store"
        assert newskg("build", "--data", DATA, "--store", rebuilt).returncode == 0
        assert newskg("export", "--store", rebuilt, "-o", second).returncode == 0
        assert first.read_bytes() == second.read_bytes()
        text = first.read_text(encoding="utf-8")
        assert "@prefix schema: <http://schema.org/> ." in text
        assert "schema:headline" in text
        exported = rdflib.Graph().parse(first, format="turtle")
        store = pyoxigraph.Store.read_only(str(store_dir))
        direct = rdflib.Graph().parse(
            data=pyoxigraph.serialize((q.triple for q in store), format=pyoxigraph.RdfFormat.N_TRIPLES),
            format="nt",
        )
        assert isomorphic(exported, direct)

    def test_one_graph_as_trig(self, store_dir: Path) -> None:
        result = newskg("export", "--store", store_dir, "--format", "trig", "--graph", GRAPH)
        assert result.returncode == 0
        dataset = rdflib.Dataset().parse(data=result.stdout, format="trig")
        assert {str(g.identifier) for g in dataset.graphs() if len(g)} == {GRAPH}

    def test_json_ld_is_compacted_with_the_shipped_context(self, store_dir: Path) -> None:
        result = newskg("export", "--store", store_dir, "--format", "jsonld", "--graph", GRAPH)
        assert result.returncode == 0
        assert '"schema": "http://schema.org/"' in result.stdout
        assert '"schema:headline"' in result.stdout

    def test_unknown_graph_is_an_error(self, store_dir: Path) -> None:
        result = newskg("export", "--store", store_dir, "--graph", "http://nope.example/g")
        assert result.returncode == 2 and "no graph" in result.stderr


class TestQuery:
    def test_select_with_predeclared_prefixes(self, store_dir: Path) -> None:
        result = newskg(
            "query", "--store", store_dir, "--format", "csv",
            "SELECT ?name WHERE { ?p schema:sameAs wd:Q7747 ; schema:name ?name FILTER(lang(?name) = 'en') }",
        )  # fmt: skip
        assert result.returncode == 0
        assert result.stdout.split() == ["name", "Vladimir", "Putin"]

    def test_malformed_query_exits_2_with_the_position(self, store_dir: Path) -> None:
        result = newskg("query", "--store", store_dir, "SELECT * WHERE { ?s ?p }")
        assert result.returncode == 2
        assert "error at 1:" in result.stderr

    def test_missing_store_is_explained(self, tmp_path: Path) -> None:
        result = newskg("query", "--store", tmp_path / "none", "ASK {}")
        assert result.returncode == 2 and "newskg build" in result.stderr


class TestRemove:
    @pytest.fixture
    def built(self, store_dir: Path, tmp_path: Path) -> Path:
        copy = tmp_path / "store"
        shutil.copytree(store_dir, copy)
        shutil.copytree(store_dir.with_name("store.search"), tmp_path / "store.search")
        return copy

    def graphs(self, store: Path) -> list[str]:
        return newskg(
            "query", "--store", store, "SELECT ?g WHERE { GRAPH ?g {} } ORDER BY ?g"
        ).stdout.split()[1:]

    @pytest.mark.parametrize("name", [SEED_SLUG, GRAPH], ids=["by slug", "by graph IRI"])
    def test_an_article_is_removed_on_its_own(self, built: Path, name: str) -> None:
        result = newskg("remove", "--store", built, name)
        assert result.returncode == 0, result.stderr
        assert self.graphs(built) == ["<https://kg.example.org/graph/entities>"]

    def test_an_unknown_article_removes_nothing(self, built: Path) -> None:
        before = dump(built)
        result = newskg("remove", "--store", built, SEED_SLUG, "no-such-article")
        assert (
            result.returncode == 2
            and "no-such-article" in result.stderr
            and "nothing was removed" in result.stderr
        )
        assert dump(built) == before

    def test_the_search_index_beside_the_store_follows_build_and_remove(self, built: Path) -> None:
        from kg.search import SearchIndex

        article = f"https://kg.example.org/article/{SEED_SLUG}"

        def found() -> list[str]:
            index = SearchIndex(built.with_name("store.search"), read_only=True)
            return [hit.iri for hit in index.search("Waffenruhe", types=["article"])]

        assert found() == [article], "build indexed what it wrote"
        assert newskg("remove", "--store", built, SEED_SLUG).returncode == 0
        assert found() == []

    def test_the_shared_entity_graph_is_not_removed(self, built: Path) -> None:
        result = newskg("remove", "--store", built, "https://kg.example.org/graph/entities")
        assert result.returncode == 2 and "entity graph" in result.stderr


class TestInterruptedBuild:
    def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_graphs(
        self, store_dir: Path, data_copy: Path, tmp_path: Path
    ) -> None:
        """Writes are one transaction: whenever the process dies, the store holds one whole state."""
        persons = data_copy / "entities" / "persons.yaml"
        persons.write_text(
            persons.read_text(encoding="utf-8").replace("en: Vladimir Putin}", "en: Vladimir V. Putin}"),
            encoding="utf-8",
        )
        new = tmp_path / "new"
        assert newskg("build", "--no-validate", "--data", data_copy, "--store", new).returncode == 0
        old_dump, new_dump = dump(store_dir), dump(new)
        assert old_dump != new_dump
        outcomes, delay, finished = set(), 0.0, False
        while not finished:  # kill ever later, until a build gets to finish on its own
            delay += 0.25
            store = tmp_path / f"store-{delay:.2f}"
            shutil.copytree(store_dir, store)
            process = subprocess.Popen(
                [NEWSKG, "build", "--no-validate", "--data", str(data_copy), "--store", str(store)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                process.wait(timeout=delay)
                finished = True
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            after = dump(store)
            assert after in (old_dump, new_dump), f"killed after {delay:.2f} s: a mixed store"
            outcomes.add(after == new_dump)
            shutil.rmtree(store)
        assert outcomes == {False, True}, "some builds are killed before the write, the last one completes"


class TestExtract:
    """``newskg extract``: one JSON object per document, offsets into the text it gives, bad input named."""

    def test_a_dw_scrape_gives_its_body_and_what_is_in_it(self) -> None:
        result = newskg("extract", "--data", DATA, DATA / "articles" / "dw-2025-10-17-trump-putin-budapest")
        assert result.returncode == 0, result.stderr
        (line,) = result.stdout.splitlines()
        obj = json.loads(line)
        assert obj["lang"] == "de" and obj["text"].startswith(
            "Trump kündigt Treffen mit Putin in Budapest an"
        )
        for item in obj["mentions"] + obj["quotations"] + obj["roles"] + obj["events"]:
            assert 0 <= item["start"] < item["end"] <= len(obj["text"]) and 0 < item["confidence"] < 1
        trump = [m for m in obj["mentions"] if m["entity"].endswith("/person/donald-trump")]
        assert trump and all(m["known"] and m["wikidata"] == "Q22686" for m in trump)
        assert any(q["form"] == "direct" for q in obj["quotations"])

    def test_a_plain_text_is_taken_exactly_and_lines_are_documents(self, tmp_path: Path) -> None:
        text = tmp_path / "notes.txt"
        german = "Angela Merkel sagte in Berlin: „Wir schaffen das.“"
        english = "The mayor of the city said that he would meet the president."
        text.write_text(f"{german}\n\n{english}\n", "utf-8")
        whole = json.loads(newskg("extract", text).stdout)
        assert whole["text"] == text.read_text(encoding="utf-8") and whole["doc"] == str(text)
        lines = [json.loads(x) for x in newskg("extract", "--lines", text).stdout.splitlines()]
        assert [o["doc"] for o in lines] == [f"{text}:1", f"{text}:3"]
        assert [o["lang"] for o in lines] == ["de", "en"]

    @pytest.mark.parametrize(
        ("content", "reason"),
        [(b"\xff\xfe\x00", "not UTF-8"), (b"", "empty"), (b"  \n", "empty"), (b"a\x00b", "binary")],
    )
    def test_bad_input_is_named_and_nothing_is_printed(
        self, tmp_path: Path, content: bytes, reason: str
    ) -> None:
        bad = tmp_path / "bad.txt"
        bad.write_bytes(content)
        result = newskg("extract", bad)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.startswith(f"error: {bad}: ") and reason in result.stderr

    def test_a_text_over_the_limit_is_refused(self, tmp_path: Path) -> None:
        big = tmp_path / "big.txt"
        big.write_text("Wort " * 1000, encoding="utf-8")
        result = newskg("extract", "--max-article-bytes", "100", big)
        assert result.returncode == 2 and "--max-article-bytes" in result.stderr


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``data/`` with the seed's text and no annotations."""
    data = tmp_path_factory.mktemp("template") / "data"
    shutil.copytree(DATA / "entities", data / "entities")
    folder = data / "articles" / "seed-plain"
    folder.mkdir(parents=True)
    shutil.copy(DATA / "articles" / SEED_SLUG / "article.txt", folder / "article.txt")
    return data


class TestExtractTemplate:
    """``newskg extract --template ARTICLE``: the machine facts as an annotations.yaml skeleton, and
    ``--no-extract`` on build."""

    def test_the_template_lists_the_machine_facts_and_builds_unchanged(
        self, plain: Path, tmp_path: Path
    ) -> None:
        import yaml

        folder = plain / "articles" / "seed-plain"
        result = newskg("extract", "--data", plain, "--template", folder)
        assert result.returncode == 0, result.stderr
        facts = yaml.safe_load(result.stdout)["machine"]["facts"]
        kinds = {f["id"].split("-", 1)[0] for f in facts}
        assert kinds == {"mention", "quote", "role", "event"}
        assert {f["verdict"] for f in facts} == {"open"}
        quote = next(f for f in facts if f["id"].startswith("quote-") and f["speaker"])
        assert set(quote) == {"id", "verdict", "note", "speaker", "form"}
        # saved as the article's annotations, rejecting one quotation: builds, and that quotation is gone
        text = result.stdout.replace(
            f"- id: {quote['id']}\n      verdict: open", f"- id: {quote['id']}\n      verdict: reject"
        )
        (folder / "annotations.yaml").write_text(text, encoding="utf-8")
        store = tmp_path / "store"
        built = newskg("build", "--data", plain, "--store", store)
        assert built.returncode == 0, built.stderr
        ids = newskg("query", "--store", store, "SELECT DISTINCT ?id WHERE { ?a nkg:machineFact ?id }")
        found = {line.strip('"') for line in ids.stdout.split()[1:]}
        assert quote["id"] not in found and len(found) > 10
        (folder / "annotations.yaml").unlink()

    def test_the_template_of_a_folder_without_article_is_an_error(self, tmp_path: Path) -> None:
        result = newskg("extract", "--data", DATA, "--template", tmp_path)
        assert result.returncode == 2 and "error:" in result.stderr and result.stdout == ""

    def test_no_extract_builds_without_machine_facts(self, plain: Path, tmp_path: Path) -> None:
        store = tmp_path / "store"
        built = newskg("build", "--no-extract", "--data", plain, "--store", store)
        assert built.returncode == 0, built.stderr
        result = newskg("query", "--store", store, "ASK { ?a nkg:assertedBy nkg:Extractor }")
        assert "false" in result.stdout


class TestProgress:
    """Long ingests say how far they are on stderr: a line every 100 items or 5 seconds, and at the end."""

    def test_a_line_every_hundred_items_and_at_the_end(self, capsys: pytest.CaptureFixture[str]) -> None:
        from kg.cli import Progress

        progress = Progress("articles processed")
        for done in range(1, 251):
            progress(done, 250, f"article-{done}")
        lines = capsys.readouterr().err.splitlines()
        assert lines == [f"{n}/250 articles processed" for n in (100, 200, 250)]

    def test_a_line_every_few_seconds_when_items_are_slow(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from kg import cli

        clock = iter([0.0, 1.0, 6.0, 7.0, 12.5])
        monkeypatch.setattr(cli.time, "monotonic", lambda: next(clock))
        progress = cli.Progress("inputs read")
        for done in range(1, 6):
            progress(done, 1000)
        assert capsys.readouterr().err.splitlines() == ["3/1000 inputs read", "5/1000 inputs read"]


def test_extract_and_build_give_a_name_one_iri(plain: Path, tmp_path: Path) -> None:
    """A name the registry does not know has one IRI: the one ``newskg extract`` gives it is the one the
    graph of ``newskg build`` gives it, whether the extractor found it in the text or a credit line names
    it (the photographers of the seed's pictures, the agencies the registry does not know)."""
    folder = plain / "articles" / "seed-plain"
    extracted = newskg("extract", "--data", plain, folder)
    assert extracted.returncode == 0, extracted.stderr
    json_iris = {(m["name"], m["entity"]) for m in json.loads(extracted.stdout)["mentions"] if not m["known"]}
    assert ("Sergei Bobylev", "https://kg.example.org/person/person-sergei-bobylev") in json_iris
    store = tmp_path / "store"
    built = newskg("build", "--data", plain, "--store", store)
    assert built.returncode == 0, built.stderr

    def select(query: str) -> set[tuple[str, str]]:
        out = newskg("query", "--store", store, "--format", "json", query)
        assert out.returncode == 0, out.stderr
        rows = json.loads(out.stdout)["results"]["bindings"]
        return {(r["name"]["value"], r["e"]["value"]) for r in rows}

    credited = select(
        "SELECT ?name ?e WHERE { ?image schema:creator|schema:copyrightHolder ?e . ?e schema:name ?name "
        "FILTER NOT EXISTS { GRAPH <https://kg.example.org/graph/entities> { ?e ?p ?o } } }"
    )
    machine = select(
        "SELECT ?name ?e WHERE { ?a nkg:assertedBy nkg:Extractor ; oa:motivatedBy oa:identifying ; "
        "oa:hasBody ?e . ?e schema:name ?name "
        "FILTER NOT EXISTS { GRAPH <https://kg.example.org/graph/entities> { ?e ?p ?o } } }"
    )
    assert {name for name, _ in credited} >= {"Sergei Bobylev", "Kevin Dietsch"}
    assert machine == json_iris
    assert credited <= json_iris
