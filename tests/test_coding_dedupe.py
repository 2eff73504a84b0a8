"""Each event once per document: title, body and embedded post statements merge into one event."""

from __future__ import annotations

from casus.coding.dedupe import codes_compatible, dedupe, primary, same_event
from casus.doc import Event, Mention
from coding_helpers import code_with_gazetteer


def _ev(sentence: int, cameo: str, src: str | None, tgt: str | None, modality: str = "asserted") -> Event:
    def m(code: str | None) -> Mention | None:
        return Mention(0, 1, code, code, sentence) if code else None

    return Event(
        doc_id="d",
        lang="en",
        sentence=sentence,
        evidence_start=sentence * 10,
        evidence_end=sentence * 10 + 9,
        evidence_text="x",
        cameo=cameo,
        source=m(src),
        target=m(tgt),
        modality=modality,
    )


def test_coding_dedupe_primary_of_country_and_organisation():
    assert primary(Mention(0, 1, "x", "RUSGOV", 0)) == "RUS"
    assert primary(Mention(0, 1, "x", "IGOWSTNAT", 0)) == "IGOWSTNAT"
    assert primary(None) is None


def test_coding_dedupe_code_compatibility_needs_prefix():
    assert codes_compatible("07", "074") and codes_compatible("074", "074")
    assert not codes_compatible("072", "074") and not codes_compatible("190", "090")


def test_coding_dedupe_title_and_body_merge_and_body_is_kept():
    kinds = {0: "title", 3: "body", 5: "embedded"}
    events = [_ev(0, "111", "SRB", "XKX"), _ev(3, "111", "SRBGOV", "XKX"), _ev(5, "111", None, "XKX")]
    out = dedupe(events, kinds)
    assert len(out) == 1
    assert out[0].sentence == 3 and out[0].mentions == 3
    assert sorted(out[0].mention_sentences) == [0, 3, 5]


def test_coding_dedupe_different_actors_stay_apart():
    out = dedupe([_ev(1, "190", "RUS", "UKR"), _ev(2, "190", "UKR", "RUS")], {1: "body", 2: "body"})
    assert len(out) == 2


def test_coding_dedupe_same_root_in_one_sentence_is_one_event():
    assert same_event(_ev(1, "140", None, None), _ev(1, "141", None, None))
    assert not same_event(_ev(1, "140", None, None), _ev(2, "141", None, None))


def test_coding_dedupe_firm_statement_wins_over_conditional():
    out = dedupe(
        [_ev(1, "074", "PRK", "RUS", "hypothetical"), _ev(4, "074", "PRK", "RUS", "reported")],
        {1: "body", 4: "body"},
    )
    assert len(out) == 1 and out[0].sentence == 4 and out[0].mentions == 2


def test_coding_dedupe_different_senses_in_different_sentences_stay_apart():
    troops, arms = _ev(1, "072", "PRK", "RUS"), _ev(4, "072", "PRK", "RUS")
    troops.cues["sense"], arms.cues["sense"] = "troops", "arms"
    assert len(dedupe([troops, arms], {1: "body", 4: "body"})) == 2
    title = _ev(0, "072", "PRK", "RUS")
    title.cues["sense"] = "troops"
    assert len(dedupe([title, troops, arms], {0: "title", 1: "body", 4: "body"})) == 2


def test_coding_dedupe_two_places_keep_two_events_apart():
    places = {1: ("COL", "city", "bogotá"), 2: ("COL", "city", "medellín"), 3: ("COL", "country", "colombia")}
    kinds = {1: "body", 2: "body", 3: "body", 4: "body"}

    def where(index: int):
        return places.get(index)

    bogota, medellin = _ev(1, "141", "COLEDU", "COLGOV"), _ev(2, "141", "COLEDU", "COLGOV")
    assert len(dedupe([bogota, medellin], kinds)) == 1  # without places: one march told twice
    assert (
        len(dedupe([_ev(1, "141", "COLEDU", "COLGOV"), _ev(2, "141", "COLEDU", "COLGOV")], kinds, where)) == 2
    )
    # a city and its country, or a sentence that says no place, do not keep them apart; nor do two places
    # around an event that is not a protest, an arrest or an attack (a transfer of troops)
    assert (
        len(dedupe([_ev(1, "141", "COLEDU", "COLGOV"), _ev(3, "141", "COLEDU", "COLGOV")], kinds, where)) == 1
    )
    assert (
        len(dedupe([_ev(1, "141", "COLEDU", "COLGOV"), _ev(4, "141", "COLEDU", "COLGOV")], kinds, where)) == 1
    )


def test_coding_dedupe_marches_in_two_cities_of_one_text_are_two_events():
    text = (
        "Miles de estudiantes marcharon el lunes en Bogotá contra el gobierno de Colombia. "
        "Otros estudiantes marcharon en Medellín contra el gobierno de Colombia."
    )
    marches = [e for e in code_with_gazetteer("es", text) if e.cameo.startswith("14")]
    assert [e.sentence for e in marches] == [0, 1]
    assert [e.location["text"] for e in marches] == ["Bogotá", "Medellín"]
    same_place = (
        "Miles de estudiantes marcharon el lunes en Bogotá contra el gobierno de Colombia. "
        "La marcha de los estudiantes en la capital terminó sin incidentes."
    )
    merged = [e for e in code_with_gazetteer("es", same_place) if e.cameo.startswith("14")]
    assert len(merged) == 1 and merged[0].mention_sentences == [0, 1]
