"""Quantities in text by the language's number conventions: "fino a 12.000 soldati" -> 12000 up_to soldiers.

Public API:

    extract(text, lang, base_offset=0) -> list[Quantity]

Returns casus.doc.Quantity(value, unit, qualifier, text, start, end) with start/end = base_offset + the
offset in `text` (pass the sentence or clause text and its start in doc.text to get doc offsets). `text` of
a quantity runs from its qualifier to its unit ("fino a 12.000 soldati"). `qualifier` is exact, about,
up_to, at_least or more_than, or for vague plurals dozens (10/12), hundreds (100), thousands (1000:
"migliaia", "thousands", "milliers", "miles de", "Tausende"), tens_of_thousands, hundreds_of_thousands,
millions. `unit` is a normalised English noun (soldiers, troops, fighters, dead, killed, injured, arrested,
detained, refugees, displaced, protesters, people, civilians, police, missiles, ...) or None.

Number conventions: it/es/de/fr "12.000" = 12000 and "3,5 milioni" = 3500000; fr/de also "12 000" with a
(narrow) no-break space; en "12,000" and "3.5 million"; number words ("mille", "due milioni", "twelve").
Not quantities: years (a bare 1800-2100 with no unit), dates ("21 ottobre", "October 21"), times (10:30),
percentages, ordinals (1°, 21st, 2e, "3." in German), numbers glued to letters (G7, F-16) and phone-like
digit runs. A number word needs a unit or a scale word after it ("sei soldati", "due milioni").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from casus.coding.modality import phrase_regex, qualifier_data
from casus.doc import Quantity

_DIGIT = re.compile(r"\d")
_EN_DEMONYM = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?:ans|ians|is|ese|ers|ites|s)(?!\w)")
_PUNCT = ".,;:!?\"“”«»()[]'’-"
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*")
_PERCENT = re.compile(
    r"\s?(?:%|per\s?cento|percent|per\s+cent|pour\s?cent|por\s?ciento|prozent)(?!\w)", re.IGNORECASE
)
_ORDINAL_AFTER = {
    "en": re.compile(r"(?:st|nd|rd|th)(?!\w)", re.IGNORECASE),
    "fr": re.compile(r"(?:e|er|re|ème|eme)(?!\w)", re.IGNORECASE),
    "it": re.compile(r"[°ºª]"),
    "es": re.compile(r"[°ºª]"),
    "de": re.compile(r"\.(?:\s+(?![A-ZÄÖÜ]{2})(?=\S)|\s*$)"),
}
_DIGITS = {
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
    "other": r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
}
_PEOPLE = {"people"}
# up to two words (adjectives) between an article and its noun, but not "a group of", "un gruppo di"
_ADJECTIVES = r"(?:(?!(?:of|di|de|des|del|della|dei|degli|von|der|des)\b)[^\W\d_][\w'’-]*\s+){0,2}?"
# units an article may count (victims and participants, not "an official said")
_ARTICLE_UNITS = {
    "killed",
    "dead",
    "injured",
    "arrested",
    "detained",
    "hostages",
    "prisoners",
    "civilians",
    "soldiers",
    "journalists",
    "protesters",
    "police",
    "children",
    "women",
    "people",
    "activists",
    "fighters",
    "rebels",
    "diplomats",
    "refugees",
    "migrants",
}
_PEOPLE_FATE = {"killed", "dead", "injured", "arrested", "detained", "displaced"}
MAX_UNIT_SKIP = 2  # words allowed between a number and its unit ("12,000 North Korean troops")


@dataclass(slots=True)
class _Lexicon:
    lang: str
    number: re.Pattern[str]
    number_digits: re.Pattern[str]
    scales: dict[str, float]
    number_words: dict[str, float]
    vague: dict[str, tuple[float, str]]
    units: dict[str, str]
    unit_max_words: int
    qualifier_before: re.Pattern[str] | None
    qualifier_kind: dict[str, str]
    qualifier_after: re.Pattern[str] | None
    after_kind: dict[str, str]
    months: re.Pattern[str] | None
    months_before: re.Pattern[str] | None
    decimal: str
    first_words: frozenset[str]  # the longest word of each number word and vague plural: a cheap pre-check
    article_units: frozenset[str]  # unit nouns an article may count ("un giornalista"), lower-cased
    article: re.Pattern[str] | None  # article + one of those nouns


def _alternation(words: list[str]) -> str:
    items = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in items) or r"(?!)"


@cache
def _lexicon(lang: str) -> _Lexicon:
    data = qualifier_data(lang)
    q = data.get("quantities", {}) or {}
    code = data.get("lang", "en")
    scales = {str(k).lower(): float(v) for k, v in (q.get("scales") or {}).items()}
    number_words = {str(k).lower(): float(v) for k, v in (q.get("number_words") or {}).items()}
    vague = {str(k).lower(): (float(v[0]), str(v[1])) for k, v in (q.get("vague") or {}).items()}
    units = {str(k).lower(): str(v) for k, v in (q.get("units") or {}).items()}
    digits = _DIGITS["en"] if code == "en" else _DIGITS["other"]
    scale_alt = _alternation(list(scales))
    word_alt = _alternation(list(number_words))
    vague_alt = _alternation(list(vague))
    number = re.compile(
        rf"(?<![\w.,\-/:+])(?P<num>{digits})(?:\s?(?P<scale>{scale_alt})(?!\w))?"
        rf"|(?<![\w'’-])(?P<vague>{vague_alt})(?!\w)"
        rf"|(?<![\w'’-])(?P<word>{word_alt})(?:\s+(?P<wscale>{scale_alt}))?(?!\w)",
        re.IGNORECASE,
    )
    number_digits = re.compile(  # the same groups, digits only: for text without number words
        rf"(?<![\w.,\-/:+])(?P<num>{digits})(?:\s?(?P<scale>{scale_alt})(?!\w))?"
        r"(?P<vague>(?!))?(?P<word>(?!))?(?P<wscale>(?!))?",
        re.IGNORECASE,
    )
    articles = [str(a) for a in q.get("articles") or []]
    article_units = [k for k, v in units.items() if v in _ARTICLE_UNITS and " " not in k]
    article = None
    if articles and article_units:
        spaced = "|".join(re.escape(a) for a in articles if not a.endswith("'"))
        elided = "|".join(re.escape(a[:-1]) + "['’]" for a in articles if a.endswith("'"))
        arts = "|".join(x for x in (f"(?:{spaced})\\s+{_ADJECTIVES}" if spaced else "", elided) if x)
        article = re.compile(
            rf"(?<![\w'’])(?:{arts})(?P<unit>{_alternation(article_units)})(?!\w)", re.IGNORECASE
        )
    kinds: dict[str, str] = {}
    for kind, phrases in (q.get("qualifiers") or {}).items():
        for p in phrases:
            kinds[str(p).lower()] = kind
    before = phrase_regex(list(kinds))
    before_rx = re.compile(rf"(?:{before.pattern})\s*$", re.IGNORECASE) if before else None
    after_kinds: dict[str, str] = {}
    for kind, phrases in (q.get("qualifiers_after") or {}).items():
        for p in phrases:
            after_kinds[str(p).lower()] = kind
    after = phrase_regex(list(after_kinds))
    months = [m for names in (data.get("dates", {}) or {}).get("months", []) for m in names]
    month_rx = re.compile(rf"(?:{_alternation(months)})(?!\w)", re.IGNORECASE) if months else None
    month_before = None
    if months:
        month_before = re.compile(rf"(?:{_alternation(months)})\.?\s*(?:\d{{1,2}},?\s*)?$", re.IGNORECASE)
    return _Lexicon(
        lang=code,
        number=number,
        number_digits=number_digits,
        scales=scales,
        number_words=number_words,
        vague=vague,
        units=units,
        unit_max_words=max((len(k.split()) for k in units), default=1),
        qualifier_before=before_rx,
        qualifier_kind=kinds,
        qualifier_after=after,
        after_kind=after_kinds,
        months=month_rx,
        months_before=month_before,
        decimal=str(q.get("decimal", ",")),
        first_words=frozenset(max(k.split(), key=len) for k in list(number_words) + list(vague) if k.split()),
        article_units=frozenset(article_units),
        article=article,
    )


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


def _digits_value(raw: str, lex: _Lexicon) -> float:
    s = raw.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if lex.lang == "en":
        return float(s.replace(",", ""))
    if "," in s:
        whole, frac = s.split(",", 1)
        return float(whole.replace(".", "") + "." + frac)
    return float(s.replace(".", ""))


def _unit_after(text: str, pos: int, lex: _Lexicon) -> tuple[str | None, int]:
    """The unit among the next words after `pos` (skipping "di/of/de" and a few adjectives)."""
    words = []
    for m in _WORD.finditer(text, pos):
        gap = text[pos if not words else words[-1].end() : m.start()]
        if (
            re.search(r"[\d.;:!?()\[\]\"“”«»]|,\s", gap)
            or re.search(r"\d", text[m.start() : m.end() + 1])
            or len(words) >= MAX_UNIT_SKIP + lex.unit_max_words + 1
        ):
            break
        words.append(m)
    lowered = [_norm(w.group(0)) for w in words]
    for i in range(min(len(words), MAX_UNIT_SKIP + 2)):
        for n in range(lex.unit_max_words, 0, -1):
            if i + n > len(words):
                continue
            key = " ".join(lowered[i : i + n])
            if key in lex.units:
                return lex.units[key], words[i + n - 1].end()
    return None, pos


def _skip_number(text: str, m: re.Match[str], lex: _Lexicon) -> bool:
    """True for years, dates, times, percentages, ordinals and glued or phone-like digits."""
    start, end = m.span()
    after = text[end : end + 12]
    before = text[max(0, start - 15) : start]
    if re.match(r"[.,:/\-]\d", after) or re.search(r"\d[\s.\-/]?$", before):
        return True
    if re.match(r"-?[^\W\d_]", after) and not m.group("scale"):
        return True  # glued to a word: "5G", "48-hour", "25-year-old"
    if _PERCENT.match(after):
        return True
    ordinal = _ORDINAL_AFTER.get(lex.lang)
    if ordinal is not None and ordinal.match(after) and not m.group("scale"):
        return True
    if lex.months is not None:
        if lex.months.match(after.lstrip(" \u00a0.").removeprefix("de ").lstrip()):
            return True  # "21 ottobre", "21. Oktober", "21 de octubre"
        if lex.months_before is not None and lex.months_before.search(before):
            return True  # "October 21", "ottobre 2024", "October 21, 2024"
    return False


def extract(text: str, lang: str, base_offset: int = 0) -> list[Quantity]:
    """Every quantity in `text` (a sentence or clause), in order of appearance."""
    lex = _lexicon(lang)
    found: list[Quantity] = []
    words = {w.strip(_PUNCT) for w in text.lower().replace("’", "'").split()}
    has_words = not lex.first_words.isdisjoint(words)
    numbers = lex.number if has_words else lex.number_digits
    if not has_words and _DIGIT.search(text) is None:
        numbers = None
    for m in numbers.finditer(text) if numbers is not None else ():
        qualifier = "exact"
        if m.group("num") is not None:
            if _skip_number(text, m, lex):
                continue
            value = _digits_value(m.group("num"), lex)
            if m.group("scale"):
                value *= lex.scales[_norm(m.group("scale"))]
        elif m.group("vague") is not None:
            value, qualifier = lex.vague[_norm(m.group("vague"))]
        else:
            value = lex.number_words.get(_norm(m.group("word")), 0.0)
            if m.group("wscale"):
                value *= lex.scales[_norm(m.group("wscale"))]
        unit, unit_end = _unit_after(text, m.end(), lex)
        if unit is None and lex.lang == "en":
            demonym = _EN_DEMONYM.match(text, m.end())
            if demonym is not None:  # "168 Liberians", "4 Iraqis"
                unit, unit_end = "people", demonym.end()
        if m.group("word") is not None and unit is None and not m.group("wscale"):
            continue  # "tre" alone is not a quantity
        num_only = m.group("num") or ""
        if unit is None and not m.group("scale") and re.fullmatch(r"1[89]\d\d|20\d\d|2100", num_only):
            continue  # a year
        if unit == "people":
            fate, fate_end = _unit_after(text, unit_end, lex)
            if fate in _PEOPLE_FATE:
                unit = fate
        start, end = m.start(), max(m.end(), unit_end)
        if lex.qualifier_before is not None:
            q = lex.qualifier_before.search(text, max(0, start - 40), start)
            if q is not None and qualifier == "exact":
                qualifier = lex.qualifier_kind.get(_norm(q.group(0)), "exact")
                start = q.start()
            elif q is not None:
                start = q.start()
        if lex.qualifier_after is not None and qualifier == "exact":
            qa = lex.qualifier_after.match(
                text, m.end() + (len(text[m.end() :]) - len(text[m.end() :].lstrip()))
            )
            if qa is not None:
                qualifier = lex.after_kind.get(_norm(qa.group(0)), "exact")
        found.append(
            Quantity(
                value=value,
                unit=unit,
                qualifier=qualifier,
                text=text[start:end],
                start=base_offset + start,
                end=base_offset + end,
            )
        )
    if lex.article is not None and not lex.article_units.isdisjoint(w.rsplit("'", 1)[-1] for w in words):
        for m in lex.article.finditer(text):
            if any(
                q.start is not None and q.start - base_offset < m.end() and m.start() < q.end - base_offset
                for q in found
            ):
                continue
            unit = lex.units[_norm(m.group("unit"))]
            fate, fate_end = _unit_after(text, m.end(), lex) if unit == "people" else (None, m.end())
            found.append(
                Quantity(
                    value=1.0,
                    unit=fate if fate in _PEOPLE_FATE else unit,
                    qualifier="exact",
                    text=text[m.start() : m.end()],
                    start=base_offset + m.start(),
                    end=base_offset + m.end(),
                )
            )
        found.sort(key=lambda q: q.start or 0)
    return found
