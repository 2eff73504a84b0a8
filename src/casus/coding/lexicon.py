"""The `lexicon` coder: deterministic, offline, explainable.

Per sentence: match the language's triggers on the lemmas (casus.coding.triggers), find source and target
among the sentence's actor mentions (casus.coding.slots), qualify the event (modality, attribution,
quantities, date, location: casus.coding.{modality,attribution,quantities,dates,location}), then merge the
statements of the same event across the document (casus.coding.dedupe).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import replace
from datetime import date

from casus.coding import attribution, dates, location, modality, quantities
from casus.coding.confidence import score
from casus.coding.dedupe import Where, dedupe, join_split, primary, trigger_start
from casus.coding.phrases import grammar_list
from casus.coding.slots import STANCE_PREFIXES, Roles, assign, compound_group, envoy_host
from casus.coding.triggers import Lexicon, TriggerMatch, lexicon_for, match_sentence
from casus.doc import Doc, Event, Mention, Sentence
from casus.ontology import info
from casus.options import Options

log = logging.getLogger(__name__)

# CAMEO roots whose events are speech acts: the speaker of a reporting frame is their source, not a reporter.
SPEECH_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})
WARM_LANGS = (
    "en",
    "it",
    "fr",
    "es",
    "de",
    "ar",
    "ru",
)  # lexicons and qualifier tables loaded when the stage is built
TWO_ACTOR_WORDS = ("due", "both", "two", "deux", "dos", "ambos", "ambas", "beide", "beiden", "entrambi")


class LexiconCoder:
    """The default coder. Build once (`LexiconCoder(opts)`); `code(doc)` per document."""

    name = "lexicon"
    version = "lexicon/1"

    def __init__(self, opts: Options | None = None):
        self.opts = opts or Options()
        self._warm_up()

    def _warm_up(self) -> None:
        """Load the lexicons and the qualifiers' tables now (once per stage), not inside the first document."""
        langs = [self.opts.lang] if self.opts.lang else list(WARM_LANGS)
        for lang in langs:
            if lexicon_for(lang) is None:
                continue
            text = "Warm up."
            doc = Doc(id="warm-up", text=text, lang=lang)
            sent = Sentence(0, 0, len(text), 0, "body", [])
            doc.sentences.append(sent)
            location.find(doc, sent, lang)
            modality.detect(doc, sent, 0, 4, lang)
            attribution.find(doc, sent, lang, None)

    def code(self, doc: Doc) -> list[Event]:
        lang = self.opts.lang or doc.lang or ""
        lex = lexicon_for(lang) if lang else None
        if lex is None or not doc.sentences:
            return []
        by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in doc.mentions:
            by_sentence[m.sentence].append(m)
        events: list[Event] = []
        attrs: dict[int, attribution.AttributionResult | None] = {}
        # what an event's written date is compared with to tell history from news
        reference = self.opts.published or doc.published or _latest_year(doc)
        for pos, sent in enumerate(doc.sentences):
            if not sent.tokens:
                continue
            matches = match_sentence(lex, sent)
            if not matches:
                continue
            attr = _attribution(doc, lang, pos, attrs)
            mentions = sorted(by_sentence.get(sent.index, []), key=lambda m: m.start)
            frames = [m for m in matches if _closing_frame(sent, lex, m)]
            if frames and attr is None:
                attr = attrs[pos] = _frame_attribution(doc, sent, frames[0], mentions)
            found: list[Event] = []
            context: dict[int, tuple] = {}
            verbs: list[tuple[TriggerMatch, list[Mention]]] = []  # verb triggers so far and their sources
            participants = _participant_nouns(sent, matches, mentions)
            for match in matches:
                if _is_purpose(sent, lex, match, matches) or _is_content(sent, match, matches):
                    continue
                if _participle_noun(sent, lex, match) or _protest_reason(sent, lex, match, matches):
                    continue
                if _accused_person(sent, lex, match) or _protest_topic(sent, lex, match, matches):
                    continue
                if _standing_support(sent, lex, match) or _banned_protest(sent, match, matches):
                    continue
                if _intent_complement(sent, lex, match) or _aside(sent, match, matches):
                    continue
                if _time_reference(sent, lex, match) or any(match is m for m in frames):
                    continue
                if _protest_as_purpose(sent, lex, match, matches):
                    continue
                if id(match) in participants:
                    continue
                match = _accusing_attack(sent, lex, match)
                for ev, ctx in self._events(doc, sent, lang, lex, match, mentions, attr, verbs):
                    found.append(ev)
                    context[id(ev)] = ctx
            found = self._news(doc, sent, lang, found, reference)
            kept = salient(join_split(found))
            moods: dict[int, modality.ModalityResult] = {}
            for ev in kept:
                _set_modality(doc, sent, lang, ev, context[id(ev)], moods)
                ev.cues["statements"] = [_statement(doc, sent, ev)]
            events.extend(kept)
        kinds = {s.index: s.kind for s in doc.sentences}
        events = dedupe(events, kinds, _where(doc, lang))
        self._qualify(doc, lang, events)
        for ev in events:
            _finish(ev)
        return events

    def _news(
        self, doc: Doc, sent: Sentence, lang: str, found: list[Event], published: date | None
    ) -> list[Event]:
        """The candidate events of a sentence less those it recalls from the past (_background, _in_period);
        `published` is the publication date, or for an undated document the start of the latest year it names."""
        text = doc.text[sent.start : sent.end]
        periods = dates.past_periods(text, lang) if found else []
        if periods:
            lex = lexicon_for(lang)
            found = [ev for ev in found if lex is None or not _in_period(lex, text, periods, sent.start, ev)]
        if not found or published is None or not _YEAR.search(text):
            return found
        found_dates = dates.candidates(text, lang, published, base_offset=sent.start)
        return [ev for ev in found if not _background(found_dates, published, int(ev.trigger["end"]))]

    def _qualify(self, doc: Doc, lang: str, events: list[Event]) -> None:
        """Quantities, date and location of the events that survived selection and dedupe (the costly
        qualifiers run once per kept event, not per candidate)."""
        published = self.opts.published or doc.published
        sents = {s.index: s for s in doc.sentences}
        para_dates: dict[int, tuple[dates.DateResult, set[str]]] = {}
        for ev in events:
            sent = sents[ev.sentence]
            trig = ev.trigger or {"start": sent.start, "end": sent.start}
            t_start, t_end = int(trig["start"]), int(trig["end"])
            clause = modality.clause_span(doc, sent, t_start, t_end, lang)
            qty = quantities.extract(doc.text[clause[0] : clause[1]], lang, clause[0])
            if qty or not ev.quantities:
                ev.quantities = list(qty)
            when = dates.resolve(doc, sent, lang, published, span=(t_start, t_end))
            actors = {p for p in (primary(ev.source), primary(ev.attribution)) if p}
            if when.source == "text":
                para_dates[sent.paragraph] = (when, actors)
            elif sent.paragraph in para_dates and actors & para_dates[sent.paragraph][1]:
                # the same actor's statement goes on: the date it gave earlier in the paragraph still holds
                when = para_dates[sent.paragraph][0]
            ev.date, ev.date_precision, ev.date_source = when.date, when.precision, when.source
            spans = [(m.start, m.end) for m in (ev.source, ev.target) if m is not None]
            ev.location = location.find(doc, sent, lang, exclude=spans)

    def _events(self, doc, sent, lang, lex, match: TriggerMatch, mentions, attr, verbs) -> list:
        trig = match.trigger
        toks = sent.tokens
        t_start, t_end = toks[match.tokens[0]].start, toks[match.tokens[-1]].end
        governs = attr is not None and attr.governs[0] <= t_start < attr.governs[1]
        speaker = attr.mention if (governs and attr is not None) else None
        speech = trig.cameo[:2] in SPEECH_ROOTS
        excluded: set[int] = set()
        closing = speaker is not None and attr is not None and speaker.start >= attr.governs[1]
        if speaker is not None and (not (speech and trig.pos == "verb") or closing):
            excluded.add(id(speaker))  # a closing frame's speaker (", the news agency said") is no target
        roles = envoy_host(doc, lex, assign(doc, sent, match, lex, mentions, excluded, speaker), mentions)
        if (
            not roles.sources
            and speaker is not None
            and roles.target is not speaker  # "أعلن الجيش مقتل اثنين من جنوده": it lost them (slots)
            and attr is not None
            and _object_of_cue(doc, attr, t_start)
        ):
            roles.sources = [speaker]  # "Venezuela anunció el envío de tropas": the announcer acts
            roles.how.append("speaker-announces")
        gerund = trig.pos == "noun" and match.anchor > 0 and sent.tokens[match.anchor - 1].text == ","
        if trig.pos == "verb" or gerund:  # "…, killing 12 civilians": a participle clause shares the subject
            shared = _coordinated_subject(sent, lex, match, verbs)
            if shared is not None and not roles.passive and "inverted-speaker" not in roles.how:
                # ("…, forderte der Diplomat", "…, ha chiesto il ministro": the actor after the verb speaks)
                roles.sources = shared  # "Rebels kidnapped advisers and exploded bombs": same subject
                roles.how.append("coordinated")
        verbs.append((match, list(roles.sources)))
        parts = tuple((toks[i].start, toks[i].end) for i in match.tokens)
        ctx = (trig, t_start, t_end, governs and not _own(roles, speaker), speaker, parts)
        pairs = _pairs(doc, lex, roles, mentions, trig.symmetric)
        if trig.needs_actor:
            pairs = [(a, b) for a, b in pairs if a is not None or b is not None]
        out: list[tuple[Event, tuple]] = []
        for src, tgt in pairs:
            attribution_actor = speaker
            if speaker is not None and src is not None and (speaker is src or speaker.code == src.code):
                attribution_actor = None  # the speaker's own statement or act
            cues = {
                "trigger": {"text": doc.text[t_start:t_end], "start": t_start, "end": t_end},
                "roles": list(roles.how),
                "passive": roles.passive,
                "pos": trig.pos,
                "elements": len(trig.elements),
                "sense": trig.sense,
            }
            if governs and attr is not None:
                cues["attribution"] = attr.to_cue()
            ev = Event(
                doc_id=doc.id,
                lang=lang,
                sentence=sent.index,
                evidence_start=sent.start,
                evidence_end=sent.end,
                evidence_text=doc.text[sent.start : sent.end],
                cameo=trig.untargeted if (trig.untargeted and tgt is None) else trig.cameo,
                source=src,
                target=tgt,
                attribution=attribution_actor,
                coder=self.version,
                rule=trig.id,
                trigger={"text": doc.text[t_start:t_end], "start": t_start, "end": t_end},
                cues=cues,
                mention_sentences=[sent.index],
            )
            out.append((ev, ctx))
        return out


def _participant_nouns(sent: Sentence, matches: list[TriggerMatch], mentions: list[Mention]) -> set[int]:
    """Noun triggers that name the participants ("manifestantes", "protesters" inside an actor mention):
    where the sentence has another trigger, that one says what happened ("police detained protesters")."""
    covered = set()
    for match in matches:
        if match.trigger.pos != "noun":
            continue
        tok = sent.tokens[match.anchor]
        if any(m.start <= tok.start and tok.end <= m.end for m in mentions):
            covered.add(id(match))
    if len(covered) == len(matches):
        return set()
    return covered


def _coordinated_subject(
    sent: Sentence, lex: Lexicon, match: TriggerMatch, verbs: list[tuple[TriggerMatch, list[Mention]]]
) -> list[Mention] | None:
    """The subject of an earlier verb trigger when this verb is coordinated with it ("… and exploded"):
    a conjunction (and an auxiliary) right before this verb, and an earlier verb with a source."""
    if not verbs:
        return None
    conj = set(lex.defaults["conj"])
    aux = set(lex.defaults["passive_aux"]) | {
        "have",
        "has",
        "had",
        "ha",
        "hanno",
        "ont",
        "han",
        "hat",
        "haben",
    }
    j = match.anchor - 1
    while j >= 0 and sent.tokens[j].text.lower() in aux:
        j -= 1
    if j < 0 or (sent.tokens[j].text.lower() not in conj and sent.tokens[j].text != ","):
        return None  # "bloquearon la carretera, apedrearon a la policía y ...": comma or conjunction
    prev, sources = verbs[-1]
    if not sources or prev.tokens[-1] >= match.anchor:
        return None
    if prev.trigger.pos != "verb" and not (prev.anchor > 0 and sent.tokens[prev.anchor - 1].text == ","):
        return None  # a noun is no verb to share a subject with ("forces, backed by US airstrikes, retook")
    return sources


def _object_of_cue(doc: Doc, attr: attribution.AttributionResult, t_start: int) -> bool:
    """The trigger is the object of the reporting verb ("announced the sending of", "ha annunciato
    l'invio"): at most three words between the cue and the trigger, none of them a clause break."""
    if attr.cue_end > t_start or attr.kind == "according_to":
        return False
    between = doc.text[attr.cue_end : t_start]
    return len(between.split()) <= 3 and not any(ch in between for ch in ',;:."“”«»')


def _set_modality(doc: Doc, sent: Sentence, lang: str, ev: Event, ctx: tuple, memo: dict) -> None:
    """Modality, negation, the intent code and confidence of a kept event (one detection per trigger)."""
    trig, t_start, t_end, attributed, speaker, parts = ctx
    mod = memo.get(t_start)
    if mod is None:
        mod = modality.detect(doc, sent, t_start, t_end, lang, attributed=attributed, parts=parts)
        memo[t_start] = mod
    if trig.frame == "speaker" and speaker is not None:
        # the event is the speaker's statement: the writer reports it as made; the conditional belongs to
        # what the speaker talks about ("would be an escalation")
        mod = modality.ModalityResult("asserted", mod.negated, list(mod.cues))
    ev.modality, ev.negated = mod.modality, mod.negated
    ev.cues["modality"] = list(mod.cues)
    base = trig.untargeted if (trig.untargeted and ev.target is None) else trig.cameo
    ev.cameo = _intent_code(base, trig.intent if base == trig.cameo else None, mod.modality)
    if base == PLAIN_PROTEST and _official(doc, ev):
        ev.cameo = OFFICIAL_COMPLAINT
    ev.confidence = score(
        len(trig.elements), len(ev.cameo), ev.source is not None, ev.target is not None, mod.modality
    )


PLAIN_PROTEST = "140"  # "protestar", "la protesta": the word alone, no march, strike or blockade
OFFICIAL_COMPLAINT = "114"
OFFICIAL_ROLES = frozenset({"GOV", "MIL", "JUD", "SPY"})
OFFICIAL_KINDS = frozenset({"country", "capital", "igo"})  # a state or an organisation named, not its people


def _official(doc: Doc, ev: Event) -> bool:
    """A state, a government, an army or an international organisation that is itself the subject of a plain
    protest ("Cuba protesta por ...", "el ejército haitiano protestó contra ...") or its genitive ("una
    protesta de Bogotá por ...") protests in words: CAMEO codes that as an official complaint (114), not a
    demonstration (14). A demonym ("los salvadoreños protestarán") names people, who protest in the street;
    a state further away is rarely who protests ("campesinos de Bolivia protestaron")."""
    src, trig = ev.source, ev.trigger or {}
    if src is None or not trig:
        return False
    if src.role not in OFFICIAL_ROLES and not (src.kind in OFFICIAL_KINDS and not src.role):
        return False
    t_start, t_end = int(trig["start"]), int(trig["end"])
    if src.end <= t_start:
        # the subject right before the verb, itself no genitive ("estudiantes de Costa Rica protestaron")
        before = doc.text[max(0, src.start - 5) : src.start].split()
        genitive = bool(before) and before[-1].lower() in ("de", "del", "of", "di", "du", "des")
        genitive = genitive or doc.text[max(0, src.start - 5) : src.start].lower().endswith(STANCE_PREFIXES)
        verb = ev.cues.get("pos") == "verb"  # a noun after a name is often its modifier ("G20 protests")
        return verb and not doc.text[src.end : t_start].strip() and not genitive
    return doc.text[t_end : src.start].strip().lower() in ("de", "del")


def _statement(doc: Doc, sent: Sentence, ev: Event) -> dict:
    """How one sentence states the event: its modality and source. Dedupe keeps every statement of an event,
    so a claim's history can show it reported by one source and left unconfirmed by another."""
    return {
        "sentence": sent.index,
        "modality": ev.modality,
        "negated": ev.negated,
        "attribution": ev.attribution.code if ev.attribution else None,
        "attribution_text": ev.attribution.text if ev.attribution else None,
        "evidence": doc.text[sent.start : sent.end][:400],
    }


def _attribution(doc: Doc, lang: str, pos: int, memo: dict) -> attribution.AttributionResult | None:
    """The attribution of doc.sentences[pos], computed only for sentences with a trigger (and the sentence
    before them, which a "secondo la stessa fonte / according to the same source" carries on)."""
    if pos in memo:
        return memo[pos]
    prev = None
    if pos > 0:
        prev = memo[pos - 1] if pos - 1 in memo else attribution.find(doc, doc.sentences[pos - 1], lang, None)
    memo[pos] = attribution.find(doc, doc.sentences[pos], lang, prev)
    return memo[pos]


def salient(found: list[Event]) -> list[Event]:
    """The events a sentence states: every event with both actors (and a main verb of another kind with its
    subject before them: _lead_verb); where there is none, the best supported one (an actor, a verb,
    earlier in the sentence, a longer pattern) and at most one more, from a verb of another kind.
    Secondary trigger words (a noun in a subordinate clause, a background mention) are what makes GDELT
    noisy. In English a demonstration the sentence names besides them is kept too (_protest_setting)."""
    if len(found) <= 1:
        return found
    kept = _main_events(found)
    return kept + _protest_setting(found, kept)


# Languages whose news is coded with the demonstration as well as what was done to it ("police fired tear gas
# at protesters during a rally", "protests erupted in Tripoli, with banks set ablaze"): English (the CASE and
# ACLED-style gold). The Spanish AFP coders code only the repression; measured, keeping it there cost precision.
PROTEST_SETTING_LANGS = frozenset({"en"})
VAGUE_PROTEST_WORDS = frozenset({"unrest"})  # "in response to recent unrest": a background, not a protest


def _protest_setting(found: list[Event], kept: list[Event]) -> list[Event]:
    """The protest a sentence names beside its main events, when none of those is a protest: its best
    protest noun ("during a demonstration", "protests erupted"); a vague word ("unrest") is no protest. A
    protest verb after the main events is a subordinate clause (salient's rule) and stays out."""
    if any(e.cameo[:2] == "14" for e in kept):
        return []
    protests = [
        e
        for e in found
        if e.cameo[:2] == "14"
        and e.lang in PROTEST_SETTING_LANGS
        and not any(e is k for k in kept)
        and str((e.trigger or {}).get("text", "")).lower() not in VAGUE_PROTEST_WORDS
        and (e.cues or {}).get("pos") != "verb"
    ]
    if not protests:
        return []
    return [
        min(protests, key=lambda e: (-((e.source is not None) + (e.target is not None)), trigger_start(e)))
    ]


def _main_events(found: list[Event]) -> list[Event]:
    """salient() without the protest setting."""
    full = [e for e in found if e.source is not None and e.target is not None]
    if full:
        return full + _lead_verb(found, full)

    def rank(e: Event) -> tuple:
        cues = e.cues or {}
        return (
            -((e.source is not None) + (e.target is not None)),
            0 if cues.get("pos") == "verb" else 1,
            trigger_start(e),
            -int(cues.get("elements", 1)),
        )

    ranked = sorted(found, key=rank)
    best = ranked[0]
    for other in ranked[1:]:
        if other.cameo[:2] != best.cameo[:2] and (other.cues or {}).get("pos") == "verb":
            return [best, other]  # a second predicate of another kind ("cut the road and burned tyres")
    return [best]


def _lead_verb(found: list[Event], full: list[Event]) -> list[Event]:
    """The verb event with a source that comes before every event with both actors, of another root than
    theirs: the sentence's main predicate ("un partidario murió ... en Bakú, donde la policía detuvo a ...",
    "protesters marched ... and police arrested 20 of them"). One at most; a lone target (an object of a
    later clause) or a noun does not count. Measured on the dev sets: types up in every set, triples F1 up
    overall (a later verb, or one without a subject, cost precision)."""
    first = min(trigger_start(e) for e in full)
    roots = {e.cameo[:2] for e in full}
    lead = [
        e
        for e in found
        if e.source is not None
        and e.target is None
        and (e.cues or {}).get("pos") == "verb"
        and e.cameo[:2] not in roots
        and trigger_start(e) < first
    ]
    return sorted(lead, key=trigger_start)[:1]


def _where(doc: Doc, lang: str) -> Where:
    """Where each sentence says its events happened: a place after a locative ("in Bogotá", "a Kiev"), as
    (country, kind, name); None where it says nothing. Looked up only for sentences dedupe compares."""
    sents = {s.index: s for s in doc.sentences}
    seen: dict[int, tuple[str, str, str] | None] = {}

    def where(index: int) -> tuple[str, str, str] | None:
        if index not in seen:
            place = location.find_place(doc, sents[index], lang) if index in sents else None
            seen[index] = (
                (place.country, place.kind, place.text.casefold()) if place and place.locative else None
            )
        return seen[index]

    return where


def _intent_code(cameo: str, intent: str | None, mood: str) -> str:
    """The code of an event that is only planned or conditional. A planned negative act is a threat (13x);
    a conditional one too ("if ..., we will cut aid"). A planned or possible protest is still coded as a
    protest: announcing a march is not threatening one."""
    if not intent:
        return cameo
    if mood == "intended" and not (cameo.startswith("14") and intent.startswith("13")):
        return intent
    if mood == "hypothetical" and intent.startswith("13") and not cameo.startswith("14"):
        return intent
    return cameo


def _own(roles: Roles, speaker: Mention | None) -> bool:
    return speaker is not None and any(s is speaker for s in roles.sources)


def _pairs(
    doc: Doc, lex: Lexicon, roles: Roles, mentions: list[Mention], symmetric: bool
) -> list[tuple[Mention | None, Mention | None]]:
    """(source, target) pairs: one per compound member; both directions for a symmetric trigger."""
    sources: list[Mention | None] = [x for m in roles.sources for x in _members(m)] or [None]
    target = roles.target
    if target is not None and len(target.members) > 1:
        target = _members(target)[0]
    if symmetric and target is None and len(sources) == 1 and sources[0] is not None:
        pair = _two_actor_coref(doc, sources[0], mentions)
        if pair:
            sources = pair
    if symmetric and target is None and len(sources) > 1:
        return [(a, b) for a in sources for b in sources if a is not b and primary(a) != primary(b)]
    pairs: list[tuple[Mention | None, Mention | None]] = []
    for src in sources:
        tgt = target
        if src is not None and tgt is not None and src.code == tgt.code:
            tgt = None
        pairs.append((src, tgt))
    if symmetric and target is not None and len(sources) == 1 and sources[0] is not None:
        group = compound_group(doc, lex, mentions, mentions.index(target)) if target in mentions else [target]
        if len(group) > 1:
            pairs = [(sources[0], g) for g in group]
    return pairs


def _members(m: Mention) -> list[Mention]:
    """A coreference to several actors ("i due paesi" with members RUS, PRK) as one mention per member."""
    if len(m.members) < 2:
        return [m]
    return [
        replace(
            m,
            code=code,
            country=None if code.startswith(("IGO", "NGO", "---")) else code[:3],
            members=[],
        )
        for code in m.members
    ]


def _two_actor_coref(doc: Doc, subject: Mention, mentions: list[Mention]) -> list[Mention] | None:
    """ "i due paesi / both countries": the two distinct actors named before in the sentence."""
    words = subject.text.lower().split()
    if not any(w in TWO_ACTOR_WORDS for w in words):
        return None
    seen: dict[str, Mention] = {}
    for m in mentions:
        if m.end <= subject.start and primary(m) and primary(m) not in seen:
            seen[primary(m) or ""] = m
    if len(seen) < 2:
        return None
    return list(seen.values())[-2:]


def _is_purpose(sent: Sentence, lex: Lexicon, match: TriggerMatch, matches: list[TriggerMatch]) -> bool:
    """A verb in a purpose clause ("per combattere", "pour aider") or chained after another trigger
    ("inviare soldati a combattere", "send troops to fight") is not an event of its own."""
    if match.trigger.pos != "verb" or match.anchor == 0:
        return False
    prev = sent.tokens[match.anchor - 1].text.lower()
    if _after_purpose(sent, lex, match.anchor):
        return True
    # "para tratar de alcanzar un acuerdo", "per poter firmare": a purpose through an infinitive or two
    endings = tuple(lex.defaults["infinitive"])
    # "para protestar y defender sus derechos": an infinitive joined to a purpose infinitive shares its purpose
    infinitive = sent.tokens[match.anchor].text.lower().endswith(endings) if endings else False
    joins = set(lex.defaults.get("conj", ())) if infinitive else set()
    j, verbs = match.anchor - 1, 0
    while endings and j > 0 and verbs < 2 and match.anchor - j <= 4:
        word = sent.tokens[j].text.lower()
        if word.endswith(endings) and word.isalpha():
            verbs += 1
            if _after_purpose(sent, lex, j):
                return True
        elif word not in ("de", "a", "di", "à") and word not in joins:
            break
        j -= 1
    if prev in ("a", "to", "à", "de", "zu") and prev not in grammar_list(lex, "auxiliary"):
        # "inviare soldati a combattere"; not the French auxiliary ("la police a arrêté": has arrested)
        return any(0 < match.anchor - m.tokens[-1] <= 4 for m in matches if m is not match)
    return False


def _after_purpose(sent: Sentence, lex: Lexicon, i: int) -> bool:
    """A purpose marker ends right before token i ("para", "a fin de", "destinado a", "in order to")."""
    for marker in lex.defaults["purpose"]:
        words = marker.split()
        before = [t.text.lower() for t in sent.tokens[max(0, i - len(words)) : i]]
        if before == words:
            return True
    return False


FRAME_ROOTS = frozenset({"02", "10", "13"})  # appeals, demands, threats: what follows is their content
CONTENT_WINDOW = 8  # tokens after a framing trigger in which another trigger is its content


def _is_content(sent: Sentence, match: TriggerMatch, matches: list[TriggerMatch]) -> bool:
    """A trigger that is what another one asks for or threatens ("urged X to withdraw", "Libya must hand
    over", "threatened to cut aid") is not an event of its own: the appeal, demand or threat is."""
    if match.trigger.cameo[:2] in FRAME_ROOTS:
        return False
    for other in matches:
        if other is match or other.trigger.cameo[:2] not in FRAME_ROOTS:
            continue
        gap = match.anchor - other.tokens[-1]
        if 0 < gap <= CONTENT_WINDOW and not any(
            sent.tokens[j].text in (";", ":", ".") for j in range(other.tokens[-1], match.anchor)
        ):
            return True
    return False


def _finish(ev: Event) -> None:
    """Ontology fields from the (final) code, confidence with the mention count."""
    ci = info(ev.cameo)
    ev.plover = ci.plover
    ev.goldstein = ci.goldstein
    ev.quad_class = ci.quad_class
    if ev.mentions > 1:
        ev.confidence = min(0.99, ev.confidence + min(ev.mentions - 1, 3) * 0.03)


def _participle_noun(sent: Sentence, lex: Lexicon, match: TriggerMatch) -> bool:
    """A participle used as a noun after a determiner names the people an earlier event touched ("los
    detenidos fueron liberados", "el abogado del detenido", "les détenus"): it is not an event of its own.
    A number before it ("dejó 30 detenidos") still counts the event."""
    if match.anchor == 0 or len(match.tokens) > 1:
        return False
    endings = grammar_list(lex, "noun_participle")
    if not endings:
        return False
    tok = sent.tokens[match.anchor]
    word = tok.text.lower()
    if not word.endswith(tuple(endings)):
        return False
    people = grammar_list(lex, "person_participle")
    if match.trigger.pos == "noun" and (tok.lemma or word).lower() not in people:
        return False  # a noun that only ends like a participle ("esos atentados", "el mercado")
    determiners = grammar_list(lex, "determiner")
    prev = sent.tokens[match.anchor - 1].text.lower()
    if prev in determiners:
        return True
    # after a noun with its determiner: "sus camaradas muertos", "los estudiantes detenidos" (not after an
    # auxiliary: "los han detenido")
    if match.anchor < 2 or prev in lex.defaults["passive_aux"] or prev in grammar_list(lex, "auxiliary"):
        return False
    return prev.isalpha() and sent.tokens[match.anchor - 2].text.lower() in determiners


def _long_participles(lex: Lexicon) -> tuple[str, ...]:
    """The language's participle endings of three letters or more ("-ado", "-ata"): a word ending so is a
    participle; the short ones ("-o", "-a") end too many other words."""
    return tuple(e for e in lex.defaults.get("participle", ()) if len(e) >= 3)


REPORTING_ROOT = "11"  # accusing and denouncing verbs: a frame closing the sentence reports what precedes it
FRAME_TAIL = 10  # tokens of the speaker and a time phrase after a closing frame's verb
ACCORDING_TO_VERB = frozenset({"según", "segun", "secondo", "selon"})  # "según denunció X": as X denounced
FRAME_OBJECT = frozenset(
    {"a", "al", "de", "del", "que", "contra", "por", "à", "au", "di", "that", "of", "for"}
)


def _closing_frame(sent: Sentence, lex: Lexicon, match: TriggerMatch) -> bool:
    """An accusing or denouncing verb that closes the sentence after a comma with its speaker inverted and no
    object (", acusó la policía al anochecer.", ", denunció este martes la organización.") reports what the
    sentence says before it: the speaker is the attribution of those events, not the source of an
    accusation. "..., acusó el ministro a los rebeldes" or ", denunció que ..." keep the verb's own event."""
    trig, toks, i = match.trigger, sent.tokens, match.anchor
    if trig.pos != "verb" or not trig.cameo.startswith(REPORTING_ROOT) or len(match.tokens) > 1 or i < 1:
        return False
    if toks[i - 1].text.lower() in ACCORDING_TO_VERB:
        return True  # "según denunció la cancillería, ...": what it denounced is the sentence's report
    if i < 4 or toks[i - 1].text != "," or not any(t.text.isalpha() for t in toks[: i - 1]):
        return False
    word = toks[i].text.lower()
    nonfinite = tuple(lex.defaults["infinitive"]) + _long_participles(lex)
    if word.endswith(nonfinite) or word.endswith("ndo"):
        return False  # "..., acusando a X", "..., acusado de ...": a participle clause, not a frame
    tail = [t for t in toks[i + 1 :] if t.text.isalnum() or t.text in ("-", "'")]
    if not tail or len(tail) > FRAME_TAIL or any(t.text in ",;:" for t in toks[i + 1 :]):
        return False
    first = tail[0].text.lower()
    if first in FRAME_OBJECT:
        return False
    if any(t.text.lower() in ("a", "que", "à", "that") for t in tail):
        return False
    # "el ministro de Defensa": a genitive in the speaker's name; "de" + infinitive is what X is accused of
    endings = tuple(lex.defaults["infinitive"])
    return not any(
        a.text.lower() == "de" and (b.text.lower().endswith(endings) or b.text.lower() == "haber")
        for a, b in zip(tail, tail[1:], strict=False)
    )


def _frame_attribution(
    doc: Doc, sent: Sentence, match: TriggerMatch, mentions: list[Mention]
) -> attribution.AttributionResult:
    """The attribution a closing frame (_closing_frame) gives the sentence: its speaker (the first actor
    after the verb, None when it names none) governs everything before the comma."""
    verb = sent.tokens[match.anchor]
    comma = sent.tokens[match.anchor - 1].start
    speaker = next((m for m in mentions if m.start >= verb.end), None)
    return attribution.AttributionResult(
        speaker, verb.text, verb.start, verb.end, (sent.start, comma), "speech_verb"
    )


ACCUSE_CODE = "112"  # accuse, and its subcodes (of corruption, of human rights abuses, of aggression ...)


def _accused_person(sent: Sentence, lex: Lexicon, match: TriggerMatch) -> bool:
    """An accusation participle that is not a passive or perfect verb names the accused, not an accusation
    made here: "veinticinco acusados de crímenes de guerra abandonaron la huelga" (defendants), "el
    ex alcalde, acusado de malversación, huyó" (what he stands accused of is background). Only "fue
    acusado", "ha sido acusada", "han acusado" report the accusation as an event."""
    if not match.trigger.cameo.startswith(ACCUSE_CODE):
        return False
    endings = grammar_list(lex, "participle")
    word = sent.tokens[match.anchor].text.lower()
    if not endings or not word.endswith(tuple(e for e in endings if len(e) >= 3)):
        return False
    if not grammar_list(lex, "auxiliary"):
        return False  # a language without its auxiliaries' written forms cannot tell "ha accusato"
    auxiliaries = set(lex.defaults["passive_aux"]) | set(grammar_list(lex, "auxiliary"))
    before = [t.text.lower() for t in sent.tokens[max(0, match.anchor - 2) : match.anchor]]
    return not any(w in auxiliaries for w in before)


STANDING_ROOTS = ("05", "074")  # support in words, guard and escort: a state a participle can describe


def _standing_support(sent: Sentence, lex: Lexicon, match: TriggerMatch) -> bool:
    """A participle of support that describes a noun ("unos 500 familiares, apoyados por pandilleros,
    marcharon", "la candidata respaldada por el partido") tells how things stand, not what was done: no
    event. "Fue respaldado por el Congreso" (after an auxiliary) still reports it. Not for material acts
    ("soldati inviati al fronte", "armas entregadas"): a participle there still says they were sent."""
    if match.trigger.pos != "verb" or not match.trigger.cameo.startswith(STANDING_ROOTS) or match.anchor == 0:
        return False
    endings = tuple(e for e in grammar_list(lex, "participle") if len(e) >= 3)
    word = sent.tokens[match.anchor].text.lower()
    if not endings or not word.endswith(endings):
        return False
    if not grammar_list(lex, "auxiliary"):
        return False  # a language without its auxiliaries' written forms cannot tell "hanno firmato"
    prev = sent.tokens[match.anchor - 1]
    auxiliaries = set(lex.defaults["passive_aux"]) | set(grammar_list(lex, "auxiliary"))
    if prev.text.lower() in auxiliaries or prev.text.lower() in grammar_list(lex, "clitic"):
        return False
    return prev.text == "," or (
        prev.text.isalpha() and prev.text.lower() not in grammar_list(lex, "relative")
    )


PROTEST_ROOT = "14"


def _aside(sent: Sentence, match: TriggerMatch, matches: list[TriggerMatch]) -> bool:
    """A trigger inside parentheses ("ocupó cinco propiedades (de las que fueron desalojados)", "la
    Prefectura (guardia costera militarizada)") is an aside that explains a name or recalls background;
    where the sentence states an event outside them, that one is the news."""

    def inside(m: TriggerMatch) -> bool:
        depth = 0
        for tok in sent.tokens[: m.anchor]:
            depth += (tok.text == "(") - (tok.text == ")")
        return depth > 0

    return inside(match) and any(not inside(m) for m in matches if m is not match)


INTENT_REACH = 4  # words from an intention noun to the "de" before its infinitive ("la decisión de Uribe de")


def _intent_complement(sent: Sentence, lex: Lexicon, match: TriggerMatch) -> bool:
    """An infinitive that completes a noun of intention ("su compromiso de oponerse a los ataques", "la
    decisión de Uribe de respaldar la operación", "su disposición de negociar") names what someone means or
    decided to do, not something done: no event of its own."""
    nouns = grammar_list(lex, "intent_noun")
    if match.trigger.pos != "verb" or not nouns or match.anchor < 2:
        return False
    toks = sent.tokens
    word = toks[match.anchor].text.lower()
    if not word.endswith(tuple(lex.defaults["infinitive"])) or toks[match.anchor - 1].text.lower() != "de":
        return False
    window = toks[max(0, match.anchor - 2 - INTENT_REACH) : match.anchor - 1]
    return any((t.lemma or t.text).lower() in nouns or t.text.lower() in nouns for t in window)


BAN_CODES = ("1721", "129")  # banning a protest, vetoing an act
BAN_WINDOW = 3  # tokens from a ban verb to the protest it bans ("prohibió las manifestaciones")


def _banned_protest(sent: Sentence, match: TriggerMatch, matches: list[TriggerMatch]) -> bool:
    """A protest word that a ban or veto takes as its object ("prohibió las marchas de apoyo a los mineros",
    "impidió la marcha") names a protest that was not held: the ban is the event, not the protest."""
    if match.trigger.pos != "noun" or not match.trigger.cameo.startswith(PROTEST_ROOT):
        return False
    for other in matches:
        if other is match or not other.trigger.cameo.startswith(BAN_CODES) or other.anchor >= match.anchor:
            continue
        gap = range(other.anchor + 1, match.anchor)
        if len(gap) <= BAN_WINDOW and all(sent.tokens[j].text.isalpha() for j in gap):
            return True
    return False


PURPOSE_OF_ACT_ROOTS = (
    "11",
    "12",
    "13",
    "16",
    "17",
)  # acts of states and officials a protest may be the aim of
PURPOSE_REACH = 30  # tokens from the act to the purpose clause that says why it was done


def _protest_as_purpose(
    sent: Sentence, lex: Lexicon, match: TriggerMatch, matches: list[TriggerMatch]
) -> bool:
    """A protest in a purpose clause of an official act ("suspendió sus exportaciones de gas para protestar
    por ...", "convocó al embajador para protestar", "amenazó con recurrir a la justicia para protestar") is
    why the act was done: the act (a sanction, a summons, a threat) is the event, not a protest (CAMEO codes
    the concrete action). A march or a strike "para protestar" stays a protest."""
    if not match.trigger.cameo.startswith(PROTEST_ROOT) or not _after_purpose(sent, lex, match.tokens[-1]):
        return False
    first = match.tokens[0]
    endings = _long_participles(lex)
    for other in matches:
        if other is match or not other.trigger.cameo.startswith(PURPOSE_OF_ACT_ROOTS):
            continue
        if not 0 < first - other.tokens[-1] <= PURPOSE_REACH:
            continue
        between = sent.tokens[other.tokens[-1] + 1 : first]
        if any(t.text in (";", ":", ".") for t in between):
            continue
        # "la marcha, dispersada por la policía, convocada para protestar": the purpose is that of the
        # participle right before it, whose protest the sentence names
        if any(
            a.text == "," and b.text.lower().endswith(endings)
            for a, b in zip(between, between[1:], strict=False)
        ):
            continue
        return True
    return False


def _protest_topic(sent: Sentence, lex: Lexicon, match: TriggerMatch, matches: list[TriggerMatch]) -> bool:
    """A verb in a relative clause or an appositive participle on a protest ("las protestas que exigen la
    nacionalización del gas", "una marcha que apoyaba a los presos", "marchas que la policía dispersó",
    "la marcha, disuelta con violencia por la policía, ...") describes that protest: the protest is the
    event the sentence reports, what it demanded or how it ended is no event of its own (PLOVER: the topic of
    a protest is a property of the PROTEST event). A protest word in the relative clause ("la huelga que
    paralizó el país") is the protest itself and stays."""
    if match.trigger.pos != "verb" or match.trigger.cameo.startswith(PROTEST_ROOT):
        return False
    relative = grammar_list(lex, "relative")
    if not relative:
        return False
    toks = sent.tokens
    j = match.anchor - 1
    skip = (
        set(grammar_list(lex, "clitic"))
        | set(grammar_list(lex, "auxiliary"))
        | set(lex.defaults["passive_aux"])
    )
    while j >= 0 and (toks[j].text.lower() in skip or toks[j].text.lower().endswith("mente")):
        j -= 1
    if j >= 1 and toks[j].text == "," and _participle(lex, toks[match.anchor].text):
        return _protest_ends_at(sent, matches, j - 1)  # "la manifestación, disuelta por la policía"
    subject = 0
    while (
        j >= 1
        and subject < RELATIVE_SUBJECT
        and toks[j].text.lower() not in relative
        and toks[j].text.isalpha()
    ):
        j, subject = (
            j - 1,
            subject + 1,
        )  # "marchas que la policía dispersó": the relative clause's own subject
    if j < 1 or toks[j].text.lower() not in relative:
        return False
    j -= 1
    if toks[j].text == ",":
        j -= 1
    return _protest_ends_at(sent, matches, j)


RELATIVE_SUBJECT = 3  # words of a subject between a relative pronoun and its verb ("que la policía dispersó")


def _participle(lex: Lexicon, word: str) -> bool:
    endings = tuple(grammar_list(lex, "participle"))  # "disuelta", "puesto": the short endings too
    return bool(endings) and word.lower().endswith(endings)


PROTEST_ADJECTIVES = 2  # words after a protest noun before its relative clause ("marchas esporádicas que")


def _protest_ends_at(sent: Sentence, matches: list[TriggerMatch], j: int) -> bool:
    """A protest noun (a march, a strike, a sit-in) ends at token j, or just before at most two adjectives."""
    for m in matches:
        end = m.tokens[-1]
        if m.trigger.pos != "noun" or not m.trigger.cameo.startswith(PROTEST_ROOT):
            continue
        if 0 <= j - end <= PROTEST_ADJECTIVES and all(t.text.isalpha() for t in sent.tokens[end + 1 : j + 1]):
            return True
    return False


REASON_WINDOW = 6  # tokens from a protest word to the noun that says what it protests
REASON_ROOTS = ("11", "14")  # disapproval and protest: what they are about is an earlier event


def _protest_reason(sent: Sentence, lex: Lexicon, match: TriggerMatch, matches: list[TriggerMatch]) -> bool:
    """A noun that says what a protest or a condemnation is about ("en protesta por la detención de X",
    "protestaron contra los ataques", "condenó la detención de X", "se opuso a la intervención militar") names
    an earlier event, the reason of the act reported here, not a new event."""
    if match.trigger.cameo[:2] == "14" or match.anchor == 0:
        return False
    reasons = grammar_list(lex, "reason")
    if not reasons:
        return False
    determiners = grammar_list(lex, "determiner")
    if match.trigger.pos != "noun" and sent.tokens[match.anchor - 1].text.lower() not in determiners:
        return False  # a verb ("protestaron por la medida y exigieron ..."), not a noun ("por las torturas")
    for other in matches:
        end = other.tokens[-1]
        root = other.trigger.cameo[:2]
        if (
            other is match
            or root not in REASON_ROOTS
            or not 0 < match.anchor - end <= REASON_WINDOW + SETTING
        ):
            continue
        between = sent.tokens[end + 1 : match.anchor]
        if root == "14":  # "protestierten in Berlin gegen die Angriffe": a place or date before the reason
            between = between[_setting_length(lex, between, reasons) :]
        if len(between) >= REASON_WINDOW:
            continue
        first = between[0].text.lower() if between else ""
        # a protest names its reason after "por/contra"; a condemnation or opposition its object directly
        opens = first in reasons or (root != "14" and first in determiners + ("a", "al"))
        if opens and all(t.text.isalnum() for t in between):
            return True
    return False


# tokens of a place or date phrase between a protest word and its reason ("am Samstag in der Berliner Innenstadt")
SETTING = 6


def _setting_length(lex: Lexicon, between: list, reasons: tuple[str, ...]) -> int:
    """How many of `between` (the words after a protest word) are a short place or date phrase before a
    reason word ("in Berlin gegen", "en Madrid contra", "à Paris contre", "samedi contre"): a phrase opened
    by a word of markers.yaml `setting`, without punctuation, ending right before a reason word; 0 if none."""
    setting = grammar_list(lex, "setting")
    if not setting or not between or between[0].text.lower() not in setting:
        return 0
    for i, tok in enumerate(between[: SETTING + 1]):
        if tok.text.lower() in reasons:
            return i
        if not tok.text.isalnum():
            return 0
    return 0


BACKGROUND_DAYS = 366  # an event dated this long before publication is history, not news
BACKGROUND_REACH = 30  # characters from the trigger to its date ("asesinado en noviembre de 1995")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")  # only a written year can date an event over a year back


def _latest_year(doc: Doc) -> date | None:
    """For a document with no publication date: the first of January of the latest year it names (not after
    this year). The report cannot be older, so an event it dates more than a year before that is history
    ("arrestato nel 1977" in a story that also names 2016)."""
    now = date.today().year
    years = [int(y) for y in _YEAR.findall(doc.text) if int(y) <= now]
    return date(max(years), 1, 1) if years else None


def _background(found_dates: list[dates.DateResult], published, t_end: int) -> bool:
    """An earlier event the report recalls, dated right after its trigger over a year before publication
    ("Rabin, asesinado en noviembre de 1995 por ...", "rompió una alianza en agosto de 2003"): background
    to the news, not an event of it (such mentions flood event data with old events). A date that opens
    the sentence ("En 1968, ...") sets the scene of a story told as news and does not count."""
    when = next(
        (d for d in found_dates if d.start is not None and 0 <= d.start - t_end <= BACKGROUND_REACH), None
    )
    if when is None or not when.date:
        return False
    try:
        year = int(when.date[:4])
        month = int(when.date[5:7]) if len(when.date) >= 7 else 12
        last = date.fromisoformat(when.date) if len(when.date) >= 10 else date(year, month, 28)
        pub = date.fromisoformat(str(published)[:10])  # a date, a datetime or an ISO string
    except ValueError:
        return False
    return (pub - last).days > BACKGROUND_DAYS


TIME_REFERENCE_ADJECTIVES = (
    2  # words between "nach dem" and its noun ("nach dem gestrigen blutigen Anschlag")
)


def _time_reference(sent: Sentence, lex: Lexicon, match: TriggerMatch) -> bool:
    """An event noun right after "nach dem", "après les", "after the", "dopo il" (markers.yaml time_reference;
    at most two lower-case adjectives between) names an earlier event that the clause takes as its time
    reference ("Nach dem Anschlag sperrte die Polizei den Platz", "après l'attentat, la police a bouclé la
    place"): background, not an event this sentence reports. Spanish has no such list: the AFP gold codes
    the event after "tras el" (measured: es-afp-cameo types and triples fell)."""
    markers = grammar_list(lex, "time_reference")
    if match.trigger.pos != "noun" or not markers or match.anchor == 0:
        return False
    toks = sent.tokens
    words = [t.text.lower().replace("’", "'") for t in toks[max(0, match.anchor - 6) : match.anchor]]
    for skip in range(TIME_REFERENCE_ADJECTIVES + 1):
        end = len(words) - skip
        if skip and not (words[end].isalpha() and toks[match.anchor - skip].text[:1].islower()):
            break
        for marker in markers:
            parts = marker.split()
            if end >= len(parts) and words[end - len(parts) : end] == parts:
                return True
    return False


ACCUSED_REACH = 4  # words of the accused between "atacó a" and "de" ("atacó a la oposición de haber ...")
ACCUSE_ROOTS = ("18", "19")
NOT_INFINITIVE = frozenset(
    {"mujer", "militar", "lugar", "hogar", "familiar", "poder", "mar", "par", "taller"}
)


def _accusing_attack(sent: Sentence, lex: Lexicon, match: TriggerMatch) -> TriggerMatch:
    """An attack verb with a person or group and "de" + infinitive after it accuses them ("atacó a la
    oposición de haber provocado la crisis", markers.yaml accusing_attack): the match as an accusation (112),
    its object the target; any other match as it is."""
    verbs = grammar_list(lex, "accusing_attack")
    trig = match.trigger
    if not verbs or trig.pos != "verb" or not trig.cameo.startswith(ACCUSE_ROOTS):
        return match
    toks = sent.tokens
    anchor = toks[match.anchor]
    if (anchor.lemma or anchor.text).lower() not in verbs and anchor.text.lower() not in verbs:
        return match
    j = match.tokens[-1] + 1
    if j >= len(toks) or toks[j].text.lower() not in ("a", "al"):
        return match
    endings = tuple(lex.defaults["infinitive"])
    for k in range(j + 2, min(len(toks) - 1, j + 2 + ACCUSED_REACH)):
        word = toks[k].text
        if not word.isalpha():
            return match
        if word.lower() != "de":
            continue
        nxt = toks[k + 1].text
        infinitive = nxt.islower() and nxt.endswith(endings) and nxt not in NOT_INFINITIVE
        if nxt.lower() == "haber" or infinitive:
            accusation = replace(
                trig, id=f"{trig.id}_accuse", cameo=ACCUSE_CODE, intent=None, untargeted=None
            )
            return replace(match, trigger=accusation)
    return match


# statements, talks, apologies: often about the past, made now
TALK_ROOTS = SPEECH_ROOTS | {"04", "05"}
# words from a trigger to the named period that places it ("deportados ... durante la guerra")
PERIOD_AFTER = 6
# words from a named period to the trigger it places ("Durante la guerra, los nazis deportaron")
PERIOD_BEFORE = 10
_STOP = re.compile(r"[.;:!?()]")


def _in_period(lex: Lexicon, text: str, periods: list[tuple[int, int]], offset: int, ev: Event) -> bool:
    """The event is placed in a named period of the past ("fueron deportados durante la Segunda Guerra
    Mundial", "Im Zweiten Weltkrieg wurden ... deportiert"; dates.past_periods): history the report recalls,
    not news. A participle or relative clause between the trigger and the period takes it instead ("pidió
    perdón por los crímenes cometidos durante la guerra": the apology is news)."""
    t0, t1 = int(ev.trigger["start"]) - offset, int(ev.trigger["end"]) - offset
    stops = set(grammar_list(lex, "relative")) | set(lex.defaults.get("clause_break", ()))
    endings = _long_participles(lex)
    for a, b in periods:
        if a >= t1:
            between = text[t1:a]
            words = between.split()
            if len(words) > PERIOD_AFTER or _STOP.search(between):
                continue
            clean = [w.strip(',"«»“”').lower() for w in words]
            if any(w in stops or (endings and w.endswith(endings)) for w in clean):
                continue
            if clean and ev.cameo[:2] in TALK_ROOTS:
                continue  # "se disculpó por los crímenes durante la guerra": the period places the crimes
            return True
        if b <= t0:
            between = text[b:t0]
            if len(between.split()) <= PERIOD_BEFORE and not _STOP.search(between):
                return True
    return False
