"""Country words that name no country: inside an organisation's name, as a language, as a dateline.

- A name phrase: "Forza Italia", "Air France", "Radio France", "Poste Italiane" (a capitalised word right before
  the country or demonym, inside the sentence), "Banca d'Italia", "Autostrade per l'Italia", "Tour de France"
  (a capitalised word and a connector before it), German "die Deutsche Bank", "Deutsche Bahn" (a capitalised
  demonym adjective inside the sentence before a capitalised noun). The organisation is not the country; the
  names the actor data knows (groups.yaml: parties, central banks, broadcasters) win by the longest match
  before this rule is asked. A role word ("il Ministro", "Regierung"), a state noun ("Repubblica",
  "Ambasciata") or another actor before the country keeps the country reading.
- A language: "audio inglese", "in lingua francese", "en anglais", "auf Englisch", "in englischer Sprache"
  (grammar.yaml `language_contexts`), German capitalised "-isch" nouns inside a sentence, French "l'anglais",
  "le français" in lower case (the people are "les Anglais", "le Français").
- A stay: German "im US-Exil", "aus dem Spanien-Urlaub" (a compound of the country and exile or holiday).
- A dateline: "ROMA -", "Berlin (dpa) -", "PARIS, 3 mars (AFP) -" at the start of a sentence says where the
  report was filed; the capital there is a place, not its government (`dateline`).
"""

from __future__ import annotations

import re

from casus.actors.fold import fold
from casus.actors.gazetteer import Atom
from casus.doc import Sentence

COUNTRY_KINDS = frozenset({"country", "capital", "demonym"})

# nouns of the state itself: before a country ("Repubblica d'Italia", "Ambassade de France") they keep it
_STATE_NOUNS = frozenset(
    {
        *("repubblica", "regno", "stato", "stati", "governo", "ambasciata", "consolato", "impero"),
        *("principato", "presidenza", "nazione", "popolo"),
        *("republique", "royaume", "etat", "etats", "gouvernement", "ambassade", "consulat", "empire"),
        *("principaute", "presidence", "nation", "peuple"),
    }
)
_CONNECTOR = {
    "it": r"\s+(di|del|della|dell\s*'|d\s*'|per\s+l\s*'|per\s+la|per\s+il)\s*$",
    "fr": r"\s+(de|du|de\s+la|de\s+l\s*'|d\s*'|pour\s+la|pour\s+l\s*')\s*$",
}
_CONNECTOR_RE = {lang: re.compile(r"(?<![\w'’])([A-ZÀ-Þ]\w*)" + p) for lang, p in _CONNECTOR.items()}
_WORD_BEFORE = re.compile(r"(?<![\w'’])([A-ZÀ-Þ]\w*)[ \-]$")
_WORD_AFTER = re.compile(r"^ ([A-ZÀ-Þ][\w\-]*)")
_OPENERS = (":", "—", "–", "-", "«", '"', "“", "„", "»", "(", "'")
_DATELINE = re.compile(
    r"(\s*/\s*\w[\w .'-]{0,30}?)*\s*(,\s*[^\n\-–—(]{0,30}?)?\s*(\([^)\n]{1,40}\)\s*)?[-–—]\s"
)
_DATELINE_BEFORE = re.compile(r"(\w[\w .'-]{0,30}?\s*/\s*)+")  # "London/Brüssel –": the first city
_STAY = re.compile(r"-(Exil|Urlaub|Aufenthalt)\w*")  # German "im US-Exil", "im Spanien-Urlaub": a place
_ADJECTIVE_DE = re.compile(r"(\w+isch|Deutsch|\w+ländisch)(e|er|es|en|em)")
_LANGUAGE_DE = re.compile(r"[A-ZÄÖÜ]\w*isch|Deutsch")
_ARTICLE_FR = re.compile(r"(?<!\w)(le|l\s*['’])\s*$", re.IGNORECASE)
_NAME_LANGS = frozenset({"it", "fr", "de"})


def _initial(text: str, sent: Sentence, pos: int) -> bool:
    """The word at `pos` opens its sentence, a quotation or a title ("Deutsche Soldaten ..." at the start)."""
    before = text[sent.start : pos].rstrip()
    return not before or before.endswith(_OPENERS) or before.endswith(".")


def _folded_word(word: str) -> str:
    return fold(word).strip("'’")


def _name_word(word: str, end: int, taken: set[int]) -> bool:
    """A capitalised word before a country that can start an organisation's name: no other actor ends there,
    it is no acronym and no noun of the state itself ("Repubblica", "Ambassade")."""
    return end not in taken and not word.isupper() and _folded_word(word) not in _STATE_NOUNS


def in_name(
    atom: Atom, text: str, sent: Sentence, lang: str | None, taken: set[int], role_starts: set[int]
) -> str | None:
    """Why the country or demonym of `atom` is part of a longer name, or None. `taken` holds the end offsets
    of the sentence's other atoms (a role, another country), `role_starts` the start offsets of role atoms."""
    if lang not in _NAME_LANGS or not any(e.kind in COUNTRY_KINDS for e in atom.entries):
        return None
    window = text[max(sent.start, atom.start - 40) : atom.start]
    word = text[atom.start : atom.end]
    if lang in ("it", "fr"):  # German nouns are capitalised; es, en title-case place names ("Andes peruanos")
        m = _WORD_BEFORE.search(window)
        if m is not None:
            prev_start = atom.start - len(window) + m.start(1)
            prev_end = prev_start + len(m.group(1))
            if not _initial(text, sent, prev_start) and _name_word(m.group(1), prev_end, taken):
                return f"part of the name {m.group(1)} {word}"
    conn = _CONNECTOR_RE.get(lang or "")
    if conn is not None and any(
        e.kind == "country" for e in atom.entries
    ):  # "aeroporto Fiumicino di Roma": a place
        m = conn.search(window)
        if m is not None:
            prev_start = atom.start - len(window) + m.start(1)
            prev_end = prev_start + len(m.group(1))
            if _name_word(m.group(1), prev_end, taken):
                return f"part of the name {text[prev_start : atom.end]}"
    if (
        lang == "fr"
        and word.islower()
        and _ARTICLE_FR.search(window)
        and all(e.kind == "demonym" for e in atom.entries)
    ):
        return (
            f"{word}: a language"  # "l'anglais conquérant", "bouter le français": the people are capitalised
        )
    if lang != "de":
        return None
    stay = _STAY.match(text, atom.end)
    if stay is not None:
        return f"{word}{stay.group(0)}: a stay there"
    if (
        not word[:1].isupper()
        or word.isupper()
        or _initial(text, sent, atom.start)
        or not any(e.kind == "demonym" for e in atom.entries)
    ):
        return None
    if _LANGUAGE_DE.fullmatch(word):
        return f"{word}: a language"  # "sagte er auf Englisch": the adjective is written in lower case
    m = _WORD_AFTER.match(text[atom.end : sent.end])
    if (
        m is not None
        and _ADJECTIVE_DE.fullmatch(word)
        and atom.end + 1 not in role_starts
        and not _WORD_AFTER.match(
            text[atom.end + 1 + len(m.group(1)) : sent.end]
        )  # "den Deutschen Max Weber"
    ):
        return f"part of the name {word} {m.group(1)}"
    return None


def dateline(start: int, end: int, text: str, sent: Sentence) -> bool:
    """A capital that opens its sentence and is followed by a dash, perhaps after a date and an agency in
    parentheses, or with other cities: "ROMA -", "Berlin (dpa) -", "PARIS, 3 mars (AFP) –", "London/Brüssel –"."""
    before = text[sent.start : start].strip(" \t\"'«“")
    if before and not _DATELINE_BEFORE.fullmatch(before):
        return False
    return _DATELINE.match(text, end, sent.end) is not None
