"""German word order: the participle or the subordinate verb comes last, the subject can follow the finite
verb; passives name their agent with "von"/"durch" before the verb."""

from __future__ import annotations

import pytest

from test_coding_lexicon import build_doc, triples

ACTORS = {"Serbien": "SRB", "den Kosovo": "XKX", "der Kosovo": "XKX", "Der Kosovo": "XKX", "Belgrad": "SRB"}


@pytest.mark.parametrize(
    "text",
    [
        "Serbien hat am Dienstag den Kosovo angegriffen.",
        "Am Dienstag hat Serbien den Kosovo angegriffen.",
        "Die Regierung erklärte, dass Serbien den Kosovo angegriffen habe.",
        "Der Kosovo wurde am Dienstag von Serbien angegriffen.",
    ],
)
def test_coding_lexicon_de_verb_final_source_and_target(text):
    got = triples(build_doc([("body", text)], "de", ACTORS))
    assert any(s == "SRB" and c.startswith("19") and t == "XKX" for s, c, t in got), got


def test_coding_lexicon_de_place_after_in_is_not_the_target():
    got = triples(
        build_doc(
            [("body", "Die Polizei hat in Belgrad zwanzig Demonstranten festgenommen.")],
            "de",
            {"Die Polizei": "SRBCOP", "Belgrad": "SRB", "zwanzig Demonstranten": "SRBCVL"},
        )
    )
    assert any(s == "SRBCOP" and c.startswith("17") and t == "SRBCVL" for s, c, t in got), got


def test_coding_lexicon_de_compound_subject_and_clause_final_passive():
    got = triples(
        build_doc(
            [("body", "Serbien und Montenegro haben den Kosovo angegriffen.")],
            "de",
            {"Serbien": "SRB", "Montenegro": "MNE", "den Kosovo": "XKX"},
        )
    )
    assert ("SRB", "190", "XKX") in got and ("MNE", "190", "XKX") in got
    got = triples(
        build_doc(
            [("body", "Am Freitag sind zwei Serben getötet und drei Albaner verletzt worden.")],
            "de",
            {"zwei Serben": "SRBCVL", "drei Albaner": "ALBCVL"},
        )
    )
    assert not any(s == "SRBCVL" for s, _, _ in got), got
