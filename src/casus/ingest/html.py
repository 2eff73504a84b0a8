"""The HTML reader: trafilatura extracts the main text and the page's metadata.

`raw` is the extracted main text (one line per block); the clean stage then treats it like a scraped page.
Title, author, publication date, URL and the page's declared language (a hint for detection) come from
trafilatura's metadata; `opts.published` overrides the date.
"""

from __future__ import annotations

import logging
import re
from datetime import date

import trafilatura

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
        result = trafilatura.bare_extraction(
            html,
            fast=True,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError) as err:  # lxml refuses some documents outright
        raise InputError(name, f"HTML could not be parsed ({err})") from None
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError(name, "no main text found in the HTML page")
    return Doc(
        id=name,
        raw=text,
        url=result.url or None,
        title=(result.title or "").strip() or None,
        author=(result.author or "").strip() or None,
        published=opts.published or _date(result.date),
        lang_hint=_lang(result.language) or _declared_lang(html),
        source_format="html",
        origin=name,
        meta={"sitename": result.sitename} if result.sitename else {},
    )


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _declared_lang(html: str) -> str | None:
    """The language the page declares on its `<html lang=...>` element."""
    match = _HTML_LANG.search(html[:20000])
    return match.group(1).lower() if match else None


def _lang(value: str | None) -> str | None:
    """`it`, `en-GB` or `de_DE` to a two-letter code."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if 2 <= len(code) <= 3 and code.isalpha() else None
