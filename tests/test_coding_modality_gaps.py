"""Modality cues that a gapped trigger or an elided conjunction used to hide.

- A negation in a gap of a trigger made of several words ("ne font pas part d'inquiétude": the trigger is
  "font ... part ... inquiétude") negates it, as one before or after the trigger does.
- French "s'il" / "s'ils" (si + il) carry their subject: the check for a subject after "si" ("si lourd" is
  an adverb) must not drop them, so "s'il refuse, ..." is a condition.

Every sentence is written for this test (none is corpus or gold text); each case has an asserted twin.
"""

from __future__ import annotations

import pytest

from casus.coding import modality
from casus.doc import Doc, Sentence
from casus.options import Options
from casus.pipeline import Pipeline
from coding_helpers import code_with_actors


@pytest.fixture(scope="module")
def segmenters() -> dict[str, Pipeline]:
    return {lang: Pipeline(Options(lang=lang), until="segment") for lang in ("fr", "es", "de")}


def _coded(segmenters, lang: str, text: str, actors: dict[str, str] | None = None) -> list:
    """Events of one text: the real tokenizer and lemmas, actor mentions given by the test."""
    return code_with_actors(segmenters[lang], lang, text, actors)


def _of(events, code: str) -> list:
    found = [e for e in events if e.cameo.startswith(code)]
    assert found, f"no {code} event in {[(e.cameo, e.rule) for e in events]}"
    return found


def test_modality_negation_in_trigger_gap_negates():
    text = "Les délégués ne font pas part d'inquiétude."
    start, end = text.index("font"), text.index("inquiétude") + len("inquiétude")
    parts = tuple((text.index(w), text.index(w) + len(w)) for w in ("font", "part", "inquiétude"))
    doc = Doc(id="t", text=text, lang="fr")
    sent = Sentence(index=0, start=0, end=len(text), paragraph=0)
    assert modality.detect(doc, sent, start, end, "fr", parts=parts).negated
    # without the words of the trigger the gap is unknown: the old reading stays
    assert not modality.detect(doc, sent, start, end, "fr").negated


@pytest.mark.parametrize(
    ("lang", "negated", "asserted", "actors", "code"),
    [
        (
            "fr",
            "Les ministres n'expriment pas leur inquiétude face à la crise.",
            "Les ministres expriment leur inquiétude face à la crise.",
            {"Les ministres": "---GOV"},
            "012",
        ),
        (
            "fr",
            "Les syndicats ne font pas part d'inquiétude.",
            "Les syndicats font part d'inquiétude.",
            {"Les syndicats": "---LAB"},
            "012",
        ),
        (
            "es",
            "El gobierno no expresó ninguna preocupación por los despidos.",
            "El gobierno expresó su preocupación por los despidos.",
            {"El gobierno": "---GOV"},
            "012",
        ),
    ],
)
def test_coder_negation_inside_gapped_trigger(segmenters, lang, negated, asserted, actors, code):
    assert all(e.negated for e in _of(_coded(segmenters, lang, negated, actors), code))
    assert not any(e.negated for e in _of(_coded(segmenters, lang, asserted, actors), code))


def test_fr_idioms_with_sans_do_not_negate(segmenters):
    text = "Les ministres expriment sans ambages leur inquiétude face à la crise."
    events = _of(_coded(segmenters, "fr", text, {"Les ministres": "---GOV"}), "012")
    assert not any(e.negated for e in events)


@pytest.mark.parametrize(
    ("conditional", "asserted", "trigger"),
    [
        ("S'il refuse le compromis, les syndicats bloqueront les routes.", None, "refuse"),
        (
            "S'ils attaquent la ville, l'armée ripostera.",
            "Ils attaquent la ville depuis l'aube.",
            "attaquent",
        ),
        (
            "Le gouvernement a prévenu que s'il manifeste encore, le parti sera dissous.",
            "Le parti manifeste encore devant le ministère.",
            "manifeste",
        ),
    ],
)
def test_fr_s_il_is_a_condition(conditional, asserted, trigger):
    def mood(text: str) -> str:
        doc = Doc(id="t", text=text, lang="fr")
        sent = Sentence(index=0, start=0, end=len(text), paragraph=0)
        start = text.index(trigger)
        return modality.detect(doc, sent, start, start + len(trigger), "fr").modality

    assert mood(conditional) == "hypothetical"
    if asserted:
        assert mood(asserted) == "asserted"


def test_fr_si_adverb_still_not_a_condition():
    text = "Les combats ont été si violents que des centaines de familles ont fui."
    doc = Doc(id="t", text=text, lang="fr")
    sent = Sentence(index=0, start=0, end=len(text), paragraph=0)
    start = text.index("combats")
    assert modality.detect(doc, sent, start, start + len("combats"), "fr").modality == "asserted"


@pytest.mark.parametrize(
    ("lang", "text", "actors", "code"),
    [
        # a prepositional negator in a gap qualifies a noun (a drone), it does not negate the trigger
        ("es", "Un avión sin piloto bombardeó la aldea.", None, "195"),
        ("es", "Un avión no tripulado bombardeó la aldea.", None, "195"),
        ("fr", "Un avion sans pilote a bombardé le village.", None, "195"),
        (
            "fr",
            "Les rebelles ont tiré sans relâche des roquettes sur la ville.",
            {"Les rebelles": "---REB"},
            "194",
        ),
    ],
)
def test_coder_gap_negator_that_qualifies_a_noun_does_not_negate(segmenters, lang, text, actors, code):
    events = _of(_coded(segmenters, lang, text, actors), code)
    assert not any(e.negated for e in events)
