"""Bytes to text: byte-order marks, UTF-8, legacy 8-bit encodings; binary and undecodable input refused.

`decode(data, name)` returns the text and the encoding it used, or raises `InputError(name, reason)` with a
one-line reason. Order: a BOM decides (UTF-8, UTF-16, UTF-32); NUL bytes without a BOM mean binary; strict
UTF-8; the charset an HTML page declares; UTF-8 with a few broken bytes; then Windows-1252 when it decodes
cleanly and reads as text; then charset-normalizer's best guess.
"""

from __future__ import annotations

import codecs
import re
import zlib

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from casus.errors import InputError

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_SNIFF = 8192  # bytes looked at for NUL bytes
_MAX_MESS = 0.2  # charset-normalizer's "mess" above which decoded bytes are not text
_CONTROL_SHARE = 0.01  # share of C0 control characters (not tab/newline) that makes a text binary
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)
_CONTROLS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v")


def megabytes(n: int) -> str:
    """A byte count for messages: `31.2 MB`, `20 MB`, `80 kB` (decimal units, one digit at most)."""
    if n >= 1_000_000:
        value, unit = n / 1_000_000, "MB"
    else:
        value, unit = n / 1000, "kB"
    text = f"{value:.1f}"
    return f"{text[:-2] if text.endswith('.0') else text} {unit}"


def cap_message(size: int, cap: int, what: str = "file") -> str:
    return f"{what} is {megabytes(size)}, over the {megabytes(cap)} cap"


def gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    """Decompress a whole gzip stream, refusing truncated or corrupt ones and those over `max_bytes`."""
    dec = zlib.decompressobj(wbits=31)
    try:
        out = dec.decompress(data, max_bytes + 1)
    except zlib.error as err:
        raise InputError(name, f"corrupt gzip data ({err})") from None
    if len(out) > max_bytes:
        raise InputError(name, f"decompressed text is over the {megabytes(max_bytes)} cap")
    if not dec.eof:
        raise InputError(name, "truncated gzip file (the compressed stream ends early)")
    return out


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode `data` to text. Raises InputError for empty, binary or undecodable input."""
    if not data.strip():
        raise InputError(name, "empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(
                    name, f"undecodable: starts with a {encoding} byte-order mark but {err.reason}"
                ) from None
            return _checked(text, name), encoding
    if b"\x00" in data[:_SNIFF]:
        raise InputError(name, "binary file (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared:
        try:
            return _checked(data.decode(declared), name), declared
        except (UnicodeDecodeError, LookupError):
            pass
    # UTF-8 with a few broken bytes (a truncated download, a bad copy): keep it, mark the damage
    mended = data.decode("utf-8", errors="replace")
    broken = mended.count("\ufffd") - data.count("\ufffd".encode())
    if broken <= max(3, len(data) // 2000) and _looks_utf8(data, broken):
        return _checked(mended, name), "utf-8 (damaged)"
    try:
        text = data.decode("cp1252")
        if mess_ratio(text[:20000]) < _MAX_MESS:
            return _checked(text, name), "cp1252"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos >= _MAX_MESS:
        raise InputError(name, "undecodable: not UTF-8 and no legacy 8-bit encoding reads it as text")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(name, f"undecodable: not UTF-8 and not {best.encoding}") from None
    return _checked(text, name), best.encoding


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (`<meta charset=...>`), when not UTF-8."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    charset = match.group(1).decode("ascii").lower()
    return None if charset.replace("-", "").replace("_", "") in ("utf8", "utf16") else charset


def _looks_utf8(data: bytes, broken: int) -> bool:
    """Whether well-formed UTF-8 multi-byte sequences far outnumber the broken ones (so the bytes are damaged
    UTF-8, not a legacy 8-bit encoding, whose accented letters are lone high bytes)."""
    return len(_UTF8_SEQ.findall(data[:200_000])) >= max(2, 5 * broken)


def _checked(text: str, name: str) -> str:
    """Refuse decoded text that is mostly control characters (a binary file that happened to decode)."""
    if not text.strip():
        raise InputError(name, "empty input")
    sample = text[:_SNIFF]
    controls = sum(1 for ch in sample if ch in _CONTROLS)
    if controls > max(2, _CONTROL_SHARE * len(sample)):
        raise InputError(name, "binary file (control characters), not text")
    return text
