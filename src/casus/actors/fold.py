"""Length-preserving text folding for matching: lower case, no accents, one apostrophe, hyphens as spaces.

`fold(text)` returns a string of exactly the same length as `text`, so an offset found in the folded text is
an offset in the original. Patterns are folded with `fold_pattern`, which also collapses runs of spaces.
"""

from __future__ import annotations

import re
import unicodedata

_SPECIAL = {
    "’": "'",
    "‘": "'",
    "`": "'",
    "´": "'",
    "ʼ": "'",
    "′": "'",
    "-": " ",
    "‐": " ",
    "‑": " ",
    "‒": " ",
    "–": " ",
    "—": " ",
    "―": " ",
    "­": " ",
    "\n": " ",
    "\t": " ",
    "\r": " ",
    "\xa0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "ß": "ß",
    "ё": "е",
    "Ё": "е",
    # Arabic: the hamza forms of alif, alif maqsura and ta marbuta are written either way in the press
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
}


class _FoldTable(dict):
    """str.translate table computed lazily, one character at a time, always mapping to one character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = _SPECIAL.get(ch)
        if out is None:
            low = ch.lower()
            if len(low) != 1:
                low = unicodedata.normalize("NFD", ch)[0].lower()
            base = unicodedata.normalize("NFD", low)
            # keep Arabic/Cyrillic letters whole (their combining marks are not accents to drop here)
            out = base[0] if base and unicodedata.category(base[0]).startswith("L") and code < 0x0400 else low
            if len(out) != 1:
                out = ch
        self[code] = out
        return out


_TABLE = _FoldTable()
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold `text` for matching; the result has the same length as `text`."""
    return text.translate(_TABLE)


def fold_pattern(form: str) -> str:
    """Fold a gazetteer form: as `fold`, then trim and collapse spaces."""
    return _SPACES.sub(" ", fold(form)).strip()


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
