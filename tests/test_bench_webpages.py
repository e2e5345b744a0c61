"""bench.webpages: the metrics, and a clear message when the real pages are absent."""

from __future__ import annotations

from pathlib import Path

from bench.webpages import Output, Page, Scores, main, name_set, token_f1


def test_absent_real_data_is_said_and_nothing_is_measured(tmp_path: Path, capsys):
    assert main(["--realdata", str(tmp_path / "nowhere")]) == 2
    assert "the real pages are not there" in capsys.readouterr().err


def test_segment_and_field_scores():
    gold = {"with": ["storm reached", "the mayor"], "without": ["Accept cookies"], "title": "Storm  hits",
            "date": "2024-03-04", "author": "Jane Roe; Max Muster"}  # fmt: skip
    page = Page("x", "k", b"", gold)
    scores = Scores()
    scores.add(page, Output(text="The storm reached. Accept cookies", title="Storm hits", date="2024-03-04",
                            authors=["max muster", "Jane Roe"]))  # fmt: skip
    assert (scores.tp, scores.fn, scores.fp, scores.tn) == (1, 1, 1, 0)
    assert scores.titles == [True] and scores.dates == [True] and scores.authors == [True]
    assert name_set("STAFF AND NEWS SERVICE REPORTS") == {"staff", "news service reports"}


def test_token_f1():
    assert token_f1("a b c", "a b c") == 1.0
    assert round(token_f1("a b", "a b c d"), 3) == 0.667
    assert token_f1("", "a") == 0.0
