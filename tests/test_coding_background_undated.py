"""A document with no publication date still cannot be older than the latest year it names: an event it dates
more than a year before that year is history, not news (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

from casus.coding.lexicon import _latest_year
from casus.doc import Doc
from coding_helpers import code_with_gazetteer

STORY = (
    "Il tribunale di Lecce ha assolto ieri l'ex sindacalista Mario Colella, accusato di truffa nel 2016. "
    "Colella era stato arrestato nel 1979 con l'accusa di banda armata."
)


def test_coding_background_undated_old_arrest_is_history():
    arrests = [e for e in code_with_gazetteer("it", STORY) if e.cameo.startswith("173")]
    assert not arrests


def test_coding_background_undated_story_without_years_keeps_its_events():
    text = "La polizia ha arrestato ieri a Lecce tre uomini accusati di rapina."
    assert [e for e in code_with_gazetteer("it", text) if e.cameo.startswith("173")]


def test_coding_background_latest_year_ignores_years_still_to_come():
    doc = Doc(id="d", text="Nel 2015 il piano per il 2999 fu approvato; se ne riparlò nel 2018.")
    assert _latest_year(doc) == date(2018, 1, 1)
    assert _latest_year(Doc(id="e", text="Nessun anno qui.")) is None
