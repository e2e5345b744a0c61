"""What ``newskg ingest PATH...`` reads: files and folders of any mix, each input with a stable identity.

:func:`iter_sources` walks the paths (folders recursively, in name order) and yields, for each input:

- :class:`DwFolder`: a folder holding ``article.txt`` (today's DW scrape; parsed by ``kg.read.dw``);
- :class:`Read`: an article read from a saved page (``.html``, ``.htm``, ``.html.gz``, ``.xhtml``), a
  feed item (``.xml``, ``.rss``, ``.atom``, ``.rdf``, or any file that is a feed), a WARC record
  (``.warc``, ``.warc.gz``) or a plain text file (``.txt``, ``.md``); a folder holding one page and
  ``annotations.yaml`` is an annotated page;
- :class:`Rejection`: a file, record or item that is not read, with the reason (not HTML, no article in the
  page, a wrong declared charset, a truncated gzip or WARC, a feed that does not parse, a WARC record that
  is not HTML, a file of a kind newskg does not read, ...).

Nothing is passed over in silence. Not inputs, and so not reported: names starting with ``.`` (``.git``,
``.DS_Store``), an ``annotations.yaml`` beside its article, the ``NAME_files`` folder a browser saves beside
``NAME.html``, and a WARC's ``warcinfo``, ``request`` and
``metadata`` records (they describe the crawl, not a document).

:func:`collect` reads everything and decides which article each input is:

- Two inputs are one article when they have the same canonical URL (normalised: ``kg.read.identity``) or
  the same text; of one article the latest version is kept (newer ``dateModified``, else newer publication
  date, else newer crawl date; a page over a feed item; else the first in input order), the others are
  listed in :attr:`Collection.duplicates` with the kept one.
- A feed item whose link is the address of a page in the same input set is that page: the page is kept and
  the item adds what the page does not say (authors, keywords, description, publisher).
- The article IRI's slug derives from the canonical URL (``kg.read.identity.url_slug``), so the same article
  read again, from a page, a WARC or a feed, gets the same IRI.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.model import Article
from kg.read.identity import normalize_url, text_key

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".xml.gz", ".rss.gz", ".atom.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
TEXT_SUFFIXES = (".txt", ".md", ".text")
ANNOTATIONS = "annotations.yaml"
DW_TEXT = "article.txt"


@dataclass(frozen=True)
class Origin:
    """Where an input comes from: a file, and the record or item in it."""

    file: Path
    part: str | None = None
    """``record 3 (https://...)`` of a WARC file, ``item 2 (https://...)`` of a feed."""

    def __str__(self) -> str:
        return f"{self.file} {self.part}" if self.part else str(self.file)


@dataclass(frozen=True)
class DwFolder:
    """A DW scrape folder (``article.txt``, maybe ``annotations.yaml``): the slug is the folder's name."""

    path: Path

    @property
    def slug(self) -> str:
        return self.path.name

    @property
    def origin(self) -> Origin:
        return Origin(self.path)


@dataclass(frozen=True)
class Read:
    """An article read from a page, feed item, WARC record or text file."""

    article: Article
    origin: Origin
    sha256: str
    """SHA-256 of the input's bytes (the page, the record's payload, the feed file, the text file)."""
    annotations: Path | None = None
    enriched_by: tuple[Origin, ...] = ()
    """Feed items whose link is this page and that added to it."""

    @property
    def identity(self) -> str:
        """The article's stable identity: its slug (from the canonical URL, or the text)."""
        return self.article.slug


@dataclass(frozen=True)
class Rejection:
    origin: Origin
    reason: str
    link: str | None = None
    """A feed item's link: when its page is in the same input, the item is not rejected but set aside."""

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class Duplicate:
    """An input that is the same article as a kept one, and why it was not kept."""

    origin: Origin
    kept: Origin
    reason: str
    slug: str = ""
    """The slug this copy would have had (another address gives another slug)."""


@dataclass
class Collection:
    articles: list[Read] = field(default_factory=list)
    dw_folders: list[DwFolder] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


Source = DwFolder | Read | Rejection


# ---------------------------------------------------------------------------------------- walking


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffixes in (PAGE_SUFFIXES, FEED_SUFFIXES, WARC_SUFFIXES, TEXT_SUFFIXES):
        for suffix in suffixes:
            if name.endswith(suffix):
                return suffix
    return path.suffix.lower()


def _hidden(path: Path) -> bool:
    return path.name.startswith(".")


def input_files(paths: Iterable[Path]) -> Iterator[tuple[str, Path, Path | None]]:
    """(kind, path, annotations) for every input under ``paths``: kind ``dw``, ``file``, ``missing`` or
    ``special`` (a fifo, a socket, an ``article.txt`` that is a folder: named, never passed over)."""
    for path in paths:
        path = Path(path)
        if not path.exists():
            yield "missing", path, None
        elif path.is_file():
            yield "file", path, None
        elif path.is_dir():
            yield from _walk(path)
        else:
            yield "special", path, None


def _walk(folder: Path) -> Iterator[tuple[str, Path, Path | None]]:
    text = folder / DW_TEXT
    if text.is_file():
        yield "dw", folder, None
        return
    if text.exists():
        yield "special", text, None
        return
    entries = sorted(p for p in folder.iterdir() if not _hidden(p))
    files = [p for p in entries if p.is_file()]
    pages = [p for p in files if _suffix(p) in PAGE_SUFFIXES]
    annotations = folder / ANNOTATIONS if (folder / ANNOTATIONS).is_file() else None
    for path in files:
        if path.name == ANNOTATIONS and len(pages) == 1:
            continue  # it belongs to the page beside it
        yield "file", path, annotations if (annotations and path in pages and len(pages) == 1) else None
    assets = {f"{_stem(p)}_files" for p in pages} | {f"{_stem(p)}-Dateien" for p in pages}
    for path in entries:
        if path.is_dir() and path.name not in assets:  # a browser's "save complete" assets of a page
            yield from _walk(path)
        elif path.exists() and not path.is_file() and not path.is_dir():
            yield "special", path, None


def _stem(path: Path) -> str:
    return path.name[: -len(_suffix(path))] if _suffix(path) else path.stem


def iter_sources(
    paths: Iterable[Path], *, jobs: int = 1, progress: Callable[[int, int], None] | None = None
) -> Iterator[Source]:
    """Every input under ``paths`` in order, read, or rejected with its reason; ``jobs`` > 1 reads files in
    that many processes (the order stays the input order). ``progress(done, total)`` is called after each
    file or folder."""
    tasks = list(input_files(paths))
    if jobs > 1 and len(tasks) > 1:
        with ProcessPoolExecutor(jobs) as pool:
            for done, results in enumerate(pool.map(_read_task, tasks, chunksize=4), 1):
                yield from results
                if progress is not None:
                    progress(done, len(tasks))
    else:
        for done, task in enumerate(tasks, 1):
            yield from _read_task(task)
            if progress is not None:
                progress(done, len(tasks))


def _read_task(task: tuple[str, Path, Path | None]) -> list[Source]:
    kind, path, annotations = task
    if kind == "missing":
        return [Rejection(Origin(path), "no such file or folder")]
    if kind == "special":
        return [Rejection(Origin(path), "is not a regular file (expected a file or a folder)")]
    if kind == "dw":
        return [DwFolder(path)]
    try:
        return list(read_file(path, annotations=annotations))
    except InputError as exc:
        return [Rejection(Origin(path), exc.message)]
    except OSError as exc:
        return [Rejection(Origin(path), f"cannot be read ({exc.strerror or exc})")]


def read_file(path: Path, *, annotations: Path | None = None) -> Iterator[Read | Rejection]:
    """The articles of one file (one for a page or text, one per item or record), or its rejections."""
    from kg.read import feed, html, plaintext, warc

    suffix = _suffix(path)
    if suffix in WARC_SUFFIXES:
        yield from _read_warc(path)
        return
    if suffix == ANNOTATIONS or path.name == ANNOTATIONS:
        yield Rejection(Origin(path), "an annotations.yaml with no single page or article.txt beside it")
        return
    data = html.load_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    if suffix in TEXT_SUFFIXES:
        yield _attempt(lambda: plaintext.read_text_file(path), Origin(path), digest, annotations)
        return
    if suffix in FEED_SUFFIXES or (suffix not in PAGE_SUFFIXES and feed.looks_like_feed(data)):
        yield from _read_feed(path, data, digest)
        return
    if suffix not in PAGE_SUFFIXES:
        if warc.looks_like_warc(data):
            yield from _read_warc(path)
        elif html.looks_like_html(data):
            yield _attempt(lambda: html.read_html(data, source=path), Origin(path), digest, annotations)
        else:
            what = f"'{suffix}' files" if suffix else "files without an extension"
            yield Rejection(Origin(path), f"not an input newskg reads ({what}; not HTML, a feed or a WARC)")
        return
    yield _attempt(lambda: html.read_html(data, source=path), Origin(path), digest, annotations)


def _attempt(read: object, origin: Origin, digest: str, annotations: Path | None = None) -> Read | Rejection:
    try:
        article = read()  # type: ignore[operator]
    except InputError as exc:
        return Rejection(origin, exc.message)
    return Read(article, origin, digest, annotations)


def _read_feed(path: Path, data: bytes, digest: str) -> Iterator[Read | Rejection]:
    from kg.read.feed import item_article, read_feed

    try:
        items = read_feed(data, source=path)
    except InputError as exc:
        yield Rejection(Origin(path), exc.message)
        return
    if not items:
        yield Rejection(Origin(path), "a feed without items")
        return
    for item in items:
        origin = Origin(path, item.where)
        read = _attempt(lambda item=item: item_article(item, source=path), origin, digest)
        yield dataclasses.replace(read, link=item.link) if isinstance(read, Rejection) else read


def _read_warc(path: Path) -> Iterator[Read | Rejection]:
    from kg.read.html import read_html
    from kg.read.warc import WarcSkip, read_warc

    for entry in read_warc(path):
        origin = Origin(path, entry.where)
        if isinstance(entry, WarcSkip):
            yield Rejection(origin, entry.reason)
            continue
        digest = hashlib.sha256(entry.html).hexdigest()
        yield _attempt(
            lambda entry=entry, origin=origin: read_html(
                entry.html,
                source=str(origin),
                url=entry.uri or None,
                crawled=entry.date,
                http_charset=entry.charset,
                source_format="warc",
            ),
            origin,
            digest,
        )


# ---------------------------------------------------------------------------------------- deciding


def _version(read: Read, position: int) -> tuple:
    """Sort key: the latest version last (modified, published, crawled; a page over a feed item)."""
    a = read.article
    modified = a.modified or a.date_modified or a.published or a.date_published
    return (
        _instant(modified),
        _instant(a.published or a.date_published),
        _instant(a.crawled),
        a.source_format != "feed",
        -position,
    )


def version_text(read: Read) -> str:
    """How recent ``read`` is, as text that compares (as text) the way :func:`collect` orders the copies of
    one article: ``page`` or ``feed`` (a page is read over a feed item of its link, whatever their dates),
    then the UTC instants of its modification (else publication), publication and crawl, ``-`` for none. An
    ingest stores it with the graph and keeps the newest copy across runs.

    >>> from kg.read.plaintext import read_text
    >>> text = read_text("---\\ndatePublished: 2024-03-04\\n---\\nTitle\\n\\nSome text.")
    >>> version_text(Read(text, Origin(Path("a.txt")), ""))
    'page 2024-03-04T12:00:00Z 2024-03-04T12:00:00Z --------------------'
    """
    a = read.article
    modified = a.modified or a.date_modified or a.published or a.date_published
    instants = (_instant(modified), _instant(a.published or a.date_published), _instant(a.crawled))
    stamps = [
        dt.datetime.fromtimestamp(t, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if t > float("-inf") else "-" * 20
        for t in instants
    ]
    return " ".join(["feed" if a.source_format == "feed" else "page", *stamps])


def _instant(value: dt.datetime | dt.date | None) -> float:
    if value is None:
        return float("-inf")
    if isinstance(value, dt.datetime):
        return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).timestamp()
    return dt.datetime(value.year, value.month, value.day, 12, tzinfo=dt.UTC).timestamp()


def _keys(read: Read) -> list[str]:
    a = read.article
    keys = [f"text:{text_identity(a)}"]
    for url in (a.url, a.original_url):
        if url:
            keys.append(f"url:{normalize_url(url)}")
    return keys


def text_identity(article: Article) -> str:
    """The key under which two copies of ``article`` are one article by their text (whatever their
    addresses): of its body without headline, captions and credits, whitespace and case folded."""
    return text_key(_text_of(article))


def _text_of(article: Article) -> str:
    """The text that makes two copies the same article: the body without headline, captions and credits."""
    skip = {"headline", "caption", "credit"}
    return "\n".join(b.span.text(article.body) for b in article.blocks if b.kind not in skip)


def collect(
    paths: Iterable[Path], *, jobs: int = 1, progress: Callable[[int, int], None] | None = None
) -> Collection:
    """Read every input under ``paths`` and decide which article each one is (see the module's doc);
    ``progress(done, total)`` after each file or folder read."""
    result = Collection()
    reads: list[Read] = []
    for source in iter_sources(paths, jobs=jobs, progress=progress):
        if isinstance(source, DwFolder):
            result.dw_folders.append(source)
        elif isinstance(source, Rejection):
            result.rejected.append(source)
        else:
            reads.append(source)
    result.articles, result.duplicates = deduplicate(reads)
    pages = {
        normalize_url(url): read
        for read in result.articles
        if read.article.source_format != "feed"
        for url in (read.article.url, read.article.original_url)
        if url
    }
    rejected = []
    for rejection in result.rejected:
        page = pages.get(normalize_url(rejection.link)) if rejection.link else None
        if page is None:
            rejected.append(rejection)
            continue
        why = f"a feed item whose page is in the input: the page is read (the item alone: {rejection.reason})"
        result.duplicates.append(Duplicate(rejection.origin, page.origin, why, page.article.slug))
    result.rejected = rejected
    return result


def deduplicate(reads: list[Read]) -> tuple[list[Read], list[Duplicate]]:
    """One :class:`Read` per article (the latest version; a page over the feed items of its link), in the
    order their first input came, and the inputs that were not kept."""
    parent = list(range(len(reads)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, read in enumerate(reads):
        for key in _keys(read):
            if key in owner:
                a, b = find(owner[key]), find(i)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                owner[key] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(reads)):
        groups.setdefault(find(i), []).append(i)
    kept: list[Read] = []
    duplicates: list[Duplicate] = []
    for root in sorted(groups):
        members = groups[root]
        pages = [i for i in members if reads[i].article.source_format != "feed"]
        items = [i for i in members if reads[i].article.source_format == "feed"]
        candidates = pages or items
        best = max(candidates, key=lambda i: _version(reads[i], i))
        chosen = reads[best]
        if pages and items:
            from kg.read.feed import enrich

            article = chosen.article
            for i in items:
                article = enrich(article, reads[i].article)
            chosen = dataclasses.replace(
                chosen, article=article, enriched_by=tuple(reads[i].origin for i in items)
            )
        for i in members:
            if i == best:
                continue
            if pages and i in items:
                why = "a feed item whose page is in the input: the page is read, the item adds to it"
            elif _same_url(reads[i], reads[best]):
                why = "the same canonical URL; an older or equal version"
            else:
                why = "the same text; an older or equal version"
            duplicates.append(Duplicate(reads[i].origin, chosen.origin, why, reads[i].article.slug))
        kept.append(chosen)
    return kept, duplicates


def _same_url(a: Read, b: Read) -> bool:
    return bool({k for k in _keys(a) if k.startswith("url:")} & {k for k in _keys(b) if k.startswith("url:")})
