"""simplemma's lemma dictionaries as one flat byte string per language, kept in a disk cache between runs.

simplemma ships each language as an lzma-compressed front-coded stream and decodes it into a Python dict of
bytes on first use: about a second per million entries (Polish has 3.7 million: 2.5 s and 400 MB), paid in
every process that meets the language. Here the same stream is decoded once into a flat string of records,
`\\x00 key \\x01 value`, in the stream's own sorted key order, with the first key of every block of 32 records
kept aside. A lookup bisects those first keys and finds `\\x00 key \\x01` inside one block (a few hundred
bytes), so the mapping answers exactly what simplemma's dict answers (lookups take about 2 µs instead of
0.3 µs; casus caches lemmas per word, so they are few), for a fraction of the memory.

The flat string and its block index are written to the cache folder (`$CASUS_CACHE_DIR`, else
`$XDG_CACHE_HOME/casus` or `~/.cache/casus`, under `lemmas/`), named after simplemma's version and the source
file's size and time, and later processes map the file read-only instead of decoding: a language then costs
milliseconds to open and only the pages its lookups touch. The files take about 1.3 times simplemma's
decompressed stream (English 3 MB, German 29 MB, Polish 86 MB); writing a language's files removes that
language's files of other simplemma versions. When the folder cannot be written, the dictionary simply stays
in memory for this process. The folder is trusted like the user's own files (the index is read with marshal).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import mmap
import os
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from pathlib import Path

from simplemma.strategies.dictionaries import frontcode
from simplemma.strategies.dictionaries.dictionary_factory import (
    DATA_FOLDER,
    CachingDictionaryFactory,
    DecodedStrMapping,
    MappingStrToByteString,
    _load_dictionary_from_disk,
    _read_decompressed,
)

log = logging.getLogger(__name__)

FORMAT = 1
BLOCK = 32  # records per block: one bisect over the block index, then one find() over a few hundred bytes
_REC = b"\x00"  # opens every record; UTF-8 words never contain it
_SEP = b"\x01"  # between a key and its value
CACHE_ENV = "CASUS_CACHE_DIR"

# Where each language's dictionary came from in this process: "cache" (mapped from the cache folder),
# "built" (decoded from simplemma's stream, and cached when the folder was writable) or "simplemma"
# (simplemma's own dict, when the flat form could not be built). Benchmarks report it.
LOADED: dict[str, str] = {}


def cache_dir() -> Path | None:
    """The folder the flat dictionaries are cached in (None when there is no home folder to put it in)."""
    root = os.environ.get(CACHE_ENV)
    if root:
        return Path(root).expanduser() / "lemmas"
    xdg = os.environ.get("XDG_CACHE_HOME")
    try:
        base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    except RuntimeError:  # no home folder: no cache
        return None
    return base / "casus" / "lemmas"


class FlatDictionary(DecodedStrMapping):
    """A read-only str -> str mapping over the flat records of one language (bytes, bytearray or mmap)."""

    __slots__ = ("_blob", "_firsts", "_starts", "_rev", "_count")

    def __init__(self, blob, firsts: list[bytes], starts: list[int], rev: bool, count: int) -> None:
        self._blob = blob
        self._firsts = firsts
        self._starts = [*starts, len(blob)]
        self._rev = rev
        self._count = count

    def _lookup(self, key: str) -> str | None:
        target = key.encode()
        if self._rev:
            target = target[::-1]
        block = bisect_right(self._firsts, target) - 1
        if block < 0:
            return None
        blob = self._blob
        at = blob.find(_REC + target + _SEP, self._starts[block], self._starts[block + 1])
        if at < 0:
            return None
        begin = at + len(target) + 2
        end = blob.find(_REC, begin)
        value = blob[begin : end if end >= 0 else len(blob)]
        return (value[::-1] if self._rev else value).decode()

    def _records(self) -> Iterator[tuple[bytes, bytes]]:
        blob = bytes(self._blob[:])
        for record in blob.split(_REC)[1:]:
            key, _, value = record.partition(_SEP)
            yield (key[::-1], value[::-1]) if self._rev else (key, value)

    def __iter__(self) -> Iterator[str]:
        for key, _ in self._records():
            yield key.decode()

    def __len__(self) -> int:
        return self._count


def flatten(data: bytes) -> tuple[bytearray, list[bytes], list[int], bool, int]:
    """(records, block first keys, block offsets, reversed keys, count) from a decompressed front-coded stream.

    Raises ValueError when the stream is not what a flat dictionary can hold: keys out of order or repeated
    (a lookup would then miss or differ from a dict), or a key or value holding a separator byte."""
    rev, count, pos = frontcode._read_header(data)
    out = bytearray()
    firsts: list[bytes] = []
    starts: list[int] = []
    prev = b""
    n = 0
    for _, key, value in frontcode._iter_records(data, pos):
        if key <= prev and n:
            raise ValueError("keys out of order")
        if not n % BLOCK:
            firsts.append(key)
            starts.append(len(out))
        out += _REC
        out += key
        out += _SEP
        out += value
        prev = key
        n += 1
    if n != count:
        raise ValueError("truncated stream")
    if out.count(_REC) != n or out.count(_SEP) != n:
        raise ValueError("a key or value holds a separator byte")
    return out, firsts, starts, rev, n


def _fingerprint(lang: str) -> str:
    from simplemma import __version__

    source = DATA_FOLDER / f"{lang}.plzma"
    # the content, not the file's time: two virtual environments with the same simplemma share one cache
    # (with the time in the key, each install would rebuild the other's files in turn)
    digest = hashlib.sha1(source.read_bytes()).hexdigest()
    key = f"{FORMAT}|{__version__}|{lang}|{digest}"
    return f"{lang}-{hashlib.sha1(key.encode()).hexdigest()[:16]}"


def _load_cached(folder: Path, name: str) -> FlatDictionary | None:
    index_path, blob_path = folder / f"{name}.idx", folder / f"{name}.rec"
    try:
        index = marshal.loads(index_path.read_bytes())
        with open(blob_path, "rb") as fh:
            if os.fstat(fh.fileno()).st_size != index["size"] or not index["size"]:
                return None
            blob = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        return None
    if index.get("format") != FORMAT:
        return None
    return FlatDictionary(blob, index["firsts"], index["starts"], index["rev"], index["count"])


def _write_cache(folder: Path, name: str, out: bytearray, firsts, starts, rev: bool, count: int) -> None:
    tag = f".{os.getpid()}.tmp"
    index = {
        "format": FORMAT,
        "size": len(out),
        "firsts": firsts,
        "starts": starts,
        "rev": rev,
        "count": count,
    }
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for suffix, payload in ((".rec", out), (".idx", marshal.dumps(index))):  # the index last: it vouches
            tmp = folder / f"{name}{suffix}{tag}"
            tmp.write_bytes(payload)
            os.replace(tmp, folder / f"{name}{suffix}")
    except OSError as err:  # read-only or full: this process keeps the dictionary in memory
        log.debug("lemma dictionary cache not written in %s: %s", folder, err)
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        return
    lang = name.rsplit("-", 1)[0]
    for old in folder.glob(f"{lang}-*"):  # another simplemma version's files for this language
        if old.stem != name and old.suffix in (".rec", ".idx"):
            with contextlib.suppress(OSError):
                old.unlink()


def load(lang: str) -> Mapping[str, str]:
    """The lemma dictionary of `lang`: from the cache folder, else decoded (and cached when possible)."""
    folder = cache_dir()
    name = _fingerprint(lang)
    cached = _load_cached(folder, name) if folder else None
    if cached is not None:
        LOADED[lang] = "cache"
        return cached
    try:
        out, firsts, starts, rev, count = flatten(_read_decompressed(lang))
    except (ValueError, IndexError, AttributeError) as err:  # an unexpected stream: simplemma's own dict
        log.warning("lemma dictionary %s kept as simplemma's dict: %s", lang, err)
        LOADED[lang] = "simplemma"
        return MappingStrToByteString(_load_dictionary_from_disk(lang))
    LOADED[lang] = "built"
    if folder is None:
        return FlatDictionary(out, firsts, starts, rev, count)
    _write_cache(folder, name, out, firsts, starts, rev, count)
    return _load_cached(folder, name) or FlatDictionary(out, firsts, starts, rev, count)


class FlatDictionaryFactory(CachingDictionaryFactory):
    """simplemma's `DictionaryFactory` protocol over flat dictionaries; keeps every language it has opened."""

    __slots__ = ()

    def __init__(self, cache_max_size: int = 128) -> None:
        super().__init__(cache_max_size=cache_max_size)

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        return load(lang)
