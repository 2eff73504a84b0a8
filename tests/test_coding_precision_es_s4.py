"""Spanish precision, session 4: a closing reporting frame (", acusó la policía.", ", denunció el ministro.")
reports the sentence's events and is no accusation of its own.

Every sentence is written for this test (none is corpus or gold text).
"""

from __future__ import annotations

import pytest

from coding_helpers import code_with_gazetteer


def _events(text: str) -> list:
    return code_with_gazetteer("es", text)


@pytest.mark.parametrize(
    "text",
    [
        "Cientos de estudiantes saquearon tres comercios en el centro de Caracas, acusó la policía el martes.",
        "Los rebeldes atacaron una base militar en el norte, denunció este lunes el ministro de Defensa.",
    ],
)
def test_es_closing_frame_is_attribution_not_accusation(text):
    events = _events(text)
    assert events, text
    assert not any(e.cameo.startswith("11") for e in events), [(e.cameo, e.rule) for e in events]
    assert all(e.attribution is not None and e.modality == "reported" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "El gobierno de Perú acusó a los sindicatos de organizar disturbios.",
        "Los manifestantes quemaron dos autobuses, acusó la policía de haber actuado con violencia.",
        "Miles de obreros marcharon en Lima, acusando al gobierno de corrupción.",
    ],
)
def test_es_accusation_with_target_or_content_stays(text):
    assert any(e.cameo.startswith("112") for e in _events(text)), text
