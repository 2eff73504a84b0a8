"""The Spanish, French and German trigger lexicons: they load, name their sources, cover every CAMEO root,
and code realistic news sentences (written for these tests) with the expected CAMEO roots; with actors
given, the expected source and target. A light check on the Spanish AFP dev set guards precision."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casus.coding.triggers import LEXICON_DIR, load_lexicon
from casus.ontology import is_valid
from casus.options import Options
from casus.pipeline import Pipeline
from coding_helpers import code_with_actors

LANGS = ("es", "fr", "de")
ROOTS = [f"{i:02d}" for i in range(1, 21)]


@pytest.fixture(scope="module")
def segmenters() -> dict[str, Pipeline]:
    return {lang: Pipeline(Options(lang=lang), until="segment") for lang in LANGS}


def _coded(segmenters, lang: str, text: str, actors: dict[str, str] | None = None) -> list:
    """Events of one text: the real tokenizer and lemmas, actor mentions given by the test."""
    return code_with_actors(segmenters[lang], lang, text, actors)


def _roots(segmenters, lang: str, text: str) -> set[str]:
    return {e.cameo[:2] for e in _coded(segmenters, lang, text) if not e.negated}


@pytest.mark.parametrize("lang", LANGS)
def test_lexicons_es_fr_de_load_with_valid_codes(lang):
    path = LEXICON_DIR / f"{lang}.yaml"
    lex = load_lexicon(path)
    assert lex.lang == lang
    assert len(lex.triggers) >= 300
    for trig in lex.triggers:
        assert trig.id.startswith(f"{lang}."), trig.id
        assert is_valid(trig.cameo), trig.id
        assert trig.intent is None or is_valid(trig.intent), trig.id
        # `not` cancels on single lemmas or surface forms: a phrase there would never match
        assert all(" " not in word for word in trig.negative), trig.id


@pytest.mark.parametrize("lang", LANGS)
def test_lexicons_es_fr_de_header_names_sources(lang):
    head = (LEXICON_DIR / f"{lang}.yaml").read_text(encoding="utf-8").split("\ntriggers:")[0]
    assert "CAMEO 1.1b3" in head and "CAMEO.eventcodes.txt" in head


@pytest.mark.parametrize("lang", LANGS)
def test_lexicons_es_fr_de_cover_every_cameo_root(lang):
    lex = load_lexicon(LEXICON_DIR / f"{lang}.yaml")
    assert {t.cameo[:2] for t in lex.triggers} >= set(ROOTS)


SENTENCES = [
    # Spanish
    ("es", "El presidente de Colombia se reunió el lunes con su homólogo venezolano en Caracas.", "04"),
    ("es", "El canciller francés visitó Buenos Aires la semana pasada.", "04"),
    ("es", "Rusia y China firmaron un acuerdo de cooperación energética.", "05"),
    ("es", "El gobierno anunció el envío de tropas a la frontera norte.", "15"),
    ("es", "La guerrilla liberó a los tres rehenes tras dos meses de cautiverio.", "08"),
    ("es", "La fiscalía inició una investigación sobre los hechos violentos del viernes.", "09"),
    ("es", "Miles de jubilados exigieron al gobierno un aumento de las pensiones.", "10"),
    ("es", "El ministro condenó el atentado y acusó a los rebeldes de querer sabotear la paz.", "11"),
    ("es", "Los sindicatos rechazaron la propuesta salarial del gobierno.", "12"),
    ("es", "Un grupo armado amenazó de muerte a tres concejales.", "13"),
    ("es", "Miles de estudiantes marcharon por el centro de Santiago contra la reforma educativa.", "14"),
    ("es", "LOS MAESTROS INICIAN UNA HUELGA INDEFINIDA", "14"),
    ("es", "Los campesinos bloquearon la carretera Panamericana durante seis horas.", "14"),
    ("es", "El ejército movilizó a miles de reservistas en la zona fronteriza.", "15"),
    ("es", "Ecuador rompió relaciones diplomáticas con México.", "16"),
    ("es", "La policía detuvo a 25 manifestantes frente al Congreso.", "17"),
    ("es", "Desconocidos secuestraron a un comerciante en el centro de la ciudad.", "18"),
    ("es", "Guerrilleros de las FARC atacaron un puesto de policía en el Cauca.", "19"),
    ("es", "La aviación bombardeó posiciones rebeldes al norte de la capital.", "19"),
    # French
    ("fr", "Le président français a rencontré jeudi son homologue allemand à Berlin.", "04"),
    ("fr", "Le ministre s'est entretenu avec l'ambassadeur russe.", "04"),
    ("fr", "Les deux pays ont signé un accord de libre-échange.", "05"),
    ("fr", "Paris a annoncé l'envoi de troupes supplémentaires dans le nord du pays.", "15"),
    ("fr", "Les ravisseurs ont libéré deux otages français.", "08"),
    ("fr", "Le parquet a ouvert une enquête pour corruption.", "09"),
    ("fr", "L'opposition exige la démission du Premier ministre.", "10"),
    ("fr", "La France a condamné l'attaque contre la base de l'ONU.", "11"),
    ("fr", "Washington a accusé Pékin d'espionnage.", "11"),
    ("fr", "Le gouvernement a rejeté les revendications des syndicats.", "12"),
    ("fr", "La Corée du Nord a menacé de frapper les États-Unis.", "13"),
    ("fr", "Des milliers de personnes ont manifesté samedi à Paris contre la réforme des retraites.", "14"),
    ("fr", "Les cheminots se sont mis en grève mardi.", "14"),
    ("fr", "Moscou a massé des troupes à la frontière ukrainienne.", "15"),
    ("fr", "L'Union européenne a adopté de nouvelles sanctions contre la Russie.", "16"),
    ("fr", "Paris a rappelé son ambassadeur au Mali.", "16"),
    ("fr", "La police a interpellé une vingtaine de manifestants.", "17"),
    ("fr", "Trois soldats ont été tués dans l'explosion d'un engin explosif improvisé.", "18"),
    ("fr", "Les rebelles ont attaqué un convoi de l'armée près de Goma.", "19"),
    ("fr", "Des frappes aériennes ont visé plusieurs villages du nord.", "19"),
    # German
    ("de", "Bundeskanzler Scholz traf sich am Montag in Berlin mit dem französischen Präsidenten.", "04"),
    ("de", "Die Außenministerin besuchte am Dienstag Kiew.", "04"),
    ("de", "Beide Länder unterzeichneten ein Abkommen über militärische Zusammenarbeit.", "05"),
    ("de", "Die Regierung hat Tausende Soldaten in den Norden entsandt.", "15"),
    ("de", "Die Rebellen ließen zwei Geiseln frei.", "08"),
    ("de", "Die Staatsanwaltschaft ermittelt wegen Bestechung.", "09"),
    ("de", "Die Opposition forderte den Rücktritt des Ministers.", "10"),
    ("de", "Die Ukraine warf Russland vor, die Waffenruhe gebrochen zu haben.", "11"),
    ("de", "Israel lehnte den Vorschlag ab.", "12"),
    ("de", "Nordkorea drohte den USA mit einem Atomschlag.", "13"),
    ("de", "Tausende Menschen demonstrierten in Leipzig gegen die Regierung.", "14"),
    ("de", "Die Gewerkschaft rief zu einem Warnstreik auf.", "13"),
    ("de", "Russland zog an der Grenze Truppen zusammen.", "15"),
    ("de", "Die EU verhängte neue Sanktionen gegen Russland.", "16"),
    ("de", "Die Polizei nahm in Berlin drei Demonstranten fest.", "17"),
    ("de", "Bei dem Anschlag wurden zwölf Menschen getötet.", "18"),
    ("de", "Russische Truppen griffen am Montag die Stadt Charkiw an.", "19"),
    ("de", "Bei einem Luftangriff wurde ein Krankenhaus zerstört.", "19"),
]


@pytest.mark.parametrize(("lang", "text", "root"), SENTENCES)
def test_lexicons_es_fr_de_sentence_gets_root(segmenters, lang, text, root):
    assert root in _roots(segmenters, lang, text)


TRIPLES = [
    (
        "es",
        "Venezuela envió tropas a Bolivia.",
        {"Venezuela": "VEN", "Bolivia": "BOL"},
        ("VEN", "07", "BOL"),
    ),
    (
        "de",
        "Nordkorea hat Tausende Soldaten nach Russland entsandt.",
        {"Nordkorea": "PRK", "Russland": "RUS"},
        ("PRK", "07", "RUS"),
    ),
    (
        "es",
        "Venezuela acusó a Colombia de violar su espacio aéreo.",
        {"Venezuela": "VEN", "Colombia": "COL"},
        ("VEN", "11", "COL"),
    ),
    (
        "es",
        "Los manifestantes fueron dispersados por la policía con gases lacrimógenos.",
        {"Los manifestantes": "---CVL", "la policía": "---COP"},
        ("---COP", "17", "---CVL"),
    ),
    (
        "fr",
        "Pyongyang a envoyé des troupes en Russie.",
        {"Pyongyang": "PRK", "Russie": "RUS"},
        ("PRK", "07", "RUS"),
    ),
    (
        "fr",
        "L'Iran a menacé Israël de représailles.",
        {"L'Iran": "IRN", "Israël": "ISR"},
        ("IRN", "13", "ISR"),
    ),
    (
        "de",
        "Frankreich rief seinen Botschafter aus Mali zurück.",
        {"Frankreich": "FRA", "Mali": "MLI"},
        ("FRA", "16", "MLI"),
    ),
    (
        "de",
        "Die EU verhängte neue Sanktionen gegen Russland.",
        {"Die EU": "IGOEUREEC", "Russland": "RUS"},
        ("IGOEUREEC", "16", "RUS"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "actors", "expected"), TRIPLES)
def test_lexicons_es_fr_de_actors_fill_source_and_target(segmenters, lang, text, actors, expected):
    got = {
        (e.source.code if e.source else None, e.cameo[:2], e.target.code if e.target else None)
        for e in _coded(segmenters, lang, text, actors)
    }
    assert expected in got


NOT_EVENTS = [
    ("es", "El cadáver de un hombre fue hallado en la vereda La Esperanza."),
    ("fr", "Le ministre a présenté le budget de l'année prochaine."),
    ("de", "Es war ein sonniger Tag in Hamburg."),
    ("de", "Die Regierung muss jetzt Maßnahmen treffen."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_EVENTS)
def test_lexicons_es_fr_de_plain_sentences_code_nothing(segmenters, lang, text):
    assert _roots(segmenters, lang, text) == set()


def test_lexicons_es_fr_de_spanish_afp_root_precision(shared_dir: Path, segmenters):
    """The first 150 Spanish AFP records (CAMEO gold): per-record root precision stays above 0.6."""
    path = shared_dir / "eval" / "dev" / "es-afp-cameo.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    tp = fp = fn = 0
    with path.open(encoding="utf-8") as fh:
        for line in list(fh)[:150]:
            rec = json.loads(line)
            gold = {e["cameo"][:2] for e in rec["events"]}
            gold |= {a[:2] for e in rec["events"] for a in e.get("alt_cameo") or []}
            pred = _roots(segmenters, "es", rec["text"])
            tp += len(pred & gold)
            fp += len(pred - gold)
            fn += len({e["cameo"][:2] for e in rec["events"]} - pred)
    assert tp / max(1, tp + fp) >= 0.6
    assert tp / max(1, tp + fn) >= 0.45
