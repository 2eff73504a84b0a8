"""Trigger lexicons: load `data/lexicons/<lang>.yaml` and match triggers on a sentence's lemmas.

The format is documented in `src/casus/data/lexicons/README.md`. Triggers are indexed by the alternatives
of their first element (exact lemma or surface form) and by prefix (`arrest*`), so matching a sentence costs
a few dictionary look-ups per token.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from casus.doc import Sentence, Token
from casus.errors import ConfigError
from casus.language.data import LEXICON_DIR  # one definition: the segmenter asks it which languages are coded
from casus.ontology import is_valid

log = logging.getLogger(__name__)

DEFAULT_GAP = 3
MIN_PREFIX = 3
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there
MEMO_MAX = 200_000  # token-key tuples whose candidate triggers are remembered

MARKERS_FILE = Path(__file__).resolve().parents[1] / "data" / "grammar" / "markers.yaml"


@cache
def lang_defaults() -> dict[str, dict[str, list[str]]]:
    """Per language, the function words slots and clauses are read with (data/grammar/markers.yaml); a
    lexicon file's `defaults:` section replaces any of these lists for its language."""
    try:
        data = yaml.load(MARKERS_FILE.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"{MARKERS_FILE}: cannot read the grammar markers: {err}") from err
    if not isinstance(data, dict):
        raise ConfigError(f"{MARKERS_FILE}: expected a mapping of language -> marker lists")
    return {str(lang): {str(k): [str(v) for v in vals] for k, vals in d.items()} for lang, d in data.items()}


DEFAULT_KEYS = (
    "pair",
    "agent",
    "of",
    "target",
    "passive_aux",
    "participle",
    "purpose",
    "infinitive",
    "conj",
    "first_person",
    "pronoun",
    "verb_final",
    "verb_initial",
    "clause_break",
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of a trigger lexicon."""

    id: str
    cameo: str
    pos: str  # verb | noun
    elements: tuple[tuple[str, ...], ...]  # per element: its alternatives ("arrest*" = prefix)
    gap: int = DEFAULT_GAP
    target: tuple[str, ...] | None = None  # target prepositions (None: the language's defaults)
    subject: str = "source"  # source | target
    symmetric: bool = False
    negative: frozenset[str] = frozenset()
    intent: str | None = None
    sense: str | None = None  # what the event is about ("troops", "arms"): statements of different senses
    # in different sentences are different events even with the same code and actors
    needs_actor: bool = False  # code it only where a source or target is found (ambiguous words)
    not_next: frozenset[str] = frozenset()  # words that, right after the trigger's last word, cancel it
    # ("arrêter DE fumer" is to stop doing, not to arrest)
    untargeted: str | None = None  # the code when no target is found ("deployed troops" at home: 154)
    object_role: str = "source"  # the role of an actor named inside the pattern's object ("truppe russe")
    of_role: str = "source"  # noun triggers: the role of the genitive after the noun ("the visit OF Putin":
    # source; "the invasion OF Ukraine", "the bombing OF Gaza": target)
    frame: str | None = None  # "speaker": the source is the sentence's speaker (e.g. "escalation")
    after: str = "subject"  # "target": in a verb-initial language the first actor after the verb is what it
    # was done to (Arabic passives and casualty words: قتل جندي, أسفر عن مقتل); the source is an agent
    # after an agent marker (على يد, برصاص), else the actor before the trigger; "object": the same, but
    # the actor before is always the source (a cause: "هجوم شنه X ... أسفر عن مقتل")
    order: int = 0
    lang: str = ""
    # per element: (exact alternatives, prefix alternatives without the "*"), for fast matching
    compiled: tuple[tuple[frozenset[str], tuple[str, ...], frozenset[str]], ...] = ()

    @property
    def specificity(self) -> tuple[int, int, int]:
        return (len(self.elements), len(self.cameo), -self.order)


@dataclass(slots=True)
class Lexicon:
    """The triggers of one language, indexed by their first element."""

    lang: str
    triggers: list[Trigger]
    defaults: dict[str, tuple[str, ...]]
    exact: dict[str, list[Trigger]] = field(default_factory=dict)
    prefix: dict[str, list[Trigger]] = field(default_factory=dict)
    prefix_lengths: tuple[int, ...] = ()
    marker_res: dict[str, re.Pattern[str]] = field(default_factory=dict)
    memo: dict[tuple[str, ...], list[Trigger]] = field(default_factory=dict)

    def index(self) -> None:
        self.exact.clear()
        self.prefix.clear()
        self.memo.clear()
        lengths: set[int] = set()
        for trig in self.triggers:
            for alt in trig.elements[0]:
                if alt.startswith("="):
                    self.exact.setdefault(alt[1:], []).append(trig)
                elif alt.endswith("*"):
                    key = alt[:-1]
                    self.prefix.setdefault(key, []).append(trig)
                    lengths.add(len(key))
                else:
                    self.exact.setdefault(alt, []).append(trig)
        self.prefix_lengths = tuple(sorted(lengths))
        for key in ("pair", "agent", "of", "target", "conj", "purpose"):
            self.marker_res[key] = _marker_regex(self.defaults.get(key, ()))

    def candidates(self, keys: tuple[str, ...]) -> list[Trigger]:
        """The triggers whose first element may match a token with these keys (memoised per key tuple)."""
        hit = self.memo.get(keys)
        if hit is not None:
            return hit
        if len(self.memo) > MEMO_MAX:
            self.memo.clear()
        found = self._candidates(keys)
        self.memo[keys] = found
        return found

    def _candidates(self, keys: tuple[str, ...]) -> list[Trigger]:
        found: list[Trigger] = []
        for key in keys:
            found.extend(self.exact.get(key, ()))
            for n in self.prefix_lengths:
                if len(key) >= n:
                    found.extend(self.prefix.get(key[:n], ()))
        return found


@dataclass(slots=True)
class TriggerMatch:
    trigger: Trigger
    tokens: list[int]  # sentence-token indices of the matched elements, in order
    surface: bool = False  # the anchor matched the word as written, not only through its lemma

    @property
    def rank(self) -> tuple[int, int, int, int]:
        t = self.trigger
        return (len(t.elements), int(self.surface), len(t.cameo), -t.order)

    @property
    def anchor(self) -> int:
        return self.tokens[0]


def _marker_regex(markers: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """A regex matching text that STARTS with one of the markers (longest first), as whole words."""
    words = sorted({m.lower() for m in markers if m}, key=len, reverse=True)
    if not words:
        return re.compile(r"(?!x)x")
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"^\W*(?:{alts})(?:\W|$)")


def token_keys(tok: Token) -> tuple[str, ...]:
    lemma = tok.lemma.lower() if tok.lemma else ""
    surface = tok.text.lower()
    if lemma and lemma != surface:
        return (lemma, surface)
    return (surface,)


def _parse_row(row: Any, path: Path, order: int, lang: str, seen: set[str]) -> Trigger:
    if not isinstance(row, dict):
        raise ConfigError(f"{path}: trigger #{order}: not a mapping")
    tid = str(row.get("id") or "")
    if not tid:
        raise ConfigError(f"{path}: trigger #{order}: missing id")
    if tid in seen:
        raise ConfigError(f"{path}: trigger {tid}: duplicate id")
    seen.add(tid)
    cameo = row.get("cameo")
    if cameo is None or not is_valid(str(cameo)):
        raise ConfigError(f"{path}: trigger {tid}: missing or unknown cameo code {cameo!r}")
    intent = row.get("intent")
    if intent is not None and not is_valid(str(intent)):
        raise ConfigError(f"{path}: trigger {tid}: unknown intent code {intent!r}")
    untargeted = row.get("untargeted")
    if untargeted is not None and not is_valid(str(untargeted)):
        raise ConfigError(f"{path}: trigger {tid}: unknown untargeted code {untargeted!r}")
    pos = str(row.get("pos", "verb"))
    if pos not in ("verb", "noun"):
        raise ConfigError(f"{path}: trigger {tid}: pos must be verb or noun, not {pos!r}")
    pattern = str(row.get("pattern") or "").strip().lower()
    elements = tuple(tuple(a for a in el.split("|") if a) for el in pattern.split())
    if not elements or any(not el for el in elements):
        raise ConfigError(f"{path}: trigger {tid}: empty pattern or element")
    for el in elements:
        for alt in el:
            if alt.endswith("*") and len(alt) - 1 < MIN_PREFIX:
                raise ConfigError(f"{path}: trigger {tid}: prefix {alt!r} shorter than {MIN_PREFIX} letters")
    subject = str(row.get("subject", "source"))
    if subject not in ("source", "target"):
        raise ConfigError(f"{path}: trigger {tid}: subject must be source or target")
    after = str(row.get("after", "subject"))
    if after not in ("subject", "target", "object"):
        raise ConfigError(f"{path}: trigger {tid}: after must be subject, target or object")
    of_role = str(row.get("of", "source"))
    if of_role not in ("source", "target"):
        raise ConfigError(f"{path}: trigger {tid}: of must be source or target")
    target = row.get("target")
    negative = row.get("not") or []
    return Trigger(
        id=tid,
        cameo=str(cameo),
        pos=pos,
        elements=elements,
        gap=int(row.get("gap", DEFAULT_GAP)),
        target=tuple(str(t).lower() for t in target) if target else None,
        subject=subject,
        symmetric=bool(row.get("symmetric", False)),
        negative=frozenset(str(n).lower() for n in negative),
        intent=str(intent) if intent is not None else None,
        untargeted=str(untargeted) if untargeted is not None else None,
        needs_actor=bool(row.get("needs_actor", False)),
        not_next=frozenset(str(w).lower() for w in row.get("not_next") or []),
        sense=str(row["sense"]) if row.get("sense") else None,
        object_role=str(row.get("object", "source")),
        of_role=of_role,
        frame=row.get("frame"),
        after=after,
        order=order,
        lang=lang,
        compiled=tuple(
            (
                frozenset(a for a in el if not a.endswith("*") and not a.startswith("=")),
                tuple(a[:-1] for a in el if a.endswith("*")),
                frozenset(a[1:] for a in el if a.startswith("=")),
            )
            for el in elements
        ),
    )


def load_lexicon(path: Path) -> Lexicon:
    """Read one lexicon file; ConfigError names the file, the trigger and the reason for a bad row."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"{path}: cannot read trigger lexicon: {err}") from err
    if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
        raise ConfigError(f"{path}: a trigger lexicon needs a `triggers:` list")
    lang = str(data.get("lang") or path.stem)
    markers = lang_defaults()
    base = markers.get(lang, markers["en"])
    given = data.get("defaults") or {}
    defaults = {
        key: tuple(str(v).lower().replace("’", "'") for v in (given.get(key) or base.get(key, ())))
        for key in DEFAULT_KEYS
    }
    seen: set[str] = set()
    triggers = [_parse_row(row, path, i, lang, seen) for i, row in enumerate(data["triggers"])]
    lex = Lexicon(lang=lang, triggers=triggers, defaults=defaults)
    lex.index()
    return lex


@cache
def lexicon_for(lang: str) -> Lexicon | None:
    """The packaged lexicon of a language (loaded once), or None when casus has none for it."""
    path = LEXICON_DIR / f"{lang}.yaml"
    if not path.is_file():
        return None
    return load_lexicon(path)


@cache
def month_names(lang: str) -> frozenset[str]:
    """The month names of `lang` (data/qualifiers/<lang>.yaml, `dates.months`); none for a language without
    its own qualifier file."""
    from casus.coding.modality import LANGS, qualifier_data  # the qualifier data reader; imported late

    if lang not in LANGS:
        return frozenset()
    months = (qualifier_data(lang).get("dates") or {}).get("months") or []
    return frozenset(str(name).lower() for names in months for name in names)


def match_sentence(lex: Lexicon, sent: Sentence) -> list[TriggerMatch]:
    """Every trigger match in the sentence, overlaps resolved: the most specific trigger keeps its tokens."""
    toks = sent.tokens
    keys = [token_keys(t) for t in toks]
    sent_lemmas: set[str] | None = None
    found: list[TriggerMatch] = []
    months = month_names(lex.lang)
    for i, k in enumerate(keys):
        if k[-1] in months and i > 0 and toks[i].text[:1].isupper():
            continue  # "they met in March": a capitalised month inside a sentence is a date, not "a march"
        for trig in lex.candidates(k):
            exact0, prefixes0, surface0 = trig.compiled[0]
            if not (
                not exact0.isdisjoint(k)
                or (prefixes0 and any(x.startswith(prefixes0) for x in k))
                or k[-1] in surface0
            ):
                continue  # indexed by a surface-only alternative ("=marched") that matched only a lemma
            idx = _match_from(trig, keys, i)
            if idx is None:
                continue
            if (
                trig.not_next
                and idx[-1] + 1 < len(toks)
                and (toks[idx[-1] + 1].text.lower().replace("’", "'") in trig.not_next)
            ):
                continue  # "a arrêté de fumer": to stop doing
            if trig.negative:
                if sent_lemmas is None:
                    sent_lemmas = {x for kk in keys for x in kk}
                if trig.negative & sent_lemmas:
                    continue
            surface = keys[i][-1]
            on_surface = (
                surface in exact0
                or surface in surface0
                or (bool(prefixes0) and surface.startswith(prefixes0))
            )
            found.append(TriggerMatch(trig, idx, on_surface))
    return _resolve_overlaps(_nouns_after_determiners(lex, toks, found))


# Words after which an English word is a noun: "condemned THE attack", "a raid", "their protest"
NOUN_AFTER = {
    "en": frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})
}


OBJECT_REACH = 3  # tokens between a trigger and the determiner of its object ("condemned the attack")


def _nouns_after_determiners(
    lex: Lexicon, toks: list[Token], found: list[TriggerMatch]
) -> list[TriggerMatch]:
    """A verb trigger whose word follows a determiner right after another trigger, where a noun trigger starts
    on the same word, is that noun, the other trigger's object ("condemned the attack": an attack noun, not
    the verb "attack"); the coder then keeps it only as what the main event is about. An attack word after a
    determiner is always the noun ("repelled an attack by X": the noun's agent attacked)."""
    words = NOUN_AFTER.get(lex.lang)
    if not words:
        return found
    noun_anchors = {m.anchor for m in found if m.trigger.pos == "noun"}

    def object_noun(m: TriggerMatch) -> bool:
        if m.trigger.pos != "verb" or m.anchor not in noun_anchors or m.anchor == 0:
            return False
        if toks[m.anchor - 1].text.lower() not in words:
            return False
        if m.trigger.cameo[:2] in ("18", "19", "20"):
            return True  # "repelled an attack by X": the attack noun, whose agent follows "by"
        return any(0 < m.anchor - o.tokens[-1] <= OBJECT_REACH + 1 for o in found if o.anchor != m.anchor)

    return [m for m in found if not object_noun(m)]


def _match_from(trig: Trigger, keys: list[tuple[str, ...]], start: int) -> list[int] | None:
    idx = [start]
    pos = start
    n = len(keys)
    for exact, prefixes, surface in trig.compiled[1:]:
        nxt = None
        for j in range(pos + 1, min(n, pos + 2 + trig.gap)):
            kj = keys[j]
            if (
                not exact.isdisjoint(kj)
                or (prefixes and any(k.startswith(prefixes) for k in kj))
                or kj[-1] in surface
            ):
                nxt = j
                break
        if nxt is None:
            return None
        idx.append(nxt)
        pos = nxt
    return idx


def _resolve_overlaps(found: list[TriggerMatch]) -> list[TriggerMatch]:
    """Keep the most specific match where matches share a token; same-anchor duplicates collapse."""
    found.sort(key=lambda m: m.rank, reverse=True)
    used: set[int] = set()
    kept: list[TriggerMatch] = []
    for m in found:
        if used.intersection(m.tokens):
            continue
        used.update(m.tokens)
        kept.append(m)
    kept.sort(key=lambda m: m.anchor)
    return kept
