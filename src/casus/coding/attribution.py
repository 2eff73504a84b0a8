"""Attribution: who the text says a statement comes from ("secondo X", "according to X", "X said").

Public API (called by the lexicon coder):

    find(doc, sent, lang, prev=None) -> AttributionResult | None
    is_own_statement(doc, sent, mention, lang, prev=None) -> bool
    quote_spans(doc, sent) -> list[(start, end)]

`find` looks for an attribution cue in `sent` and returns the actor mention it names (one of
doc.mentions_in(sent.index)), the cue and the clause span it governs. Cue kinds, tried in this order:
- "same_source": "secondo la stessa fonte" / "according to the same source" / "selon la même source" /
  "según la misma fuente" / "laut derselben Quelle" carry `prev` (the previous sentence's result): its
  mention, with carried=True (mention None when there is no `prev`);
- "according_to": "secondo X", "according to X", "selon X", "según X", "laut X", "X zufolge": the actor
  right after the cue (right before a postposition); governs the whole sentence;
- "claim": "X sostengono che", "X claims that": the actor before the cue; governs what follows the cue;
- "speech_verb": "X ha affermato", "X said", "…, ha affermato X", "a déclaré", "dijo", "sagte": the actor
  right before the verb (governs what follows) or, inverted, right after it (governs what precedes).
  A speech verb with no actor nearby, right after a closing quote or a pronoun ("“…”, ha aggiunto.",
  "…, he said."), takes `prev`'s actor, carried=True.

How the coder uses it: for each event whose trigger lies inside `governs`, set Event.attribution to
`mention` and pass attributed=True to casus.coding.modality.detect (modality "reported" unless a stronger
cue applies); the attribution's actor is never the event's source (the reporter is not the actor), except
when the speaker speaks of its own act: is_own_statement() tells when a mention is the speaker of the
sentence's reporting frame; a speaker that is also the event's source is its own statement, not a report.
Keep the result of each sentence and pass it as `prev` for the next sentence of the same document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from casus.coding.modality import PhraseMatcher, phrase_matcher, qualifier_data
from casus.doc import Doc, Mention, Sentence

MAX_GAP_AFTER = 60  # characters between "secondo" and the actor it introduces ("secondo l'agenzia di ...")
MAX_GAP_BEFORE = 40  # characters between the speaker and its verb ("Mark Rutte ha indicato")
MAX_GAP_INVERTED = 80  # characters between an inverted verb and its speaker ("ha affermato lunedì ... X")
_BREAK = re.compile(r"[.;:!?\n]")
_PREV_WORD = re.compile(r"([^\W\d_]+)\W*$")
# a speech verb right after a closing quote or a pronoun: the speaker is the previous sentence's
_CARRY_FRAME = re.compile(
    r"(?:[”\"»’]\s*,?|\b(?:he|she|they|il|elle|ils|elles|lui|lei|egli|ella|él|ellos|er|sie))\s*$",
    re.IGNORECASE,
)
_BREAK_OR_COMMA = re.compile(r"[.;:!?,\n]")
# ", mentre / while / tandis que / mientras / während": a contrasting clause; when it has a speech verb of its
# own ("..., mentre Bruxelles ha avvertito che ..."), it is its speaker's frame, not the first one's
_CONTRAST = re.compile(
    r",\s*(?:mentre|invece|while|whereas|tandis que|alors que|mientras que|mientras|während)\b", re.I
)


@dataclass(slots=True)
class AttributionResult:
    """An attribution found in a sentence.

    mention: the actor the statement is attributed to (None when the cue names no known actor, e.g.
      "secondo fonti locali"; the cue still makes the clause "reported").
    cue_text / cue_start / cue_end: the cue ("secondo", "ha affermato", "said") as offsets into doc.text.
    governs: (start, end) offsets in doc.text of the part of the sentence the attribution covers.
    kind: "according_to", "speech_verb", "claim" or "same_source".
    carried: True when the actor was carried from the previous sentence.
    """

    mention: Mention | None
    cue_text: str
    cue_start: int
    cue_end: int
    governs: tuple[int, int]
    kind: str = "according_to"
    carried: bool = False

    def covers(self, start: int, end: int | None = None) -> bool:
        """True when doc.text[start:end] (a trigger) lies inside the governed span."""
        end = start if end is None else end
        return self.governs[0] <= start and end <= self.governs[1]

    def to_cue(self) -> dict:
        """The dict the coder stores under Event.cues["attribution"] for `casus explain`."""
        return {
            "kind": self.kind,
            "text": self.cue_text,
            "start": self.cue_start,
            "end": self.cue_end,
            "actor": self.mention.text if self.mention else None,
            "code": self.mention.code if self.mention else None,
            "carried": self.carried,
        }


@dataclass(slots=True)
class _Patterns:
    same_source: PhraseMatcher | None
    according_to: PhraseMatcher | None
    postpositions: PhraseMatcher | None
    claim: PhraseMatcher | None
    speech_verb: PhraseMatcher | None
    not_after: dict[str, frozenset[str]]


def _low(cue: str) -> str:
    return " ".join(cue.lower().replace("’", "'").split())


@cache
def _patterns(lang: str) -> _Patterns:
    att = qualifier_data(lang).get("attribution", {}) or {}
    return _Patterns(
        same_source=phrase_matcher(att.get("same_source", [])),
        according_to=phrase_matcher(att.get("according_to", [])),
        postpositions=phrase_matcher(att.get("postpositions", [])),
        claim=phrase_matcher(att.get("claim", [])),
        speech_verb=phrase_matcher(att.get("speech_verbs", [])),
        not_after={_low(k): frozenset(map(str.lower, v)) for k, v in (att.get("not_after") or {}).items()},
    )


def _after(doc: Doc, mentions: list[Mention], pos: int, limit: int, stop: re.Pattern[str]) -> Mention | None:
    """The first mention starting after `pos` within `limit` characters, with no `stop` mark between."""
    best: Mention | None = None
    for m in mentions:
        if m.start < pos or m.start - pos > limit or stop.search(doc.text, pos, m.start):
            continue
        if best is None or m.start < best.start or m.start == best.start and m.end > best.end:
            best = m
    return best


def _before(doc: Doc, mentions: list[Mention], pos: int, limit: int, stop: re.Pattern[str]) -> Mention | None:
    """The mention ending nearest before `pos` within `limit` characters, with no `stop` mark between."""
    best: Mention | None = None
    for m in mentions:
        if m.end > pos or pos - m.end > limit or stop.search(doc.text, m.end, pos):
            continue
        if best is None or m.end > best.end or m.end == best.end and m.start < best.start:
            best = m
    return best


def find(
    doc: Doc, sent: Sentence, lang: str, prev: AttributionResult | None = None
) -> AttributionResult | None:
    """The attribution governing `sent`, or None. `prev` is the result for the previous sentence."""
    pats = _patterns(lang)
    s0, s1 = sent.start, sent.end
    text = doc.text[s0:s1]  # matched per sentence: the word index is cached per sentence text
    whole = (s0, s1)
    mentions = doc.mentions_in(sent.index)

    def spans(matcher: PhraseMatcher | None) -> list[tuple[int, int, str]]:
        if matcher is None:
            return []
        return [(s0 + m.start(), s0 + m.end(), m.group(0)) for m in matcher.finditer(text)]

    for a, b, cue in spans(pats.same_source)[:1]:
        return AttributionResult(
            prev.mention if prev else None, cue, a, b, whole, "same_source", prev is not None
        )

    for a, b, cue in spans(pats.according_to):
        prev_word = _PREV_WORD.search(doc.text, s0, a)
        if prev_word is not None and prev_word.group(1).lower() in pats.not_after.get(_low(cue), ()):
            continue  # "il secondo giorno": an ordinal, not "according to"
        actor = _after(doc, mentions, b, MAX_GAP_AFTER, _BREAK_OR_COMMA)
        return AttributionResult(actor, cue, a, b, whole, "according_to")

    for a, b, cue in spans(pats.postpositions):
        actor = _before(doc, mentions, a, MAX_GAP_BEFORE, _BREAK_OR_COMMA)
        if actor is not None:
            return AttributionResult(actor, cue, a, b, whole, "according_to")

    for a, b, cue in spans(pats.claim):
        actor = _before(doc, mentions, a, MAX_GAP_BEFORE, _BREAK_OR_COMMA)
        if actor is not None:
            return AttributionResult(actor, cue, a, b, (b, s1), "claim")

    fallback: AttributionResult | None = None
    verbs = spans(pats.speech_verb)
    for a, b, cue in verbs:
        actor = _before(doc, mentions, a, MAX_GAP_BEFORE, _BREAK_OR_COMMA)
        if actor is not None:
            comma = _trailing(doc, s0, s1, actor, b)
            if comma is not None:  # "..., killing 20, military sources said today.": the report precedes
                return AttributionResult(actor, cue, a, b, (s0, comma), "speech_verb")
            end = s1
            contrast = _CONTRAST.search(doc.text, b, s1)
            if contrast is not None and any(va >= contrast.end() for va, _, _ in verbs):
                end = contrast.start()  # the contrasting clause speaks for itself
            return AttributionResult(actor, cue, a, b, (b, end), "speech_verb")
        actor = _after(doc, mentions, b, MAX_GAP_INVERTED, _BREAK)
        if actor is not None:
            return AttributionResult(actor, cue, a, b, (s0, a), "speech_verb")
        if fallback is None and _CARRY_FRAME.search(doc.text, s0, a):
            # "“…”, ha aggiunto." : the speaker is the previous sentence's
            carried = prev.mention if prev else None
            fallback = AttributionResult(carried, cue, a, b, (s0, a), "speech_verb", carried is not None)
    return fallback


TRAILING_REPORTER_WORDS = 8  # ", the defence ministry of Algeria said": the words of a reporter after a comma
TRAILING_TAIL_WORDS = 7  # "said on Thursday", "told AFP by phone": what may follow its verb
_CLAUSE_WORD = re.compile(r"\b(?:that|which|who|whom|whose|when|while|because|if)\b", re.IGNORECASE)


def _trailing(doc: Doc, s0: int, s1: int, actor: Mention, verb_end: int) -> int | None:
    """A reporting clause closing the sentence after a comma ("..., killing 20 people, Thai military
    sources said on Sunday."): it governs what precedes it. Returns the comma's offset, or None when the
    speaker opens a clause of its own ("X said that ...", "X said rebels had ...")."""
    comma = doc.text.rfind(",", s0, actor.start)
    if comma < 0 or not doc.text[s0:comma].strip():
        return None
    lead = doc.text[comma + 1 : actor.start]
    if _BREAK.search(lead) or len(doc.text[comma + 1 : verb_end].split()) > TRAILING_REPORTER_WORDS:
        return None
    if _CLAUSE_WORD.search(lead):
        return None  # ", which the army said ...": a relative clause of its own
    tail = doc.text[verb_end:s1].strip().rstrip(".!?\"”’'").strip()
    if tail.startswith(","):
        return comma  # "..., the ministry said, in an attack later claimed by ..."
    if _CLAUSE_WORD.search(tail) or len(tail.split()) > TRAILING_TAIL_WORDS:
        return None
    return comma


def is_own_statement(
    doc: Doc, sent: Sentence, mention: Mention, lang: str, prev: AttributionResult | None = None
) -> bool:
    """True when `mention` is the speaker of the sentence's reporting frame ("X ha affermato ...",
    "…, ha affermato X", "X claims that ...", or "“…”, ha aggiunto." with X carried from `prev`): what X
    says is X's own statement (X is the source of a statement / comment event), not a report about someone
    else's act."""
    found = find(doc, sent, lang, prev)
    if found is None or found.mention is None or found.kind not in ("speech_verb", "claim"):
        return False
    if found.carried:
        return found.mention.code == mention.code
    return found.mention.start < mention.end and mention.start < found.mention.end


_QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"', "„": "“"}


def quote_spans(doc: Doc, sent: Sentence) -> list[tuple[int, int]]:
    """Quoted passages of `sent` as doc offsets, quote marks included ("“…”", "«…»", "\"…\"", "„…“").
    An event whose trigger lies inside one is part of what the speaker says."""
    text = doc.text[sent.start : sent.end]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        close = _QUOTE_PAIRS.get(text[i])
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        if j < 0:
            spans.append((sent.start + i, sent.end))  # a quote running past the sentence end
            break
        spans.append((sent.start + i, sent.start + j + 1))
        i = j + 1
    return spans
