"""Inputs to documents: files, directories, globs and `-` (standard input), each read by its format's reader.

`read_inputs(inputs, opts)` yields a `Doc` per document and a `Rejected` per input that cannot be read: one
broken input never stops the iteration, and each bad input gives exactly one `Rejected` with a one-line reason.
Directories are walked recursively in sorted order (hidden files and folders skipped); a pattern with `*`, `?`
or `[` is expanded with `glob` (`**` recursive). `.gz` is read transparently. The format comes from the
extension (`.html`/`.htm`, `.jsonl`/`.ndjson`/`.json`) or, failing that, from the content.
"""

from __future__ import annotations

import glob
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from casus.doc import Doc, Rejected
from casus.errors import InputError
from casus.ingest import html as html_reader
from casus.ingest import jsonl as jsonl_reader
from casus.ingest import text as text_reader
from casus.ingest.decode import cap_message, decode, gunzip, is_gzip, megabytes
from casus.options import Options

log = logging.getLogger(__name__)

STDIN = "-"
_HTML_EXT = {".html", ".htm", ".xhtml"}
_JSONL_EXT = {".jsonl", ".ndjson", ".json"}
_GLOB_CHARS = set("*?[")


def read_inputs(
    inputs: list[str] | list[os.PathLike], opts: Options | None = None
) -> Iterator[Doc | Rejected]:
    """Every document of every input, in order; unreadable inputs as `Rejected`."""
    opts = opts or Options()
    names = [os.fspath(given) for given in inputs]  # a Path works as well as a string
    urls = [n for n in names if is_url(n)]
    fetched = _fetch(urls, opts) if urls else iter(())
    for name in names:
        if is_url(name):  # fetched politely and safely (robots.txt, rate limits, SSRF guard)
            yield from _guarded(name, iter([next(fetched)]))
            continue
        if name == STDIN:
            yield from _guarded(STDIN, _read_stdin(opts))
            continue
        for item in expand(name):
            if isinstance(item, Rejected):
                yield item
            else:
                yield from _guarded(item, read_path(item, opts))


def is_url(name: str) -> bool:
    """True for an http(s) URL given where a file name could stand (`casus ingest URL`)."""
    return name.lower().startswith(("http://", "https://"))


def _fetch(urls: list[str], opts: Options) -> Iterator[Doc | Rejected]:
    from casus.ingest.fetch import fetch_docs  # one fetcher: robots.txt cache and per-host limits shared

    return fetch_docs(urls, opts)


def expand(name: str) -> Iterator[str | Rejected]:
    """The files an input names: itself, the files under a directory, or the matches of a pattern."""
    path = Path(name)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists():
        yield name
    elif _GLOB_CHARS & set(name):
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            yield Rejected(name, "no file matches this pattern")
        for match in matches:
            if Path(match).is_dir():
                yield from _walk(Path(match))
            else:
                yield match
    else:
        yield Rejected(name, "no such file or directory")


def _walk(root: Path) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fname in sorted(filenames):
            if not fname.startswith("."):
                yield os.path.join(dirpath, fname)


def format_of(name: str) -> str | None:
    """`html`, `jsonl` or `text` from the file name, or None when the content must decide."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    ext = os.path.splitext(lower)[1]
    if ext in _HTML_EXT:
        return "html"
    if ext in _JSONL_EXT:
        return "jsonl"
    if ext in {".txt", ".text", ".md"}:
        return "text"
    return None


def sniff(text: str) -> str:
    """The format of decoded content: `html` for markup, `jsonl` for JSON object lines, else `text`."""
    head = text[:2048].lstrip().lower()
    if head.startswith("<!doctype html") or "<html" in head[:1024]:
        return "html"
    if head.startswith("{"):
        first = head.split("\n", 1)[0].rstrip()
        if first.endswith("}") or '"text"' in head:
            return "jsonl"
    return "text"


def read_path(path: str, opts: Options) -> Iterator[Doc | Rejected]:
    """The documents of one file."""
    if path.lower().endswith((".warc", ".warc.gz")):  # web archives are large: no size cap on the file
        from casus.ingest.warc import read_warc

        yield from read_warc(path, opts)
        return
    fmt = format_of(path)
    if fmt == "jsonl":
        yield from jsonl_reader.read_jsonl_file(path, opts)
        return
    try:
        size = os.path.getsize(path)
        if size > opts.max_bytes:
            raise InputError(path, cap_message(size, opts.max_bytes))
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        yield Rejected(path, f"cannot read: {err.strerror or err}")
        return
    yield from read_bytes(path, data, opts, fmt)


def read_bytes(name: str, data: bytes, opts: Options, fmt: str | None = None) -> Iterator[Doc | Rejected]:
    """The documents held in `data` (possibly gzip-compressed), read as `fmt` or as its content says."""
    if len(data) > opts.max_bytes:
        raise InputError(name, cap_message(len(data), opts.max_bytes))
    if is_gzip(data):
        data = gunzip(data, name, opts.max_bytes)
    text, encoding = decode(data, name)
    fmt = fmt or sniff(text)
    if fmt == "jsonl":
        yield from jsonl_reader.read_jsonl_text(name, text, opts)
    else:
        reader = html_reader.doc_from_html if fmt == "html" else text_reader.doc_from_text
        doc = reader(name, text, opts)
        doc.meta["encoding"] = encoding
        yield doc


def _read_stdin(opts: Options, stream: BinaryIO | None = None) -> Iterator[Doc | Rejected]:
    stream = stream or sys.stdin.buffer
    data = stream.read(opts.max_bytes + 1)
    if len(data) > opts.max_bytes:
        raise InputError(STDIN, f"standard input is over the {megabytes(opts.max_bytes)} cap")
    for item in read_bytes(STDIN, data, opts):
        if isinstance(item, Doc) and item.id == STDIN:
            item.id = "stdin"
        yield item


def _guarded(name: str, items: Iterator[Doc | Rejected]) -> Iterator[Doc | Rejected]:
    """Turn an InputError (or an unforeseen failure) inside a reader into one Rejected for that input."""
    try:
        yield from items
    except InputError as err:
        yield Rejected(err.input_name, err.reason)
    except Exception as err:  # a reader bug must not stop the batch: name the input and go on
        log.exception("reading %s failed", name)
        yield Rejected(name, f"unreadable: {type(err).__name__}: {err}")
