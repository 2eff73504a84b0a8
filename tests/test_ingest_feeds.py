"""RSS, Atom and news sitemaps parsed from bytes (never fetched by the parser)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from casus.errors import InputError
from casus.ingest.feeds import parse_feed, parse_listing, parse_sitemap

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "watch"
BASE = "https://wire.example.org"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes().replace(b"{base}", BASE.encode())


def test_ingest_feeds_rss_items_with_relative_links_and_language():
    listing = parse_feed(fixture("world.rss"), BASE + "/feeds/world.rss")
    urls = [e.url for e in listing.entries]
    assert urls == [
        f"{BASE}/news/it-1.html",
        f"{BASE}/news/en-1.html",
        f"{BASE}/news/fr-1.html",  # relative <link> resolved against the feed URL
        f"{BASE}/news/pt-latin1.html",
    ]
    first = listing.entries[0]
    assert first.lang == "it" and first.published == "2026-11-18T09:30:00Z"
    assert first.title == "Roma e Parigi firmano un accordo"


def test_ingest_feeds_atom_entries():
    listing = parse_feed(fixture("europe.atom"), BASE + "/feeds/europe.atom")
    assert listing.kind == "atom"
    assert [e.url for e in listing.entries] == [f"{BASE}/news/de-1.html", f"{BASE}/news/it-1.html"]
    assert listing.entries[0].lang == "de"


def test_ingest_feeds_news_sitemap_and_gzip():
    listing = parse_sitemap(fixture("news-sitemap.xml"), BASE + "/sitemap.xml")
    entry = listing.entries[0]
    assert entry.url == f"{BASE}/news/es-1.html" and entry.lang == "es"
    assert entry.title == "Colombia y Venezuela reanudan el diálogo fronterizo"
    assert entry.published == "2026-11-16T08:00:00Z"
    zipped = parse_listing(gzip.compress(fixture("news-sitemap.xml")), BASE + "/sitemap.xml.gz", "sitemap")
    assert [e.url for e in zipped.entries] == [entry.url]


def test_ingest_feeds_sitemap_index_lists_children():
    body = (
        b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>/news/2026-11.xml</loc></sitemap>"
        b"<sitemap><loc>ftp://elsewhere/x.xml</loc></sitemap></sitemapindex>"
    )
    listing = parse_sitemap(body, BASE + "/index.xml")
    assert listing.kind == "sitemapindex" and listing.sitemaps == [f"{BASE}/news/2026-11.xml"]


@pytest.mark.parametrize(
    ("name", "why"),
    [("broken.rss", "broken feed"), ("not-a-feed.html", "HTML page was served")],
)
def test_ingest_feeds_rejects_broken_and_html(name, why):
    with pytest.raises(InputError, match=why):
        parse_feed(fixture(name), BASE + "/" + name)


def test_ingest_feeds_sitemap_rejects_html_and_broken_xml():
    with pytest.raises(InputError, match="HTML page"):
        parse_sitemap(fixture("not-a-feed.html"), BASE + "/s.xml")
    with pytest.raises(InputError, match="broken sitemap XML"):
        parse_sitemap(b"<urlset><url><loc>x</loc>", BASE + "/s.xml")
    with pytest.raises(InputError, match="not a sitemap"):
        parse_sitemap(b"<rss version='2.0'/>", BASE + "/s.xml")


def test_ingest_feeds_parser_never_fetches_or_opens_files(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_text("<rss version='2.0'><channel><item><link>http://leak/</link></item></channel></rss>")
    for body in (b"http://127.0.0.1:9/feed.xml", str(secret).encode()):  # a URL, a file name
        with pytest.raises(InputError):
            parse_feed(body, BASE + "/feed")


def test_ingest_feeds_sitemap_ignores_external_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a/&x;</loc></url></urlset>'
    ).encode()
    listing = parse_sitemap(body, BASE + "/s.xml")
    assert all("secret" not in e.url for e in listing.entries)
