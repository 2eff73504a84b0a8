from __future__ import annotations

import json

from analyst_fixtures import build_escalation_db
from casus.cli import main


def test_commands_analyst_export_series_and_alerts(tmp_path, capsys):
    db = str(build_escalation_db(tmp_path / "esc.duckdb"))
    assert main(["export", "--db", db, "--format", "gdelt", "--pair", "RUS", "UKR", "--factual"]) == 0
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == 15 and "exported 14 events as gdelt" in out.err
    assert main(["series", "RUS", "UKR", "--db", db, "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[-1]["period"] == "2024-03-11" and rows[-1]["events"] == 4
    assert main(["alerts", "--db", db]) == 0
    text = capsys.readouterr().out
    assert "ALERT RUS–UKR week of 2024-03-11" in text and "not counted" in text


def test_commands_analyst_missing_db_is_one_clear_line(tmp_path, capsys):
    assert main(["series", "RUS", "UKR", "--db", str(tmp_path / "none.duckdb")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "none.duckdb: no such database" in err
