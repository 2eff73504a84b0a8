"""The JSONL reader: one record per line with `id` and `text`, optionally `title`, `url`, `published` (or
`date`) and `lang`; other fields are ignored. Gold files (shared/spec/gold-format.md) and corpora read this way.

A malformed line or a record without `id`/`text` is one `Rejected("path:LINE", reason)`; the file goes on.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from datetime import date

from casus.doc import Doc, Rejected
from casus.errors import InputError
from casus.ingest.decode import cap_message, decode
from casus.options import Options

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def doc_from_record(record: dict, origin: str, opts: Options) -> Doc:
    """A `Doc` from one JSONL record; raises InputError(origin, reason) when `id` or `text` is missing."""
    if not isinstance(record, dict):
        raise InputError(origin, "malformed JSON: the line is not an object")
    doc_id = record.get("id")
    text = record.get("text")
    if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
        raise InputError(origin, "record has no `id`")
    if not isinstance(text, str):
        raise InputError(origin, "record has no `text` string")
    if not text.strip():
        raise InputError(origin, "record `text` is empty")
    published = opts.published or _date(record.get("published") or record.get("date"))
    title = record.get("title")
    lang = record.get("lang")
    return Doc(
        id=str(doc_id),
        raw=text,
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        published=published,
        lang_hint=lang.strip().lower() if isinstance(lang, str) and lang.strip() else None,
        source_format="jsonl",
        origin=origin,
    )


def _date(value: object) -> date | None:
    """An ISO date (`2024-10-22`, or the date part of a timestamp); anything else is no date."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_jsonl_lines(name: str, lines: Iterable[bytes | str], opts: Options) -> Iterator[Doc | Rejected]:
    """Documents of a stream of JSONL lines (bytes are decoded as UTF-8)."""
    seen = False
    for number, line in enumerate(lines, start=1):
        origin = f"{name}:{number}"
        if len(line) > opts.max_bytes:
            yield Rejected(origin, cap_message(len(line), opts.max_bytes, "record"))
            seen = True
            continue
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as err:
                yield Rejected(origin, f"not UTF-8 ({err.reason} at byte {err.start})")
                seen = True
                continue
        if not line.strip():
            continue
        seen = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Rejected(origin, f"malformed JSON: {err.msg} at column {err.colno}")
            continue
        try:
            yield doc_from_record(record, origin, opts)
        except InputError as err:
            yield Rejected(err.input_name, err.reason)
    if not seen:
        yield Rejected(name, "empty input")


def read_jsonl_text(name: str, text: str, opts: Options) -> Iterator[Doc | Rejected]:
    return read_jsonl_lines(name, text.splitlines(), opts)


def read_jsonl_file(path: str, opts: Options) -> Iterator[Doc | Rejected]:
    """Stream a JSONL file (or `.jsonl.gz`) line by line: the size cap applies per record, not per file."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError as err:
        yield Rejected(path, f"cannot read: {err.strerror or err}")
        return
    if head.startswith(_UTF16_BOMS):  # rare: decode the whole file, then split
        with open(path, "rb") as fh:
            data = fh.read(opts.max_bytes + 1)
        if len(data) > opts.max_bytes:
            yield Rejected(path, "UTF-16 JSONL file is over the size cap")
            return
        try:
            text, _ = decode(data, path)
        except InputError as err:
            yield Rejected(err.input_name, err.reason)
            return
        yield from read_jsonl_text(path, text, opts)
        return
    opener = gzip.open if head[:2] == b"\x1f\x8b" else open
    try:
        with opener(path, "rb") as fh:
            yield from read_jsonl_lines(path, fh, opts)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        yield Rejected(path, f"truncated or corrupt gzip file ({err}); records before the damage were read")
    except OSError as err:
        yield Rejected(path, f"cannot read: {err.strerror or err}")
