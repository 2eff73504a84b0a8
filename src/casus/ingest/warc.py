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

    from casus.watch.pages import page_to_doc

    opts = opts or Options()
    path = Path(path)
    try:
        fh = path.open("rb")
    except OSError as err:
        yield Rejected(input=str(path), reason=f"cannot open: {err.strerror or err}")
        return
    index = -1
    with fh:
        try:
            for record in ArchiveIterator(fh, arc2warc=True):
                if record.rec_type != "response":
                    continue
                index += 1
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                name = f"{path}#{index}" + (f" ({url})" if url else "")
                status = record.http_headers.get_statuscode() if record.http_headers else None
                if status != "200":
                    yield Rejected(input=name, reason=f"HTTP status {status or 'missing'} in archive")
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                body = record.content_stream().read(opts.max_bytes + 1)
                if len(body) > opts.max_bytes:
                    yield Rejected(input=name, reason=f"record too large (cap {opts.max_bytes} bytes)")
                    continue
                try:
                    doc = page_to_doc(body, url or name, ctype, opts.lang, "warc", name, opts)
                except InputError as err:
                    yield Rejected(input=name, reason=err.reason)
                    continue
                doc.origin = name
                date = record.rec_headers.get_header("WARC-Date")
                if date:
                    doc.meta["crawled"] = date
                yield doc
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as err:
            yield Rejected(input=f"{path}#{index + 1}", reason=f"corrupt or truncated archive: {err}")
