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
_HEAD = 8192  # bytes looked at to tell binary, UTF-16 and whole-JSON files from JSON Lines
_PROBE_LINES = 5  # bad lines in a row at the start that mean "this is not JSON Lines"


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
    """Documents of a stream of JSONL lines (bytes are decoded as UTF-8).

    Each bad line is one `Rejected("name:LINE", reason)`, except at the start of the stream: when the first
    `_PROBE_LINES` lines are all bad, the input is not JSON Lines at all and gives a single `Rejected(name)`.
    """
    seen = good = False
    held: list[Rejected] = []  # bad lines before the first good record
    for number, line in enumerate(lines, start=1):
        origin = f"{name}:{number}"
        bad: Rejected | None = None
        doc: Doc | None = None
        if len(line) > opts.max_bytes:
            bad = Rejected(origin, cap_message(len(line), opts.max_bytes, "record"))
        else:
            if isinstance(line, bytes):
                try:
                    line = line.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as err:
                    bad = Rejected(origin, f"not UTF-8 ({err.reason} at byte {err.start})")
            if bad is None:
                if not line.strip():
                    continue
                try:
                    doc = doc_from_record(json.loads(line), origin, opts)
                except json.JSONDecodeError as err:
                    bad = Rejected(origin, f"malformed JSON: {err.msg} at column {err.colno}")
                except InputError as err:
                    bad = Rejected(err.input_name, err.reason)
        seen = True
        if bad is not None:
            if good:
                yield bad
                continue
            held.append(bad)
            if len(held) >= _PROBE_LINES:
                yield Rejected(
                    name, f"not JSON Lines: the first {_PROBE_LINES} lines are not records ({held[0]})"
                )
                return
            continue
        if not good:
            good = True
            yield from held
            held = []
        yield doc
    yield from held
    if not seen:
        yield Rejected(name, "empty input")


def read_jsonl_text(name: str, text: str, opts: Options) -> Iterator[Doc | Rejected]:
    """Records of a decoded JSONL text; a whole JSON document (an array of records, or one record spread over
    several lines) is read as such."""
    stripped = text.strip()
    if stripped.startswith("[") or (
        stripped.startswith("{") and "\n" in stripped and not _first_line_parses(text)
    ):
        try:
            value = json.loads(stripped)
        except json.JSONDecodeError:
            value = None
        if value is not None:
            yield from _records_of(name, value, opts)
            return
    yield from read_jsonl_lines(name, text.splitlines(), opts)


def _first_line_parses(text: str) -> bool:
    try:
        json.loads(text.strip().split("\n", 1)[0])
    except json.JSONDecodeError:
        return False
    return True


def _records_of(name: str, value: object, opts: Options) -> Iterator[Doc | Rejected]:
    """Documents of a whole JSON value: one record, or a list of records (origin `name:INDEX`, from 1)."""
    if isinstance(value, dict):
        try:
            yield doc_from_record(value, name, opts)
        except InputError as err:
            yield Rejected(err.input_name, err.reason)
        return
    if not isinstance(value, list) or not value:
        yield Rejected(name, "JSON holds no records (expected objects with `id` and `text`)")
        return
    for index, record in enumerate(value, start=1):
        try:
            yield doc_from_record(record, f"{name}:{index}", opts)
        except InputError as err:
            yield Rejected(err.input_name, err.reason)


def read_jsonl_file(path: str, opts: Options) -> Iterator[Doc | Rejected]:
    """Stream a JSONL file (or `.jsonl.gz`) line by line: the size cap applies per record, not per file.

    Binary content is one Rejected; a UTF-16 file or a whole JSON document (`[...]`, or one pretty-printed
    record) is decoded whole (within the size cap), then read by `read_jsonl_text`.
    """
    try:
        with open(path, "rb") as raw:
            gz = raw.read(2) == b"\x1f\x8b"
        opener = gzip.open if gz else open
        with opener(path, "rb") as fh:
            head = fh.peek(_HEAD)[:_HEAD] if hasattr(fh, "peek") else b""
            if b"\x00" in head and not head.startswith(_UTF16_BOMS):
                yield Rejected(path, "binary file (NUL bytes), not text")
                return
            if head.startswith(_UTF16_BOMS) or head.lstrip().startswith(b"[") or _multiline_object(head):
                data = fh.read(opts.max_bytes + 1)
                if len(data) > opts.max_bytes:
                    yield Rejected(path, cap_message(len(data), opts.max_bytes))
                    return
                text, _ = decode(data, path)
                yield from read_jsonl_text(path, text, opts)
                return
            yield from read_jsonl_lines(path, fh, opts)
    except InputError as err:
        yield Rejected(err.input_name, err.reason)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        yield Rejected(path, f"truncated or corrupt gzip file ({err}); records before the damage were read")
    except OSError as err:
        yield Rejected(path, f"cannot read: {err.strerror or err}")


def _multiline_object(head: bytes) -> bool:
    """A pretty-printed JSON object: `{` alone (or nearly) on the first line."""
    first = head.lstrip().split(b"\n", 1)[0].strip()
    return first == b"{" or (
        first.startswith(b"{") and not first.endswith(b"}") and len(head) > len(first) + 1
    )
