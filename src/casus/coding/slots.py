"""Who did it to whom: source and target of a trigger match from the sentence's actor mentions.

Word order (subject before the verb in it/en/fr/es/de main clauses), passives (an auxiliary before a
participle; an agent marker "da parte di / by / par / por / durch" after it), nominal events ("l'invio di
truppe DELLA Corea del Nord IN Russia"), compound actors ("A e B") and the speaker frame are handled here;
every decision is recorded as a cue for `casus explain`. Phrase-level cues (places after a locative, asides,
genitive heads, postposed subjects, Spanish verbal nouns) are in casus.coding.phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from casus.coding.modality import qualifier_data
from casus.coding.phrases import ARTICLES, CITY_KINDS
from casus.coding.phrases import agent_tail as _agent_tail
from casus.coding.phrases import asides as _asides
from casus.coding.phrases import ends_with as _tail
from casus.coding.phrases import gap_text as _gap
from casus.coding.phrases import genitive_head as _genitive_head
from casus.coding.phrases import grammar_list as _grammar
from casus.coding.phrases import is_where as _where
from casus.coding.phrases import norm as _norm
from casus.coding.phrases import participle_agent as _participle_agent
from casus.coding.phrases import postposed_subject as _postposed_subject
from casus.coding.phrases import verbal_noun as _verbal_noun
from casus.coding.phrases import verbal_object as _verbal_object
from casus.coding.phrases import where_before as _where_before
from casus.coding.triggers import Lexicon, TriggerMatch, token_keys
from casus.coding.triggers import _marker_regex as _markers_pattern
from casus.doc import Doc, Mention, Sentence

TARGET_WINDOW = 80  # characters of text after the trigger in which a target is looked for
SOURCE_GAP = 40  # characters between a noun trigger and a following source ("di X", "da parte di X")
REFLEXIVE = frozenset({"si", "se", "s'", "sich", "s", "ci", "ne"})
SPEECH_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
HOSTILE_ROOTS = frozenset({"17", "18", "19", "20"})
LOCATIVE_DE = frozenset({"in", "im", "aus", "bei", "nahe", "nach"})  # "in Berlin": a place, not the target
HARD_BREAKS = (";", ":", "—", "–", "(", ")", "\n")


@dataclass(slots=True)
class Roles:
    """Source/target candidates of one match. `sources` holds a compound subject's members."""

    sources: list[Mention] = field(default_factory=list)
    target: Mention | None = None
    passive: bool = False
    how: list[str] = field(default_factory=list)  # short notes: "subject", "agent", "of", "speaker", ...


def compound_group(doc: Doc, lex: Lexicon, mentions: list[Mention], pos: int) -> list[Mention]:
    """The members of the coordinated group ("A e B", "A, B and C") that holds mentions[pos]."""
    conj = lex.marker_res["conj"]

    def joined(a: Mention, b: Mention) -> bool:
        gap = _gap(doc, a.end, b.start)
        if gap in ("", ","):
            return gap == ","
        gap = gap.lstrip(", ")
        for part in PARTITIVES.get(lex.lang, ()):  # "X and A GROUP OF deputies": the group is the member
            if gap.endswith(" " + part):
                gap = gap[: -len(part)].rstrip()
                break
        return bool(conj.match(gap)) and len(gap.split()) <= 2 and not any(ch in gap for ch in ".;:")

    lo = hi = pos
    while lo > 0 and joined(mentions[lo - 1], mentions[lo]):
        lo -= 1
    while hi + 1 < len(mentions) and joined(mentions[hi], mentions[hi + 1]):
        hi += 1
    group = mentions[lo : hi + 1]
    if len(group) > 1 and not any(
        conj.match(_gap(doc, a.end, b.start).lstrip(", ")) for a, b in zip(group, group[1:], strict=False)
    ):
        return [mentions[pos]]  # a plain list of commas is an apposition, not a compound
    return group


PARTITIVES = {"en": ("a group of", "a delegation of", "a number of", "members of", "some of", "several of")}


def _is_passive(doc: Doc, sent: Sentence, lex: Lexicon, anchor: int, mentions: list[Mention] = ()) -> bool:
    tok = sent.tokens[anchor]
    surface = _norm(tok.text)
    aux = set(lex.defaults["passive_aux"])
    if not any(surface.endswith(s) for s in lex.defaults["participle"]):
        # an irregular participle right between a passive auxiliary and its agent ("was hit by", "were shot by")
        agent = REDUCED_PASSIVE.get(lex.lang, ())
        return (
            0 < anchor < len(sent.tokens) - 1
            and _norm(sent.tokens[anchor - 1].text) in aux
            and _norm(sent.tokens[anchor + 1].text) in agent
        )
    if any(_norm(sent.tokens[j].text) in REFLEXIVE for j in range(max(0, anchor - 4), anchor)):
        return False  # "si è avvicinata", "se ha reunido": reflexive, not passive
    for j in range(max(0, anchor - 3), anchor):
        t = sent.tokens[j]
        if any(m.start <= t.start and t.end <= m.end for m in mentions):
            continue  # "Gli Stati Uniti hanno inviato": "Stati" (lemma "stato") is a name, not an auxiliary
        if _norm(t.text) in aux or (t.lemma and t.lemma.lower() in aux):
            # "ha deciso" / "has sent" use have-auxiliaries: those are never in passive_aux
            return True
    return False


# participles that say what their subject means to do when "to" follows ("Vietnam is committed to opening up")
STATIVE = {"en": frozenset({"committed", "determined", "prepared", "resolved", "poised"})}


def _stative(sent: Sentence, lex: Lexicon, anchor: int) -> bool:
    """ "is committed to", "are determined to": an adjective, not a passive; its subject is the source."""
    toks = sent.tokens
    if anchor + 1 >= len(toks) or _norm(toks[anchor + 1].text) != "to":
        return False
    return _norm(toks[anchor].text) in STATIVE.get(lex.lang, ())


REDUCED_PASSIVE = {"en": ("by",)}  # a participle right before its agent: "a lunch hosted by X"
HAVE_AUX = {"en": ("has", "have", "had", "having")}


def _reduced_passive(sent: Sentence, lex: Lexicon, match: TriggerMatch) -> bool:
    """A participle with no auxiliary right before its agent marker ("a lunch hosted BY the ambassador",
    "civilians killed BY militants"): a passive all the same; a perfect ("had hosted") is not one."""
    markers = REDUCED_PASSIVE.get(lex.lang, ())
    anchor = match.anchor
    if not markers or anchor + 1 >= len(sent.tokens) or match.tokens[-1] != anchor:
        return False
    word = _norm(sent.tokens[anchor].text)
    lemma = (sent.tokens[anchor].lemma or "").lower()
    if word == lemma or not any(word.endswith(s) for s in lex.defaults["participle"]):
        return False  # "the host by ...": a base form is no participle
    if anchor > 0 and _norm(sent.tokens[anchor - 1].text) in HAVE_AUX.get(lex.lang, ()):
        return False
    return _norm(sent.tokens[anchor + 1].text) in markers


def _has_first_person(sent: Sentence, lex: Lexicon, anchor: int) -> bool:
    fp = set(lex.defaults["first_person"])
    return any(_norm(sent.tokens[j].text) in fp for j in range(max(0, anchor - 3), anchor + 1))


def _has_pronoun(sent: Sentence, lex: Lexicon, anchor: int) -> bool:
    pron = set(lex.defaults["pronoun"])
    return any(_norm(sent.tokens[j].text) in pron for j in range(max(0, anchor - 3), anchor))


def _break_between(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    span = doc.text[start:end]
    if any(b in span for b in HARD_BREAKS):
        return True
    words = _norm(span).replace(",", " , ").split()
    breaks = set(lex.defaults["clause_break"])
    return any(w in breaks for w in words)


def _next_clause_subject(doc: Doc, sent: Sentence, lex: Lexicon, start: int, m: Mention) -> bool:
    """`m` follows a conjunction and comes right before a finite verb (only object pronouns between, markers
    clitic): it is the subject of a second clause ("... y la policía los desalojó", "e la polizia li ha
    dispersi"), not an object of the first. A finite verb is a token whose lemma has an infinitive ending
    and differs from the word itself."""
    endings = tuple(lex.defaults["infinitive"])
    if not endings:
        return False
    words = _norm(doc.text[start : m.start]).split()
    while words and words[-1] in ARTICLES:
        words.pop()
    if not words or words[-1] not in lex.defaults["conj"]:
        return False
    clitics = set(_grammar(lex, "clitic"))
    for tok in sent.tokens:
        if tok.start < m.end:
            continue
        word = tok.text.lower()
        if word in clitics:
            continue
        lemma = (tok.lemma or "").lower()
        return word.isalpha() and word != lemma and lemma.endswith(endings)
    return False


def assign(
    doc: Doc,
    sent: Sentence,
    match: TriggerMatch,
    lex: Lexicon,
    mentions: list[Mention],
    excluded: set[int],
    speaker: Mention | None,
) -> Roles:
    """Source(s) and target of `match`. `excluded`: ids (id()) of mentions that only report the event."""
    trig = match.trigger
    toks = sent.tokens
    t_start = toks[match.tokens[0]].start
    t_end = toks[match.tokens[-1]].end
    anchor_end = toks[match.anchor].end
    roles = Roles()
    cands = [m for m in mentions if id(m) not in excluded]
    obj_spans = [(toks[i].start, toks[i].end) for i in match.tokens[1:]]
    inside = [m for m in cands if any(m.start < e and m.end > s for s, e in obj_spans)]
    inside = [m for m in inside if not _where(lex, trig, m, _gap(doc, anchor_end, m.start))]
    before = [m for m in cands if m.end <= t_start]
    after = [m for m in cands if m.start >= anchor_end and m not in inside]
    ends = [toks[i].end for i in match.tokens] + [m.end for m in inside]
    last_el = match.trigger.elements[-1]
    markers = set().union(
        *(lex.defaults[k] for k in ("target", "agent", "of", "clause_break", "conj", "purpose"))
    )
    object_is_word = len(match.tokens) > 1 and not any(a in markers for a in last_el)
    anchor_start = toks[match.anchor].start
    covering = [m for m in cands if m.start <= anchor_start and m.end >= anchor_end]

    if (
        trig.pos == "noun"
        and trig.needs_actor
        and len(match.tokens) == 1
        and trig.cameo[:2] in HOSTILE_ROOTS
        and _genitive_complement(doc, lex, sent.start, t_start)
    ):
        roles.how.append("genitive")
        return roles  # "le vittime della guerra", "la fine della guerra": background, no event of fighting
    if trig.frame == "speaker":
        return _speaker_frame(doc, sent, match, lex, cands, speaker, roles)
    if trig.frame == "speaker_subject":
        return _speaker_subject(doc, lex, cands, speaker, roles, t_start)
    speech = trig.cameo[:2] in SPEECH_ROOTS

    # actors named inside the pattern's object ("invio di truppe nordcoreane", "ritirare le truppe russe")
    obj_actor = inside[0] if inside else None
    passive = trig.pos == "verb" and _is_passive(doc, sent, lex, match.anchor, mentions)
    passive = passive and not _stative(sent, lex, match.anchor)
    reduced = trig.pos == "verb" and not passive and _reduced_passive(sent, lex, match)
    # "Benazir Bhutto, uccisa in un attentato", "the journalist, killed in a raid", "il dj rimasto ucciso":
    # a participle clause on the person it hurt
    appositive = (
        trig.pos == "verb"
        and not passive
        and not reduced
        and trig.cameo[:2] in HOSTILE_ROOTS
        and _participle_clause(doc, sent, lex, match, before)
    )
    passive = passive or reduced or appositive
    roles.passive = passive

    agent: Mention | None = None
    of_actor: Mention | None = None
    of_patient: Mention | None = None  # the genitive of a trigger whose genitive is its target (`of: target`)
    target: Mention | None = None
    target_markers = lex.marker_res["target"] if trig.target is None else _custom(lex, trig)
    prev_end = anchor_end
    # Arabic passives and casualty words: the actor after the verb is what it was done to, not its subject
    patient_after = (
        trig.pos == "verb" and trig.after in ("target", "object") and bool(lex.defaults.get("verb_initial"))
    )
    protest_noun = trig.pos == "noun" and trig.cameo[:2] == "14"  # "la marcha, convocada por X"
    verbal_noun = _verbal_noun(doc, lex, trig, before, t_start)
    cause_owner: Mention | None = None
    if patient_after and trig.after == "object" and len(match.tokens) > 1:
        # "أدت غارة إسرائيلية إلى مقتل ...", "أسفر هجوم شنه مسلحون عن مقتل ...": the actor between the verb and
        # the casualty word owns the cause (verb-subject-object); the patient comes after the casualty word
        last_start = toks[match.tokens[-1]].start
        owners = [m for m in after if m.end <= last_start and not _hard_break(doc, anchor_end, m.start)]
        owners = [m for m in owners if not _where(lex, trig, m, _gap(doc, anchor_end, m.start))]
        if owners:
            cause_owner = owners[0]
            after = [m for m in after if m.start >= last_start]
    sides = _pair_in_pattern(doc, sent, lex, match, mentions, cands)
    if sides is not None:  # "enfrentamientos ENTRE guerrilleros y tropas": the pattern holds "entre"
        of_actor, target = sides
        roles.how.append("pair")
    for m in [] if sides is not None else after:
        prev_end = max([prev_end] + [e for e in ends if e <= m.start])
        if m.start - t_end > TARGET_WINDOW or _hard_break(doc, prev_end, m.start):
            break
        if lex.lang == "en" and "," in doc.text[prev_end : m.start] and _reports(doc, lex, m):
            break  # "…, killing 40 soldiers, the Interfax news agency reported": the reporter is no target
        if m.start > t_end and not speech and _break_between(doc, t_end, m.start, lex):
            break
        if m.start > t_end and _next_clause_subject(doc, sent, lex, t_end, m):
            break  # "bloquearon la carretera y la policía los desalojó": the police start a clause of their own
        if _purpose_between(sent, lex, prev_end, m.start):
            break  # "… per combattere la Russia": a hostile purpose clause is an event of its own
        gap = _gap(doc, prev_end, m.start)
        if _where(lex, trig, m, gap) or (
            trig.pos == "noun"
            and trig.cameo[:2] in HOSTILE_ROOTS
            and m.kind in CITY_KINDS
            and prev_end == t_end
            and gap in lex.defaults["of"]
        ):
            prev_end = m.end
            continue  # "protestaron en Jerusalén contra X", "die Anschläge von Brüssel": where, not who
        if (
            trig.pos == "noun"
            and trig.cameo[:2] in HOSTILE_ROOTS
            and target is None
            and prev_end == t_end
            and _casualty_after(doc, lex, t_end, predicative=False)
            and len(gap.split()) == 1
        ):
            target = m  # "der bei dem Anschlag getötete Journalist": the one the attack killed
            prev_end = m.end
            continue
        if (
            gap == ""
            and prev_end == t_end
            and obj_actor is None
            and object_is_word
            and trig.object_role == "source"
        ):
            obj_actor = m  # "truppe | nordcoreane": the owner of the pattern's object
        elif (
            gap == ""
            and prev_end == t_end
            and trig.pos == "noun"
            and of_actor is None
            and (len(match.tokens) == 1 or object_is_word)
        ):
            of_actor = m  # "l'invasione | russa"
        elif (
            (trig.pos == "noun" or object_is_word)
            and lex.marker_res["pair"].match(gap)
            and of_actor is None
            and agent is None
        ):  # "enfrentamientos entre A y B", also as a verb's object ("registraron enfrentamientos entre")
            group = compound_group(doc, lex, mentions, mentions.index(m)) if m in mentions else [m]
            if len(group) > 1 and group[0] is m:
                of_actor, target = group[0], group[1]  # "relazioni tra Pyongyang e Seul"
                roles.how.append("pair")
                break
            if target is None:
                target = m
        elif (
            agent is None
            and (passive or trig.pos == "noun" or patient_after)
            and (
                _marker(lex.marker_res["agent"], gap)
                or (passive and _agent_tail(lex, gap))
                or (protest_noun and prev_end == t_end and _participle_agent(lex, gap))
            )
        ):
            if m.start - prev_end <= SOURCE_GAP:
                agent = m
        elif (
            trig.pos == "noun"
            and trig.of_role == "target"
            and lex.marker_res["of"].match(gap)
            and target is None
            and of_patient is None
            and m.start - t_end <= SOURCE_GAP
        ):
            of_patient = m  # "l'invasione (russa) dell'Ucraina", "the bombing of Gaza": what it was done to
        elif (
            trig.pos == "noun"
            and lex.marker_res["of"].match(gap)
            and of_actor is None
            and target is None
            and m.start - t_end <= SOURCE_GAP
        ):
            of_actor = m
        elif (
            target is None
            and (not patient_after or _patient_gap(lex, gap))
            and (
                (trig.pos == "verb" and (trig.target is None or _tail(trig.target, gap)))
                or (verbal_noun and _verbal_object(gap))
                or target_markers.match(gap)
                or gap == ""
            )
        ):
            if (
                trig.pos == "verb"
                and not passive
                and lex.marker_res["agent"].match(gap)
                and not (trig.target and _tail(trig.target, gap))  # "investigate crimes BY X": X is
            ):
                pass  # "riceve aiuti da X" is not a target
            elif (
                trig.pos == "verb"
                and not passive
                and (trig.cameo[:2] in HOSTILE_ROOTS or _participle_before_agent(lex, gap))
                and _agent_tail(lex, gap)
            ):  # also "agreed to ... in a deal brokered by X": who brokered it did not agree with them
                pass  # "the truck hit a mine laid by X": who laid it was not hit ("condemned the attack by X" is)
            else:
                target = m
        prev_end = m.end
        verb_done = trig.pos == "verb" and not patient_after  # the patient's agent may follow it
        if target is not None and (agent is not None or of_actor is not None or verb_done):
            break
    if of_patient is not None:
        if target is None:
            target = of_patient
            roles.how.append("of-patient")
        elif of_actor is None:
            of_actor = (
                of_patient  # "der Einmarsch der Türkei in Syrien": with a destination, the genitive went
            )

    subject: Mention | None = None
    victim: Mention | None = None
    asides: list[tuple[int, int]] | None = None
    for near in reversed(before[-3:]):
        # the nearest actor before the trigger, skipping ones inside a prepositional phrase ("Security
        # forces IN GUINEA have tortured ...": the forces are the subject)
        gap_text = _gap(doc, near.end, t_start)
        gap_words = [w for w in gap_text.split() if any(ch.isalnum() for ch in w)]  # " , " is no word
        if _hard_break(doc, near.end, t_start) or (trig.pos == "noun" and len(gap_words) > 6):
            break
        pre = _norm(doc.text[max(sent.start, near.start - 25) : near.start]).split()
        if len(pre) > 1 and pre[-1] in ARTICLES and pre[-1] not in lex.defaults["target"]:
            pre = pre[:-1]  # "Rebels in THE Ivory Coast": the preposition decides
        last = pre[-1] if pre else ""
        if asides is None:
            asides = _asides(doc, sent, lex)
        if any(a <= near.start and near.end <= b <= t_start for a, b in asides):
            continue  # "israelíes -la mayoría colonos- habían manifestado": the aside is not the subject
        if trig.pos == "noun" and trig.cameo[:2] in HOSTILE_ROOTS and _genitive_of(lex, gap_text):
            break  # "le vittime della guerra": the people the hostile noun's genitive qualifies did not fight
        if trig.pos == "noun" and near.kind in PLACE_KINDS and last in _grammar(lex, "locative"):
            continue  # "en Guatemala se realizaron marchas": where, not who
        if near.kind in PLACE_KINDS and _placed(lex, pre):
            continue  # "a village in western Cambodia after fierce fighting": where, not who
        if _where_before(doc, lex, trig, before, near, sent.start):
            continue  # "وفي بلدة X شمال Y اطلقت دبابة ...": a place phrase before the verb, not its subject
        if trig.pos == "verb" and _second_predicate(lex, gap_text):
            continue  # "X ha ringraziato il governo e ha invitato Y": the first verb's object is no subject
        modifier = gap_text == "" and near.kind not in PLACE_KINDS  # "in a REBEL attack": who attacked
        hostile_noun = trig.pos == "noun" and trig.cameo[:2] in HOSTILE_ROOTS
        if hostile_noun and gap_text == "" and near.kind in CITY_KINDS:
            continue  # "the Paris attacks": where they happened, not who attacked
        if (
            not (target_markers.match(last) and last not in lex.defaults["of"])
            or trig.pos == "noun"
            or modifier
        ):
            subject = near
            if trig.cameo[:2] in HOSTILE_ROOTS and _passive_before(lex, gap_text):
                victim, subject = near, None  # "three workers were killed in a bomb attack": they were hit
            elif hostile_noun and _casualty_after(doc, lex, t_end, predicative=True):
                victim, subject = near, None  # "die Soldaten, die bei dem Angriff verletzt wurden"
            elif trig.pos == "noun" and last in lex.defaults["agent"]:
                victim = _passive_patient(doc, lex, before, near)  # "X wurde von Y in Gewahrsam genommen"
            break
    if trig.pos == "noun" and subject is not None and subject.end < t_start - 60:
        subject = None
    if subject is not None and trig.cameo[:2] in HOSTILE_ROOTS and _nominal(sent, lex, match):
        if _casualty_before(doc, lex, subject, t_start):
            victim, subject = subject, None  # "four children have died in an explosion": they were hit
        elif not _agent_of_noun(doc, sent, lex, match, subject):
            subject = None  # "Egypt condemned the attack on the convoy": who condemns did not attack
    if subject is not None and subject in cands:
        subject = _genitive_head(doc, lex, cands, subject)

    if (
        trig.pos == "verb"
        and lex.defaults.get("verb_final")
        and not _actor_after_in_clause(doc, after, t_end, lex)
    ):
        final = _verb_final(doc, sent, lex, match, cands, roles)
        if final is not None:
            return _compound_sources(doc, lex, mentions, excluded, final)

    if trig.pos == "noun":
        if of_actor is not None and object_is_word and trig.object_role == "target" and target is None:
            # "un combate con tropas DEL EJÉRCITO": the owner of the pattern's object is on its side
            of_actor, target = None, of_actor
            roles.how.append("object-of")
        if (
            "pair" in roles.how
            and subject is not None
            and subject is not of_actor
            and trig.cameo[:2] not in HOSTILE_ROOTS
        ):
            # "X launched a mediation between A and B": X acts on A (and B), not A on B; but "fighting between
            # A and B" is A against B, whoever is the sentence's subject
            of_actor, target = None, of_actor
        owner = obj_actor if trig.object_role == "source" else None
        if owner is not None and _role_only(owner) and covering and not _role_only(covering[0]):
            owner = covering[0]
        if agent is not None and of_actor is not None and of_actor is not agent and target is None:
            # "l'invasion de l'Ukraine par la Russie": with an agent named, the genitive is what it was done to
            of_actor, target = None, of_actor
            roles.how.append("of-patient")
        src = agent or of_actor or owner or (covering[0] if covering else None)
        if (
            src is not None
            and _role_only(src)
            and subject is not None
            and not _role_only(subject)
            and agent is None
            and of_actor is None
        ):
            src = subject  # "la Corea del Nord … l'invio di truppe": a bare role noun is not the actor
        if src is None and subject is not None:
            src, note = subject, "subject"
        else:
            note = (
                "agent"
                if src is agent and agent
                else "of"
                if src is of_actor and of_actor
                else "subject"
                if src is subject
                else "object"
            )
        if obj_actor is not None and trig.object_role == "target" and target is None:
            target = obj_actor
        if src is not None:
            roles.how.append(note)
            roles.sources = [src]
        roles.target = target if target is not src else None
        if victim is not None and roles.target is None and victim is not src:
            roles.target = victim
            roles.how.append("passive-victim")
    elif passive:
        if reduced and subject is not None and _gap(doc, subject.end, t_start) not in ("", ","):
            subject = None  # "met X at a lunch hosted by Y": the lunch was hosted, not X
        if (
            agent is None
            and obj_actor is not None
            and _agent_tail(lex, _gap(doc, anchor_end, obj_actor.start))
        ):
            agent = obj_actor  # "were killed by PKK militants" matched "kill ... militants": the agent
        roles.sources = [agent] if agent else []
        roles.target = subject
        roles.how.append("passive")
        if subject is None:
            post = _postposed(doc, sent, lex, trig, after, t_start, t_end, agent)
            if post is not None:
                roles.target = post  # "Fueron detenidos por la policía cinco dirigentes": who was arrested
                roles.how.append("postposed-subject")
    else:
        src = agent if (patient_after and agent is not None) else subject
        if cause_owner is not None and agent is None:
            src = cause_owner
            roles.how.append("cause-owner")
        if "pair" in roles.how:
            # "se registraron combates entre A y B": A → B; "X sostuvo combates entre A y B": X → A
            src, target = (of_actor, target) if src is None else (src, of_actor)
        if patient_after and obj_actor is not None and (target is None or obj_actor.start < target.start):
            target = obj_actor  # "قتل 13 عراقيا": the victims named in the pattern's object
        before_is_patient = patient_after and trig.after == "target" and subject is not None
        if before_is_patient and (target is None or _place_only(target, subject)):
            # nothing after the verb but a place: the actor before it is the victim ("جنديا أميركيا قتل")
            src, target = agent, subject
            roles.how.append("patient-before")
        if src is None and lex.defaults.get("verb_initial") and not patient_after:
            # verb-subject-object (Arabic): the first actor after the verb is its subject, the next the target
            post = [m for m in after if m is not agent and not _hard_break(doc, t_end, m.start)]
            if obj_actor is not None and trig.object_role == "source":
                # the subject is named in the pattern ("قتلت القوات الاميركية 11 مسلحا"): the next actor is the
                # target; a place in the pattern ("اندلعت في نواكشوط مظاهرات") is where, not who
                post = [m for m in post if m is not obj_actor]
                if _where(lex, trig, obj_actor, _gap(doc, t_start, obj_actor.start)):
                    obj_actor = None
                    src, target = _verb_initial(doc, lex, trig, post, t_end)
                else:
                    src, target = obj_actor, _verb_object(doc, lex, trig, post, obj_actor.end)
                roles.how.append("verb-initial")
            elif post:
                src, target = _verb_initial(doc, lex, trig, post, t_end)
                roles.how.append("verb-initial")
        if src is None and not patient_after and trig.subject == "source":
            post = _postposed(doc, sent, lex, trig, after, t_start, t_end, agent)
            if post is not None:
                # "Protestaron ayer miles de campesinos contra el gobierno": the subject follows its verb
                rest = [m for m in after if m.start >= post.end and not _hard_break(doc, post.end, m.start)]
                src, target = post, _verb_object(doc, lex, trig, rest, post.end)
                roles.how.append("postposed-subject")
        if src is None and obj_actor is not None and trig.object_role == "source" and not patient_after:
            src = obj_actor
            roles.how.append("object")
        if src is None and speaker is not None and _has_first_person(sent, lex, match.anchor):
            src = speaker
            roles.how.append("speaker-first-person")
        elif src is None and speaker is not None and _has_pronoun(sent, lex, match.anchor):
            src = speaker  # "Switzerland said it had expelled ...": the pronoun is the speaker
            roles.how.append("speaker-pronoun")
        if src is not None:
            roles.sources = [src]
            if not {"object", "speaker-first-person", "speaker-pronoun"} & set(roles.how):
                roles.how.append("subject")
        if obj_actor is not None and trig.object_role == "target" and target is None:
            target = obj_actor
        if victim is not None and target is None and victim is not src:
            target = victim
            roles.how.append("passive-victim")
        roles.target = target
        if trig.subject == "target":
            victim = src
            if victim is None and trig.target is not None:
                victim = _postposed_subject(doc, lex, after, t_end, target)
            roles.sources, roles.target = ([roles.target] if roles.target else []), victim
            roles.how.append("subject-is-target")

    if speaker is not None and not roles.sources and roles.target is None and _own_people(sent, lex, match):
        # "أعلن الجيش الأميركي مقتل اثنين من جنوده": the announcer lost its own people; it is what was hit
        roles.target = speaker
        roles.how.append("speaker-own-people")
    if trig.cameo[:2] in HOSTILE_ROOTS and (roles.target is None or (roles.target.role or "") == "CVL"):
        owner = _owner_hit(doc, sent, lex, after + before[::-1])
        if owner is not None:
            # "مقتل 15 شخصا في هجوم استهدف دورية للجيش الأميركي": the army was hit; "انفجرت قرب مقر X": X
            # was what the blast was aimed at, not who set it off
            roles.sources = [m for m in roles.sources if m is not owner]
            roles.target = owner
            roles.how.append("owner-hit")
    inverted = _inverted_subject(doc, sent, lex, trig, cands, t_start, anchor_end, bool(roles.sources))
    if inverted is not None and (speech or not roles.sources):
        roles.sources, roles.target = [inverted[0]], inverted[1]
        roles.how.append("inverted-speaker")

    roles = _compound_sources(doc, lex, mentions, excluded, roles)
    roles.sources = [_refined(doc, lex, mentions, m) for m in roles.sources]
    if roles.target is not None:
        roles.target = _refined(doc, lex, mentions, roles.target)
    within = roles.target is not None and t_start <= roles.target.start and roles.target.end <= t_end
    if trig.symmetric and len(roles.sources) > 1 and within:
        word = _gap_before(doc, roles.target, t_start)
        if not (word and target_markers.match(word)):
            # "X und Y haben ein Abkommen über ... Z unterzeichnet": they sign with each other; Z is what it is about
            roles.target = None
    return roles


OWN_COUNT_WORDS = 2  # words of a count before the partitive ("مقتل ثلاثة من", "مقتل 15 من")


def _own_people(sent: Sentence, lex: Lexicon, match: TriggerMatch) -> bool:
    """A hostile casualty word followed by a count and a partitive with a possessive suffix ("مقتل اثنين من
    جنوده", "مقتل أحد عناصرها"): the victims are the people of whoever reports it (markers own_partitive and
    own_suffix; languages without them never match)."""
    trig, toks = match.trigger, sent.tokens
    partitive, suffixes = set(_grammar(lex, "own_partitive")), tuple(_grammar(lex, "own_suffix"))
    if not partitive or not suffixes or trig.cameo[:2] not in HOSTILE_ROOTS or trig.after != "target":
        return False
    nxt = [_norm(t.text) for t in toks[match.tokens[-1] + 1 : match.tokens[-1] + 2 + OWN_COUNT_WORDS + 1]]
    for i, word in enumerate(nxt[:-1]):
        if word in partitive:
            owned = nxt[i + 1]
            return len(owned) >= 4 and not owned.startswith("ال") and owned.endswith(suffixes)
    return False


OWNER_REACH = 4  # words before an owner in which the thing it owns and the word aiming at it stand


def _owner_hit(doc: Doc, sent: Sentence, lex: Lexicon, mentions: list[Mention]) -> Mention | None:
    """The owner of a place or thing an attack was aimed at, among `mentions` ("استهدف دورية
    مشتركة للقوات العراقية", "لدى مرور دورية للجيش الأميركي", "قرب مقر حزب X"): markers aimed_at, possessed
    and owned_things (the words that may stand with the thing). None in languages without them."""
    aims, owned = set(_grammar(lex, "aimed_at")), set(_grammar(lex, "possessed"))
    extra = set(_grammar(lex, "owned_things"))
    if not aims or not owned:
        return None
    for m in mentions:
        if m.kind in PLACE_KINDS or m.end > sent.end:
            continue
        words = _norm(doc.text[max(sent.start, m.start - 60) : m.start]).replace(",", " ").split()
        head = _norm(m.text).split()[:1]
        words = words[-OWNER_REACH:] + [w for w in head if w in owned]  # "دورية للجيش" may be one mention
        k = len(words)
        while k > 0 and (words[k - 1] in owned or words[k - 1] in extra):
            k -= 1  # the things right before the owner ("دورية مشتركة", "مقر اقامة")
        if k > 0 and words[k - 1] in aims and owned & set(words[k:]):
            return m
    return None


def _pair_in_pattern(
    doc: Doc, sent: Sentence, lex: Lexicon, match: TriggerMatch, mentions: list[Mention], cands: list[Mention]
) -> tuple[Mention, Mention] | None:
    """The two sides of a pattern that holds the pair marker ("combate|enfrentamiento entre ... tropa"): the
    coordinated actors right after "entre" ("entre guerrilleros del ELN y tropas del Ejército")."""
    toks = sent.tokens
    pair = set(lex.defaults["pair"])
    at = next((i for i in match.tokens[1:] if _norm(toks[i].text) in pair), None)
    if at is None:
        return None
    first = next((m for m in cands if m.start >= toks[at].end), None)
    if first is None or first not in mentions or _gap(doc, toks[at].end, first.start) not in ("", *ARTICLES):
        return None
    group = compound_group(doc, lex, mentions, mentions.index(first))
    if len(group) < 2 or group[0] is not first:
        return None
    return group[0], group[1]


COMPASS = {
    "en": frozenset(
        {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west"}
    ),
}


def _placed(lex: Lexicon, pre: list[str]) -> bool:
    """The words before a place (articles already dropped) end with "in" and at most a compass word ("in
    western", "in northern"): the place says where something happened."""
    compass = COMPASS.get(lex.lang, frozenset())
    if pre and pre[-1] in compass:
        pre = pre[:-1]
    return bool(pre) and pre[-1] in LOCATED_IN.get(lex.lang, ())


# roles that are often foreigners where they are (refugees, troops, visiting ministers, envoys, reporters): no
# country from "in"
NOT_LOCAL = frozenset({"REF", "MIL", "GOV", "IGO", "NGO", "MED"})
LOCATED_IN = {"en": ("in",), "it": ("in",), "es": ("en",), "fr": ("en", "au", "aux"), "de": ("in", "im")}


# words after refugees that name the country they come from ("refugees from Liberia", "refugees fleeing the
# civil war in Liberia"); at most FLEEING_WORDS words up to the country
FLED_FROM = {"en": ("from", "fleeing", "who fled", "escaping")}
FLEEING_WORDS = 6


def _reports(doc: Doc, lex: Lexicon, m: Mention) -> bool:
    """The mention heads the subject of a reporting verb after it, at most REPORTER_WORDS words on ("the news
    agency reported", "the Zimbabwean state broadcaster reported"): a closing reporting frame (speech verbs of
    data/qualifiers)."""
    verbs = (qualifier_data(lex.lang).get("attribution") or {}).get("speech_verbs") or ()
    text = _norm(doc.text[m.end : m.end + 60]).strip()
    head = re.match(r"[^\W\d_]+(?:\s+[^\W\d_]+){0," + str(REPORTER_WORDS + 3) + "}", text)
    after = head.group(0).split() if head else []
    return any(
        after[i : i + len(v.split())] == v.split()
        for v in verbs
        for i in range(min(len(after), REPORTER_WORDS + 1))
    )


# words between a reporter's mention and its verb ("Zimbabwean | state broadcaster | reported")
REPORTER_WORDS = 2


def _participle_before_agent(lex: Lexicon, gap: str) -> bool:
    """The word before the gap's closing agent marker is a participle ("a deal brokered by", "a plan
    proposed by"): the actor after it is that participle's agent; "the attack by" names no participle."""
    if lex.lang != "en":  # measured: in Spanish "por" after a participle often names the target still
        return False
    words = gap.replace(",", " ").split()
    if len(words) < 2 or words[-1] not in lex.defaults["agent"]:
        return False
    word = words[-2]
    return len(word) > 4 and word.isalpha() and word.endswith(tuple(lex.defaults["participle"]))


def _fled_from(doc: Doc, lex: Lexicon, mentions: list[Mention], m: Mention) -> Mention:
    """Refugees with no country who come from or flee a named country ("refugees fleeing the civil war in
    Liberia", "refugees from Syria") are that country's refugees (LBRREF); refugees *in* a country are not
    its own (NOT_LOCAL)."""
    words = FLED_FROM.get(lex.lang)
    if not words or not _role_only(m) or m.members or m.code[3:6] != "REF":
        return m
    place = next((x for x in mentions if x.start >= m.end), None)
    if place is None or place.kind not in ("country", "place", "capital", "demonym") or not place.country:
        return m
    gap = _norm(_gap(doc, m.end, place.start))
    if not gap.startswith(words) or len(gap.split()) > FLEEING_WORDS or any(ch in gap for ch in ",;:()"):
        return m
    return replace(m, code=place.country + m.code[3:], country=place.country)


def _located(doc: Doc, lex: Lexicon, mentions: list[Mention], m: Mention) -> Mention:
    """A role noun with no country placed in one ("rebels in the Ivory Coast", "security forces in Guinea",
    "los guerrilleros en Colombia"): that country's role (CIVREB, GINCOP). Only with nothing but the
    preposition, an article or a compass word between; anything else stays ---ROLE."""
    if not _role_only(m) or m.members or m.code[3:6] in NOT_LOCAL:
        return m
    place = next((x for x in mentions if x.start >= m.end), None)
    if place is None or place.kind not in PLACE_KINDS or not place.country:
        return m
    words = _gap(doc, m.end, place.start).split()
    between = ARTICLES | COMPASS.get(lex.lang, frozenset())  # "in the", "in northern"
    if not words or words[0] not in LOCATED_IN.get(lex.lang, ()) or not all(w in between for w in words[1:]):
        return m
    return replace(m, code=place.country + m.code[3:], country=place.country)


def _compound_sources(
    doc: Doc, lex: Lexicon, mentions: list[Mention], excluded: set[int], roles: Roles
) -> Roles:
    """A coordinated subject ("A e B", "A and B"): every member is a source."""
    if len(roles.sources) == 1 and roles.sources[0] in mentions and "pair" not in roles.how:
        group = compound_group(doc, lex, mentions, mentions.index(roles.sources[0]))
        if len(group) > 1:
            roles.sources = [g for g in group if id(g) not in excluded]
            roles.how.append("compound")
    return roles


def _actor_after_in_clause(doc: Doc, after: list[Mention], t_end: int, lex: Lexicon) -> bool:
    if not after:
        return False
    between = doc.text[t_end : after[0].start]
    if any(ch in between for ch in ".,;:"):
        return False
    return not set(_norm(between).split()) & set(lex.defaults["conj"])  # "… getötet und vier Israelis …"


def _verb_final(
    doc: Doc, sent: Sentence, lex: Lexicon, match: TriggerMatch, cands: list[Mention], roles: Roles
) -> Roles | None:
    """German main clauses put the participle last ("Russland hat die Ukraine angegriffen") and subordinate
    clauses the verb ("..., dass Russland die Ukraine angegriffen habe"): the clause's first actor is the
    source and the next one the target; an actor after "von/durch" is the agent of a passive."""
    toks = sent.tokens
    anchor_start = toks[match.anchor].start
    clause_start = sent.start
    stop = match.anchor
    while True:
        comma = False
        for k in range(stop - 1, -1, -1):
            word = _norm(toks[k].text)
            if word in (",", ";", ":") or word in lex.defaults["clause_break"]:
                clause_start, comma, stop = toks[k].end, word == ",", k
                break
        else:
            clause_start, stop = sent.start, 0
        inside = [m for m in cands if clause_start <= m.start and m.end <= anchor_start]
        # "X und Y haben am Montag, dem 18. Dezember, in Vilnius ... unterzeichnet": a comma after which the
        # clause goes on with a place ("in Vilnius") only set off a date: the subject stands before it
        if not comma or not inside or _gap_before(doc, inside[0], clause_start) not in LOCATIVE_DE:
            break
    antecedent = _relative_antecedent(doc, sent, cands, clause_start, comma)
    if antecedent is not None and not any(
        m for m in inside if not _marker(lex.marker_res["agent"], _gap_before(doc, m, clause_start))
    ):
        # "der Journalist, der (von Soldaten) getötet wurde": the relative pronoun's head
        inside = [antecedent] + inside
    if not inside:
        return None
    agent = next(
        (m for m in inside if _marker(lex.marker_res["agent"], _gap_before(doc, m, clause_start))), None
    )
    aux = set(lex.defaults["passive_aux"])
    after_verb = []  # "… getötet und … verletzt worden": the passive auxiliary closes the clause
    for t in toks[match.tokens[-1] + 1 :]:
        if t.text in (",", ";", ":", ".", "!", "?"):
            break
        after_verb.append(t)
    passive = any(_norm(t.text) in aux for t in toks if clause_start <= t.start < anchor_start) or any(
        _norm(t.text) in aux for t in after_verb
    )
    if passive and agent is not None:
        others = [
            m for m in inside if m is not agent and _gap_before(doc, m, clause_start) not in LOCATIVE_DE
        ]
        roles.sources, roles.target = [agent], (others[0] if others else None)
        roles.passive = True
        roles.how.append("verb-final-passive")
        return roles
    if passive:
        roles.sources, roles.target = [], inside[-1]  # the patient nearest the participle
        roles.passive = True
        roles.how.append("verb-final-passive")
        return roles
    subjects = [m for m in inside if _gap_before(doc, m, clause_start) not in LOCATIVE_DE] or inside
    roles.sources = [subjects[0]]
    group = (
        compound_group(doc, lex, cands, cands.index(subjects[0])) if subjects[0] in cands else [subjects[0]]
    )
    rest = [m for m in subjects[1:] if m not in group]
    marked = bool(rest) and _marker(lex.marker_res["target"], _gap_before(doc, rest[0], clause_start))
    if len(group) > 1 and match.trigger.symmetric and not marked:
        rest = []  # "Deutschland und Litauen haben einen Fahrplan ... unterzeichnet": with each other
    roles.target = rest[0] if rest else None
    roles.how.append("verb-final")
    return roles


RELATIVE_DE = frozenset({"der", "die", "das", "den", "dem", "denen", "welcher", "welche", "welches"})


def _relative_antecedent(doc: Doc, sent: Sentence, cands: list[Mention], clause_start: int, comma: bool):
    """The actor right before ", der/die ..." (a German relative clause): the relative pronoun stands for it."""
    if not comma:
        return None
    words = _norm(doc.text[clause_start : clause_start + 12]).split()
    if not words or words[0] not in RELATIVE_DE:
        return None
    head = next((m for m in reversed(cands) if m.end <= clause_start - 1), None)
    if head is None or head.start < sent.start or _gap(doc, head.end, clause_start) != ",":
        return None
    return head


def _gap_before(doc: Doc, m: Mention, lo: int) -> str:
    """The last few words before a mention (for "von Russland": "von")."""
    words = _norm(doc.text[max(lo, m.start - 20) : m.start]).split()
    return words[-1] if words else ""


def _marker(regex: re.Pattern[str], gap: str) -> bool:
    """The gap between a trigger and an actor is one of the markers, with at most an article after it
    ("contro il", "da parte della", "por el"); "por informe de" is not the agent marker "por"."""
    found = regex.match(gap)
    if found is None:
        return False
    rest = gap[found.end() :].strip(" '")
    return not rest or (len(rest.split()) == 1 and rest in ARTICLES)


def _purpose_between(sent: Sentence, lex: Lexicon, start: int, end: int) -> bool:
    """A purpose marker followed by an infinitive between two offsets ("per combattere", "pour aider")."""
    purpose = lex.defaults["purpose"]
    endings = lex.defaults["infinitive"]
    if not purpose or not endings:
        return False
    toks = [t for t in sent.tokens if start <= t.start and t.end <= end]
    for a, b in zip(toks, toks[1:], strict=False):
        word = b.text.lower()
        if a.text.lower() in purpose and word.endswith(endings) and (b.lemma or word).lower() == word:
            # "per aiutare X" names the beneficiary; "per combattere X" starts a hostile act of its own
            return any(t.cameo[:2] in HOSTILE_ROOTS for t in lex.candidates(token_keys(b)))
    return False


PLACE_KINDS = frozenset({"place", "capital", "country"})


def _place_only(after: Mention, before: Mention) -> bool:
    """The actor after a casualty word is only where it happened ("بانفجار سيارة مفخخة وسط مدينة تلعفر") and
    the one before it is a people or a body: the one before is the victim."""
    return after.kind in PLACE_KINDS and before.kind not in PLACE_KINDS


PATIENT_GAP_WORDS = 3  # words between a passive Arabic verb and its patient ("قتل 20 شخصا", "مقتل ثلاثة من")
PATIENT_MARKERS = frozenset({"على", "ضد"})  # "انفجرت على دورية": what a blast or an attack hit


def _patient_gap(lex: Lexicon, gap: str) -> bool:
    """The words between an Arabic passive or casualty word and an actor leave it the patient: a few words (a
    count, "من", "على"), no other preposition ("في هجوم انتحاري", "بانفجار"), no new clause."""
    words = gap.replace(",", " , ").split()
    if len(words) > PATIENT_GAP_WORDS:
        return False
    stop = (
        set(lex.defaults["target"]) | set(lex.defaults["clause_break"]) | set(lex.defaults["agent"]) | {","}
    ) - PATIENT_MARKERS
    return not any(w in stop or (w[:1] == "ب" and len(w) > 3 and not w[1:].isdigit()) for w in words)


def _verb_initial(
    doc: Doc, lex: Lexicon, trig, post: list[Mention], t_end: int
) -> tuple[Mention | None, Mention | None]:
    """Subject and object after a sentence-initial verb (verb-subject-object): the first actor is the subject,
    a later one the target (_verb_object); places after a locative are neither ("خرج المتظاهرون الى الشوارع
    في سريناجار": where, not who or whom)."""
    kept = _not_where(doc, lex, trig, post, t_end)
    if not kept:
        return None, None
    # the subject follows its verb bare: an actor after a preposition ("تظاهر الآلاف ضد الحكومة", "احتجوا على
    # قرار الوزير") is what the act is against or about, never who acted
    if _prepositional(lex, kept[0][1], hostile=trig.cameo[:2] in HOSTILE_ROOTS):
        return None, _verb_object(doc, lex, trig, [m for m, _ in kept], t_end)
    subject, rest = kept[0][0], [m for m, _ in kept[1:]]
    if trig.object_role == "target" and trig.target and subject.end <= t_end:
        # a periphrasis whose subject stands inside the pattern ("قام جنود بقتل المدنيين"): the actor right
        # after the verbal noun is its object, with no preposition of its own
        direct = next((m for m in rest if m.start >= t_end and not _gap(doc, t_end, m.start).strip()), None)
        if direct is not None:
            return subject, direct
    return subject, _verb_object(doc, lex, trig, rest, subject.end)


def _prepositional(lex: Lexicon, gap: str, hostile: bool = False) -> bool:
    """The words before an actor end with a target preposition ("ضد", "على", "إلى"): it is no subject. A
    locative one ("العرب في اسرائيل") may still name whose people acted. An actor that owns a place or thing
    named after a preposition ("قرب مقر إقامة X", markers possessed/owner_prepositions) or right after the
    verb ("استهدف منزل X") is what a hostile act touched."""
    words = _norm(gap).split()
    owned = set(_grammar(lex, "possessed"))
    if hostile and words and words[-1] in owned:
        while words and words[-1] in owned:
            words = words[:-1]  # "قرب مقر إقامة X": X owns what the preposition names; it was touched
        if not words:
            return True  # "انفجرت سيارة الوزير", "استهدف منزل X": a hostile act on X's things
        return words[-1] in _grammar(lex, "owner_prepositions")
    return bool(words) and words[-1] in lex.defaults["target"] and words[-1] not in _grammar(lex, "locative")


def _verb_object(doc: Doc, lex: Lexicon, trig, post: list[Mention], start: int) -> Mention | None:
    """The target among the actors after a verb's subject: a trigger that names its target words ("ضد",
    "يسقط") takes only an actor they introduce; otherwise the next actor that is not a place after a
    locative."""
    kept = _not_where(doc, lex, trig, post, start)
    # no object beyond an adverbial clause's opening ("احتشد المتظاهرون بعدما اوقفت القوى الامنية ..."); a
    # relative clause only qualifies a noun, and a statement's "that" clause holds its target ("أكد أن بلاده")
    breaks = set(lex.defaults["clause_break"]) - set(lex.defaults["purpose"]) - COMPLEMENTIZERS
    cut = next(
        (i for i, (m, _) in enumerate(kept) if breaks & set(_norm(doc.text[start : m.start]).split())), None
    )
    kept = kept if cut is None else kept[:cut]
    if kept and not kept[0][1].strip() and kept[0][0].start > start and _qualifies(doc, start, kept[0][0]):
        kept = kept[1:]  # right after the subject, an actor only qualifies it ("مهاجم انتحاري")
    if trig.target:  # a chant in quotes ("«يسقط بوش»") still names its target
        kept = [(m, QUOTES.sub(" ", gap)) for m, gap in kept]
        kept = [(m, gap) for m, gap in kept if _tail(trig.target, gap) or _marker(_custom(lex, trig), gap)]
    return kept[0][0] if kept else None


def _qualifies(doc: Doc, subject_end: int, m: Mention) -> bool:
    """An indefinite actor right after an indefinite subject, not in the accusative, is its adjective ("مهاجم
    انتحاري", "مسلحون مجهولون"); a definite one ("اعتقلت الشرطة المتظاهرين") or an accusative one ("اختطف
    مسلحون صحفيا") is the object."""
    words = _norm(doc.text[max(0, subject_end - 30) : subject_end]).split()
    subject_word = words[-1] if words else ""
    word = _norm(m.text).split()[0] if _norm(m.text).split() else ""
    definite = ("ال", "وال", "بال", "لل", "فال")
    if subject_word.startswith(definite) or word.startswith(definite):
        return False
    return not word.endswith(("ا", "اً", "ين"))


QUOTES = re.compile(r"[«»“”\"]")
COMPLEMENTIZERS = frozenset({"أن", "إن", "ان", "انه", "أنه", "إنه"})  # Arabic "that": a statement's content
WHERE_REACH = 20  # characters before an actor inside a pattern in which its locative is looked for


def _not_where(doc: Doc, lex: Lexicon, trig, post: list[Mention], start: int) -> list[tuple[Mention, str]]:
    """The mentions (with the text before each) that are not places after a locative."""
    kept: list[tuple[Mention, str]] = []
    prev = start
    for m in post:
        # an actor between the pattern's words ("اندلعت في نواكشوط مظاهرات"): the words right before it
        gap = _gap(doc, prev if prev <= m.start else max(0, m.start - WHERE_REACH), m.start)
        prev = max(prev, m.end)
        if not _where(lex, trig, m, gap) and not _place_phrase(lex, m, gap):
            kept.append((m, gap))
    return kept


def _place_phrase(lex: Lexicon, m: Mention, gap: str) -> bool:
    """A city after a word of location ("وسط بغداد", "شمال كركوك", "في مدينة الموصل"; the language's
    `places.locatives` in data/qualifiers): where it happened, neither who acted nor whom it touched."""
    if m.kind not in CITY_KINDS:
        return False
    words = (qualifier_data(lex.lang).get("places") or {}).get("locatives") or ()
    return bool(words) and _tail(words, gap)


STANCE_PREFIXES = ("anti-", "pro-")  # "anti-American protesters", "pro-Russian separatists"


def _refined(doc: Doc, lex: Lexicon, mentions: list[Mention], m: Mention) -> Mention:
    """The actor a chosen mention stands for: a role with its country from a demonym before it or a place
    after "in" (_headed, _qualified, _located); a role whose demonym follows "anti-" or "pro-" ("anti-American
    protesters", "pro-Russian separatists") is for or against that country, not of it: ---ROLE."""
    m = _located(doc, lex, mentions, _qualified(doc, lex, mentions, _headed(doc, lex, mentions, m)))
    m = _fled_from(doc, lex, mentions, m)
    before = doc.text[max(0, m.start - 5) : m.start].lower()
    if len(m.code) > 3 and not m.code.startswith(("---", "IGO", "NGO")) and before.endswith(STANCE_PREFIXES):
        return replace(m, code="---" + m.code[3:], country=None)
    return m


QUALIFIED_WORDS = 2  # "Nigerian JUNIOR foreign minister", "British AID worker": adjectives between


def _headed(doc: Doc, lex: Lexicon, mentions: list[Mention], m: Mention) -> Mention:
    """A bare demonym chosen as an actor whose noun is a role a word or two later ("Turkish Kurd refugees",
    "Syrian Kurdish fighters"): the role with the demonym's country, spanning both."""
    if m.kind != "demonym" or not m.country or lex.lang not in PRENOMINAL:
        return m
    head = next((x for x in mentions if x.start >= m.end), None)
    if head is None or not _role_only(head) or head.members:
        return m
    words = doc.text[m.end : head.start].split()
    function = set(lex.defaults["conj"]) | set(lex.defaults["of"]) | set(lex.defaults["target"])
    if not 1 <= len(words) <= QUALIFIED_WORDS or not all(
        w.isalpha() and w.lower() not in function for w in words
    ):
        return m
    text = doc.text[m.start : head.end]
    return replace(head, start=m.start, text=text, code=m.country + head.code[3:], country=m.country)


def _qualified(doc: Doc, lex: Lexicon, mentions: list[Mention], m: Mention) -> Mention:
    """A role noun with no country after a demonym and one or two lower-case words ("Nigerian junior foreign
    minister", "Kenyan senior police officers"), or right after an organ of a country ("French National
    Assembly president X"), in languages whose adjectives precede their noun: that country. Anything else
    between (a hyphen, a conjunction, a preposition) leaves ---ROLE; a place before it gives no country."""
    if not _role_only(m) or m.members or lex.lang not in PRENOMINAL:
        return m
    prev = next((x for x in reversed(mentions) if x.end <= m.start), None)
    if prev is None or not prev.country or prev.kind in PLACE_KINDS:
        return m
    words = doc.text[prev.end : m.start].split()
    if not words and prev.kind != "demonym" and doc.text[prev.end : m.start] == " ":
        # "Bulgarian National Assembly president Ivan Petrov": a title after an organ of a country
        return replace(m, code=prev.country + m.code[3:], country=prev.country)
    if prev.kind != "demonym":
        return m
    function = set(lex.defaults["conj"]) | set(lex.defaults["of"]) | set(lex.defaults["target"])
    if not 1 <= len(words) <= QUALIFIED_WORDS or doc.text[prev.end : prev.end + 1] != " ":
        return m
    if not all(w.isalpha() and w.islower() and w not in function for w in words):
        return m
    return replace(m, code=prev.country + m.code[3:], country=prev.country)


PRENOMINAL = frozenset({"en", "de"})


NOMINAL_BEFORE = {
    "en": frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})
}
LIGHT_REACH = 5  # words between a light verb and the attack word ("launched a fresh wave of"): adjectives


def _nominal(sent: Sentence, lex: Lexicon, match: TriggerMatch) -> bool:
    """A hostile trigger used as a noun: a noun trigger, or a verb trigger after a determiner ("the attack")."""
    if match.trigger.pos == "noun":
        return True
    prev = _norm(sent.tokens[match.anchor - 1].text) if match.anchor > 0 else ""
    return prev in NOMINAL_BEFORE.get(lex.lang, ())


def _agent_of_noun(doc: Doc, sent: Sentence, lex: Lexicon, match: TriggerMatch, subject: Mention) -> bool:
    """Whether the actor before a hostile noun ("the attack", "an offensive") is its agent: right before it
    ("a rebel attack", "Russia's offensive"), the subject of a verb that carries it out (markers.yaml
    `light_verb`: "launched an attack", "have carried out raids"), or at least not the subject of another
    event's verb ("Egypt condemned the attack"). Languages without light verbs keep the subject."""
    light = set(_grammar(lex, "light_verb"))
    if not light:
        return True
    toks = sent.tokens
    between = [t for t in toks[: match.anchor] if t.start >= subject.end]
    words = [_norm(t.text) for t in between if t.text != ","]
    if not words or words in (["'s"], ["'"], ["'", "s"]):
        return True
    lemmas = [(t.lemma or t.text).lower() for t in between if t.text != ","]
    at = max((i for i, w in enumerate(lemmas) if w in light or words[i] in light), default=-1)
    if at >= 0 and len(words) - at - 1 <= LIGHT_REACH:
        return True
    # the actor is the subject of another event's verb ("condemned", "denounced"): that event is its act
    return not any(
        tr.pos == "verb" and tr.cameo[:2] not in HOSTILE_ROOTS
        for t in between
        for tr in lex.candidates(token_keys(t))
    )


CASUALTY_VERBS = {
    "en": frozenset({"died", "die", "dies", "killed", "wounded", "injured", "hurt", "perished"}),
    # "tre guardie sono rimaste ferite durante l'assalto", "trois policiers ont été blessés lors de l'attaque"
    "it": frozenset(
        {
            "morti",
            "morto",
            "morta",
            "morte",
            "uccisi",
            "ucciso",
            "uccisa",
            "uccise",
            "feriti",
            "ferito",
            "ferita",
        }
        | {"ferite", "deceduti", "deceduto"}
    ),
    "fr": frozenset(
        {"morts", "mort", "morte", "mortes", "tués", "tué", "tuée", "tuées", "blessés", "blessé", "blessée"}
        | {"blessées", "décédés", "péri"}
    ),
}


def _casualty_before(doc: Doc, lex: Lexicon, subject: Mention, t_start: int) -> bool:
    """The actor died or was hurt in what the hostile word names ("children have died in an explosion",
    "four soldiers were wounded during the raid"): a casualty verb right after it and a preposition."""
    words = _norm(doc.text[subject.end : t_start]).replace(",", " ").split()
    verbs = CASUALTY_VERBS.get(lex.lang, frozenset())
    links = set(lex.defaults["agent"]) | set(lex.defaults["of"]) | PASSIVE_LINKS  # "died of / from / in"
    at = next((i for i, w in enumerate(words[: PASSIVE_OPENING + 2]) if w in verbs), None)
    if at is None or at + 1 >= len(words):
        return False
    return words[at + 1] in links and len(words) - at - 2 <= PASSIVE_TAIL


# a copula of result before a participle ("il dj rimasto ucciso", "i soldati restati feriti"): a passive
RESULT_COPULA = {
    "it": frozenset({"rimasto", "rimasta", "rimasti", "rimaste", "restato", "restata", "restati"})
}
# English participles of harm to people (their past tenses are written the same: only these are read as
# a participle clause on the one harmed); "at" and "after" also follow an active verb ("killed at least 40")
HARMED = {
    "en": frozenset(
        {"shot", "murdered", "kidnapped", "abducted", "arrested", "detained", "executed", "beaten", "stabbed"}
        | {"assassinated", "tortured", "captured"}
    )
}
CLAUSE_LINKS = frozenset({"at", "after", "dopo", "après"})
# German participles of killing and wounding; attributive ("der getötete Journalist") with an ending
DE_CASUALTY = ("getötet", "verletzt", "verwundet", "ermordet", "erschossen", "umgekommen", "gestorben")
DE_CASUALTY_ENDINGS = ("e", "en", "er", "es")


def _participle_clause(
    doc: Doc, sent: Sentence, lex: Lexicon, match: TriggerMatch, before: list[Mention]
) -> bool:
    """A hostile participle right after an actor, set off by a comma or after "rimasto", and followed by a
    preposition of the event or of its agent ("X, uccisa in un attentato", "the journalist, killed in a raid",
    "la journaliste, tuée lors d'une attaque", "soldiers killed in the ambush"): the actor was hit."""
    toks = sent.tokens
    anchor = match.anchor
    if not before or match.tokens[0] != anchor or anchor + 1 >= len(toks):
        return False
    word = _norm(toks[anchor].text)
    lemma = (toks[anchor].lemma or "").lower()
    endings = tuple(lex.defaults["participle"])
    casualty = word in CASUALTY_VERBS.get(lex.lang, frozenset()) | HARMED.get(lex.lang, frozenset())
    if lex.lang in HARMED and not casualty:
        return False  # English past tenses look like participles: only the verbs of harm to people
    if not casualty and (word == lemma or not endings or not word.endswith(endings)):
        return False
    if anchor > 0 and _norm(toks[anchor - 1].text) in HAVE_AUX.get(lex.lang, ()):
        return False
    near = before[-1]
    gap = _norm(doc.text[near.end : toks[anchor].start]).split()
    copula = [w for w in gap if w != ","]
    if copula and all(w in RESULT_COPULA.get(lex.lang, ()) for w in copula):
        return True  # "rimasto ucciso", ", rimasto ucciso"
    if gap not in ([","], []) or (not gap and lex.lang != "en"):
        return False
    nxt = _norm(toks[anchor + 1].text).replace("'", " ").split()
    links = (PASSIVE_LINKS - CLAUSE_LINKS) | set(lex.defaults["agent"])
    return bool(nxt) and nxt[0] in links


def _casualty_after(doc: Doc, lex: Lexicon, t_end: int, predicative: bool) -> bool:
    """German: a participle of killing or wounding right after a hostile noun, attributive ("der bei dem
    Anschlag getötete Journalist") or with its passive auxiliary ("die bei dem Angriff verletzt wurden")."""
    if lex.lang != "de":
        return False
    words = _norm(doc.text[t_end : t_end + 40]).replace(",", " , ").split()
    if not words:
        return False
    first = words[0]
    if predicative:
        return first in DE_CASUALTY and len(words) > 1 and words[1] in lex.defaults["passive_aux"]
    return any(first == p + e for p in DE_CASUALTY for e in DE_CASUALTY_ENDINGS)


def _passive_patient(doc: Doc, lex: Lexicon, before: list[Mention], agent: Mention) -> Mention | None:
    """ "Der Demonstrant wurde von der Polizei in Gewahrsam genommen": the actor before a passive auxiliary
    and the agent marker is what the agent did the noun's act to."""
    at = before.index(agent) if agent in before else -1
    if at < 1:
        return None
    prev = before[at - 1]
    words = _norm(doc.text[prev.end : agent.start]).split()
    aux = set(lex.defaults["passive_aux"])
    if not 2 <= len(words) <= 4 or words[0] not in aux:
        return None
    rest = [w for w in words[1:] if w not in ARTICLES]
    return prev if len(rest) == 1 and rest[0] in lex.defaults["agent"] else None


PASSIVE_OPENING = 1  # words before the auxiliary: "were killed", "have been killed"
PASSIVE_ADVERBIAL = 2  # words between the participle and its preposition: "killed on Wednesday in"
PASSIVE_TAIL = 3  # words from the preposition to the noun: "in a roadside bomb attack"
# "were killed IN / DURING an attack": the prepositions (besides agent markers) that place the one a passive
# hurt inside the event; not "for / with / over" ("were arrested for the attack", "indagati per l'omicidio")
PASSIVE_LINKS = frozenset(
    {"in", "during", "after", "amid", "at", "en", "durante", "dans", "lors", "nel", "nella"}
    | {"nell'", "nei", "negli", "nelle", "dopo", "pendant", "durant", "après"}
)


def _passive_before(lex: Lexicon, gap: str) -> bool:
    """The words between an actor and a hostile noun are a passive verb and a preposition ("were killed in a",
    "has been wounded by the", "fueron asesinados en un"): the actor suffered what the noun names."""
    words = _norm(gap).replace(",", " ").split()
    aux = set(lex.defaults["passive_aux"])
    endings = tuple(lex.defaults["participle"])
    links = set(lex.defaults["agent"]) | PASSIVE_LINKS
    for i, word in enumerate(words[: PASSIVE_OPENING + 1]):
        if (
            i + 2 < len(words)
            and word in aux
            and len(words[i + 1]) > 3
            and endings
            and words[i + 1].endswith(endings)
        ):
            # the preposition right after the participle, or after a short adverbial ("on Wednesday in")
            reach = words[i + 2 : i + 3 + PASSIVE_ADVERBIAL]
            at = next((i + 2 + k for k, w in enumerate(reach) if w in links), None)
            return at is not None and len(words) - (at + 1) <= PASSIVE_TAIL
    return False


def _second_predicate(lex: Lexicon, gap: str) -> bool:
    """The gap between an actor and a verb is a conjunction (with only auxiliaries, clitics or adverbs after
    it): the verb is a second predicate of the clause and shares the first one's subject."""
    allowed = set(_grammar(lex, "second_predicate"))
    words = [w for w in _norm(gap).replace(",", " ").split() if w]
    if not allowed or not words or words[0] not in lex.defaults["conj"]:
        return False
    return len(words) <= 3 and all(w in allowed for w in words[1:])


def _genitive_of(lex: Lexicon, gap: str) -> bool:
    """The gap is only a genitive marker and an article ("della", "dell'", "of the", "de la"): the noun after it
    qualifies the actor before it."""
    words = _norm(gap).replace("'", " ").split()
    if not words or len(words) > 2 or words[0] not in lex.defaults["of"]:
        return False
    return len(words) == 1 or words[1] in ARTICLES


def _genitive_complement(doc: Doc, lex: Lexicon, sent_start: int, start: int) -> bool:
    """The word at `start` follows a noun and a genitive marker ("vittime della", "victims of the"): it only
    qualifies that noun."""
    words = _norm(doc.text[max(sent_start, start - 40) : start]).replace("'", " ").split()
    if words and words[-1] in ARTICLES:
        words = words[:-1]
    return len(words) >= 2 and words[-1] in lex.defaults["of"] and words[-2].isalpha()


ENVOY_REACH = 12  # characters between an envoy and its post's preposition ("embajadores en", "ambassador to")


def envoy_host(doc: Doc, lex: Lexicon, roles: Roles, mentions: list[Mention]) -> Roles:
    """A target that is a bare envoy ("sus embajadores", "its ambassador") posted in a named country or
    capital ("en Madrid", "to France") stands for that country: recalling or expelling the envoy acts on the
    host (CAMEO 161, 166). Only the first host of a list is taken, like any compound target."""
    target = roles.target
    if target is None or not _role_only(target):
        return roles
    words = _norm(target.text).split()
    if not words or words[-1] not in _grammar(lex, "envoy"):
        return roles
    at = _grammar(lex, "envoy_at")
    for m in mentions:
        if m.start < target.end or m is target:
            continue
        gap = _norm(doc.text[target.end : m.start]).strip(" ,")
        if len(gap) > ENVOY_REACH or not any(gap == a or gap.endswith(" " + a) for a in at):
            return roles
        if m.country and not _role_only(m):
            roles.target = m
            roles.how.append("envoy-host")
        return roles
    return roles


def _role_only(m: Mention) -> bool:
    """A mention with no known country or organisation ("le truppe", "i manifestanti"): ---ROLE."""
    return m.code.startswith("---")


def _custom(lex: Lexicon, trig) -> re.Pattern[str]:
    """The pattern of a trigger's own target markers, compiled once per lexicon."""
    key = "target:" + trig.id
    if key not in lex.marker_res:
        lex.marker_res[key] = _markers_pattern(trig.target or ())
    return lex.marker_res[key]


SHORT_PARENTHESIS = re.compile(r"\([^()]{0,40}\)")  # "(OEA)", "(Yoon Suk Yeol)": no break


def _postposed(
    doc: Doc, sent: Sentence, lex: Lexicon, trig, after: list[Mention], t_start: int, t_end: int, agent
) -> Mention | None:
    """Verb-subject order (markers verb_first, subject_filler, count_nouns): a verb that opens its clause
    ("Protestaron ayer ...", "Según la policía, marcharon ...") has its subject after it when only time words,
    articles, counts and places after a locative stand between ("marcharon este lunes en Lima unos 5.000
    estudiantes", "protestaron ayer miles de campesinos"). An actor after any other word or a preposition is
    an object or a genitive ("atacaron la sede de la ONU", "protestaron contra el gobierno"): None."""
    opener = set(_grammar(lex, "verb_first"))
    if not opener or trig.pos != "verb":
        return None
    last = _norm(doc.text[max(t_start, t_end - 12) : t_end]).split()[-1:]
    if last and last[0] in set(lex.defaults["target"]) | set(lex.defaults["of"]) | set(lex.defaults["agent"]):
        return None  # "detienen a 75 religiosos": the pattern ends in the object's preposition
    clause_start = max([sent.start] + [doc.text.rfind(b, sent.start, t_start) + 1 for b in (",", ";", ":")])
    head = _norm(doc.text[clause_start:t_start]).strip(" \"“”«»'-").split()
    if any(w not in opener for w in head):
        return None
    filler, counts = set(_grammar(lex, "subject_filler")), set(_grammar(lex, "count_nouns"))
    places: list[tuple[int, int]] = []
    for m in after:
        if m is agent or m.start < t_end:
            continue
        if _hard_break(doc, t_end, m.start):
            return None
        gap = doc.text[t_end : m.start]
        for a, b in places:
            gap = gap[: a - t_end] + " " * (b - a) + gap[b - t_end :]
        if any(ch in gap for ch in ",;:()"):
            return None
        if _where(lex, trig, m, _gap(doc, t_end, m.start)):
            places.append((m.start, m.end))
            continue
        words = [w for w in _norm(gap).split() if not w.replace(".", "").replace(",", "").isdigit()]
        if any(w not in filler for w in words):
            return None
        if words and words[-1] in lex.defaults["of"] and (len(words) < 2 or words[-2] not in counts):
            return None
        if words and words[-1] in lex.defaults["target"] and words[-1] not in lex.defaults["of"]:
            return None
        return m
    return None


def _hard_break(doc: Doc, start: int, end: int) -> bool:
    span = SHORT_PARENTHESIS.sub(" ", doc.text[start:end])
    return any(b in span for b in HARD_BREAKS)


def _speaker_subject(doc, lex: Lexicon, cands, speaker, roles: Roles, t_start: int) -> Roles:
    """An obligation the speaker puts on the clause's subject ("X said that Y must ..."): X → Y. A coordinated
    subject ("the government and the rebels must ...") is named by its first member."""
    before = [m for m in cands if m.end <= t_start and (speaker is None or m is not speaker)]
    if before and not _hard_break(doc, before[-1].end, t_start):
        group = compound_group(doc, lex, before, len(before) - 1)
        roles.target = group[0] if group[0] is not speaker else before[-1]
    if speaker is not None:
        roles.sources = [speaker]
        roles.how.append("speaker")
    return roles


INVERSION_NOT = frozenset({"den", "dem", "aber", "jedoch", "zudem", "außerdem", "ihn", "ihm", "ihr", "ihnen"})
INVERSION_WORDS = 3  # words (a nominative article, adjectives, "sich") between the verb and its subject


def _inverted_subject(doc, sent, lex: Lexicon, trig, cands, t_start: int, verb_end: int, after_comma: bool):
    """German verb-second: after a fronted clause or phrase the subject follows the finite verb ("Die Regierung
    müsse handeln, forderte der norwegische Diplomat"; "Inzwischen wirft Erdogan dem Prediger vor"; "Am Montag
    zeigte sich Kerry optimistisch"). Used where the verb has no subject before it, or (`after_comma`: a speech
    verb with an actor before it) only right after a comma. The actor right after the verb (only an article, adjectives or "sich" between,
    no pronoun subject) is the source; the target is a later actor of the clause, else the first other actor
    of the clause before the comma (what was said). None when no actor follows the verb so.
    Italian (markers `inverted_aux`) inverts only a speech verb after a comma ("«...», ha chiesto il ministro"),
    an auxiliary between the comma and the verb."""
    if trig.pos != "verb":
        return None
    head = doc.text[sent.start : t_start].rstrip()
    if not lex.defaults.get("verb_final"):
        aux = _grammar(lex, "inverted_aux")
        words = head.split()
        while words and words[-1].lower() in aux:
            words.pop()
        head = " ".join(words)
        if not aux or trig.cameo[:2] not in SPEECH_ROOTS or not head.endswith(",") or len(words) < 4:
            return None
    if after_comma and (not head.endswith(",") or len(head.split()) < 4):
        return None
    clause_start = max([sent.start] + [doc.text.rfind(b, sent.start, t_start) + 1 for b in (":", ";")])
    opener = next(iter(_norm(doc.text[clause_start:t_start]).split()), "")
    if not head.endswith(",") and opener not in _grammar(lex, "fronted"):
        return None  # "Die Grünen verweigerten X ...": the clause opens with its subject, no actor of ours
    after = [m for m in cands if m.start >= verb_end]  # a split verb's subject stands inside its pattern
    if not after:
        return None
    subject, gap = after[0], doc.text[verb_end : after[0].start]
    words = _norm(gap).split()
    stop = set(lex.defaults["target"]) | set(lex.defaults["clause_break"]) | set(lex.defaults["conj"])
    stop |= set(lex.defaults.get("pronoun") or ()) | set(lex.defaults["first_person"]) | INVERSION_NOT
    words += _norm(subject.text).split()[
        :1
    ]  # "warf dem Weißen Haus vor": a dative or accusative is no subject
    if any(ch in gap for ch in ',;:()«»"“”') or len(words) > INVERSION_WORDS + 1 or stop & set(words):
        return None
    later = [
        m
        for m in after[1:]
        if not any(ch in doc.text[subject.end : m.start] for ch in ",;:(")
        and not set(_norm(doc.text[subject.end : m.start]).split()) & set(lex.defaults["conj"])
    ]
    if later:
        return subject, later[0]
    if not head.endswith(","):
        return subject, None
    said = [m for m in cands if clause_start <= m.start and m.end <= t_start and m.code != subject.code]
    return subject, (said[0] if said else None)


def _speaker_frame(doc, sent, match, lex, cands, speaker, roles: Roles) -> Roles:
    """The speaker calls something by the trigger ("… would be an escalation, said X"): X is the source,
    the first other actor of the clause the target."""
    t_start = sent.tokens[match.anchor].start
    clause_start = sent.start
    for b in (":", ";"):
        k = doc.text.rfind(b, sent.start, t_start)
        if k >= 0:
            clause_start = max(clause_start, k + 1)
    if speaker is not None:
        roles.sources = [speaker]
        roles.how.append("speaker")
    others = [
        m for m in cands if clause_start <= m.start < t_start and (speaker is None or m.code != speaker.code)
    ]
    if others:
        roles.target = others[0]
    return roles
