"""The event's own date, resolved against the publication date.

Public API:

    resolve(doc, sent, lang, published, span=None) -> DateResult
    candidates(text, lang, published, base_offset=0) -> list[DateResult]   # every date expression in text
    past_periods(text, lang) -> list[tuple[int, int]]   # "durante la Segunda Guerra Mundial": history

Candidate date expressions are found with per-language regexes built from data/qualifiers/<lang>.yaml
(`dates`): ISO and numeric dates, "lunedì 21 ottobre (2024)", "October 21, 2024", "21 de octubre",
"21. Oktober", month names after a preposition ("a giugno", "in June", "en juin", "en junio", "im Juni":
month precision), "nel 2023" (year precision), weekday names ("venerdì": the last such day on or before
publication), "ieri/yesterday/hier/ayer/gestern", "la settimana scorsa/last week", "il mese scorso/last
month", "l'anno scorso/last year". Named forms are resolved by rule with a past preference (a month or a
day later than publication is taken from the previous year). Numeric dates ("21/10/2024", "10/21/24") go
to dateparser, called on that span only with languages=[lang], PREFER_DATES_FROM='past' and
RELATIVE_BASE=published. Nothing is ever parsed from a whole sentence.

`span` (the trigger's offsets): expressions inside the trigger's clause win, then the nearest in the
sentence. No expression -> the publication date, source "published" (date None when `published` is None).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from casus.coding.modality import PhraseMatcher, clause_span, phrase_matcher, qualifier_data, words_of
from casus.doc import Doc, Sentence

log = logging.getLogger(__name__)
_DIGIT = re.compile(r"\d")
_LAST = re.compile(r"scors\w*|last|dernier\w*|pasad\w*|letzt\w*|vergangen\w*|passat\w*", re.IGNORECASE)
_NEXT = re.compile(r"prossim\w*|next|prochain\w*|próxim\w*|proxim\w*|nächst\w*|kommend\w*", re.IGNORECASE)


@dataclass(slots=True)
class DateResult:
    date: str | None  # ISO "2024-10-21", "2024-06" (month precision) or "2024" (year precision)
    precision: str = "day"  # day | month | year
    source: str = "published"  # text | published
    text: str | None = None  # the date expression found in the text
    start: int | None = None  # offsets of the expression in doc.text
    end: int | None = None


@dataclass(slots=True)
class _Rules:
    lang: str
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    patterns: list[tuple[str, re.Pattern[str], str]]  # kind, regex, what the text needs for it to apply
    phrases: list[tuple[str, PhraseMatcher]]
    relative_days: dict[str, int]


def _alt(words) -> str:
    items = sorted({str(w) for w in words if str(w)}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p).replace("'", "['’]") for p in w.split()) for w in items)


@cache
def _rules(lang: str) -> _Rules:
    data = qualifier_data(lang).get("dates", {}) or {}
    code = qualifier_data(lang).get("lang", "en")
    month_of = {str(n).lower(): i + 1 for i, names in enumerate(data.get("months", [])) for n in names}
    weekday_of = {str(n).lower(): i for i, names in enumerate(data.get("weekdays", [])) for n in names}
    relative = {
        str(k).lower().replace("’", "'"): int(v) for k, v in (data.get("relative_days") or {}).items()
    }
    months = _alt(month_of)
    weekdays = _alt(weekday_of)
    mprep = _alt(data.get("month_prepositions", []))
    yprep = _alt(data.get("year_prepositions", []))
    b, e = r"(?<![\w'’])", r"(?!\w)"
    year = r"(?P<y>(?:1[89]|20)\d\d)"
    pats: list[tuple[str, str]] = [
        ("iso", rf"{b}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){e}"),
        ("numeric", rf"{b}\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}}){e}"),
    ]
    wd = rf"(?:(?P<wd>{weekdays}),?\s+)?"
    if code == "en":
        pats.append(
            ("dmy", rf"{b}{wd}(?P<mn>{months})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{e}(?:,?\s+{year}{e})?")
        )
        pats.append(
            (
                "dmy",
                rf"{b}{wd}(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mn>{months}){e}(?:,?\s+{year}{e})?",
            )
        )
    else:
        art = r"(?:(?:il|l['’]|le|el|am|den|dem|vom)\s*)?"
        pats.append(
            (
                "dmy",
                rf"{b}{wd}{art}(?P<d>\d{{1,2}})(?:\.|º|°|er|ème)?\s+(?:de\s+)?(?P<mn>{months}){e}"
                rf"(?:\s+(?:de\s+|del\s+)?{year}{e})?",
            )
        )
    pats.append(("my", rf"{b}(?P<mn>{months})\s+(?:de\s+|del\s+|of\s+)?{year}{e}"))
    if mprep:
        pats.append(("month", rf"{b}(?:{mprep})\s+(?P<mn>{months}){e}(?!\s*\d)"))
    if yprep:
        pats.append(("year", rf"{b}(?:{yprep})\s*{year}{e}"))
    if weekdays:
        pats.append(("weekday", rf"{b}(?P<wd>{weekdays}){e}(?!,?\s+\d)"))
    needs = {"iso": "digit", "numeric": "digit", "year": "digit", "dmy": "digit+month", "my": "digit+month"}
    needs |= {"month": "month", "weekday": "weekday"}
    compiled = [(kind, re.compile(src, re.IGNORECASE), needs[kind]) for kind, src in pats]
    phrases: list[tuple[str, PhraseMatcher]] = []
    for kind, key in (
        ("relative", "relative_days"),
        ("last_week", "last_week"),
        ("last_month", "last_month"),
        ("last_year", "last_year"),
    ):
        matcher = phrase_matcher(list(data.get(key) or []))
        if matcher is not None:
            phrases.append((kind, matcher))
    return _Rules(code, month_of, weekday_of, compiled, phrases, relative)


def _past_year(month: int, day: int, published: date) -> int:
    year = published.year
    try:
        if date(year, month, day) > published:
            year -= 1
    except ValueError:
        pass
    return year


def _dateparser(text: str, lang: str, published: date | None) -> date | None:
    import dateparser  # imported lazily: only numeric spans need it

    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    try:
        got = dateparser.parse(text, languages=[lang], settings=settings)
    except Exception as err:  # dateparser raises assorted errors on odd spans
        log.debug("dateparser could not read %r: %s", text, err)
        return None
    return got.date() if got else None


def _month(m: re.Match[str], rules: _Rules) -> int:
    """The month number of the match; KeyError for an English month name in lower case ("may", "march":
    English writes months with a capital, so these are the modal verb and the verb)."""
    name = m.group("mn")
    if rules.lang == "en" and not name[:1].isupper():
        raise KeyError(name)
    return rules.month_of[name.lower()]


def _resolve_match(
    kind: str, m: re.Match[str], rules: _Rules, published: date | None
) -> tuple[str, str] | None:
    """(ISO date, precision) for one matched expression, or None when it cannot be resolved."""
    g = m.groupdict()
    try:
        if kind == "iso":
            return date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat(), "day"
        if kind == "numeric":
            got = _dateparser(m.group(0), rules.lang, published)
            return (got.isoformat(), "day") if got else None
        if kind == "dmy":
            month, day = _month(m, rules), int(g["d"])
            if g.get("y"):
                return date(int(g["y"]), month, day).isoformat(), "day"
            if published is None:
                return None
            return date(_past_year(month, day, published), month, day).isoformat(), "day"
        if kind == "my":
            return f"{int(g['y']):04d}-{_month(m, rules):02d}", "month"
        if kind == "month":
            month = _month(m, rules)
            if published is None:
                return None
            year = published.year if month <= published.month else published.year - 1
            return f"{year:04d}-{month:02d}", "month"
        if kind == "year":
            return f"{int(g['y']):04d}", "year"
        if published is None:
            return None
        if kind == "weekday":
            target = rules.weekday_of[m.group("wd").lower()]
            around = m.string[max(0, m.start() - 12) : m.end() + 12]
            if _NEXT.search(around):
                ahead = (target - published.weekday()) % 7 or 7
                return (published + timedelta(days=ahead)).isoformat(), "day"
            back = (published.weekday() - target) % 7
            if back == 0 and _LAST.search(around):
                back = 7
            return (published - timedelta(days=back)).isoformat(), "day"
        if kind == "relative":
            key = " ".join(m.group(0).lower().replace("’", "'").split())
            return (published - timedelta(days=rules.relative_days.get(key, 0))).isoformat(), "day"
        if kind == "last_week":
            return (published - timedelta(days=7)).isoformat(), "day"
        if kind == "last_month":
            first = published.replace(day=1) - timedelta(days=1)
            return f"{first.year:04d}-{first.month:02d}", "month"
        if kind == "last_year":
            return f"{published.year - 1:04d}", "year"
    except (ValueError, KeyError):
        return None
    return None


def candidates(text: str, lang: str, published: date | None, base_offset: int = 0) -> list[DateResult]:
    """Every resolvable date expression in `text`, in order; overlapping matches keep the longest."""
    rules = _rules(lang)
    raw: list[tuple[int, int, str, re.Match[str]]] = []
    words = words_of(text)
    have = {
        "digit": _DIGIT.search(text) is not None,
        "month": not words.isdisjoint(rules.month_of),
        "weekday": not words.isdisjoint(rules.weekday_of),
    }
    have["digit+month"] = have["digit"] and have["month"]
    for kind, rx, need in rules.patterns:
        if not have[need]:
            continue
        for m in rx.finditer(text):
            raw.append((m.start(), m.end(), kind, m))
    for kind, matcher in rules.phrases:
        for m in matcher.finditer(text):
            raw.append((m.start(), m.end(), kind, m))
    raw.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
    kept: list[tuple[int, int, str, re.Match[str]]] = []
    for r in raw:
        if any(r[0] < k[1] and k[0] < r[1] for k in kept):
            continue
        kept.append(r)
    kept.sort(key=lambda r: r[0])
    out: list[DateResult] = []
    for start, end, kind, m in kept:
        got = _resolve_match(kind, m, rules, published)
        if got is None:
            continue
        iso, precision = got
        out.append(DateResult(iso, precision, "text", m.group(0), base_offset + start, base_offset + end))
    return out


def resolve(
    doc: Doc,
    sent: Sentence,
    lang: str,
    published: date | None,
    span: tuple[int, int] | None = None,
) -> DateResult:
    """The date of the event in `sent` (nearest to `span` when given), else the publication date."""
    found = candidates(doc.text[sent.start : sent.end], lang, published, base_offset=sent.start)
    if found:
        if span is None:
            return found[0]
        c0, c1 = clause_span(doc, sent, span[0], span[1], lang)

        def rank(r: DateResult) -> tuple[int, int]:
            inside = c0 <= (r.start or 0) and (r.end or 0) <= c1
            dist = max(0, (r.start or 0) - span[1], span[0] - (r.end or 0))
            return (0 if inside else 1, dist)

        return min(found, key=rank)
    return DateResult(published.isoformat() if published else None, "day", "published", None)


@cache
def _past_period_regex(lang: str) -> re.Pattern[str] | None:
    """prepositions + optional article + named period (qualifiers `dates.past_periods`); a name word ending
    in "*" takes any ending ("Zweiten Weltkrieg*": "Weltkriegs", "Weltkrieges")."""
    data = (qualifier_data(lang).get("dates", {}) or {}).get("past_periods") or {}
    names = [str(n) for n in data.get("names", []) if str(n).strip()]
    preps = _alt(data.get("prepositions", []))
    if not names or not preps:
        return None
    arts = _alt(data.get("articles", []))

    def name_src(name: str) -> str:
        words = []
        for w in name.split():
            star = w.endswith("*")
            body = re.escape(w.rstrip("*")).replace("'", "['’]")
            words.append(body + (r"\w*" if star else ""))
        return r"\s+".join(words)

    alts = "|".join(name_src(n) for n in sorted(names, key=len, reverse=True))
    art = rf"(?:(?:{arts})(?:\s+|(?<=['’])))?" if arts else ""
    return re.compile(rf"(?<![\w'’])(?:{preps})\s+{art}(?:{alts})(?!\w)", re.IGNORECASE)


def past_periods(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of `text` that place something in a named period of the past after a preposition of time
    ("durante la Segunda Guerra Mundial", "im Zweiten Weltkrieg", "pendant la guerre froide"): what happened
    then is history the report recalls, not news."""
    rx = _past_period_regex(lang)
    if rx is None:
        return []
    return [m.span() for m in rx.finditer(text)]
