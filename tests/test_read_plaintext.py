"""kg.read.plaintext: a text file with an optional YAML front matter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.read.plaintext import read_text, read_text_file

TEXT = """---
headline: Storm floods the old town
url: https://news.example.org/storm
datePublished: 2024-03-04
author: [Jane Roe, Max Muster]
inLanguage: en
---
The storm reached the northern coast on Monday night, the weather service said.

The damage

Several hundred houses lost their roofs, the police said on Tuesday.
"""


def test_front_matter_and_paragraphs():
    a = read_text(TEXT, source="storm.txt")
    assert a.headline == "Storm floods the old town" and a.url == "https://news.example.org/storm"
    assert a.date_published == dt.date(2024, 3, 4) and a.language == "en"
    assert [c.name for c in a.creators] == ["Jane Roe", "Max Muster"]
    assert [b.kind for b in a.blocks] == ["headline", "paragraph", "heading", "paragraph"]
    assert [b.span.text(a.body) for b in a.blocks][2] == "The damage"
    assert a.slug.startswith("news-example-org-storm-") and a.source_format == "text"
    assert (a.publisher.name, a.publisher.kind) == ("news.example.org", "Organization")


def test_without_front_matter_the_first_line_is_the_headline_and_the_date_is_required():
    text = "Storm floods the old town\n\nThe storm reached the coast on Monday, the weather service said."
    with pytest.raises(InputError, match="datePublished"):
        read_text(text, source="t.txt")
    a = read_text("---\ndatePublished: 2024-03-04\n---\n" + text, source="t.txt")
    assert a.headline == "Storm floods the old town" and a.slug.startswith("text-storm-floods-the-old-town-")
    assert a.language_source == "detected" and a.language == "en"
    assert a.publisher is None  # neither named nor a URL's host: unknown, not made up (kg.mapping)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\nheadline: [unclosed\n---\nText.", "not valid YAML"),
        ("---\n- a list\n---\nText.", "mapping"),
        ("---\nheadline: X\ndatum: 2024-01-01\n---\nText.", "unknown front matter field 'datum'"),
        ("---\nheadline: X\ndatePublished: someday\n---\nText.", "not a date"),
        ('---\nheadline: X\ndatePublished: "0001-01-01"\n---\nText.', "no plausible day of publication"),
        ("---\nheadline: X\ndatePublished: 2999-01-01\n---\nText.", "no plausible day of publication"),
        ("---\nheadline: X\ndatePublished: 2024-01-01\nurl: ftp://x\n---\nText.", "not an http"),
        ("---\nheadline: X\ndatePublished: 2024-01-01\n---\n", "no text"),
    ],
)
def test_bad_text_files_are_named(text, reason):
    with pytest.raises(InputError, match=reason) as caught:
        read_text(text, source="bad.txt")
    assert caught.value.file == "bad.txt"


def test_not_utf8(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Grüße\n\nText".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_text_file(path)
