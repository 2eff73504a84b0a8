"""Calibrated event confidence: the probability that a coded event is right.

A coder's own confidence (casus.coding.confidence: rule specificity, actors, modality) is a hand-set score; on
the dev sets it does not separate right events from wrong ones. This module replaces it, after the coder, by
a small logistic regression learned from the dev sets by `bench/calibrate.py` and shipped as
`data/calibration/confidence.json`:

    confidence = sigmoid(intercept + sum(coef[f] * feature[f]))

"Right" is the stricter notion the scorer has: the event matches a gold event on its triple (source primary,
type, target primary; CAMEO triples where the gold speaks CAMEO, PLOVER triples where it speaks PLOVER).
So a confidence of 0.7 means: of the events casus gives 0.7, about 70% are right by that measure on
held-out dev documents (the file's `meta.heldout` has the figures).

The features are read from the final `Event` and its `Doc` only (see `features`), so the calibration works
behind any coder that fills the same fields. The strongest one is the reliability of the rule that fired:
how often its events were right in the training data, smoothed towards its CAMEO root and the root towards
the overall rate (a rule never seen in training, such as most Italian, French and German rules, gets its
root's reliability). A language never seen in training takes the training mix of languages.

When the file is absent or unreadable, the coder's formula confidence is kept and one warning says so.
Only events of the coder the file was trained on (`meta.coder`, e.g. `lexicon`) are recalibrated.
"""

from __future__ import annotations

import json
import logging
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from casus.doc import Doc, Event, code_primary

log = logging.getLogger(__name__)

CALIBRATION_PATH = Path(__file__).resolve().parents[1] / "data" / "calibration" / "confidence.json"
FORMULA_CUE = "formula_confidence"  # Event.cues key: the coder's own confidence before calibration
MODALITIES = ("reported", "intended", "hypothetical", "unconfirmed", "denied", "question")  # vs asserted


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def event_root(ev: Event) -> str:
    return (ev.cameo or "")[:2]


def rule_key(rule: str | None) -> str:
    """The rule a reliability is kept for: a joined event ('a+b': an attack and, later, its victims) is coded by
    its first rule, so it is judged by that rule's record."""
    return (rule or "").split("+", 1)[0]


def smoothed(k: float, n: float, prior: float, strength: float) -> float:
    """(k right of n, shrunk towards `prior` as if `strength` more events had been seen at that rate)."""
    return (k + strength * prior) / (n + strength)


@dataclass(slots=True)
class RuleStats:
    """Right/seen counts per rule, per CAMEO root and overall, and how they are smoothed."""

    rules: dict[str, tuple[float, float]] = field(default_factory=dict)
    roots: dict[str, tuple[float, float]] = field(default_factory=dict)
    total: tuple[float, float] = (0.0, 0.0)
    rule_strength: float = 5.0
    root_strength: float = 20.0

    @classmethod
    def count(cls, rows: list[tuple[str, str, int]], rule_strength: float, root_strength: float) -> RuleStats:
        """From (rule, root, label) rows."""
        rules: Counter = Counter()
        rules_n: Counter = Counter()
        roots: Counter = Counter()
        roots_n: Counter = Counter()
        for rule, root, y in rows:
            rules[rule] += y
            rules_n[rule] += 1
            roots[root] += y
            roots_n[root] += 1
        return cls(
            rules={r: (float(rules[r]), float(rules_n[r])) for r in sorted(rules_n)},
            roots={r: (float(roots[r]), float(roots_n[r])) for r in sorted(roots_n)},
            total=(float(sum(roots.values())), float(sum(roots_n.values()))),
            rule_strength=rule_strength,
            root_strength=root_strength,
        )

    def reliability(self, rule: str | None, root: str) -> float:
        k, n = self.total
        overall = k / n if n else 0.5
        rk, rn = self.roots.get(root, (0.0, 0.0))
        at_root = smoothed(rk, rn, overall, self.root_strength)
        uk, un = self.rules.get(rule or "", (0.0, 0.0))
        return smoothed(uk, un, at_root, self.rule_strength)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_strength": self.rule_strength,
            "root_strength": self.root_strength,
            "total": list(self.total),
            "roots": {k: list(v) for k, v in self.roots.items()},
            "rules": {k: list(v) for k, v in self.rules.items()},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RuleStats:
        return cls(
            rules={k: (float(v[0]), float(v[1])) for k, v in d["rules"].items()},
            roots={k: (float(v[0]), float(v[1])) for k, v in d["roots"].items()},
            total=(float(d["total"][0]), float(d["total"][1])),
            rule_strength=float(d["rule_strength"]),
            root_strength=float(d["root_strength"]),
        )


def sentence_counts(events: list[Event]) -> tuple[Counter, Counter]:
    """Events per sentence, and per (sentence, CAMEO root)."""
    per_sentence: Counter = Counter(ev.sentence for ev in events)
    per_root: Counter = Counter((ev.sentence, event_root(ev)) for ev in events)
    return per_sentence, per_root


def features(ev: Event, doc: Doc, counts: tuple[Counter, Counter]) -> dict[str, float]:
    """The event's features, except the rule reliability and the language (which need the model's data).

    Only what the final Event and its Doc carry: modality, the actors and whether they have a country,
    whether source and target are one country, attribution, quantities, a place, a date read from the text,
    how many sentences state it, whether its sentence produced other events (and of its root), whether the
    trigger is several words or a noun, a passive, whether the code is a 3-4 digit one, the sentence's length
    and whether it is the title. The old formula's inputs are among them; cues a coder does not fill count 0.
    """
    per_sentence, per_root = counts
    sent = next((s for s in doc.sentences if s.index == ev.sentence), None)
    n_tokens = len(sent.tokens) if sent is not None else len(ev.evidence_text.split())
    cues = ev.cues or {}
    elements = cues.get("elements") or len(str((ev.trigger or {}).get("text") or "").split()) or 1
    src, tgt = (
        code_primary(ev.source.code) if ev.source else None,
        code_primary(ev.target.code) if ev.target else None,
    )
    feats: dict[str, float] = {
        "source": float(ev.source is not None),
        "target": float(ev.target is not None),
        "source_country": float(src is not None),
        "target_country": float(tgt is not None),
        "same_actor": float(src is not None and src == tgt),
        "attribution": float(ev.attribution is not None),
        "quantities": float(bool(ev.quantities)),
        "date_in_text": float(ev.date_source not in ("published", "")),
        "log_mentions": math.log(max(ev.mentions, 1)),
        # whether other events share the sentence (of any root, of the same root): yes/no, because the dev
        # sets hold few sentences with three or more events and a count would extrapolate
        "shared_sentence": float(per_sentence.get(ev.sentence, 1) > 1),
        "shared_root": float(per_root.get((ev.sentence, event_root(ev)), 1) > 1),
        "multiword_trigger": float(min(int(elements) - 1, 2)),
        "noun_trigger": float(cues.get("pos") == "noun"),
        "passive": float(bool(cues.get("passive"))),
        "location": float(bool(ev.location)),
        "specific_code": float(len(ev.cameo or "") >= 3),
        "log_sentence_tokens": math.log1p(n_tokens),
        "title": float(sent is not None and sent.kind == "title"),
    }
    for mod in MODALITIES:
        feats[f"modality={mod}"] = float(ev.modality == mod)
    return feats


@dataclass(slots=True)
class Calibrator:
    """The learned model: coefficients by feature name, the rule statistics, and the file's metadata."""

    intercept: float
    coef: dict[str, float]
    stats: RuleStats
    langs: dict[str, float]  # lang -> its share of the training events (an unseen language takes these)
    meta: dict[str, Any]
    path: Path | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any], path: Path | None = None) -> Calibrator:
        model = d["model"]
        return cls(
            intercept=float(model["intercept"]),
            coef={str(k): float(v) for k, v in model["coef"].items()},
            stats=RuleStats.from_dict(model["rule_stats"]),
            langs={str(k): float(v) for k, v in model["langs"].items()},
            meta=dict(d.get("meta") or {}),
            path=path,
        )

    def vector(self, ev: Event, doc: Doc, counts: tuple[Counter, Counter]) -> dict[str, float]:
        """Every feature the model weighs, by name (the rule reliability as a logit)."""
        feats = features(ev, doc, counts)
        feats["rule_reliability"] = logit(self.stats.reliability(rule_key(ev.rule), event_root(ev)))
        lang = (ev.lang or doc.lang or "").split("-")[0]
        for known, share in self.langs.items():
            feats[f"lang={known}"] = (1.0 if lang == known else 0.0) if lang in self.langs else share
        return feats

    def probability(self, ev: Event, doc: Doc, counts: tuple[Counter, Counter] | None = None) -> float:
        feats = self.vector(ev, doc, counts or sentence_counts(doc.events))
        z = self.intercept + sum(w * feats.get(name, 0.0) for name, w in self.coef.items())
        return sigmoid(z)

    def applies_to(self, ev: Event) -> bool:
        coder = str(self.meta.get("coder") or "lexicon")
        return (ev.coder or "").split("/")[0] == coder

    def describe(self) -> str:
        """One line for `casus explain`: what the confidence is and what it was learned from."""
        label = self.meta.get("label", "triple match")
        sets = ", ".join(self.meta.get("trained_on", {}).get("sets", [])) or "the dev sets"
        date = self.meta.get("date", "?")
        commit = self.meta.get("commit") or "?"
        where = self.path.name if self.path else "calibration file"
        held = (self.meta.get("heldout") or {}).get("overall") or {}
        scores = (
            f"; held-out Brier {held['brier']}, calibration error {held['ece']}"
            if "brier" in held and "ece" in held
            else ""
        )
        return (
            f"confidence: calibrated probability that the event is right ({label}), "
            f"learned from {sets} ({date}, commit {commit}; {where}){scores}"
        )


def _read(path: Path) -> Calibrator | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Calibrator.from_dict(data, path)
    except FileNotFoundError:
        log.warning("confidence: no calibration file at %s: using the rule-based formula instead", path)
    except (OSError, ValueError, KeyError, TypeError, IndexError) as err:
        log.warning(
            "confidence: calibration file %s unreadable (%s: %s): using the rule-based formula instead",
            path,
            type(err).__name__,
            err,
        )
    return None


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime_ns: int) -> Calibrator | None:
    return _read(Path(path))


def load(path: Path | str | None = None) -> Calibrator | None:
    """The calibration model at `path` (default: the packaged file), or None (logged) when there is none."""
    p = Path(path) if path is not None else CALIBRATION_PATH
    try:
        mtime = p.stat().st_mtime_ns
    except OSError:
        mtime = -1
    return _load_cached(str(p), mtime)


def describe(path: Path | str | None = None) -> str:
    """What the confidence of this installation means, in one line."""
    model = load(path)
    if model is None:
        return (
            "confidence: rule-based score (rule specificity, actors, modality), not calibrated: "
            "no calibration file could be read"
        )
    return model.describe()


def calibrate(doc: Doc, events: list[Event], model: Calibrator | None) -> None:
    """Set each event's confidence to the model's probability; keep the coder's own value in
    `cues["formula_confidence"]`. With no model, the coder's formula confidence stays."""
    counts = sentence_counts(events)
    for ev in events:
        if ev.cues is None:  # a plug-in coder may leave it unset
            ev.cues = {}
        ev.cues[FORMULA_CUE] = round(ev.confidence, 3)
        if model is not None and model.applies_to(ev):
            ev.confidence = model.probability(ev, doc, counts)
