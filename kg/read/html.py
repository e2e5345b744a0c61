"""Read a saved web page of any news site into an :class:`~kg.model.Article`.

Metadata comes from what the page itself states first: JSON-LD, microdata and RDFa (schema.org), then
OpenGraph, then ``<meta>`` tags, and only then from the page text (htmldate for the date, trafilatura's
guesses for the author). The main text is trafilatura's, laid out block by block (headings, paragraphs,
list items, quotations, tables, figure captions and credits) into ``schema:articleBody``, which starts with
the headline as the DW reader's does.

Nothing is fetched: the page's JSON-LD is read as plain JSON (a remote ``@context`` is never resolved),
RDFa is read without vocabulary expansion, htmldate and trafilatura get a parsed tree (never a string
they could take for a URL), and image, canonical and feed URLs are only recorded.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import gzip
import html as html_lib
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from kg.errors import InputError
from kg.language import detect as _detect
from kg.model import Agent, Article, PageImage, Section, Stated, Thing
from kg.read.body import Layout, find_quotes, split_sections
from kg.read.identity import text_slug, url_slug

ARTICLE_TYPES = {
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle", "SatiricalArticle", "BlogPosting",
    "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "Report", "SocialMediaPosting",
    "DiscussionForumPosting", "MedicalScholarlyArticle", "AdvertiserContentArticle", "Review", "CriticReview",
    "Recipe", "HowTo",
}  # fmt: skip
PAGE_TYPES = {"WebPage", "ItemPage", "MedicalWebPage"}
LISTING_TYPES = {"CollectionPage", "SearchResultsPage", "ItemList", "WebSite", "ProfilePage", "AboutPage"}
ORGANIZATION_TYPES = {"Organization", "NewsMediaOrganization", "Corporation", "GovernmentOrganization",
                      "LocalBusiness", "EducationalOrganization", "NGO", "Brand"}  # fmt: skip

TRAFILATURA_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_formatting": False,
    "include_links": False,
    "favor_recall": False,
    "fast": True,
}
"""How trafilatura is asked for the main text (measured on whole sets with ``python -m bench.webpages``:
asking it for images too, or for recall, let more boilerplate into the text on every set; its second
opinion from readability and jusText, which ``fast`` skips, changed one page's score by 0.001 and took
about a sixth of the reading time). Figure captions
are read off the page's article element instead (:func:`_article_figures`)."""

MIN_WORDS = 25
"""A page whose main text has fewer words holds no article (an index page, a login wall, an error page)."""

_SCHEMA_PREFIX = re.compile(r"^(?:https?://schema\.org/|schema:)")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•:»-]{1,2}\s+|\s+::\s+")
_CREDIT = re.compile(
    r"(?:^|\s)(?:(?:Photo|Foto|Bild|Image|Picture|Credit|Quelle|Source|Fotos|Photos|Bilder)\s*:|©|\(c\)|Copyright)\s*(.+)$",
    re.IGNORECASE,
)
_CREDIT_CLASS = re.compile(r"credit|copyright|source|quelle|author|byline|photographer", re.IGNORECASE)
_ERROR_TITLE = re.compile(
    r"\b(404|410|not found|page not found|seite nicht gefunden|nicht gefunden|fehlerseite|error)\b", re.I
)
_LOGIN = re.compile(
    r"\b(log ?in|sign ?in|anmelden|einloggen|subscribe|abonnieren|registrieren|paywall)\b", re.I
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.IGNORECASE)
_BYLINE_PREFIX = re.compile(r"^\s*(?:by|von|written by|text:|autor(?:in)?:|author:)\s+", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:;|,|/|&|\band\b|\bund\b|\bvon\b\s+und|\|)\s*", re.IGNORECASE)


# --------------------------------------------------------------------------------------------- bytes


def read_html_file(path: Path, *, url: str | None = None) -> Article:
    """Read a ``.html``, ``.htm`` or ``.html.gz`` file; :class:`InputError` names the file and the reason."""
    return read_html(load_bytes(path), source=path, url=url)


def load_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped when it ends in ``.gz``; a truncated or corrupt gzip is an InputError."""
    data = path.read_bytes()
    if path.suffix.lower() == ".gz" or data[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(data)
        except (EOFError, OSError, zlib.error) as exc:
            raise InputError(f"truncated or corrupt gzip ({exc})", file=path) from None
    return data


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"\x00" in data[:1024] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return bool(_HTML_SNIFF.search(head))


def declared_charset(data: bytes, http_charset: str | None = None) -> str | None:
    """The charset the page declares: a BOM, the HTTP header, the XML declaration or a ``<meta>`` tag."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if http_charset:
        return http_charset.strip().strip("\"'")
    match = _XML_ENCODING.search(data[:200]) or _META_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii") if match else None


def decode_html(data: bytes, *, source: str | Path, http_charset: str | None = None) -> str:
    """Decode a page by its declared charset (strictly), else as UTF-8, else as Windows-1252.

    :raises InputError: the declared charset is unknown, or the bytes are not in it (a page that says
        UTF-8 and is Latin-1, or says Latin-1 and is UTF-8).
    """
    charset = declared_charset(data, http_charset)
    if charset:
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            raise InputError(f"unknown declared charset {charset!r}", file=source) from None
        if codec in ("latin-1", "iso8859-1", "ascii", "us-ascii"):
            codec = "cp1252"  # what browsers do (WHATWG encoding standard)
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"wrong declared charset: the page says {charset!r} but byte {exc.start} is not {codec}",
                file=source,
            ) from None
        if codec != "utf-8" and _is_mislabelled_utf8(data):
            raise InputError(
                f"wrong declared charset: the page says {charset!r} but its text is UTF-8", file=source
            )
        return text.lstrip("\ufeff")
    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _is_mislabelled_utf8(data: bytes) -> bool:
    """Many UTF-8 multi-byte sequences and valid UTF-8 throughout: not a single-byte charset."""
    if len(re.findall(rb"[\xc2-\xf4][\x80-\xbf]+", data)) < 3:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def parse_tree(text: str, *, source: str | Path) -> lxml.html.HtmlElement:
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"not HTML ({exc})", file=source) from None
    if tree is None or (tree.find("body") is None and tree.find("head") is None):
        raise InputError("not HTML (no head and no body)", file=source)
    return tree


# ----------------------------------------------------------------------------------- structured data


def _short(value: str) -> str:
    return _SCHEMA_PREFIX.sub("", value)


def _types(node: dict) -> set[str]:
    value = node.get("@type") or ()
    values = [value] if isinstance(value, str) else value
    return {_short(v) for v in values if isinstance(v, str)}


def _normalize(value: Any) -> Any:
    """Keys without ``schema:`` or ``https://schema.org/`` prefixes, all the way down."""
    if isinstance(value, dict):
        return {(_short(k) if isinstance(k, str) else k): _normalize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalize(v) for v in value]
    return value


def _flatten(items: Iterable[Any]) -> Iterator[dict]:
    """Every node of JSON-LD items, ``@graph`` members and nested nodes included."""
    stack = list(items)[::-1]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            for key, value in item.items():
                if key == "@context":
                    continue
                if isinstance(value, dict | list):
                    stack.append(value)


def _microdata_node(item: Any) -> Any:
    if isinstance(item, list):
        return [_microdata_node(v) for v in item]
    if not isinstance(item, dict) or "properties" not in item:
        return item
    types = item.get("type") or []
    node: dict[str, Any] = {"@type": [_short(t) for t in ([types] if isinstance(types, str) else types)]}
    if item.get("id"):
        node["@id"] = item["id"]
    for key, value in item["properties"].items():
        node[_short(key)] = _microdata_node(value)
    return node


def _rdfa_nodes(items: list[dict]) -> list[dict]:
    """extruct's RDFa output (expanded JSON-LD) as compact schema.org nodes."""
    nodes = []
    for item in items:
        node: dict[str, Any] = {}
        if "@id" in item:  # blank nodes too: other nodes refer to them (an author)
            node["@id"] = item["@id"]
        types = [_short(t) for t in item.get("@type", []) if _SCHEMA_PREFIX.match(t)]
        if types:
            node["@type"] = types
        for key, values in item.items():
            if key.startswith("@") or not _SCHEMA_PREFIX.match(key):
                continue
            converted = []
            for v in values:
                if isinstance(v, dict) and "@value" in v:
                    converted.append(v["@value"])
                elif isinstance(v, dict) and "@id" in v:
                    converted.append({"@id": v["@id"]})
            node[_short(key)] = converted[0] if len(converted) == 1 else converted
        if len(node) > 1:
            nodes.append(node)
    return nodes


@dataclass
class Structured:
    """The page's structured data, normalised to compact schema.org dictionaries."""

    nodes: list[dict] = field(default_factory=list)
    by_id: dict[str, dict] = field(default_factory=dict)
    og: dict[str, list[str]] = field(default_factory=dict)
    syntaxes: list[str] = field(default_factory=list)

    def resolve(self, value: Any) -> Any:
        if isinstance(value, dict) and set(value) <= {"@id"} and value.get("@id") in self.by_id:
            return self.by_id[value["@id"]]
        return value

    def article(self, addresses: Iterable[str] = ()) -> dict | None:
        """The node describing the article: of an article type, the one whose ``url`` or
        ``mainEntityOfPage`` is the page's address if several (a page lists related articles too), else
        the fullest; without one, the ``WebPage`` node (Yoast and others put the author there)."""
        candidates = [n for n in self.nodes if _types(n) & ARTICLE_TYPES]
        if not candidates:
            for node in self.nodes:  # a WebPage whose mainEntity is the article
                main = self.resolve(node.get("mainEntity"))
                if isinstance(main, dict) and _types(main) & ARTICLE_TYPES:
                    candidates.append(main)
        if not candidates:
            pages = [n for n in self.nodes if _types(n) & PAGE_TYPES]
            return max(pages, key=len) if pages else None
        if len(candidates) > 1:
            wanted = {_url_key(a) for a in addresses if a}
            matching = [n for n in candidates if wanted & {_url_key(u) for u in _node_urls(n, self)}]
            candidates = matching or candidates
        return max(candidates, key=lambda n: (bool(n.get("headline")), bool(n.get("articleBody")), len(n)))

    def page_types(self) -> set[str]:
        return set().union(*(_types(n) for n in self.nodes)) if self.nodes else set()

    def og_first(self, *names: str) -> str | None:
        for name in names:
            for value in self.og.get(name, ()):
                if value and value.strip():
                    return value.strip()
        return None


def _url_key(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{(parts.hostname or '').removeprefix('www.')}{parts.path.rstrip('/')}"


def _node_urls(node: dict, structured: Structured) -> list[str]:
    urls = [u for u in _as_list(node.get("url")) if isinstance(u, str)]
    main = structured.resolve(node.get("mainEntityOfPage"))
    if isinstance(main, str):
        urls.append(main)
    elif isinstance(main, dict):
        urls += [u for u in (main.get("@id"), main.get("url")) if isinstance(u, str)]
    if isinstance(node.get("@id"), str):
        urls.append(node["@id"].split("#")[0])
    return urls


def read_structured(tree: lxml.html.HtmlElement, base_url: str | None) -> Structured:
    """JSON-LD, microdata, RDFa and OpenGraph of a parsed page, through extruct's extractors."""
    from extruct.jsonld import JsonLdExtractor
    from extruct.opengraph import OpenGraphExtractor
    from extruct.w3cmicrodata import MicrodataExtractor

    found = Structured()
    try:
        jsonld = JsonLdExtractor().extract_items(tree)
    except (ValueError, TypeError):
        jsonld = []
    if jsonld:
        found.syntaxes.append("json-ld")
        found.nodes.extend(_normalize(n) for n in _flatten(jsonld))
    if tree.xpath("//*[@itemscope][1]"):
        try:
            microdata = MicrodataExtractor().extract_items(tree, base_url)
        except (ValueError, TypeError, AttributeError):
            microdata = []
        if microdata:
            found.syntaxes.append("microdata")
            found.nodes.extend(_flatten(_microdata_node(microdata)))
    has_article = any(_types(n) & ARTICLE_TYPES for n in found.nodes)
    if not has_article and tree.xpath("//*[@typeof or @vocab][1]"):  # RDFa is the slowest: last
        rdfa = _read_rdfa(tree, base_url)
        if rdfa:
            found.syntaxes.append("rdfa")
            found.nodes.extend(rdfa)
    for item in OpenGraphExtractor().extract_items(tree):
        found.syntaxes.append("opengraph")
        for key, value in item["properties"]:
            found.og.setdefault(key.lower(), []).append(value)
    for node in found.nodes:
        if isinstance(node.get("@id"), str) and len(node) > 1:
            found.by_id.setdefault(node["@id"], node)
    return found


def _read_rdfa(tree: lxml.html.HtmlElement, base_url: str | None) -> list[dict]:
    """RDFa with pyRdfa, vocabulary expansion and caching off (so no vocabulary is ever fetched)."""
    from extruct.rdfa import RDFaExtractor

    try:
        document = lxml.html.document_fromstring(lxml.html.tostring(tree, encoding="unicode"))
        from extruct.utils import parse_xmldom_html

        dom = parse_xmldom_html(lxml.html.tostring(document, encoding="utf-8"), encoding="utf-8")
        return _rdfa_nodes(RDFaExtractor().extract_items(dom, base_url=base_url or ""))
    except Exception:
        return []


def detect_language(text: str) -> tuple[str | None, float]:
    """The language of a page's text, and how sure: :mod:`kg.language`, the extractor's detector too."""
    guess = _detect(text)
    return guess.code, guess.probability


# --------------------------------------------------------------------------------------- values


def clean_text(value: Any) -> str:
    """A JSON-LD or meta value as plain text: entities decoded, tags dropped, whitespace collapsed."""
    if isinstance(value, list):
        value = next((v for v in value if clean_text(v)), "")
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name") or value.get("text") or ""
    if not isinstance(value, str | int | float):
        return ""
    text = html_lib.unescape(html_lib.unescape(str(value)))
    if "<" in text and ">" in text:
        text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(text.split())


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _is_url(text: str) -> bool:
    return bool(re.match(r"^(https?:)?//|^www\.", text.strip()))


EARLIEST_PUBLICATION = dt.date(1990, 1, 1)
"""Pages carry placeholder and zero-timestamp dates (0001-01-01, 1970-01-01): a date before this one, or
more than two days ahead, is not taken for the day a page was published."""


def plausible_publication(day: dt.date) -> bool:
    return EARLIEST_PUBLICATION <= day <= dt.date.today() + dt.timedelta(days=2)


def parse_datetime(value: Any, plausible: bool = True) -> dt.datetime | dt.date | None:
    """An ISO 8601 (or close) date or date-time; ``None`` when it is no date, or (``plausible``) no
    plausible day of publication."""
    text = clean_text(value)
    if not text:
        return None
    text = text.strip()
    candidate = re.sub(r"(\d{2}:\d{2}(?::\d{2})?)(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$", r"\1\3", text)
    candidate = candidate.replace("Z", "+00:00")
    candidate = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", candidate)
    parsed: dt.datetime | dt.date | None = None
    for attempt in (candidate, candidate.replace(" ", "T", 1)):
        try:
            parsed = dt.datetime.fromisoformat(attempt)
            break
        except ValueError:
            continue
    if parsed is None:
        match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
        if match:
            try:
                parsed = dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                return None
        else:
            try:
                from dateutil import parser as date_parser

                parsed = date_parser.parse(text, fuzzy=False)
            except (ValueError, OverflowError, ImportError):
                return None
    day = parsed.date() if isinstance(parsed, dt.datetime) else parsed
    if plausible and not plausible_publication(day):
        return None
    midnight = isinstance(parsed, dt.datetime) and (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0)
    if midnight and parsed.tzinfo is None:
        return day
    return parsed


def _agent(value: Any, structured: Structured, default_kind: str = "Person") -> Agent | None:
    value = structured.resolve(value)
    if isinstance(value, str):
        name = clean_text(value)
        if not name or _is_url(name):
            return None
        return Agent(name, default_kind)
    if not isinstance(value, dict):
        return None
    name = clean_text(value.get("name")) or " ".join(
        clean_text(value.get(k)) for k in ("givenName", "familyName") if clean_text(value.get(k))
    )
    if not name or _is_url(name):
        return None
    kind = "Organization" if _types(value) & ORGANIZATION_TYPES else "Person"
    url = value.get("url") if isinstance(value.get("url"), str) else None
    same_as = tuple(v for v in _as_list(value.get("sameAs")) if isinstance(v, str))
    return Agent(name, kind, url, same_as)


def _things(value: Any, structured: Structured) -> tuple[Thing, ...]:
    things = []
    for item in _as_list(value):
        item = structured.resolve(item)
        if isinstance(item, str):
            name = clean_text(item)
            if name:
                things.append(Thing(name))
        elif isinstance(item, dict):
            name = clean_text(item.get("name")) or clean_text(item.get("alternateName"))
            ident = item.get("url") or item.get("@id")
            ident = None if not isinstance(ident, str) or ident.startswith("_:") else ident
            if not name and not ident:
                continue
            types = sorted(_types(item))
            same_as = tuple(v for v in _as_list(item.get("sameAs")) if isinstance(v, str))
            things.append(Thing(name or str(ident), types[0] if types else None, ident, same_as))
    return tuple(things)


def _keywords(value: Any) -> list[str]:
    words: list[str] = []
    for item in _as_list(value):
        text = clean_text(item)
        if not text:
            continue
        words.extend(w.strip() for w in re.split(r"[,;]", text) if w.strip())
    return words


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(value.casefold(), value)
    return tuple(seen.values())


# ----------------------------------------------------------------------------------- the reader


@dataclass
class _Page:
    tree: lxml.html.HtmlElement
    structured: Structured
    article: dict
    url: str | None
    metas: dict[str, list[str]] | None = None

    def meta(self, *names: str) -> str | None:
        """The first non-empty ``content`` of a ``<meta>`` named (``name``, ``property``, ``itemprop``)."""
        if self.metas is None:
            self.metas = {}
            for el in self.tree.iter("meta"):
                content = el.get("content")
                if not content:
                    continue
                for attr in ("name", "property", "itemprop"):
                    key = (el.get(attr) or "").strip().lower()
                    if key:
                        self.metas.setdefault(key, []).append(content)
        for name in names:
            for content in self.metas.get(name.lower(), ()):
                text = clean_text(content)
                if text:
                    return text
        return None


def read_html(
    data: bytes | str,
    *,
    source: str | Path = "<html>",
    url: str | None = None,
    crawled: dt.datetime | None = None,
    http_charset: str | None = None,
    source_format: str = "html",
) -> Article:
    """Read one page into an :class:`Article`.

    :param url: the address the page was saved from (a WARC record's target URI), if known.
    :param crawled: when a crawler fetched it.
    :raises InputError: naming ``source`` and why the page is not read (not HTML, a wrong declared charset,
        no article in it, no publication date).
    """
    if isinstance(data, bytes):
        if not looks_like_html(data):
            raise InputError("not HTML", file=source)
        text = decode_html(data, source=source, http_charset=http_charset)
    else:
        text = data
    tree = parse_tree(text, source=source)
    base = _base_url(tree, url)
    structured = read_structured(tree, base)
    addresses = [
        tree.xpath("string(//link[@rel='canonical'][1]/@href)").strip(),
        structured.og_first("og:url") or "",
        url or "",
    ]
    article_node = structured.article(addresses) or {}
    page = _Page(tree, structured, article_node, url)
    return _Reader(page, source, crawled, source_format).run()


def _base_url(tree: lxml.html.HtmlElement, url: str | None) -> str | None:
    href = tree.xpath("string(//head/base/@href)").strip()
    if href and (url or _is_url(href)):
        return urljoin(url or "", href)
    return url


class _Reader:
    def __init__(
        self, page: _Page, source: str | Path, crawled: dt.datetime | None, source_format: str
    ) -> None:
        self.page, self.source, self.crawled, self.source_format = page, source, crawled, source_format
        self.s = page.structured
        self.a = page.article

    # -- metadata --------------------------------------------------------------------------------

    def canonical(self) -> str | None:
        given = self.page.url
        base = _base_url(self.page.tree, given)
        candidates = [
            self.page.tree.xpath("string(//link[@rel='canonical'][1]/@href)").strip(),
            self.s.og_first("og:url") or "",
            *[v for v in _as_list(self.a.get("url")) if isinstance(v, str)],
        ]
        main = self.s.resolve(self.a.get("mainEntityOfPage"))
        if isinstance(main, dict):
            candidates.append(str(main.get("@id") or main.get("url") or ""))
        elif isinstance(main, str):
            candidates.append(main)
        for candidate in candidates:
            if not candidate:
                continue
            absolute = urljoin(base or "", candidate) if base else candidate
            parts = urlsplit(absolute)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                continue
            if parts.path.strip("/") == "" and given and urlsplit(given).path.strip("/"):
                continue  # a canonical that points at the home page is a template's mistake
            return absolute
        return given

    def headline(self, site_names: list[str]) -> str:
        structured = clean_text(self.a.get("headline")) or clean_text(self.a.get("name"))
        og_title = self.s.og_first("og:title") or self.page.meta("twitter:title") or ""
        title = clean_text(self.page.tree.xpath("string(//title[1])"))
        h1s = [_h1_text(h) for h in self.page.tree.xpath("//h1")]
        h1s = [h for h in h1s if 2 <= len(h) <= 300]
        references = [_fold(t) for t in (structured, og_title, title) if t]
        sites = {_fold(n) for n in site_names}
        for h1 in h1s:  # the page's own heading, when its metadata agrees (kicker and site name left out)
            folded = _fold(h1)
            if len(h1.split()) < 3 or folded in sites:
                continue
            # contained in a title of the metadata and at least half of it: not a kicker or a section name
            if any(
                folded in ref and 2 * len(folded) >= len(_strip_site(ref, site_names)) for ref in references
            ):
                return h1
        shown = [
            _h1_text(h)
            for h in self.page.tree.xpath("//article//h1 | //*[@itemprop='articleBody']//h1 | //main//h1")
        ]
        shown = [h for h in shown if len(h.split()) >= 4 and _fold(h) not in sites]
        if (
            len(set(shown)) == 1
        ):  # the one headline the article shows, whatever its metadata's (SEO) title says
            return shown[0]
        if structured and not _is_truncated(structured):
            return _strip_site(structured, site_names)
        for candidate in (og_title, title):
            if candidate:
                return _strip_site(clean_text(candidate), site_names)
        if h1s:
            return h1s[0]
        return structured

    def site_names(self, publisher: Agent | None) -> list[str]:
        names = [self.s.og_first("og:site_name") or "", self.page.meta("application-name") or ""]
        if publisher:
            names.append(publisher.name)
        host = urlsplit(self.page.url or "").hostname or ""
        if host:
            names.append(host.removeprefix("www."))
            names.append(host.removeprefix("www.").split(".")[0])
        return [n for n in names if n]

    def publisher(self) -> Agent | None:
        for value in _as_list(self.a.get("publisher")) + _as_list(self.a.get("sourceOrganization")):
            agent = _agent(value, self.s, "Organization")
            if agent:
                return Agent(agent.name, "Organization", agent.url, agent.same_as)
        for node in self.s.nodes:
            if _types(node) & {"NewsMediaOrganization"}:
                agent = _agent(node, self.s, "Organization")
                if agent:
                    return agent
        name = self.s.og_first("og:site_name") or self.page.meta("publisher", "dc.publisher")
        return Agent(name, "Organization") if name else None

    def creators(self, site_names: list[str]) -> tuple[Agent, ...]:
        agents: list[Agent] = []
        for value in _as_list(self.a.get("author")) + _as_list(self.a.get("creator")):
            agent = _agent(value, self.s)
            if agent and agent.name not in {a.name for a in agents}:
                agents.append(agent)
        sites = {_fold(n).replace(" ", "") for n in site_names}

        def is_site(agent: Agent) -> bool:
            folded = _fold(agent.name).replace(" ", "")
            return any(folded == s or (len(s) > 3 and s in folded) for s in sites)

        if agents and not all(a.kind == "Organization" or is_site(a) for a in agents):
            return tuple(_split_agents(agents))
        stated = agents  # only the publisher or an organisation: a person's byline in the page comes first
        for name in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                     "dcterms.creator", "byl", "twitter:creator"):  # fmt: skip
            value = self.page.meta(name)
            if value and not _is_url(value) and not value.startswith("@"):
                found_agents = _split_agents([Agent(value)])
                if not all(is_site(a) for a in found_agents) or not stated:
                    return tuple(found_agents)
        from trafilatura.metadata import examine_meta, extract_author

        found = examine_meta(self.page.tree).author  # trafilatura's reading of the meta tags
        if not found or " " not in found:
            found = extract_author(self.page.tree)  # a byline in the page text
        if found:
            found_agents = _split_agents([Agent(name) for name in found.split(";") if name.strip()])
            if not stated or not all(is_site(a) for a in found_agents):
                return tuple(found_agents)
        return tuple(_split_agents(stated))

    def dates(self) -> tuple[dt.datetime | dt.date | None, dt.datetime | dt.date | None]:
        published = parse_datetime(self.a.get("datePublished")) or parse_datetime(self.a.get("dateCreated"))
        if published is None:
            for name in ("article:published_time", "og:published_time", "datepublished", "pubdate",
                         "publishdate", "date", "dc.date", "dc.date.issued", "dcterms.date", "sailthru.date",
                         "parsely-pub-date", "article.published"):  # fmt: skip
                value = self.s.og_first(name) or self.page.meta(name)
                published = parse_datetime(value) if value else None
                if published:
                    break
        if published is None:
            published = self.htmldate()
        modified = parse_datetime(self.a.get("dateModified")) or parse_datetime(
            self.s.og_first("article:modified_time", "og:updated_time") or self.page.meta("dateModified")
        )
        return published, modified

    def local_day(self, published: dt.datetime | dt.date, modified: dt.date | None = None) -> dt.date:
        """The day of publication where the publisher is. A time in UTC does not say which day that was
        for a publisher west or east of Greenwich; the date the page shows does, so it decides when it is
        within a day of the UTC one, unless that date is the day of the modification (then the page shows
        when it was changed, not another time zone's day of publication)."""
        if not isinstance(published, dt.datetime):
            return published
        day = published.date()
        if published.utcoffset() == dt.timedelta(0):
            shown = self.htmldate()
            if shown is not None and abs((shown - day).days) == 1 and shown != modified:
                return shown
        return day

    def shown_day(self, headline: str) -> dt.date | None:
        """The one day the article's header shows its readers: in the elements after the headline's
        ``<h1>`` whose class, id or itemprop names a date, time or byline, written with the month's name
        ("Monday, 6 January 2020", "Updated May 06, 2019", "6. Januar 2020"); None when none or several
        different days are shown (a numeric "12/10/2020" is ambiguous and not read)."""
        h1s = self.page.tree.xpath("//h1")
        wanted = _fold(headline)
        h1 = next((h for h in h1s if _fold(_h1_text(h)) == wanted), None)
        if h1 is None:
            h1 = next((h for h in h1s if wanted and _fold(_h1_text(h)) in wanted), None)
        if h1 is None:
            return None
        days: set[dt.date] = set()
        for el in h1.xpath(f"following::*[position() <= {SHOWN_DATE_WINDOW}]"):
            marks = " ".join(el.get(a, "") for a in ("class", "id", "itemprop"))
            if not _DATE_CLASS.search(marks):
                continue
            text = clean_text(el.text_content())
            if len(text) > 120:
                continue
            days.update(_written_days(text))
        return days.pop() if len(days) == 1 else None

    def htmldate(self) -> dt.date | None:
        from htmldate import find_date

        try:
            found = find_date(
                self.page.tree, original_date=True, extensive_search=True, url=self.page.url or None
            )
        except (ValueError, TypeError):
            return None
        value = parse_datetime(found) if found else None
        return value.date() if isinstance(value, dt.datetime) else value

    def language(self, body: str) -> tuple[str, str]:
        declared = (
            self.page.tree.get("lang")
            or self.page.tree.get("{http://www.w3.org/XML/1998/namespace}lang")
            or ""
        )
        source = "declared"
        if not declared:
            declared = clean_text(self.a.get("inLanguage")) or ""
            source = "structured"
        if not declared:
            declared = self.s.og_first("og:locale") or self.page.meta("content-language", "language") or ""
            source = "declared"
        code = re.split(r"[-_]", declared.strip().lower())[0] if declared.strip() else ""
        detected, confidence = detect_language(body)
        if not re.fullmatch(r"[a-z]{2,3}", code):
            return (detected or "und"), "detected"
        if detected and detected != code and confidence > 0.99 and len(body) > 400:
            return detected, "detected"  # a template's lang attribute the text contradicts
        return code, source

    # -- body --------------------------------------------------------------------------------------

    def run(self) -> Article:
        import trafilatura

        publisher = self.publisher()
        sites = self.site_names(publisher)
        canonical = self.canonical()
        host = urlsplit(canonical or "").hostname
        if publisher is None and host:  # the site itself, named by its host, when the page names no one
            publisher = Agent(host.removeprefix("www."), "Organization", f"https://{host}/")
        headline = self.headline(sites)
        published, modified = self.dates()  # htmldate reads the tree before trafilatura prunes a copy
        document = trafilatura.bare_extraction(
            self.page.tree, url=canonical, with_metadata=False, **TRAFILATURA_OPTIONS
        )
        elements = list(document.body) if document is not None and document.body is not None else []
        layout = _Layout()
        if not headline:
            raise InputError("no article: the page has no headline or title", file=self.source)
        layout.add("headline", headline)
        figures = _figures(self.page.tree)
        description = (
            clean_text(self.a.get("description"))
            or self.s.og_first("og:description")
            or self.page.meta("description", "twitter:description")
            or ""
        )
        skip_head = True  # until the first paragraph
        for element in elements:
            tag = element.tag
            if tag == "head":
                text = _element_text(element)
                if skip_head and _fold(headline) in _fold(text):  # the page's own h1 (with a kicker)
                    skip_head = False
                    continue
                if text:
                    layout.add("heading", text)
            elif tag == "list":
                for item in element.iter("item"):
                    text = _element_text(item)
                    if text:
                        layout.add("list-item", text)
            elif tag == "graphic":
                layout.figure(element, figures)
            elif tag == "quote":
                text = _element_text(element)
                if text:
                    layout.add("quote", text)
            elif tag == "table":
                rows = [
                    " | ".join(_element_text(c) for c in row if _element_text(c))
                    for row in element.iter("row")
                ]
                text = "\n".join(r for r in rows if r)
                if text:
                    layout.add("table", text)
            else:
                text = _element_text(element)
                if text and _fold(text) != _fold(headline):
                    kind = "paragraph"
                    if not layout.has_text() and description and _fold(text) == _fold(description):
                        kind = "lede"
                    layout.add(kind, text)
            tail = "\n".join(" ".join(t.split()) for t in (element.tail or "").split("\n") if t.strip())
            if tail:  # text trafilatura left between two elements
                layout.add("paragraph", tail)
            skip_head = skip_head and tag == "head"
        for src, caption, credit, alt in _article_figures(self.page.tree):
            layout.figure_caption(src, caption, credit, alt)
        body = layout.body()
        words = layout.words(body)
        structured_body = _structured_body(self.a.get("articleBody"))
        if structured_body and _covers(structured_body, body, words):
            layout = _Layout()
            layout.add("headline", headline)
            for paragraph in structured_body:
                layout.add("paragraph", paragraph)
            body = layout.body()
            words = layout.words(body)
        if words < MIN_WORDS:
            raise InputError(self.no_article_reason(words), file=self.source)
        if self.is_index(layout, body):
            types = sorted(self.s.page_types() & LISTING_TYPES)
            what = f" ({', '.join(types)})" if types else ": short linked items, no paragraph of text"
            raise InputError(f"no article: an index page{what}", file=self.source)
        if published is None:
            if self.crawled is not None:  # the crawl day stands in (``published`` stays None: not stated)
                published = self.crawled.date()
            else:
                raise InputError("no publication date (structured data, meta tags or text)", file=self.source)
        modified_day = modified.date() if isinstance(modified, dt.datetime) else modified
        published_day = self.local_day(published, modified_day)
        shown = self.shown_day(headline)
        if shown is not None and modified_day is not None and published_day < shown <= modified_day:
            published_day = shown  # the version the page presents (see ``shown_day``)
            published = shown  # a day: the structured time of day belongs to another version
        both = isinstance(modified, dt.datetime) and isinstance(published, dt.datetime)
        if (modified_day is not None and modified_day < published_day) or (
            both and modified.isoformat()[:10] < published.isoformat()[:10]  # type: ignore[union-attr]
        ):
            modified, modified_day = None, None  # a modification before the publication is no modification
        language, language_source = self.language(body)
        creators = self.creators(sites)
        keywords = _unique(
            _keywords(self.a.get("keywords"))
            or [v for v in self.s.og.get("article:tag", []) if v.strip()]
            or _keywords(self.page.meta("news_keywords", "keywords"))
        )
        section = (
            clean_text(self.a.get("articleSection"))
            or self.s.og_first("article:section")
            or self.page.meta("section", "article:section")
            or None
        )
        stated = Stated(
            about=_things(self.a.get("about"), self.s),
            mentions=_things(self.a.get("mentions"), self.s),
            keywords=tuple(_unique(_keywords(self.a.get("keywords")))),
            syntaxes=tuple(dict.fromkeys(self.s.syntaxes)),
        )
        slug = url_slug(canonical) if canonical else text_slug(headline, body)
        original = self.page.url if self.page.url and self.page.url != canonical else None
        return Article(
            slug=slug,
            headline=headline,
            description=description or layout.first_paragraph(body),
            body=body,
            date_published=published_day,
            date_modified=modified_day,
            language=language,
            word_count=words,
            blocks=tuple(layout.blocks),
            sections=layout.sections(),
            quotes=tuple(find_quotes(body)),
            url=canonical,
            original_url=original,
            published=published if isinstance(published, dt.datetime) else None,
            modified=modified if isinstance(modified, dt.datetime) else None,
            publisher=publisher,
            creators=creators,
            section=section,
            keywords=keywords,
            page_images=self.images(layout.images),
            stated=stated,
            crawled=self.crawled,
            source_format=self.source_format,
            language_source=language_source,
        )

    def images(self, in_body: list[PageImage]) -> tuple[PageImage, ...]:
        images = list(in_body)
        seen = {i.url for i in images if i.url}
        for value in _as_list(self.a.get("image")) + _as_list(self.a.get("associatedMedia")):
            value = self.s.resolve(value)
            if isinstance(value, str):
                image = PageImage(url=value)
            elif isinstance(value, dict):
                address = value.get("contentUrl") or value.get("url") or value.get("@id")
                address = address if isinstance(address, str) else None
                credit = clean_text(value.get("creditText")) or clean_text(value.get("copyrightHolder"))
                creator = _agent(value.get("author") or value.get("creator"), self.s)
                image = PageImage(
                    url=address,
                    caption=clean_text(value.get("caption")) or clean_text(value.get("description")),
                    credit=credit,
                    creator=creator,
                )
            else:
                continue
            if image.url and image.url in seen:
                continue
            seen.add(image.url)
            images.append(image)
        for address in self.s.og.get("og:image", []) + self.s.og.get("og:image:url", []):
            if address and address not in seen:
                seen.add(address)
                images.append(PageImage(url=address, alt=self.s.og_first("og:image:alt")))
        return tuple(images)

    def is_index(self, layout: _Layout, body: str) -> bool:
        """A listing, not an article: it says so (CollectionPage, ...) and names no article, or it has no
        structured article and its text is short items only (teasers), none a paragraph."""
        types = self.s.page_types()
        if types & ARTICLE_TYPES or (self.s.og_first("og:type") or "").lower() == "article":
            return False
        if types & LISTING_TYPES and not types & PAGE_TYPES:
            return True
        texts = [b.span.text(body) for b in layout.blocks if b.kind in ("paragraph", "list-item", "lede")]
        longest = max((len(_WORD.findall(t)) for t in texts), default=0)
        return longest < 20

    def no_article_reason(self, words: int) -> str:
        title = clean_text(self.page.tree.xpath("string(//title[1])"))
        types = self.s.page_types()
        if _ERROR_TITLE.search(title):
            return f"no article: an error page ({title!r})"
        if self.page.tree.xpath("//input[@type='password']") or (
            _LOGIN.search(title) and not types & ARTICLE_TYPES
        ):
            return f"no article: a login wall ({words} words of text)"
        if types & LISTING_TYPES and not types & ARTICLE_TYPES:
            return f"no article: an index page ({', '.join(sorted(types & LISTING_TYPES))})"
        return f"no article: {words} words of main text (an index page, login wall or error page?)"


SHOWN_DATE_WINDOW = 60
"""How many elements after the headline's ``<h1>`` are searched for the date the page shows."""

_DATE_CLASS = re.compile(r"date|time|stamp|publish|updated|byline|dateline", re.IGNORECASE)
_MONTHS = {
    **{m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                   "september", "october", "november", "december"), 1)},
    **{m: i for i, m in enumerate(("januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
                                   "september", "oktober", "november", "dezember"), 1)},
    "jänner": 1, "sept": 9,
}  # fmt: skip
_MONTH = r"([A-Za-zä]{3,9})\.?"
_WRITTEN_DATE = re.compile(
    rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b|\b(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+{_MONTH}\s+(\d{{4}})\b"
)


def _month(name: str) -> int | None:
    name = name.casefold()
    if name in _MONTHS:
        return _MONTHS[name]
    matches = {n for m, n in _MONTHS.items() if len(name) >= 3 and m.startswith(name)}
    return matches.pop() if len(matches) == 1 else None


def _written_days(text: str) -> set[dt.date]:
    """The days written with the month's name in ``text`` (English and German forms)."""
    days = set()
    for match in _WRITTEN_DATE.finditer(text):
        month_name, day, year = (
            (match.group(1), match.group(2), match.group(3))
            if match.group(1)
            else (match.group(5), match.group(4), match.group(6))
        )
        month = _month(month_name)
        if month is None:
            continue
        try:
            days.add(dt.date(int(year), month, int(day)))
        except ValueError:
            continue
    return days


STRUCTURED_BODY_RATIO = 1.5
"""The publisher's ``articleBody`` replaces the extracted text when it has this many times its words or
more and holds nearly all of them (trafilatura lost part of the text; the structured body is the whole)."""


def _structured_body(value: Any) -> list[str]:
    """The paragraphs of a structured ``articleBody`` (one string, paragraphs at line breaks)."""
    if isinstance(value, list):
        value = max((v for v in value if isinstance(v, str)), key=len, default="")
    if not isinstance(value, str) or not value.strip():
        return []
    text = html_lib.unescape(value)
    text = re.sub(r"<\s*(br|/p|/h[1-6]|/li|/div)\s*/?>", "\n", text, flags=re.I)
    text = re.sub(r"<[^>]+>", " ", text)
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _covers(paragraphs: list[str], body: str, words: int) -> bool:
    theirs = Counter(w.casefold() for p in paragraphs for w in _WORD.findall(p))
    ours = Counter(w.casefold() for w in _WORD.findall(body))
    if sum(theirs.values()) < STRUCTURED_BODY_RATIO * max(words, 1):
        return False
    return sum((theirs & ours).values()) >= 0.8 * sum(ours.values())


_KICKER = re.compile(
    r"kicker|dachzeile|topline|overline|roofline|supertitle|super-title|eyebrow|spitzmarke|flag|label|rubric"
    r"|category|visually-hidden|sr-only|screen-reader|colon|separator|subline",
    re.IGNORECASE,
)
_TITLE_PART = re.compile(r"headline|title", re.IGNORECASE)


def _h1_text(h1: lxml.html.HtmlElement) -> str:
    """An ``<h1>``'s headline: without a kicker or a hidden separator the page puts inside it."""
    parts = [
        el
        for el in h1.iterdescendants()
        if isinstance(el.tag, str)
        and _TITLE_PART.search(el.get("class", ""))
        and not _KICKER.search(el.get("class", ""))
    ]
    if parts and len(clean_text(parts[0].text_content()).split()) >= 2:
        return clean_text(parts[0].text_content())
    kickers = [
        el
        for el in h1.iterdescendants()
        if isinstance(el.tag, str) and _KICKER.search(f"{el.get('class', '')} {el.get('itemprop', '')}")
    ]
    if not kickers:
        return clean_text(h1.text_content())
    skip = set()
    for el in kickers:
        skip.update(el.iter())
    pieces: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        if node in skip:
            if node.tail:
                pieces.append(node.tail)
            return
        if node.text:
            pieces.append(node.text)
        for child in node:
            walk(child)
        if node is not h1 and node.tail:
            pieces.append(node.tail)

    walk(h1)
    text = clean_text(" ".join(pieces))
    return text.lstrip(":–—-| ").strip() or clean_text(h1.text_content())


def _is_truncated(headline: str) -> bool:
    return headline.endswith(("...", "…")) and len(headline) > 60


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold().strip(" .:")


def _strip_site(title: str, site_names: list[str]) -> str:
    """A title without the site's name before or after it ("Headline | Site", "Site - Headline")."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    sites = {_fold(n) for n in site_names}
    sites |= {s.replace(" ", "") for s in sites}

    def is_site(part: str) -> bool:
        folded = _fold(part)
        return (
            folded in sites
            or folded.replace(" ", "") in sites
            or any(
                s and (s in folded.replace(" ", "") or folded.replace(" ", "") in s) and len(folded) > 2
                for s in sites
            )
        )

    while len(parts) > 1 and is_site(parts[-1]):
        parts = parts[:-1]
    while len(parts) > 1 and is_site(parts[0]):
        parts = parts[1:]
    if len(parts) == len(_TITLE_SEPARATORS.split(title)):
        return title
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else title


def _split_agents(agents: list[Agent]) -> list[Agent]:
    """Split "A, B and C" into three names (a single agent with several names in its name)."""
    out: list[Agent] = []
    for agent in agents:
        name = _BYLINE_PREFIX.sub("", agent.name)
        names = [n.strip() for n in _NAME_SPLIT.split(name) if n and n.strip()]
        if agent.kind == "Person" and len(names) > 1:
            out.extend(Agent(n, "Person") for n in names)
        else:
            out.append(dataclasses.replace(agent, name=name.strip()) if name.strip() else agent)
    unique: dict[str, Agent] = {}
    for agent in out:
        unique.setdefault(agent.name.casefold(), agent)
    return list(unique.values())


def _element_text(element: etree._Element) -> str:
    """The element's text, a line break where trafilatura marks one (``<lb/>``), spaces collapsed."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _figures(tree: lxml.html.HtmlElement) -> dict[str, tuple[str, str]]:
    """Caption and credit of each figure image in the page, by image address (``src`` and ``data-src``)."""
    figures: dict[str, tuple[str, str]] = {}
    for figure in tree.xpath("descendant-or-self::figure[.//img]"):
        captions = figure.xpath(".//figcaption")
        if not captions:
            continue
        caption_el = captions[0]
        credit = ""
        for el in caption_el.xpath(".//*[@class]"):
            if _CREDIT_CLASS.search(el.get("class", "")):
                credit = clean_text(el.text_content())
                break
        caption = clean_text(caption_el.text_content())
        if credit and caption.endswith(credit):
            caption = caption[: -len(credit)].strip()
        elif not credit and (match := _CREDIT.search(caption)):
            credit = match.group(0).strip()
            caption = caption[: match.start()].strip()
        for img in figure.xpath(".//img"):
            for attr in ("src", "data-src", "data-original", "data-lazy-src"):
                if img.get(attr):
                    figures.setdefault(img.get(attr).strip(), (caption, credit))
    return figures


def _article_figures(tree: lxml.html.HtmlElement) -> list[tuple[str | None, str, str, str | None]]:
    """Captioned figures of the page's article element (``itemprop=articleBody`` or ``<article>``), in
    page order: image address, caption, credit, alt text. None when the page marks no article element
    (the figures of a whole page are mostly teasers)."""
    containers = tree.xpath("//*[@itemprop='articleBody']") or tree.xpath("//article")
    if not containers:
        return []
    container = max(containers, key=lambda el: len(el.text_content()))
    figures = []
    for figure in container.xpath(".//figure[.//img and .//figcaption]"):
        captions = _figures(figure)
        img = figure.xpath(".//img")[0]
        src = next((img.get(a).strip() for a in ("src", "data-src", "data-original") if img.get(a)), None)
        caption, credit = (
            captions.get(src or "", ("", "")) if src else next(iter(captions.values()), ("", ""))
        )
        if caption or credit:
            figures.append((src, caption, credit, clean_text(img.get("alt")) or None))
    return figures


class _Layout(Layout):
    """A page's body laid out block by block, with its figures."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[PageImage] = []

    def has_text(self) -> bool:
        return any(b.kind in ("paragraph", "lede") for b in self.blocks)

    def figure(self, element: etree._Element, figures: dict[str, tuple[str, str]]) -> None:
        src = (element.get("src") or "").strip()
        alt = clean_text(element.get("alt")) or None
        caption, credit = figures.get(src, ("", ""))
        if not caption:
            caption = clean_text(element.get("title"))
        caption_span = self.add("caption", caption) if caption else None
        if credit:
            self.add("credit", credit)
        self.images.append(PageImage(url=src or None, caption=caption, credit=credit, alt=alt,
                                     caption_span=caption_span))  # fmt: skip

    def figure_caption(self, src: str | None, caption: str, credit: str, alt: str | None) -> None:
        if any(image.url == src for image in self.images if src):
            return
        caption_span = self.add("caption", caption) if caption else None
        if credit:
            self.add("credit", credit)
        label = _CREDIT.search(credit)
        name = label.group(1).strip() if label and label.start() == 0 else credit
        self.images.append(
            PageImage(url=src, caption=caption, credit=name, alt=alt, caption_span=caption_span)
        )

    def words(self, body: str) -> int:
        return sum(
            len(_WORD.findall(b.span.text(body)))
            for b in self.blocks
            if b.kind in ("lede", "heading", "paragraph", "list-item", "quote", "table")
        )

    def first_paragraph(self, body: str) -> str:
        return next((b.span.text(body) for b in self.blocks if b.kind in ("lede", "paragraph")), "")

    def sections(self) -> tuple[Section, ...]:
        ends = [b.span.end for b in self.blocks if b.kind not in ("caption", "credit", "headline")]
        end_of_text = max(ends, default=0)
        return split_sections(self.headings, end_of_text)
