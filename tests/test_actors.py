"""The actor layer on hand-built documents: per language, over-matching, tenures on a date, coreference."""

from __future__ import annotations

import re
from datetime import date

import pytest

from casus.actors.stage import ActorFinder
from casus.doc import Doc, Mention, Sentence


@pytest.fixture(scope="module")
def finder() -> ActorFinder:
    return ActorFinder.from_options(None)


def doc_of(text: str, lang: str, day: date | None = None) -> Doc:
    """A document split into sentences at ". " (enough for these fixtures)."""
    sentences = []
    for m in re.finditer(r"[^.!?]+[.!?]?", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            sentences.append(Sentence(index=len(sentences), start=start, end=end, paragraph=0))
    return Doc(id="t", text=text, lang=lang, published=day, sentences=sentences)


def find(finder: ActorFinder, text: str, lang: str, day: date | None = None) -> list[Mention]:
    doc = doc_of(text, lang, day)
    mentions = finder.find(doc)
    for m in mentions:  # the contract: offsets into doc.text, inside the sentence
        assert doc.text[m.start : m.end] == m.text
        sent = doc.sentences[m.sentence]
        assert sent.start <= m.start < m.end <= sent.end
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
    return mentions


def codes(mentions: list[Mention]) -> list[str]:
    return [m.code for m in mentions]


def by_text(mentions: list[Mention], text: str) -> Mention:
    hits = [m for m in mentions if m.text == text]
    assert hits, f"no mention {text!r} in {[m.text for m in mentions]}"
    return hits[0]


# ---- Italian ---------------------------------------------------------------------------------------------


def test_actors_it_title_demonym_and_person(finder):
    ms = find(
        finder,
        "Il ministro degli Esteri russo Sergej Lavrov ha incontrato a Pechino il suo omologo cinese Wang Yi.",
        "it",
        date(2024, 3, 1),
    )
    lavrov = by_text(ms, "Il ministro degli Esteri russo Sergej Lavrov")
    assert (lavrov.code, lavrov.name, lavrov.kind) == ("RUSGOV", "Sergey Lavrov", "person")
    assert by_text(ms, "Pechino").kind == "place"
    assert by_text(ms, "Wang Yi").code == "CHNGOV"


def test_actors_it_forces_bind_to_demonyms(finder):
    ms = find(finder, "Le truppe ucraine hanno respinto un attacco delle forze russe vicino a Kharkiv.", "it")
    assert by_text(ms, "Le truppe ucraine").code == "UKRMIL"
    assert by_text(ms, "forze russe").code == "RUSMIL"


def test_actors_it_of_phrase_and_nested_roles(finder):
    ms = find(
        finder,
        "Secondo i servizi di intelligence della Lituania, circa 600 soldati delle forze speciali "
        "bielorusse sono già in Russia.",
        "it",
    )
    assert by_text(ms, "i servizi di intelligence della Lituania").code == "LTUSPY"
    assert by_text(ms, "soldati delle forze speciali bielorusse").code == "BLRMIL"
    assert by_text(ms, "Russia").code == "RUS"


def test_actors_it_igo_title_person_and_capitals(finder):
    ms = find(
        finder,
        "Con il peggioramento dei rapporti tra Pyongyang e Seul, è intervenuto il segretario generale "
        "della NATO Jens Stoltenberg.",
        "it",
        date(2020, 5, 1),
    )
    assert by_text(ms, "Pyongyang").kind == "capital"
    assert by_text(ms, "Seul").code == "KOR"
    chief = by_text(ms, "il segretario generale della NATO Jens Stoltenberg")
    assert (chief.code, chief.name) == ("IGOWSTNAT", "Jens Stoltenberg")


def test_actors_it_person_in_parentheses(finder):
    ms = find(
        finder,
        "Il ministro ha incontrato il presidente francese (Emmanuel Macron) a Parigi.",
        "it",
        date(2024, 3, 1),
    )
    macron = by_text(ms, "il presidente francese (Emmanuel Macron)")
    assert (macron.code, macron.name) == ("FRAGOV", "Emmanuel Macron")


def test_actors_it_stati_alone_is_no_country(finder):
    ms = find(finder, "Gli Stati membri dell'Unione europea hanno discusso le sanzioni.", "it")
    assert "USA" not in codes(ms)
    assert "IGOEUREEC" in codes(ms)
    ms = find(finder, "La Corea del Sud e gli Stati Uniti sono alleati.", "it")
    assert codes(ms) == ["KOR", "USA"]


# ---- English ---------------------------------------------------------------------------------------------


def test_actors_en_prenominal_adjectives(finder):
    ms = find(
        finder,
        "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang on Wednesday.",
        "en",
        date(2024, 6, 19),
    )
    putin = by_text(ms, "Russian President Vladimir Putin")
    assert (putin.code, putin.name) == ("RUSGOV", "Vladimir Putin")
    kim = by_text(ms, "North Korean leader Kim Jong Un")
    assert (kim.code, kim.name) == ("PRKGOV", "Kim Jong Un")
    assert by_text(ms, "Pyongyang").kind == "place"


def test_actors_en_agency_and_troops(finder):
    ms = find(
        finder, "The South Korean intelligence agency said North Korean troops had arrived in Russia.", "en"
    )
    assert by_text(ms, "The South Korean intelligence agency").code == "KORSPY"
    assert by_text(ms, "North Korean troops").code == "PRKMIL"


def test_actors_en_possessive_and_acronyms(finder):
    ms = find(
        finder,
        "Turkey's foreign minister Hakan Fidan told the UN that NATO must act.",
        "en",
        date(2024, 5, 2),
    )
    fidan = by_text(ms, "Turkey's foreign minister Hakan Fidan")
    assert (fidan.code, fidan.name) == ("TURGOV", "Hakan Fidan")
    assert "IGOUNO" in codes(ms) and "IGOWSTNAT" in codes(ms)


def test_actors_en_no_overmatching(finder):
    ms = find(finder, "Families in Georgia and Alabama roasted a turkey for Thanksgiving.", "en")
    assert "GEO" not in codes(ms) and "TUR" not in codes(ms)
    ms = find(finder, "We told us nothing about the un-named official in the US.", "en")
    assert "IGOUNO" not in codes(ms)
    ms = find(finder, "Georgia's prime minister Irakli Kobakhidze spoke in Tbilisi.", "en", date(2024, 5, 1))
    assert by_text(ms, "Georgia's prime minister Irakli Kobakhidze").code == "GEOGOV"


# ---- French, Spanish, German ------------------------------------------------------------------------------


def test_actors_fr_soldiers_and_services(finder):
    ms = find(
        finder,
        "Les soldats nord-coréens déployés en Russie ont été repérés par les services de renseignement sud-coréens.",
        "fr",
    )
    assert by_text(ms, "Les soldats nord-coréens").code == "PRKMIL"
    assert by_text(ms, "les services de renseignement sud-coréens").code == "KORSPY"


def test_actors_fr_seat_and_igo_head(finder):
    ms = find(
        finder,
        "Le président français Emmanuel Macron a reçu à l'Élysée le chef de l'OTAN.",
        "fr",
        date(2024, 11, 5),
    )
    macron = by_text(ms, "Le président français Emmanuel Macron")
    assert (macron.code, macron.name) == ("FRAGOV", "Emmanuel Macron")
    assert by_text(ms, "l'Élysée").code == "FRAGOV"
    assert by_text(ms, "le chef de l'OTAN").code == "IGOWSTNAT"


def test_actors_es_guerrilla_and_named_groups(finder):
    ms = find(
        finder,
        "Guerrilleros de las FARC atacaron un puesto de la policía, mientras los campesinos huían.",
        "es",
        date(2000, 5, 16),
    )
    assert by_text(ms, "Guerrilleros de las FARC").code == "COLREB"
    assert "COLCOP" in codes(ms)  # the document's only country, through the FARC
    assert "COLAGR" in codes(ms)


def test_actors_es_countries_and_igos(finder):
    ms = find(
        finder, "Los Estados Unidos y la Unión Europea condenaron el ataque de los paramilitares.", "es"
    )
    assert codes(ms) == ["USA", "IGOEUREEC", "---UAF"]
    ms = find(finder, "Los soldados estadounidenses llegaron a Bogotá.", "es")
    assert by_text(ms, "Los soldados estadounidenses").code == "USAMIL"


def test_actors_de_adjectives_and_titles(finder):
    ms = find(
        finder,
        "Bundeskanzler Olaf Scholz telefonierte mit dem südkoreanischen Präsidenten Yoon Suk Yeol. "
        "Die russische Armee meldete neue Angriffe.",
        "de",
        date(2024, 1, 10),
    )
    scholz = by_text(ms, "Bundeskanzler Olaf Scholz")
    assert (scholz.code, scholz.name) == ("DEUGOV", "Olaf Scholz")
    assert by_text(ms, "dem südkoreanischen Präsidenten Yoon Suk Yeol").code == "KORGOV"
    assert by_text(ms, "Die russische Armee").code == "RUSMIL"


def test_actors_de_common_word_is_no_person(finder):
    ms = find(finder, "Der Frieden in Europa hängt von der Kohle ab.", "de", date(2024, 1, 1))
    assert ms == []


# ---- Russian, Arabic ---------------------------------------------------------------------------------------


def test_actors_ru_basics(finder):
    ms = find(
        finder,
        "Президент России Владимир Путин заявил, что НАТО угрожает безопасности.",
        "ru",
        date(2024, 6, 1),
    )
    assert "RUSGOV" in codes(ms)
    assert "IGOWSTNAT" in codes(ms)
    assert any(m.name == "Vladimir Putin" for m in ms)


def test_actors_ar_basics(finder):
    ms = find(finder, "قال الرئيس الروسي فلاديمير بوتين إن حلف الناتو يهدد روسيا.", "ar", date(2024, 6, 1))
    assert "RUSGOV" in codes(ms)
    assert "IGOWSTNAT" in codes(ms)
    assert "RUS" in codes(ms)


# ---- tenures on the document's date ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        ("Mark Rutte", date(2020, 1, 1), "NLDGOV"),
        ("Mark Rutte", date(2024, 10, 21), "IGOWSTNAT"),
        ("Mark Rutte", None, "IGOWSTNAT"),
        ("Jens Stoltenberg", date(2019, 1, 1), "IGOWSTNAT"),
        ("Jens Stoltenberg", date(2024, 12, 1), "NORELI"),
        ("Yoon Suk Yeol", date(2024, 10, 21), "KORGOV"),
        ("Yoon Suk Yeol", date(2025, 5, 1), "KORELI"),
        ("Donald Trump", date(2023, 6, 1), "USAELI"),
        ("Donald Trump", date(2025, 3, 1), "USAGOV"),
        ("Ahmed al-Sharaa", date(2023, 1, 1), "SYRREB"),
        ("Ahmed al-Sharaa", date(2025, 2, 1), "SYRGOV"),
    ],
)
def test_actors_people_resolve_on_date(finder, name, day, code):
    ms = find(finder, f"Ieri {name} ha parlato.", "it", day)
    assert [m.code for m in ms if m.name] == [code]


def test_actors_dated_group(finder):
    assert codes(find(finder, "The Taliban attacked a checkpoint.", "en", date(2015, 1, 1))) == ["AFGREB"]
    assert codes(find(finder, "The Taliban banned the event.", "en", date(2023, 1, 1))) == ["AFGGOV"]


# ---- coreference ------------------------------------------------------------------------------------------


def test_actors_coref_alliance_needs_nato_first(finder):
    assert find(finder, "L’Alleanza non può confermare lo spiegamento.", "it") == []
    ms = find(finder, "La NATO si riunisce oggi. L’Alleanza non può confermare lo spiegamento.", "it")
    alliance = by_text(ms, "L’Alleanza")
    assert (alliance.code, alliance.kind) == ("IGOWSTNAT", "coref")


def test_actors_coref_two_countries(finder):
    ms = find(
        finder,
        "Il presidente russo Vladimir Putin ha visitato Pyongyang. I due paesi hanno firmato un trattato.",
        "it",
        date(2024, 6, 19),
    )
    pair = by_text(ms, "I due paesi")
    assert pair.kind == "coref" and pair.members == ["RUS", "PRK"]
    ms = find(finder, "Japan and China met. The two countries agreed to talk.", "en")
    assert by_text(ms, "The two countries").members == ["JPN", "CHN"]


def test_actors_coref_same_source(finder):
    ms = find(
        finder,
        "Secondo i servizi di intelligence della Lituania, Minsk invierà soldati. "
        "Altri sono già al confine, secondo la stessa fonte.",
        "it",
    )
    assert by_text(ms, "la stessa fonte").code == "LTUSPY"


def test_actors_coref_bare_president(finder):
    ms = find(
        finder,
        "Il presidente francese Emmanuel Macron è arrivato a Roma. Il presidente ha poi incontrato i giornalisti.",
        "it",
        date(2024, 3, 1),
    )
    bare = [m for m in ms if m.text == "Il presidente"]
    assert len(bare) == 1 and bare[0].code == "FRAGOV" and bare[0].name == "Emmanuel Macron"


def test_actors_brussels_stands_for_the_eu_once_named(finder):
    ms = find(finder, "Bruxelles ha risposto.", "it")
    assert codes(ms) == ["BEL"]
    ms = find(finder, "L'Unione europea ha deciso. Bruxelles chiede più controlli.", "it")
    assert by_text(ms, "Bruxelles").code == "IGOEUREEC"


def test_actors_city_after_preposition_is_a_place(finder):
    ms = find(finder, "Il vertice si terrà a Mosca, ha detto il Cremlino.", "it")
    assert (by_text(ms, "Mosca").kind, by_text(ms, "Mosca").code) == ("place", "RUS")
    assert by_text(ms, "il Cremlino").code == "RUSGOV"


def test_actors_home_country_for_bare_roles(finder):
    ms = find(finder, "Centenares de policías ocuparon el centro de Asunción, la capital paraguaya.", "es")
    assert by_text(ms, "policías").code == "PRYCOP"
    ms = find(finder, "La policía de Colombia detuvo a dos ciudadanos venezolanos.", "es")
    assert "---CVL" in codes(ms) or "VENCVL" in codes(
        ms
    )  # two countries named: no home country for bare roles
    assert all(not c.startswith(("COLCVL",)) for c in codes(ms))


def test_actors_ar_spelling_variants_and_proclitics(finder):
    ms = find(finder, "وقالت اسرائيل ان الجنود الاميركيين وصلوا.", "ar")
    assert "ISR" in codes(ms)
    assert "USAMIL" in codes(ms)


def test_actors_coordinated_demonyms_share_the_role(finder):
    ms = find(finder, "Senior Romanian and Hungarian officials met in Oradea.", "en")
    assert "HUNGOV" in codes(ms) and "ROUGOV" in codes(ms)
    ms = find(finder, "I soldati russi e bielorussi hanno concluso le esercitazioni.", "it")
    assert "RUSMIL" in codes(ms) and "BLRMIL" in codes(ms)


def test_actors_headline_country_name_as_adjective(finder):
    ms = find(finder, "POLICIA PALESTINA DETIENE A TRES PERIODISTAS", "es")
    assert by_text(ms, "POLICIA PALESTINA").code == "PSECOP"


def test_actors_title_comma_apposition(finder):
    ms = find(finder, "El presidente del Gobierno, Pedro Sánchez, dijo que no.", "es", date(2024, 11, 1))
    sanchez = by_text(ms, "El presidente del Gobierno, Pedro Sánchez")
    assert (sanchez.code, sanchez.name) == ("ESPGOV", "Pedro Sánchez")
