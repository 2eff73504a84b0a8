"""Inputs: files, folders, globs, stdin, gzip, encodings, and every kind of bad input (one Rejected each)."""

from __future__ import annotations

import gzip
import io
import sys
from datetime import date
from pathlib import Path

import pytest

from casus.doc import Doc, Rejected
from casus.ingest import read_inputs
from casus.ingest.sources import format_of, sniff
from casus.options import Options

ARTICLE_IT = (
    "Il governo convoca i sindacati sul caro energia\n\n"
    "Il ministro del Lavoro ha convocato per giovedì i segretari dei tre sindacati confederali. "
    "Sul tavolo ci sono le bollette e il taglio del cuneo fiscale.\n"
)
ARTICLE_FR = (
    "Grève dans les transports : le trafic perturbé à Lyon\n\n"
    "Les syndicats ont appelé à une journée de mobilisation contre la réforme. "
    "« Nous ne céderons pas », a déclaré une porte-parole à l'AFP.\n"
)


def items(inputs: list[str], opts: Options | None = None) -> list[Doc | Rejected]:
    return list(read_inputs(inputs, opts or Options()))


def only_rejected(result: list[Doc | Rejected]) -> Rejected:
    rejected = [r for r in result if isinstance(r, Rejected)]
    assert len(rejected) == 1, result
    return rejected[0]


def test_ingest_sources_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "sindacati.txt"
    path.write_text(ARTICLE_IT, encoding="utf-8")
    (doc,) = items([str(path)])
    assert isinstance(doc, Doc)
    assert doc.id == str(path) and doc.origin == str(path)
    assert doc.source_format == "text"
    assert doc.raw.startswith("Il governo convoca")


def test_ingest_sources_accepts_paths(tmp_path: Path) -> None:
    path = tmp_path / "sindacati.txt"
    path.write_text(ARTICLE_IT, encoding="utf-8")
    (doc,) = list(read_inputs([path], Options()))
    assert doc.id == str(path)


def test_ingest_sources_folder_is_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ARTICLE_IT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE_FR, encoding="utf-8")
    ids = [d.id for d in items([str(tmp_path)])]
    assert ids == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt")]


def test_ingest_sources_glob_and_missing_pattern(tmp_path: Path) -> None:
    for name in ("uno.txt", "due.txt", "note.md"):
        (tmp_path / name).write_text(ARTICLE_IT, encoding="utf-8")
    result = items([str(tmp_path / "*.txt"), str(tmp_path / "*.nothing")])
    assert [Path(d.id).name for d in result if isinstance(d, Doc)] == ["due.txt", "uno.txt"]
    assert only_rejected(result).reason == "no file matches this pattern"


def test_ingest_sources_missing_file(tmp_path: Path) -> None:
    rej = only_rejected(items([str(tmp_path / "assente.txt")]))
    assert rej.reason == "no such file or directory"


def test_ingest_sources_gzip_is_transparent(tmp_path: Path) -> None:
    path = tmp_path / "greve.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE_FR.encode("utf-8")))
    (doc,) = items([str(path)])
    assert doc.raw.startswith("Grève dans les transports")


def test_ingest_sources_truncated_gzip_rejected(tmp_path: Path) -> None:
    data = gzip.compress((ARTICLE_FR * 50).encode("utf-8"))
    path = tmp_path / "coupe.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    rej = only_rejected(items([str(path)]))
    assert "truncated gzip" in rej.reason and rej.input == str(path)


def test_ingest_sources_empty_file_rejected(tmp_path: Path) -> None:
    path = tmp_path / "vuoto.txt"
    path.write_text("  \n\n ", encoding="utf-8")
    assert only_rejected(items([str(path)])).reason == "empty input"


def test_ingest_sources_binary_file_rejected(tmp_path: Path) -> None:
    path = tmp_path / "foto.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 8)
    rej = only_rejected(items([str(path)]))
    assert rej.reason.startswith("binary file")


def test_ingest_sources_undecodable_rejected(tmp_path: Path) -> None:
    # bytes that are neither UTF-8 nor readable in any 8-bit code page: no NULs, but noise
    noise = bytes((i * 167 + 89) % 255 + 1 for i in range(4000))
    path = tmp_path / "rumore.txt"
    path.write_bytes(noise)
    rej = only_rejected(items([str(path)]))
    assert rej.reason == "undecodable: not UTF-8 and no legacy 8-bit encoding reads it as text"


def test_ingest_sources_enormous_file_rejected_with_size(tmp_path: Path) -> None:
    path = tmp_path / "enorme.txt"
    path.write_text("Ein sehr langer Text über den Haushalt. " * 2000, encoding="utf-8")
    rej = only_rejected(items([str(path)], Options(max_bytes=20_000)))
    assert rej.reason == "file is 82 kB, over the 20 kB cap"


def test_ingest_sources_gzip_over_cap_once_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "bomba.txt.gz"
    path.write_bytes(gzip.compress(b"Sanzioni. " * 30_000))  # 300 kB of text in a few kB
    rej = only_rejected(items([str(path)], Options(max_bytes=100_000)))
    assert rej.reason == "decompressed text is over the 100 kB cap"


def test_ingest_sources_size_message_in_megabytes(tmp_path: Path) -> None:
    from casus.ingest.decode import cap_message

    assert cap_message(31_200_000, 20_000_000) == "file is 31.2 MB, over the 20 MB cap"


def test_ingest_sources_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(ARTICLE_FR.encode("utf-16"))
    (doc,) = items([str(path)])
    assert "« Nous ne céderons pas »" in doc.raw
    assert doc.meta["encoding"] == "utf-16"


def test_ingest_sources_cp1252(tmp_path: Path) -> None:
    text = (
        "Perché la città è più cara: l’inflazione a dicembre\n\n"
        "Secondo l’Istat i prezzi sono cresciuti del 5,7% rispetto a un anno fa, con l’energia in testa. "
        "«È un colpo per le famiglie», dice un’associazione di consumatori.\n"
    )
    path = tmp_path / "istat.txt"
    path.write_bytes(text.encode("cp1252"))
    (doc,) = items([str(path)])
    assert doc.raw == text
    assert doc.meta["encoding"] == "cp1252"


def test_ingest_sources_utf8_with_a_broken_byte_stays_utf8(tmp_path: Path) -> None:
    text = "Die Verhandlungen über den Haushalt in Brüssel gehen weiter, sagte die Ministerin. " * 20
    data = text.encode("utf-8")
    path = tmp_path / "kaputt.txt"
    path.write_bytes(data[:500] + b"\xff" + data[500:])
    (doc,) = items([str(path)])
    assert "Brüssel" in doc.raw and "\ufffd" in doc.raw
    assert doc.meta["encoding"] == "utf-8 (damaged)"


def test_ingest_sources_short_cp1252_is_not_damaged_utf8(tmp_path: Path) -> None:
    path = tmp_path / "breve.txt"
    path.write_bytes("Crisi di governo: Draghi si è dimesso.".encode("cp1252"))
    (doc,) = items([str(path)])
    assert doc.raw == "Crisi di governo: Draghi si è dimesso." and doc.meta["encoding"] == "cp1252"


def test_ingest_sources_html_declared_charset(tmp_path: Path) -> None:
    body = (
        "<p>Государственная дума приняла в первом чтении законопроект о бюджете на следующий год, "
        "сообщили в пресс-службе парламента.</p><p>Против проголосовали депутаты оппозиции, которые "
        "потребовали увеличить расходы на здравоохранение и образование.</p>"
    )
    page = f"<html><head><meta charset='windows-1251'><title>Бюджет</title></head><body><article>{body}</article></body></html>"
    path = tmp_path / "duma.html"
    path.write_bytes(page.encode("cp1251"))
    (doc,) = items([str(path)])
    assert "Государственная дума приняла" in doc.raw


def test_ingest_sources_folder_with_broken_files_continues(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"ok{i}.txt").write_text(ARTICLE_IT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01\x02" * 100)
    data = gzip.compress(ARTICLE_IT.encode() * 40)
    (tmp_path / "cut.txt.gz").write_bytes(data[:30])
    (tmp_path / "bad.jsonl").write_text('{"id": "x1", "text": "Testo valido."}\n{"id": "x2", "text": \n')
    result = items([str(tmp_path)])
    docs = [r for r in result if isinstance(r, Doc)]
    rejected = [r for r in result if isinstance(r, Rejected)]
    assert len(docs) == 6  # five pages and one good JSONL record
    assert sorted(Path(r.input).name for r in rejected) == [
        "bad.jsonl:2",
        "bin.dat",
        "cut.txt.gz",
        "empty.txt",
    ]
    assert all("\n" not in r.reason for r in rejected)


def test_ingest_sources_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(ARTICLE_FR.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    (doc,) = items(["-"])
    assert doc.id == "stdin" and doc.origin == "-"
    assert doc.raw.startswith("Grève")


def test_ingest_sources_stdin_empty_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    rej = only_rejected(items(["-"]))
    assert rej.input == "-" and rej.reason == "empty input"


def test_ingest_sources_published_override(tmp_path: Path) -> None:
    path = tmp_path / "art.txt"
    path.write_text(ARTICLE_IT, encoding="utf-8")
    jsonl = tmp_path / "recs.jsonl"
    jsonl.write_text('{"id": "r1", "text": "Un testo.", "published": "2020-01-02"}\n', encoding="utf-8")
    opts = Options(published=date(2024, 10, 22))
    result = items([str(path), str(jsonl)], opts)
    assert [d.published for d in result] == [date(2024, 10, 22), date(2024, 10, 22)]


def test_ingest_sources_format_by_extension_and_content() -> None:
    assert format_of("a/b/page.HTML.gz") == "html"
    assert format_of("x.jsonl.gz") == "jsonl"
    assert format_of("notes.txt") == "text"
    assert format_of("unknown") is None
    assert sniff("  <!DOCTYPE html><html lang='it'><body>ciao</body></html>") == "html"
    assert sniff('{"id": "a", "text": "b"}\n') == "jsonl"
    assert sniff("La Camera ha approvato la legge.") == "text"


def test_ingest_sources_sniffs_html_without_extension(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html lang='es'><head><title>El Congreso aprueba el presupuesto</title></head><body>"
        "<article><h1>El Congreso aprueba el presupuesto</h1>"
        "<p>El Congreso de los Diputados aprobó este jueves los presupuestos generales con el apoyo de "
        "los socios del Gobierno, tras semanas de negociaciones con los grupos parlamentarios.</p>"
        "<p>La oposición votó en contra y anunció que recurrirá varias partidas ante el Tribunal "
        "Constitucional, según fuentes parlamentarias consultadas por este diario.</p></article></body></html>"
    )
    path = tmp_path / "pagina"
    path.write_text(page, encoding="utf-8")
    (doc,) = items([str(path)])
    assert doc.source_format == "html"
    assert "presupuestos generales" in doc.raw
