"""The Arabic and Russian trigger lexicons and qualifier cue files: they load, name their sources, cover
every CAMEO root, and code realistic news sentences (written for these tests) through the whole pipeline
with the expected CAMEO roots; sentences that report no event code none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from casus.coding.triggers import LEXICON_DIR, load_lexicon
from casus.doc import Doc
from casus.ontology import is_valid
from casus.options import Options
from casus.pipeline import Pipeline

LANGS = ("ar", "ru")
ROOTS = [f"{i:02d}" for i in range(1, 21)]
QUALIFIER_DIR = Path(LEXICON_DIR).parent / "qualifiers"


@pytest.fixture(scope="module")
def pipelines() -> dict[str, Pipeline]:
    return {lang: Pipeline(Options(lang=lang, published=date(2024, 10, 21))) for lang in LANGS}


def _roots(pipelines: dict[str, Pipeline], lang: str, text: str) -> set[str]:
    doc = pipelines[lang].run(Doc(id="t", text=text))
    return {e.cameo[:2] for e in doc.events if not e.negated}


@pytest.mark.parametrize("lang", LANGS)
def test_lexicons_ar_ru_load_with_valid_codes(lang):
    lex = load_lexicon(LEXICON_DIR / f"{lang}.yaml")
    assert lex.lang == lang
    assert len(lex.triggers) >= 150
    for trig in lex.triggers:
        assert trig.id.startswith(f"{lang}."), trig.id
        assert is_valid(trig.cameo), trig.id
        assert trig.intent is None or is_valid(trig.intent), trig.id
        assert trig.untargeted is None or is_valid(trig.untargeted), trig.id
        # `not` cancels on whole lemmas or surface forms: a phrase or a prefix there would never match
        assert all(" " not in word and not word.endswith("*") for word in trig.negative), trig.id


@pytest.mark.parametrize("lang", LANGS)
def test_lexicons_ar_ru_header_names_sources(lang):
    head = (LEXICON_DIR / f"{lang}.yaml").read_text(encoding="utf-8").split("\ntriggers:")[0]
    assert "CAMEO 1.1b3" in head and "CAMEO.eventcodes.txt" in head


@pytest.mark.parametrize("lang", LANGS)
def test_lexicons_ar_ru_cover_every_cameo_root(lang):
    lex = load_lexicon(LEXICON_DIR / f"{lang}.yaml")
    assert {t.cameo[:2] for t in lex.triggers} >= set(ROOTS)


@pytest.mark.parametrize("lang", LANGS)
def test_lexicons_ar_ru_own_their_slot_markers(lang):
    """Arabic and Russian have no entry in data/grammar/markers.yaml: the lexicon's `defaults` give the
    function words, so no English marker ("by", "and") is read in their sentences."""
    lex = load_lexicon(LEXICON_DIR / f"{lang}.yaml")
    for key in ("agent", "target", "pair", "conj", "clause_break", "first_person"):
        assert lex.defaults[key], key
        assert not {"by", "and", "the", "that"} & set(lex.defaults[key]), key


@pytest.mark.parametrize("lang", LANGS)
def test_lexicons_ar_ru_qualifier_files_follow_the_shared_layout(lang):
    data = yaml.safe_load((QUALIFIER_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    others = [yaml.safe_load((QUALIFIER_DIR / f"{o}.yaml").read_text(encoding="utf-8")) for o in ("en", "es")]
    assert data["lang"] == lang
    for section in ("modality", "attribution", "quantities", "dates", "places"):
        common = set.intersection(*(set(o[section]) for o in others))  # the keys every file gives
        assert common <= set(data[section]), section
    assert len(data["dates"]["weekdays"]) == 7
    assert len(data["dates"]["months"]) == 12
    assert data["attribution"]["speech_verbs"] and data["attribution"]["according_to"]


def test_lexicons_ar_ru_russian_speech_cues_in_qualifiers():
    data = yaml.safe_load((QUALIFIER_DIR / "ru.yaml").read_text(encoding="utf-8"))
    att = data["attribution"]
    assert {"заявил", "сообщил", "сказал", "говорит"} <= set(att["speech_verbs"])
    assert {"по словам", "по данным", "по мнению", "согласно"} <= set(att["according_to"])


ARABIC = [
    ("تظاهر آلاف الطلاب أمام مبنى البرلمان في عمان احتجاجا على رفع أسعار الوقود.", "14"),
    ("واعتقلت الشرطة المصرية عشرات الناشطين في القاهرة مساء الخميس.", "17"),
    ("وألقت قوات الأمن القبض على ثلاثة مشتبه بهم في مدينة الموصل.", "17"),
    ("وقتل خمسة جنود وأصيب سبعة آخرون بجروح في انفجار عبوة ناسفة جنوب بغداد أمس.", "18"),
    ("فجر انتحاري نفسه قرب نقطة تفتيش للشرطة شمال كابول صباح اليوم.", "18"),
    ("وقصفت الطائرات الحربية مواقع المسلحين في ريف إدلب الجنوبي.", "19"),
    ("وفتح مسلحون النار على حافلة تقل عمالا في ضواحي المدينة.", "19"),
    ("والتقى وزير الخارجية الروسي نظيره التركي في أنقرة يوم الاثنين.", "04"),
    ("فرض الاتحاد الأوروبي عقوبات جديدة على إيران بسبب برنامجها الصاروخي.", "16"),
    ("أدانت جامعة الدول العربية الهجوم على السفارة.", "11"),
    ("واتهمت الحكومة السودانية المتمردين بخرق اتفاق السلام.", "11"),
    ("هدد الرئيس الأمريكي بفرض عقوبات على الشركات الصينية.", "13"),
]

RUSSIAN = [
    ("Тысячи человек вышли на митинг в центре Москвы против повышения пенсионного возраста.", "14"),
    ("Сотни сторонников оппозиции протестовали у здания парламента в Тбилиси.", "14"),
    ("Полиция задержала более ста участников несанкционированной акции в Минске.", "17"),
    ("Суд арестовал бывшего губернатора по делу о взятке.", "17"),
    ("Российская армия обстреляла позиции украинских военных под Харьковом.", "19"),
    ("В результате взрыва на рынке в Грозном погибли четыре человека.", "18"),
    ("Боевики похитили двух журналистов на юге страны.", "18"),
    ("Министр иностранных дел России Сергей Лавров встретился с госсекретарем США в Женеве.", "04"),
    ("Евросоюз ввел новые санкции против России.", "16"),
    ("Президент Франции посетил Киев с неожиданным визитом.", "04"),
    ("Москва осудила удары израильской авиации по Ливану.", "11"),
    ("Иран пригрозил закрыть Ормузский пролив.", "13"),
]

NON_EVENTS = {
    "ar": [
        "ارتفعت أسعار الذهب في الأسواق العالمية خلال تعاملات اليوم.",
        "يبلغ عدد سكان المدينة نحو مليوني نسمة بحسب آخر إحصاء.",
        "افتتحت وزارة التربية مدرسة جديدة في الحي الشرقي من المدينة.",
        "وحقق المنتخب الوطني فوزا كبيرا في مباراته الأولى.",
    ],
    "ru": [
        "Курс рубля к доллару вырос на торгах Московской биржи.",
        "В выходные в столице ожидается теплая и солнечная погода.",
        "Новый мост через реку откроют для движения в декабре.",
        "Население города составляет около полумиллиона человек.",
    ],
}


@pytest.mark.parametrize(("text", "root"), ARABIC)
def test_lexicons_ar_ru_arabic_sentences_give_their_roots(pipelines, text, root):
    assert root in _roots(pipelines, "ar", text), text


@pytest.mark.parametrize(("text", "root"), RUSSIAN)
def test_lexicons_ar_ru_russian_sentences_give_their_roots(pipelines, text, root):
    assert root in _roots(pipelines, "ru", text), text


@pytest.mark.parametrize("lang", LANGS)
def test_lexicons_ar_ru_non_events_code_nothing(pipelines, lang):
    for text in NON_EVENTS[lang]:
        assert _roots(pipelines, lang, text) == set(), text


def test_lexicons_ar_ru_clitic_forms_do_not_hit_other_words(pipelines):
    """Prefixes written with attached clitics must not catch other words: وزارة (ministry) is no visit,
    طالبان (Taliban) no demand, أيدي (hands) no support, لتحقيق (to achieve) no investigation."""
    text = "وقالت وزارة الداخلية إن حركة طالبان تسعى لتحقيق مكاسب سياسية على أيدي وسطاء."
    assert not {"04", "05", "09", "10"} & _roots(pipelines, "ar", text)


def test_lexicons_ar_ru_commentary_is_no_incident(pipelines):
    """A violent word in commentary, a trial or a hypothesis is no fresh incident."""
    assert "18" not in _roots(pipelines, "ar", "وتنظر المحكمة في جريمة اغتيال رئيس الوزراء السابق.")
    assert "18" not in _roots(pipelines, "ar", "ولم يسفر الانفجار عن سقوط قتلى أو جرحى.")


def test_lexicons_ar_ru_actors_of_a_russian_sanction(pipelines):
    doc = pipelines["ru"].run(Doc(id="t", text="Евросоюз ввел новые санкции против России."))
    ev = next(e for e in doc.events if e.cameo.startswith("16"))
    assert ev.source is not None and ev.source.code.startswith("IGOEU")
    assert ev.target is not None and ev.target.code == "RUS"


def _clear_qualifier_caches() -> None:
    """Forget every cached cue table of the qualifier modules (they are keyed by language)."""
    from casus.coding import attribution, dates, location, modality, quantities

    for module in (modality, attribution, quantities, dates, location):
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


@pytest.fixture
def arabic_russian_cues(monkeypatch):
    """The qualifier modules read data/qualifiers/<lang>.yaml only for the languages in
    casus.coding.modality.LANGS; these tests add ar and ru there to check the files themselves."""
    from casus.coding import modality

    monkeypatch.setattr(modality, "LANGS", tuple(dict.fromkeys((*modality.LANGS, "ar", "ru"))))
    _clear_qualifier_caches()
    yield {lang: Pipeline(Options(lang=lang, published=date(2024, 10, 21))) for lang in LANGS}
    _clear_qualifier_caches()


def _events(pipeline: Pipeline, text: str) -> list:
    return pipeline.run(Doc(id="t", text=text)).events


def test_lexicons_ar_ru_russian_cues_attribute_negate_and_count(arabic_russian_cues):
    ru = arabic_russian_cues["ru"]
    ev = next(
        e
        for e in _events(ru, "Полиция задержала 20 участников акции в Москве, сообщил Кремль.")
        if e.cameo == "173"
    )
    assert ev.attribution is not None and ev.attribution.code == "RUSGOV"
    assert ev.modality == "reported"
    assert [q.value for q in ev.quantities] == [20.0]
    denied = _events(ru, "Полиция не задержала участников акции в Москве.")
    assert denied and all(e.negated for e in denied if e.cameo == "173")


def test_lexicons_ar_ru_arabic_cues_attribute_date_and_deny(arabic_russian_cues):
    ar = arabic_russian_cues["ar"]
    ev = next(
        e for e in _events(ar, "وفقا للجيش الإسرائيلي، قتل خمسة مسلحين أمس في غزة.") if e.cameo[:2] == "18"
    )
    assert ev.attribution is not None and ev.attribution.code == "ISRMIL"
    assert ev.date == "2024-10-20"
    assert [q.value for q in ev.quantities] == [5.0]
    negated = _events(ar, "لم تعتقل الشرطة المصرية أي متظاهر في القاهرة.")
    assert negated and all(e.negated for e in negated if e.cameo == "173")
    denied = _events(ar, "ونفى الجيش الإسرائيلي أنه قصف مواقع في غزة.")
    assert denied and denied[0].modality == "denied"
