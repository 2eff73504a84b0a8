from __future__ import annotations

import csv
import io

import httpx
import pytest

from analyst_fixtures import build_escalation_db
from api_server import serve


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    db = build_escalation_db(tmp_path_factory.mktemp("api") / "esc.duckdb")
    with serve(db) as url:
        yield url


def test_api_events_filters_and_pages_over_http(base):
    r = httpx.get(f"{base}/events", params={"pair": "UKR,RUS", "limit": 5})
    assert r.status_code == 200
    data = r.json()
    assert data["total"] == 15 and len(data["events"]) == 5 and data["next"]
    page2 = httpx.get(data["next"]).json()
    assert page2["offset"] == 5
    assert not {e["event_id"] for e in page2["events"]} & {e["event_id"] for e in data["events"]}
    hyp = httpx.get(f"{base}/events", params={"modality": "hypothetical"}).json()
    assert hyp["total"] == 1 and hyp["events"][0]["cameo"] == "138"
    assert httpx.get(f"{base}/events", params={"cameo": "19", "min_confidence": 0.5}).json()["total"] == 4


def test_api_events_csv_twin(base):
    r = httpx.get(f"{base}/events", params={"plover": "ASSAULT", "format": "csv"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 4 and all(row["cameo"] == "195" for row in rows)


def test_api_event_detail_highlights_evidence_and_links_document(base):
    first = httpx.get(f"{base}/events", params={"cameo": "195", "limit": 1}).json()["events"][0]
    detail = httpx.get(f"{base}/events/{first['event_id']}").json()
    assert detail["highlight"]["evidence"].startswith("Russian forces shelled")
    assert detail["document"]["url"].startswith("https://news.example.org/")
    assert detail["mentions"][0]["sentence"] == 0
    doc = httpx.get(f"{base}/documents/{first['doc_id']}").json()
    assert doc["events"][0]["cameo"] == "195" and doc["sentences"][0]["idx"] == 0
    assert httpx.get(f"{base}/events/nope").status_code == 404


def test_api_series_and_alerts(base):
    series = httpx.get(f"{base}/series", params={"a": "RUS", "b": "UKR"}).json()["series"]
    assert series[-1]["events"] == 4 and series[-1]["hypothetical"] == 1
    alerts = httpx.get(f"{base}/alerts").json()
    assert alerts["total"] == 1 and alerts["alerts"][0]["pair"] == ["RUS", "UKR"]


def test_api_bad_filters_are_clear_errors(base):
    r = httpx.get(f"{base}/events", params={"modality": "maybe"})
    assert r.status_code == 400 and "modality 'maybe'" in r.json()["detail"]
    assert httpx.get(f"{base}/events", params={"pair": "RUS"}).status_code == 400
    assert httpx.get(f"{base}/events", params={"limit": 0}).status_code == 422


def test_api_is_read_only_without_token(base):
    r = httpx.post(f"{base}/ingest", json={"id": "x", "text": "Testo."})
    assert r.status_code == 403


def test_api_openapi_and_dashboard_are_served(base):
    paths = httpx.get(f"{base}/openapi.json").json()["paths"]
    assert {"/events", "/events/{event_id}", "/series", "/alerts", "/documents/{doc_id}"} <= set(paths)
    page = httpx.get(f"{base}/").text
    assert "/static/app.js" in page and "cdn" not in page.lower()
    assert httpx.get(f"{base}/static/app.js").status_code == 200


def test_api_ingest_with_token(tmp_path):
    db = build_escalation_db(tmp_path / "w.duckdb")
    with serve(db, token="s3cret") as url:
        rec = {
            "id": "w1",
            "lang": "en",
            "published": "2024-05-02",
            "text": "Ukraine and Poland sign defence pact\n\nUkraine and Poland signed a defence agreement "
            "in Warsaw on Thursday.",
        }
        assert (
            httpx.post(f"{url}/ingest", json=rec, headers={"Authorization": "Bearer wrong"}).status_code
            == 401
        )
        r = httpx.post(f"{url}/ingest", json=[rec, {"id": "bad"}], headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 200
        body = r.json()
        assert body["added"] == 1 and len(body["rejected"]) == 1 and "no `text`" in body["rejected"][0]
        assert httpx.get(f"{url}/documents/w1").json()["lang"] == "en"
