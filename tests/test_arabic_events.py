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
from coding_helpers import triples


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Options(lang="ar", published=date(2008, 5, 14)))


_events = triples


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


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # opening fire in the present tense, and with the object pronoun before the fire
        (
            "وقال شهود إن مسلحين من القبائل يطلقون النار على دورية للجيش الباكستاني قرب الحدود.",
            "193",
            "PAK",
            "PAK",
        ),
        ("وقالت الشرطة إن مسلحين أطلقوا عليه النار أمام منزله في الموصل صباح أمس.", "193", "IRQ", None),
        # rockets fired at a house, an air strike carried out, shelling with the weapon named
        ("وأطلقت طائرة أميركية بدون طيار صاروخين على منزل في قرية قرب الحدود الأفغانية.", "195", "USA", None),
        ("وقال مسؤول إن الطائرات الإسرائيلية نفذت ضربة جوية على موقع في جنوب لبنان.", "195", "ISR", "LBN"),
        ("وقصف الجيش التركي جبال قنديل بالمدفعية الثقيلة صباح أمس.", "194", "TUR", None),
        # kidnapped by someone after على يد: the one before the verb is the victim
        (
            "وأكد مسؤول أن مهندسا تركيا خطف من موقع عمله ليلة الثلاثاء على يد مسلحين مجهولين.",
            "181",
            None,
            "TUR",
        ),
        # a rape told in the passive: the one subjected to it is the target
        ("وذكرت الشرطة أن طالبا عراقيا تعرض للاغتصاب داخل مركز احتجاز.", "1821", None, "IRQ"),
    ],
)
def test_arabic_events_attack_wordings(pipeline, text, code, source, target):
    events = [e for e in _events(pipeline, text) if e[0] == code]
    assert events, _events(pipeline, text)
    assert any(
        (source is None or (src or "").startswith(source))
        and (target is None or (tgt or "").startswith(target))
        for _, src, tgt in events
    ), events


@pytest.mark.parametrize(
    "text",
    [
        "ودعت الحكومة إلى وقف إطلاق الصواريخ على البلدات الحدودية.",  # a truce asked for
        "وناقش الوزراء وقف إطلاق النار على جبهات القتال.",  # a ceasefire
        "وتخطط الجماعة لإطلاق صواريخ على المدن الإسرائيلية.",  # a plan
    ],
)
def test_arabic_events_a_ceasefire_or_a_plan_to_fire_is_no_attack(pipeline, text):
    assert not any(code.startswith("19") for code, _, _ in _events(pipeline, text))
