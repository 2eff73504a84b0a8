"""A military junta governs: CAMEO's agents dictionary (Phoenix) codes JUNTA as government, so the junta
of a named country is that country's GOV and can be the source of what it demands (sentences written for
these tests)."""

from __future__ import annotations

import pytest

from coding_helpers import code_with_gazetteer


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le départ des soldats avait été exigé par la junte arrivée au pouvoir à Niamey."),
        ("it", "La giunta militare del Niger ha chiesto il ritiro delle truppe francesi."),
        ("es", "La junta militar de Níger exigió la retirada de las tropas francesas."),
    ],
)
def test_actors_junta_of_a_country_is_its_government(lang, text):
    sources = [
        e.source.code for e in code_with_gazetteer(lang, text) if e.cameo.startswith("10") and e.source
    ]
    assert sources == ["NERGOV"]
