"""A named group before a role noun (en/de: "Islamic State militants", "PKK fighters"): the group's own code,
and for a group with no country of its own its role (---REB), never an empty code; such a group takes no
country from the place it acts in. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from casus.actors.load import load_builtin
from casus.actors.stage import ActorFinder
from casus.doc import Doc


@pytest.fixture(scope="module")
def finder() -> ActorFinder:
    return ActorFinder(load_builtin())


@pytest.mark.parametrize(
    "lang, text, surface, code",
    [
        (
            "en",
            "Islamic State militants attacked an army checkpoint near Mosul in Iraq.",
            "Islamic State militants",
            "---REB",
        ),
        ("en", "Al-Qaeda fighters stormed a prison in Yemen.", "Al-Qaeda fighters", "---REB"),
        ("en", "PKK fighters ambushed a convoy in Turkey.", "PKK fighters", "TURREB"),
        ("de", "IS-Kämpfer griffen einen Kontrollpunkt im Irak an.", None, None),
    ],
)
def test_group_before_role_keeps_its_code(
    finder: ActorFinder, lang: str, text: str, surface: str | None, code: str | None
) -> None:
    doc = Doc(id="t", text=text, lang=lang, published=date(2019, 10, 15))
    found = {m.text: m.code for m in finder.find(doc)}
    assert "---" not in found.values(), found
    if surface is not None:
        assert found.get(surface) == code, found
