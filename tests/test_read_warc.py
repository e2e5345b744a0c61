"""kg.read.warc: HTML response records of WARC files (written here with warcio) are pages."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from kg.read.warc import WarcPage, WarcSkip, looks_like_warc, read_warc

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))
from webfixtures import news_page, warc_file

URI = "https://news.example.org/weather/2024/storm-floods-nordhafen"
RECORDS = [
    (URI, "text/html; charset=utf-8", news_page().encode(), "200 OK"),
    ("https://img.example.org/storm.jpg", "image/jpeg", b"\xff\xd8\xff\xe0 not really a jpeg", "200 OK"),
    ("https://news.example.org/gone", "text/html", b"<html><body>Not found</body></html>", "404 Not Found"),
    ("https://news.example.org/other", "application/xhtml+xml", news_page(title="Other").encode(), "200 OK"),
]


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_are_pages_and_other_records_are_named(tmp_path: Path, gzip: bool):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(warc_file(RECORDS, gzip=gzip))
    assert looks_like_warc(path.read_bytes())
    entries = list(read_warc(path))
    pages = [e for e in entries if isinstance(e, WarcPage)]
    skips = [e for e in entries if isinstance(e, WarcSkip)]
    assert [p.uri for p in pages] == [URI, "https://news.example.org/other"]
    assert pages[0].charset == "utf-8" and pages[0].html == RECORDS[0][2]
    assert isinstance(pages[0].date, dt.datetime)
    assert [(s.uri, s.reason) for s in skips] == [
        ("https://img.example.org/storm.jpg", "not HTML (image/jpeg)"),
        ("https://news.example.org/gone", "HTTP status 404, not a page"),
    ]
    # warcinfo is record 1, each page has a request record before its response
    assert [p.record for p in pages] == [3, 9] and skips[0].where.startswith("record 5 (")


@pytest.mark.parametrize("gzip", [True, False])
def test_a_truncated_warc_is_reported_after_the_records_before_the_cut(tmp_path: Path, gzip: bool):
    data = warc_file(RECORDS, gzip=gzip)
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data[: len(data) - 200])
    entries = list(read_warc(path))
    assert [e.uri for e in entries if isinstance(e, WarcPage)] == [URI]
    assert "truncated" in entries[-1].reason


def test_not_a_warc(tmp_path: Path):
    path = tmp_path / "x.warc"
    path.write_bytes(b"this is not a web archive at all\n" * 10)
    entries = list(read_warc(path))
    assert len(entries) == 1 and "WARC" in entries[0].reason
