"""The genitive after an invasion, occupation, blockade or bombing noun is what was done to, not who did it
(sentences written for these tests): "the invasion of Ukraine" is RUS → UKR when Russia launched it, and
"der Einmarsch der Türkei in Syrien" still has Turkey going in. Also French countermeasures announced."""

from __future__ import annotations

import pytest

from casus.coding.triggers import load_lexicon
from casus.errors import ConfigError
from coding_helpers import gazetteer_triples


def _triples(lang: str, text: str) -> list[tuple[str, str | None, str | None]]:
    return gazetteer_triples(lang, text, keep_negated=False)


@pytest.mark.parametrize(
    ("lang", "text", "code", "source", "target"),
    [
        ("en", "Russia launched the invasion of Ukraine in February 2022.", "192", "RUS", "UKR"),
        ("en", "The invasion of Kuwait by Iraq in 1990 drew a wide coalition.", "192", "IRQ", "KWT"),
        ("fr", "La Russie a lancé l'invasion de l'Ukraine en février 2022.", "192", "RUS", "UKR"),
        ("fr", "Le blocus de Gaza par Israël se poursuit depuis des années.", "191", "ISR", "PSE"),
        ("it", "L'invasione russa dell'Ucraina è iniziata nel febbraio 2022.", "192", "RUS", "UKR"),
        ("es", "Rusia lanzó la invasión de Ucrania en febrero de 2022.", "192", "RUS", "UKR"),
        ("de", "Russland begann die Invasion der Ukraine im Februar 2022.", "192", "RUS", "UKR"),
        ("de", "Die Invasion der Ukraine durch Russland begann im Februar 2022.", "192", "RUS", "UKR"),
        # with a destination named, the genitive is who went in
        ("de", "Es geht um den Einmarsch der Türkei in Syrien.", "192", "TUR", "SYR"),
    ],
)
def test_coding_of_patient_genitive_is_the_target(lang, text, code, source, target):
    assert (code, source, target) in _triples(lang, text)


def test_coding_of_patient_genitive_of_a_visit_stays_the_visitor():
    # "la visita di X" is X's visit: the default genitive role is untouched
    got = _triples("it", "La visita di Putin in Cina è durata due giorni.")
    assert not any(t == "RUSGOV" and s is None for _, s, t in got)


def test_coding_of_patient_no_actor_no_invasion():
    # a car "invading" the opposite lane is no event: the Italian invasion noun needs an actor
    assert not _triples("it", "La brusca invasione della corsia di sinistra ha provocato il tamponamento.")


def test_coding_of_patient_lexicon_rejects_a_bad_of_role(tmp_path):
    path = tmp_path / "xx.yaml"
    path.write_text(
        'lang: xx\ntriggers:\n  - {id: xx.inv, cameo: "192", pos: noun, pattern: "invasion", of: agent}\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="of must be source or target"):
        load_lexicon(path)


def test_coding_countermeasures_announced_are_a_threat_taken_reduce_relations():
    said = _triples(
        "fr",
        "Le porte-parole du Kremlin a affirmé que la Russie prendrait des contre-mesures pour garantir sa sécurité.",
    )
    assert ("130", "RUS", None) in said
    taken = _triples("fr", "La Russie a pris des contre-mesures contre la Finlande.")
    assert ("160", "RUS", "FIN") in taken
