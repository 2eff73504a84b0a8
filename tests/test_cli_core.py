"""The core commands through casus.cli.main: ingest, extract, clean, demo."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

import casus.coding.stage
from casus.cli import main
from casus.doc import Doc, Event, Mention

PAGE_IT = """Proteste a Tbilisi contro la legge sugli agenti stranieri

Proteste a Tbilisi contro la legge sugli agenti stranieri
-
Migliaia di persone hanno manifestato lunedì davanti al Parlamento georgiano a Tbilisi.
La polizia ha disperso la folla con gli idranti e ha arrestato venti manifestanti.

Leggi anche:
Armenia e Azerbaigian riprendono i colloqui di pace

PREV Meteo: arriva il caldo
NEXT Calcio: il derby finisce in parità
"""

PAGE_EN = """Japan and the Philippines sign defence pact

Japan and the Philippines sign defence pact
Japan and the Philippines signed an agreement in Manila on Monday that allows their troops to train on each other's soil.
The Chinese foreign ministry said the two countries should not harm the interests of third parties.

Read also:
Typhoon season arrives early in Luzon
"""


def write_inputs(folder: Path, broken: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tbilisi.it.txt").write_text(PAGE_IT, encoding="utf-8")
    (folder / "manila.en.txt").write_text(PAGE_EN, encoding="utf-8")
    if broken:
        (folder / "empty.txt").write_bytes(b"")
    return folder


def fake_coder(opts):
    """A code stage that finds one hand-made event in the first sentence, so writers see a real record."""

    def stage(doc: Doc) -> Doc:
        if not doc.sentences:
            return doc
        sent = doc.sentences[min(1, len(doc.sentences) - 1)]
        text = doc.text[sent.start : sent.end]
        source = Mention(sent.start, sent.start + 4, text[:4], "GEOCVL", sent.index, kind="role")
        doc.events.append(
            Event(
                doc_id=doc.id,
                lang=doc.lang or "und",
                sentence=sent.index,
                evidence_start=sent.start,
                evidence_end=sent.end,
                evidence_text=text,
                cameo="141",
                source=source,
                plover="PROTEST",
                date="2024-05-13",
                coder="test/1",
            )
        )
        return doc

    return stage


def table_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "sentences", "events", "rejected")
        }
    finally:
        con.close()


def test_cli_core_ingest_folder_with_broken_file_exits_1_and_records_it(tmp_path, capsys):
    inputs = write_inputs(tmp_path / "in")
    db = tmp_path / "c.duckdb"
    assert main(["ingest", str(inputs), "--db", str(db)]) == 1
    out, err = capsys.readouterr()
    assert f"casus: rejected {inputs / 'empty.txt'}:" in err
    assert err.count("casus: rejected") == 1
    assert "2 documents read (2 added, 0 already stored), 1 rejected" in out
    counts = table_counts(db)
    assert counts["documents"] == 2 and counts["rejected"] == 1
    assert counts["sentences"] >= 4

    # the same inputs again: nothing stored twice
    assert main(["ingest", str(inputs), "--db", str(db)]) == 1
    out, _ = capsys.readouterr()
    assert "(0 added, 2 already stored)" in out
    assert table_counts(db) == counts


def test_cli_core_ingest_each_bad_input_gives_one_line_and_one_row(tmp_path, capsys):
    inputs = write_inputs(tmp_path / "in")
    (inputs / "scan.txt").write_bytes(bytes(range(256)) * 20)  # binary
    (inputs / "feed.jsonl").write_text(
        '{"id": "kyiv-1", "text": "Il governo italiano ha convocato l\'ambasciatore russo a Roma."}\n'
        '{"id": "kyiv-2", "text": \n',
        encoding="utf-8",
    )
    (inputs / "huge.txt").write_text("Una frase lunga sul vertice di Vilnius. " * 2000, encoding="utf-8")
    db = tmp_path / "c.duckdb"
    assert main(["ingest", str(inputs), "--db", str(db), "--max-mb", "0.05"]) == 1
    out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.startswith("casus: rejected")]
    named = sorted(line.split(": ")[1].split("rejected ", 1)[1] for line in lines)
    assert named == sorted(
        [
            str(inputs / "empty.txt"),
            str(inputs / "scan.txt"),
            f"{inputs / 'feed.jsonl'}:2",
            str(inputs / "huge.txt"),
        ]
    )
    assert "3 documents read" in out and "4 rejected" in out
    assert table_counts(db)["rejected"] == 4


def test_cli_core_ingest_without_rejections_exits_0(tmp_path, capsys):
    inputs = write_inputs(tmp_path / "in", broken=False)
    assert main(["ingest", str(inputs / "manila.en.txt"), "--db", str(tmp_path / "c.duckdb")]) == 0
    assert "1 document read" in capsys.readouterr().out


def test_cli_core_ingest_overrides_language_and_date(tmp_path, capsys):
    inputs = write_inputs(tmp_path / "in", broken=False)
    db = tmp_path / "c.duckdb"
    args = [
        "ingest",
        str(inputs / "manila.en.txt"),
        "--db",
        str(db),
        "--published",
        "2024-07-08",
        "--lang",
        "en",
    ]
    assert main(args) == 0
    con = duckdb.connect(str(db), read_only=True)
    lang, published = con.execute("SELECT lang, published FROM documents").fetchone()
    con.close()
    assert lang == "en" and str(published) == "2024-07-08"


def test_cli_core_bad_options_are_usage_errors(tmp_path, capsys):
    for bad in (["--published", "last monday"], ["--lang", "Italian"], ["--max-mb", "0"]):
        with pytest.raises(SystemExit) as exc:
            main(["ingest", str(tmp_path), *bad])
        assert exc.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_cli_core_unopenable_database_is_fatal_exit_2(tmp_path, capsys):
    inputs = write_inputs(tmp_path / "in", broken=False)
    assert main(["ingest", str(inputs), "--db", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_cli_core_extract_jsonl_writes_valid_records_and_stores_them(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(casus.coding.stage, "make_stage", fake_coder)
    inputs = write_inputs(tmp_path / "in", broken=False)
    db = tmp_path / "x.duckdb"
    assert main(["extract", str(inputs), "--format", "jsonl", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 2
    for rec in records:
        assert rec["cameo"] == "141" and rec["plover"] == "PROTEST"
        assert rec["evidence"]["text"] and rec["evidence"]["end"] > rec["evidence"]["start"]
        assert {"id", "doc_id", "lang", "sentence", "source", "target", "modality", "confidence"} <= set(rec)
    assert {rec["lang"] for rec in records} == {"it", "en"}
    assert "2 documents read" in err  # the summary goes to stderr, records alone to stdout
    assert table_counts(db)["events"] == 2


def test_cli_core_extract_csv_and_table(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(casus.coding.stage, "make_stage", fake_coder)
    monkeypatch.chdir(tmp_path)
    inputs = write_inputs(tmp_path / "in", broken=True)
    assert main(["extract", str(inputs), "--format", "csv"]) == 1
    out, err = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2 and all(r["cameo"] == "141" for r in rows)
    assert "casus: rejected" in err
    assert not (tmp_path / "casus.duckdb").exists()  # without --db nothing is stored

    assert main(["extract", str(inputs / "manila.en.txt"), "--format", "table"]) == 0
    out, _ = capsys.readouterr()
    assert "1 event" in out and "141" in out and "PROTEST" in out


def test_cli_core_clean_prints_text_and_debris(tmp_path, capsys):
    page = write_inputs(tmp_path / "in", broken=False) / "tbilisi.it.txt"
    assert main(["clean", str(page)]) == 0
    text = capsys.readouterr().out
    assert text.count("Proteste a Tbilisi contro la legge") == 1
    assert "PREV" not in text and "Leggi anche" not in text and "Armenia" not in text
    assert "arrestato venti manifestanti" in text

    assert main(["clean", str(page), "--debris"]) == 0
    out = capsys.readouterr().out
    removed = out.split("--- removed", 1)[1]
    assert "repeated-title" in removed
    assert "Leggi anche" in removed and "Armenia e Azerbaigian" in removed
    assert "PREV Meteo" in removed and "NEXT Calcio" in removed
    assert "line 3" in removed  # the repeated title stood on line 3 of the page
    assert "title" in out.split("--- paragraphs", 1)[1]


def test_cli_core_clean_of_an_empty_file_is_rejected(tmp_path, capsys):
    empty = tmp_path / "vuoto.txt"
    empty.write_bytes(b"")
    assert main(["clean", str(empty)]) == 1
    assert f"casus: rejected {empty}" in capsys.readouterr().err


def test_cli_core_demo_prints_summary_and_database(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    db = tmp_path / "out" / "demo.duckdb"
    assert db.exists()
    assert "Documents read : 8 (8 added" in out
    for lang in ("de", "en", "es", "fr", "it"):
        assert f"{lang} " in out.split("Languages", 1)[1].splitlines()[0]
    assert "Rejected inputs: 1" in out and "samples/broken-empty.txt" in out
    assert "Database       : out/demo.duckdb" in out
    assert "Next: casus extract" in out
    counts = table_counts(db)
    assert counts["documents"] == 8 and counts["rejected"] == 1 and counts["sentences"] > 30

    assert main(["demo", "--db", str(tmp_path / "again.duckdb")]) == 0
    assert main(["demo", "--db", str(tmp_path / "again.duckdb")]) == 0
    assert "(0 added to the database, 8 already there)" in capsys.readouterr().out


def test_cli_core_readme_documents_every_command():
    """Every sub-command of `casus` is named in the README (datasette's test_docs habit)."""
    import argparse

    from casus.cli import build_parser

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    missing = [name for name in sub.choices if f"casus {name}" not in readme and f"`{name}`" not in readme]
    assert missing == [], f"commands missing from README.md: {missing}"
