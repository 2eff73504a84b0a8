"""User actor files (YAML/CSV), their validation errors, and the `casus actors` command."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from casus.actors.stage import ActorFinder
from casus.actors.userdata import add_user_file, read_user_file
from casus.cli import main
from casus.doc import Doc, Sentence
from casus.errors import ConfigError
from casus.options import Options

YAML_FILE = """\
# my newsroom's actors
actors:
  - name: Fronte di Liberazione dell'Altopiano
    code: ETHREB
    aliases: [FLA]
  - name: Maria Verdi
    tenures:
      - {code: ITAGOV, start: 2021-02-13, end: 2022-10-22, office: Ministra della Giustizia}
      - {code: ITALEG, start: 2022-10-22, office: Senatrice}
"""


def one_sentence(text: str, lang: str, day: date | None = None) -> Doc:
    return Doc(id="u", text=text, lang=lang, published=day, sentences=[Sentence(0, 0, len(text), 0)])


def test_actors_user_yaml_extends_the_gazetteer(tmp_path: Path):
    (tmp_path / "mine.yaml").write_text(YAML_FILE, encoding="utf-8")
    finder = ActorFinder.from_options(Options(user_actor_dirs=[tmp_path]))
    ms = finder.find(one_sentence("Il FLA ha attaccato; Maria Verdi ha protestato.", "it", date(2022, 1, 5)))
    assert [(m.text, m.code) for m in ms] == [("FLA", "ETHREB"), ("Maria Verdi", "ITAGOV")]
    assert ms[0].kind == "user"
    later = finder.find(one_sentence("Maria Verdi ha votato.", "it", date(2023, 1, 5)))
    assert later[0].code == "ITALEG"


def test_actors_user_csv_and_env_folder(tmp_path: Path, monkeypatch):
    folder = tmp_path / "env"
    folder.mkdir()
    (folder / "extra.csv").write_text(
        "name,code,aliases,lang,org,start,end,office\nComitato Valle Verde,---NGO,CVV,it,CVV,,,\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("CASUS_ACTORS_DIR", str(folder))
    finder = ActorFinder.from_options(Options())
    ms = finder.find(one_sentence("Il CVV ha protestato.", "it"))
    assert [(m.text, m.code, m.org) for m in ms] == [("CVV", "---NGO", "CVV")]


@pytest.mark.parametrize(
    ("name", "content", "expect"),
    [
        ("bad.yaml", "actors:\n  - name: X\n    code: russia\n", "bad.yaml:2: code 'russia'"),
        (
            "bad2.yaml",
            "actors:\n  - name: A\n    code: RUS\n  - code: USA\n",
            "bad2.yaml:4: 'name' is missing",
        ),
        ("bad3.yaml", "actors: [unclosed\n", "bad3.yaml"),
        ("bad4.csv", "name,code,start\nX,RUSGOV,2020-13-01\n", "bad4.csv:2: start '2020-13-01'"),
        ("bad5.csv", "nome,codice\nX,RUS\n", "bad5.csv:1: the header needs"),
        ("bad6.yaml", "actors:\n  - name: A\n    code: RUS\n    colour: red\n", "bad6.yaml:2: unknown field"),
    ],
)
def test_actors_user_bad_files_name_file_and_line(tmp_path: Path, name, content, expect):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_user_file(path)
    assert expect in str(err.value)
    with pytest.raises(ConfigError):
        ActorFinder.from_options(Options(user_actor_dirs=[tmp_path]))


def test_actors_user_add_copies_into_user_folder(tmp_path: Path, monkeypatch):
    src = tmp_path / "mine.yaml"
    src.write_text(YAML_FILE, encoding="utf-8")
    monkeypatch.setenv("CASUS_HOME", str(tmp_path / "home"))
    dest, count = add_user_file(src)
    assert count == 2 and dest == tmp_path / "home" / "actors" / "mine.yaml" and dest.is_file()
    finder = ActorFinder.from_options(Options())
    assert finder.find(one_sentence("Il FLA ha attaccato.", "it"))[0].code == "ETHREB"


def test_actors_cli_lookup_and_add(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("CASUS_HOME", str(tmp_path / "home"))
    assert main(["actors", "lookup", "Mark Rutte", "--date", "2024-10-21", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["code"] == "IGOWSTNAT" and rows[0]["name"] == "Mark Rutte"
    assert any("NLDGOV" in office for office in rows[0]["offices"])
    assert main(["actors", "lookup", "la Casa Bianca", "--lang", "it"]) == 0
    assert "USAGOV" in capsys.readouterr().out
    assert main(["actors", "lookup", "nessuno qui", "--lang", "it"]) == 1
    capsys.readouterr()
    src = tmp_path / "bad.yaml"
    src.write_text("actors:\n  - name: X\n    code: nope\n", encoding="utf-8")
    assert main(["actors", "add", str(src)]) == 2
    assert "bad.yaml:2" in capsys.readouterr().err
    src.write_text(YAML_FILE, encoding="utf-8")
    assert main(["actors", "add", str(src)]) == 0
    assert (tmp_path / "home" / "actors" / "bad.yaml").is_file()
