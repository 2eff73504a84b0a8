"""The ontology tables: CAMEO codes, PLOVER types, Goldstein scores and quad classes."""

from __future__ import annotations

import pytest

from casus import ontology
from casus.errors import CasusError


def test_ontology_info_known_code():
    got = ontology.info("0874")
    assert got.root == "08"
    assert got.plover == "RETREAT"
    assert got.quad_class == 2
    assert got.goldstein == 10.0


def test_ontology_unknown_code_raises_naming_it():
    with pytest.raises(CasusError, match="9999"):
        ontology.info("9999")
    assert not ontology.is_valid("9999")
    assert not ontology.is_valid("21")
    assert ontology.is_valid("0332")


def test_ontology_root_and_plover():
    assert ontology.root("1246") == "12"
    assert ontology.plover_of("0332") == "AGREE"  # intent to aid is verbal
    assert ontology.plover_of("072") == "AID"
    assert ontology.plover_of("111") == "ACCUSE"
    assert ontology.plover_of("090") == "ACCUSE"
    assert ontology.plover_of("042") == "CONSULT"
    assert ontology.plover_of("057") == "SUPPORT"
    assert ontology.plover_of("010") is None  # statements: dropped by PLOVER


def test_ontology_plover_fight_becomes_assault():
    for code in ("19", "190", "20", "200", "2042", "18", "186"):
        assert ontology.plover_of(code) == "ASSAULT"


def test_ontology_plover_yield_splits():
    assert ontology.plover_of("081") == "CONCEDE"
    assert ontology.plover_of("0841") == "RETREAT"
    assert ontology.plover_of("0871") == "RETREAT"


def test_ontology_every_code_has_a_current_plover_type_or_none():
    for code in ontology.codes():
        p = ontology.plover_of(code)
        assert p is None and code.startswith("01") or p in ontology.PLOVER_TYPES, code


def test_ontology_quad_classes_by_root():
    assert ontology.quad_class_of("01") == 1
    assert ontology.quad_class_of("057") == 1
    assert ontology.quad_class_of("0332") == 1
    assert ontology.quad_class_of("072") == 2
    assert ontology.quad_class_of("0874") == 2
    assert ontology.quad_class_of("111") == 3
    assert ontology.quad_class_of("138") == 3
    assert ontology.quad_class_of("141") == 4
    assert ontology.quad_class_of("20") == 4


def test_ontology_goldstein_follows_gdelt():
    assert ontology.goldstein_of("016") == -2.0
    assert ontology.goldstein_of("163") == -8.0
    assert ontology.goldstein_of("190") == -10.0
    assert ontology.goldstein_of("072") > 0


def test_ontology_codes_are_complete_and_labelled():
    codes = ontology.codes()
    assert len(codes) > 300
    assert {c[:2] for c in codes} == {f"{r:02d}" for r in range(1, 21)}
    assert all(ontology.label_of(c) for c in codes)
    assert ontology.children("14") == ["140", "141", "142", "143", "144", "145"]


def test_ontology_facts_match_reference(shared_dir):
    ref = shared_dir / "reference" / "ontology" / "CAMEO.goldsteinscale.txt"
    for line in ref.read_text(encoding="utf-8").splitlines()[1:]:
        code, score = line.split("\t")
        assert ontology.goldstein_of(code.strip()) == float(score), code
