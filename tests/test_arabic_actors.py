"""Arabic actors and violent-event roles, on news sentences written for these tests: role nouns bound to the
country adjective after them ("وزير الخارجية الروسي" is RUSGOV, not ---GOV and RUS), armed men and suicide
bombers as unaligned armed actors, cities that give their country to the sentence's bare roles, and the
victim of a killing or assassination as the target (Arabic writes the passive like the active)."""

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
def finder() -> ActorFinder:
    return ActorFinder(load_builtin())


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Options(lang="ar", published=date(2008, 5, 14)))


def _codes(finder: ActorFinder, text: str) -> list[str]:
    doc = Doc(id="t", text=text, lang="ar")
    return [m.code for m in finder.find(doc)]


def _events(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    return triples(pipeline, text)


@pytest.mark.parametrize(
    "text, code",
    [
        ("وصل وزير الخارجية الروسي إلى دمشق أمس في زيارة رسمية.", "RUSGOV"),
        ("وأعلنت وزارة الداخلية الأفغانية اعتقال ثلاثة مشتبه بهم.", "AFGGOV"),
        ("وانتشرت قوات الأمن الباكستانية في شوارع المدينة.", "PAKCOP"),
        ("وقال متحدث إن جنودا أميركيين أصيبوا في الهجوم.", "USAMIL"),
    ],
)
def test_arabic_actors_role_takes_the_adjective_after_it(finder, text, code):
    assert code in _codes(finder, text)


def test_arabic_actors_gunmen_and_bombers_are_armed_actors(finder):
    assert "---UAF" in _codes(finder, "وهاجم مسلحون مجهولون حافلة للركاب.")
    assert "---UAF" in _codes(finder, "وفجر انتحاري نفسه وسط السوق.")


def test_arabic_actors_a_city_gives_its_country_to_bare_roles(finder):
    codes = _codes(finder, "وتجمع مئات المتظاهرين في البصرة احتجاجا على انقطاع الكهرباء.")
    assert "IRQCVL" in codes  # Basra is in Iraq: the protesters are Iraqi civilians


def test_arabic_actors_a_city_named_in_two_countries_gives_none(finder):
    # Tripoli is a Lebanese and a Libyan city: alone it names no country
    assert _codes(finder, "وتظاهر مئات المواطنين في طرابلس أمس.") == ["---CVL"]
    assert "LBNCVL" in _codes(finder, "وتظاهر مئات المواطنين في طرابلس اللبنانية أمس.")


def test_arabic_actors_places_file_names_its_sources():
    from casus.actors.load import data_dir

    path = data_dir().parent / "places" / "ar.tsv"
    text = path.read_text(encoding="utf-8")
    assert "GeoNames" in text.split("\n# country")[0]
    for line in text.splitlines():
        if line and not line.startswith("#"):
            country, names = line.split("\t")
            assert len(country) == 3 and country.isupper() and names


@pytest.mark.parametrize(
    "text, target",
    [
        ("قتل جندي أميركي في انفجار عبوة ناسفة جنوب بغداد أمس.", "USAMIL"),
        ("وأسفر الهجوم عن مقتل ثلاثة جنود باكستانيين في وزيرستان.", "PAKMIL"),
        ("واغتيل ضابط عراقي برصاص مسلحين مجهولين في الموصل.", "IRQMIL"),
    ],
)
def test_arabic_actors_the_victim_is_the_target(pipeline, text, target):
    events = [e for e in _events(pipeline, text) if e[0].startswith("18")]
    assert events, text
    assert any(t == target for _, _, t in events), events
    assert all(s != target for _, s, _ in events), events  # the victim is never the killer


def test_arabic_actors_the_killer_named_with_the_verb_is_the_source(pipeline):
    events = _events(pipeline, "قتلت القوات الأمريكية خمسة مسلحين في غارة على قرية شمال بغداد.")
    assert any(c.startswith("18") and s == "USAMIL" for c, s, _ in events), events


def test_arabic_actors_the_agent_after_a_passive_is_the_source(pipeline):
    events = _events(pipeline, "واغتيل قاض عراقي على يد مسلحين مجهولين في البصرة.")
    assert any(s == "IRQUAF" or s == "---UAF" for _, s, _ in events), events


def test_arabic_actors_a_planned_or_imagined_attack_is_no_event(pipeline):
    assert not _events(pipeline, "واقترح أحدهم أن تجري عملية تفجير بالشاحنات.")
    assert not _events(pipeline, "وتدرس الحكومة خيار شن ضربات جوية على معسكرات المتمردين.")


def test_arabic_actors_the_cause_of_a_toll_is_its_source(pipeline):
    events = _events(pipeline, "وأسفر هجوم شنه مسلحون يمنيون على دورية حدودية عن مقتل ثلاثة جنود سعوديين.")
    assert ("1823", "YEMUAF", "SAUMIL") in events, events


def test_arabic_actors_an_actor_after_a_preposition_is_no_victim(pipeline):
    events = _events(pipeline, "قتل شرطي أردني في هجوم شنه مسلحون قرب الحدود.")
    assert any(t == "JORCOP" for _, _, t in events), events


def test_arabic_actors_people_before_an_explosion_outrank_its_place(pipeline):
    text = "وسقط عشرات الجنود الأميركيين بين قتيل وجريح بانفجار عبوة ناسفة وسط مدينة تكريت."
    assert any(t == "USAMIL" for _, _, t in _events(pipeline, text))


def test_arabic_actors_foreign_forces_take_no_home_country(finder):
    codes = _codes(finder, "وقالت وزارة الدفاع الأفغانية إن قوات أجنبية قصفت قرية في ولاية هلمند.")
    assert "AFGGOV" in codes or "AFGMIL" in codes
    assert "---MIL" in codes  # the foreign forces stay without a country


def test_arabic_actors_who_survives_an_assassination_attempt_is_its_target(pipeline):
    events = _events(pipeline, "ونجا وزير عراقي من محاولة اغتيال في بغداد.")
    assert any(c == "185" and t == "IRQGOV" for c, _, t in events), events


@pytest.mark.parametrize(
    "text, source",
    [
        ("وفي مخيم جنين شمال الضفة الغربية أطلق جنود إسرائيليون النار على شاب فلسطيني.", "ISRMIL"),
        ("وفي مدينة صور جنوب لبنان اعتقلت القوات الاسرائيلية ثلاثة شبان.", "ISRMIL"),
    ],
)
def test_arabic_actors_a_place_phrase_before_the_verb_is_no_subject(pipeline, text, source):
    # "وفي مدينة X جنوب Y": where it happened; the subject follows the verb
    events = _events(pipeline, text)
    assert events and all(s == source for _, s, _ in events), events


@pytest.mark.parametrize(
    "text, name, code",
    [
        ("وتبنت كتائب عز الدين القسام إطلاق الصواريخ.", "كتائب عز الدين القسام", "PSEREBHMS"),
        ("وقالت سرايا القدس إنها قصفت موقعا عسكريا.", "سرايا القدس", "PSEREB"),
        ("وأعلنت كتائب شهداء الأقصى مسؤوليتها.", "كتائب شهداء الأقصى", "PSEREB"),
        ("وهدد تنظيم القاعدة في العراق بشن هجمات.", "القاعدة في العراق", "IRQREB"),
        ("ودعا آية الله علي السيستاني إلى الهدوء.", "علي السيستاني", "IRQREL"),
        ("وطالب مقتدى الصدر أنصاره بالتظاهر.", "مقتدى الصدر", "IRQREL"),
    ],
)
def test_arabic_actors_armed_groups_and_leaders_of_the_region(finder, text, name, code):
    doc = Doc(id="t", text=text, lang="ar")
    found = {text[m.start : m.end]: m.code for m in finder.find(doc)}
    assert found.get(name) == code, found


def test_arabic_actors_the_owner_of_the_strike_causes_the_toll(pipeline):
    # "أدت غارة إسرائيلية إلى مقتل ...": the demonym after the strike is its source, not the victim
    events = _events(pipeline, "وأدت غارة جوية إسرائيلية إلى مقتل ثلاثة مقاتلين.")
    assert events and all(c == "1823" and s == "ISR" for c, s, _ in events), events
