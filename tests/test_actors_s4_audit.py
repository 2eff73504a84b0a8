"""Actor errors of the session-4 audits (it, de, fr): a country word inside an organisation's name, a language,
a German stay abroad ("US-Exil") and a dateline city are no country actors (casus.actors.names); named parties,
central banks, companies and broadcasters have their own codes (groups.yaml)."""

from __future__ import annotations

import pytest

from casus.actors.stage import ActorFinder
from test_actors import find


@pytest.fixture(scope="module")
def finder() -> ActorFinder:
    return ActorFinder.from_options(None)


def codes_of(finder: ActorFinder, text: str, lang: str) -> list[str]:
    return [m.code for m in find(finder, text, lang)]


@pytest.mark.parametrize(
    "text, lang, code",
    [
        ("Forza Italia ha votato contro la riforma delle pensioni.", "it", "ITAPTY"),
        ("Secondo la Banca d'Italia il debito pubblico è salito ancora.", "it", "ITAGOVBUS"),
        ("Ieri la Deutsche Bank hat ihre Prognose gesenkt.", "de", "DEUBUS"),
        ("Les pilotes d'Air France ont lancé une grève de trois jours.", "fr", "FRABUS"),
        ("Le journaliste de Radio France a été interpellé lundi.", "fr", "FRAMED"),
    ],
)
def test_actors_s4_named_organisations_win_over_their_country(finder, text, lang, code):
    found = codes_of(finder, text, lang)
    assert code in found, found
    assert code[:3] not in found, found


@pytest.mark.parametrize(
    "text, lang, country",
    [
        (
            "I sindacati hanno criticato la gestione della società Autostrade Meridionali Italiane.",
            "it",
            "ITA",
        ),
        ("Il sindaco ha premiato i volontari della Croce Verde Italiana di Torino.", "it", "ITA"),
        ("Il presidente della Federcalcio ha parlato dopo la finale della Coppa d'Italia.", "it", "ITA"),
        ("Les coureurs du Tour de France ont protesté contre les contrôles.", "fr", "FRA"),
        ("Der Vorstand der Deutsche Vermögensberatung wies die Vorwürfe zurück.", "de", "DEU"),
    ],
)
def test_actors_s4_country_inside_a_name_is_no_actor(finder, text, lang, country):
    assert country not in codes_of(finder, text, lang)


@pytest.mark.parametrize(
    "text, lang, country",
    [
        ("Il film sarà trasmesso con audio inglese e sottotitoli.", "it", "GBR"),
        ("Il ministro ha risposto in inglese alle domande dei giornalisti.", "it", "GBR"),
        ("Il a répondu en anglais aux questions des journalistes.", "fr", "GBR"),
        ("Der Minister beantwortete die Fragen auf Englisch.", "de", "GBR"),
        ("Das Buch ist in englischer Sprache erschienen.", "de", "GBR"),
        ("Les chercheurs dénoncent la domination de l'anglais dans les revues.", "fr", "GBR"),
    ],
)
def test_actors_s4_a_language_is_no_country(finder, text, lang, country):
    assert country not in codes_of(finder, text, lang)


def test_actors_s4_a_stay_abroad_is_no_actor(finder):
    assert "USA" not in codes_of(finder, "Der Schriftsteller lebt seit Jahren im US-Exil.", "de")
    assert "USAGOV" in codes_of(finder, "Die US-Regierung kritisierte die Entscheidung.", "de")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("ROMA - Ha criticato duramente il piano sui migranti.", "it"),
        ("Berlin (dpa) - Scharfe Kritik an dem Gesetz kam am Montag.", "de"),
        ("PARIS, 3 mars (AFP) - Des manifestants ont bloqué la rocade.", "fr"),
        ("Moskau/Kiew – Die Gespräche wurden am Abend abgebrochen.", "de"),
    ],
)
def test_actors_s4_a_dateline_is_no_actor(finder, text, lang):
    cities = text.split()[0].strip(",").split("/")
    found = [m.text for m in find(finder, text, lang)]
    assert not set(cities) & set(found), found


@pytest.mark.parametrize(
    "text, lang, code",
    [
        ("Il governo italiano ha criticato la Francia.", "it", "ITAGOV"),
        ("L'ambasciata d'Italia a Parigi ha protestato.", "it", "ITA"),
        ("Il ministro ha incontrato a Roma il collega francese.", "it", "FRA"),
        ("Le gouvernement a accusé la Russie d'ingérence.", "fr", "RUS"),
        ("Le Français a été interpellé à la frontière.", "fr", "FRA"),
        ("Deutsche Soldaten sollen nach Litauen verlegt werden.", "de", "DEUMIL"),
        ("Der Außenminister reiste am Montag nach Russland und traf Lawrow.", "de", "RUS"),
        ("La policía de Roma detuvo a dos hombres.", "es", "ITA"),
    ],
)
def test_actors_s4_countries_elsewhere_stay(finder, text, lang, code):
    found = codes_of(finder, text, lang)
    assert any(c.startswith(code) for c in found), found


@pytest.mark.parametrize(
    "text, lang, code",
    [
        ("Seit Samstag feuert die Armee auf syrisches Territorium.", "de", "SYR"),
        ("Es gab erneut Angriffe auf israelische Zivilisten.", "de", "ISRCVL"),
        ("Die Polizei hat den Franzosen Karim Benali festgenommen.", "de", "FRA"),
        ("Nell'est del Pakistan sono state uccise quattro persone.", "it", "PAK"),
        ("I passeggeri sono atterrati all'aeroporto Fiumicino di Roma.", "it", "ITA"),
    ],
)
def test_actors_s4_adjectives_people_and_places_stay(finder, text, lang, code):
    found = codes_of(finder, text, lang)
    assert any(c.startswith(code) for c in found), found


def test_actors_s4_a_dateline_still_gives_the_home_country(finder):
    found = codes_of(finder, "Wien – Die Ärzte der Spitäler forderten mehr Personal.", "de")
    assert "AUTHLH" in found, found
