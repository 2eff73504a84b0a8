"""Italian and German precision, session 4 audit round 2: talk and modal statements, word senses and inverted
speakers the lexicon coder must not read as asserted events or wrong actors (docs/audit.md, session 4, round 2).

Every sentence here is written for this test, none is corpus text. Each false-event case has a true-event twin,
so a fix that only deletes a trigger fails.
"""

from __future__ import annotations

from coding_helpers import code_with_gazetteer


def _asserted(events, code: str) -> list:
    """Asserted, unnegated events whose CAMEO code starts with `code`."""
    return [e for e in events if e.cameo.startswith(code) and e.modality == "asserted" and not e.negated]


def _codes(e) -> tuple[str | None, str | None]:
    return (e.source.code if e.source else None, e.target.code if e.target else None)


# ------------------------------------------------------------- a threat to strike is a threat, not the strike
def test_it_threat_to_strike_is_a_threat():
    events = code_with_gazetteer("it", "La Corea del Nord minaccia di colpire gli Stati Uniti.")
    assert not _asserted(events, "19")
    assert any(_codes(e) == ("PRK", "USA") for e in _asserted(events, "138"))
    events = code_with_gazetteer("it", "Il presidente russo ha minacciato di bombardare l'Ucraina.")
    assert any(_codes(e) == ("RUSGOV", "UKR") for e in _asserted(events, "138"))
    events = code_with_gazetteer("it", "I soldati russi hanno bombardato l'Ucraina.")
    assert any(_codes(e)[1] == "UKR" for e in _asserted(events, "1"))


# ------------------------------------------------------------------- ready, willing, obliged: not asserted
def test_it_ready_to_attack_is_intended():
    events = code_with_gazetteer("it", "La Russia è pronta ad attaccare l'Ucraina.")
    assert not _asserted(events, "19")
    assert any(e.cameo.startswith("19") and e.modality == "intended" for e in events)
    events = code_with_gazetteer("it", "Le truppe russe hanno attaccato l'Ucraina.")
    assert _asserted(events, "19")


def test_it_willing_needs_being_or_saying():
    events = code_with_gazetteer("it", "Il giudice ha disposto a carico della Russia il sequestro dei beni.")
    assert not [e for e in events if e.cameo == "030"]
    events = code_with_gazetteer("it", "Il governo italiano si è detto disposto a collaborare con la Francia.")
    assert any(_codes(e) == ("ITAGOV", "FRA") for e in events if e.cameo == "030")


def test_it_must_withdraw_is_no_withdrawal_and_the_demand_is_the_speakers():
    events = code_with_gazetteer("it", "Gli Stati Uniti devono ritirare le truppe, ha chiesto il governo iracheno.")
    assert not _asserted(events, "08")
    demands = _asserted(events, "10")
    assert demands and all(_codes(e) == ("IRQGOV", "USA") for e in demands)


def test_it_inverted_speaker_after_quote():
    events = code_with_gazetteer("it", "«Israele deve fermare i bombardamenti», ha chiesto il presidente francese.")
    assert any(_codes(e) == ("FRAGOV", "ISR") for e in events if e.cameo.startswith("10"))
    events = code_with_gazetteer("it", "La polizia ha arrestato i manifestanti, ha denunciato l'opposizione bielorussa.")
    assert any(_codes(e) == ("BLROPP", "BLRCOP") for e in _asserted(events, "11"))


# ---------------------------------------------------------- "denunciare" a crime to the police is no criticism
def test_it_reporting_a_crime_is_no_criticism():
    for text in (
        "La famiglia ha denunciato la scomparsa del ragazzo ai carabinieri.",
        "Il negoziante ha denunciato il furto alla polizia.",
        "Un tifoso è stato denunciato dalla Digos per lesioni.",
        "Il giovane è stato denunciato a piede libero dalla polizia.",
    ):
        assert not [e for e in code_with_gazetteer("it", text) if e.cameo.startswith("11")], text
    events = code_with_gazetteer("it", "Amnesty International ha denunciato le violenze della polizia egiziana.")
    assert any(_codes(e)[1] == "EGYCOP" for e in _asserted(events, "111"))


# ------------------------------------------------------------------------- German: vows, demands, inversion
def test_de_vow_is_no_praise():
    events = code_with_gazetteer("de", "Bei der Finanzierung des Wahlkampfs gelobt der Kandidat Transparenz.")
    assert not [e for e in events if e.cameo.startswith("05")]
    events = code_with_gazetteer("de", "Die Kanzlerin hat die Regierung Frankreichs für ihre Reformen gelobt.")
    assert [e for e in events if e.cameo.startswith("051")]


def test_de_inverted_speaker_wins_over_coordination():
    events = code_with_gazetteer("de", "Israel habe den Waffenstillstand verletzt, warf die Hamas der Regierung vor.")
    accusations = [e for e in events if e.cameo.startswith("112")]
    assert accusations and all(_codes(e)[0] != "ISR" for e in accusations)


def test_de_demanded_withdrawal_is_not_asserted():
    events = code_with_gazetteer(
        "de", "Russland müsse seine Truppen aus der Ukraine abziehen, forderte der französische Präsident."
    )
    assert not _asserted(events, "08")
    assert any(_codes(e) == ("FRAGOV", "RUS") for e in _asserted(events, "10"))
