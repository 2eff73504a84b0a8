"""Italian, French and German precision, session 4 audit: word senses, places and modality the lexicon coder
must not read as events or actors (docs/audit.md, the dated section of session 4).

Every sentence here is written for this test, none is corpus text. Each false-event case has a true-event twin,
so a fix that only deletes a trigger fails.
"""

from __future__ import annotations

import pytest

from coding_helpers import code_with_gazetteer


def _asserted(events, code: str) -> list:
    """Asserted, unnegated events whose CAMEO code starts with `code`."""
    return [e for e in events if e.cameo.startswith(code) and e.modality == "asserted" and not e.negated]


def _codes(e) -> tuple[str | None, str | None]:
    return (e.source.code if e.source else None, e.target.code if e.target else None)


# ------------------------------------------------------------------------------- a place is where, not whom
def test_de_city_after_in_is_no_protest_target():
    events = code_with_gazetteer(
        "de", "Tausende Rentner protestierten in Berlin gegen die Kürzungen der Regierung."
    )
    protests = _asserted(events, "14")
    assert protests and all(_codes(e)[1] != "DEU" for e in protests)


def test_de_invasion_and_travel_keep_their_in_target():
    events = code_with_gazetteer("de", "Russische Truppen marschierten in Kiew ein.")
    assert any(_codes(e) == ("RUSMIL", "UKR") for e in _asserted(events, "19"))
    events = code_with_gazetteer("de", "Der Kanzler traf am Abend in Paris ein.")
    assert any(_codes(e)[1] == "FRA" for e in _asserted(events, "042"))


# ------------------------------------------------------------------------ "fordern" claims lives, not demands
@pytest.mark.parametrize(
    "text",
    [
        "Der Anschlag auf den Markt forderte mindestens drei Tote.",
        "Die Explosion forderte nach Angaben der Behörden mehrere Verletzte.",
        "Das Erdbeben forderte mehr als 200 Todesopfer.",
    ],
)
def test_de_claimed_casualties_are_no_demand(text):
    assert not _asserted(code_with_gazetteer("de", text), "10")


def test_de_a_demand_is_still_a_demand():
    events = code_with_gazetteer("de", "Die Angehörigen der Toten forderten eine unabhängige Untersuchung.")
    assert _asserted(events, "10")
