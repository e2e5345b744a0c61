"""Specification of ``bench.ingest_speed``'s own logic: the halves, the plain texts it writes from SpkAtt and
PolNeAR (read back as newskg reads them), the command's summary, and NOT MEASURED without the real data.
No real data is needed: the documents here are made up in the sets' formats."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from bench import ingest_speed, summary
from kg.read.plaintext import read_text_file


def test_halves_alternate_within_each_set() -> None:
    sets = {"a": [Path(f"a{n}") for n in (3, 1, 2, 0)], "b": [Path("b0"), Path("b1")]}
    assert ingest_speed.halves(sets) == {
        "tune": [Path("a0"), Path("a2"), Path("b0")],
        "held-out": [Path("a1"), Path("a3"), Path("b1")],
    }


def test_tokens_are_joined_as_text() -> None:
    tokens = ["„", "Wir", "kommen", "“", ",", "sagte", "er", "(", "am", "Montag", ")", "."]
    assert ingest_speed.detokenize(tokens) == "„Wir kommen“, sagte er (am Montag)."


def spkatt_set(root: Path) -> Path:
    train = root / "spkatt2023-task2" / "train"
    train.mkdir(parents=True)
    name = "10022 - Armstrong wird 75: Jubiläum (2005-08-05)"
    sentences = [
        {"SentenceId": 0, "Tokens": ["1969", "betrat", "Neil", "Armstrong", "den", "Mond", "."]},
        {"SentenceId": 1, "Tokens": ["„", "Ein", "kleiner", "Schritt", "“", ",", "sagte", "er", "."]},
    ]
    path = train / f"{name}.json"
    path.write_text(json.dumps({"DocumentName": name, "Sentences": sentences, "Annotations": []}))
    return path


def polnear_set(root: Path) -> None:
    text = root / "polnear" / "dev" / "text"
    text.mkdir(parents=True)
    (text / "example_2016-09-12_story.txt").write_text(
        "Senator Speaks.\n\nThe senator said on Monday that the bill would pass.\n\nOthers disagreed.\n"
    )
    header = "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\n"
    row = "dev\texample_2016-09-12_story\tNone\tx\texample\t2016-09-12\tJane Roe\tSenator Speaks\n"
    (root / "polnear" / "metadata.tsv").write_text(header + row)


def test_the_plain_texts_read_back_with_their_front_matter(tmp_path: Path) -> None:
    spkatt_set(tmp_path)
    polnear_set(tmp_path)
    sets = ingest_speed.text_sources(tmp_path)
    assert sets is not None
    out = tmp_path / "out"
    out.mkdir()
    written = ingest_speed.write_texts(tmp_path, sets, out)
    german = read_text_file(written["spkatt2023-task2"][0])
    assert (german.headline, german.language) == ("Armstrong wird 75: Jubiläum", "de")
    assert german.date_published == dt.date(2005, 8, 5)
    assert "„Ein kleiner Schritt“, sagte er." in german.body
    english = read_text_file(written["polnear"][0])
    assert (english.headline, english.language) == ("Senator Speaks", "en")
    assert [a.name for a in english.creators] == ["Jane Roe"]
    assert english.body.count("Senator Speaks") == 1  # the title line is the headline, not a paragraph too


def test_the_summary_line_gives_ingested_and_rejected() -> None:
    line = "1 ingested, 0 unchanged, 2 rejected; 817 triples written in 1.3 s\n"
    assert ingest_speed.parse_summary("progress\n" + line) == (1, 2)
    with pytest.raises(ValueError, match="no ingest summary"):
        ingest_speed.parse_summary("Error: no input here")


def test_a_process_peak_is_read_and_its_children_found() -> None:
    assert ingest_speed.peak_kb(os.getpid()) > 0
    assert os.getpid() in ingest_speed.descendants(os.getppid())


def test_without_the_real_data_it_says_not_measured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "RESULTS.md"
    assert ingest_speed.main(["--realdata", str(tmp_path / "absent"), "--out", str(out)]) == 2
    assert "NOT MEASURED" in out.read_text()
    assert "NOT MEASURED" in capsys.readouterr().err
    left = summary.read(summary.summary_path(out))  # for bench/RESULTS.md: not measured, no figures
    assert left is not None and left.rows == [] and str(tmp_path / "absent") in left.absent[summary.SPEED]
