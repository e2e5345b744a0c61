"""Read a WARC or WARC.gz file (``wget --warc-file``, Browsertrix, Heritrix, Common Crawl) with warcio.

Every HTML ``response`` (or ``resource``) record is a page, read by :mod:`kg.read.html` with the record's
``WARC-Target-URI`` as its address and its ``WARC-Date`` as the crawl date. Each other response record (an
image, a script, a redirect, a 404, a revisit whose payload is elsewhere) is named with its record number,
URI and the reason it is not read. ``warcinfo``, ``request`` and ``metadata`` records describe the crawl,
not documents, and are not inputs. A file that ends inside a record (a truncated download) is reported with
the number of the record it broke in; the records before it are read.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from kg.read.html import looks_like_html

HTML_TYPES = ("text/html", "application/xhtml+xml")
NOT_DOCUMENTS = {"warcinfo", "request", "metadata", "conversion", "continuation"}


@dataclass(frozen=True)
class WarcPage:
    """An HTML page in a WARC file."""

    record: int
    """1-based number of the record in the file (all record types counted)."""
    uri: str
    date: dt.datetime | None
    html: bytes
    charset: str | None

    @property
    def where(self) -> str:
        return f"record {self.record} ({self.uri})"


@dataclass(frozen=True)
class WarcSkip:
    """A record (or the rest of the file) that is not read, and why."""

    record: int
    uri: str | None
    reason: str

    @property
    def where(self) -> str:
        return f"record {self.record}" + (f" ({self.uri})" if self.uri else "")


def looks_like_warc(data: bytes) -> bool:
    head = data[:16]
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:512])[:16]
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def _date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _content_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    parts = [p.strip() for p in value.split(";")]
    charset = None
    for part in parts[1:]:
        key, _, val = part.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return parts[0].lower(), charset


def read_warc(path: Path) -> Iterator[WarcPage | WarcSkip]:
    """The pages of a WARC file, and each record or part that is not read with its reason."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    with _uncompressed(path) as (stream, gzip_error):
        start = stream.read(64).lstrip()
        stream.seek(0)
        if not start.startswith((b"WARC/", b"filedesc://")):
            yield WarcSkip(1, None, gzip_error or "not a WARC file (it does not start with a WARC record)")
            return
        try:
            records = ArchiveIterator(stream, arc2warc=True)
            for record in records:
                number += 1
                kind = record.rec_type
                uri = record.rec_headers.get_header("WARC-Target-URI")
                if kind in NOT_DOCUMENTS:
                    continue
                if kind == "revisit":
                    yield WarcSkip(number, uri, "a revisit record: the payload is an earlier record's")
                    continue
                if kind is None:
                    yield WarcSkip(number, uri, "a record without a WARC-Type (truncated or corrupt)")
                    continue
                if kind not in ("response", "resource"):
                    yield WarcSkip(number, uri, f"a {kind} record, not a response")
                    continue
                date = _date(record.rec_headers.get_header("WARC-Date"))
                if record.http_headers is not None:
                    status = record.http_headers.get_statuscode()
                    media, charset = _content_type(record.http_headers.get_header("Content-Type"))
                    if status and not status.startswith("2"):
                        yield WarcSkip(number, uri, f"HTTP status {status}, not a page")
                        continue
                else:
                    media, charset = _content_type(record.rec_headers.get_header("Content-Type"))
                payload = record.content_stream().read()
                while record.raw_stream.read(1 << 16):
                    pass
                if _remaining(record.raw_stream) > 0:
                    yield WarcSkip(number, uri, "truncated WARC: the file ends inside this record")
                    return
                if media and media not in HTML_TYPES:
                    yield WarcSkip(number, uri, f"not HTML ({media})")
                    continue
                if not media and not looks_like_html(payload):
                    yield WarcSkip(number, uri, "not HTML (no content type, and the payload is no page)")
                    continue
                yield WarcPage(number, uri or "", date, payload, charset)
        except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
            yield WarcSkip(number + 1, None, f"truncated or corrupt WARC ({type(exc).__name__}: {exc})")
            return
        if gzip_error:
            yield WarcSkip(number + 1, None, f"truncated gzip: {gzip_error}")
            return
        stream.seek(records.offset)
        if stream.read(1 << 16).strip():
            what = "no complete WARC record" if number == 0 else "the file ends inside a record's headers"
            yield WarcSkip(number + 1, None, f"truncated or corrupt WARC: {what}")


def _remaining(stream: object) -> int:
    """Bytes a record's Content-Length promised that the file did not have."""
    while stream is not None and not hasattr(stream, "limit"):
        stream = getattr(stream, "stream", None)
    return int(getattr(stream, "limit", 0) or 0)


@contextmanager
def _uncompressed(path: Path) -> Iterator[tuple[IO[bytes], str | None]]:
    """The WARC uncompressed into a temporary file (so a record cut off by a truncated gzip shows as one
    whose bytes end early), and the gzip error if the compressed file ends early or is corrupt."""
    with path.open("rb") as raw:
        if raw.read(2) != b"\x1f\x8b":
            raw.seek(0)
            yield raw, None
            return
        raw.seek(0)
        with tempfile.TemporaryFile() as plain:
            error = None
            decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
            open_member = False  # bytes of a member were read and its end was not
            try:
                while chunk := raw.read(1 << 20):
                    while chunk:
                        open_member = True
                        plain.write(decompressor.decompress(chunk))
                        if decompressor.eof:  # the next gzip member (one per record in a WARC.gz)
                            chunk = decompressor.unused_data
                            decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
                            open_member = False
                        else:
                            chunk = b""
                plain.write(decompressor.flush())
                if open_member:
                    error = "the file ends inside a gzip member"
            except zlib.error as exc:
                error = f"corrupt gzip data ({exc})"
            plain.seek(0)
            yield plain, error
