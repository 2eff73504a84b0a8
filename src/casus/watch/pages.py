"""Fetched or archived web pages into Docs: charset decoding with fallbacks, then article extraction.

Used by the fetcher (`casus ingest URL`), the watcher and the WARC reader. Decoding tries, in order, the
charset of the Content-Type header, a `<meta charset>` in the first bytes, then charset-normalizer's guess,
and finally UTF-8 with replacement; a declared charset that does not decode the bytes is skipped (servers lie).
Extraction is the HTML reader's (`casus.ingest.html.doc_from_html`: trafilatura on the decoded string).
"""

from __future__ import annotations

import codecs
import logging
import re

from casus.doc import Doc
from casus.errors import InputError
from casus.options import Options

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_HTML_LANG = re.compile(rb"""<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)
# Legacy fallback encoding by page language, after the HTML standard's locale defaults for the encoding
# sniffer (html.spec.whatwg.org, "determining the character encoding"); anything else: charset-normalizer.
LEGACY_BY_LANG = {
    **dict.fromkeys(["pl", "cs", "sk", "hu", "sl", "hr", "ro"], "cp1250"),
    **dict.fromkeys(["ru", "uk", "bg", "sr", "mk", "be", "kk"], "cp1251"),
    **dict.fromkeys(
        [
            "en",
            "fr",
            "es",
            "pt",
            "it",
            "de",
            "nl",
            "ca",
            "gl",
            "eu",
            "da",
            "sv",
            "no",
            "nb",
            "is",
            "ga",
            "af",
        ],
        "cp1252",
    ),
    "el": "cp1253",
    "tr": "cp1254",
    "he": "cp1255",
    **dict.fromkeys(["ar", "fa", "ur"], "cp1256"),
    **dict.fromkeys(["lt", "lv", "et"], "cp1257"),
    "vi": "cp1258",
    "ja": "shift_jis",
    "zh": "gb18030",
    "ko": "euc_kr",
    "th": "cp874",
}
MIN_TEXT_CHARS = 40  # an extraction shorter than this is not an article


def is_html(content_type: str, body: bytes) -> bool:
    ctype = content_type.split(";", 1)[0].strip().lower()
    if ctype in HTML_TYPES:
        return True
    if ctype and ctype not in ("application/octet-stream", "text/plain"):
        return False
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in body[:4096].lower()


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def decode_html(body: bytes, content_type: str = "", lang_hint: str | None = None) -> tuple[str, str]:
    """Return (text, charset used). Never raises on bad bytes.

    Order: BOM, the header's charset, `<meta charset>`, UTF-8, the legacy encoding of the page language
    (`<html lang>` or `lang_hint`), charset-normalizer's guess, UTF-8 with replacement characters.
    """
    declared: list[str | None] = []
    m = _HEADER_CHARSET.search(content_type or "")
    declared.append(_codec(m.group(1)) if m else None)
    m2 = _META_CHARSET.search(body[:4096])
    declared.append(_codec(m2.group(1).decode("ascii", "replace")) if m2 else None)
    if body.startswith(codecs.BOM_UTF8):
        declared.insert(0, "utf-8-sig")
    for cs in declared:
        if not cs:
            continue
        try:
            return body.decode(cs), cs
        except (UnicodeDecodeError, LookupError):
            log.debug("declared charset %s does not decode the page; trying the next", cs)
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    m3 = _HTML_LANG.search(body[:4096])
    lang = m3.group(1).decode("ascii").lower() if m3 else (lang_hint or "").lower()[:2]
    legacy = LEGACY_BY_LANG.get(lang)
    if legacy:
        try:
            return body.decode(legacy), legacy
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    return body.decode("utf-8", errors="replace"), "utf-8/replace"


def html_to_doc(
    html: str,
    url: str,
    lang_hint: str | None = None,
    source_format: str = "html",
    origin: str | None = None,
    opts: Options | None = None,
) -> Doc:
    """Extract the article of an HTML page with the HTML reader (`casus.ingest.html`); the Doc's id is the URL."""
    from casus.ingest.html import doc_from_html

    doc = doc_from_html(url, html, opts or Options())
    if len(doc.raw.strip()) < MIN_TEXT_CHARS:
        raise InputError(url, "no article text found in the page")
    doc.url = url
    doc.lang_hint = lang_hint or doc.lang_hint
    doc.source_format = source_format
    doc.origin = origin or url
    return doc


def page_to_doc(
    body: bytes,
    url: str,
    content_type: str = "",
    lang_hint: str | None = None,
    source_format: str = "html",
    origin: str | None = None,
    opts: Options | None = None,
) -> Doc:
    """Bytes of a fetched page into a Doc; raises InputError naming the URL when it is not an HTML article."""
    if not body:
        raise InputError(url, "empty response body")
    if not is_html(content_type, body):
        ctype = content_type.split(";", 1)[0].strip() or "unknown type"
        raise InputError(url, f"not an HTML page ({ctype})")
    html, charset = decode_html(body, content_type, lang_hint)
    doc = html_to_doc(html, url, lang_hint, source_format, origin, opts)
    doc.meta["charset"] = charset
    return doc
