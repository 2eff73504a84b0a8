"""Event record writers: JSON lines, CSV and the rich table, on a hand-made event (no coder needed)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from casus.doc import Event, Mention, Quantity
from casus.errors import ConfigError
from casus.output import CSV_COLUMNS, flatten, make_writer

TEXT = (
    "Berlino invia una brigata in Lituania. "
    "Il ministro della Difesa tedesco ha firmato a Vilnius l'accordo per 4.800 soldati [fonte: Reuters]."
)


def make_event() -> Event:
    start = TEXT.index("Il ministro")
    source = Mention(
        start, start + 33, "Il ministro della Difesa tedesco", "DEUGOV", 1, kind="role", country="DEU"
    )
    tstart = TEXT.index("Lituania")
    target = Mention(tstart, tstart + 8, "Lituania", "LTU", 0, country="LTU")
    return Event(
        doc_id="de-brigade.it",
        lang="it",
        sentence=1,
        evidence_start=start,
        evidence_end=len(TEXT),
        evidence_text=TEXT[start:],
        cameo="0311",
        source=source,
        target=target,
        plover="COOPERATE",
        goldstein=5.2,
        quad_class=1,
        date="2023-12-18",
        quantities=[Quantity(4800, "soldiers", "exact", "4.800 soldati")],
        location={"text": "Vilnius", "country": "LTU", "lat": 54.69, "lon": 25.28},
        confidence=0.8,
    )


def test_output_jsonl_writes_one_record_per_line():
    buf = io.StringIO()
    writer = make_writer("jsonl", buf)
    writer.write(make_event().to_record())
    writer.write(make_event().to_record())
    writer.close()
    lines = buf.getvalue().splitlines()
    assert len(lines) == 2
    rec = json.loads(lines[0])
    assert rec["cameo"] == "0311"
    assert rec["source"]["code"] == "DEUGOV"
    assert rec["evidence"]["text"] == TEXT[rec["evidence"]["start"] : rec["evidence"]["end"]]
    assert "4.800 soldati" in lines[0]  # UTF-8 text kept, not escaped


def test_output_csv_has_header_and_flat_columns():
    buf = io.StringIO()
    writer = make_writer("csv", buf)
    writer.write(make_event().to_record())
    writer.close()
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0].keys()) == CSV_COLUMNS
    assert rows[0]["source_code"] == "DEUGOV"
    assert rows[0]["target_country"] == "LTU"
    assert rows[0]["attribution_code"] == ""
    assert json.loads(rows[0]["quantities"])[0]["value"] == 4800
    assert rows[0]["evidence_text"].startswith("Il ministro")


def test_output_csv_with_no_events_is_just_the_header():
    buf = io.StringIO()
    make_writer("csv", buf).close()
    assert buf.getvalue().strip() == ",".join(CSV_COLUMNS)


def test_output_table_shows_codes_and_evidence_with_brackets_intact():
    buf = io.StringIO()
    writer = make_writer("table", buf)
    writer.write(make_event().to_record())
    writer.close()
    out = buf.getvalue()
    assert "1 event" in out
    assert "DEUGOV" in out and "0311" in out and "COOPERATE" in out
    assert "[fonte:" in out  # square brackets in the text are not taken for rich markup


def test_output_flatten_handles_missing_target_and_attribution():
    rec = make_event().to_record()
    rec["target"] = None
    row = flatten(rec)
    assert row["target_code"] is None and row["source_code"] == "DEUGOV"


def test_output_unknown_format_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown output format"):
        make_writer("xml", io.StringIO())
