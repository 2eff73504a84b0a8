"""Modality and negation of an event, from cues in the clause that holds its trigger.

Public API (called by the lexicon coder):

    detect(doc, sent, trigger_start, trigger_end, lang, attributed=False) -> ModalityResult
    clause_span(doc, sent, start, end, lang) -> (clause_start, clause_end)
    qualifier_data(lang) -> dict           # the parsed data/qualifiers/<lang>.yaml (cached)
    phrase_regex(phrases) -> re.Pattern    # the cue phrase syntax of data/qualifiers/README.md

`modality` is one of MODALITIES. Precedence when several cues govern the clause:
question > denied > unconfirmed > hypothetical > intended > reported > asserted.
`reported` comes from a reporting cue in the clause ("presumibilmente", "reportedly", "angeblich", the
journalistic conditional "avrebbe inviato") or from `attributed=True`: the coder found an attribution to a
non-writer source governing the clause (casus.coding.attribution.find(...).governs contains the trigger).
Only cues inside the trigger's clause count, so a conditional in another clause does not leak. Clauses
split at ; : ( ) dashes, at a comma followed by a clause opener ("che", "which", "qui", "que", "dass", ...)
or a reporting cue (", ha affermato", ", secondo X"), at a complementizer after a speech verb ("said that"),
and at a coordinator followed by a modal cue ("... e dovrebbero ...").
Where cues overlap, the longer wins ("non può confermare" is an unconfirmed cue, not a negation; "sarebbe
stato" is reported, not hypothetical; "said it would" is intended). A cue that overlaps the trigger is
ignored (the trigger of a denial event is not a denial of itself), except tense endings on the trigger verb
("invierebbe", "invierà").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from casus.doc import Doc, Sentence
from casus.errors import ConfigError

MODALITIES: tuple[str, ...] = (
    "asserted",
    "reported",
    "hypothetical",
    "intended",
    "denied",
    "unconfirmed",
    "question",
)
LANGS: tuple[str, ...] = ("it", "en", "fr", "es", "de")
DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "qualifiers"
_PRECEDENCE = ("question", "denial", "unconfirmed", "conditional", "if", "intent", "future", "reported")
_MODALITY_OF = {
    "question": "question",
    "denial": "denied",
    "unconfirmed": "unconfirmed",
    "conditional": "hypothetical",
    "if": "hypothetical",
    "intent": "intended",
    "future": "intended",
    "reported": "reported",
}
NEGATION_WINDOW = 4  # words allowed between a negator and the trigger it negates
_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’-](?=[^\W\d_]))*")


@dataclass(slots=True)
class ModalityResult:
    """The modality of one event and the cues that decided it.

    `cues` are dicts {"kind": "conditional"|"if"|"intent"|"future"|"unconfirmed"|"denial"|"question"|
    "reported"|"attribution"|"negation", "text": str, "start": int, "end": int} with offsets into doc.text,
    for `casus explain`.
    """

    modality: str = "asserted"
    negated: bool = False
    cues: list[dict[str, Any]] = field(default_factory=list)


@cache
def qualifier_data(lang: str) -> dict[str, Any]:
    """The cue lexicon of `lang` (data/qualifiers/<lang>.yaml; English for a language without a file)."""
    code = lang if lang in LANGS else "en"
    path = DATA_DIR / f"{code}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"{path}: cannot read the qualifier lexicon ({err})") from err
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the qualifier lexicon is not a mapping")
    return data


def _phrase_source(phrase: str) -> str:
    parts = []
    for word in str(phrase).strip().split():
        if word == "...":
            parts.append(r"(?:\S+\s+){0,4}?")
            continue
        prefix = word.endswith("*") and len(word) > 1
        word = word.rstrip("*") if prefix else word
        body = "['’]".join(re.escape(piece) for piece in re.split("['’]", word))
        parts.append(body + (r"\w*" if prefix else "") + r"\s+")
    src = "".join(parts)
    src = src[: -len(r"\s+")] if src.endswith(r"\s+") else src
    return src


def phrase_regex(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive regex matching any of `phrases` on word boundaries (None for an empty list).
    Longer phrases are tried first so "ha deciso di" wins over "ha"."""
    items = sorted({str(p) for p in phrases if str(p).strip()}, key=len, reverse=True)
    if not items:
        return None
    alternation = "|".join(_phrase_source(p) for p in items)
    return re.compile(rf"(?<![\w'’])(?:{alternation})(?![\w])", re.IGNORECASE)


def suffix_regex(suffixes: list[str], min_stem: int = 3) -> re.Pattern[str] | None:
    """A regex matching whole words that end in one of `suffixes` ("-rebbe")."""
    items = sorted({s for s in suffixes if s}, key=len, reverse=True)
    if not items:
        return None
    alternation = "|".join(re.escape(s) for s in items)
    return re.compile(rf"(?<![\w'’])[^\W\d_]{{{min_stem},}}(?:{alternation})(?!\w)", re.IGNORECASE)


@dataclass(slots=True)
class _Cues:
    patterns: dict[str, re.Pattern[str]]
    suffixes: dict[str, re.Pattern[str]]
    suffix_except: frozenset[str]
    if_except_after: frozenset[str]
    negation: re.Pattern[str] | None
    negation_after: re.Pattern[str] | None
    negation_except: re.Pattern[str] | None
    boundary_comma: re.Pattern[str]
    complementizer: re.Pattern[str] | None
    conjunction: re.Pattern[str] | None
    modal_word: re.Pattern[str] | None


@cache
def _cues(lang: str) -> _Cues:
    data = qualifier_data(lang)
    mod = data.get("modality", {}) or {}
    att = data.get("attribution", {}) or {}
    cond = mod.get("conditional", {}) or {}
    patterns: dict[str, re.Pattern[str]] = {}
    for kind, phrases in (
        ("conditional", cond.get("words", [])),
        ("if", mod.get("if", [])),
        ("intent", mod.get("intent", [])),
        ("unconfirmed", mod.get("unconfirmed", [])),
        ("denial", mod.get("denial", [])),
        ("reported", mod.get("reported", [])),
    ):
        rx = phrase_regex(phrases)
        if rx is not None:
            patterns[kind] = rx
    suffixes: dict[str, re.Pattern[str]] = {}
    for kind, items in (
        ("conditional", cond.get("suffixes", [])),
        ("future", mod.get("future_suffixes", [])),
    ):
        rx = suffix_regex(items)
        if rx is not None:
            suffixes[kind] = rx
    except_words = {w.lower() for w in cond.get("suffix_except", []) + mod.get("future_except", [])}
    reporting = list(att.get("according_to", [])) + list(att.get("speech_verbs", []))
    reporting += list(att.get("same_source", []))
    openers = list(mod.get("clause_openers", [])) + reporting
    opener_rx = phrase_regex(openers)
    opener_src = opener_rx.pattern if opener_rx else r"(?!)"
    boundary_comma = re.compile(rf",\s*[\"“”«»'‘’]?\s*(?={opener_src})|,\s*(?=[\"“”«»])", re.IGNORECASE)
    speech = phrase_regex(att.get("speech_verbs", []))
    complementizer = None
    if speech is not None:
        complementizer = re.compile(
            rf"(?:{speech.pattern})\s+(?=(?:che|that|que|qu['’]|dass|daß)\b)", re.IGNORECASE
        )
    modal_phrases = list(cond.get("words", [])) + list(mod.get("negation", []))
    modal_phrases += [p.split()[0] for p in mod.get("intent", []) if p.split()]
    modal_word = phrase_regex(modal_phrases)
    conj = phrase_regex(mod.get("conjunctions", []))
    return _Cues(
        patterns=patterns,
        suffixes=suffixes,
        suffix_except=frozenset(except_words),
        if_except_after=frozenset(w.lower() for w in mod.get("if_except_after", [])),
        negation=phrase_regex(mod.get("negation", [])),
        negation_after=phrase_regex(mod.get("negation_after", [])),
        negation_except=phrase_regex(mod.get("negation_except", [])),
        boundary_comma=boundary_comma,
        complementizer=complementizer,
        conjunction=conj,
        modal_word=modal_word,
    )


_STRONG = re.compile(r"[;:()\[\]]|\s[–—-]\s")


@lru_cache(maxsize=512)
def _boundaries(text: str, lang: str) -> tuple[int, ...]:
    """Offsets in `text` where a new clause starts (0 and len(text) included)."""
    cues = _cues(lang)
    marks = {0, len(text)}
    for m in _STRONG.finditer(text):
        marks.add(m.end())
    for m in cues.boundary_comma.finditer(text):
        marks.add(m.start())
    if cues.complementizer is not None:
        for m in cues.complementizer.finditer(text):
            marks.add(m.end())
    if cues.conjunction is not None and cues.modal_word is not None:
        for m in cues.conjunction.finditer(text):
            if cues.modal_word.match(text, m.end() + (len(text[m.end() :]) - len(text[m.end() :].lstrip()))):
                marks.add(m.start())
    return tuple(sorted(marks))


def clause_span(doc: Doc, sent: Sentence, start: int, end: int, lang: str) -> tuple[int, int]:
    """The clause of `sent` that contains doc.text[start:end], as offsets into doc.text."""
    text = doc.text[sent.start : sent.end]
    rel_start = max(0, min(start - sent.start, len(text)))
    rel_end = max(rel_start, min(end - sent.start, len(text)))
    marks = _boundaries(text, lang)
    lo = max(m for m in marks if m <= rel_start)
    hi = min((m for m in marks if m >= rel_end and m > lo), default=len(text))
    return sent.start + lo, sent.start + hi


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _find_cues(text: str, lang: str) -> list[dict[str, Any]]:
    """Every modality cue in `text` (offsets relative to it), overlapping cues resolved longest-first."""
    cues = _cues(lang)
    found: list[dict[str, Any]] = []
    for kind, rx in cues.patterns.items():
        for m in rx.finditer(text):
            if kind == "if" and cues.if_except_after:
                nxt = _WORD.search(text, m.end())
                if nxt and nxt.group(0).lower() in cues.if_except_after and nxt.start() - m.end() <= 1:
                    continue
            found.append({"kind": kind, "text": m.group(0), "start": m.start(), "end": m.end()})
    for kind, rx in cues.suffixes.items():
        for m in rx.finditer(text):
            if m.group(0).lower() in cues.suffix_except or m.group(0)[:1].isupper() and m.start() > 0:
                continue
            found.append(
                {"kind": kind, "text": m.group(0), "start": m.start(), "end": m.end(), "suffix": True}
            )
    if cues.negation is not None:
        spans_except = [m.span() for m in cues.negation_except.finditer(text)] if cues.negation_except else []
        for m in cues.negation.finditer(text):
            if any(_overlaps(m.start(), m.end(), a, b) for a, b in spans_except):
                continue
            found.append({"kind": "negation", "text": m.group(0), "start": m.start(), "end": m.end()})
    found.sort(key=lambda c: (-(c["end"] - c["start"]), c["start"]))
    kept: list[dict[str, Any]] = []
    for cue in found:
        if any(_overlaps(cue["start"], cue["end"], k["start"], k["end"]) for k in kept):
            continue
        kept.append(cue)
    kept.sort(key=lambda c: c["start"])
    return kept


def _words_between(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text[a:b])) if b > a else 0


def detect(
    doc: Doc,
    sent: Sentence,
    trigger_start: int,
    trigger_end: int,
    lang: str,
    attributed: bool = False,
) -> ModalityResult:
    """Modality and negation of the event whose trigger is doc.text[trigger_start:trigger_end].

    `lang` is the document language (it, en, fr, es, de; others fall back to English cues).
    `attributed`: True when an attribution governs the trigger's clause; yields "reported" unless a
    stronger cue (question, denial, unconfirmed, conditional, intention) is present.
    """
    c0, c1 = clause_span(doc, sent, trigger_start, trigger_end, lang)
    clause = doc.text[c0:c1]
    t0, t1 = trigger_start - c0, trigger_end - c0
    neg_after = _cues(lang).negation_after
    result = ModalityResult()
    kinds: set[str] = set()
    for cue in _find_cues(clause, lang):
        kind = cue["kind"]
        on_trigger = _overlaps(cue["start"], cue["end"], t0, t1)
        interior = cue["start"] < t0 and t1 < cue["end"]  # a gapped cue around the trigger ("kann X nicht")
        if on_trigger and not cue.get("suffix") and not interior:
            continue
        if kind in ("if", "intent") and cue["start"] >= t1:
            continue
        if kind == "negation":
            after = cue["start"] >= t1
            if after:
                if neg_after is None or not neg_after.fullmatch(cue["text"]):
                    continue
                if _words_between(clause, t1, cue["start"]) > NEGATION_WINDOW + 2:
                    continue
            elif _words_between(clause, cue["end"], t0) > NEGATION_WINDOW:
                continue
            result.negated = True
        else:
            kinds.add(kind)
        result.cues.append(
            {"kind": kind, "text": cue["text"], "start": c0 + cue["start"], "end": c0 + cue["end"]}
        )
    sent_text = doc.text[sent.start : sent.end]
    rel = trigger_end - sent.start
    qmark = sent_text.find("?", max(rel, 0))
    inverted = sent_text.rfind("¿", 0, max(trigger_start - sent.start, 0))
    if qmark >= 0 and not re.search(r"[.!]\s", sent_text[rel:qmark]) or inverted >= 0:
        kinds.add("question")
        pos = sent.start + (qmark if qmark >= 0 else inverted)
        result.cues.append({"kind": "question", "text": doc.text[pos], "start": pos, "end": pos + 1})
    if attributed:
        kinds.add("reported")
        result.cues.append({"kind": "attribution", "text": "", "start": trigger_start, "end": trigger_start})
    for kind in _PRECEDENCE:
        if kind in kinds:
            result.modality = _MODALITY_OF[kind]
            break
    return result
