"""WARC and WARC.gz (e.g. Common Crawl News) as one more reader.

Only `response` records are read; request, metadata, warcinfo and revisit records are skipped. A response
that is not an HTML page with status 200, or whose article cannot be extracted, becomes a `Rejected` naming
`path#record-index (url)` and the reason. Bytes are decoded with the charset fallback of
`casus.watch.pages.decode_html`; a body larger than the size cap is rejected. A truncated or corrupt archive
yields one Rejected for the rest of the file and stops.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from pathlib import Path

from casus.doc import Doc, Rejected
from casus.errors import InputError
from casus.options import Options

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def read_warc(path: str | Path, opts: Options | None = None) -> Iterator[Doc | Rejected]:
    """Yield a Doc per HTML response record of the archive, a Rejected per unreadable one."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    opts = opts or Options()
    path = Path(path)
    try:
        fh = path.open("rb")
    except OSError as err:
        yield Rejected(input=str(path), reason=f"cannot open: {err.strerror or err}")
        return
    index = -1
    with fh:
        iterator = ArchiveIterator(fh, arc2warc=True)
        try:
            for record in iterator:
                if record.rec_type != "response":
                    if _truncated(record):
                        yield _cut(path, index + 1)
                        return
                    continue
                index += 1
                item = _response(record, path, index, opts)
                if _truncated(record):
                    yield _cut(path, index)
                    return
                yield item
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, zlib.error) as err:
            # warcio raises assorted errors (AttributeError among them) on a record cut in its headers
            yield Rejected(input=f"{path}#{index + 1}", reason=f"corrupt or truncated archive: {err}")
            return
        size = path.stat().st_size
        if iterator.offset < size:
            yield _cut(path, index + 1, f"{size - iterator.offset} unreadable bytes at the end")


def _truncated(record) -> bool:
    """Drain the record; True when the file ended before its declared Content-Length."""
    stream = record.raw_stream
    while stream.read(65536):
        pass
    if record.rec_headers.get_header("Content-Length") is None:
        return True
    return getattr(stream, "limit", 0) > 0


def _cut(path: Path, index: int, detail: str = "a record is cut short") -> Rejected:
    return Rejected(input=f"{path}#{index}", reason=f"corrupt or truncated archive: {detail}")


def _response(record, path: Path, index: int, opts: Options) -> Doc | Rejected:
    from casus.watch.pages import page_to_doc

    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    name = f"{path}#{index}" + (f" ({url})" if url else "")
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if status != "200":
        return Rejected(input=name, reason=f"HTTP status {status or 'missing'} in archive")
    ctype = record.http_headers.get_header("Content-Type") or ""
    body = record.content_stream().read(opts.max_bytes + 1)
    if len(body) > opts.max_bytes:
        return Rejected(input=name, reason=f"record too large (cap {opts.max_bytes} bytes)")
    try:
        doc = page_to_doc(body, url or name, ctype, opts.lang, "warc", name, opts)
    except InputError as err:
        return Rejected(input=name, reason=err.reason)
    crawled = record.rec_headers.get_header("WARC-Date")
    if crawled:
        doc.meta["crawled"] = crawled
    return doc
