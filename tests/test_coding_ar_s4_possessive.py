"""Arabic victims named through what they own (sentences written for these tests): the people of whoever
announces the casualties ("أعلن الجيش مقتل اثنين من جنوده": the army lost them, it is the target, not the
killer), and the owner of a place or thing a hostile act touched ("قرب مقر إقامة الوزير", "استهدف منزل
المحافظ"): the owner is the target, never the subject of the verb-first sentence."""

from __future__ import annotations

from datetime import date

import pytest

from casus.options import Options
from casus.pipeline import Pipeline
from coding_helpers import triples


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Options(lang="ar", published=date(2008, 5, 14)))


def _pairs(pipeline: Pipeline, text: str) -> list[tuple[str | None, str | None]]:
    return [(s, t) for code, s, t in triples(pipeline, text) if code[:2] in ("18", "19")]


@pytest.mark.parametrize(
    "text, target",
    [
        ("وكان الجيش الاميركي قد أعلن امس مقتل ثلاثة من جنوده في هجوم بعبوة ناسفة غرب بغداد.", "USAMIL"),
        ("وأعلن الجيش البريطاني امس مقتل احد جنوده في انفجار قرب البصرة.", "GBRMIL"),
        ("وكان حزب الله قد أعلن امس مقتل اثنين من مقاتليه في غارة جنوب لبنان.", "LBNREB"),
    ],
)
def test_announcer_of_its_own_dead_is_the_target(pipeline: Pipeline, text: str, target: str) -> None:
    got = _pairs(pipeline, text)
    assert any(t == target for _, t in got), got
    assert not any(s == target for s, _ in got), got  # not the killer of its own people


def test_announcer_of_others_dead_stays_the_source(pipeline: Pipeline) -> None:
    # no possessive: the army announces that it killed the gunmen
    got = _pairs(pipeline, "وأعلن الجيش العراقي امس مقتل 15 مسلحا في اشتباكات قرب بعقوبة.")
    assert any(s == "IRQMIL" for s, _ in got), got


@pytest.mark.parametrize(
    "text, target",
    [
        ("وانفجرت قذيفتا هاون قرب مقر اقامة رئيس الوزراء الصومالي في مقديشو.", "SOMGOV"),
        ("انفجرت سيارة مفخخة امام منزل وزير الداخلية العراقي في بغداد.", "IRQGOV"),
    ],
)
def test_owner_of_the_place_hit_is_the_target(pipeline: Pipeline, text: str, target: str) -> None:
    got = _pairs(pipeline, text)
    assert any(t == target for _, t in got), got
    assert not any(s == target for s, _ in got), got


@pytest.mark.parametrize(
    "text, target",
    [
        # people counted dead, then what the attack was aimed at: the owner of the patrol, the convoy, the office
        ("وقتل سبعة اشخاص في هجوم انتحاري استهدف دورية للجيش الاميركي جنوب بغداد.", "USAMIL"),
        ("أسفر انفجار عبوة ناسفة لدى مرور دورية للشرطة العراقية عن مقتل ثلاثة مدنيين.", "IRQCOP"),
        (
            "وقع هجوم انتحاري استهدف مركزا لقوات الأمن الباكستانية قرب بيشاور واسفر عن مقتل ستة اشخاص.",
            "PAKCOP",
        ),
        (
            "وقال مسؤول ان سيارة مفخخة انفجرت قرب مقر حزب الله في الضاحية مما اسفر عن مقتل اربعة اشخاص.",
            "LBNREB",
        ),
    ],
)
def test_owner_of_what_an_attack_aimed_at_is_the_target(pipeline: Pipeline, text: str, target: str) -> None:
    got = _pairs(pipeline, text)
    assert any(t == target for _, t in got), got
    assert not any(s == target for s, _ in got), got
