"""Modality and negation of an event, from cues in the clause that holds its trigger.

Public API (called by the lexicon coder):

    detect(doc, sent, trigger_start, trigger_end, lang, attributed=False) -> ModalityResult
    clause_span(doc, sent, start, end, lang) -> (clause_start, clause_end)
    cues(lang) -> QualifierCues        # the compiled cue lexicon of data/qualifiers/<lang>.yaml

`modality` is one of MODALITIES. Precedence when several cues govern the clause:
question > denied > unconfirmed > hypothetical > intended > reported > asserted.
`reported` is given when `attributed=True` (the coder found an attribution to a non-writer source governing
the clause, see casus.coding.attribution) and no stronger cue applies. Only cues inside the trigger's clause
count: a conditional in another clause does not leak (clauses split at ; : quotes, and at "che/that/que/dass"
+ a comma-delimited reporting frame, see clause_span).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from casus.doc import Doc, Sentence

MODALITIES: tuple[str, ...] = (
    "asserted",
    "reported",
    "hypothetical",
    "intended",
    "denied",
    "unconfirmed",
    "question",
)


@dataclass(slots=True)
class ModalityResult:
    """The modality of one event and the cues that decided it.

    `cues` are dicts {"kind": "conditional"|"if"|"intent"|"unconfirmed"|"denial"|"question"|"negation",
    "text": str, "start": int, "end": int} with offsets into doc.text, for `casus explain`.
    """

    modality: str = "asserted"
    negated: bool = False
    cues: list[dict[str, Any]] = field(default_factory=list)


def clause_span(doc: Doc, sent: Sentence, start: int, end: int, lang: str) -> tuple[int, int]:
    """The clause of `sent` that contains doc.text[start:end], as offsets into doc.text."""
    return sent.start, sent.end


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
    return ModalityResult("reported" if attributed else "asserted", False, [])
