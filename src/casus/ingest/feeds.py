"""RSS/Atom feeds and (news) sitemaps: bytes already fetched into a list of article links.

feedparser never fetches here: it is handed a `BytesIO` of the body (a `str` or `bytes` could be taken for a
URL or a file name). Sitemaps are parsed with lxml with entities, DTDs and network access off; a gzipped
sitemap is inflated with a size cap. Anything that is not a feed (an HTML page served as one, broken XML
with no entries) raises InputError naming the URL and the reason.
"""

from __future__ import annotations

import io
import logging
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from casus.errors import InputError

log = logging.getLogger(__name__)

NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed


@dataclass(slots=True)
class FeedEntry:
    """An article link announced by a feed or a sitemap."""

    url: str
    title: str | None = None
    published: str | None = None  # as the feed gives it (ISO 8601 where it can be parsed)
    lang: str | None = None


@dataclass(slots=True)
class FeedListing:
    entries: list[FeedEntry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # child sitemaps of a sitemap index
    kind: str = "rss"  # rss, atom, sitemap, sitemapindex


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (b"<html" in head and b"<rss" not in head)


def _http_url(base: str, link: str | None) -> str | None:
    if not link:
        return None
    url = urljoin(base, link.strip())
    return url if urlsplit(url).scheme in ("http", "https") else None


def _short_lang(value: str | None) -> str | None:
    if not value:
        return None
    return value.strip().replace("_", "-").split("-")[0].lower() or None


def parse_feed(body: bytes, url: str) -> FeedListing:
    """RSS or Atom bytes into entries; raises InputError when the body is not a feed."""
    import feedparser

    if not body.strip():
        raise InputError(url, "empty feed")
    if _looks_like_html(body):
        raise InputError(url, "not a feed: an HTML page was served")
    parsed = feedparser.parse(io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False)
    version = parsed.get("version") or ""
    entries_raw = parsed.get("entries") or []
    if not entries_raw and (not version or parsed.get("bozo")):
        exc = parsed.get("bozo_exception")
        why = f"{type(exc).__name__}: {exc}" if exc else "no RSS or Atom root element"
        raise InputError(url, f"broken feed: {why}")
    if parsed.get("bozo"):
        log.info("%s: feed parsed leniently (%s)", url, parsed.get("bozo_exception"))
    feed_lang = _short_lang(parsed.get("feed", {}).get("language"))
    listing = FeedListing(kind="atom" if version.startswith("atom") else "rss")
    seen: set[str] = set()
    for entry in entries_raw:
        link = _http_url(url, entry.get("link") or entry.get("id"))
        if not link or link in seen:
            continue
        seen.add(link)
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            y, mo, d, h, mi, sec = stamp[:6]
            published = f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{sec:02d}Z"
        listing.entries.append(
            FeedEntry(
                url=link,
                title=entry.get("title"),
                published=published,
                lang=_short_lang(entry.get("language")) or feed_lang,
            )
        )
    return listing


def _inflate(body: bytes, url: str) -> bytes:
    if not body.startswith(b"\x1f\x8b"):
        return body
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = inflater.decompress(body, MAX_SITEMAP_BYTES + 1)
    if len(out) > MAX_SITEMAP_BYTES or inflater.unconsumed_tail:
        raise InputError(url, f"sitemap too large once decompressed (cap {MAX_SITEMAP_BYTES} bytes)")
    return out


def parse_sitemap(body: bytes, url: str) -> FeedListing:
    """A sitemap (news extension understood) or a sitemap index; raises InputError when it is neither."""
    from lxml import etree

    body = _inflate(body, url)
    if not body.strip():
        raise InputError(url, "empty sitemap")
    if _looks_like_html(body):
        raise InputError(url, "not a sitemap: an HTML page was served")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
    )
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as err:
        raise InputError(url, f"broken sitemap XML: {err}") from err
    kind = etree.QName(root).localname
    listing = FeedListing(kind=kind)
    if kind == "sitemapindex":
        for loc in root.iter("{*}loc"):
            child = _http_url(url, loc.text)
            if child:
                listing.sitemaps.append(child)
        return listing
    if kind != "urlset":
        raise InputError(url, f"not a sitemap: root element <{kind}>")
    seen: set[str] = set()
    for node in root.iterchildren("{*}url"):
        link = _http_url(url, node.findtext("{*}loc"))
        if not link or link in seen:
            continue
        seen.add(link)
        news = node.find(f"{{{NEWS_NS}}}news")
        entry = FeedEntry(url=link, published=node.findtext("{*}lastmod"))
        if news is not None:
            entry.title = news.findtext(f"{{{NEWS_NS}}}title")
            entry.published = news.findtext(f"{{{NEWS_NS}}}publication_date") or entry.published
            entry.lang = _short_lang(news.findtext(f"{{{NEWS_NS}}}publication/{{{NEWS_NS}}}language"))
        listing.entries.append(entry)
    return listing


def parse_listing(body: bytes, url: str, kind: str) -> FeedListing:
    """Dispatch on the source kind given in the sources file: "feed" or "sitemap"."""
    return parse_sitemap(body, url) if kind == "sitemap" else parse_feed(body, url)
