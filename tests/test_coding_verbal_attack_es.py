"""Spanish attacks in words: "atacó verbalmente / duramente / con duras críticas a X" is criticism (111), "atacó
a X de haber provocado ..." an accusation (112); a physical attack keeps its 18x/19x code.

Every sentence is written for this test (none is corpus or gold text).
"""

from __future__ import annotations

import pytest

from casus.coding.lexicon import LexiconCoder
from casus.doc import Doc
from casus.options import Options
from casus.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(Options(lang="es"), until="actors")


def _codes(pipe: Pipeline, text: str) -> set[str]:
    doc = pipe.run(Doc(id="t", raw=text))
    doc.lang = "es"
    return {e.cameo for e in LexiconCoder(Options(lang="es")).code(doc)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("El ministro atacó verbalmente a los sindicatos durante el debate.", "111"),
        ("El presidente atacó duramente a la oposición por su apoyo a la huelga.", "111"),
        ("La senadora atacó con duras críticas al ministro de Hacienda.", "111"),
        ("El presidente atacó a la oposición de haber provocado la crisis económica.", "112"),
        ("El alcalde atacó a los concejales de mentir sobre el presupuesto.", "112"),
    ],
)
def test_es_verbal_attack_is_criticism_or_accusation(pipe, text, code):
    codes = _codes(pipe, text)
    assert code in codes, codes
    assert not any(c.startswith(("18", "19")) for c in codes), codes


@pytest.mark.parametrize(
    "text",
    [
        "Un grupo armado atacó a los campesinos de la vereda para robar ganado.",
        "Los guerrilleros atacaron a una patrulla de soldados cerca de Cali.",
        "La ciudad fue duramente atacada por la aviación durante la noche.",
    ],
)
def test_es_physical_attack_keeps_its_code(pipe, text):
    codes = _codes(pipe, text)
    assert any(c.startswith(("18", "19")) for c in codes), codes
    assert not any(c.startswith("11") for c in codes), codes
