"""The scorer's rules (shared/spec/gold-format.md), each on small hand-made gold and predictions."""

from __future__ import annotations

from typing import Any

import pytest

from casus.evaluate.aggregate import GROUP_KEYS, summarise
from casus.evaluate.gold import GoldRecord, record_from_dict
from casus.evaluate.score import score_doc


def gold(events: list[dict[str, Any]], scope: list[str] | None = None, **extra: Any) -> GoldRecord:
    obj = {
        "id": extra.pop("id", "doc-1"),
        "lang": extra.pop("lang", "en"),
        "text": extra.pop("text", "Rebels attacked a police post near the border on Monday."),
        "published": "2024-06-20",
        "scope": scope,
        "events": events,
        **extra,
    }
    return record_from_dict(obj, "hand.jsonl", 1)


def pred(
    cameo: str | None,
    source: str | None = None,
    target: str | None = None,
    plover: str | None = None,
    **kw: Any,
) -> dict[str, Any]:
    return {
        "cameo": cameo,
        "plover": plover,
        "source": {"code": source, "text": source} if source else None,
        "target": {"code": target, "text": target} if target else None,
        "evidence": {"text": kw.pop("evidence", "the sentence"), "start": 0, "end": 12},
        "modality": kw.pop("modality", "asserted"),
        "date": kw.pop("date", "2024-06-20"),
        "quantities": kw.pop("quantities", []),
        "attribution": kw.pop("attribution", None),
        "negated": kw.pop("negated", False),
        **kw,
    }


def counts(score, metric: str) -> tuple[int, int, int]:
    c = score.prf[metric]
    return c.tp, c.fp, c.fn


def test_score_root_and_actors_match_on_primary():
    g = gold([{"source": "COLREB", "cameo": "190", "target": "COLCOP"}])
    s = score_doc(g, [pred("193", "COL", "COLMIL")])
    assert counts(s, "type_cameo") == (1, 0, 0)
    assert counts(s, "triples") == (1, 0, 0)


def test_score_wrong_root_is_a_false_positive_and_a_miss():
    g = gold([{"source": "COL", "cameo": "190", "target": "COL"}])
    s = score_doc(g, [pred("112", "COL", "COL")])
    assert counts(s, "type_cameo") == (0, 1, 1)
    assert counts(s, "triples") == (0, 1, 1)
    assert s.confusion[("19", "11")] == 1
    assert s.misses and s.misses[0].predicted[0]["event"].startswith("COL 112 COL")


def test_score_alt_cameo_root_is_accepted():
    g = gold([{"source": "IGOWSTNAT", "cameo": "111", "alt_cameo": ["012", "138"], "target": "PRK"}])
    s = score_doc(g, [pred("012", "IGOWSTNAT", "PRKGOV")])
    assert counts(s, "triples") == (1, 0, 0)
    assert counts(s, "type_cameo") == (1, 0, 0)
    assert s.accuracy["full_code"].correct == 1  # 012 starts with the alternative 012
    assert s.confusion[("11", "01")] == 1


def test_score_one_predicted_root_confirms_one_gold_root():
    # 01 is the gold 010 and an alternative of the gold 111: it cannot stand for both.
    g = gold(
        [
            {"source": "IGOWSTNAT", "cameo": "111", "alt_cameo": ["012"], "target": "PRK"},
            {"source": "IGOWSTNAT", "cameo": "010"},
        ]
    )
    assert counts(score_doc(g, [pred("012", "IGOWSTNAT", "PRK")]), "type_cameo") == (1, 0, 1)
    both = score_doc(g, [pred("012", "IGOWSTNAT", "PRK"), pred("111", "IGOWSTNAT", "PRK")])
    assert counts(both, "type_cameo") == (2, 0, 0)


def test_score_list_valued_actors_accept_any_member():
    g = gold([{"source": ["PRK", "PRKGOV"], "cameo": "0332", "target": ["RUS", "RUSMIL"]}])
    assert counts(score_doc(g, [pred("0332", "PRKMIL", "RUS")]), "triples") == (1, 0, 0)
    assert counts(score_doc(g, [pred("0332", "KOR", "RUS")]), "triples") == (0, 1, 1)


def test_score_unknown_country_and_missing_actors_are_not_judged():
    g = gold([{"source": "---REB", "cameo": "145", "target": None}])
    assert counts(score_doc(g, [pred("145", "COLREB", "COLBUS")]), "triples") == (1, 0, 0)
    assert counts(score_doc(g, [pred("145")]), "triples") == (1, 0, 0)
    # a judged target still has to match
    g2 = gold([{"source": "---REB", "cameo": "145", "target": "ECU"}])
    assert counts(score_doc(g2, [pred("145", "COLREB", "COL")]), "triples") == (0, 1, 1)
    assert counts(score_doc(g2, [pred("145", "COLREB", None)]), "triples") == (0, 1, 1)


def test_score_organisation_primary_is_the_whole_code():
    g = gold([{"source": "IGOUNO", "cameo": "163", "target": "RUS"}])
    assert counts(score_doc(g, [pred("163", "IGOUNO", "RUSGOV")]), "triples") == (1, 0, 0)
    assert counts(score_doc(g, [pred("163", "IGOWSTNAT", "RUS")]), "triples") == (0, 1, 1)
    assert counts(score_doc(g, [pred("163", "IGO", "RUS")]), "triples") == (0, 1, 1)


def test_score_duplicate_predictions_are_false_positives():
    g = gold([{"source": "RUS", "cameo": "190", "target": "UKR"}])
    s = score_doc(g, [pred("190", "RUS", "UKR"), pred("195", "RUSMIL", "UKR")])
    assert counts(s, "triples") == (1, 1, 0)
    assert s.duplicates["triples"] == 1
    assert counts(s, "type_cameo") == (1, 0, 0)  # the type is one (document, root) pair


def test_score_each_gold_event_matched_by_maximum_matching():
    # p1 could match either gold event; p2 only the second. Greedy-by-order would lose one.
    g = gold(
        [
            {"source": None, "cameo": "190", "target": "UKR"},
            {"source": "RUS", "cameo": "190", "target": "UKR"},
        ]
    )
    s = score_doc(g, [pred("190", "RUS", "UKR"), pred("190", "BLR", "UKR")])
    assert counts(s, "triples") == (2, 0, 0)


def test_score_optional_events_are_neither_rewarded_nor_punished():
    events = [
        {"source": "RUS", "cameo": "042", "target": "PRK"},
        {"source": "PRK", "cameo": "043", "target": "RUS", "optional": True},
    ]
    g = gold(events)
    both = score_doc(g, [pred("042", "RUS", "PRK"), pred("043", "PRK", "RUS")])
    assert counts(both, "triples") == (1, 0, 0)
    required_only = score_doc(g, [pred("042", "RUS", "PRK")])
    assert counts(required_only, "triples") == (1, 0, 0)
    only_optional = gold([events[1]])
    assert counts(score_doc(only_optional, []), "triples") == (0, 0, 0)
    assert counts(score_doc(only_optional, [pred("043", "PRK", "RUS")]), "type_cameo") == (0, 0, 0)


def test_score_optional_match_may_move_a_required_match():
    # p0 fits the required event and the optional one; p1 only the required one: both are used, no FP.
    g = gold(
        [
            {"source": "RUS", "cameo": "042", "target": None},
            {"source": "RUS", "cameo": "042", "target": "PRK", "optional": True},
        ]
    )
    s = score_doc(g, [pred("042", "RUS", "PRK"), pred("042", "RUS", "CHN")])
    assert counts(s, "triples") == (1, 0, 0)


def test_score_scope_list_restricts_gold_and_predictions():
    g = gold([{"source": None, "target": None, "plover": "PROTEST"}], scope=["PROTEST"])
    s = score_doc(g, [pred("141", plover="PROTEST"), pred("190", plover="ASSAULT")])
    assert counts(s, "type_plover") == (1, 0, 0)
    assert counts(s, "plover_triples") == (1, 0, 0)
    assert "type_cameo" not in s.prf and "triples" not in s.prf
    # CAMEO scope by root: predictions of other roots and gold of other roots are left out
    g2 = gold(
        [{"source": "COL", "cameo": "141"}, {"source": "COL", "cameo": "190"}],
        scope=["14"],
    )
    s2 = score_doc(g2, [pred("141", "COL"), pred("173", "COL")])
    assert counts(s2, "triples") == (1, 0, 0)
    assert counts(s2, "type_cameo") == (1, 0, 0)


def test_score_scope_with_no_events_says_none_of_that_type():
    g = gold([], scope=["PROTEST"])
    s = score_doc(g, [pred("141", plover="PROTEST"), pred("190", plover="ASSAULT")])
    assert counts(s, "type_plover") == (0, 1, 0)
    assert counts(s, "plover_triples") == (0, 1, 0)
    empty_scope = score_doc(gold([], scope=[]), [pred("141", plover="PROTEST")])
    assert empty_scope.prf == {}


def test_score_exhaustive_record_without_events_makes_every_prediction_false():
    g = gold([])
    s = score_doc(g, [pred("141", "FRA", plover="PROTEST"), pred("141", "FRA", plover="PROTEST")])
    assert counts(s, "triples") == (0, 2, 0)
    assert counts(s, "type_cameo") == (0, 1, 0)
    assert counts(s, "type_plover") == (0, 1, 0)
    assert s.confusion[("none", "14")] == 1


def test_score_plover_only_record_is_scored_on_plover_types_and_actors():
    g = gold([{"source": ["HUNGOV", "ROUGOV"], "target": None, "plover": "AGREE"}], scope=["AGREE"])
    s = score_doc(g, [pred("057", "ROU", "HUN", plover="AGREE")])
    assert set(s.prf) == {"type_plover", "plover_triples"}
    assert counts(s, "plover_triples") == (1, 0, 0)
    wrong_actor = score_doc(g, [pred("057", "AUT", "HUN", plover="AGREE")])
    assert counts(wrong_actor, "type_plover") == (1, 0, 0)
    assert counts(wrong_actor, "plover_triples") == (0, 1, 1)
    # exhaustive plover-only gold: a CAMEO-only view is not judged, PLOVER is
    g2 = gold([{"source": None, "target": None, "plover": "MOBILIZE"}])
    s2 = score_doc(g2, [pred("141", plover="PROTEST")])
    assert set(s2.prf) == {"type_plover", "plover_triples"}
    assert counts(s2, "type_plover") == (0, 1, 1)


def test_score_gold_of_the_other_vocabulary_acts_as_optional():
    g = gold(
        [
            {"source": "FRA", "cameo": "141", "plover": "PROTEST"},
            {"source": "FRA", "plover": "MOBILIZE"},  # no CAMEO: cannot be a CAMEO triple
        ]
    )
    s = score_doc(g, [pred("141", "FRA", plover="PROTEST"), pred("150", "FRA", plover="MOBILIZE")])
    assert counts(s, "triples") == (1, 0, 0)
    assert counts(s, "type_cameo") == (1, 0, 0)
    assert counts(s, "plover_triples") == (2, 0, 0)


def test_score_full_code_accuracy_with_alternatives():
    g = gold([{"source": "PRK", "cameo": "0332", "alt_cameo": ["033", "072"], "target": "RUS"}])
    assert score_doc(g, [pred("0332", "PRK", "RUS")]).accuracy["full_code"].correct == 1
    assert score_doc(g, [pred("033", "PRK", "RUS")]).accuracy["full_code"].correct == 1
    assert score_doc(g, [pred("0721", "PRK", "RUS")]).accuracy["full_code"].correct == 1
    wrong = score_doc(g, [pred("030", "PRK", "RUS")])
    assert counts(wrong, "triples") == (1, 0, 0)
    assert (wrong.accuracy["full_code"].correct, wrong.accuracy["full_code"].total) == (0, 1)
    two_digit = score_doc(gold([{"source": "PRK", "cameo": "16"}]), [pred("160", "PRK")])
    assert two_digit.accuracy["full_code"].total == 0


def test_score_field_accuracy_date_modality_attribution_quantity():
    g = gold(
        [
            {
                "source": "PRK",
                "cameo": "0332",
                "target": "RUS",
                "date": ["2024-10", "2024-10-18"],
                "modality": ["intended", "reported"],
                "attribution": ["KORSPY", "KOR"],
                "quantity": 12000,
            },
            {"source": "RUS", "cameo": "042", "target": "PRK", "date": "2024-06", "modality": "asserted"},
        ]
    )
    good = [
        pred(
            "0332",
            "PRK",
            "RUS",
            date="2024-10-18",
            modality="reported",
            attribution={"text": "l'intelligence sudcoreana", "code": "KORSPY"},
            quantities=[{"value": 1500.0}, {"value": 12000.0}],
        ),
        pred("042", "RUSGOV", "PRK", date="2024-06-19", modality="asserted"),
    ]
    acc = score_doc(g, good).accuracy
    assert (acc["date"].correct, acc["date"].total) == (2, 2)
    assert (acc["modality"].correct, acc["modality"].total) == (2, 2)
    assert (acc["attribution"].correct, acc["attribution"].total) == (1, 1)
    assert (acc["quantity"].correct, acc["quantity"].total) == (1, 1)
    bad = [
        pred("0332", "PRK", "RUS", date="2024-09-30", modality="asserted", attribution=None, quantities=[]),
        pred("042", "RUS", "PRK", date="2024-07-01", modality="hypothetical"),
    ]
    acc = score_doc(g, bad).accuracy
    assert acc["date"].correct == 0 and acc["modality"].correct == 0
    assert acc["attribution"].correct == 0 and acc["quantity"].correct == 0


def test_score_day_level_gold_date_needs_the_same_day():
    g = gold([{"source": "IGOWSTNAT", "cameo": "111", "target": "PRK", "date": "2024-10-21"}])
    assert score_doc(g, [pred("111", "IGOWSTNAT", "PRK", date="2024-10-21")]).accuracy["date"].correct == 1
    assert score_doc(g, [pred("111", "IGOWSTNAT", "PRK", date="2024-10")]).accuracy["date"].correct == 0


def test_score_zero_predictions_score_zero_recall_not_an_error():
    g = gold([{"source": "COL", "cameo": "190"}, {"source": "COL", "cameo": "180"}])
    s = score_doc(g, [])
    assert counts(s, "triples") == (0, 0, 2)
    overall = summarise([(s, False)])["overall"]
    assert overall.prf["triples"].recall == 0.0
    assert overall.prf["triples"].precision == 0.0
    assert overall.scores()["triples.f1"] == 0.0


def test_score_a_vocabulary_nothing_judged_in_is_not_reported_as_zero_precision():
    # a record that says "nothing happened here", and nothing predicted: no PLOVER type was judged at all,
    # its PLOVER precision is not 0.0, it is absent (a 0.0 would read as "every prediction wrong")
    quiet = gold([])
    s = score_doc(quiet, [])  # vocabularies unknown: both judged, and nothing to count in either
    overall = summarise([(s, False)])["overall"]
    assert "type_plover.precision" not in overall.scores()
    assert "type_plover" not in overall.to_dict()


def test_score_negated_predictions_are_left_out():
    g = gold([{"source": "COL", "cameo": "190"}])
    s = score_doc(g, [pred("190", "COL"), pred("180", "COL", negated=True)])
    assert counts(s, "triples") == (1, 0, 0)
    assert s.negated_ignored == 1


def test_score_per_language_aggregation_sums_counts():
    it = gold([{"source": "RUS", "cameo": "042", "target": "PRK"}], id="a", lang="it")
    es = gold([{"source": "COL", "cameo": "190"}], id="b", lang="es")
    es2 = gold([{"source": "COL", "cameo": "145"}], id="c", lang="es")
    scores = [
        (score_doc(it, [pred("042", "RUS", "PRK")]), False),
        (score_doc(es, [pred("190", "COL")]), False),
        (score_doc(es2, []), True),
    ]
    by_lang = summarise(scores, GROUP_KEYS["lang"])
    assert (by_lang["it"].prf["triples"].tp, by_lang["it"].prf["triples"].fn) == (1, 0)
    assert (by_lang["es"].prf["triples"].tp, by_lang["es"].prf["triples"].fn) == (1, 1)
    assert by_lang["es"].rejected == 1 and by_lang["es"].docs == 2
    overall = summarise(scores)["overall"]
    assert overall.prf["triples"].recall == pytest.approx(2 / 3)


def test_score_must_not_code_lines_are_checked_against_evidence():
    g = gold(
        [{"source": "IGOWSTNAT", "cameo": "111", "target": "PRK"}],
        must_not_code=["Pordic: l'associazione si prepara a salire sul palco"],
    )
    clean = score_doc(g, [pred("111", "IGOWSTNAT", "PRK", evidence="La NATO avverte Pyongyang.")])
    assert (clean.must_not.correct, clean.must_not.total) == (1, 1)
    dirty = score_doc(g, [pred("141", evidence="Pordic: l'associazione si prepara a salire sul palco")])
    assert dirty.must_not.correct == 0


def test_score_quotes_compare_speakers_with_attributions():
    g = gold(
        [],
        scope=[],
        lang="cs",
        text="Ceny porostou, řekl ministr financí Jan Novák.",
        quotes=[{"source": "ministr financí Jan Novák", "cue": "řekl", "content": "Ceny porostou"}],
    )
    found = score_doc(g, [pred("010", "CZE", attribution={"text": "Jan Novák", "code": "CZEGOV"})])
    assert (found.quotes.tp, found.quotes.fp, found.quotes.fn) == (1, 0, 0)
    assert found.prf == {}  # an empty scope judges no event
    assert (score_doc(g, []).quotes.fn, score_doc(g, []).quotes.tp) == (1, 0)


def test_score_empty_record_is_judged_in_its_files_vocabularies():
    from casus.evaluate.score import file_vocabularies

    coded = gold([{"source": "COLREB", "cameo": "190", "target": "COLMIL"}])
    empty = gold([], id="doc-2", text="Los cadaveres fueron hallados en una fosa comun.")
    vocab = file_vocabularies([coded, empty])
    assert vocab == (True, False)
    spurious = pred("190", "COLREB", "COLMIL", plover="ASSAULT")
    s = score_doc(empty, [spurious], vocab)
    assert counts(s, "type_cameo") == (0, 1, 0)  # nothing happened here: a CAMEO false positive ...
    assert "type_plover" not in s.prf  # ... but a CAMEO-coded set judges no PLOVER types
    assert "type_plover" in score_doc(empty, [spurious]).prf  # alone, an empty record judges both
