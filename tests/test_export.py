from __future__ import annotations

import csv
import io
import json

import polars as pl
import pytest

from analyst_fixtures import build_escalation_db
from casus.analysis import EventFilter, open_db
from casus.errors import ConfigError
from casus.export import export_events
from casus.export.gdelt import COLUMNS


@pytest.fixture()
def con(tmp_path):
    return open_db(build_escalation_db(tmp_path / "esc.duckdb"))


def test_export_gdelt_has_the_61_columns_in_order(con):
    out = io.StringIO()
    n = export_events(con, "gdelt", out, EventFilter(cameo="195"))
    lines = out.getvalue().splitlines()
    assert n == 4 and len(lines) == 5
    header = lines[0].split("\t")
    assert len(COLUMNS) == 61 and header == COLUMNS
    assert header[:3] == ["GLOBALEVENTID", "SQLDATE", "MonthYear"] and header[-1] == "SOURCEURL"
    row = dict(zip(header, lines[1].split("\t"), strict=True))
    assert row["SQLDATE"] == "20240313" and row["EventCode"] == "195" and row["EventRootCode"] == "19"
    assert (
        row["Actor1Code"] == "RUSMIL"
        and row["Actor1CountryCode"] == "RUS"
        and row["Actor1Type1Code"] == "MIL"
    )
    assert row["Actor2Code"] == "UKR" and row["QuadClass"] == "4" and row["GoldsteinScale"] == "-10.0"
    assert row["ActionGeo_FullName"] == "Kharkiv" and row["ActionGeo_CountryCode"] == "UP"  # FIPS for Ukraine
    assert row["SOURCEURL"].startswith("https://news.example.org/2024-03-13/")
    assert row["GLOBALEVENTID"].isdigit()


def test_export_plover_json_keeps_modality_and_evidence(con):
    out = io.StringIO()
    export_events(con, "plover", out, EventFilter(modality=["hypothetical"]))
    (rec,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rec["event_type"] == "THREATEN" and rec["cameo"] == "138" and rec["modality"] == "hypothetical"
    assert rec["source"]["code"] == "RUSMIL" and rec["target"]["code"] == "UKR"
    assert "would attack" in rec["evidence"]["text"]
    assert rec["quantities"][0]["value"] == 12


def test_export_csv_jsonl_and_parquet_agree(con, tmp_path):
    out = io.StringIO()
    assert export_events(con, "csv", out) == 15
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 15 and {"event_id", "evidence_text", "source_url"} <= set(rows[0])
    out = io.StringIO()
    export_events(con, "jsonl", out)
    assert len(out.getvalue().splitlines()) == 15
    path = tmp_path / "events.parquet"
    assert export_events(con, "parquet", path) == 15
    assert pl.read_parquet(path).height == 15


def test_export_refuses_unknown_format_and_parquet_to_a_stream(con):
    with pytest.raises(ConfigError, match="format 'xml'"):
        export_events(con, "xml", io.StringIO())
    with pytest.raises(ConfigError, match="parquet export needs an output file"):
        export_events(con, "parquet", io.StringIO())
