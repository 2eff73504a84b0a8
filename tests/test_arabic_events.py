"""Arabic protest and attack triggers, on news sentences written for these tests: crowding and demonstrating
as written verbs (not the verbal noun of a call to demonstrate), demonstrators who went out some words after
the verb, the victims named before a plural "were killed in an attack" (and no new event for an attack the
report already told: في الهجوم), no event in a relative clause (المحامي الذي اغتيل), and the Awakening councils
as an Iraqi armed group."""

from __future__ import annotations

from datetime import date

import pytest

from casus.actors.load import load_builtin
from casus.actors.stage import ActorFinder
from casus.doc import Doc
from casus.options import Options
from casus.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Options(lang="ar", published=date(2008, 5, 14)))


def _events(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = pipeline.run(Doc(id="t", text=text))
    return [
        (e.cameo, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in doc.events
        if not e.negated
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وتجمهر الأهالي قرب مقر المحافظة مساء أمس.",
        "واحتشد المحتجون في ساحة المدينة مساء السبت.",
        "وتظاهر طلاب الجامعة ضد رفع الرسوم.",
        "وخرج مساء أول من أمس مئات المتظاهرين في شوارع العاصمة.",
    ],
)
def test_arabic_events_crowds_and_demonstrations_are_protests(pipeline, text):
    assert any(code.startswith("14") for code, _, _ in _events(pipeline, text))


def test_arabic_events_a_call_to_demonstrate_is_no_protest_yet(pipeline):
    events = _events(pipeline, "ودعت المعارضة المصرية أنصارها إلى التظاهر يوم الجمعة.")
    assert not any(code.startswith("14") for code, _, _ in events)


def test_arabic_events_victims_before_killed_in_an_attack_are_its_target(pipeline):
    text = "وقالت الشرطة ان اربعة من رجال الامن الباكستانيين قتلوا في تفجير انتحاري قرب بيشاور."
    events = _events(pipeline, text)
    assert any(
        code.startswith("18") and tgt == "PAKCOP" and (src or "").endswith("UAF") for code, src, tgt in events
    )


def test_arabic_events_the_attack_already_reported_is_no_new_event(pipeline):
    assert _events(pipeline, "وقال الشاهد إن ثلاثة مدنيين قتلوا في الهجوم.") == []


def test_arabic_events_awakening_councils_are_an_iraqi_armed_group():
    finder = ActorFinder(load_builtin())
    doc = Doc(id="t", text="واصيب ثلاثة من عناصر قوات الصحوة بجروح في بعقوبة.", lang="ar")
    assert "IRQUAF" in [m.code for m in finder.find(doc)]


@pytest.mark.parametrize(
    "text",
    [
        "ونعت النقابة المحامي الذي اغتيل في منزله.",
        "وزار المحافظ الساحة التي تظاهر فيها الطلاب الشهر الماضي.",
    ],
)
def test_arabic_events_a_relative_clause_recalls_no_new_event(pipeline, text):
    events = _events(pipeline, text)
    assert not any(code.startswith(("14", "18")) for code, _, _ in events)


def test_arabic_events_the_same_verb_outside_a_relative_clause_is_an_event(pipeline):
    events = _events(pipeline, "واغتال مسلحون مجهولون محاميا في منزله أمس.")
    assert any(code.startswith("18") for code, _, _ in events)
