"""Modality and negation of an event, from cues in the clause that holds its trigger.

Public API (called by the lexicon coder):

    detect(doc, sent, trigger_start, trigger_end, lang, attributed=False) -> ModalityResult
    clause_span(doc, sent, start, end, lang) -> (clause_start, clause_end)
    qualifier_data(lang) -> dict           # the parsed data/qualifiers/<lang>.yaml (cached)
    phrase_regex(phrases) -> re.Pattern    # the cue phrase syntax of data/qualifiers/README.md
    phrase_matcher(phrases) -> PhraseMatcher | None   # the same phrases, matched fast (finditer/match/search)
    words_of(text) -> frozenset[str]       # lower-cased words of a text, cached: a cheap pre-check

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
LANGS: tuple[str, ...] = ("it", "en", "fr", "es", "de", "ar", "ru")
DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "qualifiers"
_PRECEDENCE = (
    "question",
    "denial",
    "unconfirmed",
    "conditional",
    "fear",
    "if",
    "intent",
    "future",
    "reported",
)
_MODALITY_OF = {
    "question": "question",
    "denial": "denied",
    "unconfirmed": "unconfirmed",
    "conditional": "hypothetical",
    "if": "hypothetical",
    "fear": "hypothetical",  # "NATO fears a Russian invasion": feared, not done
    "intent": "intended",
    "future": "intended",
    "reported": "reported",
}
NEGATION_WINDOW = 4  # words allowed between a negator and the trigger it negates
_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’-](?=[^\W\d_]))*")


@dataclass(slots=True)
class ModalityResult:
    """The modality of one event and the cues that decided it.

    `cues` are dicts {"kind": "conditional"|"if"|"fear"|"intent"|"future"|"unconfirmed"|"denial"|"question"|
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


_PUNCT = ".,;:!?\"“”«»()[]{}'’‘-–—…/"


_NONSPACE = re.compile(r"\S+")


def _norm_word(word: str) -> str:
    return word.lower().replace("’", "'").strip(_PUNCT)


def _anchored(phrases: list[str]) -> re.Pattern[str]:
    items = sorted(phrases, key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(_phrase_source(p) for p in items)})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=512)
def words_of(text: str) -> frozenset[str]:
    """The lower-cased words of `text`, punctuation stripped (a cheap pre-check; cached per text)."""
    return frozenset(w.strip(_PUNCT) for w in text.lower().replace("’", "'").split())


@lru_cache(maxsize=512)
def _words_blob(text: str) -> str:
    """The words of `text`, each after a newline: "\\n" + prefix in blob tells whether a word starts so."""
    return "\n" + "\n".join(words_of(text))


@cache
def _start_regex(key: str) -> re.Pattern[str]:
    body = "['’]".join(re.escape(piece) for piece in key.split("'"))
    return re.compile(rf"(?<![\w'’]){body}", re.IGNORECASE)


class PhraseMatcher:
    """Cue phrases matched at word starts only. A phrase is keyed by its first word; a text's set of words
    (words_of, cached per text) selects the few keys present, and only their phrases are tried, anchored
    where the key word stands. Same phrase syntax and matches as phrase_regex, several times faster."""

    __slots__ = ("_by_key", "_keys", "_prefixes")

    def __init__(self, phrases: list[str] | tuple[str, ...]):
        groups: dict[str, list[str]] = {}
        prefixes: dict[str, list[str]] = {}
        for phrase in {str(p) for p in phrases if str(p).strip()}:
            first = phrase.split()[0]
            if first.endswith("*"):
                prefixes.setdefault(_norm_word(first.rstrip("*")), []).append(phrase)
            elif _norm_word(first):
                groups.setdefault(_norm_word(first), []).append(phrase)
        self._by_key = {key: _anchored(items) for key, items in groups.items()}
        self._keys = frozenset(self._by_key)
        self._prefixes = [(prefix, _anchored(items)) for prefix, items in prefixes.items() if prefix]

    def __bool__(self) -> bool:
        return bool(self._by_key or self._prefixes)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """A phrase starting exactly at `pos` (a word start), or None."""
        end = len(text) if endpos is None else endpos
        if pos > 0 and (text[pos - 1] in "'’" or text[pos - 1].isalnum()):
            return None
        word = _NONSPACE.match(text, pos)
        if word is None:
            return None
        key = _norm_word(word.group(0))
        rx = self._by_key.get(key)
        found = rx.match(text, pos, end) if rx is not None else None
        if found is None:
            for prefix, prx in self._prefixes:
                if key.startswith(prefix):
                    found = prx.match(text, pos, end)
                    if found is not None:
                        break
        return found

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        """Non-overlapping matches in text[pos:endpos], left to right (like re.finditer)."""
        end = len(text) if endpos is None else endpos
        keys = self._keys.intersection(words_of(text))
        if not keys and not self._prefixes:
            return []
        tries: list[tuple[str, re.Pattern[str]]] = [(k, self._by_key[k]) for k in keys]
        if self._prefixes:
            blob = _words_blob(text)
            tries.extend((prefix, prx) for prefix, prx in self._prefixes if "\n" + prefix in blob)
        hits: list[re.Match[str]] = []
        for key, rx in tries:
            for start_m in _start_regex(key).finditer(text, pos, end):
                m = rx.match(text, start_m.start(), end)
                if m is not None:
                    hits.append(m)
        if len(hits) < 2:
            return hits
        hits.sort(key=lambda m: (m.start(), -m.end()))
        out: list[re.Match[str]] = []
        last = -1
        for m in hits:
            if m.start() >= last:
                out.append(m)
                last = m.end()
        return out

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        found = self.finditer(text, pos, endpos)
        return found[0] if found else None


def phrase_matcher(phrases: list[str] | tuple[str, ...]) -> PhraseMatcher | None:
    """A PhraseMatcher for `phrases`, or None for an empty list."""
    found = PhraseMatcher(phrases)
    return found if found else None


@dataclass(slots=True)
class _Cues:
    matchers: dict[str, PhraseMatcher]
    suffixes: dict[str, tuple[str, ...]]
    suffix_except: frozenset[str]
    if_except_after: frozenset[str]
    if_needs_after: frozenset[str]
    not_after: dict[str, frozenset[str]]
    infinitive_cues: frozenset[str]
    infinitive_endings: tuple[str, ...]
    not_before: dict[str, re.Pattern[str]]
    needs_before: dict[str, re.Pattern[str]]
    negation: PhraseMatcher | None
    negation_after: re.Pattern[str] | None
    negation_except: PhraseMatcher | None
    openers: PhraseMatcher | None
    speech: PhraseMatcher | None
    conjunction: PhraseMatcher | None
    modal_word: PhraseMatcher | None


MIN_SUFFIX_STEM = 3  # letters before a tense ending ("segne-rebbe")
_COMPLEMENTIZERS = ("che", "that", "que", "qu'", "qu’", "dass", "daß")


@cache
def _cues(lang: str) -> _Cues:
    data = qualifier_data(lang)
    mod = data.get("modality", {}) or {}
    att = data.get("attribution", {}) or {}
    cond = mod.get("conditional", {}) or {}
    matchers: dict[str, PhraseMatcher] = {}
    for kind, phrases in (
        ("conditional", cond.get("words", [])),
        ("if", mod.get("if", [])),
        ("fear", mod.get("fear", [])),
        ("intent", mod.get("intent", [])),
        ("unconfirmed", mod.get("unconfirmed", [])),
        ("denial", mod.get("denial", [])),
        ("reported", mod.get("reported", [])),
    ):
        found = phrase_matcher(phrases)
        if found is not None:
            matchers[kind] = found
    suffixes = {
        kind: tuple(sorted({str(x).lower() for x in items}, key=len, reverse=True))
        for kind, items in (
            ("conditional", cond.get("suffixes", [])),
            ("future", mod.get("future_suffixes", [])),
        )
        if items
    }
    except_words = {w.lower() for w in cond.get("suffix_except", []) + mod.get("future_except", [])}
    reporting = list(att.get("according_to", [])) + list(att.get("speech_verbs", []))
    reporting += list(att.get("same_source", []))
    modal_phrases = list(cond.get("words", [])) + list(mod.get("negation", []))
    modal_phrases += [p.split()[0] for p in mod.get("intent", []) if p.split()]
    return _Cues(
        matchers=matchers,
        suffixes=suffixes,
        suffix_except=frozenset(except_words),
        if_except_after=frozenset(w.lower() for w in mod.get("if_except_after", [])),
        if_needs_after=frozenset(w.lower() for w in mod.get("if_needs_after", [])),
        not_after={
            str(k).lower(): frozenset(map(str.lower, v)) for k, v in (mod.get("not_after") or {}).items()
        },
        infinitive_cues=frozenset(
            str(c).lower() for c in (mod.get("infinitive_after") or {}).get("cues", [])
        ),
        infinitive_endings=tuple((mod.get("infinitive_after") or {}).get("endings", [])) or ("\x00",),
        not_before={
            str(k).lower(): re.compile(str(v), re.IGNORECASE)
            for k, v in (mod.get("not_before") or {}).items()
        },
        needs_before={
            str(k).lower(): re.compile(str(v), re.IGNORECASE)
            for k, v in (mod.get("needs_before") or {}).items()
        },
        negation=phrase_matcher(mod.get("negation", [])),
        negation_after=phrase_regex(mod.get("negation_after", [])),
        negation_except=phrase_matcher(mod.get("negation_except", [])),
        openers=phrase_matcher(list(mod.get("clause_openers", [])) + reporting),
        speech=phrase_matcher(att.get("speech_verbs", [])),
        conjunction=phrase_matcher(mod.get("conjunctions", [])),
        modal_word=phrase_matcher(modal_phrases),
    )


_STRONG = re.compile(r"[;:()\[\]]|\s[–—-]\s")
_AFTER_COMMA = re.compile(r"\s*[\"“”«»'‘’]?\s*")
_QUOTES = '"“”«»'


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


@lru_cache(maxsize=512)
def _boundaries(text: str, lang: str) -> tuple[int, ...]:
    """Offsets in `text` where a new clause starts (0 and len(text) included)."""
    cues = _cues(lang)
    marks = {0, len(text)}
    for m in _STRONG.finditer(text):
        marks.add(m.end())
    comma = text.find(",")
    while comma >= 0:
        nxt = _skip_space(text, comma + 1)
        if nxt < len(text) and text[nxt] in _QUOTES:
            marks.add(comma)
        else:
            word = _AFTER_COMMA.match(text, comma + 1).end()
            if cues.openers is not None and cues.openers.match(text, word) is not None:
                marks.add(comma)
        comma = text.find(",", comma + 1)
    if cues.speech is not None:
        for m in cues.speech.finditer(text):
            nxt = _skip_space(text, m.end())
            if text[nxt : nxt + 5].lower().startswith(_COMPLEMENTIZERS):
                marks.add(nxt)
    if cues.conjunction is not None and cues.modal_word is not None:
        for m in cues.conjunction.finditer(text):
            if cues.modal_word.match(text, _skip_space(text, m.end())) is not None:
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


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”«»(\-–—]\s*)$")


def _cue_holds(text: str, m: re.Match[str], endpos: int, cues: _Cues) -> bool:
    """False for a cue that is something else here: a capitalised one-word cue mid-sentence ("in May",
    "Will Smith"), a cue after a word that makes it a noun ("the will"), a periphrastic future with no
    infinitive after it ("va à Paris"), a German "wird" that is a passive ("wird ... festgenommen") or has no
    infinitive at the clause end ("wird schwieriger"), a German "soll" with no perfect infinitive ("soll sinken":
    a plan, not hearsay). `not_before` / `needs_before` regexes are searched from the cue to the clause end."""
    word = m.group(0)
    low = " ".join(word.lower().replace("’", "'").split())
    if " " not in word and word[:1].isupper() and not _SENTENCE_START.search(text, 0, m.start()):
        return False
    before = cues.not_after.get(low)
    if before:
        prev = _PREV_WORD.search(text, 0, m.start())
        if prev is not None and prev.group(1).lower() in before:
            return False
    if low in cues.infinitive_cues:
        nxt = _WORD.search(text, m.end(), endpos)
        if nxt is None or not nxt.group(0).lower().endswith(cues.infinitive_endings):
            return False
    rx = cues.not_before.get(low)
    if rx is not None and rx.search(text, m.end(), endpos):
        return False
    rx = cues.needs_before.get(low)
    return rx is None or rx.search(text, m.end(), endpos) is not None


_PREV_WORD = re.compile(r"([^\W\d_]+)['’\s]*$")


@lru_cache(maxsize=512)
def _find_cues(text: str, lang: str, pos: int, endpos: int) -> tuple[dict[str, Any], ...]:
    """Every modality cue in text[pos:endpos] (offsets in `text`), overlapping cues resolved longest-first.
    Cached: several events of one clause share the work; callers must not modify the dicts."""
    cues = _cues(lang)
    found: list[dict[str, Any]] = []
    for kind, matcher in cues.matchers.items():
        for m in matcher.finditer(text, pos, endpos):
            if kind == "if" and (cues.if_except_after or cues.if_needs_after):
                nxt = _WORD.search(text, m.end(), endpos)
                nxt_word = nxt.group(0).lower() if nxt else ""
                if nxt_word in cues.if_except_after and nxt is not None and nxt.start() - m.end() <= 1:
                    continue
                carries_subject = "'" in m.group(0) or "’" in m.group(0)  # "s'il", "s'ils": si + il
                if cues.if_needs_after and nxt is not None and " " not in m.group(0) and not carries_subject:
                    subject = nxt_word.split("'")[0].split("’")[0]
                    if subject not in cues.if_needs_after and not nxt.group(0)[:1].isupper():
                        continue  # "si lourd": an adverb, not "if"
            if not _cue_holds(text, m, endpos, cues):
                continue
            found.append({"kind": kind, "text": m.group(0), "start": m.start(), "end": m.end()})
    if cues.suffixes:
        for kind, endings in cues.suffixes.items():
            for word in words_of(text):
                if not word.endswith(endings) or word in cues.suffix_except or not word.isalpha():
                    continue
                hit = next(e for e in endings if word.endswith(e))
                if len(word) - len(hit) < MIN_SUFFIX_STEM:
                    continue
                for m in re.finditer(rf"(?<![\w'’]){re.escape(word)}(?!\w)", text[:endpos], re.IGNORECASE):
                    if m.start() < pos or (m.start() > 0 and text[m.start()].isupper()):
                        continue  # a capitalised word mid-sentence is a name, not a verb
                    found.append(
                        {"kind": kind, "text": m.group(0), "start": m.start(), "end": m.end(), "suffix": True}
                    )
    if cues.negation is not None:
        spans_except = (
            [m.span() for m in cues.negation_except.finditer(text, pos, endpos)]
            if cues.negation_except
            else []
        )
        for m in cues.negation.finditer(text, pos, endpos):
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
    return tuple(kept)


def _words_between(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text[a:b])) if b > a else 0


def detect(
    doc: Doc,
    sent: Sentence,
    trigger_start: int,
    trigger_end: int,
    lang: str,
    attributed: bool = False,
    parts: tuple[tuple[int, int], ...] | None = None,
) -> ModalityResult:
    """Modality and negation of the event whose trigger is doc.text[trigger_start:trigger_end].

    `lang` is the document language (it, en, fr, es, de; others fall back to English cues).
    `attributed`: True when an attribution governs the trigger's clause; yields "reported" unless a
    stronger cue (question, denial, unconfirmed, conditional, intention) is present.
    `parts`: the offsets (into doc.text) of the words a gapped trigger is made of ("font ... part ...
    inquiétude"); a cue in a gap between them ("ne font pas part de leur inquiétude") is not on the trigger
    and counts like one before or after it.
    """
    c0, c1 = clause_span(doc, sent, trigger_start, trigger_end, lang)
    clause = doc.text[sent.start : sent.end]  # the sentence; cues are looked for in the clause part only
    t0, t1 = trigger_start - sent.start, trigger_end - sent.start
    words = [(a - sent.start, b - sent.start) for a, b in parts] if parts and len(parts) > 1 else []
    neg_after = _cues(lang).negation_after
    result = ModalityResult()
    kinds: set[str] = set()
    for cue in _find_cues(clause, lang, c0 - sent.start, c1 - sent.start):
        kind = cue["kind"]
        on_trigger = _overlaps(cue["start"], cue["end"], t0, t1)
        interior = cue["start"] < t0 and t1 < cue["end"]  # a gapped cue around the trigger ("kann X nicht")
        if kind == "negation" and _in_gap(clause, cue, t0, t1, words):
            # in a gap of the trigger ("ne font pas part de leur inquiétude"): it negates the trigger
            result.negated = True
            result.cues.append(
                {
                    "kind": kind,
                    "text": cue["text"],
                    "start": sent.start + cue["start"],
                    "end": sent.start + cue["end"],
                }
            )
            continue
        if on_trigger and not cue.get("suffix") and not interior:
            if cue["start"] < t0 and _starts_negated(clause, cue["start"], lang):
                # "no descartó", "non esclude": the cue holds the trigger verb and negates it
                result.negated = True
                result.cues.append(
                    {
                        "kind": "negation",
                        "text": cue["text"],
                        "start": sent.start + cue["start"],
                        "end": sent.start + cue["end"],
                    }
                )
            continue
        if kind in ("if", "intent", "fear") and cue["start"] >= t1:
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
            {
                "kind": kind,
                "text": cue["text"],
                "start": sent.start + cue["start"],
                "end": sent.start + cue["end"],
            }
        )
    sent_text = clause
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


# negators that are prepositions: in a gap they qualify a noun ("طائرة بدون طيار", "avion sans pilote": a
# drone), they do not negate the trigger
_PREPOSITION_NEGATORS = frozenset(
    {"sans", "sin", "senza", "ohne", "without", "بدون", "دون", "من دون", "بلا", "без"}
)


def _in_gap(clause: str, cue: dict[str, Any], t0: int, t1: int, words: list[tuple[int, int]]) -> bool:
    """The cue is a negator right after one of the trigger's words, inside its span but on none of its words:
    in a gap of a gapped trigger ("font pas part de", "übte keine Kritik"). A prepositional negator does not
    count, nor one further into the gap (it belongs to a word in between)."""
    if not words or not (t0 < cue["start"] and cue["end"] < t1):
        return False
    if " ".join(cue["text"].lower().split()) in _PREPOSITION_NEGATORS:
        return False
    if any(_overlaps(cue["start"], cue["end"], a, b) for a, b in words):
        return False
    return any(b <= cue["start"] and not clause[b : cue["start"]].strip() for a, b in words)


def _starts_negated(text: str, pos: int, lang: str) -> bool:
    """The cue at text[pos:] opens with a negator ("no descartó", "non esclude", "did not rule out")."""
    cues = _cues(lang)
    if cues.negation is None:
        return False
    return cues.negation.match(text, pos) is not None
