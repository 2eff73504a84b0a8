"""French "a" is the auxiliary of the passé composé ("la police a arrêté"), not the preposition "à" of a purpose
or a chained infinitive ("appelé à manifester"): a verb after it is an event of its own, also after another
trigger. Sentences written for this test (none is corpus or gold text)."""

from __future__ import annotations

from casus.coding.lexicon import LexiconCoder
from casus.doc import Doc
from casus.options import Options
from casus.pipeline import Pipeline


def _roots(text: str) -> set[str]:
    doc = Pipeline(Options(lang="fr"), until="actors").run(Doc(id="t", raw=text))
    doc.lang = "fr"
    return {e.cameo[:2] for e in LexiconCoder(Options(lang="fr")).code(doc)}


def test_fr_auxiliary_a_after_another_trigger_keeps_the_verb():
    assert "17" in _roots("Après les affrontements, la police a arrêté dix manifestants.")


def test_es_chained_infinitive_after_a_is_still_no_event_of_its_own():
    doc = Pipeline(Options(lang="es"), until="actors").run(
        Doc(id="t", raw="El gobierno envió soldados a combatir a los rebeldes.")
    )
    doc.lang = "es"
    roots = {e.cameo[:2] for e in LexiconCoder(Options(lang="es")).code(doc)}
    assert "19" not in roots
