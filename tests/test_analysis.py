from __future__ import annotations

from datetime import date

import pytest

from analyst_fixtures import build_escalation_db
from casus.analysis import EventFilter, SeriesOptions, dyad_series, events_frame, open_db
from casus.analysis.alerts import AlertOptions, active_pairs, find_alerts
from casus.errors import ConfigError, StoreError


@pytest.fixture()
def con(tmp_path):
    return open_db(build_escalation_db(tmp_path / "esc.duckdb"))


def test_analysis_events_frame_filters_by_pair_type_and_modality(con):
    assert events_frame(con).height == 15
    assert events_frame(con, EventFilter(cameo="19")).height == 4
    assert events_frame(con, EventFilter(pair=("UKR", "RUS"))).height == 15
    assert events_frame(con, EventFilter(modality=["hypothetical"])).height == 1
    assert events_frame(con, EventFilter(factual_only=True)).height == 14
    frame = events_frame(con, EventFilter(plover="assault", since=date(2024, 3, 1)))
    assert set(frame["source_url"].to_list()) == {
        f"https://news.example.org/2024-03-13/{n}" for n in range(4)
    }


def test_analysis_filter_rejects_bad_values():
    with pytest.raises(ConfigError, match="modality 'maybe'"):
        EventFilter(modality=["maybe"]).validate()
    with pytest.raises(ConfigError, match="start is after the end"):
        EventFilter(since=date(2024, 2, 1), until=date(2024, 1, 1)).validate()


def test_analysis_open_db_names_a_missing_file(tmp_path):
    with pytest.raises(StoreError, match="nope.duckdb: no such database"):
        open_db(tmp_path / "nope.duckdb")


def test_analysis_series_counts_hypothetical_apart_and_escalates(con):
    frame = dyad_series(con, "RUS", "UKR", SeriesOptions(period="week"))
    assert frame.height == 11
    last = frame.row(-1, named=True)
    assert last["events"] == 4 and last["quad4"] == 4
    assert last["hypothetical"] == 1  # the conditional threat is counted apart ...
    assert last["goldstein_sum"] == pytest.approx(-32.0)  # ... and never in the Goldstein sum
    assert last["escalation_index"] > 10
    quiet = frame.row(5, named=True)
    assert quiet["events"] == 1 and quiet["quad1"] == 1 and abs(quiet["escalation_index"]) < 1


def test_analysis_series_directed_sees_one_side_only(con):
    assert dyad_series(con, "UKR", "RUS", SeriesOptions(directed=True)).is_empty()
    assert dyad_series(con, "RUS", "UKR", SeriesOptions(directed=True, period="day")).height > 11


def test_analysis_alerts_are_explained_by_their_events(con):
    assert active_pairs(con, AlertOptions()) == [("RUS", "UKR")]
    alerts = find_alerts(con, AlertOptions(threshold=2.0))
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert["pair"] == ["RUS", "UKR"] and alert["period"] == "2024-03-11"
    assert [d["cameo"] for d in alert["drivers"][:4]] == ["195"] * 4
    assert all("shelled" in d["evidence"] for d in alert["drivers"][:4])
    assert alert["not_happened"]["hypothetical"] == 1
    assert not find_alerts(con, AlertOptions(threshold=100.0))


def test_analysis_frames_convert_to_pandas(con):
    pd = pytest.importorskip("pandas", reason="the pandas extra is not installed")
    frame = events_frame(con, EventFilter(cameo="195")).to_pandas()
    assert isinstance(frame, pd.DataFrame) and len(frame) == 4
    assert set(frame["source_code"]) == {"RUSMIL"}
    series = dyad_series(con, "RUS", "UKR").to_pandas()
    assert int(series["events"].iloc[-1]) == 4
