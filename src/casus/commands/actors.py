"""`casus actors`: look up how words resolve to actor codes, and add user actor files.

    casus actors lookup "Mark Rutte" --date 2024-10-21 [--lang it] [--json]
    casus actors lookup "la Casa Bianca" --lang it
    casus actors add my-actors.yaml [--dir FOLDER]
    casus actors check my-actors.csv

`lookup` reads the words as one sentence and prints every mention found, with its code, the entry it came
from and why (for a person: the office held on the date). `add` validates a file (format in
casus.actors.userdata) and copies it into the user actor folder, loaded whenever the actors stage is built.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from casus.actors.stage import ActorFinder
from casus.actors.userdata import add_user_file, default_user_dir, read_user_file
from casus.doc import Doc, Sentence
from casus.errors import ConfigError
from casus.options import Options


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("actors", help="look up actor codes; add user actor files")
    actions = parser.add_subparsers(dest="actors_command", metavar="ACTION")

    lookup = actions.add_parser("lookup", help="show how words resolve to actor codes, and why")
    lookup.add_argument("text", help='words to look up, e.g. "Mark Rutte" or "il presidente russo"')
    lookup.add_argument("--date", help="resolve offices on this date (YYYY-MM-DD); default: latest office")
    lookup.add_argument("--lang", help="language of the words (it, en, fr, es, de, ru, ar); default: all")
    lookup.add_argument("--json", action="store_true", help="print JSON")
    lookup.add_argument(
        "--actors-dir", action="append", type=Path, default=[], help="also load user actor files from here"
    )
    lookup.set_defaults(func=cmd_lookup)

    add = actions.add_parser("add", help="validate a user actor file and copy it into the user folder")
    add.add_argument("file", type=Path)
    add.add_argument("--dir", type=Path, help=f"destination folder (default {default_user_dir()})")
    add.set_defaults(func=cmd_add)

    check = actions.add_parser("check", help="validate a user actor file without copying it")
    check.add_argument("file", type=Path)
    check.set_defaults(func=cmd_check)
    parser.set_defaults(func=lambda args: parser.print_help() or 2)


def _parse_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise ConfigError(f"--date {text!r}: want YYYY-MM-DD") from err


def lookup(text: str, day: date | None, lang: str | None, opts: Options | None = None) -> list[dict]:
    finder = ActorFinder.from_options(opts or Options())
    doc = Doc(id="lookup", text=text, lang=lang, published=day)
    doc.sentences = [Sentence(index=0, start=0, end=len(text), paragraph=0)]
    rows = []
    for m in finder.find(doc, day):
        row = {
            "text": m.text,
            "code": m.code,
            "kind": m.kind,
            "country": m.country,
            "org": m.org,
            "role": m.role,
            "name": m.name,
            "members": m.members or None,
            "why": m.rule,
        }
        person = finder.lexicon.people.get(m.name or "")
        if person is not None:
            row["offices"] = [t.describe() for t in person.tenures]
        rows.append(row)
    return rows


def cmd_lookup(args: argparse.Namespace) -> int:
    day = _parse_day(args.date)
    rows = lookup(args.text, day, args.lang, Options(user_actor_dirs=list(args.actors_dir)))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0 if rows else 1
    if not rows:
        print(f"no actor found in {args.text!r}")
        return 1
    on = f" on {day.isoformat()}" if day else " (no date: latest office)"
    for row in rows:
        print(f"{row['text']!r} -> {row['code']}  [{row['kind']}]{on if row.get('offices') else ''}")
        for key in ("name", "org", "country", "role", "members"):
            if row.get(key):
                print(f"  {key}: {row[key]}")
        print(f"  why: {row['why']}")
        for office in row.get("offices", []):
            print(f"  office: {office}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    dest, count = add_user_file(args.file, args.dir)
    print(f"{args.file}: {count} actor(s) valid; copied to {dest}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    actors = read_user_file(args.file)
    print(f"{args.file}: {len(actors)} actor(s) valid")
    return 0
