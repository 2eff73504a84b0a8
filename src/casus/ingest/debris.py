"""Line rules that recognise page debris: navigation, related links, share and cookie lines, lone dashes,
summary-box labels, photo credits, link-only lines, date-only lines and embedded-post signatures.

The vocabulary is data (`casus/data/language/debris.yaml`); this module only compiles it into `DebrisRules`,
built once per stage. `rules.reason(line)` answers the debris reason of one whitespace-normalised line, or None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from casus.language.data import load_yaml

# Characters around a label that do not change what it says: arrows, bullets, dashes, quotes, colons.
STRIP_CHARS = " \t\u00a0\u202f-–—_|•·*»«<>→←↑↓:.,;›‹#►▶◀▸…\"'“”‘’()[]{}/\\+=~"
_LONE_DASH = re.compile(r"^[\-–—_*•·=~#|.\s]+$")
_LINK_ONLY = re.compile(r"^(?:<?https?://|www\.|pic\.twitter\.com/)\S*>?$", re.I)
# "— Jane Doe (@JaneDoe) https://twitter.com/..." or "— Name (@handle) October 21, 2024"
HANDLE = re.compile(r"\(@(?P<handle>[A-Za-z0-9_.]{1,40})\)")
SIGNATURE = re.compile(
    r"^[—–\-]\s*(?P<name>[^()\n]{1,100}?)\s*\(@(?P<handle>[A-Za-z0-9_.]{1,40})\)\s*(?P<rest>.{0,300})$"
)
_DATE_ONLY = re.compile(
    r"""^(?:[^\W\d_]{3,12}\.?,?\s+)?                      # optional weekday: "Friday,", "lunedì"
    (?:\d{1,2}\.?(?:º|er)?\s+(?:de\s+)?[^\W\d_]{3,12}\.?,?\s+(?:de\s+)?\d{4}   # 21 ottobre 2024, 22. Mai 2012
      |[^\W\d_]{3,12}\.?\s+\d{1,2},?\s+\d{4}               # January 4, 2019
      |\d{4}-\d{2}-\d{2}                                   # 2024-10-22
      |\d{1,2}[./]\d{1,2}[./]\d{2,4})                      # 22/10/2024
    (?:,?\s+(?:at\s+|à\s+|alle\s+|um\s+|a\s+las\s+)?\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?)?  # a time
    (?:\s+[A-Z]{2,4})?\s*$""",
    re.X,
)
_WORD_SPLIT = re.compile(r"[\s|·•,/]+")
_SEPARATORS = (":", " -", " –", " —", " »", " >", " |")

DEBRIS_DATA = "debris.yaml"


def label_key(line: str) -> str:
    """A line reduced to the label it shows: case-folded, typographic apostrophes plain, edges stripped."""
    return line.casefold().replace("’", "'").replace("`", "'").strip(STRIP_CHARS)


@dataclass(slots=True)
class DebrisRules:
    nav_prefixes: frozenset[str] = frozenset()
    navigation: frozenset[str] = frozenset()
    related: tuple[str, ...] = ()
    share: frozenset[str] = frozenset()
    share_words: frozenset[str] = frozenset()
    subscribe: tuple[str, ...] = ()
    kicker: frozenset[str] = frozenset()
    embed_intro: tuple[str, ...] = ()
    credit: tuple[str, ...] = ("\0",)
    cookie: re.Pattern[str] | None = None
    languages: list[str] = field(default_factory=list)

    def related_label(self, line: str) -> str | None:
        """`alone` when the line is only a "read also" label, `inline` when a headline follows on it."""
        key = label_key(line)
        if key in self.related:
            return "alone"
        low = line.casefold().replace("’", "'").lstrip(STRIP_CHARS)
        for cue in self.related:
            if low.startswith(cue) and low[len(cue) : len(cue) + 2].startswith(_SEPARATORS):
                return "inline"
        return None

    def reason(self, line: str) -> str | None:
        """The debris reason for one normalised, non-empty line, or None when it is content."""
        if _LONE_DASH.match(line):
            return "lone-dash"
        first = line.split(" ", 1)
        if len(first) == 2 and first[0] in self.nav_prefixes and len(line) <= 300:
            return "navigation"
        key = label_key(line)
        if not key:
            return "lone-dash"
        if len(line) <= 80:
            if key in self.navigation:
                return "navigation"
            if key in self.kicker:
                return "kicker"
            if key in self.share or all(w in self.share_words for w in _WORD_SPLIT.split(key) if w):
                return "share"
        if _LINK_ONLY.match(line):
            return "link"
        if len(line) < 160 and key.startswith(self.subscribe):
            return "subscribe"
        if len(line) < 200 and line.casefold().startswith(self.credit):
            return "credit"
        if len(line) < 200 and key.startswith(self.embed_intro):
            return "embed-signature" if "(@" in line else "embed-label"
        if self.cookie is not None and len(line) < 400 and self.cookie.search(key):
            return "cookie"
        if len(line) <= 60 and _DATE_ONLY.match(line):
            return "date-line"
        return None


def load_rules(languages: list[str] | None = None) -> DebrisRules:
    """Compile the cues of `languages` (all of them by default) from the data file."""
    data = load_yaml(DEBRIS_DATA)
    langs = data.get("languages") or {}
    chosen = languages or list(langs)
    if "any" not in chosen:
        chosen = ["any", *chosen]

    def cues(section: str) -> list[str]:
        out: list[str] = []
        for lang in chosen:
            out.extend(label_key(str(c)) for c in (langs.get(lang) or {}).get(section) or [])
        return [c for c in out if c]

    def raw_cues(section: str) -> list[str]:  # prefixes compared as written (punctuation matters)
        out: list[str] = []
        for lang in chosen:
            out.extend(str(c).casefold() for c in (langs.get(lang) or {}).get(section) or [])
        return [c for c in out if c]

    share = cues("share")
    cookie = cues("cookie")
    return DebrisRules(
        nav_prefixes=frozenset(str(p) for p in data.get("nav_prefixes") or []),
        navigation=frozenset(cues("navigation")),
        related=tuple(sorted(set(cues("related")), key=len, reverse=True)),
        share=frozenset(share),
        share_words=frozenset(c for c in share if " " not in c),
        subscribe=tuple(cues("subscribe")) or ("\0",),
        kicker=frozenset(cues("kicker")),
        embed_intro=tuple(cues("embed_intro")) or ("\0",),
        credit=tuple(raw_cues("credit")) or ("\0",),
        cookie=re.compile("|".join(re.escape(c) for c in cookie)) if cookie else None,
        languages=chosen,
    )
