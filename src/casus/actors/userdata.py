"""User actor files: extend the gazetteer without editing the package.

Where casus looks, in order (all that exist are loaded when the actors stage is built):
  1. the folders in Options.user_actor_dirs;
  2. the folders in the environment variable CASUS_ACTORS_DIR (several joined with the path separator);
  3. the user folder `$CASUS_HOME/actors`, or `~/.config/casus/actors` where CASUS_HOME is unset
     (`casus actors add FILE` validates a file and copies it there).
Every `*.yaml`, `*.yml`, `*.csv` and `*.tsv` file in those folders is read.

YAML format::

    actors:
      - name: Acme Liberation Front      # required: the canonical name (matched too)
        code: ITAREB                     # required unless tenures: a CAMEO code (XXX + 0-3 role codes, or ---ROLE)
        aliases: [ALF, Fronte Acme]      # optional: other surface forms
        lang: it                         # optional: match only in documents in this language
        org: ALF                         # optional: short name, shown as Mention.org
      - name: Maria Rossi                # a person with dated offices: the code is resolved on the document date
        tenures:
          - {code: ITAGOV, start: 2021-02-13, end: 2022-10-22, office: Minister of Justice}

CSV/TSV format (header required; one row per actor, or per tenure of a person; aliases joined with "|"):

    name,code,aliases,lang,org,start,end,office

A user entry wins over a built-in one on the same words. A bad file raises ConfigError naming the file and
the line.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from casus.actors.entries import Entry, Person, Tenure
from casus.actors.load import Lexicon, add_person
from casus.errors import ConfigError
from casus.options import Options

CODE = re.compile(r"^(---|[A-Z]{3})([A-Z]{3}){0,3}$")
SUFFIXES = (".yaml", ".yml", ".csv", ".tsv")
LANGS = {"it", "en", "fr", "es", "de", "ru", "ar", "pt", "nl", "zh", "ja", "ko", "tr", "uk", "pl"}


def default_user_dir() -> Path:
    home = os.environ.get("CASUS_HOME")
    if home:
        return Path(home) / "actors"
    return Path.home() / ".config" / "casus" / "actors"


def user_dirs(opts: Options | None) -> list[Path]:
    dirs: list[Path] = list(opts.user_actor_dirs) if opts else []
    env = os.environ.get("CASUS_ACTORS_DIR")
    if env:
        dirs.extend(Path(p) for p in env.split(os.pathsep) if p)
    dirs.append(default_user_dir())
    return list(dict.fromkeys(dirs))


class UserActor:
    def __init__(
        self,
        name: str,
        code: str,
        aliases: list[str],
        lang: str | None,
        org: str | None,
        tenures: list[Tenure],
        where: str,
    ):
        self.name, self.code, self.aliases, self.lang, self.org = name, code, aliases, lang, org
        self.tenures, self.where = tenures, where


def _date(value: Any, where: str, what: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as err:
        raise ConfigError(f"{where}: {what} {value!r} is not a date (want YYYY-MM-DD)") from err


def _code(value: Any, where: str) -> str:
    code = str(value or "").strip()
    if not code.startswith(("IGO", "NGO")) and not CODE.match(code):
        raise ConfigError(
            f"{where}: code {code!r} is not a CAMEO actor code (e.g. RUS, PRKMIL, ---REB, IGOUNO)"
        )
    return code


def _actor(item: Any, where: str) -> UserActor:
    if not isinstance(item, dict):
        raise ConfigError(f"{where}: an actor must be a mapping with at least 'name' and 'code'")
    unknown = set(item) - {"name", "code", "aliases", "lang", "org", "tenures", "kind"}
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    name = str(item.get("name") or "").strip()
    if not name:
        raise ConfigError(f"{where}: 'name' is missing")
    aliases = item.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a for a in aliases.split("|") if a]
    if not isinstance(aliases, list):
        raise ConfigError(f"{where}: 'aliases' must be a list")
    lang = item.get("lang") or None
    if lang is not None and str(lang) not in LANGS:
        raise ConfigError(f"{where}: lang {lang!r} is not a language code casus knows")
    tenures: list[Tenure] = []
    for t in item.get("tenures") or []:
        if not isinstance(t, dict) or "code" not in t:
            raise ConfigError(f"{where}: each tenure needs a 'code' (and optional start, end, office)")
        tenures.append(
            Tenure(
                _code(t["code"], where),
                _date(t.get("start"), where, "start"),
                _date(t.get("end"), where, "end"),
                str(t.get("office") or ""),
            )
        )
    code = _code(item["code"], where) if item.get("code") else ""
    if not code and not tenures:
        raise ConfigError(f"{where}: 'code' is missing (or give 'tenures')")
    return UserActor(
        name, code, [str(a) for a in aliases], lang and str(lang), item.get("org"), tenures, where
    )


def read_yaml_actors(path: Path) -> list[UserActor]:
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read: {err}") from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{line}: not valid YAML: {getattr(err, 'problem', err)}") from err
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise ConfigError(f"{path}:1: want a mapping with an 'actors' list")
    lines: list[int] = []
    for key, value in node.value:
        if key.value == "actors":
            lines = [item.start_mark.line + 1 for item in value.value]
    return [
        _actor(item, f"{path}:{lines[i] if i < len(lines) else 1}") for i, item in enumerate(data["actors"])
    ]


def read_table_actors(path: Path) -> list[UserActor]:
    delim = "\t" if path.suffix == ".tsv" else ","
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter=delim))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise ConfigError(f"{path}: cannot read: {err}") from err
    rows = [(i + 1, r) for i, r in enumerate(rows) if r and not r[0].startswith("#")]
    if not rows:
        raise ConfigError(
            f"{path}:1: empty file (want a header: name,code,aliases,lang,org,start,end,office)"
        )
    header_line, header = rows[0]
    header = [h.strip().lower() for h in header]
    if "name" not in header or "code" not in header:
        raise ConfigError(f"{path}:{header_line}: the header needs at least 'name' and 'code' columns")
    merged: dict[str, UserActor] = {}
    for lineno, row in rows[1:]:
        where = f"{path}:{lineno}"
        if len(row) > len(header):
            raise ConfigError(f"{where}: {len(row)} columns, the header has {len(header)}")
        rec = dict(zip(header, (c.strip() for c in row), strict=False))
        dated = bool(rec.get("start") or rec.get("end"))
        item: dict[str, Any] = {
            "name": rec.get("name"),
            "aliases": rec.get("aliases") or [],
            "lang": rec.get("lang") or None,
            "org": rec.get("org") or None,
        }
        if dated:
            item["tenures"] = [
                {
                    "code": rec.get("code"),
                    "start": rec.get("start"),
                    "end": rec.get("end"),
                    "office": rec.get("office"),
                }
            ]
        else:
            item["code"] = rec.get("code")
        actor = _actor(item, where)
        prev = merged.get(actor.name)
        if prev is not None and actor.tenures and prev.tenures:
            prev.tenures.extend(actor.tenures)
            prev.aliases.extend(a for a in actor.aliases if a not in prev.aliases)
        else:
            merged[actor.name] = actor
    return list(merged.values())


def read_user_file(path: Path) -> list[UserActor]:
    if path.suffix.lower() in (".yaml", ".yml"):
        return read_yaml_actors(path)
    if path.suffix.lower() in (".csv", ".tsv"):
        return read_table_actors(path)
    raise ConfigError(f"{path}: unknown actor file type (want .yaml, .yml, .csv or .tsv)")


def add_to_lexicon(lex: Lexicon, actors: list[UserActor]) -> None:
    for actor in actors:
        if actor.tenures:
            person = Person(actor.name, tuple(actor.tenures), source=actor.where)
            add_person(lex, person, actor.aliases)
            continue
        for form in [actor.name, *actor.aliases]:
            lex.add(
                Entry(
                    "user",
                    form,
                    actor.code,
                    lang=actor.lang,
                    org=actor.org or actor.name,
                    source=f"user {actor.where}",
                )
            )


def load_user_dirs(lex: Lexicon, dirs: list[Path]) -> int:
    """Load every actor file in `dirs` into `lex`; returns how many actors were added."""
    count = 0
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in SUFFIXES and path.is_file():
                actors = read_user_file(path)
                add_to_lexicon(lex, actors)
                count += len(actors)
                lex.sources.append(str(path))
    return count


def add_user_file(path: Path, dest_dir: Path | None = None) -> tuple[Path, int]:
    """Validate `path` and copy it into the user folder; returns (destination, number of actors)."""
    if not path.is_file():
        raise ConfigError(f"{path}: no such file")
    actors = read_user_file(path)
    dest_dir = dest_dir or default_user_dir()
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / path.name
    shutil.copyfile(path, dest)
    return dest, len(actors)
