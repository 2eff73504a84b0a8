"""The HTML reader: trafilatura extracts the main text and the page's metadata.

`raw` is the extracted main text (one line per block); the clean stage then treats it like a scraped page.
The page is parsed once. Metadata comes from trafilatura's own metadata steps, but only the cheap ones:
meta tags and JSON-LD (title, author, URL), the title element when those have no title, htmldate without
its extensive search (the publication date), and the page's declared language (a hint for detection).
Trafilatura's author heuristics over the whole page, categories, tags and licence are skipped: they cost as
much as the text extraction itself. `opts.published` overrides the date.
"""

from __future__ import annotations

import logging
import re
from datetime import date

import trafilatura
from htmldate import find_date
from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url
from trafilatura.settings import Document
from trafilatura.utils import load_html

from casus.doc import Doc
from casus.errors import InputError
from casus.options import Options

log = logging.getLogger(__name__)

# No exhaustive date search: it is slow and, on news pages, the published date sits in the metadata.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?""", re.I)


def doc_from_html(name: str, html: str, opts: Options) -> Doc:
    """A `Doc` from one HTML page; raises InputError when no main text can be found."""
    try:
        tree = load_html(html)
    except (ValueError, TypeError) as err:  # lxml refuses some documents outright
        raise InputError(name, f"HTML could not be parsed ({err})") from None
    if tree is None:
        raise InputError(name, "HTML could not be parsed")
    meta = page_metadata(tree)
    result = trafilatura.bare_extraction(
        tree,
        fast=True,
        with_metadata=False,
        include_comments=False,
        include_tables=False,
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError(name, "no main text found in the HTML page")
    return Doc(
        id=name,
        raw=text,
        url=_clean(meta.url),
        title=_clean(meta.title),
        author=_clean(meta.author),
        published=opts.published or _date(meta.date),
        lang_hint=_declared_lang(html),
        source_format="html",
        origin=name,
        meta={"sitename": meta.sitename.strip()} if meta.sitename else {},
    )


def page_metadata(tree) -> Document:
    """Title, author, URL, site name and date from meta tags, JSON-LD, the title element and htmldate."""
    meta = examine_meta(tree)
    try:
        meta = extract_meta_json(tree, meta)
    except Exception as err:  # trafilatura's JSON-LD parser trips on odd markup: keep the meta tags
        log.debug("JSON-LD metadata unreadable: %s", err)
    if not meta.title:
        meta.title = extract_title(tree)
    if not meta.url:
        meta.url = extract_url(tree, None)
    try:
        meta.date = find_date(tree, url=meta.url, **_DATE_PARAMS)
    except Exception as err:  # a date is a nicety: never lose the page over it
        log.debug("date extraction failed: %s", err)
        meta.date = None
    return meta


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _declared_lang(html: str) -> str | None:
    """The language the page declares on its `<html lang=...>` element."""
    match = _HTML_LANG.search(html[:20000])
    return match.group(1).lower() if match else None
