"""Each event once per document.

The title, the body, a heading and an embedded post often state the same event. Two events are the same
when their CAMEO codes share a root and one code is a prefix of the other (`07` ~ `074`, but `072` is not
`074`) and they are about the same thing (the trigger's `sense`: troops are not arms), and their source and
target primaries agree (a missing actor agrees with any). The best statement
is kept as the evidence (a body sentence before a title or an embedded post; complete actors; a firm
modality; the most specific code) and the others add to its `mentions`.
"""

from __future__ import annotations

from casus.doc import Event, Mention, code_primary

KIND_RANK = {"body": 0, "title": 1, "heading": 2, "embedded": 3}
MODALITY_RANK = {
    "asserted": 0,
    "reported": 0,
    "intended": 1,
    "unconfirmed": 1,
    "denied": 2,
    "hypothetical": 2,
    "question": 3,
}


def primary(m: Mention | None) -> str | None:
    """An actor's primary: its country (first three letters), or the whole IGO/NGO code."""
    return code_primary(m.code) if m is not None else None  # None (---MIL, no actor) agrees with any


def _agree(a: Mention | None, b: Mention | None) -> bool:
    pa, pb = primary(a), primary(b)
    return pa is None or pb is None or pa == pb


def codes_compatible(a: str, b: str) -> bool:
    return a[:2] == b[:2] and (a.startswith(b) or b.startswith(a))


def same_event(a: Event, b: Event) -> bool:
    """Same root and agreeing actors; across sentences the codes must also be prefix-compatible."""
    same_sentence = a.sentence == b.sentence or b.sentence in a.mention_sentences
    sense_a, sense_b = (a.cues or {}).get("sense"), (b.cues or {}).get("sense")
    same_sense = sense_a is None or sense_b is None or sense_a == sense_b
    return (
        (
            (codes_compatible(a.cameo, b.cameo) and same_sense)
            or (same_sentence and a.cameo[:2] == b.cameo[:2])
        )
        and _agree(a.source, b.source)
        and _agree(a.target, b.target)
        and a.negated == b.negated
    )


def quality(ev: Event, kinds: dict[int, str]) -> tuple:
    """Sort key, best first."""
    actors = (primary(ev.source) is not None) + (primary(ev.target) is not None)
    return (
        KIND_RANK.get(kinds.get(ev.sentence, "body"), 1),
        -actors,
        MODALITY_RANK.get(ev.modality, 1),
        -len(ev.cameo),
        ev.sentence,
    )


def _absorb(kept: Event, other: Event) -> None:
    kept.mentions += other.mentions
    statements = kept.cues.setdefault("statements", []) + other.cues.get("statements", [])
    kept.cues["statements"] = sorted(statements, key=lambda st: st.get("sentence", 0))
    for s in other.mention_sentences or [other.sentence]:
        if s not in kept.mention_sentences:
            kept.mention_sentences.append(s)
    if primary(kept.source) is None and primary(other.source) is not None:
        kept.source = other.source
    if primary(kept.target) is None and primary(other.target) is not None:
        kept.target = other.target
    if kept.attribution is None and other.attribution is not None:
        kept.attribution = other.attribution
    if len(other.cameo) > len(kept.cameo):
        kept.cameo = other.cameo


def dedupe(events: list[Event], kinds: dict[int, str]) -> list[Event]:
    """Merge statements of the same event; `kinds` maps sentence index -> title/body/heading/embedded."""
    for ev in events:
        if not ev.mention_sentences:
            ev.mention_sentences = [ev.sentence]
    ordered = sorted(events, key=lambda e: quality(e, kinds))
    kept: list[Event] = []
    for ev in ordered:
        for k in kept:
            if same_event(k, ev):
                _absorb(k, ev)
                break
        else:
            kept.append(ev)
    kept.sort(key=lambda e: (e.sentence, e.evidence_start))
    return kept
