"""Each event once per document.

The title, the body, a heading and an embedded post often state the same event. Two events are the same
when their CAMEO codes share a root and one code is a prefix of the other (`07` ~ `074`, but `072` is not
`074`) and they are about the same thing (the trigger's `sense`: troops are not arms), and their source and
target primaries agree (a missing actor agrees with any). The best statement
is kept as the evidence (a body sentence before a title or an embedded post; complete actors; a firm
modality; the most specific code) and the others add to its `mentions`. Across sentences, two violent
events of one PLOVER type whose named actors are the same are one attack told twice (`one_attack`). Two
protests or attacks whose sentences place them in two different cities are never merged (`apart`).

Within a sentence, `join_split` first makes one event of an attack whose agent and victim are named at two
triggers ("blew himself up ..., killing X").
"""

from __future__ import annotations

from collections.abc import Callable

from casus.doc import Event, Mention, code_primary
from casus.ontology import info

# sentence index -> (country, "city" | "country", name) of the place the sentence says it happened, or None
Where = Callable[[int], "tuple[str, str, str] | None"]

VIOLENT_ROOTS = frozenset({"18", "19", "20"})  # assault, fight, mass violence: one attack, told in clauses
INCIDENT_ROOTS = VIOLENT_ROOTS | {"14"}  # protests and violence: one incident, told sentence by sentence
PLACED_ROOTS = INCIDENT_ROOTS | {"17"}  # protests, coercion, violence: events at a place

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


def _same_actor(a: Mention | None, b: Mention | None) -> bool:
    return primary(a) is None or primary(b) is None or a.code == b.code


def _one_type(a: Event, b: Event, roots: frozenset[str]) -> bool:
    """Both events' roots are among `roots` and they share one PLOVER type."""
    return a.cameo[:2] in roots and b.cameo[:2] in roots and info(a.cameo).plover == info(b.cameo).plover


def one_attack(a: Event, b: Event) -> bool:
    """Two violent events (assault, fight, mass violence), or two protests, of one PLOVER type, told in two
    sentences of one document, whose actors are the same where both are named (whole codes: Colombia's army
    and Colombia's rebels are two sides): one incident told twice ("grenades were hurled at a patrol ... the
    attackers fled after the attack", "hundreds marched ... the protests began on Friday"). Inside one
    sentence join_split and salient decide."""
    return (
        a.sentence != b.sentence
        and _one_type(a, b, INCIDENT_ROOTS)
        and _same_actor(a.source, b.source)
        and _same_actor(a.target, b.target)
        and (a.cameo[:2] != "14" or _named(a) or _named(b))
    )


def _named(ev: Event) -> bool:
    """The event names a source or a target of known country or organisation. Two protests of which neither
    says who protests may be two groups ("the groups drawn will demonstrate in turns ... the protest")."""
    return primary(ev.source) is not None or primary(ev.target) is not None


def same_event(a: Event, b: Event) -> bool:
    """Same root and agreeing actors; across sentences the codes must also be prefix-compatible."""
    same_sentence = a.sentence == b.sentence or b.sentence in a.mention_sentences
    sense_a, sense_b = (a.cues or {}).get("sense"), (b.cues or {}).get("sense")
    same_sense = sense_a is None or sense_b is None or sense_a == sense_b
    return (
        (
            (codes_compatible(a.cameo, b.cameo) and same_sense)
            or (same_sentence and a.cameo[:2] == b.cameo[:2])
            or one_attack(a, b)
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
    if len(other.cameo) > len(kept.cameo) and other.cameo[:2] == kept.cameo[:2]:  # never another root
        kept.cameo = other.cameo


def apart(a: Event, b: Event, where: Where | None) -> bool:
    """Two protests, arrests or attacks in different sentences that each say they happened in a city, in two
    different cities: two events, however alike ("students marched in Bogotá ... students also marched in
    Medellín"). Only two cities keep them apart: a country named in a sentence is as often the setting of
    something else ("the war in Syria", "1 p.m. in Italy"). Nor does a place named beside other events (a
    visit, a transfer of troops): "troops sent to Russia for the war in Ukraine" is the sending told before."""
    if where is None or a.sentence == b.sentence:
        return False
    if a.cameo[:2] not in PLACED_ROOTS or b.cameo[:2] not in PLACED_ROOTS:
        return False
    pa, pb = where(a.sentence), where(b.sentence)
    if pa is None or pb is None:
        return False
    return pa[1] == pb[1] == "city" and pa[2] != pb[2]


def dedupe(events: list[Event], kinds: dict[int, str], where: Where | None = None) -> list[Event]:
    """Merge statements of the same event; `kinds` maps sentence index -> title/body/heading/embedded;
    `where` (optional) says where a sentence places its events, to keep events at two places apart."""
    for ev in events:
        if not ev.mention_sentences:
            ev.mention_sentences = [ev.sentence]
    ordered = sorted(events, key=lambda e: quality(e, kinds))
    kept: list[Event] = []
    for ev in ordered:
        for k in kept:
            if same_event(k, ev) and not apart(k, ev, where):
                _absorb(k, ev)
                break
        else:
            kept.append(ev)
    kept.sort(key=lambda e: (e.sentence, e.evidence_start))
    return kept


def trigger_start(e: Event) -> int:
    """Where the event's trigger starts in the document text (0 when it has none)."""
    return int((e.trigger or {}).get("start", 0))


def joinable(a: Event, b: Event) -> bool:
    """Two candidates of one sentence that may be one event told over two triggers: both in the violent
    family (a bombing, an armed attack or a massacre, whose agent names one trigger and whose dead or wounded
    the next: "a suicide bomber blew himself up ..., killing X", "فجر انتحاري نفسه ... أسفر عن مقتل X", "un
    atentado de la guerrilla ... causó la muerte de X"). Other roots are not joined, not even two events of
    the same root: two mentions of talks or arrests in a sentence are seldom one act (measured: it cost
    precision)."""
    ra, rb = a.cameo[:2], b.cameo[:2]
    return ra in VIOLENT_ROOTS and rb in VIOLENT_ROOTS


def join_split(found: list[Event]) -> list[Event]:
    """A sentence's candidates with an agent-only event joined to a later victim-only one.

    Only where no candidate has both actors (a sentence that states one in full says who did what to whom
    there). The earlier event keeps its code (the act: the bombing, the attack; the later trigger says what
    it did: "killing", "causó la muerte"), takes the later one's target, its trigger widens over both and its
    rule names both rules. Each event joins once; the nearest earlier agent-only event wins.
    """
    if len(found) < 2:
        return found
    if any(e.source is not None and e.target is not None for e in found):
        return _one_full_attack(found)
    order = sorted(found, key=trigger_start)
    dropped: set[int] = set()
    joined: set[int] = set()
    for b in order:
        if b.source is not None or b.target is None:
            continue
        agents = [
            a
            for a in order
            if a.source is not None
            and a.target is None
            and id(a) not in joined
            and trigger_start(a) < trigger_start(b)
            and joinable(a, b)
            and (a.source.start, a.source.end) != (b.target.start, b.target.end)
        ]
        if not agents:
            continue
        a = agents[-1]
        _join(a, b)
        joined.add(id(a))
        dropped.add(id(b))
    return [e for e in found if id(e) not in dropped]


def _one_full_attack(found: list[Event]) -> list[Event]:
    """Violent events of one sentence and one PLOVER type with the very same source and target ("gunmen
    raided a barracks and set off suicide vests, killing 30 recruits"): one attack, the
    first trigger's (the main verb's); the later statements add to its `mentions`."""
    kept: list[Event] = []
    for ev in sorted(found, key=trigger_start):
        first = next((k for k in kept if _same_full_attack(k, ev)), None)
        if first is None:
            kept.append(ev)
        else:
            _absorb(first, ev)
    return [e for e in found if any(e is k for k in kept)]


def _same_full_attack(a: Event, b: Event) -> bool:
    return (
        a.source is not None
        and a.target is not None
        and b.source is not None
        and b.target is not None
        and a.source.code == b.source.code
        and a.target.code == b.target.code
        and a.negated == b.negated
        and _one_type(a, b, VIOLENT_ROOTS)
    )


def _join(a: Event, b: Event) -> None:
    """`a` takes `b`'s target; its trigger spans both triggers, its rule names both rules."""
    a.target = b.target
    ta, tb = a.trigger or {}, b.trigger or {}
    start, end = int(ta.get("start", 0)), int(tb.get("end", 0))
    offset = a.evidence_start
    text = a.evidence_text[start - offset : end - offset] if a.evidence_start <= start <= end else ""
    a.trigger = {"text": text, "start": start, "end": end}
    a.cues["joined"] = {
        "trigger": dict(tb),
        "rule": b.rule,
        "cameo": b.cameo,
        "roles": b.cues.get("roles", []),
    }
    a.rule = f"{a.rule}+{b.rule}" if a.rule and b.rule else (a.rule or b.rule)
