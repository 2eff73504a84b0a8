"""Calibrated confidence (casus.coding.calibration): a probability learned on the dev sets, applied after the
coder; the formula as fallback; `min_confidence` filtering; the packaged file's metadata."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from casus.cli import main
from casus.coding import calibration
from casus.coding.stage import make_stage
from casus.doc import Doc, Event, Mention
from casus.errors import ConfigError
from casus.options import Options
from test_coding_lexicon import build_doc

LINES = [
    ("title", "Russia shells Ukrainian port as talks stall"),
    ("body", "Russian forces attacked the port of Odesa on Tuesday, Ukrainian officials said."),
    ("body", "Ukraine accused Russia of targeting grain silos."),
    ("body", "The European Union might impose new sanctions on Moscow next month."),
]
ACTORS = {
    "Russia": "RUS",
    "Russian forces": "RUSMIL",
    "Ukrainian officials": "UKRGOV",
    "Ukraine": "UKR",
    "European Union": "IGOEEU",
    "Moscow": "RUS",
}


def coded(opts: Options | None = None) -> Doc:
    return make_stage(opts or Options())(build_doc(LINES, "en", ACTORS))


@pytest.fixture(scope="module")
def model() -> calibration.Calibrator:
    found = calibration.load()
    if found is None:
        pytest.fail(f"no readable calibration file at {calibration.CALIBRATION_PATH}")
    return found


def _event(rule: str, cameo: str, modality: str, source: Mention | None, target: Mention | None) -> Event:
    return Event(
        doc_id="d",
        lang="en",
        sentence=0,
        evidence_start=0,
        evidence_end=60,
        evidence_text="x",
        cameo=cameo,
        source=source,
        target=target,
        modality=modality,
        rule=rule,
        coder="lexicon/1",
    )


def test_coding_calibration_confidence_is_a_probability():
    doc = coded()
    assert doc.events, "the sample should code events"
    for ev in doc.events:
        assert 0.0 <= ev.confidence <= 1.0
        assert calibration.FORMULA_CUE in ev.cues  # the coder's own score is kept for comparison


def test_coding_calibration_reliable_asserted_dyad_beats_hypothetical_without_actors(model):
    # the most reliable rule with enough training events, against a rule never seen in training
    rules = {r: kn for r, kn in model.stats.rules.items() if r and kn[1] >= 10}
    assert rules, "the calibration file should hold per-rule counts"
    best = max(rules, key=lambda r: model.stats.reliability(r, ""))
    doc = Doc(id="d", text="x" * 60, lang="en")
    rus = Mention(0, 6, "Russia", "RUS", 0, country="RUS")
    ukr = Mention(20, 27, "Ukraine", "UKR", 0, country="UKR")
    firm = _event(best, "190", "asserted", rus, ukr)
    vague = _event("en.never_seen_rule", "190", "hypothetical", None, None)
    doc.events = [firm]
    p_firm = model.probability(firm, doc)
    doc.events = [vague]
    p_vague = model.probability(vague, doc)
    assert 0.0 < p_vague < p_firm < 1.0


def test_coding_calibration_unseen_rule_backs_off_to_its_root(model):
    root = max(model.stats.roots, key=lambda r: model.stats.roots[r][1])
    assert model.stats.reliability("it.no_such_rule", root) == pytest.approx(
        model.stats.reliability(None, root)
    )
    k, n = model.stats.total
    assert model.stats.reliability("it.no_such_rule", "99") == pytest.approx(k / n)


def test_coding_calibration_a_joined_event_is_judged_by_its_first_rule(model):
    # "a suicide bomber blew himself up ..., killing X": the attack's rule codes the joined event
    rule = max((r for r in model.stats.rules if r), key=lambda r: model.stats.rules[r][1])
    assert calibration.rule_key(f"{rule}+en.kill") == rule
    doc = Doc(id="d", text="x" * 60, lang="en")
    rus = Mention(0, 6, "Russia", "RUS", 0, country="RUS")
    ukr = Mention(20, 27, "Ukraine", "UKR", 0, country="UKR")
    joined, single = (
        _event(f"{rule}+en.kill", "190", "asserted", rus, ukr),
        _event(rule, "190", "asserted", rus, ukr),
    )
    doc.events = [joined]
    p_joined = model.probability(joined, doc)
    doc.events = [single]
    assert p_joined == pytest.approx(model.probability(single, doc))


def test_coding_calibration_unseen_language_takes_the_training_mix(model):
    doc = Doc(id="d", text="x" * 60, lang="it")
    ev = _event("it.attack", "190", "asserted", None, None)
    ev.lang = "it"
    doc.events = [ev]
    feats = model.vector(ev, doc, calibration.sentence_counts(doc.events))
    shares = [feats[f"lang={lang}"] for lang in model.langs]
    assert sum(shares) == pytest.approx(1.0, abs=1e-3) and all(0 < s < 1 for s in shares)


def test_coding_calibration_missing_file_falls_back_to_the_formula(tmp_path, caplog):
    missing = tmp_path / "none.json"
    with caplog.at_level(logging.WARNING, logger="casus.coding.calibration"):
        doc = coded(Options(calibration=missing))
    assert "rule-based formula" in caplog.text
    assert doc.events
    for ev in doc.events:
        assert ev.confidence == pytest.approx(ev.cues[calibration.FORMULA_CUE], abs=1e-3)
    assert "not calibrated" in calibration.describe(missing)


def test_coding_calibration_unreadable_file_falls_back_to_the_formula(tmp_path, caplog):
    bad = tmp_path / "broken.json"
    bad.write_text('{"meta": {}, "model": {"intercept": ', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="casus.coding.calibration"):
        assert calibration.load(bad) is None
    assert "unreadable" in caplog.text


def test_coding_calibration_other_coders_keep_their_confidence(model):
    ev = _event("x.rule", "190", "asserted", None, None)
    ev.coder, ev.confidence = "learned/2", 0.42
    doc = Doc(id="d", text="x" * 60, lang="en", events=[ev])
    calibration.calibrate(doc, doc.events, model)
    assert ev.confidence == 0.42


def test_coding_calibration_min_confidence_filters_and_counts():
    every = coded()
    cut = sorted(ev.confidence for ev in every.events)[len(every.events) // 2]
    kept = coded(Options(min_confidence=cut))
    assert kept.events and all(ev.confidence >= cut for ev in kept.events)
    assert len(kept.events) == sum(ev.confidence >= cut for ev in every.events)
    if len(kept.events) < len(every.events):
        assert kept.meta["below_min_confidence"] == len(every.events) - len(kept.events)
    assert coded(Options(min_confidence=1.0)).events == []
    with pytest.raises(ConfigError, match="between 0 and 1"):
        make_stage(Options(min_confidence=1.5))


def test_coding_calibration_extract_min_confidence(tmp_path, capsys):
    page = tmp_path / "port.en.txt"
    page.write_text(
        "Russian forces attacked the port of Odesa on Tuesday.\n\n"
        "Ukraine accused Russia of targeting grain silos.\n\n"
        "Officials said the European Union might impose new sanctions on Moscow.\n",
        encoding="utf-8",
    )
    assert main(["extract", str(page), "--lang", "en"]) == 0
    every = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert every
    cut = round(max(r["confidence"] for r in every) - 0.001, 3)  # records round the confidence to 3 places
    assert main(["extract", str(page), "--lang", "en", "--min-confidence", str(cut)]) == 0
    kept = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert kept and len(kept) <= len(every) and all(r["confidence"] >= cut - 0.0005 for r in kept)
    with pytest.raises(SystemExit):
        main(["extract", str(page), "--min-confidence", "1.5"])


def test_coding_calibration_explain_says_what_the_confidence_is(tmp_path, capsys):
    page = tmp_path / "port.en.txt"
    page.write_text("Russian forces attacked the port of Odesa on Tuesday.\n", encoding="utf-8")
    assert main(["explain", str(page), "--lang", "en", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "calibrated probability" in out["confidence_model"]
    assert main(["explain", str(page), "--lang", "en"]) == 0
    assert "calibrated" in capsys.readouterr().out


def test_coding_calibration_file_metadata():
    data = json.loads(Path(calibration.CALIBRATION_PATH).read_text(encoding="utf-8"))
    meta = data["meta"]
    assert meta["label"] == "triple match" and "triple_matching" in meta["label_definition"]
    assert meta["written_by"] == "bench/calibrate.py"
    assert meta["date"] and meta["commit"]
    assert set(meta["trained_on"]["sets"]) >= {"es-afp-cameo", "arabic-gsr", "plover-gsr-en"}
    assert "quotes-cs-ru" not in meta["trained_on"]["sets"]
    assert "folds by source document" in meta["method"]["cross_validation"]
    held = meta["heldout"]["overall"]
    for key in ("brier", "ece", "auc", "at"):
        assert key in held
    # the calibrated model is better calibrated than the formula it replaces, held out
    assert held["brier"] <= meta["heldout_formula"]["overall"]["brier"]
    assert held["ece"] <= meta["heldout_formula"]["overall"]["ece"]
    # counts per rule id and root only: no text from the gold sets
    assert all(re.fullmatch(r"[a-z]{2}\.[\w.-]+|", rule) for rule in data["model"]["rule_stats"]["rules"])
    assert all(re.fullmatch(r"\d{2}|", root) for root in data["model"]["rule_stats"]["roots"])
    assert "rule_reliability" in data["model"]["coef"]
