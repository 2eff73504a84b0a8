"""The JSONL reader: records to documents, malformed lines and incomplete records rejected one by one."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from casus.doc import Doc, Rejected
from casus.errors import InputError
from casus.ingest import read_inputs
from casus.ingest.jsonl import doc_from_record
from casus.options import Options

RECORDS = [
    {
        "id": "es-001",
        "lang": "es",
        "title": "Protestas en Quito contra la subida del combustible",
        "url": "https://example.org/quito",
        "published": "2019-10-08",
        "text": "Miles de manifestantes marcharon el martes por el centro de Quito.",
        "events": [{"cameo": "141"}],
    },
    {
        "id": 42,
        "text": "Der Bundestag hat am Freitag das Heizungsgesetz verabschiedet.",
        "date": "2023-09-08",
    },
]


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ingest_jsonl_record_fields(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "recs.jsonl", [json.dumps(r, ensure_ascii=False) for r in RECORDS])
    first, second = read_inputs([str(path)], Options())
    assert isinstance(first, Doc) and isinstance(second, Doc)
    assert first.id == "es-001" and first.origin == f"{path}:1"
    assert first.title == "Protestas en Quito contra la subida del combustible"
    assert first.url == "https://example.org/quito"
    assert first.published == date(2019, 10, 8)
    assert first.lang_hint == "es" and first.source_format == "jsonl"
    assert first.raw.startswith("Miles de manifestantes")
    assert "events" not in first.meta
    assert second.id == "42" and second.published == date(2023, 9, 8) and second.origin == f"{path}:2"


def test_ingest_jsonl_malformed_line_rejected_and_file_continues(tmp_path: Path) -> None:
    lines = [
        json.dumps(RECORDS[0]),
        '{"id": "broken", "text": "manca la chiusura',
        "",
        '["not", "an", "object"]',
        json.dumps(RECORDS[1]),
    ]
    path = write_jsonl(tmp_path / "mixed.jsonl", lines)
    result = list(read_inputs([str(path)], Options()))
    assert [type(r).__name__ for r in result] == ["Doc", "Rejected", "Rejected", "Doc"]
    assert result[1].input == f"{path}:2" and result[1].reason.startswith("malformed JSON: ")
    assert result[2].input == f"{path}:4" and "not an object" in result[2].reason


def test_ingest_jsonl_missing_id_or_text_rejected(tmp_path: Path) -> None:
    lines = ['{"text": "Senza identificativo."}', '{"id": "t2"}', '{"id": "t3", "text": "   "}']
    path = write_jsonl(tmp_path / "incomplete.jsonl", lines)
    result = list(read_inputs([str(path)], Options()))
    assert all(isinstance(r, Rejected) for r in result)
    assert [r.reason for r in result] == [
        "record has no `id`",
        "record has no `text` string",
        "record `text` is empty",
    ]


def test_ingest_jsonl_gzip_and_truncated_gzip(tmp_path: Path) -> None:
    body = ("\n".join(json.dumps(dict(RECORDS[1], id=f"d{i}")) for i in range(200)) + "\n").encode()
    good = tmp_path / "ok.jsonl.gz"
    good.write_bytes(gzip.compress(body))
    assert sum(isinstance(d, Doc) for d in read_inputs([str(good)], Options())) == 200
    cut = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(body)
    cut.write_bytes(data[: len(data) - 40])
    result = list(read_inputs([str(cut)], Options()))
    rejected = [r for r in result if isinstance(r, Rejected)]
    assert len(rejected) == 1 and "truncated" in rejected[0].reason and rejected[0].input == str(cut)


def test_ingest_jsonl_record_over_cap_rejected(tmp_path: Path) -> None:
    big = {"id": "big", "text": "Parole, parole, parole. " * 400}
    path = write_jsonl(tmp_path / "big.jsonl", [json.dumps(big), json.dumps(RECORDS[1])])
    result = list(read_inputs([str(path)], Options(max_bytes=2000)))
    assert isinstance(result[0], Rejected) and result[0].reason.startswith("record is ")
    assert isinstance(result[1], Doc)


def test_ingest_jsonl_empty_file_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    (rej,) = read_inputs([str(path)], Options())
    assert isinstance(rej, Rejected) and rej.reason == "empty input"


def test_ingest_jsonl_doc_from_record_contract() -> None:
    opts = Options(published=date(2024, 1, 1))
    doc = doc_from_record(
        {"id": "g1", "text": "Il Papa ha ricevuto il presidente argentino."}, "gold:1", opts
    )
    assert doc.id == "g1" and doc.origin == "gold:1" and doc.published == date(2024, 1, 1)
    with pytest.raises(InputError) as err:
        doc_from_record({"id": "g2"}, "gold:2", Options())
    assert str(err.value) == "gold:2: record has no `text` string"


def test_ingest_jsonl_whole_json_array_and_pretty_record(tmp_path: Path) -> None:
    array = tmp_path / "records.json"
    array.write_text(json.dumps(RECORDS, indent=2, ensure_ascii=False), encoding="utf-8")
    docs = list(read_inputs([str(array)], Options()))
    assert [d.id for d in docs] == ["es-001", "42"] and docs[0].origin == f"{array}:1"
    pretty = tmp_path / "one.json"
    pretty.write_text(json.dumps(RECORDS[1], indent=2), encoding="utf-8")
    (doc,) = list(read_inputs([str(pretty)], Options()))
    assert isinstance(doc, Doc) and doc.id == "42"


def test_ingest_jsonl_binary_or_prose_file_is_one_rejected(tmp_path: Path) -> None:
    binary = tmp_path / "dump.jsonl"
    binary.write_bytes(b'{"id": 1}\x00\x00\x01' * 50)
    (rej,) = list(read_inputs([str(binary)], Options()))
    assert isinstance(rej, Rejected) and rej.reason == "binary file (NUL bytes), not text"
    prose = tmp_path / "notes.jsonl"
    prose.write_text("Appunti della riunione\n" * 30, encoding="utf-8")
    (rej,) = list(read_inputs([str(prose)], Options()))
    assert isinstance(rej, Rejected) and rej.input == str(prose)
    assert rej.reason.startswith("not JSON Lines: the first 5 lines are not records")
